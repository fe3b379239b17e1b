/*
 * The clipboard: cut, copy, paste and select all (Ctrl-X, Ctrl-C,
 * Ctrl-V, Ctrl-A) as in WPS.  The editor keeps its own clipboard (so it
 * works on every terminal and over any SSH) and also hands a copy to the
 * terminal's clipboard with OSC 52 (ESC ] 52 ; c ; base64 BEL), which
 * xterm, iTerm2, Windows Terminal, kitty and tmux (set-clipboard on)
 * accept and the others ignore.
 *
 * What each key does depends on the pane: in a narrative section it
 * works on the selection (text_keys: Shift with the moves); in a table
 * Ctrl-C copies the current cell's value; in last year's text (F11) it
 * copies the selection.  Ctrl-V gives the clipboard to what has the
 * focus exactly as a bracketed paste does (ed_paste.h): one undo step,
 * a table row of numbers filling cells.
 *
 * Owns a->clip.
 */
#ifndef NB_ED_CLIP_H
#define NB_ED_CLIP_H

#include <stddef.h>

#include "ed_app.h"
#include "ed_keymap.h"

extern const struct ed_action ed_clip_cut, ed_clip_copy, ed_clip_paste,
    ed_clip_all;

/* Puts len bytes of s on the clipboard (and the terminal's). */
void	 ed_clip_set(struct tui_app *, const char *s, size_t len);
/* The clipboard, "" when empty.  Borrowed; valid until the next set. */
const char *ed_clip_text(const struct tui_app *);

void	 ed_clip_done(struct tui_app *);

#endif
