/*
 * Adding up reports: the county office compiles its own figures from its
 * townships' and departments' reports.  Every input cell of the result is
 * the exact sum of that cell over the sources (blank where every source is
 * blank); totals are recomputed by the model as usual; narratives are left
 * empty for the clerk to write.  Sources are added one at a time, so ten
 * thousand reports need the memory of two.
 */
#ifndef NB_SUM_H
#define NB_SUM_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "report.h"

/* An empty total on first's template and year (first is not added).
 * Caller frees with report_free. */
struct report	*sum_new(const struct report *first);

/*
 * Adds r into acc and lists name (or r's organ when NULL) as a source.
 * r must share acc's template and year, else false with *err:
 * sum.mixed_template {0}=acc's id {1}=r's id {2}=name, sum.mixed_year
 * {0} {1} {2}; an overflow gives sum.overflow {0}=cell id.  acc is
 * unchanged when it returns false.
 */
bool		 sum_add(struct report *acc, const struct report *r,
		    const char *name, struct err *err);

/* All of rs[0..n) at once (names may be NULL).  NULL with *err. */
struct report	*sum_reports(struct report *const *rs, size_t n,
		    const char *const *names, struct err *err);

#endif
