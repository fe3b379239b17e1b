/*
 * Fill the blanks with zero (issue 12), driven without a terminal
 * (edutil.h): Ctrl-B on a cell of 三 fills its row, again the table,
 * again the report; each press is one undo step and says what it filled
 * and what the next would; the tables of a real report (seed 000) filled
 * from blank in under 120 keys; `nianbao set --zero-blanks`.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "edscript.h"
#include "edutil.h"
#include "report.h"
#include "tpl.h"

TestSuite(ed_zero, .init = edfix_setup, .fini = eu_teardown, .timeout = 60);

/* Blank input cells of the report shown. */
static size_t
blanks(void)
{
	const struct report	*r = eu_report(eu_g);
	const struct tpl	*t = report_tpl(r);
	size_t			 i, n = 0;

	for (i = 0; i < t->ncells; i++)
		if (!tpl_cell_computed(t, (int)i) &&
		    report_value(r, (int)i).state == RV_BLANK)
			n++;
	return (n);
}

/* The R10 (left blank) flags of the report shown. */
static size_t
r10_flags(void)
{
	const struct report	*r = eu_report(eu_g);
	const struct tpl	*t = report_tpl(r);
	struct report_flag	 f[512];
	size_t			 n = report_flags(r, f, 512), i, k = 0;

	for (i = 0; i < n && i < 512; i++)
		if (strcmp(t->rules[f[i].rule].id, "R10") == 0)
			k++;
	return (k);
}

Test(ed_zero, row_table_report_each_one_undo_step)
{
	size_t	all, after_row, after_table;
	char	*v;

	eu_g = eu_open(edscript_blank("b.yaml", 2025), 30, 100);
	eu_go_to(eu_g, "t3.new.other_org");
	eu_type(eu_g, "4");
	all = blanks();
	eu_key(eu_g, EU_CTRL('B'));
	after_row = blanks();
	cr_expect_eq(all - after_row, 5, "the row: %zu cells filled",
	    all - after_row);
	EU_SEES("本行的 5 个空白单元格填为 0");
	EU_SEES("再按 Ctrl-B：本表还有");
	v = edfix_value(eu_report(eu_g), "t3.new.other_org");
	cr_expect_str_eq(v, "4", "the value typed was kept: %s", v);
	free(v);
	v = edfix_value(eu_report(eu_g), "t3.new.total");
	cr_expect_str_eq(v, "4", "the row's 总计 is %s", v);
	free(v);
	eu_key(eu_g, EU_CTRL('B'));
	after_table = blanks();
	cr_expect_gt(after_row - after_table, 100, "the table: %zu",
	    after_row - after_table);
	EU_SEES("本表的");
	eu_key(eu_g, EU_CTRL('B'));
	cr_expect_eq(blanks(), 0, "%zu cells left blank", blanks());
	cr_expect_eq(r10_flags(), 0, "filled zeros still flagged by R10");
	EU_SEES("整份报告的");
	eu_key(eu_g, EU_CTRL('B'));
	EU_SEES("没有空白单元格");
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_eq(blanks(), after_table, "one undo: %zu blank", blanks());
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_eq(blanks(), after_row, "two undos: %zu blank", blanks());
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_eq(blanks(), all, "three undos: %zu blank", blanks());
	eu_key(eu_g, EU_CTRL('Y'));
	cr_expect_eq(blanks(), after_row, "redo: %zu blank", blanks());
}

/* A move between presses starts again from the row. */
Test(ed_zero, a_move_starts_from_the_row)
{
	size_t	all;

	eu_g = eu_open(edscript_blank("b.yaml", 2025), 30, 100);
	all = blanks();
	eu_go_to(eu_g, "t3.new.natural");
	eu_key(eu_g, EU_CTRL('B'));
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_CTRL('B'));
	cr_expect_eq(all - blanks(), 12, "two rows: %zu", all - blanks());
}

Test(ed_zero, not_in_text)
{
	eu_g = eu_open(edscript_blank("b.yaml", 2025), 30, 100);
	eu_go_to(eu_g, "s1");
	eu_key(eu_g, EU_CTRL('B'));
	EU_SEES("补零用于表格");
}

/* Done-when 1's figure: seed 000's tables from blank, under 120 keys,
 * every value as published. */
Test(ed_zero, seed_000_in_under_120_keys)
{
	struct report	*want = edscript_seed(NB_REAL_DIR
			    "/000_9062bfdbeadefa61.txt");
	const struct tpl *t = report_tpl(want);
	struct report_value v, w;
	size_t		 n, c;

	eu_g = eu_open(edscript_blank("b.yaml", 2021), 30, 100);
	n = edscript_fill(eu_g, want, true);
	cr_expect_lt(n, 120, "%zu keys", n);
	for (c = 0; c < t->ncells; c++) {
		w = report_value(want, (int)c);
		v = report_value(eu_report(eu_g), (int)c);
		if (w.state == RV_SET)
			cr_expect(v.state == RV_SET && v.n.v == w.n.v,
			    "%s differs", t->cells[c].id);
	}
	cr_expect_eq(blanks(), 0);
	report_free(want);
}

Test(ed_zero, cli_zero_blanks_section)
{
	char	*path = edscript_blank("b.yaml", 2025), *v;

	edfix_cli((const char *[]){ "set", path, "t3.new.natural=2",
	    "--zero-blanks", "三", NULL });
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "2");
	free(v);
	v = edfix_file_value(path, "t3.new.commercial");
	cr_expect_str_eq(v, "0");
	free(v);
	v = edfix_file_value(path, "t4.n.review_upheld");
	cr_expect_str_eq(v, "", "四 filled too: \"%s\"", v);
	free(v);
}

/* Before the first press the status says what each press will fill
 * and how many cells; after it, what the next press will; on a row
 * with no blank cell, nothing. */
Test(ed_zero, status_says_what_the_press_will_fill)
{
	char	want[128];
	size_t	row, table;

	eu_g = eu_open(edscript_blank("b.yaml", 2025), 24, 80);
	eu_go_to(eu_g, "t3.new.natural");
	eu_key(eu_g, EU_ESC);	/* the go-to's message gone */
	eu_key(eu_g, KM_KEY(KEY_RIGHT));
	eu_key(eu_g, KM_KEY(KEY_LEFT));
	row = blanks();
	eu_key(eu_g, EU_CTRL('B'));
	row -= blanks();
	table = blanks();
	eu_key(eu_g, EU_CTRL('Z'));
	eu_key(eu_g, KM_KEY(KEY_RIGHT));
	eu_key(eu_g, KM_KEY(KEY_LEFT));
	cr_assert_eq(blanks(), table + row);
	snprintf(want, sizeof want, "Ctrl-B 补零：本行 %zu 格", row);
	EU_SEES(want);
	EU_SEES("再按本表");
	eu_type(eu_g, "1");
	eu_key(eu_g, EU_ENTER);
	eu_go_to(eu_g, "t3.new.natural");
	eu_key(eu_g, EU_CTRL('B'));
	EU_SEES("再按 Ctrl-B：本表还有");
	eu_key(eu_g, KM_KEY(KEY_RIGHT));
	cr_expect(!eu_contains(eu_g, "Ctrl-B 补零：本行"),
	    "a row with no blank cell still offers a fill");
}
