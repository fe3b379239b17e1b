/*
 * Rule kinds on one narrative section's text as a whole:
 *   text_requires      the text must match `pattern` (an ICU regex);
 *   text_max           at most `max` characters (text_count_chars).
 * Each has one instance, re-checked when the section's text changes, and
 * its flag belongs to that section.
 */
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "report.h"
#include "rulekind.h"
#include "text.h"
#include "tpl_expr.h"
#include "tpl_parse.h"
#include "tpl_rule.h"

const char *const rule_text_requires_keys[] = { "section", "pattern", NULL };
const char *const rule_text_max_keys[] = { "section", "max", NULL };

/* The rule of instance inst. */
static const struct tpl_rule *
rule_of(const struct report *r, int inst)
{
	const struct tpl *t = report_tpl(r);

	return (&t->rules[t->insts[inst].rule]);
}

void
rule_text_requires_parse(struct tpl_parse *P, const struct ytree *e,
    int rule)
{
	struct tpl_rule *ru = &P->t->rules[rule];

	ru->section = tpl_rule_section(P, e);
	ru->reads = TPL_READS_TEXT;
	tpl_rule_pattern(P, e, rule);
	tpl_expr_inst(P, rule, NULL);
}

bool
rule_text_requires_eval(struct report *r, int inst)
{
	const struct tpl_rule	*ru = rule_of(r, inst);
	URegularExpression	*re;

	if (ru->section < 0 ||
	    (re = report_rule_regex(r, report_tpl(r)->insts[inst].rule)) ==
	    NULL || regex_find(re, report_text(r, ru->section)))
		return (false);
	report_note(r, inst, ru->section, NULL, NULL);
	return (true);
}

void
rule_text_max_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	struct tpl_rule *ru = &P->t->rules[rule];

	ru->section = tpl_rule_section(P, e);
	ru->reads = TPL_READS_TEXT;
	ru->max = tpl_rule_limit(P, e, "max", INT64_MAX, "tpl.not_int");
	tpl_expr_inst(P, rule, NULL);
}

bool
rule_text_max_eval(struct report *r, int inst)
{
	const struct tpl_rule	*ru = rule_of(r, inst);
	const char		*s;

	if (ru->section < 0)
		return (false);
	s = report_text(r, ru->section);
	if ((int64_t)text_count_chars(s, strlen(s)) <= ru->max)
		return (false);
	report_note(r, inst, ru->section, NULL, NULL);
	return (true);
}
