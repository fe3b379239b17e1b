/*
 * Expressions, iterations and rule instances; the language is in
 * tpl_expr.h and templates/SCHEMA.md.
 *
 * Since every formula and check of the statutory formats is a sum,
 * compiling to a flat list of signed terms is all we need, and
 * evaluating one is a loop of overflow-checked additions (report.c).  A
 * reference is resolved against the blocks' leaf ids; a range expands to
 * one term per cell.  The block an iteration runs over is the one named
 * by the reference that holds {row} or {col}.
 */
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "tpl_expr.h"
#include "vec.h"
#include "xmalloc.h"

/* Terms under construction. */
struct terms {
	struct tpl_term	*v;
	size_t		 n;
	size_t		 cap;
};

/* Where an error in an expression is reported. */
struct ectx {
	struct tpl_parse	*P;
	const struct ytree	*at;
	const char		*src;
};

static void
eerr(struct ectx *E, const char *detail)
{
	tpl_parse_err(E->P, E->at, "tpl.bad_expr", 2, E->src, detail);
}

static int
block_index(const struct tpl *t, const char *id, size_t len)
{
	size_t	i;

	for (i = 0; i < t->nblocks; i++)
		if (strlen(t->blocks[i].id) == len &&
		    strncmp(t->blocks[i].id, id, len) == 0)
			return ((int)i);
	return (-1);
}

static int
leaf_index(const struct tpl_node *nodes, const int *leaves, size_t n,
    const char *id, size_t len)
{
	size_t		 i;
	const char	*lid;

	for (i = 0; i < n; i++) {
		lid = nodes[leaves[i]].id;
		if (lid != NULL && strlen(lid) == len &&
		    strncmp(lid, id, len) == 0)
			return ((int)i);
	}
	return (-1);
}

/* Resolves "a" or "a:b" among leaves into [*lo, *hi]; false if unknown. */
static bool
leaf_range(const struct tpl_node *nodes, const int *leaves, size_t n,
    const char *spec, size_t len, int *lo, int *hi)
{
	const char *colon = memchr(spec, ':', len);

	if (colon == NULL) {
		*lo = *hi = leaf_index(nodes, leaves, n, spec, len);
		return (*lo >= 0);
	}
	*lo = leaf_index(nodes, leaves, n, spec, (size_t)(colon - spec));
	*hi = leaf_index(nodes, leaves, n, colon + 1,
	    len - (size_t)(colon - spec) - 1);
	return (*lo >= 0 && *hi >= *lo);
}

static void
add_term(struct terms *T, enum tpl_term_kind kind, int sign, int cell,
    int64_t value)
{
	struct tpl_term	*tm = VEC_PUSH(T->v, T->n, T->cap);

	tm->kind = kind;
	tm->sign = sign;
	tm->cell = cell;
	tm->value = value;
}

/* Expands the reference ref[0..len) into terms of the given kind. */
static bool
add_ref(struct ectx *E, const char *ref, size_t len, enum tpl_term_kind kind,
    int sign, struct terms *T)
{
	const struct tpl	*t = E->P->t;
	const char		*d1, *d2, *end = ref + len;
	const struct tpl_block	*b;
	int			 bi, r0, r1, c0, c1, r, c;

	d1 = memchr(ref, '.', len);
	d2 = d1 ? memchr(d1 + 1, '.', (size_t)(end - d1 - 1)) : NULL;
	if (d1 == NULL || d2 == NULL || memchr(d2 + 1, '.',
	    (size_t)(end - d2 - 1)) != NULL) {
		eerr(E, "block.row.column");
		return (false);
	}
	if ((bi = block_index(t, ref, (size_t)(d1 - ref))) < 0) {
		eerr(E, "block");
		return (false);
	}
	b = &t->blocks[bi];
	if (!leaf_range(b->rownodes, b->rows, b->nrows, d1 + 1,
	    (size_t)(d2 - d1 - 1), &r0, &r1)) {
		eerr(E, "row");
		return (false);
	}
	if (!leaf_range(b->colnodes, b->cols, b->ncols, d2 + 1,
	    (size_t)(end - d2 - 1), &c0, &c1)) {
		eerr(E, "column");
		return (false);
	}
	for (r = r0; r <= r1; r++)
		for (c = c0; c <= c1; c++)
			add_term(T, kind, sign,
			    b->first_cell + r * (int)b->ncols + c, 0);
	return (true);
}

static bool
is_refc(char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':');
}

/* fn(ref) with fn's name at s[i..j) and '(' at s[j]; *end past ')'. */
static bool
compile_call(struct ectx *E, const char *s, size_t len, size_t i, size_t j,
    int sign, struct terms *T, size_t *end)
{
	static const struct { const char *name; enum tpl_term_kind kind; }
	    fns[] = { { "sum", TPL_T_CELL }, { "prev", TPL_T_PREV },
	    { "published", TPL_T_PUBLISHED } };
	size_t	k, a = j + 1, b;

	for (k = 0; k < 3; k++)
		if (strlen(fns[k].name) == j - i &&
		    strncmp(fns[k].name, s + i, j - i) == 0)
			break;
	for (b = a; b < len && s[b] != ')'; b++)
		;
	if (k == 3 || b == len) {
		eerr(E, "function");
		return (false);
	}
	*end = b + 1;
	return (add_ref(E, s + a, b - a, fns[k].kind, sign, T));
}

/* An integer literal s[i..j). */
static bool
compile_number(struct ectx *E, const char *s, size_t i, size_t j, int sign,
    struct terms *T)
{
	int64_t	v = 0;
	size_t	k;

	for (k = i; k < j; k++) {
		if (s[k] < '0' || s[k] > '9' || v > NUM_LIMIT) {
			eerr(E, "number");
			return (false);
		}
		v = v * 10 + (s[k] - '0');
	}
	add_term(T, TPL_T_CONST, sign, -1, v);
	return (true);
}

/* The term starting at s[*i]; moves *i past it. */
static bool
compile_term(struct ectx *E, const char *s, size_t len, size_t *i, int sign,
    struct terms *T)
{
	size_t	j;

	for (j = *i; j < len && is_refc(s[j]); j++)
		;
	if (j < len && s[j] == '(')
		return (compile_call(E, s, len, *i, j, sign, T, i));
	if (s[*i] >= '0' && s[*i] <= '9' &&
	    memchr(s + *i, '.', j - *i) == NULL) {
		if (!compile_number(E, s, *i, j, sign, T))
			return (false);
	} else if (!add_ref(E, s + *i, j - *i, TPL_T_CELL, sign, T))
		return (false);
	*i = j;
	return (true);
}

/* Compiles s[0..len): terms joined by + and -. */
static bool
compile_side(struct ectx *E, const char *s, size_t len, struct terms *T)
{
	size_t	i = 0;
	int	sign = 1;
	bool	want_term = true;

	while (i < len) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		if (s[i] == '+' || s[i] == '-') {
			if (!want_term)
				want_term = true;
			else if (sign == -1 || T->n > 0) {
				eerr(E, "operator");
				return (false);
			}
			if (s[i++] == '-')
				sign = -1;
			continue;
		}
		if (!want_term || !is_refc(s[i])) {
			eerr(E, "syntax");
			return (false);
		}
		if (!compile_term(E, s, len, &i, sign, T))
			return (false);
		sign = 1;
		want_term = false;
	}
	if (want_term)
		eerr(E, "empty");
	return (!want_term);
}

bool
tpl_expr_compile(struct tpl_parse *P, const struct ytree *at, const char *src,
    size_t len, struct tpl_term **terms, size_t *n)
{
	struct ectx	E = { P, at, src };
	struct terms	T = { NULL, 0, 0 };
	bool		ok;

	ok = compile_side(&E, src, len, &T);
	*terms = T.v;
	*n = T.n;
	return (ok);
}

char *
tpl_expr_substitute(const struct tpl *t, const char *src,
    const struct tpl_iter *it)
{
	struct sbuf		 b;
	const struct tpl_block	*blk;
	const char		*p;

	sbuf_init(&b);
	for (p = src; *p != '\0'; p++) {
		if (it->block >= 0 && it->row >= 0 &&
		    strncmp(p, "{row}", 5) == 0) {
			blk = &t->blocks[it->block];
			sbuf_adds(&b, tpl_row_node(blk, it->row)->id);
			p += 4;
		} else if (it->block >= 0 && it->col >= 0 &&
		    strncmp(p, "{col}", 5) == 0) {
			blk = &t->blocks[it->block];
			sbuf_adds(&b, tpl_col_node(blk, it->col)->id);
			p += 4;
		} else
			sbuf_addc(&b, *p);
	}
	return (sbuf_take(&b));
}

/* The block named by the reference that holds "{row}" or "{col}". */
static int
iter_block(const struct tpl *t, const char *src)
{
	const char	*p = strstr(src, "{row}"), *q = strstr(src, "{col}");
	const char	*start;

	if (p == NULL || (q != NULL && q < p))
		p = q;
	if (p == NULL)
		return (-1);
	for (start = p; start > src && (is_refc(start[-1]) ||
	    start[-1] == '{' || start[-1] == '}'); start--)
		;
	q = strchr(start, '.');
	return (q != NULL ? block_index(t, start, (size_t)(q - start)) : -1);
}

/* Reports the items of a list that are not leaf ids. */
static void
check_leaf_list(struct tpl_parse *P, const struct ytree *list,
    const struct tpl_node *nodes, const int *leaves, size_t n)
{
	const struct ytree	*x;
	size_t			 k;

	for (k = 0; k < list->n; k++) {
		x = list->items[k];
		if (x->kind != YTREE_SCALAR ||
		    leaf_index(nodes, leaves, n, x->str, x->len) < 0)
			tpl_parse_err(P, x, "tpl.bad_iter", 1,
			    x->str ? x->str : "?", NULL);
	}
}

/* Leaves out of which[0..m) those named in except; returns how many stay. */
static size_t
drop_except(const struct ytree *except, const struct tpl_node *nodes,
    const int *leaves, int *which, size_t m)
{
	const struct ytree	*x;
	size_t			 i, k, e;
	bool			 skip;

	for (i = k = 0; i < m; i++) {
		skip = false;
		for (e = 0; e < except->n; e++) {
			x = except->items[e];
			if (x->kind == YTREE_SCALAR &&
			    nodes[leaves[which[i]]].id != NULL &&
			    strcmp(nodes[leaves[which[i]]].id, x->str) == 0)
				skip = true;
		}
		if (!skip)
			which[k++] = which[i];
	}
	return (k);
}

/* Fills which[] with the leaves of a for_rows/for_cols list, minus except. */
static size_t
iter_list(struct tpl_parse *P, const struct ytree *spec,
    const struct ytree *except, const struct tpl_node *nodes,
    const int *leaves, size_t n, int *which)
{
	const struct ytree	*x;
	size_t			 i, k, m = 0;
	int			 li;

	if (spec->kind == YTREE_SCALAR) {
		if (strcmp(spec->str, "*") != 0) {
			tpl_parse_err(P, spec, "tpl.bad_iter", 1, spec->str,
			    NULL);
			return (0);
		}
		for (i = 0; i < n; i++)
			which[m++] = (int)i;
	} else if (spec->kind == YTREE_SEQ) {
		for (k = 0; k < spec->n && m < n; k++) {
			x = spec->items[k];
			li = x->kind == YTREE_SCALAR ?
			    leaf_index(nodes, leaves, n, x->str, x->len) : -1;
			if (li < 0)
				tpl_parse_err(P, x, "tpl.bad_iter", 1,
				    x->str ? x->str : "?", NULL);
			else
				which[m++] = li;
		}
	}
	if (except == NULL || except->kind != YTREE_SEQ)
		return (m);
	check_leaf_list(P, except, nodes, leaves, n);
	return (drop_except(except, nodes, leaves, which, m));
}

size_t
tpl_expr_expand(struct tpl_parse *P, const struct ytree *entry,
    const char *src, struct tpl_iter **out)
{
	const struct ytree	*fr = ytree_get(entry, "for_rows");
	const struct ytree	*fc = ytree_get(entry, "for_cols");
	const struct ytree	*ex = ytree_get(entry, "except");
	const struct tpl_block	*b;
	int			*rows, *cols, bi;
	size_t			 nr = 1, nc = 1, i, j, n = 0;

	*out = NULL;
	if (fr == NULL && fc == NULL) {
		*out = xcalloc(1, sizeof **out);
		(*out)[0].block = (*out)[0].row = (*out)[0].col = -1;
		return (1);
	}
	if ((bi = iter_block(P->t, src)) < 0) {
		tpl_parse_err(P, entry, "tpl.iter_block", 1, src, NULL);
		return (0);
	}
	b = &P->t->blocks[bi];
	rows = xcalloc(b->nrows + 1, sizeof *rows);
	cols = xcalloc(b->ncols + 1, sizeof *cols);
	rows[0] = cols[0] = -1;
	if (fr != NULL)
		nr = iter_list(P, fr, fc == NULL ? ex : NULL, b->rownodes,
		    b->rows, b->nrows, rows);
	if (fc != NULL)
		nc = iter_list(P, fc, ex, b->colnodes, b->cols, b->ncols,
		    cols);
	*out = xcalloc(nr * nc + 1, sizeof **out);
	for (i = 0; i < nr; i++)
		for (j = 0; j < nc; j++) {
			(*out)[n].block = bi;
			(*out)[n].row = rows[i];
			(*out)[n].col = cols[j];
			n++;
		}
	free(rows);
	free(cols);
	return (n);
}

int
tpl_expr_inst(struct tpl_parse *P, int rule, const struct tpl_iter *it)
{
	struct tpl	*t = P->t;
	struct tpl_inst	*in = VEC_PUSH(t->insts, t->ninsts, P->capinsts);

	in->rule = rule;
	in->iter_block = it ? it->block : -1;
	in->iter_row = it ? it->row : -1;
	in->iter_col = it ? it->col : -1;
	return ((int)t->ninsts - 1);
}

/* Lists the cells an instance reads, and whether it needs prev/published. */
static void
inst_cells(struct tpl_inst *in)
{
	const struct tpl_term	*tm;
	size_t			 i, cap = 0;

	for (i = 0; i < in->nlhs + in->nrhs; i++) {
		tm = i < in->nlhs ? &in->lhs[i] : &in->rhs[i - in->nlhs];
		if (tm->kind == TPL_T_CONST)
			continue;
		tpl_parse_add_unique(&in->cells, &in->ncells, &cap, tm->cell);
		in->uses_prev |= tm->kind == TPL_T_PREV;
		in->uses_published |= tm->kind == TPL_T_PUBLISHED;
	}
}

/* The operator of "lhs OP rhs": its position and length, or NULL. */
static const char *
find_op(const char *src, enum tpl_op *op, size_t *oplen)
{
	static const struct { const char *s; enum tpl_op op; } ops[] = {
		{ "<=", TPL_LE }, { ">=", TPL_GE }, { "==", TPL_EQ },
		{ "=", TPL_EQ }
	};
	const char	*p;
	size_t		 k;

	for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
		if ((p = strstr(src, ops[k].s)) != NULL) {
			*op = ops[k].op;
			*oplen = strlen(ops[k].s);
			return (p);
		}
	return (NULL);
}

void
tpl_expr_check(struct tpl_parse *P, const struct ytree *at, int rule,
    const char *src, const struct tpl_iter *it)
{
	struct ectx	 E = { P, at, src };
	struct terms	 L = { NULL, 0, 0 }, R = { NULL, 0, 0 };
	struct tpl_inst	 in = { 0 };
	const char	*op;
	size_t		 oplen;

	if ((op = find_op(src, &in.op, &oplen)) == NULL) {
		eerr(&E, "= <= >=");
		return;
	}
	/* Errors on either side quote the whole check. */
	if (!compile_side(&E, src, (size_t)(op - src), &L) ||
	    !compile_side(&E, op + oplen, strlen(op + oplen), &R)) {
		free(L.v);
		free(R.v);
		return;
	}
	in.lhs = L.v;
	in.nlhs = L.n;
	in.rhs = R.v;
	in.nrhs = R.n;
	in.rule = rule;
	in.iter_block = it ? it->block : -1;
	in.iter_row = it ? it->row : -1;
	in.iter_col = it ? it->col : -1;
	inst_cells(&in);
	*VEC_PUSH(P->t->insts, P->t->ninsts, P->capinsts) = in;
}

void
tpl_expr_sum(struct tpl_parse *P, const struct ytree *at, int rule,
    const char *src)
{
	int		 ii = tpl_expr_inst(P, rule, NULL);	/* may move insts */
	struct tpl_inst	*in = &P->t->insts[ii];

	if (tpl_expr_compile(P, at, src, strlen(src), &in->lhs, &in->nlhs))
		inst_cells(in);
}
