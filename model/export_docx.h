/*
 * The report as a Word document (.docx, ECMA-376 transitional), written
 * here part by part and zipped in memory with libzip, laid out as a 公文
 * by GB/T 9704-2012:
 *
 *   page       A4; margins 37/35/28/26 mm (top/bottom/left/right), text
 *              area 156 x 225 mm; line pitch exactly 579 twips (22 lines);
 *   title      2号 方正小标宋简体, centred, one blank line after it;
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
 *   tables     the template's tables with the official merges (see
 *              docx_table.h), 宋体/Times New Roman, fixed layout, tblGrid
 *              and tcW in twips, exactly the text width, centred, every
 *              cell ending with a paragraph; header rows repeat on each
 *              page for one-block tables;
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
 * kind tables prints its tables only; narrative sections print their text
 * only (an empty section prints its heading alone).  Everything is in
 * Chinese (LANG_ZH labels).
 *
 * The package's date (core.xml and the zip entries) is the current time,
 * or $SOURCE_DATE_EPOCH when set, so that a build can be reproduced byte
 * for byte.
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
#include "report.h"

/* A4 and the GB/T 9704 margins, twips (1/1440 inch). */
#define EXPORT_DOCX_PAGE_W	11906
#define EXPORT_DOCX_PAGE_H	16838
#define EXPORT_DOCX_TOP		2098
#define EXPORT_DOCX_BOTTOM	1984
#define EXPORT_DOCX_LEFT	1587
#define EXPORT_DOCX_RIGHT	1474
#define EXPORT_DOCX_TEXT_W	(EXPORT_DOCX_PAGE_W - EXPORT_DOCX_LEFT - \
				    EXPORT_DOCX_RIGHT)
#define EXPORT_DOCX_LINE	579

/*
 * Writes the report to path as .docx, atomically (fsio_write_atomic, mode
 * 0644 for a new file).  Returns false with *err set (see above); path is
 * then untouched.
 */
bool	 export_docx(const struct report *, const char *path, struct err *);

/*
 * Who reads the package.  LibreOffice (up to at least 7.x) reads
 * w:overflowPunct the wrong way round (writerfilter maps val="0" to
 * hanging punctuation), so the copy made for LibreOffice's PDF says val="1"
 * to get what Word and WPS get from val="0": punctuation that stays inside
 * the text area.
 */
enum export_docx_reader { EXPORT_DOCX_WORD, EXPORT_DOCX_LIBREOFFICE };

/*
 * The whole package in memory.  Returns a newly allocated buffer (caller
 * frees) and its size in *len, or NULL with *err set (docx.zip,
 * docx.no_zip; err->path is NULL).
 */
void	*export_docx_package(const struct report *, enum export_docx_reader,
	    size_t *len, struct err *);

/* The text of word/document.xml.  Newly allocated; caller frees. */
char	*export_docx_document_xml(const struct report *);

#endif
