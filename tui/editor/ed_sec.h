/*
 * The section shown: a->sec, its kind and its title, and changing it.
 * Changing section commits the cell being typed into, closes the undo
 * step and brings the section's own pane back (ed_pane.h).
 *
 * Owns a->sec.
 */
#ifndef NB_ED_SEC_H
#define NB_ED_SEC_H

#include <stdbool.h>

#include "ed_app.h"
#include "ed_keymap.h"

/* Whether the current section is a narrative (text) one. */
bool	 ed_sec_is_text(const struct tui_app *);
/* "三、收到和处理政府信息公开申请情况".  Newly allocated; caller frees. */
char	*ed_sec_title(const struct tui_app *, int sec);
/* The section a cell is in. */
int	 ed_sec_of_cell(const struct tui_app *, int cell);
/* Switches to section sec (out of range: nothing).  Returns dirty bits. */
unsigned ed_sec_set(struct tui_app *, int sec);

/* The next and the previous section, round the report (F6, F5). */
extern const struct ed_action ed_sec_next, ed_sec_prev;

#endif
