/*
 * The table screen drawn as the printed form: the section heading, then
 * per block its title line, its header lines (merged column headers from
 * tpl_block.colnodes, one line per group level and up to two for the
 * leaves, whose labels wrap), and one line per data row.  Row labels sit
 * in one column per level of tpl_block.rownodes: a group's label is
 * wrapped down the rows it spans, as the printed form writes
 * 三、本年度办理结果 down its rows; a leaf's label takes the remaining
 * levels, cut with "…" by display width.  Where everything goes is the
 * geometry of tui/core/formgeom.h; this module only paints it.
 *
 * The view drawn is given whole (the form pane, ed_form.h, owns it), so
 * that drawing depends on nothing but its arguments and the report.
 */
#ifndef NB_ED_FORMDRAW_H
#define NB_ED_FORMDRAW_H

#include <stdbool.h>

#include "ed_app.h"
#include "formgeom.h"

struct ed_formview {
	const struct formgeom	*lay;	/* the current section's geometry */
	int			 y0;	/* first content line shown */
	const int		*hs;	/* per block: first value column */
	int			 cur;	/* the current cell, or -1 */
};

/* Draws the pane (all of it, or only the value cells). */
void	ed_formdraw_pane(const struct tui_app *, const struct ed_formview *,
	    bool cells_only);
/* Where the hardware cursor goes: the caret of the cell being typed
 * into, else the start of the current cell (input methods anchor their
 * window to it).  False when the current cell is not in view. */
bool	ed_formdraw_caret(const struct tui_app *, const struct ed_formview *,
	    int *y, int *x);

#endif
