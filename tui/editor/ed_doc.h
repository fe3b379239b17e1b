/*
 * The document: the report being edited, its path, and whether it
 * differs from its file.  "Modified" is not a flag set by each edit: the
 * report counts as modified when its file text (store_dump) differs from
 * what was last saved or loaded, compared whenever the report's
 * generation moved, so that undoing back to the saved state is
 * "saved" again.
 *
 * Owns a->path, a->rep, a->saved_dump, a->mod_gen, a->modified.
 */
#ifndef NB_ED_DOC_H
#define NB_ED_DOC_H

#include <stdbool.h>

#include "ed_app.h"

void	 ed_doc_init(struct tui_app *, const char *path);
void	 ed_doc_done(struct tui_app *);

/*
 * Takes r and shows it: its first section, each pane at its start.  r
 * counts as saved when file_dump is NULL; otherwise it is compared with
 * file_dump, the text of its file ("" when the file is not written yet).
 * Returns dirty bits.
 */
unsigned ed_doc_attach(struct tui_app *, struct report *r,
	    const char *file_dump);
/* The report was just saved: it is the new unmodified state. */
void	 ed_doc_mark_saved(struct tui_app *);
/* Compares the report with what was saved if it changed since the last
 * look.  Returns true when "modified" flipped. */
bool	 ed_doc_check_modified(struct tui_app *);
/* The report's file is now path (save as). */
void	 ed_doc_set_path(struct tui_app *, const char *path);

#endif
