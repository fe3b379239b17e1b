/*
 * Folded search (see textfind.h).  Both strings become arrays of folded
 * code points; the text's also keeps each code point's byte offset, so
 * that a match found on the folded array maps back to the original
 * bytes.  The search is the plain one, which is fast enough for a
 * section's text.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "textfind.h"
#include "vec.h"
#include "xmalloc.h"

static UChar32
fold(UChar32 c)
{
	if (c >= 0xff01 && c <= 0xff5e)
		c -= 0xfee0;
	else if (c == 0x3000)
		c = ' ';
	return (u_foldCase(c, U_FOLD_CASE_DEFAULT));
}

/* The folded code points of s; offsets (when not NULL) gets each one's
 * byte offset and one more, the length.  Returns how many. */
static size_t
folded(const char *s, UChar32 **cps, size_t **offsets)
{
	int32_t	 len = (int32_t)strlen(s), i = 0;
	size_t	 n = 0;
	UChar32	 c;

	*cps = xreallocarray(NULL, (size_t)len + 1, sizeof **cps);
	if (offsets != NULL)
		*offsets = xreallocarray(NULL, (size_t)len + 1,
		    sizeof **offsets);
	while (i < len) {
		if (offsets != NULL)
			(*offsets)[n] = (size_t)i;
		U8_NEXT(s, i, len, c);
		(*cps)[n++] = c < 0 ? 0xfffd : fold(c);
	}
	if (offsets != NULL)
		(*offsets)[n] = (size_t)len;
	return (n);
}

size_t
textfind_all(const char *text, const char *pat, struct textfind_match **out)
{
	UChar32			*t, *p;
	size_t			*off, nt, np, i, n = 0, cap = 0;
	struct textfind_match	*m = NULL;

	*out = NULL;
	if (*pat == '\0')
		return (0);
	nt = folded(text, &t, &off);
	np = folded(pat, &p, NULL);
	for (i = 0; np > 0 && i + np <= nt; i++) {
		if (memcmp(t + i, p, np * sizeof *p) != 0)
			continue;
		*VEC_PUSH(m, n, cap) = (struct textfind_match){ off[i],
		    off[i + np] };
		i += np - 1;
	}
	free(t);
	free(p);
	free(off);
	*out = m;
	return (n);
}
