/*
 * The formulas of a template (for the template loader, tpl_load.c): the
 * `formulas:` list compiled into struct tpl_formula, one per computed
 * cell, their dependency order (tpl->order: a formula comes after those
 * of the computed cells it reads) and, per cell, the formulas that read
 * it (tpl_cell.deps), which let a report recompute only what a change
 * touches.
 */
#ifndef NB_TPL_FORMULA_H
#define NB_TPL_FORMULA_H

#include "tpl_parse.h"
#include "ytree.h"

/* Compiles list (NULL: no formulas) into P->t; a cycle is tpl.cycle. */
void	tpl_formula_load(struct tpl_parse *, const struct ytree *list);

#endif
