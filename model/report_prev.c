/*
 * Last year's report as a report knows it (report.h): its values, for the
 * rules that compare with them (R5), and its texts, for the rules that
 * compare this year's with them (R9), with the template's wording they
 * are stripped of (boiler.h).
 */
#include <stdlib.h>
#include <string.h>

#include "boiler.h"
#include "report.h"
#include "report_impl.h"
#include "xmalloc.h"

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

/* Re-checks the rules comparing texts with last year's (making the
 * wording they are stripped of when a text of last year is known). */
static void
recheck_prev_texts(struct report *r)
{
	size_t	i;

	for (i = 0; r->boiler == NULL && i < r->t->nsections; i++)
		if (r->prev_texts[i] != NULL)
			r->boiler = boiler_new(r->t);

	r->gen++;
	for (i = 0; !r->frozen && i < r->t->nrules; i++)
		if ((r->t->rules[i].reads & TPL_READS_PREV_TEXT) &&
		    r->t->rules[i].ninsts > 0)
			report_eval_inst(r, r->t->rules[i].first_inst);
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
	for (i = 0; r->boiler == NULL && i < r->t->nsections; i++)
		if (r->prev_texts[i] != NULL)
			r->boiler = boiler_new(r->t);
	for (i = 0; r->frozen == false && i < r->t->ninsts; i++)
		if (r->t->insts[i].uses_prev ||
		    (r->t->rules[r->t->insts[i].rule].reads &
		    TPL_READS_PREV_TEXT))
			report_eval_inst(r, (int)i);
	r->gen++;
}

const struct boiler *
report_boiler(const struct report *r)
{
	return (r->boiler);
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
		report_eval_inst(r, r->t->cells[cell].rdeps[k]);
}

bool
report_has_prev(const struct report *r)
{
	return (r->prev_known);
}
