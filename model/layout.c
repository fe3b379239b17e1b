/*
 * The print layout; see layout.h for what a page looks like.
 *
 * Three stages.  A pager collects lines into pages of LAYOUT_LINES and
 * knows how much room is left.  Text (title, headings, paragraphs) is
 * wrapped with text_wrap and handed to the pager line by line.  A table
 * is drawn on a canvas by layout_table.c, which goes to the pager in
 * slices that break at row boundaries, each page closed and reopened with
 * a line built from the same canvas (ltable_closure), the header rows of
 * a one-block table repeated on the new page as the .docx repeats them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_txt.h"
#include "layout.h"
#include "layout_table.h"
#include "docx_table.h"
#include "pagegeom.h"
#include "title.h"
#include "sbuf.h"
#include "xmalloc.h"

static size_t	lead_space(const char *, size_t);

/* ---- pager ---------------------------------------------------------- */

/*
 * Pages fill by the printed heights (twips, pagegeom.h), not by terminal
 * lines: each terminal line comes with the height it stands for (a text
 * line PGEOM_LINE, the first line of a table row the row's height, its
 * other lines 0).
 */
struct pager {
	struct layout	*L;
	size_t		 cap;
	int		 cap_lines;	/* of the last page */
	int		 used;		/* twips on the last page */
	enum lang	 lang;
};

static void
pg_newpage(struct pager *pg)
{
	struct layout	*L = pg->L;

	if (L->npages == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 8;
		L->pages = xreallocarray(L->pages, pg->cap, sizeof *L->pages);
	}
	memset(&L->pages[L->npages++], 0, sizeof *L->pages);
	pg->used = 0;
	pg->cap_lines = 0;
}

/* Twips left on the last page; a new document counts as an empty page. */
static int
pg_left(const struct pager *pg)
{
	if (pg->L->npages == 0)
		return (PGEOM_BODY_H);
	return (PGEOM_BODY_H - pg->used);
}

static bool
pg_at_top(const struct pager *pg)
{
	return (pg->L->npages == 0 || pg->used == 0);
}

/* Ends the page unless it is empty. */
static void
pg_break(struct pager *pg)
{
	if (!pg_at_top(pg))
		pg_newpage(pg);
}

/* Makes room for h twips: a new page when the last one lacks it. */
static void
pg_room(struct pager *pg, int h)
{
	if (pg->L->npages == 0)
		pg_newpage(pg);
	else if (h > pg_left(pg))
		pg_break(pg);
}

/* Adds a terminal line (taken over) standing for h twips, on the last
 * page as it is; start: what it begins the page with, if it does. */
static void
pg_put(struct pager *pg, char *line, int h, const char *start)
{
	struct layout_page	*P;

	if (pg->L->npages == 0)
		pg_newpage(pg);
	P = &pg->L->pages[pg->L->npages - 1];
	if (P->nlines == pg->cap_lines) {
		pg->cap_lines = pg->cap_lines ? pg->cap_lines * 2 : 32;
		P->lines = xreallocarray(P->lines, (size_t)pg->cap_lines,
		    sizeof *P->lines);
	}
	P->lines[P->nlines++] = line;
	if (P->start == NULL && start != NULL && h > 0 &&
	    start[lead_space(start, strlen(start))] != '\0')
		P->start = xstrdup(start);
	pg->used += h;
}

/* A line of text: on the next page when it does not fit. */
static void
pg_add(struct pager *pg, char *line)
{
	pg_room(pg, PGEOM_LINE);
	pg_put(pg, line, PGEOM_LINE, line);
}

/* An empty paragraph: a line of the printed page too. */
static void
pg_blank(struct pager *pg)
{
	pg_add(pg, xstrdup(""));
}

/* ---- text ----------------------------------------------------------- */


/*
 * Wraps one paragraph to LAYOUT_COLS with `indent` columns before its
 * first line (align -1) or centres each line (align 0).  Returns the lines
 * (newly allocated array of newly allocated strings) and their number.
 */
static size_t
wrap_lines(const char *s, size_t len, int indent, int align, bool print,
    const struct text_opts *o, char ***out)
{
	size_t	*st, n, i;
	char	**v;

	/* Where the printed line breaks (align 0: the title, whose lines
	 * title.h has made) */
	if (align == 0)
		n = text_wrap(s, len, 4 * LAYOUT_COLS, 0, &st, o);
	else {
		n = pgeom_wrap(s, len, PGEOM_TEXT_W, indent / 2 *
		    (PGEOM_TEXT_W / PGEOM_CHARS), PGEOM_BODY_SIZE, 1, &st);
		/* A printed line with Latin letters or digits may take a few
		 * more columns on the terminal than its 56; never many. */
		for (i = 0; i < n; i++)
			if (text_width(s + st[i], st[i + 1] - st[i], o) +
			    (i == 0 ? indent : 0) > LAYOUT_COLS + 4)
				break;
		/* English (no print to match) wraps to the terminal. */
		if (i < n || !print) {
			free(st);
			n = text_wrap(s, len, LAYOUT_COLS, indent, &st, o);
		}
	}
	v = xreallocarray(NULL, n, sizeof *v);
	for (i = 0; i < n; i++) {
		const char *p = s + st[i];
		size_t	    pl = st[i + 1] - st[i];
		if (align == 0)
			v[i] = text_pad(p, pl, LAYOUT_COLS, 0, o);
		else
			v[i] = xasprintf("%*s%.*s", i == 0 ? indent : 0, "",
			    (int)pl, p);
		ltable_rtrim(v[i]);
	}
	free(st);
	*out = v;
	return (n);
}

/* Adds lines to the pager, taking them over. */
static void
add_lines(struct pager *pg, char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		pg_add(pg, v[i]);
	free(v);
}

/* Length of the leading white space (ASCII, U+3000) of s[0..len). */
static size_t
lead_space(const char *s, size_t len)
{
	size_t	i = 0;

	for (;;) {
		if (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 3 <= len && memcmp(s + i, "\xe3\x80\x80", 3) == 0)
			i += 3;
		else
			return (i);
	}
}

/* Whether a narrative line prints as a heading of its own (export_docx:
 * "（一）…" with no 。 before its end), kept with what follows. */
static bool
is_level2(const char *s, size_t len)
{
	const char	*stop;

	if (len < 9 || memcmp(s, "（", 3) != 0 || memmem(s, len, "）", 3) ==
	    NULL)
		return (false);
	stop = memmem(s, len, "。", 3);
	return (stop == NULL || (size_t)(stop - s) + 3 >= len);
}

/* The paragraphs of a text: non-blank lines without their leading and
 * trailing white space. */
struct para {
	const char	*s;
	size_t		 len;
};

static size_t
paragraphs(const char *text, struct para **out)
{
	struct para	*v = NULL;
	size_t		 n = 0, len, lead;
	const char	*p = text, *nl;

	for (; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		lead = lead_space(p, len);
		while (len > lead && (p[len - 1] == ' ' || p[len - 1] == '\r' ||
		    p[len - 1] == '\t'))
			len--;
		if (lead < len && text_count_chars(p + lead, len - lead) > 0) {
			v = xreallocarray(v, n + 1, sizeof *v);
			v[n].s = p + lead;
			v[n++].len = len - lead;
		}
		if (nl == NULL)
			break;
	}
	*out = v;
	return (n);
}

/* Printed lines of a paragraph. */
static int
body_lines(const struct para *p)
{
	return ((int)pgeom_wrap(p->s, p->len, PGEOM_TEXT_W, 2 * (PGEOM_TEXT_W /
	    PGEOM_CHARS), PGEOM_BODY_SIZE, 1, NULL));
}

/*
 * Each paragraph of a text, indented 2 汉字, line by line onto the pages
 * (no widow or orphan control, as the .docx's Normal style); a heading
 * paragraph goes to the next page unless it and the first line of what
 * follows fit.  first: twips that must stay with the first paragraph
 * (a section heading before it).
 */
static void
put_narrative(struct pager *pg, const char *text, const struct text_opts *o)
{
	struct para	*v;
	size_t		 n = paragraphs(text, &v), i, k, m;
	char		**lines;

	for (i = 0; i < n; i++) {
		int need = 0;
		/* A heading line keeps with the next paragraph's first two
		 * lines (LibreOffice moved it with one line of room left for
		 * the next); so does a chain of them. */
		for (k = i; k < n && is_level2(v[k].s, v[k].len); k++)
			need += body_lines(&v[k]) * PGEOM_LINE;
		if (k < n && k > i)
			need += (body_lines(&v[k]) > 1 ? 2 : 1) * PGEOM_LINE;
		if (k > i && need <= PGEOM_BODY_H)
			pg_room(pg, need);
		m = wrap_lines(v[i].s, v[i].len, 4, -1, pg->lang == LANG_ZH, o,
		    &lines);
		add_lines(pg, lines, m);
	}
	free(v);
}

/*
 * The rows [a, b) of a table onto the last page as they are, with the
 * canvas lines that draw them, closed at the bottom by the table's own
 * border (b the last row) or a closing line.
 */
static void
put_rows(struct pager *pg, const struct canvas *cv, const int *h, int a,
    int b, const char *const *starts)
{
	int	r, y;

	for (r = a; r < b; r++)
		for (y = cv->rowy[r]; y < cv->rowy[r + 1]; y++)
			pg_put(pg, ltable_line(cv, y, NULL),
			    y == cv->rowy[r] ? h[r] : 0, starts[r]);
	if (b == cv->nrows)
		pg_put(pg, ltable_line(cv, cv->rowy[b], NULL), 0, NULL);
	else
		pg_put(pg, ltable_closure(cv, cv->rowy[b], BX_U, BX_U), 0,
		    NULL);
}

/*
 * Hands a table to the pager as the .docx pages it: whole on this page
 * when it fits, else whole on the next; a table taller than a page from
 * where it stands, breaking between rows, the header rows (cv->hdr)
 * repeated on each new page, or the table opened again with ┌┬┐.
 */
static void
put_canvas(struct pager *pg, const struct canvas *cv, const int *h,
    const char *const *starts, int nhdr)
{
	int	a = 0, b, used, k, hh = 0;

	for (k = 0; k < nhdr; k++)
		hh += h[k];
	if (h[cv->nrows] <= PGEOM_BODY_H)
		pg_room(pg, h[cv->nrows]);
	else
		pg_room(pg, h[0]);
	while (a < cv->nrows) {
		used = a > 0 ? hh : 0;
		for (b = a; b < cv->nrows && used + h[b] <= pg_left(pg); b++)
			used += h[b];
		if (b == a && !pg_at_top(pg)) {
			pg_newpage(pg);
			continue;
		}
		if (b == a)
			b = a + 1;
		if (a > 0 && cv->hdr > 0) {
			for (k = 0; k < cv->hdr; k++)
				pg_put(pg, ltable_line(cv, k, NULL),
				    k == 0 ? hh : 0, starts[0]);
			pg_put(pg, ltable_rejoin(cv, cv->rowy[a]), 0, NULL);
		} else if (a > 0)
			pg_put(pg, ltable_closure(cv, cv->rowy[a], BX_D, BX_D),
			    0, NULL);
		put_rows(pg, cv, h, a, b, starts);
		a = b;
		if (a < cv->nrows)
			pg_newpage(pg);
	}
}

/* The first text of each row of dt: a label, a header or a value. */
static const char **
row_starts(const struct docx_table *dt, const struct report *r,
    char **vals)
{
	const char	**v = xcalloc(dt->nrows, sizeof *v);
	char		  num[NUM_FMT_MAX];
	size_t		  i, k;

	/* A cell merged down is centred on its rows: not at their top. */
	for (i = 0; i < dt->nrows; i++)
		for (k = 0; k < dt->rows[i].n && v[i] == NULL; k++) {
			const struct docx_tc *tc = &dt->tcs[dt->rows[i].first + k];
			if (tc->vmerge != DOCX_VM_NONE && k + 1 < dt->rows[i].n)
				continue;
			if (tc->kind == DOCX_VALUE) {
				report_format_value(r, tc->cell,
				    report_value(r, tc->cell), num);
				if (num[0] != '\0')
					v[i] = vals[i] = xstrdup(num);
			} else if (tc->text[0] != '\0')
				v[i] = tc->text;
		}
	return (v);
}

/* Table t (index in tpl->tables) drawn on cv, paged by the .docx's row
 * heights. */
static void
put_table(struct pager *pg, const struct report *r, int t,
    const struct canvas *cv)
{
	struct docx_table	*dt = docx_table_new(r, t, PGEOM_TEXT_W);
	int			*h = docx_table_heights(dt, r), nhdr = 0;
	char			**vals = xcalloc(dt->nrows, sizeof *vals);
	const char		**st = row_starts(dt, r, vals);
	size_t			 i;

	for (i = 0; i < dt->nrows && dt->rows[i].header; i++)
		nhdr++;
	if ((int)dt->nrows == cv->nrows)
		put_canvas(pg, cv, h, st, nhdr);
	for (i = 0; i < dt->nrows; i++)
		free(vals[i]);
	free(vals);
	free(st);
	free(h);
	docx_table_free(dt);
}

/* ---- the document --------------------------------------------------- */

/* "一、总体情况" with the 2-character indent; same form as export_txt. */
static size_t
heading_lines(const struct tpl_section *s, enum lang lang,
    const struct text_opts *o, char ***out)
{
	char	*h = xasprintf("%s%s%s", s->number, lang == LANG_EN ? ". " :
		    "、", tpl_label(&s->title, lang));
	size_t	 n = wrap_lines(h, strlen(h), 4, -1, lang == LANG_ZH, o, out);

	free(h);
	return (n);
}

/* Twips that must follow a section's heading on its page: its first
 * table when that fits a page (else its first row), or its first line. */
static int
heading_keep(const struct report *r, const struct tpl_section *s)
{
	struct docx_table	*dt;
	int			*h, need;

	if (s->kind != TPL_TABLES || s->ntables == 0)
		return (report_text(r, (int)(s - report_tpl(r)->sections))[0] !=
		    '\0' ? PGEOM_LINE : 0);
	dt = docx_table_new(r, s->first_table, PGEOM_TEXT_W);
	h = docx_table_heights(dt, r);
	need = h[dt->nrows] <= PGEOM_BODY_H ? h[dt->nrows] : h[0];
	free(h);
	docx_table_free(dt);
	return (need);
}

static void
put_section(struct pager *pg, const struct report *r, int si,
    enum lang lang, const struct text_opts *o)
{
	const struct tpl_section *s = &report_tpl(r)->sections[si];
	struct canvas		  cv;
	char			**hv;
	size_t			  hn;
	int			  k, need;

	/* The 前言: its paragraphs alone, between the title and 一. */
	if (s->preface) {
		put_narrative(pg, report_text(r, si), o);
		return;
	}
	hn = heading_lines(s, lang, o, &hv);

	/* Keep the heading with what follows it: to the next page when both
	 * do not fit here (as LibreOffice does, also when they do not fit
	 * there either: a table that fits a page then goes on to the next
	 * one, leaving the heading alone at the top). */
	need = (int)hn * PGEOM_LINE + heading_keep(r, s);
	pg_room(pg, need);
	add_lines(pg, hv, hn);
	for (k = 0; s->kind == TPL_TABLES && k < s->ntables; k++) {
		ltable_build(&cv, r, s->first_table + k, lang, o);
		put_table(pg, r, s->first_table + k, &cv);
		ltable_done(&cv);
		/* One empty paragraph after each table, as the .docx has. */
		pg_blank(pg);
	}
	/* Text typed in a table section follows its tables. */
	put_narrative(pg, report_text(r, si), o);
}

/* "— N —" one character in from the outer edge: right on odd pages, left
 * on even ones. */
static char *
footer(size_t page, const struct text_opts *o)
{
	char	*num = xasprintf("— %zu —", page), *s;
	int	 w = text_width(num, strlen(num), o);

	if (page % 2 == 1)
		s = xasprintf("%*s%s", LAYOUT_COLS - 2 - w, "", num);
	else
		s = xasprintf("  %s", num);
	free(num);
	return (s);
}

struct layout *
layout_build(const struct report *r, enum lang lang,
    const struct text_opts *o)
{
	struct layout	*L = xcalloc(1, sizeof *L);
	struct pager	 pg = { L, 0, 0, 0, lang };
	char		**v;
	size_t		 n, i, si;
	int		 k, w;

	/* The title in the lines of the .docx (title.h), centred. */
	n = title_lines(r, lang, &v);
	for (i = 0; i < n; i++) {
		pg_add(&pg, ltable_rtrim(text_pad(v[i], strlen(v[i]), LAYOUT_COLS, 0,
		    o)));
		free(v[i]);
	}
	free(v);
	pg_blank(&pg);
	for (si = 0; si < report_tpl(r)->nsections; si++)
		put_section(&pg, r, tpl_printed(report_tpl(r), si), lang, o);
	if (L->npages == 0)
		pg_newpage(&pg);
	for (i = 0; i < L->npages; i++) {
		struct layout_page *P = &L->pages[i];
		/* A page shorter on screen than its 22 lines is padded. */
		while (P->nlines < LAYOUT_LINES) {
			P->lines = xreallocarray(P->lines, (size_t)P->nlines + 1,
			    sizeof *P->lines);
			P->lines[P->nlines++] = xstrdup("");
		}
		for (k = 0; k < P->nlines; k++) {
			w = text_width(P->lines[k], strlen(P->lines[k]), o);
			if (w > L->width)
				L->width = w;
		}
		P->footer = footer(i + 1, o);
	}
	return (L);
}

void
layout_free(struct layout *L)
{
	size_t	i;
	int	k;

	if (L == NULL)
		return;
	for (i = 0; i < L->npages; i++) {
		for (k = 0; k < L->pages[i].nlines; k++)
			free(L->pages[i].lines[k]);
		free(L->pages[i].lines);
		free(L->pages[i].footer);
		free(L->pages[i].start);
	}
	free(L->pages);
	free(L);
}

char *
layout_plain(const struct layout *L)
{
	struct sbuf	b;
	size_t		i;
	int		k;

	sbuf_init(&b);
	for (i = 0; i < L->npages; i++) {
		if (i > 0)
			sbuf_addc(&b, '\f');
		for (k = 0; k < L->pages[i].nlines; k++) {
			sbuf_adds(&b, L->pages[i].lines[k]);
			sbuf_addc(&b, '\n');
		}
		sbuf_adds(&b, L->pages[i].footer);
		sbuf_addc(&b, '\n');
	}
	return (sbuf_take(&b));
}

char *
layout_starts(const struct layout *L)
{
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	for (i = 0; i < L->npages; i++) {
		const char *st = L->pages[i].start;
		sbuf_adds(&b, st != NULL ? st + lead_space(st, strlen(st)) :
		    "");
		sbuf_addc(&b, '\n');
	}
	return (sbuf_take(&b));
}
