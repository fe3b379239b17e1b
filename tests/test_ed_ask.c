/*
 * The editor's questions, driven without a terminal (edutil.h): a new
 * report (empty, or from last year's found beside it or typed), quitting
 * with unsaved changes, export, and the print preview.  Each test answers
 * the questions with the keys a clerk types and checks the screen, the
 * report and the files written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <criterion/criterion.h>

#include "ed_app.h"
#include "edfix.h"
#include "edutil.h"
#include "report.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

#define ROWS	30
#define COLS	100

TestSuite(ed_ask, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 60);

static void
open_report(const char *path)
{
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("测试镇人民政府");
}

/* Types value into cell id and commits it. */
static void
enter_value(const char *id, const char *value)
{
	eu_go_to(eu_g, id);
	eu_type(eu_g, value);
	eu_key(eu_g, EU_ENTER);
}

/* `nianbao new.yaml` asks for organ and year, shows the new report and
 * saves it at once. */
Test(ed_ask, new_file_asks_organ_and_year)
{
	char		*path = edfix_path("new.yaml");
	struct report	*r;
	int		 i;

	eu_g = eu_open(path, ROWS, COLS);
	EU_EXPECT(!eu_contains(eu_g, "自然人"), "the form opened without asking");
	EU_SEES("新建报告");
	EU_SEES("请输入机关名称");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("机关名称不能为空");
	eu_type(eu_g, "小城子镇人民政府");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("请输入报告年度");
	for (i = 0; i < 8; i++)
		eu_key(eu_g, 127);
	eu_type(eu_g, "20x4");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("四位数字");
	EU_EXPECT(eu_report(eu_g) == NULL, "a bad year made a report");
	eu_key(eu_g, 21);	/* Ctrl-U: the line cleared */
	eu_type(eu_g, "2024");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("小城子镇人民政府");
	EU_SEES("2024年");
	EU_SEES("已新建");
	eu_go_to(eu_g, "t3.new.natural");
	EU_SEES("自然人");
	r = edfix_load(path);
	cr_expect_str_eq(report_organ(r), "小城子镇人民政府");
	cr_expect_eq(report_year(r), 2024);
	cr_expect_str_eq(report_tpl(r)->id, "gb2021");
	report_free(r);
}

/* Esc on the first question of a new report quits. */
Test(ed_ask, new_file_esc_quits)
{
	eu_g = eu_open(edfix_path("new.yaml"), ROWS, COLS);
	eu_key(eu_g, EU_ESC);
	cr_expect(eu_quit(eu_g), "Esc on the organ question did not quit");
}

/* The report of the year before the proposed one, next to the new
 * file, is offered first; organ, year + 1 and 上年结转 carried. */
Test(ed_ask, new_from_last_year_found)
{
	char		*last = edfix_path("last.yaml");
	char		*path = edfix_path("new.yaml");
	char		 ly[16], ny[16], *v;
	time_t		 now = time(NULL);
	struct tm	 tm;
	struct report	*r;

	localtime_r(&now, &tm);
	snprintf(ly, sizeof ly, "%d", tm.tm_year + 1900 - 2);
	snprintf(ny, sizeof ny, "%d", tm.tm_year + 1900 - 1);
	edfix_cli((const char *const[]){ "new", "--organ", "上年镇人民政府",
	    "--year", ly, last, NULL });
	edfix_cli((const char *const[]){ "set", last, "t3.carried_out.natural=3",
	    "s5=去年的问题。", NULL });
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("新建空白报告");
	EU_SEES("从 last.yaml 新建（上年镇人民政府");
	eu_type(eu_g, "1");
	EU_SEES("机关名称");
	EU_SEES("上年镇人民政府");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("报告年度");
	EU_SEES(ny);
	eu_key(eu_g, EU_ENTER);
	EU_SEES("已新建");
	r = edfix_load(path);
	cr_expect_str_eq(report_organ(r), "上年镇人民政府");
	cr_expect_eq(report_year(r), atoi(ny));
	v = edfix_value(r, "t3.carried_in.natural");
	cr_expect_str_eq(v, "3", "上年结转 not carried");
	free(v);
	cr_expect_str_eq(edfix_text(r, "s5"), "",
	    "last year's text copied into this year's");
	report_free(r);
	eu_key(eu_g, EU_CTRL('Q'));
	cr_expect(eu_quit(eu_g), "Ctrl-Q after creating did not quit");
}

/* No report found: Tab on the organ question asks for the path; a
 * missing file and a broken report say why and let the clerk retype. */
Test(ed_ask, new_from_last_year_typed)
{
	char		*dir = edfix_path("old"), *last, *bad, *v;
	char		*path = edfix_path("new.yaml");
	struct report	*r;

	cr_assert(mkdir(dir, 0700) == 0);
	last = edfix_path("old/2023.yaml");
	bad = edfix_path("bad.yaml");
	tu_write(bad, "version: 1\ntemplate: gb2021\norgan: [\n");
	edfix_cli((const char *const[]){ "new", "--organ", "旧镇人民政府",
	    "--year", "2023", last, NULL });
	edfix_cli((const char *const[]){ "set", last, "t3.carried_out.natural=5",
	    NULL });
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("Tab");
	eu_key(eu_g, EU_TAB);
	EU_SEES("上年的报告文件");
	eu_type(eu_g, "nope.yaml");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("nope.yaml: ");
	eu_key(eu_g, 21);
	eu_type(eu_g, "bad.yaml");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("bad.yaml:");
	EU_EXPECT(!eu_quit(eu_g), "a broken report ended the editor");
	eu_key(eu_g, 21);
	eu_type(eu_g, edfix_dir());
	eu_type(eu_g, "/old/2023.yaml");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("旧镇人民政府");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("2024");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("已新建");
	r = edfix_load(path);
	cr_expect_str_eq(report_organ(r), "旧镇人民政府");
	cr_expect_eq(report_year(r), 2024);
	v = edfix_value(r, "t3.carried_in.natural");
	cr_expect_str_eq(v, "5");
	free(v);
	report_free(r);
}

/* Ctrl-Q with unsaved changes asks first; Esc goes back to the screen as
 * it was; after saving it quits at once. */
Test(ed_ask, quit_asks_when_modified)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *before, *after;
	char	*v;

	open_report(path);
	enter_value("t3.new.natural", "5");
	before = eu_screen(eu_g);
	eu_key(eu_g, EU_CTRL('Q'));
	EU_EXPECT(!eu_quit(eu_g), "Ctrl-Q quit without asking");
	EU_SEES("未保存");
	eu_key(eu_g, EU_ESC);
	after = eu_screen(eu_g);
	EU_EXPECT(strcmp(before, after) == 0, "Esc on the question did not go "
	    "back to the form as it was:\n%s", before);
	free(before);
	free(after);
	EU_EXPECT(!eu_quit(eu_g), "Esc on the question quit");
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "0", "the report file changed without a save");
	free(v);
	eu_key(eu_g, EU_CTRL('S'));
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "5", "Ctrl-S did not save");
	free(v);
	eu_key(eu_g, EU_CTRL('Q'));
	cr_expect(eu_quit(eu_g), "after saving, Ctrl-Q did not quit");
}

/* The question's answers: N quits without saving (the quit key again is
 * N), Y saves and quits. */
Test(ed_ask, quit_question_answers)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *v;

	open_report(path);
	enter_value("t3.new.natural", "5");
	eu_key(eu_g, EU_F(10));
	eu_type(eu_g, "n");
	cr_expect(eu_quit(eu_g), "F10 then N did not quit");
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "0", "N saved the report");
	free(v);
	eu_free(eu_g);

	open_report(path);
	enter_value("t3.new.natural", "6");
	eu_key(eu_g, EU_F(10));
	eu_key(eu_g, EU_F(10));
	cr_expect(eu_quit(eu_g), "F10 twice did not quit");
	eu_free(eu_g);

	open_report(path);
	enter_value("t3.new.natural", "6");
	eu_key(eu_g, EU_CTRL('Q'));
	eu_type(eu_g, "y");
	cr_expect(eu_quit(eu_g), "Ctrl-Q then Y did not quit");
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "6", "Y did not save the report");
	free(v);
}

/* F9 (or Ctrl-O) on a report with errors asks first: yes. */
static void
export_key(bool ctrl)
{
	eu_key(eu_g, ctrl ? EU_CTRL('O') : EU_F(9));
	if (eu_contains(eu_g, "仍然继续"))
		eu_type(eu_g, "y");
}

/* The export question: F9 (or Ctrl-O), the format's digit, then the
 * file proposed, as it is. */
static void
export_as(char digit, bool ctrl)
{
	char	d[2] = { digit, '\0' };

	export_key(ctrl);
	EU_SEES("导出为哪种格式");
	eu_type(eu_g, d);
	EU_SEES("导出到哪个文件");
	eu_key(eu_g, EU_ENTER);
}

/* A typed value and a typed text, neither saved, are in the .txt; the
 * .docx is a zip; the report file itself is untouched. */
Test(ed_ask, export_txt_and_docx)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);
	char	*txt = edfix_path("r.txt"), *docx = edfix_path("r.docx");
	char	*s, *v;
	size_t	 len;

	open_report(path);
	enter_value("t3.new.natural", "4321");
	eu_go_to(eu_g, "s5");
	eu_type(eu_g, "档案整理滞后");
	export_as('1', true);
	EU_SEES("已导出到");
	s = tu_read(txt, NULL);
	cr_assert_not_null(s, "%s not written", txt);
	cr_expect(strstr(s, "4321") != NULL, "the typed value is not in it");
	cr_expect(strstr(s, "档案整理滞后") != NULL, "the typed text is not");
	free(s);
	export_as('2', false);
	EU_SEES("r.docx");
	s = tu_read(docx, &len);
	cr_assert(s != NULL && len > 4 && memcmp(s, "PK", 2) == 0,
	    "the .docx is not a zip");
	free(s);
	v = edfix_file_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "0", "exporting saved the report");
	free(v);
	EU_EXPECT(!eu_quit(eu_g), "the editor quit");
}

/* Over an existing file: asked first; N goes back to the file question
 * and writes nothing, Y overwrites.  "~/" is the home folder. */
Test(ed_ask, export_overwrite_asks)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);
	char	*txt = edfix_path("r.txt"), *s;

	tu_write(txt, "an older file\n");
	open_report(path);
	enter_value("t3.new.natural", "4321");
	export_as('1', false);
	EU_SEES("Y 覆盖");	/* "已存在" may wrap with the path */
	eu_type(eu_g, "n");
	EU_SEES("导出到哪个文件");
	eu_key(eu_g, EU_ESC);
	EU_EXPECT(!eu_contains(eu_g, "导出到哪个文件"), "Esc did not close it");
	s = tu_read(txt, NULL);
	cr_expect_str_eq(s, "an older file\n", "N overwrote the file");
	free(s);
	export_key(false);
	eu_type(eu_g, "1");
	eu_key(eu_g, 21);
	eu_type(eu_g, "~/r.txt");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("Y 覆盖");	/* "已存在" may wrap with the path */
	eu_type(eu_g, "y");
	EU_SEES("已导出到");
	s = tu_read(txt, NULL);
	cr_expect(strstr(s, "4321") != NULL, "Y did not overwrite the file");
	free(s);
}

/* The report's own file, or nothing, is refused as an export's name. */
Test(ed_ask, export_refuses_own_file)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_key(eu_g, EU_F(9));
	eu_type(eu_g, "1");
	eu_key(eu_g, 21);
	eu_key(eu_g, EU_ENTER);
	EU_SEES("请输入文件名");
	eu_type(eu_g, path);
	eu_key(eu_g, EU_ENTER);
	EU_SEES("报表文件本身");
	eu_key(eu_g, EU_ESC);
	EU_EXPECT(!eu_contains(eu_g, "导出到哪个文件"), "the question stayed open");
}

/* PDF without LibreOffice: says how to install it, writes nothing. */
Test(ed_ask, export_pdf_needs_office)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	char		*pdf = edfix_path("r.pdf");
	struct stat	 st;

	setenv("PATH", "/nonexistent", 1);
	open_report(path);
	eu_key(eu_g, EU_F(9));
	EU_SEES("导出为哪种格式");
	eu_type(eu_g, "3");
	EU_SEES("LibreOffice");
	EU_SEES("apt-get install");
	cr_expect(stat(pdf, &st) != 0, "a PDF appeared");
}

static void
rtrim(char *s)
{
	char	*e = s + strlen(s);

	while (e > s && e[-1] == ' ')
		*--e = '\0';
}

/*
 * F4 shows the pages, their lines (at least 22: as many as the printed
 * page holds) then `— 1 —`, and what it shows of page
 * 1 is, line for line, the text of `nianbao preview --plain`; Esc goes
 * back.  `nianbao preview FILE` opens there, and Esc quits.
 */
Test(ed_ask, preview_page_one)
{
	char		*path = edfix_report(NULL, "r.yaml", (const char *const[]){
	    "t3.new.natural=3", "t3.r_open.natural=3", NULL });
	struct tu_run	 run;
	char		*rest, *line, *got, *ff;
	int		 r0 = -1, c = 0, lead, n = 0, want = 0;

	tu_nianbao(&run, NULL,
	    (const char *const[]){ "preview", "--plain", path, NULL });
	cr_assert_eq(run.status, 0, "preview --plain failed: %s", run.err);
	if ((ff = strchr(run.out, '\f')) != NULL)
		*ff = '\0';
	/* Page 1's body lines: all but its page-number line. */
	for (line = run.out; (line = strchr(line, '\n')) != NULL; line++)
		want++;
	want--;
	/* A screen tall enough for the whole of page 1. */
	eu_g = eu_open(path, want + 8, COLS);
	EU_SEES("测试镇人民政府");
	eu_key(eu_g, EU_F(4));
	EU_SEES("— 1 —");
	/* The first printed line fixes where the page is on screen. */
	rest = run.out;
	while ((line = strsep(&rest, "\n")) != NULL) {
		rtrim(line);
		if (r0 < 0) {
			lead = (int)strspn(line, " ");
			if (line[lead] == '\0')
				continue;
			/* Below the title bar, which names the organ too. */
			EU_EXPECT(eu_find(eu_g, line + lead, 1, &r0, &c),
			    "the first line of page 1 is not on screen: %s",
			    line);
			c -= lead;
		}
		got = eu_cells(eu_g, r0++, c, c + 56);
		rtrim(got);
		EU_EXPECT(strcmp(got, line) == 0, "page 1 line %d: screen \"%s\", "
		    "--plain \"%s\"", n + 1, got, line);
		free(got);
		if (strstr(line, "— 1 —") != NULL)
			break;
		n++;
	}
	EU_EXPECT(n == want && n >= 22, "the page number after %d lines, "
	    "not %d", n, want);
	tu_run_free(&run);
	eu_key(eu_g, EU_ESC);
	EU_EXPECT(!eu_contains(eu_g, "— 1 —"), "Esc did not close it");
	EU_SEES("测试镇人民政府");
	eu_free(eu_g);
	eu_g = eu_open_preview(path, want + 8, COLS);
	EU_SEES("— 1 —");
	eu_key(eu_g, KM_KEY(KEY_NPAGE));
	EU_SEES("— 2 —");
	eu_key(eu_g, EU_ESC);
	cr_expect(eu_quit(eu_g), "Esc did not quit `nianbao preview`");
}
