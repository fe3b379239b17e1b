/*
 * The title bar and the two status lines.
 *
 * Title: organ, year, template, saved or modified, and the counts of
 * errors and warnings.  Status line: the current cell's full label path
 * (row path, column path), its unit and its id; in a narrative section
 * the section and its character count (with the guideline maximum of a
 * text_max rule); over another pane, its hint.  Message line: the
 * transient message of the last action if any, else the reason an edit
 * does not parse, else the message of the flags on the current cell or
 * section (or what the pane shows there); a failing recovery snapshot
 * comes before the flags.  In read-only mode the title says so where it
 * would say saved or modified.
 */
#ifndef NB_ED_STATUS_H
#define NB_ED_STATUS_H

#include "ed_app.h"

void	ed_status_draw_title(const struct tui_app *);
void	ed_status_draw_lines(const struct tui_app *);

#endif
