/*
 * The register readers and what they rest on (issue 18): dates as clerks
 * and spreadsheets write them, the guesses from values to table 三, the
 * map file, and the grid each format gives (.csv in its encodings and
 * separators, .xlsx with shared and inline strings, formulas, a two-row
 * header and both date systems, .xls through FreeXL).  Counting is in
 * test_ledger_count.c, the command in test_ledger_cli.c, bad registers
 * in test_ledger_bad.c.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"
#include "ledger_csv.h"
#include "ledger_date.h"
#include "ledger_grid.h"
#include "ledger_head.h"
#include "ledger_map.h"
#include "ledger_xls.h"
#include "testutil.h"

#define DATA	NB_SOURCE_DIR "/tests/data/ledger/"

/* ---- dates ---- */

static int
days(int y, int m, int d)
{
	int	n;

	cr_assert(ledger_date_days(y, m, d, &n));
	return (n);
}

static void
expect_date(const char *s, int year, enum ledger_date_st want, int y, int m,
    int d)
{
	int	got = -1;

	cr_expect_eq(ledger_date_text(s, year, &got), want, "“%s”", s);
	if (want == LEDGER_DATE_OK || want == LEDGER_DATE_NO_YEAR)
		cr_expect_eq(got, days(y, m, d), "“%s”", s);
}

Test(ledger_date, text_forms)
{
	expect_date("2024-03-05", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("2024/3/5", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("2024.3.5", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("2024年3月5日", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("2024年03月05号", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("２０２４年３月５日", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("２０２４－０３－０５", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date(" 2024-03-05 09:30:00", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("2024-03-05T09:30", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("2024年3月5日（周二）", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("20240305", 0, LEDGER_DATE_OK, 2024, 3, 5);
	expect_date("3月5日", 2023, LEDGER_DATE_NO_YEAR, 2023, 3, 5);
	expect_date("12月31号", 2024, LEDGER_DATE_NO_YEAR, 2024, 12, 31);
	expect_date("2024-02-29", 0, LEDGER_DATE_OK, 2024, 2, 29);
}

Test(ledger_date, not_dates)
{
	int	d;

	expect_date("2023-02-29", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("2024-13-01", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("2024年2月30日", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("24-03-05", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("2024-03/05", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("2024年3月", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("3月5日", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("三月五日", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("见附件", 0, LEDGER_DATE_BAD, 0, 0, 0);
	expect_date("2024-03-05x", 0, LEDGER_DATE_BAD, 0, 0, 0);
	/* Words for "none" and "not yet". */
	cr_expect_eq(ledger_date_text("", 0, &d), LEDGER_DATE_NONE);
	cr_expect_eq(ledger_date_text("—", 0, &d), LEDGER_DATE_NONE);
	cr_expect_eq(ledger_date_text("／", 0, &d), LEDGER_DATE_NONE);
	cr_expect_eq(ledger_date_text("未答复", 0, &d), LEDGER_DATE_NONE);
	cr_expect_eq(ledger_date_text("办理中", 0, &d), LEDGER_DATE_NONE);
	cr_expect_eq(ledger_date_text("无", 0, &d), LEDGER_DATE_NONE);
}

Test(ledger_date, serials_both_epochs)
{
	int	d;

	/* 45356 is 2024-03-05 in the 1900 system, 43894 in 1904's. */
	cr_assert_eq(ledger_date_number(45356, false, &d), LEDGER_DATE_OK);
	cr_expect_eq(d, days(2024, 3, 5));
	cr_assert_eq(ledger_date_number(43894, true, &d), LEDGER_DATE_OK);
	cr_expect_eq(d, days(2024, 3, 5));
	cr_assert_eq(ledger_date_number(45356.75, false, &d), LEDGER_DATE_OK);
	cr_expect_eq(d, days(2024, 3, 5));
	/* Excel's 1900 system: 59 is 1900-02-28, 60 the phantom 02-29, 61
	 * is 03-01; 1 is 1900-01-01.  1904: 0 is 1904-01-01. */
	cr_assert_eq(ledger_date_number(59, false, &d), LEDGER_DATE_OK);
	cr_expect_eq(d, days(1900, 2, 28));
	cr_expect_eq(ledger_date_number(60, false, &d), LEDGER_DATE_BAD);
	cr_assert_eq(ledger_date_number(61, false, &d), LEDGER_DATE_OK);
	cr_expect_eq(d, days(1900, 3, 1));
	cr_assert_eq(ledger_date_number(1, false, &d), LEDGER_DATE_OK);
	cr_expect_eq(d, days(1900, 1, 1));
	cr_assert_eq(ledger_date_number(0, true, &d), LEDGER_DATE_OK);
	cr_expect_eq(d, days(1904, 1, 1));
	cr_assert_eq(ledger_date_number(20240305, false, &d), LEDGER_DATE_OK);
	cr_expect_eq(d, days(2024, 3, 5));
	cr_expect_eq(ledger_date_number(20241305, false, &d), LEDGER_DATE_BAD);
	cr_expect_eq(ledger_date_number(-3, false, &d), LEDGER_DATE_BAD);
	cr_expect_eq(ledger_date_number(1e12, false, &d), LEDGER_DATE_BAD);
}

Test(ledger_date, civil_round_trip)
{
	char	buf[16];
	int	n, y, m, d;

	for (n = days(1999, 12, 25); n < days(2101, 1, 10); n += 17) {
		ledger_date_civil(n, &y, &m, &d);
		cr_assert_eq(days(y, m, d), n);
	}
	cr_expect_str_eq(ledger_date_iso(days(2024, 2, 29), buf), "2024-02-29");
}

/* ---- guesses and the map ---- */

static void
guess(enum ledger_field f, const char *value, const char *want)
{
	const char *got = ledger_map_guess(f, value);

	if (want == NULL)
		cr_expect_null(got, "“%s” guessed as %s, should be asked",
		    value, got);
	else
		cr_expect(got != NULL && strcmp(got, want) == 0,
		    "“%s”: %s, not %s", value, got ? got : "(none)", want);
}

Test(ledger_map, applicant_guesses)
{
	guess(LEDGER_APPLICANT, "自然人", "natural");
	guess(LEDGER_APPLICANT, "公民", "natural");
	guess(LEDGER_APPLICANT, " 个人 ", "natural");
	guess(LEDGER_APPLICANT, "企业", "commercial");
	guess(LEDGER_APPLICANT, "某某有限公司", "commercial");
	guess(LEDGER_APPLICANT, "律师事务所", "legal");
	guess(LEDGER_APPLICANT, "律所", "legal");
	guess(LEDGER_APPLICANT, "科研院所", "research");
	guess(LEDGER_APPLICANT, "社会公益组织", "nonprofit");
	guess(LEDGER_APPLICANT, "其他", "other_org");
	guess(LEDGER_APPLICANT, "法人或其他组织-其他", "other_org");
	guess(LEDGER_APPLICANT, "法人或其他组织（商业企业）", "commercial");
	/* Two things at once, or nothing known: asked. */
	guess(LEDGER_APPLICANT, "法人或其他组织", NULL);
	guess(LEDGER_APPLICANT, "个人独资企业", NULL);
	guess(LEDGER_APPLICANT, "村委会", NULL);
	guess(LEDGER_APPLICANT, "法人", NULL);
}

Test(ledger_map, result_guesses)
{
	guess(LEDGER_RESULT, "予以公开", "r_open");
	guess(LEDGER_RESULT, "（一）予以公开", "r_open");
	guess(LEDGER_RESULT, "已公开", "r_open");
	guess(LEDGER_RESULT, "同意公开", "r_open");
	guess(LEDGER_RESULT, "部分公开（涉及第三方）", "r_partial");
	guess(LEDGER_RESULT, "不予公开（国家秘密）", "r_deny_1");
	guess(LEDGER_RESULT, "3.危及“三安全一稳定”", "r_deny_3");
	guess(LEDGER_RESULT, "不予公开-商业秘密", "r_deny_4");
	guess(LEDGER_RESULT, "过程性信息", "r_deny_6");
	guess(LEDGER_RESULT, "信息不存在", "r_unable_1");
	guess(LEDGER_RESULT, "不掌握", "r_unable_1");
	guess(LEDGER_RESULT, "1.本机关不掌握相关政府信息", "r_unable_1");
	guess(LEDGER_RESULT, "需另行制作", "r_unable_2");
	guess(LEDGER_RESULT, "重复申请", "r_noproc_2");
	guess(LEDGER_RESULT, "信访", "r_noproc_1");
	guess(LEDGER_RESULT, "不予处理（信访件）", "r_noproc_1");
	guess(LEDGER_RESULT, "要求提供公开出版物", "r_noproc_3");
	guess(LEDGER_RESULT, "逾期未补正", "r_other_1");
	guess(LEDGER_RESULT, "未缴纳信息处理费", "r_other_2");
	guess(LEDGER_RESULT, "办理中", "pending");
	/* A group without its case, or no words at all: asked. */
	guess(LEDGER_RESULT, "不予公开", NULL);
	guess(LEDGER_RESULT, "无法提供", NULL);
	guess(LEDGER_RESULT, "其他处理", NULL);
	guess(LEDGER_RESULT, "已答复", NULL);
	guess(LEDGER_RESULT, "", NULL);
}

Test(ledger_map, targets_by_id_and_label)
{
	const char	*ids[64];

	cr_expect_str_eq(ledger_map_target(LEDGER_RESULT, "r_deny_3"),
	    "r_deny_3");
	cr_expect_str_eq(ledger_map_target(LEDGER_RESULT,
	    "2.没有现成信息需要另行制作"), "r_unable_2");
	cr_expect_str_eq(ledger_map_target(LEDGER_APPLICANT, "自然人"),
	    "natural");
	cr_expect_str_eq(ledger_map_target(LEDGER_RESULT, "skip"), "skip");
	cr_expect_null(ledger_map_target(LEDGER_APPLICANT, "r_open"));
	cr_expect_null(ledger_map_target(LEDGER_RESULT, "随便"));
	cr_expect_eq(ledger_map_targets(LEDGER_APPLICANT, ids, 64), 7);
	cr_expect_eq(ledger_map_targets(LEDGER_RESULT, ids, 64), 23);
	cr_expect_str_eq(ledger_map_label("r_noproc_2"),
	    "（五）不予处理/2.重复申请");
}

Test(ledger_map, file_round_trip)
{
	struct ledger_map	 m, back;
	struct ledger_value	*v;
	struct err		 e = { 0 };
	char			*dir = tu_tmpdir(), *p = tu_path(dir, "a.map.yaml");
	char			*text, *again;

	ledger_map_init(&m);
	m.columns[LEDGER_RECEIVED] = strdup("收到: 日期");
	v = ledger_map_value(&m, LEDGER_APPLICANT, "公民");
	cr_expect_eq(v->how, LEDGER_HOW_GUESS);
	v = ledger_map_value(&m, LEDGER_APPLICANT, "村委会");
	cr_expect_eq(v->how, LEDGER_HOW_NONE);
	cr_expect(ledger_map_set(&m, LEDGER_RESULT, "yes", "予以公开"));
	cr_expect(!ledger_map_set(&m, LEDGER_RESULT, "no", "not a target"));
	cr_assert(ledger_map_save(&m, p, "a comment\nsecond line", &e));
	text = tu_read(p, NULL);
	cr_expect(strstr(text, "# a comment\n# second line\n") != NULL);
	cr_expect(strstr(text, "村委会: ~") != NULL, "%s", text);
	ledger_map_init(&back);
	cr_assert(ledger_map_load(p, &back, &e), "%s", e.msgid);
	cr_expect_str_eq(back.columns[LEDGER_RECEIVED], "收到: 日期");
	v = ledger_map_find(&back, LEDGER_APPLICANT, "公民");
	cr_assert_not_null(v);
	cr_expect_str_eq(v->target, "natural");
	cr_expect_eq(v->how, LEDGER_HOW_MAP);
	cr_expect_null(ledger_map_find(&back, LEDGER_APPLICANT, "村委会")->target);
	cr_expect_str_eq(ledger_map_find(&back, LEDGER_RESULT, "yes")->target,
	    "r_open");
	/* Written again, the same text. */
	again = ledger_map_dump(&back, "a comment\nsecond line");
	cr_expect_str_eq(again, text);
	free(again);
	free(text);
	ledger_map_done(&m);
	ledger_map_done(&back);
	tu_rmtree(dir);
	free(dir);
	free(p);
}

Test(ledger_map, bad_files)
{
	static const struct {
		const char	*text;
		const char	*msgid;
		int		 line;
	} cases[] = {
		{ "nianbao_ledger_map: 2\n", "ledger.map_version", 1 },
		{ "colums:\n  received: a\n", "ledger.map_key", 1 },
		{ "columns:\n  sent: a\n", "ledger.map_key", 2 },
		{ "applicant:\n  公民: 法人\n", "ledger.map_target", 2 },
		{ "result: [a]\n", "ledger.map_type", 1 },
		{ "result:\n  a: [b]\n", "ledger.map_type", 2 },
	};
	struct ledger_map	 m;
	struct err		 e = { 0 };
	char			*dir = tu_tmpdir(), *p = tu_path(dir, "m.yaml");
	size_t			 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tu_write(p, cases[i].text);
		ledger_map_init(&m);
		cr_expect(!ledger_map_load(p, &m, &e), "%s", cases[i].text);
		cr_expect_str_eq(e.msgid, cases[i].msgid);
		cr_expect_eq(e.line, cases[i].line, "%s", cases[i].text);
		err_clear(&e);
		ledger_map_done(&m);
	}
	tu_rmtree(dir);
	free(dir);
	free(p);
}

Test(ledger_map, paths)
{
	char	*p;

	p = ledger_map_path("dir/2024台账.xlsx");
	cr_expect_str_eq(p, "dir/2024台账.map.yaml");
	free(p);
	p = ledger_map_path("a.b/台账");
	cr_expect_str_eq(p, "a.b/台账.map.yaml");
	free(p);
}

/* ---- the grid of each format ---- */

/* Row r's cell at col, as text ("" when empty). */
static const char *
at(const struct ledger_grid *g, size_t r, int col)
{
	const struct ledger_cell	*c = ledger_grid_at(g, r, col);

	return (c ? ledger_grid_text(g, c) : "");
}

static void
parse_csv(const char *bytes, size_t len, struct ledger_grid *g)
{
	struct err	e = { 0 };

	ledger_grid_init(g);
	cr_assert(ledger_csv_parse(bytes, len, "t.csv", g, &e), "%s",
	    e.msgid);
}

Test(ledger_csv, quotes_and_line_breaks)
{
	const char		 s[] = "a,\"b,1\",\"say \"\"hi\"\"\"\r\n"
	    "\"two\nlines\",,x\n\n  padded  ,\xe3\x80\x80\xe5\x85\xa8\n";
	struct ledger_grid	 g;

	parse_csv(s, sizeof s - 1, &g);
	cr_assert_eq(g.nrows, 3);
	cr_expect_str_eq(at(&g, 0, 1), "b,1");
	cr_expect_str_eq(at(&g, 0, 2), "say \"hi\"");
	cr_expect_str_eq(at(&g, 1, 0), "two\nlines");
	cr_expect_str_eq(at(&g, 1, 1), "");
	cr_expect_str_eq(at(&g, 1, 2), "x");
	/* Rows are numbered as a spreadsheet shows them: the empty line 4 is
	 * row 3, kept out of the grid; "padded" is row 4. */
	cr_expect_eq(g.rows[1].number, 2);
	cr_expect_eq(g.rows[2].number, 4);
	cr_expect_str_eq(at(&g, 2, 0), "padded");
	cr_expect_str_eq(at(&g, 2, 1), "全");
	cr_expect_eq(g.delim, ',');
	ledger_grid_done(&g);
}

Test(ledger_csv, tabs_and_utf16)
{
	/* "日期\t类型\n2024\t公民\n" in UTF-16LE with a BOM, as Excel saves
	 * "Unicode text". */
	const unsigned char	 u16[] = { 0xff, 0xfe, 0xe5, 0x65, 0x1f, 0x67,
	    '\t', 0, 0x7b, 0x7c, 0x8b, 0x57, '\n', 0, '2', 0, '0', 0, '2', 0,
	    '4', 0, '\t', 0, 0x6c, 0x51, 0x11, 0x6c, '\n', 0 };
	struct ledger_grid	 g;

	parse_csv((const char *)u16, sizeof u16, &g);
	cr_expect_eq(g.delim, '\t');
	cr_expect_str_eq(g.encoding, "UTF-16LE");
	cr_assert_eq(g.nrows, 2);
	cr_expect_str_eq(at(&g, 0, 0), "日期");
	cr_expect_str_eq(at(&g, 1, 1), "公民");
	ledger_grid_done(&g);
}

Test(ledger_csv, gb18030)
{
	struct ledger_grid	 g;
	size_t			 len;
	char			*bytes = tu_read(DATA "county-gb18030.csv", &len);

	cr_assert_not_null(bytes);
	parse_csv(bytes, len, &g);
	cr_expect_str_eq(g.encoding, "GB18030");
	cr_expect_str_eq(at(&g, 0, 2), "申请人类别");
	cr_expect_str_eq(at(&g, 3, 6), "不予公开（商业秘密）");
	ledger_grid_done(&g);
	free(bytes);
}

static struct ledger *
open_register(const char *name)
{
	struct err	 e = { 0 };
	struct ledger	*L = ledger_open(name, &e);

	cr_assert_not_null(L, "%s: %s", name, e.msgid);
	return (L);
}

Test(ledger_xlsx, libreoffice_file)
{
	struct ledger			*L = open_register(DATA "town.xlsx");
	const struct ledger_grid	*g = ledger_grid(L);
	const struct ledger_cell	*c;

	cr_expect_str_eq(g->format, "XLSX");
	cr_assert_eq(g->nrows, 13);
	cr_expect_str_eq(at(g, 0, 1), "收到申请日期");
	/* LibreOffice stored the CSV's dates as date serials. */
	c = ledger_grid_at(g, 1, 1);
	cr_assert_not_null(c);
	cr_expect_eq(c->kind, LEDGER_NUMBER);
	cr_expect_eq(c->num, 45299);	/* 2024-01-08 */
	cr_expect_str_eq(at(g, 12, 5), "办理中");
	ledger_free(L);
}

Test(ledger_xlsx, serials_title_formula_inline)
{
	struct ledger			*L = open_register(DATA "serials.xlsx");
	const struct ledger_grid	*g = ledger_grid(L);
	const struct ledger_cell	*c;
	size_t				 r;

	cr_expect(!g->date1904);
	cr_expect_str_eq(g->sheets[0].name, "台账");
	cr_expect_eq(g->rows[0].number, 1);
	cr_expect_str_eq(at(g, 0, 0),
	    "某县自然资源局2024年政府信息公开申请登记台账");
	for (r = 0; r < g->nrows && g->rows[r].number != 6; r++)
		;
	cr_assert_lt(r, g->nrows);
	cr_expect_str_eq(at(g, r, 5), "予以公开（告知获取途径）");	/* inline */
	cr_expect_str_eq(at(g, r, 2), "个人");
	for (r = 0; r < g->nrows && g->rows[r].number != 11; r++)
		;
	c = ledger_grid_at(g, r, 5);
	cr_assert_not_null(c);
	cr_expect_eq(c->formula, LEDGER_F_CACHED);
	cr_expect_str_eq(ledger_grid_text(g, c), "重复申请");
	/* Shared strings keep their padding out: "公民 " and "　企业". */
	cr_expect_str_eq(at(g, r, 2), "公民");
	ledger_free(L);
}

Test(ledger_xlsx, date1904)
{
	struct ledger			*L = open_register(DATA "serials-1904.xlsx");
	const struct ledger_grid	*g = ledger_grid(L);
	const struct ledger_cell	*c = ledger_grid_at(g, 3, 3);

	cr_expect(g->date1904);
	cr_assert_not_null(c);
	cr_expect_eq(c->num, 45294 - 1462);
	ledger_free(L);
}

Test(ledger_xls, freexl)
{
	struct ledger			*L = open_register(DATA "town.xls");
	const struct ledger_grid	*g = ledger_grid(L);
	const struct ledger_cell	*c = ledger_grid_at(g, 1, 1);

	cr_expect_str_eq(g->format, "XLS");
	cr_assert_eq(g->nrows, 13);
	cr_assert_not_null(c);
	cr_expect_eq(c->kind, LEDGER_DATE);
	cr_expect_str_eq(ledger_grid_text(g, c), "2024-01-08");
	cr_expect_str_eq(at(g, 5, 7), "转信访办");
	ledger_free(L);
}

Test(ledger_head, two_row_header_and_title_year)
{
	struct ledger		*L = open_register(DATA "serials.xlsx");
	struct ledger_map	 m;
	struct ledger_head	 h;

	ledger_map_init(&m);
	cr_assert(ledger_head_find(ledger_grid(L), 0, &m, &h));
	cr_expect_eq(h.number, 4);
	cr_expect_eq(h.col[LEDGER_RECEIVED], 3);
	cr_expect_eq(h.col[LEDGER_APPLICANT], 2);
	cr_expect_eq(h.col[LEDGER_RESULT], 5);
	cr_expect_eq(h.col[LEDGER_ANSWERED], 6);
	cr_expect_eq(h.year, 2024);
	ledger_head_done(&h);
	ledger_map_done(&m);
	ledger_free(L);
}

Test(ledger_head, words)
{
	cr_expect_eq(ledger_head_field("收到申请日期"), LEDGER_RECEIVED);
	cr_expect_eq(ledger_head_field("受理时间"), LEDGER_RECEIVED);
	cr_expect_eq(ledger_head_field("答复日期"), LEDGER_ANSWERED);
	cr_expect_eq(ledger_head_field("办结时间"), LEDGER_ANSWERED);
	cr_expect_eq(ledger_head_field("申请人类型"), LEDGER_APPLICANT);
	cr_expect_eq(ledger_head_field("申请人类别"), LEDGER_APPLICANT);
	cr_expect_eq(ledger_head_field("办理结果"), LEDGER_RESULT);
	cr_expect_eq(ledger_head_field("答复情况"), LEDGER_RESULT);
	/* How it was sent is not what it was. */
	cr_expect_eq(ledger_head_field("答复方式"), -1);
	cr_expect_eq(ledger_head_field("申请方式"), -1);
	cr_expect_eq(ledger_head_field("申请人"), -1);
	cr_expect_eq(ledger_head_letters("C"), 2);
	cr_expect_eq(ledger_head_letters("ab"), 27);
	cr_expect_eq(ledger_head_letters("收到"), -1);
}

Test(ledger_open, sniffs_by_bytes)
{
	char		*dir = tu_tmpdir(), *p = tu_path(dir, "really-csv.xlsx");
	struct ledger	*L;

	/* A CSV saved under a spreadsheet's name is read as what it is. */
	tu_write(p, "收到日期,申请人类型\n2024-01-01,公民\n");
	L = open_register(p);
	cr_expect_str_eq(ledger_grid(L)->format, "CSV");
	cr_expect_eq(strlen(ledger_sha256(L)), 64);
	ledger_free(L);
	tu_rmtree(dir);
	free(dir);
	free(p);
}
