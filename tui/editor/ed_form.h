/*
 * The form pane: the current section's tables (drawn by ed_formdraw.h),
 * the cursor moving over their cells, and the keys that type into them
 * (ed_cell.h).
 *
 * State: the current cell and the scroll of each section, the first
 * visible value column of each block, and the geometry of the current
 * section with the report generation and pane height it was built for.
 * Moving keeps the current cell in view; the wheel may scroll it out of
 * view, and the next move brings it back.  The geometry is rebuilt by
 * the pane's settle (between an action and the draw), never by drawing:
 * when a value needs a wider column, or the pane's size changed.
 *
 * Owns a->form.
 */
#ifndef NB_ED_FORM_H
#define NB_ED_FORM_H

#include <stddef.h>

#include "ed_app.h"
#include "ed_keymap.h"
#include "ed_pane.h"

extern const struct ed_pane	ed_form_pane;
extern const struct ed_keymap	ed_form_keys;

void	 ed_form_init(struct tui_app *);
void	 ed_form_done(struct tui_app *);
/* A new report: the first input cell of each table section current. */
void	 ed_form_attach(struct tui_app *);

/* The current cell of the current section (-1 in a narrative one). */
int	 ed_form_cur(const struct tui_app *);
/* Goes to cell (switching section as needed) and shows it.  Returns
 * dirty bits. */
unsigned ed_form_goto(struct tui_app *, int cell);
/* A bracketed paste into the current cell.  Returns dirty bits. */
unsigned ed_form_paste(struct tui_app *, const char *s, size_t len);

#endif
