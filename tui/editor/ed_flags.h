/*
 * Flags: the failing rule instances of the report, listed in the flags
 * pane (F3) with their messages, and walked with next/previous (F8/F7)
 * from anywhere.  The list is always read fresh from the report
 * (report_flags), so a flag disappears the moment the fix is typed; the
 * pane keeps only its selected row (ed_list.h).
 *
 * A flag's place is its first cell (or its section, for a text rule);
 * "next" is the first flag placed after the current cell in template
 * order, wrapping around.
 *
 * Owns a->flag_last (the flag walked to last).
 */
#ifndef NB_ED_FLAGS_H
#define NB_ED_FLAGS_H

#include <stddef.h>

#include "ed_app.h"
#include "ed_keymap.h"
#include "ed_pane.h"

extern const struct ed_pane	ed_flags_pane;
/* Open (toggle) the pane; go to the next, the previous flag. */
extern const struct ed_action	ed_flags_open, ed_flags_next, ed_flags_prev;

/* No flag walked to yet. */
void	 ed_flags_init(struct tui_app *);

/* The current flags, errors first.  Newly allocated (caller frees); *n
 * gets the count. */
struct report_flag *ed_flags_list(const struct tui_app *, size_t *n);
/* The section a flag belongs to. */
int	 ed_flags_section(const struct tui_app *, const struct report_flag *);

#endif
