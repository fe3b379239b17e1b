/*
 * A bracketed paste (the terminal sends ESC [200~ text ESC [201~; the
 * editor turns the mode on at start).  The whole paste is one piece of
 * text for whatever has the focus: the open dialog's input line, the
 * narrative section's text editor (one edit, one undo step, refused
 * beyond CARETBUF_MAX with a message), or the current cell.  Its bytes
 * are only ever text: control characters inside it (^S, ^Q, NUL, escape
 * sequences) are dropped, never run as commands or sent to the screen.
 * A paste longer than a line (4 KiB) into a dialog or a cell is refused
 * whole with a message; in read-only mode a paste into the report is
 * refused.
 */
#ifndef NB_ED_PASTE_H
#define NB_ED_PASTE_H

#include <stddef.h>

#include "ed_app.h"

/* After the paste-start key (TE_KEY_PASTE_BEGIN): reads the paste up to
 * its end marker (or 2 s without input, or a signal) from the terminal
 * and gives it (ed_paste_give).  Returns dirty bits. */
unsigned	ed_paste_take(struct tui_app *);
/* Gives a paste of len bytes (no NUL inside) to what has the focus.
 * Returns dirty bits. */
unsigned	ed_paste_give(struct tui_app *, const char *s, size_t len);

#endif
