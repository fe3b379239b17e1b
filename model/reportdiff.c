/*
 * Comparing two reports: every difference in template order, then per
 * section how many there are, so that a screen can list the sections
 * that changed and show each one's details.  A value is the same when its
 * state and, for a set value, its number and decimals are; a value known
 * in one report and unknown in the other differs.
 */
#include <stdlib.h>
#include <string.h>

#include "reportdiff.h"
#include "vec.h"
#include "xmalloc.h"

static bool
same_value(bool ha, struct report_value a, bool hb, struct report_value b)
{
	if (ha != hb)
		return (false);
	if (!ha || a.state != b.state)
		return (!ha);
	return (a.state != RV_SET || (a.n.v == b.n.v && a.n.dp == b.n.dp));
}

static void
diff_add(struct reportdiff_list *l, enum reportdiff_kind kind, int sec,
    int cell)
{
	struct reportdiff *d = VEC_PUSH(l->diffs, l->ndiffs, l->capdiffs);

	d->kind = kind;
	d->section = sec;
	d->cell = cell;
}

/* Compares one cell in the three places a value can be. */
static void
diff_cell(struct reportdiff_list *l, const struct report *a,
    const struct report *b, int c, int sec)
{
	struct report_value	va, vb;
	bool			ha, hb;

	if (!tpl_cell_computed(report_tpl(a), c)) {
		if (!same_value(true, report_value(a, c), true,
		    report_value(b, c)))
			diff_add(l, REPORTDIFF_CELL, sec, c);
	} else {
		ha = report_published(a, c, &va);
		hb = report_published(b, c, &vb);
		if (!same_value(ha, va, hb, vb))
			diff_add(l, REPORTDIFF_PUBLISHED, sec, c);
	}
	/* Last year's values: input and computed cells alike. */
	ha = report_prev_value(a, c, &va);
	hb = report_prev_value(b, c, &vb);
	if (!same_value(ha, va, hb, vb))
		diff_add(l, REPORTDIFF_PREVIOUS, sec, c);
}

/* Fills l->secs from per-section text flags and cell counts. */
static void
sum_sections(struct reportdiff_list *l, const struct tpl *t,
    const bool *text, const size_t *ncells)
{
	size_t	i;

	l->secs = xcalloc(t->nsections + 1, sizeof *l->secs);
	for (i = 0; i < t->nsections; i++)
		if (text[i] || ncells[i] > 0) {
			l->secs[l->nsecs].section = (int)i;
			l->secs[l->nsecs].text = text[i];
			l->secs[l->nsecs++].ncells = ncells[i];
		}
}

void
reportdiff_compare(const struct report *a, const struct report *b,
    struct reportdiff_list *l)
{
	const struct tpl	*t = report_tpl(a);
	size_t			 i, n, *ncells;
	bool			*text;
	int			 sec;

	memset(l, 0, sizeof *l);
	if (report_tpl(b) != t) {
		diff_add(l, REPORTDIFF_TEMPLATE, -1, -1);
		return;
	}
	if (strcmp(report_organ(a), report_organ(b)) != 0)
		diff_add(l, REPORTDIFF_ORGAN, -1, -1);
	if (report_year(a) != report_year(b))
		diff_add(l, REPORTDIFF_YEAR, -1, -1);
	text = xcalloc(t->nsections + 1, sizeof *text);
	ncells = xcalloc(t->nsections + 1, sizeof *ncells);
	for (i = 0; i < t->nsections; i++)
		if (strcmp(report_text(a, (int)i), report_text(b, (int)i))) {
			diff_add(l, REPORTDIFF_TEXT, (int)i, -1);
			text[i] = true;
		}
	for (i = 0; i < t->ncells; i++) {
		n = l->ndiffs;
		sec = t->tables[t->blocks[t->cells[i].block].table].section;
		diff_cell(l, a, b, (int)i, sec);
		ncells[sec] += l->ndiffs - n;
	}
	sum_sections(l, t, text, ncells);
	free(text);
	free(ncells);
}

void
reportdiff_done(struct reportdiff_list *l)
{
	free(l->diffs);
	free(l->secs);
	memset(l, 0, sizeof *l);
}
