/*
 * Rule kinds on what sentences say against the tables, over one
 * narrative section or every one (`section: "*"`):
 *   text_number  every number the pattern's first taking-part group
 *                catches must equal `value` (an expression);
 *   text_match   wherever the pattern matches, `check` must hold;
 *   text_year    every year the pattern's group catches (the title, the
 *                统计期限 sentence) must be the report's year.
 * The first sentence that contradicts the tables is the flag's
 * {sentence} (and the number it states, {stated}); the flag belongs to
 * the section it is in.  One instance each, re-checked when a section's
 * text or a cell of the expression changes.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uregex.h>

#include "regex.h"
#include "regex_need.h"
#include "report.h"
#include "rulekind.h"
#include "tpl_expr.h"
#include "tpl_parse.h"
#include "tpl_rule.h"

const char *const rule_said_number_keys[] = { "section", "pattern", "value",
    NULL };
const char *const rule_said_match_keys[] = { "section", "pattern", "check",
    NULL };
const char *const rule_said_year_keys[] = { "section", "pattern", NULL };

/* section (an id, or "*" for every narrative one), pattern, and the
 * expression at key compiled into the one instance. */
static void
parse_said(struct tpl_parse *P, const struct ytree *e, int rule,
    const char *key)
{
	struct tpl_rule		*ru = &P->t->rules[rule];
	const struct ytree	*v = ytree_get(e, "section");
	const struct ytree	*x = key != NULL ? ytree_get(e, key) : NULL;

	ru->section = v != NULL && v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "*") == 0 ? -1 : tpl_rule_section(P, e);
	ru->reads = TPL_READS_TEXT;
	tpl_rule_pattern(P, e, rule);
	if (key == NULL) {
		ru->reads |= TPL_READS_META;
		tpl_expr_inst(P, rule, NULL);
	} else if (x == NULL || x->kind != YTREE_SCALAR)
		tpl_parse_err(P, e, "tpl.missing_key", 1, key, NULL);
	else if (strcmp(key, "value") == 0)
		tpl_expr_sum(P, x, rule, x->str);
	else
		tpl_expr_check(P, x, rule, x->str, NULL);
}

void
rule_said_number_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	parse_said(P, e, rule, "value");
}

void
rule_said_match_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	parse_said(P, e, rule, "check");
}

void
rule_said_year_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	parse_said(P, e, rule, NULL);
}

static bool
is_stop(UChar c)
{
	return (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
	    c == '\n' || c == '!' || c == '?' || c == ';');
}

/* The sentence around u[a..b): back to the last stop, on to the next;
 * *at gets its start's byte offset in the UTF-8 text. */
static char *
sentence(const UChar *u, int32_t len, int32_t a, int32_t b, size_t *at)
{
	char	*before;

	while (a > 0 && !is_stop(u[a - 1]))
		a--;
	while (b < len && !is_stop(u[b]))
		b++;
	if (b < len && u[b] != '\n')
		b++;
	while (a < b && (u[a] == ' ' || u[a] == 0x3000))
		a++;
	before = regex_u8(u, a);
	*at = strlen(before);
	free(before);
	return (regex_u8(u + a, b - a));
}

/*
 * The number in the first group of the current match that took part in
 * it (a pattern may say a quantity two ways, "收到70件申请" and "收到申请70
 * 件", one group each), as a count; false if none.  *text gets the
 * group's text (newly allocated) whenever there is one.
 */
static bool
stated_number(URegularExpression *re, struct num *n, char **text)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UChar		 g[64];
	int32_t		 len = 0, k, ng = uregex_groupCount(re, &st);

	for (k = 1; k <= ng && U_SUCCESS(st); k++)
		if (uregex_start(re, k, &st) >= 0)
			break;
	if (k > ng || U_FAILURE(st) ||
	    (len = uregex_group(re, k, g, 63, &st)) <= 0 || U_FAILURE(st))
		return (false);
	*text = regex_u8(g, len);
	return (num_parse(*text, NUM_COUNT, 0, n, NULL) == NUM_OK);
}

/*
 * Scans section sec for the first match that contradicts the tables: any
 * match when want is NULL (text_match), else one whose stated number is
 * not *want.  Notes its sentence and returns true if there is one.
 */
static bool
scan_section(struct report *r, int inst, URegularExpression *re, int sec,
    const struct num *want)
{
	UErrorCode	 st = U_ZERO_ERROR;
	struct num	 got;
	UChar		*u;
	int32_t		 len;
	char		*stated = NULL;
	bool		 found = false;
	size_t		 at = 0;

	u = regex_u16(report_text(r, sec), &len);
	uregex_setText(re, u, len, &st);
	while (!found && U_SUCCESS(st) && uregex_findNext(re, &st)) {
		if (want != NULL && (!stated_number(re, &got, &stated) ||
		    num_cmp(got, *want) == 0)) {
			free(stated);
			stated = NULL;
			continue;
		}
		found = true;
		report_note(r, inst, sec, sentence(u, len,
		    uregex_start(re, 0, &st), uregex_end(re, 0, &st), &at),
		    stated);
		report_note_at(r, inst, at);
	}
	regex_forget(re);
	free(u);
	return (found);
}

/* Scans the rule's sections; want as for scan_section. */
static bool
scan(struct report *r, int inst, URegularExpression *re,
    const struct num *want)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_rule	*ru = &t->rules[t->insts[inst].rule];
	size_t			 sec;

	for (sec = 0; sec < t->nsections; sec++) {
		if ((ru->section >= 0 && (size_t)ru->section != sec) ||
		    t->sections[sec].kind != TPL_NARRATIVE ||
		    *report_text(r, (int)sec) == '\0' ||
		    !regex_need_met(ru->need, report_text(r, (int)sec)))
			continue;
		if (scan_section(r, inst, re, (int)sec, want))
			return (true);
	}
	return (false);
}

bool
rule_said_number_eval(struct report *r, int inst)
{
	const struct tpl_inst	*in = &report_tpl(r)->insts[inst];
	URegularExpression	*re = report_rule_regex(r, in->rule);
	struct num		 want;
	bool			 ovf = false;

	if (re == NULL || !report_sum(r, in->lhs, in->nlhs, &want, &ovf))
		return (ovf);
	return (scan(r, inst, re, &want));
}

bool
rule_said_match_eval(struct report *r, int inst)
{
	const struct tpl_inst	*in = &report_tpl(r)->insts[inst];
	URegularExpression	*re = report_rule_regex(r, in->rule);
	struct num		 l, rh;
	bool			 ovf = false;

	if (re == NULL || !report_sum(r, in->lhs, in->nlhs, &l, &ovf) ||
	    !report_sum(r, in->rhs, in->nrhs, &rh, &ovf))
		return (ovf);
	if (tpl_op_holds(in->op, num_cmp(l, rh)))
		return (false);
	return (scan(r, inst, re, NULL));
}

bool
rule_said_year_eval(struct report *r, int inst)
{
	URegularExpression	*re = report_rule_regex(r,
				    report_tpl(r)->insts[inst].rule);
	struct num		 want = { report_year(r), 0 };

	if (re == NULL || want.v <= 0)
		return (false);
	return (scan(r, inst, re, &want));
}
