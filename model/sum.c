/* Summing reports cell by cell; see sum.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sum.h"
#include "xmalloc.h"

struct report *
sum_new(const struct report *first)
{
	struct report *acc = report_new(report_tpl(first));

	report_set_year(acc, report_year(first));
	return (acc);
}

bool
sum_add(struct report *acc, const struct report *r, const char *name,
    struct err *err)
{
	const struct tpl	*t = report_tpl(acc);
	struct report_value	*v;
	char			 y0[16], y1[16];
	size_t			 c;
	bool			 ok = true;

	if (name == NULL)
		name = report_organ(r);
	if (report_tpl(r) != t) {
		err_set(err, NULL, 0, 0, "sum.mixed_template", 3, t->id,
		    report_tpl(r)->id, name);
		return (false);
	}
	if (report_year(r) != report_year(acc)) {
		snprintf(y0, sizeof y0, "%d", report_year(acc));
		snprintf(y1, sizeof y1, "%d", report_year(r));
		err_set(err, NULL, 0, 0, "sum.mixed_year", 3, y0, y1, name);
		return (false);
	}
	/* Add into a copy first, so a failure leaves acc as it was. */
	v = xcalloc(t->ncells, sizeof *v);
	for (c = 0; c < t->ncells && ok; c++) {
		v[c] = report_value(acc, (int)c);
		struct report_value x = report_value(r, (int)c);
		if (t->cells[c].formula >= 0 || x.state != RV_SET)
			continue;
		v[c].state = RV_SET;
		if (!num_add(&v[c].n, x.n, 1)) {
			err_set(err, NULL, 0, 0, "sum.overflow", 1,
			    t->cells[c].id);
			ok = false;
		}
	}
	if (ok) {
		report_freeze(acc);
		for (c = 0; c < t->ncells; c++)
			if (t->cells[c].formula < 0)
				report_set_value(acc, (int)c, v[c], NULL);
		report_thaw(acc);
		report_add_source(acc, name);
	}
	free(v);
	return (ok);
}

struct report *
sum_reports(struct report *const *rs, size_t n, const char *const *names,
    struct err *err)
{
	struct report	*acc;
	size_t		 i;

	if (n == 0)
		return (NULL);
	acc = sum_new(rs[0]);
	for (i = 0; i < n; i++)
		if (!sum_add(acc, rs[i], names ? names[i] : NULL, err)) {
			report_free(acc);
			return (NULL);
		}
	return (acc);
}
