/*
 * The print layout (model/layout.c) on the real 2021 and 2019 templates:
 * pages of exactly 22 lines and a "— N —" line, nothing wider than 56
 * columns, the narrative's 2-character indent and Chinese line breaking,
 * tables whose box lines join up on every page (also across page breaks),
 * merged headers, values where they belong and blank cells empty, and
 * layout_plain's form-feed format.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "err.h"
#include "layout.h"
#include "report.h"
#include "sbuf.h"
#include "testutil.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"

static const struct text_opts amb1 = { 1 };
static const struct text_opts amb2 = { 2 };


/* A 600-character paragraph with quotes and plenty of ，。 */
static char *
long_paragraph(void)
{
	struct sbuf	b;

	sbuf_init(&b);
	while (text_count_chars(b.s, b.len) < 600)
		sbuf_adds(&b, "本机关坚持“公开为常态”，不公开为例外原则。");
	return (sbuf_take(&b));
}

/* Every input cell gets (index * 7) % 23, the narrative sections text. */
static struct report *
full_report(const struct tpl *t)
{
	struct report	*r = report_new(t);
	char		*p = long_paragraph(), buf[32];
	size_t		 c, s;

	report_set_organ(r, "某某乡人民政府");
	report_set_year(r, 2024);
	for (c = 0; c < t->ncells; c++) {
		struct err e = { 0 };
		if (tpl_cell_computed(t, (int)c))
			continue;
		snprintf(buf, sizeof buf, "%zu", c * 7 % 23);
		cr_assert(report_set_input(r, (int)c, buf, NULL, &e),
		    "cell %s", t->cells[c].id);
	}
	for (s = 0; s < tpl_numbered(t); s++)
		if (t->sections[s].kind == TPL_NARRATIVE)
			report_set_text(r, (int)s, s == 0 ? p :
			    "　　本年度未收取信息处理费。\n\n第二段。", NULL);
	free(p);
	return (r);
}

static int
width(const char *s, const struct text_opts *o)
{
	return (text_width(s, strlen(s), o));
}

/* ---- box characters ------------------------------------------------ */

enum { SU = 1, SD = 2, SL = 4, SR = 8 };

/* Strokes of a box-drawing code point, -1 if it is not one. */
static int
strokes(UChar32 c)
{
	switch (c) {
	case 0x2500: return (SL | SR);		/* ─ */
	case 0x2502: return (SU | SD);		/* │ */
	case 0x250c: return (SD | SR);		/* ┌ */
	case 0x2510: return (SD | SL);		/* ┐ */
	case 0x2514: return (SU | SR);		/* └ */
	case 0x2518: return (SU | SL);		/* ┘ */
	case 0x251c: return (SU | SD | SR);	/* ├ */
	case 0x2524: return (SU | SD | SL);	/* ┤ */
	case 0x252c: return (SD | SL | SR);	/* ┬ */
	case 0x2534: return (SU | SL | SR);	/* ┴ */
	case 0x253c: return (SU | SD | SL | SR);	/* ┼ */
	default: return (-1);
	}
}

/* The strokes at each column of a line (0 where there is no box char);
 * returns whether the line has any. */
static bool
line_strokes(const char *s, const struct text_opts *o, int *out, int max)
{
	int32_t	i = 0, len = (int32_t)strlen(s);
	int	x = 0, st;
	bool	any = false;
	UChar32	c;

	memset(out, 0, (size_t)max * sizeof *out);
	while (i < len) {
		int32_t a = i;
		U8_NEXT(s, i, len, c);
		st = strokes(c);
		if (st >= 0 && x < max) {
			out[x] = st;
			any = true;
		}
		x += text_width(s + a, (size_t)(i - a), o);
	}
	return (any);
}

#define MAXW 128

/*
 * Every stroke meets its neighbour: right/left within a line (box
 * characters are bw columns apart), down/up between consecutive lines of
 * a page; a table never runs off the top or bottom of a page open.
 */
static void
assert_boxes_join(const struct layout *L, const struct text_opts *o, int bw)
{
	static int	a[MAXW], b[MAXW];
	size_t		p;
	int		k, x, tables = 0;

	for (p = 0; p < L->npages; p++) {
		bool prev = false;
		for (k = 0; k < L->pages[p].nlines; k++) {
			const char *ln = L->pages[p].lines[k];
			bool cur = line_strokes(ln, o, b, MAXW);
			for (x = 0; x < MAXW; x++) {
				if (b[x] & SR)
					cr_assert(x + bw < MAXW && (b[x + bw] & SL),
					    "p%zu l%d x%d: open right: %s",
					    p + 1, k, x, ln);
				if (b[x] & SL)
					cr_assert(x >= bw && (b[x - bw] & SR),
					    "p%zu l%d x%d: open left: %s",
					    p + 1, k, x, ln);
				if (b[x] & SU)
					cr_assert(prev && (a[x] & SD),
					    "p%zu l%d x%d: open top: %s",
					    p + 1, k, x, ln);
				if (prev && (a[x] & SD))
					cr_assert(b[x] & SU,
					    "p%zu l%d x%d: open bottom above: %s",
					    p + 1, k, x, ln);
			}
			if (cur && !prev)
				tables++;
			memcpy(a, b, sizeof a);
			prev = cur;
		}
		for (x = 0; prev && x < MAXW; x++)
			cr_assert_not(a[x] & SD, "page %zu ends open", p + 1);
	}
	cr_assert_gt(tables, 0);
}

/* ---- pages ---------------------------------------------------------- */

static void
assert_pages(const struct layout *L, const struct text_opts *o)
{
	size_t	p;
	int	k;

	cr_assert_gt(L->npages, 0);
	for (p = 0; p < L->npages; p++) {
		char *num = xasprintf("— %zu —", p + 1), *f;
		for (k = 0; k < L->pages[p].nlines; k++)
			cr_assert_not_null(L->pages[p].lines[k]);
		f = L->pages[p].footer;
		cr_assert_not_null(strstr(f, num), "footer %zu: %s", p + 1, f);
		/* Odd pages right, one character in; even pages left. */
		if (p % 2 == 0)
			cr_assert_eq(width(f, o), LAYOUT_COLS - 2, "%s", f);
		else
			cr_assert_eq(strncmp(f, "  — ", strlen("  — ")), 0,
			    "%s", f);
		cr_assert_leq(width(f, o), LAYOUT_COLS);
		free(num);
	}
}

Test(layout, full_2021_report_pages_widths_and_boxes, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb1);
	size_t		 p;
	int		 k;

	assert_pages(L, &amb1);
	cr_assert_geq(L->npages, 4, "a full report is several pages");
	for (p = 0; p < L->npages; p++)
		for (k = 0; k < L->pages[p].nlines; k++) {
			const char *ln = L->pages[p].lines[k];
			cr_assert_leq(width(ln, &amb1), LAYOUT_COLS,
			    "page %zu line %d: %s", p + 1, k, ln);
			cr_assert(strncmp(ln, "，", 3) != 0 &&
			    strncmp(ln, "。", 3) != 0, "%s", ln);
			cr_assert(ln[0] == '\0' || ln[strlen(ln) - 1] != ' ');
		}
	cr_assert_leq(L->width, LAYOUT_COLS);
	assert_boxes_join(L, &amb1, 1);
	layout_free(L);
	report_free(r);
	tpl_free(t);
}

Test(layout, full_2019_report_fits_too, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2019");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb1);

	assert_pages(L, &amb1);
	cr_assert_leq(L->width, LAYOUT_COLS);
	assert_boxes_join(L, &amb1, 1);
	layout_free(L);
	report_free(r);
	tpl_free(t);
}

Test(layout, english_fits_and_joins, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_EN, &amb1);

	assert_pages(L, &amb1);
	cr_assert_leq(L->width, LAYOUT_COLS);
	assert_boxes_join(L, &amb1, 1);
	layout_free(L);
	report_free(r);
	tpl_free(t);
}

/* With ambiguous = 2 box characters are 2 columns: tables still join up
 * (tables with many columns may then be wider, as layout.h says), and the
 * text lines still fit. */
Test(layout, ambiguous_double_width, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb2);
	size_t		 p;
	int		 k, a[MAXW];

	assert_pages(L, &amb2);
	assert_boxes_join(L, &amb2, 2);
	for (p = 0; p < L->npages; p++)
		for (k = 0; k < L->pages[p].nlines; k++) {
			const char *ln = L->pages[p].lines[k];
			if (!line_strokes(ln, &amb2, a, MAXW))
				cr_assert_leq(width(ln, &amb2), LAYOUT_COLS,
				    "%s", ln);
		}
	layout_free(L);
	report_free(r);
	tpl_free(t);
}

/* The narrative: title in the lines of the .docx (broken after the
 * organ's name, each centred), heading and paragraphs indented 4 columns,
 * nothing lost or added, no line starting with ，or 。 */
Test(layout, narrative_text_is_kept_and_indented, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb1);
	char		*p = long_paragraph();
	struct sbuf	 joined;
	const char	*title = L->pages[0].lines[0];
	int		 k, tw;

	tw = width("某某乡人民政府", &amb1);
	cr_assert_eq(width(title, &amb1), (LAYOUT_COLS - tw) / 2 + tw,
	    "centred: %s", title);
	cr_assert(strstr(title, "某某乡人民政府") != NULL, "%s", title);
	tw = width("2024年政府信息公开工作年度报告", &amb1);
	cr_assert_eq(width(L->pages[0].lines[1], &amb1), (LAYOUT_COLS - tw) /
	    2 + tw, "centred: %s", L->pages[0].lines[1]);
	cr_assert_str_eq(L->pages[0].lines[2], "");
	cr_assert_str_eq(L->pages[0].lines[3], "    一、总体情况");
	cr_assert_eq(strncmp(L->pages[0].lines[4], "    本机关", 13), 0);
	/* The paragraph's lines, up to the next heading, give it back; 600
	 * characters at 28 a line run onto page 2. */
	sbuf_init(&joined);
	for (k = 4; k < L->pages[0].nlines + L->pages[1].nlines; k++) {
		const char *ln = k < L->pages[0].nlines ?
		    L->pages[0].lines[k] : L->pages[1].lines[k -
		    L->pages[0].nlines];
		if (strstr(ln, "二、") != NULL || ln[0] == '\0')
			break;
		cr_assert(strncmp(ln, "，", 3) != 0 && strncmp(ln, "。", 3) != 0);
		cr_assert_leq(width(ln, &amb1), LAYOUT_COLS);
		sbuf_adds(&joined, k == 4 ? ln + 4 : ln);
	}
	cr_assert_gt(k, L->pages[0].nlines, "runs onto page 2");
	cr_assert_str_eq(joined.s, p);
	sbuf_done(&joined);
	free(p);
	layout_free(L);
	report_free(r);
	tpl_free(t);
}

/* Finds the first line on any page containing s. */
static const char *
find_line(const struct layout *L, const char *s, size_t *page, int *line)
{
	size_t	p;
	int	k;

	for (p = 0; p < L->npages; p++)
		for (k = 0; k < L->pages[p].nlines; k++)
			if (strstr(L->pages[p].lines[k], s) != NULL) {
				if (page != NULL)
					*page = p;
				if (line != NULL)
					*line = k;
				return (L->pages[p].lines[k]);
			}
	return (NULL);
}

/* Whether page p has a line containing s. */
static const char *
find_on(const struct layout *L, size_t p, const char *s)
{
	int	k;

	for (k = 0; k < L->pages[p].nlines; k++)
		if (strstr(L->pages[p].lines[k], s) != NULL)
			return (L->pages[p].lines[k]);
	return (NULL);
}

/* The cells of a table line between its │ separators, spaces trimmed. */
static size_t
split_cells(const char *ln, char out[][32], size_t max)
{
	const char	*p = strstr(ln, "│"), *q;
	size_t		 n = 0;

	while (p != NULL && (q = strstr(p + 3, "│")) != NULL && n < max) {
		const char *a = p + 3, *b = q;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		snprintf(out[n++], 32, "%.*s", (int)(b - a), a);
		p = q;
	}
	return (n);
}

Test(layout, review_litigation_table_values_and_headers,
    .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb1);
	const struct tpl_block *b = &t->blocks[tpl_cell_index(t,
	    "t4.n.review_upheld") >= 0 ? t->cells[tpl_cell_index(t,
	    "t4.n.review_upheld")].block : 0];
	char		 cells[20][32], buf[NUM_FMT_MAX];
	const char	*ln;
	size_t		 n, c, page;
	int		 line, k;

	/* The merged headers side by side, and 未经复议直接起诉 under them. */
	ln = find_line(L, "行政复议", &page, &line);
	cr_assert_not_null(ln);
	cr_assert_not_null(strstr(ln, "行政诉讼"), "%s", ln);
	cr_assert_not_null(find_line(L, "未经复议直接起诉", NULL, NULL));
	/* The value row: 15 cells in template order. */
	for (k = line; k < L->pages[page].nlines; k++) {
		ln = L->pages[page].lines[k];
		n = split_cells(ln, cells, 20);
		if (n == 15 && cells[0][0] >= '0' && cells[0][0] <= '9')
			break;
	}
	cr_assert_lt(k, L->pages[page].nlines, "no value row under 行政复议");
	cr_assert_eq(b->ncols, 15);
	for (c = 0; c < 15; c++) {
		int cell = b->first_cell + (int)c;
		report_format_value(r, cell, report_value(r, cell), buf);
		cr_assert_str_eq(cells[c], buf, "column %zu", c);
	}
	cr_assert_leq(width(ln, &amb1), LAYOUT_COLS);
	layout_free(L);
	report_free(r);
	tpl_free(t);
}

Test(layout, blank_report_has_empty_cells, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = report_new(t);
	struct layout	*L;
	char		 cells[20][32];
	size_t		 p, n, c;
	int		 k, rows = 0;

	report_set_organ(r, "某某乡人民政府");
	report_set_year(r, 2024);
	L = layout_build(r, LANG_ZH, &amb1);
	assert_pages(L, &amb1);
	assert_boxes_join(L, &amb1, 1);
	/* No cell holds a number (not even a 0 for a blank or a total of
	 * blanks); the T4 value row is all blanks. */
	for (p = 0; p < L->npages; p++)
		for (k = 0; k < L->pages[p].nlines; k++) {
			n = split_cells(L->pages[p].lines[k], cells, 20);
			for (c = 0; c < n; c++)
				cr_assert(cells[c][0] == '\0' ||
				    cells[c][strspn(cells[c], "0123456789.")] !=
				    '\0', "%s", L->pages[p].lines[k]);
			if (n == 15) {
				bool empty = true;
				for (c = 0; c < n; c++)
					empty = empty && cells[c][0] == '\0';
				rows += empty;
			}
		}
	cr_assert_geq(rows, 1);
	layout_free(L);
	report_free(r);
	tpl_free(t);
}

/* Table 三 fits a printed page (10 pt rows): kept whole on one page, as
 * the .docx keeps it (LibreOffice prints it so), its merged header there
 * once. */
Test(layout, table_three_kept_on_one_page, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb1);
	size_t		 p0, p1, p;
	int		 l0, l1;

	cr_assert_not_null(find_line(L, "申请人情况", &p0, &l0));
	cr_assert_not_null(find_line(L, "四、结转下年度继续办理", &p1, &l1));
	cr_assert_eq(p1, p0);
	for (p = 0; p < L->npages; p++)
		if (p != p0)
			cr_assert_null(find_on(L, p, "申请人情况"));
	cr_assert_not_null(find_line(L, "法人或其他组织", NULL, NULL));
	cr_assert_not_null(find_line(L, "（七）总计", NULL, NULL));
	layout_free(L);
	report_free(r);
	tpl_free(t);
}

/* gb2021 with the label of 表三's 2.其他法律行政法规禁止公开 made n times
 * as long: a 表三 taller than a page (no statutory table is).  Loaded
 * from a file in dir. */
static struct tpl *
long_label_tpl(const char *dir, int n)
{
	static const char	 lab[] = "2.其他法律行政法规禁止公开";
	char			*src = tu_read(NB_SOURCE_DIR
				    "/templates/gb2021.yaml", NULL);
	char			*at = strstr(src, lab), *path;
	struct sbuf		 b;
	struct errlist		 errs;
	struct tpl		*t;
	int			 i;

	cr_assert_not_null(at);
	sbuf_init(&b);
	sbuf_add(&b, src, (size_t)(at - src));
	for (i = 0; i < n; i++)
		sbuf_adds(&b, lab);
	sbuf_adds(&b, at + strlen(lab));
	path = tu_path(dir, "long.yaml");
	tu_write(path, b.s);
	errlist_init(&errs);
	t = tpl_load(path, &errs);
	cr_assert_not_null(t, "the long-label template did not load");
	errlist_done(&errs);
	sbuf_done(&b);
	free(path);
	free(src);
	return (t);
}

/* A table taller than a page breaks between rows, and each page it goes
 * on to starts with its header rows again (as tblHeader repeats them). */
Test(layout, a_table_taller_than_a_page_repeats_its_header,
    .fini = text_cleanup)
{
	char		*dir = tu_tmpdir();
	struct tpl	*t = long_label_tpl(dir, 40);
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb1);
	size_t		 p0, p1, p;
	int		 l0, l1;

	cr_assert_not_null(find_line(L, "申请人情况", &p0, &l0));
	cr_assert_not_null(find_line(L, "四、结转下年度继续办理", &p1, &l1));
	cr_assert_gt(p1, p0, "表三 did not go on to another page");
	for (p = p0; p <= p1; p++)
		cr_expect_not_null(find_on(L, p, "申请人情况"),
		    "page %zu goes on with 表三 without its header", p + 1);
	cr_expect_not_null(find_on(L, p1, "（七）总计"));
	layout_free(L);
	report_free(r);
	tpl_free(t);
	tu_rmtree(dir);
	free(dir);
}

Test(layout, plain_is_pages_separated_by_form_feeds, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb1);
	struct layout	*L2 = layout_build(r, LANG_ZH, &amb1);
	char		*s = layout_plain(L), *s2 = layout_plain(L2), *pg, *save;
	size_t		 n = 0, lines;

	cr_assert_str_eq(s, s2, "the layout is deterministic");
	cr_assert_neq(s[strlen(s) - 1], '\f');
	for (pg = strtok_r(s, "\f", &save); pg != NULL;
	    pg = strtok_r(NULL, "\f", &save)) {
		char *end = pg + strlen(pg), *q;
		cr_assert_eq(end[-1], '\n');
		lines = 0;
		for (q = pg; q < end; q++)
			lines += *q == '\n';
		cr_assert_eq(lines, (size_t)L->pages[n].nlines + 1, "page %zu",
		    n + 1);
		cr_assert_geq(L->pages[n].nlines, LAYOUT_LINES);
		cr_assert_not_null(strstr(pg, L->pages[n].footer));
		n++;
	}
	cr_assert_eq(n, L->npages);
	free(s);
	free(s2);
	layout_free(L);
	layout_free(L2);
	report_free(r);
	tpl_free(t);
}

/* Issue 14, defect 10: a table that goes on to the next page repeats its
 * header rows there, as the .docx repeats them (tblHeader). */
Test(layout, continued_tables_repeat_their_header, .fini = text_cleanup)
{
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r = full_report(t);
	struct layout	*L = layout_build(r, LANG_ZH, &amb1);
	size_t		 p, with_rows = 0;
	int		 k;
	bool		 rows, head;

	for (p = 0; p < L->npages; p++) {
		rows = head = false;
		for (k = 0; k < L->pages[p].nlines; k++) {
			if (strstr(L->pages[p].lines[k], "（七）总计") != NULL ||
			    strstr(L->pages[p].lines[k], "1.属于") != NULL)
				rows = true;
			if (strstr(L->pages[p].lines[k], "申请人情况") != NULL)
				head = true;
		}
		if (rows) {
			with_rows++;
			cr_expect(head, "page %zu: 表三 goes on without its "
			    "header", p + 1);
		}
	}
	cr_expect_geq(with_rows, 1, "no page with 表三's rows");
	layout_free(L);
	report_free(r);
	tpl_free(t);
}
