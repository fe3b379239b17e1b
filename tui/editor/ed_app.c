/*
 * The UI root and its one event loop (see ed_app.h).  This file also holds
 * the glue that does not belong to one screen: dispatching a key to the
 * open dialog, the preview, the keymap or the current screen's default
 * handler (a bracketed paste goes to ed_paste.c); the mouse; the narrative
 * pane around the textedit widget; the "too small" screen; and the
 * message line.
 *
 * Each turn of the loop: settle (recompute what depends on the model or
 * the size: "modified", the form layout), stop if a signal came or the
 * terminal is gone, draw the dirty regions once, run a confirmed export
 * (ed_export.h: after the draw, so that "exporting" is on the screen
 * while it blocks), write the recovery snapshot if it is due, read one
 * key (waiting at most until the next snapshot is due), run one action.
 *
 * Read-only mode (ed_app.h, ed_recover.h): keys that would change the report
 * are refused here, before any action runs, with a message.
 */
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "ed_app.h"
#include "ed_dialog.h"
#include "ed_doc.h"
#include "ed_export.h"
#include "ed_cell.h"
#include "exporter.h"
#include "ed_flags.h"
#include "ed_form.h"
#include "ed_help.h"
#include "ed_keymap.h"
#include "ed_lastyear.h"
#include "ed_outline.h"
#include "ed_paste.h"
#include "ed_pageview.h"
#include "recover.h"
#include "ed_recover.h"
#include "ed_status.h"
#include "store.h"
#include "textbuf.h"
#include "ed_textedit.h"
#include "undo.h"
#include "xmalloc.h"

/* Longest wait for input: a signal that comes just before get_wch
 * blocks is seen within this time. */
#define APP_WAIT_MAX_MS		500
/* After SIGTERM/SIGHUP: how long keys already typed are still taken. */
#define APP_DRAIN_MS		300
#define APP_DRAIN_GAP_MS	50

static const struct tpl *
tpl_of(const struct tui_app *a)
{
	return (report_tpl(a->rep));
}

void
ed_app_init(struct tui_app *a, const struct editor_opts *o)
{
	memset(a, 0, sizeof *a);
	a->opts = o;
	a->i18n = o->i18n;
	a->lang = o->lang;
	a->topts.ambiguous = o->ambiguous == 2 ? 2 : 1;
	a->dr.th = &a->theme;
	a->dr.topts = &a->topts;
	a->path = xstrdup(o->path);
	a->undo = undo_new();
	a->flag_last = -1;
	a->mode = TUI_FORM;
	a->export_fmt = EXPORTER_DOCX;
	ed_cell_init(&a->edit);
}

void
ed_app_done(struct tui_app *a)
{
	size_t	s;

	if (a->rep != NULL) {
		for (s = 0; s < tpl_of(a)->nsections; s++)
			ed_textedit_free(a->te[s]);
		ed_form_done(&a->form);
	}
	free(a->te);
	ed_cell_done(&a->edit);
	ed_pageview_free(a->pv);
	ed_dialog_free(a->dlg);
	undo_free(a->undo);
	report_free(a->rep);
	free(a->saved_dump);
	free(a->new_organ);
	report_free(a->new_last);
	free(a->new_from);
	free(a->export_to);
	free(a->picks);
	free(a->msg);
	free(a->path);
	recover_found_free(a->found);
	recover_free(a->rc);
	free(a->rc_err);
	free(a->fatal);
	free(a->save_as);
	memset(a, 0, sizeof *a);
}

void
ed_app_attach(struct tui_app *a, struct report *r)
{
	const struct tpl	*t;
	size_t			 s;

	a->rep = r;
	t = tpl_of(a);
	ed_form_init(a);
	a->te = xcalloc(t->nsections, sizeof *a->te);
	for (s = 0; s < t->nsections; s++)
		if (t->sections[s].kind == TPL_NARRATIVE)
			a->te[s] = ed_textedit_new(report_text(r, (int)s),
			    &a->topts);
	a->sec = 0;
	a->mode = TUI_FORM;
	ed_app_mark_saved(a);
	a->dirty |= TUI_DIRTY_ALL | TUI_DIRTY_CLEAR;
}

void
ed_app_mark_saved(struct tui_app *a)
{
	free(a->saved_dump);
	a->saved_dump = store_dump(a->rep);
	a->mod_gen = report_generation(a->rep);
	a->modified = false;
}

bool
ed_app_modified(const struct tui_app *a)
{
	return (a->modified);
}

bool
ed_app_check_modified(struct tui_app *a)
{
	unsigned long	 gen = report_generation(a->rep);
	bool		 was = a->modified;
	char		*dump;

	if (gen == a->mod_gen)
		return (false);
	dump = store_dump(a->rep);
	a->modified = strcmp(dump, a->saved_dump) != 0;
	free(dump);
	a->mod_gen = gen;
	return (was != a->modified);
}

bool
ed_app_is_text(const struct tui_app *a)
{
	return (a->rep != NULL &&
	    tpl_of(a)->sections[a->sec].kind == TPL_NARRATIVE);
}

char *
ed_app_section_title(const struct tui_app *a, int sec)
{
	const struct tpl_section	*s = &tpl_of(a)->sections[sec];
	char				 idx[16];

	snprintf(idx, sizeof idx, "%d", sec + 1);
	return (i18n_fmt(a->i18n, "ed.sec_heading", 3, (const char *[]){
	    s->number, tpl_label(&s->title, a->lang), idx }));
}

char *
ed_app_tr(const struct tui_app *a, const char *msgid)
{
	return (i18n_fmt0(a->i18n, msgid));
}

unsigned
ed_app_msg(struct tui_app *a, enum style st, const char *msgid, int nargs, ...)
{
	const char	*args[ERR_MAXARGS] = { NULL };
	va_list		 ap;
	int		 i;

	va_start(ap, nargs);
	for (i = 0; i < nargs && i < ERR_MAXARGS; i++)
		args[i] = va_arg(ap, const char *);
	va_end(ap);
	free(a->msg);
	a->msg = i18n_fmt(a->i18n, msgid, i, args);
	a->msg_style = st;
	return (TUI_DIRTY_STATUS);
}

unsigned
ed_app_msg_err(struct tui_app *a, const struct err *e)
{
	free(a->msg);
	a->msg = i18n_err(a->i18n, e);
	a->msg_style = ST_MSG_ERROR;
	return (TUI_DIRTY_STATUS);
}

/* --- geometry and sections ---------------------------------------- */

unsigned
ed_app_resize(struct tui_app *a)
{
	struct tui_geom	*g = &a->g;

	g->rows = LINES > 0 ? LINES : 1;
	g->cols = COLS > 0 ? COLS : 1;
	g->small = g->rows < TUI_MIN_ROWS || g->cols < TUI_MIN_COLS;
	g->outline_w = g->cols / 6 < 12 ? 12 : g->cols / 6 > 22 ? 22 :
	    g->cols / 6;
	g->pane_y = 1;
	g->pane_x = g->outline_w + 1;
	g->pane_h = g->rows - 4 > 1 ? g->rows - 4 : 1;
	g->pane_w = g->cols - g->pane_x > 1 ? g->cols - g->pane_x : 1;
	g->status_y = g->rows - 3;
	g->keybar_y = g->rows - 1;
	if (a->pv != NULL)
		ed_pageview_resize(a->pv, g->rows - 2, g->cols);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

void
ed_app_text_area(const struct tui_app *a, int *y, int *h)
{
	*y = a->g.pane_y + 2;
	*h = a->g.pane_h - 2 > 1 ? a->g.pane_h - 2 : 1;
}

unsigned
ed_app_sync_text(struct tui_app *a, bool coalesce)
{
	const char	*now;
	char		*old;

	if (!ed_app_is_text(a) || a->te[a->sec] == NULL)
		return (0);
	now = ed_textedit_text(a->te[a->sec]);
	if (strcmp(now, report_text(a->rep, a->sec)) == 0)
		return (0);
	report_set_text(a->rep, a->sec, now, &old);
	undo_push_text(a->undo, a->sec, old, now, coalesce);
	free(old);
	return (TUI_DIRTY_MODEL | TUI_DIRTY_PANE);
}

unsigned
ed_app_set_section(struct tui_app *a, int sec)
{
	unsigned	d;

	if (a->rep == NULL || sec < 0 || (size_t)sec >= tpl_of(a)->nsections)
		return (0);
	d = ed_cell_commit(a);
	undo_seal(a->undo);
	a->sec = sec;
	a->mode = TUI_FORM;
	return (d | TUI_DIRTY_ALL);
}

unsigned
ed_app_act_next_section(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	return (ed_app_set_section(a, (a->sec + 1) % (int)tpl_of(a)->nsections));
}

unsigned
ed_app_act_prev_section(struct tui_app *a, int key)
{
	int	n;

	(void)key;
	if (a->rep == NULL)
		return (0);
	n = (int)tpl_of(a)->nsections;
	return (ed_app_set_section(a, (a->sec + n - 1) % n));
}

unsigned
ed_app_act_redraw(struct tui_app *a, int key)
{
	(void)a;
	(void)key;
	return (TUI_DIRTY_ALL | TUI_DIRTY_REPAINT);
}

/* --- keys --------------------------------------------------------- */

static enum ed_keymap_ctx
context(const struct tui_app *a)
{
	if (a->g.small)
		return (KM_SMALL);
	switch (a->mode) {
	case TUI_FLAGS:
		return (KM_FLAGS);
	case TUI_HELP:
		return (KM_HELP);
	case TUI_PREVIEW:
		return (KM_PREVIEW);
	case TUI_LASTYEAR:
		return (KM_LASTYEAR);
	default:
		return (ed_app_is_text(a) ? KM_TEXT : KM_FORM);
	}
}

/* The narrative editor's share of the keys. */
static unsigned
text_key(struct tui_app *a, int key)
{
	struct ed_textedit	*te = a->te[a->sec];
	int		 y, h, r;
	unsigned	 d = 0;

	if (te == NULL)
		return (0);
	ed_app_text_area(a, &y, &h);
	r = ed_textedit_key(te, (wint_t)(key & ~KM_FN), (key & KM_FN) != 0, h,
	    a->g.pane_w);
	if (r & TE_UNHANDLED)
		return (0);
	if ((r & TE_CHANGED) && a->readonly) {
		/* A key app_key did not know as an edit: undone. */
		ed_textedit_set_text(te, report_text(a->rep, a->sec),
		    ed_textedit_caret(te));
		return (ed_app_msg(a, ST_MSG_ERROR, "rcv.readonly_refused", 0) |
		    TUI_DIRTY_PANE);
	}
	if (r & TE_CHANGED)
		d |= ed_app_sync_text(a, true);
	else if (r & TE_MOVED)
		undo_seal(a->undo);
	if (r & TE_REFUSED)
		d |= ed_app_msg(a, ST_MSG_ERROR, ed_textedit_refusal(te), 1,
		    "1024");
	return (d | TUI_DIRTY_PANE | TUI_DIRTY_STATUS);
}

static unsigned
preview_result(struct tui_app *a, int r)
{
	if (r & PV_CLOSE) {
		ed_pageview_free(a->pv);
		a->pv = NULL;
		a->mode = TUI_FORM;
		if (a->opts->preview)
			return (TUI_QUIT);
		return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	}
	return ((r & PV_REDRAW) ? TUI_DIRTY_PANE : 0);
}

static unsigned
preview_keys(struct tui_app *a, int key)
{
	return (preview_result(a, ed_pageview_key(a->pv, (wint_t)(key & ~KM_FN),
	    (key & KM_FN) != 0, a->g.rows - 2, a->g.cols)));
}

static unsigned
wheel(struct tui_app *a, int dir)
{
	int	i;

	switch (a->mode) {
	case TUI_FLAGS:
		return (ed_flags_scroll(a, 3 * dir));
	case TUI_HELP:
		return (ed_help_scroll(a, 3 * dir));
	case TUI_LASTYEAR:
		return (ed_lastyear_scroll(a, 3 * dir));
	case TUI_PREVIEW:
		return (preview_keys(a, KM_KEY(dir < 0 ? KEY_UP : KEY_DOWN)));
	default:
		if (!ed_app_is_text(a))
			return (ed_form_scroll(a, 3 * dir));
		for (i = 0; i < 3; i++)
			text_key(a, KM_KEY(dir < 0 ? KEY_UP : KEY_DOWN));
		return (TUI_DIRTY_PANE | TUI_DIRTY_STATUS);
	}
}

static unsigned
mouse(struct tui_app *a)
{
	MEVENT	ev;

	if (getmouse(&ev) != OK || a->dlg != NULL || a->rep == NULL ||
	    a->g.small)
		return (0);
	if (ev.bstate & BUTTON4_PRESSED)
		return (wheel(a, -1));
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return (wheel(a, 1));
#endif
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) ||
	    a->mode == TUI_PREVIEW)
		return (0);
	if (ev.x < a->g.outline_w && ev.y >= a->g.pane_y &&
	    ev.y < a->g.pane_y + a->g.pane_h)
		return (ed_outline_click(a, ev.y, ev.x));
	if (ev.x < a->g.pane_x)
		return (0);
	if (a->mode == TUI_FLAGS)
		return (ed_flags_click(a, ev.y, ev.x));
	if (a->mode == TUI_FORM && !ed_app_is_text(a))
		return (ed_form_click(a, ev.y, ev.x));
	return (0);
}

/* In read-only mode: would this key (action act, -1 for none) change
 * the report? */
static bool
changes_report(enum ed_keymap_ctx ctx, int act, int key)
{
	switch (act) {
	case ACT_UNDO: case ACT_REDO: case ACT_ENTER: case ACT_BKSP:
	case ACT_DEL:
		return (true);
	case -1:
		break;
	default:
		return (false);
	}
	if (ed_keymap_printable(key))
		return (ctx == KM_FORM || ctx == KM_TEXT);
	if (ctx != KM_TEXT)
		return (false);
	switch (key) {
	case '\r': case '\n': case 127: case 8: case KM_KEY(KEY_ENTER):
	case KM_KEY(KEY_BACKSPACE): case KM_KEY(KEY_DC):
		return (true);
	default:
		return (false);
	}
}

static unsigned
app_key(struct tui_app *a, int key)
{
	enum ed_keymap_ctx	ctx;
	unsigned	d = 0;
	int		act, res;

	if (a->msg != NULL) {
		free(a->msg);
		a->msg = NULL;
		d |= TUI_DIRTY_STATUS;
	}
	if (key == KM_KEY(KEY_RESIZE))
		return (d | ed_app_resize(a));
	if (key == KM_KEY(TE_KEY_PASTE_BEGIN))
		return (d | ed_paste_take(a));
	if (key == KM_KEY(TE_KEY_PASTE_END))
		return (d);
	if (key == KM_KEY(KEY_MOUSE))
		return (d | mouse(a));
	if (a->dlg != NULL) {
		res = ed_dialog_key(a->dlg, key, a->g.rows / 2);
		if (res == DLG_CONTINUE)
			return (d | TUI_DIRTY_DIALOG | TUI_DIRTY_CURSOR);
		return (d | ed_doc_answer(a, res));
	}
	if (a->rep == NULL)
		return (d);
	ctx = context(a);
	if (ctx == KM_PREVIEW) {
		int r = ed_pageview_key(a->pv, (wint_t)(key & ~KM_FN),
		    (key & KM_FN) != 0, a->g.rows - 2, a->g.cols);

		if (!(r & PV_UNHANDLED))
			return (d | preview_result(a, r));
	}
	act = ed_keymap_lookup(ctx, key);
	if (a->readonly && changes_report(ctx, act, key))
		return (d | ed_app_msg(a, ST_MSG_ERROR, "rcv.readonly_refused", 0));
	if (act >= 0)
		return (d | ed_keymap_run(a, act, key));
	if (ctx == KM_FORM)
		return (d | ed_cell_key(a, key));
	if (ctx == KM_TEXT)
		return (d | text_key(a, key));
	return (d);
}

/* --- drawing ------------------------------------------------------ */

/* Below the minimum size: say so, and which keys still work. */
static void
draw_small(const struct tui_app *a)
{
	char	 cols[16], rows[16], mc[16], mr[16], *msg, *keys;
	size_t	*st, *en, n, i;
	int	 y = 0;

	snprintf(cols, sizeof cols, "%d", a->g.cols);
	snprintf(rows, sizeof rows, "%d", a->g.rows);
	snprintf(mc, sizeof mc, "%d", TUI_MIN_COLS);
	snprintf(mr, sizeof mr, "%d", TUI_MIN_ROWS);
	msg = i18n_fmt(a->i18n, "ed.too_small", 4,
	    (const char *[]){ mc, mr, cols, rows });
	keys = ed_app_tr(a, "ed.too_small_keys");
	ed_draw_box(&a->dr, 0, 0, a->g.rows, a->g.cols, ST_NORMAL);
	n = ed_draw_wrap(&a->dr, msg, a->g.cols, &st, &en);
	for (i = 0; i < n && y < a->g.rows; i++)
		ed_draw_textn(&a->dr, y++, 0, a->g.cols, msg + st[i],
		    en[i] - st[i], ST_MSG_ERROR, 0);
	free(st);
	free(en);
	n = ed_draw_wrap(&a->dr, keys, a->g.cols, &st, &en);
	for (i = 0; i < n && y < a->g.rows; i++)
		ed_draw_textn(&a->dr, y++, 0, a->g.cols, keys + st[i],
		    en[i] - st[i], ST_NORMAL, 0);
	free(st);
	free(en);
	if (a->msg != NULL && y < a->g.rows)
		ed_draw_text(&a->dr, y, 0, a->g.cols, a->msg, a->msg_style,
		    DRAW_ELLIPSIS);
	free(msg);
	free(keys);
}

/* The narrative pane: heading, then the textedit widget. */
static bool
draw_text_pane(const struct tui_app *a, int *cy, int *cx)
{
	const struct tpl_section *s = &tpl_of(a)->sections[a->sec];
	struct ed_textedit		*te = a->te[a->sec];
	char			*title = ed_app_section_title(a, a->sec);
	int			 y, h;

	ed_draw_text(&a->dr, a->g.pane_y, a->g.pane_x, a->g.pane_w, title,
	    ST_SECTION, DRAW_PAD | DRAW_ELLIPSIS);
	ed_draw_fill(&a->dr, a->g.pane_y + 1, a->g.pane_x, a->g.pane_w,
	    ST_NORMAL);
	free(title);
	if (te == NULL)
		return (false);
	ed_app_text_area(a, &y, &h);
	ed_textedit_draw(te, stdscr, y, a->g.pane_x, h, a->g.pane_w,
	    ed_theme_attr(&a->theme, ST_TEXT), cy, cx);
	if (*ed_textedit_text(te) == '\0')
		ed_draw_text(&a->dr, y, a->g.pane_x, a->g.pane_w,
		    tpl_label(&s->placeholder, a->lang), ST_PLACEHOLDER, 0);
	return (a->mode == TUI_FORM);
}

/* Draws the pane; returns whether the cursor goes to (*cy, *cx), and
 * in *show whether it is shown there. */
static bool
draw_pane(const struct tui_app *a, unsigned d, int *cy, int *cx, bool *show)
{
	/* The text pane is always repainted: its caret comes from drawing. */
	if (a->mode == TUI_FORM && ed_app_is_text(a))
		return (*show = draw_text_pane(a, cy, cx));
	if (d & TUI_DIRTY_PANE) {
		if (a->mode == TUI_FLAGS)
			ed_flags_draw(a);
		else if (a->mode == TUI_HELP)
			ed_help_draw(a);
		else if (a->mode == TUI_LASTYEAR)
			ed_lastyear_draw(a);
		else
			ed_form_draw(a, false);
	} else if (d & TUI_DIRTY_CELLS && a->mode == TUI_FORM)
		ed_form_draw(a, true);
	/*
	 * The cursor stays shown on the current cell, editing or not: it
	 * marks the cell on a monochrome terminal, the input method anchors
	 * its window there, and not toggling it saves the cnorm/civis pair
	 * (17 bytes) on every first digit and every move.
	 */
	if (!ed_form_caret(a, cy, cx, show))
		return (false);
	*show = true;
	return (true);
}

static void
draw_body(struct tui_app *a, unsigned d, int *cy, int *cx, bool *at,
    bool *on)
{
	if (a->rep == NULL) {
		if (d & (TUI_DIRTY_PANE | TUI_DIRTY_CLEAR))
			ed_draw_box(&a->dr, 1, 0, a->g.rows - 1, a->g.cols,
			    ST_NORMAL);
		return;
	}
	if (a->mode == TUI_PREVIEW && a->pv != NULL) {
		if (d & (TUI_DIRTY_PANE | TUI_DIRTY_CELLS | TUI_DIRTY_OUTLINE))
			ed_pageview_draw(a->pv, stdscr, 1, 0, a->g.rows - 2,
			    a->g.cols, ed_theme_attr(&a->theme, ST_TEXT),
			    ed_theme_attr(&a->theme, ST_STATUS));
		if (d & TUI_DIRTY_KEYBAR)
			ed_keymap_draw_bar(a, a->g.keybar_y);
		return;
	}
	if (d & TUI_DIRTY_OUTLINE)
		ed_outline_draw(a);
	*at = draw_pane(a, d, cy, cx, on);
	if (d & TUI_DIRTY_STATUS)
		ed_status_draw_lines(a);
	if (d & TUI_DIRTY_KEYBAR)
		ed_keymap_draw_bar(a, a->g.keybar_y);
}

static void
app_draw(struct tui_app *a)
{
	unsigned	d = a->dirty;
	int		cy = 0, cx = 0;
	bool		at = false, on = false;

	if (d == 0)
		return;
	a->dirty = 0;
	if (d & TUI_DIRTY_REPAINT)
		clearok(curscr, TRUE);
	if (d & TUI_DIRTY_CLEAR)
		erase();
	if (a->g.small)
		draw_small(a);
	else {
		if (d & TUI_DIRTY_TITLE)
			ed_status_draw_title(a);
		draw_body(a, d, &cy, &cx, &at, &on);
	}
	if (a->dlg != NULL)
		at = on = ed_dialog_draw(a->dlg, &a->dr, a->g.rows, a->g.cols,
		    &cy, &cx);
	on = on && at;
	/* The terminal's cursor state is the one thing drawing tracks. */
	if (on != a->cursor_on) {
		curs_set(on ? 1 : 0);
		a->cursor_on = on;
	}
	if (at)
		move(cy, cx);
	refresh();
}

/* Recomputes what depends on the model or the size.  Returns dirty bits. */
static unsigned
settle(struct tui_app *a)
{
	unsigned	d = 0;

	if (a->rep == NULL)
		return (0);
	if (ed_app_check_modified(a))
		d |= TUI_DIRTY_TITLE;
	if (!a->g.small && a->mode == TUI_FORM && !ed_app_is_text(a))
		d |= ed_form_settle(a);
	return (d);
}

/*
 * After ESC: an escape sequence the terminal description does not know
 * (F6 on a vt100 entry, Alt-x) arrives as ESC followed at once by its
 * bytes.  Reads and drops them, so they are not typed into a cell or the
 * text.  Returns true for a lone Esc key.
 */
static bool
lone_escape(void)
{
	wint_t	c;
	int	r, n = 0;
	bool	csi = false;

	nodelay(stdscr, TRUE);
	r = get_wch(&c);
	if (r == OK && (c == '[' || c == 'O')) {
		csi = c == '[';
		/* CSI: parameters and intermediates, then a final byte;
		 * SS3: one byte. */
		while (n++ < 32 && get_wch(&c) == OK)
			if (!csi || (c >= 0x40 && c <= 0x7e))
				break;
	}
	nodelay(stdscr, FALSE);
	return (r == ERR);
}

/* Whether the terminal is gone (the other end of a pty closed, a
 * hang-up): then reads fail at once, forever. */
static bool
input_gone(void)
{
	struct pollfd	pfd = { .fd = STDIN_FILENO, .events = POLLIN };

	if (poll(&pfd, 1, 0) < 0)
		return (false);
	return ((pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0);
}

/*
 * Reads one key, waiting at most wait_ms (-1: APP_WAIT_MAX_MS).  Returns
 * get_wch's result.  A read that fails at once (not a timeout) on a
 * terminal that is gone, or 64 of them in a row, sets a->input_lost.
 */
static int
read_key(struct tui_app *a, wint_t *wc, int wait_ms, int *errs)
{
	long long	t0 = ed_recover_now_ms();
	int		r;

	if (wait_ms < 0 || wait_ms > APP_WAIT_MAX_MS)
		wait_ms = APP_WAIT_MAX_MS;
	timeout(wait_ms);
	r = get_wch(wc);
	if (r != ERR) {
		*errs = 0;
		return (r);
	}
	if (*a->stop)
		return (r);
	if (ed_recover_now_ms() - t0 < wait_ms / 2 || wait_ms == 0) {
		if (input_gone() || ++*errs >= 64)
			a->input_lost = true;
	} else
		*errs = 0;
	return (r);
}

/* Runs the key get_wch gave (r, wc). */
static void
take_key(struct tui_app *a, int r, wint_t wc)
{
	int	key;

	if (r == OK && wc == 27 && !lone_escape())
		return;
	key = r == KEY_CODE_YES ? KM_KEY((int)wc) : (int)wc;
	a->dirty |= app_key(a, key);
}

/*
 * After SIGTERM or SIGHUP: the keys the terminal already delivered are
 * what the user typed; take them (briefly) before the snapshot.
 */
static void
drain(struct tui_app *a)
{
	long long	t0 = ed_recover_now_ms();
	wint_t		wc;
	int		r;

	while (!a->input_lost && !(a->dirty & TUI_QUIT) &&
	    ed_recover_now_ms() - t0 < APP_DRAIN_MS) {
		timeout(APP_DRAIN_GAP_MS);
		if ((r = get_wch(&wc)) == ERR)
			break;
		take_key(a, r, wc);
		a->dirty |= settle(a);
	}
}

bool
ed_app_run(struct tui_app *a)
{
	wint_t	wc;
	int	r, errs = 0;

	a->dirty |= ed_app_resize(a);
	for (;;) {
		a->dirty |= settle(a);
		if (a->dirty & TUI_QUIT)
			return (true);
		if (*a->stop) {
			drain(a);
			return ((a->dirty & TUI_QUIT) != 0);
		}
		if (a->input_lost)
			return (false);
		/* Drawn first: the key shows before the snapshot's fsync,
		 * and "exporting" before the export. */
		app_draw(a);
		a->dirty |= ed_export_run(a);
		a->dirty |= ed_recover_tick(a, ed_recover_now_ms());
		app_draw(a);
		r = read_key(a, &wc, ed_recover_timeout(a, ed_recover_now_ms()),
		    &errs);
		if (r != ERR)
			take_key(a, r, wc);
	}
}
