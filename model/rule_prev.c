/*
 * Rule kind `text_prev_similar`: a narrative section's text must be less
 * than `min` percent like last year's text of the section
 * (report_prev_similarity), checked when last year's text is known and
 * neither is empty.  One instance, re-checked when either text changes;
 * its flag belongs to the section and quotes the figure as {percent}.
 */
#include "report.h"
#include "rulekind.h"
#include "tpl_expr.h"
#include "tpl_parse.h"
#include "tpl_rule.h"

const char *const rule_prev_keys[] = { "section", "min", NULL };

void
rule_prev_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	struct tpl_rule *ru = &P->t->rules[rule];

	ru->section = tpl_rule_section(P, e);
	ru->reads = TPL_READS_TEXT | TPL_READS_PREV_TEXT;
	ru->max = tpl_rule_limit(P, e, "min", 100, "tpl.not_percent");
	tpl_expr_inst(P, rule, NULL);
}

bool
rule_prev_eval(struct report *r, int inst)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_rule	*ru = &t->rules[t->insts[inst].rule];

	if (ru->section < 0 ||
	    report_prev_similarity(r, ru->section) < ru->max)
		return (false);
	report_note(r, inst, ru->section, NULL, NULL);
	return (true);
}
