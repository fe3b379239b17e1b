/*
 * Never lose the clerk's typing: the editor's side of model/recover.h.
 *
 * Opening (ed_recover_open, before the terminal is touched): the recovery
 * folder and paths (recover_new), leftover temp files removed, the
 * report's lock taken, then a snapshot looked for and the report loaded.
 * When a question must be asked (no recovery folder, another editor holds
 * the report, a snapshot to recover or an unusable one), a dialog is
 * opened in the app and the answer comes back through ed_recover_answer,
 * which goes on from that step.  The report is attached to the app when
 * the steps are done; a report that cannot be opened leaves the message
 * in a->fatal.
 *
 * Read-only (a->readonly): chosen at a question; the app refuses edits
 * and save (save as still works), no snapshot is written and neither the
 * lock (held by the other editor) nor the snapshot is touched.
 *
 * Editing: the loop asks ed_recover_timeout for its input timeout and calls
 * ed_recover_tick each turn, which writes a due snapshot (at most
 * RECOVER_INTERVAL_MS after a change).  A failing write is shown in the
 * status line (a->rc_err) until a later write succeeds; editing goes on.
 *
 * Leaving: ed_recover_finish(a, emergency).  Emergency (a signal, the
 * terminal lost): the snapshot is written if anything is pending.  Out
 * of memory: ed_recover_fatal, from fatal()'s hook, writes it the same way.
 * Normal: an unmodified report's snapshot is removed (its content is the
 * file's).  Either way the lock is released.
 *
 * a->rc is NULL for the print preview and when the user chose to edit
 * without a recovery folder: then every function here does nothing.
 */
#ifndef NB_ED_RECOVER_H
#define NB_ED_RECOVER_H

#include <stdbool.h>

#include <stddef.h>

#include "ed_app.h"
#include "err.h"
#include "report.h"

/* The answers of the questions asked here and by ed_doc.c's saves. */
enum ed_recover_choice {
	RCH_RECOVER, RCH_DISCARD, RCH_READONLY, RCH_TAKEOVER, RCH_QUIT,
	RCH_CONTINUE, RCH_OVERWRITE, RCH_CANCEL, RCH_SAVE_AS, RCH_BACK
};

/*
 * Opens question ask: a numbered choice titled title_id, the prompt
 * (taken) and one item per code (its text from the code's message id).
 * Returns dirty bits.  ed_recover_chosen gives the answer of the closed
 * dialog result res (RCH_CANCEL for Esc); call it before closing.
 */
unsigned	 ed_recover_choose(struct tui_app *, enum tui_ask ask,
		    const char *title_id, char *prompt,
		    const enum ed_recover_choice *codes, size_t n);
enum ed_recover_choice ed_recover_chosen(const struct tui_app *, int res);

/* e in the user's language, without the "path: " in front when the
 * message names the path itself.  Newly allocated; caller frees. */
char		*ed_recover_reason(const struct tui_app *, const struct err *e);

/* Monotonic milliseconds (the clock recover_due expects). */
long long	 ed_recover_now_ms(void);

/*
 * Runs the opening steps for a->path.  Returns false with a->fatal set
 * when the report cannot be opened and no question is open; otherwise
 * the report is attached, or the new-report questions or a recovery
 * question is open.
 */
bool		 ed_recover_open(struct tui_app *);
/* The answer to ASK_NODIR, ASK_LOCK, ASK_RECOVER or ASK_SNAP_BAD. */
unsigned	 ed_recover_answer(struct tui_app *, int res);

/* The input timeout in ms for the loop, -1 when nothing is pending. */
int		 ed_recover_timeout(const struct tui_app *, long long now_ms);
/* Writes the snapshot when it is due.  Returns dirty bits. */
unsigned	 ed_recover_tick(struct tui_app *, long long now_ms);
/*
 * Writes the snapshot now if anything is pending (before a question about
 * a failed save, on the way out).  Returns true when the snapshot (or the
 * file) holds everything; false with *err when the write failed, or when
 * there is no recovery at all (err left empty).
 */
bool		 ed_recover_flush(struct tui_app *, struct err *err);

/* A new report r was just created (before its first save). */
void		 ed_recover_track_new(struct tui_app *, const struct report *r);
/* Whether the report file changed on disk since it was loaded or saved
 * (false when it cannot tell). */
bool		 ed_recover_file_changed(struct tui_app *);
/* The report was saved to a->path: stamps it, removes the snapshot.
 * Returns dirty bits (a message if the snapshot could not be removed). */
unsigned	 ed_recover_saved(struct tui_app *);
/* The user said "don't save": the snapshot goes too. */
void		 ed_recover_discard(struct tui_app *);
/*
 * Saves the report to path (not a->path) and makes it the report's file:
 * its own lock and snapshot, the old ones released (the old snapshot
 * removed unless read-only, its content being saved in path).  False with
 * *err (the path is in use by another editor, or the save failed);
 * nothing changes then.
 */
bool		 ed_recover_save_as(struct tui_app *, const char *path,
		    struct err *err);

/* Leaving the editor (see above).  Returns a message for stderr after
 * an emergency exit (newly allocated), or NULL. */
char		*ed_recover_finish(struct tui_app *, bool emergency);
/*
 * Out of memory (fatal()'s first hook): writes the snapshot if anything
 * is pending, like an emergency exit.  Returns the line for stderr, in
 * fixed English like fatal()'s own (newly allocated), or NULL when no
 * change was unsaved.  Releases nothing: the process ends right after,
 * and its lock is then stale.  Running out of memory again in here ends
 * in fatal() once more, which skips this hook the second time.
 */
char		*ed_recover_fatal(struct tui_app *);

#endif
