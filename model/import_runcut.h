/*
 * Cutting text whose table rows lost their separators (import_scan.h's
 * runs layout): a line into labels and the runs of digits glued to them,
 * and a label into the labels it is made of.
 *
 * A run is digits (ASCII or full-width) with perhaps ". , -" inside
 * numbers and white space between them; it starts at a digit (or a minus
 * sign just before one).  A run that ends in an item number ("…4000042.
 * 其他…", "2、…") leaves that digit to the label after it, so that
 * "1.属于国家秘密" stays whole.
 */
#ifndef NB_IMPORT_RUNCUT_H
#define NB_IMPORT_RUNCUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "num.h"

/* Length of a digit (ASCII or full-width) at p, 0 if none. */
size_t	import_runcut_digit(const char *p);

/*
 * Cuts s into labels and the runs after them, calling pair(arg, label,
 * label end, run, run end) for each, in order; a label with no run after
 * it ends the line (run == run end).  The spans point into s.
 */
void	import_runcut_line(const char *s, void (*pair)(void *, const char *,
	    const char *, const char *, const char *), void *arg);

/*
 * Cuts key (a label key, labelnorm.h) into keys[0..nkeys), the longest
 * first where the rest can still be cut: their indices into
 * out[0..max); returns how many, or 0 when key is not made of them alone
 * (or is longer than IMPORT_RUNCUT_MAX bytes).
 */
#define IMPORT_RUNCUT_MAX	4096
size_t	import_runcut_labels(const char *key, char *const *keys,
	    size_t nkeys, size_t *out, size_t max);

/*
 * A run as import_runs.h reads it: ASCII digits and ". , -" (full-width
 * forms folded), one space between groups of it (ASCII spaces, TAB, NBSP
 * and U+3000 alike), none at its ends.  NULL if run holds anything else
 * or no digit.  Newly allocated; caller frees.
 */
char	*import_runcut_normalise(const char *run);

/*
 * Whether s[a..b) of a normalised run is a value a column of kind (with
 * dp decimals, for money) holds as printed: digits, or digits grouped by
 * commas in threes, without a leading zero but "0" itself, at most
 * NUM_LIMIT; a minus sign first only in a signed column; a decimal point
 * only in a money column.  Its value, scaled as struct num keeps it, in
 * *v.
 */
bool	import_runcut_value(const char *s, size_t a, size_t b,
	    enum num_kind kind, int dp, int64_t *v);

#endif
