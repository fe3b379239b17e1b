/*
 * The print layout: a report paged as GB/T 9704-2012 prints it, in
 * terminal columns, for the print preview (F4, `nianbao preview`) and the
 * plain-text export.  One engine serves both: layout_plain() is exactly
 * what `nianbao preview --plain FILE` prints and what the preview shows.
 *
 * The page: LAYOUT_LINES (22) body lines of at most LAYOUT_COLS (56)
 * columns, that is 28 汉字 of 2 columns ("每面排22行，每行排28个字"),
 * and a page-number line under them: "— N —" (一字线, space, Arabic
 * number, space, 一字线) placed as GB/T 9704 places page numbers: odd pages
 * right-aligned one character (2 columns) in from the right edge of the
 * 56 columns, even pages left-aligned one character in.  The last page is
 * padded with empty lines to 22.
 *
 * Content, in template order:
 *   - the title (tpl->title with {organ}, {year}) in the lines of the
 *     .docx (title.h: broken at word boundaries into balanced lines),
 *     each centred, then one empty line;
 *   - each section's heading "一、总体情况" (English: "一. General
 *     situation", as export_txt writes it) with the 2-character (4-column)
 *     indent, moved to the next page with what follows it when that does
 *     not fit;
 *   - narrative sections: each non-empty paragraph (text split at '\n',
 *     leading spaces and U+3000 removed) with a 4-column first-line indent,
 *     wrapped with text_wrap (ICU "zh": no line starts with ，。 …);
 *     an empty section prints only its heading;
 *   - table sections: each table drawn with box characters ─│┌┐└┘├┤┬┴┼ in
 *     its official layout: block titles as rows spanning the table, merged
 *     column headers from the colnodes tree, hierarchical row labels from
 *     the rownodes tree (a group spans its rows in its own label column, a
 *     leaf spans the remaining label columns), the corner text over the
 *     label columns, long labels wrapped inside their cell (a row label
 *     taller than half a page starts at its top instead of being centred),
 *     values from report_value/report_format_value centred and never
 *     wrapped, blank cells empty.  Column widths are chosen to keep the
 *     table as short as possible within 56 columns (the 15-column 复议/诉讼
 *     table gets cells of 2-4 columns whose header labels wrap 1-2 汉字 a
 *     line; a table without row labels may stay narrower and is centred).
 *     A table that does not fit on the page is split at a row boundary
 *     (inside a row only when one row is taller than a page): the page
 *     ends with a closing └┴┘ line and the next page starts with an
 *     opening ┌┬┐ line.  Header rows stay with the first body row.
 *     One empty line follows each table, and then the text typed in the
 *     section, as in the .docx.
 *
 * Widths are measured with the given text_opts, box characters included
 * (they are East Asian Ambiguous).  The 56-column page assumes ambiguous
 * = 1 for the box characters: with ambiguous = 2 every box character takes
 * 2 columns, cell widths become even, and a table with many columns (the
 * 15-column one needs 62) is wider than 56 columns; lines are never cut.
 * Text lines stay within 56 columns in both settings.
 *
 * Lines are UTF-8 without '\n' and without trailing spaces.
 */
#ifndef NB_LAYOUT_H
#define NB_LAYOUT_H

#include <stddef.h>

#include "report.h"
#include "text.h"
#include "tpl.h"

#define LAYOUT_COLS	56	/* 28 characters of 2 columns */
#define LAYOUT_LINES	22	/* body lines a page */

struct layout_page {
	char	**lines;		/* nlines, never NULL; "" when empty */
	int	  nlines;		/* at least LAYOUT_LINES */
	char	 *footer;		/* the page-number line, "— N —"
					   placed as above */
	char	 *start;		/* what the printed page begins with:
					   its first line of text, or the
					   first cell text of its first table
					   row (layout_starts) */
};

struct layout {
	struct layout_page	*pages;
	size_t			 npages;	/* at least 1 */
	int			 width;		/* widest line, in columns */
};

/* Lays out the report in lang (labels, title, headings) with opts for
 * widths.  Never fails.  Caller frees with layout_free. */
struct layout	*layout_build(const struct report *, enum lang,
		    const struct text_opts *);
void		 layout_free(struct layout *);

/*
 * The pages as text: for each page its 22 lines and the page-number line,
 * each followed by '\n'; pages separated by a form feed "\f" (none after
 * the last page).  Newly allocated; caller frees.
 */
char		*layout_plain(const struct layout *);

/*
 * What each page begins with, one line per page (the `start` of each
 * page, spaces kept): for comparing the preview's pages with the printed
 * ones (`nianbao preview --starts`).  Newly allocated; caller frees.
 */
char		*layout_starts(const struct layout *);

#endif
