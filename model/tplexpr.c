/*
 * Formulas and rules of a template, compiled.
 *
 * An expression is a linear sum: terms joined by + and -, each a cell
 * reference (one cell or a range of rows or columns of one block), an
 * integer, sum(range), prev(ref) or published(ref).  Since every formula
 * and check in the statutory formats is a sum, compiling to a flat list of
 * signed terms is all we need, and evaluating one is a loop of
 * overflow-checked additions.
 *
 * An entry with for_rows/for_cols is expanded once per iterated row or
 * column: the placeholders {row} and {col} are replaced by the leaf id and
 * the result compiled like any other expression.  The block iterated over
 * is the one named by the reference that holds the placeholder.
 */
#include <stdlib.h>
#include <string.h>


#include "regex.h"
#include "sbuf.h"
#include "tplexpr.h"
#include "xmalloc.h"

#define GROW(arr, n) \
	((arr) = xreallocarray((arr), (n) + 1, sizeof *(arr)), \
	 memset(&(arr)[(n)], 0, sizeof *(arr)), (int)(n)++)

/* One expansion of an iterated entry. */
struct iter {
	int	block;		/* -1: no iteration */
	int	row;		/* leaf index or -1 */
	int	col;
};

/* Where an error in an expression is reported. */
struct ectx {
	struct tpl_loader	*L;
	const struct ytree	*at;
	const char		*src;
};

static void
eerr(struct ectx *E, const char *detail)
{
	tpl_lerr(E->L, E->at, "tpl.bad_expr", 2, E->src, detail);
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
	size_t	i;
	const char *lid;

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
add_term(struct tpl_term **terms, size_t *n, enum tpl_term_kind kind,
    int sign, int cell, int64_t value)
{
	int	i = GROW(*terms, *n);

	(*terms)[i].kind = kind;
	(*terms)[i].sign = sign;
	(*terms)[i].cell = cell;
	(*terms)[i].value = value;
}

/* Expands the reference ref[0..len) into terms of the given kind. */
static bool
add_ref(struct ectx *E, const char *ref, size_t len, enum tpl_term_kind kind,
    int sign, struct tpl_term **terms, size_t *n)
{
	const struct tpl	*t = E->L->t;
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
			add_term(terms, n, kind, sign,
			    b->first_cell + r * (int)b->ncols + c, 0);
	return (true);
}

static bool
is_refc(char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':');
}

/* Compiles one side of an expression, s[0..len). */
static bool
compile_side(struct ectx *E, const char *s, size_t len,
    struct tpl_term **terms, size_t *n)
{
	static const struct { const char *name; enum tpl_term_kind kind; }
	    fns[] = { { "sum", TPL_T_CELL }, { "prev", TPL_T_PREV },
	    { "published", TPL_T_PUBLISHED } };
	size_t	i = 0, j, k;
	int	sign = 1;
	bool	want_term = true;
	int64_t	v;

	while (i < len) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		if (s[i] == '+' || s[i] == '-') {
			if (!want_term)
				want_term = true;
			else if (sign == -1 || *n > 0) {
				eerr(E, "operator");
				return (false);
			}
			if (s[i] == '-')
				sign = -1;
			i++;
			continue;
		}
		if (!want_term || !is_refc(s[i])) {
			eerr(E, "syntax");
			return (false);
		}
		for (j = i; j < len && is_refc(s[j]); j++)
			;
		if (j < len && s[j] == '(') {
			for (k = 0; k < 3; k++)
				if (strlen(fns[k].name) == j - i &&
				    strncmp(fns[k].name, s + i, j - i) == 0)
					break;
			i = j + 1;
			for (j = i; j < len && s[j] != ')'; j++)
				;
			if (k == 3 || j == len) {
				eerr(E, "function");
				return (false);
			}
			if (!add_ref(E, s + i, j - i, fns[k].kind, sign,
			    terms, n))
				return (false);
			j++;
		} else if (s[i] >= '0' && s[i] <= '9' &&
		    memchr(s + i, '.', j - i) == NULL) {
			for (v = 0, k = i; k < j; k++) {
				if (s[k] < '0' || s[k] > '9' ||
				    v > NUM_LIMIT) {
					eerr(E, "number");
					return (false);
				}
				v = v * 10 + (s[k] - '0');
			}
			add_term(terms, n, TPL_T_CONST, sign, -1, v);
		} else if (!add_ref(E, s + i, j - i, TPL_T_CELL, sign, terms,
		    n))
			return (false);
		i = j;
		sign = 1;
		want_term = false;
	}
	if (want_term) {
		eerr(E, "empty");
		return (false);
	}
	return (true);
}

/* Replaces {row} and {col}.  Newly allocated. */
static char *
substitute(const struct tpl *t, const char *src, const struct iter *it)
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

/* Fills which[] with the leaves of a for_rows/for_cols list, minus except. */
static size_t
iter_list(struct tpl_loader *L, const struct ytree *spec,
    const struct ytree *except, const struct tpl_node *nodes,
    const int *leaves, size_t n, int *which)
{
	size_t	 i, k, m = 0;
	int	 li;
	bool	 skip;

	if (spec->kind == YTREE_SCALAR) {
		if (strcmp(spec->str, "*") != 0) {
			tpl_lerr(L, spec, "tpl.bad_iter", 1, spec->str, NULL);
			return (0);
		}
		for (i = 0; i < n; i++)
			which[m++] = (int)i;
	} else if (spec->kind == YTREE_SEQ) {
		for (k = 0; k < spec->n && m < n; k++) {
			li = spec->items[k]->kind == YTREE_SCALAR ?
			    leaf_index(nodes, leaves, n, spec->items[k]->str,
			    spec->items[k]->len) : -1;
			if (li < 0)
				tpl_lerr(L, spec->items[k], "tpl.bad_iter", 1,
				    spec->items[k]->str ? spec->items[k]->str :
				    "?", NULL);
			else
				which[m++] = li;
		}
	}
	if (except == NULL || except->kind != YTREE_SEQ)
		return (m);
	for (k = 0; k < except->n; k++)
		if (except->items[k]->kind != YTREE_SCALAR ||
		    leaf_index(nodes, leaves, n, except->items[k]->str,
		    except->items[k]->len) < 0)
			tpl_lerr(L, except->items[k], "tpl.bad_iter", 1,
			    except->items[k]->str ? except->items[k]->str :
			    "?", NULL);
	for (i = k = 0; i < m; i++) {
		skip = false;
		for (size_t e = 0; e < except->n; e++) {
			const struct ytree *x = except->items[e];
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

/*
 * Expands the iteration of entry (keys for_rows, for_cols, except) whose
 * expression text is src.  Returns the number of iterations in *out
 * (newly allocated); a non-iterated entry gives one with block -1.
 */
static size_t
expand(struct tpl_loader *L, const struct ytree *entry, const char *src,
    struct iter **out)
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
	if ((bi = iter_block(L->t, src)) < 0) {
		tpl_lerr(L, entry, "tpl.iter_block", 1, src, NULL);
		return (0);
	}
	b = &L->t->blocks[bi];
	rows = xcalloc(b->nrows + 1, sizeof *rows);
	cols = xcalloc(b->ncols + 1, sizeof *cols);
	rows[0] = cols[0] = -1;
	if (fr != NULL)
		nr = iter_list(L, fr, fc == NULL ? ex : NULL, b->rownodes,
		    b->rows, b->nrows, rows);
	if (fc != NULL)
		nc = iter_list(L, fc, ex, b->colnodes, b->cols, b->ncols,
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

static bool
types_mix(const struct tpl_type *a, const struct tpl_type *b)
{
	return ((a->kind == NUM_MONEY) == (b->kind == NUM_MONEY));
}

static void
add_formula(struct tpl_loader *L, const struct ytree *entry,
    const char *cellsrc, const char *exprsrc)
{
	struct tpl	*t = L->t;
	struct ectx	 E = { L, entry, cellsrc };
	struct tpl_term	*target = NULL, *terms = NULL;
	size_t		 ntarget = 0, nterms = 0, i;
	int		 fi, cell;

	if (!compile_side(&E, cellsrc, strlen(cellsrc), &target, &ntarget))
		goto out;
	if (ntarget != 1 || target[0].kind != TPL_T_CELL) {
		eerr(&E, "one cell");
		goto out;
	}
	cell = target[0].cell;
	if (t->cells[cell].formula >= 0) {
		tpl_lerr(L, entry, "tpl.dup_formula", 1, t->cells[cell].id,
		    NULL);
		goto out;
	}
	E.src = exprsrc;
	if (!compile_side(&E, exprsrc, strlen(exprsrc), &terms, &nterms))
		goto out;
	for (i = 0; i < nterms; i++) {
		if (terms[i].kind == TPL_T_PREV ||
		    terms[i].kind == TPL_T_PUBLISHED) {
			eerr(&E, "prev/published");
			goto out;
		}
		if (terms[i].kind == TPL_T_CELL && !types_mix(
		    &t->cells[cell].type, &t->cells[terms[i].cell].type)) {
			tpl_lerr(L, entry, "tpl.type_mismatch", 2,
			    t->cells[cell].id, t->cells[terms[i].cell].id);
			goto out;
		}
	}
	fi = GROW(t->formulas, t->nformulas);
	t->formulas[fi].cell = cell;
	t->formulas[fi].terms = terms;
	t->formulas[fi].nterms = nterms;
	t->cells[cell].formula = fi;
	terms = NULL;
out:
	free(target);
	free(terms);
}

static void
push_int(int **arr, size_t *n, int v)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if ((*arr)[i] == v)
			return;
	*arr = xreallocarray(*arr, *n + 1, sizeof **arr);
	(*arr)[(*n)++] = v;
}

/* Kahn's algorithm over "formula g computes a cell formula f reads". */
static void
order_formulas(struct tpl_loader *L, const struct ytree *list)
{
	struct tpl	*t = L->t;
	int		*indeg, *queue;
	size_t		 i, j, head = 0, tail = 0;
	int		 f, g;

	for (i = 0; i < t->nformulas; i++)
		for (j = 0; j < t->formulas[i].nterms; j++)
			if (t->formulas[i].terms[j].kind == TPL_T_CELL)
				push_int(&t->cells[t->formulas[i].terms[j]
				    .cell].deps, &t->cells[t->formulas[i]
				    .terms[j].cell].ndeps, (int)i);
	indeg = xcalloc(t->nformulas + 1, sizeof *indeg);
	queue = xcalloc(t->nformulas + 1, sizeof *queue);
	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].formula >= 0)
			for (j = 0; j < t->cells[i].ndeps; j++)
				indeg[t->cells[i].deps[j]]++;
	for (i = 0; i < t->nformulas; i++)
		if (indeg[i] == 0)
			queue[tail++] = (int)i;
	while (head < tail) {
		f = queue[head++];
		t->formulas[f].order = (int)head - 1;
		for (j = 0; j < t->cells[t->formulas[f].cell].ndeps; j++) {
			g = t->cells[t->formulas[f].cell].deps[j];
			if (--indeg[g] == 0)
				queue[tail++] = g;
		}
	}
	if (tail < t->nformulas) {
		for (i = 0; i < t->nformulas && indeg[i] == 0; i++)
			;
		tpl_lerr(L, list, "tpl.cycle", 1,
		    t->cells[t->formulas[i].cell].id, NULL);
	}
	t->order = queue;
	free(indeg);
}

void
tplexpr_formulas(struct tpl_loader *L, const struct ytree *list)
{
	static const char *const allowed[] = { "cell", "expr", "for_rows",
	    "for_cols", "except", NULL };
	const struct ytree	*e, *cell, *expr;
	struct iter		*its;
	size_t			 k, i, n;
	char			*c, *x;

	for (k = 0; list != NULL && k < list->n; k++) {
		e = list->items[k];
		if (e->kind != YTREE_MAP) {
			tpl_lerr(L, e, "tpl.type", 1, "mapping", NULL);
			continue;
		}
		tpl_check_keys(L, e, allowed);
		cell = ytree_get(e, "cell");
		expr = ytree_get(e, "expr");
		if (cell == NULL || cell->kind != YTREE_SCALAR ||
		    expr == NULL || expr->kind != YTREE_SCALAR) {
			tpl_lerr(L, e, "tpl.missing_key", 1, "cell/expr",
			    NULL);
			continue;
		}
		n = expand(L, e, cell->str, &its);
		for (i = 0; i < n; i++) {
			c = substitute(L->t, cell->str, &its[i]);
			x = substitute(L->t, expr->str, &its[i]);
			add_formula(L, e, c, x);
			free(c);
			free(x);
		}
		free(its);
	}
	order_formulas(L, list);
}

static int
new_inst(struct tpl *t, int rule, const struct iter *it)
{
	int	i = GROW(t->insts, t->ninsts);

	t->insts[i].rule = rule;
	t->insts[i].iter_block = it ? it->block : -1;
	t->insts[i].iter_row = it ? it->row : -1;
	t->insts[i].iter_col = it ? it->col : -1;
	return (i);
}

static void
inst_cells(struct tpl_inst *in, const struct tpl_term *terms, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (terms[i].kind == TPL_T_CONST)
			continue;
		push_int(&in->cells, &in->ncells, terms[i].cell);
		in->uses_prev |= terms[i].kind == TPL_T_PREV;
		in->uses_published |= terms[i].kind == TPL_T_PUBLISHED;
	}
}

/* Splits "lhs OP rhs" and compiles both sides into a new instance. */
static void
add_check(struct tpl_loader *L, const struct ytree *at, int rule,
    const char *src, const struct iter *it)
{
	struct ectx	 E = { L, at, src };
	struct tpl_inst	 in = { 0 };
	const char	*op;
	size_t		 oplen = 1;
	int		 ii;

	if ((op = strstr(src, "<=")) != NULL) {
		in.op = TPL_LE;
		oplen = 2;
	} else if ((op = strstr(src, ">=")) != NULL) {
		in.op = TPL_GE;
		oplen = 2;
	} else if ((op = strstr(src, "==")) != NULL) {
		in.op = TPL_EQ;
		oplen = 2;
	} else if ((op = strchr(src, '=')) != NULL)
		in.op = TPL_EQ;
	if (op == NULL) {
		eerr(&E, "= <= >=");
		return;
	}
	if (!compile_side(&E, src, (size_t)(op - src), &in.lhs, &in.nlhs) ||
	    !compile_side(&E, op + oplen, strlen(op + oplen), &in.rhs,
	    &in.nrhs)) {
		free(in.lhs);
		free(in.rhs);
		return;
	}
	ii = new_inst(L->t, rule, it);
	L->t->insts[ii].op = in.op;
	L->t->insts[ii].lhs = in.lhs;
	L->t->insts[ii].nlhs = in.nlhs;
	L->t->insts[ii].rhs = in.rhs;
	L->t->insts[ii].nrhs = in.nrhs;
	inst_cells(&L->t->insts[ii], in.lhs, in.nlhs);
	inst_cells(&L->t->insts[ii], in.rhs, in.nrhs);
}

/* Glob with '*' as a whole part: "t3.*.*" matches "t3.new.natural". */
static bool
part_match(const char *pat, const char *id)
{
	const char *pd, *id_d;

	if (strcmp(pat, "*") == 0)
		return (true);
	for (;;) {
		pd = strchr(pat, '.');
		id_d = strchr(id, '.');
		size_t pl = pd ? (size_t)(pd - pat) : strlen(pat);
		size_t il = id_d ? (size_t)(id_d - id) : strlen(id);
		if (!(pl == 1 && *pat == '*') &&
		    (pl != il || strncmp(pat, id, pl) != 0))
			return (false);
		if (pd == NULL || id_d == NULL)
			return (pd == NULL && id_d == NULL);
		pat = pd + 1;
		id = id_d + 1;
	}
}

static void
add_blank(struct tpl_loader *L, const struct ytree *e, int rule)
{
	const struct ytree	*cells = ytree_get(e, "cells");
	struct tpl		*t = L->t;
	size_t			 i, before = t->ninsts;
	int			 ii;

	if (cells == NULL || cells->kind != YTREE_SCALAR) {
		tpl_lerr(L, e, "tpl.missing_key", 1, "cells", NULL);
		return;
	}
	for (i = 0; i < t->ncells; i++) {
		if (t->cells[i].formula >= 0 ||
		    !part_match(cells->str, t->cells[i].id))
			continue;
		ii = new_inst(t, rule, NULL);
		push_int(&t->insts[ii].cells, &t->insts[ii].ncells, (int)i);
	}
	if (t->ninsts == before)
		tpl_lerr(L, cells, "tpl.no_cells", 1, cells->str, NULL);
}

static int
rule_section(struct tpl_loader *L, const struct ytree *e)
{
	const struct ytree *s = ytree_get(e, "section");
	int si = -1;

	if (s == NULL || s->kind != YTREE_SCALAR)
		tpl_lerr(L, e, "tpl.missing_key", 1, "section", NULL);
	else if ((si = tpl_section_index(L->t, s->str)) < 0)
		tpl_lerr(L, s, "tpl.unknown_section", 1, s->str, NULL);
	return (si);
}

/* Compiles the rule's pattern once; reports clone it (uregex_clone). */
static void
set_pattern(struct tpl_loader *L, int ri, const struct ytree *v)
{
	struct tpl_rule	*r = &L->t->rules[ri];

	if ((r->re = regex_open(v->str)) == NULL)
		tpl_lerr(L, v, "tpl.bad_regex", 1, v->str, NULL);
	else
		r->pattern = xstrdup(v->str);
}

/*
 * text_number: `value` is the expression the number caught by the
 * pattern's first group must equal; text_match: `check` must hold where
 * the pattern matches.  section "*" means every narrative section.
 */
static void
parse_text_check(struct tpl_loader *L, const struct ytree *e, int ri,
    bool number)
{
	struct tpl		*t = L->t;
	const struct ytree	*v = ytree_get(e, "section");
	const struct ytree	*x = ytree_get(e, number ? "value" : "check");
	struct ectx		 E = { L, x, x != NULL ? x->str : "" };
	int			 ii;

	t->rules[ri].kind = number ? TPL_R_TEXT_NUMBER : TPL_R_TEXT_MATCH;
	t->rules[ri].section = v != NULL && v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "*") == 0 ? -1 : rule_section(L, e);
	v = ytree_get(e, "pattern");
	if (v == NULL || v->kind != YTREE_SCALAR)
		tpl_lerr(L, e, "tpl.missing_key", 1, "pattern", NULL);
	else
		set_pattern(L, ri, v);
	if (x == NULL || x->kind != YTREE_SCALAR) {
		tpl_lerr(L, e, "tpl.missing_key", 1, number ? "value" : "check",
		    NULL);
		return;
	}
	if (!number) {
		add_check(L, x, ri, x->str, NULL);
		return;
	}
	ii = new_inst(t, ri, NULL);
	if (!compile_side(&E, x->str, x->len, &t->insts[ii].lhs,
	    &t->insts[ii].nlhs))
		return;
	inst_cells(&t->insts[ii], t->insts[ii].lhs, t->insts[ii].nlhs);
}

/* A rule's message {zh, en}: both non-empty, nothing else. */
static void
parse_message(struct tpl_loader *L, const struct ytree *m,
    struct tpl_label *out)
{
	static const char *const allowed[] = { "zh", "en", NULL };
	const struct ytree *zh = ytree_get(m, "zh"), *en = ytree_get(m, "en");

	tpl_check_keys(L, m, allowed);
	if (zh == NULL || zh->kind != YTREE_SCALAR || zh->len == 0)
		tpl_lerr(L, m, "tpl.label_lang", 2, "message", "zh");
	else if (en == NULL || en->kind != YTREE_SCALAR || en->len == 0)
		tpl_lerr(L, m, "tpl.label_lang", 2, "message", "en");
	else {
		out->s[LANG_ZH] = xstrdup(zh->str);
		out->s[LANG_EN] = xstrdup(en->str);
	}
}

static void
parse_rule(struct tpl_loader *L, const struct ytree *e)
{
	static const char *const allowed[] = { "id", "severity", "kind",
	    "for_rows", "for_cols", "except", "check", "message", "section",
	    "pattern", "max", "min", "cells", "value", NULL };
	struct tpl		*t = L->t;
	struct tpl_rule		*r;
	const struct ytree	*v;
	struct iter		*its;
	size_t			 i, n;
	int			 ri;
	char			*src;

	tpl_check_keys(L, e, allowed);
	ri = GROW(t->rules, t->nrules);
	r = &t->rules[ri];
	r->first_inst = (int)t->ninsts;
	r->section = -1;
	v = ytree_get(e, "id");
	if (v == NULL || v->kind != YTREE_SCALAR)
		tpl_lerr(L, e, "tpl.missing_key", 1, "id", NULL);
	else {
		r->id = xstrdup(v->str);
		for (i = 0; i + 1 < t->nrules; i++)
			if (t->rules[i].id != NULL &&
			    strcmp(t->rules[i].id, r->id) == 0)
				tpl_lerr(L, v, "tpl.dup_id", 1, r->id, NULL);
	}
	v = ytree_get(e, "severity");
	if (v != NULL && v->kind == YTREE_SCALAR &&
	    (strcmp(v->str, "error") == 0 || strcmp(v->str, "warning") == 0))
		r->severity = strcmp(v->str, "error") == 0 ? TPL_ERROR :
		    TPL_WARNING;
	else
		tpl_lerr(L, v ? v : e, "tpl.bad_severity", 0, NULL, NULL);
	v = ytree_get(e, "message");
	if (v == NULL || v->kind != YTREE_MAP)
		tpl_lerr(L, e, "tpl.missing_key", 1, "message", NULL);
	else
		parse_message(L, v, &r->message);
	v = ytree_get(e, "kind");
	if (v == NULL || (v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "check") == 0)) {
		r->kind = TPL_R_CHECK;
		v = ytree_get(e, "check");
		if (v == NULL || v->kind != YTREE_SCALAR) {
			tpl_lerr(L, e, "tpl.missing_key", 1, "check", NULL);
			goto done;
		}
		n = expand(L, e, v->str, &its);
		for (i = 0; i < n; i++) {
			src = substitute(t, v->str, &its[i]);
			add_check(L, v, ri, src, &its[i]);
			free(src);
		}
		free(its);
	} else if (v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "text_requires") == 0) {
		t->rules[ri].kind = TPL_R_TEXT_REQUIRES;
		t->rules[ri].section = rule_section(L, e);
		v = ytree_get(e, "pattern");
		if (v == NULL || v->kind != YTREE_SCALAR)
			tpl_lerr(L, e, "tpl.missing_key", 1, "pattern", NULL);
		else
			set_pattern(L, ri, v);
		new_inst(t, ri, NULL);
	} else if (v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "text_max") == 0) {
		t->rules[ri].kind = TPL_R_TEXT_MAX;
		t->rules[ri].section = rule_section(L, e);
		v = ytree_get(e, "max");
		if (v == NULL || v->kind != YTREE_SCALAR ||
		    (t->rules[ri].max = strtoll(v->str, NULL, 10)) <= 0)
			tpl_lerr(L, v ? v : e, "tpl.not_int", 1, "max", NULL);
		new_inst(t, ri, NULL);
	} else if (v->kind == YTREE_SCALAR &&
	    (strcmp(v->str, "text_number") == 0 ||
	    strcmp(v->str, "text_match") == 0)) {
		parse_text_check(L, e, ri, strcmp(v->str, "text_number") == 0);
	} else if (v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "text_prev_similar") == 0) {
		/* Flags a text at least min percent like last year's. */
		t->rules[ri].kind = TPL_R_TEXT_PREV;
		t->rules[ri].section = rule_section(L, e);
		v = ytree_get(e, "min");
		if (v == NULL || v->kind != YTREE_SCALAR ||
		    (t->rules[ri].max = strtoll(v->str, NULL, 10)) <= 0 ||
		    t->rules[ri].max > 100)
			tpl_lerr(L, v ? v : e, "tpl.not_percent", 1, "min",
			    NULL);
		new_inst(t, ri, NULL);
	} else if (v->kind == YTREE_SCALAR && strcmp(v->str, "blank") == 0) {
		t->rules[ri].kind = TPL_R_BLANK;
		add_blank(L, e, ri);
	} else
		tpl_lerr(L, v, "tpl.bad_kind", 1,
		    v->kind == YTREE_SCALAR ? v->str : "?", NULL);
done:
	t->rules[ri].ninsts = (int)t->ninsts - t->rules[ri].first_inst;
}

/* Which rule instances each cell feeds (edits of published values too). */
static void
link_rules(struct tpl *t)
{
	size_t	i, j;

	for (i = 0; i < t->ninsts; i++)
		for (j = 0; j < t->insts[i].ncells; j++)
			push_int(&t->cells[t->insts[i].cells[j]].rdeps,
			    &t->cells[t->insts[i].cells[j]].nrdeps, (int)i);
}

void
tplexpr_rules(struct tpl_loader *L, const struct ytree *list)
{
	size_t	k;

	for (k = 0; list != NULL && k < list->n; k++) {
		if (list->items[k]->kind != YTREE_MAP)
			tpl_lerr(L, list->items[k], "tpl.type", 1, "mapping",
			    NULL);
		else
			parse_rule(L, list->items[k]);
	}
	link_rules(L->t);
}

void
tplexpr_free(struct tpl *t)
{
	size_t	i;

	for (i = 0; i < t->nformulas; i++)
		free(t->formulas[i].terms);
	free(t->formulas);
	free(t->order);
	for (i = 0; i < t->nrules; i++) {
		free(t->rules[i].id);
		free(t->rules[i].message.s[0]);
		free(t->rules[i].message.s[1]);
		free(t->rules[i].pattern);
		uregex_close(t->rules[i].re);
	}
	free(t->rules);
	for (i = 0; i < t->ninsts; i++) {
		free(t->insts[i].lhs);
		free(t->insts[i].rhs);
		free(t->insts[i].cells);
	}
	free(t->insts);
}
