/*
 * Rule kind `import_finding`: a defect the importer saw in the report as
 * it was published (a row the format does not have, a garbled label, a
 * missing heading, a blank printed total, a cell printed "00").  The
 * rule has no instances: its flags are the report's import findings
 * (finding.h), one per defect, and the rule gives them their id,
 * severity and message ({line}: the line of the source file; {0} {1}:
 * the Chinese and English label of the row or cell; {2} {3}: what was
 * printed and how it was read).  No keys of its own.
 */
#include "report.h"
#include "rulekind.h"
#include "tpl_parse.h"

const char *const rule_finding_keys[] = { NULL };

void
rule_finding_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	(void)e;
	P->t->rules[rule].reads = 0;
}

bool
rule_finding_eval(struct report *r, int inst)
{
	(void)r;
	(void)inst;
	return (false);
}
