/*
 * Recovery (T7, T8, T20): the private folder and its modes, snapshot
 * names, snapshots written and found (newer or older than the report,
 * the cells and sections that differ, stale identical copies removed,
 * damaged ones refused), symlinked and foreign-owned files refused, the
 * write schedule, saves and external changes, lock records of a live
 * pid, a dead pid, another host, another boot and a reused pid, and the
 * clean-up of temp files left by dead processes.
 *
 * Each test runs in its own process (criterion) with XDG_STATE_HOME
 * pointing into a fresh temp folder.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "editlock.h"
#include "sbuf.h"
#include "snapshot.h"
#include "statedir.h"
#include "store.h"
#include "testutil.h"
#include "xmalloc.h"
#include "ytree.h"

static struct tpl	*T[2];
static char		*tmp;		/* this test's folder */
static char		*state;		/* XDG_STATE_HOME */
static char		*rpath;		/* the report file */

static void
setup(void)
{
	tu_tpl_pair(T);
	tmp = tu_tmpdir();
	state = tu_path(tmp, "state");
	rpath = tu_path(tmp, "2024.yaml");
	setenv("XDG_STATE_HOME", state, 1);
}

static void
teardown(void)
{
	tu_tpl_pair_free(T);
	free(tmp);
	free(state);
	free(rpath);
}

TestSuite(recover, .init = setup, .fini = teardown);

/* ---- helpers ---- */

/* The n-th input cell of t. */
static int
input_cell(const struct tpl *t, int n)
{
	size_t	i;

	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].formula < 0 && n-- == 0)
			return ((int)i);
	cr_assert_fail("no input cell %d", n);
	return (-1);
}

static int
cell_section(const struct tpl *t, int c)
{
	return (t->tables[t->blocks[t->cells[c].block].table].section);
}

static int
narrative(const struct tpl *t, int n)
{
	size_t	i;

	for (i = 0; i < t->nsections; i++)
		if (t->sections[i].kind == TPL_NARRATIVE && n-- == 0)
			return ((int)i);
	cr_assert_fail("no narrative section");
	return (-1);
}

static void
set(struct report *r, int cell, const char *v)
{
	struct err	e = { 0 };

	cr_assert(report_set_input(r, cell, v, NULL, &e), "%s", v);
}

/* A small report, saved to rpath. */
static struct report *
saved_report(void)
{
	struct report	*r = report_new(T[0]);
	struct err	 e = { 0 };

	report_set_organ(r, "小城子镇人民政府");
	report_set_year(r, 2024);
	report_set_text(r, narrative(T[0], 0), "　　原来的文字。", NULL);
	set(r, input_cell(T[0], 0), "5");
	cr_assert(store_save(r, rpath, &e));
	return (r);
}

static struct statedir *
rc_new(const char *path)
{
	struct err	 e = { 0 };
	struct statedir	*rc = statedir_new(path, &e);

	cr_assert_not_null(rc, "statedir_new: %s", e.msgid);
	return (rc);
}

static mode_t
mode_of(const char *path)
{
	struct stat	st;

	cr_assert_eq(lstat(path, &st), 0, "%s", path);
	return (st.st_mode & 07777);
}

static bool
exists(const char *path)
{
	struct stat	st;

	return (lstat(path, &st) == 0);
}

/* Opens rpath with recovery and a tracked clean report loaded from it. */
static struct report *
open_tracked(struct statedir *rc)
{
	struct filestamp	 st;
	struct err		 e = { 0 };
	struct report		*r = store_load_stamped(rpath, T, 2, &st, &e);

	cr_assert_not_null(r, "%s", e.msgid);
	snapshot_track(rc, r, &st, false);
	return (r);
}

/* Replaces the line starting with key in file path by line. */
static void
replace_line(const char *path, const char *key, const char *line)
{
	char		*text = tu_read(path, NULL), *p, *eol, *out;

	cr_assert_not_null(text);
	p = strstr(text, key);
	cr_assert_not_null(p, "%s in %s", key, path);
	eol = strchr(p, '\n');
	out = xasprintf("%.*s%s%s", (int)(p - text), text, line, eol);
	tu_write(path, out);
	free(out);
	free(text);
}

static pid_t
dead_pid(void)
{
	pid_t	pid = fork();

	cr_assert(pid >= 0);
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return (pid);
}

/* ---- the folder and the names ---- */

Test(recover, folder_created_private)
{
	struct statedir	*rc;
	char		*want = xasprintf("%s/nianbao", state);

	cr_assert(!exists(state));
	rc = rc_new(rpath);
	cr_assert_str_eq(statedir_dir(rc), want);
	cr_assert_eq(mode_of(want), 0700);
	cr_assert_eq(mode_of(state), 0700);
	cr_assert(strncmp(statedir_snapshot_path(rc), want, strlen(want)) == 0);
	cr_assert(strstr(statedir_snapshot_path(rc), "-2024.yaml.snap"));
	cr_assert(strstr(statedir_lock_path(rc), "-2024.yaml.lock"));
	statedir_free(rc);
	free(want);
}

Test(recover, folder_mode_tightened)
{
	char	*dir = xasprintf("%s/nianbao", state);

	cr_assert_eq(mkdir(state, 0755), 0);
	cr_assert_eq(mkdir(dir, 0755), 0);
	chmod(dir, 0755);
	statedir_free(rc_new(rpath));
	cr_assert_eq(mode_of(dir), 0700);
	free(dir);
}

Test(recover, folder_symlink_refused)
{
	char		*dir = xasprintf("%s/nianbao", state);
	char		*other = tu_path(tmp, "elsewhere");
	struct err	 e = { 0 };

	cr_assert_eq(mkdir(state, 0700), 0);
	cr_assert_eq(mkdir(other, 0700), 0);
	cr_assert_eq(symlink(other, dir), 0);
	cr_assert_null(statedir_new(rpath, &e));
	cr_assert_str_eq(e.msgid, "recover.dir_unsafe");
	err_clear(&e);
	free(dir);
	free(other);
}

Test(recover, folder_not_a_folder_refused)
{
	char		*dir = xasprintf("%s/nianbao", state);
	struct err	 e = { 0 };

	cr_assert_eq(mkdir(state, 0700), 0);
	tu_write(dir, "x");
	cr_assert_null(statedir_new(rpath, &e));
	cr_assert_str_eq(e.msgid, "recover.dir_unsafe");
	err_clear(&e);
	free(dir);
}

Test(recover, folder_foreign_refused)
{
	char		*dir = xasprintf("%s/nianbao", state);
	struct err	 e = { 0 };

	if (geteuid() != 0)
		cr_skip_test("needs root to chown");
	cr_assert_eq(mkdir(state, 0700), 0);
	cr_assert_eq(mkdir(dir, 0700), 0);
	cr_assert_eq(chown(dir, 65534, 65534), 0);
	cr_assert_null(statedir_new(rpath, &e));
	cr_assert_str_eq(e.msgid, "recover.dir_unsafe");
	err_clear(&e);
	free(dir);
}

Test(recover, home_fallback_and_relative_xdg_ignored)
{
	struct statedir	*rc;
	char		*want = xasprintf("%s/.local/state/nianbao", tmp);

	setenv("XDG_STATE_HOME", "relative/state", 1);
	setenv("HOME", tmp, 1);
	rc = rc_new(rpath);
	cr_assert_str_eq(statedir_dir(rc), want);
	cr_assert_eq(mode_of(want), 0700);
	statedir_free(rc);
	free(want);
}

Test(recover, same_report_same_names)
{
	struct statedir	*a, *b, *c, *d;
	char		*link = tu_path(tmp, "link.yaml"), *cwd = getcwd(NULL, 0);
	char		*other = tu_path(tmp, "2023.yaml");
	struct report	*r = saved_report();

	cr_assert_eq(symlink(rpath, link), 0);
	a = rc_new(rpath);
	b = rc_new(link);
	cr_assert_eq(chdir(tmp), 0);
	c = rc_new("2024.yaml");
	d = rc_new(other);		/* does not exist yet: fine */
	cr_assert_str_eq(statedir_report_path(a), statedir_report_path(b));
	cr_assert_str_eq(statedir_snapshot_path(a), statedir_snapshot_path(b));
	cr_assert_str_eq(statedir_snapshot_path(a), statedir_snapshot_path(c));
	cr_assert_str_neq(statedir_snapshot_path(a), statedir_snapshot_path(d));
	cr_assert_str_eq(statedir_report_path(d), other);
	cr_assert_eq(chdir(cwd), 0);
	statedir_free(a);
	statedir_free(b);
	statedir_free(c);
	statedir_free(d);
	report_free(r);
	free(link);
	free(other);
	free(cwd);
}

Test(recover, long_and_odd_names)
{
	char		 name[300];
	char		*path;
	struct statedir	*rc;
	const char	*base;
	struct err	 e = { 0 };

	/* 3-byte characters so that the cut must avoid splitting one. */
	name[0] = '\0';
	while (strlen(name) < 200)
		strcat(name, "报");
	strcat(name, "\n.yaml");
	path = tu_path(tmp, name);
	rc = rc_new(path);
	base = strrchr(statedir_snapshot_path(rc), '/') + 1;
	cr_assert(strlen(base) <= 16 + 1 + 96 + 5);
	cr_assert_null(strchr(base, '\n'));
	cr_assert_eq(strlen(base) - 17 - 5, 96 / 3 * 3);
	statedir_free(rc);
	free(path);
	path = tu_path(tmp, "no/such/folder.yaml");
	cr_assert_null(statedir_new(path, &e));
	cr_assert_str_eq(e.msgid, "recover.path");
	err_clear(&e);
	free(path);
}

/* ---- snapshots ---- */

Test(recover, snapshot_modes_and_round_trip)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	char			*a, *b;

	report_free(r);
	r = open_tracked(rc);
	report_set_text(r, narrative(T[0], 0), "　　新的文字，\"引号\"。\n第二行", NULL);
	cr_assert(snapshot_write(rc, r, 1000, &e), "%s", e.msgid);
	cr_assert_eq(mode_of(statedir_snapshot_path(rc)), 0600);
	cr_assert_eq(mode_of(statedir_dir(rc)), 0700);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	a = store_dump(r);
	b = store_dump(f->snap);
	cr_assert_str_eq(a, b);
	cr_assert_str_eq(f->report, statedir_report_path(rc));
	cr_assert_eq(f->who, PROCID_SELF);
	cr_assert_eq(f->owner.pid, (long)getpid());
	cr_assert(f->newer);
	cr_assert(!f->base_changed);
	cr_assert_not_null(f->file);
	snapshot_found_free(f);
	free(a);
	free(b);
	report_free(r);
	statedir_free(rc);
}

Test(recover, diff_lists_cells_and_sections)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	int			 c0 = input_cell(T[0], 0), c1 = input_cell(T[0], 1);
	int			 cfar = input_cell(T[0], 40), s0 = narrative(T[0], 0);
	int			 s1 = narrative(T[0], 1);
	size_t			 i;
	int			 ntext = 0, ncell = 0;

	report_free(r);
	r = open_tracked(rc);
	set(r, c0, "6");		/* changed */
	set(r, c1, "0");		/* blank -> 0 */
	set(r, cfar, "12");
	report_set_text(r, s1, "新加的一段。", NULL);
	report_set_organ(r, "小城子镇人民政府办公室");
	cr_assert(snapshot_write(rc, r, 0, &e));
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	for (i = 0; i < f->ndiffs; i++) {
		switch (f->diffs[i].kind) {
		case REPORTDIFF_TEXT:
			cr_assert_eq(f->diffs[i].section, s1);
			ntext++;
			break;
		case REPORTDIFF_CELL:
			cr_assert(f->diffs[i].cell == c0 ||
			    f->diffs[i].cell == c1 || f->diffs[i].cell == cfar);
			cr_assert_eq(f->diffs[i].section,
			    cell_section(T[0], f->diffs[i].cell));
			ncell++;
			break;
		case REPORTDIFF_ORGAN:
			cr_assert_eq(f->diffs[i].section, -1);
			break;
		default:
			cr_assert_fail("unexpected diff kind %d",
			    f->diffs[i].kind);
		}
	}
	cr_assert_eq(f->ndiffs, 5);
	cr_assert_eq(ntext, 1);
	cr_assert_eq(ncell, 3);
	/* Section summary: s1's text, and the cells' sections. */
	for (i = 0; i < f->nsecs; i++) {
		int sec = f->secs[i].section;
		size_t want = (sec == cell_section(T[0], c0)) +
		    (sec == cell_section(T[0], c1)) +
		    (sec == cell_section(T[0], cfar));

		cr_assert_neq(sec, s0);
		cr_assert_eq(f->secs[i].text, sec == s1);
		cr_assert_eq(f->secs[i].ncells, want);
		if (i > 0)
			cr_assert_gt(sec, f->secs[i - 1].section);
	}
	cr_assert_geq(f->nsecs, 2);
	snapshot_found_free(f);
	report_free(r);
	statedir_free(rc);
}

/* The first computed cell of t. */
static int
computed_cell(const struct tpl *t)
{
	size_t	i;

	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].formula >= 0)
			return ((int)i);
	cr_assert_fail("no computed cell");
	return (-1);
}

Test(recover, diff_previous_and_published)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct report_value	 v = { RV_SET, { 42, 0 } };
	struct err		 e = { 0 };
	int			 tot = computed_cell(T[0]);
	int			 in = input_cell(T[0], 2);
	bool			 prev_tot = false, prev_in = false, pub = false;
	size_t			 i;

	report_free(r);
	r = open_tracked(rc);
	report_set_prev_value(r, tot, &v);	/* last year's total */
	report_set_prev_value(r, in, &v);
	report_set_published(r, tot, &v);	/* a printed total */
	cr_assert(snapshot_write(rc, r, 0, &e));
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	for (i = 0; i < f->ndiffs; i++) {
		if (f->diffs[i].kind == REPORTDIFF_PREVIOUS)
			*(f->diffs[i].cell == tot ? &prev_tot : &prev_in) =
			    true;
		else if (f->diffs[i].kind == REPORTDIFF_PUBLISHED &&
		    f->diffs[i].cell == tot)
			pub = true;
		else
			cr_assert_fail("unexpected diff kind %d",
			    f->diffs[i].kind);
	}
	cr_assert(prev_tot && prev_in && pub);
	cr_assert_eq(f->ndiffs, 3);
	snapshot_found_free(f);
	report_free(r);
	statedir_free(rc);
}

Test(recover, diff_against_missing_file)
{
	struct report		*r = report_new(T[0]);
	struct statedir		*rc = rc_new(rpath);
	struct filestamp	 none = { 0 };
	struct snapshot_found	*f;
	struct err		 e = { 0 };

	snapshot_track(rc, r, &none, false);
	set(r, input_cell(T[0], 3), "7");
	cr_assert(snapshot_pending(rc, r));
	cr_assert(snapshot_write(rc, r, 0, &e));
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	cr_assert_null(f->file);
	cr_assert_null(f->file_err.msgid);
	cr_assert(!f->file_stamp.exists);
	cr_assert(f->newer);
	cr_assert_eq(f->ndiffs, 1);
	cr_assert_eq(f->diffs[0].cell, input_cell(T[0], 3));
	snapshot_found_free(f);
	report_free(r);
	statedir_free(rc);
}

Test(recover, diff_other_template)
{
	struct report		*r = saved_report(), *s = report_new(T[1]);
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };

	snapshot_track(rc, s, NULL, false);
	set(s, input_cell(T[1], 0), "1");
	cr_assert(snapshot_write(rc, s, 0, &e));
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	cr_assert_eq(f->ndiffs, 1);
	cr_assert_eq(f->diffs[0].kind, REPORTDIFF_TEMPLATE);
	snapshot_found_free(f);
	report_free(r);
	report_free(s);
	statedir_free(rc);
}

Test(recover, snapshot_older_than_report)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	struct timespec		 future[2];

	report_free(r);
	r = open_tracked(rc);
	set(r, input_cell(T[0], 0), "9");
	cr_assert(snapshot_write(rc, r, 0, &e));
	/* Someone saved the report after the snapshot was written. */
	clock_gettime(CLOCK_REALTIME, &future[0]);
	future[0].tv_sec += 60;
	future[1] = future[0];
	cr_assert_eq(utimensat(AT_FDCWD, rpath, future, 0), 0);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	cr_assert(!f->newer);
	cr_assert(!f->base_changed);	/* same content, only a newer mtime */
	snapshot_found_free(f);
	/* Now change the content too. */
	tu_write(rpath, "nianbao: 1\ntemplate: gb2021\norgan: 别的\n");
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	cr_assert(f->base_changed);
	cr_assert(!f->newer);	/* rewritten after the snapshot */
	snapshot_found_free(f);
	report_free(r);
	statedir_free(rc);
}

Test(recover, file_unreadable_is_reported)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };

	report_free(r);
	r = open_tracked(rc);
	set(r, input_cell(T[0], 0), "9");
	cr_assert(snapshot_write(rc, r, 0, &e));
	tu_write(rpath, "nianbao: 1\ntemplate: [\n");
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	cr_assert_null(f->file);
	cr_assert_str_eq(f->file_err.msgid, "yaml.syntax");
	cr_assert(f->file_stamp.exists);
	cr_assert_geq(f->ndiffs, 1);
	snapshot_found_free(f);
	report_free(r);
	statedir_free(rc);
}

Test(recover, stale_identical_snapshot_removed)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	char			*line;

	report_free(r);
	r = open_tracked(rc);
	cr_assert(snapshot_write(rc, r, 0, &e));	/* same as the file */
	cr_assert(exists(statedir_snapshot_path(rc)));
	/* Written by a process that is gone. */
	line = xasprintf("#@ pid %ld", (long)dead_pid());
	replace_line(statedir_snapshot_path(rc), "#@ pid ", line);
	free(line);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_NONE);
	cr_assert_null(f);
	cr_assert(!exists(statedir_snapshot_path(rc)));
	report_free(r);
	statedir_free(rc);
}

Test(recover, live_writer_snapshot_kept)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	char			*line = xasprintf("#@ pid %ld", (long)getppid());

	report_free(r);
	r = open_tracked(rc);
	cr_assert(snapshot_write(rc, r, 0, &e));
	replace_line(statedir_snapshot_path(rc), "#@ pid ", line);
	replace_line(statedir_snapshot_path(rc), "#@ start ", "#@ start 0");
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	cr_assert_eq(f->who, PROCID_ALIVE);
	cr_assert_eq(f->ndiffs, 0);
	cr_assert(exists(statedir_snapshot_path(rc)));
	snapshot_found_free(f);
	report_free(r);
	statedir_free(rc);
	free(line);
}

Test(recover, damaged_snapshots_refused)
{
	static const char *const bad[] = {
		"",
		"nianbao: 1\ntemplate: gb2021\n",
		"# nianbao recovery snapshot; do not edit\n#@ version 2\n",
		"# nianbao recovery snapshot; do not edit\n#@ nonsense 1\n",
		"# nianbao recovery snapshot; do not edit\n#@ version 1\n"
		    "nianbao: 1\n",
		NULL
	};
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	char			*text;
	size_t			 len, i;

	report_free(r);
	r = open_tracked(rc);
	set(r, input_cell(T[0], 0), "9");
	for (i = 0; bad[i] != NULL; i++) {
		tu_write(statedir_snapshot_path(rc), bad[i]);
		cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR,
		    "case %zu", i);
		cr_assert_str_eq(e.msgid, "recover.corrupt", "case %zu", i);
		err_clear(&e);
	}
	/* A torn body (a byte lost at the end) and a changed byte. */
	cr_assert(snapshot_write(rc, r, 0, &e));
	text = tu_read(statedir_snapshot_path(rc), &len);
	text[len - 1] = '\0';
	tu_write(statedir_snapshot_path(rc), text);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.corrupt");
	err_clear(&e);
	text[len - 1] = '\n';
	*strstr(text, "organ: \"") = 'O';
	tu_write(statedir_snapshot_path(rc), text);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.corrupt");
	err_clear(&e);
	free(text);
	/* A snapshot of another report (hash collision, moved file). */
	cr_assert(snapshot_write(rc, r, 0, &e));
	replace_line(statedir_snapshot_path(rc), "#@ report ",
	    "#@ report /some/other.yaml");
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.corrupt");
	err_clear(&e);
	report_free(r);
	statedir_free(rc);
}

Test(recover, snapshot_symlink_refused)
{
	struct report		*r = report_new(T[0]);
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	char			*victim = tu_path(tmp, "victim.txt"), *text;

	tu_write(victim, "precious\n");
	cr_assert_eq(symlink(victim, statedir_snapshot_path(rc)), 0);
	snapshot_track(rc, r, NULL, false);
	set(r, input_cell(T[0], 0), "1");
	cr_assert(!snapshot_write(rc, r, 0, &e));
	cr_assert_str_eq(e.msgid, "recover.unsafe");
	err_clear(&e);
	text = tu_read(victim, NULL);
	cr_assert_str_eq(text, "precious\n");
	free(text);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.unsafe");
	err_clear(&e);
	/* Discarding removes the link, never its target. */
	cr_assert(snapshot_discard(rc, &e));
	cr_assert(!exists(statedir_snapshot_path(rc)));
	cr_assert(exists(victim));
	cr_assert(snapshot_write(rc, r, 0, &e));
	cr_assert_eq(mode_of(statedir_snapshot_path(rc)), 0600);
	report_free(r);
	statedir_free(rc);
	free(victim);
}

Test(recover, snapshot_foreign_owned_refused)
{
	struct report		*r = report_new(T[0]);
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };

	if (geteuid() != 0)
		cr_skip_test("needs root to chown");
	tu_write(statedir_snapshot_path(rc), "x");
	cr_assert_eq(chown(statedir_snapshot_path(rc), 65534, 65534), 0);
	snapshot_track(rc, r, NULL, false);
	set(r, input_cell(T[0], 0), "1");
	cr_assert(!snapshot_write(rc, r, 0, &e));
	cr_assert_str_eq(e.msgid, "recover.unsafe");
	err_clear(&e);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.unsafe");
	err_clear(&e);
	report_free(r);
	statedir_free(rc);
}

Test(recover, snapshot_fifo_refused)
{
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };

	cr_assert_eq(mkfifo(statedir_snapshot_path(rc), 0600), 0);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.unsafe");
	err_clear(&e);
	statedir_free(rc);
}

Test(recover, loose_snapshot_mode_reset)
{
	struct report	*r = report_new(T[0]);
	struct statedir	*rc = rc_new(rpath);
	struct err	 e = { 0 };

	tu_write(statedir_snapshot_path(rc), "old");
	cr_assert_eq(chmod(statedir_snapshot_path(rc), 0644), 0);
	snapshot_track(rc, r, NULL, false);
	set(r, input_cell(T[0], 0), "1");
	cr_assert(snapshot_write(rc, r, 0, &e));
	cr_assert_eq(mode_of(statedir_snapshot_path(rc)), 0600);
	report_free(r);
	statedir_free(rc);
}

/* ---- the schedule, saves, external changes ---- */

Test(recover, due_schedule)
{
	struct report	*r = saved_report();
	struct statedir	*rc = rc_new(rpath);
	struct err	 e = { 0 };
	int		 c = input_cell(T[0], 0);

	report_free(r);
	r = open_tracked(rc);
	cr_assert(!snapshot_pending(rc, r));
	cr_assert_eq(snapshot_due(rc, r, 10000), -1);
	set(r, c, "6");
	cr_assert(snapshot_pending(rc, r));
	cr_assert_eq(snapshot_due(rc, r, 10000), 0);	/* first change: now */
	cr_assert(snapshot_write(rc, r, 10000, &e));
	cr_assert(!snapshot_pending(rc, r));
	cr_assert_eq(snapshot_due(rc, r, 10100), -1);
	set(r, c, "7");
	cr_assert_eq(snapshot_due(rc, r, 10100), SNAPSHOT_INTERVAL_MS - 100);
	cr_assert_eq(snapshot_due(rc, r, 10000 + SNAPSHOT_INTERVAL_MS), 0);
	cr_assert_eq(snapshot_due(rc, r, 9000), 0);	/* clock went back */
	/* A failed write also waits an interval before the next try. */
	cr_assert_eq(chmod(statedir_dir(rc), 0500), 0);
	if (geteuid() != 0) {
		cr_assert(!snapshot_write(rc, r, 20000, &e));
		err_clear(&e);
		cr_assert_eq(snapshot_due(rc, r, 20001),
		    SNAPSHOT_INTERVAL_MS - 1);
	}
	chmod(statedir_dir(rc), 0700);
	report_free(r);
	statedir_free(rc);
}

Test(recover, saved_removes_snapshot_and_restamps)
{
	struct report	*r = saved_report();
	struct statedir	*rc = rc_new(rpath);
	struct err	 e = { 0 };
	bool		 changed = true;

	report_free(r);
	r = open_tracked(rc);
	set(r, input_cell(T[0], 0), "8");
	cr_assert(snapshot_write(rc, r, 0, &e));
	cr_assert(exists(statedir_snapshot_path(rc)));
	cr_assert(snapshot_changed(rc, &changed, &e));
	cr_assert(!changed);
	cr_assert(store_save(r, rpath, &e));
	cr_assert(snapshot_changed(rc, &changed, &e));
	cr_assert(changed);		/* not yet restamped */
	cr_assert(snapshot_saved(rc, r, &e), "%s", e.msgid);
	cr_assert(!exists(statedir_snapshot_path(rc)));
	cr_assert(!snapshot_pending(rc, r));
	cr_assert(snapshot_changed(rc, &changed, &e));
	cr_assert(!changed);
	report_free(r);
	statedir_free(rc);
}

Test(recover, external_changes)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct filestamp	 a, b;
	struct err		 e = { 0 };
	struct timespec		 ts[2] = { { 1, 0 }, { 1, 0 } };
	char			*text = tu_read(rpath, NULL);
	bool			 changed;

	report_free(r);
	r = open_tracked(rc);
	cr_assert(filestamp_file(rpath, YTREE_MAX_FILE, &a, &e));
	/* Touching keeps the content: not a change. */
	cr_assert_eq(utimensat(AT_FDCWD, rpath, ts, 0), 0);
	cr_assert(snapshot_changed(rc, &changed, &e));
	cr_assert(!changed);
	cr_assert(filestamp_file(rpath, YTREE_MAX_FILE, &b, &e));
	cr_assert(filestamp_same(&a, &b));
	cr_assert_neq(a.mtime.tv_sec, b.mtime.tv_sec);
	/* Same size, one byte different. */
	text[strlen(text) - 2] ^= 1;
	tu_write(rpath, text);
	cr_assert(snapshot_changed(rc, &changed, &e));
	cr_assert(changed);
	/* Deleted. */
	cr_assert_eq(unlink(rpath), 0);
	cr_assert(snapshot_changed(rc, &changed, &e));
	cr_assert(changed);
	cr_assert(filestamp_file(rpath, YTREE_MAX_FILE, &b, &e));
	cr_assert(!b.exists);
	/* Replaced by a folder: an error, not "unchanged". */
	cr_assert_eq(mkdir(rpath, 0700), 0);
	cr_assert(!snapshot_changed(rc, &changed, &e));
	cr_assert_str_eq(e.msgid, "file.not_regular");
	err_clear(&e);
	free(text);
	report_free(r);
	statedir_free(rc);
}

Test(recover, load_stamps_what_it_parsed)
{
	struct report		*r = saved_report(), *back;
	struct filestamp	 a, b;
	struct err		 e = { 0 };
	char			*missing = tu_path(tmp, "none.yaml");

	back = store_load_stamped(rpath, T, 2, &a, &e);
	cr_assert_not_null(back);
	cr_assert(filestamp_file(rpath, YTREE_MAX_FILE, &b, &e));
	cr_assert(filestamp_same(&a, &b));
	cr_assert_eq(a.mtime.tv_sec, b.mtime.tv_sec);
	cr_assert_null(store_load_stamped(missing, T, 2, &a, &e));
	cr_assert_str_eq(e.msgid, "file.open");
	cr_assert(!a.exists);
	err_clear(&e);
	report_free(back);
	report_free(r);
	free(missing);
}

Test(recover, recovered_document_keeps_snapshot_until_saved)
{
	struct report		*r = saved_report(), *doc;
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };

	report_free(r);
	r = open_tracked(rc);
	set(r, input_cell(T[0], 0), "77");
	cr_assert(snapshot_write(rc, r, 0, &e));
	report_free(r);
	statedir_free(rc);
	/* "The editor died"; a new one opens the report. */
	rc = rc_new(rpath);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND);
	doc = snapshot_found_take_snap(f);
	snapshot_track(rc, doc, &f->file_stamp, true);
	snapshot_found_free(f);
	cr_assert(!snapshot_pending(rc, doc));	/* on disk already */
	cr_assert(exists(statedir_snapshot_path(rc)));
	set(doc, input_cell(T[0], 1), "1");
	cr_assert(snapshot_pending(rc, doc));
	cr_assert(store_save(doc, rpath, &e));
	cr_assert(snapshot_saved(rc, doc, &e));
	cr_assert(!exists(statedir_snapshot_path(rc)));
	report_free(doc);
	statedir_free(rc);
}

/* ---- locks ---- */

static void
plant_lock(struct statedir *rc, const struct procid *o)
{
	char	*text = editlock_format(o, statedir_report_path(rc));

	tu_write(statedir_lock_path(rc), text);
	free(text);
}

/* This process's identity with changes. */
static struct procid
fake_owner(const struct statedir *rc, long pid)
{
	struct procid	o = *statedir_self(rc);

	o.pid = pid;
	o.start = 0;
	return (o);
}

static enum editlock_result
lock(struct statedir *rc, bool force, enum procid_who *who,
    struct procid *holder)
{
	struct err			e = { 0 };
	enum editlock_result	res;

	res = editlock_take(rc, force, holder, who, &e);
	if (res == EDITLOCK_FAILED)
		cr_log_info("lock: %s", e.msgid);
	err_clear(&e);
	return (res);
}

Test(recover, lock_free_taken_and_released)
{
	struct statedir		*rc = rc_new(rpath), *again;
	struct procid	 h, o;
	enum procid_who	 who;
	char			*text;
	size_t			 len;

	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_LOCKED);
	cr_assert_eq(who, PROCID_NOBODY);
	cr_assert_eq(mode_of(statedir_lock_path(rc)), 0600);
	text = tu_read(statedir_lock_path(rc), &len);
	cr_assert(editlock_parse(text, len, &o));
	cr_assert_eq(o.pid, (long)getpid());
	cr_assert_str_eq(o.host, statedir_self(rc)->host);
	cr_assert_str_eq(o.boot, statedir_self(rc)->boot);
	free(text);
	/* The same process asking again holds it already. */
	again = rc_new(rpath);
	cr_assert_eq(lock(again, false, &who, &h), EDITLOCK_LOCKED);
	cr_assert_eq(who, PROCID_SELF);
	statedir_free(again);
	editlock_release(rc);
	cr_assert(!exists(statedir_lock_path(rc)));
	statedir_free(rc);
}

Test(recover, lock_live_pid_busy)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 o = fake_owner(rc, (long)getppid()), h;
	enum procid_who	 who;

	plant_lock(rc, &o);
	cr_assert_eq(procid_check(statedir_self(rc), &o), PROCID_ALIVE);
	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_BUSY);
	cr_assert_eq(who, PROCID_ALIVE);
	cr_assert_eq(h.pid, (long)getppid());
	/* Still theirs. */
	editlock_release(rc);
	cr_assert(exists(statedir_lock_path(rc)));
	/* Taking over on request. */
	cr_assert_eq(lock(rc, true, &who, &h), EDITLOCK_LOCKED);
	cr_assert_eq(who, PROCID_ALIVE);
	editlock_release(rc);
	cr_assert(!exists(statedir_lock_path(rc)));
	statedir_free(rc);
}

Test(recover, lock_dead_pid_stale)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 o = fake_owner(rc, (long)dead_pid()), h;
	enum procid_who	 who;

	plant_lock(rc, &o);
	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_LOCKED);
	cr_assert_eq(who, PROCID_DEAD);
	cr_assert_eq(h.pid, o.pid);
	editlock_release(rc);
	statedir_free(rc);
}

Test(recover, lock_other_host_busy)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 o = fake_owner(rc, (long)getpid()), h;
	enum procid_who	 who;

	snprintf(o.host, sizeof o.host, "another-pc %%odd");
	plant_lock(rc, &o);
	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_BUSY);
	cr_assert_eq(who, PROCID_ELSEWHERE);
	cr_assert_str_eq(h.host, "another-pc %odd");
	cr_assert_eq(lock(rc, true, &who, &h), EDITLOCK_LOCKED);
	editlock_release(rc);
	statedir_free(rc);
}

Test(recover, lock_other_boot_stale)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 o = fake_owner(rc, (long)getppid()), h;
	enum procid_who	 who;

	if (statedir_self(rc)->boot[0] == '\0')
		cr_skip_test("no boot id on this system");
	/* A live pid, but recorded before the last reboot. */
	snprintf(o.boot, sizeof o.boot, "00000000-0000-0000-0000-000000000000");
	plant_lock(rc, &o);
	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_LOCKED);
	cr_assert_eq(who, PROCID_REBOOTED);
	editlock_release(rc);
	statedir_free(rc);
}

Test(recover, lock_reused_pid_stale)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 o = fake_owner(rc, (long)getppid()), h;
	enum procid_who	 who;

	if (statedir_self(rc)->start == 0)
		cr_skip_test("no process start times on this system");
	o.start = 1;	/* the pid lives, but it started at another time */
	plant_lock(rc, &o);
	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_LOCKED);
	cr_assert_eq(who, PROCID_DEAD);
	/* Our own pid from an earlier process (a pid namespace, a reuse). */
	editlock_release(rc);
	o = fake_owner(rc, (long)getpid());
	o.start = statedir_self(rc)->start + 1;
	cr_assert_eq(procid_check(statedir_self(rc), &o), PROCID_DEAD);
	statedir_free(rc);
}

Test(recover, lock_garbled_stale)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 h;
	enum procid_who	 who;

	tu_write(statedir_lock_path(rc), "");
	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_LOCKED);
	cr_assert_eq(who, PROCID_GARBLED);
	editlock_release(rc);
	statedir_free(rc);
}

Test(recover, lock_symlink_refused)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 h;
	enum procid_who	 who;
	struct err		 e = { 0 };
	char			*victim = tu_path(tmp, "victim"), *text;

	tu_write(victim, "keep");
	cr_assert_eq(symlink(victim, statedir_lock_path(rc)), 0);
	cr_assert_eq(editlock_take(rc, false, &h, &who, &e),
	    EDITLOCK_FAILED);
	cr_assert_str_eq(e.msgid, "recover.unsafe");
	err_clear(&e);
	text = tu_read(victim, NULL);
	cr_assert_str_eq(text, "keep");
	free(text);
	free(victim);
	statedir_free(rc);
}

Test(recover, lock_between_processes)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 h;
	enum procid_who	 who;
	int			 go[2], ready[2];
	char			 c;
	pid_t			 pid;

	cr_assert_eq(pipe(go), 0);
	cr_assert_eq(pipe(ready), 0);
	if ((pid = fork()) == 0) {
		struct statedir *mine = rc_new(rpath);

		if (lock(mine, false, &who, &h) != EDITLOCK_LOCKED)
			_exit(3);
		(void)!write(ready[1], "r", 1);
		(void)!read(go[0], &c, 1);
		_exit(0);	/* dies holding the lock */
	}
	cr_assert_eq(read(ready[0], &c, 1), 1);
	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_BUSY);
	cr_assert_eq(who, PROCID_ALIVE);
	cr_assert_eq(h.pid, (long)pid);
	cr_assert_neq(h.start, 0ull);
	cr_assert_eq(write(go[1], "g", 1), 1);
	waitpid(pid, NULL, 0);
	cr_assert_eq(lock(rc, false, &who, &h), EDITLOCK_LOCKED);
	cr_assert_eq(who, PROCID_DEAD);
	editlock_release(rc);
	statedir_free(rc);
}

Test(recover, owner_records_parse_strictly)
{
	static const char *const bad[] = {
		"",
		"pid 12\nhost h\n",
		"nianbao-lock 2\npid 12\nhost h\n",
		"nianbao-lock 1\npid 0\nhost h\n",
		"nianbao-lock 1\npid -5\nhost h\n",
		"nianbao-lock 1\npid 12x\nhost h\n",
		"nianbao-lock 1\npid 99999999999999999999\nhost h\n",
		"nianbao-lock 1\nhost h\n",
		"nianbao-lock 1\npid 12\n",
		"nianbao-lock 1\npid 12\nhost h\nwhat 1\n",
		"nianbao-lock 1\npid 12\nhost h\nstart x\n",
		NULL
	};
	struct procid	o, back;
	char			*text;
	size_t			 i;

	for (i = 0; bad[i] != NULL; i++)
		cr_assert(!editlock_parse(bad[i], strlen(bad[i]), &o),
		    "case %zu", i);
	cr_assert(!editlock_parse("nianbao-lock 1\npid 1\0\nhost h\n",
	    27, &o));
	memset(&o, 0, sizeof o);
	o.pid = 4242;
	o.start = 123456789012ull;
	snprintf(o.host, sizeof o.host, "办公室 pc%%\n1");
	text = editlock_format(&o, "/a/b c.yaml");
	cr_assert_eq(strchr(text, '\n') - text, 14);
	cr_assert(editlock_parse(text, strlen(text), &back));
	cr_assert_eq(back.pid, 4242);
	cr_assert_eq(back.start, 123456789012ull);
	cr_assert_str_eq(back.host, o.host);
	cr_assert_str_eq(back.boot, "");
	free(text);
}

/* ---- leftovers ---- */

Test(recover, clean_temps_of_dead_processes)
{
	struct statedir	*rc = rc_new(rpath);
	long		 dead = (long)dead_pid(), me = (long)getpid();
	const char	*snapbase = strrchr(statedir_snapshot_path(rc), '/') + 1;
	const char	*lockbase = strrchr(statedir_lock_path(rc), '/') + 1;
	char		*p[6];
	int		 i;

	p[0] = xasprintf("%s/.%s.tmp-%ld-3", statedir_dir(rc), snapbase, dead);
	p[1] = xasprintf("%s/.%s.tmp-%ld-3", statedir_dir(rc), snapbase, me);
	p[2] = xasprintf("%s/%s.%ld", statedir_dir(rc), lockbase, dead);
	p[3] = xasprintf("%s/.2024.yaml.tmp-%ld-1", tmp, dead);
	p[4] = xasprintf("%s/.2024.yaml.tmp-%ldx-1", tmp, dead);
	p[5] = xasprintf("%s/.other.yaml.tmp-%ld-1", tmp, dead);
	for (i = 0; i < 6; i++)
		tu_write(p[i], "x");
	cr_assert_eq(statedir_clean_temps(rc), 3);
	cr_assert(!exists(p[0]));
	cr_assert(exists(p[1]));
	cr_assert(!exists(p[2]));
	cr_assert(!exists(p[3]));
	cr_assert(exists(p[4]));
	cr_assert(exists(p[5]));
	for (i = 0; i < 6; i++)
		free(p[i]);
	statedir_free(rc);
}

/* ---- the snapshot header, field by field (T17) */

/* The whole line of path that starts with key, without its newline. */
static char *
line_of(const char *path, const char *key)
{
	char	*text = tu_read(path, NULL), *p, *l;

	cr_assert_not_null(text);
	p = strstr(text, key);
	cr_assert_not_null(p, "%s in %s", key, path);
	l = xstrndup(p, (size_t)(strchr(p, '\n') - p));
	free(text);
	return (l);
}

/*
 * Each header line damaged in one way makes the snapshot corrupt; an
 * upper-case hash is still a hash.
 */
Test(recover, header_fields_parse_strictly)
{
	static const char *const bad[][2] = {
		{ "#@ version ", "#@version 1" },
		{ "#@ version ", "#@ version" },
		{ "#@ pid ", "#@ pid 2147483648" },
		{ "#@ start ", "#@ start 12x" },
		{ "#@ time ", "#@ time 1700000000" },
		{ "#@ time ", "#@ time 9223372036854775808.0" },
		{ "#@ time ", "#@ time 1700000000.1000000000" },
		{ "#@ time ", "#@ time 1700000000.5 " },
		{ "#@ base ", "#@ base 2 0 1.0 0123456789abcdef" },
		{ "#@ base ", "#@ base 1x0 1.0 0123456789abcdef" },
		{ "#@ base ", "#@ base 1 9223372036854775808 1.0 "
		    "0123456789abcdef" },
		{ "#@ base ", "#@ base 1 0x1.0 0123456789abcdef" },
		{ "#@ base ", "#@ base 1 0 x 0123456789abcdef" },
		{ "#@ base ", "#@ base 1 0 1.0x0123456789abcdef" },
		{ "#@ base ", "#@ base 1 0 1.0 0123456789abcdeg" },
		{ "#@ base ", "#@ base 1 0 1.0 0123456789abcdef0" },
		{ "#@ body ", "#@ body 5x0123456789abcdef" },
		{ "#@ body ", "#@ body 5 0123456789abcdeg" },
		{ "#@ body ", "#@ body x 0123456789abcdef" },
		{ "#@ time ", "#@ time 1700000000.x" },
		{ "#@ base ", "#@ base x 0 1.0 0123456789abcdef" },
		{ "#@ base ", "#@ base 1 x 1.0 0123456789abcdef" },
		{ "#@ base ", "#@ base 1 0 1.0 -123456789abcdef" },
	};
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	char			*orig, *body, *up, *cut;
	const char		*snap;
	size_t			 i;

	report_free(r);
	r = open_tracked(rc);
	set(r, input_cell(T[0], 0), "9");
	cr_assert(snapshot_write(rc, r, 0, &e), "%s", e.msgid);
	snap = statedir_snapshot_path(rc);
	orig = tu_read(snap, NULL);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		tu_write(snap, orig);
		replace_line(snap, bad[i][0], bad[i][1]);
		cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR,
		    "%s", bad[i][1]);
		cr_assert_str_eq(e.msgid, "recover.corrupt", "%s", bad[i][1]);
		err_clear(&e);
	}
	/* The control: the same fields well formed are accepted. */
	tu_write(snap, orig);
	replace_line(snap, "#@ base ", "#@ base 1 0 1.0 0123456789abcdef");
	replace_line(snap, "#@ time ", "#@ time 1700000000.5");
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND, "%s",
	    e.msgid);
	cr_assert_eq(f->time.tv_sec, 1700000000);
	cr_assert_eq(f->time.tv_nsec, 5);
	cr_assert(f->base.exists);
	cr_assert_eq(f->base.hash, UINT64_C(0x0123456789abcdef));
	snapshot_found_free(f);
	/* A header cut short before its newline. */
	cut = xstrndup(orig, (size_t)(strstr(orig, "#@ report") - orig) - 1);
	tu_write(snap, cut);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.corrupt");
	err_clear(&e);
	free(cut);
	/* Upper-case hex digits read as the same hash. */
	tu_write(snap, orig);
	body = line_of(snap, "#@ body ");
	up = xstrdup(body);
	for (i = (size_t)(strrchr(up, ' ') - up); up[i] != '\0'; i++)
		if (up[i] >= 'a' && up[i] <= 'f')
			up[i] = (char)(up[i] - 'a' + 'A');
	cr_assert_str_neq(up, body, "no hex letter in %s", body);
	replace_line(snap, "#@ body ", up);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND, "%s",
	    e.msgid);
	cr_assert_eq(report_value(f->snap, input_cell(T[0], 0)).n.v, 9);
	snapshot_found_free(f);
	free(up);
	free(body);
	free(orig);
	report_free(r);
	statedir_free(rc);
}

/*
 * Whole-file damage the header parser must see: no recovery head at all,
 * a header too long to be one, and a header with an empty body (the
 * header is sound, so the report parser refuses the body).
 */
Test(recover, snapshot_shapes_refused)
{
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	struct sbuf		 b;
	char			*orig, *head;
	const char		*snap;
	int			 i;

	report_free(r);
	r = open_tracked(rc);
	set(r, input_cell(T[0], 0), "9");
	cr_assert(snapshot_write(rc, r, 0, &e), "%s", e.msgid);
	snap = statedir_snapshot_path(rc);
	orig = tu_read(snap, NULL);

	tu_write(snap, "nianbao: 1\ntemplate: gb2021\norgan: \"一个很长的名字\"\n");
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.corrupt");
	err_clear(&e);

	sbuf_init(&b);
	sbuf_adds(&b, "# nianbao recovery snapshot; do not edit\n");
	for (i = 0; i < 6000; i++)
		sbuf_adds(&b, "#@ version 1\n");
	tu_write(snap, b.s);
	sbuf_done(&b);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "recover.corrupt");
	err_clear(&e);

	/* The header alone; "body 0" with the FNV-1a hash of nothing. */
	head = strchr(strstr(orig, "\n#@ body ") + 1, '\n');
	head = xstrndup(orig, (size_t)(head - orig) + 1);
	tu_write(snap, head);
	replace_line(snap, "#@ body ", "#@ body 0 cbf29ce484222325");
	free(head);
	head = tu_read(snap, NULL);
	cr_assert(strlen(head) > 27 && strcmp(head + strlen(head) - 27,
	    "#@ body 0 cbf29ce484222325\n") == 0, "%s", head);
	free(head);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_str_eq(e.msgid, "store.not_report");
	err_clear(&e);
	free(orig);
	report_free(r);
	statedir_free(rc);
}

/* A snapshot from another host keeps its host name, odd escapes included. */
Test(recover, other_host_snapshot_kept_with_its_name)
{
	static const char *const hosts[][2] = {
		{ "#@ host ab%zz", "ab%zz" },
		{ "#@ host x%4", "x%4" },
		{ "#@ host %4g", "%4g" },
		{ "#@ host %g4", "%g4" },
		{ "#@ host a%2Fb%7fc", "a/b\x7f" "c" },
	};
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	const char		*snap;
	size_t			 i;

	report_free(r);
	r = open_tracked(rc);
	snap = statedir_snapshot_path(rc);
	for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		/* No change at all: kept only because its writer is elsewhere. */
		cr_assert(snapshot_write(rc, r, 0, &e), "%s", e.msgid);
		replace_line(snap, "#@ host ", hosts[i][0]);
		cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND,
		    "%s: %s", hosts[i][0], e.msgid);
		cr_assert_eq(f->who, PROCID_ELSEWHERE);
		cr_assert_eq(f->ndiffs, 0);
		cr_assert_str_eq(f->owner.host, hosts[i][1]);
		snapshot_found_free(f);
	}
	report_free(r);
	statedir_free(rc);
}

/* A report path with DEL and '%' survives the header's escaping. */
Test(recover, odd_bytes_in_report_path_round_trip)
{
	char			*p = tu_path(tmp, "r\x7f%41.yaml");
	struct report		*r = report_new(T[0]), *back;
	struct statedir		*rc;
	struct snapshot_found	*f;
	struct filestamp	 st;
	struct err		 e = { 0 };
	char			*text;

	cr_assert(store_save(r, p, &e), "%s", e.msgid);
	report_free(r);
	rc = rc_new(p);
	back = store_load_stamped(p, T, 2, &st, &e);
	cr_assert_not_null(back, "%s", e.msgid);
	snapshot_track(rc, back, &st, false);
	set(back, input_cell(T[0], 0), "3");
	cr_assert(snapshot_write(rc, back, 0, &e), "%s", e.msgid);
	text = tu_read(statedir_snapshot_path(rc), NULL);
	cr_assert_not_null(strstr(text, "r%7F%2541.yaml\n"), "%s", text);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND, "%s",
	    e.msgid);
	cr_assert_str_eq(f->report, statedir_report_path(rc));
	cr_assert_not_null(strstr(f->report, "r\x7f%41.yaml"));
	snapshot_found_free(f);
	free(text);
	report_free(back);
	statedir_free(rc);
	free(p);
}

/* Owner records: a bad pid, an unknown boot, this pid with a new start. */
Test(recover, owner_check_edge_cases)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 o;

	o = fake_owner(rc, 0);
	cr_assert_eq(procid_check(statedir_self(rc), &o), PROCID_GARBLED);
	o = fake_owner(rc, (long)getpid());
	o.boot[0] = '\0';
	cr_assert_eq(procid_check(statedir_self(rc), &o), PROCID_SELF);
	o = fake_owner(rc, (long)getpid());
	o.start = statedir_self(rc)->start + 1;
	cr_assert_eq(procid_check(statedir_self(rc), &o), PROCID_DEAD);
	statedir_free(rc);
}

/* ---- edge cases (T17) ---- */

/* FNV-1a 64, as statedir.c names files. */
static unsigned long long
fnv64(const char *s)
{
	unsigned long long	h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h);
}

/* rc's snapshot and lock are <dir>/<hash of abs>-<base>.snap and .lock. */
static void
assert_names(const struct statedir *rc, const char *abs, const char *base)
{
	char	*snap = xasprintf("%s/%016llx-%s.snap", statedir_dir(rc),
		    fnv64(abs), base);
	char	*lk = xasprintf("%s/%016llx-%s.lock", statedir_dir(rc),
		    fnv64(abs), base);

	cr_assert_str_eq(statedir_report_path(rc), abs);
	cr_assert_str_eq(statedir_snapshot_path(rc), snap);
	cr_assert_str_eq(statedir_lock_path(rc), lk);
	free(snap);
	free(lk);
}

/* An input money cell of t that takes at least two decimals. */
static int
money_cell(const struct tpl *t)
{
	size_t	i;

	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].formula < 0 &&
		    t->cells[i].type.kind == NUM_MONEY &&
		    t->cells[i].type.decimals >= 2)
			return ((int)i);
	cr_assert_fail("no money cell");
	return (-1);
}

/*
 * 9.0 and 9.00 are the same amount written differently: the snapshot
 * holds what the clerk typed, so it is a change, not a stale copy; the
 * same value with the same decimals is one (and is removed).
 */
Test(recover, same_amount_other_decimals_is_a_change)
{
	struct report		*r = report_new(T[0]), *file;
	struct statedir		*rc;
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	int			 c = money_cell(T[0]);

	set(r, c, "9.00");
	cr_assert(store_save(r, rpath, &e), "%s", e.msgid);
	report_free(r);
	rc = rc_new(rpath);
	r = open_tracked(rc);
	cr_assert_eq(report_value(r, c).n.dp, 2);
	set(r, c, "9.0");
	cr_assert_eq(report_value(r, c).n.dp, 1);
	cr_assert(snapshot_write(rc, r, 0, &e), "%s", e.msgid);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND, "%s",
	    e.msgid);
	cr_assert_eq(f->ndiffs, 1);
	cr_assert_eq(f->diffs[0].kind, REPORTDIFF_CELL);
	cr_assert_eq(f->diffs[0].cell, c);
	cr_assert_eq(f->nsecs, 1);
	cr_assert_eq(f->secs[0].section, cell_section(T[0], c));
	cr_assert_eq(f->secs[0].ncells, 1);
	cr_assert_eq(report_value(f->snap, c).n.dp, 1);
	file = snapshot_found_take_file(f);
	cr_assert_not_null(file);
	cr_assert_null(f->file);
	cr_assert_eq(report_value(file, c).n.dp, 2);
	report_free(file);
	snapshot_found_free(f);
	/* Typed back as 9.00: what the file holds, so nothing to recover. */
	set(r, c, "9.00");
	cr_assert(snapshot_write(rc, r, 1000, &e), "%s", e.msgid);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_NONE, "%s",
	    e.msgid);
	cr_assert_null(f);
	cr_assert(!exists(statedir_snapshot_path(rc)));
	report_free(r);
	statedir_free(rc);
}

/*
 * "Newer" compares the snapshot's time with the file's mtime to the
 * nanosecond: 1 ns newer is newer, the same instant or 1 ns older is not.
 */
Test(recover, newer_to_the_nanosecond)
{
	static const struct {
		long	nsec;		/* the file's mtime */
		bool	newer;		/* snapshot at 1700000000.500000000 */
	} cases[] = {
		{ 499999999, true },
		{ 500000000, false },
		{ 500000001, false },
	};
	struct report		*r = saved_report();
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct err		 e = { 0 };
	struct timespec		 ts[2];
	struct stat		 st;
	size_t			 i;

	report_free(r);
	r = open_tracked(rc);
	set(r, input_cell(T[0], 0), "9");
	cr_assert(snapshot_write(rc, r, 0, &e), "%s", e.msgid);
	replace_line(statedir_snapshot_path(rc), "#@ time ",
	    "#@ time 1700000000.500000000");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ts[0].tv_sec = ts[1].tv_sec = 1700000000;
		ts[0].tv_nsec = ts[1].tv_nsec = cases[i].nsec;
		cr_assert_eq(utimensat(AT_FDCWD, rpath, ts, 0), 0);
		cr_assert_eq(stat(rpath, &st), 0);
		if (st.st_mtim.tv_nsec != cases[i].nsec)
			cr_skip_test("the file system keeps no nanoseconds");
		cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND,
		    "%s", e.msgid);
		cr_assert_eq(f->time.tv_sec, 1700000000);
		cr_assert_eq(f->time.tv_nsec, 500000000);
		cr_assert_eq(f->file_stamp.mtime.tv_nsec, cases[i].nsec);
		cr_assert_eq(f->newer, cases[i].newer, "mtime .%09ld",
		    cases[i].nsec);
		cr_assert(!f->base_changed);
		snapshot_found_free(f);
	}
	report_free(r);
	statedir_free(rc);
}

/*
 * A new report that is still blank, whose file does not exist yet: its
 * snapshot differs in nothing from an empty report, but there is no file
 * that holds it, so it is found and kept, not removed as stale.
 */
Test(recover, blank_snapshot_of_missing_file_kept)
{
	struct report		*r = report_new(T[0]);
	struct statedir		*rc = rc_new(rpath);
	struct snapshot_found	*f;
	struct filestamp	 none;
	struct err		 e = { 0 };

	cr_assert(filestamp_file(rpath, YTREE_MAX_FILE, &none, &e));
	cr_assert(!none.exists);
	snapshot_track(rc, r, &none, false);
	cr_assert(snapshot_write(rc, r, 0, &e), "%s", e.msgid);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_FOUND, "%s",
	    e.msgid);
	cr_assert_null(f->file);
	cr_assert_null(f->file_err.msgid);
	cr_assert(!f->file_stamp.exists);
	cr_assert_eq(f->ndiffs, 0);
	cr_assert_eq(f->nsecs, 0);
	cr_assert_eq(f->who, PROCID_SELF);
	cr_assert(f->newer);
	cr_assert(!f->base_changed);
	cr_assert(exists(statedir_snapshot_path(rc)));
	snapshot_found_free(f);
	report_free(r);
	statedir_free(rc);
}

/*
 * Without XDG_STATE_HOME and with HOME unset or relative, the folder is
 * under the home folder of the password database.  What this test
 * creates there is removed again.
 */
Test(recover, home_from_password_database)
{
	static const char *const sub[] = {
		"/.local", "/.local/state", "/.local/state/nianbao"
	};
	struct passwd	*pw = getpwuid(geteuid());
	char		*want, *made[3], *cwd = getcwd(NULL, 0);
	bool		 had[3];
	struct statedir	*rc;
	struct err	 e = { 0 };
	int		 i, round;

	if (pw == NULL || pw->pw_dir[0] != '/')
		cr_skip_test("no absolute home in the password database");
	want = xasprintf("%s/.local/state/nianbao",
	    strcmp(pw->pw_dir, "/") == 0 ? "" : pw->pw_dir);
	for (i = 0; i < 3; i++) {
		made[i] = xasprintf("%s%s",
		    strcmp(pw->pw_dir, "/") == 0 ? "" : pw->pw_dir, sub[i]);
		had[i] = exists(made[i]);
	}
	cr_assert_eq(chdir(tmp), 0);
	unsetenv("XDG_STATE_HOME");
	for (round = 0; round < 2; round++) {
		if (round == 0)
			unsetenv("HOME");
		else
			setenv("HOME", "relative/home", 1);
		rc = statedir_new(rpath, &e);
		if (rc == NULL) {
			/* A home we may not write: the error names it. */
			cr_assert_str_eq(e.msgid, "recover.dir");
			cr_assert(strncmp(e.args[0], pw->pw_dir,
			    strlen(pw->pw_dir)) == 0, "%s", e.args[0]);
			err_clear(&e);
			continue;
		}
		cr_assert_str_eq(statedir_dir(rc), want);
		cr_assert_eq(mode_of(want), 0700);
		statedir_free(rc);
	}
	cr_assert(!exists("relative"));
	for (i = 2; i >= 0; i--)
		if (!had[i])
			(void)rmdir(made[i]);
	cr_assert_eq(chdir(cwd), 0);
	for (i = 0; i < 3; i++)
		free(made[i]);
	free(want);
	free(cwd);
}

/* A uid with no entry in the password database (root only: seteuid). */
static uid_t
uid_without_entry(void)
{
	uid_t	uid;

	for (uid = 54321; getpwuid(uid) != NULL; uid++)
		continue;
	return (uid);
}

/* No absolute XDG_STATE_HOME, no absolute HOME, no home on record. */
Test(recover, no_home_at_all)
{
	static const char *const homes[] = { NULL, "relative/home", "" };
	struct err	 e = { 0 };
	size_t		 i;

	if (geteuid() != 0)
		cr_skip_test("needs root to seteuid");
	setenv("XDG_STATE_HOME", "relative/state", 1);
	cr_assert_eq(chmod(tmp, 0711), 0);	/* its folder must resolve */
	cr_assert_eq(seteuid(uid_without_entry()), 0);
	for (i = 0; i < sizeof homes / sizeof homes[0]; i++) {
		if (homes[i] == NULL)
			unsetenv("HOME");
		else
			setenv("HOME", homes[i], 1);
		cr_assert_null(statedir_new(rpath, &e));
		cr_assert_str_eq(e.msgid, "recover.no_home");
		cr_assert_eq(e.nargs, 0);
		err_clear(&e);
	}
	cr_assert_eq(seteuid(0), 0);
	cr_assert(!exists(state));
}

/*
 * Report paths of every shape: no slash, in the root folder, the root
 * folder itself, "." and ".." (existing folders: named after their real
 * path, like any existing file), and the ones that cannot name a file.
 */
Test(recover, report_path_shapes)
{
	struct {
		const char	*path;
		int		 errnum;
	} bad[] = {
		{ "missing/.", EISDIR },
		{ "missing/..", EISDIR },
		{ "missing/", EISDIR },
		{ "2024.yaml/", ENOTDIR },
		{ "2024.yaml/x.yaml", ENOTDIR },
		{ "loop.yaml", ELOOP },
		{ "missing/x.yaml", ENOENT },
	};
	char		*cwd = getcwd(NULL, 0), *real = realpath(tmp, NULL);
	char		*abs, *parent, *top, *name;
	struct report	*r = saved_report();
	struct statedir	*rc;
	struct err	 e = { 0 };
	size_t		 i;

	cr_assert_not_null(real);
	cr_assert_eq(chdir(tmp), 0);
	/* No slash, not there yet: in the current folder. */
	rc = rc_new("new.yaml");
	abs = xasprintf("%s/new.yaml", real);
	assert_names(rc, abs, "new.yaml");
	free(abs);
	statedir_free(rc);
	/* In the root folder, not there yet. */
	name = xasprintf("nb-test-%ld-missing.yaml", (long)getpid());
	abs = xasprintf("/%s", name);
	cr_assert(!exists(abs));
	rc = rc_new(abs);
	assert_names(rc, abs, name);
	cr_assert_eq(statedir_clean_temps(rc), 0);
	statedir_free(rc);
	cr_assert(!exists(abs));
	free(abs);
	free(name);
	/* The root folder itself: an empty base name. */
	rc = rc_new("/");
	assert_names(rc, "/", "");
	cr_assert_eq(statedir_clean_temps(rc), 0);
	statedir_free(rc);
	/* "." and ".." exist: their real paths, named after their last part. */
	rc = rc_new(".");
	assert_names(rc, real, strrchr(real, '/') + 1);
	statedir_free(rc);
	parent = xstrndup(real, (size_t)(strrchr(real, '/') - real));
	top = parent[0] == '\0' ? xstrdup("/") : xstrdup(parent);
	rc = rc_new("..");
	assert_names(rc, top, strrchr(top, '/') + 1);
	statedir_free(rc);
	/* What cannot name a report file. */
	cr_assert_eq(symlink("loop.yaml", "loop.yaml"), 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_null(statedir_new(bad[i].path, &e), "%s",
		    bad[i].path);
		cr_assert_str_eq(e.msgid, "recover.path", "%s", bad[i].path);
		cr_assert_str_eq(e.args[0], bad[i].path);
		cr_assert_str_eq(e.args[1], strerror(bad[i].errnum), "%s: %s",
		    bad[i].path, e.args[1]);
		err_clear(&e);
	}
	cr_assert_eq(chdir(cwd), 0);
	report_free(r);
	free(parent);
	free(top);
	free(real);
	free(cwd);
}

/*
 * Names that look like temp files but are not quite, or that are not the
 * user's regular files, are kept; a huge counter is still a counter.
 */
Test(recover, clean_temps_odd_names)
{
	struct statedir	*rc = rc_new(rpath);
	long		 dead = (long)dead_pid();
	const char	*lockbase = strrchr(statedir_lock_path(rc), '/') + 1;
	char		*keep[8], *gone[2], *target = tu_path(tmp, "target");
	size_t		 nkeep = 0, i;

	keep[nkeep++] = tu_path(tmp, ".2024.yaml.tmp-abc-1");
	keep[nkeep++] = tu_path(tmp, ".2024.yaml.tmp--1");
	keep[nkeep++] = xasprintf("%s/.2024.yaml.tmp-%ld-1x", tmp, dead);
	keep[nkeep++] = xasprintf("%s/.2024.yaml.tmp-%ld-", tmp, dead);
	keep[nkeep++] = tu_path(tmp, ".2024.yaml.tmp-99999999999-1");
	keep[nkeep++] = tu_path(tmp, ".2024.yaml.tmp-0-1");
	for (i = 0; i < nkeep; i++)
		tu_write(keep[i], "x");
	/* Not regular files. */
	keep[nkeep] = xasprintf("%s/.2024.yaml.tmp-%ld-2", tmp, dead);
	cr_assert_eq(mkdir(keep[nkeep++], 0700), 0);
	tu_write(target, "t");
	keep[nkeep] = xasprintf("%s/.2024.yaml.tmp-%ld-3", tmp, dead);
	cr_assert_eq(symlink(target, keep[nkeep++]), 0);
	gone[0] = xasprintf("%s/.2024.yaml.tmp-%ld-"
	    "123456789012345678901234567890", tmp, dead);
	gone[1] = xasprintf("%s/.%s.%ld.tmp-%ld-1", statedir_dir(rc), lockbase,
	    dead, dead);
	for (i = 0; i < 2; i++)
		tu_write(gone[i], "x");
	cr_assert_eq(statedir_clean_temps(rc), 2);
	for (i = 0; i < nkeep; i++)
		cr_assert(exists(keep[i]), "%s", keep[i]);
	for (i = 0; i < 2; i++)
		cr_assert(!exists(gone[i]), "%s", gone[i]);
	cr_assert(exists(target));
	/* Another user's file of that name (root only: chown). */
	if (geteuid() == 0) {
		tu_write(gone[0], "x");
		cr_assert_eq(chown(gone[0], 65534, 65534), 0);
		cr_assert_eq(statedir_clean_temps(rc), 0);
		cr_assert(exists(gone[0]));
		cr_assert_eq(chown(gone[0], 0, 0), 0);
		cr_assert_eq(statedir_clean_temps(rc), 1);
		cr_assert(!exists(gone[0]));
	}
	for (i = 0; i < nkeep; i++)
		free(keep[i]);
	for (i = 0; i < 2; i++)
		free(gone[i]);
	free(target);
	statedir_free(rc);
}

/*
 * Runs as an unprivileged user from here on: as root, hands path (and
 * what is listed after it, NULL-terminated) to uid 65534 and becomes it.
 */
static void
become_user(const char *path, ...)
{
	va_list		 ap;
	const char	*p;

	if (geteuid() != 0)
		return;
	va_start(ap, path);
	for (p = path; p != NULL; p = va_arg(ap, const char *))
		cr_assert_eq(chown(p, 65534, 65534), 0, "%s", p);
	va_end(ap);
	cr_assert_eq(seteuid(65534), 0);
}

static void
become_self(uid_t uid)
{
	if (uid == 0)
		cr_assert_eq(seteuid(0), 0);
}

/*
 * A temp file it cannot look at or remove (a folder without search or
 * write permission) or a folder it cannot read is left alone.
 */
Test(recover, clean_temps_keeps_what_it_cannot_remove)
{
	uid_t		 me = geteuid();
	char		*sub = tu_path(tmp, "sub"), *report, *t;
	long		 dead = (long)dead_pid();
	struct statedir	*rc;

	cr_assert_eq(mkdir(sub, 0755), 0);
	report = tu_path(sub, "r.yaml");
	t = xasprintf("%s/.r.yaml.tmp-%ld-1", sub, dead);
	tu_write(t, "x");
	rc = rc_new(report);
	cr_assert_eq(chmod(tmp, 0711), 0);
	become_user(sub, t, NULL);
	/* The recovery folder is root's when root: not readable now. */
	cr_assert_eq(chmod(sub, 0444), 0);	/* no search: lstat fails */
	cr_assert_eq(statedir_clean_temps(rc), 0);
	cr_assert_eq(chmod(sub, 0555), 0);	/* no write: unlink fails */
	cr_assert_eq(statedir_clean_temps(rc), 0);
	cr_assert(exists(t));
	cr_assert_eq(chmod(sub, 0755), 0);
	cr_assert_eq(statedir_clean_temps(rc), 1);
	cr_assert(!exists(t));
	become_self(me);
	statedir_free(rc);
	free(report);
	free(sub);
	free(t);
}

/*
 * A stale snapshot, or one saved or discarded, that cannot be removed (a
 * recovery folder without write permission): recover.remove.
 */
Test(recover, snapshot_removal_fails)
{
	uid_t			 me = geteuid();
	struct report		*r;
	struct statedir		*rc;
	struct snapshot_found	*f;
	struct err		 e = { 0 };

	if (me == 0)
		cr_assert_eq(chmod(tmp, 0711), 0);
	become_user(tmp, NULL);
	r = saved_report();
	report_free(r);
	rc = rc_new(rpath);
	r = open_tracked(rc);
	cr_assert(snapshot_write(rc, r, 0, &e), "%s", e.msgid);	/* no change */
	cr_assert_eq(chmod(statedir_dir(rc), 0500), 0);
	cr_assert_eq(snapshot_find(rc, T, 2, &f, &e), SNAPSHOT_ERROR);
	cr_assert_null(f);
	cr_assert_str_eq(e.msgid, "recover.remove");
	cr_assert_str_eq(e.args[0], statedir_snapshot_path(rc));
	cr_assert_str_eq(e.args[1], strerror(EACCES));
	err_clear(&e);
	cr_assert(!snapshot_discard(rc, &e));
	cr_assert_str_eq(e.msgid, "recover.remove");
	err_clear(&e);
	cr_assert(!snapshot_saved(rc, r, &e));
	cr_assert_str_eq(e.msgid, "recover.remove");
	err_clear(&e);
	cr_assert(exists(statedir_snapshot_path(rc)));
	/* Saved, snapshot removed, but the file cannot be read back for
	 * its stamp. */
	cr_assert_eq(chmod(statedir_dir(rc), 0700), 0);
	cr_assert_eq(chmod(rpath, 0), 0);
	cr_assert(!snapshot_saved(rc, r, &e));
	cr_assert_str_eq(e.msgid, "file.open");
	cr_assert_str_eq(e.args[0], strerror(EACCES));
	err_clear(&e);
	cr_assert(!exists(statedir_snapshot_path(rc)));
	become_self(me);
	report_free(r);
	statedir_free(rc);
}

/* A pid beyond any process's is dead, not alive. */
Test(recover, owner_pid_out_of_range_dead)
{
	struct statedir		*rc = rc_new(rpath);
	struct procid	 o = fake_owner(rc, (long)INT_MAX + 1);

	cr_assert_eq(procid_check(statedir_self(rc), &o), PROCID_DEAD);
	statedir_free(rc);
}

/*
 * A file that cannot be stat'ed for another reason than its absence; a
 * lock record without a report or a final newline, and one with a line
 * that has no value.
 */
Test(recover, stamp_and_owner_record_edges)
{
	struct statedir		*rc = rc_new(rpath);
	struct filestamp	 s;
	struct procid	 o;
	struct err		 e = { 0 };
	char			*path, *text;
	size_t			 len;

	tu_write(rpath, "x");
	path = tu_path(rpath, "x.yaml");
	cr_assert(!filestamp_file(path, YTREE_MAX_FILE, &s, &e));
	cr_assert_str_eq(e.msgid, "file.open");
	cr_assert_str_eq(e.args[0], strerror(ENOTDIR));
	cr_assert(s.exists);
	err_clear(&e);
	text = editlock_format(statedir_self(rc), NULL);
	cr_assert_not_null(strstr(text, "\nreport \n"), "%s", text);
	len = strlen(text) - 1;		/* without the last newline */
	cr_assert(editlock_parse(text, len, &o));
	cr_assert_eq(o.pid, statedir_self(rc)->pid);
	cr_assert_str_eq(o.host, statedir_self(rc)->host);
	free(text);
	text = xasprintf("nianbao-lock 1\npid %ld\nhost x\nstart\n",
	    (long)getpid());
	cr_assert(!editlock_parse(text, strlen(text), &o));
	free(text);
	free(path);
	statedir_free(rc);
}
