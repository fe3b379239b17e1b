/*
 * Table paste (see ed_grid.h).  The paste is split into rows (lines) and
 * values (tabs when the line has one, else runs of spaces, U+3000
 * included); value (i, j) goes to row r + i, column c + j of the current
 * cell's block.  The values are stored between report_freeze and
 * report_thaw, and on the first refusal every cell already stored gets
 * its value back, so nothing changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_cell.h"
#include "ed_form.h"
#include "ed_grid.h"
#include "ed_msg.h"
#include "sbuf.h"
#include "undo.h"
#include "vec.h"
#include "xmalloc.h"

struct gval {
	char	*s;
	int	 row, col;	/* from 0, in the paste */
};

struct grid {
	struct gval	*v;
	size_t		 n, cap;
};

/* Whether s[i] starts a separator of a space-separated line. */
static size_t
space_at(const char *s, size_t i, size_t end)
{
	if (s[i] == ' ')
		return (1);
	if (end - i >= 3 && memcmp(s + i, "\xe3\x80\x80", 3) == 0)
		return (3);
	return (0);
}

/* Splits line [p, e) into values of row `row`. */
static void
split_line(struct grid *g, const char *s, size_t p, size_t e, int row)
{
	bool	tabs = memchr(s + p, '\t', e - p) != NULL;
	size_t	i = p, st, k;
	int	col = 0;

	while (i < e) {
		if (!tabs)
			while (i < e && (k = space_at(s, i, e)) > 0)
				i += k;
		if (i >= e)
			break;
		st = i;
		while (i < e && s[i] != '\t' && (tabs || space_at(s, i, e) == 0))
			i++;
		*VEC_PUSH(g->v, g->n, g->cap) = (struct gval){
		    xstrndup(s + st, i - st), row, col++ };
		if (tabs && i < e)
			i++;	/* the tab; an empty value between two is "" */
	}
}

static void
split(struct grid *g, const char *s, size_t len)
{
	size_t	p = 0, e;
	int	row = 0;

	while (p < len) {
		e = p;
		while (e < len && s[e] != '\n' && s[e] != '\r')
			e++;
		if (e > p)
			split_line(g, s, p, e, row++);
		if (e + 1 < len && s[e] == '\r' && s[e + 1] == '\n')
			e++;
		p = e + 1;
	}
}

static void
grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i].s);
	free(g->v);
}

/* The cell value v goes to, or -1 when the block has none there. */
static int
target(const struct tui_app *a, int cur, const struct gval *v)
{
	const struct tpl	*t = report_tpl(a->rep);
	const struct tpl_cell	*c = &t->cells[cur];
	const struct tpl_block	*b = &t->blocks[c->block];
	int			 r = c->row + v->row, k = c->col + v->col;

	if (r >= (int)b->nrows || k >= (int)b->ncols)
		return (-1);
	return (b->first_cell + r * (int)b->ncols + k);
}

/* Refuses value i: what it is and why; the cursor goes to its cell. */
static unsigned
refuse(struct tui_app *a, const struct gval *v, int cell, const struct err *e)
{
	char	 rb[16], cb[16], *why;
	unsigned d = 0;

	snprintf(rb, sizeof rb, "%d", v->row + 1);
	snprintf(cb, sizeof cb, "%d", v->col + 1);
	if (cell >= 0)
		d = ed_form_goto(a, cell);
	why = e != NULL ? i18n_err(a->i18n, e) : ed_msg_tr(a, "ed.g_no_cell");
	d |= ed_msg_set(a, ST_MSG_ERROR, "ed.g_bad", 4, v->s, rb, cb, why);
	free(why);
	return (d);
}

/* Stores every value; on a refusal puts back what was stored. */
static unsigned
store(struct tui_app *a, struct grid *g, int cur)
{
	int			*cells = xcalloc(g->n, sizeof *cells);
	struct report_value	*bef = xcalloc(g->n, sizeof *bef);
	struct report_value	*aft = xcalloc(g->n, sizeof *aft);
	const struct tpl	*t = report_tpl(a->rep);
	struct err		 e = { 0 };
	size_t			 i, k = 0;
	unsigned		 d = 0;
	int			 c;

	report_freeze(a->rep);
	for (i = 0; i < g->n; i++) {
		if ((c = target(a, cur, &g->v[i])) >= 0 &&
		    tpl_cell_computed(t, c))
			continue;
		if (c < 0 || !report_set_input(a->rep, c, g->v[i].s, &bef[k],
		    &e))
			break;
		cells[k] = c;
		aft[k++] = report_value(a->rep, c);
	}
	if (i < g->n)
		while (k > 0) {
			k--;
			report_set_value(a->rep, cells[k], bef[k], NULL);
		}
	report_thaw(a->rep);
	if (i < g->n)
		d = refuse(a, &g->v[i], c, err_isset(&e) ? &e : NULL);
	else {
		char nb[24];

		undo_seal(a->undo);
		undo_push_cells(a->undo, cells, k, bef, aft);
		snprintf(nb, sizeof nb, "%zu", k);
		d = ed_msg_set(a, ST_MSG_INFO, "ed.g_pasted", 1, nb);
	}
	err_clear(&e);
	free(cells);
	free(bef);
	free(aft);
	return (d | TUI_DIRTY_MODEL | TUI_DIRTY_PANE);
}

unsigned
ed_grid_paste(struct tui_app *a, const char *s, size_t len)
{
	struct grid	g = { 0 };
	int		cur = ed_form_cur(a);
	unsigned	d;

	if (cur < 0)
		return (TUI_PASS);
	split(&g, s, len);
	if (g.n < 2) {
		grid_free(&g);
		return (TUI_PASS);
	}
	d = ed_cell_commit(a);
	if (ed_cell_active(a)) {
		grid_free(&g);
		return (d);
	}
	d |= store(a, &g, cur);
	grid_free(&g);
	return (d);
}

char *
ed_grid_copy(const struct tui_app *a, size_t *n)
{
	const struct tpl	*t = report_tpl(a->rep);
	int			 cur = ed_form_cur(a), first, k;
	const struct tpl_block	*b;
	struct sbuf		 sb;
	char			 buf[NUM_FMT_MAX];

	*n = 0;
	if (cur < 0)
		return (NULL);
	b = &t->blocks[t->cells[cur].block];
	first = b->first_cell + t->cells[cur].row * (int)b->ncols;
	sbuf_init(&sb);
	for (k = 0; k < (int)b->ncols; k++) {
		if (k > 0)
			sbuf_adds(&sb, "\t");
		report_format_value(a->rep, first + k, report_value(a->rep,
		    first + k), buf);
		sbuf_adds(&sb, buf);
		(*n)++;
	}
	sbuf_adds(&sb, "\n");
	return (sbuf_take(&sb));
}
