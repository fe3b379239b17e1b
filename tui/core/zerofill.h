/*
 * Filling blank input cells with zero: the clerk's "nothing happened
 * here" said once for many cells (issue 12).  A scope is the current
 * row, the current table, a section or the whole report; the cells
 * filled are the blank input cells in it (computed cells are never
 * touched, and a cell holding a value keeps it).  A filled 0 is a value
 * like a typed one: rule R10 (left blank) no longer fires for it.
 *
 * No curses here (tui/core): the editor (ed_zero.c) and the command line
 * (`nianbao set FILE --zero-blanks [SECTION]`) share it.
 */
#ifndef NB_ZEROFILL_H
#define NB_ZEROFILL_H

#include <stddef.h>

#include "report.h"

enum zerofill_scope {
	ZF_ROW,		/* the row of the cell, in its block */
	ZF_TABLE,	/* every block of the cell's table */
	ZF_SECTION,	/* every table of section sec */
	ZF_REPORT	/* every table of the report */
};

/*
 * The blank input cells of scope around cell (ZF_ROW, ZF_TABLE) or in
 * section sec (ZF_SECTION), in template order.  Returns how many; *out
 * is newly allocated (caller frees; NULL when none).  A cell or section
 * out of range gives none.
 */
size_t	 zerofill_blanks(const struct report *, enum zerofill_scope, int cell,
	    int sec, int **out);

/*
 * Sets cells[0..n) to 0, recomputing totals and rules once.  When before
 * is not NULL it receives each cell's previous value (newly allocated,
 * caller frees) for undo.  Cells that refuse (computed) are left alone.
 */
void	 zerofill_apply(struct report *, const int *cells, size_t n,
	    struct report_value **before);

#endif
