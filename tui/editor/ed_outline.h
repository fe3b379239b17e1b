/*
 * The outline on the left: the six sections and, under a section with
 * tables, each titled block, with the number of flags in each.  The
 * current section (and block) is highlighted.  A click selects.
 */
#ifndef NB_ED_OUTLINE_H
#define NB_ED_OUTLINE_H

#include "ed_app.h"

void	 ed_outline_draw(const struct tui_app *);
unsigned ed_outline_click(struct tui_app *, int y, int x);

#endif
