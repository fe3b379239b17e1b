/*
 * Adding up reports: the county office compiles its own figures from its
 * townships' and departments' reports.  Every input cell of the result is
 * the exact sum of that cell over the sources (blank where every source is
 * blank); totals are recomputed by the model as usual; narratives are left
 * empty for the clerk to write.
 */
#ifndef NB_SUM_H
#define NB_SUM_H

#include <stddef.h>

#include "err.h"
#include "report.h"

/*
 * Sums n >= 1 reports, which must share one template and one year (else
 * NULL with *err: sum.mixed_template {0}=first id {1}=other id {2}=index,
 * sum.mixed_year {0} {1} {2}); an overflow gives sum.overflow {0}=cell id.
 * names[i] (may be NULL) describes source i in the result's sources list.
 * Returns a new report (caller frees) with organ and year to be set by
 * the caller.
 */
struct report	*sum_reports(struct report *const *rs, size_t n,
		    const char *const *names, struct err *err);

#endif
