/*
 * The county page; see county_html.h.  One sbuf is filled part by part,
 * each part a function of the batch; every string from a report goes
 * through county_table_esc().  The chart is a list of (rule, count)
 * pairs, sorted by count then rule id, drawn as SVG rectangles scaled to
 * the largest count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "county.h"
#include "county_html.h"
#include "county_table.h"
#include "rates.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"

#define CHART_BAR	360	/* width of the longest bar, px */
#define CHART_ROW	26	/* height of a bar row, px */
#define CHART_LABEL	64	/* width of the rule column, px */

static const char css[] =
    "body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei',"
    "'Microsoft YaHei',sans-serif;margin:1.5em auto;max-width:72em;"
    "padding:0 1em;color:#222;line-height:1.5}"
    "h1{font-size:1.6em}h2{border-bottom:2px solid #ccc;margin-top:2em}"
    "table{border-collapse:collapse;margin:.6em 0}"
    "th,td{border:1px solid #999;padding:.2em .5em;vertical-align:middle}"
    "td.num{text-align:right}caption{font-weight:bold;text-align:left}"
    "dl.summary{display:grid;grid-template-columns:auto auto;width:max-content}"
    "dl.summary dd{margin:0 0 0 1em;font-weight:bold}"
    ".st-clean{background:#dff0d8}.st-warnings{background:#fcf8e3}"
    ".st-errors{background:#f2dede}.st-unread{background:#ddd}"
    "a.st{display:block;color:inherit}"
    "li.error{color:#a00}li.warning{color:#8a6d3b}li.note{color:#555}"
    "article{border-top:1px solid #ddd;padding:.3em 0}"
    "table.official{font-size:.85em}th.corner{font-weight:normal}"
    "svg text{font-size:13px;fill:#222}svg rect{fill:#4a78b0}";

static void
esc(struct sbuf *b, const char *s)
{
	county_table_esc(b, s != NULL ? s : "");
}

/* The message id formatted, escaped, appended. */
static void
say(struct sbuf *b, const struct i18n *i, const char *id, int n,
    const char *const *args)
{
	char	*m = i18n_fmt(i, id, n, args);

	esc(b, m);
	free(m);
}

static void
say1(struct sbuf *b, const struct i18n *i, const char *id, const char *a)
{
	say(b, i, id, a != NULL ? 1 : 0, &a);
}

static void
heading(struct sbuf *b, const struct i18n *i, const char *sid,
    const char *id)
{
	sbuf_addf(b, "<section id=\"%s\">\n<h2>", sid);
	say1(b, i, id, NULL);
	sbuf_adds(b, "</h2>\n");
}

static const char *
organ_name(const struct batch *b, const struct batch_item *it)
{
	return (it->organ_ix >= 0 ? b->organs[it->organ_ix].name :
	    it->organ);
}

static void
summary(struct sbuf *b, const struct batch *bt, const struct i18n *i)
{
	static const char *const ids[] = { "county.n_clean",
	    "county.n_warnings", "county.n_errors", "county.n_unread" };
	static const char *const dd[] = { "n-clean", "n-warnings", "n-errors",
	    "n-unread" };
	size_t	count[4] = { 0 }, k;

	for (k = 0; k < bt->n; k++)
		count[county_status(&bt->items[k])]++;
	heading(b, i, "summary", "county.h_summary");
	sbuf_adds(b, "<dl class=\"summary\">");
	sbuf_adds(b, "<dt>");
	say1(b, i, "county.n_reports", NULL);
	sbuf_addf(b, "</dt><dd id=\"n-reports\" data-count=\"%zu\">%zu</dd>",
	    bt->n, bt->n);
	sbuf_adds(b, "<dt>");
	say1(b, i, "county.n_organs", NULL);
	sbuf_addf(b, "</dt><dd id=\"n-organs\" data-count=\"%zu\">%zu</dd>",
	    bt->norgans, bt->norgans);
	for (k = 0; k < 4; k++) {
		sbuf_adds(b, "<dt>");
		say1(b, i, ids[k], NULL);
		sbuf_addf(b, "</dt><dd id=\"%s\" data-count=\"%zu\">%zu</dd>",
		    dd[k], count[k], count[k]);
	}
	sbuf_adds(b, "</dl>\n</section>\n");
}

/* One cell of the grid: the status of item k, linking to it. */
static void
grid_cell(struct sbuf *b, const struct batch *bt, size_t k,
    const struct i18n *i)
{
	const struct batch_item	*it = &bt->items[k];
	enum county_status	 st = county_status(it);
	static const char *const ids[] = { "county.st_clean",
	    "county.st_warnings", "county.st_errors", "county.st_unread" };
	char			 n[32];

	snprintf(n, sizeof n, "%zu", st == COUNTY_ERRORS ? it->nerrors :
	    batch_item_problems(it));
	sbuf_addf(b, "<td class=\"st-%s\" data-status=\"%s\"><a class=\"st\" "
	    "href=\"#r-%zu\">", county_status_id(st), county_status_id(st), k);
	say1(b, i, ids[st], n);
	sbuf_adds(b, "</a></td>");
}

static void
grid(struct sbuf *b, const struct batch *bt, const int *ys, size_t ny,
    const struct i18n *i)
{
	size_t	o, y, k;

	heading(b, i, "grid", "county.h_grid");
	sbuf_adds(b, "<table class=\"grid\"><thead><tr><th>");
	say1(b, i, "county.col_organ", NULL);
	sbuf_adds(b, "</th>");
	for (y = 0; y < ny; y++)
		sbuf_addf(b, "<th>%d</th>", ys[y]);
	sbuf_adds(b, "</tr></thead>\n<tbody>\n");
	for (o = 0; o < bt->norgans; o++) {
		sbuf_adds(b, "<tr><th scope=\"row\">");
		esc(b, bt->organs[o].name);
		sbuf_adds(b, "</th>");
		for (y = 0; y < ny; y++) {
			k = county_cell(bt, o, ys[y]);
			if (k == SIZE_MAX)
				sbuf_adds(b, "<td class=\"absent\">—</td>");
			else
				grid_cell(b, bt, k, i);
		}
		sbuf_adds(b, "</tr>\n");
	}
	for (k = 0; k < bt->n; k++) {
		const struct batch_item *it = &bt->items[k];
		if (it->read && it->organ_ix >= 0)
			continue;
		sbuf_adds(b, "<tr><th scope=\"row\">");
		if (it->read)
			say1(b, i, "county.no_organ", NULL);
		else
			esc(b, it->path);
		sbuf_adds(b, "</th>");
		for (y = 0; y < ny; y++)
			if (it->read ? it->year == ys[y] : y == 0)
				grid_cell(b, bt, k, i);
			else
				sbuf_adds(b, "<td class=\"absent\">—</td>");
		sbuf_adds(b, "</tr>\n");
	}
	sbuf_adds(b, "</tbody></table>\n</section>\n");
}

static void
merged(struct sbuf *b, const struct batch *bt, const struct i18n *i)
{
	size_t	o, s, n = 0;

	heading(b, i, "merged", "county.h_merged");
	if (bt->aliases_path != NULL) {
		sbuf_adds(b, "<p>");
		say1(b, i, "county.aliases_from", bt->aliases_path);
		sbuf_adds(b, "</p>\n");
	}
	sbuf_adds(b, "<ul class=\"merged\">\n");
	for (o = 0; o < bt->norgans; o++) {
		const struct batch_organ *org = &bt->organs[o];
		if (org->nspellings < 2 && strcmp(org->spellings[0],
		    org->name) == 0)
			continue;
		n++;
		sbuf_adds(b, "<li><b>");
		esc(b, org->name);
		sbuf_adds(b, "</b> ← ");
		for (s = 0; s < org->nspellings; s++) {
			sbuf_adds(b, s ? "、“" : "“");
			esc(b, org->spellings[s]);
			sbuf_adds(b, "”");
		}
		sbuf_adds(b, "</li>\n");
	}
	sbuf_adds(b, "</ul>\n");
	if (n == 0) {
		sbuf_adds(b, "<p>");
		say1(b, i, "county.merged_none", NULL);
		sbuf_adds(b, "</p>\n");
	}
	sbuf_adds(b, "</section>\n");
}

struct bar {
	const char	*rule;
	size_t		 count;
};

static void
count_rule(struct bar **v, size_t *n, size_t *cap, const char *rule)
{
	size_t	k;

	for (k = 0; k < *n; k++)
		if (strcmp((*v)[k].rule, rule) == 0) {
			(*v)[k].count++;
			return;
		}
	struct bar *x = VEC_PUSH(*v, *n, *cap);
	x->rule = rule;
	x->count = 1;
}

static int
cmp_bar(const void *a, const void *b)
{
	const struct bar	*x = a, *y = b;

	if (x->count != y->count)
		return (x->count > y->count ? -1 : 1);
	return (strcmp(x->rule, y->rule));
}

static void
chart(struct sbuf *b, const struct batch *bt, const struct i18n *i)
{
	struct bar	*v = NULL;
	size_t		 n = 0, cap = 0, k, f, max = 1;

	for (k = 0; k < bt->n; k++) {
		const struct batch_item *it = &bt->items[k];
		for (f = 0; f < it->nflags; f++)
			count_rule(&v, &n, &cap, it->flags[f].rule);
		for (f = 0; f < it->ncross; f++)
			count_rule(&v, &n, &cap, batch_cross_rule(it,
			    &it->cross[f]));
	}
	if (n > 0)
		qsort(v, n, sizeof *v, cmp_bar);
	heading(b, i, "chart", "county.h_chart");
	if (n > 0)
		max = v[0].count;
	sbuf_addf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%zu\" role=\"img\" aria-label=\"", CHART_LABEL +
	    CHART_BAR + 60, n * CHART_ROW + 4);
	say1(b, i, "county.h_chart", NULL);
	sbuf_adds(b, "\">\n");
	for (k = 0; k < n; k++) {
		size_t y = k * CHART_ROW, w = v[k].count * CHART_BAR / max;
		sbuf_addf(b, "<text x=\"0\" y=\"%zu\">", y + 18);
		esc(b, v[k].rule);
		sbuf_addf(b, "</text><rect x=\"%d\" y=\"%zu\" width=\"%zu\" "
		    "height=\"%d\" data-rule=\"", CHART_LABEL, y + 4,
		    w > 0 ? w : 1, CHART_ROW - 8);
		esc(b, v[k].rule);
		sbuf_addf(b, "\" data-count=\"%zu\"></rect><text x=\"%zu\" "
		    "y=\"%zu\">%zu</text>\n", v[k].count, CHART_LABEL + w + 6,
		    y + 18, v[k].count);
	}
	sbuf_adds(b, "</svg>\n</section>\n");
	free(v);
}

static void
rate_cells(struct sbuf *b, const struct rates *r)
{
	struct rates_frac	 f[2] = { r->disclosed, r->corrected };
	char			*a, *p;
	int			 k;

	if (r->has_apps)
		sbuf_addf(b, "<td class=\"num apps\">%lld</td>",
		    (long long)r->apps);
	else
		sbuf_adds(b, "<td class=\"num apps\">—</td>");
	for (k = 0; k < 2; k++) {
		a = rates_fraction(f[k]);
		p = rates_percent(f[k]);
		sbuf_addf(b, "<td class=\"num\" data-num=\"%lld\" "
		    "data-den=\"%lld\">", (long long)f[k].num,
		    (long long)f[k].den);
		esc(b, p);
		if (f[k].den > 0) {
			sbuf_adds(b, " (");
			esc(b, a);
			sbuf_adds(b, ")");
		}
		sbuf_adds(b, "</td>");
		free(a);
		free(p);
	}
}

static void
rates_head(struct sbuf *b, const struct i18n *i)
{
	static const char *const cols[] = { "county.col_organ",
	    "county.col_year", "county.col_apps", "county.col_disclosed",
	    "county.col_corrected", NULL };
	size_t	k;

	sbuf_adds(b, "<table class=\"rates\"><thead><tr>");
	for (k = 0; cols[k] != NULL; k++) {
		sbuf_adds(b, "<th>");
		say1(b, i, cols[k], NULL);
		sbuf_adds(b, "</th>");
	}
	sbuf_adds(b, "</tr></thead>\n<tbody>\n");
}

/* The county's rows: one per year, pooled over its reports. */
static void
county_rates(struct sbuf *b, const struct batch *bt, const int *ys,
    size_t ny, const struct i18n *i)
{
	struct rates	 acc, r;
	size_t		 y, k;
	char		 n[32], *per;

	for (y = 0; y < ny; y++) {
		memset(&acc, 0, sizeof acc);
		for (k = 0; k < bt->n; k++)
			if (bt->items[k].read && bt->items[k].year == ys[y]) {
				rates_of(bt, &bt->items[k], &r);
				rates_add(&acc, &r);
			}
		snprintf(n, sizeof n, "%lld", (long long)acc.nreports);
		sbuf_addf(b, "<tr class=\"county\" data-year=\"%d\"><th>", ys[y]);
		say1(b, i, "county.county_row", n);
		sbuf_addf(b, "</th><td>%d</td>", ys[y]);
		rate_cells(b, &acc);
		per = rates_percent((struct rates_frac){ 0, 0 });
		if (acc.nreports > 0) {
			free(per);
			per = rates_fraction((struct rates_frac){ acc.apps,
			    acc.nreports });
		}
		sbuf_adds(b, "</tr>\n<tr class=\"per-organ\"><td colspan=\"5\">");
		say1(b, i, "county.apps_per_organ", per);
		sbuf_adds(b, "</td></tr>\n");
		free(per);
	}
}

static void
rates_section(struct sbuf *b, const struct batch *bt, const int *ys,
    size_t ny, const struct i18n *i)
{
	struct rates	r;
	size_t		o, k;

	heading(b, i, "rates", "county.h_rates");
	rates_head(b, i);
	for (o = 0; o < bt->norgans; o++)
		for (k = 0; k < bt->organs[o].nitems; k++) {
			const struct batch_item *it =
			    &bt->items[bt->organs[o].items[k]];
			rates_of(bt, it, &r);
			sbuf_adds(b, "<tr><th>");
			esc(b, bt->organs[o].name);
			sbuf_addf(b, "</th><td>%d</td>", it->year);
			rate_cells(b, &r);
			sbuf_adds(b, "</tr>\n");
		}
	county_rates(b, bt, ys, ny, i);
	sbuf_adds(b, "</tbody></table>\n</section>\n");
}

static void
sums(struct sbuf *b, const struct batch *bt, const struct i18n *i)
{
	size_t		 k;
	char		 y[16], n[32];
	const char	*a[3];

	if (bt->nsums == 0)
		return;
	heading(b, i, "sums", "county.h_sums");
	for (k = 0; k < bt->nsums; k++) {
		struct report *r = county_sum_report(&bt->sums[k]);
		snprintf(y, sizeof y, "%d", bt->sums[k].year);
		snprintf(n, sizeof n, "%zu", bt->sums[k].nsources);
		a[0] = y;
		a[1] = n;
		a[2] = bt->sums[k].tpl->id;
		sbuf_addf(b, "<div class=\"sum\" id=\"sum-%d-", bt->sums[k].year);
		esc(b, bt->sums[k].tpl->id);
		sbuf_adds(b, "\"><h3>");
		say(b, i, "county.sum_heading", 3, a);
		sbuf_adds(b, "</h3>\n");
		if (bt->sums[k].overflow >= 0) {
			sbuf_adds(b, "<p class=\"error\">");
			say1(b, i, "county.sum_overflow",
			    bt->sums[k].tpl->cells[bt->sums[k].overflow].id);
			sbuf_adds(b, "</p>");
		}
		county_table_html(b, r, i18n_lang(i));
		sbuf_adds(b, "</div>\n");
		report_free(r);
	}
	sbuf_adds(b, "</section>\n");
}

static void
flag_item(struct sbuf *b, const char *cls, const char *rule,
    const char *msg)
{
	sbuf_addf(b, "<li class=\"%s\" data-rule=\"", cls);
	esc(b, rule);
	sbuf_adds(b, "\"><b>[");
	esc(b, rule);
	sbuf_adds(b, "]</b> ");
	esc(b, msg);
}

static void
report_article(struct sbuf *b, const struct batch *bt, size_t k,
    const struct i18n *i)
{
	const struct batch_item	*it = &bt->items[k];
	char			*m;
	size_t			 f;

	sbuf_addf(b, "<article id=\"r-%zu\" class=\"st-%s\" data-status=\"%s\">"
	    "<h3>", k, county_status_id(county_status(it)),
	    county_status_id(county_status(it)));
	if (it->read) {
		esc(b, organ_name(bt, it));
		sbuf_addf(b, " %d</h3>\n<p class=\"file\">", it->year);
	} else
		sbuf_adds(b, "</h3>\n<p class=\"file\">");
	say1(b, i, "county.file", it->path);
	sbuf_adds(b, "</p>\n");
	if (!it->read) {
		m = i18n_err(i, &it->err);
		sbuf_adds(b, "<p class=\"error\">");
		esc(b, m);
		sbuf_adds(b, "</p>\n</article>\n");
		free(m);
		return;
	}
	sbuf_adds(b, "<ul class=\"flags\">\n");
	for (f = 0; f < it->nflags; f++) {
		flag_item(b, it->flags[f].severity == TPL_ERROR ? "error" :
		    "warning", it->flags[f].rule, it->flags[f].message);
		sbuf_adds(b, "</li>\n");
	}
	for (f = 0; f < it->ncross; f++) {
		const struct batch_cross *x = &it->cross[f];
		m = county_cross_message(bt, it, x, i);
		flag_item(b, batch_cross_is_note(x) ? "note" : "warning",
		    batch_cross_rule(it, x), m);
		sbuf_addf(b, " <a class=\"other\" href=\"#r-%zu\">", x->other);
		say1(b, i, "county.see_other", NULL);
		sbuf_adds(b, "</a></li>\n");
		free(m);
	}
	if (it->nflags + it->ncross == 0) {
		sbuf_adds(b, "<li class=\"clean\">");
		say1(b, i, "county.none", NULL);
		sbuf_adds(b, "</li>\n");
	}
	sbuf_adds(b, "</ul>\n</article>\n");
}

char *
county_html(const struct batch *bt, const struct i18n *i, const char *title)
{
	struct sbuf	 b;
	int		*ys;
	size_t		 ny = county_years(bt, &ys), k;

	sbuf_init(&b);
	sbuf_addf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", i18n_lang(i) == LANG_ZH ?
	    "zh-CN" : "en");
	say1(&b, i, "county.page_title", title);
	sbuf_addf(&b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", css);
	say1(&b, i, "county.page_title", title);
	sbuf_adds(&b, "</h1>\n");
	summary(&b, bt, i);
	grid(&b, bt, ys, ny, i);
	merged(&b, bt, i);
	chart(&b, bt, i);
	rates_section(&b, bt, ys, ny, i);
	sums(&b, bt, i);
	heading(&b, i, "reports", "county.h_reports");
	for (k = 0; k < bt->n; k++)
		report_article(&b, bt, k, i);
	sbuf_adds(&b, "</section>\n</body>\n</html>\n");
	free(ys);
	return (sbuf_take(&b));
}
