/*
 * Rule kind `check` (the default): "lhs OP rhs" over cells, optionally
 * iterated over rows or columns (one instance each).  Blank cells count
 * as 0; an instance that uses prev() or published() is checked only when
 * those values are known; an overflowing side fails.
 */
#include <stdlib.h>

#include "report.h"
#include "rulekind.h"
#include "tpl_expr.h"
#include "tpl_parse.h"

const char *const rule_check_keys[] = { "check", "for_rows", "for_cols",
    "except", NULL };

void
rule_check_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	const struct ytree	*v = ytree_get(e, "check");
	struct tpl_iter		*its;
	size_t			 i, n;
	char			*src;

	if (v == NULL || v->kind != YTREE_SCALAR) {
		tpl_parse_err(P, e, "tpl.missing_key", 1, "check", NULL);
		return;
	}
	n = tpl_expr_expand(P, e, v->str, &its);
	for (i = 0; i < n; i++) {
		src = tpl_expr_substitute(P->t, v->str, &its[i]);
		tpl_expr_check(P, v, rule, src, &its[i]);
		free(src);
	}
	free(its);
}

bool
rule_check_eval(struct report *r, int inst)
{
	const struct tpl_inst	*in = &report_tpl(r)->insts[inst];
	struct num		 l, rh;
	bool			 ovf = false;

	if (!report_sum(r, in->lhs, in->nlhs, &l, &ovf) ||
	    !report_sum(r, in->rhs, in->nrhs, &rh, &ovf))
		return (ovf);
	return (!tpl_op_holds(in->op, num_cmp(l, rh)));
}
