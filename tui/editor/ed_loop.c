/*
 * The loop (see ed_loop.h): geometry, key dispatch, the mouse, drawing,
 * and reading the terminal.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <curses.h>

#include "ed_ask.h"
#include "ed_doc.h"
#include "ed_export.h"
#include "ed_form.h"
#include "ed_keymap.h"
#include "ed_loop.h"
#include "ed_msg.h"
#include "ed_outline.h"
#include "ed_pane.h"
#include "ed_paste.h"
#include "ed_recover.h"
#include "ed_sec.h"
#include "ed_status.h"
#include "ed_text.h"
#include "ed_textedit.h"

/* Longest wait for input: a signal that comes just before get_wch
 * blocks is seen within this time. */
#define LOOP_WAIT_MAX_MS	500
/* After SIGTERM/SIGHUP: how long keys already typed are still taken. */
#define LOOP_DRAIN_MS		300
#define LOOP_DRAIN_GAP_MS	50

unsigned
ed_loop_resize(struct tui_app *a)
{
	struct tui_geom	*g = &a->g;

	g->rows = LINES > 0 ? LINES : 1;
	g->cols = COLS > 0 ? COLS : 1;
	g->small = g->rows < TUI_MIN_ROWS || g->cols < TUI_MIN_COLS;
	g->outline_w = ed_outline_width(a, g->cols);
	g->msg_rows = g->rows >= 28 ? 3 : 2;
	g->pane_y = 1;
	g->pane_x = g->outline_w > 0 ? g->outline_w + 1 : 0;
	g->pane_h = g->rows - 3 - g->msg_rows > 1 ? g->rows - 3 - g->msg_rows :
	    1;
	g->pane_w = g->cols - g->pane_x > 1 ? g->cols - g->pane_x : 1;
	g->status_y = g->rows - 2 - g->msg_rows;
	g->keybar_y = g->rows - 1;
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

void
ed_loop_mark(struct tui_app *a, unsigned dirty)
{
	a->dirty |= dirty;
}

/* The pane shown: the one opened, else the section's own. */
static const struct ed_pane *
pane(const struct tui_app *a)
{
	if (a->pane != NULL)
		return (a->pane);
	return (ed_sec_is_text(a) ? &ed_text_pane : &ed_form_pane);
}

/* --- keys --------------------------------------------------------- */

/*
 * A mouse event.  A press and its release that come in one read (a quick
 * click over a slow link) reach us as the release alone: curses keeps
 * the last event of a run.  So a release with no press seen is taken as
 * the click; otherwise a release ends the drag that motion events
 * (button held, 1002) continue.
 */
static unsigned
mouse(struct tui_app *a)
{
	const struct ed_pane	*p;
	MEVENT			 ev;

	if (getmouse(&ev) != OK || ed_ask_open(a) || a->rep == NULL ||
	    a->g.small)
		return (0);
	p = pane(a);
	if (ev.bstate & BUTTON4_PRESSED)
		return (p->wheel != NULL ? p->wheel(a, -3) : 0);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return (p->wheel != NULL ? p->wheel(a, 3) : 0);
#endif
	if (ev.bstate & BUTTON1_PRESSED)
		a->mouse_down = true;
	else if ((ev.bstate & BUTTON1_RELEASED) && !a->mouse_down)
		ev.bstate |= BUTTON1_CLICKED;	/* its press lost (see above) */
	else if (ev.bstate & (REPORT_MOUSE_POSITION | BUTTON1_RELEASED)) {
		a->mouse_down = !(ev.bstate & BUTTON1_RELEASED);
		return (p->drag != NULL ? p->drag(a, ev.y, ev.x,
		    !a->mouse_down) : 0);
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) || p->whole)
		return (0);
	if (ev.x < a->g.outline_w && ev.y >= a->g.pane_y &&
	    ev.y < a->g.pane_y + a->g.pane_h)
		return (ed_outline_click(a, ev.y, ev.x));
	if (ev.x < a->g.pane_x || p->click == NULL)
		return (0);
	return (p->click(a, ev.y, ev.x));
}

/* The action key names: the pane's, then the global one (on the small
 * screen only the global ones marked for it). */
static const struct ed_action *
lookup(const struct tui_app *a, const struct ed_pane *p, int key)
{
	const struct ed_action	*act;

	if (a->g.small) {
		act = ed_keymap_lookup(a->keys, key);
		return (act != NULL && (act->flags & ED_ACT_SMALL) ? act :
		    NULL);
	}
	if ((act = ed_keymap_lookup(p->keys, key)) != NULL)
		return (act);
	return (ed_keymap_lookup(a->keys, key));
}

/* A key for the report's screen (no question open). */
static unsigned
report_key(struct tui_app *a, int key)
{
	const struct ed_pane	*p = pane(a);
	const struct ed_action	*act;
	unsigned		 r;

	if (p->keys_first && !a->g.small) {
		r = p->key(a, key);
		if (!(r & TUI_PASS))
			return (r);
	}
	act = lookup(a, p, key);
	if (act != NULL && a->readonly && (act->flags & ED_ACT_EDITS))
		return (ed_msg_set(a, ST_MSG_ERROR, "rcv.readonly_refused", 0));
	if (act != NULL)
		return (act->fn(a, key));
	if (a->g.small || p->keys_first || p->key == NULL)
		return (0);
	return (p->key(a, key));
}

unsigned
ed_loop_key(struct tui_app *a, int key)
{
	unsigned	d = ed_msg_clear(a);

	if (key == KM_KEY(KEY_RESIZE))
		d |= ed_loop_resize(a);
	else if (key == KM_KEY(TE_KEY_PASTE_BEGIN))
		d |= ed_paste_take(a);
	else if (key == KM_KEY(TE_KEY_PASTE_END))
		;
	else if (key == KM_KEY(KEY_MOUSE))
		d |= mouse(a);
	else if (ed_ask_open(a))
		d |= ed_ask_key(a, key);
	else if (a->rep != NULL)
		d |= report_key(a, key);
	a->dirty |= d;
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
	keys = ed_msg_tr(a, "ed.too_small_keys");
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

/* Everything under the title bar, for dirty bits d. */
static void
draw_body(const struct tui_app *a, unsigned d, struct ed_caret *c)
{
	const struct ed_pane	*p;

	if (a->rep == NULL) {
		if (d & (TUI_DIRTY_PANE | TUI_DIRTY_CLEAR))
			ed_draw_box(&a->dr, 1, 0, a->g.rows - 1, a->g.cols,
			    ST_NORMAL);
		return;
	}
	p = pane(a);
	if (!p->whole && (d & TUI_DIRTY_OUTLINE))
		ed_outline_draw(a);
	p->draw(a, d, c);
	if (!p->whole && (d & TUI_DIRTY_STATUS))
		ed_status_draw_lines(a);
	if (d & TUI_DIRTY_KEYBAR)
		ed_keymap_draw_bar(a, a->keys, a->g.keybar_y);
}

/* Draws the dirty regions once; returns what was dirty. */
static unsigned
draw(struct tui_app *a)
{
	unsigned	d = a->dirty;
	struct ed_caret	c = { 0, 0, false, false };

	if (d == 0)
		return (0);
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
		draw_body(a, d, &c);
	}
	if (ed_ask_open(a))
		c.at = c.show = ed_ask_draw(a, &c.y, &c.x);
	c.show = c.show && c.at;
	/* The terminal's cursor state is the one thing drawing tracks. */
	if (c.show != a->cursor_on) {
		curs_set(c.show ? 1 : 0);
		a->cursor_on = c.show;
	}
	if (c.at)
		move(c.y, c.x);
	refresh();
	return (d);
}

/* Recomputes what depends on the report or the size.  Returns dirty
 * bits. */
static unsigned
settle(struct tui_app *a)
{
	const struct ed_pane	*p;
	unsigned		 d = 0;

	if (a->rep == NULL)
		return (0);
	if (ed_doc_check_modified(a))
		d |= TUI_DIRTY_TITLE;
	if (!a->g.small && ed_outline_width(a, a->g.cols) != a->g.outline_w)
		d |= ed_loop_resize(a);
	p = pane(a);
	if (!a->g.small && p->settle != NULL)
		d |= p->settle(a);
	return (d);
}

unsigned
ed_loop_show(struct tui_app *a)
{
	unsigned	d;

	a->dirty |= settle(a);
	d = draw(a);
	a->dirty |= ed_export_run(a);
	return (d | draw(a));
}

/* --- the terminal ------------------------------------------------- */

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
 * Reads one key, waiting at most wait_ms (-1: LOOP_WAIT_MAX_MS).  Returns
 * get_wch's result.  A read that fails at once (not a timeout) on a
 * terminal that is gone, or 64 of them in a row, sets a->input_lost.
 */
static int
read_key(struct tui_app *a, wint_t *wc, int wait_ms, int *errs)
{
	long long	t0 = ed_recover_now_ms();
	int		r;

	if (wait_ms < 0 || wait_ms > LOOP_WAIT_MAX_MS)
		wait_ms = LOOP_WAIT_MAX_MS;
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
	if (r == OK && wc == 27 && !lone_escape())
		return;
	ed_loop_key(a, r == KEY_CODE_YES ? KM_KEY((int)wc) : (int)wc);
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
	    ed_recover_now_ms() - t0 < LOOP_DRAIN_MS) {
		timeout(LOOP_DRAIN_GAP_MS);
		if ((r = get_wch(&wc)) == ERR)
			break;
		take_key(a, r, wc);
		a->dirty |= settle(a);
	}
}

bool
ed_loop_run(struct tui_app *a)
{
	wint_t	wc;
	int	r, errs = 0;

	a->dirty |= ed_loop_resize(a);
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
		draw(a);
		a->dirty |= ed_export_run(a);
		a->dirty |= ed_recover_tick(a, ed_recover_now_ms());
		draw(a);
		r = read_key(a, &wc, ed_recover_timeout(a,
		    ed_recover_now_ms()), &errs);
		if (r != ERR)
			take_key(a, r, wc);
	}
}
