/*
 * A report's place in the private state folder; the layout and the
 * safety rules are in statedir.h.
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
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsio.h"
#include "statedir.h"
#include "xmalloc.h"

#define BASE_MAX	96		/* bytes of the report name kept */

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

/* mkdir -p with mode 0700 for what is missing. */
static bool
mkdirs(const char *path, struct err *err)
{
	char	*p = xstrdup(path), *s, c;
	bool	 ok = true;

	for (s = p + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
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

/* The private folder's path; NULL with *err when there is no home. */
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
	    (unsigned long long)filestamp_hash(abs, strlen(abs)), b);
	free(b);
	return (stem);
}

struct statedir *
statedir_new(const char *path, struct err *err)
{
	struct statedir	*sd;
	char		*abs, *dir, *stem;

	if ((abs = abs_report(path, err)) == NULL)
		return (NULL);
	if ((dir = state_dir(err)) == NULL || !dir_check(dir, err)) {
		free(dir);
		free(abs);
		return (NULL);
	}
	sd = xcalloc(1, sizeof *sd);
	sd->report = abs;
	sd->dir = dir;
	stem = file_stem(abs);
	sd->snap = xasprintf("%s/%s.snap", dir, stem);
	sd->lock = xasprintf("%s/%s.lock", dir, stem);
	procid_self(&sd->self);
	free(stem);
	return (sd);
}

void
statedir_free(struct statedir *sd)
{
	if (sd == NULL)
		return;
	free(sd->report);
	free(sd->dir);
	free(sd->snap);
	free(sd->lock);
	free(sd);
}

const char *
statedir_report_path(const struct statedir *sd)
{
	return (sd->report);
}

const char *
statedir_snapshot_path(const struct statedir *sd)
{
	return (sd->snap);
}

const char *
statedir_lock_path(const struct statedir *sd)
{
	return (sd->lock);
}

const char *
statedir_dir(const struct statedir *sd)
{
	return (sd->dir);
}

const struct procid *
statedir_self(const struct statedir *sd)
{
	return (&sd->self);
}

int
statedir_read(const char *path, size_t max, char **out, size_t *len,
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

bool
statedir_prepare(const char *path, struct err *err)
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

bool
statedir_remove(const char *path, struct err *err)
{
	if (unlink(path) == -1 && errno != ENOENT)
		return (set_errno(err, "recover.remove", path, errno));
	return (true);
}

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
		if (pid == 0 || procid_alive(pid))
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
statedir_clean_temps(struct statedir *sd)
{
	const char	*snap = strrchr(sd->snap, '/') + 1;
	const char	*lock = strrchr(sd->lock, '/') + 1;
	const char	*base = strrchr(sd->report, '/') + 1;
	char		*l[4], *dir;
	const char	*pats[3] = { "tmp-%p-%n", "%n.tmp-%p-%n", "%p" };
	int		 n, i;

	/* fsio's temps of the snapshot and the lock, the lock's own temp
	 * (editlock.c: "<lock>.<pid>"), and fsio's temps of the report. */
	l[0] = xasprintf(".%s.", snap);
	l[1] = xasprintf(".%s.", lock);
	l[2] = xasprintf("%s.", lock);
	l[3] = xasprintf(".%s.", base);
	n = clean_dir(sd->dir, (const char *const *)l, pats, 3);
	dir = base - 1 == sd->report ? xstrdup("/") :
	    xstrndup(sd->report, (size_t)(base - 1 - sd->report));
	n += clean_dir(dir, (const char *const *)&l[3], pats, 1);
	free(dir);
	for (i = 0; i < 4; i++)
		free(l[i]);
	return (n);
}
