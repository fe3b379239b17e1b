/*
 * Expressions of a template's formulas and rules, compiled (for the
 * template loader: tpl_formula.c, tpl_rule.c and the rule kinds).
 *
 * An expression is a linear sum: terms joined by + and -, each a cell
 * reference (one cell, or a range of rows or columns of one block), an
 * integer, sum(range), prev(ref) or published(ref).  It compiles to a
 * flat list of signed terms (struct tpl_term).
 *
 * An entry with for_rows/for_cols is expanded once per iterated row or
 * column (struct tpl_iter): {row} and {col} in its text are replaced by
 * the leaf ids and the result compiled like any other expression.
 *
 * Rule instances (struct tpl_inst) are appended to the template here too:
 * a check "lhs OP rhs", or a bare sum, compiled into a new instance.
 */
#ifndef NB_TPL_EXPR_H
#define NB_TPL_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#include "tpl.h"
#include "tpl_parse.h"
#include "ytree.h"

/* One expansion of an iterated entry. */
struct tpl_iter {
	int	block;		/* -1: no iteration */
	int	row;		/* leaf index or -1 */
	int	col;
};

/*
 * Compiles src[0..len) into *terms (newly allocated; caller frees) and
 * *n.  False after reporting tpl.bad_expr at `at`; *terms may then hold
 * what was compiled so far (free it too).
 */
bool	 tpl_expr_compile(struct tpl_parse *, const struct ytree *at,
	    const char *src, size_t len, struct tpl_term **terms, size_t *n);

/*
 * The iterations of entry (keys for_rows, for_cols, except), whose
 * expression text is src: their number, and *out newly allocated (caller
 * frees).  A non-iterated entry gives one, with block -1; an entry whose
 * placeholders name no block gives none (reported).
 */
size_t	 tpl_expr_expand(struct tpl_parse *, const struct ytree *entry,
	    const char *src, struct tpl_iter **out);

/* src with {row} and {col} replaced for it.  Newly allocated. */
char	*tpl_expr_substitute(const struct tpl *, const char *src,
	    const struct tpl_iter *it);

/* Appends a new, empty instance of rule (it: its iteration, or NULL);
 * returns its index. */
int	 tpl_expr_inst(struct tpl_parse *, int rule, const struct tpl_iter *it);

/* Compiles "lhs OP rhs" (OP one of = == <= >=) into a new instance of
 * rule; reports tpl.bad_expr at `at` instead. */
void	 tpl_expr_check(struct tpl_parse *, const struct ytree *at, int rule,
	    const char *src, const struct tpl_iter *it);

/* A new instance of rule whose lhs is the sum src (no rhs, no OP). */
void	 tpl_expr_sum(struct tpl_parse *, const struct ytree *at, int rule,
	    const char *src);

#endif
