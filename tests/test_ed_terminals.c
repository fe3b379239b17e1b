/*
 * Issue 11 on the keyless driver (edutil.h): what clerks met in the
 * first hour of real use, each with the steps written in the issue.
 * What needs a real terminal (the locale, key sequences, what a dialog
 * leaves on the screen) is in test_pty_terminals.c.
 *
 * Nothing typed is thrown away: a cell whose text does not parse keeps
 * the cursor, the text and the message on Enter, Tab, Shift-Tab, the
 * arrows, PgUp/PgDn, Home/End, a click, the next or previous section,
 * go to, the flags pane and quit; only Esc brings the old value back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "ed_app.h"
#include "ed_form.h"
#include "ed_locale.h"
#include "edfix.h"
#include "err.h"
#include "i18n.h"
#include "procid.h"
#include "edutil.h"
#include "report.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

#define ROWS	30
#define COLS	100

TestSuite(ed_terminals, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 60);

static void
open_report(const char *path)
{
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("测试镇人民政府");
}

/* The id of the current cell ("" in a narrative section). */
static const char *
cur_id(void)
{
	int	c = ed_form_cur(eu_app(eu_g));

	return (c < 0 ? "" : report_tpl(eu_report(eu_g))->cells[c].id);
}

static char *
value(const char *id)
{
	return (edfix_value(eu_report(eu_g), id));
}

/* The cell id still holds the edit "text" and the report its old value
 * old, after key. */
static void
held_after(int key, const char *id, const char *text, const char *old)
{
	char	*v;

	eu_key(eu_g, key);
	EU_EXPECT(strcmp(cur_id(), id) == 0, "key %#x left %s for %s", key,
	    id, cur_id());
	EU_EXPECT(eu_contains(eu_g, text), "key %#x threw \"%s\" away", key,
	    text);
	EU_EXPECT(eu_contains(eu_g, "不是数字"), "key %#x: no message", key);
	EU_EXPECT(!eu_quit(eu_g), "key %#x quit with \"%s\" typed", key,
	    text);
	v = value(id);
	EU_EXPECT(strcmp(v, old) == 0, "key %#x: the report holds %s, not "
	    "the old %s", key, v, old);
	free(v);
}

/*
 * Issue 11, case 3, the clerk's steps: on a cell holding 6, type `5x`
 * and Enter.  It used to go back to 6 with the cursor moved on, the
 * reason only on the status line.
 */
Test(ed_terminals, typed_correction_kept_on_enter)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "t3.new.legal=6", NULL }), *v;

	open_report(path);
	eu_go_to(eu_g, "t3.new.legal");
	eu_type(eu_g, "5x");
	held_after(EU_ENTER, "t3.new.legal", "5x", "6");
	EU_SEES("Esc");
	/* The clerk corrects it: Backspace, Enter; the 5 is kept. */
	eu_key(eu_g, KM_KEY(KEY_BACKSPACE));
	eu_key(eu_g, EU_ENTER);
	EU_EXPECT(strcmp(cur_id(), "t3.new.legal") != 0,
	    "Enter on good text did not move on");
	eu_key(eu_g, EU_CTRL('S'));
	v = edfix_file_value(path, "t3.new.legal");
	cr_expect_str_eq(v, "5", "the correction was not saved");
	free(v);
}

/* Every way out of the cell keeps the text; Esc alone restores. */
Test(ed_terminals, typed_correction_kept_by_every_move)
{
	static const int keys[] = { EU_TAB, KM_KEY(KEY_BTAB),
	    KM_KEY(KEY_DOWN), KM_KEY(KEY_UP), KM_KEY(KEY_LEFT),
	    KM_KEY(KEY_RIGHT), KM_KEY(KEY_HOME), KM_KEY(KEY_END),
	    KM_KEY(KEY_NPAGE), KM_KEY(KEY_PPAGE), EU_F(6), EU_F(5),
	    EU_F(8), EU_F(3), EU_CTRL('G'), EU_CTRL('Q'), EU_F(10), 0 };
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "t3.new.legal=6", NULL }), *v;
	struct tui_app *a;
	int	 i, r, c;

	open_report(path);
	eu_go_to(eu_g, "t3.new.legal");
	eu_type(eu_g, "5x");
	for (i = 0; keys[i] != 0; i++)
		held_after(keys[i], "t3.new.legal", "5x", "6");
	/* A click on another cell. */
	a = eu_app(eu_g);
	EU_EXPECT(eu_find(eu_g, "一、本年新收", 0, &r, &c), "no row");
	eu_key(eu_g, 0);	/* no-op: draws */
	ed_form_pane.click(a, r, COLS - 3);
	held_after(0, "t3.new.legal", "5x", "6");
	eu_key(eu_g, EU_ESC);
	v = value("t3.new.legal");
	cr_expect_str_eq(v, "6", "Esc did not bring 6 back");
	free(v);
	EU_EXPECT(!eu_contains(eu_g, "5x"), "Esc left the text");
}

/* Issue 11, case 3, in 四: `1l` then Tab left the cell blank. */
Test(ed_terminals, typed_correction_kept_on_tab_in_four)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *v;

	open_report(path);
	eu_go_to(eu_g, "t4.n.review_upheld");
	eu_type(eu_g, "1l");
	held_after(EU_TAB, "t4.n.review_upheld", "1l", "0");
	eu_key(eu_g, KM_KEY(KEY_BACKSPACE));
	eu_key(eu_g, EU_TAB);
	v = value("t4.n.review_upheld");
	cr_expect_str_eq(v, "1");
	free(v);
}

/* ed_locale_choose with a stand-in for setlocale: the names it may take. */
static bool
only(const char *name, void *arg)
{
	const char *const	*ok = arg;

	for (; *ok != NULL; ok++)
		if (strcmp(name, *ok) == 0)
			return (true);
	return (false);
}

/* The environment's UTF-8 locale first; else C.UTF-8; else any
 * installed one; else none (the editor then refuses, in both languages,
 * before curses). */
Test(ed_terminals, locale_choice)
{
	char	used[64];

	cr_expect_eq(ed_locale_choose(only, (const char *[]){ "", "C.UTF-8",
	    NULL }, NULL, used, sizeof used), ED_LOCALE_ENV);
	cr_expect_str_eq(used, "");
	cr_expect_eq(ed_locale_choose(only, (const char *[]){ "C.utf8",
	    NULL }, NULL, used, sizeof used), ED_LOCALE_FALLBACK);
	cr_expect_str_eq(used, "C.utf8");
	cr_expect_eq(ed_locale_choose(only, (const char *[]){ "C.UTF-8",
	    NULL }, NULL, used, sizeof used), ED_LOCALE_FALLBACK);
	cr_expect_str_eq(used, "C.UTF-8");
	cr_expect_eq(ed_locale_choose(only, (const char *[]){ NULL },
	    "/nonexistent", used, sizeof used), ED_LOCALE_NONE);
}

/* Issue 11, small things: the year prompt takes full-width digits. */
Test(ed_terminals, year_in_full_width_digits)
{
	char		*path = edfix_path("new.yaml");
	struct report	*r;

	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("请输入机关名称");
	eu_type(eu_g, "小城子镇人民政府");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("请输入报告年度");
	eu_type(eu_g, "２０２５");	/* replaces the proposed year */
	eu_key(eu_g, EU_ENTER);
	EU_SEES("2025年");
	r = edfix_load(path);
	cr_expect_eq(report_year(r), 2025);
	report_free(r);
}

/* Issue 11, navigation: Tab on a section's last cell goes to the next
 * section's first, Shift-Tab comes back to the last. */
Test(ed_terminals, tab_crosses_sections)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_go_to(eu_g, "t3.carried_out.other_org");	/* 三's last input */
	EU_EXPECT(strcmp(cur_id(), "t3.carried_out.other_org") == 0,
	    "not on 三's last input cell: %s", cur_id());
	eu_key(eu_g, EU_TAB);
	EU_EXPECT(strncmp(cur_id(), "t4.", 3) == 0, "Tab on 三's last cell "
	    "went to %s", cur_id());
	eu_key(eu_g, KM_KEY(KEY_BTAB));
	EU_EXPECT(strcmp(cur_id(), "t3.carried_out.other_org") == 0,
	    "Shift-Tab came back to %s", cur_id());
}

/* Issue 11, navigation: F8 reaches warnings while errors exist (errors
 * first), and says when it went round. */
Test(ed_terminals, f8_walks_every_flag)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "t3.new.natural=3", "t3.new.legal=", NULL });
	const struct report *r;
	size_t	 nerr, nwarn, i;
	bool	 warned = false;

	open_report(path);
	r = eu_report(eu_g);
	nerr = report_nflags_severity(r, TPL_ERROR);
	nwarn = report_nflags_severity(r, TPL_WARNING);
	cr_assert(nerr > 0 && nwarn > 0, "the fixture has %zu errors, %zu "
	    "warnings", nerr, nwarn);
	for (i = 0; i < nerr + nwarn; i++) {
		eu_key(eu_g, EU_F(8));
		if (i < nerr)
			EU_EXPECT(!eu_contains(eu_g, "未填写"),
			    "a warning before the errors (step %zu)", i);
		warned |= eu_contains(eu_g, "未填写");
	}
	EU_EXPECT(warned, "F8 never reached the warning");
	eu_key(eu_g, EU_F(8));
	EU_SEES("已回到第一个问题");
}

/* The message of every step of n presses of key, from where the cursor
 * is (newly allocated, n entries). */
static char **
walk_messages(int key, size_t n)
{
	char	**m = xcalloc(n, sizeof *m);
	size_t	  i;

	for (i = 0; i < n; i++) {
		eu_key(eu_g, key);
		m[i] = xstrdup(eu_app(eu_g)->msg != NULL ? eu_app(eu_g)->msg :
		    "");
	}
	return (m);
}

/* Issue 11, navigation: F7 walks the same flags as F8, backwards
 * (warnings, then errors, from the end), and says when it went round. */
Test(ed_terminals, f7_walks_back)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "t3.new.natural=3", "t3.new.legal=", NULL });
	const struct report *r;
	char	**fw, **bw;
	size_t	 n, i, nerr;

	open_report(path);
	r = eu_report(eu_g);
	nerr = report_nflags_severity(r, TPL_ERROR);
	n = report_nflags(r);
	cr_assert(nerr > 0 && n > nerr, "the fixture has %zu errors of %zu",
	    nerr, n);
	fw = walk_messages(EU_F(8), n);
	bw = walk_messages(EU_F(7), n);
	/* From the last flag F8 reached, F7 goes back over the others. */
	for (i = 0; i + 1 < n; i++)
		EU_EXPECT(strstr(bw[i], fw[n - 2 - i]) != NULL, "F7 step %zu "
		    "was \"%s\", F8 had \"%s\"", i, bw[i], fw[n - 2 - i]);
	EU_EXPECT(strstr(bw[n - 1], "已回到最后一个问题") != NULL,
	    "F7 went round silently: %s", bw[n - 1]);
	for (i = 0; i < n; i++) {
		free(fw[i]);
		free(bw[i]);
	}
	free(fw);
	free(bw);
}

/* Issue 11, navigation: Ctrl-G takes a section's title or part of it. */
Test(ed_terminals, goto_section_title)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_go_to(eu_g, "存在的主要问题");
	EU_EXPECT(eu_app(eu_g)->sec == 4, "went to section %d",
	    eu_app(eu_g)->sec + 1);
	eu_go_to(eu_g, "总体情况");
	EU_EXPECT(eu_app(eu_g)->sec == 0, "went to section %d",
	    eu_app(eu_g)->sec + 1);
	EU_EXPECT(!eu_contains(eu_g, "没有找到"), "refused a title");
	eu_go_to(eu_g, "５");		/* a full-width digit */
	EU_EXPECT(eu_app(eu_g)->sec == 4, "５ went to section %d",
	    eu_app(eu_g)->sec + 1);
}

/* Issue 11, labels: the outline tells 二's blocks apart (not four times
 * 第二十条第（…), narrows by itself at 80 columns and cycles with F12. */
Test(ed_terminals, outline_labels)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	EU_SEES("（一）项");
	EU_SEES("（五）项");
	EU_SEES("（六）项");
	EU_EXPECT(!eu_contains(eu_g, "第二十条第（…"), "the shared start "
	    "shown in place of the difference");
	eu_resize(eu_g, 24, 80);
	EU_EXPECT(!eu_contains(eu_g, "二、主动"), "not narrow at 80 columns");
	EU_SEES("三");
	eu_key(eu_g, EU_F(12));		/* narrow -> hidden */
	eu_key(eu_g, EU_F(12));		/* hidden -> full */
	EU_SEES("二、主动");
}

/* Issue 11, words: system errors in the user's language ("无法打开文件：
 * No such file or directory" was half English); English keeps the C
 * library's own words. */
Test(ed_terminals, system_errors_in_chinese)
{
	static const int errs[] = { ENOENT, EACCES, ENOSPC, EFBIG, EROFS,
	    EDQUOT, EISDIR, ENOTDIR, EMLINK, EEXIST, 0 };
	char		*data = xasprintf("%s/share/nianbao", NB_BUILD_DIR);
	struct i18n	*zh = i18n_open(data, LANG_ZH);
	struct i18n	*en = i18n_open(data, LANG_EN);
	struct err	 e = { 0 };
	char		*m;
	int		 i;

	for (i = 0; errs[i] != 0; i++) {
		err_set(&e, "r.yaml", 0, 0, "file.open", 1, strerror(errs[i]));
		m = i18n_err(zh, &e);
		cr_expect(strstr(m, strerror(errs[i])) == NULL,
		    "English in Chinese: %s", m);
		free(m);
		m = i18n_err(en, &e);
		cr_expect(strstr(m, strerror(errs[i])) != NULL, "%s", m);
		free(m);
		err_clear(&e);
	}
	err_set(&e, "r.yaml", 0, 0, "file.open", 1, strerror(ENOSPC));
	m = i18n_err(zh, &e);
	cr_expect(strstr(m, "磁盘已满") != NULL, "%s", m);
	free(m);
	err_clear(&e);
	i18n_close(zh);
	i18n_close(en);
	free(data);
}

/* Issue 11, small things: "already open" names user@host and when, not
 * only a process number. */
static void
zhangsan_elsewhere(struct procid *o)
{
	snprintf(o->host, sizeof o->host, "%s", "pc-办公室");
	snprintf(o->user, sizeof o->user, "%s", "zhangsan");
	o->since = 1741155600;	/* 2025-03-05 06:20 UTC */
}

Test(ed_terminals, already_open_says_who_and_when)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	edfix_lock(path, zhangsan_elsewhere);
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("报表正在编辑");
	EU_SEES("zhangsan@pc-办公室");
	EU_SEES("2025-03-0");
}

/* Issue 11, navigation: reopening a report goes back to the section and
 * cell last edited, kept in the state folder, not in the report. */
Test(ed_terminals, reopen_returns_to_the_cell)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *before, *after;

	before = tu_read(path, NULL);
	open_report(path);
	eu_go_to(eu_g, "t4.n.review_pending");
	eu_free(eu_g);
	eu_g = NULL;
	after = tu_read(path, NULL);
	cr_expect_str_eq(after, before, "the place went into the report");
	free(before);
	free(after);
	open_report(path);
	EU_EXPECT(strcmp(cur_id(), "t4.n.review_pending") == 0,
	    "reopened on %s", cur_id());
	/* A narrative section: the section again. */
	eu_go_to(eu_g, "s5");
	eu_free(eu_g);
	eu_g = NULL;
	open_report(path);
	EU_EXPECT(eu_app(eu_g)->sec == 4, "reopened on section %d",
	    eu_app(eu_g)->sec + 1);
}

/* Issue 11, labels: at 80x24 the whole label of the current cell shows
 * (the table's row label is cut: "2.其他法律行政法规禁…"). */
Test(ed_terminals, whole_label_at_80x24)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	eu_g = eu_open(path, 24, 80);
	eu_go_to(eu_g, "t3.r_deny_2.legal");
	EU_SEES("2.其他法律行政法规禁止公开");
	EU_SEES("法律服务机构｜单位");
}
