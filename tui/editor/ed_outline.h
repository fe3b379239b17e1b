/*
 * The outline on the left: the six sections and, under a section with
 * tables, each titled block, with the number of flags in each.  The
 * current section (and block) is highlighted.  A click selects.
 *
 * A block's title that does not fit shows the part that tells it from
 * its neighbours (第二十条第（一）项, 第二十条第（五）项... become （一）项,
 * （五）项), not their shared beginning.  The outline is full, narrow
 * (the sections' numbers 一…六 with their error counts) or hidden; it is
 * narrow by itself below 100 columns, and F12 / Ctrl-W cycles through
 * the three.
 */
#ifndef NB_ED_OUTLINE_H
#define NB_ED_OUTLINE_H

#include "ed_app.h"

void	 ed_outline_draw(const struct tui_app *);
/* The outline's width on a screen cols wide (0: hidden). */
int	 ed_outline_width(const struct tui_app *, int cols);
/* F12, Ctrl-W: full, narrow, hidden, full... */
extern const struct ed_action ed_outline_cycle;
unsigned ed_outline_click(struct tui_app *, int y, int x);

#endif
