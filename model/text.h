/*
 * Text as it appears on a terminal and a page: widths in columns, caret
 * movement by grapheme cluster, and line breaking, all with ICU.  Chinese is
 * the normal case.  Nothing here counts bytes to measure text.
 *
 * Width of one grapheme cluster: 0 for controls, format characters (ZWSP)
 * and a lone combining mark sequence (otherwise the cluster takes the
 * base's width); 2 for East Asian Width W and F (汉字, ，。（）０, most
 * emoji) and for emoji sequences: a cluster with U+FE0F, a flag, or a ZWJ
 * sequence on an Extended_Pictographic base; for A (ambiguous: “ ” ‘ ’ …
 * — · × ①) the `ambiguous` setting (1 or 2); 1 otherwise.  Pictographs in
 * text presentation (© ® ™ ❤ without U+FE0F) keep their East Asian Width,
 * as terminals draw them.  TAB counts as 1 here (callers expand tabs
 * themselves).
 *
 * All offsets are byte offsets into UTF-8 strings, always on grapheme
 * cluster boundaries.  Invalid UTF-8 bytes count as one column each (U+FFFD
 * on display) and never crash.
 */
#ifndef NB_TEXT_H
#define NB_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct text_opts {
	int	ambiguous;	/* 1 or 2: columns for East Asian Ambiguous */
};

/* Columns of the UTF-8 string s (len bytes). */
int	text_width(const char *s, size_t len, const struct text_opts *);

/* Columns of the grapheme cluster starting at s[off]; *next gets its end. */
int	text_cluster_width(const char *s, size_t len, size_t off,
	    size_t *next, const struct text_opts *);

/* Byte offset of the next / previous grapheme cluster boundary. */
size_t	text_next(const char *s, size_t len, size_t off);
size_t	text_prev(const char *s, size_t len, size_t off);

/* Number of grapheme clusters that are not white space (the "字数");
 * zero-width clusters (controls, ZWSP) do not count either. */
size_t	text_count_chars(const char *s, size_t len);
/* The same, but stops counting at stop: min(text_count_chars, stop). */
size_t	text_count_chars_upto(const char *s, size_t len, size_t stop);
/*
 * The count Word gives as 字数: every wide character (汉字 and full-width
 * punctuation, East Asian width W or F) is one, and every run of other
 * characters that are not white space ("2024", "PDF", "12.5%") is one
 * word.  So "2024年收到12件" is 5, where text_count_chars says 9.
 */
size_t	text_count_words(const char *s, size_t len);

/*
 * Longest prefix of s that fits in `cols` columns without splitting a
 * cluster; returns its byte length and sets *used to its width.
 */
size_t	text_fit(const char *s, size_t len, int cols, int *used,
	    const struct text_opts *);

/*
 * Line breaking of one paragraph (no '\n' inside) to `cols` columns,
 * with ICU's line break iterator for locale "zh" (so no line starts with
 * ，。、；：？！）” and the like and “（ stick to what follows).  first_indent
 * columns are reserved at the start of the first line (the 2-character
 * indent of a 公文 paragraph is 4 columns).  A single cluster wider than
 * the line is put on its own line.  Where ICU offers no break inside a run
 * longer than a line, break it by clusters, still never putting a
 * prohibited character first (nor an opening one last) unless that would
 * leave a line empty: then the line runs past `cols`.  One tailoring of
 * ICU: runs of fullwidth digits (１２８, １５．２) are not split.
 *
 * Returns the number of lines and sets *starts to a newly allocated array
 * (caller frees) of nlines+1 byte offsets: line i is [starts[i],
 * starts[i+1]).  Trailing spaces at a break stay on the earlier line.
 * An empty paragraph is one empty line.
 */
size_t	text_wrap(const char *s, size_t len, int cols, int first_indent,
	    size_t **starts, const struct text_opts *);

/* Pads or truncates to exactly cols columns (a wide char that would be
 * split becomes a space); align: -1 left, 0 centre, 1 right.  Newly
 * allocated; caller frees. */
char	*text_pad(const char *s, size_t len, int cols, int align,
	    const struct text_opts *);

/*
 * Copies s with C0/C1 controls, DEL, ESC sequences and invalid UTF-8
 * removed (keeps '\n' when keep_newlines, turns '\t' into a space, CRLF and
 * CR into '\n').  Whole sequences go: CSI (ESC [ or U+009B), OSC/DCS/APC
 * strings up to BEL or ST; an unterminated string loses only its
 * introducer.  Safe to put on a terminal.  Newly allocated; caller frees.
 */
char	*text_sanitize(const char *s, size_t len, bool keep_newlines);

/* Releases ICU iterators cached per thread (for leak checkers at exit). */
void	text_cleanup(void);

#endif
