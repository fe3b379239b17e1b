/*
 * Last year's text of a narrative section (F11 / Ctrl-K), as a reference
 * and a source: a read-only pane titled "上年报告：五、存在的主要问题及
 * 改进情况", the text wrapped as the text editor wraps it, with a caret
 * that the moves of the text editor move, and a selection (Shift with
 * the moves, Ctrl-A).  Enter puts the selection (with none, the
 * paragraph of the caret) into this year's text at its caret, one undo
 * step, and goes back there; the year mentions in what came in
 * ("2024年") stay highlighted until edited, so that none slips through.
 * Ctrl-C copies the selection.  Esc, q or F11 close it.
 *
 * The text is report_prev_text(), known when the report was made from
 * last year's (`nianbao new --from`, or the new-report dialog).  The
 * format forbids the same problems year after year; the template's rules
 * (R9...) flag a text too like last year's, and those flags stay on the
 * message line while the pane is open.
 *
 * Owns a->ly.
 */
#ifndef NB_ED_LASTYEAR_H
#define NB_ED_LASTYEAR_H

#include "ed_app.h"
#include "ed_keymap.h"
#include "ed_pane.h"

extern const struct ed_pane	ed_lastyear_pane;
/* Opens (toggles) the pane; the key bar shows it only when the current
 * section has last year's text and it is not empty (the key itself also
 * says when the text is empty or not known). */
extern const struct ed_action	ed_lastyear_open;

struct ed_textedit;
/* The pane's widget while it is open, else NULL. */
struct ed_textedit *ed_lastyear_widget(const struct tui_app *);

void	ed_lastyear_done(struct tui_app *);

#endif
