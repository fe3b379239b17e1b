/*
 * The print preview pane (see ed_preview.h): the page view widget, and
 * the size it was last fitted to (the pane's settle fits it again when
 * the terminal's size changed).
 */
#include <stdlib.h>

#include <curses.h>

#include "ed_cell.h"
#include "ed_keymap.h"
#include "ed_pageview.h"
#include "ed_preview.h"
#include "ed_print.h"
#include "ed_text.h"
#include "xmalloc.h"

struct ed_preview {
	struct ed_pageview	*pv;
	int			 h, w;		/* the size fitted to */
};

void
ed_preview_done(struct tui_app *a)
{
	if (a->pv == NULL)
		return;
	ed_pageview_free(a->pv->pv);
	free(a->pv);
	a->pv = NULL;
}

unsigned
ed_preview_show(struct tui_app *a)
{
	ed_preview_done(a);
	a->pv = xcalloc(1, sizeof *a->pv);
	a->pv->pv = ed_pageview_new(a->rep, a->i18n, a->lang, &a->topts);
	a->pv->h = a->g.rows - 2;
	a->pv->w = a->g.cols;
	ed_pageview_resize(a->pv->pv, a->pv->h, a->pv->w);
	return (ed_pane_open(a, &ed_preview_pane) | TUI_DIRTY_ALL |
	    TUI_DIRTY_CLEAR);
}

static unsigned
close_pane(struct tui_app *a)
{
	ed_preview_done(a);
	ed_pane_home(a);
	if (a->preview_only)
		return (TUI_QUIT);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* The widget's answer r to a key. */
static unsigned
result(struct tui_app *a, int r)
{
	if (r & PV_CLOSE)
		return (close_pane(a));
	return ((r & PV_REDRAW) ? TUI_DIRTY_PANE : 0);
}

static unsigned
key(struct tui_app *a, int k)
{
	int	r;

	if (a->pv == NULL)
		return (TUI_PASS);
	r = ed_pageview_key(a->pv->pv, (wint_t)(k & ~KM_FN), (k & KM_FN) != 0,
	    a->g.rows - 2, a->g.cols);
	if (r & PV_UNHANDLED)
		return (TUI_PASS);
	return (result(a, r));
}

/* The wheel: a line up or down. */
static unsigned
wheel(struct tui_app *a, int lines)
{
	unsigned	d = key(a, KM_KEY(lines < 0 ? KEY_UP : KEY_DOWN));

	return (d & TUI_PASS ? 0 : d);
}

static unsigned
settle(struct tui_app *a)
{
	if (a->pv == NULL ||
	    (a->pv->h == a->g.rows - 2 && a->pv->w == a->g.cols))
		return (0);
	a->pv->h = a->g.rows - 2;
	a->pv->w = a->g.cols;
	ed_pageview_resize(a->pv->pv, a->pv->h, a->pv->w);
	return (TUI_DIRTY_PANE);
}

static void
draw(const struct tui_app *a, unsigned dirty, struct ed_caret *c)
{
	(void)c;
	/* The status lines are hidden: a message shows in the bar. */
	if (a->pv != NULL && (dirty & (TUI_DIRTY_PANE | TUI_DIRTY_CELLS |
	    TUI_DIRTY_OUTLINE | TUI_DIRTY_STATUS)))
		ed_pageview_draw(a->pv->pv, stdscr, 1, 0, a->g.rows - 2,
		    a->g.cols, ed_theme_attr(&a->theme, ST_TEXT),
		    ed_theme_attr(&a->theme, a->msg != NULL ? a->msg_style :
		    ST_STATUS), a->msg);
}

/* Its own keys, before the global ones (after the page keys). */
static const struct ed_binding rows[] = {
	{ &ed_print_open, { 'p', 'P' } },
	{ NULL, { 0 } }
};

static const struct ed_keymap keys = { "ed.ctx.preview", NULL, rows, NULL };

const struct ed_pane ed_preview_pane = {
	.name = "preview",
	.keys = &keys,
	.keys_first = true,
	.whole = true,
	.draw = draw,
	.key = key,
	.wheel = wheel,
	.close = close_pane,
	.settle = settle,
};

static unsigned
toggle(struct tui_app *a, int key)
{
	unsigned	d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (ed_pane_is(a, &ed_preview_pane))
		return (close_pane(a));
	d = ed_cell_commit(a) | ed_text_sync(a, false);
	return (d | ed_preview_show(a));
}

const struct ed_action ed_preview_open = {
	.fn = toggle, .bar = "ed.k.preview", .help = "ed.h.preview",
	.opens = &keys
};
