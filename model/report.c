/*
 * Report data with live totals and rules.
 *
 * vals[] holds one value per template cell: inputs as entered, computed
 * cells as last recomputed.  A change to cell X marks the formulas that
 * read X, and transitively the formulas reading those targets; the marked
 * ones are evaluated in the template's dependency order (tpl->order), and
 * every rule instance reading a changed cell is re-evaluated.  failing[]
 * holds the outcome of every instance, so listing flags is a scan and
 * nothing is recomputed on reads.
 *
 * A computed cell is blank while every cell it sums is blank, so a new
 * report shows empty totals rather than a column of zeros.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uregex.h>

#include "answer.h"
#include "boiler.h"
#include "finding.h"
#include "ledger_prov.h"
#include "report.h"
#include "report_impl.h"
#include "rulekind.h"
#include "tpl_rule.h"
#include "vec.h"
#include "xmalloc.h"
#include "year.h"

static void	recheck_meta(struct report *);
static struct report_value eval_formula(const struct report *,
		    const struct tpl_formula *);

void
report_freeze(struct report *r)
{
	r->frozen = true;
}

void
report_thaw(struct report *r)
{
	size_t	k, i;
	int	f;

	r->frozen = false;
	for (k = 0; k < r->t->nformulas; k++) {
		f = r->t->order[k];
		r->vals[r->t->formulas[f].cell] = eval_formula(r,
		    &r->t->formulas[f]);
	}
	for (i = 0; i < r->t->ninsts; i++)
		report_eval_inst(r, (int)i);
}

struct report *
report_new(const struct tpl *t)
{
	struct report	*r = report_new_frozen(t);

	report_thaw(r);
	return (r);
}

struct report *
report_new_frozen(const struct tpl *t)
{
	struct report	*r = xcalloc(1, sizeof *r);
	size_t		 i;

	r->t = t;
	r->organ = xstrdup("");
	r->texts = xcalloc(t->nsections, sizeof *r->texts);
	r->vals = xcalloc(t->ncells, sizeof *r->vals);
	r->pub = xcalloc(t->ncells, sizeof *r->pub);
	r->has_pub = xcalloc(t->ncells, sizeof *r->has_pub);
	r->prev = xcalloc(t->ncells, sizeof *r->prev);
	r->has_prev = xcalloc(t->ncells, sizeof *r->has_prev);
	r->prev_texts = xcalloc(t->nsections, sizeof *r->prev_texts);
	r->failing = xcalloc(t->ninsts, sizeof *r->failing);
	r->fmark = xcalloc(t->nformulas, sizeof *r->fmark);
	r->istack = xcalloc(t->ninsts, sizeof *r->istack);
	r->imark = xcalloc(t->ninsts, sizeof *r->imark);
	r->re = xcalloc(t->nrules, sizeof *r->re);
	r->notes = xcalloc(t->ninsts, sizeof *r->notes);
	r->answers = answer_new();
	for (i = 0; i < t->ninsts; i++) {
		r->notes[i].sec = -1;
		r->notes[i].at = -1;
	}
	r->frozen = true;
	return (r);
}

void
report_free(struct report *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->t->nsections; i++) {
		free(r->texts[i]);
		free(r->prev_texts[i]);
	}
	free(r->texts);
	free(r->prev_texts);
	free(r->organ);
	for (i = 0; i < r->nsources; i++)
		free(r->sources[i]);
	free(r->sources);
	free(r->vals);
	free(r->pub);
	free(r->has_pub);
	free(r->prev);
	free(r->has_prev);
	free(r->failing);
	for (i = 0; i < r->t->nrules; i++)
		uregex_close(r->re[i]);
	for (i = 0; i < r->t->ninsts; i++) {
		free(r->notes[i].said);
		free(r->notes[i].stated);
	}
	free(r->re);
	free(r->notes);
	free(r->fmark);
	free(r->istack);
	free(r->imark);
	ledger_prov_free(r->prov);
	boiler_free(r->boiler);
	answer_free(r->answers);
	finding_free(r->findings);
	free(r);
}

const struct tpl *
report_tpl(const struct report *r)
{
	return (r->t);
}

const char *
report_organ(const struct report *r)
{
	return (r->organ);
}

void
report_set_organ(struct report *r, const char *organ)
{
	free(r->organ);
	r->organ = xstrdup(organ);
	r->gen++;
	recheck_meta(r);
}

const char *
report_published_on(const struct report *r)
{
	return (r->published_on);
}

/* A calendar day written YYYY-MM-DD, its year in year.h's range. */
static bool
date_valid(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	y, m, d, n = 0;

	if (strlen(s) != 10 || strspn(s, "0123456789-") != 10 ||
	    s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return (false);
	if (!year_valid(y) || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return (false);
	return (m != 2 || d != 29 || (y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)));
}

bool
report_set_published_on(struct report *r, const char *date)
{
	if (*date != '\0' && !date_valid(date))
		return (false);
	snprintf(r->published_on, sizeof r->published_on, "%s", date);
	r->gen++;
	return (true);
}

int
report_year(const struct report *r)
{
	return (r->year);
}

void
report_set_year(struct report *r, int year)
{
	r->year = year;
	r->gen++;
	recheck_meta(r);
}

const char *
report_text(const struct report *r, int sec)
{
	return (r->texts[sec] != NULL ? r->texts[sec] : "");
}

/* Sets failing[i], keeping the per-severity counts right. */
static void
set_failing(struct report *r, int i, bool fail)
{
	enum tpl_severity sev = r->t->rules[r->t->insts[i].rule].severity;

	if (r->failing[i] == fail)
		return;
	r->failing[i] = fail;
	if (fail)
		r->nfailing[sev]++;
	else
		r->nfailing[sev]--;
}

URegularExpression *
report_rule_regex(struct report *r, int ri)
{
	UErrorCode	st = U_ZERO_ERROR;

	/* A clone shares the compiled pattern (ICU counts the references
	 * atomically): cheap, and safe while other threads clone too. */
	if (r->re[ri] == NULL && r->t->rules[ri].re != NULL) {
		r->re[ri] = uregex_clone(r->t->rules[ri].re, &st);
		if (U_FAILURE(st))
			r->re[ri] = NULL;
	}
	return (r->re[ri]);
}

void
report_note(struct report *r, int inst, int sec, char *said, char *stated)
{
	struct note	*n = &r->notes[inst];

	free(n->said);
	free(n->stated);
	n->said = said;
	n->stated = stated;
	n->sec = sec;
	n->at = -1;
}

void
report_note_at(struct report *r, int inst, size_t at)
{
	r->notes[inst].at = (long)at;
}

bool
report_note_where(const struct report *r, int inst, int *sec, size_t *at)
{
	const struct note	*n = &r->notes[inst];

	if (n->said == NULL || n->sec < 0 || n->at < 0)
		return (false);
	*sec = n->sec;
	*at = (size_t)n->at;
	return (true);
}

bool
report_sum(const struct report *r, const struct tpl_term *terms, size_t n,
    struct num *out, bool *overflow)
{
	struct report_value	v;
	bool			money = false;
	size_t			i;

	/* A literal is in the unit of the cells it is added to. */
	for (i = 0; i < n; i++)
		if (terms[i].kind != TPL_T_CONST &&
		    r->t->cells[terms[i].cell].type.kind == NUM_MONEY)
			money = true;
	out->v = 0;
	out->dp = 0;
	for (i = 0; i < n; i++) {
		memset(&v, 0, sizeof v);
		v.state = RV_BLANK;
		switch (terms[i].kind) {
		case TPL_T_CONST:
			v.state = RV_SET;
			v.n.v = terms[i].value * (money ? NUM_MONEY_SCALE : 1);
			v.n.dp = 0;
			break;
		case TPL_T_CELL:
			v = r->vals[terms[i].cell];
			break;
		case TPL_T_PREV:
			if (!r->prev_known || !r->has_prev[terms[i].cell])
				return (false);
			v = r->prev[terms[i].cell];
			break;
		case TPL_T_PUBLISHED:
			if (!r->has_pub[terms[i].cell] ||
			    r->pub[terms[i].cell].state != RV_SET)
				return (false);
			v = r->pub[terms[i].cell];
			break;
		}
		if (v.state == RV_OVERFLOW) {
			*overflow = true;
			return (false);
		}
		if (v.state == RV_BLANK)
			continue;
		if (!num_add(out, v.n, terms[i].sign)) {
			*overflow = true;
			return (false);
		}
	}
	return (true);
}

/* Re-checks instance i through its rule's kind. */
void
report_eval_inst(struct report *r, int i)
{
	const struct tpl_rule	*ru = &r->t->rules[r->t->insts[i].rule];
	struct note		*n = &r->notes[i];

	if (n->said != NULL || n->stated != NULL) {
		free(n->said);
		free(n->stated);
		n->said = n->stated = NULL;
	}
	n->sec = -1;
	n->at = -1;
	set_failing(r, i, tpl_rule_organ_fits(ru, r->organ) &&
	    rule_kinds[ru->kind].eval(r, i));
}

/* Re-checks every rule that reads the organ or the year. */
static void
recheck_meta(struct report *r)
{
	size_t	i;
	int	k;

	for (i = 0; !r->frozen && i < r->t->nrules; i++)
		if (r->t->rules[i].reads & TPL_READS_META)
			for (k = 0; k < r->t->rules[i].ninsts; k++)
				report_eval_inst(r, r->t->rules[i].first_inst + k);
}

void
report_set_text(struct report *r, int sec, const char *text, char **old)
{
	size_t	i;

	if (old != NULL)
		*old = xstrdup(report_text(r, sec));
	free(r->texts[sec]);
	r->texts[sec] = xstrdup(text);
	r->gen++;
	finding_fix_section(r, sec);
	if (r->frozen)
		return;
	for (i = 0; i < r->t->nrules; i++) {
		const struct tpl_rule *ru = &r->t->rules[i];
		if (ru->ninsts > 0 && (ru->reads & TPL_READS_TEXT) &&
		    (ru->section == sec || ru->section < 0))
			report_eval_inst(r, ru->first_inst);
	}
}

struct report_value
report_value(const struct report *r, int cell)
{
	return (r->vals[cell]);
}

static void
mark_inst(struct report *r, int cell, size_t *ni)
{
	const struct tpl_cell	*c = &r->t->cells[cell];
	size_t			 k;

	for (k = 0; k < c->nrdeps; k++)
		if (!r->imark[c->rdeps[k]]) {
			r->imark[c->rdeps[k]] = true;
			r->istack[(*ni)++] = c->rdeps[k];
		}
}

/* Marks the formulas that depend on cell, transitively. */
static void
mark_formulas(struct report *r, int cell)
{
	const struct tpl_cell	*c = &r->t->cells[cell];
	size_t			 k;
	int			 f;

	for (k = 0; k < c->ndeps; k++) {
		f = c->deps[k];
		if (!r->fmark[f]) {
			r->fmark[f] = true;
			mark_formulas(r, r->t->formulas[f].cell);
		}
	}
}

static struct report_value
eval_formula(const struct report *r, const struct tpl_formula *f)
{
	struct report_value	v = { RV_BLANK, { 0, 0 } };
	bool			ovf = false, any = false;
	size_t			i;

	for (i = 0; i < f->nterms; i++)
		any |= f->terms[i].kind == TPL_T_CONST ||
		    r->vals[f->terms[i].cell].state != RV_BLANK;
	if (!any)
		return (v);
	if (!report_sum(r, f->terms, f->nterms, &v.n, &ovf))
		v.state = RV_OVERFLOW;
	else
		v.state = RV_SET;
	return (v);
}

/* After vals[cell] changed: recompute dependents, re-check rules. */
static void
propagate(struct report *r, int cell)
{
	const struct tpl	*t = r->t;
	size_t			 k, ni = 0;
	int			 f;

	if (r->frozen) {
		r->gen++;
		return;
	}
	mark_formulas(r, cell);
	mark_inst(r, cell, &ni);
	for (k = 0; k < t->nformulas; k++) {
		f = t->order[k];
		if (!r->fmark[f])
			continue;
		r->fmark[f] = false;
		r->vals[t->formulas[f].cell] = eval_formula(r,
		    &t->formulas[f]);
		mark_inst(r, t->formulas[f].cell, &ni);
	}
	while (ni > 0) {
		int i = r->istack[--ni];
		r->imark[i] = false;
		report_eval_inst(r, i);
	}
	r->gen++;
}

bool
report_set_value(struct report *r, int cell, struct report_value v,
    struct report_value *old)
{
	if (cell < 0 || (size_t)cell >= r->t->ncells ||
	    r->t->cells[cell].formula >= 0)
		return (false);
	if (old != NULL)
		*old = r->vals[cell];
	r->vals[cell] = v;
	finding_fix_cell(r, cell);
	propagate(r, cell);
	return (true);
}

bool
report_set_input(struct report *r, int cell, const char *input,
    struct report_value *old, struct err *err)
{
	const struct tpl_cell	*c = &r->t->cells[cell];
	struct report_value	 v = { RV_BLANK, { 0, 0 } };
	enum num_status		 st;

	if (c->formula >= 0) {
		tpl_cell_err(r->t, cell, "cell.computed", NULL, 0, 0, err);
		return (false);
	}
	if (!num_blank(input)) {
		st = num_parse(input, c->type.kind, c->type.decimals, &v.n,
		    NULL);
		if (st != NUM_OK) {
			tpl_cell_err(r->t, cell, num_status_msgid(st), NULL, 0,
			    0, err);
			return (false);
		}
		v.state = RV_SET;
	}
	return (report_set_value(r, cell, v, old));
}

bool
report_published(const struct report *r, int cell, struct report_value *out)
{
	if (!r->has_pub[cell])
		return (false);
	if (out != NULL)
		*out = r->pub[cell];
	return (true);
}

void
report_set_published(struct report *r, int cell, const struct report_value *v)
{
	r->has_pub[cell] = v != NULL;
	if (v != NULL)
		r->pub[cell] = *v;
	else
		memset(&r->pub[cell], 0, sizeof r->pub[cell]);
	propagate(r, cell);
}

static void
fill_flag(const struct report *r, int i, struct report_flag *f)
{
	const struct tpl_inst *in = &r->t->insts[i];

	f->inst = i;
	f->finding = -1;
	f->rule = in->rule;
	f->severity = r->t->rules[in->rule].severity;
	f->cells = in->cells;
	f->ncells = in->ncells;
}

size_t
report_nflags(const struct report *r)
{
	return (r->nfailing[TPL_ERROR] + r->nfailing[TPL_WARNING] +
	    finding_count(r));
}

size_t
report_nflags_severity(const struct report *r, enum tpl_severity sev)
{
	return (r->nfailing[sev] + finding_count_severity(r, sev));
}

size_t
report_flags(const struct report *r, struct report_flag *out, size_t max)
{
	size_t	i, n = 0;

	for (i = 0; i < r->t->ninsts; i++)
		if (r->failing[i]) {
			if (n < max)
				fill_flag(r, (int)i, &out[n]);
			n++;
		}
	finding_flags(r, -1, -1, out, max, &n);
	return (n);
}

size_t
report_cell_flags(const struct report *r, int cell, struct report_flag *out,
    size_t max)
{
	const struct tpl_cell	*c = &r->t->cells[cell];
	size_t			 k, n = 0;

	for (k = 0; k < c->nrdeps; k++)
		if (r->failing[c->rdeps[k]]) {
			if (n < max)
				fill_flag(r, c->rdeps[k], &out[n]);
			n++;
		}
	finding_flags(r, cell, -1, out, max, &n);
	return (n);
}

bool
report_cell_flagged(const struct report *r, int cell,
    enum tpl_severity *worst)
{
	const struct tpl_cell	*c = &r->t->cells[cell];
	size_t			 k;
	bool			 any = false;
	enum tpl_severity	 w = TPL_WARNING, s;

	for (k = 0; k < c->nrdeps; k++)
		if (r->failing[c->rdeps[k]]) {
			any = true;
			s = r->t->rules[r->t->insts[c->rdeps[k]].rule].severity;
			if (s == TPL_ERROR)
				w = TPL_ERROR;
		}
	if (finding_count(r) > 0) {
		size_t nf = 0;
		finding_flags(r, cell, -1, NULL, 0, &nf);
		any |= nf > 0;
	}
	if (any && worst != NULL)
		*worst = w;
	return (any);
}

size_t
report_section_flags(const struct report *r, int sec, struct report_flag *out,
    size_t max)
{
	size_t	i, n = 0;

	for (i = 0; i < r->t->nrules; i++) {
		const struct tpl_rule *ru = &r->t->rules[i];
		int fi = ru->first_inst;
		if (ru->ninsts == 0 || !r->failing[fi] ||
		    r->notes[fi].sec != sec)
			continue;
		if (n < max)
			fill_flag(r, ru->first_inst, &out[n]);
		n++;
	}
	finding_flags(r, -1, sec, out, max, &n);
	return (n);
}

const char *
report_note_said(const struct report *r, int inst)
{
	return (r->notes[inst].said);
}

const char *
report_note_stated(const struct report *r, int inst)
{
	return (r->notes[inst].stated);
}

unsigned long
report_generation(const struct report *r)
{
	return (r->gen);
}

size_t
report_nsources(const struct report *r)
{
	return (r->nsources);
}

const char *
report_source(const struct report *r, size_t i)
{
	return (r->sources[i]);
}

void
report_add_source(struct report *r, const char *s)
{
	*VEC_PUSH(r->sources, r->nsources, r->capsources) = xstrdup(s);
	r->gen++;
}

struct answers *
report_answers(const struct report *r)
{
	return (r->answers);
}

void
report_touch(struct report *r)
{
	r->gen++;
}

const struct ledger_prov *
report_prov(const struct report *r)
{
	return (r->prov);
}

struct ledger_prov *
report_swap_prov(struct report *r, struct ledger_prov *p)
{
	struct ledger_prov	*old = r->prov;

	r->prov = p;
	r->gen++;
	return (old);
}
