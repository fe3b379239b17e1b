/*
 * Saving and quitting.  Saving goes through store_save (atomic); the
 * report counts as unmodified when its file text equals what was last
 * saved (ed_doc.h).
 *
 * A save is a short conversation: read-only → ask for another path
 * (save as); the file changed on disk since it was opened → ask
 * (overwrite / cancel / save as); the save failed (disk full, read-only
 * folder...) → the reason, the edits kept in memory and in the recovery
 * snapshot, and save as offered.  Quitting with unsaved changes asks
 * first (save / don't save / cancel); "save" is a save that quits once
 * it succeeded.
 */
#ifndef NB_ED_SAVE_H
#define NB_ED_SAVE_H

#include <stdbool.h>

#include "ed_app.h"
#include "ed_keymap.h"

/* Saves to the app's path (see above); with then_quit, a save that
 * succeeds returns TUI_QUIT.  Returns dirty bits. */
unsigned ed_save(struct tui_app *, bool then_quit);

/* F2 / Ctrl-S and F10 / Ctrl-Q. */
extern const struct ed_action ed_save_save, ed_save_quit;

#endif
