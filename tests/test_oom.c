/*
 * Out of memory, end to end (target T16 of reliability.md): the real
 * nianbao binary under tests/oom/failmalloc.c, an LD_PRELOAD allocator
 * whose N-th allocation after main() fails (once-only), or the N-th and
 * every one after it (persistent), for set, check, export -f txt, export
 * -f docx and import.
 *
 * A first run counts the command's allocations (C) and gives the
 * reference: its exit status, stdout and the files it writes.  Then, for
 * each N of the plan below and in both modes, one run asserts:
 *	- no signal ended it (no crash, no abort);
 *	- its status is the reference's, 2 (an error it reported) or
 *	  XMALLOC_EXIT (70), and with a status other than the reference's
 *	  something is said on stderr ("nianbao: fatal: out of memory" for
 *	  70);
 *	- the report is byte-identical to what it was, or (set) to the
 *	  reference's result; the output file is absent or byte-identical to
 *	  the reference's (which loads, or is the reviewed export); with the
 *	  reference's status, stdout and every file equal the reference's (a
 *	  library that swallowed the failure must not change a value);
 *	- no other file is left in the folder (no temp file of a save).
 * A run in which no allocation was made to fail must equal the reference;
 * each loop ends with one (N = C + 1).
 *
 * The plan: every command spends most of its ~20,000 allocations loading
 * the templates, the same for all; its own work (load, save, export,
 * import) is the last few thousand.  So by default every 7th N of the
 * last 2,000 and every 149th before them, starting at an offset that
 * differs per command and mode, so that the ten loops together sample
 * the shared start-up at different points: about 4,100 runs, some 40 s.
 * NB_OOM_STEP=k runs every k-th N from 1 instead (1: all of them, about
 * 210,000 runs, half an hour).
 *
 * The runs after the reference are forked, not executed: the shim's
 * server (NB_FAIL_SERVE in tests/oom/failmalloc.c) is started once per
 * command and forks a child at main()'s entry for each N of the head;
 * for the last 2,000 (NB_FAIL_SNAP) a process that ran main up to the
 * first of them forks the child there, if no file is open at that call.
 * So the loader, the constructors and the templates' loading are not
 * paid 4,100 times.  A child is what a fresh exec is at that point: the
 * loop first checks that a forked run with nothing failing counts the
 * same allocations as the fresh reference and prints the same, and each
 * mode ends with a run past the snapshot that must equal the reference.
 *
 * The editor (T16's "keeps the recovery file"): in a pseudo-terminal,
 * a cell is changed, then SIGUSR1 arms the shim (NB_FAIL_SIGNAL) and the
 * next key runs out of memory.  Once-only: fatal()'s hook writes the
 * snapshot itself (the change is younger than the periodic snapshot's
 * 500 ms).  Persistent: the hook's own write fails too, and the periodic
 * snapshot, given time to be written first, is what is kept.  Either
 * way: status 70, the terminal restored, the report file untouched, the
 * snapshot holds the change.
 *
 * Skipped in sanitizer builds: ASan owns malloc, a preloaded one cannot
 * replace it.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "num.h"
#include "ptyutil.h"
#include "report.h"
#include "statedir.h"
#include "store.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define NB_OOM_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define NB_OOM_SANITIZED 1
#endif
#endif

#define FIXTURE	NB_SOURCE_DIR "/tests/data/golden/full2021.yaml"
#define SEED	NB_REAL_DIR "/000_9062bfdbeadefa61.txt"
#define TAIL		2000	/* the command's own allocations, roughly */
#define TAIL_STEP	7
#define HEAD_STEP	149

/* One command: its arguments ("@R" the report, "@O" the output file). */
struct cmd {
	const char	*name;
	const char	*args[8];
	const char	*out;		/* the file it writes, or NULL */
	bool		 writes_report;
	int		 seq;		/* picks the plan's offsets */
};

/* The folder of one loop and what the reference run left there. */
struct loop {
	const struct cmd *c;
	char		*dir, *rep, *out, *log;
	char		*orig;		/* the report before */
	size_t		 origlen;
	int		 status;	/* the reference's */
	char		*stdout_;
	char		*rep_after;	/* the report after */
	size_t		 rep_afterlen;
	char		*out_bytes;	/* the output, or NULL */
	size_t		 outlen;
	unsigned long	 count;		/* allocations counted */
	unsigned	 runs, by_status[3];
	pid_t		 srv;		/* the shim's run server, or 0 */
	int		 sreq, srep;	/* its request and reply pipes */
	char		*sdir, *sout, *serr;	/* its children's output */
};

static void
skip_if_sanitized(void)
{
#ifdef NB_OOM_SANITIZED
	cr_skip_test("a sanitizer owns malloc: no LD_PRELOAD allocator");
#endif
}

/* What the shim logged: whether it failed a call, the count at exit. */
static bool
read_log(const char *log, unsigned long *count)
{
	char		*text = tu_read(log, NULL), *p;
	bool		 failed;

	if (text == NULL)
		return (false);
	failed = strstr(text, "fail ") != NULL;
	if (count != NULL && (p = strstr(text, "count ")) != NULL)
		*count = strtoul(p + 6, NULL, 10);
	free(text);
	return (failed);
}

/* The command's argv, "@R" and "@O" replaced; argv[0] is NB_BIN. */
static void
cmd_argv(const struct loop *L, const char **argv)
{
	size_t	i;

	argv[0] = NB_BIN;
	for (i = 0; L->c->args[i] != NULL; i++)
		argv[i + 1] = strcmp(L->c->args[i], "@R") == 0 ? L->rep :
		    strcmp(L->c->args[i], "@O") == 0 ? L->out : L->c->args[i];
	argv[i + 1] = NULL;
}

/* Starts the shim's run server for the command (see the top). */
static void
server_start(struct loop *L)
{
	int		 req[2], rep[2];
	const char	*argv[10];
	char		*spec, *snap;

	L->sdir = tu_tmpdir();
	L->sout = tu_path(L->sdir, "out");
	L->serr = tu_path(L->sdir, "err");
	cmd_argv(L, argv);
	cr_assert(pipe(req) == 0 && pipe(rep) == 0);
	spec = xasprintf("%d,%d", req[0], rep[1]);
	snap = xasprintf("%lu", L->count > TAIL ? L->count - TAIL : 0);
	if ((L->srv = fork()) == 0) {
		int devnull = open("/dev/null", O_RDWR);
		dup2(devnull, 0);
		dup2(devnull, 1);
		close(req[1]);
		close(rep[0]);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("LC_ALL");
		unsetenv("LC_MESSAGES");
		unsetenv("LANGUAGE");
		setenv("LD_PRELOAD", NB_FAILMALLOC, 1);
		setenv("NB_FAIL_SERVE", spec, 1);
		setenv("NB_FAIL_OUT", L->sout, 1);
		setenv("NB_FAIL_ERR", L->serr, 1);
		setenv("NB_FAIL_LOG", L->log, 1);
		setenv("NB_FAIL_SNAP", snap, 1);
		execv(NB_BIN, (char *const *)argv);
		_exit(127);
	}
	cr_assert(L->srv > 0, "fork failed");
	close(req[0]);
	close(rep[1]);
	L->sreq = req[1];
	L->srep = rep[0];
	free(spec);
	free(snap);
}

/* One run through the server: N and the mode sent, the status read. */
static void
served(struct loop *L, struct tu_run *r, unsigned long n, bool persist)
{
	char	 line[32];
	size_t	 len = 0;
	int	 k;

	k = snprintf(line, sizeof line, "%lu %d\n", n, persist ? 1 : 0);
	cr_assert_eq(write(L->sreq, line, (size_t)k), k, "server gone");
	while (len < sizeof line - 1 && read(L->srep, line + len, 1) == 1 &&
	    line[len] != '\n')
		len++;
	line[len] = '\0';
	cr_assert(len > 0, "the run server ended at N=%lu", n);
	r->status = atoi(line);
	r->out = tu_read(L->sout, NULL);
	r->err = tu_read(L->serr, NULL);
	cr_assert(r->out != NULL && r->err != NULL, "N=%lu: status %d, no "
	    "output files", n, r->status);
}

static void
server_stop(struct loop *L)
{
	int	st;

	close(L->sreq);
	close(L->srep);
	cr_assert_eq(waitpid(L->srv, &st, 0), L->srv);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "server: %d", st);
	tu_rmtree(L->sdir);
	free(L->sdir);
	free(L->sout);
	free(L->serr);
}

/* Runs the command with the N-th allocation failing (0: none). */
static bool
run(struct loop *L, struct tu_run *r, unsigned long n, bool persist)
{
	const char	*argv[10];
	char		 nbuf[32];

	cmd_argv(L, argv);
	unlink(L->log);
	if (L->srv > 0) {
		served(L, r, n, persist);
		return (read_log(L->log, n == 0 ? &L->count : NULL));
	}
	snprintf(nbuf, sizeof nbuf, "%lu", n);
	setenv("LD_PRELOAD", NB_FAILMALLOC, 1);
	setenv("NB_FAIL_AFTER", nbuf, 1);
	setenv("NB_FAIL_PERSIST", persist ? "1" : "0", 1);
	setenv("NB_FAIL_LOG", L->log, 1);
	tu_nianbao(r, NULL, argv + 1);
	unsetenv("LD_PRELOAD");
	unsetenv("NB_FAIL_AFTER");
	unsetenv("NB_FAIL_PERSIST");
	unsetenv("NB_FAIL_LOG");
	return (read_log(L->log, n == 0 ? &L->count : NULL));
}

/* Puts the report back as it was and removes the output. */
static void
reset(struct loop *L)
{
	FILE	*f = fopen(L->rep, "wb");

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(L->orig, 1, L->origlen, f), L->origlen);
	cr_assert_eq(fclose(f), 0);
	unlink(L->out);
}

static bool
same(const char *a, size_t alen, const char *b, size_t blen)
{
	return (a != NULL && b != NULL && alen == blen &&
	    memcmp(a, b, alen) == 0);
}

/* The file at path is a report nianbao loads. */
static void
assert_loads(const char *path)
{
	struct tpl	**tpls;
	size_t		  n = tu_templates(&tpls);
	struct err	  e = { 0 };
	struct report	 *r = store_load(path, tpls, n, &e);

	cr_assert_not_null(r, "%s does not load: %s", path, e.msgid);
	report_free(r);
	err_clear(&e);
	tu_templates_free(tpls, n);
}

/* From here on the runs are forked by the server; the first, with
 * nothing failing, makes the same allocations as the fresh exec. */
static void
served_as_fresh(struct loop *L)
{
	struct tu_run	 r;
	unsigned long	 fresh = L->count;

	server_start(L);
	reset(L);
	cr_assert_not(run(L, &r, 0, false), "the shim failed a call at N=0");
	cr_assert_eq(L->count, fresh, "forked at main(): %lu allocations, "
	    "a fresh run %lu", L->count, fresh);
	cr_assert_eq(r.status, L->status, "forked: status %d", r.status);
	cr_assert_str_eq(r.out, L->stdout_, "forked: stdout differs");
	tu_run_free(&r);
}

static void
loop_init(struct loop *L, const struct cmd *c)
{
	struct tu_run	r;

	memset(L, 0, sizeof *L);
	L->c = c;
	L->dir = tu_tmpdir();
	L->rep = tu_path(L->dir, "r.yaml");
	L->out = tu_path(L->dir, c->out != NULL ? c->out : "none");
	L->log = tu_path(L->dir, "log");
	L->orig = tu_read(FIXTURE, &L->origlen);
	cr_assert_not_null(L->orig);
	/* The docx package's date: the reference and every run agree. */
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	reset(L);
	cr_assert_not(run(L, &r, 0, false), "the shim failed a call at N=0");
	cr_assert(L->count > 1000, "the shim counted %lu calls", L->count);
	cr_assert(r.status == 0 || r.status == 1, "reference run: %d %s",
	    r.status, r.err);
	L->status = r.status;
	L->stdout_ = r.out;
	free(r.err);
	L->rep_after = tu_read(L->rep, &L->rep_afterlen);
	if (c->out != NULL) {
		L->out_bytes = tu_read(L->out, &L->outlen);
		cr_assert_not_null(L->out_bytes, "no %s", c->out);
	}
	cr_assert_eq(!same(L->orig, L->origlen, L->rep_after,
	    L->rep_afterlen), c->writes_report);
	assert_loads(L->rep);
	if (c->out != NULL && strstr(c->out, ".yaml") != NULL)
		assert_loads(L->out);
	served_as_fresh(L);
}

static void
loop_done(struct loop *L)
{
	cr_log_info("%s: %lu allocations, %u runs: %u as the reference, "
	    "%u reported errors (2), %u out of memory (70)", L->c->name,
	    L->count, L->runs, L->by_status[0], L->by_status[1],
	    L->by_status[2]);
	server_stop(L);
	tu_rmtree(L->dir);
	free(L->dir);
	free(L->rep);
	free(L->out);
	free(L->log);
	free(L->orig);
	free(L->stdout_);
	free(L->rep_after);
	free(L->out_bytes);
}

/* Only the report, the shim's log and the command's output are there. */
static void
check_folder(const struct loop *L, const char *what)
{
	DIR		*d = opendir(L->dir);
	struct dirent	*e;

	cr_assert_not_null(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, "r.yaml") == 0 ||
		    strcmp(e->d_name, "log") == 0 ||
		    (L->c->out != NULL && strcmp(e->d_name, L->c->out) == 0))
			continue;
		closedir(d);
		cr_assert_fail("%s: left %s behind", what, e->d_name);
	}
	closedir(d);
}

/* The files after one run (see the top of the file). */
static void
check_files(const struct loop *L, const char *what, bool as_reference)
{
	size_t	 len, olen = 0;
	char	*rep = tu_read(L->rep, &len), *out = NULL;

	cr_assert_not_null(rep, "%s: the report is gone", what);
	if (same(rep, len, L->orig, L->origlen))
		cr_assert(!as_reference || !L->c->writes_report,
		    "%s: the report was not written", what);
	else
		cr_assert(L->c->writes_report && same(rep, len, L->rep_after,
		    L->rep_afterlen), "%s: the report changed", what);
	if (L->c->out != NULL && (out = tu_read(L->out, &olen)) != NULL)
		cr_assert(same(out, olen, L->out_bytes, L->outlen),
		    "%s: %s differs from the reference", what, L->c->out);
	cr_assert(!as_reference || L->c->out == NULL || out != NULL,
	    "%s: no %s", what, L->c->out);
	free(rep);
	free(out);
	check_folder(L, what);
}

/* One run at N; false when no allocation was made to fail. */
static bool
try_n(struct loop *L, unsigned long n, bool persist)
{
	struct tu_run	 r;
	char		 what[96];
	bool		 failed, as_ref;

	reset(L);
	failed = run(L, &r, n, persist);
	snprintf(what, sizeof what, "%s N=%lu %s", L->c->name, n,
	    persist ? "persistent" : "once");
	L->runs++;
	cr_assert(r.status < 128, "%s: killed by signal %d; stderr: %s",
	    what, r.status - 128, r.err);
	cr_assert(r.status == L->status || r.status == 2 ||
	    r.status == XMALLOC_EXIT, "%s: exit status %d; stderr: %s", what,
	    r.status, r.err);
	as_ref = r.status == L->status;
	L->by_status[as_ref ? 0 : r.status == 2 ? 1 : 2]++;
	if (!as_ref)
		cr_assert(r.err[0] != '\0', "%s: status %d and nothing said",
		    what, r.status);
	if (r.status == XMALLOC_EXIT)
		cr_assert(strstr(r.err, "nianbao: fatal: out of memory\n") !=
		    NULL, "%s: stderr: %s", what, r.err);
	cr_assert(failed || as_ref, "%s: nothing failed, yet status %d: %s",
	    what, r.status, r.err);
	if (as_ref)
		cr_assert_str_eq(r.out, L->stdout_, "%s: stdout differs", what);
	check_files(L, what, as_ref);
	tu_run_free(&r);
	return (failed);
}

/* The next N of the plan after n (see the top of the file). */
static unsigned long
next_n(const struct loop *L, unsigned long n, unsigned long step)
{
	unsigned long	tail = L->count > TAIL ? L->count - TAIL : 1;

	if (step != 0)
		return (n + step);
	if (n + HEAD_STEP < tail)
		return (n + HEAD_STEP);
	if (n < tail)
		return (tail + (unsigned long)L->c->seq % TAIL_STEP);
	return (n + TAIL_STEP);
}

static void
oom_loop(const struct cmd *c)
{
	struct loop	 L;
	const char	*s = getenv("NB_OOM_STEP");
	unsigned long	 step = s != NULL ? strtoul(s, NULL, 10) : 0, n;
	int		 mode;

	skip_if_sanitized();
	loop_init(&L, c);
	for (mode = 0; mode < 2; mode++) {
		n = step != 0 ? 1 : 1 + (unsigned long)(c->seq * 2 + mode) *
		    11 % HEAD_STEP;
		for (; n <= L.count; n = next_n(&L, n, step))
			try_n(&L, n, mode == 1);
		/* Past the last allocation: nothing fails, all as before. */
		cr_assert_not(try_n(&L, L.count + 1, mode == 1),
		    "%s: more allocations than counted", c->name);
	}
	loop_done(&L);
}

Test(oom, set)
{
	static const struct cmd c = { "set", { "set", "@R",
	    "t3.new.legal=5", "s1=总体情况：全年主动公开政府信息一千条。",
	    NULL }, NULL, true, 0 };

	oom_loop(&c);
}

Test(oom, check)
{
	static const struct cmd c = { "check", { "check", "@R", NULL },
	    NULL, false, 1 };

	oom_loop(&c);
}

Test(oom, export_txt)
{
	static const struct cmd c = { "export -f txt", { "export", "-f",
	    "txt", "-o", "@O", "@R", NULL }, "o.txt", false, 2 };

	oom_loop(&c);
}

Test(oom, export_docx)
{
	static const struct cmd c = { "export -f docx", { "export", "-f",
	    "docx", "-o", "@O", "@R", NULL }, "o.docx", false, 3 };

	oom_loop(&c);
}

Test(oom, import)
{
	static const struct cmd c = { "import", { "import", "-o", "@O",
	    SEED, NULL }, "i.yaml", false, 4 };

	oom_loop(&c);
}

/* --- the editor ---------------------------------------------------- */

/* The value of cell id in the report at path, or NULL if it does not
 * load.  Newly allocated. */
static char *
value_in(const char *path, const char *id)
{
	struct tpl	**tpls;
	size_t		  n = tu_templates(&tpls), i;
	struct err	  e = { 0 };
	struct report	 *r = store_load(path, tpls, n, &e);
	char		  buf[NUM_FMT_MAX], *v = NULL;
	int		  c;

	if (r != NULL) {
		for (i = 0; i < n && v == NULL; i++)
			if (report_tpl(r) == tpls[i] &&
			    (c = tpl_cell_index(tpls[i], id)) >= 0) {
				report_format_value(r, c, report_value(r, c),
				    buf);
				v = xstrdup(buf);
			}
		report_free(r);
	}
	err_clear(&e);
	tu_templates_free(tpls, n);
	return (v);
}

/* The snapshot path of the report at path (caller frees). */
static char *
snapshot_of(const char *path)
{
	struct err	 e = { 0 };
	struct statedir	*rc = statedir_new(path, &e);
	char		*s;

	cr_assert_not_null(rc, "statedir_new(%s): %s", path, e.msgid);
	s = xstrdup(statedir_snapshot_path(rc));
	statedir_free(rc);
	return (s);
}

static void
editor_round(const char *dir, bool persist)
{
	char		*path = tu_path(dir, persist ? "p.yaml" : "o.yaml");
	char		*orig, *now, *snap, *v, *env[7];
	const char	*out;
	size_t		 olen, nlen, i;
	struct pty	*p;
	int		 st;

	orig = tu_read(FIXTURE, &olen);
	tu_write(path, orig);
	env[0] = xasprintf("HOME=%s", dir);
	env[1] = xasprintf("XDG_STATE_HOME=%s/.state", dir);
	env[2] = xstrdup("LD_PRELOAD=" NB_FAILMALLOC);
	env[3] = xstrdup("NB_FAIL_SIGNAL=1");
	env[4] = xstrdup("NB_FAIL_AFTER=1");
	env[5] = xstrdup(persist ? "NB_FAIL_PERSIST=1" : "NB_FAIL_PERSIST=0");
	env[6] = NULL;
	p = pty_spawn(&(struct pty_opts){ .rows = 30, .cols = 100,
	    .argv = (const char *const[]){ NB_BIN, path, NULL },
	    .env = (const char *const *)env, .cwd = dir });
	cr_assert_not_null(p, "forkpty failed");
	cr_assert(pty_wait_for(p, "小城子镇人民政府", 8000), "no editor");
	pty_settle(p, 80, 8000);
	pty_ctrl(p, 'g');
	pty_settle(p, 80, 8000);
	pty_type(p, "t3.new.natural");
	pty_key(p, PTY_ENTER);
	pty_settle(p, 80, 8000);
	pty_type(p, "4321");
	pty_key(p, PTY_ENTER);
	/* The change taken: the row's 总计 is 4321 + 12 + … + 16 (waiting
	 * for a quiet screen alone failed under load, before the editor had
	 * read the Enter).  Persistent: time for the periodic snapshot,
	 * which is all the hook can leave then. */
	cr_assert(pty_wait_for(p, "4391", 8000), "the total never showed");
	pty_settle(p, persist ? 1200 : 30, 8000);
	pty_signal(p, SIGUSR1);
	pty_key(p, PTY_DOWN);
	pty_key(p, PTY_UP);
	st = pty_wait_exit(p, 8000);
	out = pty_output(p, NULL);
	if (st != XMALLOC_EXIT)
		pty_dump(p, stderr, "editor out of memory");
	cr_assert_eq(st, XMALLOC_EXIT, "%s: the editor ended with %d",
	    persist ? "persistent" : "once", st);
	cr_assert(strstr(out, "nianbao: fatal: out of memory") != NULL);
	cr_assert(!pty_altscreen(p), "still on the alternate screen");
	cr_assert(pty_tty_sane(p), "the terminal was left in raw mode");
	now = tu_read(path, &nlen);
	cr_assert(nlen == olen && memcmp(now, orig, olen) == 0,
	    "the report file changed");
	snap = snapshot_of(path);
	v = value_in(snap, "t3.new.natural");
	cr_assert_not_null(v, "no loadable snapshot %s", snap);
	cr_assert_str_eq(v, "4321", "the snapshot lacks the change");
	if (!persist)
		cr_assert(strstr(out, "unsaved changes are in the recovery "
		    "file") != NULL, "the hook did not say where the work is");
	pty_free(p);
	for (i = 0; i < 6; i++)
		free(env[i]);
	free(v);
	free(snap);
	free(now);
	free(orig);
	free(path);
}

Test(oom, editor_keeps_work)
{
	char	*dir, *state;

	skip_if_sanitized();
	dir = tu_tmpdir();
	state = xasprintf("%s/.state", dir);
	setenv("XDG_STATE_HOME", state, 1);
	editor_round(dir, false);
	editor_round(dir, true);
	unsetenv("XDG_STATE_HOME");
	tu_rmtree(dir);
	free(state);
	free(dir);
}
