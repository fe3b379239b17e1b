/*
 * ICU regular expressions over UTF-8 text.  Patterns in templates are
 * UTF-8 (Chinese); uregex_openC would read them in the process's default
 * code page, which in a C locale is ASCII, so every pattern and text goes
 * through explicit UTF-8 <-> UTF-16 conversion here.
 */
#ifndef NB_REGEX_H
#define NB_REGEX_H

#include <stdbool.h>
#include <stdint.h>

#include <unicode/uregex.h>

/* Compiles a UTF-8 pattern; NULL if it is not a valid ICU regex (ICU
 * out of memory is fatal()).  Close with uregex_close. */
URegularExpression	*regex_open(const char *pattern);

/* UTF-8 to UTF-16 (invalid bytes become U+FFFD).  Newly allocated;
 * caller frees.  *len gets the length in UTF-16 units. */
UChar			*regex_u16(const char *s, int32_t *len);

/* UTF-16 to UTF-8.  Newly allocated; caller frees. */
char			*regex_u8(const UChar *u, int32_t len);

/* Whether re matches somewhere in the UTF-8 text.  Leaves re with no
 * text (regex_forget). */
bool			 regex_find(URegularExpression *re, const char *text);

/* Points re away from a text about to be freed (set with uregex_setText):
 * ICU keeps a pointer to it. */
void			 regex_forget(URegularExpression *re);

#endif
