/*
 * Statuses, messages and the summed report of the county picture; see
 * county.h.  Messages are i18n patterns (i18n/zh/county.txt) filled with
 * labels from the template in the same language and figures formatted by
 * num_format, so that what the page says is exactly what the files hold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "county.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"

enum county_status
county_status(const struct batch_item *it)
{
	if (!it->read)
		return (COUNTY_UNREAD);
	if (it->nerrors > 0)
		return (COUNTY_ERRORS);
	if (batch_item_problems(it) > 0)
		return (COUNTY_WARNINGS);
	return (COUNTY_CLEAN);
}

const char *
county_status_id(enum county_status s)
{
	static const char *const ids[] = { "clean", "warnings", "errors",
	    "unread" };

	return (ids[s]);
}

char *
county_cut(const char *s, size_t max)
{
	struct sbuf	b;
	int32_t		i = 0, n = (int32_t)strlen(s), at;
	size_t		k = 0;
	UChar32		c;
	bool		space = false;

	sbuf_init(&b);
	while (i < n) {
		at = i;
		U8_NEXT(s, i, n, c);
		if (c < 0)
			continue;
		if (u_isUWhiteSpace(c)) {
			space = b.len > 0;
			continue;
		}
		if (k == max) {
			sbuf_adds(&b, "…");
			break;
		}
		if (space) {
			sbuf_addc(&b, ' ');
			k++;
			space = false;
		}
		sbuf_add(&b, s + at, (size_t)(i - at));
		k++;
	}
	return (sbuf_take(&b));
}

/* A figure of cell in t, formatted exactly, into buf (NUM_FMT_MAX). */
static char *
fig(const struct tpl *t, int cell, struct num v, char *buf)
{
	return (num_format(v, cell >= 0 ? t->cells[cell].type.kind :
	    NUM_COUNT, buf));
}

static char *
section_name(const struct tpl *t, int s, enum lang lang)
{
	if (s < 0)
		return (xstrdup("?"));
	if (lang == LANG_ZH)
		return (xasprintf("%s、%s", t->sections[s].number,
		    tpl_label(&t->sections[s].title, lang)));
	return (xstrdup(tpl_label(&t->sections[s].title, lang)));
}

/* The name shown for the organ of item i. */
static const char *
organ_of(const struct batch *b, size_t i)
{
	const struct batch_item	*it = &b->items[i];

	if (it->organ_ix >= 0)
		return (b->organs[it->organ_ix].name);
	return (it->organ != NULL ? it->organ : "");
}

static char *
msg_figures(const struct batch *b, const struct batch_item *it,
    const struct batch_cross *x, const struct i18n *i18n)
{
	const struct tpl	*t = it->tpl;
	const struct tpl_cell	*c = &t->cells[x->cell];
	const struct tpl_block	*blk = &t->blocks[c->block];
	enum lang		 lang = i18n_lang(i18n);
	char			 f[6][NUM_FMT_MAX], y[16], label[256];
	struct num		 want;
	const char		*a[7];

	snprintf(y, sizeof y, "%d", b->items[x->other].year);
	fig(t, x->cell, x->v[0], f[0]);
	fig(t, x->cell, x->v[1], f[1]);
	switch (x->kind) {
	case BATCH_X_CARRY:
		a[0] = tpl_label(&tpl_col_node(blk, c->col)->label, lang);
		a[1] = f[0];
		a[2] = f[1];
		a[3] = b->items[x->other].path;
		a[4] = y;
		return (i18n_fmt(i18n, "county.x_carry", 5, a));
	case BATCH_X_IN_FORCE:
		want = x->v[0];
		num_add(&want, x->v[1], 1);
		num_add(&want, x->v[2], -1);
		fig(t, x->cell, x->v[2], f[2]);
		fig(t, x->cell, x->v[3], f[3]);
		fig(t, x->cell, want, f[4]);
		a[0] = tpl_label(&tpl_row_node(blk, c->row)->label, lang);
		a[1] = f[0];
		a[2] = f[1];
		a[3] = f[2];
		a[4] = f[3];
		a[5] = f[4];
		a[6] = y;
		return (i18n_fmt(i18n, "county.x_in_force", 7, a));
	default:
		a[0] = tpl_cell_label(t, x->cell, lang, label, sizeof label);
		a[1] = f[0];
		a[2] = f[1];
		a[3] = y;
		return (i18n_fmt(i18n, "county.x_jump", 4, a));
	}
}

static char *
msg_texts(const struct batch *b, const struct batch_item *it,
    const struct batch_cross *x, const struct i18n *i18n)
{
	enum lang	 lang = i18n_lang(i18n);
	char		*sec = section_name(it->tpl, x->section, lang), *q, *m;
	char		 y[16], pct[16];
	const char	*a[5];

	snprintf(y, sizeof y, "%d", b->items[x->other].year);
	snprintf(pct, sizeof pct, "%d", x->pct);
	q = county_cut(x->text != NULL ? x->text : "", COUNTY_QUOTE);
	a[0] = sec;
	if (x->kind == BATCH_X_SIMILAR) {
		a[1] = y;
		a[2] = pct;
		m = i18n_fmt(i18n, "county.x_similar", 3, a);
	} else {
		a[1] = organ_of(b, x->other);
		a[2] = b->items[x->other].path;
		a[3] = pct;
		a[4] = q;
		m = i18n_fmt(i18n, "county.x_neardup", 5, a);
	}
	free(q);
	free(sec);
	return (m);
}

char *
county_cross_message(const struct batch *b, const struct batch_item *it,
    const struct batch_cross *x, const struct i18n *i18n)
{
	char		 y[3][16], *q, *m;
	const char	*a[4];

	switch (x->kind) {
	case BATCH_X_CARRY:
	case BATCH_X_IN_FORCE:
	case BATCH_X_JUMP:
		return (msg_figures(b, it, x, i18n));
	case BATCH_X_SIMILAR:
	case BATCH_X_NEARDUP:
		return (msg_texts(b, it, x, i18n));
	case BATCH_X_GAP:
		snprintf(y[0], sizeof y[0], "%d", x->year);
		snprintf(y[1], sizeof y[1], "%d", x->year_to);
		snprintf(y[2], sizeof y[2], "%d", b->items[x->other].year);
		a[0] = y[0];
		a[1] = y[1];
		a[2] = y[2];
		return (i18n_fmt(i18n, x->year == x->year_to ?
		    "county.x_gap1" : "county.x_gap", 3, a));
	case BATCH_X_DUPLICATE:
		return (i18n_fmt1(i18n, "county.x_duplicate",
		    b->items[x->other].path));
	default:
		q = county_cut(x->text != NULL ? x->text : "", COUNTY_QUOTE);
		a[0] = x->name;
		a[1] = organ_of(b, x->other);
		a[2] = q;
		m = i18n_fmt(i18n, "county.x_name", 3, a);
		free(q);
		return (m);
	}
}

size_t
county_years(const struct batch *b, int **out)
{
	int	*v = NULL;
	size_t	 n = 0, cap = 0, i, j;

	for (i = 0; i < b->n; i++) {
		if (!b->items[i].read)
			continue;
		for (j = 0; j < n && v[j] != b->items[i].year; j++)
			;
		if (j == n)
			*VEC_PUSH(v, n, cap) = b->items[i].year;
	}
	for (i = 1; i < n; i++)		/* a handful: insertion sort */
		for (j = i; j > 0 && v[j - 1] > v[j]; j--) {
			int t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	*out = v;
	return (n);
}

size_t
county_cell(const struct batch *b, size_t o, int y)
{
	const struct batch_organ	*org = &b->organs[o];
	size_t				 k;

	for (k = 0; k < org->nitems; k++)
		if (b->items[org->items[k]].year == y)
			return (org->items[k]);
	return (SIZE_MAX);
}

struct report *
county_sum_report(const struct batch_sum *s)
{
	struct report	*r = report_new(s->tpl);
	size_t		 c;

	report_set_year(r, s->year);
	report_freeze(r);
	for (c = 0; c < s->tpl->ncells; c++)
		if (s->tpl->cells[c].formula < 0 && s->v[c].state == RV_SET)
			report_set_value(r, (int)c, s->v[c], NULL);
	report_thaw(r);
	return (r);
}
