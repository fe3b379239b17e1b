/*
 * Fill the blanks with zero (Ctrl-B, 补零): one press fills the blank
 * input cells of the current row, a second press (nothing else changed
 * meanwhile) the current table, a third the whole report.  A level with
 * no blank cell is passed over.  Each press is one undo step, and the
 * message line says what was filled, how many cells, and what the next
 * press would fill (tui/core/zerofill.h does the filling).
 *
 * Owns a->zero.
 */
#ifndef NB_ED_ZERO_H
#define NB_ED_ZERO_H

#include "ed_app.h"
#include "ed_keymap.h"

extern const struct ed_action ed_zero_fill;

/* For the status line before a press, on a table cell whose row has
 * blank input cells: what each press will fill and how many cells
 * ("Ctrl-B 补零：本行 6 格，再按本表 114 格，再按整份报告 250 格",
 * the levels with nothing to add left out).  Newly allocated; NULL off
 * a table or when the row has no blank cell. */
char	*ed_zero_preview(const struct tui_app *);

void	ed_zero_init(struct tui_app *);
void	ed_zero_done(struct tui_app *);

#endif
