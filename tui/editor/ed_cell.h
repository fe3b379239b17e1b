/*
 * Typing into a cell, as in a spreadsheet.
 *
 * A printable key on an input cell starts an edit with that key, Enter
 * starts one with the current value, Backspace with the current value
 * less its last character.  Every keystroke stores the text typed so far
 * with report_set_input when it parses, so the row's 总计, （七）总计 and
 * every rule follow the typing before anything is committed; text that
 * does not parse is shown as an error and leaves the last value that
 * did.  Committing (Enter, Tab, an arrow, or any action that leaves the
 * cell) records one undo step from the value before the edit; committing
 * text that does not parse puts that value back and says why; Esc puts
 * it back silently.  Computed cells refuse, naming the cells they add.
 *
 * Invariant: while active, the report holds the last prefix of buf that
 * parsed (or orig), and orig is the value before the edit.
 */
#ifndef NB_ED_CELL_H
#define NB_ED_CELL_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "report.h"
#include "sbuf.h"

struct tui_app;

struct ed_cell {
	bool			 active;
	int			 cell;
	struct sbuf		 buf;
	struct report_value	 orig;
	bool			 bad;		/* buf does not parse */
	struct err		 err;		/* why */
};

void	 ed_cell_init(struct ed_cell *);
void	 ed_cell_done(struct ed_cell *);

/* Commits (cancels) the edit in progress, if any.  Returns dirty bits. */
unsigned ed_cell_commit(struct tui_app *);
unsigned ed_cell_cancel(struct tui_app *);
/* A key no binding took: printable characters start or extend an edit. */
unsigned ed_cell_key(struct tui_app *, int key);
/* A bracketed paste (len bytes) becomes the text of the edit. */
unsigned ed_cell_paste(struct tui_app *, const char *s, size_t len);
/* Says why computed cell `cell` cannot be typed into. */
unsigned ed_cell_refuse_computed(struct tui_app *, int cell);

/* For drawing: the byte offset of the longest tail of the edit text that
 * fits in cols columns, and its width in *used. */
size_t	 ed_cell_tail(const struct tui_app *, int cols, int *used);

/* Actions (ed_keymap.c). */
unsigned ed_cell_act_enter(struct tui_app *, int key);
unsigned ed_cell_act_cancel(struct tui_app *, int key);
unsigned ed_cell_act_bksp(struct tui_app *, int key);
unsigned ed_cell_act_del(struct tui_app *, int key);

#endif
