/*
 * The geometry of one statutory table as printed in Word: the grid of
 * columns, their widths, the text size, and every row as a list of cells
 * with their merges, derived from the template's header trees exactly as
 * the official form (国办公开办函〔2021〕30号 格式模板) merges them.
 *
 * The grid has L label columns (the deepest row-label tree among the
 * table's blocks) and V value columns (the widest block).  Each block
 * prints, top to bottom:
 *
 *   a title row       one cell spanning the whole grid (第二十条第（一）项);
 *   col_depth header  the corner over the label columns (gridSpan L,
 *   rows              merged down all header rows); each column node in
 *                     the row of its depth, spanning its leaves; a leaf
 *                     above the last header row merged down to it;
 *   one row per leaf  the row-label path: a group in the column of its
 *   row               depth, merged down over its leaves' rows; the leaf
 *                     itself spanning the remaining label columns; then
 *                     the values, one per column.
 *
 * A block narrower than the grid stretches its last column to the right
 * edge (the official 第二十条 table: 本年处理决定数量 over three columns).
 * Vertically merged cells are listed in every row they cover, as Word
 * wants them: the first with DOCX_VM_RESTART, the others DOCX_VM_CONTINUE
 * with the same gridSpan.
 *
 * Widths (twips) are the official form's grid whatever the values (表三:
 * 754, 921, 3271 and 685 for each of the 7 value columns; 表四: 15 of
 * 649/650; 第二十条: 4 of 2435), so labels wrap where they wrap on the
 * official form.  Value columns grow, all alike, only when the widest
 * value does not fit one of them at 10 pt, and only as far as the text
 * width; a value wider still wraps inside its cell.  Value cells have
 * margins of 0.5 mm instead of 1 mm, so that five digits fit the value
 * columns the text width leaves (the official tables are wider than the
 * text area).  The text is always
 * 10 pt: never smaller.  The table is centred on the text area.
 */
#ifndef NB_DOCX_TABLE_H
#define NB_DOCX_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

enum docx_kind {
	DOCX_TITLE,	/* a block title row */
	DOCX_CORNER,	/* over the label columns */
	DOCX_HEAD,	/* a column header */
	DOCX_LABEL,	/* a row label */
	DOCX_VALUE	/* a value */
};

enum docx_vmerge { DOCX_VM_NONE, DOCX_VM_RESTART, DOCX_VM_CONTINUE };

struct docx_tc {
	enum docx_kind	 kind;
	enum docx_vmerge vmerge;
	int		 gridcol;	/* first grid column */
	int		 span;		/* grid columns covered (gridSpan) */
	int		 width;		/* twips: the columns it covers */
	const char	*text;		/* borrowed label; "" for values and
					   continued cells */
	int		 cell;		/* DOCX_VALUE: index in tpl->cells */
	bool		 group;		/* a label or header over others */
};

struct docx_tr {
	size_t		 first;		/* its cells: tcs[first, first+n) */
	size_t		 n;
	bool		 header;	/* a header row of a one-block table */
};

struct docx_table {
	int		 ncols;		/* grid columns: labels + values */
	int		 nlabels;	/* label columns */
	int		*colw;		/* ncols widths, twips */
	int		 width;		/* their sum (at most the text width) */
	int		 margin;	/* left and right cell margin, twips */
	int		 value_margin;	/* the same for value cells */
	int		 size;		/* text size, half-points (w:sz) */
	bool		 fits;		/* values fit their columns on one line */
	struct docx_tr	*rows;
	size_t		 nrows;
	struct docx_tc	*tcs;
	size_t		 ntcs;
};

/*
 * Lays out table `table` (index in tpl->tables) of r's template for a
 * text area at most `width` twips wide, with the Chinese labels and r's values
 * (for the widths).  Newly allocated; free with docx_table_free.
 */
struct docx_table *docx_table_new(const struct report *r, int table,
		    int width);
void		 docx_table_free(struct docx_table *);

/*
 * The height of each row in twips as LibreOffice lays it out (pagegeom.h:
 * each cell's text wrapped in its width less its margins; a merged cell
 * taller than the rows it covers lengthens the last of them), then their
 * sum: nrows + 1 numbers.  Newly allocated; caller frees.
 */
int		*docx_table_heights(const struct docx_table *,
		    const struct report *);

#endif
