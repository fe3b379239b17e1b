/*
 * The report year (see year.h).  Parsing goes through num_parse, so a year
 * accepts exactly the digits a count cell accepts.
 */
#include "num.h"
#include "year.h"

bool
year_valid(int y)
{
	return (y >= YEAR_MIN && y <= YEAR_MAX);
}

bool
year_parse(const char *s, int *out)
{
	struct num	 n;
	const char	*p;

	if (s == NULL)
		return (false);
	/* A year has no grouping or sign: "2,025" and "+2025" are typos. */
	for (p = s; *p != '\0'; p++)
		if (*p == ',' || *p == '+' || *p == '-' || *p == '.')
			return (false);
	if (num_parse(s, NUM_COUNT, 0, &n, NULL) != NUM_OK)
		return (false);
	if (n.v < YEAR_MIN || n.v > YEAR_MAX)
		return (false);
	*out = (int)n.v;
	return (true);
}

int
year_default(time_t now)
{
	struct tm	tm;

	localtime_r(&now, &tm);
	return (tm.tm_year + 1900 - 1);
}
