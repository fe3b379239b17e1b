/*
 * Find and replace in the narrative text, as in WPS.
 *
 * Ctrl-F asks what to find; Enter selects the next match after the caret
 * (Up the previous one), going on into the other narrative sections and
 * around, and the question stays open saying "第 n 处，共 m 处" (and how
 * many are in this section); Esc leaves the match selected.  F3 stays
 * the flags list.
 *
 * Ctrl-T (替换; Ctrl-H is what WPS uses, but many terminals send it for
 * Backspace) asks what to find, what to put instead, and where: every
 * match of this section, or of every section, as one undo step.
 *
 * Matching folds case (ICU) and full-width forms: `2024` finds `２０２４`
 * (model/textfind.h).
 *
 * Owns a->find.
 */
#ifndef NB_ED_FIND_H
#define NB_ED_FIND_H

#include "ed_app.h"
#include "ed_keymap.h"

extern const struct ed_action ed_find_find, ed_find_replace;

void	ed_find_done(struct tui_app *);

#endif
