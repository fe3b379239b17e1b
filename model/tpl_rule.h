/*
 * The rules of a template (for the template loader, tpl_load.c): the
 * `rules:` list compiled into struct tpl_rule and its instances
 * (struct tpl_inst), and, per cell, the instances that read it
 * (tpl_cell.rdeps), so that a report re-checks only what a change
 * touches.  What a rule of each kind reads is its kind's parser's
 * business (rulekind.h); the helpers below serve those parsers.
 */
#ifndef NB_TPL_RULE_H
#define NB_TPL_RULE_H

#include <stdint.h>

#include "tpl_parse.h"
#include "ytree.h"

/* Compiles list (NULL: no rules) into P->t. */
void	tpl_rule_load(struct tpl_parse *, const struct ytree *list);

/* The index of the section the entry's `section:` names, or -1 when it is
 * missing (tpl.missing_key) or unknown (tpl.unknown_section). */
int	tpl_rule_section(struct tpl_parse *, const struct ytree *entry);

/* The entry's required `pattern:` (an ICU regex), compiled into rule's
 * pattern and re (tpl.bad_regex when it does not compile). */
void	tpl_rule_pattern(struct tpl_parse *, const struct ytree *entry,
	    int rule);

/* The entry's `key:`, a whole number from 1 to top as strtoll reads it;
 * anything else is reported with msgid {0}=key (and returned as read). */
int64_t	tpl_rule_limit(struct tpl_parse *, const struct ytree *entry,
	    const char *key, int64_t top, const char *msgid);

/* Whether rule ru holds for organ: always without `organ:`, else when
 * the name ends in one of its endings, as it is or with a closing
 * 人民政府, 政府 or 办事处 dropped. */
bool	tpl_rule_organ_fits(const struct tpl_rule *ru, const char *organ);

#endif
