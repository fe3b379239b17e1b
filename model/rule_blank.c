/*
 * Rule kind `blank`: input cells left blank.  `cells:` is an id pattern
 * with '*' for a whole part ("*", "t3.*.*"); one instance per matching
 * input cell (computed cells are never blank by mistake).
 */
#include <string.h>

#include "report.h"
#include "rulekind.h"
#include "tpl_expr.h"
#include "tpl_parse.h"

const char *const rule_blank_keys[] = { "cells", NULL };

/* Glob with '*' as a whole part: "t3.*.*" matches "t3.new.natural". */
static bool
part_match(const char *pat, const char *id)
{
	const char	*pd, *id_d;
	size_t		 pl, il;

	if (strcmp(pat, "*") == 0)
		return (true);
	for (;;) {
		pd = strchr(pat, '.');
		id_d = strchr(id, '.');
		pl = pd ? (size_t)(pd - pat) : strlen(pat);
		il = id_d ? (size_t)(id_d - id) : strlen(id);
		if (!(pl == 1 && *pat == '*') &&
		    (pl != il || strncmp(pat, id, pl) != 0))
			return (false);
		if (pd == NULL || id_d == NULL)
			return (pd == NULL && id_d == NULL);
		pat = pd + 1;
		id = id_d + 1;
	}
}

void
rule_blank_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	const struct ytree	*cells = ytree_get(e, "cells");
	struct tpl		*t = P->t;
	struct tpl_inst		*in;
	size_t			 i, before = t->ninsts, cap;
	int			 ii;

	if (cells == NULL || cells->kind != YTREE_SCALAR) {
		tpl_parse_err(P, e, "tpl.missing_key", 1, "cells", NULL);
		return;
	}
	for (i = 0; i < t->ncells; i++) {
		if (t->cells[i].formula >= 0 ||
		    !part_match(cells->str, t->cells[i].id))
			continue;
		ii = tpl_expr_inst(P, rule, NULL);	/* may move insts */
		in = &t->insts[ii];
		cap = 0;
		tpl_parse_add_unique(&in->cells, &in->ncells, &cap, (int)i);
	}
	if (t->ninsts == before)
		tpl_parse_err(P, cells, "tpl.no_cells", 1, cells->str, NULL);
}

bool
rule_blank_eval(struct report *r, int inst)
{
	const struct tpl_inst *in = &report_tpl(r)->insts[inst];

	return (report_value(r, in->cells[0]).state == RV_BLANK);
}
