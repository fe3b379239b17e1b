/*
 * Lines of the text being imported; see import_line.h.  A page number is
 * recognised on the line's label key (labelnorm.h), so full-width digits,
 * dashes and spaces inside it are all the same.
 */
#include <stdlib.h>
#include <string.h>

#include "import_line.h"
#include "labelnorm.h"

/* Skips up to 4 ASCII digits at *p; how many. */
static size_t
digits(const char **p)
{
	size_t	n = 0;

	while (**p >= '0' && **p <= '9' && n < 4) {
		(*p)++;
		n++;
	}
	return (n);
}

bool
import_line_is_page_number(const char *line)
{
	char		*k = labelnorm_key(line);
	const char	*p = k;
	bool		 ok = false;

	/* "-3-", "—3—", "－ 3 －", "第3页", "第3页共6页" */
	if (strncmp(p, "-", 1) == 0 || strncmp(p, "—", 3) == 0) {
		p += *p == '-' ? 1 : 3;
		ok = digits(&p) > 0 && (strcmp(p, "-") == 0 ||
		    strcmp(p, "—") == 0);
	} else if (strncmp(p, "第", 3) == 0) {
		p += 3;
		ok = digits(&p) > 0 && strncmp(p, "页", 3) == 0;
	}
	free(k);
	return (ok);
}
