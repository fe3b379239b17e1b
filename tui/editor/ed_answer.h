/*
 * Answering the flags from the editor (issue 13): a warning answered
 * with a reason (answer_give), and the printed totals that disagree with
 * their parts accepted as computed (answer_accept_totals).  The flags
 * pane asks for these on its selected flag (a, t); the form offers the
 * totals on a computed cell whose printed figure disagrees (Enter).
 *
 * Each opens a question (ed_ask.h) and does the change when it is
 * answered; what was done, or why not, goes to the message line.  Both
 * count as changes to the report (saved with it, answer.h).
 */
#ifndef NB_ED_ANSWER_H
#define NB_ED_ANSWER_H

#include <stdbool.h>

#include "ed_app.h"
#include "report.h"

/* Asks the reason for warning f and answers it (an error is refused on
 * the message line: it cannot be answered).  Returns dirty bits. */
unsigned ed_answer_ask(struct tui_app *, const struct report_flag *f);

/* Asks whether to accept the computed totals, and accepts them; when
 * no printed total disagrees, says so.  Returns dirty bits. */
unsigned ed_answer_totals(struct tui_app *);

/* Whether computed cell `cell` has a printed figure other than its
 * computed value (an imported report's disagreeing total). */
bool	 ed_answer_disagrees(const struct tui_app *, int cell);

#endif
