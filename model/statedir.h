/*
 * Where the editor keeps what protects a clerk's typing: one private
 * folder per user, and in it, for each report, a recovery snapshot
 * (snapshot.h) and a lock record (editlock.h).  struct statedir is one
 * report's place there, resolved once when the editor opens the report,
 * so that an emergency snapshot (hang-up, out of memory) needs no lookup.
 *
 * The folder is $XDG_STATE_HOME/nianbao when XDG_STATE_HOME is an
 * absolute path, else $HOME/.local/state/nianbao (HOME from the password
 * database when unset).  It is created mode 0700 (its missing parents
 * too) and refused when it is a symlink, not a folder, or not owned by the
 * effective user; group and other permission bits on it are removed.  For
 * a report whose absolute path is P (the realpath of the file, or of its
 * folder when the file does not exist yet, plus the base name), its files
 * there are
 *	<hash>-<base>.snap	the recovery snapshot
 *	<hash>-<base>.lock	the lock record
 * with <hash> 16 hex digits of a 64-bit FNV-1a hash of P and <base> P's
 * last component (cut to 96 bytes on a character boundary).
 *
 * A file there that is a symlink, not a regular file or not owned by the
 * user is never read, followed or written (recover.unsafe); only
 * statedir_remove removes it (unlink does not follow links).
 *
 * No statedir_ function may be called from a signal handler: they
 * allocate and do I/O (see snapshot.h on signals).
 */
#ifndef NB_STATEDIR_H
#define NB_STATEDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "filestamp.h"
#include "procid.h"

/*
 * One report's place.  The first part is resolved by statedir_new and
 * read-only afterwards; the rest is the bookkeeping of the modules that
 * use the place, each writing only its own fields.
 */
struct statedir {
	char		*report;	/* the report's absolute path */
	char		*dir;		/* the private folder */
	char		*snap;		/* the snapshot's path */
	char		*lock;		/* the lock record's path */
	struct procid	 self;		/* this process */

	/* editlock.c: this process holds the lock. */
	bool		 locked;

	/*
	 * snapshot.c: the report file as loaded or last saved (base), the
	 * report generation that equals it (clean_gen) and the one the
	 * snapshot on disk holds (snap_gen, when have_snap), and the last
	 * write attempt (last_try in ms, when tried).
	 */
	struct filestamp base;
	bool		 have_snap;
	unsigned long	 snap_gen;
	unsigned long	 clean_gen;
	bool		 tried;
	long long	 last_try;
};

/*
 * Prepares the place of the report at path (which need not exist yet; its
 * folder must): resolves its absolute path, creates or checks the
 * private folder, computes the snapshot and lock paths and this process's
 * identity.  Writes nothing else.  Returns NULL with *err:
 *   recover.no_home		neither XDG_STATE_HOME nor a home folder
 *   recover.path {0}=path {1}=strerror	the report's folder is unusable
 *   recover.dir {0}=folder {1}=strerror	cannot create or open it
 *   recover.dir_unsafe {0}=folder	a symlink, not a folder, or not
 *					the user's
 * Caller frees with statedir_free (which removes nothing).
 */
struct statedir	*statedir_new(const char *path, struct err *err);
void		 statedir_free(struct statedir *);

/* Borrowed; valid until statedir_free. */
const char	*statedir_report_path(const struct statedir *);	/* absolute */
const char	*statedir_snapshot_path(const struct statedir *);
const char	*statedir_lock_path(const struct statedir *);
const char	*statedir_dir(const struct statedir *);
const struct procid *statedir_self(const struct statedir *);

/*
 * Reads a file of ours from the private folder (at most max bytes):
 * 1 with the bytes (newly allocated; caller frees), 0 when it does not
 * exist, -1 with *err: recover.unsafe {0}=path, recover.read {0}=path
 * {1}=why.
 */
int		 statedir_read(const char *path, size_t max, char **out,
		    size_t *len, struct err *err);

/* Before writing path in the private folder: refuses what is not a
 * regular file of ours (recover.unsafe) and makes its mode 0600. */
bool		 statedir_prepare(const char *path, struct err *err);

/* Removes path; a missing file is fine (recover.remove {0}=path
 * {1}=strerror). */
bool		 statedir_remove(const char *path, struct err *err);

/*
 * Removes temp files that fsio left behind when a process died mid-save
 * (".<name>.tmp-<pid>-<n>" whose pid no longer exists, owned by the user,
 * regular): those of the snapshot and lock in the private folder and
 * those of the report in its own folder.  Returns how many it removed.
 */
int		 statedir_clean_temps(struct statedir *);

#endif
