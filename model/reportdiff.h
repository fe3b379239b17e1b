/*
 * What differs between two reports: the comparison a clerk sees before
 * recovering a snapshot (snapshot.h), section by section: the organ, the
 * year, each section's text, and each cell's value, printed total and
 * last year's value.  Two reports on different templates differ only in
 * that.
 */
#ifndef NB_REPORTDIFF_H
#define NB_REPORTDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

enum reportdiff_kind {
	REPORTDIFF_TEMPLATE,	/* different templates: nothing else compared */
	REPORTDIFF_ORGAN,
	REPORTDIFF_YEAR,
	REPORTDIFF_TEXT,	/* a section's text */
	REPORTDIFF_CELL,	/* an input cell's value */
	REPORTDIFF_PUBLISHED,	/* a printed total (imported reports) */
	REPORTDIFF_PREVIOUS	/* a value of last year's report */
};

/* One difference. */
struct reportdiff {
	enum reportdiff_kind	kind;
	int			section;	/* -1 for template, organ, year */
	int			cell;		/* cell index, or -1 */
};

/* Per section (of a's template): what differs there. */
struct reportdiff_sec {
	int	section;
	bool	text;		/* its text */
	size_t	ncells;		/* cells (input, published, previous) */
};

/* The differences of a against b. */
struct reportdiff_list {
	struct reportdiff	*diffs;		/* in template order */
	size_t			 ndiffs;
	size_t			 capdiffs;
	struct reportdiff_sec	*secs;		/* sections with differences, */
	size_t			 nsecs;		/* in template order */
};

/* Fills *out (zeroed first) with how a differs from b.  Free with
 * reportdiff_done. */
void	reportdiff_compare(const struct report *a, const struct report *b,
	    struct reportdiff_list *out);
void	reportdiff_done(struct reportdiff_list *);

#endif
