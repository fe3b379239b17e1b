/*
 * The help screen (F1), a list pane: the statutory guidance of the
 * current section (tpl_section.guidance, verbatim) followed by the keys,
 * generated from the keymaps: the global keys, the section's panes' keys,
 * then the keys of each pane a global key opens.
 */
#ifndef NB_ED_HELP_H
#define NB_ED_HELP_H

#include "ed_keymap.h"
#include "ed_pane.h"

extern const struct ed_pane	ed_help_pane;
extern const struct ed_action	ed_help_open;	/* toggles */

#endif
