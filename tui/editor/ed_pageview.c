/*
 * The print-preview screen; see ed_pageview.h.
 *
 * The view is a column of "view lines": page p occupies its body lines
 * (as many as the printed page holds, at least 22), its page-number line
 * and a rule marking the page break, starting at view line pv->at[p].  `top` is the first view line shown and
 * `left` the first page column shown (for views narrower than the page).
 * Both are changed only by ed_pageview_key/ed_pageview_resize and clamped there;
 * drawing reads them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_pageview.h"
#include "xmalloc.h"

#define PV_HSTEP	4		/* columns per Left/Right */

struct ed_pageview {
	struct layout		*L;
	const struct i18n	*i18n;
	struct text_opts	 opts;
	int			 top;
	int			 left;
	int			*at;	/* npages + 1: first view line of each
				   page, then the end */
};

struct ed_pageview *
ed_pageview_new(const struct report *r, const struct i18n *i18n, enum lang lang,
    const struct text_opts *opts)
{
	struct ed_pageview	*pv = xcalloc(1, sizeof *pv);
	size_t			 i;

	pv->opts = *opts;
	pv->i18n = i18n;
	pv->L = layout_build(r, lang, opts);
	pv->at = xcalloc(pv->L->npages + 1, sizeof *pv->at);
	for (i = 0; i < pv->L->npages; i++)
		pv->at[i + 1] = pv->at[i] + pv->L->pages[i].nlines + 2;
	return (pv);
}

void
ed_pageview_free(struct ed_pageview *pv)
{
	if (pv == NULL)
		return;
	layout_free(pv->L);
	free(pv->at);
	free(pv);
}

const struct layout *
ed_pageview_layout(const struct ed_pageview *pv)
{
	return (pv->L);
}

/* The page (from 0) view line v is on. */
static int
page_of(const struct ed_pageview *pv, int v)
{
	int	p = 0;

	while ((size_t)p + 1 < pv->L->npages && pv->at[p + 1] <= v)
		p++;
	return (p);
}

int
ed_pageview_page(const struct ed_pageview *pv)
{
	return (page_of(pv, pv->top) + 1);
}

int
ed_pageview_npages(const struct ed_pageview *pv)
{
	return ((int)pv->L->npages);
}

/* Width the page takes on screen: the layout's widest line, at least 56. */
static int
page_width(const struct ed_pageview *pv)
{
	return (pv->L->width > LAYOUT_COLS ? pv->L->width : LAYOUT_COLS);
}

/* Keeps top within [0, start of the last page] and left within what a
 * view w columns wide needs. */
static void
clamp(struct ed_pageview *pv, int w)
{
	int	maxtop = pv->at[pv->L->npages - 1];
	int	maxleft = page_width(pv) - w;

	if (pv->top > maxtop)
		pv->top = maxtop;
	if (pv->top < 0)
		pv->top = 0;
	if (pv->left > maxleft)
		pv->left = maxleft;
	if (pv->left < 0)
		pv->left = 0;
}

/* The new top for a vertical key in *top; false for other keys. */
static bool
vertical(const struct ed_pageview *pv, wint_t ch, bool keycode, int *top)
{
	int	p = page_of(pv, pv->top), start = pv->at[p];
	int	last = pv->at[pv->L->npages - 1];
	int	prev = pv->top > start || p == 0 ? start : pv->at[p - 1];
	int	next = pv->at[p + 1];

	if (keycode)
		switch (ch) {
		case KEY_NPAGE:	*top = next;			return (true);
		case KEY_PPAGE:	*top = prev;			return (true);
		case KEY_DOWN:	*top = pv->top + 1;		return (true);
		case KEY_UP:	*top = pv->top - 1;		return (true);
		case KEY_HOME:	*top = 0;			return (true);
		case KEY_END:	*top = last;			return (true);
		default:					return (false);
		}
	switch (ch) {
	case ' ':	*top = next;			return (true);
	case 'b':	*top = prev;			return (true);
	case 'j':	*top = pv->top + 1;		return (true);
	case 'k':	*top = pv->top - 1;		return (true);
	case 'g':	*top = 0;			return (true);
	case 'G':	*top = last;			return (true);
	default:					return (false);
	}
}

int
ed_pageview_key(struct ed_pageview *pv, wint_t ch, bool keycode, int h, int w)
{
	int	top = pv->top, left = pv->left;

	(void)h;
	if ((!keycode && (ch == 27 || ch == 'q' || ch == ('P' & 0x1f))) ||
	    (keycode && ch == KEY_F(4)))
		return (PV_CLOSE);
	if (vertical(pv, ch, keycode, &pv->top))
		;
	else if (keycode && ch == KEY_LEFT)
		pv->left -= PV_HSTEP;
	else if (keycode && ch == KEY_RIGHT)
		pv->left += PV_HSTEP;
	else
		return (PV_UNHANDLED);
	clamp(pv, w);
	return (pv->top != top || pv->left != left ? PV_REDRAW : 0);
}

int
ed_pageview_resize(struct ed_pageview *pv, int h, int w)
{
	(void)h;
	clamp(pv, w);
	return (PV_REDRAW);
}

/* Draws s from page column `skip` on, at most w columns, at (y, x); every
 * cluster goes where our width function puts it. */
static void
draw_clipped(const struct ed_pageview *pv, WINDOW *win, int y, int x, int w,
    const char *s, int skip)
{
	size_t	len = strlen(s), off = 0, next;
	int	c = 0, cw;

	while (off < len) {
		cw = text_cluster_width(s, len, off, &next, &pv->opts);
		if (c - skip + cw > w)
			break;
		if (c >= skip)
			mvwaddnstr(win, y, x + c - skip, s + off,
			    (int)(next - off));
		c += cw;
		off = next;
	}
}

/* Draws s at (y, x) cut to w columns; returns the columns used. */
static int
draw_fit(const struct ed_pageview *pv, WINDOW *win, int y, int x, int w,
    const char *s)
{
	size_t	fit;
	int	used = 0;

	if (w <= 0)
		return (0);
	fit = text_fit(s, strlen(s), w, &used, &pv->opts);
	mvwaddnstr(win, y, x, s, (int)fit);
	return (used);
}

/* The bar: msg, or the page count, the print key and what the layout
 * assumes, each when it fits. */
static void
draw_bar(const struct ed_pageview *pv, WINDOW *win, int y, int x, int w,
    attr_t attr, const char *msg)
{
	char	 n[16], m[16], *page, *hint, *note;
	int	 pw, hw, nw;

	wattrset(win, attr);
	mvwhline(win, y, x, ' ' | (chtype)attr, w);
	if (msg != NULL) {
		draw_fit(pv, win, y, x + 1, w - 2, msg);
		return;
	}
	snprintf(n, sizeof n, "%d", ed_pageview_page(pv));
	snprintf(m, sizeof m, "%d", ed_pageview_npages(pv));
	page = i18n_fmt2(pv->i18n, "pv.page", n, m);
	hint = i18n_fmt0(pv->i18n, "pv.print_hint");
	note = i18n_fmt0(pv->i18n, "pv.assumed");
	pw = draw_fit(pv, win, y, x + 1, w - 1, page);
	hw = text_width(hint, strlen(hint), &pv->opts);
	if (w - (pw + 1) - 3 >= hw + 1)
		draw_fit(pv, win, y, x + pw + 4, hw, hint);
	else
		hw = -3;
	nw = text_width(note, strlen(note), &pv->opts);
	if (w - (pw + 1) - (hw + 3) - 2 >= nw + 1)
		draw_fit(pv, win, y, x + w - nw - 1, nw, note);
	free(page);
	free(hint);
	free(note);
}

void
ed_pageview_draw(const struct ed_pageview *pv, WINDOW *win, int y, int x, int h,
    int w, attr_t text_attr, attr_t bar_attr, const char *msg)
{
	int	pgw = page_width(pv), body = h - 1, r, px, skip, vis;

	if (h < 1 || w < 1)
		return;
	/* The page centred when it fits, else scrolled by `left`. */
	px = w > pgw ? x + (w - pgw) / 2 : x;
	skip = w > pgw ? 0 : pv->left;
	vis = w > pgw ? pgw : w;
	wattrset(win, text_attr);
	for (r = 0; r < body; r++) {
		int v = pv->top + r, p = page_of(pv, v), k = v - pv->at[p];
		int nl = pv->L->pages[p].nlines;
		mvwhline(win, y + r, x, ' ' | (chtype)text_attr, w);
		if (k >= nl + 2)
			continue;
		if (k < nl)
			draw_clipped(pv, win, y + r, px, vis,
			    pv->L->pages[p].lines[k], skip);
		else if (k == nl)
			draw_clipped(pv, win, y + r, px, vis,
			    pv->L->pages[p].footer, skip);
		else
			mvwhline(win, y + r, x, ACS_HLINE | A_DIM |
			    (chtype)text_attr, w);
	}
	draw_bar(pv, win, y + h - 1, x, w, bar_attr, msg);
}
