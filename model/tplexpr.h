/*
 * The formula and rule part of template loading (internal to tpl.c and
 * tplexpr.c): compiles the `formulas:` and `rules:` lists of a template
 * into linear terms, expands iterations over rows and columns, computes
 * the formulas' dependency order and the reverse dependencies that let a
 * report recompute only what a change affects.
 */
#ifndef NB_TPLEXPR_H
#define NB_TPLEXPR_H

#include "err.h"
#include "tpl.h"
#include "ytree.h"

struct tpl_loader {
	struct tpl	*t;
	struct errlist	*errs;
	const char	*path;
};

/* Records a problem at node at (may be NULL) with up to two args. */
void	tpl_lerr(struct tpl_loader *, const struct ytree *at,
	    const char *msgid, int nargs, const char *, const char *);

/* Reports every key of map not in allowed (NULL-terminated). */
void	tpl_check_keys(struct tpl_loader *, const struct ytree *map,
	    const char *const *allowed);

/* list may be NULL (no formulas / no rules). */
void	tplexpr_formulas(struct tpl_loader *, const struct ytree *list);
void	tplexpr_rules(struct tpl_loader *, const struct ytree *list);
void	tplexpr_free(struct tpl *);

#endif
