/*
 * The print preview pane (F4 / Ctrl-P, `nianbao preview FILE`): the
 * report's pages (ed_pageview.h) over the whole body, with their own keys
 * first (pages, lines, sideways; Esc, F4, q and Ctrl-P close), then P to
 * print (ed_print.h), then the global keys.  The status lines are hidden:
 * a message (printed, exported) shows in the preview's bar.  What is typed is part of the report first: a cell
 * being typed into is committed, the text stored.  Started by `nianbao
 * preview FILE`, closing it quits.
 *
 * Owns a->pv.
 */
#ifndef NB_ED_PREVIEW_H
#define NB_ED_PREVIEW_H

#include "ed_app.h"
#include "ed_keymap.h"
#include "ed_pane.h"

extern const struct ed_pane	ed_preview_pane;
extern const struct ed_action	ed_preview_open;	/* toggles */

/* Opens the preview of the app's report.  Returns dirty bits. */
unsigned ed_preview_show(struct tui_app *);
void	 ed_preview_done(struct tui_app *);

#endif
