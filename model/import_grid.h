/*
 * A table laid on its grid, as the lines of text the importer reads
 * (import_txt.h): one line per row, its cells separated by TABs, every
 * row as wide as the grid.  The .docx reader (import_docx.h) and the web
 * page reader (import_html.h) both build their tables through it, so that
 * a table reads the same whichever format it came in.
 *
 * A cell spanning n columns gives its text to the first and "" to the
 * others.  A cell spanning n rows (HTML rowspan) covers the same columns
 * in the n - 1 rows below: those rows get "" there, and their own cells
 * go to the columns still free, left to right, as a browser places them.
 * A Word vertical merge is written by its reader as a cell of its own
 * (import_grid_skip), since Word repeats the merged cell in every row.
 *
 * At most IMPORT_GRID_MAX_COLS columns: a wider row's excess cells go
 * into its last column.  A span is at most IMPORT_GRID_MAX_SPAN rows (a
 * rowspan of 65535 covers the rest of any table we keep).  Cell text
 * must not hold TAB or LF: they are written as spaces.
 */
#ifndef NB_IMPORT_GRID_H
#define NB_IMPORT_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"

#define IMPORT_GRID_MAX_COLS	256
#define IMPORT_GRID_MAX_SPAN	65535

struct import_grid {
	struct sbuf	 rows;		/* finished rows, unpadded, '\n' each */
	struct sbuf	 row;		/* the row being built */
	int		 col;		/* columns of the row filled */
	int		 width;		/* the widest row, or the declared */
	int		 cover[IMPORT_GRID_MAX_COLS];	/* rows still covered
							   by a span above */
	bool		 inrow;
};

void	import_grid_init(struct import_grid *);
void	import_grid_done(struct import_grid *);

/* The width the table declares (Word's w:tblGrid); rows are padded to
 * it, or to the widest row if that is wider. */
void	import_grid_declare(struct import_grid *, int ncols);

void	import_grid_row_start(struct import_grid *);
/* A cell of colspan columns and rowspan rows (each at least 1). */
void	import_grid_cell(struct import_grid *, const char *text, size_t len,
	    int colspan, int rowspan);
/* n empty columns (w:gridBefore, w:gridAfter). */
void	import_grid_skip(struct import_grid *, int n);
void	import_grid_row_end(struct import_grid *);
bool	import_grid_in_row(const struct import_grid *);

/* Bytes the grid holds (to bound what a hostile table can make). */
size_t	import_grid_size(const struct import_grid *);

/*
 * Appends the table to out, each row padded with TABs to the grid's
 * width, then an empty line; stops early once out is longer than limit.
 * The grid is empty afterwards, ready for the next table.
 */
void	import_grid_flush(struct import_grid *, struct sbuf *out,
	    size_t limit);

#endif
