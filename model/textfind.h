/*
 * Finding text as a clerk means it: matching by ICU case folding
 * (u_foldCase) after full-width forms are taken as their half-width
 * ones (U+FF01..U+FF5E as ASCII, U+3000 as a space), so that `2024`
 * finds `２０２４` and `abc` finds `ABC`.  Matches are byte ranges of the
 * original text, code point aligned, never overlapping, left to right.
 */
#ifndef NB_TEXTFIND_H
#define NB_TEXTFIND_H

#include <stddef.h>

struct textfind_match {
	size_t	start, end;	/* bytes [start, end) of the text */
};

/* Every match of pat in text (both UTF-8).  Returns how many; *out is
 * newly allocated (caller frees; NULL when none).  An empty pat matches
 * nothing. */
size_t	textfind_all(const char *text, const char *pat,
	    struct textfind_match **out);

#endif
