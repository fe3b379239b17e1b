/*
 * The history: rec[0..n) with pos the number of records that are
 * "done".  Invariants: 0 <= pos <= n <= cap; only rec[pos-1] may be open
 * for coalescing, and only when open is set.  Text records own both
 * strings, fill records their ledger_fill.
 */
#include <stdlib.h>
#include <string.h>

#include "undo.h"
#include "xmalloc.h"

struct undo_rec {
	enum undo_kind		 kind;
	int			 where;		/* cell or section */
	struct report_value	 vbefore, vafter;
	char			*tbefore, *tafter;
	/* A record of many cells: where is the first; all of them here. */
	int			*cells;
	struct report_value	*vbs, *vas;
	size_t			 ncells;
	bool			 joined;	/* one step with the one before */
	struct ledger_fill	*fill;
};

struct undo {
	struct undo_rec	*rec;
	size_t		 n, pos, cap;
	bool		 open;
};

struct undo *
undo_new(void)
{
	return (xcalloc(1, sizeof(struct undo)));
}

static void
rec_done(struct undo_rec *r)
{
	free(r->tbefore);
	free(r->tafter);
	free(r->cells);
	free(r->vbs);
	free(r->vas);
	ledger_fill_free(r->fill);
}

void
undo_free(struct undo *u)
{
	size_t	i;

	if (u == NULL)
		return;
	for (i = 0; i < u->n; i++)
		rec_done(&u->rec[i]);
	free(u->rec);
	free(u);
}

/* Drops the redo part and makes room for one record at pos. */
static struct undo_rec *
push(struct undo *u)
{
	while (u->n > u->pos)
		rec_done(&u->rec[--u->n]);
	if (u->n == UNDO_MAX) {
		rec_done(&u->rec[0]);
		memmove(&u->rec[0], &u->rec[1], (u->n - 1) * sizeof *u->rec);
		u->n--;
		u->pos--;
	}
	if (u->n == u->cap) {
		u->cap = u->cap == 0 ? 64 : u->cap * 2;
		u->rec = xreallocarray(u->rec, u->cap, sizeof *u->rec);
	}
	memset(&u->rec[u->n], 0, sizeof u->rec[u->n]);
	u->pos = ++u->n;
	return (&u->rec[u->n - 1]);
}

void
undo_push_cell(struct undo *u, int cell, struct report_value before,
    struct report_value after)
{
	struct undo_rec	*r = push(u);

	r->kind = UNDO_CELL;
	r->where = cell;
	r->vbefore = before;
	r->vafter = after;
	u->open = false;
}

void
undo_push_cells(struct undo *u, const int *cells, size_t n,
    const struct report_value *before, const struct report_value *after)
{
	struct undo_rec	*r;

	if (n == 0)
		return;
	r = push(u);
	r->kind = UNDO_CELL;
	r->where = cells[0];
	r->ncells = n;
	r->cells = xreallocarray(NULL, n, sizeof *r->cells);
	r->vbs = xreallocarray(NULL, n, sizeof *r->vbs);
	r->vas = xreallocarray(NULL, n, sizeof *r->vas);
	memcpy(r->cells, cells, n * sizeof *r->cells);
	memcpy(r->vbs, before, n * sizeof *r->vbs);
	memcpy(r->vas, after, n * sizeof *r->vas);
	u->open = false;
}

void
undo_push_fill(struct undo *u, struct ledger_fill *f)
{
	struct undo_rec	*r = push(u);

	r->kind = UNDO_FILL;
	r->fill = f;
	u->open = false;
}

void
undo_push_text(struct undo *u, int sec, const char *before,
    const char *after, bool coalesce)
{
	struct undo_rec	*r;

	if (coalesce && u->open && u->pos == u->n && u->pos > 0) {
		r = &u->rec[u->pos - 1];
		if (r->kind == UNDO_TEXT && r->where == sec) {
			free(r->tafter);
			r->tafter = xstrdup(after);
			return;
		}
	}
	r = push(u);
	r->kind = UNDO_TEXT;
	r->where = sec;
	r->tbefore = xstrdup(before);
	r->tafter = xstrdup(after);
	u->open = coalesce;
}

void
undo_seal(struct undo *u)
{
	u->open = false;
}

bool
undo_can_undo(const struct undo *u)
{
	return (u->pos > 0);
}

bool
undo_can_redo(const struct undo *u)
{
	return (u->pos < u->n);
}

/* Byte offset in `to` just after where it differs from `from`: the
 * caret position that shows the change. */
static size_t
changed_end(const char *from, const char *to)
{
	size_t	lf = strlen(from), lt = strlen(to), pre = 0, suf = 0;

	while (pre < lf && pre < lt && from[pre] == to[pre])
		pre++;
	while (suf < lf - pre && suf < lt - pre &&
	    from[lf - 1 - suf] == to[lt - 1 - suf])
		suf++;
	return (lt - suf);
}

static void
apply(const struct undo_rec *r, struct report *rep, bool forward,
    struct undo_where *w)
{
	const char		*from, *to;
	struct report_value	 vb, va;

	w->kind = r->kind;
	w->cell = w->sec = -1;
	w->caret = 0;
	if (r->kind == UNDO_FILL) {
		if (forward)
			ledger_fill_redo(r->fill, rep);
		else
			ledger_fill_undo(r->fill, rep);
		if (ledger_fill_nchanges(r->fill) > 0)
			ledger_fill_change(r->fill, 0, &w->cell, &vb, &va);
		return;
	}
	if (r->kind == UNDO_CELL && r->ncells > 0) {
		report_freeze(rep);
		for (size_t i = 0; i < r->ncells; i++)
			report_set_value(rep, r->cells[i], forward ?
			    r->vas[i] : r->vbs[i], NULL);
		report_thaw(rep);
		w->cell = r->where;
		return;
	}
	if (r->kind == UNDO_CELL) {
		report_set_value(rep, r->where, forward ? r->vafter :
		    r->vbefore, NULL);
		w->cell = r->where;
		return;
	}
	from = forward ? r->tbefore : r->tafter;
	to = forward ? r->tafter : r->tbefore;
	report_set_text(rep, r->where, to, NULL);
	w->sec = r->where;
	w->caret = changed_end(from, to);
}

void
undo_join(struct undo *u)
{
	if (u->pos > 1 && u->pos == u->n)
		u->rec[u->pos - 1].joined = true;
	u->open = false;
}

bool
undo_undo(struct undo *u, struct report *rep, struct undo_where *w)
{
	if (u->pos == 0)
		return (false);
	u->open = false;
	do
		apply(&u->rec[--u->pos], rep, false, w);
	while (u->pos > 0 && u->rec[u->pos].joined);
	return (true);
}

bool
undo_redo(struct undo *u, struct report *rep, struct undo_where *w)
{
	if (u->pos == u->n)
		return (false);
	u->open = false;
	do
		apply(&u->rec[u->pos++], rep, true, w);
	while (u->pos < u->n && u->rec[u->pos].joined);
	return (true);
}
