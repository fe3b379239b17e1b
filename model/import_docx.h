/*
 * A Word document (.docx) as the text the importer reads (import_txt.h):
 * the layout of nianbao's own text export (export_txt.h), so that a .docx
 * goes through the same reader as a published text.
 *
 * The main document part (the target of _rels/.rels' officeDocument
 * relationship, else word/document.xml) is read with a small XML
 * tokenizer of our own: no DTD, no entity expansion beyond the five
 * predefined entities and character references, DOCTYPE refused.  Its
 * body becomes:
 *
 *   a paragraph     one line: the text of its runs (w:t) in order, w:tab
 *                   and w:ptab as TAB, w:br and w:cr as a new line,
 *                   w:noBreakHyphen as '-'; deleted and moved-away text
 *                   (w:delText, w:moveFrom), field instructions
 *                   (w:instrText) and drawings, pictures, embedded objects,
 *                   text boxes and markup-compatibility fallbacks are
 *                   skipped; a field's result text is kept.  An empty
 *                   paragraph is an empty line.
 *   a table         one line per row, the cells separated by TABs, laid on
 *                   the table's grid: a cell spanning n grid columns
 *                   (w:gridSpan) gives its text to the first and "" to the
 *                   others; a cell continuing a vertical merge (w:vMerge
 *                   without "restart") or a horizontal one (legacy
 *                   w:hMerge) gives ""; w:gridBefore/w:gridAfter give ""
 *                   for the columns they skip.  Every row of a table has
 *                   the same number of TABs: the grid's width (w:tblGrid,
 *                   or the widest row if wider) less one.  A cell's text
 *                   is its paragraphs' text joined with nothing, and a
 *                   line break inside a cell is nothing either (a TAB is
 *                   a space), so that 商业<w:p>企业 and 结果<w:br/>维持
 *                   read as the labels 商业企业 and 结果维持; a table
 *                   nested in a cell is flattened into the cell's text.
 *                   The table is followed by an empty line.
 *
 * Text is UTF-8 (a UTF-16 part is converted); ill-formed UTF-8 and
 * character references to non-characters become U+FFFD; other control
 * characters are dropped and line ends inside w:t become spaces.
 *
 * Limits, against zip bombs and hostile files: the archive may hold at
 * most IMPORT_DOCX_MAX_ENTRIES entries, the document part at most
 * IMPORT_DOCX_MAX_PART bytes uncompressed (checked against the declared
 * size before inflating and again while inflating), elements may nest
 * IMPORT_DOCX_MAX_DEPTH deep, a table may be IMPORT_DOCX_MAX_COLS grid
 * columns wide (a wider row's excess cells go into its last column) and
 * the text produced may be IMPORT_DOCX_MAX_TEXT bytes long.
 */
#ifndef NB_IMPORT_DOCX_H
#define NB_IMPORT_DOCX_H

#include <stddef.h>

#include "err.h"
#include "import_grid.h"
#include "import_xml.h"

#define IMPORT_DOCX_MAX_ENTRIES	10000
#define IMPORT_DOCX_MAX_PART	(32 * 1024 * 1024)
#define IMPORT_DOCX_MAX_DEPTH	IMPORT_XML_MAX_DEPTH
#define IMPORT_DOCX_MAX_COLS	IMPORT_GRID_MAX_COLS
#define IMPORT_DOCX_MAX_TEXT	(32 * 1024 * 1024)

/*
 * The text of the .docx in buf (len bytes), as above.  path only names
 * the input in errors (err->path).  Returns newly allocated UTF-8 text,
 * NUL-terminated and without NUL bytes (caller frees), or NULL with *err
 * set:
 *   import.e_docx_zip {0}=libzip's reason   not a readable zip archive
 *   import.e_docx_part                      no main document part
 *   import.e_docx_entries {0}=limit         too many entries in the zip
 *   import.e_docx_size {0}=limit in MiB     the part or the text too long
 *   import.e_docx_xml {0}=part {1}=line {2}=column   not well-formed XML
 *   import.e_docx_dtd {0}=part                       a DOCTYPE (refused)
 *   import.e_docx_deep {0}=part {1}=line {2}=limit   nested too deep
 *   import.e_docx_nozip                     built without libzip
 */
char	*import_docx_text(const char *buf, size_t len, const char *path,
	    struct err *err);

/*
 * The same for the document part's XML alone (len bytes; part names it
 * in errors), without the archive: for tests and the fuzzer.
 */
char	*import_docx_xml(const char *xml, size_t len, const char *path,
	    const char *part, struct err *err);

#endif
