/*
 * The rules of a template (for the template loader, tpl_load.c): the
 * `rules:` list compiled into struct tpl_rule and its instances
 * (struct tpl_inst), and, per cell, the instances that read it
 * (tpl_cell.rdeps), so that a report re-checks only what a change
 * touches.
 */
#ifndef NB_TPL_RULE_H
#define NB_TPL_RULE_H

#include "tpl_parse.h"
#include "ytree.h"

/* Compiles list (NULL: no rules) into P->t. */
void	tpl_rule_load(struct tpl_parse *, const struct ytree *list);

#endif
