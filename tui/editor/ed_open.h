/*
 * Opening the report named on the command line, before the first key:
 * its recovery folder, its lock, a recovery snapshot to offer, then the
 * file itself (or the questions of a new report, ed_newreport.h, when it
 * does not exist).  Each step either goes on to the next or asks a
 * question whose answer picks the chain up again:
 *
 *   no recovery folder     edit without recovery / quit
 *   another editor         read-only / take over / quit
 *   a snapshot to recover  recover / discard / read-only (Esc: read-only)
 *   an unusable snapshot   discard / read-only / quit
 *
 * The report is shown (ed_doc_attach) when the steps are done; a report
 * that cannot be opened leaves the reason in a->fatal and quits.
 */
#ifndef NB_ED_OPEN_H
#define NB_ED_OPEN_H

#include <stdbool.h>

#include "ed_app.h"

/*
 * Runs the opening steps for a->path; *dirty gets their dirty bits.
 * Returns false with a->fatal set when the report cannot be opened and
 * no question is open; otherwise the report is shown or a question is
 * open.
 */
bool	ed_open(struct tui_app *, unsigned *dirty);


#endif
