/*
 * Never losing work, the questions and the saves, driven without a
 * terminal (edutil.h): a snapshot left by an editor that did not save is
 * offered on opening (recover, discard, read-only); another editor's
 * lock; read-only mode; a stale lock; a file changed on disk before a
 * save; a full and a read-only disk.  (Killing and hanging up a real
 * editor, and two real editors at once, stay in test_pty_recover.c.)
 *
 * The editor runs in the test's process: XDG_STATE_HOME points into the
 * test's folder (edfix.h), so statedir_new() here names its snapshot and
 * lock.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "ed_app.h"
#include "ed_recover.h"
#include "edfix.h"
#include "edutil.h"
#include "editlock.h"
#include "filestamp.h"
#include "procid.h"
#include "reportdiff.h"
#include "snapshot.h"
#include "statedir.h"
#include "report.h"
#include "store.h"
#include "testutil.h"
#include "xmalloc.h"

#define ROWS	30
#define COLS	100

static char		*g_mnt;		/* a tmpfs mounted by the test */

static void
teardown(void)
{
	eu_free(eu_g);
	eu_g = NULL;
	if (g_mnt != NULL) {
		umount2(g_mnt, MNT_DETACH);
		free(g_mnt);
		g_mnt = NULL;
	}
	edfix_teardown();
}

TestSuite(ed_recover, .init = edfix_setup, .fini = teardown,
    .timeout = 60);

/* The value of cell id in the report being edited. */
static char *
value(const char *id)
{
	return (edfix_value(eu_report(eu_g), id));
}

static void
enter_value(const char *id, const char *v)
{
	eu_go_to(eu_g, id);
	eu_type(eu_g, v);
	eu_key(eu_g, EU_ENTER);
}

/*
 * An editor that typed 7531 into 本年新收/自然人 and ended without saving:
 * its snapshot stays (the lock goes, as after a crash whose process is
 * gone).  Returns the report's path.
 */
static char *
left_snapshot(void)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	struct err	 e = { 0 };

	eu_g = eu_open(path, ROWS, COLS);
	enter_value("t3.new.natural", "7531");
	cr_assert(ed_recover_flush(eu_app(eu_g), &e), "no snapshot written");
	eu_free(eu_g);
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("发现未保存的修改");
	EU_SEES("三、收到和处理政府信息公开申请情况");
	return (path);
}

/* Recover: the snapshot's value, "modified" until saved. */
Test(ed_recover, snapshot_recovered)
{
	char	*path = left_snapshot(), *v;

	eu_type(eu_g, "1");
	EU_SEES("已恢复上次未保存的修改");
	EU_SEES("已修改");
	v = value("t3.new.natural");
	cr_expect_str_eq(v, "7531");
	free(v);
	eu_key(eu_g, EU_F(2));
	EU_SEES("已保存");
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "7531", "the recovered value was not saved");
	free(v);
}

/* Discard: the file as it was, and the snapshot is gone for good. */
Test(ed_recover, snapshot_discarded)
{
	char	*path = left_snapshot(), *v;

	eu_type(eu_g, "2");
	v = value("t3.new.natural");
	cr_expect_str_eq(v, "0");
	free(v);
	eu_free(eu_g);
	eu_g = eu_open(path, ROWS, COLS);
	EU_EXPECT(!eu_contains(eu_g, "发现未保存的修改"), "asked again");
}

/* Esc: read-only; typing is refused, saving asks for another file, and
 * the snapshot stays for later. */
Test(ed_recover, snapshot_read_only)
{
	char	*path = left_snapshot(), *other = edfix_path("copy.yaml");
	char	*v;

	eu_key(eu_g, EU_ESC);
	EU_SEES("只读");
	enter_value("t3.new.legal", "9");
	EU_SEES("不能修改");
	v = value("t3.new.legal");
	cr_expect_str_eq(v, "0", "typed in read-only mode");
	free(v);
	eu_paste(eu_g, "9");
	EU_SEES("不能修改");
	eu_key(eu_g, EU_CTRL('Z'));
	EU_SEES("不能修改");
	eu_key(eu_g, EU_CTRL('S'));
	EU_SEES("不能保存到原文件");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("只读");
	eu_key(eu_g, 21);
	eu_type(eu_g, other);
	eu_key(eu_g, EU_ENTER);
	EU_SEES("copy.yaml");
	v = edfix_file_value(other, "t3.new.natural");
	cr_expect_str_eq(v, "0", "save as did not write the file shown");
	free(v);
	EU_EXPECT(!eu_contains(eu_g, "只读"), "still read-only after save as");
	eu_free(eu_g);
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("发现未保存的修改");
}

static void
other_computer(struct procid *o)
{
	snprintf(o->host, sizeof o->host, "%s", "other-computer");
}

/* Another editor holds the lock (on another computer): read-only, take
 * over, or quit. */
Test(ed_recover, lock_elsewhere)
{
	char			*path = edfix_report(NULL, "r.yaml", NULL);
	char			*text;

	edfix_lock(path, other_computer);
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("报表正在编辑");
	EU_SEES("other-computer");
	eu_type(eu_g, "3");
	cr_expect(eu_quit(eu_g), "quit was not quit");
	eu_free(eu_g);
	eu_g = eu_open(path, ROWS, COLS);
	eu_type(eu_g, "2");
	EU_SEES("测试镇人民政府");
	EU_EXPECT(!eu_contains(eu_g, "只读"), "taking over opened read-only");
	enter_value("t3.new.legal", "9");
	eu_key(eu_g, EU_CTRL('S'));
	text = edfix_file_value(path, "t3.new.legal");
	cr_expect_str_eq(text, "9", "the editor that took over cannot save");
	free(text);
}

/* A lock left by a dead process is taken over without a word. */
Test(ed_recover, stale_lock_ignored)
{
	char			*path = edfix_report(NULL, "r.yaml", NULL);
	struct procid	 o;
	struct err		 e = { 0 };
	struct statedir		*rc = statedir_new(path, &e);
	char			*text, *lock, pidline[32];
	pid_t			 pid;

	cr_assert_not_null(rc);
	/* A pid that surely is dead: a child that exited and was reaped. */
	if ((pid = fork()) == 0)
		_exit(0);
	cr_assert(pid > 0 && waitpid(pid, NULL, 0) == pid);
	o = *statedir_self(rc);
	o.pid = pid;
	o.start = 1;
	text = editlock_format(&o, statedir_report_path(rc));
	lock = xstrdup(statedir_lock_path(rc));
	statedir_free(rc);
	tu_write(lock, text);
	free(text);
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("测试镇人民政府");
	EU_EXPECT(!eu_contains(eu_g, "另一"), "a dead editor's lock was taken for "
	    "a live one");
	text = tu_read(lock, NULL);
	cr_assert_not_null(text, "no lock while editing");
	snprintf(pidline, sizeof pidline, "pid %d\n", (int)pid);
	cr_expect(strstr(text, pidline) == NULL, "the stale lock was not "
	    "replaced");
	free(text);
	free(lock);
}

/* Saving over a file changed behind the editor's back asks first;
 * cancel keeps the other change, overwrite writes ours. */
Test(ed_recover, changed_on_disk_asks_before_saving)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL), *v;
	struct report	*r;
	struct err	 e = { 0 };

	eu_g = eu_open(path, ROWS, COLS);
	enter_value("t3.new.natural", "7");
	r = edfix_load(path);
	cr_assert(report_set_input(r, tpl_cell_index(report_tpl(r),
	    "t3.new.legal"), "9", NULL, &e));
	cr_assert(store_save(r, path, &e));
	report_free(r);
	eu_key(eu_g, EU_CTRL('S'));
	EU_SEES("文件已被改动");
	eu_type(eu_g, "2");
	EU_SEES("未保存");
	v = edfix_file_value(path, "t3.new.legal");
	cr_expect_str_eq(v, "9", "cancel lost the other change");
	free(v);
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "0", "cancel saved anyway");
	free(v);
	eu_key(eu_g, EU_CTRL('S'));
	EU_SEES("文件已被改动");
	eu_type(eu_g, "1");
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "7", "overwrite did not save");
	free(v);
	enter_value("t3.new.commercial", "3");
	eu_key(eu_g, EU_CTRL('S'));
	v = edfix_file_value(path, "t3.new.commercial");
	cr_expect_str_eq(v, "3", "the second save asked or failed");
	free(v);
}

/* Mounts a 64 KiB tmpfs in the test's folder; skips where not allowed. */
static char *
small_disk(void)
{
	char	*mnt = edfix_path("fs");

	cr_assert(mkdir(mnt, 0755) == 0);
	if (mount("tmpfs", mnt, "tmpfs", 0, "size=64k") != 0)
		cr_skip_test("cannot mount a tmpfs here (%s): run as root",
		    strerror(errno));
	g_mnt = xstrdup(mnt);
	return (mnt);
}

/* Fills the file system at dir until a write fails with ENOSPC. */
static void
fill_disk(const char *dir)
{
	char	*path = tu_path(dir, "filler"), block[512];
	int	 fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t	 n;

	cr_assert(fd >= 0);
	memset(block, 'x', sizeof block);
	do
		n = write(fd, block, sizeof block);
	while (n > 0);
	cr_assert(n < 0 && errno == ENOSPC, "the disk never filled up");
	close(fd);
	free(path);
}

/* A full disk, then a read-only one: the original stays byte for byte,
 * the edit stays on screen and in the snapshot, the reason is shown,
 * save as is offered and works. */
Test(ed_recover, failed_save_keeps_everything)
{
	char		*mnt = small_disk(), *path = edfix_report(mnt, "r.yaml",
			    NULL);
	char		*orig, *now, *other = edfix_path("elsewhere.yaml");
	char		*v;
	struct statedir	*rc;
	struct report	*r;
	struct err	 e = { 0 };
	size_t		 olen, nlen;

	orig = tu_read(path, &olen);
	fill_disk(mnt);
	eu_g = eu_open(path, ROWS, COLS);
	enter_value("t3.new.natural", "7531");
	eu_key(eu_g, EU_CTRL('S'));
	EU_SEES("保存失败");
	EU_SEES("磁盘已满");
	EU_SEES("恢复文件");
	now = tu_read(path, &nlen);
	cr_assert(nlen == olen && memcmp(now, orig, olen) == 0,
	    "the original changed on a full disk");
	free(now);
	rc = statedir_new(path, &e);
	cr_assert_not_null(rc);
	r = edfix_try_load(statedir_snapshot_path(rc));
	statedir_free(rc);
	cr_assert_not_null(r, "no snapshot after the failed save");
	v = edfix_value(r, "t3.new.natural");
	cr_expect_str_eq(v, "7531", "the snapshot lacks the edit");
	free(v);
	report_free(r);
	eu_type(eu_g, "2");		/* back */
	EU_SEES("没有保存，修改仍在编辑器中");
	v = value("t3.new.natural");
	cr_expect_str_eq(v, "7531", "the edit is gone");
	free(v);
	cr_assert(mount(NULL, mnt, NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0,
	    "remount read-only: %s", strerror(errno));
	eu_key(eu_g, EU_F(2));
	EU_SEES("保存失败");
	EU_SEES("也已写入恢复文件");
	eu_type(eu_g, "1");		/* save as */
	EU_SEES("另存为");
	eu_key(eu_g, 21);
	eu_type(eu_g, other);
	eu_key(eu_g, EU_ENTER);
	EU_SEES("elsewhere.yaml");
	v = edfix_file_value(other, "t3.new.natural");
	cr_expect_str_eq(v, "7531", "save as did not write %s", other);
	free(v);
	free(orig);
}

/*
 * `nianbao FILE` starts with the report's own template alone (issue 11:
 * the first screen under 50 ms) and loads the others when the editor may
 * meet one.  Opening a report with no snapshot asks for none; a snapshot
 * found makes the editor load them all before reading it, and it is
 * recovered as with every template given.
 */
Test(ed_recover, own_template_then_all_for_a_snapshot)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL), *v;
	struct err	 e = { 0 };

	eu_g = eu_open_own(path, "gb2021", ROWS, COLS);
	EU_SEES("测试镇人民政府");
	cr_expect_eq(eu_all_tpls_calls(eu_g), 0, "every template loaded to "
	    "open a report with no snapshot");
	cr_expect_eq(eu_app(eu_g)->ntpls, 1);
	enter_value("t3.new.natural", "7531");
	cr_assert(ed_recover_flush(eu_app(eu_g), &e), "no snapshot written");
	eu_free(eu_g);
	eu_g = eu_open_own(path, "gb2021", ROWS, COLS);
	EU_SEES("发现未保存的修改");
	cr_expect_eq(eu_all_tpls_calls(eu_g), 1);
	cr_expect_gt(eu_app(eu_g)->ntpls, 1);
	eu_type(eu_g, "1");
	EU_SEES("已恢复上次未保存的修改");
	v = value("t3.new.natural");
	cr_expect_str_eq(v, "7531");
	free(v);
}

/* A file that does not load with the template given (here: it names
 * another) is read again with every template, and opens. */
Test(ed_recover, own_template_retried_with_all)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	eu_g = eu_open_own(path, "gb2019", ROWS, COLS);
	EU_SEES("测试镇人民政府");
	cr_expect_eq(eu_all_tpls_calls(eu_g), 1);
	cr_assert_not_null(eu_report(eu_g));
	cr_expect_str_eq(report_tpl(eu_report(eu_g))->id, "gb2021");
}
