/*
 * Numbers pasted into a table (issue 12, Done-when 3), driven without a
 * terminal (edutil.h): a spreadsheet's row of seven (the six applicants
 * and its own 总计) fills 本年新收 and the 总计 follows; a paste with a bad
 * value changes nothing, names it and puts the cursor on its cell; a
 * paste is one undo step; rows go down; Ctrl-C then Ctrl-V copies a cell.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "ed_form.h"
#include "edfix.h"
#include "edutil.h"
#include "report.h"
#include "tpl.h"

TestSuite(ed_grid, .init = edfix_setup, .fini = eu_teardown, .timeout = 60);

static const char *const row_ids[] = { "t3.new.natural", "t3.new.commercial",
    "t3.new.research", "t3.new.nonprofit", "t3.new.legal", "t3.new.other_org",
    "t3.new.total" };

/* Whether the cells of 本年新收 hold want[0..7). */
static void
expect_row(const char *const *want)
{
	char	*v;

	for (int i = 0; i < 7; i++) {
		v = edfix_value(eu_report(eu_g), row_ids[i]);
		EU_EXPECT(strcmp(v, want[i]) == 0, "%s is %s, not %s",
		    row_ids[i], v, want[i]);
		free(v);
	}
}

Test(ed_grid, seven_numbers_fill_the_row)
{
	static const char *const want[] = { "1", "2", "3", "4", "5", "6",
	    "21" };
	static const char *const zeros[] = { "0", "0", "0", "0", "0", "0",
	    "0" };

	eu_g = eu_open(edfix_report(NULL, "r.yaml", NULL), 30, 100);
	eu_go_to(eu_g, "t3.new.natural");
	eu_paste(eu_g, "1\t2\t3\t4\t5\t6\t21\r\n");
	expect_row(want);
	EU_SEES("已粘贴 6 个数");
	EU_SEES("21");
	eu_key(eu_g, EU_CTRL('Z'));
	expect_row(zeros);
}

Test(ed_grid, a_bad_value_changes_nothing_and_is_named)
{
	static const char *const zeros[] = { "0", "0", "0", "0", "0", "0",
	    "0" };
	const struct tpl *t;

	eu_g = eu_open(edfix_report(NULL, "r.yaml", NULL), 30, 100);
	eu_go_to(eu_g, "t3.new.natural");
	eu_paste(eu_g, "3\tx\t5");
	expect_row(zeros);
	EU_SEES("“x”");
	EU_SEES("粘贴没有生效");
	t = report_tpl(eu_report(eu_g));
	cr_expect_eq(ed_form_cur(eu_app(eu_g)),
	    tpl_cell_index(t, "t3.new.commercial"), "the cursor is not on x");
}

Test(ed_grid, rows_go_down_spaces_separate)
{
	char	*v;

	eu_g = eu_open(edfix_report(NULL, "r.yaml", NULL), 30, 100);
	eu_go_to(eu_g, "t3.new.natural");
	eu_paste(eu_g, "7 8\n９  1,000\n");
	v = edfix_value(eu_report(eu_g), "t3.carried_in.commercial");
	cr_expect_str_eq(v, "1000");
	free(v);
	v = edfix_value(eu_report(eu_g), "t3.carried_in.natural");
	cr_expect_str_eq(v, "9", "full-width digit parsed as typed: %s", v);
	free(v);
	v = edfix_value(eu_report(eu_g), "t3.new.commercial");
	cr_expect_str_eq(v, "8");
	free(v);
}

Test(ed_grid, past_the_table_changes_nothing)
{
	char	*v;

	eu_g = eu_open(edfix_report(NULL, "r.yaml", NULL), 30, 100);
	eu_go_to(eu_g, "t3.new.other_org");
	eu_paste(eu_g, "1\t2\t3");
	EU_SEES("没有对应的单元格");
	v = edfix_value(eu_report(eu_g), "t3.new.other_org");
	cr_expect_str_eq(v, "0");
	free(v);
}
