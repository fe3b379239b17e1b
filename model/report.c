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

#include "regex.h"
#include "report.h"
#include "sbuf.h"
#include "text.h"
#include "xmalloc.h"
#include "year.h"

struct report {
	const struct tpl	*t;
	char			*organ;
	int			 year;
	char			 published_on[11];	/* "" or YYYY-MM-DD */
	char			**texts;	/* per section; NULL = "" */
	struct report_value	*vals;
	struct report_value	*pub;
	bool			*has_pub;
	struct report_value	*prev;
	bool			*has_prev;
	bool			 prev_known;
	char			**prev_texts;	/* per section; NULL unknown */
	bool			*failing;	/* per rule instance */
	size_t			 nfailing[2];	/* by severity */
	unsigned long		 gen;
	bool			 frozen;	/* report_freeze: no recompute */
	URegularExpression	**re;		/* per rule, compiled on use */
	char			**said;		/* per inst: the sentence of a
						   failing text check */
	char			**stated;	/* per inst: the number in it */
	int			*said_sec;	/* per inst: its section */
	char			**sources;
	size_t			 nsources;
	/* Scratch for one change: formulas to evaluate, insts to check. */
	bool			*fmark;
	int			*istack;
	bool			*imark;
};

static void	eval_inst(struct report *, int);
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
		eval_inst(r, (int)i);
}

struct report *
report_new(const struct tpl *t)
{
	struct report	*r = xcalloc(1, sizeof *r);

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
	r->said = xcalloc(t->ninsts, sizeof *r->said);
	r->stated = xcalloc(t->ninsts, sizeof *r->stated);
	r->said_sec = xcalloc(t->ninsts, sizeof *r->said_sec);
	report_thaw(r);
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
		free(r->said[i]);
		free(r->stated[i]);
	}
	free(r->re);
	free(r->said);
	free(r->stated);
	free(r->said_sec);
	free(r->fmark);
	free(r->istack);
	free(r->imark);
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

/* The compiled pattern of rule ri, compiled on first use (NULL if bad). */
static URegularExpression *
rule_re(struct report *r, int ri)
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

/* Points a cached pattern away from text about to be freed (ICU refuses
 * NULL here, and an error left in a status would stop the next scan). */
static void
forget_text(URegularExpression *re)
{
	static const UChar	empty[1];
	UErrorCode		st = U_ZERO_ERROR;

	uregex_setText(re, empty, 0, &st);
}

static bool
text_matches(struct report *r, int ri, const char *text)
{
	URegularExpression	*re = rule_re(r, ri);
	UErrorCode		 st = U_ZERO_ERROR;
	UChar			*u;
	int32_t			 len;
	bool			 hit;

	if (re == NULL)
		return (true);
	u = regex_u16(text, &len);
	uregex_setText(re, u, len, &st);
	hit = U_SUCCESS(st) && uregex_find(re, 0, &st) && U_SUCCESS(st);
	forget_text(re);
	free(u);
	return (hit);
}

/*
 * Sums terms; blank counts as 0.  Returns false when the sum cannot be
 * checked: a prev/published operand unknown, or an overflow (*overflow).
 */
static bool
sum_terms(const struct report *r, const struct tpl_term *terms, size_t n,
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

static bool
is_stop(UChar c)
{
	return (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
	    c == '\n' || c == '!' || c == '?' || c == ';');
}

/* The sentence around u[a..b): back to the last stop, on to the next. */
static char *
sentence(const UChar *u, int32_t len, int32_t a, int32_t b)
{
	while (a > 0 && !is_stop(u[a - 1]))
		a--;
	while (b < len && !is_stop(u[b]))
		b++;
	if (b < len && u[b] != '\n')
		b++;
	while (a < b && (u[a] == ' ' || u[a] == 0x3000))
		a++;
	return (regex_u8(u + a, b - a));
}

/* The number in group 1 of the current match, as a count; false if none. */
static bool
stated_number(URegularExpression *re, struct num *n, char **text)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UChar		 g[64];
	int32_t		 len;

	len = uregex_group(re, 1, g, 63, &st);
	if (U_FAILURE(st) || len <= 0)
		return (false);
	*text = regex_u8(g, len);
	return (num_parse(*text, NUM_COUNT, 0, n, NULL) == NUM_OK);
}

/*
 * TEXT_NUMBER / TEXT_MATCH: scans the rule's sections for the pattern;
 * fails at the first sentence whose number differs from the table (or
 * where the check does not hold), remembering that sentence.
 */
static bool
text_check(struct report *r, int i)
{
	const struct tpl_inst	*in = &r->t->insts[i];
	const struct tpl_rule	*ru = &r->t->rules[in->rule];
	URegularExpression	*re = rule_re(r, in->rule);
	UErrorCode		 st = U_ZERO_ERROR;
	struct num		 want, got, rh;
	UChar			*u;
	int32_t			 len;
	size_t			 sec;
	bool			 ovf = false, fail = false;
	char			*stated = NULL;

	free(r->said[i]);
	free(r->stated[i]);
	r->said[i] = r->stated[i] = NULL;
	if (re == NULL || !sum_terms(r, in->lhs, in->nlhs, &want, &ovf))
		return (ovf);
	if (ru->kind == TPL_R_TEXT_MATCH) {
		if (!sum_terms(r, in->rhs, in->nrhs, &rh, &ovf))
			return (ovf);
		int c = num_cmp(want, rh);
		if (in->op == TPL_EQ ? c == 0 : in->op == TPL_LE ? c <= 0 :
		    c >= 0)
			return (false);
	}
	for (sec = 0; sec < r->t->nsections && !fail; sec++) {
		if ((ru->section >= 0 && (size_t)ru->section != sec) ||
		    r->t->sections[sec].kind != TPL_NARRATIVE ||
		    *report_text(r, (int)sec) == '\0')
			continue;
		u = regex_u16(report_text(r, (int)sec), &len);
		st = U_ZERO_ERROR;
		uregex_setText(re, u, len, &st);
		while (!fail && U_SUCCESS(st) && uregex_findNext(re, &st)) {
			if (ru->kind == TPL_R_TEXT_NUMBER) {
				if (!stated_number(re, &got, &stated) ||
				    num_cmp(got, want) == 0) {
					free(stated);
					stated = NULL;
					continue;
				}
			}
			fail = true;
			r->said[i] = sentence(u, len,
			    uregex_start(re, 0, &st), uregex_end(re, 0, &st));
			r->stated[i] = stated;
			r->said_sec[i] = (int)sec;
		}
		forget_text(re);
		free(u);
	}
	return (fail);
}

/* How alike section sec is to last year's (0 when either is empty). */
static int
prev_alike(const struct report *r, int sec)
{
	const char	*now = report_text(r, sec), *then = r->prev_texts[sec];

	if (then == NULL || text_count_chars(now, strlen(now)) == 0 ||
	    text_count_chars(then, strlen(then)) == 0)
		return (0);
	return (text_similarity(now, then));
}

static void
eval_inst(struct report *r, int i)
{
	const struct tpl_inst	*in = &r->t->insts[i];
	const struct tpl_rule	*ru = &r->t->rules[in->rule];
	struct num		 l, rh;
	bool			 ovf = false, fail = false;
	int			 c;

	switch (ru->kind) {
	case TPL_R_CHECK:
		if (!sum_terms(r, in->lhs, in->nlhs, &l, &ovf) ||
		    !sum_terms(r, in->rhs, in->nrhs, &rh, &ovf)) {
			fail = ovf;
			break;
		}
		c = num_cmp(l, rh);
		fail = in->op == TPL_EQ ? c != 0 :
		    in->op == TPL_LE ? c > 0 : c < 0;
		break;
	case TPL_R_TEXT_REQUIRES:
		fail = ru->pattern != NULL && ru->section >= 0 &&
		    !text_matches(r, in->rule, report_text(r, ru->section));
		break;
	case TPL_R_TEXT_MAX:
		if (ru->section >= 0) {
			const char *s = report_text(r, ru->section);
			fail = (int64_t)text_count_chars(s, strlen(s)) >
			    ru->max;
		}
		break;
	case TPL_R_BLANK:
		fail = r->vals[in->cells[0]].state == RV_BLANK;
		break;
	case TPL_R_TEXT_PREV:
		fail = ru->section >= 0 && prev_alike(r, ru->section) >=
		    ru->max;
		break;
	case TPL_R_TEXT_NUMBER:
	case TPL_R_TEXT_MATCH:
		fail = text_check(r, i);
		break;
	}
	set_failing(r, i, fail);
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
	if (r->frozen)
		return;
	for (i = 0; i < r->t->nrules; i++) {
		const struct tpl_rule *ru = &r->t->rules[i];
		if (ru->ninsts == 0)
			continue;
		if (((ru->kind == TPL_R_TEXT_REQUIRES ||
		    ru->kind == TPL_R_TEXT_MAX ||
		    ru->kind == TPL_R_TEXT_PREV) && ru->section == sec) ||
		    ((ru->kind == TPL_R_TEXT_NUMBER ||
		    ru->kind == TPL_R_TEXT_MATCH) &&
		    (ru->section == sec || ru->section < 0)))
			eval_inst(r, ru->first_inst);
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
	if (!sum_terms(r, f->terms, f->nterms, &v.n, &ovf))
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
		eval_inst(r, i);
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
	propagate(r, cell);
	return (true);
}

static bool
all_space(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		if (strncmp(s, "\xe3\x80\x80", 3) == 0) {	/* U+3000 */
			s += 2;
			continue;
		}
		if (strncmp(s, "\xc2\xa0", 2) == 0) {		/* NBSP */
			s += 1;
			continue;
		}
		return (false);
	}
	return (true);
}

/* Fills err for a refused input on cell: {0} id, {1} zh label, {2}
 * decimals, {3} en label (labels are formatted only here, on refusal). */
static void
input_err(const struct report *r, int cell, const char *msgid, struct err *err)
{
	char	dp[8], path[1024], path_en[1024];

	tpl_cell_label(r->t, cell, LANG_ZH, path, sizeof path);
	tpl_cell_label(r->t, cell, LANG_EN, path_en, sizeof path_en);
	snprintf(dp, sizeof dp, "%d", r->t->cells[cell].type.decimals);
	err_set(err, NULL, 0, 0, msgid, 4, r->t->cells[cell].id, path, dp,
	    path_en);
}

bool
report_set_input(struct report *r, int cell, const char *input,
    struct report_value *old, struct err *err)
{
	const struct tpl_cell	*c = &r->t->cells[cell];
	struct report_value	 v = { RV_BLANK, { 0, 0 } };
	enum num_status		 st;

	if (c->formula >= 0) {
		input_err(r, cell, "cell.computed", err);
		return (false);
	}
	if (!all_space(input)) {
		st = num_parse(input, c->type.kind, c->type.decimals, &v.n,
		    NULL);
		if (st != NUM_OK) {
			input_err(r, cell, num_status_msgid(st), err);
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

/* Last year's narrative texts, matched by section id; NULL forgets. */
static void
copy_prev_texts(struct report *r, const struct report *prev)
{
	size_t	i;
	int	ps;

	for (i = 0; i < r->t->nsections; i++) {
		free(r->prev_texts[i]);
		r->prev_texts[i] = NULL;
		ps = prev != NULL ? tpl_section_index(prev->t,
		    r->t->sections[i].id) : -1;
		if (ps >= 0 && r->t->sections[i].kind == TPL_NARRATIVE &&
		    prev->t->sections[ps].kind == TPL_NARRATIVE)
			r->prev_texts[i] = xstrdup(report_text(prev, ps));
	}
}

/* Re-checks the rules comparing texts with last year's. */
static void
recheck_prev_texts(struct report *r)
{
	size_t	i;

	r->gen++;
	for (i = 0; !r->frozen && i < r->t->nrules; i++)
		if (r->t->rules[i].kind == TPL_R_TEXT_PREV &&
		    r->t->rules[i].ninsts > 0)
			eval_inst(r, r->t->rules[i].first_inst);
}

void
report_set_prev_texts(struct report *r, const struct report *prev)
{
	copy_prev_texts(r, prev);
	recheck_prev_texts(r);
}

void
report_set_prev(struct report *r, const struct report *prev)
{
	size_t	i;
	int	pc;

	memset(r->has_prev, 0, r->t->ncells * sizeof *r->has_prev);
	r->prev_known = prev != NULL;
	for (i = 0; prev != NULL && i < r->t->ncells; i++) {
		pc = prev->t == r->t ? (int)i :
		    tpl_cell_index(prev->t, r->t->cells[i].id);
		if (pc >= 0) {
			r->prev[i] = prev->vals[pc];
			r->has_prev[i] = true;
		}
	}
	copy_prev_texts(r, prev);
	for (i = 0; r->frozen == false && i < r->t->ninsts; i++)
		if (r->t->insts[i].uses_prev ||
		    r->t->rules[r->t->insts[i].rule].kind == TPL_R_TEXT_PREV)
			eval_inst(r, (int)i);
	r->gen++;
}

const char *
report_prev_text(const struct report *r, int sec)
{
	return (r->prev_texts[sec]);
}

void
report_set_prev_text(struct report *r, int sec, const char *text)
{
	free(r->prev_texts[sec]);
	r->prev_texts[sec] = text != NULL ? xstrdup(text) : NULL;
	recheck_prev_texts(r);
}

bool
report_prev_value(const struct report *r, int cell, struct report_value *out)
{
	if (!r->prev_known || !r->has_prev[cell])
		return (false);
	*out = r->prev[cell];
	return (true);
}

void
report_set_prev_value(struct report *r, int cell, const struct report_value *v)
{
	r->prev_known = true;
	r->has_prev[cell] = true;
	r->prev[cell] = *v;
	for (size_t k = 0; !r->frozen && k < r->t->cells[cell].nrdeps; k++)
		eval_inst(r, r->t->cells[cell].rdeps[k]);
}

bool
report_has_prev(const struct report *r)
{
	return (r->prev_known);
}

static void
fill_flag(const struct report *r, int i, struct report_flag *f)
{
	const struct tpl_inst *in = &r->t->insts[i];

	f->inst = i;
	f->rule = in->rule;
	f->severity = r->t->rules[in->rule].severity;
	f->cells = in->cells;
	f->ncells = in->ncells;
}

size_t
report_nflags(const struct report *r)
{
	return (r->nfailing[TPL_ERROR] + r->nfailing[TPL_WARNING]);
}

size_t
report_nflags_severity(const struct report *r, enum tpl_severity sev)
{
	return (r->nfailing[sev]);
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
		if (ru->ninsts == 0 || !r->failing[fi])
			continue;
		if (ru->kind == TPL_R_TEXT_NUMBER ||
		    ru->kind == TPL_R_TEXT_MATCH) {
			if (r->said[fi] == NULL || r->said_sec[fi] != sec)
				continue;
		} else if ((ru->kind != TPL_R_TEXT_REQUIRES &&
		    ru->kind != TPL_R_TEXT_MAX &&
		    ru->kind != TPL_R_TEXT_PREV) || ru->section != sec)
			continue;
		if (n < max)
			fill_flag(r, ru->first_inst, &out[n]);
		n++;
	}
	return (n);
}

char *
report_format_value(const struct report *r, int cell, struct report_value v,
    char *buf)
{
	if (v.state == RV_BLANK)
		buf[0] = '\0';
	else if (v.state == RV_OVERFLOW)
		strcpy(buf, "#");
	else
		num_format(v.n, r->t->cells[cell].type.kind, buf);
	return (buf);
}

/* Formats one side of a check for a message. */
static void
side_text(const struct report *r, const struct tpl_term *terms, size_t n,
    char *buf)
{
	struct num	v;
	bool		ovf = false;
	enum num_kind	kind = NUM_COUNT;
	size_t		i;

	for (i = 0; i < n; i++)
		if (terms[i].kind != TPL_T_CONST)
			kind = r->t->cells[terms[i].cell].type.kind;
	if (!sum_terms(r, terms, n, &v, &ovf))
		strcpy(buf, ovf ? "#" : "?");
	else
		num_format(v, kind, buf);
}

char *
report_flag_message(const struct report *r, const struct report_flag *f,
    enum lang lang)
{
	const struct tpl	*t = r->t;
	const struct tpl_inst	*in = &t->insts[f->inst];
	const struct tpl_rule	*ru = &t->rules[f->rule];
	const char		*p = tpl_label(&ru->message, lang), *s;
	struct sbuf		 b;
	char			 num[NUM_FMT_MAX];
	const struct tpl_block	*blk = in->iter_block >= 0 ?
				    &t->blocks[in->iter_block] : NULL;

	sbuf_init(&b);
	for (; *p != '\0'; p++) {
		if (*p != '{') {
			sbuf_addc(&b, *p);
			continue;
		}
		if (strncmp(p, "{lhs}", 5) == 0) {
			side_text(r, in->lhs, in->nlhs, num);
			sbuf_adds(&b, num);
		} else if (strncmp(p, "{rhs}", 5) == 0) {
			side_text(r, in->rhs, in->nrhs, num);
			sbuf_adds(&b, num);
		} else if (strncmp(p, "{row}", 5) == 0 && blk != NULL &&
		    in->iter_row >= 0) {
			sbuf_adds(&b, tpl_label(&tpl_row_node(blk,
			    in->iter_row)->label, lang));
		} else if (strncmp(p, "{col}", 5) == 0 && blk != NULL &&
		    in->iter_col >= 0) {
			sbuf_adds(&b, tpl_label(&tpl_col_node(blk,
			    in->iter_col)->label, lang));
		} else if (strncmp(p, "{cell}", 6) == 0 && in->ncells > 0) {
			const struct tpl_cell *c = &t->cells[in->cells[0]];
			sbuf_adds(&b, c->row_path[lang]);
			if (*c->row_path[lang] != '\0')
				sbuf_addc(&b, '/');
			sbuf_adds(&b, c->col_path[lang]);
		} else if (strncmp(p, "{count}", 7) == 0 && ru->section >= 0) {
			s = report_text(r, ru->section);
			sbuf_addf(&b, "%zu", text_count_chars(s, strlen(s)));
		} else if (strncmp(p, "{sentence}", 10) == 0) {
			sbuf_adds(&b, r->said[f->inst] ? r->said[f->inst] : "");
		} else if (strncmp(p, "{stated}", 8) == 0) {
			sbuf_adds(&b, r->stated[f->inst] ?
			    r->stated[f->inst] : "");
		} else if (strncmp(p, "{percent}", 9) == 0 &&
		    ru->section >= 0) {
			sbuf_addf(&b, "%d", prev_alike(r, ru->section));
		} else if (strncmp(p, "{max}", 5) == 0) {
			sbuf_addf(&b, "%lld", (long long)ru->max);
		} else {
			sbuf_addc(&b, *p);
			continue;
		}
		p = strchr(p, '}');
	}
	return (sbuf_take(&b));
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
	r->sources = xreallocarray(r->sources, r->nsources + 1,
	    sizeof *r->sources);
	r->sources[r->nsources++] = xstrdup(s);
	r->gen++;
}
