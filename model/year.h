/*
 * The report year: one rule for every command, dialog and reader.
 *
 * The 条例 took effect on 1 May 2008, so the first annual reports are for
 * 2008; YEAR_MAX leaves room for any report a clerk will write.  A year is
 * typed as clerks type numbers (num.h): ASCII or full-width digits,
 * surrounding spaces; "２０２５" is 2025.
 */
#ifndef NB_YEAR_H
#define NB_YEAR_H

#include <stdbool.h>
#include <time.h>

#define YEAR_MIN	2008
#define YEAR_MAX	2100

/* Whether y is a report year we accept. */
bool	 year_valid(int y);

/*
 * Parses s (ASCII or full-width digits, surrounding spaces) as a report
 * year.  Returns true and sets *out when it is one in YEAR_MIN..YEAR_MAX;
 * false for anything else (empty, letters, out of range).
 */
bool	 year_parse(const char *s, int *out);

/*
 * The year a report written at time now is most likely for: reports are
 * written in the first months of a year for the year just ended, so it is
 * now's year minus one.
 */
int	 year_default(time_t now);

#endif
