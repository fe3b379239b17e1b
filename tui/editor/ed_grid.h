/*
 * Numbers between the table and a spreadsheet.  A paste into a table
 * that holds more than one value (tab- or space-separated, one line per
 * row: what a spreadsheet's copy gives, through bracketed paste or the
 * editor's clipboard) fills cells from the current one to the right and
 * down, each value parsed as if typed there; a value that lands on a
 * computed cell (a row's 总计) is not stored.  All or nothing: a value
 * that does not parse, or that has no cell, changes nothing; the message
 * names it and the cursor goes to its cell.  A paste is one undo step.
 * Copying gives the current row, tab-separated.
 */
#ifndef NB_ED_GRID_H
#define NB_ED_GRID_H

#include <stddef.h>

#include "ed_app.h"

/* A paste of len bytes into the table at the current cell.  Returns
 * dirty bits, or TUI_PASS when it holds one value (the cell's own
 * paste takes it). */
unsigned ed_grid_paste(struct tui_app *, const char *s, size_t len);
/*
 * The current row as a spreadsheet's copy gives it: every cell of the
 * block's row from its first column, tab-separated, blank ones empty,
 * computed ones (总计) with their value, ended by a newline; how many
 * in *n.  Pasted back at the row's first cell it gives the same values
 * (the paste passes over computed cells).  Newly allocated; NULL off a
 * table.
 */
char	*ed_grid_copy(const struct tui_app *, size_t *n);

#endif
