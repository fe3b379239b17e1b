/*
 * The narrative text widget; see ed_textedit.h.  All editing and caret logic
 * is in model/textbuf.c; this file maps keys to it and draws.
 *
 * A view w columns wide wraps the text to w - 1 columns so that the caret
 * after a full-width line (and the input method's candidate window, which
 * follows the hardware cursor) stays inside the view.  Drawing puts every
 * grapheme cluster at the column our own width function gives it, so the
 * screen agrees with the caret arithmetic.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "caretbuf.h"
#include "ed_textedit.h"
#include "vec.h"
#include "xmalloc.h"

/* A highlighted range of the text: [start, end) in bytes. */
struct te_mark {
	size_t	start, end;
};

struct ed_textedit {
	struct caretbuf	*tb;
	const char	*refusal;	/* msgid of the last TE_REFUSED */
	struct te_mark	*marks;		/* until edited (ed_textedit_mark) */
	size_t		 nmarks, capmarks;
	attr_t		 sel_attr, mark_attr;
};

/* Columns the text wraps to in a view w columns wide. */
static int
wrap_cols(int w)
{
	if (w < 1)
		return (1);
	return (w >= 3 ? w - 1 : w);
}

struct ed_textedit *
ed_textedit_new(const char *text, const struct text_opts *opts)
{
	struct ed_textedit	*te = xcalloc(1, sizeof *te);

	te->tb = caretbuf_new(text != NULL ? text : "", opts);
	caretbuf_set_caret(te->tb, SIZE_MAX);
	te->sel_attr = A_REVERSE;
	te->mark_attr = A_BOLD | A_UNDERLINE;
	return (te);
}

void
ed_textedit_free(struct ed_textedit *te)
{
	if (te == NULL)
		return;
	caretbuf_free(te->tb);
	free(te->marks);
	free(te);
}

const char *
ed_textedit_text(const struct ed_textedit *te)
{
	return (caretbuf_text(te->tb));
}

void
ed_textedit_set_text(struct ed_textedit *te, const char *text, size_t caret)
{
	if (strcmp(text != NULL ? text : "", caretbuf_text(te->tb)) != 0)
		te->nmarks = 0;
	caretbuf_set_text(te->tb, text, caret);
}

size_t
ed_textedit_caret(const struct ed_textedit *te)
{
	return (caretbuf_caret(te->tb));
}

size_t
ed_textedit_count_chars(const struct ed_textedit *te)
{
	return (caretbuf_count_chars(te->tb));
}

void
ed_textedit_set_opts(struct ed_textedit *te, const struct text_opts *opts)
{
	caretbuf_set_opts(te->tb, opts);
}

const char *
ed_textedit_refusal(const struct ed_textedit *te)
{
	return (te->refusal);
}

/* UTF-8 of one code point into buf (4 bytes); returns the length, 0 for
 * values that are not Unicode scalar values. */
static size_t
utf8_encode(uint32_t c, char *buf)
{
	if (c < 0x80) {
		buf[0] = (char)c;
		return (1);
	}
	if (c < 0x800) {
		buf[0] = (char)(0xc0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3f));
		return (2);
	}
	if (c >= 0xd800 && c < 0xe000)
		return (0);
	if (c < 0x10000) {
		buf[0] = (char)(0xe0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (c & 0x3f));
		return (3);
	}
	if (c < 0x110000) {
		buf[0] = (char)(0xf0 | (c >> 18));
		buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		buf[3] = (char)(0x80 | (c & 0x3f));
		return (4);
	}
	return (0);
}

/* Inserts bytes at the caret; the result bits. */
static int
insert(struct ed_textedit *te, const char *s, size_t len)
{
	const char	*msgid = NULL;

	if (caretbuf_insert(te->tb, s, len, &msgid))
		return (TE_CHANGED | TE_MOVED);
	if (msgid != NULL) {
		te->refusal = msgid;
		return (TE_REFUSED);
	}
	return (0);
}

/* A Shift-motion: the selection grows or shrinks; a redraw either way. */
static int
extend(struct ed_textedit *te, enum caretbuf_motion m, int h)
{
	caretbuf_extend(te->tb, m, h);
	return (TE_MOVED);
}

/* A keycode from wget_wch: motion, edit, or not ours. */
static int
key_code(struct ed_textedit *te, wint_t ch, int h)
{
	enum caretbuf_motion m;

	switch (ch) {
	case KEY_LEFT:	m = CB_LEFT;		break;
	case KEY_RIGHT:	m = CB_RIGHT;		break;
	case KEY_UP:	m = CB_UP;		break;
	case KEY_DOWN:	m = CB_DOWN;		break;
	case KEY_HOME:	m = CB_HOME;		break;
	case KEY_END:	m = CB_END;		break;
	case KEY_PPAGE:	m = CB_PAGE_UP;		break;
	case KEY_NPAGE:	m = CB_PAGE_DOWN;	break;
	case KEY_SLEFT:	return (extend(te, CB_LEFT, h));
	case KEY_SRIGHT: return (extend(te, CB_RIGHT, h));
	case KEY_SR:	return (extend(te, CB_UP, h));
	case KEY_SF:	return (extend(te, CB_DOWN, h));
	case KEY_SHOME:	return (extend(te, CB_HOME, h));
	case KEY_SEND:	return (extend(te, CB_END, h));
	case KEY_SPREVIOUS: return (extend(te, CB_PAGE_UP, h));
	case KEY_SNEXT:	return (extend(te, CB_PAGE_DOWN, h));
	case KEY_ENTER:
		return (insert(te, "\n", 1));
	case KEY_BACKSPACE:
		return (caretbuf_backspace(te->tb) ? TE_CHANGED | TE_MOVED : 0);
	case KEY_DC:
		return (caretbuf_delete(te->tb) ? TE_CHANGED | TE_MOVED : 0);
	default:
		return (TE_UNHANDLED);
	}
	return (caretbuf_move(te->tb, m, h) ? TE_MOVED : 0);
}

/* A character from wget_wch: text, Enter, Backspace, or not ours. */
static int
key_char(struct ed_textedit *te, wint_t ch)
{
	char	buf[4];
	size_t	n;

	switch (ch) {
	case '\r':
	case '\n':
		return (insert(te, "\n", 1));
	case 127:
	case 8:
		return (caretbuf_backspace(te->tb) ? TE_CHANGED | TE_MOVED : 0);
	}
	if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
		return (TE_UNHANDLED);
	n = utf8_encode((uint32_t)ch, buf);
	if (n == 0)
		return (TE_UNHANDLED);
	return (insert(te, buf, n));
}

/*
 * After an edit (bits has TE_CHANGED) of the text that was `before`
 * (NULL when there were no marks): the changed bytes are what lies
 * between the common prefix and suffix; a mark touching them is gone,
 * the marks after them shift.  Frees before.
 */
static void
marks_follow(struct ed_textedit *te, char *before, int bits)
{
	const char	*now = caretbuf_text(te->tb);
	size_t		 lb, ln, pre = 0, suf = 0, i, k = 0;

	if (before == NULL)
		return;
	if (bits & TE_CHANGED) {
		lb = strlen(before);
		ln = strlen(now);
		while (pre < lb && pre < ln && before[pre] == now[pre])
			pre++;
		while (suf < lb - pre && suf < ln - pre &&
		    before[lb - 1 - suf] == now[ln - 1 - suf])
			suf++;
		for (i = 0; i < te->nmarks; i++) {
			struct te_mark m = te->marks[i];

			if (m.end > pre && m.start < lb - suf)
				continue;	/* edited */
			if (m.start >= lb - suf) {
				m.start = m.start - lb + ln;
				m.end = m.end - lb + ln;
			}
			te->marks[k++] = m;
		}
		te->nmarks = k;
	}
	free(before);
}

int
ed_textedit_key(struct ed_textedit *te, wint_t ch, bool keycode, int view_h,
    int view_w)
{
	int	bits;

	char	*before = te->nmarks > 0 ? xstrdup(caretbuf_text(te->tb)) :
		    NULL;

	te->refusal = NULL;
	caretbuf_reflow(te->tb, wrap_cols(view_w));
	bits = keycode ? key_code(te, ch, view_h) : key_char(te, ch);
	marks_follow(te, before, bits);
	if (caretbuf_scroll_to_caret(te->tb, view_h))
		bits |= TE_MOVED;
	return (bits);
}

int
ed_textedit_paste(struct ed_textedit *te, const char *s, size_t len, int view_h,
    int view_w)
{
	int	bits;

	char	*before = te->nmarks > 0 ? xstrdup(caretbuf_text(te->tb)) :
		    NULL;

	te->refusal = NULL;
	caretbuf_reflow(te->tb, wrap_cols(view_w));
	bits = insert(te, s, len);
	marks_follow(te, before, bits);
	if (caretbuf_scroll_to_caret(te->tb, view_h))
		bits |= TE_MOVED;
	return (bits);
}

int
ed_textedit_click(struct ed_textedit *te, int y, int x, int view_h, int view_w)
{
	int	bits = 0;

	te->refusal = NULL;
	caretbuf_reflow(te->tb, wrap_cols(view_w));
	caretbuf_scroll_to_caret(te->tb, view_h);
	if (y < 0 || y >= view_h || x < 0)
		return (0);
	if (caretbuf_caret_to(te->tb, caretbuf_top(te->tb) + (size_t)y, x))
		bits |= TE_MOVED;
	if (caretbuf_scroll_to_caret(te->tb, view_h))
		bits |= TE_MOVED;
	return (bits);
}

int
ed_textedit_drag(struct ed_textedit *te, int y, int x, int view_h, int view_w)
{
	size_t	top, line;

	caretbuf_reflow(te->tb, wrap_cols(view_w));
	top = caretbuf_top(te->tb);
	if (y < 0)		/* above the view: one line up, scrolling */
		line = top > 0 ? top - 1 : 0;
	else if (y >= view_h)	/* below: one line down */
		line = top + (size_t)view_h;
	else
		line = top + (size_t)y;
	caretbuf_extend_to(te->tb, line, x < 0 ? 0 : x);
	caretbuf_scroll_to_caret(te->tb, view_h);
	return (TE_MOVED);
}

bool
ed_textedit_selection(const struct ed_textedit *te, size_t *a, size_t *b)
{
	return (caretbuf_selection(te->tb, a, b));
}

void
ed_textedit_select(struct ed_textedit *te, size_t a, size_t b)
{
	caretbuf_select(te->tb, a, b);
}

void
ed_textedit_mark(struct ed_textedit *te, size_t a, size_t b)
{
	*VEC_PUSH(te->marks, te->nmarks, te->capmarks) =
	    (struct te_mark){ a, b };
}

size_t
ed_textedit_nmarks(const struct ed_textedit *te)
{
	return (te->nmarks);
}

void
ed_textedit_set_styles(struct ed_textedit *te, attr_t sel, attr_t mark)
{
	te->sel_attr = sel;
	te->mark_attr = mark;
}

int
ed_textedit_resize(struct ed_textedit *te, int view_h, int view_w)
{
	size_t	top = caretbuf_top(te->tb);

	caretbuf_reflow(te->tb, wrap_cols(view_w));
	caretbuf_scroll_to_caret(te->tb, view_h);
	return (caretbuf_top(te->tb) != top ? TE_MOVED : 0);
}

/* The attribute of the cluster at byte off: selected, marked, or the
 * text's own (blank's). */
static attr_t
cluster_attr(const struct ed_textedit *te, size_t off, chtype blank)
{
	size_t	a, b, i;

	if (caretbuf_selection(te->tb, &a, &b) && off >= a && off < b)
		return ((blank & A_ATTRIBUTES) | te->sel_attr);
	for (i = 0; i < te->nmarks; i++)
		if (off >= te->marks[i].start && off < te->marks[i].end)
			return ((blank & A_ATTRIBUTES) | te->mark_attr);
	return (blank & A_ATTRIBUTES);
}

/* Draws visual line l at (row, x), at most w columns, then blanks. */
static void
draw_line(const struct ed_textedit *te, WINDOW *win, int row, int x, int w,
    const struct caretbuf_line *l, chtype blank)
{
	const char		*s = caretbuf_text(te->tb) + l->start;
	size_t			 len = l->end - l->start, off = 0, next;
	const struct text_opts	*opts = caretbuf_opts(te->tb);
	int			 c = 0, cw;

	while (off < len) {
		cw = text_cluster_width(s, len, off, &next, opts);
		if (c + cw > w)
			break;
		wattrset(win, cluster_attr(te, l->start + off, blank));
		mvwaddnstr(win, row, x + c, s + off, (int)(next - off));
		c += cw;
		off = next;
	}
	wattrset(win, blank & A_ATTRIBUTES);
	if (c < w)
		mvwhline(win, row, x + c, blank, w - c);
}

void
ed_textedit_draw(const struct ed_textedit *te, WINDOW *win, int y, int x, int h,
    int w, attr_t attr, int *cur_y, int *cur_x)
{
	struct caretbuf_view	v;
	chtype			blank = ' ' | (chtype)attr;
	int			r;

	*cur_y = y;
	*cur_x = x;
	if (h < 1 || w < 1)
		return;
	caretbuf_view(te->tb, h, wrap_cols(w), &v);
	wattrset(win, attr);
	for (r = 0; r < h; r++) {
		size_t li = v.top + (size_t)r;
		if (li < v.nlines)
			draw_line(te, win, y + r, x, w, &v.lines[li], blank);
		else
			mvwhline(win, y + r, x, blank, w);
	}
	if (v.caret_line >= v.top && v.caret_line < v.top + (size_t)h)
		*cur_y = y + (int)(v.caret_line - v.top);
	*cur_x = x + (v.caret_col < w ? v.caret_col : w - 1);
	caretbuf_view_done(&v);
}

void
ed_textedit_define_paste_keys(void)
{
	define_key("\033[200~", TE_KEY_PASTE_BEGIN);
	define_key("\033[201~", TE_KEY_PASTE_END);
}

void
ed_textedit_read_paste(WINDOW *win, struct sbuf *out)
{
	int	delay = wgetdelay(win), rc;
	wint_t	ch;
	char	buf[4];

	wtimeout(win, 2000);
	for (;;) {
		rc = wget_wch(win, &ch);
		if (rc == ERR)
			break;
		if (rc == KEY_CODE_YES) {
			if (ch == TE_KEY_PASTE_END)
				break;
			continue;
		}
		if (out->len <= CARETBUF_MAX)
			sbuf_add(out, buf, utf8_encode((uint32_t)ch, buf));
	}
	wtimeout(win, delay);
}
