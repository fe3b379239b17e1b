/*
 * fsio: atomic saves (T4, T5, T6, T20) and bounded reads.
 *
 * Most tests swap in a fake ops table that passes every call through to
 * the real system call but records it, counts fsync calls per descriptor,
 * can make writes short or interrupted, and fails call number N with a
 * chosen errno.  The fault loops first record the calls of one successful
 * save, then fail each of them in turn and check what is on disk.
 * Criterion runs every test in its own process, so the fake's globals and
 * a private mount namespace do not leak between tests.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "fsio.h"
#include "testutil.h"
#include "xmalloc.h"

#define OLD	"title: 旧的报表\nvalue: 1\n"
#define NEW	"title: 新的报表，已修改\nvalue: 2\nmore: lines\n"

/* ---- small file helpers ---- */

/* A fresh folder under $TMPDIR (tu_tmpdir); caller frees. */
static char *
mktmp(void)
{
	return (tu_tmpdir());
}

static char *
join(const char *dir, const char *name)
{
	return (xasprintf("%s/%s", dir, name));
}

static void
put(const char *path, const void *data, size_t len, mode_t mode)
{
	int	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	cr_assert(fd != -1, "open %s: %s", path, strerror(errno));
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	cr_assert_eq(fchmod(fd, mode), 0);
	cr_assert_eq(close(fd), 0);
}

static void
puts_file(const char *path, const char *text, mode_t mode)
{
	put(path, text, strlen(text), mode);
}

/* Whole file via stdio, or NULL if it cannot be opened. */
static char *
get(const char *path, size_t *lenp)
{
	FILE	*f = fopen(path, "rb");
	char	*buf = NULL;
	size_t	 len = 0, n;
	char	 chunk[4096];

	if (f == NULL)
		return (NULL);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf = xreallocarray(buf, len + n + 1, 1);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	buf = xreallocarray(buf, len + 1, 1);
	buf[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return (buf);
}

static void
assert_content(const char *path, const char *want, const char *ctx)
{
	char	*got = get(path, NULL);

	cr_assert_not_null(got, "%s: %s missing", ctx, path);
	cr_assert_str_eq(got, want, "%s: content of %s", ctx, path);
	free(got);
}

static mode_t
mode_of(const char *path)
{
	struct stat	st;

	cr_assert_eq(stat(path, &st), 0);
	return (st.st_mode & 07777);
}

/* Number of entries in dir; *only (if given) must be the only one. */
static int
entries(const char *dir, const char *only)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	int		 n = 0;

	cr_assert_not_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (only != NULL)
			cr_assert_str_eq(de->d_name, only,
			    "stray file %s in %s", de->d_name, dir);
		n++;
	}
	closedir(d);
	return (n);
}

/* Removes dir and the plain files in it. */
static void
rm_flat(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	char		*p;

	cr_assert_not_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = join(dir, de->d_name);
		cr_assert_eq(unlink(p), 0, "unlink %s", p);
		free(p);
	}
	closedir(d);
	cr_assert_eq(rmdir(dir), 0);
}

/* ---- the fake ops table */

enum fop { F_OPEN, F_WRITE, F_FSYNC, F_FCHMOD, F_CLOSE, F_RENAME, F_UNLINK };

struct fcall {
	enum fop	op;
	bool		dir;		/* on a folder descriptor / open */
	int		flags;
	mode_t		mode;
	char		path[PATH_MAX];
	char		path2[PATH_MAX];
};

#define FMAXCALLS	512
#define FMAXFD		1024

static struct {
	int		nops;		/* calls so far */
	int		fail_at;	/* 1-based call to fail; 0: none */
	int		fail_errno;
	struct fcall	calls[FMAXCALLS];
	int		fsyncs[FMAXFD];	/* fsync calls since the fd opened */
	bool		isdir[FMAXFD];
	int		refsync;	/* fsync calls beyond the first per fd */
	size_t		max_write;	/* >0: writes are cut to this */
	bool		eintr_alt;	/* every other write: EINTR */
	int		nwrites;
	bool		dir_einval;	/* fsync on a folder: EINVAL */
	int		plant;		/* create the next n temp names first */
} F;

static struct fcall *
fake_rec(enum fop op)
{
	struct fcall *c;

	cr_assert_lt(F.nops, FMAXCALLS);
	c = &F.calls[F.nops++];
	memset(c, 0, sizeof *c);
	c->op = op;
	return (c);
}

static bool
fake_fails(void)
{
	if (F.nops != F.fail_at)
		return (false);
	errno = F.fail_errno;
	return (true);
}

static int
fake_open(const char *path, int flags, mode_t mode)
{
	struct fcall	*c = fake_rec(F_OPEN);
	int		 fd;

	c->flags = flags;
	c->mode = mode;
	c->dir = (flags & O_DIRECTORY) != 0;
	snprintf(c->path, sizeof c->path, "%s", path);
	if (F.plant > 0 && (flags & O_EXCL)) {
		F.plant--;
		puts_file(path, "stranger", 0644);
	}
	if (fake_fails())
		return (-1);
	fd = open(path, flags, mode);
	if (fd >= 0) {
		cr_assert_lt(fd, FMAXFD);
		F.fsyncs[fd] = 0;
		F.isdir[fd] = c->dir;
	}
	return (fd);
}

static ssize_t
fake_write(int fd, const void *buf, size_t n)
{
	fake_rec(F_WRITE);
	if (fake_fails())
		return (-1);
	if (F.eintr_alt && F.nwrites++ % 2 == 0) {
		errno = EINTR;
		return (-1);
	}
	if (F.max_write > 0 && n > F.max_write)
		n = F.max_write;
	return (write(fd, buf, n));
}

static int
fake_fsync(int fd)
{
	struct fcall *c = fake_rec(F_FSYNC);

	cr_assert(fd >= 0 && fd < FMAXFD);
	c->dir = F.isdir[fd];
	if (++F.fsyncs[fd] > 1)
		F.refsync++;
	if (fake_fails())
		return (-1);
	if (F.dir_einval && c->dir) {
		errno = EINVAL;
		return (-1);
	}
	return (fsync(fd));
}

static int
fake_fchmod(int fd, mode_t mode)
{
	struct fcall *c = fake_rec(F_FCHMOD);

	c->mode = mode;
	if (fake_fails())
		return (-1);
	return (fchmod(fd, mode));
}

/* Like Linux, a failed close still releases the descriptor. */
static int
fake_close(int fd)
{
	struct fcall *c = fake_rec(F_CLOSE);

	cr_assert(fd >= 0 && fd < FMAXFD);
	c->dir = F.isdir[fd];
	if (fake_fails()) {
		close(fd);
		errno = F.fail_errno;
		return (-1);
	}
	return (close(fd));
}

static int
fake_rename(const char *a, const char *b)
{
	struct fcall *c = fake_rec(F_RENAME);

	snprintf(c->path, sizeof c->path, "%s", a);
	snprintf(c->path2, sizeof c->path2, "%s", b);
	if (fake_fails())
		return (-1);
	return (rename(a, b));
}

static int
fake_unlink(const char *path)
{
	struct fcall *c = fake_rec(F_UNLINK);

	snprintf(c->path, sizeof c->path, "%s", path);
	if (fake_fails())
		return (-1);
	return (unlink(path));
}

static const struct fsio_ops fake_ops = {
	fake_open, fake_write, fake_fsync, fake_fchmod, fake_close,
	fake_rename, fake_unlink
};

static void
fake_start(void)
{
	memset(&F, 0, sizeof F);
	fsio_set_ops(&fake_ops);
}

/* What a failure of call c names, given whether the rename came before. */
static const char *
step_msgid(const struct fcall *c, bool renamed)
{
	switch (c->op) {
	case F_OPEN:
		return (renamed ? "save.dirsync" : "save.open");
	case F_WRITE:
		return ("save.write");
	case F_FCHMOD:
		return ("save.chmod");
	case F_FSYNC:
		return (renamed ? "save.dirsync" : "save.fsync");
	case F_CLOSE:
		return (renamed ? "save.dirsync" : "save.close");
	case F_RENAME:
		return ("save.rename");
	case F_UNLINK:
		break;
	}
	return ("(unlink is not a step)");
}

static void
assert_err(const struct err *err, const char *path, const char *msgid,
    int errnum, const char *ctx)
{
	cr_assert_not_null(err->msgid, "%s: no error set", ctx);
	cr_assert_str_eq(err->msgid, msgid, "%s", ctx);
	cr_assert_str_eq(err->path, path, "%s", ctx);
	cr_assert_geq(err->nargs, 1, "%s", ctx);
	cr_assert_str_eq(err->args[0], path, "%s", ctx);
	if (strcmp(msgid, "save.nospace") == 0 ||
	    strcmp(msgid, "save.not_regular") == 0)
		cr_assert_eq(err->nargs, 1, "%s", ctx);
	else {
		cr_assert_eq(err->nargs, 2, "%s", ctx);
		cr_assert_str_eq(err->args[1], strerror(errnum), "%s", ctx);
	}
}

/*
 * Records one successful save of NEW over OLD (mode 0640), then for every
 * call k of it, fails call k with errnum on a fresh copy and checks the
 * result, the file, its mode, the folder and the fsync discipline.
 */
static void
fault_loop(size_t max_write, int errnum)
{
	struct fcall	*seq;
	struct err	 err = { 0 };
	char		*dir, *target, ctx[128];
	int		 n, k, j;
	bool		 ok, renamed, transient;

	dir = mktmp();
	target = join(dir, "report.yaml");
	puts_file(target, OLD, 0640);
	fake_start();
	F.max_write = max_write;
	cr_assert(fsio_write_atomic(target, NEW, strlen(NEW), 0600, &err));
	n = F.nops;
	seq = xreallocarray(NULL, (size_t)n, sizeof *seq);
	memcpy(seq, F.calls, (size_t)n * sizeof *seq);
	assert_content(target, NEW, "recording run");
	rm_flat(dir);
	free(dir);
	free(target);

	for (k = 1; k <= n; k++) {
		const struct fcall *c = &seq[k - 1];

		snprintf(ctx, sizeof ctx, "call %d/%d (op %d, dir %d) %s", k,
		    n, (int)c->op, (int)c->dir, strerror(errnum));
		renamed = false;
		for (j = 0; j < k - 1; j++)
			if (seq[j].op == F_RENAME)
				renamed = true;
		transient = (errnum == EINTR &&
		    (c->op == F_OPEN || c->op == F_WRITE)) ||
		    (errnum == EINVAL && c->op == F_FSYNC && c->dir);

		dir = mktmp();
		target = join(dir, "report.yaml");
		puts_file(target, OLD, 0640);
		fake_start();
		F.max_write = max_write;
		F.fail_at = k;
		F.fail_errno = errnum;
		ok = fsio_write_atomic(target, NEW, strlen(NEW), 0600, &err);
		fsio_set_ops(NULL);

		if (transient) {
			cr_assert(ok, "%s: should have been retried", ctx);
			assert_content(target, NEW, ctx);
		} else {
			cr_assert(!ok, "%s: failure reported as success", ctx);
			assert_err(&err, target,
			    errnum == ENOSPC || errnum == EDQUOT ?
			    "save.nospace" : step_msgid(c, renamed), errnum,
			    ctx);
			assert_content(target, renamed ? NEW : OLD, ctx);
		}
		cr_assert_eq(mode_of(target), 0640, "%s: mode", ctx);
		cr_assert_eq(entries(dir, "report.yaml"), 1, "%s", ctx);
		cr_assert_eq(F.refsync, 0, "%s: fsync retried", ctx);
		err_clear(&err);
		rm_flat(dir);
		free(dir);
		free(target);
	}
	free(seq);
}

/* ---- plain saves */

Test(fsio, new_file_gets_given_mode)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "new.yaml");
	char		*q = join(dir, "other.yaml");
	mode_t		 old = umask(077);

	cr_assert(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_content(p, NEW, "new");
	cr_assert_eq(mode_of(p), 0600);
	/* The umask is not applied: the caller's mode is exact. */
	cr_assert(fsio_write_atomic(q, OLD, strlen(OLD), 0644, &err));
	cr_assert_eq(mode_of(q), 0644);
	cr_assert_null(err.msgid);
	umask(old);
	cr_assert_eq(entries(dir, NULL), 2);
	rm_flat(dir);
	free(p);
	free(q);
	free(dir);
}

Test(fsio, replaces_content_and_keeps_mode)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");

	puts_file(p, OLD, 0640);
	cr_assert(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_content(p, NEW, "save");
	cr_assert_eq(mode_of(p), 0640);
	cr_assert_eq(entries(dir, "report.yaml"), 1);

	/* Again with an unusual mode, and an empty document. */
	cr_assert_eq(chmod(p, 0604), 0);
	cr_assert(fsio_write_atomic(p, "", 0, 0600, &err));
	assert_content(p, "", "empty save");
	cr_assert_eq(mode_of(p), 0604);
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	rm_flat(dir);
	free(p);
	free(dir);
}

Test(fsio, binary_megabyte_round_trip)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "big.bin");
	size_t		 len = 1 << 20, got;
	char		*data = xmalloc(len), *back;
	size_t		 i;

	for (i = 0; i < len; i++)
		data[i] = (char)(i * 7919 % 251);	/* includes NULs */
	cr_assert(fsio_write_atomic(p, data, len, 0600, &err));
	back = fsio_read_file(p, len, &got, &err);
	cr_assert_not_null(back, "%s", err.msgid);
	cr_assert_eq(got, len);
	cr_assert(memcmp(back, data, len) == 0);
	cr_assert_eq(back[len], '\0');
	free(back);
	free(data);
	rm_flat(dir);
	free(p);
	free(dir);
}

/* The exact call sequence of one save: the contract in fsio.h. */
Test(fsio, call_sequence)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");
	char		*prefix = xasprintf("%s/.report.yaml.tmp-%ld-", dir,
			    (long)getpid());
	const int	 want = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
			    O_CLOEXEC;
	const struct fcall *c = F.calls;

	puts_file(p, OLD, 0640);
	fake_start();
	cr_assert(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	cr_assert_eq(F.nops, 9);
	cr_assert_eq(c[0].op, F_OPEN);
	cr_assert_eq(c[0].flags & want, want);
	cr_assert_eq(c[0].flags & O_TRUNC, 0);
	cr_assert_eq(c[0].mode, 0600);
	cr_assert(strncmp(c[0].path, prefix, strlen(prefix)) == 0,
	    "temp name %s", c[0].path);
	cr_assert_eq(c[1].op, F_WRITE);
	cr_assert_eq(c[2].op, F_FCHMOD);
	cr_assert_eq(c[2].mode, 0640);
	cr_assert(c[3].op == F_FSYNC && !c[3].dir);
	cr_assert(c[4].op == F_CLOSE && !c[4].dir);
	cr_assert_eq(c[5].op, F_RENAME);
	cr_assert_str_eq(c[5].path, c[0].path);
	cr_assert_str_eq(c[5].path2, p);
	cr_assert(c[6].op == F_OPEN && c[6].dir);
	cr_assert_str_eq(c[6].path, dir);
	cr_assert_eq(c[6].flags & O_ACCMODE, O_RDONLY);
	cr_assert(c[7].op == F_FSYNC && c[7].dir);
	cr_assert(c[8].op == F_CLOSE && c[8].dir);
	fsio_set_ops(NULL);
	rm_flat(dir);
	free(prefix);
	free(p);
	free(dir);
}

/* The unsynced variant (edit locks): the same steps but no fsync at all,
 * neither the file's nor the folder's; the content is complete, and a
 * failure on the way leaves no temp file and says which step failed. */
Test(fsio, nosync_call_sequence)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "x.lock");
	const struct fcall *c = F.calls;
	int		 i;

	puts_file(p, OLD, 0640);
	fake_start();
	cr_assert(fsio_write_atomic_nosync(p, NEW, strlen(NEW), 0600, &err));
	cr_assert_eq(F.nops, 5);
	cr_assert_eq(c[0].op, F_OPEN);
	cr_assert_eq(c[1].op, F_WRITE);
	cr_assert_eq(c[2].op, F_FCHMOD);
	cr_assert_eq(c[2].mode, 0640);
	cr_assert(c[3].op == F_CLOSE && !c[3].dir);
	cr_assert_eq(c[4].op, F_RENAME);
	cr_assert_str_eq(c[4].path2, p);
	for (i = 0; i < F.nops; i++)
		cr_assert_neq(c[i].op, F_FSYNC);
	assert_content(p, NEW, "nosync");
	for (i = 1; i <= 5; i++) {
		fake_start();
		F.fail_at = i;
		F.fail_errno = ENOSPC;
		cr_assert_not(fsio_write_atomic_nosync(p, OLD, strlen(OLD),
		    0600, &err), "step %d", i);
		cr_assert_str_eq(err.msgid, "save.nospace", "step %d", i);
		err_clear(&err);
		fsio_set_ops(NULL);
		assert_content(p, NEW, "failed nosync");
		cr_assert_eq(entries(dir, NULL), 1, "step %d left a file", i);
	}
	rm_flat(dir);
	free(p);
	free(dir);
}

/* A bare file name: temp and folder sync are relative to ".". */
Test(fsio, relative_path)
{
	struct err	 err = { 0 };
	char		*dir = mktmp();
	char		*prefix = xasprintf(".r.yaml.tmp-%ld-", (long)getpid());

	cr_assert_eq(chdir(dir), 0);
	puts_file("r.yaml", OLD, 0640);
	fake_start();
	cr_assert(fsio_write_atomic("r.yaml", NEW, strlen(NEW), 0600, &err));
	cr_assert(strncmp(F.calls[0].path, prefix, strlen(prefix)) == 0,
	    "temp name %s", F.calls[0].path);
	cr_assert_str_eq(F.calls[6].path, ".");
	fsio_set_ops(NULL);
	assert_content("r.yaml", NEW, "relative");
	cr_assert_eq(chdir("/"), 0);
	rm_flat(dir);
	free(prefix);
	free(dir);
}

/* ---- fault injection at every step (T4, T5, T6) */

Test(fsio, fault_every_step_eio)		{ fault_loop(0, EIO); }
Test(fsio, fault_every_step_enospc)		{ fault_loop(0, ENOSPC); }
Test(fsio, fault_every_step_edquot)		{ fault_loop(0, EDQUOT); }
Test(fsio, fault_every_step_erofs)		{ fault_loop(0, EROFS); }
Test(fsio, fault_every_step_eacces)		{ fault_loop(0, EACCES); }
Test(fsio, fault_every_step_efbig)		{ fault_loop(0, EFBIG); }
/* EINTR is retried for open and write only; EINVAL only on a folder fsync. */
Test(fsio, fault_every_step_eintr)		{ fault_loop(0, EINTR); }
Test(fsio, fault_every_step_einval)		{ fault_loop(0, EINVAL); }
/* Many short writes: every one of them fails in turn. */
Test(fsio, fault_every_step_short_eio)		{ fault_loop(5, EIO); }
Test(fsio, fault_every_step_short_enospc)	{ fault_loop(5, ENOSPC); }

Test(fsio, short_writes_and_eintr)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");
	int		 i, writes = 0;

	puts_file(p, OLD, 0640);
	fake_start();
	F.max_write = 3;
	F.eintr_alt = true;
	cr_assert(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	for (i = 0; i < F.nops; i++)
		writes += F.calls[i].op == F_WRITE;
	/* Each 3-byte write was preceded by an interrupted one. */
	cr_assert_eq(writes, 2 * (((int)strlen(NEW) + 2) / 3));
	fsio_set_ops(NULL);
	assert_content(p, NEW, "short writes");
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	rm_flat(dir);
	free(p);
	free(dir);
}

/* A write that makes no progress means no room, not a loop. */
static ssize_t
write_zero(int fd, const void *buf, size_t n)
{
	(void)fd;
	(void)buf;
	(void)n;
	return (0);
}

Test(fsio, zero_write_is_nospace)
{
	struct fsio_ops	 o = { 0 };
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");

	puts_file(p, OLD, 0640);
	o.write = write_zero;
	fsio_set_ops(&o);
	cr_assert_not(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	fsio_set_ops(NULL);
	assert_err(&err, p, "save.nospace", ENOSPC, "zero write");
	assert_content(p, OLD, "zero write");
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(dir);
}

/* T6: after a failed fsync, no second fsync; the next save starts afresh. */
Test(fsio, failed_fsync_not_retried)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");
	char		 first[PATH_MAX];
	int		 i;

	puts_file(p, OLD, 0640);
	fake_start();
	F.fail_at = 4;		/* open, write, fchmod, fsync */
	F.fail_errno = EIO;
	cr_assert_not(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, p, "save.fsync", EIO, "fsync");
	for (i = 0; i < F.nops; i++)
		cr_assert(F.calls[i].op != F_FSYNC || i == 3,
		    "fsync called again at call %d", i + 1);
	cr_assert_eq(F.refsync, 0);
	assert_content(p, OLD, "after failed fsync");
	snprintf(first, sizeof first, "%s", F.calls[0].path);

	fake_start();
	cr_assert(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	cr_assert_eq(F.calls[0].op, F_OPEN);
	cr_assert_str_neq(F.calls[0].path, first, "temp name reused");
	fsio_set_ops(NULL);
	assert_content(p, NEW, "retry");
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(dir);
}

Test(fsio, folder_fsync_einval_tolerated)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");

	puts_file(p, OLD, 0640);
	fake_start();
	F.dir_einval = true;
	cr_assert(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	cr_assert_null(err.msgid);
	fsio_set_ops(NULL);
	assert_content(p, NEW, "einval");
	rm_flat(dir);
	free(p);
	free(dir);
}

/* ---- read-only folder, taken temp names */

Test(fsio, readonly_folder_injected)
{
	static const int errs[] = { EACCES, EROFS, EPERM };
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");
	char		*q = join(dir, "new.yaml");
	size_t		 i;

	puts_file(p, OLD, 0640);
	for (i = 0; i < sizeof errs / sizeof errs[0]; i++) {
		fake_start();
		F.fail_at = 1;
		F.fail_errno = errs[i];
		cr_assert_not(fsio_write_atomic(p, NEW, strlen(NEW), 0600,
		    &err));
		assert_err(&err, p, "save.open", errs[i], "existing");
		/* Nothing was created, so nothing may be unlinked. */
		cr_assert_eq(F.nops, 1, "%s", strerror(errs[i]));
		F.fail_at = F.nops + 1;
		cr_assert_not(fsio_write_atomic(q, NEW, strlen(NEW), 0600,
		    &err));
		assert_err(&err, q, "save.open", errs[i], "new");
		fsio_set_ops(NULL);
		assert_content(p, OLD, "read-only");
		cr_assert_eq(entries(dir, "report.yaml"), 1);
	}
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(q);
	free(dir);
}

/* Real permissions only bind a non-root user; root is covered above. */
Test(fsio, readonly_folder_real)
{
	struct err	 err = { 0 };
	char		*dir, *p;

	if (geteuid() == 0)
		cr_skip_test("root ignores folder permissions");
	dir = mktmp();
	p = join(dir, "report.yaml");
	puts_file(p, OLD, 0640);
	cr_assert_eq(chmod(dir, 0500), 0);
	cr_assert_not(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, p, "save.open", EACCES, "chmod 0500");
	cr_assert_eq(chmod(dir, 0700), 0);
	assert_content(p, OLD, "read-only");
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(dir);
}

/* Someone else's file at our temp name is skipped and never touched. */
Test(fsio, taken_temp_names_skipped)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");
	DIR		*d;
	struct dirent	*de;
	char		*q;
	int		 strangers = 0;

	puts_file(p, OLD, 0640);
	fake_start();
	F.plant = 2;
	cr_assert(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_content(p, NEW, "third name");
	cr_assert_eq(entries(dir, NULL), 3);

	F.plant = 100000;
	cr_assert_not(fsio_write_atomic(p, OLD, strlen(OLD), 0600, &err));
	assert_err(&err, p, "save.open", EEXIST, "all names taken");
	fsio_set_ops(NULL);
	assert_content(p, NEW, "all names taken");
	cr_assert_not_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, ".report.yaml.tmp-", 17) != 0)
			continue;
		q = join(dir, de->d_name);
		assert_content(q, "stranger", "planted file");
		free(q);
		strangers++;
	}
	closedir(d);
	cr_assert_gt(strangers, 2 + 10);
	cr_assert_eq(entries(dir, NULL), strangers + 1);
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(dir);
}

/* ---- what the target is */

Test(fsio, symlink_target_replaced_link_kept)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *a = join(dir, "a"), *b = join(dir, "b");
	char		*link = join(a, "link.yaml"), *real = join(b, "r.yaml");
	char		 buf[PATH_MAX];
	ssize_t		 n;
	struct stat	 st;

	cr_assert_eq(mkdir(a, 0700), 0);
	cr_assert_eq(mkdir(b, 0700), 0);
	puts_file(real, OLD, 0640);
	cr_assert_eq(symlink("../b/r.yaml", link), 0);
	cr_assert(fsio_write_atomic(link, NEW, strlen(NEW), 0600, &err));
	cr_assert_eq(lstat(link, &st), 0);
	cr_assert(S_ISLNK(st.st_mode), "the link was replaced");
	n = readlink(link, buf, sizeof buf - 1);
	cr_assert_gt(n, 0);
	buf[n] = '\0';
	cr_assert_str_eq(buf, "../b/r.yaml");
	assert_content(real, NEW, "through link");
	cr_assert_eq(mode_of(real), 0640);
	cr_assert_eq(entries(a, "link.yaml"), 1);
	cr_assert_eq(entries(b, "r.yaml"), 1);
	rm_flat(a);
	rm_flat(b);
	cr_assert_eq(rmdir(dir), 0);
	free(a);
	free(b);
	free(link);
	free(real);
	free(dir);
}

Test(fsio, dangling_and_looping_symlinks_refused)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *l1 = join(dir, "dangling.yaml");
	char		*l2 = join(dir, "loop.yaml");
	struct stat	 st;

	cr_assert_eq(symlink("nowhere.yaml", l1), 0);
	cr_assert_eq(symlink("loop.yaml", l2), 0);
	cr_assert_not(fsio_write_atomic(l1, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, l1, "save.open", ENOENT, "dangling");
	cr_assert_eq(lstat(l1, &st), 0);
	cr_assert(S_ISLNK(st.st_mode));
	cr_assert_not(fsio_write_atomic(l2, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, l2, "save.open", ELOOP, "loop");
	cr_assert_eq(entries(dir, NULL), 2);
	err_clear(&err);
	rm_flat(dir);
	free(l1);
	free(l2);
	free(dir);
}

Test(fsio, non_regular_targets_refused, .timeout = 10)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *sub = join(dir, "sub");
	char		*fifo = join(dir, "fifo"), *slash;

	cr_assert_eq(mkdir(sub, 0700), 0);
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_not(fsio_write_atomic(sub, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, sub, "save.not_regular", 0, "folder");
	cr_assert_not(fsio_write_atomic(fifo, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, fifo, "save.not_regular", 0, "fifo");
	cr_assert_not(fsio_write_atomic("/dev/null", "x", 1, 0600, &err));
	assert_err(&err, "/dev/null", "save.not_regular", 0, "device");

	slash = xasprintf("%s/new/", dir);
	cr_assert_not(fsio_write_atomic(slash, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, slash, "save.open", EISDIR, "trailing slash");
	cr_assert_not(fsio_write_atomic("", NEW, strlen(NEW), 0600, &err));
	assert_err(&err, "", "save.open", ENOENT, "empty path");
	cr_assert_eq(entries(dir, NULL), 2);
	cr_assert_eq(entries(sub, NULL), 0);
	cr_assert_eq(rmdir(sub), 0);
	err_clear(&err);
	rm_flat(dir);
	free(slash);
	free(sub);
	free(fifo);
	free(dir);
}

/* ---- real resource limits */

/* T5 on a real full disk: a 64 KiB tmpfs in a private mount namespace. */
Test(fsio, full_tmpfs)
{
	struct err	 err = { 0 };
	char		*dir, *p, *filler, *big, *sbig;
	char		 chunk[4096];
	size_t		 bigsz = 16384;
	ssize_t		 n;
	int		 fd;

	if (geteuid() != 0)
		cr_skip_test("mounting a tmpfs needs root");
	if (unshare(CLONE_NEWNS) == -1 ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
		cr_skip_test("no private mount namespace: %s", strerror(errno));
	dir = mktmp();
	if (mount("tmpfs", dir, "tmpfs", 0, "size=64k") == -1) {
		rmdir(dir);
		free(dir);
		cr_skip_test("mount -t tmpfs not permitted: %s",
		    strerror(errno));
	}
	p = join(dir, "report.yaml");
	filler = join(dir, "filler");
	puts_file(p, OLD, 0640);
	memset(chunk, 'x', sizeof chunk);
	fd = open(filler, O_WRONLY | O_CREAT | O_EXCL, 0600);
	cr_assert(fd != -1);
	while ((n = write(fd, chunk, sizeof chunk)) > 0)
		;
	cr_assert_eq(n, -1);
	cr_assert_eq(errno, ENOSPC);
	cr_assert_eq(close(fd), 0);

	big = xmalloc(bigsz + 1);
	memset(big, 'y', bigsz);
	big[bigsz] = '\0';
	cr_assert_not(fsio_write_atomic(p, big, bigsz, 0600, &err));
	assert_err(&err, p, "save.nospace", ENOSPC, "full tmpfs");
	assert_content(p, OLD, "full tmpfs");
	cr_assert_eq(entries(dir, NULL), 2);

	/* Free space, and the same save succeeds. */
	cr_assert_eq(unlink(filler), 0);
	cr_assert(fsio_write_atomic(p, big, bigsz, 0600, &err));
	sbig = get(p, NULL);
	cr_assert_str_eq(sbig, big);
	cr_assert_eq(mode_of(p), 0640);
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	cr_assert_eq(umount2(dir, 0), 0);
	cr_assert_eq(rmdir(dir), 0);
	err_clear(&err);
	free(sbig);
	free(big);
	free(filler);
	free(p);
	free(dir);
}

/* Runs in a child: one save of 4 KiB under a 1 KiB RLIMIT_FSIZE. */
static int
efbig_child(const char *p)
{
	struct rlimit	 rl = { 1024, 1024 };
	struct err	 err = { 0 };
	char		 big[4096];
	int		 code = 0;

	signal(SIGXFSZ, SIG_IGN);
	if (setrlimit(RLIMIT_FSIZE, &rl) == -1)
		return (9);
	memset(big, 'z', sizeof big);
	if (fsio_write_atomic(p, big, sizeof big, 0600, &err))
		code = 10;
	else if (strcmp(err.msgid, "save.toobig") != 0)
		code = 11;
	else if (err.nargs != 3 || strcmp(err.args[0], p) != 0 ||
	    strcmp(err.args[1], "1024") != 0 || strcmp(err.args[2], "1") != 0)
		code = 12;
	err_clear(&err);
	return (code);
}

Test(fsio, rlimit_fsize_efbig)
{
	char		*dir = mktmp(), *p = join(dir, "report.yaml");
	char		*q = join(dir, "new.yaml");
	pid_t		 pid;
	int		 st;

	puts_file(p, OLD, 0640);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0)
		_exit(efbig_child(p) * 10 + efbig_child(q));
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_assert(WIFEXITED(st), "child died: status %d", st);
	cr_assert_eq(WEXITSTATUS(st), 0, "child code %d", WEXITSTATUS(st));
	assert_content(p, OLD, "EFBIG");
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	rm_flat(dir);
	free(p);
	free(q);
	free(dir);
}

/* ---- fsio_read_file */

Test(fsio, read_regular_and_limits)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "f.txt");
	char		*e = join(dir, "empty"), *buf;
	size_t		 len = 99;

	puts_file(p, "0123456789", 0600);
	puts_file(e, "", 0600);
	buf = fsio_read_file(p, 10, &len, &err);
	cr_assert_not_null(buf);
	cr_assert_eq(len, 10);
	cr_assert_str_eq(buf, "0123456789");
	free(buf);

	cr_assert_null(fsio_read_file(p, 9, &len, &err));
	cr_assert_str_eq(err.msgid, "file.too_big");
	cr_assert_str_eq(err.path, p);
	cr_assert_eq(err.nargs, 1);
	cr_assert_str_eq(err.args[0], "9");

	buf = fsio_read_file(e, 0, &len, &err);
	cr_assert_not_null(buf);
	cr_assert_eq(len, 0);
	cr_assert_str_eq(buf, "");
	free(buf);
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(e);
	free(dir);
}

/* /proc files say size 0 but have content: the growth path. */
Test(fsio, read_file_larger_than_stat_says)
{
	struct err	 err = { 0 };
	size_t		 len = 0;
	char		*buf;

	buf = fsio_read_file("/proc/self/status", 1 << 20, &len, &err);
	cr_assert_not_null(buf, "%s", err.msgid);
	cr_assert_gt(len, 100);
	cr_assert_eq(strlen(buf), len);
	cr_assert(strstr(buf, "Name:") != NULL);
	free(buf);
	cr_assert_null(fsio_read_file("/proc/self/status", 10, &len, &err));
	cr_assert_str_eq(err.msgid, "file.too_big");
	cr_assert_str_eq(err.args[0], "10");
	err_clear(&err);
}

Test(fsio, read_refuses_non_regular, .timeout = 10)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *fifo = join(dir, "fifo");
	const char	*paths[] = { fifo, dir, "/dev/zero" };
	size_t		 len, i;

	cr_assert_eq(mkfifo(fifo, 0600), 0);
	for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		cr_assert_null(fsio_read_file(paths[i], 1 << 20, &len, &err),
		    "%s", paths[i]);
		cr_assert_str_eq(err.msgid, "file.not_regular", "%s",
		    paths[i]);
		cr_assert_str_eq(err.path, paths[i]);
		cr_assert_eq(err.nargs, 0);
	}
	err_clear(&err);
	rm_flat(dir);
	free(fifo);
	free(dir);
}

Test(fsio, read_missing_file)
{
	struct err	 err = { 0 };
	size_t		 len;

	cr_assert_null(fsio_read_file("/nonexistent/nb-fsio", 100, &len,
	    &err));
	cr_assert_str_eq(err.msgid, "file.open");
	cr_assert_str_eq(err.path, "/nonexistent/nb-fsio");
	cr_assert_eq(err.nargs, 1);
	cr_assert_str_eq(err.args[0], strerror(ENOENT));
	err_clear(&err);
}

/* ---- branches the fault loops above do not reach (T17) */

/* A table that replaces one call keeps the real ones for the others. */
static int
rename_exdev(const char *a, const char *b)
{
	(void)a;
	(void)b;
	errno = EXDEV;
	return (-1);
}

Test(fsio, partial_ops_table_keeps_real_calls)
{
	struct fsio_ops	 o = { 0 };
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");

	puts_file(p, OLD, 0640);
	o.rename = rename_exdev;
	fsio_set_ops(&o);
	cr_assert_not(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, p, "save.rename", EXDEV, "rename only");
	/* The real unlink removed the real temp file. */
	assert_content(p, OLD, "rename only");
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	fsio_set_ops(NULL);
	cr_assert(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_content(p, NEW, "real ops again");
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(dir);
}

/* A path through a regular file fails at lstat with ENOTDIR, not ENOENT. */
Test(fsio, path_through_a_file_refused)
{
	struct err	 err = { 0 };
	char		*dir = mktmp(), *f = join(dir, "plain");
	char		*p = join(f, "report.yaml");

	puts_file(f, OLD, 0640);
	cr_assert_not(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, p, "save.open", ENOTDIR, "through a file");
	assert_content(f, OLD, "through a file");
	cr_assert_eq(entries(dir, "plain"), 1);
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(f);
	free(dir);
}

/* A write that claims more than it was given is an I/O error. */
static ssize_t
write_too_much(int fd, const void *buf, size_t n)
{
	(void)fd;
	(void)buf;
	return ((ssize_t)n + 1);
}

Test(fsio, overlong_write_is_eio)
{
	struct fsio_ops	 o = { 0 };
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");

	puts_file(p, OLD, 0640);
	o.write = write_too_much;
	fsio_set_ops(&o);
	cr_assert_not(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	fsio_set_ops(NULL);
	assert_err(&err, p, "save.write", EIO, "overlong write");
	assert_content(p, OLD, "overlong write");
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(dir);
}

/*
 * The folder's fsync and close both fail: the message names the first
 * failure (EIO), not the close's.
 */
static bool
is_dir_fd(int fd)
{
	struct stat	st;

	return (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode));
}

static int
fsync_dir_eio(int fd)
{
	if (is_dir_fd(fd)) {
		errno = EIO;
		return (-1);
	}
	return (fsync(fd));
}

static int
close_dir_ebadf(int fd)
{
	bool	dir = is_dir_fd(fd);

	(void)close(fd);
	if (dir) {
		errno = EBADF;
		return (-1);
	}
	return (0);
}

Test(fsio, folder_sync_reports_first_failure)
{
	struct fsio_ops	 o = { 0 };
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p = join(dir, "report.yaml");

	puts_file(p, OLD, 0640);
	o.fsync = fsync_dir_eio;
	o.close = close_dir_ebadf;
	fsio_set_ops(&o);
	cr_assert_not(fsio_write_atomic(p, NEW, strlen(NEW), 0600, &err));
	assert_err(&err, p, "save.dirsync", EIO, "fsync and close");
	/* The rename happened: the new content is there, but not durable. */
	assert_content(p, NEW, "fsync and close");
	o.fsync = NULL;
	fsio_set_ops(&o);
	cr_assert_not(fsio_write_atomic(p, OLD, strlen(OLD), 0600, &err));
	assert_err(&err, p, "save.dirsync", EBADF, "close only");
	fsio_set_ops(NULL);
	cr_assert_eq(entries(dir, "report.yaml"), 1);
	err_clear(&err);
	rm_flat(dir);
	free(p);
	free(dir);
}

/*
 * A file in "/" syncs "/" itself.  The temp file and the rename are
 * redirected into a scratch folder, so nothing is written to "/".
 */
static char	 root_scratch[PATH_MAX];
static char	 root_dir_opened[PATH_MAX];

static const char *
root_redirect(const char *path, char *buf, size_t size)
{
	if (strncmp(path, "/.nb-fsio-root", 14) == 0 ||
	    strncmp(path, "/nb-fsio-root", 13) == 0) {
		snprintf(buf, size, "%s%s", root_scratch, path);
		return (buf);
	}
	return (path);
}

static int
root_open(const char *path, int flags, mode_t mode)
{
	char	buf[PATH_MAX];

	if (flags & O_DIRECTORY)
		snprintf(root_dir_opened, sizeof root_dir_opened, "%s", path);
	return (open(root_redirect(path, buf, sizeof buf), flags, mode));
}

static int
root_rename(const char *a, const char *b)
{
	char	ba[PATH_MAX], bb[PATH_MAX];

	return (rename(root_redirect(a, ba, sizeof ba),
	    root_redirect(b, bb, sizeof bb)));
}

static int
root_unlink(const char *path)
{
	char	buf[PATH_MAX];

	return (unlink(root_redirect(path, buf, sizeof buf)));
}

Test(fsio, file_in_root_folder_syncs_root)
{
	struct fsio_ops	 o = { 0 };
	struct err	 err = { 0 };
	char		*dir = mktmp(), *p;
	struct stat	 st;

	if (lstat("/nb-fsio-root.yaml", &st) == 0)
		cr_skip_test("/nb-fsio-root.yaml exists");
	snprintf(root_scratch, sizeof root_scratch, "%s", dir);
	o.open = root_open;
	o.rename = root_rename;
	o.unlink = root_unlink;
	fsio_set_ops(&o);
	cr_assert(fsio_write_atomic("/nb-fsio-root.yaml", NEW, strlen(NEW),
	    0600, &err), "%s", err.msgid);
	fsio_set_ops(NULL);
	cr_assert_str_eq(root_dir_opened, "/");
	p = join(dir, "nb-fsio-root.yaml");
	assert_content(p, NEW, "in /");
	cr_assert_eq(mode_of(p), 0600);
	cr_assert_eq(entries(dir, "nb-fsio-root.yaml"), 1);
	cr_assert_neq(lstat("/nb-fsio-root.yaml", &st), 0);
	rm_flat(dir);
	free(p);
	free(dir);
}

/* No limit at all (SIZE_MAX) still reads a file that grows past fstat. */
Test(fsio, read_unlimited_growing_file)
{
	struct err	 err = { 0 };
	size_t		 len = 0;
	char		*buf;

	buf = fsio_read_file("/proc/self/status", SIZE_MAX, &len, &err);
	cr_assert_not_null(buf, "%s", err.msgid);
	cr_assert_gt(len, 100);
	cr_assert_eq(strlen(buf), len);
	cr_assert_eq(strncmp(buf, "Name:", 5), 0);
	free(buf);
}

/* A read(2) error: /proc/self/mem is a regular file whose offset 0 is EIO. */
Test(fsio, read_error_reported)
{
	struct err	 err = { 0 };
	size_t		 len = 0;

	cr_assert_null(fsio_read_file("/proc/self/mem", 1 << 20, &len, &err));
	cr_assert_str_eq(err.msgid, "file.read");
	cr_assert_str_eq(err.path, "/proc/self/mem");
	cr_assert_eq(err.nargs, 1);
	cr_assert_str_eq(err.args[0], strerror(EIO));
	err_clear(&err);
}
