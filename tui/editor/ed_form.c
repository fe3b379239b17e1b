/*
 * The form pane (see ed_form.h): its state, moving the cursor, the keys
 * of the form and the pane's operations.  Drawing is ed_formdraw.c,
 * typing into a cell ed_cell.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_answer.h"
#include "ed_cell.h"
#include "ed_form.h"
#include "ed_formdraw.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "formgeom.h"
#include "undo.h"
#include "xmalloc.h"

struct ed_form {
	int			*cur;		/* per section: current cell */
	int			*y0;		/* per section: scroll */
	int			*hs;		/* per block: first column */
	size_t			 nsec;
	struct formgeom		 lay;
	unsigned long		 lay_gen;	/* report generation it saw */
	int			 lay_ph;	/* pane height it saw */
};

static const struct tpl *
tpl_of(const struct tui_app *a)
{
	return (report_tpl(a->rep));
}

static int
imin(int a, int b)
{
	return (a < b ? a : b);
}

static int
imax(int a, int b)
{
	return (a > b ? a : b);
}

/* The first and last block of a table section, false for a narrative. */
static bool
sec_blocks(const struct tpl *t, int sec, int *b0, int *b1)
{
	const struct tpl_section	*s = &t->sections[sec];
	const struct tpl_table		*last;

	if (s->kind != TPL_TABLES || s->ntables == 0)
		return (false);
	last = &t->tables[s->first_table + s->ntables - 1];
	*b0 = t->tables[s->first_table].first_block;
	*b1 = last->first_block + last->nblocks - 1;
	return (*b1 >= *b0);
}

/* The first input cell of a table section (-1 for a narrative one). */
static int
first_cell(const struct tpl *t, int sec)
{
	int	b0, b1, c, end;

	if (!sec_blocks(t, sec, &b0, &b1))
		return (-1);
	end = t->blocks[b1].first_cell +
	    (int)(t->blocks[b1].nrows * t->blocks[b1].ncols);
	for (c = t->blocks[b0].first_cell; c < end; c++)
		if (!tpl_cell_computed(t, c))
			return (c);
	return (t->blocks[b0].first_cell);
}

void
ed_form_init(struct tui_app *a)
{
	a->form = xcalloc(1, sizeof *a->form);
}

/* Releases what belongs to one report. */
static void
forget(struct ed_form *f)
{
	free(f->cur);
	free(f->y0);
	free(f->hs);
	formgeom_free(&f->lay);
	memset(f, 0, sizeof *f);
}

void
ed_form_done(struct tui_app *a)
{
	if (a->form == NULL)
		return;
	forget(a->form);
	free(a->form);
	a->form = NULL;
}

void
ed_form_attach(struct tui_app *a)
{
	const struct tpl	*t = tpl_of(a);
	struct ed_form		*f = a->form;
	size_t			 s;

	forget(f);
	f->nsec = t->nsections;
	f->cur = xcalloc(t->nsections, sizeof *f->cur);
	f->y0 = xcalloc(t->nsections, sizeof *f->y0);
	f->hs = xcalloc(t->nblocks > 0 ? t->nblocks : 1, sizeof *f->hs);
	for (s = 0; s < t->nsections; s++)
		f->cur[s] = first_cell(t, (int)s);
}

int
ed_form_cur(const struct tui_app *a)
{
	if (a->rep == NULL || (size_t)a->sec >= a->form->nsec)
		return (-1);
	return (a->form->cur[a->sec]);
}

/* Scrolls so that the current cell is in view, and sideways the column
 * after it too when it fits (so that the row's 总计 shows beside 其他 on
 * a narrow screen).  Returns dirty bits. */
static unsigned
show(struct tui_app *a)
{
	const struct tpl	*t = tpl_of(a);
	struct ed_form		*f = a->form;
	int			 cell = f->cur[a->sec], bi, y0, hs, want;
	const struct tpl_cell	*c;

	if (cell < 0 || !f->lay.valid || f->lay.sec != a->sec)
		return (0);
	c = &t->cells[cell];
	if ((bi = formgeom_find(&f->lay, c->block)) < 0)
		return (0);
	y0 = formgeom_scroll_to(&f->lay, f->y0[a->sec], a->g.pane_h, bi,
	    c->row);
	want = imin(c->col + 1, f->lay.b[bi].ncols - 1);
	hs = imin(f->hs[c->block], c->col);
	while (hs < c->col && formgeom_last_col(&f->lay.b[bi], hs) < want)
		hs++;
	if (y0 == f->y0[a->sec] && hs == f->hs[c->block])
		return (0);
	f->y0[a->sec] = y0;
	f->hs[c->block] = hs;
	return (TUI_DIRTY_PANE);
}

/* Rebuilds the geometry when the section, the pane's size or the widths
 * the values need have changed; keeps the cursor in view. */
static unsigned
settle(struct tui_app *a)
{
	struct ed_form		*f = a->form;
	struct formgeom		 nl;
	unsigned long		 gen;
	bool			 same;

	if (a->rep == NULL ||
	    tpl_of(a)->sections[a->sec].kind != TPL_TABLES) {
		formgeom_free(&f->lay);
		return (0);
	}
	gen = report_generation(a->rep);
	if (f->lay.valid && f->lay.sec == a->sec &&
	    f->lay.pane_w == a->g.pane_w && f->lay_gen == gen &&
	    f->lay_ph == a->g.pane_h)
		return (0);
	formgeom_build(&nl, a->rep, a->sec, a->g.pane_w, a->lang, &a->topts);
	same = formgeom_same(&f->lay, &nl) && f->lay_ph == a->g.pane_h;
	formgeom_free(&f->lay);
	f->lay = nl;
	f->lay_gen = gen;
	f->lay_ph = a->g.pane_h;
	if (same)
		return (0);
	f->y0[a->sec] = formgeom_clamp(&f->lay, f->y0[a->sec], a->g.pane_h);
	show(a);
	return (TUI_DIRTY_PANE);
}

/* --- moving ------------------------------------------------------ */

static unsigned
move_to(struct tui_app *a, int cell)
{
	unsigned d = ed_cell_commit(a);

	if (ed_cell_held(a))
		return (d);
	if (cell >= 0 && cell != a->form->cur[a->sec]) {
		a->form->cur[a->sec] = cell;
		undo_seal(a->undo);
	}
	show(a);
	return (d | TUI_DIRTY_PANE | TUI_DIRTY_STATUS | TUI_DIRTY_OUTLINE);
}

/* The cell one row up (dir -1) or down (+1), across blocks. */
static int
step_vert(const struct tui_app *a, int cell, int dir)
{
	const struct tpl	*t = tpl_of(a);
	const struct tpl_cell	*c = &t->cells[cell];
	int			 r = c->row + dir, b0, b1, b;

	if (r >= 0 && r < (int)t->blocks[c->block].nrows)
		return (formgeom_cell(t, c->block, r, c->col));
	b = c->block + dir;
	if (!sec_blocks(t, a->sec, &b0, &b1) || b < b0 || b > b1)
		return (cell);
	return (formgeom_cell(t, b, dir > 0 ? 0 : (int)t->blocks[b].nrows - 1,
	    c->col));
}

static int
step_horiz(const struct tui_app *a, int cell, int dir)
{
	const struct tpl_cell *c = &tpl_of(a)->cells[cell];

	return (formgeom_cell(tpl_of(a), c->block, c->row, c->col + dir));
}

/* The next (dir +1) or previous input cell of the section. */
static int
step_input(const struct tui_app *a, int cell, int dir)
{
	const struct tpl	*t = tpl_of(a);
	int			 b0, b1, lo, hi, c;

	if (!sec_blocks(t, a->sec, &b0, &b1))
		return (cell);
	lo = t->blocks[b0].first_cell;
	hi = t->blocks[b1].first_cell +
	    (int)(t->blocks[b1].nrows * t->blocks[b1].ncols);
	for (c = cell + dir; c >= lo && c < hi; c += dir)
		if (!tpl_cell_computed(t, c))
			return (c);
	return (cell);
}

static int
cur(const struct tui_app *a)
{
	return (a->form->cur[a->sec]);
}

static unsigned
up(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_vert(a, cur(a), -1)));
}

static unsigned
down(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_vert(a, cur(a), 1)));
}

static unsigned
left(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_horiz(a, cur(a), -1)));
}

static unsigned
right(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_horiz(a, cur(a), 1)));
}

/* The last input cell of a table section (-1 for a narrative one). */
static int
last_cell(const struct tpl *t, int sec)
{
	int	b0, b1, c, lo;

	if (!sec_blocks(t, sec, &b0, &b1))
		return (-1);
	lo = t->blocks[b0].first_cell;
	for (c = t->blocks[b1].first_cell + (int)(t->blocks[b1].nrows *
	    t->blocks[b1].ncols) - 1; c >= lo; c--)
		if (!tpl_cell_computed(t, c))
			return (c);
	return (lo);
}

/*
 * Tab past the section's last input cell (dir +1), Shift-Tab before its
 * first (-1): the next section's first cell, the previous one's last;
 * at either end of the report, a message says so.
 */
static unsigned
cross(struct tui_app *a, int dir)
{
	const struct tpl	*t = tpl_of(a);
	unsigned		 d = ed_cell_commit(a);
	int			 s = a->sec + dir;

	if (ed_cell_held(a))
		return (d);
	if (s < 0 || (size_t)s >= t->nsections)
		return (d | ed_msg_set(a, ST_MSG_INFO, dir > 0 ?
		    "ed.tab_end" : "ed.tab_start", 0));
	if (t->sections[s].kind == TPL_TABLES)
		a->form->cur[s] = dir > 0 ? first_cell(t, s) : last_cell(t, s);
	return (d | ed_sec_set(a, s));
}

static unsigned
tab(struct tui_app *a, int key)
{
	int	c;

	(void)key;
	if (cur(a) < 0)
		return (0);
	if ((c = step_input(a, cur(a), 1)) == cur(a))
		return (cross(a, 1));
	return (move_to(a, c));
}

static unsigned
btab(struct tui_app *a, int key)
{
	int	c;

	(void)key;
	if (cur(a) < 0)
		return (0);
	if ((c = step_input(a, cur(a), -1)) == cur(a))
		return (cross(a, -1));
	return (move_to(a, c));
}

static unsigned
home(struct tui_app *a, int key)
{
	const struct tpl_cell *c;

	(void)key;
	if (cur(a) < 0)
		return (0);
	c = &tpl_of(a)->cells[cur(a)];
	return (move_to(a, formgeom_cell(tpl_of(a), c->block, c->row, 0)));
}

static unsigned
end(struct tui_app *a, int key)
{
	const struct tpl_cell *c;

	(void)key;
	if (cur(a) < 0)
		return (0);
	c = &tpl_of(a)->cells[cur(a)];
	return (move_to(a, formgeom_cell(tpl_of(a), c->block, c->row, INT32_MAX)));
}

static unsigned
page(struct tui_app *a, int dir)
{
	int	cell = cur(a), i, n = imax(1, a->g.pane_h - 6);

	if (cell < 0)
		return (0);
	for (i = 0; i < n; i++)
		cell = step_vert(a, cell, dir);
	return (move_to(a, cell));
}

static unsigned
pgup(struct tui_app *a, int key)
{
	(void)key;
	return (page(a, -1));
}

static unsigned
pgdn(struct tui_app *a, int key)
{
	(void)key;
	return (page(a, 1));
}

/* --- jumps and the mouse ------------------------------------------ */

unsigned
ed_form_goto(struct tui_app *a, int cell)
{
	int		sec = ed_sec_of_cell(a, cell);
	unsigned	d = ed_cell_commit(a);

	if (ed_cell_held(a))
		return (d);
	if (sec != a->sec)
		d |= ed_sec_set(a, sec);
	d |= ed_pane_home(a);
	if (a->form->cur[sec] != cell)
		undo_seal(a->undo);
	a->form->cur[sec] = cell;
	d |= settle(a);
	show(a);
	return (d | TUI_DIRTY_ALL);
}

/* The wheel: the view scrolls, the current cell stays. */
static unsigned
wheel(struct tui_app *a, int lines)
{
	int *y0 = &a->form->y0[a->sec], ny;

	if (!a->form->lay.valid)
		return (0);
	ny = formgeom_clamp(&a->form->lay, *y0 + lines, a->g.pane_h);
	if (ny == *y0)
		return (0);
	*y0 = ny;
	return (TUI_DIRTY_PANE | TUI_DIRTY_CURSOR);
}

/* A click on a row: the cell under it (else the current column). */
static unsigned
click(struct tui_app *a, int y, int x)
{
	const struct formgeom		*l = &a->form->lay;
	const struct formgeom_block	*bl;
	const struct tpl	*t = tpl_of(a);
	int			 i = y - a->g.pane_y, bi, idx, hs, lc, c;
	int			 rx, x0;

	if (!l->valid || i < 0 || i >= a->g.pane_h ||
	    formgeom_screen_line(l, a->form->y0[a->sec], i, &bi,
	    &idx) != FG_ROW)
		return (0);
	bl = &l->b[bi];
	hs = a->form->hs[bl->block];
	lc = formgeom_last_col(bl, hs);
	rx = x - (a->g.pane_x + bl->lab_w);
	c = -1;
	for (i = hs; i <= lc; i++) {
		x0 = bl->col_x[i] - bl->col_x[hs];
		if (rx >= x0 && rx <= x0 + bl->col_w[i])
			c = i;
	}
	if (c < 0)
		c = cur(a) >= 0 && t->cells[cur(a)].block == bl->block ?
		    t->cells[cur(a)].col : hs;
	return (move_to(a, formgeom_cell(t, bl->block, idx, c)));
}

/* --- typing into the current cell --------------------------------- */

/* Enter: starts an edit with the value, or commits and goes down; on a
 * total whose printed figure disagrees, offers the computed totals. */
static unsigned
enter(struct tui_app *a, int key)
{
	if (ed_cell_active(a))
		return (down(a, key));
	if (ed_answer_disagrees(a, cur(a)))
		return (ed_answer_totals(a));
	return (ed_cell_enter(a, cur(a)));
}

/* Esc: the edit's value goes back. */
static unsigned
cancel(struct tui_app *a, int key)
{
	(void)key;
	if (ed_cell_active(a))
		return (ed_cell_cancel(a));
	return (TUI_DIRTY_STATUS);
}

static unsigned
bksp(struct tui_app *a, int key)
{
	(void)key;
	return (ed_cell_bksp(a, cur(a)));
}

static unsigned
del(struct tui_app *a, int key)
{
	(void)key;
	return (ed_cell_del(a, cur(a)));
}

/* A key no binding took: printable characters type into the cell. */
static unsigned
key(struct tui_app *a, int k)
{
	if (a->readonly && ed_keymap_printable(k))
		return (ed_msg_set(a, ST_MSG_ERROR, "rcv.readonly_refused", 0));
	return (ed_cell_key(a, cur(a), k));
}

unsigned
ed_form_paste(struct tui_app *a, const char *s, size_t len)
{
	return (ed_cell_paste(a, cur(a), s, len));
}

/*
 * The cursor stays shown on the current cell, editing or not: it marks
 * the cell on a monochrome terminal, the input method anchors its window
 * there, and not toggling it saves the cnorm/civis pair (17 bytes) on
 * every first digit and every move.
 */
static void
draw(const struct tui_app *a, unsigned dirty, struct ed_caret *c)
{
	const struct ed_form	*f = a->form;
	struct ed_formview	 v = { &f->lay, f->y0[a->sec], f->hs,
				    f->cur[a->sec] };

	if (dirty & TUI_DIRTY_PANE)
		ed_formdraw_pane(a, &v, false);
	else if (dirty & TUI_DIRTY_CELLS)
		ed_formdraw_pane(a, &v, true);
	c->at = c->show = ed_formdraw_caret(a, &v, &c->y, &c->x);
}

static const struct ed_action
    act_up = { .fn = up, .help = "ed.h.up" },
    act_down = { .fn = down, .help = "ed.h.down" },
    act_left = { .fn = left, .help = "ed.h.left" },
    act_right = { .fn = right, .help = "ed.h.right" },
    act_tab = { .fn = tab, .help = "ed.h.tab" },
    act_btab = { .fn = btab, .help = "ed.h.btab" },
    act_home = { .fn = home, .help = "ed.h.home" },
    act_end = { .fn = end, .help = "ed.h.end" },
    act_pgup = { .fn = pgup, .help = "ed.h.pgup" },
    act_pgdn = { .fn = pgdn, .help = "ed.h.pgdn" },
    act_enter = { .fn = enter, .help = "ed.h.enter",
	.flags = ED_ACT_EDITS },
    act_cancel = { .fn = cancel, .help = "ed.h.cancel" },
    act_bksp = { .fn = bksp, .help = "ed.h.bksp",
	.flags = ED_ACT_EDITS },
    act_del = { .fn = del, .help = "ed.h.del", .flags = ED_ACT_EDITS };

static const struct ed_binding rows[] = {
	{ &act_up, { KM_KEY(KEY_UP) } },
	{ &act_down, { KM_KEY(KEY_DOWN) } },
	{ &act_left, { KM_KEY(KEY_LEFT) } },
	{ &act_right, { KM_KEY(KEY_RIGHT) } },
	{ &act_tab, { '\t' } },
	{ &act_btab, { KM_KEY(KEY_BTAB) } },
	{ &act_home, { KM_KEY(KEY_HOME) } },
	{ &act_end, { KM_KEY(KEY_END) } },
	{ &act_pgup, { KM_KEY(KEY_PPAGE) } },
	{ &act_pgdn, { KM_KEY(KEY_NPAGE) } },
	{ &act_enter, { '\r', '\n', KM_KEY(KEY_ENTER) } },
	{ &act_cancel, { 27 } },
	{ &act_bksp, { KM_KEY(KEY_BACKSPACE), 127, 8 } },
	{ &act_del, { KM_KEY(KEY_DC) } },
	{ NULL, { 0 } }
};

const struct ed_keymap ed_form_keys = { "ed.ctx.form", NULL, rows, NULL };

const struct ed_pane ed_form_pane = {
	.name = "form",
	.keys = &ed_form_keys,
	.draw = draw,
	.key = key,
	.wheel = wheel,
	.click = click,
	.settle = settle,
};
