/*
 * Formulas: each entry (cell, expr, optionally iterated) compiles to one
 * formula per iteration.  A formula's terms must be cells of a compatible
 * type (counts and signed numbers mix, money only with money) and may not
 * use prev() or published(): those are for rules.  The evaluation order
 * is found with Kahn's algorithm; what it cannot order is a cycle.
 */
#include <stdlib.h>
#include <string.h>

#include "tpl_expr.h"
#include "tpl_formula.h"
#include "vec.h"
#include "xmalloc.h"

static bool
types_mix(const struct tpl_type *a, const struct tpl_type *b)
{
	return ((a->kind == NUM_MONEY) == (b->kind == NUM_MONEY));
}

/* Checks the terms of cell's formula; reports the first bad one. */
static bool
terms_ok(struct tpl_parse *P, const struct ytree *at, int cell,
    const char *src, const struct tpl_term *terms, size_t n)
{
	const struct tpl	*t = P->t;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (terms[i].kind == TPL_T_PREV ||
		    terms[i].kind == TPL_T_PUBLISHED) {
			tpl_parse_err(P, at, "tpl.bad_expr", 2, src,
			    "prev/published");
			return (false);
		}
		if (terms[i].kind == TPL_T_CELL && !types_mix(
		    &t->cells[cell].type, &t->cells[terms[i].cell].type)) {
			tpl_parse_err(P, at, "tpl.type_mismatch", 2,
			    t->cells[cell].id, t->cells[terms[i].cell].id);
			return (false);
		}
	}
	return (true);
}

/* The one cell cellsrc names, or -1 (reported). */
static int
target_cell(struct tpl_parse *P, const struct ytree *at, const char *cellsrc)
{
	struct tpl_term	*target = NULL;
	size_t		 n = 0;
	int		 cell = -1;

	if (tpl_expr_compile(P, at, cellsrc, strlen(cellsrc), &target, &n)) {
		if (n != 1 || target[0].kind != TPL_T_CELL)
			tpl_parse_err(P, at, "tpl.bad_expr", 2, cellsrc,
			    "one cell");
		else if (P->t->cells[target[0].cell].formula >= 0)
			tpl_parse_err(P, at, "tpl.dup_formula", 1,
			    P->t->cells[target[0].cell].id, NULL);
		else
			cell = target[0].cell;
	}
	free(target);
	return (cell);
}

static void
add_formula(struct tpl_parse *P, const struct ytree *entry,
    const char *cellsrc, const char *exprsrc)
{
	struct tpl		*t = P->t;
	struct tpl_formula	*f;
	struct tpl_term		*terms = NULL;
	size_t			 nterms = 0;
	int			 cell;

	if ((cell = target_cell(P, entry, cellsrc)) < 0)
		return;
	if (!tpl_expr_compile(P, entry, exprsrc, strlen(exprsrc), &terms,
	    &nterms) || !terms_ok(P, entry, cell, exprsrc, terms, nterms)) {
		free(terms);
		return;
	}
	f = VEC_PUSH(t->formulas, t->nformulas, P->capformulas);
	f->cell = cell;
	f->terms = terms;
	f->nterms = nterms;
	t->cells[cell].formula = (int)t->nformulas - 1;
}

/* Fills each cell's deps: the formulas that read it. */
static void
link_formulas(struct tpl *t)
{
	size_t	i, j, *cap = xcalloc(t->ncells + 1, sizeof *cap);
	int	c;

	for (i = 0; i < t->nformulas; i++)
		for (j = 0; j < t->formulas[i].nterms; j++) {
			if (t->formulas[i].terms[j].kind != TPL_T_CELL)
				continue;
			c = t->formulas[i].terms[j].cell;
			tpl_parse_add_unique(&t->cells[c].deps,
			    &t->cells[c].ndeps, &cap[c], (int)i);
		}
	free(cap);
}

/* Kahn's algorithm over "formula g computes a cell formula f reads". */
static void
order_formulas(struct tpl_parse *P, const struct ytree *list)
{
	struct tpl	*t = P->t;
	int		*indeg, *queue;
	size_t		 i, j, head = 0, tail = 0;
	int		 f, g;

	link_formulas(t);
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
		tpl_parse_err(P, list, "tpl.cycle", 1,
		    t->cells[t->formulas[i].cell].id, NULL);
	}
	t->order = queue;
	free(indeg);
}

/* One entry of the list, expanded over its iterations. */
static void
load_entry(struct tpl_parse *P, const struct ytree *e)
{
	static const char *const allowed[] = { "cell", "expr", "for_rows",
	    "for_cols", "except", NULL };
	const struct ytree	*cell, *expr;
	struct tpl_iter		*its;
	size_t			 i, n;
	char			*c, *x;

	tpl_parse_keys(P, e, allowed);
	cell = ytree_get(e, "cell");
	expr = ytree_get(e, "expr");
	if (cell == NULL || cell->kind != YTREE_SCALAR ||
	    expr == NULL || expr->kind != YTREE_SCALAR) {
		tpl_parse_err(P, e, "tpl.missing_key", 1, "cell/expr", NULL);
		return;
	}
	n = tpl_expr_expand(P, e, cell->str, &its);
	for (i = 0; i < n; i++) {
		c = tpl_expr_substitute(P->t, cell->str, &its[i]);
		x = tpl_expr_substitute(P->t, expr->str, &its[i]);
		add_formula(P, e, c, x);
		free(c);
		free(x);
	}
	free(its);
}

void
tpl_formula_load(struct tpl_parse *P, const struct ytree *list)
{
	size_t	k;

	for (k = 0; list != NULL && k < list->n; k++)
		if (tpl_parse_expect(P, list->items[k], YTREE_MAP))
			load_entry(P, list->items[k]);
	order_formulas(P, list);
}
