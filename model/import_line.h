/*
 * The leaf of the importer: one line of the text being read, and the one
 * predicate every reader of lines needs, whether a line is a page number.
 * It includes nothing of the importer, so the import files form a chain:
 *
 *   import_line <- import_scan <- import_place <- import_tab <- import_txt
 *               <- import (the entry point)
 *
 * and the readers that turn other formats into text (import_docx,
 * import_html, import_pdf) sit beside import_txt, under import.
 */
#ifndef NB_IMPORT_LINE_H
#define NB_IMPORT_LINE_H

#include <stdbool.h>

/* One line of the input: text (borrowed, no '\n') and its line number. */
struct import_line {
	const char	*s;
	int		 no;
};

/* True for a page-number line such as "-3-", "— 3 —" or "第 3 页". */
bool	import_line_is_page_number(const char *line);

#endif
