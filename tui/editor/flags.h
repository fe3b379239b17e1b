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
#ifndef NB_FLAGS_H
#define NB_FLAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

struct tui_app;

/* The current flags.  Newly allocated (caller frees); *n gets the count. */
struct report_flag *flags_list(const struct tui_app *, size_t *n);
/* The section a flag belongs to. */
int	 flags_section(const struct tui_app *, const struct report_flag *);

void	 flags_draw(const struct tui_app *);
unsigned flags_click(struct tui_app *, int y, int x);
unsigned flags_scroll(struct tui_app *, int lines);

/* Actions (keymap.c). */
unsigned flags_act_open(struct tui_app *, int key);	/* toggles */
unsigned flags_act_up(struct tui_app *, int key);
unsigned flags_act_down(struct tui_app *, int key);
unsigned flags_act_pgup(struct tui_app *, int key);
unsigned flags_act_pgdn(struct tui_app *, int key);
unsigned flags_act_home(struct tui_app *, int key);
unsigned flags_act_end(struct tui_app *, int key);
unsigned flags_act_jump(struct tui_app *, int key);
unsigned flags_act_close(struct tui_app *, int key);
unsigned flags_act_next(struct tui_app *, int key);
unsigned flags_act_prev(struct tui_app *, int key);

#endif
