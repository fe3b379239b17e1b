/*
 * The global keys: the one table that registers what is reachable from
 * anywhere in the editor, in the order of the key bar and the help
 * screen.  A new dialog needs no line here (the code that asks also
 * answers, ed_ask.h); a new list screen or any new action is one row.
 */
#ifndef NB_ED_KEYS_H
#define NB_ED_KEYS_H

#include "ed_keymap.h"

extern const struct ed_keymap ed_keys_global;

#endif
