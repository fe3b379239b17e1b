/*
 * Bad input (T9, T10, issue 6 "Bad input"): every file of the corpus in
 * tests/data/bad/ (see make.sh there and EXPECTED) and the inputs made at
 * test time (100 MB sparse, 20 MB, 10^6 brackets and dashes, a 1 MiB
 * scalar, too many nodes, a folder, a FIFO, symlinks to /dev/zero and
 * /dev/null, a socket, missing, unreadable, looping and over-long paths,
 * a read-only file system) is given to the real binary.
 *
 * For each: `nianbao --lang en check FILE` exits 2 within a time limit,
 * without a crash or a sanitizer report, and its first line on stderr is
 * exactly "nianbao: FILE[:LINE:COL]: MESSAGE" where MESSAGE is the English
 * text of the expected message id with any argument text in the places of
 * {0}..{3} (and contains the expected fragment).  Nothing it prints holds
 * a control character other than a newline.  `nianbao set FILE organ=x`
 * is refused too and leaves the file byte for byte as it was.
 *
 * The binary runs in a child with an alarm (kept across exec), so a hang
 * is a failure, not a stuck suite.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "sbuf.h"
#include "testutil.h"
#include "xmalloc.h"

#define BAD_DIR		NB_SOURCE_DIR "/tests/data/bad"
#define DATADIR		NB_BUILD_DIR "/share/nianbao"
#define TIME_LIMIT	10	/* seconds before the child is killed */
#define SLOW		2.0	/* CPU seconds: T9 says 1 s; ASan doubles it */

#define H		"nianbao: 1\ntemplate: gb2021\n"

struct run {
	int	 status;	/* exit code, or 128 + signal */
	char	*out;
	char	*err;
	double	 secs;
};

/* ---- running the binary ---- */

static char *
drain(int fd)
{
	struct sbuf	b;
	char		buf[8192];
	ssize_t		n;

	sbuf_init(&b);
	while ((n = read(fd, buf, sizeof buf)) > 0 || (n == -1 &&
	    errno == EINTR))
		if (n > 0)
			sbuf_add(&b, buf, (size_t)n);
	close(fd);
	return (sbuf_take(&b));
}


/*
 * Runs NB_BIN --lang en ARGS (NULL-terminated).  uid >= 0: as that user
 * (root only).  Reads stdout to the end before stderr: both are small.
 */
static void
run(struct run *r, int uid, const char *const *args)
{
	int		 out[2], err[2], st, n;
	const char	*argv[16];
	char		*gcov = NULL;
	pid_t		 pid;
	struct rusage	 ru;

	argv[0] = NB_BIN;
	argv[1] = "--lang";
	argv[2] = "en";
	for (n = 0; args[n] != NULL && n < 12; n++)
		argv[3 + n] = args[n];
	argv[3 + n] = NULL;
	/*
	 * A coverage build (.ci/coverage) writes its counts at exit; as
	 * another user it could not write the build tree's .gcda files and
	 * would say so on stderr, so they go to a folder that user owns.
	 */
	if (uid >= 0) {
		gcov = tu_tmpdir();
		cr_assert_eq(chown(gcov, (uid_t)uid, (gid_t)uid), 0);
	}
	cr_assert(pipe(out) == 0 && pipe(err) == 0);
	if ((pid = fork()) == 0) {
		int devnull = open("/dev/null", O_RDONLY);

		dup2(devnull, 0);
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(out[0]);
		close(err[0]);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("LC_ALL");
		if (gcov != NULL)
			setenv("GCOV_PREFIX", gcov, 1);
		if (uid >= 0 && (setgroups(0, NULL) != 0 ||
		    setgid((gid_t)uid) != 0 || setuid((uid_t)uid) != 0))
			_exit(126);
		alarm(TIME_LIMIT);	/* survives exec */
		execv(NB_BIN, (char *const *)argv);
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	r->out = drain(out[0]);
	r->err = drain(err[0]);
	/* Its CPU time, not the wall clock: a loaded machine (or a coverage
	 * build) stretches the wall, not the work; a hang meets alarm(). */
	wait4(pid, &st, 0, &ru);
	r->secs = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	if (gcov != NULL) {
		tu_rmtree(gcov);
		free(gcov);
	}
}

static void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* ---- what a message must look like ---- */

/*
 * The English pattern of msgid cut at its placeholders into pieces[];
 * returns how many.  False-ish (0) when the bundle has no such message.
 */
static size_t
pattern_pieces(struct i18n *i, const char *msgid, char **pieces, size_t max)
{
	static const char *const marks[] = { "\001", "\001", "\001", "\001" };
	char	*s = i18n_fmt(i, msgid, 4, marks), *p, *q;
	size_t	 n = 0;

	if (strncmp(s, msgid, strlen(msgid)) == 0) {
		free(s);
		return (0);
	}
	for (p = s; n < max; p = q + 1) {
		q = strchr(p, '\001');
		pieces[n++] = q ? xstrndup(p, (size_t)(q - p)) : xstrdup(p);
		if (q == NULL)
			break;
	}
	free(s);
	return (n);
}

/* Whether msg is pieces[0] ANY pieces[1] ANY ... pieces[n-1], exactly. */
static bool
glob_pieces(const char *msg, char **pieces, size_t n)
{
	size_t		 len = strlen(msg), k, last;
	const char	*p = msg, *hit;

	if (strncmp(p, pieces[0], strlen(pieces[0])) != 0)
		return (false);
	p += strlen(pieces[0]);
	if (n == 1)
		return (*p == '\0');
	for (k = 1; k + 1 < n; k++) {
		if ((hit = strstr(p, pieces[k])) == NULL)
			return (false);
		p = hit + strlen(pieces[k]);
	}
	last = strlen(pieces[n - 1]);
	return ((size_t)(msg + len - p) >= last &&
	    strcmp(msg + len - last, pieces[n - 1]) == 0);
}

/*
 * First control byte other than '\n' and '\t' (text export separates
 * table columns with tabs) in s, or NULL: ESC, BEL, CR, DEL and C1
 * controls (U+0080..U+009F) must never reach a terminal.
 */
static const char *
find_control(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	for (; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f ||
		    (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return ((const char *)p);
	return (NULL);
}

struct expect {
	char	*name;		/* what the failure messages call it */
	char	*path;
	char	*msgid;		/* "ok": must load */
	int	 line;
	int	 col;
	char	*frag;		/* "" for none */
};

/*
 * Checks one `check` run against e; cr_expect so that every file is
 * reported.  Returns whether it passed.
 */
static bool
verify(struct i18n *i18n, const struct expect *e, const struct run *r)
{
	char		*pieces[8], *prefix, *line, *nl;
	const char	*bad;
	size_t		 n, k;
	bool		 ok = true;

	if (r->status >= 126 || r->secs > SLOW) {
		cr_expect_fail("%s: status %d after %.2f s (crash, hang or "
		    "too slow)\n%s", e->name, r->status, r->secs, r->err);
		return (false);
	}
	if ((bad = find_control(r->out)) != NULL ||
	    (bad = find_control(r->err)) != NULL) {
		cr_expect_fail("%s: control byte 0x%02x reached the terminal",
		    e->name, (unsigned char)*bad);
		ok = false;
	}
	if (strstr(r->err, "Sanitizer") || strstr(r->err, "runtime error")) {
		cr_expect_fail("%s: sanitizer report\n%s", e->name, r->err);
		return (false);
	}
	if (strcmp(e->msgid, "ok") == 0) {
		cr_expect(r->status == 0 || r->status == 1,
		    "%s: must load, got %d: %s", e->name, r->status, r->err);
		return (ok && (r->status == 0 || r->status == 1));
	}
	if (r->status != 2) {
		cr_expect_fail("%s: exit %d, not 2\n%s", e->name, r->status,
		    r->err);
		return (false);
	}
	if (e->line > 0)
		prefix = xasprintf("nianbao: %s:%d:%d: ", e->path, e->line,
		    e->col);
	else
		prefix = xasprintf("nianbao: %s: ", e->path);
	line = xstrdup(r->err);
	if ((nl = strchr(line, '\n')) != NULL)
		*nl = '\0';
	n = pattern_pieces(i18n, e->msgid, pieces, 8);
	if (n == 0) {
		cr_expect_fail("%s: no English text for %s", e->name,
		    e->msgid);
		ok = false;
	} else if (strncmp(line, prefix, strlen(prefix)) != 0 ||
	    !glob_pieces(line + strlen(prefix), pieces, n) ||
	    strstr(line + strlen(prefix), e->frag) == NULL) {
		cr_expect_fail("%s: expected %s at %d:%d (\"%s\"), got\n  %s",
		    e->name, e->msgid, e->line, e->col, e->frag, line);
		ok = false;
	}
	for (k = 0; k < n; k++)
		free(pieces[k]);
	free(prefix);
	free(line);
	return (ok);
}

/* `set FILE organ=x` must be refused and leave the file as it was. */
static bool
verify_set(const struct expect *e)
{
	struct run	 r;
	char		*before, *after;
	size_t		 blen = 0, alen = 0;
	struct stat	 st;
	bool		 ok;
	const char	*args[] = { "set", e->path, "organ=x", NULL };

	if (stat(e->path, &st) != 0 || !S_ISREG(st.st_mode))
		return (true);
	before = tu_read(e->path, &blen);
	run(&r, -1, args);
	after = tu_read(e->path, &alen);
	ok = r.status == 2 && before != NULL && after != NULL &&
	    blen == alen && memcmp(before, after, blen) == 0;
	cr_expect(ok, "%s: set gave %d and %s the file", e->name, r.status,
	    ok ? "kept" : "CHANGED");
	run_free(&r);
	free(before);
	free(after);
	return (ok);
}

static struct i18n *
english(void)
{
	struct stat	st;

	cr_assert(stat(NB_BIN, &st) == 0, "build %s first", NB_BIN);
	return (i18n_open(DATADIR, LANG_EN));
}

/* ---- the committed corpus ---- */

/* Reads EXPECTED; returns how many entries, *out newly allocated. */
static size_t
read_expected(struct expect **out)
{
	char		*text = tu_read(BAD_DIR "/EXPECTED", NULL), *l, *save;
	char		*f[5];
	struct expect	*v = NULL;
	size_t		 n = 0, k;

	cr_assert_not_null(text, "no %s/EXPECTED", BAD_DIR);
	for (l = strtok_r(text, "\n", &save); l != NULL;
	    l = strtok_r(NULL, "\n", &save)) {
		for (k = 0; k < 5; k++) {
			f[k] = l;
			l += strcspn(l, "\t");
			if (*l != '\0')
				*l++ = '\0';
		}
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n].name = xstrdup(f[0]);
		v[n].path = xasprintf("%s/%s.yaml", BAD_DIR, f[0]);
		v[n].msgid = xstrdup(f[1]);
		v[n].line = atoi(f[2]);
		v[n].col = atoi(f[3]);
		v[n].frag = xstrdup(f[4]);
		n++;
	}
	free(text);
	*out = v;
	return (n);
}

static void
expect_free(struct expect *e)
{
	free(e->name);
	free(e->path);
	free(e->msgid);
	free(e->frag);
}

Test(badinput, corpus, .timeout = 600)
{
	struct i18n	*i18n = english();
	struct expect	*v;
	struct run	 r;
	size_t		 n = read_expected(&v), i, failed = 0;
	struct stat	 st;
	const char	*args[] = { "check", NULL, NULL };

	cr_assert_geq(n, 100, "the corpus must hold at least 100 files");
	for (i = 0; i < n; i++) {
		cr_expect(stat(v[i].path, &st) == 0, "%s missing", v[i].path);
		args[1] = v[i].path;
		run(&r, -1, args);
		if (!verify(i18n, &v[i], &r))
			failed++;
		else if (strcmp(v[i].msgid, "ok") != 0 && !verify_set(&v[i]))
			failed++;
		run_free(&r);
		expect_free(&v[i]);
	}
	cr_log_info("%zu of %zu corpus files failed", failed, n);
	free(v);
	i18n_close(i18n);
}

/* Every committed file is listed and every listed file exists. */
Test(badinput, corpus_complete)
{
	struct expect	*v;
	size_t		 n = read_expected(&v), i, j, files = 0, len;
	DIR		*d;
	struct dirent	*de;
	bool		 listed;

	cr_assert_not_null(d = opendir(BAD_DIR));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		files++;
		for (j = 0, listed = false; j < n && !listed; j++)
			listed = strlen(v[j].name) == len - 5 &&
			    strncmp(v[j].name, de->d_name, len - 5) == 0;
		cr_expect(listed, "%s is not in EXPECTED", de->d_name);
	}
	closedir(d);
	cr_expect_eq(files, n);
	for (i = 0; i < n; i++)
		expect_free(&v[i]);
	free(v);
}

/* ---- inputs made at test time ---- */

static void
write_file(const char *path, const char *head, char fill, size_t nfill,
    const char *tail)
{
	FILE	*f = fopen(path, "wb");
	char	 buf[65536];
	size_t	 k;

	cr_assert_not_null(f, "%s", path);
	memset(buf, fill, sizeof buf);
	fputs(head, f);
	for (; nfill > 0; nfill -= k) {
		k = nfill < sizeof buf ? nfill : sizeof buf;
		cr_assert_eq(fwrite(buf, 1, k, f), k);
	}
	fputs(tail, f);
	cr_assert_eq(fclose(f), 0);
}

/* Writes head, then pat n times, then tail. */
static void
write_rep(const char *path, const char *head, const char *pat, size_t n,
    const char *tail)
{
	FILE	*f = fopen(path, "wb");

	cr_assert_not_null(f, "%s", path);
	fputs(head, f);
	while (n-- > 0)
		fputs(pat, f);
	fputs(tail, f);
	cr_assert_eq(fclose(f), 0);
}

/* Runs check on path (as uid when >= 0) and verifies it. */
static void
expect_check(struct i18n *i18n, const char *path, int uid, const char *msgid,
    int line, int col, const char *frag)
{
	struct expect	e = { (char *)path, (char *)path, (char *)msgid, line,
			    col, (char *)frag };
	struct run	r;
	const char	*args[] = { "check", path, NULL };

	run(&r, uid, args);
	if (uid >= 0 && (r.status == 126 || r.status == 127))
		cr_skip_test("cannot run the binary as uid %d", uid);
	verify(i18n, &e, &r);
	run_free(&r);
}

Test(badinput, huge_and_deep_files, .timeout = 300)
{
	struct i18n	*i18n = english();
	char		*dir = tu_tmpdir(), *p;
	int		 fd;

	/* 100 MB, sparse: refused by its size before anything is read. */
	p = tu_path(dir, "sparse100m.yaml");
	cr_assert((fd = open(p, O_WRONLY | O_CREAT, 0644)) >= 0);
	cr_assert_eq(ftruncate(fd, 100 * 1024 * 1024), 0);
	close(fd);
	expect_check(i18n, p, -1, "yaml.file_size", 0, 0, "");
	free(p);
	/* 20 MB of real comment lines. */
	p = tu_path(dir, "big20m.yaml");
	write_rep(p, H, "# xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
	    20 * 1024 * 1024 / 64, "");
	expect_check(i18n, p, -1, "yaml.file_size", 0, 0, "");
	free(p);
	/* 10^6 "[": refused at depth 64, fast (libyaml alone is quadratic). */
	p = tu_path(dir, "brackets.yaml");
	write_file(p, H "organ: ", '[', 1000000, "\n");
	expect_check(i18n, p, -1, "yaml.depth", 3, 71, "");
	free(p);
	/* 10^6 "- " on one line. */
	p = tu_path(dir, "dashes.yaml");
	write_rep(p, "", "- ", 1000000, "x\n");
	expect_check(i18n, p, -1, "yaml.depth", 1, 129, "");
	free(p);
	/* One scalar of 1 MiB + 1, plain and quoted. */
	p = tu_path(dir, "scalar.yaml");
	write_file(p, H "organ: ", 'a', 1024 * 1024 + 1, "\n");
	expect_check(i18n, p, -1, "yaml.scalar_size", 3, 8, "");
	write_file(p, H "organ: \"", 'a', 1024 * 1024 + 1, "\"\n");
	expect_check(i18n, p, -1, "yaml.scalar_size", 3, 8, "");
	free(p);
	/* More values than a report can have. */
	p = tu_path(dir, "nodes.yaml");
	write_rep(p, H "cells: [", "1,", 262144, "1]\n");
	expect_check(i18n, p, -1, "yaml.nodes", 3, 524283, "");
	free(p);
	free(dir);
	i18n_close(i18n);
}

Test(badinput, paths_that_are_not_reports)
{
	struct i18n		*i18n = english();
	char			*dir = tu_tmpdir(), *p, *q, name[320];
	struct sockaddr_un	 sa;
	int			 s;

	p = tu_path(dir, "folder.yaml");
	cr_assert_eq(mkdir(p, 0755), 0);
	expect_check(i18n, p, -1, "file.not_regular", 0, 0, "");
	free(p);
	/* A FIFO must not block the open. */
	p = tu_path(dir, "fifo.yaml");
	cr_assert_eq(mkfifo(p, 0644), 0);
	expect_check(i18n, p, -1, "file.not_regular", 0, 0, "");
	free(p);
	p = tu_path(dir, "zero.yaml");
	cr_assert_eq(symlink("/dev/zero", p), 0);
	expect_check(i18n, p, -1, "file.not_regular", 0, 0, "");
	free(p);
	p = tu_path(dir, "null.yaml");
	cr_assert_eq(symlink("/dev/null", p), 0);
	expect_check(i18n, p, -1, "file.not_regular", 0, 0, "");
	free(p);
	/* A socket cannot even be opened. */
	p = tu_path(dir, "sock.yaml");
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", p);
	cr_assert((s = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0);
	cr_assert_eq(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
	expect_check(i18n, p, -1, "file.open", 0, 0, "No such device");
	close(s);
	free(p);
	p = tu_path(dir, "missing.yaml");
	expect_check(i18n, p, -1, "file.open", 0, 0, "No such file");
	free(p);
	p = tu_path(dir, "dangling.yaml");
	cr_assert_eq(symlink("/nonexistent/x.yaml", p), 0);
	expect_check(i18n, p, -1, "file.open", 0, 0, "No such file");
	free(p);
	p = tu_path(dir, "loop.yaml");
	cr_assert_eq(symlink(p, p), 0);
	expect_check(i18n, p, -1, "file.open", 0, 0, "symbolic links");
	free(p);
	q = tu_path(dir, "plain.yaml");
	tu_write(q, H);
	p = tu_path(q, "x.yaml");
	expect_check(i18n, p, -1, "file.open", 0, 0, "Not a directory");
	free(p);
	free(q);
	memset(name, 'n', 300);
	strcpy(name + 300, ".yaml");
	p = tu_path(dir, name);
	expect_check(i18n, p, -1, "file.open", 0, 0, "File name too long");
	free(p);
	free(dir);
	i18n_close(i18n);
}

Test(badinput, unreadable_file)
{
	struct i18n	*i18n = english();
	char		*dir = tu_tmpdir(), *p = tu_path(dir, "secret.yaml");

	tu_write(p, H);
	cr_assert_eq(chmod(p, 0), 0);
	/* root reads everything: ask as nobody. */
	cr_assert_eq(chmod(dir, 0755), 0);
	expect_check(i18n, p, geteuid() == 0 ? 65534 : -1, "file.open", 0, 0,
	    "Permission denied");
	free(p);
	free(dir);
	i18n_close(i18n);
}

/*
 * A report on a read-only file system: check works, set is refused with
 * the reason and the file is unchanged.  Needs a private mount namespace
 * (root or user namespaces); skipped otherwise.
 */
Test(badinput, read_only_filesystem)
{
	struct i18n	*i18n = english();
	char		*dir = tu_tmpdir(), *p = tu_path(dir, "r.yaml"), *before;
	char		*after;
	struct expect	 e = { "read-only", p, "save.open", 0, 0,
			    "Read-only file system" };
	struct run	 r;
	const char	*check[] = { "check", p, NULL };
	const char	*set[] = { "set", p, "organ=新名字", NULL };

	if (unshare(CLONE_NEWNS) != 0 ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
	    mount("tmpfs", dir, "tmpfs", 0, "size=256k") != 0)
		cr_skip_test("cannot mount a file system here");
	tu_write(p, H "organ: 旧名字\n");
	cr_assert_eq(mount(NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
	before = tu_read(p, NULL);
	run(&r, -1, check);
	cr_expect(r.status == 0 || r.status == 1, "%s", r.err);
	run_free(&r);
	run(&r, -1, set);
	e.path = p;
	verify(i18n, &e, &r);
	after = tu_read(p, NULL);
	cr_expect_str_eq(after, before);
	run_free(&r);
	free(before);
	free(after);
	umount(dir);
	free(p);
	free(dir);
	i18n_close(i18n);
}

/*
 * Escape sequences typed or pasted through the CLI never get into the
 * file (where the loader refuses them) nor onto a terminal: text from a
 * file (s1=@FILE) and the organ are stored without them.
 */
Test(badinput, cli_text_sanitized)
{
	char		*dir = tu_tmpdir(), *p = tu_path(dir, "r.yaml");
	char		*t = tu_path(dir, "paste.txt"), *text;
	struct run	 r;
	const char	*mk[] = { "new", p, "-t", "gb2021", NULL };
	const char	*set1[] = { "set", p, NULL, NULL };
	const char	*set2[] = { "set", p, "organ=某镇\033]0;pwned\007政府\033[2J",
			    NULL };
	const char	*exp[] = { "export", p, NULL };

	run(&r, -1, mk);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	tu_write(t, "第一段\033[31m红字\033[0m，\007响铃\r\n第二段\302\233" "2J完\n");
	set1[2] = text = xasprintf("s1=@%s", t);
	run(&r, -1, set1);
	cr_expect_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	run(&r, -1, set2);
	cr_expect_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	free(text);
	text = tu_read(p, NULL);
	cr_expect(strstr(text, "第一段红字，响铃\\n第二段完") != NULL,
	    "pasted text not cleaned: %s", text);
	cr_expect(strstr(text, "\\x1B") == NULL && strstr(text, "\\x07") ==
	    NULL && strstr(text, "\\u009B") == NULL,
	    "a control character was stored:\n%s", text);
	free(text);
	/* Whatever is in the file, export prints no control character. */
	run(&r, -1, exp);
	cr_expect_null(find_control(r.out), "export printed a control byte");
	run_free(&r);
	free(t);
	free(p);
	free(dir);
}
