/*
 * Table 三 from the register of applications, in the editor, driven
 * without a terminal (edutil.h): F12 on table 三 with serials.xlsx (from
 * tests/data/ledger, copied beside the report), the value the guesses
 * cannot place (个体户) mapped in the list, the table it must give
 * (serials.expect), one undo step for the whole fill, the map reused
 * without a question, and the register rows behind a cell (Ctrl-W).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "edutil.h"
#include "ledgerutil.h"
#include "report.h"
#include "testutil.h"
#include "tpl.h"

#define ROWS	30
#define COLS	120

TestSuite(ed_ledger, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 60);

/* tests/data/ledger/name copied into the test's folder. */
static void
copy_register(const char *name)
{
	char	*from = tu_path(LEDGER_DATA, name), *s;
	size_t	 len;
	FILE	*f;

	s = tu_read(from, &len);
	cr_assert_not_null(s, "%s missing", from);
	f = fopen(edfix_path(name), "wb");
	cr_assert(f != NULL && fwrite(s, 1, len, f) == len && fclose(f) == 0);
	free(s);
	free(from);
}

/* The value of cell id in the editor's report. */
static char *
value(const char *id)
{
	return (edfix_value(eu_report(eu_g), id));
}

/* F12 on table 三 and the register proposed (the only spreadsheet
 * beside the report) taken as it is. */
static void
count_register(void)
{
	eu_go_to(eu_g, "t3.new.natural");
	EU_SEES("^] 台账");
	eu_key(eu_g, EU_CTRL(']'));
	EU_SEES("申请登记台账的文件");
	EU_SEES("serials.xlsx");
	eu_key(eu_g, EU_ENTER);
}

/* The whole table against serials.expect, 勾稽 holding. */
static void
gives_expected(const char *what)
{
	struct ledger_expect	x;

	lu_expect("serials.expect", &x);
	lu_compare(what, eu_report(eu_g), &x);
	cr_expect_eq(lu_balance_flags(eu_report(eu_g)), 0,
	    "%s: 勾稽 does not hold", what);
}

/*
 * 个体户 is listed with its row and mapped in the list; the fill is the
 * expected table, the map is saved beside the register, and Ctrl-Z
 * undoes every cell at once (Ctrl-Y redoes them).
 */
Test(ed_ledger, map_fill_undo)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL), *v, *map;
	struct report	*r;

	copy_register("serials.xlsx");
	eu_g = eu_open(path, ROWS, COLS);
	count_register();
	EU_SEES("1 个值不知道对应表三的哪一项");
	EU_SEES("个体户");
	EU_SEES("第 10 行 → （未指定）");
	v = value("t3.new.commercial");
	cr_expect_str_eq(v, "0", "filled before the value was mapped");
	free(v);
	eu_key(eu_g, EU_ENTER);
	EU_SEES("应计入表三的哪一项");
	eu_key(eu_g, KM_KEY(KEY_DOWN));		/* 自然人, then 商业企业 */
	eu_key(eu_g, EU_ENTER);
	EU_SEES("已从台账");
	EU_SEES("一、本年新收政府信息公开申请数量/申请人情况/法人或其他组织/商业企业：0 → 2");
	gives_expected("filled");
	map = tu_read(edfix_path("serials.map.yaml"), NULL);
	cr_assert_not_null(map, "the map was not saved beside the register");
	cr_expect(strstr(map, "个体户: commercial") != NULL, "map:\n%s", map);
	free(map);
	eu_key(eu_g, EU_ESC);
	EU_SEES("一、本年新收政府信息公开申请数量             4     2");
	eu_key(eu_g, EU_CTRL('Z'));
	v = value("t3.new.natural");
	cr_expect_str_eq(v, "0", "one Ctrl-Z left t3.new.natural at %s", v);
	free(v);
	v = value("t3.r_other_3.commercial");
	cr_expect_str_eq(v, "0", "one Ctrl-Z left r_other_3 at %s", v);
	free(v);
	eu_key(eu_g, EU_CTRL('Y'));
	gives_expected("redone");
	eu_key(eu_g, EU_CTRL('S'));
	r = edfix_load(path);
	cr_expect(report_prov(r) != NULL, "the provenance was not saved");
	report_free(r);
}

/* The map saved by the first count: the second asks nothing, and the
 * rows behind a cell are listed from the saved report. */
Test(ed_ledger, map_reused_rows_listed)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	copy_register("serials.xlsx");
	tu_write(edfix_path("serials.map.yaml"),
	    "nianbao_ledger_map: 1\napplicant:\n  个体户: commercial\n");
	eu_g = eu_open(path, ROWS, COLS);
	count_register();
	EU_EXPECT(!eu_contains(eu_g, "不知道对应"), "asked again");
	EU_SEES("已从台账");
	gives_expected("from the saved map");
	eu_key(eu_g, EU_ESC);
	eu_key(eu_g, EU_CTRL('S'));
	eu_free(eu_g);
	eu_g = eu_open(path, ROWS, COLS);
	eu_go_to(eu_g, "t3.new.natural");
	eu_key(eu_g, EU_CTRL('^'));
	EU_SEES("从台账 serials.xlsx 统计为 4");
	EU_SEES("第 5 行");
	EU_SEES("第 12 行");
	EU_SEES("第 13 行");
	EU_SEES("公民");
	EU_EXPECT(!eu_contains(eu_g, "第 10 行"), "a 商业企业 row listed");
	eu_key(eu_g, EU_ESC);
	eu_type(eu_g, "9");
	eu_key(eu_g, EU_ENTER);
	eu_go_to(eu_g, "t3.new.natural");
	eu_key(eu_g, EU_CTRL('^'));
	EU_SEES("统计为 4，现为 9");
}

/* A cell not counted from a register says so; a file that is not a
 * register says why and how to name its columns, and changes nothing. */
Test(ed_ledger, not_counted_and_bad_file)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	tu_write(edfix_path("notes.csv"), "会议纪要\n今天开会\n");
	eu_g = eu_open(path, ROWS, COLS);
	eu_go_to(eu_g, "t3.new.natural");
	eu_key(eu_g, EU_CTRL('^'));
	EU_SEES("不是从台账统计的");
	eu_key(eu_g, EU_CTRL(']'));
	EU_SEES("notes.csv");
	eu_key(eu_g, EU_ENTER);
	/* The reason and the hint, with paths as long as $TMPDIR makes
	 * them, wrap anywhere: the heading is the line to check. */
	EU_SEES("台账 notes.csv 没有统计，报告未改动");
	eu_key(eu_g, EU_ESC);
	EU_SEES("本年新收");
	cr_expect(report_prov(eu_report(eu_g)) == NULL, "provenance set");
}
