/*
 * Never lose a clerk's typing: recovery snapshots of the report being
 * edited, in the private state folder (statedir.h), and the check that
 * the report file did not change on disk behind the editor's back.
 *
 * The snapshot is the report file's YAML (store_dump) after a header of
 * YAML comment lines, so it is itself a loadable report:
 *	# nianbao recovery snapshot; do not edit
 *	#@ version 1
 *	#@ report /home/li/2024.yaml	(bytes < 0x20, DEL and % as %XX)
 *	#@ pid 4242
 *	#@ start 1234567		(process start, clock ticks after boot)
 *	#@ host office-pc
 *	#@ boot 0f1e...			(/proc/sys/kernel/random/boot_id, or -)
 *	#@ time 1736900000.123456789	(when written, CLOCK_REALTIME)
 *	#@ base 1 2345 1736800000.000000000 <hash>   (the report file when
 *					 opened or last saved: exists, size,
 *					 mtime, content hash; "0 0 0.0 0"
 *					 when it did not exist)
 *	#@ body 5678 <hash>		(length and hash of what follows)
 * The body check refuses a damaged snapshot instead of recovering
 * garbage.  Snapshots are written with fsio_write_atomic at mode 0600
 * (a temp file, fsync, rename, folder fsync): fsio cannot split the
 * write from the fsync, so each snapshot is durable when snapshot_write
 * returns.  The editor asks for one at most every SNAPSHOT_INTERVAL_MS
 * while there are changes (snapshot_due), which puts every change on
 * disk, past process death and power loss alike, well within 1 s.
 *
 * What is already safe: the report generation (report_generation) that
 * equals the report file, and the one the snapshot on disk holds.  A
 * change is pending while the report's generation equals neither of the
 * one that currently counts (the snapshot's when there is one, else the
 * file's).
 *
 * Using it from the editor:
 *	sd = statedir_new(path, &err);		NULL: say why; edit without
 *						recovery only if the user
 *						agrees
 *	statedir_clean_temps(sd);
 *	switch (editlock_take(sd, false, &holder, &who, &err)) ...
 *						(editlock.h)
 *	snapshot_find(sd, tpls, ntpls, &found, &err):
 *	  SNAPSHOT_NONE:  r = store_load_stamped(path, ..., &stamp, &err);
 *			  snapshot_track(sd, r, &stamp, false);
 *	  SNAPSHOT_FOUND: show found->secs / found->diffs; then
 *	    Recover:   r = snapshot_found_take_snap(found);
 *		       snapshot_track(sd, r, &found->file_stamp, true);
 *	    Discard:   snapshot_discard(sd); r = snapshot_found_take_file(...)
 *		       (or load it); snapshot_track(sd, r, &stamp, false);
 *	    Read-only: take the file, keep the snapshot,
 *		       editlock_release(sd), and never call snapshot_write.
 *	  SNAPSHOT_ERROR: say err (unsafe or damaged snapshot); offer to
 *		       discard it or open read-only.
 *	main loop:  t = snapshot_due(sd, r, now_ms) gives the input timeout
 *		    (-1: none needed); at 0 call snapshot_write(sd, r, now_ms).
 *	before saving to the same path: snapshot_changed(sd, &changed, &err);
 *		    if changed, ask; after a successful save:
 *		    snapshot_saved(sd, r, &err) (restamps, removes snapshot).
 *	quit:	    clean: editlock_release(sd); statedir_free(sd).  Quitting
 *		    without saving, after the user said "discard changes":
 *		    snapshot_discard(sd) first.
 *	save as P2: sd2 = statedir_new(P2); editlock_take(sd2, ...); save;
 *		    snapshot_saved(sd2, r); snapshot_discard(sd);
 *		    editlock_release(sd); statedir_free(sd); sd = sd2.
 *
 * Signals.  No snapshot_ function may be called from a signal handler:
 * they allocate and do I/O.  The SIGHUP/SIGTERM handler only sets a
 * volatile sig_atomic_t flag (install it without SA_RESTART, so that the
 * blocking read of input returns EINTR/ERR); the main loop sees the flag
 * (and EOF or EIO on input the same way), calls snapshot_write() if
 * snapshot_pending(), restores the terminal and exits.  Everything that
 * write needs (the folder, the paths, this process's pid, host and boot
 * id) was resolved by statedir_new, so the emergency write only dumps the
 * report and writes one file.  The fatal() hook (out of memory) is not a
 * signal handler: it writes the snapshot the same way, and when that runs
 * out of memory too, the last periodic snapshot (at most
 * SNAPSHOT_INTERVAL_MS old) is what remains.
 */
#ifndef NB_SNAPSHOT_H
#define NB_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "err.h"
#include "filestamp.h"
#include "procid.h"
#include "report.h"
#include "reportdiff.h"
#include "statedir.h"
#include "tpl.h"

#define SNAPSHOT_INTERVAL_MS	500	/* least time between two snapshots */

/*
 * Tells sd which document it protects.  base is the report file as r
 * was loaded (or saved); NULL keeps the one sd has.  dirty false: r
 * equals the file, nothing needs a snapshot until r changes.  dirty true:
 * r came from the snapshot on disk (after "Recover"), which stays until
 * snapshot_saved or snapshot_discard.
 */
void		 snapshot_track(struct statedir *, const struct report *r,
		    const struct filestamp *base, bool dirty);

/* True when r has changes that no snapshot and no save holds. */
bool		 snapshot_pending(const struct statedir *,
		    const struct report *);

/*
 * Milliseconds until snapshot_write should be called: -1 when nothing is
 * pending, 0 when due now, else the wait (at most SNAPSHOT_INTERVAL_MS).
 * now_ms is any monotonic clock in milliseconds (CLOCK_MONOTONIC).
 */
long		 snapshot_due(const struct statedir *, const struct report *,
		    long long now_ms);

/*
 * Writes the snapshot of r now (atomically, 0600, fsynced).  Refuses a
 * snapshot path that is a symlink or not the user's regular file
 * (recover.unsafe {0}=path); fsio's save.* errors otherwise.  A failure
 * also counts as an attempt for snapshot_due, so a full disk is retried
 * every SNAPSHOT_INTERVAL_MS, not in a busy loop.
 */
bool		 snapshot_write(struct statedir *, const struct report *r,
		    long long now_ms, struct err *err);

/*
 * After r was saved successfully to the report path: restamps the file
 * (the new base for snapshot_changed), marks r clean and removes the
 * snapshot, whose content the saved file now holds.  False with *err if
 * the stamp or the removal failed (recover.remove {0}=path {1}=strerror);
 * the save itself stands.
 */
bool		 snapshot_saved(struct statedir *, const struct report *r,
		    struct err *err);

/*
 * Removes the snapshot (and only it).  Call it only when its content is
 * saved or the user explicitly discarded it.  A missing snapshot is not
 * an error.
 */
bool		 snapshot_discard(struct statedir *, struct err *err);

/*
 * Whether the report file differs now from the base given to
 * snapshot_track or snapshot_saved.  *changed is true when it was
 * created, deleted or its content changed.  False with *err when it
 * cannot be read.
 */
bool		 snapshot_changed(struct statedir *, bool *changed,
		    struct err *err);

/* A snapshot found on opening, and how it differs from the file. */
struct snapshot_found {
	char			*report;	/* path in the header */
	struct procid		 owner;		/* who wrote the snapshot */
	enum procid_who		 who;		/* is that editor still alive */
	struct timespec		 time;		/* when it was written */
	struct filestamp	 base;		/* the file it was based on */
	struct filestamp	 file_stamp;	/* the file now */
	bool			 newer;		/* written after the file's mtime */
	bool			 base_changed;	/* file changed since its base */
	struct report		*snap;		/* the snapshot's report */
	struct report		*file;		/* the file's report, or NULL: */
	struct err		 file_err;	/* why, when it exists */
	struct reportdiff	*diffs;		/* snapshot vs file (or an */
	size_t			 ndiffs;	/* empty report when NULL) */
	struct reportdiff_sec	*secs;		/* sections with differences, */
	size_t			 nsecs;		/* in template order */
};

enum snapshot_find_result { SNAPSHOT_NONE, SNAPSHOT_FOUND, SNAPSHOT_ERROR };

/*
 * Looks for a snapshot of the report.  SNAPSHOT_NONE: none (or a stale
 * one identical to the file, whose writer is gone: it is removed).
 * SNAPSHOT_FOUND: *out (caller frees with snapshot_found_free) says what
 * it holds and how it differs from the file.  If found->who is
 * PROCID_ALIVE another editor is still writing it: do not recover, open
 * read-only.  SNAPSHOT_ERROR: *err is recover.unsafe {0}=path,
 * recover.corrupt {0}=path (err->line: the header line at fault, 0 when
 * the body does not match its length and hash, or the snapshot belongs to
 * another path), recover.read {0}=path {1}=strerror, or the store_parse
 * error of its body.
 */
enum snapshot_find_result snapshot_find(struct statedir *,
		    struct tpl *const *tpls, size_t ntpls,
		    struct snapshot_found **out, struct err *err);
/* Hands over found's reports (NULL afterwards); caller frees. */
struct report	*snapshot_found_take_snap(struct snapshot_found *);
struct report	*snapshot_found_take_file(struct snapshot_found *);
void		 snapshot_found_free(struct snapshot_found *);

#endif
