/*
 * Never lose the clerk's typing: the editor's side of model/recover.h
 * while a report is open and on the way out.  (Opening a report, with
 * its questions about locks and snapshots, is ed_open.h.)
 *
 * Editing: the loop asks ed_recover_timeout for its input timeout and
 * calls ed_recover_tick each turn, which writes a due snapshot (at most
 * SNAPSHOT_INTERVAL_MS after a change).  A failing write is shown in the
 * status line (a->rc_err) until a later write succeeds; editing goes on.
 *
 * Read-only (a->readonly): chosen at a question on opening; the app
 * refuses edits and save (save as still works), no snapshot is written
 * and neither the lock (held by the other editor) nor the snapshot is
 * touched.
 *
 * Leaving: ed_recover_finish(a, emergency).  Emergency (a signal, the
 * terminal lost): the snapshot is written if anything is pending.  Out
 * of memory: ed_recover_fatal, from fatal()'s hook, writes it the same
 * way.  Normal: an unmodified report's snapshot is removed (its content
 * is the file's).  Either way the lock is released.
 *
 * a->rc is NULL for the print preview and when the user chose to edit
 * without a recovery folder: then every function here does nothing.
 *
 * Owns a->rc, a->readonly, a->rc_err.
 */
#ifndef NB_ED_RECOVER_H
#define NB_ED_RECOVER_H

#include <stdbool.h>
#include <stddef.h>

#include "ed_app.h"
#include "ed_ask.h"
#include "err.h"
#include "editlock.h"
#include "filestamp.h"
#include "procid.h"
#include "reportdiff.h"
#include "snapshot.h"
#include "statedir.h"
#include "report.h"

/* The answers of the questions about recovery and saving (their items'
 * codes, ed_ask_choice). */
enum ed_recover_choice {
	RCH_RECOVER, RCH_DISCARD, RCH_READONLY, RCH_TAKEOVER, RCH_QUIT,
	RCH_CONTINUE, RCH_OVERWRITE, RCH_CANCEL, RCH_SAVE_AS, RCH_BACK
};

/*
 * Asks a numbered choice titled title_id with the prompt (taken) and one
 * item per code (its words from the code's message id); the answer's
 * code is the choice, -1 for Esc.  Returns dirty bits.
 */
unsigned	 ed_recover_ask(struct tui_app *, const char *title_id,
		    char *prompt, const enum ed_recover_choice *codes,
		    size_t n, ed_ask_fn, ed_ask_free_fn, void *arg);

/* e in the user's language, without the "path: " in front when the
 * message names the path itself.  Newly allocated; caller frees. */
char		*ed_recover_reason(const struct tui_app *, const struct err *e);

/* Monotonic milliseconds (the clock snapshot_due expects). */
long long	 ed_recover_now_ms(void);

/*
 * Opening a->path (ed_open.h): its recovery folder and file names, the
 * temp files a crash left removed (false with *err when there is no
 * recovery folder: then nothing is recovered or locked); its lock; its
 * snapshot (see editlock_take, snapshot_find).
 */
bool		 ed_recover_begin(struct tui_app *, struct err *err);
enum editlock_result ed_recover_lock(struct tui_app *, bool force,
		    struct procid *holder, enum procid_who *who,
		    struct err *err);
enum snapshot_find_result ed_recover_find(struct tui_app *,
		    struct snapshot_found **found, struct err *err);
/* Editing goes on without the recovery folder (it cannot be written):
 * no lock, no snapshot, as when ed_recover_begin failed. */
void		 ed_recover_drop(struct tui_app *);
/* Read-only from now: the lock and the snapshot are not ours to touch. */
void		 ed_recover_go_readonly(struct tui_app *);
/* Snapshots of r are written from now (r is a->rep): based on the file
 * stamped base (NULL: no file yet), recovered from a snapshot. */
void		 ed_recover_track(struct tui_app *, const struct report *r,
		    const struct filestamp *base, bool recovered);

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

/* Whether the report file changed on disk since it was loaded or saved
 * (false when it cannot tell). */
bool		 ed_recover_file_changed(struct tui_app *);
/* The report was saved to a->path: stamps it, removes the snapshot.
 * Returns dirty bits (a message if the snapshot could not be removed). */
unsigned	 ed_recover_saved(struct tui_app *);
/* The user said "don't save" (or "discard" the snapshot found): the
 * snapshot goes.  False with *err (may be NULL) when it could not. */
bool		 ed_recover_discard(struct tui_app *, struct err *err);
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

void		 ed_recover_done(struct tui_app *);

#endif
