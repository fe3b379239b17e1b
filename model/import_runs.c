/*
 * Splitting runs of digits by the table's arithmetic; see import_runs.h.
 *
 * Each run is first normalised (struct line: ASCII digits and ". , -",
 * single spaces as sure boundaries).  enumerate() walks every way to cut
 * it into the row's values, depth first, and keeps the cuts that satisfy
 * the equations within the row as candidates (vals[c * n + col], the
 * values scaled as struct num keeps them; cut[] the value's span in the
 * normalised run).  Equations linking rows join the rows into components
 * (a union-find); search() then looks, for every candidate of every row
 * of a component, for a choice of the other rows' candidates that makes
 * every equation hold, pruning with the least and greatest value each
 * unassigned cell can still take.  A solution found marks every
 * candidate it uses feasible, so most candidates are settled without a
 * search of their own.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_runcut.h"
#include "import_runs.h"
#include "num.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"

#define MAX_PIECE	24	/* characters of one value: 10^12, grouped */

enum feas { F_UNKNOWN, F_NO, F_YES, F_OPEN };

struct term {
	int	row, col, coef;
};

struct eq {
	struct term	*t;
	size_t		 n;
	bool		 local;		/* every term in one row */
	bool		 dead;		/* names a row with too many splits */
};

struct line {
	char		 *s;		/* normalised run */
	size_t		  len;
	int		  n;		/* values */
	enum num_kind	 *kind;
	int		 *dp;
	int		 *spaces;	/* [pos]: boundaries at or after pos */
	unsigned char	 *reach;	/* [pos * (n + 1) + col]: the run from
					   pos splits into columns col.. */
	/* Candidates that pass the row's own equations. */
	int64_t		 *vals;
	uint16_t	 *cut;		/* [c * 2n]: start, end of each value */
	size_t		  ncand, cap;
	/* Splits whatever the arithmetic, the first few kept. */
	size_t		  nstruct;
	uint16_t	 *scut;		/* [k * 2n], k < IMPORT_RUNS_SHOWN */
	bool		  toomany;
	size_t		  steps;
	/* Search. */
	int		  comp;
	unsigned char	 *feas;		/* per candidate: enum feas */
	int		  at;		/* the candidate chosen, or -1 */
	int64_t		 *lo, *hi;	/* per column, over the candidates */
	int		 *eqs;		/* equations across rows naming it */
	size_t		  neqs, eqcap;
};

struct solver {
	const struct tpl	*t;
	struct import_runs_row	*rows;
	struct line		*l;
	size_t			 n;
	struct eq		*eqs;
	size_t			 neqs, eqcap;
	size_t			 steps;
	bool			 aborted;
	int			 fixed, fixed_cand;	/* search(): held */
};

/* ---- one row's splits ---- */

struct walk {
	struct solver	*sv;
	int		 r;
	uint16_t	*cut;		/* the split being built */
	int64_t		*val;
};

static bool
local_ok(const struct solver *sv, int r, const int64_t *val)
{
	__int128	sum;
	size_t		e, k;

	for (e = 0; e < sv->neqs; e++) {
		if (!sv->eqs[e].local || sv->eqs[e].t[0].row != r)
			continue;
		for (sum = 0, k = 0; k < sv->eqs[e].n; k++)
			sum += (__int128)sv->eqs[e].t[k].coef *
			    val[sv->eqs[e].t[k].col];
		if (sum != 0)
			return (false);
	}
	return (true);
}

/* A complete split: counted, kept if the row's equations hold. */
static void
leaf(struct walk *w)
{
	struct line	*l = &w->sv->l[w->r];
	size_t		 n = (size_t)l->n;

	if (l->nstruct < IMPORT_RUNS_SHOWN)
		memcpy(l->scut + l->nstruct * 2 * n, w->cut,
		    2 * n * sizeof *w->cut);
	l->nstruct++;
	if (!local_ok(w->sv, w->r, w->val))
		return;
	if (l->ncand == IMPORT_RUNS_MAX_CANDS) {
		l->toomany = true;
		return;
	}
	if (l->ncand == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->vals = xreallocarray(l->vals, l->cap * n, sizeof *l->vals);
		l->cut = xreallocarray(l->cut, l->cap * 2 * n, sizeof *l->cut);
	}
	memcpy(l->vals + l->ncand * n, w->val, n * sizeof *w->val);
	memcpy(l->cut + l->ncand * 2 * n, w->cut, 2 * n * sizeof *w->cut);
	l->ncand++;
}

/* Where the run can still be split, whatever the arithmetic: reach[],
 * filled from the end. */
static void
reachable(struct line *l)
{
	size_t	n1 = (size_t)l->n + 1, pos, end, next;
	int	col;
	int64_t	v;

	l->reach = xcalloc((l->len + 1) * n1, 1);
	l->reach[l->len * n1 + (size_t)l->n] = 1;
	for (col = l->n - 1; col >= 0; col--)
		for (pos = l->len; pos-- > 0; ) {
			for (end = pos + 1; end <= l->len &&
			    end - pos <= MAX_PIECE; end++) {
				if (l->s[end - 1] == ' ')
					break;
				next = end < l->len && l->s[end] == ' ' ?
				    end + 1 : end;
				if (l->reach[next * n1 + (size_t)col + 1] &&
				    import_runcut_value(l->s, pos, end, l->kind[col],
				    l->dp[col], &v)) {
					l->reach[pos * n1 + (size_t)col] = 1;
					break;
				}
			}
		}
}

static void
enumerate(struct walk *w, size_t pos, int col)
{
	struct line	*l = &w->sv->l[w->r];
	size_t		 end, next;

	if (l->toomany || ++l->steps > IMPORT_RUNS_ROW_STEPS) {
		l->toomany = true;
		return;
	}
	if (col == l->n) {
		if (pos == l->len)
			leaf(w);
		return;
	}
	for (end = pos + 1; end <= l->len && end - pos <= MAX_PIECE; end++) {
		if (l->s[end - 1] == ' ')
			break;
		next = end < l->len && l->s[end] == ' ' ? end + 1 : end;
		/* Only where the rest can be split too. */
		if (!l->reach[next * (size_t)(l->n + 1) + (size_t)col + 1])
			continue;
		if (!import_runcut_value(l->s, pos, end, l->kind[col], l->dp[col],
		    &w->val[col]))
			continue;
		w->cut[2 * col] = (uint16_t)pos;
		w->cut[2 * col + 1] = (uint16_t)end;
		enumerate(w, next, col + 1);
	}
}

/* Normalises row r's run; its columns' kinds.  l->s stays NULL for a
 * run that is none, or too long to read. */
static void
prepare(struct solver *sv, int r)
{
	const struct import_runs_row	*row = &sv->rows[r];
	struct line			*l = &sv->l[r];
	const struct tpl_cell		*c;
	int				 k;

	l->n = row->ncells;
	l->at = -1;
	l->comp = r;
	if (row->run == NULL || l->n <= 0 || row->first_cell < 0 ||
	    strlen(row->run) > 4 * IMPORT_RUNS_MAX_LEN ||
	    (l->s = import_runcut_normalise(row->run)) == NULL)
		return;
	if ((l->len = strlen(l->s)) > IMPORT_RUNS_MAX_LEN) {
		free(l->s);
		l->s = NULL;
		return;
	}
	l->kind = xcalloc((size_t)l->n, sizeof *l->kind);
	l->dp = xcalloc((size_t)l->n, sizeof *l->dp);
	for (k = 0; k < l->n; k++) {
		c = &sv->t->cells[row->first_cell + k];
		l->kind[k] = c->type.kind;
		l->dp[k] = c->type.kind == NUM_MONEY ? c->type.decimals : 0;
	}
}

/* Finds the splits of a prepared row. */
static void
split_row(struct solver *sv, int r)
{
	struct line	*l = &sv->l[r];
	struct walk	 w = { sv, r, NULL, NULL };
	size_t		 i;

	l->spaces = xcalloc(l->len + 1, sizeof *l->spaces);
	for (i = l->len; i-- > 0; )
		l->spaces[i] = l->spaces[i + 1] + (l->s[i] == ' ');
	l->scut = xcalloc(IMPORT_RUNS_SHOWN * 2 * (size_t)l->n,
	    sizeof *l->scut);
	reachable(l);
	if (!l->reach[0])
		return;		/* no split at all */
	w.cut = xcalloc(2 * (size_t)l->n, sizeof *w.cut);
	w.val = xcalloc((size_t)l->n, sizeof *w.val);
	enumerate(&w, 0, 0);
	free(w.cut);
	free(w.val);
}

/* ---- the equations ---- */

/* The row and column of cell c among the bound rows; false if none. */
static bool
locate(const struct solver *sv, int c, int *row, int *col)
{
	size_t	r;

	for (r = 0; r < sv->n; r++)
		if (sv->rows[r].bound && sv->l[r].s != NULL &&
		    sv->l[r].n > 0 &&
		    c >= sv->rows[r].first_cell &&
		    c < sv->rows[r].first_cell + sv->rows[r].ncells) {
			*row = (int)r;
			*col = c - sv->rows[r].first_cell;
			return (true);
		}
	return (false);
}

/* Adds terms (sign s) to e; false if one is not a cell being split. */
static bool
add_terms(const struct solver *sv, struct eq *e, size_t *cap,
    const struct tpl_term *t, size_t n, int s)
{
	size_t	i;
	int	row, col;

	for (i = 0; i < n; i++) {
		if (t[i].kind != TPL_T_CELL ||
		    !locate(sv, t[i].cell, &row, &col))
			return (false);
		e->t = vec_reserve(e->t, cap, e->n + 1, sizeof *e->t);
		e->t[e->n++] = (struct term){ row, col, s * t[i].sign };
	}
	return (true);
}

static void
keep_eq(struct solver *sv, struct eq *e, bool ok)
{
	size_t	k;

	if (!ok) {
		free(e->t);
		return;
	}
	e->local = true;
	for (k = 1; k < e->n; k++)
		e->local &= e->t[k].row == e->t[0].row;
	*(struct eq *)VEC_PUSH(sv->eqs, sv->neqs, sv->eqcap) = *e;
}

/* The formulas and the equality rules over the cells being split. */
static void
equations(struct solver *sv)
{
	const struct tpl	*t = sv->t;
	struct tpl_term		 target;
	struct eq		 e;
	size_t			 i, cap;
	bool			 ok;

	for (i = 0; i < t->nformulas; i++) {
		memset(&e, 0, sizeof e);
		cap = 0;
		target = (struct tpl_term){ TPL_T_CELL, 1, t->formulas[i].cell,
		    0 };
		ok = add_terms(sv, &e, &cap, &target, 1, 1) &&
		    add_terms(sv, &e, &cap, t->formulas[i].terms,
		    t->formulas[i].nterms, -1);
		keep_eq(sv, &e, ok);
	}
	for (i = 0; i < t->ninsts; i++) {
		const struct tpl_inst *in = &t->insts[i];
		if (t->rules[in->rule].kind != TPL_R_CHECK || in->op != TPL_EQ)
			continue;
		memset(&e, 0, sizeof e);
		cap = 0;
		ok = add_terms(sv, &e, &cap, in->lhs, in->nlhs, 1) &&
		    add_terms(sv, &e, &cap, in->rhs, in->nrhs, -1);
		keep_eq(sv, &e, ok);
	}
}

/* ---- rows linked by equations ---- */

static int
find(int *up, int x)
{
	while (up[x] != x)
		x = up[x] = up[up[x]];
	return (x);
}

/* Components over the live equations across rows; each row's equations
 * listed, its bounds per column computed. */
static void
link_rows(struct solver *sv)
{
	int	*up = xcalloc(sv->n + 1, sizeof *up);
	size_t	 e, k, r, c;
	int	 col;

	for (r = 0; r < sv->n; r++)
		up[r] = (int)r;
	for (e = 0; e < sv->neqs; e++) {
		struct eq *q = &sv->eqs[e];
		for (k = 0; k < q->n && !q->local && !q->dead; k++) {
			struct line *l = &sv->l[q->t[k].row];
			up[find(up, q->t[k].row)] = find(up, q->t[0].row);
			if (k == 0 || q->t[k].row != q->t[k - 1].row)
				*(int *)VEC_PUSH(l->eqs, l->neqs, l->eqcap) =
				    (int)e;
		}
	}
	for (r = 0; r < sv->n; r++) {
		struct line *l = &sv->l[r];
		l->comp = find(up, (int)r);
		l->feas = xcalloc(l->ncand + 1, 1);
		l->lo = xcalloc((size_t)l->n + 1, sizeof *l->lo);
		l->hi = xcalloc((size_t)l->n + 1, sizeof *l->hi);
		for (col = 0; col < l->n && l->ncand > 0; col++) {
			l->lo[col] = l->hi[col] = l->vals[col];
			for (c = 1; c < l->ncand; c++) {
				int64_t v = l->vals[c * (size_t)l->n +
				    (size_t)col];
				l->lo[col] = v < l->lo[col] ? v : l->lo[col];
				l->hi[col] = v > l->hi[col] ? v : l->hi[col];
			}
		}
	}
	free(up);
}

/* Whether equation e can still hold: its assigned terms' sum plus what
 * the others can still add brackets 0. */
static bool
can_hold(const struct solver *sv, const struct eq *e)
{
	__int128	sum = 0, lo = 0, hi = 0, v;
	size_t		k;

	for (k = 0; k < e->n; k++) {
		const struct term	*t = &e->t[k];
		const struct line	*l = &sv->l[t->row];
		if (l->at >= 0) {
			v = l->vals[(size_t)l->at * (size_t)l->n +
			    (size_t)t->col];
			sum += t->coef * v;
		} else if (t->coef > 0) {
			lo += l->lo[t->col];
			hi += l->hi[t->col];
		} else {
			lo -= l->hi[t->col];
			hi -= l->lo[t->col];
		}
	}
	return (sum + lo <= 0 && sum + hi >= 0);
}

enum found { S_NONE, S_FOUND, S_ABORT };

/* Depth first over the component's rows order[k..n): a choice of
 * candidates making every equation hold. */
static enum found
search(struct solver *sv, const int *order, size_t k, size_t n)
{
	struct line	*l;
	enum found	 f;
	size_t		 c, i;
	bool		 ok;

	if (++sv->steps > IMPORT_RUNS_STEPS)
		return (S_ABORT);
	if (k == n) {
		for (i = 0; i < n; i++)
			sv->l[order[i]].feas[sv->l[order[i]].at] = F_YES;
		return (S_FOUND);
	}
	l = &sv->l[order[k]];
	for (c = 0; c < l->ncand; c++) {
		if (order[k] == sv->fixed && (int)c != sv->fixed_cand)
			continue;
		l->at = (int)c;
		for (ok = true, i = 0; i < l->neqs && ok; i++)
			ok = can_hold(sv, &sv->eqs[l->eqs[i]]);
		if (ok && (f = search(sv, order, k + 1, n)) != S_NONE) {
			l->at = -1;
			return (f);
		}
	}
	l->at = -1;
	return (S_NONE);
}

static int
by_cands(const void *a, const void *b, void *arg)
{
	const struct solver	*sv = arg;
	size_t			 x = sv->l[*(const int *)a].ncand;
	size_t			 y = sv->l[*(const int *)b].ncand;

	return (x < y ? -1 : x > y);
}

/* Settles every candidate of component comp: F_YES, F_NO or F_OPEN.
 * Returns false when no choice makes its equations hold. */
static bool
settle(struct solver *sv, int comp)
{
	int		*order = xcalloc(sv->n + 1, sizeof *order);
	size_t		 n = 0, i, c;
	enum found	 f;
	bool		 any = false;

	for (i = 0; i < sv->n; i++)
		if (sv->l[i].comp == comp && sv->l[i].s != NULL &&
		    !sv->l[i].toomany)
			order[n++] = (int)i;
	qsort_r(order, n, sizeof *order, by_cands, sv);
	for (i = 0; i < n; i++) {
		struct line *l = &sv->l[order[i]];
		for (c = 0; c < l->ncand; c++) {
			if (l->feas[c] != F_UNKNOWN)
				continue;
			sv->fixed = order[i];
			sv->fixed_cand = (int)c;
			f = search(sv, order, 0, n);
			if (f == S_NONE)
				l->feas[c] = F_NO;
			else if (f == S_ABORT)
				l->feas[c] = F_OPEN;
		}
	}
	for (i = 0; i < n; i++)
		for (c = 0; c < sv->l[order[i]].ncand; c++)
			any |= sv->l[order[i]].feas[c] != F_NO;
	sv->fixed = -1;
	free(order);
	return (any || n == 0);
}

/* ---- results ---- */

/* Split k of a row (cuts cut[k * 2n ..]) as "64 0 0 2 0 4 70". */
static void
add_split(struct sbuf *b, const struct line *l, const uint16_t *cut)
{
	int	col;

	for (col = 0; col < l->n; col++)
		sbuf_addf(b, "%s%.*s", col > 0 ? " " : "",
		    (int)(cut[2 * col + 1] - cut[2 * col]),
		    l->s + cut[2 * col]);
}

/* The candidates with feas in want (0: all), up to IMPORT_RUNS_SHOWN. */
static char *
list(const struct line *l, unsigned want, size_t *count)
{
	struct sbuf	b;
	size_t		c, n = (size_t)l->n;

	sbuf_init(&b);
	*count = 0;
	for (c = 0; c < l->ncand; c++) {
		if (want != 0 && !(want & (1u << l->feas[c])))
			continue;
		if ((*count)++ < IMPORT_RUNS_SHOWN) {
			if (b.len > 0)
				sbuf_adds(&b, " | ");
			add_split(&b, l, l->cut + c * 2 * n);
		}
	}
	return (sbuf_take(&b));
}

/* The splits whatever the arithmetic, as far as they were kept. */
static char *
list_struct(const struct line *l)
{
	struct sbuf	b;
	size_t		k;

	sbuf_init(&b);
	for (k = 0; k < l->nstruct && k < IMPORT_RUNS_SHOWN; k++) {
		if (k > 0)
			sbuf_adds(&b, " | ");
		add_split(&b, l, l->scut + k * 2 * (size_t)l->n);
	}
	return (sbuf_take(&b));
}

static void
recover(struct import_runs_row *row, const struct line *l,
    const uint16_t *cut)
{
	int	col;

	row->result = IMPORT_RUNS_RECOVERED;
	row->pieces = xcalloc((size_t)l->n, sizeof *row->pieces);
	for (col = 0; col < l->n; col++)
		row->pieces[col] = xstrndup(l->s + cut[2 * col],
		    (size_t)(cut[2 * col + 1] - cut[2 * col]));
}

static void
result(struct import_runs_row *row, const struct line *l, bool even)
{
	size_t	yes = 0, c, one = 0;

	if (l->s == NULL || l->len > IMPORT_RUNS_MAX_LEN || l->n <= 0 ||
	    (l->nstruct == 0 && !l->toomany)) {
		row->result = IMPORT_RUNS_IMPOSSIBLE;
		return;
	}
	if (l->toomany) {
		row->result = IMPORT_RUNS_TOO_MANY;
		row->ncands = l->ncand > l->nstruct ? l->ncand : l->nstruct;
		return;
	}
	if (!even) {
		if (l->nstruct == 1) {
			recover(row, l, l->scut);
			return;
		}
		row->result = IMPORT_RUNS_UNEVEN;
		row->cands = list_struct(l);
		row->ncands = l->nstruct;
		return;
	}
	for (c = 0; c < l->ncand; c++)
		if (l->feas[c] == F_YES) {
			yes++;
			one = c;
		}
	for (c = 0; c < l->ncand; c++)
		if (l->feas[c] == F_OPEN)
			yes += 2;	/* never settled: never one */
	if (yes == 1) {
		recover(row, l, l->cut + one * 2 * (size_t)l->n);
		return;
	}
	row->result = IMPORT_RUNS_AMBIGUOUS;
	row->cands = list(l, 1u << F_YES | 1u << F_OPEN, &row->ncands);
}

static void
line_done(struct line *l)
{
	free(l->s);
	free(l->kind);
	free(l->dp);
	free(l->spaces);
	free(l->reach);
	free(l->vals);
	free(l->cut);
	free(l->scut);
	free(l->feas);
	free(l->lo);
	free(l->hi);
	free(l->eqs);
}

void
import_runs_solve(const struct tpl *t, struct import_runs_row *rows,
    size_t n)
{
	struct solver	 sv = { t, rows, NULL, n, NULL, 0, 0, 0, false, -1,
			    -1 };
	bool		*even = xcalloc(n + 1, sizeof *even);
	size_t		 r, e;

	sv.l = xcalloc(n + 1, sizeof *sv.l);
	for (r = 0; r < n; r++)
		prepare(&sv, (int)r);
	equations(&sv);
	for (r = 0; r < n; r++)
		if (sv.l[r].s != NULL && sv.l[r].n > 0)
			split_row(&sv, (int)r);
	for (e = 0; e < sv.neqs; e++)
		for (r = 0; r < sv.eqs[e].n; r++)
			sv.eqs[e].dead |= sv.l[sv.eqs[e].t[r].row].toomany;
	link_rows(&sv);
	for (r = 0; r < n; r++)
		if (sv.l[r].comp == (int)r)
			even[r] = settle(&sv, (int)r);
	for (r = 0; r < n; r++) {
		result(&rows[r], &sv.l[r], even[sv.l[r].comp]);
		line_done(&sv.l[r]);
	}
	for (e = 0; e < sv.neqs; e++)
		free(sv.eqs[e].t);
	free(sv.eqs);
	free(sv.l);
	free(even);
}

void
import_runs_row_done(struct import_runs_row *row)
{
	int	k;

	for (k = 0; row->pieces != NULL && k < row->ncells; k++)
		free(row->pieces[k]);
	free(row->pieces);
	free(row->cands);
	row->pieces = NULL;
	row->cands = NULL;
}
