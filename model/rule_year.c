/*
 * Rule kind `template_years`: the report's year must be one the template
 * is for (its `years:`): a 2024 report on the 2019 format drops the fee
 * rule and the 一 limit, and prints a table the year no longer uses.  No
 * keys of its own; one instance, re-checked when the year changes; a
 * report with no year yet (0) is not flagged.
 */
#include "report.h"
#include "rulekind.h"
#include "tpl_expr.h"
#include "tpl_parse.h"

const char *const rule_year_keys[] = { NULL };

void
rule_year_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	(void)e;
	P->t->rules[rule].reads = TPL_READS_META;
	tpl_expr_inst(P, rule, NULL);
}

bool
rule_year_eval(struct report *r, int inst)
{
	const struct tpl	*t = report_tpl(r);
	int			 y = report_year(r);

	(void)inst;
	return (y > 0 && (y < t->year_from ||
	    (t->year_to > 0 && y > t->year_to)));
}
