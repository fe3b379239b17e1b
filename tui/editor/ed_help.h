/*
 * The help screen (F1), in the main pane: the statutory guidance of the
 * current section (tpl_section.guidance, verbatim) followed by the keys,
 * generated from the keymap table by context.  The text is built and
 * wrapped at draw time for the pane's width; the only state is the
 * scroll position help_top in the app, clamped by the actions.
 */
#ifndef NB_ED_HELP_H
#define NB_ED_HELP_H

struct tui_app;

void	 ed_help_draw(const struct tui_app *);
unsigned ed_help_scroll(struct tui_app *, int lines);

/* Actions (ed_keymap.c). */
unsigned ed_help_act_open(struct tui_app *, int key);	/* toggles */
unsigned ed_help_act_up(struct tui_app *, int key);
unsigned ed_help_act_down(struct tui_app *, int key);
unsigned ed_help_act_pgup(struct tui_app *, int key);
unsigned ed_help_act_pgdn(struct tui_app *, int key);
unsigned ed_help_act_home(struct tui_app *, int key);
unsigned ed_help_act_end(struct tui_app *, int key);
unsigned ed_help_act_close(struct tui_app *, int key);

#endif
