/*
 * The table screens, driven without a terminal (edutil.h): typing into
 * cells with live totals and flags, computed cells, the flags pane and
 * walking the flags, go to, undo and redo, and what a keystroke costs.
 * Each test opens a report written by edfix.h, types keys and checks
 * the screen, the dirty bits, the report in memory and the saved file.
 * (They were pseudo-terminal tests; what needs a terminal stays in
 * test_pty_editor.c.)
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "ed_app.h"
#include "edfix.h"
#include "edutil.h"
#include "report.h"
#include "tpl.h"
#include "xmalloc.h"

#define ROWS	30
#define COLS	100

TestSuite(ed_form, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 60);

static void
open_report(const char *path)
{
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("测试镇人民政府");
}

/* How many runs of ASCII digits in s equal num. */
static int
count_number(const char *s, const char *num)
{
	size_t	n = strlen(num), k;
	int	count = 0;

	while (*s != '\0') {
		if (*s < '0' || *s > '9') {
			s++;
			continue;
		}
		for (k = 0; s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k == n && strncmp(s, num, n) == 0)
			count++;
		s += k;
	}
	return (count);
}

/* How many times the row labelled label shows num, from the label to
 * the right edge (not the outline, which has numbers of its own). */
static int
row_count(const char *label, const char *num)
{
	char	*row;
	int	 r, c, n;

	if (!eu_find(eu_g, label, 0, &r, &c))
		return (-1);
	row = eu_cells(eu_g, r, c, COLS);
	n = count_number(row, num);
	free(row);
	return (n);
}

/* What row r shows under the header label hdr (the first one above r):
 * the right-aligned number and its flag mark.  NULL without it. */
static char *
cell_under(const char *hdr, int r)
{
	int	hr, hc;

	if (!eu_find(eu_g, hdr, 0, &hr, &hc) || hr >= r)
		return (NULL);
	return (eu_cells(eu_g, r, hc - 2, hc + 6));
}

/* The value of cell id in the report being edited. */
static char *
value(const char *id)
{
	return (edfix_value(eu_report(eu_g), id));
}

/* Typing 3 into 本年新收/自然人 shows 3 in the row's 总计 and the 勾稽
 * flag before Enter; the keystroke redraws only the values, counts and
 * status, not the whole pane. */
Test(ed_form, live_total_and_flag_before_enter)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *tot, *v;
	int	 r;

	open_report(path);
	eu_go_to(eu_g, "t3.new.natural");
	EU_SEES("t3.new.natural");
	EU_EXPECT(row_count("一、本年新收", "3") == 0, "the row already shows 3");
	EU_EXPECT(!eu_contains(eu_g, "勾稽关系不成立"), "flag before typing");
	eu_type(eu_g, "3");
	cr_expect_eq(eu_dirty(eu_g), TUI_DIRTY_MODEL,
	    "a digit dirtied %#x, not the model's regions", eu_dirty(eu_g));
	EU_EXPECT(row_count("一、本年新收", "3") == 2,
	    "the row does not show 3 twice (cell and 总计) before Enter");
	eu_find(eu_g, "一、本年新收", 0, &r, NULL);
	tot = cell_under("总计", r);
	EU_EXPECT(tot != NULL && count_number(tot, "3") == 1,
	    "no 3 under the 总计 header: [%s]", tot ? tot : "(no header)");
	free(tot);
	EU_SEES("勾稽关系不成立");
	v = value("t3.new.total");
	cr_expect_str_eq(v, "3", "the report's 总计 is %s before Enter", v);
	free(v);
}

/* A digit sends a fraction of a full repaint to the terminal. */
Test(ed_form, digit_sends_little)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);
	size_t	 mark, full, digit;

	open_report(path);
	eu_go_to(eu_g, "t3.r_open.natural");
	mark = eu_bytes(eu_g);
	eu_key(eu_g, EU_CTRL('L'));
	full = eu_bytes(eu_g) - mark;
	mark = eu_bytes(eu_g);
	eu_type(eu_g, "7");
	digit = eu_bytes(eu_g) - mark;
	cr_log_info("full repaint %zu bytes, one digit %zu", full, digit);
	cr_expect(digit > 0, "typing a digit drew nothing");
	cr_expect(digit * 4 < full, "one digit %zu bytes, a repaint %zu",
	    digit, full);
}

/* A computed cell cannot be typed into: the value stays, a message says
 * which cells it adds. */
Test(ed_form, computed_cell_refuses_typing)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *v;

	open_report(path);
	eu_go_to(eu_g, "t3.new.total");
	EU_SEES("t3.new.total");
	eu_type(eu_g, "5");
	EU_SEES("自动计算");
	EU_EXPECT(row_count("一、本年新收", "5") == 0,
	    "5 typed into the computed 总计");
	eu_key(eu_g, EU_ENTER);
	eu_key(eu_g, EU_CTRL('S'));
	v = edfix_file_value(path, "t3.new.total");
	cr_expect_str_eq(v, "0");
	free(v);
}

/* Text that does not parse is shown as an error while typed, and the
 * report keeps the value before the edit meanwhile (not the prefix "5"
 * that happened to parse); committing it is refused and the text stays
 * (test_ed_terminals.c has the clerk's steps). */
Test(ed_form, bad_input_refused_on_commit)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *v;

	open_report(path);
	eu_go_to(eu_g, "t3.new.legal");
	eu_type(eu_g, "5x");
	v = value("t3.new.legal");
	cr_expect_str_eq(v, "0", "a prefix of bad text is live: %s", v);
	free(v);
	eu_key(eu_g, EU_ENTER);
	v = value("t3.new.legal");
	cr_expect_str_eq(v, "0", "the bad text's prefix was committed");
	free(v);
	EU_SEES("不是数字");
	EU_SEES("5x");
}

/* The status line names one of the cells of R1 in the 自然人 column. */
static bool
on_involved_cell(void)
{
	static const char *const ids[] = { "t3.new.natural",
	    "t3.carried_in.natural", "t3.r_total.natural",
	    "t3.carried_out.natural", NULL };
	int	i;

	for (i = 0; ids[i] != NULL; i++)
		if (eu_contains(eu_g, ids[i]))
			return (true);
	return (false);
}

/* The flags pane lists the flag; Enter lands on an involved cell;
 * typing the balancing value clears it. */
Test(ed_form, flags_panel_jump_and_fix)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "t3.new.natural=3", EDFIX_S1, NULL });

	open_report(path);
	eu_key(eu_g, EU_F(3));
	EU_SEES("勾稽关系不成立");
	eu_key(eu_g, EU_ENTER);
	EU_EXPECT(on_involved_cell(), "Enter did not land on a cell of R1");
	EU_SEES("自然人");
	EU_SEES("勾稽关系不成立");
	eu_go_to(eu_g, "t3.r_open.natural");
	eu_type(eu_g, "3");
	EU_EXPECT(!eu_contains(eu_g, "勾稽关系不成立"),
	    "the flag is still shown after typing the balancing value");
	eu_key(eu_g, EU_ENTER);
	eu_key(eu_g, EU_F(3));
	EU_SEES("没有问题");
	EU_EXPECT(!eu_contains(eu_g, "勾稽关系不成立"),
	    "the flags pane still lists the fixed flag");
}

/* The flags pane's keys: errors first; Down selects the next flag, its
 * message in the status line; Esc closes; F3 toggles. */
Test(ed_form, flags_panel_keys)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "t3.new.natural=3", "t3.new.legal=",
	    EDFIX_S1, NULL });
	int	 r0, r1, r2;

	open_report(path);
	eu_key(eu_g, EU_F(3));
	EU_SEES("2 个错误，1 个提醒");
	EU_EXPECT(eu_find(eu_g, "错误 三 勾稽关系不成立（自然人列）", 0, &r0, NULL),
	    "the first error is not first");
	/* A message runs on over as many rows as it needs. */
	EU_EXPECT(eu_find(eu_g, "提醒 三", 0, &r1, NULL) &&
	    eu_find(eu_g, "错误 三", r0 + 1, &r2, NULL) && r0 < r2 && r2 < r1,
	    "the warning is not listed after the two errors");
	EU_EXPECT(eu_find(eu_g, "（自然人列）", ROWS - 4, NULL, NULL),
	    "the first flag's message is not in the status line");
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	cr_expect(eu_dirty(eu_g) & TUI_DIRTY_PANE, "Down did not redraw");
	EU_EXPECT(eu_find(eu_g, "（总计列）", ROWS - 4, NULL, NULL),
	    "the second flag's message is not in the status line");
	eu_key(eu_g, KM_KEY(KEY_END));
	EU_EXPECT(eu_find(eu_g, "法律服务机构", ROWS - 4, NULL, NULL),
	    "End did not select the last flag");
	eu_key(eu_g, EU_ESC);
	EU_EXPECT(!eu_contains(eu_g, "2 个错误，"), "Esc did not close the pane");
	eu_key(eu_g, EU_F(3));
	EU_SEES("2 个错误，");
	eu_key(eu_g, EU_F(3));
	EU_EXPECT(!eu_contains(eu_g, "2 个错误，"), "F3 did not close the pane");
}

/* F8 walks to a flagged cell from anywhere, F7 back to the other. */
Test(ed_form, next_flag_key)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "t3.new.natural=3", EDFIX_S1, NULL });

	open_report(path);
	EU_EXPECT(!on_involved_cell(), "already on the flagged cell");
	eu_key(eu_g, EU_F(8));
	EU_EXPECT(on_involved_cell(), "F8 did not go to a cell of the flag");
	EU_SEES("勾稽关系不成立");
	/* The other flag of R1 is on the 总计 column. */
	eu_key(eu_g, EU_F(7));
	EU_SEES(".total");
	EU_SEES("勾稽关系不成立（总计列）");
}

/* Go to takes part of a label; a section's number names the section. */
Test(ed_form, go_to_by_label)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_go_to(eu_g, "行政处罚");
	EU_SEES("t2_6.punishment.decisions");
	eu_go_to(eu_g, "五");
	EU_SEES("五、存在的主要问题及改进情况｜");
}

/* Several matches: a list to pick from; none: said under the input,
 * which stays open. */
Test(ed_form, go_to_list_and_none)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_go_to(eu_g, "自然人");
	EU_SEES("处匹配");
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);
	EU_EXPECT(eu_contains(eu_g, ".natural"), "the pick did not go there");
	eu_go_to(eu_g, "没有这种格子");
	EU_SEES("没有找到");
	cr_expect(eu_dirty(eu_g) == TUI_DIRTY_DIALOG, "the refusal dirtied "
	    "%#x", eu_dirty(eu_g));
	eu_key(eu_g, EU_ESC);
	EU_EXPECT(!eu_contains(eu_g, "没有找到"), "Esc did not close go to");
}

/* Ctrl-Z undoes, many levels; Ctrl-Y redoes; Ctrl-S saves. */
Test(ed_form, undo_redo_save)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *v;

	open_report(path);
	eu_go_to(eu_g, "t3.new.legal");
	eu_type(eu_g, "7");
	eu_key(eu_g, EU_ENTER);
	eu_go_to(eu_g, "t3.new.natural");
	eu_type(eu_g, "2");
	eu_key(eu_g, EU_ENTER);
	EU_EXPECT(row_count("一、本年新收", "9") == 1, "7 + 2 = 9 not shown");
	eu_key(eu_g, EU_CTRL('Z'));
	EU_EXPECT(row_count("一、本年新收", "2") == 0, "Ctrl-Z did not undo 2");
	EU_EXPECT(row_count("一、本年新收", "7") == 2, "one Ctrl-Z undid 7 too");
	eu_key(eu_g, EU_CTRL('Z'));
	EU_EXPECT(row_count("一、本年新收", "7") == 0, "7 not undone");
	eu_key(eu_g, EU_CTRL('Z'));
	EU_SEES("没有可以撤销");
	eu_key(eu_g, EU_CTRL('Y'));
	eu_key(eu_g, EU_CTRL('Y'));
	EU_EXPECT(row_count("一、本年新收", "9") == 1, "Ctrl-Y did not redo");
	v = edfix_file_value(path, "t3.new.legal");
	cr_expect_str_eq(v, "0", "the file changed before Ctrl-S");
	free(v);
	eu_key(eu_g, EU_CTRL('S'));
	EU_SEES("已保存到");
	v = edfix_file_value(path, "t3.new.total");
	cr_expect_str_eq(v, "9");
	free(v);
}

/* The arrows, Tab and Home/End move over the cells; the status line
 * follows. */
Test(ed_form, moving)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_go_to(eu_g, "t3.new.natural");
	eu_key(eu_g, KM_KEY(KEY_RIGHT));
	EU_SEES("t3.new.commercial");
	eu_key(eu_g, EU_TAB);
	EU_SEES("t3.new.research");
	eu_key(eu_g, KM_KEY(KEY_BTAB));
	EU_SEES("t3.new.commercial");
	eu_key(eu_g, KM_KEY(KEY_HOME));
	EU_SEES("t3.new.natural");
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	EU_SEES("t3.carried_in.natural");
	eu_key(eu_g, KM_KEY(KEY_END));
	EU_SEES("t3.carried_in.total");
	eu_key(eu_g, EU_F(6));
	EU_SEES("四、");
	eu_key(eu_g, EU_F(5));
	EU_SEES("t3.carried_in.total");
}
