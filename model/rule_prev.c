/*
 * Rule kind `text_prev_similar`: a narrative section's text (`section:
 * "*"`: all of them together, the whole report) must be less than `min`
 * percent like last year's (report_prev_similarity: the statute's and
 * the template's wording cut from both first), checked when last year's
 * text is known.  One instance, re-checked when either text changes;
 * its flag belongs to the section and quotes the figure as {percent}.
 */
#include <string.h>

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

	const struct ytree *v = ytree_get(e, "section");

	ru->section = v != NULL && v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "*") == 0 ? -1 : tpl_rule_section(P, e);
	ru->reads = TPL_READS_TEXT | TPL_READS_PREV_TEXT;
	ru->max = tpl_rule_limit(P, e, "min", 100, "tpl.not_percent");
	tpl_expr_inst(P, rule, NULL);
}

bool
rule_prev_eval(struct report *r, int inst)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_rule	*ru = &t->rules[t->insts[inst].rule];

	if (report_prev_similarity(r, ru->section) < ru->max)
		return (false);
	report_note(r, inst, ru->section, NULL, NULL);
	return (true);
}
