/*
 * The new year from the last one; see rollover.h.  The carry is driven by
 * the template's prev() terms: an instance whose left side is one cell
 * and whose right side is one prev() of a cell names a pair (this year's
 * cell, last year's cell).  Last year's cell is found by id in last
 * year's template, so a 2020 report (gb2019) rolls into a 2021 one
 * (gb2021) wherever the ids agree.
 */
#include <stdio.h>
#include <stdlib.h>

#include "rollover.h"

/* Carries last year's value of the prev() cell of one instance. */
static void
carry(struct report *r, const struct report *last, const struct tpl_inst *in)
{
	const struct tpl	*t = report_tpl(r);
	struct report_value	 v;
	int			 lc;

	if (in->nlhs != 1 || in->nrhs != 1 || in->op != TPL_EQ ||
	    in->lhs[0].kind != TPL_T_CELL || in->rhs[0].kind != TPL_T_PREV ||
	    in->lhs[0].sign != 1 || in->rhs[0].sign != 1)
		return;
	lc = tpl_cell_index(report_tpl(last), t->cells[in->rhs[0].cell].id);
	if (lc < 0)
		return;
	v = report_value(last, lc);
	if (v.state == RV_OVERFLOW)
		v.state = RV_BLANK;
	report_set_prev_value(r, in->rhs[0].cell, &v);
	if (t->cells[in->lhs[0].cell].formula < 0)
		report_set_value(r, in->lhs[0].cell, v, NULL);
}

struct report *
rollover_new(const struct report *last, int year, const char *tpl_id,
    struct tpl *const *tpls, size_t ntpls, struct err *err)
{
	const struct tpl	*t;
	struct report		*r;
	char			 ybuf[16];
	size_t			 i;

	if (year <= 0 && report_year(last) <= 0) {
		err_set(err, NULL, 0, 0, "rollover.e_year", 0);
		return (NULL);
	}
	if (year <= 0)
		year = report_year(last) + 1;
	snprintf(ybuf, sizeof ybuf, "%d", year);
	t = tpl_id != NULL ? tpl_by_id(tpls, ntpls, tpl_id) :
	    tpl_for_year(tpls, ntpls, year);
	if (t == NULL) {
		if (tpl_id != NULL)
			err_set(err, NULL, 0, 0, "rollover.e_template", 1,
			    tpl_id);
		else
			err_set(err, NULL, 0, 0, "rollover.e_no_template", 1,
			    ybuf);
		return (NULL);
	}
	r = report_new(t);
	report_set_organ(r, report_organ(last));
	report_set_year(r, year);
	for (i = 0; i < t->ninsts; i++)
		if (t->insts[i].uses_prev)
			carry(r, last, &t->insts[i]);
	/* Last year's texts: a reference, never this year's text. */
	report_set_prev_texts(r, last);
	/* The 前言 is this year's: last year's moved on, or the wording. */
	report_preface_roll(r, last);
	report_preface_init(r);
	return (r);
}
