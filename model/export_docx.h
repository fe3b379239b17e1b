/*
 * The report as a Word document (.docx, ECMA-376 transitional), written
 * here part by part and zipped in memory with libzip, laid out as a 公文
 * by GB/T 9704-2012:
 *
 *   page       A4; margins 37/35/28/26 mm (top/bottom/left/right), text
 *              area 156 x 225 mm; a document grid of lines and characters
 *              (linesAndChars): 22 lines of exactly 579 twips, 28
 *              characters a line;
 *   title      2号 方正小标宋简体, centred, in the lines of title.h (broken
 *              at word boundaries, balanced), one blank line after it;
 *   headings   "一、总体情况" in 3号 黑体 (style heading 1), indented two
 *              characters like the body;
 *   body       3号 仿宋_GB2312, Times New Roman for digits and Latin,
 *              justified, first line indented two characters (640 twips,
 *              firstLineChars 200), punctuation never hanging into the
 *              margin (w:overflowPunct off).  A narrative section's text
 *              is split at '\n' into paragraphs; leading spaces (ASCII and
 *              U+3000) of a line are dropped, as the indent replaces them,
 *              and blank lines are skipped.  A line starting with a
 *              Chinese number in full-width brackets (（一）, （十二）) gets
 *              楷体_GB2312: the whole line when it is a heading alone
 *              (style heading 2), else up to and including its first 。;
 *   tables     the template's tables with the official merges and column
 *              widths (see docx_table.h), 10 pt 宋体/Times New Roman,
 *              fixed layout, tblGrid and tcW in twips, centred, every cell
 *              ending with a paragraph; row labels, the 勾稽 note and block
 *              titles left-aligned; rows never split, and a table is kept
 *              whole on a page when it fits (keepNext on all but its last
 *              row); header rows repeat on each page for one-block tables;
 *              one empty paragraph after each table.  Text typed in a
 *              table section (二, 三, 四) follows its tables as paragraphs
 *              like a narrative section's;
 *   footers    "— N —" with a PAGE field in 4号 宋体: odd pages right-aligned
 *              one character in (footer1.xml, type default), even pages
 *              left-aligned one character in (footer2.xml, type even,
 *              with <w:evenAndOddHeaders/> in settings.xml);
 *   properties docProps/core.xml: the title, the organ as creator, the
 *              language and the date; docProps/app.xml: the application
 *              and the organ as company.
 *
 * The package: [Content_Types].xml, _rels/.rels, word/document.xml,
 * word/_rels/document.xml.rels, word/styles.xml, word/settings.xml,
 * word/fontTable.xml (the Windows names of the 公文 fonts as altName, so
 * that Word without 仿宋_GB2312 falls back to 仿宋), word/footer1.xml,
 * word/footer2.xml, docProps/core.xml, docProps/app.xml (docx_parts.h).
 *
 * For the editor: export_docx(report, path, &err) is the whole action; on
 * false, show i18n_err(&err) and keep the document as it is (nothing was
 * written).  export_docx_pdf() (export_pdf.h) is the same for PDF.
 *
 * Every run sets all four rFonts slots including w:eastAsia; runs of the
 * characters shared by Chinese and Western fonts (“ ” ‘ ’ — … ·) carry
 * w:hint="eastAsia" so that they print in the Chinese font.  A section of
 * kind tables prints its tables, then any text typed in it; narrative
 * sections print their text (an empty section prints its heading alone).  Everything is in
 * Chinese (LANG_ZH labels).
 *
 * The package's date (core.xml and the zip entries) is the current time,
 * or $SOURCE_DATE_EPOCH when set, so that a build can be reproduced byte
 * for byte.
 *
 * The same package is what the clerk gets and what LibreOffice turns into
 * the PDF (export_pdf.h): there is one document.
 *
 * Errors (msgids; err->path is the output file when there is one):
 *   docx.zip    {0}=libzip's reason: the archive could not be built
 *   docx.no_zip nianbao was built without libzip
 *   and those of fsio_write_atomic (save.*) for the write itself.
 */
#ifndef NB_EXPORT_DOCX_H
#define NB_EXPORT_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "pagegeom.h"
#include "report.h"

/* A4 and the GB/T 9704 margins, twips (1/1440 inch): the page geometry
 * the print preview shares (pagegeom.h). */
#define EXPORT_DOCX_PAGE_W	PGEOM_PAGE_W
#define EXPORT_DOCX_PAGE_H	PGEOM_PAGE_H
#define EXPORT_DOCX_TOP		PGEOM_TOP
#define EXPORT_DOCX_BOTTOM	PGEOM_BOTTOM
#define EXPORT_DOCX_LEFT	PGEOM_LEFT
#define EXPORT_DOCX_RIGHT	PGEOM_RIGHT
#define EXPORT_DOCX_TEXT_W	PGEOM_TEXT_W
#define EXPORT_DOCX_LINE	PGEOM_LINE
/*
 * The character grid (文档网格 "每行28字"): w:charSpace is what the pitch
 * adds to Normal's 3号 (16 pt), in 1/4096 pt.  LibreOffice gives every
 * character wider than the pitch two cells (14 characters a line at the
 * -842 that makes Word's pitch 442.25/28 pt, measured), and fits
 * round(442.25 / 16) = 28 cells of a 16 pt pitch in the line: so the pitch
 * is 3号 itself, and LibreOffice's PDF prints 28 characters a line.
 */
#define EXPORT_DOCX_CHARSPACE	0

/*
 * Writes the report to path as .docx, atomically (fsio_write_atomic, mode
 * 0644 for a new file).  Returns false with *err set (see above); path is
 * then untouched.
 */
bool	 export_docx(const struct report *, const char *path, struct err *);

/*
 * The whole package in memory.  Returns a newly allocated buffer (caller
 * frees) and its size in *len, or NULL with *err set (docx.zip,
 * docx.no_zip; err->path is NULL).
 */
void	*export_docx_package(const struct report *, size_t *len,
	    struct err *);

/* The text of word/document.xml.  Newly allocated; caller frees. */
char	*export_docx_document_xml(const struct report *);

#endif
