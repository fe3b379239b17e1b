/*
 * The report as one web page, as it is published on a government site's
 * 政府信息公开专栏: a single self-contained HTML5 document (UTF-8), its
 * style inline in a <style> element, no script, no outside file.
 *
 *   title      <h1>, in the lines of title.h joined by <br>;
 *   sections   <h2> "一、总体情况", then for a table section its tables,
 *              then the text typed in the section, one <p> per non-blank
 *              line (leading spaces and U+3000 dropped, the first-line
 *              indent is in the style);
 *   tables     the official form's structure, from docx_table.h: every
 *              merge as rowspan/colspan, the column proportions of the
 *              official grid (<colgroup>, percentages of the table), block
 *              titles, the corner (the 勾稽 note), headers and row labels
 *              as <th> (row labels scope="row", left-aligned like the
 *              note), values as <td>; a blank cell is an empty <td>.
 *
 * Everything typed (organ, texts) is escaped: & < > " ' never reach the
 * page as markup, so "<script>" or "]]>" shows as that text.  The page is
 * in Chinese, like the .docx.
 */
#ifndef NB_EXPORT_HTML_H
#define NB_EXPORT_HTML_H

#include "report.h"

/* The page.  Newly allocated; caller frees. */
char	*export_html(const struct report *);

#endif
