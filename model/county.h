/*
 * The county's picture, for the three writers of `check -r` (the county
 * page, county_html.h; JSON and CSV, county_data.h) and the terminal
 * table: each report's status, the message of each cross-report finding
 * in the user's language, the years present, and each year's summed
 * tables as a report (the model recomputes its totals).
 *
 * Statuses: a report that could not be read; one with errors (its own);
 * one with warnings (its own or across reports); clean (notes, X3, do
 * not count).
 */
#ifndef NB_COUNTY_H
#define NB_COUNTY_H

#include <stddef.h>

#include "batch.h"
#include "i18n.h"

enum county_status {
	COUNTY_CLEAN,
	COUNTY_WARNINGS,
	COUNTY_ERRORS,
	COUNTY_UNREAD
};

enum county_status county_status(const struct batch_item *);
/* "clean", "warnings", "errors", "unread" (for class names and JSON). */
const char	*county_status_id(enum county_status);

/*
 * The message of cross finding x of item it, in i18n's language, with
 * figures formatted exactly and quotes cut to COUNTY_QUOTE characters
 * (an ellipsis marks a cut).  Newly allocated; caller frees.
 */
#define COUNTY_QUOTE	80
char		*county_cross_message(const struct batch *,
		    const struct batch_item *it, const struct batch_cross *x,
		    const struct i18n *);

/* The years of the reports read, ascending, without repeats.  Returns
 * how many; *out newly allocated (caller frees). */
size_t		 county_years(const struct batch *, int **out);

/* The item of organ o for year y (the first if there are two), or
 * SIZE_MAX. */
size_t		 county_cell(const struct batch *, size_t o, int y);

/* The summed report of s (opts.sums): every input cell set where some
 * source set it.  Caller frees with report_free. */
struct report	*county_sum_report(const struct batch_sum *s);

/* s on one line (every run of white space, line ends too, one space;
 * none at the ends), cut to at most max characters with "…" added when
 * cut.  Newly allocated. */
char		*county_cut(const char *s, size_t max);

#endif
