/*
 * Provenance of cells counted from a register; see ledger_prov.h.
 *
 * A ledger_prov is two arrays: rows (each register row once, in the
 * order added, which is register order) and cells (each filled cell with
 * its count and the indices of its rows).  Cells are few (at most the
 * 150 input cells of table 三), so they are searched linearly.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"
#include "ledger_prov.h"
#include "report.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"
#include "year.h"
#include "ytree.h"

struct pcell {
	int	 cell;
	int64_t	 n;
	size_t	*rows;
	size_t	 nrows, caprows;
};

struct ledger_prov {
	char			*reg;
	char			*sha;
	int			 year;
	enum ledger_carry	 carry;
	struct ledger_prov_row	*rows;
	size_t			 nrows, caprows;
	struct pcell		*cells;
	size_t			 ncells, capcells;
};

struct ledger_prov *
ledger_prov_new(const char *reg, const char *sha, int year,
    enum ledger_carry carry)
{
	struct ledger_prov	*p = xcalloc(1, sizeof *p);

	p->reg = xstrdup(reg);
	p->sha = xstrdup(sha);
	p->year = year;
	p->carry = carry;
	return (p);
}

void
ledger_prov_free(struct ledger_prov *p)
{
	size_t	i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nrows; i++) {
		free(p->rows[i].ref);
		free(p->rows[i].received);
		free(p->rows[i].answered);
		free(p->rows[i].applicant);
		free(p->rows[i].result);
	}
	for (i = 0; i < p->ncells; i++)
		free(p->cells[i].rows);
	free(p->rows);
	free(p->cells);
	free(p->reg);
	free(p->sha);
	free(p);
}

size_t
ledger_prov_add_row(struct ledger_prov *p, const struct ledger_prov_row *r)
{
	struct ledger_prov_row	*n = VEC_PUSH(p->rows, p->nrows, p->caprows);

	n->ref = xstrdup(r->ref);
	n->received = xstrdup(r->received);
	n->answered = xstrdup(r->answered);
	n->applicant = xstrdup(r->applicant);
	n->result = xstrdup(r->result);
	return (p->nrows - 1);
}

static struct pcell *
find_cell(const struct ledger_prov *p, int cell)
{
	size_t	i;

	for (i = 0; p != NULL && i < p->ncells; i++)
		if (p->cells[i].cell == cell)
			return (&p->cells[i]);
	return (NULL);
}

void
ledger_prov_add_cell(struct ledger_prov *p, int cell, int64_t n,
    const size_t *rows, size_t nrows)
{
	struct pcell	*c = find_cell(p, cell);
	size_t		 i;

	if (c == NULL) {
		c = VEC_PUSH(p->cells, p->ncells, p->capcells);
		c->cell = cell;
	}
	c->n += n;
	for (i = 0; i < nrows; i++)
		*VEC_PUSH(c->rows, c->nrows, c->caprows) = rows[i];
}

/* ---- reading ---- */

const char *
ledger_prov_register(const struct report *r)
{
	const struct ledger_prov *p = report_prov(r);

	return (p != NULL ? p->reg : NULL);
}

const char *
ledger_prov_sha256(const struct report *r)
{
	const struct ledger_prov *p = report_prov(r);

	return (p != NULL ? p->sha : NULL);
}

int
ledger_prov_year(const struct report *r)
{
	const struct ledger_prov *p = report_prov(r);

	return (p != NULL ? p->year : 0);
}

enum ledger_carry
ledger_prov_carry(const struct report *r)
{
	const struct ledger_prov *p = report_prov(r);

	return (p != NULL ? p->carry : LEDGER_CARRY_REGISTER);
}

bool
ledger_prov_filled(const struct report *r, int cell, int64_t *counted)
{
	const struct pcell	*c = find_cell(report_prov(r), cell);

	if (c != NULL && counted != NULL)
		*counted = c->n;
	return (c != NULL);
}

size_t
ledger_prov_rows(const struct report *r, int cell,
    const struct ledger_prov_row **out, size_t max)
{
	const struct ledger_prov	*p = report_prov(r);
	const struct pcell		*c = find_cell(p, cell);
	size_t				 i;

	if (c == NULL)
		return (0);
	for (i = 0; i < c->nrows && i < max; i++)
		out[i] = &p->rows[c->rows[i]];
	return (c->nrows);
}

/* The folder of path ("." for a bare name or NULL).  Newly allocated. */
static char *
dir_of(const char *path)
{
	const char	*slash = path ? strrchr(path, '/') : NULL;

	if (slash == NULL)
		return (xstrdup("."));
	if (slash == path)
		return (xstrdup("/"));
	return (xstrndup(path, (size_t)(slash - path)));
}

/* Where a stored register path is, for a report at report_path. */
static char *
resolve(const char *reg, const char *report_path)
{
	char	*dir, *full;

	if (reg[0] == '/')
		return (xstrdup(reg));
	dir = dir_of(report_path);
	full = xasprintf("%s/%s", dir, reg);
	free(dir);
	return (full);
}

char *
ledger_prov_relpath(const char *reg, const char *report_path)
{
	char	*dir = dir_of(report_path), rd[PATH_MAX], rr[PATH_MAX];
	size_t	 n;

	if (realpath(dir, rd) == NULL || realpath(reg, rr) == NULL) {
		free(dir);
		return (xstrdup(reg));
	}
	free(dir);
	n = strlen(rd);
	if (strcmp(rd, "/") != 0 && strncmp(rr, rd, n) == 0 && rr[n] == '/')
		return (xstrdup(rr + n + 1));
	return (xstrdup(rr));
}

enum ledger_prov_state
ledger_prov_state(const struct report *r, const char *report_path)
{
	const struct ledger_prov	*p = report_prov(r);
	char				*full, hex[LEDGER_SHA256_HEX];
	bool				 ok;

	if (p == NULL)
		return (LEDGER_PROV_NONE);
	full = resolve(p->reg, report_path);
	ok = ledger_hash_file(full, hex);
	free(full);
	if (!ok)
		return (LEDGER_PROV_MISSING);
	return (strcmp(hex, p->sha) == 0 ? LEDGER_PROV_SAME :
	    LEDGER_PROV_CHANGED);
}

size_t
ledger_prov_check(const struct report *r, const char *report_path,
    struct errlist *out)
{
	const struct ledger_prov	*p = report_prov(r);
	const struct tpl		*t = report_tpl(r);
	struct report_value		 v;
	char				 was[32], now[NUM_FMT_MAX], y[16];
	char				 label[1024];
	size_t				 i, n = 0;

	if (p == NULL)
		return (0);
	for (i = 0; i < p->ncells; i++) {
		v = report_value(r, p->cells[i].cell);
		if (v.state == RV_SET && v.n.v == p->cells[i].n)
			continue;
		snprintf(was, sizeof was, "%lld", (long long)p->cells[i].n);
		report_format_value(r, p->cells[i].cell, v, now);
		tpl_cell_label(t, p->cells[i].cell, LANG_ZH, label,
		    sizeof label);
		errlist_add(out, report_path, 0, 0, "ledger.w_hand", 4,
		    t->cells[p->cells[i].cell].id, was, now, label);
		n++;
	}
	snprintf(y, sizeof y, "%d", p->year);
	switch (ledger_prov_state(r, report_path)) {
	case LEDGER_PROV_CHANGED:
		errlist_add(out, report_path, 0, 0, "ledger.w_changed", 2,
		    p->reg, y);
		n++;
		break;
	case LEDGER_PROV_MISSING:
		errlist_add(out, report_path, 0, 0, "ledger.w_missing", 1,
		    p->reg);
		n++;
		break;
	default:
		break;
	}
	return (n);
}

/* ---- the report file ---- */

static void
dump_rows(struct sbuf *b, const struct ledger_prov *p)
{
	const struct ledger_prov_row	*w;
	size_t				 i;

	sbuf_adds(b, p->nrows > 0 ? "  rows:\n" : "  rows: {}\n");
	for (i = 0; i < p->nrows; i++) {
		w = &p->rows[i];
		sbuf_adds(b, "    ");
		ytree_emit_str(b, w->ref);
		sbuf_adds(b, ": [");
		ytree_emit_scalar(b, w->received);
		sbuf_adds(b, ", ");
		ytree_emit_str(b, w->answered);
		sbuf_adds(b, ", ");
		ytree_emit_str(b, w->applicant);
		sbuf_adds(b, ", ");
		ytree_emit_str(b, w->result);
		sbuf_adds(b, "]\n");
	}
}

void
ledger_prov_dump(struct sbuf *b, const struct report *r)
{
	const struct ledger_prov	*p = report_prov(r);
	const struct tpl		*t = report_tpl(r);
	const struct pcell		*c;
	size_t				 i, k;
	bool				 any;

	if (p == NULL)
		return;
	sbuf_adds(b, "ledger:\n  register: ");
	ytree_emit_str(b, p->reg);
	sbuf_addf(b, "\n  sha256: %s\n  year: %d\n  carried_in: %s\n",
	    p->sha, p->year, p->carry == LEDGER_CARRY_PREVIOUS ? "previous" :
	    "register");
	dump_rows(b, p);
	for (i = 0, any = false; i < t->ncells; i++) {
		/* Cells counted 0 go without saying (see ledger_prov.h). */
		if ((c = find_cell(p, (int)i)) == NULL ||
		    (c->n == 0 && c->nrows == 0))
			continue;
		if (!any)
			sbuf_adds(b, "  cells:\n");
		any = true;
		sbuf_addf(b, "    %s: {n: %lld, rows: [", t->cells[i].id,
		    (long long)c->n);
		for (k = 0; k < c->nrows; k++) {
			if (k > 0)
				sbuf_adds(b, ", ");
			ytree_emit_scalar(b, p->rows[c->rows[k]].ref);
		}
		sbuf_adds(b, "]}\n");
	}
	if (!any)
		sbuf_adds(b, "  cells: {}\n");
}

/* Loading: the context of one ledger: section. */
struct pload {
	struct ledger_prov	*p;
	const struct tpl	*t;
	const char		*path;
	struct err		*err;
	size_t			*byref;		/* row indices sorted by ref */
};

static bool
bad(struct pload *L, const struct ytree *at, const char *what)
{
	err_set(L->err, L->path, at->line, at->col, "ledger.prov_bad", 1,
	    what);
	return (false);
}

static const struct ytree *
need(struct pload *L, const struct ytree *map, const char *key,
    enum ytree_kind kind)
{
	const struct ytree	*v = ytree_get(map, key);

	if (v == NULL) {
		bad(L, map, key);
		return (NULL);
	}
	if (v->kind != kind) {
		bad(L, v, key);
		return (NULL);
	}
	return (v);
}

static bool
load_rows(struct pload *L, const struct ytree *rows)
{
	struct ledger_prov_row	 w;
	const struct ytree	*s;
	size_t			 i, k;

	for (i = 0; i < rows->n; i++) {
		s = rows->items[i];
		if (s->kind != YTREE_SEQ || s->n != 4)
			return (bad(L, s, "rows"));
		for (k = 0; k < 4; k++)
			if (s->items[k]->kind != YTREE_SCALAR)
				return (bad(L, s->items[k], "rows"));
		w.ref = rows->keys[i]->str;
		w.received = s->items[0]->str;
		w.answered = s->items[1]->str;
		w.applicant = s->items[2]->str;
		w.result = s->items[3]->str;
		ledger_prov_add_row(L->p, &w);
	}
	return (true);
}

static int
by_ref(const void *a, const void *b, void *arg)
{
	const struct ledger_prov *p = arg;

	return (strcmp(p->rows[*(const size_t *)a].ref,
	    p->rows[*(const size_t *)b].ref));
}

/* The index of the row named ref, or -1. */
static long
row_index(const struct pload *L, const char *ref)
{
	size_t	lo = 0, hi = L->p->nrows, mid;
	int	c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(L->p->rows[L->byref[mid]].ref, ref);
		if (c == 0)
			return ((long)L->byref[mid]);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (-1);
}

static bool
load_cell(struct pload *L, const struct ytree *key, const struct ytree *v)
{
	const struct ytree	*n, *rows;
	long			 idx;
	size_t			 k, one;
	int			 cell;
	char			*end;
	long long		 count;

	if ((cell = tpl_cell_index(L->t, key->str)) < 0) {
		err_set(L->err, L->path, key->line, key->col,
		    "store.unknown_cell", 2, key->str, "");
		return (false);
	}
	if (v->kind != YTREE_MAP)
		return (bad(L, v, key->str));
	if ((n = need(L, v, "n", YTREE_SCALAR)) == NULL ||
	    (rows = need(L, v, "rows", YTREE_SEQ)) == NULL)
		return (false);
	errno = 0;
	count = strtoll(n->str, &end, 10);
	if (*n->str == '\0' || *end != '\0' || count < 0 || errno != 0 ||
	    count > NUM_LIMIT)
		return (bad(L, n, "n"));
	ledger_prov_add_cell(L->p, cell, count, NULL, 0);
	for (k = 0; k < rows->n; k++) {
		if (rows->items[k]->kind != YTREE_SCALAR ||
		    (idx = row_index(L, rows->items[k]->str)) < 0)
			return (bad(L, rows->items[k], "rows"));
		one = (size_t)idx;
		ledger_prov_add_cell(L->p, cell, 0, &one, 1);
	}
	return (true);
}

/* Every input cell of 三 not listed was counted 0. */
static void
zero_cells(struct pload *L)
{
	const struct tpl	*t = L->t;
	size_t			 i;

	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].formula < 0 &&
		    strcmp(t->blocks[t->cells[i].block].id, "t3") == 0 &&
		    find_cell(L->p, (int)i) == NULL)
			ledger_prov_add_cell(L->p, (int)i, 0, NULL, 0);
}

static bool
load_head(struct pload *L, const struct ytree *node)
{
	const struct ytree	*reg, *sha, *year, *carry;
	int			 y;

	if ((reg = need(L, node, "register", YTREE_SCALAR)) == NULL ||
	    (sha = need(L, node, "sha256", YTREE_SCALAR)) == NULL ||
	    (year = need(L, node, "year", YTREE_SCALAR)) == NULL ||
	    (carry = need(L, node, "carried_in", YTREE_SCALAR)) == NULL)
		return (false);
	if (sha->len != 64 || strspn(sha->str, "0123456789abcdef") != 64)
		return (bad(L, sha, "sha256"));
	if (!year_parse(year->str, &y))
		return (bad(L, year, "year"));
	if (strcmp(carry->str, "register") != 0 &&
	    strcmp(carry->str, "previous") != 0)
		return (bad(L, carry, "carried_in"));
	L->p = ledger_prov_new(reg->str, sha->str, y,
	    strcmp(carry->str, "previous") == 0 ? LEDGER_CARRY_PREVIOUS :
	    LEDGER_CARRY_REGISTER);
	return (true);
}

static bool
known_keys(struct pload *L, const struct ytree *node)
{
	static const char *const keys[] = { "register", "sha256", "year",
	    "carried_in", "rows", "cells", NULL };
	size_t	i;
	int	k;

	for (i = 0; i < node->n; i++) {
		for (k = 0; keys[k] != NULL; k++)
			if (strcmp(node->keys[i]->str, keys[k]) == 0)
				break;
		if (keys[k] == NULL)
			return (bad(L, node->keys[i], node->keys[i]->str));
	}
	return (true);
}

bool
ledger_prov_load(struct report *r, const struct ytree *node,
    const char *path, struct err *err)
{
	struct pload		 L = { NULL, report_tpl(r), path, err, NULL };
	const struct ytree	*rows, *cells;
	size_t			 i;
	bool			 ok = false;

	if (node->kind != YTREE_MAP)
		return (bad(&L, node, "ledger"));
	if (!known_keys(&L, node) || !load_head(&L, node))
		return (false);
	if ((rows = need(&L, node, "rows", YTREE_MAP)) == NULL ||
	    (cells = need(&L, node, "cells", YTREE_MAP)) == NULL ||
	    !load_rows(&L, rows))
		goto done;
	L.byref = xcalloc(L.p->nrows + 1, sizeof *L.byref);
	for (i = 0; i < L.p->nrows; i++)
		L.byref[i] = i;
	qsort_r(L.byref, L.p->nrows, sizeof *L.byref, by_ref, L.p);
	for (i = 0; i < cells->n; i++)
		if (!load_cell(&L, cells->keys[i], cells->items[i]))
			goto done;
	zero_cells(&L);
	ok = true;
done:
	free(L.byref);
	if (ok)
		ledger_prov_free(report_swap_prov(r, L.p));
	else
		ledger_prov_free(L.p);
	return (ok);
}
