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
#include "title.h"
#include "sbuf.h"
#include "xmalloc.h"

/* ---- pager ---------------------------------------------------------- */

struct pager {
	struct layout	*L;
	size_t		 cap;
	int		 n;		/* lines on the last page */
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
	pg->n = 0;
}

/* Lines left for content; a full page counts as the next, empty one. */
static int
pg_left(const struct pager *pg)
{
	if (pg->L->npages == 0 || pg->n == LAYOUT_LINES)
		return (LAYOUT_LINES);
	return (LAYOUT_LINES - pg->n);
}

static bool
pg_at_top(const struct pager *pg)
{
	return (pg_left(pg) == LAYOUT_LINES);
}

/* Adds a line (taken over), starting a page when the last one is full. */
static void
pg_add(struct pager *pg, char *line)
{
	if (pg->L->npages == 0 || pg->n == LAYOUT_LINES)
		pg_newpage(pg);
	pg->L->pages[pg->L->npages - 1].lines[pg->n++] = line;
}

/* An empty line, except at the top of a page. */
static void
pg_blank(struct pager *pg)
{
	if (!pg_at_top(pg))
		pg_add(pg, xstrdup(""));
}

/* Ends the page unless it is empty or full. */
static void
pg_break(struct pager *pg)
{
	if (!pg_at_top(pg))
		pg->n = LAYOUT_LINES;
}

/* ---- text ----------------------------------------------------------- */


/*
 * Wraps one paragraph to LAYOUT_COLS with `indent` columns before its
 * first line (align -1) or centres each line (align 0).  Returns the lines
 * (newly allocated array of newly allocated strings) and their number.
 */
static size_t
wrap_lines(const char *s, size_t len, int indent, int align,
    const struct text_opts *o, char ***out)
{
	size_t	*st, n, i;
	char	**v;

	n = text_wrap(s, len, LAYOUT_COLS, indent, &st, o);
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

/* Each non-blank paragraph of a narrative section, indented 2 汉字. */
static void
put_narrative(struct pager *pg, const char *text, const struct text_opts *o)
{
	const char	*p = text, *nl;
	size_t		 len, lead, n;
	char		**v;

	for (; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		lead = lead_space(p, len);
		if (lead < len && text_count_chars(p + lead, len - lead) > 0) {
			n = wrap_lines(p + lead, len - lead, 4, -1, o, &v);
			add_lines(pg, v, n);
		}
		if (nl == NULL)
			break;
	}
}

/*
 * Hands the canvas to the pager.  Each page takes the lines up to the last
 * break that fits, the break line itself drawn as a closing └┴┘ line; the
 * next page opens with the header rows again when the table has them
 * (cv->hdr), else with ┌┬┐ at the same place.  A table that cannot start
 * on the rest of a page starts on the next; a row taller than a whole page
 * is cut (the only case a break falls inside a row).
 */
static void
put_canvas(struct pager *pg, const struct canvas *cv)
{
	int	y = 0, pend = -1, s, best, left, first, k;

	for (;;) {
		left = pg_left(pg);
		first = pend < 0 ? 0 : cv->hdr > 0 ? cv->hdr + 1 : 1;
		best = -1;
		if (first + cv->h - y <= left)
			best = cv->h;
		else
			for (s = y + 1; s < cv->h - 1; s++)
				if (cv->brk[s] && first + (s - y) + 1 <= left)
					best = s;
		if (best < 0 && !pg_at_top(pg)) {
			pg_break(pg);
			continue;
		}
		if (pend >= 0 && cv->hdr > 0) {
			for (k = 0; k < cv->hdr; k++)
				pg_add(pg, ltable_line(cv, k, NULL));
			pg_add(pg, ltable_rejoin(cv, pend));
		} else if (pend >= 0)
			pg_add(pg, ltable_closure(cv, pend, BX_D, BX_D));
		if (best == cv->h) {
			for (; y < cv->h; y++)
				pg_add(pg, ltable_line(cv, y, NULL));
			return;
		}
		if (best >= 0) {
			for (; y < best; y++)
				pg_add(pg, ltable_line(cv, y, NULL));
			pg_add(pg, ltable_closure(cv, best, BX_U, BX_U));
			pend = best;
		} else {
			pend = y + left - first - 2;
			for (; y <= pend; y++)
				pg_add(pg, ltable_line(cv, y, NULL));
			pg_add(pg, ltable_closure(cv, pend, BX_D, BX_U));
		}
		y = pend + 1;
		pg_break(pg);
	}
}

/* ---- the document --------------------------------------------------- */

/* "一、总体情况" with the 2-character indent; same form as export_txt. */
static size_t
heading_lines(const struct tpl_section *s, enum lang lang,
    const struct text_opts *o, char ***out)
{
	char	*h = xasprintf("%s%s%s", s->number, lang == LANG_EN ? ". " :
		    "、", tpl_label(&s->title, lang));
	size_t	 n = wrap_lines(h, strlen(h), 4, -1, o, out);

	free(h);
	return (n);
}

static void
put_section(struct pager *pg, const struct report *r, int si,
    enum lang lang, const struct text_opts *o)
{
	const struct tpl_section *s = &report_tpl(r)->sections[si];
	struct canvas		 *cv = NULL;
	char			**hv;
	size_t			  hn;
	int			  k, need;

	/* The 前言: its paragraphs alone, between the title and 一. */
	if (s->preface) {
		put_narrative(pg, report_text(r, si), o);
		return;
	}
	hn = heading_lines(s, lang, o, &hv);
	need = (int)hn + 1;

	if (s->kind == TPL_TABLES && s->ntables > 0) {
		cv = xcalloc((size_t)s->ntables, sizeof *cv);
		for (k = 0; k < s->ntables; k++)
			ltable_build(&cv[k], r, s->first_table + k, lang, o);
		need = (int)hn + ltable_first_chunk(&cv[0]);
	}
	/* Keep the heading with what follows it. */
	if (need > pg_left(pg))
		pg_break(pg);
	add_lines(pg, hv, hn);
	if (cv == NULL) {
		put_narrative(pg, report_text(r, si), o);
		return;
	}
	for (k = 0; k < s->ntables; k++) {
		put_canvas(pg, &cv[k]);
		ltable_done(&cv[k]);
		/* One empty line after each table, as the .docx has. */
		pg_blank(pg);
	}
	free(cv);
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
	struct pager	 pg = { L, 0, 0 };
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
		for (k = 0; k < LAYOUT_LINES; k++) {
			char **ln = &L->pages[i].lines[k];
			if (*ln == NULL)
				*ln = xstrdup("");
			w = text_width(*ln, strlen(*ln), o);
			if (w > L->width)
				L->width = w;
		}
		L->pages[i].footer = footer(i + 1, o);
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
		for (k = 0; k < LAYOUT_LINES; k++)
			free(L->pages[i].lines[k]);
		free(L->pages[i].footer);
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
		for (k = 0; k < LAYOUT_LINES; k++) {
			sbuf_adds(&b, L->pages[i].lines[k]);
			sbuf_addc(&b, '\n');
		}
		sbuf_adds(&b, L->pages[i].footer);
		sbuf_addc(&b, '\n');
	}
	return (sbuf_take(&b));
}
