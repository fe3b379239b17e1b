/*
 * The text pane (see ed_text.h).  The widgets are indexed by section;
 * NULL for a table section.  `dragging` is set while the first mouse
 * button, pressed on the text, is held: its motion and release extend
 * the selection from where it went down.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_msg.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "ed_textedit.h"
#include "caretbuf.h"
#include "undo.h"
#include "xmalloc.h"

struct ed_text {
	struct ed_textedit	**te;
	size_t			  n;
	bool			  dragging;
};

void
ed_text_init(struct tui_app *a)
{
	a->text = xcalloc(1, sizeof *a->text);
}

void
ed_text_done(struct tui_app *a)
{
	size_t	s;

	if (a->text == NULL)
		return;
	for (s = 0; s < a->text->n; s++)
		ed_textedit_free(a->text->te[s]);
	free(a->text->te);
	free(a->text);
	a->text = NULL;
}

void
ed_text_attach(struct tui_app *a)
{
	const struct tpl	*t = report_tpl(a->rep);
	struct ed_text		*x = a->text;
	size_t			 s;

	for (s = 0; s < x->n; s++)
		ed_textedit_free(x->te[s]);
	free(x->te);
	x->n = t->nsections;
	x->te = xcalloc(x->n, sizeof *x->te);
	for (s = 0; s < x->n; s++)
		if (t->sections[s].kind == TPL_NARRATIVE)
			x->te[s] = ed_textedit_new(report_text(a->rep, (int)s),
			    &a->topts);
}

/* The current section's widget, or NULL. */
static struct ed_textedit *
cur(const struct tui_app *a)
{
	if (!ed_sec_is_text(a) || (size_t)a->sec >= a->text->n)
		return (NULL);
	return (a->text->te[a->sec]);
}

void
ed_text_area(const struct tui_app *a, int *y, int *h)
{
	*y = a->g.pane_y + 2;
	*h = a->g.pane_h - 2 > 1 ? a->g.pane_h - 2 : 1;
}

unsigned
ed_text_sync(struct tui_app *a, bool coalesce)
{
	struct ed_textedit	*te = cur(a);
	const char		*now;
	char			*old;

	if (te == NULL)
		return (0);
	now = ed_textedit_text(te);
	if (strcmp(now, report_text(a->rep, a->sec)) == 0)
		return (0);
	report_set_text(a->rep, a->sec, now, &old);
	undo_push_text(a->undo, a->sec, old, now, coalesce);
	free(old);
	return (TUI_DIRTY_MODEL | TUI_DIRTY_PANE);
}

size_t
ed_text_count(const struct tui_app *a)
{
	struct ed_textedit	*te = cur(a);

	return (te != NULL ? ed_textedit_count_chars(te) : 0);
}

size_t
ed_text_caret(const struct tui_app *a)
{
	if ((size_t)a->sec >= a->text->n || a->text->te[a->sec] == NULL)
		return (0);
	return (ed_textedit_caret(a->text->te[a->sec]));
}

void
ed_text_reset(struct tui_app *a, int sec, size_t caret)
{
	if (sec >= 0 && (size_t)sec < a->text->n && a->text->te[sec] != NULL)
		ed_textedit_set_text(a->text->te[sec], report_text(a->rep, sec),
		    caret);
}

/* In read-only mode: whether the key would change the text. */
static bool
edits(int key)
{
	if (ed_keymap_printable(key))
		return (true);
	switch (key) {
	case '\r': case '\n': case 127: case 8: case KM_KEY(KEY_ENTER):
	case KM_KEY(KEY_BACKSPACE): case KM_KEY(KEY_DC):
		return (true);
	default:
		return (false);
	}
}

/* The widget's results r as dirty bits: the change stored, the refusal
 * said. */
static unsigned
result(struct tui_app *a, struct ed_textedit *te, int r, bool coalesce)
{
	unsigned	d = 0;

	if (r & TE_CHANGED)
		d |= ed_text_sync(a, coalesce);
	else if (r & TE_MOVED)
		undo_seal(a->undo);
	if (r & TE_REFUSED)
		d |= ed_msg_set(a, ST_MSG_ERROR, ed_textedit_refusal(te), 1,
		    "1024");
	return (d | TUI_DIRTY_PANE | TUI_DIRTY_STATUS);
}

static unsigned
key(struct tui_app *a, int k)
{
	struct ed_textedit	*te = cur(a);
	int			 y, h, r;

	if (te == NULL)
		return (0);
	if (a->readonly && edits(k))
		return (ed_msg_set(a, ST_MSG_ERROR, "rcv.readonly_refused", 0));
	ed_text_area(a, &y, &h);
	r = ed_textedit_key(te, (wint_t)(k & ~KM_FN), (k & KM_FN) != 0, h,
	    a->g.pane_w);
	if (r & TE_UNHANDLED)
		return (0);
	if ((r & TE_CHANGED) && a->readonly) {
		/* A key not known above as an edit: undone. */
		ed_textedit_set_text(te, report_text(a->rep, a->sec),
		    ed_textedit_caret(te));
		return (ed_msg_set(a, ST_MSG_ERROR, "rcv.readonly_refused", 0) |
		    TUI_DIRTY_PANE);
	}
	return (result(a, te, r, true));
}

struct ed_textedit *
ed_text_widget(const struct tui_app *a)
{
	return (a->text != NULL ? cur(a) : NULL);
}

unsigned
ed_text_select(struct tui_app *a, int sec, size_t from, size_t to)
{
	unsigned	d = ed_text_sync(a, false);

	if (sec != a->sec)
		d |= ed_sec_set(a, sec);
	d |= ed_pane_home(a);
	if (ed_text_widget(a) == NULL || a->sec != sec)
		return (d);
	ed_textedit_select(ed_text_widget(a), from, to);
	return (d | TUI_DIRTY_ALL);
}

unsigned
ed_text_key(struct tui_app *a, int k)
{
	unsigned d = key(a, k);

	undo_seal(a->undo);
	return (d);
}

unsigned
ed_text_paste(struct tui_app *a, const char *s, size_t len)
{
	struct ed_textedit	*te = cur(a);
	unsigned		 d;
	int			 y, h, r;

	if (te == NULL)
		return (0);
	ed_text_area(a, &y, &h);
	undo_seal(a->undo);
	r = ed_textedit_paste(te, s, len, h, a->g.pane_w);
	d = result(a, te, r & ~TE_MOVED, false);
	undo_seal(a->undo);
	return (d);
}

/* The wheel: the caret three lines up or down. */
static unsigned
wheel(struct tui_app *a, int lines)
{
	int	i;

	for (i = 0; i < 3; i++)
		key(a, KM_KEY(lines < 0 ? KEY_UP : KEY_DOWN));
	return (TUI_DIRTY_PANE | TUI_DIRTY_STATUS);
}

/* A press of the first button: the caret there, a drag may follow. */
static unsigned
click(struct tui_app *a, int y, int x)
{
	struct ed_textedit	*te = cur(a);
	int			 ty, h;

	a->text->dragging = false;
	ed_text_area(a, &ty, &h);
	if (te == NULL || y < ty || y >= ty + h)
		return (0);
	undo_seal(a->undo);
	ed_textedit_click(te, y - ty, x - a->g.pane_x, h, a->g.pane_w);
	a->text->dragging = true;
	return (TUI_DIRTY_PANE | TUI_DIRTY_STATUS);
}

/* The button held and moved, or released: the selection follows. */
static unsigned
drag(struct tui_app *a, int y, int x, bool done)
{
	struct ed_textedit	*te = cur(a);
	int			 ty, h;

	if (te == NULL || !a->text->dragging)
		return (0);
	a->text->dragging = !done;
	ed_text_area(a, &ty, &h);
	ed_textedit_drag(te, y - ty, x - a->g.pane_x, h, a->g.pane_w);
	return (TUI_DIRTY_PANE | TUI_DIRTY_STATUS);
}

/* Heading, then the widget; the caret is where the widget puts it. */
static void
draw(const struct tui_app *a, unsigned dirty, struct ed_caret *c)
{
	const struct tpl_section *s = &report_tpl(a->rep)->sections[a->sec];
	struct ed_textedit	*te = cur(a);
	char			*title = ed_sec_title(a, a->sec);
	int			 y, h;

	(void)dirty;
	ed_draw_text(&a->dr, a->g.pane_y, a->g.pane_x, a->g.pane_w, title,
	    ST_SECTION, DRAW_PAD | DRAW_ELLIPSIS);
	ed_draw_fill(&a->dr, a->g.pane_y + 1, a->g.pane_x, a->g.pane_w,
	    ST_NORMAL);
	free(title);
	if (te == NULL)
		return;
	ed_text_area(a, &y, &h);
	ed_textedit_draw(te, stdscr, y, a->g.pane_x, h, a->g.pane_w,
	    ed_theme_attr(&a->theme, ST_TEXT), &c->y, &c->x);
	if (*ed_textedit_text(te) == '\0')
		ed_draw_text(&a->dr, y, a->g.pane_x, a->g.pane_w,
		    tpl_label(&s->placeholder, a->lang), ST_PLACEHOLDER, 0);
	c->at = c->show = true;
}

const struct ed_keymap ed_text_keys = { "ed.ctx.text", "ed.h.text_keys",
    NULL, NULL };

const struct ed_pane ed_text_pane = {
	.name = "text",
	.keys = &ed_text_keys,
	.draw = draw,
	.key = key,
	.wheel = wheel,
	.click = click,
	.drag = drag,
};
