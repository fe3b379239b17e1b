/*
 * Atomic saves and bounded reads.
 *
 * A save is a fixed sequence of steps (enum save_step): open a fresh temp
 * file next to the target, write, fchmod, fsync, close, rename, sync the
 * folder.  Every system call that changes the disk goes through the ops
 * table, so a test can fail any one of them.  struct save holds what a
 * save in progress owns (the resolved target path, the temp path once the
 * temp file exists, its descriptor while open); save_fail() records the
 * error for a step and save_done() releases whatever is still held, so
 * every failure path reads "fail, then done".  The invariant that makes
 * the save atomic: nothing touches the target path except rename(2), and
 * the temp path is only unlinked if this save created it and has not yet
 * renamed it.
 *
 * stat, lstat and realpath are not in the table: they change nothing.
 * Reading (fsio_read_file) uses the real calls too.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "fsio.h"
#include "xmalloc.h"

/* How many taken temp names to step over before giving up. */
#define FSIO_TMP_TRIES	100

enum save_step {
	SAVE_OPEN,
	SAVE_WRITE,
	SAVE_CHMOD,
	SAVE_FSYNC,
	SAVE_CLOSE,
	SAVE_RENAME,
	SAVE_DIRSYNC
};

static const char *const save_msgid[] = {
	[SAVE_OPEN] = "save.open",
	[SAVE_WRITE] = "save.write",
	[SAVE_CHMOD] = "save.chmod",
	[SAVE_FSYNC] = "save.fsync",
	[SAVE_CLOSE] = "save.close",
	[SAVE_RENAME] = "save.rename",
	[SAVE_DIRSYNC] = "save.dirsync"
};

struct save {
	const char	*path;		/* as the caller gave it, for messages */
	char		*target;	/* path, or the file a symlink names */
	size_t		 baseoff;	/* offset of the last component */
	char		*tmp;		/* our temp file; NULL when none */
	int		 fd;		/* open temp file, or -1 */
	mode_t		 mode;		/* final permission bits */
	bool		 sync;		/* fsync the file and its folder */
	struct err	*err;
};

static int
real_open(const char *path, int flags, mode_t mode)
{
	return (open(path, flags, mode));
}

static const struct fsio_ops real_ops = {
	real_open, write, fsync, fchmod, close, rename, unlink
};
static struct fsio_ops ops = {
	real_open, write, fsync, fchmod, close, rename, unlink
};

/* Makes temp names unique within the process; the pid does across them. */
static atomic_ulong tmp_counter;

void
fsio_set_ops(const struct fsio_ops *o)
{
	ops = real_ops;
	if (o == NULL)
		return;
	if (o->open != NULL)
		ops.open = o->open;
	if (o->write != NULL)
		ops.write = o->write;
	if (o->fsync != NULL)
		ops.fsync = o->fsync;
	if (o->fchmod != NULL)
		ops.fchmod = o->fchmod;
	if (o->close != NULL)
		ops.close = o->close;
	if (o->rename != NULL)
		ops.rename = o->rename;
	if (o->unlink != NULL)
		ops.unlink = o->unlink;
}

uintmax_t
fsio_fsize_limit(void)
{
	struct rlimit	rl;

	if (getrlimit(RLIMIT_FSIZE, &rl) == -1 || rl.rlim_cur == RLIM_INFINITY)
		return (0);
	return ((uintmax_t)rl.rlim_cur);
}

bool
fsio_toobig(struct err *err, const char *path, const char *msgid, int errnum)
{
	uintmax_t	 lim;
	char		*bytes, *blocks;

	if (errnum != EFBIG || (lim = fsio_fsize_limit()) == 0)
		return (false);
	bytes = xasprintf("%ju", lim);
	blocks = xasprintf("%ju", lim / 1024);
	err_set(err, path, 0, 0, msgid, 3, path != NULL ? path : "", bytes,
	    blocks);
	free(bytes);
	free(blocks);
	return (true);
}

/* Records that step failed with errnum; always returns false. */
static bool
save_fail(struct save *s, enum save_step step, int errnum)
{
	if (errnum == ENOSPC || errnum == EDQUOT)
		err_set(s->err, s->path, 0, 0, "save.nospace", 1, s->path);
	else if (fsio_toobig(s->err, s->path, "save.toobig", errnum))
		;
	else
		err_set(s->err, s->path, 0, 0, save_msgid[step], 2, s->path,
		    strerror(errnum));
	return (false);
}

/* Releases what the save still holds: closes and unlinks a temp file. */
static void
save_done(struct save *s)
{
	if (s->fd != -1)
		(void)ops.close(s->fd);
	if (s->tmp != NULL)
		(void)ops.unlink(s->tmp);
	free(s->tmp);
	free(s->target);
}

/*
 * Decides what file to replace and with which mode.  A symlink is
 * followed to the file it names, so the link survives the save; the
 * target must be a regular file or not exist yet.
 */
static bool
save_resolve(struct save *s, mode_t newmode)
{
	struct stat	 st;
	const char	*slash;

	if (*s->path == '\0')
		return (save_fail(s, SAVE_OPEN, ENOENT));
	if (lstat(s->path, &st) == -1) {
		if (errno != ENOENT)
			return (save_fail(s, SAVE_OPEN, errno));
		s->target = xstrdup(s->path);
		s->mode = newmode & 0777;
	} else {
		if (S_ISLNK(st.st_mode)) {
			if ((s->target = realpath(s->path, NULL)) == NULL)
				return (save_fail(s, SAVE_OPEN, errno));
			if (stat(s->target, &st) == -1)
				return (save_fail(s, SAVE_OPEN, errno));
		} else
			s->target = xstrdup(s->path);
		if (!S_ISREG(st.st_mode)) {
			err_set(s->err, s->path, 0, 0, "save.not_regular", 1,
			    s->path);
			return (false);
		}
		s->mode = st.st_mode & 0777;
	}
	slash = strrchr(s->target, '/');
	s->baseoff = slash != NULL ? (size_t)(slash - s->target) + 1 : 0;
	if (s->target[s->baseoff] == '\0')
		return (save_fail(s, SAVE_OPEN, EISDIR));
	return (true);
}

/* Creates "<dir>/.<base>.tmp-<pid>-<counter>", stepping over taken names. */
static bool
save_create(struct save *s)
{
	const char	*base = s->target + s->baseoff;
	int		 tries, fd, e = EEXIST;

	for (tries = 0; tries < FSIO_TMP_TRIES; tries++) {
		s->tmp = xasprintf("%.*s.%s.tmp-%ld-%lu", (int)s->baseoff,
		    s->target, base, (long)getpid(),
		    atomic_fetch_add(&tmp_counter, 1));
		do
			fd = ops.open(s->tmp, O_WRONLY | O_CREAT | O_EXCL |
			    O_NOFOLLOW | O_CLOEXEC, 0600);
		while (fd == -1 && errno == EINTR);
		if (fd != -1) {
			s->fd = fd;
			return (true);
		}
		e = errno;
		/* Not ours: it must never be unlinked. */
		free(s->tmp);
		s->tmp = NULL;
		if (e != EEXIST)
			break;
	}
	return (save_fail(s, SAVE_OPEN, e));
}

/* Writes all of data, resuming after short writes and EINTR. */
static bool
save_write(struct save *s, const char *data, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = ops.write(s->fd, data, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return (save_fail(s, SAVE_WRITE, errno));
		/* As git's write_in_full: no progress means no room. */
		if (n == 0)
			return (save_fail(s, SAVE_WRITE, ENOSPC));
		if ((size_t)n > len)
			return (save_fail(s, SAVE_WRITE, EIO));
		data += n;
		len -= (size_t)n;
	}
	return (true);
}

/*
 * fchmod, fsync, close.  Each runs once: after a failed fsync the page
 * cache may already have dropped the dirty pages, so a second fsync could
 * succeed without the data being on disk (PostgreSQL's "fsyncgate").  The
 * descriptor is gone after close(2) even when it fails.
 */
static bool
save_finish(struct save *s)
{
	int	fd = s->fd;

	if (ops.fchmod(fd, s->mode) == -1)
		return (save_fail(s, SAVE_CHMOD, errno));
	if (s->sync && ops.fsync(fd) == -1)
		return (save_fail(s, SAVE_FSYNC, errno));
	s->fd = -1;
	if (ops.close(fd) == -1)
		return (save_fail(s, SAVE_CLOSE, errno));
	return (true);
}

/*
 * Makes the rename durable.  Some file systems cannot fsync a folder and
 * say EINVAL; that alone is not an error.
 */
static bool
save_dirsync(struct save *s)
{
	char	*dir;
	int	 fd, e = 0;

	if (s->baseoff == 0)
		dir = xstrdup(".");
	else if (s->baseoff == 1)
		dir = xstrdup("/");
	else
		dir = xstrndup(s->target, s->baseoff - 1);
	do
		fd = ops.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	while (fd == -1 && errno == EINTR);
	free(dir);
	if (fd == -1)
		return (save_fail(s, SAVE_DIRSYNC, errno));
	if (ops.fsync(fd) == -1 && errno != EINVAL)
		e = errno;
	if (ops.close(fd) == -1 && e == 0)
		e = errno;
	if (e != 0)
		return (save_fail(s, SAVE_DIRSYNC, e));
	return (true);
}

static bool
write_atomic(const char *path, const void *data, size_t len, mode_t mode,
    bool sync, struct err *err)
{
	struct save	s;
	bool		ok = false;

	memset(&s, 0, sizeof s);
	s.path = path;
	s.fd = -1;
	s.sync = sync;
	s.err = err;
	if (!save_resolve(&s, mode) || !save_create(&s) ||
	    !save_write(&s, data, len) || !save_finish(&s))
		goto out;
	if (ops.rename(s.tmp, s.target) == -1) {
		save_fail(&s, SAVE_RENAME, errno);
		goto out;
	}
	free(s.tmp);
	s.tmp = NULL;
	ok = !sync || save_dirsync(&s);
out:
	save_done(&s);
	return (ok);
}

bool
fsio_write_atomic(const char *path, const void *data, size_t len,
    mode_t mode, struct err *err)
{
	return (write_atomic(path, data, len, mode, true, err));
}

bool
fsio_write_atomic_nosync(const char *path, const void *data, size_t len,
    mode_t mode, struct err *err)
{
	return (write_atomic(path, data, len, mode, false, err));
}

/* Sets a file.* error whose one argument is strerror(errnum). */
static char *
read_fail(struct err *err, const char *path, const char *msgid, int errnum)
{
	err_set(err, path, 0, 0, msgid, 1, strerror(errnum));
	return (NULL);
}

/*
 * Reads fd to EOF into a buffer sized for the size fstat gave, growing it
 * if the file grew since; stops as soon as it holds more than max bytes.
 */
static char *
read_all(int fd, const char *path, size_t size, size_t max, size_t *len,
    struct err *err)
{
	char	*buf, *smax;
	size_t	 n = 0, cap = size + 2;
	ssize_t	 r;

	buf = xmalloc(cap);
	for (;;) {
		if (cap - n < 2) {
			cap = cap <= SIZE_MAX / 2 ? cap * 2 : SIZE_MAX;
			if (max < SIZE_MAX - 2 && cap > max + 2)
				cap = max + 2;
			buf = xreallocarray(buf, cap, 1);
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			free(buf);
			return (read_fail(err, path, "file.read", errno));
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			free(buf);
			smax = xasprintf("%zu", max);
			err_set(err, path, 0, 0, "file.too_big", 1, smax);
			free(smax);
			return (NULL);
		}
	}
	buf[n] = '\0';
	*len = n;
	return (buf);
}

char *
fsio_read_file(const char *path, size_t max, size_t *len, struct err *err)
{
	struct stat	 st;
	char		*buf = NULL, *smax;
	int		 fd;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	do
		fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	while (fd == -1 && errno == EINTR);
	if (fd == -1)
		return (read_fail(err, path, "file.open", errno));
	if (fstat(fd, &st) == -1)
		read_fail(err, path, "file.read", errno);
	else if (!S_ISREG(st.st_mode))
		err_set(err, path, 0, 0, "file.not_regular", 0);
	else if ((uintmax_t)st.st_size > max) {
		smax = xasprintf("%zu", max);
		err_set(err, path, 0, 0, "file.too_big", 1, smax);
		free(smax);
	} else
		buf = read_all(fd, path, (size_t)st.st_size, max, len, err);
	(void)close(fd);
	return (buf);
}
