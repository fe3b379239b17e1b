/*
 * The report's title broken into lines as GB/T 9704-2012 §7.3.3 asks
 * (词意完整、排列对称): never inside a word, in balanced lines.  The
 * same lines are used by every output (the .docx, hence the PDF, the web
 * page and the print preview), so they all show the title alike.
 *
 * Widths are in columns: a 汉字 2, a digit or Latin letter 1 (East Asian
 * Ambiguous characters count 2, as they print in the Chinese font).  The
 * title prints in 2号 (22 pt) on a 156 mm line: TITLE_COLS columns, that
 * is 20 汉字.
 *
 * The rule, in order:
 *   1. a title that fits on one line stays on one line;
 *   2. when the organ's name ends at a word boundary and breaking there
 *      gives two lines that fit, with the shorter at least 2/5 of the
 *      longer, the title breaks after the organ's name, as real reports
 *      do ("某某镇人民政府" / "2025年政府信息公开工作年度报告");
 *   3. otherwise the fewest lines that fit, breaking only where ICU's
 *      word break iterator for "zh" puts a word boundary (and never
 *      before closing or after opening punctuation), choosing the breaks
 *      that make the longest line shortest (a trapezoid); among equals,
 *      the one whose upper lines are longer;
 *   4. a single word longer than a line (an organ name without any word
 *      boundary ICU knows) is broken where text_wrap would break it.
 */
#ifndef NB_TITLE_H
#define NB_TITLE_H

#include <stddef.h>

#include "report.h"

#define TITLE_COLS	40	/* 20 汉字 of 22 pt in 156 mm */

/*
 * Breaks title (len bytes, UTF-8, no '\n') into lines of at most cols
 * columns.  organ_len is the length in bytes of the organ's name at the
 * start of the title (0: none).  Returns the number of lines (at least 1)
 * and sets *starts to a newly allocated array (caller frees) of
 * nlines + 1 byte offsets: line i is [starts[i], starts[i+1]).
 */
size_t	title_break(const char *title, size_t len, size_t organ_len,
	    int cols, size_t **starts);

/*
 * The report's title in lang as its lines of TITLE_COLS: returns the
 * number of lines and sets *lines to a newly allocated array of newly
 * allocated strings (free each, then the array).
 */
size_t	title_lines(const struct report *, enum lang, char ***lines);

/* Frees what title_lines returned. */
void	title_lines_free(char **lines, size_t n);

#endif
