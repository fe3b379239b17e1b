/*
 * Dialog boxes.  A box is at most 64 columns wide, centred, painted in
 * the dialog style with no border characters (box-drawing characters are
 * ambiguous-width and would misalign on some CJK terminals).  Rows: the
 * title, the prompt (wrapped), then the input line and its error line,
 * or up to DLG_ROWS list items, then the key hint.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_dialog.h"
#include "ed_keymap.h"
#include "text.h"
#include "xmalloc.h"

#define DLG_ROWS	10
#define DLG_MAXW	64

static struct ed_dialog *
dialog_new(enum ed_dialog_kind kind, const char *title, const char *prompt,
    const char *hint)
{
	struct ed_dialog	*d = xcalloc(1, sizeof *d);

	d->kind = kind;
	d->title = xstrdup(title != NULL ? title : "");
	d->prompt = xstrdup(prompt != NULL ? prompt : "");
	d->hint = xstrdup(hint != NULL ? hint : "");
	sbuf_init(&d->in);
	return (d);
}

struct ed_dialog *
ed_dialog_input(const char *title, const char *prompt, const char *init,
    const char *hint)
{
	struct ed_dialog	*d = dialog_new(DLG_INPUT, title, prompt, hint);

	if (init != NULL)
		sbuf_adds(&d->in, init);
	d->caret = d->in.len;
	/* A proposed value (the year) is replaced by typing, kept by Enter
	 * or edited after any movement key, as in a browser's form. */
	d->fresh = d->in.len > 0;
	return (d);
}

struct ed_dialog *
ed_dialog_confirm(const char *title, const char *prompt, const char *hint,
    int no_key)
{
	struct ed_dialog	*d;

	d = dialog_new(DLG_CONFIRM, title, prompt, hint);

	d->no_key = no_key;
	return (d);
}

struct ed_dialog *
ed_dialog_list(const char *title, const char *prompt, char **items, size_t n,
    const char *hint)
{
	struct ed_dialog	*d = dialog_new(DLG_LIST, title, prompt, hint);

	d->items = items;
	d->nitems = n;
	return (d);
}

struct ed_dialog *
ed_dialog_message(const char *title, const char *prompt, const char *hint)
{
	return (dialog_new(DLG_MESSAGE, title, prompt, hint));
}

struct ed_dialog *
ed_dialog_choice(const char *title, const char *prompt, char **items, size_t n,
    const char *hint)
{
	struct ed_dialog	*d = dialog_new(DLG_LIST, title, prompt, hint);
	size_t		 i;
	char		*s;

	for (i = 0; i < n; i++) {
		s = i < 9 ? xasprintf("%zu  %s", i + 1, items[i]) :
		    xasprintf("   %s", items[i]);
		free(items[i]);
		items[i] = s;
	}
	d->items = items;
	d->nitems = n;
	d->numbered = true;
	return (d);
}

void
ed_dialog_free(struct ed_dialog *d)
{
	size_t	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nitems; i++)
		free(d->items[i]);
	free(d->items);
	free(d->title);
	free(d->prompt);
	free(d->hint);
	free(d->error);
	sbuf_done(&d->in);
	free(d);
}

void
ed_dialog_set_error(struct ed_dialog *d, char *error, bool retype)
{
	free(d->error);
	d->error = error;
	if (retype)
		d->fresh = d->in.len > 0;
}

const char *
ed_dialog_text(const struct ed_dialog *d)
{
	return (d->in.s != NULL ? d->in.s : "");
}

void
ed_dialog_insert(struct ed_dialog *d, const char *s, size_t len)
{
	char	*clean = text_sanitize(s, len, false);
	size_t	 n = strlen(clean);
	char	*rest = xstrdup(d->in.s != NULL ? d->in.s + d->caret : "");

	sbuf_truncate(&d->in, d->caret);
	sbuf_add(&d->in, clean, n);
	sbuf_adds(&d->in, rest);
	d->caret += n;
	free(rest);
	free(clean);
}

static void
delete_range(struct ed_dialog *d, size_t from, size_t to)
{
	char	*rest = xstrdup(d->in.s + to);

	sbuf_truncate(&d->in, from);
	sbuf_adds(&d->in, rest);
	free(rest);
	d->caret = from;
}

static int
input_key(struct ed_dialog *d, int key)
{
	const char	*s = ed_dialog_text(d);
	char		 u[5];
	size_t		 n;
	bool		 fresh = d->fresh;

	if (d->alt_key != 0 && key == d->alt_key)
		return (DLG_ALT);
	d->fresh = false;
	if (fresh && ed_keymap_printable(key))
		delete_range(d, 0, d->in.len);
	switch (key) {
	case '\r': case '\n': case KM_KEY(KEY_ENTER):
		return (DLG_OK);
	case 27:
		return (DLG_CANCEL);
	case KM_KEY(KEY_LEFT):
		d->caret = text_prev(s, d->in.len, d->caret);
		break;
	case KM_KEY(KEY_RIGHT):
		d->caret = text_next(s, d->in.len, d->caret);
		break;
	case KM_KEY(KEY_HOME): case KM_CTRL('A'):
		d->caret = 0;
		break;
	case KM_KEY(KEY_END): case KM_CTRL('E'):
		d->caret = d->in.len;
		break;
	case KM_KEY(KEY_BACKSPACE): case 127: case 8:
		if (d->caret > 0)
			delete_range(d, text_prev(s, d->in.len, d->caret),
			    d->caret);
		break;
	case KM_KEY(KEY_DC):
		if (d->caret < d->in.len)
			delete_range(d, d->caret, text_next(s, d->in.len,
			    d->caret));
		break;
	case KM_CTRL('U'):
		delete_range(d, 0, d->in.len);
		break;
	default:
		if (ed_keymap_printable(key) &&
		    (n = ed_keymap_utf8((wint_t)key, u)) > 0)
			ed_dialog_insert(d, u, n);
	}
	return (DLG_CONTINUE);
}

static int
list_key(struct ed_dialog *d, int key, int page)
{
	long	sel = (long)d->sel;

	if (d->numbered && key >= '1' && key <= '9' &&
	    (size_t)(key - '1') < d->nitems) {
		d->sel = (size_t)(key - '1');
		return (DLG_OK);
	}
	switch (key) {
	case '\r': case '\n': case KM_KEY(KEY_ENTER):
		return (d->nitems > 0 ? DLG_OK : DLG_CANCEL);
	case 27:
		return (DLG_CANCEL);
	case KM_KEY(KEY_UP):
		sel--;
		break;
	case KM_KEY(KEY_DOWN):
		sel++;
		break;
	case KM_KEY(KEY_PPAGE):
		sel -= page;
		break;
	case KM_KEY(KEY_NPAGE):
		sel += page;
		break;
	case KM_KEY(KEY_HOME):
		sel = 0;
		break;
	case KM_KEY(KEY_END):
		sel = (long)d->nitems - 1;
		break;
	}
	if (sel >= (long)d->nitems)
		sel = (long)d->nitems - 1;
	if (sel < 0)
		sel = 0;
	d->sel = (size_t)sel;
	if (d->sel < d->top)
		d->top = d->sel;
	if (d->sel >= d->top + DLG_ROWS)
		d->top = d->sel - DLG_ROWS + 1;
	return (DLG_CONTINUE);
}

int
ed_dialog_key(struct ed_dialog *d, int key, int page)
{
	switch (d->kind) {
	case DLG_INPUT:
		return (input_key(d, key));
	case DLG_LIST:
		return (list_key(d, key, page > 1 ? page : 1));
	case DLG_CONFIRM:
		if (key == 'y' || key == 'Y' || key == '\r' || key == '\n' ||
		    key == KM_KEY(KEY_ENTER))
			return (DLG_YES);
		if (key == 'n' || key == 'N' || key == d->no_key)
			return (DLG_NO);
		if (key == 27 || key == 'c' || key == 'C')
			return (DLG_CANCEL);
		return (DLG_CONTINUE);
	default:
		if (key == '\r' || key == '\n' || key == 27 || key == ' ' ||
		    key == KM_KEY(KEY_ENTER))
			return (DLG_OK);
		return (DLG_CONTINUE);
	}
}

/* Draws the input line at (y, x) in w columns; returns the caret's x. */
static int
draw_input(const struct ed_dialog *d, const struct ed_draw *dr, int y, int x,
    int w)
{
	const char	*s = ed_dialog_text(d);
	size_t		 start = 0;

	while (start < d->caret &&
	    text_width(s + start, d->caret - start, dr->topts) > w - 1)
		start = text_next(s, d->in.len, start);
	ed_draw_textn(dr, y, x, w, s + start, d->in.len - start,
	    ST_DIALOG_INPUT, DRAW_PAD);
	return (x + text_width(s + start, d->caret - start, dr->topts));
}

bool
ed_dialog_draw(const struct ed_dialog *d, const struct ed_draw *dr, int rows,
    int cols, int *cy, int *cx)
{
	size_t	*st, *en, np, i;
	int	 bw = cols - 2 < DLG_MAXW ? cols - 2 : DLG_MAXW, bh, y, x, iw;
	int	 extra = 0, nl;

	if (bw < 1)
		bw = cols > 0 ? cols : 1;
	iw = bw - 4 > 1 ? bw - 4 : 1;
	np = ed_draw_wrap(dr, d->prompt, iw, &st, &en);
	if (d->kind == DLG_INPUT)
		extra = 3;
	else if (d->kind == DLG_LIST)
		extra = (d->nitems < DLG_ROWS ? (int)d->nitems : DLG_ROWS) + 1;
	/* A prompt taller than the screen loses its last lines. */
	if (4 + (int)np + extra + 1 > rows && rows - (4 + extra + 1) >= 1)
		np = (size_t)(rows - (4 + extra + 1));
	bh = 4 + (int)np + extra + 1;
	y = (rows - bh) / 2 > 0 ? (rows - bh) / 2 : 0;
	x = (cols - bw) / 2 > 0 ? (cols - bw) / 2 : 0;
	ed_draw_box(dr, y, x, bh, bw, ST_DIALOG);
	ed_draw_text(dr, y + 1, x + 2, iw, d->title, ST_DIALOG, DRAW_ELLIPSIS);
	for (i = 0; i < np; i++)
		ed_draw_textn(dr, y + 3 + (int)i, x + 2, iw, d->prompt + st[i],
		    en[i] - st[i], ST_DIALOG, 0);
	free(st);
	free(en);
	nl = y + 3 + (int)np;
	if (d->kind == DLG_INPUT) {
		*cy = nl + 1;
		*cx = draw_input(d, dr, nl + 1, x + 2, iw);
		if (d->error != NULL)
			ed_draw_text(dr, nl + 2, x + 2, iw, d->error,
			    ST_INPUT_ERROR, DRAW_ELLIPSIS);
	} else if (d->kind == DLG_LIST) {
		for (i = 0; i < DLG_ROWS && d->top + i < d->nitems; i++)
			ed_draw_text(dr, nl + 1 + (int)i, x + 2, iw,
			    d->items[d->top + i], d->top + i == d->sel ?
			    ST_SELECT : ST_DIALOG, DRAW_PAD | DRAW_ELLIPSIS);
	}
	ed_draw_text(dr, y + bh - 2, x + 2, iw, d->hint, ST_DIALOG,
	    DRAW_ELLIPSIS);
	if (d->kind != DLG_INPUT)
		return (false);
	/* The caret must be on the screen for move() to work. */
	return (*cy >= 0 && *cy < LINES && *cx >= 0 && *cx < COLS);
}
