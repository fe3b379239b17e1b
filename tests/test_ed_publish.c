/*
 * Publishing from the editor, driven without a terminal (edutil.h): the
 * web page in the export question, the question before exporting a
 * report with errors, what the message line says after an export (the
 * errors and warnings left, the fonts a PDF substituted), and printing
 * from the preview with no printer (the PDF offered instead).  Printing
 * to a real printer is print_check.py's (a cupsd of its own).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "edutil.h"
#include "export_pdf.h"
#include "testutil.h"

#define ROWS	30
#define COLS	120

/* No CUPS server answers: the printers are none, at once. */
static void
setup(void)
{
	edfix_setup();
	setenv("CUPS_SERVER", "/nonexistent/cups.sock", 1);
}

TestSuite(ed_publish, .init = setup, .fini = eu_teardown, .timeout = 120);

static void
open_report(const char *path)
{
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("测试镇人民政府");
}

/* The web page is the fourth format; the file is the page, with the
 * typed text escaped; the message says the report is clean. */
Test(ed_publish, export_html)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);
	char	*html = edfix_path("r.html"), *s;

	open_report(path);
	eu_go_to(eu_g, "s5");
	eu_type(eu_g, "档案<script>整理");
	eu_key(eu_g, EU_F(9));
	EU_SEES("导出为哪种格式");
	EU_SEES("网页（.html");
	eu_type(eu_g, "4");
	EU_SEES("r.html");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("已导出到");
	EU_SEES("还有 0 个错误");
	s = tu_read(html, NULL);
	cr_assert_not_null(s, "%s not written", html);
	cr_expect(strncmp(s, "<!DOCTYPE html>", 15) == 0, "not a web page");
	cr_expect(strstr(s, "<table") != NULL, "no table in the page");
	cr_expect(strstr(s, "档案&lt;script&gt;整理") != NULL,
	    "the typed text is not on the page, escaped");
	cr_expect(strstr(s, "<script>") == NULL, "a script on the page");
	free(s);
}

/* A report with errors: F9 says how many and asks; N exports nothing,
 * Y goes on to the format, and the message counts the errors left. */
Test(ed_publish, export_asks_on_errors)
{
	char		*path = edfix_report(NULL, "r.yaml",
			    (const char *const[]){ "t3.new.natural=3", NULL });
	char		*txt = edfix_path("r.txt");
	struct stat	 st;

	open_report(path);
	eu_key(eu_g, EU_F(9));
	EU_SEES("报告还有 2 个错误");
	EU_EXPECT(!eu_contains(eu_g, "导出为哪种格式"), "asked the format first");
	eu_type(eu_g, "n");
	EU_SEES("没有导出");
	cr_expect(stat(txt, &st) != 0, "N exported");
	eu_key(eu_g, EU_F(9));
	EU_SEES("仍然继续");
	eu_type(eu_g, "y");
	EU_SEES("导出为哪种格式");
	eu_type(eu_g, "1");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("还有 2 个错误");
	cr_expect(stat(txt, &st) == 0, "Y did not export");
}

/* P in the preview with no printer: says so and offers the PDF; N goes
 * back to the pages, Y asks where to write the PDF.  The report's
 * errors are asked about first, as for an export. */
Test(ed_publish, print_without_printer)
{
	char	*path = edfix_report(NULL, "r.yaml",
		    (const char *const[]){ "t3.new.natural=3", NULL });

	open_report(path);
	eu_key(eu_g, EU_F(4));
	EU_SEES("第 1 页");
	EU_SEES("P 打印");
	eu_type(eu_g, "p");
	EU_SEES("报告还有 2 个错误");
	eu_type(eu_g, "y");
	EU_SEES("没有可用的打印机");
	eu_type(eu_g, "n");
	EU_EXPECT(!eu_contains(eu_g, "没有可用的打印机"), "N left the question");
	EU_SEES("第 1 页");
	eu_type(eu_g, "P");
	eu_type(eu_g, "y");
	EU_SEES("没有可用的打印机");
	eu_type(eu_g, "y");
	if (export_pdf_office() != NULL) {
		EU_SEES("导出到哪个文件");
		EU_SEES("r.pdf");
		eu_key(eu_g, EU_ESC);
	} else
		EU_SEES("LibreOffice");
	EU_SEES("第 1 页");
}

/* A PDF made without the official fonts says, on the message line,
 * which were replaced by what. */
Test(ed_publish, pdf_says_fonts)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	char		*pdf = edfix_path("r.pdf");
	struct stat	 st;

	if (export_pdf_office() == NULL)
		cr_skip_test("LibreOffice is not installed");
	open_report(path);
	eu_key(eu_g, EU_F(9));
	eu_type(eu_g, "3");
	EU_SEES("r.pdf");
	eu_key(eu_g, EU_ENTER);
	cr_expect(stat(pdf, &st) == 0 && st.st_size > 1000, "no PDF");
	/* This machine has none of the official fonts (.ci/deps installs
	 * only the free ones); they come first on the line, the path (as
	 * long as $TMPDIR makes it) last. */
	EU_SEES("PDF 用了替代字体");
	EU_SEES("仿宋_GB2312→Noto Serif CJK SC");
}
