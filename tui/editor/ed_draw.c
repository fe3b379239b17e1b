/*
 * The clipping helpers.  Text is written one grapheme cluster at a time
 * at the column our own width function computed, so the layout never
 * depends on the C library's idea of a width; a cluster that does not fit
 * whole is not written at all.  The screen size is read from LINES/COLS
 * at each call, so a resize between draws cannot make us write outside.
 */
#include <stdlib.h>
#include <string.h>

#include "ed_draw.h"
#include "xmalloc.h"

static bool
on_screen(int y)
{
	return (y >= 0 && y < LINES);
}

/* Whether cell (y, x) holds the right half of a double-width character
 * (curses keeps its column index, plus one, in the A_CHARTEXT bits of
 * both halves: 1 on the left, 2 on the right). */
static bool
right_half(int y, int x)
{
	cchar_t	c;

	if (x <= 0 || x >= COLS || mvin_wch(y, x, &c) == ERR)
		return (false);
	return ((c.attr & A_CHARTEXT) == 2);
}

/* Blanks the cell (y, x), keeping its attributes. */
static void
blank_cell(int y, int x)
{
	cchar_t	c, sp;

	if (mvin_wch(y, x, &c) == ERR)
		return;
	setcchar(&sp, L" ", c.attr & (A_ATTRIBUTES & ~A_COLOR),
	    (short)PAIR_NUMBER(c.attr), NULL);
	mvadd_wch(y, x, &sp);
}

/*
 * Before columns [x, x + w) of row y are painted over: a double-width
 * character cut by either edge becomes a space on the side that stays
 * visible.  Curses would keep its other half in its picture of the
 * screen while the terminal erases the whole glyph, and the two would
 * disagree until a full repaint (a lost first character, a stray
 * half-glyph beside a dialog).
 */
static void
cut_edges(int y, int x, int w)
{
	if (right_half(y, x))
		blank_cell(y, x - 1);
	if (x + w < COLS && right_half(y, x + w))
		blank_cell(y, x + w);
}

void
ed_draw_fill(const struct ed_draw *d, int y, int x, int w, enum style st)
{
	int	i;

	if (!on_screen(y))
		return;
	if (x < 0) {
		w += x;
		x = 0;
	}
	if (x + w > COLS)
		w = COLS - x;
	if (w <= 0)
		return;
	cut_edges(y, x, w);
	attrset(ed_theme_attr(d->th, st));
	for (i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
}

void
ed_draw_box(const struct ed_draw *d, int y, int x, int h, int w, enum style st)
{
	int	i;

	for (i = 0; i < h; i++)
		ed_draw_fill(d, y + i, x, w, st);
}

int
ed_draw_width(const struct ed_draw *d, const char *s)
{
	return (text_width(s, strlen(s), d->topts));
}

/* Writes clusters of s[0..len) from column x while they fit before
 * limit; returns the column after the last one written. */
static int
put_clusters(const struct ed_draw *d, int y, int x, int limit, const char *s,
    size_t len)
{
	size_t	off = 0, next;
	int	cw;

	if (limit > COLS)
		limit = COLS;
	while (off < len) {
		cw = text_cluster_width(s, len, off, &next, d->topts);
		if (next <= off)
			break;
		if (cw > 0) {
			if (x + cw > limit)
				break;
			if (x >= 0)
				mvaddnstr(y, x, s + off, (int)(next - off));
			x += cw;
		}
		off = next;
	}
	return (x);
}

int
ed_draw_textn(const struct ed_draw *d, int y, int x, int w, const char *s,
    size_t len, enum style st, int flags)
{
	static const char ell[] = "…";
	size_t	 fit;
	int	 used, ew = 0, pad, start, end;

	if (!on_screen(y) || w <= 0)
		return (0);
	if (text_width(s, len, d->topts) > w && (flags & DRAW_ELLIPSIS) &&
	    w >= 2) {
		ew = text_width(ell, sizeof ell - 1, d->topts);
		fit = text_fit(s, len, w - ew, &used, d->topts);
	} else
		fit = text_fit(s, len, w, &used, d->topts);
	pad = w - used - ew;
	start = x;
	if (flags & DRAW_RIGHT)
		start += pad;
	else if (flags & DRAW_CENTER)
		start += pad / 2;
	if (flags & DRAW_PAD)
		ed_draw_fill(d, y, x, start - x, st);
	cut_edges(y, start, used + ew);
	attrset(ed_theme_attr(d->th, st));
	end = put_clusters(d, y, start, start + used, s, fit);
	if (ew > 0)
		end = put_clusters(d, y, end, end + ew, ell, sizeof ell - 1);
	if (flags & DRAW_PAD)
		ed_draw_fill(d, y, end, x + w - end, st);
	return (used + ew);
}

int
ed_draw_text(const struct ed_draw *d, int y, int x, int w, const char *s,
    enum style st, int flags)
{
	return (ed_draw_textn(d, y, x, w, s, strlen(s), st, flags));
}

size_t
ed_draw_wrap(const struct ed_draw *d, const char *s, int cols, size_t **starts,
    size_t **ends)
{
	size_t	 n = 0, cap = 8, len = strlen(s), p = 0, q, nl, i, *ls;
	size_t	*st = xreallocarray(NULL, cap, sizeof *st);
	size_t	*en = xreallocarray(NULL, cap, sizeof *en);

	if (cols < 1)
		cols = 1;
	for (;;) {
		const char *e = memchr(s + p, '\n', len - p);

		q = e != NULL ? (size_t)(e - s) : len;
		nl = text_wrap(s + p, q - p, cols, 0, &ls, d->topts);
		for (i = 0; i < nl; i++) {
			if (n == cap) {
				cap *= 2;
				st = xreallocarray(st, cap, sizeof *st);
				en = xreallocarray(en, cap, sizeof *en);
			}
			st[n] = p + ls[i];
			en[n] = p + ls[i + 1];
			n++;
		}
		free(ls);
		if (e == NULL)
			break;
		p = q + 1;
	}
	*starts = st;
	*ends = en;
	return (n);
}
