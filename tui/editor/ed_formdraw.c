/*
 * Drawing the form (see ed_formdraw.h): for each line of the pane, what
 * the geometry (tui/core/formgeom.h) puts there at the view's scroll.
 * Reads the report, the view and the cell being typed into; changes
 * nothing.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_cell.h"
#include "ed_formdraw.h"
#include "ed_sec.h"

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
cell_style(const struct tui_app *a, const struct ed_formview *v, int cell,
    struct report_value rv, char *mark)
{
	enum tpl_severity	worst = TPL_WARNING;
	bool			flagged;

	flagged = report_cell_flagged(a->rep, cell, &worst) &&
	    !blank_only(a, cell);
	*mark = flagged ? '!' : ' ';
	if (cell == v->cur)
		return (ST_CURSOR);
	if (flagged || rv.state == RV_OVERFLOW)
		return (worst == TPL_ERROR || rv.state == RV_OVERFLOW ?
		    ST_FLAG_ERROR : ST_FLAG_WARNING);
	if (tpl_cell_computed(tpl_of(a), cell))
		return (ST_COMPUTED);
	return (rv.state == RV_BLANK ? ST_BLANK : ST_VALUE);
}

static void
draw_cell(const struct tui_app *a, const struct ed_formview *v, int cell,
    int y, int x, int w)
{
	struct report_value	 rv;
	char			 buf[NUM_FMT_MAX], mark[2] = " ";
	const char		*s;
	enum style		 st;
	size_t			 len;
	int			 used;

	if (ed_cell_editing(a, cell)) {
		s = ed_cell_tail(a, w - 1, &len, &used);
		ed_draw_textn(&a->dr, y, x, w, s, len,
		    ed_cell_error(a) != NULL ? ST_INPUT_ERROR : ST_INPUT,
		    DRAW_PAD);
		return;
	}
	rv = report_value(a->rep, cell);
	report_format_value(a->rep, cell, rv, buf);
	st = cell_style(a, v, cell, rv, &mark[0]);
	ed_draw_text(&a->dr, y, x, w - 1, buf, st, DRAW_RIGHT | DRAW_PAD);
	if (w > 1)
		ed_draw_text(&a->dr, y, x + w - 1, 1, mark, st, DRAW_PAD);
}

static void
draw_cells(const struct tui_app *a, const struct ed_formview *v,
    const struct formgeom_block *bl, int r, int y)
{
	const struct tpl	*t = tpl_of(a);
	int			 vx = a->g.pane_x + bl->lab_w;
	int			 hs = v->hs[bl->block], lc, c, x, w;
	int			 end = vx, right = a->g.pane_x + a->g.pane_w;

	hs = imin(hs, bl->ncols - 1);
	lc = formgeom_last_col(bl, hs);
	for (c = hs; c <= lc; c++) {
		x = vx + bl->col_x[c] - bl->col_x[hs];
		ed_draw_fill(&a->dr, y, x, 1, ST_NORMAL);
		w = imin(bl->col_w[c], vx + bl->vis_w - (x + 1));
		if (w <= 0)
			break;
		draw_cell(a, v, formgeom_cell(t, bl->block, r, c), y, x + 1, w);
		end = x + 1 + w;
	}
	ed_draw_fill(&a->dr, y, end, right - end, ST_NORMAL);
}

static void
draw_labels(const struct tui_app *a, const struct ed_formview *v,
    const struct formgeom_block *bl, int r, int fv, int y)
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
	cur = v->cur;
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
draw_head(const struct tui_app *a, const struct ed_formview *v,
    const struct formgeom_block *bl, int h, int y)
{
	const struct tpl_block	*blk = &tpl_of(a)->blocks[bl->block];
	const char		*corner = tpl_label(&blk->corner, a->lang), *s;
	int			 vx = a->g.pane_x + bl->lab_w, x0, x1, c0, c1;
	int			 hs = v->hs[bl->block], lc, i;
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
ed_formdraw_pane(const struct tui_app *a, const struct ed_formview *v,
    bool cells_only)
{
	const struct formgeom	*l = v->lay;
	const struct tpl	*t;
	int			 i, bi, idx, y, y0;
	char			*title;

	if (!l->valid || l->sec != a->sec) {
		if (!cells_only)
			ed_draw_box(&a->dr, a->g.pane_y, a->g.pane_x,
			    a->g.pane_h, a->g.pane_w, ST_NORMAL);
		return;
	}
	t = tpl_of(a);
	y0 = v->y0;
	for (i = 0; i < a->g.pane_h; i++) {
		enum formgeom_line k;

		k = formgeom_screen_line(l, y0, i, &bi, &idx);

		y = a->g.pane_y + i;
		if (cells_only && k != FG_ROW)
			continue;
		switch (k) {
		case FG_HEADING:
			title = ed_sec_title(a, a->sec);
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
			draw_head(a, v, &l->b[bi], idx, y);
			break;
		case FG_ROW:
			if (!cells_only)
				draw_labels(a, v, &l->b[bi], idx,
				    formgeom_first_row(l, y0, bi), y);
			draw_cells(a, v, &l->b[bi], idx, y);
			break;
		default:
			ed_draw_fill(&a->dr, y, a->g.pane_x, a->g.pane_w,
			    ST_NORMAL);
		}
	}
}

bool
ed_formdraw_caret(const struct tui_app *a, const struct ed_formview *v,
    int *y, int *x)
{
	const struct formgeom		*l = v->lay;
	const struct formgeom_block	*bl;
	const struct tpl_cell		*c;
	size_t				 len;
	int				 bi, line, hs, used = 0, w;

	if (v->cur < 0 || !l->valid || l->sec != a->sec)
		return (false);
	c = &tpl_of(a)->cells[v->cur];
	if ((bi = formgeom_find(l, c->block)) < 0)
		return (false);
	bl = &l->b[bi];
	line = formgeom_row_line(l, v->y0, a->g.pane_h, bi, c->row);
	hs = v->hs[c->block];
	if (line < 0 || c->col < hs || c->col > formgeom_last_col(bl, hs))
		return (false);
	w = imin(bl->col_w[c->col], bl->vis_w - (bl->col_x[c->col] -
	    bl->col_x[hs] + 1));
	if (ed_cell_editing(a, v->cur))
		ed_cell_tail(a, w - 1, &len, &used);
	*y = a->g.pane_y + line;
	*x = a->g.pane_x + bl->lab_w + bl->col_x[c->col] - bl->col_x[hs] + 1 +
	    used;
	return (true);
}
