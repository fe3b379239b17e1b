/*
 * Never lose a clerk's typing: recovery snapshots, edit locks, and
 * detection of a report file changed on disk behind the editor's back.
 *
 * Where.  One folder per user, $XDG_STATE_HOME/nianbao when
 * XDG_STATE_HOME is an absolute path, else $HOME/.local/state/nianbao
 * (HOME from the password database when unset).  It is created mode 0700
 * (its missing parents too) and refused when it is a symlink, not a
 * folder, or not owned by the effective user; group and other permission
 * bits on it are removed.  For a report whose absolute path is P (the
 * realpath of the file, or of its folder when the file does not exist
 * yet, plus the base name), its files there are
 *	<hash>-<base>.snap	the recovery snapshot
 *	<hash>-<base>.lock	the lock record
 * with <hash> 16 hex digits of a 64-bit FNV-1a hash of P and <base> P's
 * last component (cut to 96 bytes on a character boundary).
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
 * write from the fsync, so each snapshot is durable when recover_write
 * returns.  The editor asks for one at most every RECOVER_INTERVAL_MS
 * while there are changes (recover_due), which puts every change on disk,
 * past process death and power loss alike, well within 1 s.
 *
 * A snapshot or lock file that is a symlink, not a regular file or not
 * owned by the user is never read, followed or written (recover.unsafe);
 * only recover_discard removes it (unlink does not follow links).
 *
 * The lock record (one "key value" per line: nianbao-lock 1, pid, start,
 * host, boot, report) names the editor that holds the report.  Its owner
 * is alive when it is on this host and boot and its pid exists with the
 * recorded start time (so a reused pid is not taken for the old editor);
 * a record from a dead process or an earlier boot is stale and is
 * replaced.  Two editors that find the same stale lock at the same instant
 * may both take it; nothing worse than that is possible.
 *
 * External change: a stamp (existence, size, mtime, content hash) of the
 * report file taken from the bytes that were loaded; before saving, the
 * editor compares the file on disk with it and asks first when the
 * content differs (a touch that keeps the content is not a change).
 *
 * Hashes are FNV-1a 64: they catch accidents, not attackers.
 *
 * Using it from the editor:
 *	rc = recover_new(path, &err);		NULL: say why; edit without
 *						recovery only if the user
 *						agrees
 *	recover_clean_temps(rc);
 *	switch (recover_lock(rc, false, &holder, &who, &err)) {
 *	case RECOVER_BUSY:	"being edited in another window" (who ==
 *				RECOVER_ALIVE) or "maybe on host X"
 *				(RECOVER_ELSEWHERE): offer read-only, or
 *				take over with recover_lock(rc, true, ...)
 *	case RECOVER_LOCK_FAILED: say err; offer read-only
 *	case RECOVER_LOCKED:	go on
 *	}
 *	recover_find(rc, tpls, ntpls, &found, &err):
 *	  RECOVER_NONE:  r = recover_load(path, ..., &stamp, &err);
 *			 recover_track(rc, r, &stamp, false);
 *	  RECOVER_FOUND: show found->secs / found->diffs; then
 *	    Recover:   r = recover_found_take_snap(found);
 *		       recover_track(rc, r, &found->file_stamp, true);
 *	    Discard:   recover_discard(rc); r = recover_found_take_file(...)
 *		       (or load it); recover_track(rc, r, &stamp, false);
 *	    Read-only: take the file, keep the snapshot, recover_unlock(rc),
 *		       and never call recover_write.
 *	  RECOVER_ERROR: say err (unsafe or damaged snapshot); offer to
 *		       discard it or open read-only.
 *	main loop:  t = recover_due(rc, r, now_ms) gives the input timeout
 *		    (-1: none needed); at 0 call recover_write(rc, r, now_ms).
 *	before saving to the same path: recover_changed(rc, &changed, &err);
 *		    if changed, ask; after a successful save:
 *		    recover_saved(rc, r, &err) (restamps, removes snapshot).
 *	quit:	    clean: recover_unlock(rc); recover_free(rc).  Quitting
 *		    without saving, after the user said "discard changes":
 *		    recover_discard(rc) first.
 *	save as P2: rc2 = recover_new(P2); recover_lock(rc2, ...); save;
 *		    recover_saved(rc2, r); recover_discard(rc);
 *		    recover_unlock(rc); recover_free(rc); rc = rc2.
 *
 * Signals.  No recover_ function may be called from a signal handler:
 * they allocate and do I/O.  The SIGHUP/SIGTERM handler only sets a
 * volatile sig_atomic_t flag (install it without SA_RESTART, so that the
 * blocking read of input returns EINTR/ERR); the main loop sees the flag
 * (and EOF or EIO on input the same way), calls recover_write() if
 * recover_pending(), restores the terminal and exits.  Everything that
 * write needs (the folder, the paths, this process's pid, host and boot
 * id) was resolved by recover_new, so the emergency write only dumps the
 * report and writes one file.  The fatal() hook (out of memory) is not a
 * signal handler: it writes the snapshot the same way, and when that runs
 * out of memory too, the last periodic snapshot (at most
 * RECOVER_INTERVAL_MS old) is what remains.
 */
#ifndef NB_RECOVER_H
#define NB_RECOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "err.h"
#include "report.h"
#include "tpl.h"

#define RECOVER_INTERVAL_MS	500	/* least time between two snapshots */
#define RECOVER_HOST_MAX	256
#define RECOVER_BOOT_MAX	64

/* What a file held when it was stamped. */
struct recover_stamp {
	bool		 exists;
	off_t		 size;
	struct timespec	 mtime;
	uint64_t	 hash;		/* FNV-1a 64 of the content */
};

/* Who wrote a lock record or a snapshot. */
struct recover_owner {
	long			pid;
	unsigned long long	start;	/* 0: unknown, not checked */
	char			host[RECOVER_HOST_MAX];
	char			boot[RECOVER_BOOT_MAX];	/* "" unknown */
};

enum recover_who {
	RECOVER_NOBODY,		/* no record */
	RECOVER_SELF,		/* this process */
	RECOVER_ALIVE,		/* another live process on this host and boot */
	RECOVER_DEAD,		/* this host and boot, the process is gone */
	RECOVER_REBOOTED,	/* this host, an earlier boot: gone */
	RECOVER_ELSEWHERE,	/* another host: cannot tell */
	RECOVER_GARBLED		/* a record that cannot be read: stale */
};

struct recover;

/*
 * Prepares recovery for the report at path (which need not exist yet; its
 * folder must): resolves its absolute path, creates or checks the
 * recovery folder and computes the snapshot and lock paths and this
 * process's identity.  Writes nothing else.  Returns NULL with *err:
 *   recover.no_home		neither XDG_STATE_HOME nor a home folder
 *   recover.path {0}=path {1}=strerror	the report's folder is unusable
 *   recover.dir {0}=folder {1}=strerror	cannot create or open it
 *   recover.dir_unsafe {0}=folder	a symlink, not a folder, or not
 *					the user's
 * Caller frees with recover_free (which removes nothing).
 */
struct recover	*recover_new(const char *path, struct err *err);
void		 recover_free(struct recover *);

/* Borrowed; valid until recover_free. */
const char	*recover_report_path(const struct recover *);	/* absolute */
const char	*recover_snapshot_path(const struct recover *);
const char	*recover_lock_path(const struct recover *);
const char	*recover_dir(const struct recover *);
const struct recover_owner *recover_self(const struct recover *);

/* ---- the report file ---- */

/*
 * Stamps the file at path.  A missing file (ENOENT) is a stamp with
 * exists false and returns true.  Otherwise false with the
 * fsio_read_file errors (file.open, file.not_regular, file.too_big,
 * file.read).
 */
bool		 recover_stamp_file(const char *path, struct recover_stamp *,
		    struct err *err);
/* The same for bytes already read; mtime (may be NULL) from their fstat. */
void		 recover_stamp_buf(const char *buf, size_t len,
		    const struct timespec *mtime, struct recover_stamp *);
/* Same existence, size and content (mtime is not compared). */
bool		 recover_stamp_same(const struct recover_stamp *,
		    const struct recover_stamp *);

/*
 * Reads the report file once, stamps exactly the bytes it parses and
 * parses them (store_parse).  Returns the report (caller frees) with
 * *stamp filled, or NULL with *err (the store_parse errors, or file.*;
 * a missing file is file.open with ENOENT's text, and stamp->exists is
 * then false).
 */
struct report	*recover_load(const char *path, struct tpl *const *tpls,
		    size_t ntpls, struct recover_stamp *stamp,
		    struct err *err);

/*
 * Whether the report file differs now from the stamp given to
 * recover_track or recover_saved.  *changed is true when it was created,
 * deleted or its content changed.  False with *err when it cannot be
 * read.
 */
bool		 recover_changed(struct recover *, bool *changed,
		    struct err *err);

/* ---- snapshots ---- */

/*
 * Tells rc which document it protects.  base is the report file as r
 * was loaded (or saved).  dirty false: r equals the file, nothing needs a
 * snapshot until r changes.  dirty true: r came from the snapshot on disk
 * (after "Recover"), which stays until recover_saved or
 * recover_discard.
 */
void		 recover_track(struct recover *, const struct report *r,
		    const struct recover_stamp *base, bool dirty);

/* True when r has changes that no snapshot and no save holds. */
bool		 recover_pending(const struct recover *, const struct report *);

/*
 * Milliseconds until recover_write should be called: -1 when nothing is
 * pending, 0 when due now, else the wait (at most RECOVER_INTERVAL_MS).
 * now_ms is any monotonic clock in milliseconds (CLOCK_MONOTONIC).
 */
long		 recover_due(const struct recover *, const struct report *,
		    long long now_ms);

/*
 * Writes the snapshot of r now (atomically, 0600, fsynced).  Refuses a
 * snapshot path that is a symlink or not the user's regular file
 * (recover.unsafe {0}=path); fsio's save.* errors otherwise.  A failure
 * also counts as an attempt for recover_due, so a full disk is retried
 * every RECOVER_INTERVAL_MS, not in a busy loop.
 */
bool		 recover_write(struct recover *, const struct report *r,
		    long long now_ms, struct err *err);

/*
 * After r was saved successfully to the report path: restamps the file
 * (the new base for recover_changed), marks r clean and removes the
 * snapshot, whose content the saved file now holds.  False with *err if
 * the stamp or the removal failed (recover.remove {0}=path {1}=strerror);
 * the save itself stands.
 */
bool		 recover_saved(struct recover *, const struct report *r,
		    struct err *err);

/*
 * Removes the snapshot (and only it).  Call it only when its content is
 * saved or the user explicitly discarded it.  A missing snapshot is not
 * an error.
 */
bool		 recover_discard(struct recover *, struct err *err);

/* One difference between the snapshot and the report file. */
enum recover_diff_kind {
	RECOVER_D_TEMPLATE,	/* different templates: nothing else compared */
	RECOVER_D_ORGAN,
	RECOVER_D_YEAR,
	RECOVER_D_TEXT,		/* a section's text */
	RECOVER_D_CELL,		/* an input cell's value */
	RECOVER_D_PUBLISHED,	/* a printed total (imported reports) */
	RECOVER_D_PREVIOUS	/* a value of last year's report */
};

struct recover_diff {
	enum recover_diff_kind	kind;
	int			section;	/* -1 for template, organ, year */
	int			cell;		/* cell index, or -1 */
};

/* Per section of the snapshot's template: what differs there. */
struct recover_secdiff {
	int	section;
	bool	text;		/* its text */
	size_t	ncells;		/* cells (input, published, previous) */
};

struct recover_found {
	char			*report;	/* path in the header */
	struct recover_owner	 owner;		/* who wrote the snapshot */
	enum recover_who	 who;		/* is that editor still alive */
	struct timespec		 time;		/* when it was written */
	struct recover_stamp	 base;		/* the file it was based on */
	struct recover_stamp	 file_stamp;	/* the file now */
	bool			 newer;		/* written after the file's mtime */
	bool			 base_changed;	/* file changed since its base */
	struct report		*snap;		/* the snapshot's report */
	struct report		*file;		/* the file's report, or NULL: */
	struct err		 file_err;	/* why, when it exists */
	struct recover_diff	*diffs;		/* snapshot vs file (or an */
	size_t			 ndiffs;	/* empty report when NULL) */
	struct recover_secdiff	*secs;		/* sections with differences, */
	size_t			 nsecs;		/* in template order */
};

enum recover_find_result { RECOVER_NONE, RECOVER_FOUND, RECOVER_ERROR };

/*
 * Looks for a snapshot of the report.  RECOVER_NONE: none (or a stale
 * one identical to the file, whose writer is gone: it is removed).
 * RECOVER_FOUND: *out (caller frees with recover_found_free) says what
 * it holds and how it differs from the file.  If found->who is
 * RECOVER_ALIVE another editor is still writing it: do not recover, open
 * read-only.  RECOVER_ERROR: *err is recover.unsafe {0}=path,
 * recover.corrupt {0}=path (err->line: the header line at fault, 0 when
 * the body does not match its length and hash, or the snapshot belongs to
 * another path), recover.read {0}=path {1}=strerror, or the store_parse
 * error of its body.
 */
enum recover_find_result recover_find(struct recover *, struct tpl *const *tpls,
		    size_t ntpls, struct recover_found **out, struct err *err);
/* Hands over found's reports (NULL afterwards); caller frees. */
struct report	*recover_found_take_snap(struct recover_found *);
struct report	*recover_found_take_file(struct recover_found *);
void		 recover_found_free(struct recover_found *);

/* ---- locks ---- */

enum recover_lock_result {
	RECOVER_LOCKED,		/* this process holds the lock now */
	RECOVER_BUSY,		/* another editor holds it (*who, *holder) */
	RECOVER_LOCK_FAILED	/* could not read or write it: *err */
};

/*
 * Takes the report's lock.  When a record exists, *holder and *who (if
 * not NULL) describe it (*who is RECOVER_NOBODY when there was none).
 * A live owner on this host (RECOVER_ALIVE) or an owner on another host
 * (RECOVER_ELSEWHERE) makes it RECOVER_BUSY unless force; a stale or
 * garbled record is replaced.  Errors: recover.unsafe {0}=path,
 * recover.lock {0}=path {1}=strerror, fsio's save.*.
 */
enum recover_lock_result recover_lock(struct recover *, bool force,
		    struct recover_owner *holder, enum recover_who *who,
		    struct err *err);
/* Removes the lock if this process holds it. */
void		 recover_unlock(struct recover *);

/* The lock record text for owner (what recover_lock writes), for tests
 * and tools.  Newly allocated; caller frees. */
char		*recover_owner_format(const struct recover_owner *,
		    const char *report);
/* Parses a lock record; false when it is garbled. */
bool		 recover_owner_parse(const char *text, size_t len,
		    struct recover_owner *);
/* Is that owner this process, alive, dead, rebooted or elsewhere? */
enum recover_who recover_owner_check(const struct recover *,
		    const struct recover_owner *);

/*
 * Removes temp files that fsio left behind when a process died mid-save
 * (".<name>.tmp-<pid>-<n>" whose pid no longer exists, owned by the user,
 * regular): those of the snapshot and lock in the recovery folder and
 * those of the report in its own folder.  Returns how many it removed.
 */
int		 recover_clean_temps(struct recover *);

#endif
