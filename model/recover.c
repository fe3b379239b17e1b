/*
 * Recovery snapshots, locks and change stamps; the contract and the file
 * formats are in recover.h.
 *
 * struct recover holds everything resolved once at open (the report's
 * absolute path, the private folder, the snapshot and lock paths, this
 * process's identity) and the bookkeeping of what is already safe: the
 * report generation that equals the report file (clean_gen) and the one
 * the snapshot on disk holds (snap_gen, when have_snap).  A change is
 * pending while the report's generation equals neither of the one that
 * currently counts (the snapshot's when there is one, else the file's).
 *
 * Every file in the private folder is opened with O_NOFOLLOW and checked
 * to be a regular file of ours before it is read; before one is written,
 * lstat checks the same (fsio would follow a symlink) and a wrong mode is
 * reset to 0600.  The folder is 0700 and ours, so nobody but root can
 * swap a file between the check and the write.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsio.h"
#include "recover.h"
#include "sbuf.h"
#include "store.h"
#include "xmalloc.h"
#include "ytree.h"

#define BASE_MAX	96		/* bytes of the report name kept */
#define HEADER_MAX	(64 * 1024)	/* a snapshot's header at most */
#define LOCK_MAX	4096
#define SNAP_HEAD	"# nianbao recovery snapshot; do not edit\n"

struct recover {
	char			*report;	/* absolute path */
	char			*dir;
	char			*snap;
	char			*lock;
	char			*locktmp;	/* written, then linked to lock */
	struct recover_owner	 self;
	struct recover_stamp	 base;
	bool			 locked;
	bool			 have_snap;	/* a snapshot of ours is on disk */
	unsigned long		 snap_gen;
	unsigned long		 clean_gen;
	bool			 tried;		/* last_try is valid */
	long long		 last_try;	/* ms of the last write attempt */
};

/* ---- small helpers ---- */

static uint64_t
fnv64(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 h = UINT64_C(14695981039346656037);

	while (n-- > 0)
		h = (h ^ *s++) * UINT64_C(1099511628211);
	return (h);
}

static bool
set_errno(struct err *err, const char *msgid, const char *path, int e)
{
	err_set(err, path, 0, 0, msgid, 2, path, strerror(e));
	return (false);
}

static bool
unsafe(struct err *err, const char *path)
{
	err_set(err, path, 0, 0, "recover.unsafe", 1, path);
	return (false);
}

/* Appends s with bytes < 0x20, DEL and '%' as %XX (one header line). */
static void
add_escaped(struct sbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '%')
			sbuf_addf(b, "%%%02X", (unsigned char)*s);
		else
			sbuf_addc(b, *s);
	}
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Undoes add_escaped on n bytes of s; newly allocated. */
static char *
unescape(const char *s, size_t n)
{
	char	*out = xmalloc(n + 1), *o = out;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			*o++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else
			*o++ = s[i];
	}
	*o = '\0';
	return (out);
}

/* Copies the first line of a small file into buf (NUL-terminated). */
static bool
read_line_file(const char *path, char *buf, size_t size)
{
	FILE	*f = fopen(path, "re");
	bool	 ok;

	if (f == NULL)
		return (false);
	ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return (ok);
}

/* Field 22 of /proc/PID/stat (start time in clock ticks), or 0. */
static unsigned long long
proc_start(long pid)
{
	char			 path[64], buf[1024], *p;
	unsigned long long	 v = 0;
	int			 i;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (!read_line_file(path, buf, sizeof buf) ||
	    (p = strrchr(buf, ')')) == NULL)
		return (0);
	/* After ")" come field 3 (state) ... field 22 (starttime). */
	for (i = 3; i <= 22 && p != NULL; i++)
		p = strchr(p + 1, ' ');
	if (p != NULL)
		v = strtoull(p + 1, NULL, 10);
	return (v);
}

/* Whether the process has exited and waits to be reaped (state Z or X). */
static bool
proc_zombie(long pid)
{
	char	path[64], buf[1024], *p;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (!read_line_file(path, buf, sizeof buf) ||
	    (p = strrchr(buf, ')')) == NULL || p[1] != ' ')
		return (false);
	return (p[2] == 'Z' || p[2] == 'X' || p[2] == 'x');
}

/*
 * Whether a process with this pid lives (on this host): one that has
 * exited but is not yet reaped holds no report open.
 */
static bool
pid_exists(long pid)
{
	if (pid <= 0 || pid > INT_MAX)
		return (false);
	if (kill((pid_t)pid, 0) != 0 && errno != EPERM)
		return (false);
	return (!proc_zombie(pid));
}

static void
self_identify(struct recover_owner *o)
{
	char	*p;

	memset(o, 0, sizeof *o);
	o->pid = (long)getpid();
	o->start = proc_start(o->pid);
	if (gethostname(o->host, sizeof o->host - 1) != 0)
		o->host[0] = '\0';
	o->host[sizeof o->host - 1] = '\0';
	if (!read_line_file("/proc/sys/kernel/random/boot_id", o->boot,
	    sizeof o->boot))
		o->boot[0] = '\0';
	for (p = o->boot; *p != '\0'; p++)
		if (*p == ' ')
			*p = '\0';
}

/* ---- folders and names ---- */

/* mkdir -p with mode 0700 for what is missing. */
static bool
mkdirs(const char *path, struct err *err)
{
	char	*p = xstrdup(path), *s;
	bool	 ok = true;

	for (s = p + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			ok = set_errno(err, "recover.dir", p, errno);
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return (ok);
}

/* The recovery folder's path; NULL with *err when there is no home. */
static char *
state_dir(struct err *err)
{
	const char	*x = getenv("XDG_STATE_HOME"), *home;
	struct passwd	*pw;

	if (x != NULL && x[0] == '/')
		return (xasprintf("%s/nianbao", x));
	home = getenv("HOME");
	if ((home == NULL || home[0] != '/') &&
	    (pw = getpwuid(geteuid())) != NULL)
		home = pw->pw_dir;
	if (home == NULL || home[0] != '/') {
		err_set(err, NULL, 0, 0, "recover.no_home", 0);
		return (NULL);
	}
	return (xasprintf("%s/.local/state/nianbao", home));
}

/* Creates the folder if needed and checks it is a private folder of ours. */
static bool
dir_check(const char *dir, struct err *err)
{
	struct stat	st;
	int		fd;
	bool		ok = true;

	if (!mkdirs(dir, err))
		return (false);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 && (errno == ELOOP || errno == ENOTDIR))
		goto bad;
	if (fd == -1)
		return (set_errno(err, "recover.dir", dir, errno));
	if (fstat(fd, &st) == -1)
		ok = set_errno(err, "recover.dir", dir, errno);
	else if (st.st_uid != geteuid()) {
		close(fd);
		goto bad;
	} else if ((st.st_mode & 077) != 0 && fchmod(fd, 0700) == -1)
		ok = set_errno(err, "recover.dir", dir, errno);
	close(fd);
	return (ok);
bad:
	err_set(err, dir, 0, 0, "recover.dir_unsafe", 1, dir);
	return (false);
}

/* The report's absolute path: realpath of it, or of its folder + name. */
static char *
abs_report(const char *path, struct err *err)
{
	const char	*slash = strrchr(path, '/'), *base;
	char		*abs, *dir, *d;

	if ((abs = realpath(path, NULL)) != NULL)
		return (abs);
	if (errno != ENOENT)
		return (set_errno(err, "recover.path", path, errno), NULL);
	base = slash != NULL ? slash + 1 : path;
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return (set_errno(err, "recover.path", path, EISDIR), NULL);
	d = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	dir = realpath(d, NULL);
	free(d);
	if (dir == NULL)
		return (set_errno(err, "recover.path", path, errno), NULL);
	abs = xasprintf("%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", base);
	free(dir);
	return (abs);
}

/* "<hash>-<base>" for the absolute report path. */
static char *
file_stem(const char *abs)
{
	const char	*base = strrchr(abs, '/') + 1;
	char		*b = xstrndup(base, strnlen(base, BASE_MAX)), *p, *stem;
	size_t		 n = strlen(b);

	/* Do not cut a UTF-8 character in two. */
	if (strlen(base) > BASE_MAX)
		while (n > 0 && ((unsigned char)b[n] & 0xC0) == 0x80)
			b[--n] = '\0';
	for (p = b; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '_';
	stem = xasprintf("%016llx-%s",
	    (unsigned long long)fnv64(abs, strlen(abs)), b);
	free(b);
	return (stem);
}

struct recover *
recover_new(const char *path, struct err *err)
{
	struct recover	*rc;
	char		*abs, *dir, *stem;

	if ((abs = abs_report(path, err)) == NULL)
		return (NULL);
	if ((dir = state_dir(err)) == NULL || !dir_check(dir, err)) {
		free(dir);
		free(abs);
		return (NULL);
	}
	rc = xcalloc(1, sizeof *rc);
	rc->report = abs;
	rc->dir = dir;
	stem = file_stem(abs);
	rc->snap = xasprintf("%s/%s.snap", dir, stem);
	rc->lock = xasprintf("%s/%s.lock", dir, stem);
	self_identify(&rc->self);
	rc->locktmp = xasprintf("%s.%ld", rc->lock, rc->self.pid);
	free(stem);
	return (rc);
}

void
recover_free(struct recover *rc)
{
	if (rc == NULL)
		return;
	free(rc->report);
	free(rc->dir);
	free(rc->snap);
	free(rc->lock);
	free(rc->locktmp);
	free(rc);
}

const char *
recover_report_path(const struct recover *rc)
{
	return (rc->report);
}

const char *
recover_snapshot_path(const struct recover *rc)
{
	return (rc->snap);
}

const char *
recover_lock_path(const struct recover *rc)
{
	return (rc->lock);
}

const char *
recover_dir(const struct recover *rc)
{
	return (rc->dir);
}

const struct recover_owner *
recover_self(const struct recover *rc)
{
	return (&rc->self);
}

/* ---- private files ---- */

/*
 * Reads a file of ours from the private folder.  Returns 1 with the
 * bytes, 0 when it does not exist, -1 with *err when it is unsafe
 * (symlink, not regular, not ours), too big or unreadable.
 */
static int
private_read(const char *path, size_t max, char **out, size_t *len,
    struct err *err)
{
	struct stat	 st;
	int		 fd;
	struct err	 e = { 0 };

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1 && errno == ENOENT)
		return (0);
	if (fd == -1 && errno == ELOOP)
		return (unsafe(err, path), -1);
	if (fd == -1)
		return (set_errno(err, "recover.read", path, errno), -1);
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid()) {
		close(fd);
		return (unsafe(err, path), -1);
	}
	close(fd);
	/* The path is ours and private: reading it again is safe. */
	if ((*out = fsio_read_file(path, max, len, &e)) == NULL) {
		err_set(err, path, 0, 0, "recover.read", 2, path,
		    e.nargs > 0 ? e.args[0] : e.msgid);
		err_clear(&e);
		return (-1);
	}
	return (1);
}

/* Before writing path in the private folder: refuse what is not ours. */
static bool
private_prepare(const char *path, struct err *err)
{
	struct stat	st;

	if (lstat(path, &st) == -1) {
		if (errno == ENOENT)
			return (true);
		return (set_errno(err, "recover.read", path, errno));
	}
	if (!S_ISREG(st.st_mode) || st.st_uid != geteuid())
		return (unsafe(err, path));
	if ((st.st_mode & 07777) != 0600 && chmod(path, 0600) == -1)
		return (set_errno(err, "recover.read", path, errno));
	return (true);
}

static bool
remove_file(const char *path, struct err *err)
{
	if (unlink(path) == -1 && errno != ENOENT)
		return (set_errno(err, "recover.remove", path, errno));
	return (true);
}

/* ---- stamps ---- */

void
recover_stamp_buf(const char *buf, size_t len, const struct timespec *mtime,
    struct recover_stamp *s)
{
	memset(s, 0, sizeof *s);
	s->exists = true;
	s->size = (off_t)len;
	if (mtime != NULL)
		s->mtime = *mtime;
	s->hash = fnv64(buf, len);
}

bool
recover_stamp_same(const struct recover_stamp *a, const struct recover_stamp *b)
{
	if (a->exists != b->exists)
		return (false);
	return (!a->exists || (a->size == b->size && a->hash == b->hash));
}

/*
 * Reads path for a stamp: 1 with the bytes, 0 when it does not exist
 * (stamp says so), -1 with *err.
 */
static int
stamp_read(const char *path, struct recover_stamp *s, char **buf,
    size_t *len, struct err *err)
{
	struct stat	st;
	int		e;

	memset(s, 0, sizeof *s);
	if (stat(path, &st) == -1) {
		e = errno;
		err_set(err, path, 0, 0, "file.open", 1, strerror(e));
		if (e == ENOENT)
			return (0);
		s->exists = true;
		return (-1);
	}
	s->exists = true;
	if ((*buf = fsio_read_file(path, YTREE_MAX_FILE, len, err)) == NULL)
		return (-1);
	recover_stamp_buf(*buf, *len, &st.st_mtim, s);
	return (1);
}

bool
recover_stamp_file(const char *path, struct recover_stamp *s,
    struct err *err)
{
	char	*buf = NULL;
	size_t	 len;
	int	 r;

	r = stamp_read(path, s, &buf, &len, err);
	free(buf);
	if (r == 0)
		err_clear(err);
	return (r >= 0);
}

struct report *
recover_load(const char *path, struct tpl *const *tpls, size_t ntpls,
    struct recover_stamp *stamp, struct err *err)
{
	struct report	*r;
	char		*buf = NULL;
	size_t		 len;

	if (stamp_read(path, stamp, &buf, &len, err) <= 0)
		return (NULL);
	r = store_parse(buf, len, path, tpls, ntpls, err);
	free(buf);
	return (r);
}

bool
recover_changed(struct recover *rc, bool *changed, struct err *err)
{
	struct recover_stamp	now;

	if (!recover_stamp_file(rc->report, &now, err))
		return (false);
	*changed = !recover_stamp_same(&rc->base, &now);
	return (true);
}

/* ---- snapshots ---- */

void
recover_track(struct recover *rc, const struct report *r,
    const struct recover_stamp *base, bool dirty)
{
	if (base != NULL)
		rc->base = *base;
	rc->have_snap = dirty;
	rc->snap_gen = rc->clean_gen = report_generation(r);
	if (dirty)
		rc->clean_gen = rc->snap_gen - 1;
	rc->tried = false;
}

bool
recover_pending(const struct recover *rc, const struct report *r)
{
	return (report_generation(r) !=
	    (rc->have_snap ? rc->snap_gen : rc->clean_gen));
}

long
recover_due(const struct recover *rc, const struct report *r,
    long long now_ms)
{
	long long	elapsed;

	if (!recover_pending(rc, r))
		return (-1);
	if (!rc->tried)
		return (0);
	elapsed = now_ms - rc->last_try;
	if (elapsed >= RECOVER_INTERVAL_MS || elapsed < 0)
		return (0);
	return ((long)(RECOVER_INTERVAL_MS - elapsed));
}

static void
add_stamp(struct sbuf *b, const struct recover_stamp *s)
{
	sbuf_addf(b, "%d %lld %lld.%09ld %016llx\n", s->exists ? 1 : 0,
	    (long long)s->size, (long long)s->mtime.tv_sec,
	    (long)s->mtime.tv_nsec, (unsigned long long)s->hash);
}

/* The whole snapshot: header lines, then the report's YAML. */
static char *
snapshot_text(const struct recover *rc, const char *body, size_t *len)
{
	struct sbuf	b;
	struct timespec	now;
	size_t		blen = strlen(body);

	clock_gettime(CLOCK_REALTIME, &now);
	sbuf_init(&b);
	sbuf_adds(&b, SNAP_HEAD "#@ version 1\n#@ report ");
	add_escaped(&b, rc->report);
	sbuf_addf(&b, "\n#@ pid %ld\n#@ start %llu\n#@ host ", rc->self.pid,
	    rc->self.start);
	add_escaped(&b, rc->self.host);
	sbuf_adds(&b, "\n#@ boot ");
	add_escaped(&b, rc->self.boot[0] != '\0' ? rc->self.boot : "-");
	sbuf_addf(&b, "\n#@ time %lld.%09ld\n#@ base ",
	    (long long)now.tv_sec, now.tv_nsec);
	add_stamp(&b, &rc->base);
	sbuf_addf(&b, "#@ body %zu %016llx\n", blen,
	    (unsigned long long)fnv64(body, blen));
	sbuf_add(&b, body, blen);
	*len = b.len;
	return (sbuf_take(&b));
}

bool
recover_write(struct recover *rc, const struct report *r, long long now_ms,
    struct err *err)
{
	unsigned long	 gen = report_generation(r);
	char		*body, *text;
	size_t		 len;
	bool		 ok;

	rc->tried = true;
	rc->last_try = now_ms;
	if (!private_prepare(rc->snap, err))
		return (false);
	body = store_dump(r);
	text = snapshot_text(rc, body, &len);
	free(body);
	ok = fsio_write_atomic(rc->snap, text, len, 0600, err);
	free(text);
	if (ok) {
		rc->have_snap = true;
		rc->snap_gen = gen;
	}
	return (ok);
}

bool
recover_saved(struct recover *rc, const struct report *r, struct err *err)
{
	struct recover_stamp	s;
	struct err		e = { 0 };
	bool			ok = true;

	rc->clean_gen = report_generation(r);
	rc->have_snap = false;
	if (recover_stamp_file(rc->report, &s, &e))
		rc->base = s;
	else {
		err_move(err, &e);
		ok = false;
	}
	if (!remove_file(rc->snap, &e)) {
		err_move(err, &e);
		ok = false;
	}
	return (ok);
}

bool
recover_discard(struct recover *rc, struct err *err)
{
	rc->have_snap = false;
	return (remove_file(rc->snap, err));
}

/* ---- reading a snapshot ---- */

/* A snapshot's header, as parsed. */
struct header {
	char			*report;
	struct recover_owner	 owner;
	struct timespec		 time;
	struct recover_stamp	 base;
	size_t			 body_len;
	uint64_t		 body_hash;
	unsigned		 seen;		/* bit per key in hkeys[] */
};

static const char *const hkeys[] = {
	"version", "report", "pid", "start", "host", "boot", "time", "base",
	"body", NULL
};

/* Decimal digits only; *s moves past them.  False on none or overflow. */
static bool
parse_ull(const char **s, unsigned long long *v)
{
	const char	*p = *s;

	*v = 0;
	if (*p < '0' || *p > '9')
		return (false);
	for (; *p >= '0' && *p <= '9'; p++) {
		if (*v > (ULLONG_MAX - 9) / 10)
			return (false);
		*v = *v * 10 + (unsigned long long)(*p - '0');
	}
	*s = p;
	return (true);
}

static bool
parse_time(const char **s, struct timespec *ts)
{
	unsigned long long	sec, nsec;

	if (!parse_ull(s, &sec) || **s != '.' || sec > LLONG_MAX)
		return (false);
	(*s)++;
	if (!parse_ull(s, &nsec) || nsec > 999999999)
		return (false);
	ts->tv_sec = (time_t)sec;
	ts->tv_nsec = (long)nsec;
	return (true);
}

static bool
parse_hash(const char **s, uint64_t *h)
{
	const char	*p = *s;
	int		 i, d;

	*h = 0;
	for (i = 0; i < 16; i++, p++) {
		if ((d = hexval(*p)) < 0)
			return (false);
		*h = *h << 4 | (uint64_t)d;
	}
	*s = p;
	return (true);
}

/* "exists size mtime hash" */
static bool
parse_stamp(const char *v, struct recover_stamp *s)
{
	unsigned long long	ex, size;

	memset(s, 0, sizeof *s);
	if (!parse_ull(&v, &ex) || ex > 1 || *v++ != ' ' ||
	    !parse_ull(&v, &size) || size > (unsigned long long)INT64_MAX ||
	    *v++ != ' ' || !parse_time(&v, &s->mtime) || *v++ != ' ' ||
	    !parse_hash(&v, &s->hash))
		return (false);
	s->exists = ex == 1;
	s->size = (off_t)size;
	return (*v == '\0');
}

/* One "key value" of the header (value NUL-terminated, still escaped). */
static bool
header_field(struct header *h, int k, const char *v)
{
	unsigned long long	 n;
	char			*s;

	switch (k) {
	case 0:
		return (strcmp(v, "1") == 0);
	case 1:
		free(h->report);
		h->report = unescape(v, strlen(v));
		return (true);
	case 2:
		if (!parse_ull(&v, &n) || n == 0 || n > INT_MAX)
			return (false);
		h->owner.pid = (long)n;
		return (*v == '\0');
	case 3:
		return (parse_ull(&v, &h->owner.start) && *v == '\0');
	case 4:
	case 5:
		s = unescape(v, strlen(v));
		if (k == 5 && strcmp(s, "-") == 0)
			*s = '\0';
		snprintf(k == 4 ? h->owner.host : h->owner.boot,
		    k == 4 ? sizeof h->owner.host : sizeof h->owner.boot,
		    "%s", s);
		free(s);
		return (true);
	case 6:
		return (parse_time(&v, &h->time) && *v == '\0');
	case 7:
		return (parse_stamp(v, &h->base));
	default:
		if (!parse_ull(&v, &n) || n > SIZE_MAX || *v++ != ' ' ||
		    !parse_hash(&v, &h->body_hash))
			return (false);
		h->body_len = (size_t)n;
		return (*v == '\0');
	}
}

/*
 * Parses the header at the start of buf; *body is where the report
 * starts.  False with *line set to the offending line (0: the body does
 * not match its length or hash).
 */
static bool
header_parse(const char *buf, size_t len, struct header *h, size_t *body,
    int *line)
{
	const char	*eol, *sp;
	char		*l;
	size_t		 off = 0;
	int		 k;
	bool		 ok;

	memset(h, 0, sizeof *h);
	*line = 1;
	if (len < sizeof SNAP_HEAD - 1 ||
	    memcmp(buf, SNAP_HEAD, sizeof SNAP_HEAD - 1) != 0)
		return (false);
	for (off = sizeof SNAP_HEAD - 1; off < len && buf[off] == '#';
	    off = (size_t)(eol - buf) + 1) {
		(*line)++;
		if ((eol = memchr(buf + off, '\n', len - off)) == NULL ||
		    off > HEADER_MAX)
			return (false);
		l = xstrndup(buf + off, (size_t)(eol - buf) - off);
		ok = strncmp(l, "#@ ", 3) == 0 && (sp = strchr(l + 3, ' '));
		for (k = 0; ok && hkeys[k] != NULL; k++)
			if ((size_t)(sp - l - 3) == strlen(hkeys[k]) &&
			    strncmp(l + 3, hkeys[k], strlen(hkeys[k])) == 0)
				break;
		ok = ok && hkeys[k] != NULL && header_field(h, k, sp + 1);
		free(l);
		if (!ok)
			return (false);
		h->seen |= 1u << k;
	}
	*body = off;
	if (h->seen != (1u << 9) - 1) {
		(*line)++;
		return (false);
	}
	*line = 0;
	return (h->body_len == len - off &&
	    h->body_hash == fnv64(buf + off, len - off));
}

/* ---- comparing ---- */

static bool
same_value(bool ha, struct report_value a, bool hb, struct report_value b)
{
	if (ha != hb)
		return (false);
	if (!ha || a.state != b.state)
		return (!ha);
	return (a.state != RV_SET || (a.n.v == b.n.v && a.n.dp == b.n.dp));
}

static void
diff_add(struct recover_found *f, enum recover_diff_kind kind, int sec,
    int cell)
{
	/* Grow at powers of two. */
	if ((f->ndiffs & (f->ndiffs - 1)) == 0)
		f->diffs = xreallocarray(f->diffs, f->ndiffs ? f->ndiffs * 2 : 1,
		    sizeof *f->diffs);
	f->diffs[f->ndiffs].kind = kind;
	f->diffs[f->ndiffs].section = sec;
	f->diffs[f->ndiffs++].cell = cell;
}

/* Compares one cell in the three places a value can be. */
static void
diff_cell(struct recover_found *f, const struct report *a,
    const struct report *b, int c, int sec)
{
	struct report_value	va, vb;
	bool			ha, hb;

	if (!tpl_cell_computed(report_tpl(a), c)) {
		if (!same_value(true, report_value(a, c), true,
		    report_value(b, c)))
			diff_add(f, RECOVER_D_CELL, sec, c);
	} else {
		ha = report_published(a, c, &va);
		hb = report_published(b, c, &vb);
		if (!same_value(ha, va, hb, vb))
			diff_add(f, RECOVER_D_PUBLISHED, sec, c);
	}
	/* Last year's values: input and computed cells alike. */
	ha = report_prev_value(a, c, &va);
	hb = report_prev_value(b, c, &vb);
	if (!same_value(ha, va, hb, vb))
		diff_add(f, RECOVER_D_PREVIOUS, sec, c);
}

/* Fills f->diffs and f->secs: snapshot a against file b. */
static void
diff_reports(struct recover_found *f, const struct report *a,
    const struct report *b)
{
	const struct tpl	*t = report_tpl(a);
	size_t			 i, *ncells;
	bool			*text;
	int			 sec;

	if (report_tpl(b) != t) {
		diff_add(f, RECOVER_D_TEMPLATE, -1, -1);
		return;
	}
	if (strcmp(report_organ(a), report_organ(b)) != 0)
		diff_add(f, RECOVER_D_ORGAN, -1, -1);
	if (report_year(a) != report_year(b))
		diff_add(f, RECOVER_D_YEAR, -1, -1);
	text = xcalloc(t->nsections + 1, sizeof *text);
	ncells = xcalloc(t->nsections + 1, sizeof *ncells);
	for (i = 0; i < t->nsections; i++)
		if (strcmp(report_text(a, (int)i), report_text(b, (int)i))) {
			diff_add(f, RECOVER_D_TEXT, (int)i, -1);
			text[i] = true;
		}
	for (i = 0; i < t->ncells; i++) {
		size_t n = f->ndiffs;

		sec = t->tables[t->blocks[t->cells[i].block].table].section;
		diff_cell(f, a, b, (int)i, sec);
		ncells[sec] += f->ndiffs - n;
	}
	f->secs = xcalloc(t->nsections + 1, sizeof *f->secs);
	for (i = 0; i < t->nsections; i++)
		if (text[i] || ncells[i] > 0) {
			f->secs[f->nsecs].section = (int)i;
			f->secs[f->nsecs].text = text[i];
			f->secs[f->nsecs++].ncells = ncells[i];
		}
	free(text);
	free(ncells);
}

static int
ts_cmp(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return (a->tv_sec < b->tv_sec ? -1 : 1);
	if (a->tv_nsec != b->tv_nsec)
		return (a->tv_nsec < b->tv_nsec ? -1 : 1);
	return (0);
}

/* Loads the report file into f and compares the snapshot with it. */
static void
found_compare(struct recover *rc, struct recover_found *f,
    struct tpl *const *tpls, size_t ntpls)
{
	struct report	*empty = NULL;

	f->file = recover_load(rc->report, tpls, ntpls, &f->file_stamp,
	    &f->file_err);
	if (f->file == NULL && !f->file_stamp.exists)
		err_clear(&f->file_err);
	if (f->file == NULL)
		empty = report_new(report_tpl(f->snap));
	diff_reports(f, f->snap, f->file != NULL ? f->file : empty);
	report_free(empty);
	f->who = recover_owner_check(rc, &f->owner);
	f->newer = !f->file_stamp.exists ||
	    ts_cmp(&f->time, &f->file_stamp.mtime) > 0;
	f->base_changed = !recover_stamp_same(&f->base, &f->file_stamp);
}

enum recover_find_result
recover_find(struct recover *rc, struct tpl *const *tpls, size_t ntpls,
    struct recover_found **out, struct err *err)
{
	struct recover_found	*f;
	struct header		 h;
	char			*buf;
	size_t			 len, body;
	int			 line;

	*out = NULL;
	switch (private_read(rc->snap, YTREE_MAX_FILE + HEADER_MAX, &buf,
	    &len, err)) {
	case 0:
		return (RECOVER_NONE);
	case -1:
		return (RECOVER_ERROR);
	}
	if (!header_parse(buf, len, &h, &body, &line) ||
	    strcmp(h.report, rc->report) != 0) {
		err_set(err, rc->snap, line, 0, "recover.corrupt", 1, rc->snap);
		free(h.report);
		free(buf);
		return (RECOVER_ERROR);
	}
	f = xcalloc(1, sizeof *f);
	f->report = h.report;
	f->owner = h.owner;
	f->time = h.time;
	f->base = h.base;
	f->snap = store_parse(buf + body, len - body, rc->snap, tpls, ntpls,
	    err);
	free(buf);
	if (f->snap == NULL) {
		recover_found_free(f);
		return (RECOVER_ERROR);
	}
	found_compare(rc, f, tpls, ntpls);
	/* A stale copy of what the file holds: nothing to recover. */
	if (f->ndiffs == 0 && f->file != NULL && f->who != RECOVER_ALIVE &&
	    f->who != RECOVER_ELSEWHERE) {
		recover_found_free(f);
		return (remove_file(rc->snap, err) ? RECOVER_NONE :
		    RECOVER_ERROR);
	}
	*out = f;
	return (RECOVER_FOUND);
}

struct report *
recover_found_take_snap(struct recover_found *f)
{
	struct report	*r = f->snap;

	f->snap = NULL;
	return (r);
}

struct report *
recover_found_take_file(struct recover_found *f)
{
	struct report	*r = f->file;

	f->file = NULL;
	return (r);
}

void
recover_found_free(struct recover_found *f)
{
	if (f == NULL)
		return;
	free(f->report);
	report_free(f->snap);
	report_free(f->file);
	err_clear(&f->file_err);
	free(f->diffs);
	free(f->secs);
	free(f);
}

/* ---- locks ---- */

char *
recover_owner_format(const struct recover_owner *o, const char *report)
{
	struct sbuf	b;

	sbuf_init(&b);
	sbuf_addf(&b, "nianbao-lock 1\npid %ld\nstart %llu\nhost ", o->pid,
	    o->start);
	add_escaped(&b, o->host);
	sbuf_adds(&b, "\nboot ");
	add_escaped(&b, o->boot[0] != '\0' ? o->boot : "-");
	sbuf_adds(&b, "\nreport ");
	add_escaped(&b, report != NULL ? report : "");
	sbuf_addc(&b, '\n');
	return (sbuf_take(&b));
}

bool
recover_owner_parse(const char *text, size_t len, struct recover_owner *o)
{
	struct header	 h;
	const char	*p = text, *end = text + len, *eol, *sp;
	char		*l;
	bool		 ok = true, magic = false;
	unsigned	 seen = 0;
	int		 k;

	memset(&h, 0, sizeof h);
	for (; ok && p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		l = xstrndup(p, (size_t)(eol - p));
		if ((sp = strchr(l, ' ')) == NULL)
			ok = false;
		else if (strncmp(l, "nianbao-lock ", 13) == 0)
			ok = magic = strcmp(sp + 1, "1") == 0;
		else if (strncmp(l, "report ", 7) != 0) {
			/* pid, start, host, boot: as in a snapshot header. */
			for (k = 2; k <= 5; k++)
				if ((size_t)(sp - l) == strlen(hkeys[k]) &&
				    strncmp(l, hkeys[k], (size_t)(sp - l)) == 0)
					break;
			ok = k <= 5 && memchr(p, '\0', (size_t)(eol - p)) ==
			    NULL && header_field(&h, k, sp + 1);
			seen |= 1u << k;
		}
		free(l);
	}
	free(h.report);
	if (!ok || !magic || (seen & (1u << 2 | 1u << 4)) !=
	    (1u << 2 | 1u << 4))
		return (false);
	*o = h.owner;
	return (true);
}

enum recover_who
recover_owner_check(const struct recover *rc, const struct recover_owner *o)
{
	unsigned long long	start;

	if (o->pid <= 0)
		return (RECOVER_GARBLED);
	if (strcmp(o->host, rc->self.host) != 0)
		return (RECOVER_ELSEWHERE);
	if (o->boot[0] != '\0' && rc->self.boot[0] != '\0' &&
	    strcmp(o->boot, rc->self.boot) != 0)
		return (RECOVER_REBOOTED);
	if (o->pid == rc->self.pid &&
	    (o->start == 0 || o->start == rc->self.start))
		return (RECOVER_SELF);
	if (o->pid == rc->self.pid || !pid_exists(o->pid))
		return (RECOVER_DEAD);
	/* The pid exists; is it still the process that wrote the record? */
	if (o->start != 0 && (start = proc_start(o->pid)) != 0 &&
	    start != o->start)
		return (RECOVER_DEAD);
	return (RECOVER_ALIVE);
}

/* Reads the lock record: 1 (o and who set), 0 none, -1 with *err. */
static int
lock_read(struct recover *rc, struct recover_owner *o, enum recover_who *who,
    struct err *err)
{
	char	*buf;
	size_t	 len;
	int	 r;

	memset(o, 0, sizeof *o);
	if ((r = private_read(rc->lock, LOCK_MAX, &buf, &len, err)) <= 0)
		return (r);
	if (recover_owner_parse(buf, len, o))
		*who = recover_owner_check(rc, o);
	else {
		memset(o, 0, sizeof *o);
		*who = RECOVER_GARBLED;
	}
	free(buf);
	return (1);
}

/*
 * One attempt: write our record beside the lock, link it into place
 * (which fails if a lock exists), else look at the existing one and
 * replace it when it is stale or force is set.  Returns -1 to try again.
 */
static int
lock_try(struct recover *rc, bool force, const char *text,
    struct recover_owner *o, enum recover_who *who, struct err *err)
{
	struct recover_owner	 now;
	enum recover_who	 w;
	int			 e, r;

	if (!private_prepare(rc->locktmp, err) ||
	    !fsio_write_atomic(rc->locktmp, text, strlen(text), 0600, err))
		return (RECOVER_LOCK_FAILED);
	if (link(rc->locktmp, rc->lock) == 0)
		return (RECOVER_LOCKED);
	/* Some file systems have no hard links: then rename, racily. */
	if ((e = errno) != EEXIST && e != EPERM && e != EOPNOTSUPP &&
	    e != ENOSYS)
		return (set_errno(err, "recover.lock", rc->lock, e),
		    RECOVER_LOCK_FAILED);
	if ((r = lock_read(rc, o, who, err)) < 0)
		return (RECOVER_LOCK_FAILED);
	if (r == 0 && e == EEXIST)
		return (-1);
	if (r == 1 && *who == RECOVER_SELF)
		return (RECOVER_LOCKED);
	if (r == 1 && !force && (*who == RECOVER_ALIVE ||
	    *who == RECOVER_ELSEWHERE))
		return (RECOVER_BUSY);
	if (rename(rc->locktmp, rc->lock) == -1)
		return (set_errno(err, "recover.lock", rc->lock, errno),
		    RECOVER_LOCK_FAILED);
	/* Someone may have replaced it at the same instant: look again. */
	if ((r = lock_read(rc, &now, &w, err)) < 0)
		return (RECOVER_LOCK_FAILED);
	return (r == 1 && w == RECOVER_SELF ? RECOVER_LOCKED : -1);
}

enum recover_lock_result
recover_lock(struct recover *rc, bool force, struct recover_owner *holder,
    enum recover_who *whop, struct err *err)
{
	struct recover_owner	 o;
	enum recover_who	 who = RECOVER_NOBODY;
	struct err		 e = { 0 };
	char			*text;
	int			 tries, r = -1;

	memset(&o, 0, sizeof o);
	text = recover_owner_format(&rc->self, rc->report);
	for (tries = 0; tries < 5 && r == -1; tries++)
		r = lock_try(rc, force, text, &o, &who, &e);
	(void)unlink(rc->locktmp);
	free(text);
	if (r == -1) {
		set_errno(&e, "recover.lock", rc->lock, EAGAIN);
		r = RECOVER_LOCK_FAILED;
	}
	if (r == RECOVER_LOCK_FAILED)
		err_move(err, &e);
	err_clear(&e);
	rc->locked = r == RECOVER_LOCKED;
	if (holder != NULL)
		*holder = o;
	if (whop != NULL)
		*whop = who;
	return ((enum recover_lock_result)r);
}

void
recover_unlock(struct recover *rc)
{
	struct recover_owner	o;
	enum recover_who	who;
	struct err		e = { 0 };

	if (!rc->locked)
		return;
	rc->locked = false;
	if (lock_read(rc, &o, &who, &e) == 1 && who == RECOVER_SELF)
		(void)unlink(rc->lock);
	err_clear(&e);
}

/* ---- leftovers of dead processes ---- */

/*
 * Matches name against lit followed by pat, where in pat "%p" is the pid
 * (digits) and "%n" any digits.  Returns the pid, or 0.
 */
static long
temp_match(const char *name, const char *lit, const char *pat)
{
	size_t		 n = strlen(lit);
	long		 pid = 0, v;
	const char	*s = name + n;

	if (strncmp(name, lit, n) != 0)
		return (0);
	for (; *pat != '\0'; pat++) {
		if (*pat != '%') {
			if (*s++ != *pat)
				return (0);
			continue;
		}
		if (*s < '0' || *s > '9')
			return (0);
		for (v = 0; *s >= '0' && *s <= '9'; s++)
			v = v > INT_MAX ? v : v * 10 + (*s - '0');
		if (*++pat == 'p')
			pid = v;
	}
	return (*s == '\0' && pid <= INT_MAX ? pid : 0);
}

/* Removes dir's entries matching one of the n (lit, pat) pairs. */
static int
clean_dir(const char *dir, const char *const *lits, const char *const *pats,
    int n)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		*path;
	long		 pid;
	int		 i, removed = 0;

	if ((d = opendir(dir)) == NULL)
		return (0);
	while ((de = readdir(d)) != NULL) {
		for (i = 0, pid = 0; i < n && pid == 0; i++)
			pid = temp_match(de->d_name, lits[i], pats[i]);
		if (pid == 0 || pid_exists(pid))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && unlink(path) == 0)
			removed++;
		free(path);
	}
	closedir(d);
	return (removed);
}

int
recover_clean_temps(struct recover *rc)
{
	const char	*snap = strrchr(rc->snap, '/') + 1;
	const char	*lock = strrchr(rc->lock, '/') + 1;
	const char	*base = strrchr(rc->report, '/') + 1;
	char		*l[4], *dir;
	const char	*pats[3] = { "tmp-%p-%n", "%n.tmp-%p-%n", "%p" };
	int		 n;

	l[0] = xasprintf(".%s.", snap);
	l[1] = xasprintf(".%s.", lock);
	l[2] = xasprintf("%s.", lock);
	l[3] = xasprintf(".%s.", base);
	n = clean_dir(rc->dir, (const char *const *)l, pats, 3);
	dir = base - 1 == rc->report ? xstrdup("/") :
	    xstrndup(rc->report, (size_t)(base - 1 - rc->report));
	n += clean_dir(dir, (const char *const *)&l[3], pats, 1);
	free(dir);
	free(l[0]);
	free(l[1]);
	free(l[2]);
	free(l[3]);
	return (n);
}
