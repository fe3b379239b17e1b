/*
 * The nianbao command under the limits a shared server sets, each one
 * real: a file-size limit (setrlimit(RLIMIT_FSIZE), `ulimit -f`) on set
 * and export, an open-files limit (RLIMIT_NOFILE, `ulimit -n`) on
 * `check -r`, a folder removed while `check -r` runs (held at the exact
 * moment by a fanotify permission event), and standard output cut off in
 * the middle (`check … | head`).  The promise each time: a clear message
 * in the user's language, the report file byte for byte as it was, no
 * temporary file left behind, and no death by signal.  (A full disk and
 * /dev/full are test_cli's and test_fsio's; the editor under these
 * limits is test_pty_limits.c's.)  Then two start-up promises of the
 * same issue: a command on one report reads only its template, and
 * libzip, opened on first use, is said when it is missing.
 *
 * run() starts the binary with the limit set in the child only, between
 * fork and exec, so that the test process keeps its own descriptors and
 * can write its files.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sbuf.h"
#include "testutil.h"
#include "xmalloc.h"

#define NOLIMIT		(-1)

static char	*dir, *rep;

static void
setup(void)
{
	struct tu_run		 r;
	const char *const	 argv[] = { "new", "--organ", "测试镇人民政府",
				    "--year", "2024", NULL };
	const char		*full[8];
	int			 i;

	dir = tu_tmpdir();
	rep = tu_path(dir, "r.yaml");
	for (i = 0; argv[i] != NULL; i++)
		full[i] = argv[i];
	full[i++] = rep;
	full[i] = NULL;
	tu_nianbao(&r, NULL, full);
	cr_assert_eq(r.status, 0, "new failed: %s", r.err);
	tu_run_free(&r);
}

static void
teardown(void)
{
	tu_rmtree(dir);
	free(rep);
	free(dir);
}

TestSuite(limits, .init = setup, .fini = teardown, .timeout = 120);

/* Appends what fd gives now to b; false at end of file. */
static bool
take(int fd, struct sbuf *b)
{
	char	buf[8192];
	ssize_t	n = read(fd, buf, sizeof buf);

	if (n > 0)
		sbuf_add(b, buf, (size_t)n);
	return (n > 0 || (n == -1 && errno == EINTR));
}

/*
 * Runs nianbao argv (argv[0] not included) with resource res's soft limit
 * set to lim (NOLIMIT: none) in the child, stdout on out_fd (-2: a pipe
 * read into r->out), stderr read into r->err, LANG=C.UTF-8.
 */
static void
run(struct tu_run *r, int res, long lim, int out_fd,
    const char *const *argv)
{
	const char	*args[32] = { NB_BIN };
	struct rlimit	 rl;
	int		 po[2], pe[2], n;
	pid_t		 pid;

	for (n = 1; argv[n - 1] != NULL && n < 31; n++)
		args[n] = argv[n - 1];
	args[n] = NULL;
	cr_assert(pipe(po) == 0 && pipe(pe) == 0);
	if ((pid = fork()) == 0) {
		dup2(open("/dev/null", O_RDONLY), 0);
		dup2(out_fd == -2 ? po[1] : out_fd, 1);
		dup2(pe[1], 2);
		for (n = 3; n < 1024; n++)
			close(n);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("LC_ALL");
		unsetenv("LANGUAGE");
		if (res != NOLIMIT) {
			getrlimit(res, &rl);
			rl.rlim_cur = (rlim_t)lim;
			if (setrlimit(res, &rl) != 0)
				_exit(126);
		}
		execv(NB_BIN, (char *const *)args);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	tu_run_read(r, pid, po[0], pe[0]);
}

/* How many entries folder d holds. */
static int
entries(const char *d)
{
	DIR		*dp = opendir(d);
	struct dirent	*de;
	int		 n = 0;

	cr_assert_not_null(dp);
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(dp);
	return (n);
}

/* The file is byte for byte orig. */
static void
assert_same(const char *path, const char *orig, const char *ctx)
{
	char	*now = tu_read(path, NULL);

	cr_assert_not_null(now, "%s: %s is gone", ctx, path);
	cr_assert_str_eq(now, orig, "%s: %s changed", ctx, path);
	free(now);
}

/* ---- ulimit -f ---- */

/* A set that would grow the file past 1 KiB: refused, said, nothing left. */
Test(limits, fsize_set_refused_and_said)
{
	struct tu_run		 r;
	char			*orig = tu_read(rep, NULL);
	const char *const	 zh[] = { "set", rep, "t3.new.natural=3", NULL };
	const char *const	 en[] = { "--lang", "en", "set", rep,
				    "t3.new.natural=3", NULL };

#ifdef NB_COVERAGE
	/* gcov writes its counts at exit, past the 1 KiB limit: the signal
	 * it meets is gcov's, not nianbao's. */
	cr_skip_test("a coverage build cannot run under ulimit -f 1");
#endif
	cr_assert_gt(strlen(orig), 1024, "the report fits under the limit");
	run(&r, RLIMIT_FSIZE, 1024, -2, zh);
	cr_expect_eq(r.status, 2, "exit %d (153 is death by SIGXFSZ)",
	    r.status);
	cr_expect(strstr(r.err, "r.yaml 未保存") != NULL &&
	    strstr(r.err, "ulimit -f 1，即 1024 字节") != NULL &&
	    strstr(r.err, "原文件未改动") != NULL, "%s", r.err);
	tu_run_free(&r);
	run(&r, RLIMIT_FSIZE, 1024, -2, en);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "file-size limit") != NULL &&
	    strstr(r.err, "ulimit -f 1, that is 1024 bytes") != NULL, "%s",
	    r.err);
	tu_run_free(&r);
	assert_same(rep, orig, "set under ulimit -f");
	cr_expect_eq(entries(dir), 1, "a temporary file was left behind");
	/* The limit lifted, the same command works. */
	run(&r, NOLIMIT, 0, -2, zh);
	cr_expect_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	free(orig);
}

/* Exports to a file and to a redirected stdout under the limit. */
Test(limits, fsize_export_refused_and_said)
{
	struct tu_run		 r;
	char			*docx = tu_path(dir, "r.docx");
	char			*txt = tu_path(dir, "r.txt");
	const char *const	 todocx[] = { "export", "-f", "docx", "-o",
				    docx, rep, NULL };
	const char *const	 tostdout[] = { "export", rep, NULL };
	int			 fd;

#ifdef NB_COVERAGE
	/* gcov writes its counts at exit, past the 1 KiB limit: the signal
	 * it meets is gcov's, not nianbao's. */
	cr_skip_test("a coverage build cannot run under ulimit -f 1");
#endif
	run(&r, RLIMIT_FSIZE, 2048, -2, todocx);
	cr_expect_eq(r.status, 2, "exit %d", r.status);
	cr_expect(strstr(r.err, "r.docx 未保存") != NULL &&
	    strstr(r.err, "ulimit -f 2，即 2048 字节") != NULL, "%s", r.err);
	tu_run_free(&r);
	cr_expect_eq(access(docx, F_OK), -1, "a partial .docx was written");
	cr_expect_eq(entries(dir), 1, "a temporary file was left behind");

	/* export r.yaml > r.txt: the shell's file, under the limit too. */
	fd = open(txt, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	cr_assert_geq(fd, 0);
	run(&r, RLIMIT_FSIZE, 1024, fd, tostdout);
	close(fd);
	cr_expect_eq(r.status, 2, "exit %d", r.status);
	cr_expect(strstr(r.err, "写出结果失败") != NULL &&
	    strstr(r.err, "ulimit -f 1，即 1024 字节") != NULL, "%s", r.err);
	tu_run_free(&r);
	free(docx);
	free(txt);
}

/* ---- ulimit -n ---- */

/* d/a and d/b with n reports each, some with errors. */
static char *
report_tree(int n)
{
	char	*d = tu_path(dir, "d"), *sub, *p, *name, *text;
	int	 i, k;

	text = tu_read(rep, NULL);
	cr_assert_eq(mkdir(d, 0755), 0);
	for (k = 0; k < 2; k++) {
		sub = tu_path(d, k == 0 ? "a" : "b");
		cr_assert_eq(mkdir(sub, 0755), 0);
		for (i = 0; i < n; i++) {
			name = xasprintf("r%02d.yaml", i);
			p = tu_path(sub, name);
			tu_write(p, text);
			free(p);
			free(name);
		}
		free(sub);
	}
	free(text);
	return (d);
}

/* `check -j 4 -r d` with 4 and 5 descriptors allowed: every file. */
Test(limits, nofile_check_r_checks_every_file)
{
	struct tu_run		 r, want;
	char			*d = report_tree(12);
	const char *const	 argv[] = { "check", "-j", "4", "-r", d, NULL };
	long			 lim;
	int			 i;

	run(&want, NOLIMIT, 0, -2, argv);
	cr_assert_eq(want.status, 1, "%s", want.err);
	for (lim = 4; lim <= 5; lim++)
		for (i = 0; i < 5; i++) {
			run(&r, RLIMIT_NOFILE, lim, -2, argv);
			cr_expect_eq(r.status, 1, "ulimit -n %ld: exit %d: %s",
			    lim, r.status, r.err);
			cr_expect_str_eq(r.out, want.out, "ulimit -n %ld", lim);
			cr_expect_str_eq(r.err, "", "ulimit -n %ld", lim);
			tu_run_free(&r);
		}
	tu_run_free(&want);
	free(d);
}

/* ---- a folder removed while check -r runs ---- */

struct watch {
	int		 fan;
	const char	*gone;		/* removed at the first open */
	bool		 removed;
	volatile bool	 stop;
};

/* Answers every open of the watched file; removes w->gone at the first,
 * while the opener waits for the answer. */
static void *
watcher(void *arg)
{
	struct watch			*w = arg;
	struct fanotify_event_metadata	 buf[16], *m;
	struct fanotify_response	 resp;
	struct pollfd			 pf = { .fd = w->fan, .events = POLLIN };
	ssize_t				 n;

	while (!w->stop) {
		if (poll(&pf, 1, 50) <= 0)
			continue;
		if ((n = read(w->fan, buf, sizeof buf)) <= 0)
			continue;
		for (m = buf; FAN_EVENT_OK(m, n); m = FAN_EVENT_NEXT(m, n)) {
			if (!w->removed) {
				tu_rmtree(w->gone);
				w->removed = true;
			}
			resp.fd = m->fd;
			resp.response = FAN_ALLOW;
			(void)write(w->fan, &resp, sizeof resp);
			close(m->fd);
		}
	}
	return (NULL);
}

/*
 * d/b is removed when nianbao opens the first report of d/a, after it has
 * listed both: d/a's reports are checked, each of d/b's is named as not
 * found, exit 2, and nothing else goes wrong.
 */
Test(limits, folder_removed_during_check_r)
{
	struct tu_run		 r;
	struct watch		 w = { 0 };
	pthread_t		 th;
	char			*d = report_tree(3), *a0 = tu_path(d, "a/r00.yaml");
	char			*b = tu_path(d, "b"), *name;
	const char *const	 argv[] = { "check", "-j", "1", "-r", d, NULL };
	int			 i;

	w.fan = fanotify_init(FAN_CLASS_CONTENT | FAN_CLOEXEC, O_RDONLY);
	if (w.fan < 0 || fanotify_mark(w.fan, FAN_MARK_ADD, FAN_OPEN_PERM,
	    AT_FDCWD, a0) != 0)
		cr_skip_test("fanotify permission events not permitted: %s",
		    strerror(errno));
	w.gone = b;
	cr_assert_eq(pthread_create(&th, NULL, watcher, &w), 0);
	run(&r, NOLIMIT, 0, -2, argv);
	w.stop = true;
	pthread_join(th, NULL);
	close(w.fan);
	cr_assert(w.removed, "nianbao never opened %s", a0);
	cr_expect_eq(r.status, 2, "exit %d: %s", r.status, r.err);
	for (i = 0; i < 3; i++) {
		/* The system's reason in the user's language (sys.ENOENT). */
		name = xasprintf("%s/b/r%02d.yaml: 无法打开文件：文件或文件夹不存在",
		    d, i);
		cr_expect(strstr(r.out, name) != NULL ||
		    strstr(r.err, name) != NULL, "not said: %s\n%s%s", name,
		    r.out, r.err);
		free(name);
		name = xasprintf("%s/a/r%02d.yaml", d, i);
		cr_expect(strstr(r.out, name) != NULL, "not checked: %s",
		    name);
		free(name);
	}
	tu_run_free(&r);
	free(a0);
	free(b);
	free(d);
}

/* ---- standard output cut off: check … | head ---- */

/*
 * The reader takes one block and goes away, as head does, while nianbao
 * still has more to write than the pipe holds: exit 2 and the reason on
 * stderr, not a death by SIGPIPE.
 */
Test(limits, stdout_reader_goes_away)
{
	const char *const	 argv[] = { "template", "show", "gb2021",
				    "--json", NULL };
	const char		*args[8] = { NB_BIN };
	char			 buf[512], *err;
	struct sbuf		 e;
	int			 p[2], pe[2], st, i;
	pid_t			 pid;

	for (i = 0; argv[i] != NULL; i++)
		args[i + 1] = argv[i];
	cr_assert(pipe(p) == 0 && pipe(pe) == 0);
	/* The smallest pipe: the output cannot all fit before the close. */
	(void)fcntl(p[1], F_SETPIPE_SZ, 4096);
	if ((pid = fork()) == 0) {
		dup2(p[1], 1);
		dup2(pe[1], 2);
		close(p[0]);
		close(pe[0]);
		setenv("LANG", "C.UTF-8", 1);
		execv(NB_BIN, (char *const *)args);
		_exit(127);
	}
	close(p[1]);
	close(pe[1]);
	cr_assert_gt(read(p[0], buf, sizeof buf), 0);
	close(p[0]);
	sbuf_init(&e);
	while (take(pe[0], &e))
		;
	close(pe[0]);
	err = sbuf_take(&e);
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_expect(WIFEXITED(st), "killed by signal %d", WTERMSIG(st));
	cr_expect_eq(WEXITSTATUS(st), 2);
	cr_expect(strstr(err, "写出结果失败") != NULL &&
	    strstr(err, strerror(EPIPE)) != NULL, "%s", err);
	free(err);
}

/* ---- templates loaded when needed ---- */

/* NB_BUILD_DIR's data folder with gb2019.yaml broken, in dir/data. */
static char *
data_with_broken_2019(void)
{
	char	*data = tu_path(dir, "data"), *cmd, *bad;

	cmd = xasprintf("cp -r '%s/share/nianbao' '%s'", NB_BUILD_DIR, data);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	bad = tu_path(data, "templates/gb2019.yaml");
	tu_write(bad, "nianbao_template: [broken\n");
	free(bad);
	return (data);
}

/* Runs argv with NIANBAO_DATADIR=data. */
static void
run_data(struct tu_run *r, const char *data, const char *const *argv)
{
	cr_assert_eq(setenv("NIANBAO_DATADIR", data, 1), 0);
	run(r, NOLIMIT, 0, -2, argv);
	unsetenv("NIANBAO_DATADIR");
}

/*
 * A command on one report reads only the template the report names: a
 * broken other template is not even opened, so not mentioned; a command
 * that needs them all still says what is wrong with it.  A report whose
 * template line the quick look cannot read is still loaded.
 */
Test(limits, only_the_named_template_is_loaded)
{
	struct tu_run		 r;
	char			*data = data_with_broken_2019(), *text, *odd;
	char			*at, *quoted;
	const char *const	 chk[] = { "check", rep, NULL };
	char			*docx = tu_path(dir, "r.docx");
	const char *const	 exp[] = { "export", "-f", "docx", "-o", docx,
				    rep, NULL };
	const char *const	 all[] = { "templates", NULL };
	const char *const	 show[] = { "template", "show", "gb2021",
				    NULL };

	run_data(&r, data, chk);
	cr_expect_lt(r.status, 2, "%s", r.err);
	cr_expect(strstr(r.err, "gb2019") == NULL, "the other template was "
	    "loaded: %s", r.err);
	tu_run_free(&r);
	run_data(&r, data, exp);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.err, "gb2019") == NULL, "%s", r.err);
	tu_run_free(&r);
	run_data(&r, data, show);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.err, "gb2019") == NULL, "%s", r.err);
	tu_run_free(&r);
	run_data(&r, data, all);
	cr_expect(strstr(r.err, "gb2019.yaml") != NULL, "the broken template "
	    "is not said: %s", r.err);
	tu_run_free(&r);

	/* Quoted and commented: the look fails or differs, the load not. */
	text = tu_read(rep, NULL);
	odd = tu_path(dir, "odd.yaml");
	cr_assert_not_null(at = strstr(text, "\ntemplate: gb2021\n"));
	*at = '\0';
	quoted = xasprintf("%s\ntemplate:   \"gb2021\"  # quoted\n%s", text,
	    at + 18);
	tu_write(odd, quoted);
	free(quoted);
	run(&r, NOLIMIT, 0, -2, (const char *const[]){ "check", odd, NULL });
	cr_expect_lt(r.status, 2, "%s", r.err);
	tu_run_free(&r);
	free(text);
	free(odd);
	free(docx);
	free(data);
}

/* ---- libzip, opened on first use ---- */

/*
 * With libzip.so.4 hidden (an empty file bound over it in a private mount
 * namespace), `check` works as before, and `export -f docx` says that
 * libzip is missing, exit 2, no file: what a broken install looks like
 * now that libzip is opened with dlopen (model/zipload.c).
 */
Test(limits, libzip_missing_is_said)
{
	char	*docx = tu_path(dir, "r.docx"), *errf = tu_path(dir, "err");
	char	*cmd, *err, lib[] = "/usr/lib/x86_64-linux-gnu/libzip.so.4";
	int	 st;

	if (access(lib, F_OK) != 0 || system("command -v unshare "
	    ">/dev/null") != 0)
		cr_skip_test("no %s or no unshare here", lib);
	cmd = xasprintf("unshare -m sh -c 'mount --make-rprivate / && "
	    "mount --bind /dev/null %s || exit 99; export LANG=C.UTF-8; "
	    "\"%s\" check \"%s\" >/dev/null 2>&1; c=$?; "
	    "\"%s\" export -f docx -o \"%s\" \"%s\" 2>\"%s\"; "
	    "exit $((c * 10 + $?))'", lib, NB_BIN, rep, NB_BIN, docx, rep,
	    errf);
	st = system(cmd);
	free(cmd);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 99)
		cr_skip_test("cannot bind-mount here (not root?)");
	err = tu_read(errf, NULL);
	cr_assert_not_null(err);
	/* check: 0 or 1 (rule errors), as with libzip; export: 2. */
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) / 10 <= 1 &&
	    WEXITSTATUS(st) % 10 == 2, "status %d: %s", st, err);
	cr_expect(strstr(err, "libzip.so.4") != NULL, "%s", err);
	cr_expect_eq(access(docx, F_OK), -1, "a .docx was written");
	free(err);
	free(errf);
	free(docx);
}

/*
 * libxml2, opened on first use too (model/xmlload.c): with it hidden,
 * `check` works as before, and importing a saved web page is refused
 * with the import's own message, exit 2, no crash and no file.
 */
Test(limits, libxml2_missing_is_said)
{
	char	*out = tu_path(dir, "o.yaml"), *errf = tu_path(dir, "err");
	char	*cmd, *err, lib[] = "/usr/lib/x86_64-linux-gnu/libxml2.so.2";
	int	 st;

	if (access(lib, F_OK) != 0 || system("command -v unshare "
	    ">/dev/null") != 0)
		cr_skip_test("no %s or no unshare here", lib);
	cmd = xasprintf("unshare -m sh -c 'mount --make-rprivate / && "
	    "mount --bind /dev/null %s || exit 99; export LANG=C.UTF-8; "
	    "\"%s\" check \"%s\" >/dev/null 2>&1; c=$?; "
	    "\"%s\" import -o \"%s\" \"%s\" 2>\"%s\"; "
	    "exit $((c * 10 + $?))'", lib, NB_BIN, rep, NB_BIN, out,
	    NB_SOURCE_DIR "/tests/data/real/html/pingtan-2024.html", errf);
	st = system(cmd);
	free(cmd);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 99)
		cr_skip_test("cannot bind-mount here (not root?)");
	err = tu_read(errf, NULL);
	cr_assert_not_null(err);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) / 10 <= 1 &&
	    WEXITSTATUS(st) % 10 == 2, "status %d: %s", st, err);
	cr_expect(strstr(err, "pingtan-2024.html") != NULL, "%s", err);
	cr_expect_eq(access(out, F_OK), -1, "a report was written");
	free(err);
	free(errf);
	free(out);
}
