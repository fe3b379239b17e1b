/*
 * Where the clerk was: the section and cell (or the caret in a section's
 * text) when the editor closed, kept in the private state folder beside
 * the report's snapshot and lock (statedir.h) as <hash>-<base>.where,
 * never in the report.  Reopening the report goes back there.
 *
 * The file is "nianbao-where 1", then "sec N" and "cell ID" or "caret
 * N", one per line.  Anything unreadable, unknown or out of range is
 * ignored: the editor then starts at section 一 as before.
 */
#ifndef NB_ED_WHERE_H
#define NB_ED_WHERE_H

#include "ed_app.h"

/* Writes where the app is (nothing without a state folder or report;
 * a failure is ignored: losing the place costs a clerk nothing typed). */
void	 ed_where_save(const struct tui_app *);
/* Goes where the file says, after the report is shown.  Returns dirty
 * bits. */
unsigned ed_where_restore(struct tui_app *);

#endif
