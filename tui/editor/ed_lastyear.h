/*
 * Last year's text of a narrative section, as a reference (F11 /
 * Ctrl-K): a read-only view in the pane titled "上年报告：五、存在的主要
 * 问题及改进情况", the text wrapped by display width as the narrative
 * editor wraps it, scrolled with the list keys, closed with Esc or q.
 * The text is report_prev_text(), known when the report was made from
 * last year's (`nianbao new --from`, or the new-report dialog); it is
 * never copied into this year's text.  The format forbids the same
 * problems year after year, so section 五 is the one that needs it; the
 * template's rules (R9...) flag a text too like last year's, and those
 * flags stay on the message line while the view is open.
 *
 * The only state is the scroll position a->lastyear_top, clamped by the
 * actions; the lines are wrapped at draw time for the pane's width.
 */
#ifndef NB_ED_LASTYEAR_H
#define NB_ED_LASTYEAR_H

struct tui_app;

void	 ed_lastyear_draw(const struct tui_app *);
unsigned ed_lastyear_scroll(struct tui_app *, int lines);
/* Whether the current section has last year's text and it is not
 * empty: the key bar shows the key only then (the key itself also says
 * when the text is empty or not known). */
int	 ed_lastyear_shown(const struct tui_app *);

/* Actions (ed_keymap.c). */
unsigned ed_lastyear_act_open(struct tui_app *, int key);	/* toggles */
unsigned ed_lastyear_act_up(struct tui_app *, int key);
unsigned ed_lastyear_act_down(struct tui_app *, int key);
unsigned ed_lastyear_act_pgup(struct tui_app *, int key);
unsigned ed_lastyear_act_pgdn(struct tui_app *, int key);
unsigned ed_lastyear_act_home(struct tui_app *, int key);
unsigned ed_lastyear_act_end(struct tui_app *, int key);
unsigned ed_lastyear_act_close(struct tui_app *, int key);

#endif
