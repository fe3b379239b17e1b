/*
 * A statutory table drawn with box characters for the print layout; see
 * layout_table.h.  A table is first laid out as a grid per block: grid
 * columns are the label columns (the row tree's depth) then the value
 * columns; grid rows are the block title row, the header rows (the column
 * tree's depth) and the value rows; every header node, row-label node,
 * the corner and every value is a rectangle of grid cells.  Column widths
 * are chosen (grid_widths), row heights follow from the wrapped cell texts
 * (grid_heights), and the rectangles are drawn on a canvas: per text line,
 * per column, the set of line directions (up, down, left, right) meeting
 * there, from which the box character follows; cell texts are placed
 * between.  Blocks of one table share their boundary line, so their
 * borders merge into ┼ ┬ ┴ by themselves.
 *
 * All widths are in terminal columns measured with the text_opts; a box
 * character is bw = text_width("─") columns and every border and cell
 * width is a multiple of bw.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_table.h"
#include "sbuf.h"
#include "xmalloc.h"

char *
ltable_rtrim(char *s)
{
	size_t	n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return (s);
}

/* ---- canvas --------------------------------------------------------- */

static const char *const box_char[16] = {
	[BX_U] = "│", [BX_D] = "│", [BX_U | BX_D] = "│",
	[BX_L] = "─", [BX_R] = "─", [BX_L | BX_R] = "─",
	[BX_D | BX_R] = "┌", [BX_D | BX_L] = "┐",
	[BX_U | BX_R] = "└", [BX_U | BX_L] = "┘",
	[BX_U | BX_D | BX_R] = "├", [BX_U | BX_D | BX_L] = "┤",
	[BX_D | BX_L | BX_R] = "┬", [BX_U | BX_L | BX_R] = "┴",
	[BX_U | BX_D | BX_L | BX_R] = "┼",
};

static void
canvas_init(struct canvas *c, int w, int h, int bw)
{
	memset(c, 0, sizeof *c);
	c->w = w;
	c->h = h;
	c->bw = bw;
	c->margin = w < LAYOUT_COLS ? (LAYOUT_COLS - w) / 2 : 0;
	c->fl = xcalloc((size_t)w * (size_t)h, 1);
	c->tx = xcalloc((size_t)w * (size_t)h, sizeof *c->tx);
	c->tw = xcalloc((size_t)w * (size_t)h, sizeof *c->tw);
	c->brk = xcalloc((size_t)h, sizeof *c->brk);
}

void
ltable_done(struct canvas *c)
{
	size_t	i;

	for (i = 0; i < (size_t)c->w * (size_t)c->h; i++)
		free(c->tx[i]);
	free(c->fl);
	free(c->tx);
	free(c->tw);
	free(c->brk);
	free(c->rowy);
}

/* The border of the rectangle (x0, y0)-(x1, y1), corners included. */
static void
canvas_rect(struct canvas *c, int x0, int y0, int x1, int y1)
{
	int	x, y;

	for (x = x0; x <= x1; x += c->bw) {
		uint8_t h = (x > x0 ? BX_L : 0) | (x < x1 ? BX_R : 0);
		c->fl[y0 * c->w + x] |= h;
		c->fl[y1 * c->w + x] |= h;
	}
	for (y = y0; y <= y1; y++) {
		uint8_t v = (y > y0 ? BX_U : 0) | (y < y1 ? BX_D : 0);
		c->fl[y * c->w + x0] |= v;
		c->fl[y * c->w + x1] |= v;
	}
}

static void
canvas_text(struct canvas *c, int x, int y, char *s, int w)
{
	free(c->tx[y * c->w + x]);
	c->tx[y * c->w + x] = s;
	c->tw[y * c->w + x] = w;
}

char *
ltable_line(const struct canvas *c, int y, const uint8_t *fl)
{
	struct sbuf	b;
	int		x = 0;

	sbuf_init(&b);
	sbuf_addf(&b, "%*s", c->margin, "");
	while (x < c->w) {
		const char *t = fl == NULL ? c->tx[y * c->w + x] : NULL;
		if (t != NULL) {
			sbuf_adds(&b, t);
			x += c->tw[y * c->w + x] > 0 ? c->tw[y * c->w + x] : 1;
		} else if (x % c->bw == 0 && (fl != NULL ? fl[x] :
		    c->fl[y * c->w + x]) != 0) {
			sbuf_adds(&b, box_char[fl != NULL ? fl[x] :
			    c->fl[y * c->w + x]]);
			x += c->bw;
		} else {
			sbuf_addc(&b, ' ');
			x++;
		}
	}
	return (ltable_rtrim(sbuf_take(&b)));
}

char *
ltable_closure(const struct canvas *c, int y, uint8_t src, uint8_t out)
{
	uint8_t	*fl = xcalloc((size_t)c->w, 1);
	char	*s;
	int	 x, last = c->w - c->bw;

	for (x = 0; x <= last; x += c->bw)
		fl[x] = ((c->fl[y * c->w + x] & src) ? out : 0) |
		    (x > 0 ? BX_L : 0) | (x < last ? BX_R : 0);
	s = ltable_line(c, y, fl);
	free(fl);
	return (s);
}

/* ---- grid ----------------------------------------------------------- */

/* A rectangle of grid cells [r0, r1) x [c0, c1) with its text. */
struct gcell {
	int		 r0, r1, c0, c1;
	const char	*text;
	int		 align;		/* -1 left, 0 centre */
	int		*memo;		/* lines at width w, -1 unknown */
};

#define MEMO_W	(2 * LAYOUT_COLS + 1)

/* One block laid out as a grid. */
struct grid {
	int		 ncol, nrow;
	int		 nlab;		/* label columns */
	int		 first_body;	/* grid row of the first value row */
	int		*w;		/* inner width of each column */
	int		*desire;	/* width that puts its texts on one line */
	int		*hgt;		/* text lines of each row */
	struct gcell	*cells;
	size_t		 ncells;
	size_t		*order;		/* cells by row span, short first */
	char		**vals;		/* formatted values, owned */
	size_t		 nvals;
	int		 bw;
	const struct text_opts *o;
};

static void
grid_cell(struct grid *g, int r0, int r1, int c0, int c1, const char *text,
    int align)
{
	struct gcell	*gc;
	int		 i;

	g->cells = xreallocarray(g->cells, g->ncells + 1, sizeof *g->cells);
	gc = &g->cells[g->ncells++];
	gc->r0 = r0;
	gc->r1 = r1;
	gc->c0 = c0;
	gc->c1 = c1;
	gc->text = text;
	gc->align = align;
	gc->memo = xreallocarray(NULL, MEMO_W, sizeof *gc->memo);
	for (i = 0; i < MEMO_W; i++)
		gc->memo[i] = -1;
}

/* Inner width of columns [c0, c1) taken together. */
static int
span_width(const struct grid *g, int c0, int c1)
{
	int	w = 0, c;

	for (c = c0; c < c1; c++)
		w += g->w[c] + (c > c0 ? g->bw : 0);
	return (w);
}

/* Lines of a cell's text wrapped to width w; *starts if not NULL. */
static size_t
cell_wrap(const struct grid *g, const struct gcell *gc, int w, size_t **st)
{
	size_t	*v, n;

	n = text_wrap(gc->text, strlen(gc->text), w, 0, &v, g->o);
	if (st != NULL)
		*st = v;
	else
		free(v);
	return (n);
}

static int
cell_lines(const struct grid *g, struct gcell *gc)
{
	int	w = span_width(g, gc->c0, gc->c1);

	if (gc->text[0] == '\0')
		return (1);
	if (w >= MEMO_W)
		return ((int)cell_wrap(g, gc, w, NULL));
	if (gc->memo[w] < 0)
		gc->memo[w] = (int)cell_wrap(g, gc, w, NULL);
	return (gc->memo[w]);
}

/* Orders the cells by the number of rows they span (stable). */
static void
sort_by_span(struct grid *g)
{
	size_t	i, j, t;

	g->order = xreallocarray(NULL, g->ncells, sizeof *g->order);
	for (i = 0; i < g->ncells; i++) {
		const struct gcell *c = &g->cells[i];
		for (j = i; j > 0; j--) {
			const struct gcell *p = &g->cells[g->order[j - 1]];
			if (p->r1 - p->r0 <= c->r1 - c->r0)
				break;
		}
		for (t = i; t > j; t--)
			g->order[t] = g->order[t - 1];
		g->order[j] = i;
	}
}

/*
 * Row heights for the current widths: each row is as tall as its tallest
 * one-row cell; a cell spanning rows that lack room for it makes its last
 * row taller.  Returns the total of the heights.
 */
static int
grid_heights(struct grid *g)
{
	int	r, sum = 0;
	size_t	k;

	for (r = 0; r < g->nrow; r++)
		g->hgt[r] = 1;
	for (k = 0; k < g->ncells; k++) {
		struct gcell *gc = &g->cells[g->order[k]];
		int need = cell_lines(g, gc), have = gc->r1 - gc->r0 - 1;
		for (r = gc->r0; r < gc->r1; r++)
			have += g->hgt[r];
		if (need > have)
			g->hgt[gc->r1 - 1] += need - have;
	}
	for (r = 0; r < g->nrow; r++)
		sum += g->hgt[r];
	return (sum);
}

/* Widens columns [c0, c1) by d each. */
static void
widen(struct grid *g, int c0, int c1, int d)
{
	int	c;

	for (c = c0; c < c1; c++)
		g->w[c] += d;
}

/*
 * Gives one 汉字 (2 columns) per round to every column narrower than its
 * desire, while the slack lasts.  Returns what is left of it.
 */
static int
widen_to_desire(struct grid *g, int slack, int step)
{
	bool	more = true;
	int	c;

	while (more) {
		more = false;
		for (c = 0; c < g->ncol; c++)
			if (g->w[c] < g->desire[c] && slack >= step) {
				g->w[c] += step;
				slack -= step;
				more = true;
			}
	}
	return (slack);
}

/*
 * Column widths within LAYOUT_COLS.  From the minimum (see grid_build),
 * repeatedly widen by one 汉字 the single column, or all value columns
 * together, that saves the most lines per column spent.  When nothing
 * saves a line, widen the columns whose texts still wrap, evenly; the rest
 * goes to the last label column (a table without labels stays narrower).
 */
static void
grid_widths(struct grid *g)
{
	int	avail = LAYOUT_COLS - (g->ncol + 1) * g->bw, slack, c, cur;
	int	step = 2, nval = g->ncol - g->nlab;

	slack = avail;
	for (c = 0; c < g->ncol; c++)
		slack -= g->w[c];
	cur = grid_heights(g);
	while (slack >= step) {
		int best_gain = 0, best_cost = 1, best = -2, h;
		for (c = -1; c < g->ncol; c++) {
			int c0 = c < 0 ? g->nlab : c, c1 = c < 0 ? g->ncol : c + 1;
			int cost = (c1 - c0) * step;
			if (cost > slack || (c < 0 && nval < 2))
				continue;
			widen(g, c0, c1, step);
			h = grid_heights(g);
			widen(g, c0, c1, -step);
			if ((cur - h) * best_cost > best_gain * cost) {
				best_gain = cur - h;
				best_cost = cost;
				best = c;
			}
		}
		if (best == -2)
			break;
		widen(g, best < 0 ? g->nlab : best, best < 0 ? g->ncol :
		    best + 1, step);
		slack -= best_cost;
		cur -= best_gain;
	}
	if (slack > 0)
		slack = widen_to_desire(g, slack, step);
	if (g->nlab > 0 && slack > 0)
		g->w[g->nlab - 1] += slack - slack % g->bw;
	grid_heights(g);
}

/* Width rounded up to a multiple of the box width. */
static int
round_bw(const struct grid *g, int w)
{
	return ((w + g->bw - 1) / g->bw * g->bw);
}

/* The value cells of a block, formatted. */
static void
grid_values(struct grid *g, const struct report *r,
    const struct tpl_block *blk)
{
	char	buf[NUM_FMT_MAX];
	size_t	row, col;

	g->nvals = blk->nrows * blk->ncols;
	g->vals = xcalloc(g->nvals, sizeof *g->vals);
	for (row = 0; row < blk->nrows; row++)
		for (col = 0; col < blk->ncols; col++) {
			int cell = blk->first_cell + (int)(row * blk->ncols +
			    col), c = g->nlab + (int)col;
			char *v = xstrdup(report_format_value(r, cell,
			    report_value(r, cell), buf));
			g->vals[row * blk->ncols + col] = v;
			grid_cell(g, g->first_body + (int)row, g->first_body +
			    (int)row + 1, c, c + 1, v, 0);
		}
}

/* The widest line of text wrapped as narrowly as text_wrap allows: a run
 * it keeps together, such as （三） or 三、. */
static int
narrowest(const struct grid *g, const char *text)
{
	size_t	*st, n, i, len = strlen(text);
	int	 w = 0, lw;

	n = text_wrap(text, len, 1, 0, &st, g->o);
	for (i = 0; i < n; i++) {
		size_t e = st[i + 1];
		while (e > st[i] && text[e - 1] == ' ')
			e--;
		lw = text_width(text + st[i], e - st[i], g->o);
		if (lw > w)
			w = lw;
	}
	free(st);
	return (w);
}

/*
 * Minimum widths, so that no text has to stick out of its cell (the last
 * column of a span takes what a spanning cell needs more), and desired
 * widths of the one-column cells.
 */
static void
grid_mins(struct grid *g)
{
	size_t	k;
	int	m;

	for (k = 0; k < g->ncells; k++) {
		const struct gcell *gc = &g->cells[k];
		int tw = text_width(gc->text, strlen(gc->text), g->o);
		/* Values never wrap; labels down to what text_wrap keeps
		 * together. */
		m = round_bw(g, gc->r0 >= g->first_body && gc->c0 >= g->nlab ?
		    tw : narrowest(g, gc->text)) - span_width(g, gc->c0, gc->c1);
		if (m > 0)
			g->w[gc->c1 - 1] += m;
		if (gc->c1 - gc->c0 == 1 && tw > g->desire[gc->c0])
			g->desire[gc->c0] = round_bw(g, tw);
	}
}

/* The cells of a block: title, corner, headers, row labels, values. */
static void
grid_build(struct grid *g, const struct report *r,
    const struct tpl_block *blk, enum lang lang)
{
	int	h0 = tpl_label(&blk->title, lang)[0] != '\0' ? 1 : 0, c;
	size_t	i;

	g->nlab = blk->row_depth;
	g->ncol = g->nlab + (int)blk->ncols;
	g->first_body = h0 + blk->col_depth;
	g->nrow = g->first_body + (int)blk->nrows;
	g->w = xcalloc((size_t)g->ncol, sizeof *g->w);
	g->desire = xcalloc((size_t)g->ncol, sizeof *g->desire);
	g->hgt = xcalloc((size_t)g->nrow, sizeof *g->hgt);
	for (c = 0; c < g->ncol; c++)
		g->w[c] = 2;
	if (h0)
		grid_cell(g, 0, 1, 0, g->ncol, tpl_label(&blk->title, lang), 0);
	if (g->nlab > 0 && blk->col_depth > 0)
		grid_cell(g, h0, g->first_body, 0, g->nlab,
		    tpl_label(&blk->corner, lang), 0);
	for (i = 0; i < blk->ncolnodes; i++) {
		const struct tpl_node *nd = &blk->colnodes[i];
		grid_cell(g, h0 + nd->depth, nd->leaf >= 0 ? g->first_body :
		    h0 + nd->depth + 1, g->nlab + nd->first_leaf,
		    g->nlab + nd->first_leaf + nd->nleaves,
		    tpl_label(&nd->label, lang), 0);
	}
	for (i = 0; g->nlab > 0 && i < blk->nrownodes; i++) {
		const struct tpl_node *nd = &blk->rownodes[i];
		grid_cell(g, g->first_body + nd->first_leaf, g->first_body +
		    nd->first_leaf + nd->nleaves, nd->depth, nd->leaf >= 0 ?
		    g->nlab : nd->depth + 1, tpl_label(&nd->label, lang), -1);
	}
	grid_values(g, r, blk);
	grid_mins(g);
	sort_by_span(g);
}

static void
grid_done(struct grid *g)
{
	size_t	i;

	for (i = 0; i < g->ncells; i++)
		free(g->cells[i].memo);
	for (i = 0; i < g->nvals; i++)
		free(g->vals[i]);
	free(g->cells);
	free(g->order);
	free(g->vals);
	free(g->w);
	free(g->desire);
	free(g->hgt);
}

/* Total width of a grid, borders included. */
static int
grid_total(const struct grid *g)
{
	return (span_width(g, 0, g->ncol) + 2 * g->bw);
}

/* Draws a grid on the canvas with its top border on line top. */
static void
grid_draw(const struct grid *g, struct canvas *cv, int top, bool first)
{
	int	*xs = xcalloc((size_t)g->ncol + 1, sizeof *xs);
	int	*ys = xcalloc((size_t)g->nrow + 1, sizeof *ys);
	int	 c, r;
	size_t	 k, i, *st;

	for (c = 0; c < g->ncol; c++)
		xs[c + 1] = xs[c] + g->bw + g->w[c];
	ys[0] = top;
	for (r = 0; r < g->nrow; r++)
		ys[r + 1] = ys[r] + g->hgt[r] + 1;
	/* Breaks: between blocks, and after the first value row. */
	if (!first)
		cv->brk[top] = true;
	for (r = g->first_body + 1; r < g->nrow; r++)
		cv->brk[ys[r]] = true;
	for (k = 0; k < g->ncells; k++) {
		const struct gcell *gc = &g->cells[k];
		int x0 = xs[gc->c0], x1 = xs[gc->c1], y0 = ys[gc->r0];
		int w = x1 - x0 - g->bw, avail = ys[gc->r1] - y0 - 1;
		size_t n = cell_wrap(g, gc, w, &st);
		int y = y0 + 1 + (avail - (int)n) / 2;
		/* A row label taller than half a page starts at its top, so
		 * that it is seen where its rows begin. */
		if (gc->align < 0 && avail > LAYOUT_LINES / 2)
			y = y0 + 1;
		canvas_rect(cv, x0, y0, x1, ys[gc->r1]);
		for (i = 0; i < n && gc->text[0] != '\0'; i++) {
			const char *p = gc->text + st[i];
			size_t pl = st[i + 1] - st[i];
			int lw;
			while (pl > 0 && p[pl - 1] == ' ')
				pl--;
			lw = text_width(p, pl, g->o);
			if (lw > w)	/* only if text_wrap had to overrun */
				pl = text_fit(p, pl, w, &lw, g->o);
			canvas_text(cv, x0 + g->bw + (gc->align == 0 && lw < w ?
			    (w - lw) / 2 : 0), y + (int)i, xstrndup(p, pl), lw);
		}
		free(st);
	}
	/* A page break drops its line: not where a spanning label has text. */
	for (r = 1; r <= g->nrow; r++)
		for (c = 0; c < cv->w && cv->brk[ys[r]]; c++)
			if (cv->tx[ys[r] * cv->w + c] != NULL)
				cv->brk[ys[r]] = false;
	free(xs);
	free(ys);
}

char *
ltable_rejoin(const struct canvas *c, int y)
{
	uint8_t	*fl = xcalloc((size_t)c->w, 1);
	char	*s;
	int	 x, last = c->w - c->bw;

	for (x = 0; x <= last; x += c->bw)
		fl[x] = (c->fl[c->hdr * c->w + x] & BX_U) |
		    (c->fl[y * c->w + x] & BX_D) | (x > 0 ? BX_L : 0) |
		    (x < last ? BX_R : 0);
	s = ltable_line(c, y, fl);
	free(fl);
	return (s);
}

/* The border line under a drawn block's header rows (its top at 0). */
static int
header_bottom(const struct grid *g)
{
	int	r, y = 0;

	for (r = 0; r < g->first_body; r++)
		y += g->hgt[r] + 1;
	return (y);
}

void
ltable_build(struct canvas *cv, const struct report *r, int ti,
    enum lang lang, const struct text_opts *o)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_table	*tb = &t->tables[ti];
	struct grid		*g = xcalloc((size_t)tb->nblocks, sizeof *g);
	int			 bw = text_width("─", strlen("─"), o);
	int			 k, w = 0, h = 1, top = 0;

	for (k = 0; k < tb->nblocks; k++) {
		g[k].bw = bw < 1 ? 1 : bw;
		g[k].o = o;
		grid_build(&g[k], r, &t->blocks[tb->first_block + k], lang);
		grid_widths(&g[k]);
		if (grid_total(&g[k]) > w)
			w = grid_total(&g[k]);
	}
	for (k = 0; k < tb->nblocks; k++) {
		g[k].w[g[k].ncol - 1] += w - grid_total(&g[k]);
		h += grid_heights(&g[k]) + g[k].nrow;
	}
	canvas_init(cv, w, h, g[0].bw);
	for (k = 0; k < tb->nblocks; k++)
		cv->nrows += g[k].nrow;
	cv->rowy = xcalloc((size_t)cv->nrows + 1, sizeof *cv->rowy);
	cv->nrows = 0;
	for (k = 0; k < tb->nblocks; k++) {
		int r, y = top;
		for (r = 0; r < g[k].nrow; r++) {
			cv->rowy[cv->nrows++] = y;
			y += g[k].hgt[r] + 1;
		}
		cv->rowy[cv->nrows] = y;
		grid_draw(&g[k], cv, top, k == 0);
		top += grid_heights(&g[k]) + g[k].nrow;
		/* The header rows repeat as in the .docx: one block, no
		 * title row (docx_table.c). */
		if (tb->nblocks == 1 && t->blocks[tb->first_block].title.s[0] ==
		    NULL)
			cv->hdr = header_bottom(&g[k]);
		grid_done(&g[k]);
	}
	free(g);
}

