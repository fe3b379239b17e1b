/*
 * Never losing a clerk's work, end to end: the real nianbao binary in a
 * pseudo-terminal (ptyutil.h), killed, hung up, its terminal lost, opened
 * twice at once, pasted into.  Issue 6, targets T1, T3, T7, T14 and T19
 * of reliability.md.  (The questions and saves themselves - a snapshot
 * recovered, a stale lock, a file changed on disk, a full disk, T5 and
 * T8 - are tested without a terminal in test_ed_recover.c.)
 *
 * The typing is a seeded script of go-tos, numbers typed into cells and
 * Chinese text typed into the narrative sections, one key at a time at a
 * clerk's pace.  Every key that changes the report is recorded with the
 * time it was written to the terminal and the value of its cell or
 * section after it (the oracle); a report read back must equal the
 * oracle's state after some number of keys k, with k at least the keys
 * typed more than 1 s before a kill -9 (T1) or all of them (a hang-up,
 * T3), and at most the keys typed at all.
 *
 * Each test has its own folder, which is also HOME and the XDG folders of
 * the editor (recovery snapshots and locks go to its .state); the test
 * process points XDG_STATE_HOME there too (edfix.h), so statedir_new()
 * here names the same snapshot and lock files as the editor's.
 *
 * NB_SOAK=1 runs the long loops (50 kills, 20 hang-ups); by default 10
 * and 5 keep the file under a minute and a half, ASan included.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "err.h"
#include "ptyutil.h"
#include "ptyexpect.h"
#include "editlock.h"
#include "filestamp.h"
#include "procid.h"
#include "reportdiff.h"
#include "snapshot.h"
#include "statedir.h"
#include "report.h"
#include "sbuf.h"
#include "store.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

#define ROWS	30
#define COLS	100
#define WAIT_MS	8000	/* generous: the binary may run under ASan */

static struct pty	*g_p;		/* the editor of the running test */
static struct pty	*g_q;		/* a second one */

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

static void
teardown(void)
{
	pty_free(g_p);
	pty_free(g_q);
	g_p = g_q = NULL;
	edfix_teardown();
}

TestSuite(pty_recover, .init = edfix_setup, .fini = teardown,
    .timeout = 240);

static bool
soak(void)
{
	const char	*s = getenv("NB_SOAK");

	return (s != NULL && *s != '\0' && strcmp(s, "0") != 0);
}

/* Starts argv (argv[0] is run as is) in the test's folder (edfix.h). */
static struct pty *
spawn(const char *const *argv)
{
	struct pty	*p = pty_start_home(edfix_dir(), ROWS, COLS, argv,
			    NULL);

	cr_assert_not_null(p, "forkpty failed");
	return (p);
}

/* `nianbao path` */
static struct pty *
start(const char *path)
{
	return (spawn((const char *const[]){ NB_BIN, path, NULL }));
}

static char *
fixture(const char *name)
{
	return (edfix_report(NULL, name, NULL));
}

/* Waits (reading the editor's output) until the file has want in id. */
static bool
wait_file_value(struct pty *p, const char *path, const char *id,
    const char *want)
{
	struct report	*r;
	char		*v;
	bool		 ok = false;
	int		 i;

	for (i = 0; i < WAIT_MS / 50 && !ok; i++) {
		if ((r = edfix_try_load(path)) != NULL) {
			v = edfix_value(r, id);
			ok = strcmp(v, want) == 0;
			free(v);
			report_free(r);
		}
		if (!ok)
			pty_pump(p, 50);
	}
	return (ok);
}

/* The snapshot and lock paths of the report at path (caller frees). */
static char *
snap_path(const char *path, bool lock)
{
	struct err	 e = { 0 };
	struct statedir	*rc = statedir_new(path, &e);
	char		*s;

	cr_assert_not_null(rc, "statedir_new(%s): %s", path,
	    e.msgid != NULL ? e.msgid : "?");
	s = xstrdup(lock ? statedir_lock_path(rc) : statedir_snapshot_path(rc));
	statedir_free(rc);
	return (s);
}

static void
go_to(struct pty *p, const char *target)
{
	pty_go_to(p, target, WAIT_MS);
}

/* Types v into cell id and commits it with Enter. */
static void
type_cell(struct pty *p, const char *id, const char *v)
{
	go_to(p, id);
	pty_type(p, v);
	pty_key(p, PTY_ENTER);
	pty_settle(p, 100, WAIT_MS);
}

/* --- the typing script and its oracle ----------------------------- */

struct target {
	const char	*id;
	bool		 text;		/* a section, else a cell */
	int		 index;		/* section or cell index */
};

static const char *const cell_ids[] = { "t3.new.natural", "t3.new.legal",
    "t2_6.punishment.decisions", "t3.carried_in.commercial" };
static const char *const sec_ids[] = { "s1", "s5" };
#define NTARGETS	6

static const char *const glyphs[] = { "公", "开", "政", "府", "信", "息",
    "年", "度", "报", "告", "依", "申", "请", "办", "理", "，", "。", "a",
    "7" };

struct event {
	double	 t;		/* when the key was written (ms) */
	int	 target;
	char	*value;		/* of the target after the key */
};

struct oracle {
	struct target	 tg[NTARGETS];
	char		*init[NTARGETS];
	char		*cur[NTARGETS];
	struct event	*ev;
	size_t		 nev;
};

static void
oracle_init(struct oracle *o, const char *path)
{
	struct report	*r = edfix_try_load(path);
	size_t		 i;

	cr_assert_not_null(r);
	memset(o, 0, sizeof *o);
	for (i = 0; i < NTARGETS; i++) {
		if (i < 4) {
			o->tg[i] = (struct target){ cell_ids[i], false,
			    tpl_cell_index(edfix_tpl(), cell_ids[i]) };
			o->init[i] = edfix_value(r, cell_ids[i]);
		} else {
			o->tg[i] = (struct target){ sec_ids[i - 4], true,
			    tpl_section_index(edfix_tpl(), sec_ids[i - 4]) };
			o->init[i] = xstrdup(report_text(r, o->tg[i].index));
		}
		cr_assert(o->tg[i].index >= 0, "no %s", o->tg[i].id);
		o->cur[i] = xstrdup(o->init[i]);
	}
	report_free(r);
}

static void
oracle_done(struct oracle *o)
{
	size_t	i;

	for (i = 0; i < NTARGETS; i++) {
		free(o->init[i]);
		free(o->cur[i]);
	}
	for (i = 0; i < o->nev; i++)
		free(o->ev[i].value);
	free(o->ev);
}

/* Records that a key just written set target to value. */
static void
oracle_key(struct oracle *o, int target, const char *value)
{
	o->ev = xreallocarray(o->ev, o->nev + 1, sizeof *o->ev);
	o->ev[o->nev++] = (struct event){ now_ms(), target, xstrdup(value) };
	free(o->cur[target]);
	o->cur[target] = xstrdup(value);
}

/* Keys typed at or before t. */
static size_t
oracle_count(const struct oracle *o, double t)
{
	size_t	k = 0;

	while (k < o->nev && o->ev[k].t <= t)
		k++;
	return (k);
}

/* Target j's value after the first k keys. */
static const char *
oracle_value(const struct oracle *o, size_t k, int j)
{
	const char	*v = o->init[j];
	size_t		 i;

	for (i = 0; i < k; i++)
		if (o->ev[i].target == j)
			v = o->ev[i].value;
	return (v);
}

/* r's value of target j (newly allocated). */
static char *
report_target(const struct report *r, const struct target *tg)
{
	if (tg->text)
		return (xstrdup(report_text(r, tg->index)));
	return (edfix_value(r, tg->id));
}

/* Whether r equals the state after k keys. */
static bool
oracle_matches(const struct oracle *o, const struct report *r, size_t k)
{
	char	*v;
	bool	 same = true;
	int	 j;

	for (j = 0; j < NTARGETS && same; j++) {
		v = report_target(r, &o->tg[j]);
		same = strcmp(v, oracle_value(o, k, j)) == 0;
		free(v);
	}
	return (same);
}

/* Prints r against the states after lo and hi keys. */
static void
oracle_explain(const struct oracle *o, const struct report *r, size_t lo,
    size_t hi)
{
	char	*v;
	int	 j;

	fprintf(stderr, "keys: %zu typed, %zu of them due\n", hi, lo);
	for (j = 0; j < NTARGETS; j++) {
		v = report_target(r, &o->tg[j]);
		fprintf(stderr, "  %-28s got \"%s\"\n  %28s due \"%s\" typed "
		    "\"%s\"\n", o->tg[j].id, v, "", oracle_value(o, lo, j),
		    oracle_value(o, hi, j));
		free(v);
	}
}

/*
 * Types a seeded script into p until the clock passes *stop (ms), or
 * *stop becomes the first key's time plus min_after, whichever is later:
 * go-to a cell and type a number, or go-to a section and type text, at
 * 25-70 ms a key.  Records each key that changes the report in o.
 */
static void
type_script(struct pty *p, struct oracle *o, unsigned *seed, double *stop,
    double min_after)
{
	char	 buf[16], val[256];
	int	 j, n, i;

	while (now_ms() < *stop) {
		j = (int)(rand_r(seed) % NTARGETS);
		go_to(p, o->tg[j].id);
		if (o->tg[j].text)
			snprintf(val, sizeof val, "%s", o->cur[j]);
		else
			val[0] = '\0';
		n = 2 + (int)(rand_r(seed) % (o->tg[j].text ? 8 : 3));
		for (i = 0; i < n && now_ms() < *stop; i++) {
			if (o->tg[j].text)
				snprintf(buf, sizeof buf, "%s",
				    glyphs[rand_r(seed) % (sizeof glyphs /
				    sizeof glyphs[0])]);
			else
				snprintf(buf, sizeof buf, "%c", (char)('0' +
				    (i == 0 ? 1 + rand_r(seed) % 9 :
				    rand_r(seed) % 10)));
			if (!pty_type(p, buf))
				return;
			strncat(val, buf, sizeof val - strlen(val) - 1);
			oracle_key(o, j, val);
			if (o->nev == 1 && *stop < o->ev[0].t + min_after)
				*stop = o->ev[0].t + min_after;
			pty_pump(p, 25 + (int)(rand_r(seed) % 45));
		}
		if (!o->tg[j].text && now_ms() < *stop) {
			pty_key(p, PTY_ENTER);
			pty_pump(p, 30);
		}
	}
}

/* --- T1: kill -9 --------------------------------------------------- */

/* The editor's screen names the section of some changed target. */
static bool
dialog_names_a_change(const struct oracle *o, size_t k)
{
	const struct tpl_section	*s;
	char				 head[64];
	int				 j, sec;

	for (j = 0; j < NTARGETS; j++) {
		if (strcmp(oracle_value(o, k, j), o->init[j]) == 0)
			continue;
		sec = o->tg[j].text ? o->tg[j].index : edfix_tpl()->tables[
		    edfix_tpl()->blocks[edfix_tpl()->cells[o->tg[j].index].block].table]
		    .section;
		s = &edfix_tpl()->sections[sec];
		snprintf(head, sizeof head, "%s、", s->number);
		if (pty_contains(g_p, head))
			return (true);
	}
	return (false);
}

static void
kill_once(int iter, unsigned *seed)
{
	struct oracle	 o;
	struct report	*r;
	char		 name[32], *path;
	double		 stop, killed;
	size_t		 lo, hi, k;
	int		 st;
	bool		 found = false;

	snprintf(name, sizeof name, "k%02d.yaml", iter);
	path = fixture(name);
	oracle_init(&o, path);
	g_p = start(path);
	WAIT_FOR("测试镇人民政府");
	pty_settle(g_p, 80, WAIT_MS);
	/* Killed at a random moment, at least 1.1 s after the first change
	 * so that something is due. */
	stop = now_ms() + 800 + rand_r(seed) % 1700;
	type_script(g_p, &o, seed, &stop, 1100);
	pty_signal(g_p, SIGKILL);
	killed = now_ms();
	EXPECT(pty_wait_exit(g_p, WAIT_MS) == 128 + SIGKILL, "not killed");
	pty_free(g_p);
	lo = oracle_count(&o, killed - 1000);
	hi = o.nev;
	cr_assert(lo > 0, "iteration %d: no key was due", iter);

	/* Reopen: the question lists the sections; Recover; save. */
	g_p = start(path);
	WAIT_FOR("发现未保存的修改");
	pty_settle(g_p, 80, WAIT_MS);
	EXPECT(dialog_names_a_change(&o, hi) || dialog_names_a_change(&o, lo),
	    "iteration %d: the question names no changed section", iter);
	pty_type(g_p, "1");
	WAIT_FOR("已恢复");
	pty_ctrl(g_p, 's');
	WAIT_FOR("已保存到");
	pty_ctrl(g_p, 'q');
	st = pty_wait_exit(g_p, WAIT_MS);
	EXPECT(st == 0, "iteration %d: Ctrl-Q after saving gave %d", iter, st);
	pty_free(g_p);
	g_p = NULL;

	r = edfix_try_load(path);
	cr_assert_not_null(r, "iteration %d: the saved report does not load",
	    iter);
	for (k = lo; k <= hi && !found; k++)
		found = oracle_matches(&o, r, k);
	if (!found)
		oracle_explain(&o, r, lo, hi);
	cr_assert(found, "iteration %d: the recovered report is not the state "
	    "after %zu..%zu keys", iter, lo, hi);
	cr_log_info("kill %d: %zu keys typed, %zu due, recovered %zu", iter,
	    hi, lo, k - 1);
	report_free(r);
	oracle_done(&o);
}

/* T1 / Done when 1: kill -9 at random moments of typing loses at most
 * the last second and invents nothing. */
Test(pty_recover, kill9_loses_at_most_one_second)
{
	unsigned	seed = 20250101;
	int		n = soak() ? 50 : 10, i;
	double		t0 = now_ms();

	for (i = 0; i < n; i++)
		kill_once(i, &seed);
	cr_log_info("%d kills in %.1f s", n, (now_ms() - t0) / 1e3);
}

/* --- T3: hang-ups -------------------------------------------------- */

/* The pid of p's child process (the editor under sh), or -1. */
static pid_t
child_of(pid_t parent)
{
	char	 path[64], *s;
	pid_t	 pid = -1;

	snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)parent,
	    (int)parent);
	if ((s = tu_read(path, NULL)) != NULL) {
		if (*s >= '1' && *s <= '9')
			pid = (pid_t)strtol(s, NULL, 10);
		free(s);
	}
	return (pid);
}

/* Whether tok occurs in s as a word (between blanks or ';'). */
static bool
has_word(const char *s, const char *tok)
{
	size_t		 n = strlen(tok);
	const char	*p;

	for (p = s; (p = strstr(p, tok)) != NULL; p += n)
		if ((p == s || strchr(" \t\r\n;", p[-1]) != NULL) &&
		    (p[n] == '\0' || strchr(" \t\r\n;", p[n]) != NULL))
			return (true);
	return (false);
}

/* The report in a snapshot file (its header lines are YAML comments). */
static struct report *
load_snapshot(const char *path)
{
	char		*snap = snap_path(path, false);
	struct report	*r = edfix_try_load(snap);

	free(snap);
	return (r);
}

static void
hup_once(int iter, unsigned *seed)
{
	struct oracle	 o;
	struct report	*r;
	char		 name[32], *path, *cmd, *out;
	const char	*log;
	size_t		 len, mark;
	double		 stop, sent, gone;
	pid_t		 ed;
	int		 i;

	snprintf(name, sizeof name, "h%02d.yaml", iter);
	path = fixture(name);
	oracle_init(&o, path);
	cmd = xasprintf("'%s' '%s'; echo NBEXIT=$?; stty -a", NB_BIN, path);
	g_p = spawn((const char *const[]){ "/bin/sh", "-c", cmd, NULL });
	free(cmd);
	WAIT_FOR("测试镇人民政府");
	pty_settle(g_p, 80, WAIT_MS);
	for (i = 0; i < 100 && (ed = child_of(pty_pid(g_p))) < 0; i++)
		pty_pump(g_p, 10);
	cr_assert(ed > 0, "no editor under sh");
	stop = now_ms() + 300 + rand_r(seed) % 1200;
	type_script(g_p, &o, seed, &stop, 200);
	mark = pty_mark(g_p);
	kill(ed, SIGHUP);
	sent = now_ms();
	while (kill(ed, 0) == 0 && now_ms() - sent < WAIT_MS)
		pty_pump(g_p, 5);
	gone = now_ms() - sent;
	EXPECT(pty_wait_exit(g_p, WAIT_MS) == 0, "sh did not finish");
	EXPECT(gone <= 1000, "iteration %d: the editor took %.0f ms to exit "
	    "after SIGHUP", iter, gone);
	log = pty_output(g_p, &len);
	out = xstrndup(log + mark, len - mark);
	EXPECT(pty_sent_since(g_p, mark, "\033[?2004l"),
	    "bracketed paste not switched off");
	EXPECT(strstr(out, "NBEXIT=1") != NULL, "exit status: %s", out);
	EXPECT(strstr(out, "Sanitizer") == NULL, "sanitizer report: %s", out);
	EXPECT(strstr(out, "恢复文件") != NULL, "no word on where the work "
	    "is: %s", out);
	EXPECT(has_word(out, "icanon") && has_word(out, "echo") &&
	    !has_word(out, "-icanon") && !has_word(out, "-echo"),
	    "iteration %d: terminal not sane after SIGHUP:\n%s", iter, out);
	free(out);
	pty_free(g_p);
	g_p = NULL;

	/* Everything typed is in the snapshot. */
	r = load_snapshot(path);
	cr_assert_not_null(r, "iteration %d: no loadable snapshot", iter);
	if (!oracle_matches(&o, r, o.nev))
		oracle_explain(&o, r, o.nev, o.nev);
	cr_assert(oracle_matches(&o, r, o.nev), "iteration %d: the snapshot "
	    "lacks keys typed before SIGHUP", iter);
	cr_log_info("hup %d: %zu keys, exit %.0f ms after SIGHUP", iter,
	    o.nev, gone);
	report_free(r);
	oracle_done(&o);
}

/* T3, T19 / Done when 2: SIGHUP mid-typing loses nothing, the editor
 * exits within a second and the terminal is sane (`stty -a`). */
Test(pty_recover, sighup_loses_nothing_terminal_sane)
{
	unsigned	seed = 777;
	int		n = soak() ? 20 : 5, i;

	for (i = 0; i < n; i++)
		hup_once(i, &seed);
}

/* T3: SIGTERM and a closed terminal (the master side gone, as when an
 * SSH link drops) save everything typed too. */
Test(pty_recover, sigterm_and_lost_terminal)
{
	struct oracle	 o;
	struct report	*r;
	unsigned	 seed = 4242;
	double		 stop;
	char		*path;
	int		 round, st;

	for (round = 0; round < 2; round++) {
		path = fixture(round == 0 ? "term.yaml" : "lost.yaml");
		oracle_init(&o, path);
		g_p = start(path);
		WAIT_FOR("测试镇人民政府");
		pty_settle(g_p, 80, WAIT_MS);
		stop = now_ms() + 600;
		type_script(g_p, &o, &seed, &stop, 200);
		if (round == 0)
			pty_signal(g_p, SIGTERM);
		else {
			/* Input not yet read dies with the terminal: let
			 * the editor take the last key first. */
			pty_settle(g_p, 150, WAIT_MS);
			pty_hangup(g_p);
		}
		st = pty_wait_exit(g_p, 2000);
		EXPECT(st != -1, "round %d: still running 2 s later", round);
		EXPECT(st == 1, "round %d: exit status %d", round, st);
		pty_free(g_p);
		g_p = NULL;
		r = load_snapshot(path);
		cr_assert_not_null(r, "round %d: no snapshot", round);
		if (!oracle_matches(&o, r, o.nev))
			oracle_explain(&o, r, o.nev, o.nev);
		cr_assert(oracle_matches(&o, r, o.nev), "round %d: keys lost",
		    round);
		report_free(r);
		oracle_done(&o);
	}
}

/* --- T7: two editors, stale locks ---------------------------------- */

/* T7: a second editor on the same report is told and offered read-only,
 * where edits are refused. */
Test(pty_recover, second_editor_told_and_read_only)
{
	char	*path = fixture("r.yaml"), *lock, *v;
	int	 st;

	g_p = start(path);
	WAIT_FOR("测试镇人民政府");
	type_cell(g_p, "t3.new.natural", "5");
	g_q = start(path);
	EXPECT_P(g_q, pty_wait_for(g_q, "此报表正在另一窗口编辑", WAIT_MS),
	    "the second editor was not told");
	EXPECT_P(g_q, pty_wait_for(g_q, "接管", WAIT_MS) &&
	    pty_contains(g_q, "只读"), "no read-only / take over choices");
	pty_type(g_q, "1");
	EXPECT_P(g_q, pty_wait_for(g_q, "测试镇人民政府", WAIT_MS),
	    "read-only did not open the report");
	go_to(g_q, "t3.new.legal");
	pty_type(g_q, "9");
	EXPECT_P(g_q, pty_wait_for(g_q, "不能修改", WAIT_MS),
	    "typing in read-only mode was not refused");
	pty_ctrl(g_q, 's');
	EXPECT_P(g_q, pty_wait_for(g_q, "不能保存到原文件", WAIT_MS),
	    "save in read-only mode did not ask for another file");
	pty_key(g_q, PTY_ESC);
	pty_settle(g_q, 100, WAIT_MS);
	pty_ctrl(g_q, 'q');
	st = pty_wait_exit(g_q, WAIT_MS);
	EXPECT_P(g_q, st == 0, "read-only Ctrl-Q gave %d", st);
	/* The first editor still holds the report; it saves and quits. */
	lock = snap_path(path, true);
	cr_expect(access(lock, F_OK) == 0, "the read-only editor removed the "
	    "lock of the first");
	pty_ctrl(g_p, 's');
	EXPECT(wait_file_value(g_p, path, "t3.new.natural", "5"), "not saved");
	v = edfix_file_value(path, "t3.new.legal");
	cr_expect_str_eq(v, "0", "the read-only editor changed the file");
	free(v);
	pty_ctrl(g_p, 'q');
	EXPECT(pty_wait_exit(g_p, WAIT_MS) == 0, "Ctrl-Q");
	cr_expect(access(lock, F_OK) != 0, "the lock stays after quitting");
	free(lock);
}

/* --- T14: pastes ---------------------------------------------------- */

static bool
file_same(const char *path, const char *orig, size_t olen)
{
	size_t	 n;
	char	*now = tu_read(path, &n);
	bool	 same = now != NULL && n == olen &&
	    memcmp(now, orig, olen) == 0;

	free(now);
	return (same);
}

/*
 * T14: a 10 MB bracketed paste with ^S, ^Q and escape sequences inside
 * into a text section: refused with a message, the editor answers within
 * a second, nothing saved or quit; a short paste with them keeps only
 * the text.
 */
Test(pty_recover, hostile_paste)
{
	char		*path = fixture("r.yaml"), *orig, *big;
	size_t		 n = 10 * 1024 * 1024, i, olen, mark;
	double		 t0, taken, answered;
	static const char unit[] = "公开，\x13\x11\033[2J\x01";
	size_t		 ulen = sizeof unit - 1;

	orig = tu_read(path, &olen);
	g_p = start(path);
	WAIT_FOR("测试镇人民政府");
	go_to(g_p, "s1");
	big = xmalloc(n + 1);
	for (i = 0; i + ulen <= n; i += ulen)
		memcpy(big + i, unit, ulen);
	big[i] = '\0';
	t0 = now_ms();
	EXPECT(pty_paste(g_p, big), "the editor stopped reading the paste");
	free(big);
	taken = now_ms() - t0;
	/* The answer: the refusal on screen. */
	t0 = now_ms();
	WAIT_FOR("文字过长");
	answered = now_ms() - t0;
	EXPECT(answered < 1000, "refused %.0f ms after the paste", answered);
	/* And the next key is answered at once. */
	t0 = now_ms();
	mark = pty_mark(g_p);
	pty_ctrl(g_p, 'l');
	while (pty_bytes_since(g_p, mark) == 0 && now_ms() - t0 < 10000 &&
	    pty_alive(g_p))
		pty_pump(g_p, 5);
	cr_log_info("10 MB paste read in %.0f ms, refused %.0f ms after, "
	    "next key answered in %.0f ms", taken, answered, now_ms() - t0);
	EXPECT(pty_alive(g_p), "died or quit on the paste");
	EXPECT(now_ms() - t0 < 1000, "Ctrl-L answered %.0f ms later",
	    now_ms() - t0);
	cr_expect(file_same(path, orig, olen), "the paste saved the file");

	/* A short one: only its text arrives. */
	pty_paste(g_p, "甲\x13乙\x11丙\033[2J丁\033]0;x\007戊");
	WAIT_FOR("甲乙丙");
	pty_settle(g_p, 200, WAIT_MS);
	EXPECT(pty_alive(g_p), "quit by a ^Q in a paste");
	cr_expect(file_same(path, orig, olen), "saved by a ^S in a paste");
	EXPECT(pty_contains(g_p, "已修改"), "the paste changed nothing");
	free(orig);
}

/* A report that cannot be read: said on stderr before the screen is
 * touched, exit 2, and its lock is not left behind. */
Test(pty_recover, unreadable_report_exits_cleanly)
{
	char		*path = edfix_path("bad.yaml"), *lock;
	struct tu_run	 run;

	tu_write(path, "nianbao: 1\ntemplate: [unclosed\n");
	tu_nianbao(&run, NULL, (const char *const[]){ path, NULL });
	cr_expect_eq(run.status, 2, "exit %d: %s", run.status, run.err);
	cr_expect(strstr(run.err, "bad.yaml") != NULL, "stderr: %s", run.err);
	cr_expect(strstr(run.err, "Sanitizer") == NULL, "%s", run.err);
	cr_expect(strstr(run.out, "\033[?1049h") == NULL,
	    "the screen was touched");
	lock = snap_path(path, true);
	cr_expect(access(lock, F_OK) != 0, "the lock stayed");
	tu_run_free(&run);
	free(lock);
}
