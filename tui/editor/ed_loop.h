/*
 * The loop: it reads keys, gives each to whoever takes it, and draws
 * what is dirty.  Nothing else lives here: the screens are panes
 * (ed_pane.h), the questions dialogs (ed_ask.h), the keys tables
 * (ed_keymap.h); the loop asks them, through their tables, in order.
 *
 * Each turn (ed_loop_run): settle (recompute what depends on the report
 * or the size: "modified", the pane's geometry), stop if a signal came
 * or the terminal is gone, draw the dirty regions once, run a confirmed
 * export (after the draw, so that "exporting" is on the screen while it
 * blocks), write the recovery snapshot if it is due, read one key
 * (waiting at most until the next snapshot is due), run it.
 *
 * A key goes to (ed_loop_key): the open question; else, when a report is
 * shown, the pane if it takes keys first (the preview), the pane's
 * keymap, the global keymap (on a screen below the minimum size only the
 * few actions that work there), and last the pane's own handler (typing
 * into a cell or the text).  In read-only mode the actions that would
 * change the report are refused here, with a message.
 *
 * Owns a->g, a->dirty, a->cursor_on, a->input_lost.
 */
#ifndef NB_ED_LOOP_H
#define NB_ED_LOOP_H

#include <stdbool.h>

#include "ed_app.h"

/* Recomputes the geometry from LINES/COLS.  Returns dirty bits. */
unsigned ed_loop_resize(struct tui_app *);
/* Runs one key (keymap.h encoding); adds its dirty bits to the app's
 * and returns them. */
unsigned ed_loop_key(struct tui_app *, int key);
/* Adds dirty bits (an action run from outside the loop). */
void	 ed_loop_mark(struct tui_app *, unsigned dirty);
/* One turn's work before reading a key: settle, draw what is dirty, run
 * a pending export, draw again.  Returns the bits it drew. */
unsigned ed_loop_show(struct tui_app *);
/*
 * Runs the loop until an action returns TUI_QUIT (returns true), or a
 * signal came or the terminal is gone (returns false: the caller saves
 * what it can).  Writes recovery snapshots as they fall due.
 */
bool	 ed_loop_run(struct tui_app *);

#endif
