/* UTF-8 front end to ICU regular expressions; see regex.h. */
#include <stdlib.h>

#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include "regex.h"
#include "xmalloc.h"

UChar *
regex_u16(const char *s, int32_t *len)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UChar		*u;
	int32_t		 n = 0;

	u_strFromUTF8WithSub(NULL, 0, &n, s, -1, 0xFFFD, NULL, &st);
	st = U_ZERO_ERROR;
	u = xcalloc((size_t)n + 1, sizeof *u);
	u_strFromUTF8WithSub(u, n + 1, NULL, s, -1, 0xFFFD, NULL, &st);
	*len = n;
	return (u);
}

char *
regex_u8(const UChar *u, int32_t len)
{
	UErrorCode	 st = U_ZERO_ERROR;
	int32_t		 n = 0;
	char		*s;

	u_strToUTF8WithSub(NULL, 0, &n, u, len, 0xFFFD, NULL, &st);
	st = U_ZERO_ERROR;
	s = xmalloc((size_t)n + 1);
	u_strToUTF8WithSub(s, n + 1, NULL, u, len, 0xFFFD, NULL, &st);
	s[n] = '\0';
	return (s);
}

URegularExpression *
regex_open(const char *pattern)
{
	UErrorCode		 st = U_ZERO_ERROR;
	URegularExpression	*re;
	UChar			*u;
	int32_t			 len;

	u = regex_u16(pattern, &len);
	re = uregex_open(u, len, 0, NULL, &st);
	free(u);
	/* Not the template's fault: a pattern it would have rejected. */
	if (st == U_MEMORY_ALLOCATION_ERROR)
		fatal("out of memory");
	if (U_FAILURE(st)) {
		uregex_close(re);
		return (NULL);
	}
	return (re);
}

void
regex_forget(URegularExpression *re)
{
	static const UChar	empty[1];
	UErrorCode		st = U_ZERO_ERROR;

	/* ICU refuses NULL here, and an error left in a status would stop
	 * the next scan. */
	uregex_setText(re, empty, 0, &st);
}

bool
regex_find(URegularExpression *re, const char *text)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UChar		*u;
	int32_t		 len;
	bool		 hit;

	u = regex_u16(text, &len);
	uregex_setText(re, u, len, &st);
	hit = U_SUCCESS(st) && uregex_find(re, 0, &st) && U_SUCCESS(st);
	regex_forget(re);
	free(u);
	return (hit);
}
