/*
 * The table screens: a section's tables drawn as the printed form.
 *
 * The layout (struct formgeom) places every block of the current
 * section on content lines: the section heading, then per block its title
 * line, its header lines (merged column headers from tpl_block.colnodes,
 * one line per group level and up to two for the leaves, whose labels
 * wrap), and one line per data row.  Row labels sit in one column per
 * level of tpl_block.rownodes: a group's label is wrapped down the rows
 * it spans, as the printed form writes 三、本年度办理结果 down its rows; a
 * leaf's label takes the remaining levels, cut with "…" by display width.
 * Widths are measured with model/text.h.
 *
 * Scrolling: y0 (per section) is the first content line shown; when a
 * block's header has scrolled off while its rows are still in view, the
 * header is pinned at the top of the pane.  Each block scrolls its value
 * columns sideways (hs, per block) while its row labels stay.
 *
 * Typing into cells is ed_cell.c; this file draws, moves and scrolls.
 */
#ifndef NB_ED_FORM_H
#define NB_ED_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "formgeom.h"

struct tui_app;

struct ed_form {
	int			*cur;		/* per section: current cell */
	int			*y0;		/* per section: scroll */
	int			*hs;		/* per block: first column */
	struct formgeom	 lay;
	unsigned long		 lay_gen;	/* report generation it saw */
	int			 lay_ph;	/* pane height it saw */
};

/* Sets up the view for the app's report (first input cell of each
 * table section). */
void	 ed_form_init(struct tui_app *);
void	 ed_form_done(struct ed_form *);

/* Recomputes the layout when the section, the pane width or the widths
 * the values need have changed; keeps the cursor in view.  Returns
 * TUI_DIRTY_PANE when anything moved. */
unsigned ed_form_settle(struct tui_app *);

/* Draws the pane (all of it, or only the value cells). */
void	 ed_form_draw(const struct tui_app *, bool cells_only);
/*
 * Where the hardware cursor goes: the caret of the edit, else the start
 * of the current cell (hidden, but input methods anchor their window to
 * it).  False when the current cell is not in view.  *editing says
 * whether an edit is active there (then the cursor is shown).
 */
bool	 ed_form_caret(const struct tui_app *, int *y, int *x, bool *editing);

/* The section a cell is in. */
int	 ed_form_section_of_cell(const struct tui_app *, int cell);
/* The first input cell of a table section (-1 for a narrative one). */
int	 ed_form_first_cell(const struct tui_app *, int sec);

/* Goes to cell (switching section as needed) and shows it. */
unsigned ed_form_goto(struct tui_app *, int cell);
/* Mouse: wheel scroll by lines; click at screen (y, x). */
unsigned ed_form_scroll(struct tui_app *, int lines);
unsigned ed_form_click(struct tui_app *, int y, int x);

/* Actions (ed_keymap.c). */
unsigned ed_form_act_up(struct tui_app *, int key);
unsigned ed_form_act_down(struct tui_app *, int key);
unsigned ed_form_act_left(struct tui_app *, int key);
unsigned ed_form_act_right(struct tui_app *, int key);
unsigned ed_form_act_tab(struct tui_app *, int key);
unsigned ed_form_act_btab(struct tui_app *, int key);
unsigned ed_form_act_home(struct tui_app *, int key);
unsigned ed_form_act_end(struct tui_app *, int key);
unsigned ed_form_act_pgup(struct tui_app *, int key);
unsigned ed_form_act_pgdn(struct tui_app *, int key);

#endif
