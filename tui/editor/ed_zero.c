/*
 * Zero fill (see ed_zero.h).  State: the level of the last press, the
 * cell it was made on and the report's generation right after it; the
 * next press widens only when all three still hold, so any edit or move
 * in between starts again from the row.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ed_cell.h"
#include "ed_form.h"
#include "ed_msg.h"
#include "ed_zero.h"
#include "sbuf.h"
#include "undo.h"
#include "xmalloc.h"
#include "zerofill.h"

struct ed_zero {
	int		 level;		/* -1: no press to widen */
	int		 cell;
	unsigned long	 gen;
};

static const enum zerofill_scope scopes[] = { ZF_ROW, ZF_TABLE, ZF_REPORT };
static const char *const scope_msg[] = { "ed.z_row", "ed.z_table",
    "ed.z_report" };
#define NLEVELS	3

void
ed_zero_init(struct tui_app *a)
{
	a->zero = xcalloc(1, sizeof *a->zero);
	a->zero->level = -1;
}

void
ed_zero_done(struct tui_app *a)
{
	free(a->zero);
	a->zero = NULL;
}

/* Fills cells[0..n) as one undo step. */
static void
fill(struct tui_app *a, const int *cells, size_t n)
{
	struct report_value	*before, *after;

	after = xcalloc(n, sizeof *after);
	for (size_t i = 0; i < n; i++)
		after[i].state = RV_SET;
	undo_seal(a->undo);
	zerofill_apply(a->rep, cells, n, &before);
	undo_push_cells(a->undo, cells, n, before, after);
	free(before);
	free(after);
}

/* The blank cells of level from `level` up: the first level that has
 * any (its cells in *cells, its level in *level); 0 when none has. */
static size_t
first_level(const struct tui_app *a, int cell, int *level, int **cells)
{
	size_t	n;

	for (; *level < NLEVELS; (*level)++) {
		n = zerofill_blanks(a->rep, scopes[*level], cell, a->sec,
		    cells);
		if (n > 0)
			return (n);
	}
	return (0);
}

/* Says what was filled and what the next press would fill. */
static unsigned
say(struct tui_app *a, int level, size_t n, int cell)
{
	char	 nb[24], mb[24], *what, *next;
	int	*more, l = level + 1;
	size_t	 m = l < NLEVELS ? first_level(a, cell, &l, &more) : 0;
	unsigned d;

	snprintf(nb, sizeof nb, "%zu", n);
	what = ed_msg_tr(a, scope_msg[level]);
	if (m == 0) {
		d = ed_msg_set(a, ST_MSG_INFO, "ed.z_done", 2, what, nb);
		free(what);
		return (d);
	}
	free(more);
	snprintf(mb, sizeof mb, "%zu", m);
	next = ed_msg_tr(a, scope_msg[l]);
	d = ed_msg_set(a, ST_MSG_INFO, "ed.z_done_more", 4, what, nb, next,
	    mb);
	free(what);
	free(next);
	return (d);
}

static unsigned
zero(struct tui_app *a, int key)
{
	struct ed_zero	*z = a->zero;
	int		 cell = ed_form_cur(a), level = 0, *cells;
	unsigned	 d;
	size_t		 n;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (cell < 0)
		return (ed_msg_set(a, ST_MSG_INFO, "ed.z_not_table", 0));
	d = ed_cell_commit(a);
	if (ed_cell_active(a))
		return (d);
	if (z->level >= 0 && z->cell == cell &&
	    z->gen == report_generation(a->rep))
		level = z->level + 1 < NLEVELS ? z->level + 1 : NLEVELS - 1;
	if ((n = first_level(a, cell, &level, &cells)) == 0) {
		z->level = -1;
		return (d | ed_msg_set(a, ST_MSG_INFO, "ed.z_none", 0));
	}
	fill(a, cells, n);
	free(cells);
	z->level = level;
	z->cell = cell;
	z->gen = report_generation(a->rep);
	return (d | say(a, level, n, cell) | TUI_DIRTY_MODEL | TUI_DIRTY_PANE);
}

/* How many blank cells of scope level around cell (0 for none). */
static size_t
count(const struct tui_app *a, int level, int cell)
{
	int	*cells;
	size_t	 n = zerofill_blanks(a->rep, scopes[level], cell, a->sec,
		    &cells);

	free(cells);
	return (n);
}

char *
ed_zero_preview(const struct tui_app *a)
{
	int		 cell = ed_form_cur(a), l;
	size_t		 n[NLEVELS];
	struct sbuf	 b;
	char		 nb[24], *what, *s;

	if (a->rep == NULL || cell < 0 || (n[0] = count(a, 0, cell)) == 0)
		return (NULL);
	sbuf_init(&b);
	for (l = 0; l < NLEVELS; l++) {
		if (l > 0 && (n[l] = count(a, l, cell)) == n[l - 1])
			continue;	/* a press with nothing more */
		snprintf(nb, sizeof nb, "%zu", l > 0 ? n[l] - n[l - 1] : n[0]);
		what = ed_msg_tr(a, scope_msg[l]);
		s = i18n_fmt(a->i18n, l == 0 ? "ed.z_preview" :
		    "ed.z_preview_more", 2, (const char *[]){ what, nb });
		sbuf_adds(&b, s);
		free(s);
		free(what);
	}
	return (sbuf_take(&b));
}

/* The bar shows it on a table. */
static int
shown(const struct tui_app *a)
{
	return (ed_form_cur(a) >= 0 && a->pane == NULL);
}

const struct ed_action ed_zero_fill = {
	.fn = zero, .bar = "ed.k.zero", .help = "ed.h.zero", .shown = shown,
	.flags = ED_ACT_EDITS
};
