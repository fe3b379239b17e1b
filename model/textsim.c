/*
 * Similarity by character pairs; see textsim.h.  Each text becomes the
 * sorted list of its adjacent pairs of counted characters (a pair packed
 * in 64 bits: two code points of 21), and the two lists are merged to
 * count the pairs they share.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "textsim.h"
#include "xmalloc.h"

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x < y ? -1 : x > y);
}

/* The pairs of adjacent letters of s, sorted; how many in *n. */
static uint64_t *
bigrams(const char *s, size_t *n, UChar32 *only)
{
	int32_t		 i = 0, len = (int32_t)strlen(s);
	UChar32		 c, last = -1;
	uint64_t	*v = xcalloc((size_t)len + 1, sizeof *v);

	*n = 0;
	*only = -1;
	while (i < len) {
		U8_NEXT(s, i, len, c);
		if (c < 0 || u_isUWhiteSpace(c) || u_ispunct(c) ||
		    u_iscntrl(c))
			continue;
		if (last >= 0)
			v[(*n)++] = (uint64_t)last << 21 | (uint64_t)c;
		else
			*only = c;
		last = c;
	}
	qsort(v, *n, sizeof *v, cmp_u64);
	return (v);
}

int
textsim_percent(const char *a, const char *b)
{
	uint64_t	*x, *y;
	size_t		 nx, ny, i = 0, j = 0, common = 0;
	UChar32		 ox, oy;
	int		 pct;

	x = bigrams(a, &nx, &ox);
	y = bigrams(b, &ny, &oy);
	if (nx == 0 || ny == 0)
		pct = nx == 0 && ny == 0 && ox == oy ? 100 : 0;
	else {
		while (i < nx && j < ny) {
			if (x[i] == y[j]) {
				common++;
				i++;
				j++;
			} else if (x[i] < y[j])
				i++;
			else
				j++;
		}
		pct = (int)(200 * common / (nx + ny));
	}
	free(x);
	free(y);
	return (pct);
}
