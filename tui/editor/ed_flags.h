/*
 * Flags: the failing rule instances of the report, listed in the flags
 * panel (F3) with their messages, and walked with next/previous from
 * anywhere.  The list is always read fresh from the report
 * (report_flags), so a flag disappears the moment the fix is typed; the
 * panel keeps only a selection index, clamped by the actions.
 *
 * A flag's place is its first cell (or its section, for a text rule);
 * "next" is the first flag placed after the current cell in template
 * order, wrapping around.
 */
#ifndef NB_ED_FLAGS_H
#define NB_ED_FLAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

struct tui_app;

/* The current flags.  Newly allocated (caller frees); *n gets the count. */
struct report_flag *ed_flags_list(const struct tui_app *, size_t *n);
/* The section a flag belongs to. */
int	 ed_flags_section(const struct tui_app *, const struct report_flag *);

void	 ed_flags_draw(const struct tui_app *);
unsigned ed_flags_click(struct tui_app *, int y, int x);
unsigned ed_flags_scroll(struct tui_app *, int lines);

/* Actions (ed_keymap.c). */
unsigned ed_flags_act_open(struct tui_app *, int key);	/* toggles */
unsigned ed_flags_act_up(struct tui_app *, int key);
unsigned ed_flags_act_down(struct tui_app *, int key);
unsigned ed_flags_act_pgup(struct tui_app *, int key);
unsigned ed_flags_act_pgdn(struct tui_app *, int key);
unsigned ed_flags_act_home(struct tui_app *, int key);
unsigned ed_flags_act_end(struct tui_app *, int key);
unsigned ed_flags_act_jump(struct tui_app *, int key);
unsigned ed_flags_act_close(struct tui_app *, int key);
unsigned ed_flags_act_next(struct tui_app *, int key);
unsigned ed_flags_act_prev(struct tui_app *, int key);

#endif
