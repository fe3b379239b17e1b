/*
 * The table screen: drawing the geometry of formgeom.c (tui/core), moving the cursor
 * and scrolling (typing into cells is ed_cell.c).
 *
 * State (in struct ed_form): the current cell and scroll of each
 * section, the first visible column of each block, and the layout of the
 * current section with the report generation and pane height it was
 * built for.  Moving actions keep the current cell in view (show());
 * the wheel may scroll it out of view, and the next move brings it back.
 * The layout is rebuilt by ed_form_settle, between an action and the draw,
 * never by drawing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_app.h"
#include "ed_cell.h"
#include "ed_form.h"
#include "formgeom.h"
#include "undo.h"
#include "xmalloc.h"

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

static int
cell_of(const struct tpl *t, int block, int r, int c)
{
	const struct tpl_block *b = &t->blocks[block];

	c = imax(0, imin(c, (int)b->ncols - 1));
	r = imax(0, imin(r, (int)b->nrows - 1));
	return (b->first_cell + r * (int)b->ncols + c);
}

int
ed_form_section_of_cell(const struct tui_app *a, int cell)
{
	const struct tpl *t = tpl_of(a);

	return (t->tables[t->blocks[t->cells[cell].block].table].section);
}

int
ed_form_first_cell(const struct tui_app *a, int sec)
{
	const struct tpl	*t = tpl_of(a);
	int			 b0, b1, c, end;

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
	const struct tpl	*t = tpl_of(a);
	struct ed_form	*f = &a->form;
	size_t			 s;

	f->cur = xcalloc(t->nsections, sizeof *f->cur);
	f->y0 = xcalloc(t->nsections, sizeof *f->y0);
	f->hs = xcalloc(t->nblocks > 0 ? t->nblocks : 1, sizeof *f->hs);
	for (s = 0; s < t->nsections; s++)
		f->cur[s] = ed_form_first_cell(a, (int)s);
}

void
ed_form_done(struct ed_form *f)
{
	free(f->cur);
	free(f->y0);
	free(f->hs);
	formgeom_free(&f->lay);
	memset(f, 0, sizeof *f);
}

/* Scrolls so that the current cell is in view.  Returns dirty bits. */
static unsigned
show(struct tui_app *a)
{
	const struct tpl	*t = tpl_of(a);
	struct ed_form	*f = &a->form;
	int			 cell = f->cur[a->sec], bi, y0, hs;
	const struct tpl_cell	*c;

	if (cell < 0 || !f->lay.valid || f->lay.sec != a->sec)
		return (0);
	c = &t->cells[cell];
	if ((bi = formgeom_find(&f->lay, c->block)) < 0)
		return (0);
	y0 = formgeom_scroll_to(&f->lay, f->y0[a->sec], a->g.pane_h, bi,
	    c->row);
	hs = imin(f->hs[c->block], c->col);
	while (hs < c->col && formgeom_last_col(&f->lay.b[bi], hs) < c->col)
		hs++;
	if (y0 == f->y0[a->sec] && hs == f->hs[c->block])
		return (0);
	f->y0[a->sec] = y0;
	f->hs[c->block] = hs;
	return (TUI_DIRTY_PANE);
}

unsigned
ed_form_settle(struct tui_app *a)
{
	struct ed_form	*f = &a->form;
	struct formgeom	 nl;
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

/* --- drawing ------------------------------------------------------ */

/* True when every flag on the cell is a "left blank" warning: the empty
 * cell shows that well enough without a highlight. */
static bool
blank_only(const struct tui_app *a, int cell)
{
	const struct tpl	*t = tpl_of(a);
	struct report_flag	 fl[8];
	size_t			 n, i;

	n = report_cell_flags(a->rep, cell, fl, 8);
	if (n == 0 || n > 8)
		return (false);
	for (i = 0; i < n; i++)
		if (t->rules[fl[i].rule].kind != TPL_R_BLANK)
			return (false);
	return (true);
}

static enum style
cell_style(const struct tui_app *a, int cell, struct report_value v,
    char *mark)
{
	enum tpl_severity	worst = TPL_WARNING;
	bool			flagged;

	flagged = report_cell_flagged(a->rep, cell, &worst) &&
	    !blank_only(a, cell);
	*mark = flagged ? '!' : ' ';
	if (cell == a->form.cur[a->sec] && a->mode == TUI_FORM)
		return (ST_CURSOR);
	if (flagged || v.state == RV_OVERFLOW)
		return (worst == TPL_ERROR || v.state == RV_OVERFLOW ?
		    ST_FLAG_ERROR : ST_FLAG_WARNING);
	if (tpl_cell_computed(tpl_of(a), cell))
		return (ST_COMPUTED);
	return (v.state == RV_BLANK ? ST_BLANK : ST_VALUE);
}

static void
draw_cell(const struct tui_app *a, int cell, int y, int x, int w)
{
	const struct ed_cell	*e = &a->edit;
	struct report_value	 v;
	char			 buf[NUM_FMT_MAX], mark[2] = " ";
	enum style		 st;
	size_t			 off;
	int			 used;

	if (e->active && e->cell == cell) {
		off = ed_cell_tail(a, w - 1, &used);
		ed_draw_textn(&a->dr, y, x, w, e->buf.s + off, e->buf.len - off,
		    e->bad ? ST_INPUT_ERROR : ST_INPUT, DRAW_PAD);
		return;
	}
	v = report_value(a->rep, cell);
	report_format_value(a->rep, cell, v, buf);
	st = cell_style(a, cell, v, &mark[0]);
	ed_draw_text(&a->dr, y, x, w - 1, buf, st, DRAW_RIGHT | DRAW_PAD);
	if (w > 1)
		ed_draw_text(&a->dr, y, x + w - 1, 1, mark, st, DRAW_PAD);
}

static void
draw_cells(const struct tui_app *a, const struct formgeom_block *bl, int r, int y)
{
	const struct tpl	*t = tpl_of(a);
	int			 vx = a->g.pane_x + bl->lab_w;
	int			 hs = a->form.hs[bl->block], lc, c, x, w;
	int			 end = vx, right = a->g.pane_x + a->g.pane_w;

	hs = imin(hs, bl->ncols - 1);
	lc = formgeom_last_col(bl, hs);
	for (c = hs; c <= lc; c++) {
		x = vx + bl->col_x[c] - bl->col_x[hs];
		ed_draw_fill(&a->dr, y, x, 1, ST_NORMAL);
		w = imin(bl->col_w[c], vx + bl->vis_w - (x + 1));
		if (w <= 0)
			break;
		draw_cell(a, cell_of(t, bl->block, r, c), y, x + 1, w);
		end = x + 1 + w;
	}
	ed_draw_fill(&a->dr, y, end, right - end, ST_NORMAL);
}

static void
draw_labels(const struct tui_app *a, const struct formgeom_block *bl, int r,
    int fv, int y)
{
	const struct tpl	*t = tpl_of(a);
	const struct tpl_block	*blk = &t->blocks[bl->block];
	const struct tpl_node	*nd, *g;
	const struct formgeom_wrap	*w;
	const char		*s;
	int			 x = a->g.pane_x, anc[32], k, p, i, d, lw, cur;
	enum style		 st = ST_LABEL;

	if (bl->nlvl == 0)
		return;
	nd = &blk->rownodes[blk->rows[r]];
	for (p = nd->parent; p >= 0; p = blk->rownodes[p].parent)
		if (blk->rownodes[p].depth < 32)
			anc[blk->rownodes[p].depth] = p;
	d = imin(nd->depth, bl->nlvl - 1);
	for (k = 0; k < d; k++) {
		g = &blk->rownodes[anc[k]];
		w = &bl->rwrap[anc[k]];
		s = tpl_label(&g->label, a->lang);
		i = r - imax(g->first_leaf, fv);
		if (i >= 0 && (size_t)i < w->n)
			ed_draw_textn(&a->dr, y, x + bl->lvl_x[k], bl->lvl_w[k],
			    s + w->st[i], w->en[i] - w->st[i], ST_LABEL,
			    DRAW_PAD);
		else
			ed_draw_fill(&a->dr, y, x + bl->lvl_x[k], bl->lvl_w[k],
			    ST_LABEL);
		ed_draw_fill(&a->dr, y, x + bl->lvl_x[k] + bl->lvl_w[k], 1,
		    ST_NORMAL);
	}
	cur = a->form.cur[a->sec];
	if (cur >= 0 && t->cells[cur].block == bl->block &&
	    t->cells[cur].row == r)
		st = ST_LABEL_CUR;
	lw = bl->lvl_x[bl->nlvl - 1] + bl->lvl_w[bl->nlvl - 1] -
	    bl->lvl_x[d];
	ed_draw_text(&a->dr, y, x + bl->lvl_x[d], lw,
	    tpl_label(&nd->label, a->lang), st, DRAW_PAD | DRAW_ELLIPSIS);
	ed_draw_fill(&a->dr, y, x + bl->lab_w - 1, 1, ST_NORMAL);
}

/* One header node's text on header line h, or NULL when it has none. */
static bool
head_text(const struct tui_app *a, const struct formgeom_block *bl,
    const struct tpl_block *blk, size_t n, int h, const char **s,
    size_t *len)
{
	const struct tpl_node	*nd = &blk->colnodes[n];
	const struct formgeom_wrap	*w = &bl->cwrap[n];
	int			 y0 = bl->hline[nd->depth], lines, i;

	*s = tpl_label(&nd->label, a->lang);
	if (nd->leaf == -1) {
		if (h != y0)
			return (false);
		*len = strlen(*s);
		return (true);
	}
	if (h < y0)
		return (false);
	lines = bl->head_h - y0;
	i = h - y0 - imax(0, (lines - (int)w->n) / 2);
	if (i < 0 || (size_t)i >= w->n) {
		*len = 0;
		return (true);
	}
	*s += w->st[i];
	*len = w->en[i] - w->st[i];
	return (true);
}

static void
draw_head(const struct tui_app *a, const struct formgeom_block *bl, int h, int y)
{
	const struct tpl_block	*blk = &tpl_of(a)->blocks[bl->block];
	const char		*corner = tpl_label(&blk->corner, a->lang), *s;
	int			 vx = a->g.pane_x + bl->lab_w, x0, x1, c0, c1;
	int			 hs = a->form.hs[bl->block], lc, i;
	size_t			 n, len;

	if (bl->nlvl > 0) {
		i = h - imax(0, (bl->head_h - (int)bl->corner.n) / 2);
		if (i >= 0 && (size_t)i < bl->corner.n)
			ed_draw_textn(&a->dr, y, a->g.pane_x, bl->lab_w - 1,
			    corner + bl->corner.st[i],
			    bl->corner.en[i] - bl->corner.st[i], ST_HEADER,
			    DRAW_CENTER | DRAW_PAD);
		else
			ed_draw_fill(&a->dr, y, a->g.pane_x, bl->lab_w - 1,
			    ST_HEADER);
		ed_draw_fill(&a->dr, y, vx - 1, 1, ST_NORMAL);
	}
	ed_draw_fill(&a->dr, y, vx, a->g.pane_x + a->g.pane_w - vx, ST_NORMAL);
	hs = imin(hs, bl->ncols - 1);
	lc = formgeom_last_col(bl, hs);
	for (n = 0; n < blk->ncolnodes; n++) {
		const struct tpl_node *nd = &blk->colnodes[n];

		if (!head_text(a, bl, blk, n, h, &s, &len))
			continue;
		c0 = imax(nd->first_leaf, hs);
		c1 = imin(nd->first_leaf + nd->nleaves - 1, lc);
		if (c0 > c1)
			continue;
		x0 = vx + bl->col_x[c0] - bl->col_x[hs] + 1;
		x1 = imin(vx + bl->col_x[c1] - bl->col_x[hs] + 1 +
		    bl->col_w[c1], vx + bl->vis_w);
		ed_draw_textn(&a->dr, y, x0, x1 - x0, s, len, ST_HEADER,
		    DRAW_CENTER | DRAW_PAD | DRAW_ELLIPSIS);
	}
	if (h == 0 && hs > 0)
		ed_draw_text(&a->dr, y, vx, 1, "<", ST_HEADER, 0);
	if (h == 0 && lc < bl->ncols - 1)
		ed_draw_text(&a->dr, y, vx + bl->vis_w, 1, ">", ST_HEADER, 0);
}

void
ed_form_draw(const struct tui_app *a, bool cells_only)
{
	const struct formgeom *l = &a->form.lay;
	const struct tpl	*t;
	int			 i, bi, idx, y, y0;
	char			*title;

	if (!l->valid || l->sec != a->sec) {
		if (!cells_only)
			ed_draw_box(&a->dr, a->g.pane_y, a->g.pane_x, a->g.pane_h,
			    a->g.pane_w, ST_NORMAL);
		return;
	}
	t = tpl_of(a);
	y0 = a->form.y0[a->sec];
	for (i = 0; i < a->g.pane_h; i++) {
		enum formgeom_line k = formgeom_screen_line(l, y0, i, &bi, &idx);

		y = a->g.pane_y + i;
		if (cells_only && k != FG_ROW)
			continue;
		switch (k) {
		case FG_HEADING:
			title = ed_app_section_title(a, a->sec);
			ed_draw_text(&a->dr, y, a->g.pane_x, a->g.pane_w, title,
			    ST_SECTION, DRAW_PAD | DRAW_ELLIPSIS);
			free(title);
			break;
		case FG_TITLE:
			ed_draw_text(&a->dr, y, a->g.pane_x, a->g.pane_w,
			    tpl_label(&t->blocks[l->b[bi].block].title,
			    a->lang), ST_BLOCK_TITLE, DRAW_PAD | DRAW_ELLIPSIS);
			break;
		case FG_HEAD:
			draw_head(a, &l->b[bi], idx, y);
			break;
		case FG_ROW:
			if (!cells_only)
				draw_labels(a, &l->b[bi], idx,
				    formgeom_first_row(l, y0, bi), y);
			draw_cells(a, &l->b[bi], idx, y);
			break;
		default:
			ed_draw_fill(&a->dr, y, a->g.pane_x, a->g.pane_w,
			    ST_NORMAL);
		}
	}
}

bool
ed_form_caret(const struct tui_app *a, int *y, int *x, bool *editing)
{
	const struct ed_cell	*e = &a->edit;
	const struct formgeom *l = &a->form.lay;
	const struct tpl_cell	*c;
	const struct formgeom_block	*bl;
	int			 bi, line, hs, used = 0, w, cell;

	cell = a->form.cur[a->sec];
	*editing = e->active && e->cell == cell;
	if (cell < 0 || a->mode != TUI_FORM || !l->valid || l->sec != a->sec)
		return (false);
	c = &tpl_of(a)->cells[cell];
	if ((bi = formgeom_find(l, c->block)) < 0)
		return (false);
	bl = &l->b[bi];
	line = formgeom_row_line(l, a->form.y0[a->sec], a->g.pane_h, bi, c->row);
	hs = a->form.hs[c->block];
	if (line < 0 || c->col < hs || c->col > formgeom_last_col(bl, hs))
		return (false);
	w = imin(bl->col_w[c->col], bl->vis_w - (bl->col_x[c->col] -
	    bl->col_x[hs] + 1));
	if (*editing)
		ed_cell_tail(a, w - 1, &used);
	*y = a->g.pane_y + line;
	*x = a->g.pane_x + bl->lab_w + bl->col_x[c->col] - bl->col_x[hs] + 1 +
	    used;
	return (true);
}

/* --- moving ------------------------------------------------------- */

static unsigned
move_to(struct tui_app *a, int cell)
{
	unsigned d = ed_cell_commit(a);

	if (cell >= 0 && cell != a->form.cur[a->sec]) {
		a->form.cur[a->sec] = cell;
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
		return (cell_of(t, c->block, r, c->col));
	b = c->block + dir;
	if (!sec_blocks(t, a->sec, &b0, &b1) || b < b0 || b > b1)
		return (cell);
	return (cell_of(t, b, dir > 0 ? 0 : (int)t->blocks[b].nrows - 1,
	    c->col));
}

static int
step_horiz(const struct tui_app *a, int cell, int dir)
{
	const struct tpl_cell *c = &tpl_of(a)->cells[cell];

	return (cell_of(tpl_of(a), c->block, c->row, c->col + dir));
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
	return (a->form.cur[a->sec]);
}

unsigned
ed_form_act_up(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_vert(a, cur(a), -1)));
}

unsigned
ed_form_act_down(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_vert(a, cur(a), 1)));
}

unsigned
ed_form_act_left(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_horiz(a, cur(a), -1)));
}

unsigned
ed_form_act_right(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_horiz(a, cur(a), 1)));
}

unsigned
ed_form_act_tab(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_input(a, cur(a), 1)));
}

unsigned
ed_form_act_btab(struct tui_app *a, int key)
{
	(void)key;
	return (cur(a) < 0 ? 0 : move_to(a, step_input(a, cur(a), -1)));
}

unsigned
ed_form_act_home(struct tui_app *a, int key)
{
	const struct tpl_cell *c;

	(void)key;
	if (cur(a) < 0)
		return (0);
	c = &tpl_of(a)->cells[cur(a)];
	return (move_to(a, cell_of(tpl_of(a), c->block, c->row, 0)));
}

unsigned
ed_form_act_end(struct tui_app *a, int key)
{
	const struct tpl_cell *c;

	(void)key;
	if (cur(a) < 0)
		return (0);
	c = &tpl_of(a)->cells[cur(a)];
	return (move_to(a, cell_of(tpl_of(a), c->block, c->row, INT32_MAX)));
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

unsigned
ed_form_act_pgup(struct tui_app *a, int key)
{
	(void)key;
	return (page(a, -1));
}

unsigned
ed_form_act_pgdn(struct tui_app *a, int key)
{
	(void)key;
	return (page(a, 1));
}

/* --- jumps and the mouse ------------------------------------------ */

unsigned
ed_form_goto(struct tui_app *a, int cell)
{
	int		sec = ed_form_section_of_cell(a, cell);
	unsigned	d = ed_cell_commit(a);

	if (sec != a->sec)
		d |= ed_app_set_section(a, sec);
	a->mode = TUI_FORM;
	if (a->form.cur[sec] != cell)
		undo_seal(a->undo);
	a->form.cur[sec] = cell;
	d |= ed_form_settle(a);
	show(a);
	return (d | TUI_DIRTY_ALL);
}

unsigned
ed_form_scroll(struct tui_app *a, int lines)
{
	int *y0 = &a->form.y0[a->sec], ny;

	if (!a->form.lay.valid)
		return (0);
	ny = formgeom_clamp(&a->form.lay, *y0 + lines, a->g.pane_h);
	if (ny == *y0)
		return (0);
	*y0 = ny;
	return (TUI_DIRTY_PANE | TUI_DIRTY_CURSOR);
}

unsigned
ed_form_click(struct tui_app *a, int y, int x)
{
	const struct formgeom *l = &a->form.lay;
	const struct formgeom_block	*bl;
	const struct tpl	*t = tpl_of(a);
	int			 i = y - a->g.pane_y, bi, idx, hs, lc, c, rx, x0;

	if (!l->valid || i < 0 || i >= a->g.pane_h ||
	    formgeom_screen_line(l, a->form.y0[a->sec], i, &bi, &idx) != FG_ROW)
		return (0);
	bl = &l->b[bi];
	hs = a->form.hs[bl->block];
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
	return (move_to(a, cell_of(t, bl->block, idx, c)));
}
