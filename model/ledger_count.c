/*
 * Counting; see ledger_count.h.
 *
 * Each sheet's header is found first (ledger_head); every row below it
 * is then read into a struct rowin (its four cells, parsed dates, the map
 * entries of its values), judged (skipped, a problem, or counted) and, if
 * counted, added to the count with its entry so that each cell of the
 * count knows the rows behind it.  Problems and notes are error values
 * whose line is the row number as the spreadsheet shows it; for a
 * register of several sheets the path names the sheet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_count.h"
#include "ledger_date.h"
#include "ledger_head.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"
#include "year.h"

static const char *const row_ids[LEDGER_NROWS] = {
	"new", "carried_in", "r_open", "r_partial", "r_deny_1", "r_deny_2",
	"r_deny_3", "r_deny_4", "r_deny_5", "r_deny_6", "r_deny_7", "r_deny_8",
	"r_unable_1", "r_unable_2", "r_unable_3", "r_noproc_1", "r_noproc_2",
	"r_noproc_3", "r_noproc_4", "r_noproc_5", "r_other_1", "r_other_2",
	"r_other_3", "carried_out"
};
static const char *const col_ids[LEDGER_NCOLS] = {
	"natural", "commercial", "research", "nonprofit", "legal", "other_org"
};

const char *
ledger_count_row_id(int row)
{
	return (row >= 0 && row < LEDGER_NROWS ? row_ids[row] : "?");
}

const char *
ledger_count_col_id(int col)
{
	return (col >= 0 && col < LEDGER_NCOLS ? col_ids[col] : "?");
}

/* The index of id in ids[0..n), or -1. */
static int
index_of(const char *const *ids, int n, const char *id)
{
	int	i;

	for (i = 0; id != NULL && i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return (i);
	return (-1);
}

void
ledger_count_init(struct ledger_count *c)
{
	memset(c, 0, sizeof *c);
	errlist_init(&c->problems);
	errlist_init(&c->notes);
}

void
ledger_count_done(struct ledger_count *c)
{
	size_t	i;
	int	r, k;

	for (r = 0; r < LEDGER_NROWS; r++)
		for (k = 0; k < LEDGER_NCOLS; k++)
			free(c->rows[r][k].v);
	for (i = 0; i < c->nentries; i++) {
		free(c->entries[i].ref);
		free(c->entries[i].applicant);
		free(c->entries[i].result);
	}
	free(c->entries);
	for (k = 0; k < LEDGER_NFIELDS; k++)
		free(c->header[k]);
	errlist_done(&c->problems);
	errlist_done(&c->notes);
	memset(c, 0, sizeof *c);
}

bool
ledger_count_ok(const struct ledger_count *c)
{
	return (c->problems.n == 0 && c->unmapped == 0);
}

/* What one pass needs besides the count. */
struct ctx {
	const struct ledger		*L;
	const struct ledger_grid	*g;
	struct ledger_map		*m;
	const struct ledger_opts	*o;
	struct ledger_count		*c;
	const struct ledger_head	*h;
	char				*where;	/* path, or path[sheet] */
	int				 y0, y1;	/* Y's first, last day */
	int				 no_year;	/* dates read with the
							   default year */
	int				 next_year;	/* ... and moved on */
	int				 formulas[LEDGER_NFIELDS];
	int				 skipped;
};

/* One data row, read. */
struct rowin {
	size_t				 r;		/* grid row */
	char				*ref;
	const struct ledger_cell	*cell[LEDGER_NFIELDS];
	const char			*text[LEDGER_NFIELDS];	/* "" */
	int				 recv, ans;
	enum ledger_date_st		 recv_st, ans_st;
	/* Indices into the map's values (which may move as it grows). */
	long				 iwho, ires;
};

/* The map entry of index i, or NULL (-1). */
static struct ledger_value *
val(const struct ctx *X, long i)
{
	return (i >= 0 ? &X->m->v[i] : NULL);
}

#define WHO(X, R)	val((X), (R)->iwho)
#define RES(X, R)	val((X), (R)->ires)

static void
problem(struct ctx *X, const struct rowin *R, const char *msgid, int nargs,
    const char *a0, const char *a1)
{
	errlist_add(&X->c->problems, X->where, X->g->rows[R->r].number, 0,
	    msgid, nargs, a0, a1);
}

/* A date cell read as the file stored it. */
static enum ledger_date_st
cell_date(struct ctx *X, const struct ledger_cell *c, int *days)
{
	const char	*s;
	int		 year = X->h->year > 0 ? X->h->year : X->o->year;

	if (c == NULL)
		return (LEDGER_DATE_NONE);
	s = ledger_grid_text(X->g, c);
	if (c->kind == LEDGER_NUMBER)
		return (ledger_date_number(c->num, X->g->date1904, days));
	if (c->kind == LEDGER_DATE)
		return (ledger_date_text(s, 0, days));
	/* A serial saved as text by a .csv export. */
	if (strlen(s) == 5 && strspn(s, "0123456789") == 5)
		return (ledger_date_number(atof(s), false, days));
	return (ledger_date_text(s, year, days));
}

static void
read_row(struct ctx *X, size_t r, struct rowin *R)
{
	int	f;

	memset(R, 0, sizeof *R);
	R->r = r;
	for (f = 0; f < LEDGER_NFIELDS; f++) {
		R->cell[f] = ledger_grid_at(X->g, r, X->h->col[f]);
		R->text[f] = R->cell[f] ? ledger_grid_text(X->g, R->cell[f]) :
		    "";
		if (R->cell[f] && R->cell[f]->formula == LEDGER_F_CACHED)
			X->formulas[f]++;
	}
	R->recv_st = cell_date(X, R->cell[LEDGER_RECEIVED], &R->recv);
	R->ans_st = cell_date(X, R->cell[LEDGER_ANSWERED], &R->ans);
	if (R->ans_st == LEDGER_DATE_NO_YEAR && R->recv_st != LEDGER_DATE_BAD &&
	    R->recv_st != LEDGER_DATE_NONE && R->ans < R->recv) {
		/* 12月28日 received, 1月5日 answered: the next January. */
		int y, mo, d;
		ledger_date_civil(R->ans, &y, &mo, &d);
		if (ledger_date_days(y + 1, mo, d, &R->ans))
			X->next_year++;
	}
	if (R->recv_st == LEDGER_DATE_NO_YEAR || R->ans_st == LEDGER_DATE_NO_YEAR)
		X->no_year++;
	R->iwho = R->ires = -1;
	if (*R->text[LEDGER_APPLICANT] != '\0')
		R->iwho = ledger_map_value(X->m, LEDGER_APPLICANT,
		    R->text[LEDGER_APPLICANT]) - X->m->v;
	if (*R->text[LEDGER_RESULT] != '\0')
		R->ires = ledger_map_value(X->m, LEDGER_RESULT,
		    R->text[LEDGER_RESULT]) - X->m->v;
	R->ref = ledger_row_ref(X->L, r);
}

/* Records that v is in this row (and is needed by it when need). */
static void
note_value(struct ledger_value *v, const char *ref, bool need)
{
	if (v == NULL)
		return;
	if (v->nrows == 0 || strcmp(v->rows[v->nrows - 1], ref) != 0)
		*VEC_PUSH(v->rows, v->nrows, v->caprows) = xstrdup(ref);
	if (need)
		v->needed = true;
}

/* A formula without a saved value in one of the four cells. */
static bool
formula_problem(struct ctx *X, const struct rowin *R)
{
	int	f;

	for (f = 0; f < LEDGER_NFIELDS; f++)
		if (R->cell[f] && R->cell[f]->formula == LEDGER_F_NO_VALUE) {
			problem(X, R, "ledger.p_formula", 1, X->h->text[f],
			    NULL);
			return (true);
		}
	return (false);
}

/* Checks a parsed date of field f: false (a problem said) if impossible. */
static bool
date_ok(struct ctx *X, const struct rowin *R, int f, enum ledger_date_st st,
    int days)
{
	char	a[16], b[16];
	int	y, mo, d;

	if (st == LEDGER_DATE_BAD) {
		problem(X, R, "ledger.p_bad_date", 2, X->h->text[f],
		    R->text[f]);
		return (false);
	}
	if (st == LEDGER_DATE_NONE)
		return (true);
	ledger_date_civil(days, &y, &mo, &d);
	if (days > X->o->today) {
		problem(X, R, "ledger.p_future", 2, ledger_date_iso(days, a),
		    ledger_date_iso(X->o->today, b));
		return (false);
	}
	if (y < YEAR_MIN) {
		problem(X, R, "ledger.p_too_old", 1, ledger_date_iso(days, a),
		    NULL);
		return (false);
	}
	return (true);
}

/*
 * Whether the row belongs to year Y at all (dates already valid): not
 * when received after Y, nor when answered before Y, unless its dates
 * are impossible within Y (then judge() says so).
 */
static bool
this_year(const struct ctx *X, const struct rowin *R)
{
	bool	answered = R->ans_st != LEDGER_DATE_NONE;

	if (answered && R->ans < R->recv)
		return (R->ans <= X->y1);
	if (R->recv > X->y1)
		return (false);
	return (!(answered && R->ans < X->y0));
}

/* The outcome index of a row answered in Y; -2 when a problem was said,
 * -1 for a row skipped by its result. */
static int
outcome(struct ctx *X, const struct rowin *R)
{
	char	a[16];

	if (R->ires < 0) {
		problem(X, R, "ledger.p_no_result", 1,
		    ledger_date_iso(R->ans, a), NULL);
		return (-2);
	}
	note_value(RES(X, R), R->ref, true);
	if (RES(X, R)->target == NULL)
		return (-2);
	if (strcmp(RES(X, R)->target, "skip") == 0)
		return (-1);
	if (strcmp(RES(X, R)->target, "pending") == 0) {
		problem(X, R, "ledger.p_pending_answered", 2, RES(X, R)->text,
		    ledger_date_iso(R->ans, a));
		return (-2);
	}
	return (index_of(row_ids + LEDGER_ROW_OUTCOME, LEDGER_NOUTCOMES,
	    RES(X, R)->target));
}

static void
add_to(struct ledger_count *c, int row, int col, size_t entry)
{
	c->n[row][col]++;
	*VEC_PUSH(c->rows[row][col].v, c->rows[row][col].n,
	    c->rows[row][col].cap) = entry;
}

/* Adds a judged row to the count. */
static void
count_row(struct ctx *X, const struct rowin *R, int col, int out)
{
	struct ledger_count	*c = X->c;
	struct ledger_entry	*e;
	size_t			 i = c->nentries;

	e = VEC_PUSH(c->entries, c->nentries, c->capentries);
	e->ref = xstrdup(R->ref);
	e->received = R->recv;
	e->answered = R->ans_st == LEDGER_DATE_NONE ? LEDGER_NO_DATE : R->ans;
	e->applicant = xstrdup(R->text[LEDGER_APPLICANT]);
	e->result = xstrdup(R->text[LEDGER_RESULT]);
	e->col = col;
	if (R->recv >= X->y0)
		add_to(c, LEDGER_ROW_NEW, col, i);
	else {
		add_to(c, LEDGER_ROW_CARRIED_IN, col, i);
		c->starts_in_year = false;
	}
	add_to(c, out >= 0 ? LEDGER_ROW_OUTCOME + out : LEDGER_ROW_CARRIED_OUT,
	    col, i);
}

/* Judges one row of this year whose dates are valid. */
static void
judge(struct ctx *X, const struct rowin *R)
{
	char	a[16], b[16];
	int	col, out = -1;
	bool	answered = R->ans_st != LEDGER_DATE_NONE;
	bool	in_y = answered && R->ans <= X->y1;

	if (answered && R->ans < R->recv) {
		problem(X, R, "ledger.p_before", 2, ledger_date_iso(R->ans, a),
		    ledger_date_iso(R->recv, b));
		return;
	}
	if (R->iwho < 0) {
		problem(X, R, "ledger.p_no_applicant", 0, NULL, NULL);
		note_value(RES(X, R), R->ref, false);
		return;
	}
	note_value(WHO(X, R), R->ref, true);
	if (in_y && (out = outcome(X, R)) < -1)
		return;
	if (!in_y)
		note_value(RES(X, R), R->ref, false);
	if (!answered && R->ires >= 0 && RES(X, R)->target != NULL &&
	    strcmp(RES(X, R)->target, "pending") != 0 &&
	    strcmp(RES(X, R)->target, "skip") != 0) {
		problem(X, R, "ledger.p_result_no_date", 1, RES(X, R)->text, NULL);
		return;
	}
	if (WHO(X, R)->target == NULL)
		return;
	if (strcmp(WHO(X, R)->target, "skip") == 0 || (in_y && out == -1)) {
		X->skipped++;
		return;
	}
	col = index_of(col_ids, LEDGER_NCOLS, WHO(X, R)->target);
	count_row(X, R, col, in_y ? out : -1);
}

/* A row with none of the four cells: a note when it holds anything. */
static void
empty_row(struct ctx *X, const struct rowin *R)
{
	const struct ledger_row	*row = &X->g->rows[R->r];

	if (row->n > 0)
		errlist_add(&X->c->notes, X->where, row->number, 0,
		    "ledger.n_not_application", 1,
		    ledger_grid_text(X->g, &X->g->cells[row->first]));
}

static void
one_row(struct ctx *X, size_t r)
{
	struct rowin	R;
	int		f;
	bool		any = false;

	read_row(X, r, &R);
	for (f = 0; f < LEDGER_NFIELDS; f++)
		any = any || R.cell[f] != NULL;
	X->c->rows_seen++;
	if (!any)
		empty_row(X, &R);
	else if (R.recv_st == LEDGER_DATE_NONE) {
		note_value(WHO(X, &R), R.ref, false);
		note_value(RES(X, &R), R.ref, false);
		if (!formula_problem(X, &R))
			problem(X, &R, "ledger.p_no_received", 0, NULL, NULL);
	} else if (formula_problem(X, &R) ||
	    !date_ok(X, &R, LEDGER_RECEIVED, R.recv_st, R.recv) ||
	    !date_ok(X, &R, LEDGER_ANSWERED, R.ans_st, R.ans)) {
		note_value(WHO(X, &R), R.ref, false);
		note_value(RES(X, &R), R.ref, false);
	} else if (!this_year(X, &R)) {
		note_value(WHO(X, &R), R.ref, false);
		note_value(RES(X, &R), R.ref, false);
	} else
		judge(X, &R);
	free(R.ref);
}

/* The notes of one sheet: formulas used, dates completed. */
static void
sheet_notes(struct ctx *X)
{
	char	n[16], y[16];
	int	f;

	for (f = 0; f < LEDGER_NFIELDS; f++)
		if (X->formulas[f] > 0) {
			snprintf(n, sizeof n, "%d", X->formulas[f]);
			errlist_add(&X->c->notes, X->where, 0, 0,
			    "ledger.n_formulas", 2, X->h->text[f], n);
		}
	if (X->no_year > 0) {
		snprintf(n, sizeof n, "%d", X->no_year);
		snprintf(y, sizeof y, "%d", X->h->year > 0 ? X->h->year :
		    X->o->year);
		errlist_add(&X->c->notes, X->where, 0, 0, X->h->year > 0 ?
		    "ledger.n_no_year_title" : "ledger.n_no_year_report", 2, n,
		    y);
	}
	if (X->next_year > 0) {
		snprintf(n, sizeof n, "%d", X->next_year);
		errlist_add(&X->c->notes, X->where, 0, 0, "ledger.n_next_year",
		    1, n);
	}
}

/* Counts the rows of sheet s below its header h. */
static void
count_sheet(struct ctx *X, int s, const struct ledger_head *h)
{
	const struct ledger_grid	*g = X->g;
	size_t				 r;

	X->h = h;
	X->no_year = X->next_year = 0;
	memset(X->formulas, 0, sizeof X->formulas);
	X->where = g->nsheets > 1 ? xasprintf("%s[%s]", ledger_path(X->L),
	    g->sheets[s].name) : xstrdup(ledger_path(X->L));
	for (r = h->row + 1; r < g->nrows && g->rows[r].sheet == s; r++)
		one_row(X, r);
	sheet_notes(X);
	free(X->where);
	X->where = NULL;
}

/* The header of the first sheet read goes into the count and the map. */
static void
keep_header(struct ctx *X, const struct ledger_head *h)
{
	int	f;

	X->c->header_row = h->number;
	for (f = 0; f < LEDGER_NFIELDS; f++) {
		X->c->header[f] = xstrdup(h->text[f]);
		if (X->m->columns[f] == NULL ||
		    (strcmp(X->m->columns[f], h->text[f]) != 0 &&
		    ledger_head_letters(X->m->columns[f]) != h->col[f])) {
			free(X->m->columns[f]);
			X->m->columns[f] = xstrdup(h->text[f]);
			X->m->dirty = true;
		}
	}
}

/* No sheet had a header: says what the best one lacked. */
static bool
no_header(struct ctx *X, const struct ledger_head *best, struct err *err)
{
	static const char *const missing[LEDGER_NFIELDS] = {
	    "ledger.e_missing_received", "ledger.e_missing_applicant",
	    "ledger.e_missing_result", "ledger.e_missing_answered" };
	struct sbuf	 b;
	char		 row[16], col[8];
	int		 f;

	if (best->nfound == 0) {
		err_set(err, ledger_path(X->L), 0, 0, "ledger.e_no_header", 0);
		return (false);
	}
	sbuf_init(&b);
	for (f = 0; f < LEDGER_NFIELDS; f++)
		if (best->col[f] >= 0)
			sbuf_addf(&b, "%s“%s”(%s)", b.len ? ", " : "",
			    best->text[f], ledger_grid_colname(best->col[f],
			    col));
	for (f = 0; f + 1 < LEDGER_NFIELDS && best->col[f] >= 0; f++)
		;
	snprintf(row, sizeof row, "%d", best->number);
	err_set(err, ledger_path(X->L), best->number, 0, missing[f], 2, row,
	    b.s);
	sbuf_done(&b);
	return (false);
}

bool
ledger_count(const struct ledger *L, struct ledger_map *m,
    const struct ledger_opts *o, struct ledger_count *c, struct err *err)
{
	const struct ledger_grid	*g = ledger_grid(L);
	struct ledger_head		 h, best;
	struct ctx			 X;
	size_t				 i;
	int				 s, found = 0;

	memset(&X, 0, sizeof X);
	X.L = L;
	X.g = g;
	X.m = m;
	X.o = o;
	X.c = c;
	c->year = o->year;
	c->starts_in_year = true;
	ledger_date_days(o->year, 1, 1, &X.y0);
	ledger_date_days(o->year, 12, 31, &X.y1);
	ledger_map_clear_rows(m);
	memset(&best, 0, sizeof best);
	ledger_head_done(&best);
	for (s = 0; s < (int)g->nsheets; s++) {
		if (!ledger_head_find(g, s, m, &h)) {
			if (h.nfound > best.nfound) {
				ledger_head_done(&best);
				best = h;
			} else
				ledger_head_done(&h);
			if (g->nsheets > 1)
				errlist_add(&c->notes, ledger_path(L), 0, 0,
				    "ledger.n_sheet_skipped", 1,
				    g->sheets[s].name);
			continue;
		}
		if (found++ == 0)
			keep_header(&X, &h);
		count_sheet(&X, s, &h);
		ledger_head_done(&h);
	}
	if (found == 0) {
		no_header(&X, &best, err);
		ledger_head_done(&best);
		return (false);
	}
	ledger_head_done(&best);
	for (i = 0; i < m->n; i++)
		if (m->v[i].needed && m->v[i].target == NULL)
			c->unmapped++;
	if (X.skipped > 0) {
		char n[16];
		snprintf(n, sizeof n, "%d", X.skipped);
		errlist_add(&c->notes, ledger_path(L), 0, 0,
		    "ledger.n_skipped", 1, n);
	}
	return (true);
}

int
ledger_count_title_year(const struct ledger *L, const struct ledger_map *m)
{
	const struct ledger_grid	*g = ledger_grid(L);
	struct ledger_head		 h;
	int				 s, y = 0;

	for (s = 0; s < (int)g->nsheets && y == 0; s++) {
		if (ledger_head_find(g, s, m, &h))
			y = h.year;
		ledger_head_done(&h);
	}
	return (y);
}
