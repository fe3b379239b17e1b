/*
 * The printed page's geometry, shared by the .docx export (export_docx.c,
 * docx_table.c) and the print layout (layout.c): what the .docx declares
 * and how tall LibreOffice makes each thing it declares, in twips (1/1440
 * inch), so that the preview pages where the printed document pages.
 *
 * The page (GB/T 9704): A4, margins 37/35/28/26 mm, a body of 22 lines of
 * exactly PGEOM_LINE twips and 28 characters of a grid.  The body is a
 * little taller than 22 lines (12756 twips): what flows after a table
 * (rows of their own heights) fits while it ends above it.
 *
 * Measured in LibreOffice's PDF of our .docx (the fonts of fontmap.h):
 *   - a body line of 3号: each 汉字 or full-width mark in a cell of its
 *     own (the text width / 28), starting on a cell boundary; Latin
 *     letters and digits between at their Times New Roman width, 0.5 pt
 *     condensed, and a little space where they meet a 汉字;
 *   - table text, 10 pt single-spaced without the grid: 287 twips a line,
 *     a row as tall as its tallest cell's lines plus 10 twips (the
 *     border), never less than PGEOM_ROW_MIN.
 * Lines break where ICU's line breaking for "zh" allows (no line starts
 * with ，。 …), greedily, as LibreOffice breaks them.  (Fitted to where
 * LibreOffice broke the lines of the real reports: tests/preview_pages.py.)
 */
#ifndef NB_PAGEGEOM_H
#define NB_PAGEGEOM_H

#include <stddef.h>

/* A4 and the GB/T 9704 margins. */
#define PGEOM_PAGE_W	11906
#define PGEOM_PAGE_H	16838
#define PGEOM_TOP	2098
#define PGEOM_BOTTOM	1984
#define PGEOM_LEFT	1587
#define PGEOM_RIGHT	1474
#define PGEOM_TEXT_W	(PGEOM_PAGE_W - PGEOM_LEFT - PGEOM_RIGHT)
#define PGEOM_BODY_H	(PGEOM_PAGE_H - PGEOM_TOP - PGEOM_BOTTOM)
#define PGEOM_LINE	579	/* one line of the grid, exact */
#define PGEOM_LINES	22	/* grid lines a page */
#define PGEOM_CHARS	28	/* grid characters a line */
#define PGEOM_BODY_SIZE	32	/* 3号, half-points */

/* Tables. */
#define PGEOM_TABLE_SIZE	20	/* 10 pt, half-points: never smaller */
#define PGEOM_CELL_MARGIN	57	/* 1 mm each side, as the official form */
#define PGEOM_VALUE_MARGIN	28	/* half a millimetre: value cells */
#define PGEOM_ROW_MIN		340	/* w:trHeight, at least */
#define PGEOM_CELL_LINE		287	/* a 10 pt line, single spacing */
#define PGEOM_ROW_PAD		10	/* what a row adds to its lines */

/*
 * Breaks one paragraph (len bytes, no '\n') into lines as LibreOffice
 * does: in a line `width` twips wide, `indent` twips of it taken on the
 * first line, at text size `size` (half-points); grid: a 汉字 takes one
 * cell of the body's character grid (else its em).  Returns the number of
 * lines (an empty text is one line) and sets *starts (may be NULL) to a
 * newly allocated array of nlines+1 byte offsets, as text_wrap does.
 */
size_t	pgeom_wrap(const char *s, size_t len, int width, int indent,
	    int size, int grid, size_t **starts);

/* Height of a table row whose tallest cell has `lines` lines. */
int	pgeom_row_height(int lines);

#endif
