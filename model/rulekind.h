/*
 * Rule kinds as a table.  A rule kind (check, text_max, blank ...) is a
 * row: its name in a template's `kind:`, a parser that reads a rule
 * entry of that kind into the template, and an evaluator that says
 * whether one instance fails on a report.  The rows are listed once, in
 * rulekinds.def; the loader (tpl_rule.c) finds a kind's parser by name
 * and the report (report.c) calls its evaluator by rule, and neither
 * knows any kind.
 *
 * A kind's keys are those its entries may have besides the ones every
 * rule has (id, severity, message, kind); the loader refuses any other.
 *
 * A parser (struct tpl_parse *P, const struct ytree *entry, int rule) runs
 * after the keys every rule has are read into P->t->rules[rule].  It
 * fills the rule's kind-specific fields (section, pattern, max, reads)
 * and appends the rule's instances (tpl_expr.h, tpl_rule.h); problems go
 * to P.
 *
 * An evaluator (struct report *r, int inst) returns true when instance
 * inst fails.  It reads the report through report.h; a text rule's
 * matcher is report_rule_regex, and it may leave a note for the flag's
 * message and section (report_note).  Which changes re-run it follows
 * from the instance's cells and the rule's `reads`.
 */
#ifndef NB_RULEKIND_H
#define NB_RULEKIND_H

#include <stdbool.h>

#include "tpl.h"

struct report;
struct tpl_parse;
struct ytree;

struct rule_kind {
	const char	*name;
	const char *const *keys;		/* NULL-terminated */
	void		(*parse)(struct tpl_parse *, const struct ytree *entry,
			    int rule);
	bool		(*eval)(struct report *, int inst);
};

/* Indexed by enum tpl_rule_kind. */
extern const struct rule_kind rule_kinds[];

/* The kind called name in a template, or NULL. */
const struct rule_kind *rule_kind_find(const char *name);

/* Each kind's keys and two functions (rule_*.c). */
#define RULE_KIND(e, name, stem)					\
	extern const char *const stem##_keys[];				\
	void stem##_parse(struct tpl_parse *, const struct ytree *, int); \
	bool stem##_eval(struct report *, int);
#include "rulekinds.def"
#undef RULE_KIND

#endif
