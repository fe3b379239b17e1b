/*
 * JSON and CSV of the county check; see county_data.h.  Both walk the
 * batch in file order; the county rows pool each year's rates
 * (rates_add).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "county.h"
#include "county_data.h"
#include "json.h"
#include "rates.h"
#include "sbuf.h"
#include "xmalloc.h"

static const char *const kinds[BATCH_X_NKINDS] = { "carry", "in_force",
    "jump", "similar", "gap", "duplicate", "neardup", "name" };

static void
json_frac(struct sbuf *b, struct rates_frac f)
{
	char	*p;

	if (f.den <= 0) {
		sbuf_adds(b, "null");
		return;
	}
	p = rates_percent(f);
	sbuf_addf(b, "{\"num\": %lld, \"den\": %lld, \"percent\": ",
	    (long long)f.num, (long long)f.den);
	json_str(b, p);
	sbuf_adds(b, "}");
	free(p);
}

static void
json_rates(struct sbuf *b, const struct rates *r)
{
	if (r->has_apps)
		sbuf_addf(b, "{\"applications\": %lld", (long long)r->apps);
	else
		sbuf_adds(b, "{\"applications\": null");
	sbuf_adds(b, ", \"disclosed\": ");
	json_frac(b, r->disclosed);
	sbuf_adds(b, ", \"corrected\": ");
	json_frac(b, r->corrected);
	sbuf_adds(b, "}");
}

/* The fields particular to x's kind. */
static void
json_cross_detail(struct sbuf *b, const struct batch_item *it,
    const struct batch_cross *x)
{
	char	buf[NUM_FMT_MAX];
	int	k, nv = x->kind == BATCH_X_IN_FORCE ? 4 :
		    x->kind == BATCH_X_CARRY || x->kind == BATCH_X_JUMP ? 2 : 0;

	if (x->cell >= 0) {
		sbuf_adds(b, ", \"cell\": ");
		json_str(b, it->tpl->cells[x->cell].id);
	}
	if (x->section >= 0) {
		sbuf_adds(b, ", \"section\": ");
		json_str(b, it->tpl->sections[x->section].id);
	}
	if (x->kind == BATCH_X_SIMILAR || x->kind == BATCH_X_NEARDUP)
		sbuf_addf(b, ", \"similarity\": %d", x->pct);
	if (x->kind == BATCH_X_GAP)
		sbuf_addf(b, ", \"missing\": [%d, %d]", x->year, x->year_to);
	for (k = 0; k < nv; k++) {
		sbuf_adds(b, k ? ", " : ", \"values\": [");
		sbuf_adds(b, num_format(x->v[k], it->tpl->cells[x->cell].type.kind,
		    buf));
	}
	if (nv > 0)
		sbuf_adds(b, "]");
	if (x->name != NULL) {
		sbuf_adds(b, ", \"name\": ");
		json_str(b, x->name);
	}
	if (x->text != NULL) {
		sbuf_adds(b, ", \"text\": ");
		json_str(b, x->text);
	}
}

static void
json_cross(struct sbuf *b, const struct batch *bt, const struct batch_item *it,
    const struct i18n *i)
{
	size_t	k;
	char	*m;

	sbuf_adds(b, ", \"cross\": [");
	for (k = 0; k < it->ncross; k++) {
		const struct batch_cross *x = &it->cross[k];
		sbuf_adds(b, k ? ",\n    {\"rule\": " : "\n    {\"rule\": ");
		json_str(b, batch_cross_rule(it, x));
		sbuf_addf(b, ", \"kind\": \"%s\", \"severity\": \"%s\", "
		    "\"other\": ", kinds[x->kind], batch_cross_is_note(x) ?
		    "note" : "warning");
		json_str(b, bt->items[x->other].path);
		json_cross_detail(b, it, x);
		m = county_cross_message(bt, it, x, i);
		sbuf_adds(b, ", \"message\": ");
		json_str(b, m);
		sbuf_adds(b, "}");
		free(m);
	}
	sbuf_adds(b, "]");
}

static void
json_file(struct sbuf *b, const struct batch *bt, size_t k,
    const struct i18n *i)
{
	const struct batch_item	*it = &bt->items[k];
	struct rates		 r;
	char			*m;

	sbuf_adds(b, "\n  {\"file\": ");
	json_str(b, it->path);
	if (!it->read) {
		m = i18n_err(i, &it->err);
		sbuf_adds(b, ", \"error\": ");
		json_str(b, m);
		sbuf_adds(b, "}");
		free(m);
		return;
	}
	sbuf_adds(b, ", \"template\": ");
	json_str(b, it->tpl->id);
	sbuf_adds(b, ", \"organ\": ");
	json_str(b, it->organ);
	sbuf_adds(b, ", \"organ_name\": ");
	json_str(b, it->organ_ix >= 0 ? bt->organs[it->organ_ix].name :
	    it->organ);
	sbuf_adds(b, ", \"published_on\": ");
	if (it->published_on != NULL && *it->published_on != '\0')
		json_str(b, it->published_on);
	else
		sbuf_adds(b, "null");
	sbuf_addf(b, ", \"year\": %d, \"status\": \"%s\", \"errors\": %zu, "
	    "\"warnings\": %zu, \"worst\": ", it->year,
	    county_status_id(county_status(it)), it->nerrors, it->nwarnings);
	if (it->worst)
		json_str(b, it->worst);
	else
		sbuf_adds(b, "null");
	rates_of(bt, it, &r);
	sbuf_adds(b, ", \"rates\": ");
	json_rates(b, &r);
	json_cross(b, bt, it, i);
	sbuf_adds(b, ", \"flags\": ");
	sbuf_adds(b, it->json_flags ? it->json_flags : "[]");
	sbuf_adds(b, "}");
}

static void
json_organs(struct sbuf *b, const struct batch *bt)
{
	size_t	o, k;

	sbuf_adds(b, ",\n \"organs\": [");
	for (o = 0; o < bt->norgans; o++) {
		const struct batch_organ *org = &bt->organs[o];
		sbuf_adds(b, o ? ",\n  {\"name\": " : "\n  {\"name\": ");
		json_str(b, org->name);
		sbuf_adds(b, ", \"key\": ");
		json_str(b, org->key);
		sbuf_adds(b, ", \"spellings\": [");
		for (k = 0; k < org->nspellings; k++) {
			sbuf_adds(b, k ? ", " : "");
			json_str(b, org->spellings[k]);
		}
		sbuf_adds(b, "], \"files\": [");
		for (k = 0; k < org->nitems; k++) {
			sbuf_adds(b, k ? ", " : "");
			json_str(b, bt->items[org->items[k]].path);
		}
		sbuf_adds(b, "]}");
	}
	sbuf_adds(b, "]");
}

/* The pooled rates of year y. */
static void
year_rates(const struct batch *bt, int y, struct rates *acc)
{
	struct rates	r;
	size_t		k;

	memset(acc, 0, sizeof *acc);
	for (k = 0; k < bt->n; k++)
		if (bt->items[k].read && bt->items[k].year == y) {
			rates_of(bt, &bt->items[k], &r);
			rates_add(acc, &r);
		}
}

static void
json_county(struct sbuf *b, const struct batch *bt)
{
	struct rates	 acc;
	int		*ys;
	size_t		 ny = county_years(bt, &ys), y;

	sbuf_adds(b, ",\n \"county\": [");
	for (y = 0; y < ny; y++) {
		year_rates(bt, ys[y], &acc);
		sbuf_addf(b, "%s\n  {\"year\": %d, \"reports\": %lld, "
		    "\"applications\": %lld, \"applications_per_organ\": ",
		    y ? "," : "", ys[y], (long long)acc.nreports,
		    (long long)acc.apps);
		if (acc.nreports > 0)
			sbuf_addf(b, "{\"num\": %lld, \"den\": %lld}",
			    (long long)acc.apps, (long long)acc.nreports);
		else
			sbuf_adds(b, "null");
		sbuf_adds(b, ", \"disclosed\": ");
		json_frac(b, acc.disclosed);
		sbuf_adds(b, ", \"corrected\": ");
		json_frac(b, acc.corrected);
		sbuf_adds(b, "}");
	}
	sbuf_adds(b, "]");
	free(ys);
}

char *
county_json(const struct batch *bt, const struct i18n *i)
{
	struct sbuf	b;
	size_t		k;

	sbuf_init(&b);
	sbuf_adds(&b, "{\"files\": [");
	for (k = 0; k < bt->n; k++) {
		if (k)
			sbuf_adds(&b, ",");
		json_file(&b, bt, k, i);
	}
	sbuf_adds(&b, "]");
	json_organs(&b, bt);
	json_county(&b, bt);
	sbuf_adds(&b, ",\n \"aliases\": ");
	if (bt->aliases_path != NULL)
		json_str(&b, bt->aliases_path);
	else
		sbuf_adds(&b, "null");
	sbuf_adds(&b, "}\n");
	return (sbuf_take(&b));
}

static void
csv_field(struct sbuf *b, const char *s)
{
	sbuf_addc(b, '"');
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"')
			sbuf_addc(b, '"');
		sbuf_addc(b, *s);
	}
	sbuf_adds(b, "\",");
}

/* applications, disclosed, corrected. */
static void
csv_rates(struct sbuf *b, const struct rates *r)
{
	char	*d = rates_fraction(r->disclosed);
	char	*c = rates_fraction(r->corrected);

	if (r->has_apps)
		sbuf_addf(b, "%lld,", (long long)r->apps);
	else
		sbuf_adds(b, ",");
	csv_field(b, r->disclosed.den > 0 ? d : "");
	csv_field(b, r->corrected.den > 0 ? c : "");
	free(d);
	free(c);
}

static void
csv_report(struct sbuf *b, const struct batch *bt, size_t k,
    const struct i18n *i)
{
	const struct batch_item	*it = &bt->items[k];
	struct rates		 r;
	size_t			 x;
	char			*m;

	if (!it->read) {
		m = i18n_err(i, &it->err);
		sbuf_adds(b, "unread,");
		csv_field(b, it->path);
		sbuf_adds(b, ",,,,,,,,,,,,,,");
		csv_field(b, m);
		b->s[--b->len] = '\0';
		sbuf_adds(b, "\n");
		free(m);
		return;
	}
	rates_of(bt, it, &r);
	sbuf_adds(b, "report,");
	csv_field(b, it->path);
	csv_field(b, it->organ_ix >= 0 ? bt->organs[it->organ_ix].name :
	    it->organ);
	sbuf_addf(b, "%d,%s,%zu,%zu,%zu,%s,", it->year,
	    county_status_id(county_status(it)), it->nerrors, it->nwarnings,
	    it->ncross, it->worst ? it->worst : "");
	csv_rates(b, &r);
	sbuf_adds(b, ",,,,\n");
	for (x = 0; x < it->ncross; x++) {
		const struct batch_cross *c = &it->cross[x];
		m = county_cross_message(bt, it, c, i);
		sbuf_adds(b, "finding,");
		csv_field(b, it->path);
		sbuf_addf(b, ",%d,,,,,,,,,%s,%s,", it->year,
		    batch_cross_rule(it, c), batch_cross_is_note(c) ? "note" :
		    "warning");
		csv_field(b, bt->items[c->other].path);
		csv_field(b, m);
		sbuf_adds(b, "\n");
		free(m);
	}
}

char *
county_csv(const struct batch *bt, const struct i18n *i)
{
	struct sbuf	 b;
	struct rates	 acc;
	int		*ys;
	size_t		 ny = county_years(bt, &ys), k;

	sbuf_init(&b);
	sbuf_adds(&b, "record,file,organ,year,status,errors,warnings,cross,"
	    "worst_rule,applications,disclosed,corrected,rule,severity,other,"
	    "message,error\n");
	for (k = 0; k < bt->n; k++)
		csv_report(&b, bt, k, i);
	for (k = 0; k < ny; k++) {
		year_rates(bt, ys[k], &acc);
		sbuf_addf(&b, "county,,%lld,%d,,,,,,", (long long)acc.nreports,
		    ys[k]);
		csv_rates(&b, &acc);
		sbuf_adds(&b, ",,,,\n");
	}
	free(ys);
	return (sbuf_take(&b));
}
