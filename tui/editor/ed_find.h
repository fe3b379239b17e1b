/*
 * Find and replace in the narrative text, as in WPS.
 *
 * Ctrl-F asks what to find; Enter selects the next match after the caret
 * (Up the previous one), going on into the other text parts (every
 * narrative section of the template, whichever they are) and around,
 * and the question stays open saying "第 n 处，共 m 处", with a word
 * when it went past the end; Esc leaves the match selected.  F3 stays
 * the flags list.
 *
 * Ctrl-\ (替换; Ctrl-H is what WPS uses, but many terminals send it for
 * Backspace) asks what to find, what to put instead, and where (this
 * section or every text part); then, as WPS does, it selects each match
 * in turn from the caret (around the end) and asks: replace this one
 * (one undo step each), skip to the next, replace all that are left in
 * the scope (one undo step), or stop.
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
