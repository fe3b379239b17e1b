/*
 * Numbers run together (issue 15, part 2): text as it comes out of a web
 * page copied or scraped, each table row's numbers without separators.
 *
 * The cases are made from every real report in tests/data/real (the six
 * texts and the three web pages): the report is imported as published,
 * printed as nianbao's text export (a table row per line, cells
 * separated by TABs), and the separators are deleted, a few kept as stray
 * spaces (seeded, so every run is the same), in four shapes: rows on lines
 * of their own; every heading run into the lines before and after it;
 * every table on one line; the whole report on one line.  The run-together
 * text is imported and compared, cell by cell, with the report as
 * published: a value read must be the published one (never a wrong one),
 * and a value left blank must be in a row whose note names its candidate
 * splits (or says why there are none), the true split among them when they
 * are all named.
 *
 * Then the solver itself: rows settled only by the column constraints,
 * 2-4 digit values, the bounds on hostile runs.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "import.h"
#include "import_runs.h"
#include "importutil.h"
#include "sbuf.h"
#include "store.h"
#include "testutil.h"
#include "xmalloc.h"

TestSuite(import_runs, .init = iu_suite_init, .fini = iu_suite_fini);

static const char *const REPORTS[] = {
	NB_REAL_DIR "/000_9062bfdbeadefa61.txt",
	NB_REAL_DIR "/001_13db19b5b2c6c511.txt",
	NB_REAL_DIR "/004_cba99305fd9fd5d3.txt",
	NB_REAL_DIR "/src-huaian2024.txt",
	NB_REAL_DIR "/src-hongze2024.txt",
	NB_REAL_DIR "/src-hongze2023.txt",
	NB_REAL_DIR "/html/pingtan-2019.html",
	NB_REAL_DIR "/html/pingtan-2022.html",
	NB_REAL_DIR "/html/pingtan-2024.html",
};
#define NREPORTS	(sizeof REPORTS / sizeof REPORTS[0])

enum shape { ROWS, HEADINGS, TABLES, ONE_LINE, NSHAPES };

/* A small seeded generator: the same cases on every run. */
static unsigned
rnd(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16);
}

/* Values glued, a stray space between two now and then. */
static void
glue_values(struct sbuf *b, const struct report *r, int first, int n,
    unsigned *seed)
{
	char	v[NUM_FMT_MAX];
	int	k;
	bool	prev = false;

	for (k = 0; k < n; k++) {
		iu_printed(r, first + k, v);
		if (strcmp(v, "~") == 0) {	/* a blank cell: nothing */
			prev = false;
			continue;
		}
		if (prev && rnd(seed) % 8 == 0)
			sbuf_addc(b, ' ');
		sbuf_adds(b, v);
		prev = true;
	}
}

/* The labels a row starts with on a page: the groups it is the first
 * row of, then its own. */
static void
row_labels(struct sbuf *b, const struct tpl_block *blk, int leaf)
{
	const struct tpl_node	*nd = tpl_row_node(blk, leaf);
	const struct tpl_node	*chain[16];
	int			 n = 0, node = blk->rows[leaf];

	for (; node >= 0 && n < 16; node = blk->rownodes[node].parent)
		chain[n++] = &blk->rownodes[node];
	while (n-- > 1)
		if (chain[n]->first_leaf == leaf)
			sbuf_adds(b, tpl_label(&chain[n]->label, LANG_ZH));
	sbuf_adds(b, tpl_label(&nd->label, LANG_ZH));
}

/* A table as a page's text gives it when copied: each row's labels and
 * values run together, the headers glued into a line of their own. */
static void
table_text(struct sbuf *b, const struct report *r, int table,
    unsigned *seed)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_table	*tb = &t->tables[table];
	int			 bi, leaf;
	size_t			 i;

	for (bi = tb->first_block; bi < tb->first_block + tb->nblocks;
	    bi++) {
		const struct tpl_block *blk = &t->blocks[bi];
		if (blk->title.s[0] != NULL)
			sbuf_addf(b, "%s\n", tpl_label(&blk->title, LANG_ZH));
		sbuf_adds(b, tpl_label(&blk->corner, LANG_ZH));
		for (i = 0; i < blk->ncolnodes; i++)
			sbuf_adds(b, tpl_label(&blk->colnodes[i].label,
			    LANG_ZH));
		sbuf_addc(b, '\n');
		for (leaf = 0; leaf < (int)blk->nrows; leaf++) {
			row_labels(b, blk, leaf);
			glue_values(b, r, blk->first_cell + leaf *
			    (int)blk->ncols, (int)blk->ncols, seed);
			sbuf_addc(b, '\n');
		}
	}
}

/* Lines of text in the given shape. */
static char *
shape_text(const char *text, enum shape shape)
{
	struct sbuf	 b;
	const char	*p, *nl;
	bool		 head, was_head = false, table, was_table = false;

	sbuf_init(&b);
	for (p = text; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		head = strncmp(p, "@", 1) == 0;
		table = strncmp(p, "#", 1) == 0;
		if (b.len > 0)
			sbuf_adds(&b, shape == ONE_LINE || (shape == HEADINGS &&
			    (head || was_head)) || (shape == TABLES && table &&
			    was_table) ? "" : "\n");
		sbuf_add(&b, p + (head || table), (size_t)(nl - p) -
		    (head || table));
		was_head = head;
		was_table = table;
	}
	sbuf_addc(&b, '\n');
	return (sbuf_take(&b));
}

/*
 * The report as the text of its web page copied with the numbers run
 * together: title, headings, narratives, tables (rendered here from the
 * values as published, totals as printed), in the given shape.
 */
static char *
run_together(const struct report *r, enum shape shape, unsigned seed)
{
	const struct tpl	*t = report_tpl(r);
	struct sbuf		 b;
	char			*lines, *out, *tab;
	size_t			 k;
	int			 ti;

	sbuf_init(&b);
	sbuf_addf(&b, "%s%d年政府信息公开工作年度报告\n", report_organ(r),
	    report_year(r));
	for (k = 0; k < t->nsections; k++) {
		const struct tpl_section *sn = &t->sections[k];
		sbuf_addf(&b, "@%s、%s\n", sn->number,
		    tpl_label(&sn->title, LANG_ZH));
		if (sn->kind == TPL_NARRATIVE) {
			if (*report_text(r, (int)k) != '\0')
				sbuf_addf(&b, "%s\n", report_text(r, (int)k));
			continue;
		}
		for (ti = sn->first_table; ti < sn->first_table +
		    sn->ntables; ti++) {
			struct sbuf tb;
			sbuf_init(&tb);
			table_text(&tb, r, ti, &seed);
			/* Table lines marked '#' for shape_text. */
			for (tab = tb.s; *tab != '\0'; ) {
				char *nl = strchr(tab, '\n');
				sbuf_addf(&b, "#%.*s\n", (int)(nl - tab), tab);
				tab = nl + 1;
			}
			sbuf_done(&tb);
		}
	}
	lines = sbuf_take(&b);
	out = shape_text(lines, shape);
	free(lines);
	return (out);
}

/* Whether path is row, or ends in "/" row (a block's title first). */
static bool
names_row(const char *path, const char *row)
{
	size_t	n = strlen(path), k = strlen(row);

	return (strcmp(path, row) == 0 || (n > k && path[n - k - 1] == '/' &&
	    strcmp(path + n - k, row) == 0));
}

/* The run note on the row of cell c, or NULL.  A row without a label
 * (四's) is named by its section. */
static const struct err *
row_note(const struct import_summary *s, const struct report *r, int c)
{
	const struct tpl	*t = report_tpl(r);
	const char		*path = t->cells[c].row_path[LANG_ZH];
	const struct tpl_section *sn;
	char			*want;
	size_t			 i;

	sn = &t->sections[t->tables[t->blocks[t->cells[c].block].table]
	    .section];
	want = path != NULL && *path != '\0' ? xstrdup(path) :
	    xasprintf("%s、%s", sn->number, tpl_label(&sn->title, LANG_ZH));
	for (i = 0; i < s->notes.n; i++)
		if (strncmp(s->notes.v[i].msgid, "import.run_", 11) == 0 &&
		    *s->notes.v[i].args[0] != '\0' &&
		    names_row(want, s->notes.v[i].args[0]))
			break;
	free(want);
	return (i < s->notes.n ? &s->notes.v[i] : NULL);
}

/* The row of cell c as the published report prints it: "64 0 0 2 0 4 70". */
static char *
true_split(const struct report *r, int c)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_block	*blk = &t->blocks[t->cells[c].block];
	int			 first = blk->first_cell + t->cells[c].row *
				    (int)blk->ncols, k;
	char			 v[NUM_FMT_MAX];
	struct sbuf		 b;

	sbuf_init(&b);
	for (k = 0; k < (int)blk->ncols; k++) {
		iu_printed(r, first + k, v);
		sbuf_addf(&b, "%s%s", k > 0 ? " " : "", v);
	}
	return (sbuf_take(&b));
}

struct tally {
	size_t	cells, read, blank, wrong, orig_blank;
};

/* Every cell of x against the published report r. */
static void
compare(const struct report *r, const struct report *x,
    const struct import_summary *s, const char *what, struct tally *n)
{
	const struct tpl	*t = report_tpl(r);
	char			 want[NUM_FMT_MAX], got[NUM_FMT_MAX], *split;
	const struct err	*e;
	size_t			 c;

	cr_assert_str_eq(report_tpl(x)->id, t->id, "%s", what);
	for (c = 0; c < t->ncells; c++) {
		iu_printed(r, (int)c, want);
		iu_printed(x, (int)c, got);
		n->cells++;
		if (strcmp(want, "~") == 0) {
			n->orig_blank++;
			continue;
		}
		if (strcmp(got, "~") != 0) {
			n->read++;
			if (strcmp(got, want) != 0) {
				n->wrong++;
				cr_expect_fail("%s: %s read as %s, published %s",
				    what, t->cells[c].id, got, want);
			}
			continue;
		}
		n->blank++;
		e = row_note(s, x, (int)c);
		cr_expect_not_null(e, "%s: %s blank without a note", what,
		    t->cells[c].id);
		if (e == NULL || strcmp(e->msgid, "import.run_ambiguous") != 0 ||
		    strstr(e->args[3], "…") != NULL)
			continue;
		split = true_split(r, (int)c);
		cr_expect_not_null(strstr(e->args[3], split),
		    "%s: %s: the true split %s is not among %s", what,
		    t->cells[c].id, split, e->args[3]);
		free(split);
	}
}

Test(import_runs, every_real_report_run_together, .timeout = 120)
{
	struct import_summary	 s, sx;
	struct report		*r, *x;
	struct tally		 all = { 0 }, n;
	char			*buf, *text, what[256];
	size_t			 i, len;
	int			 shape;

	for (i = 0; i < NREPORTS; i++) {
		buf = iu_slurp(REPORTS[i], &len);
		r = iu_import(buf, len, REPORTS[i], NULL, iu_tpls, iu_ntpls,
		    &s);
		free(buf);
		for (shape = 0; shape < NSHAPES; shape++) {
			memset(&n, 0, sizeof n);
			text = run_together(r, shape, (unsigned)(i * 7 +
			    shape + 1));
			snprintf(what, sizeof what, "%s, shape %d",
			    strrchr(REPORTS[i], '/') + 1, shape);
			x = iu_import(text, strlen(text), "run.txt", NULL,
			    iu_tpls, iu_ntpls, &sx);
			cr_expect_eq(sx.layout, IMPORT_SCAN_RUNS, "%s: layout %d",
			    what, sx.layout);
			cr_expect_eq(sx.nheadings, (int)tpl_numbered(report_tpl(r)),
			    "%s: %d headings", what, sx.nheadings);
			cr_expect_str_eq(report_organ(x), report_organ(r),
			    "%s", what);
			cr_expect_eq(report_year(x), report_year(r), "%s",
			    what);
			compare(r, x, &sx, what, &n);
			cr_log_info("%s: %zu cells, %zu read, %zu left blank, "
			    "%zu blank as published", what, n.cells, n.read,
			    n.blank, n.orig_blank);
			all.cells += n.cells;
			all.read += n.read;
			all.blank += n.blank;
			all.wrong += n.wrong;
			report_free(x);
			import_summary_done(&sx);
			free(text);
		}
		report_free(r);
		import_summary_done(&s);
	}
	cr_expect_eq(all.wrong, 0);
	/* Most of it is recovered: what stays blank is the rows that the
	 * arithmetic cannot settle (二's rows, mostly). */
	cr_expect_geq(all.read * 10, (all.read + all.blank) * 8,
	    "%zu read, %zu blank", all.read, all.blank);
}

/* ---- the solver ------------------------------------------------------ */

struct rowspec {
	const char	*row;	/* "t3.new" */
	const char	*run;
};

/* Solves the rows of template id; rows[] out in rr (caller frees). */
static struct import_runs_row *
solve(const struct tpl *t, const struct rowspec *spec, size_t n)
{
	struct import_runs_row	*rr = xcalloc(n, sizeof *rr);
	char			 id[128];
	size_t			 i;
	int			 c;

	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%s.%s", spec[i].row,
		    strncmp(spec[i].row, "t3.", 3) == 0 ? "natural" :
		    strncmp(spec[i].row, "t4.", 3) == 0 ? "review_upheld" :
		    "issued");
		c = tpl_cell_index(t, id);
		cr_assert_geq(c, 0, "no cell %s", id);
		rr[i].first_cell = c;
		rr[i].ncells = (int)t->blocks[t->cells[c].block].ncols;
		rr[i].bound = true;
		rr[i].run = spec[i].run;
	}
	import_runs_solve(t, rr, n);
	return (rr);
}

static void
expect_pieces(const struct import_runs_row *r, const char *want)
{
	struct sbuf	b;
	int		k;

	cr_assert_eq(r->result, IMPORT_RUNS_RECOVERED, "%s: result %d (%s)",
	    r->run, r->result, r->cands ? r->cands : "");
	sbuf_init(&b);
	for (k = 0; k < r->ncells; k++)
		sbuf_addf(&b, "%s%s", k > 0 ? " " : "", r->pieces[k]);
	cr_expect_str_eq(b.s, want, "%s", r->run);
	sbuf_done(&b);
}

static void
free_rows(struct import_runs_row *rr, size_t n)
{
	while (n-- > 0)
		import_runs_row_done(&rr[n]);
	free(rr);
}

/* The issue's examples: a row, a row with a stray space, 四 in one run. */
Test(import_runs, the_issues_examples)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct rowspec		 one[] = { { "t3.new", "640020470" } };
	struct rowspec		 two[] = { { "t3.r_partial", "500000 5" } };
	struct rowspec		 four[] = { { "t4.n", "10203120001200000" } };
	struct import_runs_row	*r;

	r = solve(t, one, 1);
	expect_pieces(&r[0], "64 0 0 2 0 4 70");
	free_rows(r, 1);
	r = solve(t, two, 1);
	expect_pieces(&r[0], "5 0 0 0 0 0 5");
	free_rows(r, 1);
	r = solve(t, four, 1);
	expect_pieces(&r[0], "1 0 2 0 3 12 0 0 0 12 0 0 0 0 0");
	free_rows(r, 1);
	tpl_free(t);
}

/*
 * A table of 三 whose rows with 2-3 digit values each add up along the
 * row more than one way: "110000011" is 1 10 0 0 0 0 11 or 11 0 0 0 0 0
 * 11, "140101016" three ways.  Alone each is ambiguous; in the table,
 * （七）总计 in every column and R1 settle every one.
 */
static const struct rowspec TABLE3[] = {
	{ "t3.new",		"112102210127" },	/* 112 10 2 2 1 0 127 */
	{ "t3.carried_in",	"3000003" },
	{ "t3.r_open",		"110000011" },		/* 1 10 0 0 0 0 11 */
	{ "t3.r_partial",	"10001000101" },	/* 100 0 1 0 0 0 101 */
	{ "t3.r_deny_1",	"0000000" },
	{ "t3.r_deny_2",	"0000000" },
	{ "t3.r_deny_3",	"0000000" },
	{ "t3.r_deny_4",	"0000000" },
	{ "t3.r_deny_5",	"0000000" },
	{ "t3.r_deny_6",	"0000000" },
	{ "t3.r_deny_7",	"0000000" },
	{ "t3.r_deny_8",	"0000000" },
	{ "t3.r_unable_1",	"140101016" },		/* 14 0 1 0 1 0 16 */
	{ "t3.r_unable_2",	"0000000" },
	{ "t3.r_unable_3",	"0000000" },
	{ "t3.r_noproc_1",	"0000000" },
	{ "t3.r_noproc_2",	"0000000" },
	{ "t3.r_noproc_3",	"0000000" },
	{ "t3.r_noproc_4",	"0000000" },
	{ "t3.r_noproc_5",	"0000000" },
	{ "t3.r_other_1",	"0000000" },
	{ "t3.r_other_2",	"0000000" },
	{ "t3.r_other_3",	"0000000" },
	{ "t3.r_total",		"115102010128" },	/* 115 10 2 0 1 0 128 */
	{ "t3.carried_out",	"0002002" },
};
#define NTABLE3	(sizeof TABLE3 / sizeof TABLE3[0])

Test(import_runs, rows_settled_only_by_the_columns)
{
	static const struct { size_t row; const char *want; int alone; } ck[] = {
		{ 0, "112 10 2 2 1 0 127", 3 },
		{ 2, "1 10 0 0 0 0 11", 2 },
		{ 3, "100 0 1 0 0 0 101", 2 },
		{ 12, "14 0 1 0 1 0 16", 3 },
	};
	struct tpl		*t = tu_tpl("gb2021");
	struct import_runs_row	*r;
	size_t			 i;

	for (i = 0; i < sizeof ck / sizeof ck[0]; i++) {
		r = solve(t, &TABLE3[ck[i].row], 1);
		cr_expect_eq(r[0].result, IMPORT_RUNS_AMBIGUOUS, "%s alone",
		    TABLE3[ck[i].row].row);
		cr_expect_eq(r[0].ncands, (size_t)ck[i].alone, "%s: %zu",
		    TABLE3[ck[i].row].row, r[0].ncands);
		cr_expect_not_null(strstr(r[0].cands, ck[i].want), "%s",
		    r[0].cands);
		free_rows(r, 1);
	}
	r = solve(t, TABLE3, NTABLE3);
	for (i = 0; i < sizeof ck / sizeof ck[0]; i++)
		expect_pieces(&r[ck[i].row], ck[i].want);
	/* （七）总计 has no sum along its row: only the columns settle it. */
	expect_pieces(&r[23], "115 10 2 0 1 0 128");
	for (i = 0; i < NTABLE3; i++)
		cr_expect_eq(r[i].result, IMPORT_RUNS_RECOVERED, "%s",
		    TABLE3[i].row);
	free_rows(r, NTABLE3);
	tpl_free(t);
}

/* A printed total that is wrong (as in 洪泽区 2023): no split adds up.
 * A row with one split only is read as printed (the rules flag it); one
 * with more is left blank with the splits named. */
Test(import_runs, totals_that_do_not_add_up)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct rowspec		 one[] = { { "t4.n", "101000000050000" } };
	struct rowspec		 two[] = { { "t4.n", "1010000000050000" } };
	struct import_runs_row	*r;

	r = solve(t, one, 1);
	expect_pieces(&r[0], "1 0 1 0 0 0 0 0 0 0 5 0 0 0 0");
	free_rows(r, 1);
	r = solve(t, two, 1);
	cr_expect_eq(r[0].result, IMPORT_RUNS_UNEVEN);
	cr_expect_not_null(strstr(r[0].cands, "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0"),
	    "%s", r[0].cands);
	free_rows(r, 1);
	tpl_free(t);
}

/* One row of template t from cell id on. */
static struct import_runs_row *
solve_at(const struct tpl *t, const char *id, int ncells, const char *run)
{
	struct import_runs_row	*r = xcalloc(1, sizeof *r);

	r->first_cell = tpl_cell_index(t, id);
	cr_assert_geq(r->first_cell, 0, "no cell %s", id);
	r->ncells = ncells;
	r->bound = true;
	r->run = run;
	import_runs_solve(t, r, 1);
	return (r);
}

/* Signed and money columns of the 2019 format, full-width digits, NBSP
 * and U+3000 as the spaces a page leaves. */
Test(import_runs, signs_decimals_and_wide_forms)
{
	struct tpl		*t = tu_tpl("gb2019");
	struct import_runs_row	*r;

	r = solve_at(t, "t2_8.fees.prev_items", 2, "35-15");
	expect_pieces(r, "35 -15");
	free_rows(r, 1);
	r = solve_at(t, "t2_9.procurement.items", 2, "135 75394432.52");
	expect_pieces(r, "135 75394432.52");
	free_rows(r, 1);
	/* Thousands separators only in groups of three (fuzz_runs). */
	r = solve_at(t, "t2_5.licensing.decisions", 1, "2,2,200");
	cr_expect_eq(r->result, IMPORT_RUNS_IMPOSSIBLE);
	free_rows(r, 1);
	r = solve_at(t, "t2_5.licensing.decisions", 1, "12,345");
	expect_pieces(r, "12,345");
	free_rows(r, 1);
	r = solve_at(t, "t3.new.natural", 7,
	    "２３\xc2\xa0０　００００２３");
	expect_pieces(r, "23 0 0 0 0 0 23");
	free_rows(r, 1);
	tpl_free(t);
}

/* Hostile runs end within the bounds, with an answer. */
Test(import_runs, hostile_runs_are_bounded)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct rowspec		 spec[3];
	struct import_runs_row	*r;
	char			*huge = xmalloc(10001), *many = xmalloc(61);

	memset(huge, '7', 10000);
	huge[10000] = '\0';
	memset(many, '1', 60);
	many[60] = '\0';
	spec[0] = (struct rowspec){ "t3.new", huge };
	spec[1] = (struct rowspec){ "t3.r_open", many };
	spec[2] = (struct rowspec){ "t3.carried_in", "12345678901234567890123" };
	r = solve(t, spec, 3);
	cr_expect_eq(r[0].result, IMPORT_RUNS_IMPOSSIBLE);
	cr_expect(r[1].result == IMPORT_RUNS_TOO_MANY ||
	    r[1].result == IMPORT_RUNS_IMPOSSIBLE ||
	    r[1].result == IMPORT_RUNS_UNEVEN, "%d", r[1].result);
	cr_expect_neq(r[2].result, IMPORT_RUNS_RECOVERED);
	free_rows(r, 3);
	free(huge);
	free(many);
	tpl_free(t);
}

/* A preamble that lists the numbered headings in one sentence is not
 * cut: the headings on lines of their own are found first. */
Test(import_runs, a_preamble_listing_the_headings_is_left_whole)
{
	struct import_summary	 s;
	struct report		*r;
	char			*buf, *v;
	const char		*title = "政府信息公开工作年度报告\n";
	size_t			 len;

	buf = iu_slurp(NB_REAL_DIR "/004_cba99305fd9fd5d3.txt", &len);
	cr_assert_not_null(strstr(buf, title));
	v = xasprintf("%.*s%s本报告分为一、总体情况；二、主动公开政府信息情况；"
	    "三、收到和处理政府信息公开申请情况等六个部分。\n%s",
	    (int)(strstr(buf, title) - buf), buf, title,
	    strstr(buf, title) + strlen(title));
	r = iu_import(v, strlen(v), "pre.txt", NULL, iu_tpls, iu_ntpls, &s);
	cr_expect_eq(s.nheadings, 6);
	cr_expect_eq(s.layout, IMPORT_SCAN_CELLS);
	cr_expect_neq(*report_text(r, 0), '\0');
	/* It is the 前言, whole. */
	cr_expect_eq(iu_notes(&s, "import.preamble", 0), 0);
	cr_expect_str_eq(report_text(r, report_tpl(r)->preface),
	    "本报告分为一、总体情况；二、主动公开政府信息情况；"
	    "三、收到和处理政府信息公开申请情况等六个部分。");
	report_free(r);
	import_summary_done(&s);
	free(v);
	free(buf);
}
