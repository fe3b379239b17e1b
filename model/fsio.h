/*
 * Every write goes through fsio_write_atomic(): a temp file in the same
 * folder, "<dir>/.<base>.tmp-<pid>-<counter>" (O_CREAT|O_EXCL|O_NOFOLLOW,
 * mode 0600 until the end), write all, fchmod to the original file's mode
 * (or `mode` for a new file), fsync (after fchmod, so the mode is durable
 * too), close (checked), rename over the target, fsync the folder.  At
 * every instant the target holds the complete old or the complete new
 * content.  On any failure up to and including the rename, the temp file
 * is unlinked, the original is untouched and *err says which step failed
 * and why; if only the folder sync fails, the target already holds the new
 * content but it is not known to be durable, and that is reported as an
 * error too (the caller keeps its document dirty and saves again).
 *   save.open {0}=path {1}=strerror     save.write  save.fsync  save.close
 *   save.chmod  save.rename  save.dirsync   each with {0}=path {1}=strerror
 *   save.nospace {0}=path (ENOSPC/EDQUOT at any step: disk full)
 *   save.toobig {0}=path {1}=limit in bytes {2}=in KiB (`ulimit -f`):
 *     EFBIG while RLIMIT_FSIZE is set, the file-size limit of a shared
 *     server.  The process must catch or ignore SIGXFSZ (main does) for
 *     the write to fail with EFBIG instead of killing the process.
 *   save.not_regular {0}=path (the target is a folder, FIFO, device...)
 * A failed fsync is never retried on the same descriptor: the next save
 * writes a fresh temp file from memory.
 *
 * The system calls go through a table of function pointers so that tests
 * can fail step N for every N (fault injection); fsio_set_ops(NULL)
 * restores the real ones.  The folder is synced with ops.open (O_RDONLY|
 * O_DIRECTORY), ops.fsync and ops.close; unlink is used only to clean up.
 */
#ifndef NB_FSIO_H
#define NB_FSIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "err.h"

struct fsio_ops {
	int	(*open)(const char *, int, mode_t);
	ssize_t	(*write)(int, const void *, size_t);
	int	(*fsync)(int);
	int	(*fchmod)(int, mode_t);
	int	(*close)(int);
	int	(*rename)(const char *, const char *);
	int	(*unlink)(const char *);
};

/*
 * Copies the table; a NULL member (or a NULL table) means the real system
 * call.  Process-wide: meant for tests, not for concurrent use.
 */
void	fsio_set_ops(const struct fsio_ops *);

/*
 * Writes len bytes of data to path atomically.  mode's permission bits
 * (0777) are used, exactly and without the umask, when path does not exist
 * yet; an existing file keeps its permission bits (not its owner; hard
 * links to it are broken, as with any rename-based save).  When path is a
 * symlink, the file it points to is replaced and the link stays; a
 * dangling link is refused (save.open with ENOENT).  Returns true on
 * success.
 */
bool	fsio_write_atomic(const char *path, const void *data, size_t len,
	    mode_t mode, struct err *err);

/*
 * As fsio_write_atomic, without the two fsyncs (the file's, the
 * folder's): while the system runs, path holds the complete old or new
 * content at every instant, but after a crash it may hold either, or be
 * empty.  For files whose loss costs nothing, read back with a check
 * (the edit lock): an fsync there costs 5-40 ms on a busy disk, paid
 * before the editor's first screen (tests/bench/README.md, issue 11).
 * Same errors as fsio_write_atomic but save.fsync and save.dirsync.
 */
bool	fsio_write_atomic_nosync(const char *path, const void *data,
	    size_t len, mode_t mode, struct err *err);

/*
 * The file-size limit (RLIMIT_FSIZE, `ulimit -f`) in bytes; 0 when there
 * is none.
 */
uintmax_t	fsio_fsize_limit(void);

/*
 * When errnum is EFBIG and a file-size limit is set, sets *err to msgid
 * with {0}=path (may be NULL: "") {1}=the limit in bytes {2}=in KiB and
 * returns true; otherwise false and *err is untouched.  For every writer
 * that is not fsio_write_atomic (standard output) to say EFBIG the same
 * way.
 */
bool	fsio_toobig(struct err *err, const char *path, const char *msgid,
	    int errnum);

/*
 * Reads a whole regular file of at most max bytes (refusing directories,
 * FIFOs, devices: O_NONBLOCK + fstat + S_ISREG).  Returns a newly allocated
 * NUL-terminated buffer (caller frees) and its length in *len, or NULL with
 * *err set (err->path = path): file.open {0}=strerror, file.not_regular,
 * file.too_big {0}=max (bytes, decimal), file.read {0}=strerror.
 */
char	*fsio_read_file(const char *path, size_t max, size_t *len,
	    struct err *err);

#endif
