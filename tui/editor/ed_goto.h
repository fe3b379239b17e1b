/*
 * Go to (Ctrl-G): a cell by its id or by parts of its label, or a
 * section by its number or id.  One match goes there; several are
 * listed to pick from (their label paths); none says so under the input.
 */
#ifndef NB_ED_GOTO_H
#define NB_ED_GOTO_H

#include "ed_keymap.h"

extern const struct ed_action ed_goto_act;

#endif
