/*
 * The narrative editor's buffer; see caretbuf.h for the contract.
 *
 * Data: the text in an sbuf (NUL-terminated, paragraphs separated by
 * '\n'), the caret (a byte offset on a cluster boundary), and the visual
 * lines for the width `cols`, sorted by start, covering the text: within a
 * paragraph line i ends where line i+1 starts; a paragraph's last line is
 * `hard` and ends at its '\n' (or the end of the text), and the next
 * paragraph starts one byte later.  An empty paragraph is one empty line.
 * So every byte offset belongs to exactly one line: the last one whose
 * start is at or before it.
 *
 * Edits re-wrap only the paragraphs they touch and shift the lines after
 * them.  Grapheme clusters never span a '\n' (UAX #29 breaks around LF),
 * so all cluster arithmetic is done inside one paragraph, which keeps ICU
 * work proportional to the paragraph, not the whole text.
 *
 * Two pieces of caret state beyond the offset: `goal`, the display column
 * that a run of Up/Down moves aims for (-1: none), and `eol`, set when the
 * caret sits at the end of a soft-wrapped line: that offset is also the
 * start of the next visual line, and eol says to show it at the end of the
 * earlier one (after End, or Down onto a line shorter than the goal).
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "caretbuf.h"
#include "vec.h"
#include "xmalloc.h"

struct caretbuf {
	struct sbuf		 text;
	size_t			 caret;
	size_t			 anchor;	/* selection's other end;
						   SIZE_MAX: none */
	int			 goal;
	bool			 eol;
	size_t			 top;
	int			 cols;		/* 0: not wrapped yet */
	struct caretbuf_line	*lines;
	size_t			 nlines;
	size_t			 caplines;
	struct text_opts	 opts;
};

/* Columns to wrap to: unwrapped (one line a paragraph) before a reflow. */
static int
wrap_cols(int cols)
{
	return (cols > 0 ? cols : INT_MAX / 4);
}

size_t
caretbuf_wrap(const char *s, size_t len, int cols, struct caretbuf_line **out,
    const struct text_opts *opts)
{
	struct caretbuf_line	*v = NULL;
	size_t			 n = 0, cap = 0, p = 0;

	for (;;) {
		const char	*nl = memchr(s + p, '\n', len - p);
		size_t		 pe = nl != NULL ? (size_t)(nl - s) : len;
		size_t		*starts, k, i;

		k = text_wrap(s + p, pe - p, cols, 0, &starts, opts);
		VEC_RESERVE(v, cap, n + k);
		for (i = 0; i < k; i++) {
			v[n].start = p + starts[i];
			v[n].end = p + starts[i + 1];
			v[n].hard = (i + 1 == k);
			n++;
		}
		free(starts);
		if (nl == NULL)
			break;
		p = pe + 1;
	}
	*out = v;
	return (n);
}

/* The paragraph [*p0, *p1) of s around off (off may be at its '\n'). */
static void
para_bounds(const char *s, size_t len, size_t off, size_t *p0, size_t *p1)
{
	size_t	a = off, b = off;

	while (a > 0 && s[a - 1] != '\n')
		a--;
	while (b < len && s[b] != '\n')
		b++;
	*p0 = a;
	*p1 = b;
}

/* off snapped back to a cluster boundary (off <= len). */
static size_t
snap_back(const char *s, size_t len, size_t off)
{
	size_t	p0, p1, p;

	if (off >= len)
		return (len);
	/* text_prev wants a code point boundary at least. */
	while (off > 0 && ((unsigned char)s[off] & 0xc0) == 0x80)
		off--;
	para_bounds(s, len, off, &p0, &p1);
	if (off == p0 || off == p1)
		return (off);
	p = p0 + text_prev(s + p0, p1 - p0, off - p0);
	if (p0 + text_next(s + p0, p1 - p0, p - p0) == off)
		return (off);
	return (p);
}

/* off snapped forward to a cluster boundary. */
static size_t
snap_fwd(const char *s, size_t len, size_t off)
{
	size_t	b = snap_back(s, len, off), p0, p1;

	if (b == off || b == len)
		return (off);
	para_bounds(s, len, b, &p0, &p1);
	return (p0 + text_next(s + p0, p1 - p0, b - p0));
}

/* A sanitized copy of s, cut at a cluster boundary to at most max bytes. */
static char *
clean_copy(const char *s, size_t len, size_t max, size_t *outlen)
{
	char	*c = text_sanitize(s, len, true);
	size_t	 n = strlen(c);

	if (n > max) {
		n = snap_back(c, n, max);
		c[n] = '\0';
	}
	*outlen = n;
	return (c);
}

static void
rewrap_all(struct caretbuf *tb)
{
	free(tb->lines);
	tb->nlines = caretbuf_wrap(tb->text.s, tb->text.len,
	    wrap_cols(tb->cols), &tb->lines, &tb->opts);
	tb->caplines = tb->nlines;
}

struct caretbuf *
caretbuf_new(const char *text, const struct text_opts *opts)
{
	struct caretbuf	*tb = xcalloc(1, sizeof *tb);

	tb->opts = *opts;
	sbuf_init(&tb->text);
	tb->goal = -1;
	tb->anchor = SIZE_MAX;
	caretbuf_set_text(tb, text, SIZE_MAX);
	return (tb);
}

void
caretbuf_free(struct caretbuf *tb)
{
	if (tb == NULL)
		return;
	sbuf_done(&tb->text);
	free(tb->lines);
	free(tb);
}

const char *
caretbuf_text(const struct caretbuf *tb)
{
	return (tb->text.s);
}

size_t
caretbuf_len(const struct caretbuf *tb)
{
	return (tb->text.len);
}

size_t
caretbuf_count_chars(const struct caretbuf *tb)
{
	return (text_count_chars(tb->text.s, tb->text.len));
}

const struct text_opts *
caretbuf_opts(const struct caretbuf *tb)
{
	return (&tb->opts);
}

void
caretbuf_set_text(struct caretbuf *tb, const char *text, size_t caret)
{
	size_t	 n;
	char	*c;

	if (text == NULL)
		text = "";
	c = clean_copy(text, strlen(text), CARETBUF_MAX, &n);
	sbuf_truncate(&tb->text, 0);
	sbuf_add(&tb->text, c, n);
	free(c);
	tb->caret = snap_back(tb->text.s, tb->text.len,
	    caret > n ? n : caret);
	tb->anchor = SIZE_MAX;
	tb->goal = -1;
	tb->eol = false;
	rewrap_all(tb);
	if (tb->top >= tb->nlines)
		tb->top = tb->nlines - 1;
}

void
caretbuf_set_opts(struct caretbuf *tb, const struct text_opts *opts)
{
	tb->opts = *opts;
	rewrap_all(tb);
	if (tb->top >= tb->nlines)
		tb->top = tb->nlines - 1;
}

size_t
caretbuf_caret(const struct caretbuf *tb)
{
	return (tb->caret);
}

void
caretbuf_set_caret(struct caretbuf *tb, size_t off)
{
	tb->caret = snap_back(tb->text.s, tb->text.len, off);
	tb->anchor = SIZE_MAX;
	tb->goal = -1;
	tb->eol = false;
}

/* Index of the first line whose start is >= off. */
static size_t
lower_line(const struct caretbuf_line *v, size_t n, size_t off)
{
	size_t	lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* Index of the line holding off: the last whose start is <= off. */
static size_t
line_of(const struct caretbuf_line *v, size_t n, size_t off)
{
	size_t	i = lower_line(v, n, off + 1);

	return (i > 0 ? i - 1 : 0);
}

/*
 * After bytes [a, b) of the old text were replaced by n bytes, re-wraps
 * the paragraphs that changed and shifts the lines after them.
 */
static void
splice_lines(struct caretbuf *tb, size_t a, size_t b, size_t n)
{
	const char		*s = tb->text.s;
	size_t			 p0, p1, i0, i1, k, nn, tail, dummy;
	ptrdiff_t		 delta = (ptrdiff_t)n - (ptrdiff_t)(b - a);
	struct caretbuf_line	*nv;

	para_bounds(s, tb->text.len, a, &p0, &dummy);
	/* End of the changed region in the new text, then in the old. */
	para_bounds(s, tb->text.len, a + n, &dummy, &p1);
	i0 = lower_line(tb->lines, tb->nlines, p0);
	i1 = i0;
	while (i1 + 1 < tb->nlines &&
	    !(tb->lines[i1].hard &&
	    (ptrdiff_t)tb->lines[i1].end + delta == (ptrdiff_t)p1))
		i1++;
	k = caretbuf_wrap(s + p0, p1 - p0, wrap_cols(tb->cols), &nv,
	    &tb->opts);
	tail = tb->nlines - (i1 + 1);
	nn = i0 + k + tail;
	VEC_RESERVE(tb->lines, tb->caplines, nn);
	memmove(tb->lines + i0 + k, tb->lines + i1 + 1,
	    tail * sizeof *tb->lines);
	for (size_t j = 0; j < k; j++) {
		tb->lines[i0 + j] = nv[j];
		tb->lines[i0 + j].start += p0;
		tb->lines[i0 + j].end += p0;
	}
	for (size_t j = i0 + k; j < nn; j++) {
		tb->lines[j].start = (size_t)((ptrdiff_t)tb->lines[j].start +
		    delta);
		tb->lines[j].end = (size_t)((ptrdiff_t)tb->lines[j].end +
		    delta);
	}
	tb->nlines = nn;
	free(nv);
}

/* Replaces [a, b) of the text with s[0..n) and re-wraps what changed. */
static void
replace(struct caretbuf *tb, size_t a, size_t b, const char *s, size_t n)
{
	struct sbuf	*t = &tb->text;
	size_t		 tail = t->len - b;

	if (n > b - a)
		sbuf_add(t, s, n - (b - a));	/* grow; bytes fixed below */
	memmove(t->s + a + n, t->s + b, tail);
	memcpy(t->s + a, s, n);
	t->len = a + n + tail;
	t->s[t->len] = '\0';
	splice_lines(tb, a, b, n);
	tb->goal = -1;
	tb->eol = false;
	if (tb->top >= tb->nlines)
		tb->top = tb->nlines - 1;
}

/* Bytes selected (0: none). */
static size_t
sel_len(const struct caretbuf *tb)
{
	size_t	a, b;

	return (caretbuf_selection(tb, &a, &b) ? b - a : 0);
}

/* Deletes the selection, caret at its start; false when none. */
static bool
cut_sel(struct caretbuf *tb)
{
	size_t	a, b;

	if (!caretbuf_selection(tb, &a, &b))
		return (false);
	replace(tb, a, b, "", 0);
	tb->caret = a;
	tb->anchor = SIZE_MAX;
	tb->goal = -1;
	tb->eol = false;
	return (true);
}

bool
caretbuf_selection(const struct caretbuf *tb, size_t *a, size_t *b)
{
	if (tb->anchor == SIZE_MAX || tb->anchor == tb->caret)
		return (false);
	*a = tb->anchor < tb->caret ? tb->anchor : tb->caret;
	*b = tb->anchor < tb->caret ? tb->caret : tb->anchor;
	return (true);
}

void
caretbuf_select(struct caretbuf *tb, size_t a, size_t b)
{
	caretbuf_set_caret(tb, b);
	tb->anchor = snap_back(tb->text.s, tb->text.len,
	    a > tb->text.len ? tb->text.len : a);
}

void
caretbuf_unselect(struct caretbuf *tb)
{
	tb->anchor = SIZE_MAX;
}

bool
caretbuf_extend(struct caretbuf *tb, enum caretbuf_motion m, int view_h)
{
	size_t	anchor = tb->anchor == SIZE_MAX ? tb->caret : tb->anchor;
	bool	moved = caretbuf_move(tb, m, view_h);

	tb->anchor = anchor;
	return (moved);
}

bool
caretbuf_extend_to(struct caretbuf *tb, size_t line, int col)
{
	size_t	anchor = tb->anchor == SIZE_MAX ? tb->caret : tb->anchor;
	bool	moved = caretbuf_caret_to(tb, line, col);

	tb->anchor = anchor;
	return (moved);
}

bool
caretbuf_insert(struct caretbuf *tb, const char *s, size_t len,
    const char **msgid)
{
	char	*c;
	size_t	 n, at = tb->caret;

	if (len == 0 || len > CARETBUF_MAX) {
		if (len == 0)
			return (cut_sel(tb));
		if (msgid != NULL)
			*msgid = CARETBUF_E_BIG;
		return (false);
	}
	c = clean_copy(s, len, CARETBUF_MAX, &n);
	if (n == 0) {
		free(c);
		return (false);
	}
	if (tb->text.len - sel_len(tb) + n > CARETBUF_MAX) {
		free(c);
		if (msgid != NULL)
			*msgid = CARETBUF_E_BIG;
		return (false);
	}
	if (cut_sel(tb))
		at = tb->caret;
	replace(tb, at, at, c, n);
	free(c);
	/* The insert may have merged with the cluster after it. */
	tb->caret = snap_fwd(tb->text.s, tb->text.len, at + n);
	return (true);
}

/* The previous / next cluster boundary of off, within its paragraph. */
static size_t
prev_off(const struct caretbuf *tb, size_t off)
{
	size_t	p0, p1;

	if (off == 0)
		return (0);
	para_bounds(tb->text.s, tb->text.len, off, &p0, &p1);
	if (off == p0)
		return (off - 1);	/* the '\n' before */
	return (p0 + text_prev(tb->text.s + p0, p1 - p0, off - p0));
}

static size_t
next_off(const struct caretbuf *tb, size_t off)
{
	size_t	p0, p1;

	if (off >= tb->text.len)
		return (tb->text.len);
	para_bounds(tb->text.s, tb->text.len, off, &p0, &p1);
	if (off == p1)
		return (off + 1);	/* past the '\n' */
	return (p0 + text_next(tb->text.s + p0, p1 - p0, off - p0));
}

bool
caretbuf_backspace(struct caretbuf *tb)
{
	size_t	p;

	if (cut_sel(tb))
		return (true);
	if (tb->caret == 0)
		return (false);
	p = prev_off(tb, tb->caret);
	replace(tb, p, tb->caret, "", 0);
	tb->caret = p;
	return (true);
}

bool
caretbuf_delete(struct caretbuf *tb)
{
	size_t	n;

	if (cut_sel(tb))
		return (true);
	if (tb->caret >= tb->text.len)
		return (false);
	n = next_off(tb, tb->caret);
	replace(tb, tb->caret, n, "", 0);
	return (true);
}

void
caretbuf_reflow(struct caretbuf *tb, int cols)
{
	size_t	first;

	if (cols < 1)
		cols = 1;
	if (cols == tb->cols)
		return;
	first = tb->lines[tb->top].start;
	tb->cols = cols;
	rewrap_all(tb);
	/* Keep the same text at the top of the view. */
	tb->top = line_of(tb->lines, tb->nlines, first);
}

int
caretbuf_cols(const struct caretbuf *tb)
{
	return (tb->cols);
}

const struct caretbuf_line *
caretbuf_lines(const struct caretbuf *tb, size_t *n)
{
	*n = tb->nlines;
	return (tb->lines);
}

/* The caret's visual line in v[0..n) and its column there. */
static size_t
caret_line(const char *s, const struct caretbuf_line *v, size_t n,
    size_t caret, bool eol, const struct text_opts *opts, int *col)
{
	size_t	i = line_of(v, n, caret);

	if (eol && i > 0 && !v[i - 1].hard && v[i - 1].end == caret)
		i--;
	*col = text_width(s + v[i].start, caret - v[i].start, opts);
	return (i);
}

void
caretbuf_caret_pos(const struct caretbuf *tb, size_t *line, int *col)
{
	*line = caret_line(tb->text.s, tb->lines, tb->nlines, tb->caret,
	    tb->eol, &tb->opts, col);
}

/* Puts the caret on visual line li at display column goal (or before the
 * wide character that covers it). */
static void
caret_to_col(struct caretbuf *tb, size_t li, int goal)
{
	const struct caretbuf_line *l = &tb->lines[li];
	int			   used;
	size_t			   off;

	off = text_fit(tb->text.s + l->start, l->end - l->start, goal, &used,
	    &tb->opts);
	tb->caret = l->start + off;
	tb->eol = (!l->hard && tb->caret == l->end && l->end > l->start);
}

/* Up/Down/PgUp/PgDn: dl visual lines (negative: up), keeping the goal. */
static void
move_vert(struct caretbuf *tb, ptrdiff_t dl)
{
	size_t		li;
	int		col;
	ptrdiff_t	t;

	caretbuf_caret_pos(tb, &li, &col);
	if (tb->goal < 0)
		tb->goal = col;
	t = (ptrdiff_t)li + dl;
	if (t < 0) {
		tb->caret = 0;
		tb->eol = false;
		return;
	}
	if (t >= (ptrdiff_t)tb->nlines) {
		tb->caret = tb->text.len;
		tb->eol = false;
		return;
	}
	caret_to_col(tb, (size_t)t, tb->goal);
}

/* Moves top by d lines, within [0, nlines). */
static void
scroll_by(struct caretbuf *tb, ptrdiff_t d)
{
	ptrdiff_t	t = (ptrdiff_t)tb->top + d;

	if (t >= (ptrdiff_t)tb->nlines)
		t = (ptrdiff_t)tb->nlines - 1;
	tb->top = t > 0 ? (size_t)t : 0;
}

bool
caretbuf_move(struct caretbuf *tb, enum caretbuf_motion m, int view_h)
{
	size_t		old = tb->caret, li;
	bool		oldeol = tb->eol;
	int		goal = tb->goal, col;
	ptrdiff_t	page = view_h > 1 ? view_h - 1 : 1;

	caretbuf_caret_pos(tb, &li, &col);
	tb->goal = -1;
	tb->eol = false;
	tb->anchor = SIZE_MAX;
	switch (m) {
	case CB_LEFT:
		tb->caret = prev_off(tb, tb->caret);
		break;
	case CB_RIGHT:
		/* From the end of a soft line, first to the next line's start
		 * (the same offset). */
		if (!oldeol)
			tb->caret = next_off(tb, tb->caret);
		break;
	case CB_HOME:
		tb->caret = tb->lines[li].start;
		break;
	case CB_END:
		tb->caret = tb->lines[li].end;
		tb->eol = !tb->lines[li].hard &&
		    tb->lines[li].end > tb->lines[li].start;
		break;
	case CB_TEXT_START:
		tb->caret = 0;
		break;
	case CB_TEXT_END:
		tb->caret = tb->text.len;
		break;
	case CB_UP:
	case CB_DOWN:
		tb->goal = goal;
		tb->eol = oldeol;
		move_vert(tb, m == CB_UP ? -1 : 1);
		break;
	case CB_PAGE_UP:
	case CB_PAGE_DOWN:
		/* The view moves by the same amount as the caret. */
		tb->goal = goal;
		tb->eol = oldeol;
		move_vert(tb, m == CB_PAGE_UP ? -page : page);
		scroll_by(tb, m == CB_PAGE_UP ? -page : page);
		break;
	}
	return (tb->caret != old || tb->eol != oldeol);
}

bool
caretbuf_caret_to(struct caretbuf *tb, size_t line, int col)
{
	size_t	old = tb->caret;
	bool	oldeol = tb->eol;

	if (line >= tb->nlines)
		line = tb->nlines - 1;
	tb->goal = -1;
	tb->anchor = SIZE_MAX;
	caret_to_col(tb, line, col < 0 ? 0 : col);
	return (tb->caret != old || tb->eol != oldeol);
}

size_t
caretbuf_top(const struct caretbuf *tb)
{
	return (tb->top);
}

/* The top line that shows caret line li in h lines, moving from top as
 * little as possible, and not leaving blank lines below the text. */
static size_t
top_for(size_t top, size_t li, size_t nlines, int h)
{
	size_t	hh = h > 0 ? (size_t)h : 1;

	if (li < top)
		top = li;
	else if (li >= top + hh)
		top = li - hh + 1;
	if (top + hh > nlines)
		top = nlines > hh ? nlines - hh : 0;
	return (top);
}

bool
caretbuf_scroll_to_caret(struct caretbuf *tb, int view_h)
{
	size_t	li, old = tb->top;
	int	col;

	caretbuf_caret_pos(tb, &li, &col);
	tb->top = top_for(tb->top, li, tb->nlines, view_h);
	return (tb->top != old);
}

void
caretbuf_view(const struct caretbuf *tb, int h, int cols,
    struct caretbuf_view *out)
{
	size_t	top;

	if (cols < 1)
		cols = 1;
	memset(out, 0, sizeof *out);
	if (cols == tb->cols) {
		out->lines = tb->lines;
		out->nlines = tb->nlines;
		top = tb->top;
	} else {
		out->nlines = caretbuf_wrap(tb->text.s, tb->text.len, cols,
		    &out->owned, &tb->opts);
		out->lines = out->owned;
		top = line_of(out->owned, out->nlines,
		    tb->lines[tb->top].start);
	}
	out->caret_line = caret_line(tb->text.s, out->lines, out->nlines,
	    tb->caret, tb->eol, &tb->opts, &out->caret_col);
	out->top = top_for(top, out->caret_line, out->nlines, h);
}

void
caretbuf_view_done(struct caretbuf_view *v)
{
	free(v->owned);
	memset(v, 0, sizeof *v);
}
