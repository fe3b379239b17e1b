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

#endif
