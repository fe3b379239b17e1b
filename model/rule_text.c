/*
 * Rule kinds on one narrative section's text as a whole:
 *   text_requires      the text must match `pattern` (an ICU regex);
 *                      with `when:` (a check, "lhs OP rhs") only while
 *                      that holds: 六 must speak of fee notices when the
 *                      table has applications dropped for unpaid fees;
 *   text_max           at most `max` words as Word's 字数 counts them
 *                      (text_count_words: "2024" is one);
 *   text_min           at least `min` characters (text_count_chars): a
 *                      part left empty (`min: 1`), or a 五 of "无"; an
 *                      empty text fails only a `min: 1` rule, so that
 *                      one defect gives one message.
 * Each has one instance, re-checked when the section's text (or a cell
 * of `when`) changes, and its flag belongs to that section.
 */
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "regex_need.h"
#include "report.h"
#include "rulekind.h"
#include "text.h"
#include "tpl_expr.h"
#include "tpl_parse.h"
#include "tpl_rule.h"

const char *const rule_text_requires_keys[] = { "section", "pattern", "when",
    NULL };
const char *const rule_text_max_keys[] = { "section", "max", NULL };
const char *const rule_text_min_keys[] = { "section", "min", NULL };

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
	struct tpl_rule		*ru = &P->t->rules[rule];
	const struct ytree	*w = ytree_get(e, "when");

	ru->section = tpl_rule_section(P, e);
	ru->reads = TPL_READS_TEXT;
	tpl_rule_pattern(P, e, rule);
	if (w == NULL)
		tpl_expr_inst(P, rule, NULL);
	else if (w->kind != YTREE_SCALAR)
		tpl_parse_err(P, w, "tpl.bad_expr", 1, "when", NULL);
	else
		tpl_expr_check(P, w, rule, w->str, NULL);
}

/* False when the instance has a `when` that does not hold now (or
 * cannot be checked). */
static bool
applies(struct report *r, int inst)
{
	const struct tpl_inst	*in = &report_tpl(r)->insts[inst];
	struct num		 l, rh;
	bool			 ovf = false;

	if (in->nlhs == 0 && in->nrhs == 0)
		return (true);
	return (report_sum(r, in->lhs, in->nlhs, &l, &ovf) &&
	    report_sum(r, in->rhs, in->nrhs, &rh, &ovf) &&
	    tpl_op_holds(in->op, num_cmp(l, rh)));
}

/* Whether t has a `min: 1` rule on section sec: then a part with no
 * character is that rule's one message, not also every other rule's that
 * reads the text. */
static bool
empty_is_said(const struct tpl *t, int sec)
{
	size_t	i;

	for (i = 0; i < t->nrules; i++)
		if (t->rules[i].kind == TPL_R_TEXT_MIN &&
		    t->rules[i].section == sec && t->rules[i].max == 1)
			return (true);
	return (false);
}

bool
rule_text_requires_eval(struct report *r, int inst)
{
	const struct tpl_rule	*ru = rule_of(r, inst);
	URegularExpression	*re;
	const char		*s;

	if (ru->section < 0 || !applies(r, inst))
		return (false);
	s = report_text(r, ru->section);
	if ((text_count_chars_upto(s, strlen(s), 1) == 0 &&
	    empty_is_said(report_tpl(r), ru->section)) ||
	    (re = report_rule_regex(r, report_tpl(r)->insts[inst].rule)) ==
	    NULL || (regex_need_met(ru->need, s) && regex_find(re, s)))
		return (false);
	report_note(r, inst, ru->section, NULL, NULL);
	return (true);
}

/* A section's rule with a whole-number limit under key (kept in max). */
static void
limit_parse(struct tpl_parse *P, const struct ytree *e, int rule,
    const char *key)
{
	struct tpl_rule *ru = &P->t->rules[rule];

	ru->section = tpl_rule_section(P, e);
	ru->reads = TPL_READS_TEXT;
	ru->max = tpl_rule_limit(P, e, key, INT64_MAX, "tpl.not_int");
	tpl_expr_inst(P, rule, NULL);
}

void
rule_text_max_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	limit_parse(P, e, rule, "max");
}

bool
rule_text_max_eval(struct report *r, int inst)
{
	const struct tpl_rule	*ru = rule_of(r, inst);
	const char		*s;

	if (ru->section < 0)
		return (false);
	s = report_text(r, ru->section);
	if ((int64_t)text_count_words(s, strlen(s)) <= ru->max)
		return (false);
	report_note(r, inst, ru->section, NULL, NULL);
	return (true);
}

void
rule_text_min_parse(struct tpl_parse *P, const struct ytree *e, int rule)
{
	limit_parse(P, e, rule, "min");
}

bool
rule_text_min_eval(struct report *r, int inst)
{
	const struct tpl_rule	*ru = rule_of(r, inst);
	const char		*s;
	int64_t			 n;

	if (ru->section < 0)
		return (false);
	s = report_text(r, ru->section);
	/* Counting stops once the minimum is reached. */
	n = (int64_t)text_count_chars_upto(s, strlen(s), (size_t)ru->max);
	if (n >= ru->max || (n == 0 && ru->max > 1 &&
	    empty_is_said(report_tpl(r), ru->section)))
		return (false);
	report_note(r, inst, ru->section, NULL, NULL);
	return (true);
}
