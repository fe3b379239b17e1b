/*
 * Typing into a cell, as in a spreadsheet.
 *
 * A printable key on an input cell starts an edit with that key, Enter
 * starts one with the current value, Backspace with the current value
 * less its last character.  Every keystroke stores the text typed so far
 * with report_set_input when it parses, so the row's 总计, （七）总计 and
 * every rule follow the typing before anything is committed; text that
 * does not parse is shown as an error, and the report holds the value
 * before the edit meanwhile (never a prefix that happened to parse).
 * Committing (Enter, Tab, an arrow, or any action that leaves the cell)
 * records one undo step from the value before the edit.  Text that does
 * not parse is never thrown away: committing it is refused (the edit
 * stays open, the text and the cursor stay, the message says what to
 * fix, ed_cell_held() is true), and the caller that wanted to leave the
 * cell stays.  Only Esc (or undo) puts the old value back.  Computed
 * cells refuse, naming the cells they add.
 *
 * The edit concerns one cell at a time, given by the form (the current
 * cell).  Invariant: while active, the report holds the text typed if it
 * parses, else the value before the edit.
 *
 * Owns a->cell.
 */
#ifndef NB_ED_CELL_H
#define NB_ED_CELL_H

#include <stdbool.h>
#include <stddef.h>

#include "ed_app.h"
#include "err.h"

void	 ed_cell_init(struct tui_app *);
void	 ed_cell_done(struct tui_app *);

/* A printable key on cell: starts or extends the edit.  Returns dirty
 * bits (0 for a key that is not text). */
unsigned ed_cell_key(struct tui_app *, int cell, int key);
/* A bracketed paste (len bytes) becomes the text of the edit. */
unsigned ed_cell_paste(struct tui_app *, int cell, const char *s, size_t len);
/* Enter on cell: starts an edit with its value. */
unsigned ed_cell_enter(struct tui_app *, int cell);
/* Backspace: starts an edit with the value less its last character, or
 * removes the last character typed. */
unsigned ed_cell_bksp(struct tui_app *, int cell);
/* Delete: empties the edit, or blanks the cell (one undo step). */
unsigned ed_cell_del(struct tui_app *, int cell);

/* Commits (cancels) the edit in progress, if any.  Returns dirty bits.
 * A commit of text that does not parse keeps the edit open and says why
 * (ed_cell_held() is then true): callers that leave the cell check it. */
unsigned ed_cell_commit(struct tui_app *);
unsigned ed_cell_cancel(struct tui_app *);
/* Whether an edit is open on text that does not parse: what leaves the
 * cell must not go. */
bool	 ed_cell_held(const struct tui_app *);

/* Whether an edit is in progress (on cell: on that cell). */
bool	 ed_cell_active(const struct tui_app *);
bool	 ed_cell_editing(const struct tui_app *, int cell);
/* Why the text being typed does not parse, or NULL.  Borrowed; valid
 * until the next key. */
const struct err *ed_cell_error(const struct tui_app *);
/* For drawing: the text being typed from the start of its longest tail
 * that fits in cols columns (*len bytes), that tail's width in *used. */
const char *ed_cell_tail(const struct tui_app *, int cols, size_t *len,
	    int *used);

#endif
