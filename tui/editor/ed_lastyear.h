/*
 * Last year's text of a narrative section, as a reference (F11 /
 * Ctrl-K): a read-only list pane titled "上年报告：五、存在的主要问题及
 * 改进情况", the text wrapped by display width as the text editor wraps
 * it, scrolled with the list keys, closed with Esc or q.  The text is
 * report_prev_text(), known when the report was made from last year's
 * (`nianbao new --from`, or the new-report dialog); it is never copied
 * into this year's text.  The format forbids the same problems year
 * after year, so section 五 is the one that needs it; the template's
 * rules (R9...) flag a text too like last year's, and those flags stay on
 * the message line while the pane is open.
 */
#ifndef NB_ED_LASTYEAR_H
#define NB_ED_LASTYEAR_H

#include "ed_keymap.h"
#include "ed_pane.h"

extern const struct ed_pane	ed_lastyear_pane;
/* Opens (toggles) the pane; the key bar shows it only when the current
 * section has last year's text and it is not empty (the key itself also
 * says when the text is empty or not known). */
extern const struct ed_action	ed_lastyear_open;

#endif
