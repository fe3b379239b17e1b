/*
 * Undo and redo (Ctrl-Z, Ctrl-Y) from the history of tui/core/undo.h,
 * going to where the change happened: the cell, or the text with the
 * caret after the change.  Undo while a cell is being typed into cancels
 * that typing first.
 */
#ifndef NB_ED_UNDO_H
#define NB_ED_UNDO_H

#include "ed_keymap.h"

extern const struct ed_action ed_undo_undo, ed_undo_redo;

#endif
