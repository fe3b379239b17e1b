/*
 * The literals a match of an ICU pattern cannot do without: a cheap
 * test (a byte search in the UTF-8 text) that tells a text the pattern
 * cannot match before the regex is run over it.  Derived from the
 * pattern alone and sound: when the set is not met, the pattern has no
 * match in the text; when nothing certain can be said (flags such as
 * (?i), escapes that name characters), there is no set and every text
 * goes to the regex.
 */
#ifndef NB_REGEX_NEED_H
#define NB_REGEX_NEED_H

#include <stdbool.h>

/* The UTF-8 literals of which every match of pattern contains at least
 * one, NULL-terminated and newly allocated (free with regex_need_free);
 * NULL when there is no such set. */
char	**regex_need_of(const char *pattern);

/* Whether text contains one of need's literals; true when need is NULL
 * (a pattern that may match anything). */
bool	  regex_need_met(char *const *need, const char *text);

/* Frees what regex_need_of returned; NULL is allowed. */
void	  regex_need_free(char **need);

#endif
