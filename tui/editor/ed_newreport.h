/*
 * The questions that create a new report when the file named on the
 * command line does not exist yet.  Two ways to start:
 *
 *   empty               organ → year → report_new (template tpl_for_year)
 *   from last year's    path of last year's report → store_load → organ
 *                       (proposed: last year's) → year (proposed: last
 *                       year's + 1) → rollover_new: template by year,
 *                       上年结转 carried, last year's texts kept as a
 *                       reference (model/rollover.h)
 *
 * The first question: when a report of the year before the proposed year
 * lies in the same folder, a choice between starting from it and an
 * empty report; otherwise the organ question, where Tab switches to
 * typing the path of last year's report.  A path that does not load
 * leaves the path question open with the reason (file:line when there is
 * one).  The report is saved at once, as an empty new one always was.
 * Giving up (Esc) on any question but the path quits the editor.
 */
#ifndef NB_ED_NEWREPORT_H
#define NB_ED_NEWREPORT_H

#include "ed_app.h"

/* Opens the first question.  Returns dirty bits. */
unsigned ed_newreport_ask(struct tui_app *);

#endif
