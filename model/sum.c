/* Summing reports cell by cell; see sum.h. */
#include <stdio.h>
#include <string.h>

#include "sum.h"

static bool
compatible(struct report *const *rs, size_t n, struct err *err)
{
	const struct tpl	*t = report_tpl(rs[0]);
	char			 idx[24], y0[16], y1[16];
	size_t			 i;

	for (i = 1; i < n; i++) {
		snprintf(idx, sizeof idx, "%zu", i + 1);
		if (report_tpl(rs[i]) != t) {
			err_set(err, NULL, 0, 0, "sum.mixed_template", 3,
			    t->id, report_tpl(rs[i])->id, idx);
			return (false);
		}
		if (report_year(rs[i]) != report_year(rs[0])) {
			snprintf(y0, sizeof y0, "%d", report_year(rs[0]));
			snprintf(y1, sizeof y1, "%d", report_year(rs[i]));
			err_set(err, NULL, 0, 0, "sum.mixed_year", 3, y0, y1,
			    idx);
			return (false);
		}
	}
	return (true);
}

struct report *
sum_reports(struct report *const *rs, size_t n, const char *const *names,
    struct err *err)
{
	const struct tpl	*t;
	struct report		*out;
	struct report_value	 acc, v;
	size_t			 c, i;

	if (n == 0 || !compatible(rs, n, err))
		return (NULL);
	t = report_tpl(rs[0]);
	out = report_new(t);
	report_set_year(out, report_year(rs[0]));
	for (c = 0; c < t->ncells; c++) {
		if (t->cells[c].formula >= 0)
			continue;
		memset(&acc, 0, sizeof acc);
		for (i = 0; i < n; i++) {
			v = report_value(rs[i], (int)c);
			if (v.state != RV_SET)
				continue;
			acc.state = RV_SET;
			if (!num_add(&acc.n, v.n, 1)) {
				err_set(err, NULL, 0, 0, "sum.overflow", 1,
				    t->cells[c].id);
				report_free(out);
				return (NULL);
			}
		}
		report_set_value(out, (int)c, acc, NULL);
	}
	for (i = 0; i < n; i++)
		report_add_source(out, names != NULL && names[i] != NULL ?
		    names[i] : report_organ(rs[i]));
	return (out);
}
