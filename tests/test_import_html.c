/*
 * Importing saved web pages (issue 15): the three pages of 平潭综合实验区
 * in tests/data/real/html with every cell as the page shows it, the
 * sections' texts, organ, year and publication date; the export -> import
 * round trip; the page in other encodings and shapes (GBK with and
 * without its declaration, a false declaration, another site's class
 * names, a layout table around the article, hidden text, a title only in
 * the metadata); the grid with rowspan and colspan; and that a page never
 * makes the importer fetch or read anything it names.
 *
 * The expected cells were read off the pages rendered by headless
 * chromium (the screenshots were looked at, row by row), not taken from
 * the importer.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <unicode/ucnv.h>

#include "export_docx.h"
#include "export_txt.h"
#include "import.h"
#include "import_grid.h"
#include "import_html.h"
#include "importutil.h"
#include "store.h"
#include "testutil.h"
#include "xmalloc.h"

#define PAGE(y)	NB_REAL_DIR "/html/pingtan-" #y ".html"

TestSuite(import_html, .init = iu_suite_init, .fini = iu_suite_fini);

static struct report *
imp_page(const char *path, struct import_summary *s)
{
	size_t		 len;
	char		*buf = iu_slurp(path, &len);
	struct report	*r = iu_import(buf, len, path, NULL, iu_tpls, iu_ntpls, s);

	free(buf);
	return (r);
}

struct row {
	const char	*row;
	const char	*vals;
};

static void
expect_rows(const struct report *r, const struct row *rows)
{
	for (; rows->row != NULL; rows++)
		iu_expect_row(r, rows->row, rows->vals);
}

/* The paragraphs of a section's text. */
static size_t
paragraphs(const struct report *r, int sec, char ***out)
{
	char	*t = xstrdup(report_text(r, sec)), *p, *nl;
	size_t	 n = 0;

	*out = NULL;
	for (p = t; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = nl != NULL ? xstrndup(p, (size_t)(nl - p)) :
		    xstrdup(p);
	}
	free(t);
	return (n);
}

static bool
starts(const char *s, const char *prefix)
{
	return (strncmp(s, prefix, strlen(prefix)) == 0);
}

static bool
ends(const char *s, const char *suffix)
{
	size_t	n = strlen(s), k = strlen(suffix);

	return (n >= k && strcmp(s + n - k, suffix) == 0);
}

/*
 * Section sec has n paragraphs; its first starts with first0 and ends
 * with first1, its last starts with last0 and ends with last1.
 */
static void
expect_text(const struct report *r, int sec, size_t n, const char *first0,
    const char *first1, const char *last0, const char *last1)
{
	char	**p;
	size_t	  k = paragraphs(r, sec, &p), i;

	cr_expect_eq(k, n, "section %d: %zu paragraphs, want %zu", sec + 1,
	    k, n);
	cr_expect(starts(p[0], first0) && ends(p[0], first1),
	    "section %d starts: %s", sec + 1, p[0]);
	cr_expect(starts(p[k - 1], last0) && ends(p[k - 1], last1),
	    "section %d ends: %s", sec + 1, p[k - 1]);
	for (i = 0; i < k; i++)
		free(p[i]);
	free(p);
}

/* ---- the three pages ------------------------------------------------ */

static const struct row T3_2019[] = {
	{ "t3.new",		"23 0 0 0 0 0 23" },
	{ "t3.carried_in",	"0 0 0 0 0 0 0" },
	{ "t3.r_open",		"7 0 0 0 0 0 7" },
	{ "t3.r_partial",	"1 0 0 0 0 0 1" },
	{ "t3.r_deny_1",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_3",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_4",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_5",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_6",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_7",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_8",	"0 0 0 0 0 0 0" },
	{ "t3.r_unable_1",	"7 0 0 0 0 0 7" },
	{ "t3.r_unable_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_unable_3",	"5 0 0 0 0 0 5" },
	{ "t3.r_noproc_1",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_2",	"3 0 0 0 0 0 3" },
	{ "t3.r_noproc_3",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_4",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_5",	"0 0 0 0 0 0 0" },
	{ "t3.r_other",		"0 0 0 0 0 0 0" },
	{ "t3.r_total",		"23 0 0 0 0 0 23" },
	{ "t3.carried_out",	"0 0 0 0 0 0 0" },
	{ "t4.n",		"0 0 0 0 0 0 0 0 0 0 0 0 0 0 0" },
	{ NULL, NULL }
};

Test(import_html, pingtan_2019_every_cell_as_the_page_shows)
{
	static const struct row t2[] = {
		{ "t2_1.regulations",		"0 0 0" },
		{ "t2_1.normative_docs",	"89 89 89" },
		{ "t2_5.licensing",		"396 0 181" },
		{ "t2_5.other_services",	"10 0 153" },
		{ "t2_6.punishment",		"2648 0 430" },
		{ "t2_6.coercion",		"126 0 25" },
		{ "t2_8.fees",			"35 0" },
		{ "t2_9.procurement",		"135 75394432.52" },
		{ NULL, NULL }
	};
	struct import_summary	 s;
	struct report		*r = imp_page(PAGE(2019), &s);

	cr_assert_str_eq(report_tpl(r)->id, "gb2019");
	cr_expect_str_eq(report_organ(r), "平潭综合实验区");
	cr_expect_eq(report_year(r), 2019);
	cr_expect_str_eq(report_published_on(r), "2020-01-20");
	cr_expect_eq(s.nheadings, 6);
	cr_expect_eq(s.layout, IMPORT_SCAN_ROWS);
	expect_rows(r, t2);
	expect_rows(r, T3_2019);
	cr_expect_eq(s.cells_missing, 0);
	/* 采购总金额 is printed with its unit; the format names none. */
	cr_expect(iu_note_about(&s, "import.unit", "采购总金额", 0));
	/* The paragraph between the title and 一、 (编制依据, contacts): the
	 * 前言 (test_import_preface.c). */
	cr_expect_eq(iu_notes(&s, "import.preamble", 0), 0);
	cr_expect(strncmp(report_text(r, report_tpl(r)->preface), "根据《中华人民"
	    "共和国政府信息公开条例》", strlen("根据《中华人民共和国政府信息公开条例》"))
	    == 0);
	expect_text(r, 0, 23, "2019年，在省政府办公厅、省公开办等部门的关心",
	    "在方便公众获取政府信息方面取得了一定的成效。",
	    "重点依托实验区政府门户网站，开设部门专栏",
	    "多方面、多角度宣传工作亮点、成效。");
	expect_text(r, 4, 4, "2019年，我区政府信息公开工作取得了明显进展",
	    "2020年，我们将采取以下措施加以改进：",
	    "（三）继续加强督导协调工作。",
	    "完善工作考核办法等相关政府信息公开制度规定。");
	/* The page indents it with U+3000, NBSP, U+3000: not kept. */
	cr_expect_str_eq(report_text(r, 5), "无其他需要报告的事项");
	cr_expect_eq(iu_flags(r, "R1", NULL) + iu_flags(r, "R2", NULL) +
	    iu_flags(r, "R3", NULL) + iu_flags(r, "R4", NULL), 0);
	report_free(r);
	import_summary_done(&s);
}

static const struct row T3_2022[] = {
	{ "t3.new",		"71 3 0 0 0 0 74" },
	{ "t3.carried_in",	"1 0 0 0 0 0 1" },
	{ "t3.r_open",		"21 0 0 0 0 0 21" },
	{ "t3.r_partial",	"8 1 0 0 0 0 9" },
	{ "t3.r_deny_1",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_3",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_4",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_5",	"1 0 0 0 0 0 1" },
	{ "t3.r_deny_6",	"2 0 0 0 0 0 2" },
	{ "t3.r_deny_7",	"1 0 0 0 0 0 1" },
	{ "t3.r_deny_8",	"0 0 0 0 0 0 0" },
	{ "t3.r_unable_1",	"37 0 0 0 0 0 37" },
	{ "t3.r_unable_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_unable_3",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_1",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_3",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_4",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_5",	"0 0 0 0 0 0 0" },
	{ "t3.r_other_1",	"2 0 0 0 0 0 2" },
	{ "t3.r_other_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_other_3",	"0 2 0 0 0 0 2" },
	{ "t3.r_total",		"72 3 0 0 0 0 75" },
	{ "t3.carried_out",	"0 0 0 0 0 0 0" },
	{ "t4.n",		"0 1 1 0 2 1 0 0 0 1 0 0 0 0 0" },
	{ NULL, NULL }
};

Test(import_html, pingtan_2022_every_cell_as_the_page_shows)
{
	static const struct row t2[] = {
		{ "t2_1.regulations",		"0 0 0" },
		{ "t2_1.normative_docs",	"88 55 698" },
		{ "t2_5.licensing",		"10690" },
		{ "t2_6.punishment",		"2113" },
		{ "t2_6.coercion",		"0" },
		{ "t2_8.fees",			"9116.36" },
		{ NULL, NULL }
	};
	struct import_summary	 s;
	struct report		*r = imp_page(PAGE(2022), &s);

	cr_assert_str_eq(report_tpl(r)->id, "gb2021");
	cr_expect_str_eq(report_organ(r), "平潭综合实验区");
	cr_expect_eq(report_year(r), 2022);
	cr_expect_str_eq(report_published_on(r), "2023-02-20");
	/* 四's heading is printed "行政法复议": found by resemblance. */
	cr_expect_eq(s.nheadings, 6);
	expect_rows(r, t2);
	expect_rows(r, T3_2022);
	cr_expect_eq(s.cells_missing, 0);
	expect_text(r, 0, 11, "2022年，平潭综合实验区坚持以习近平新时代",
	    "为全区经济社会平稳健康发展提供有力保障。", "一是压实工作责任。",
	    "未出现违反有关法律规定、造成不良影响或者严重后果的情况。");
	expect_text(r, 4, 2, "2022年，平潭综合实验区政府信息公开工作取得了",
	    "缺少多个角度多种形式的解读。", "2023年，我区将采取以下措施",
	    "利用图表图解、音频、视频等多种解读方式提高解读效果。");
	cr_expect_str_eq(report_text(r, 5), "2022年，无收取信息处理费情况。");
	report_free(r);
	import_summary_done(&s);
}

static const struct row T3_2024[] = {
	{ "t3.new",		"217 1 0 0 0 0 218" },
	{ "t3.carried_in",	"0 0 0 0 0 0 0" },
	{ "t3.r_open",		"71 0 0 0 0 0 71" },
	{ "t3.r_partial",	"29 0 0 0 0 0 29" },
	{ "t3.r_deny_1",	"4 0 0 0 0 0 4" },
	{ "t3.r_deny_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_3",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_4",	"3 0 0 0 0 0 3" },
	{ "t3.r_deny_5",	"32 0 0 0 0 0 32" },
	{ "t3.r_deny_6",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_7",	"0 0 0 0 0 0 0" },
	{ "t3.r_deny_8",	"0 0 0 0 0 0 0" },
	{ "t3.r_unable_1",	"75 0 0 0 0 0 75" },
	{ "t3.r_unable_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_unable_3",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_1",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_2",	"1 0 0 0 0 0 1" },
	{ "t3.r_noproc_3",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_4",	"0 0 0 0 0 0 0" },
	{ "t3.r_noproc_5",	"0 0 0 0 0 0 0" },
	{ "t3.r_other_1",	"1 0 0 0 0 0 1" },
	{ "t3.r_other_2",	"0 0 0 0 0 0 0" },
	{ "t3.r_other_3",	"1 1 0 0 0 0 2" },
	{ "t3.r_total",		"217 1 0 0 0 0 218" },
	{ "t3.carried_out",	"0 0 0 0 0 0 0" },
	{ "t4.n",		"2 1 3 1 7 0 0 0 0 0 13 2 4 0 19" },
	{ NULL, NULL }
};

static const struct row T2_2024[] = {
	{ "t2_1.regulations",		"0 0 0" },
	{ "t2_1.normative_docs",	"62 33 440" },
	{ "t2_5.licensing",		"4529" },
	{ "t2_6.punishment",		"1100" },
	{ "t2_6.coercion",		"65" },
	{ "t2_8.fees",			"18651.06" },
	{ NULL, NULL }
};

static void
expect_2024(const struct report *r)
{
	cr_assert_str_eq(report_tpl(r)->id, "gb2021");
	cr_expect_str_eq(report_organ(r), "平潭综合实验区");
	cr_expect_eq(report_year(r), 2024);
	expect_rows(r, T2_2024);
	expect_rows(r, T3_2024);
	expect_text(r, 0, 6, "2024年，平潭综合实验区坚持以习近平新时代",
	    "以高质量政务公开助推经济社会高质量发展。",
	    "（五）监督保障方面。", "确保网站和政务新媒体健康平稳安全运行。");
	expect_text(r, 4, 1, "2024年，实验区政府信息公开工作取得了新进展",
	    "提升政务公开的效率和质量。", "2024年，实验区",
	    "提升政务公开的效率和质量。");
	cr_expect_str_eq(report_text(r, 5), "2024年，无收取信息处理费情况。");
}

Test(import_html, pingtan_2024_every_cell_as_the_page_shows)
{
	struct import_summary	 s;
	struct report		*r = imp_page(PAGE(2024), &s);

	expect_2024(r);
	cr_expect_str_eq(report_published_on(r), "2025-03-10");
	cr_expect_eq(s.nheadings, 6);
	cr_expect_eq(s.cells_missing, 0);
	cr_expect_eq(s.encoding, IMPORTENC_UTF8);
	/* The paragraph before 一 is its 前言, not a note. */
	cr_expect_eq(s.notes.n, 0);
	cr_expect(strncmp(report_text(r, report_tpl(r)->preface), "本报告根据",
	    strlen("本报告根据")) == 0);
	report_free(r);
	import_summary_done(&s);
}

/* ---- round trips ----------------------------------------------------- */


Test(import_html, export_import_round_trips)
{
	static const char *const pages[] = { PAGE(2019), PAGE(2022),
	    PAGE(2024) };
	struct import_summary	 s, s2;
	struct report		*r, *back;
	struct err		 e = { 0 };
	char			*text, *yaml, *dir, *docx, *buf;
	size_t			 i, len;

	dir = tu_tmpdir();
	docx = tu_path(dir, "r.docx");
	for (i = 0; i < 3; i++) {
		r = imp_page(pages[i], &s);
		/* The report file keeps everything, the date too. */
		yaml = store_dump(r);
		back = store_parse(yaml, strlen(yaml), "r.yaml", iu_tpls, iu_ntpls,
		    &e);
		cr_assert_not_null(back, "%s", e.msgid);
		iu_expect_same(r, back, "report file");
		cr_expect_str_eq(report_published_on(back),
		    report_published_on(r));
		report_free(back);
		free(yaml);
		/* Text and .docx (a printed report states no web date). */
		text = export_txt(r, LANG_ZH);
		back = iu_import(text, strlen(text), "r.txt", NULL, iu_tpls,
		    iu_ntpls, &s2);
		iu_expect_same(r, back, "text export");
		report_free(back);
		import_summary_done(&s2);
		free(text);
		cr_assert(export_docx(r, docx, &e), "%s", e.msgid);
		buf = tu_read(docx, &len);
		back = iu_import(buf, len, "r.docx", NULL, iu_tpls, iu_ntpls, &s2);
		iu_expect_same(r, back, ".docx export");
		report_free(back);
		import_summary_done(&s2);
		free(buf);
		report_free(r);
		import_summary_done(&s);
	}
	tu_rmtree(dir);
	free(docx);
	free(dir);
}

/* ---- encodings and shapes of the same page --------------------------- */

static char *
replace(const char *s, const char *from, const char *to)
{
	const char	*p = strstr(s, from);

	cr_assert_not_null(p, "no \"%s\"", from);
	return (xasprintf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from)));
}

/* s in GBK (every character of the page is in it). */
static char *
to_gbk(const char *s, size_t *len)
{
	UErrorCode	 st = U_ZERO_ERROR;
	size_t		 cap = strlen(s) * 2 + 16;
	char		*out = xmalloc(cap);
	int32_t		 n;

	n = ucnv_convert("GBK", "UTF-8", out, (int32_t)cap, s, -1, &st);
	cr_assert(U_SUCCESS(st), "%s", u_errorName(st));
	*len = (size_t)n;
	return (out);
}

static struct report *
imp_mem(const char *buf, size_t len, struct import_summary *s)
{
	return (iu_import(buf, len, "page.html", NULL, iu_tpls, iu_ntpls, s));
}

Test(import_html, gbk_declared_undeclared_and_misdeclared)
{
	static const char *const metas[] = { "<meta charset=\"gbk\" ",
	    "<meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=GB2312\" ", "<meta ", "<meta charset=\"utf-8\" " };
	struct import_summary	 s;
	struct report		*r;
	char			*page = tu_read(PAGE(2024), NULL), *v, *gbk;
	size_t			 i, len;

	cr_assert_not_null(page);
	for (i = 0; i < 4; i++) {
		v = replace(page, "<meta charset=\"utf-8\" ", metas[i]);
		gbk = to_gbk(v, &len);
		r = imp_mem(gbk, len, &s);
		expect_2024(r);
		cr_expect_eq(s.encoding, IMPORTENC_GB18030, "case %zu", i);
		/* Only the page that says utf-8 is noted as saying wrong. */
		cr_expect_eq(iu_notes(&s, "import.html_charset", 0),
		    i == 3 ? 1u : 0u, "case %zu", i);
		report_free(r);
		import_summary_done(&s);
		free(gbk);
		free(v);
	}
	free(page);
}

/* Another site: other class names, a layout table around the article
 * (with a table of links beside it), hidden headings, no title in the
 * article, the date as article:published_time. */
Test(import_html, another_sites_shape)
{
	struct import_summary	 s;
	struct report		*r;
	char			*page = tu_read(PAGE(2024), NULL), *a, *b;

	cr_assert_not_null(page);
	a = replace(page, "class=TRS_Editor", "class=\"zoom\"");
	b = replace(a, "<body", "<div style=\"display: none\">"
	    "<p>一、总体情况</p><p>二、主动公开政府信息情况</p></div><body");
	free(a);
	a = replace(b, "<div class=\"zoom\">", "<table><tr><td><table><tr>"
	    "<td>首页</td></tr></table></td><td><div class=\"zoom\">");
	free(b);
	b = replace(a, "<meta name=\"PubDate\" content=\"2025-03-10 15:35\"/>",
	    "<meta property=\"article:published_time\" "
	    "content=\"2025/3/9 08:00\"/>");
	free(a);
	a = replace(b, "article_title", "biaoti");
	r = imp_mem(a, strlen(a), &s);
	expect_2024(r);
	cr_expect_str_eq(report_published_on(r), "2025-03-09");
	report_free(r);
	import_summary_done(&s);
	free(a);
	free(b);
	free(page);
}

Test(import_html, a_page_without_a_report_or_a_date)
{
	const char	*list = "<!DOCTYPE html><html><head><title>政府信息公开年报"
	    "</title></head><body><ul><li><a href=\"a.htm\">平潭综合实验区2024"
	    "年度政府信息公开工作年度报告</a></li><li>一、总体情况</li></ul>"
	    "</body></html>";
	struct import_summary	 s;
	struct err		 e = { 0 };
	struct report		*r;
	char			*page = tu_read(PAGE(2024), NULL), *v;

	import_summary_init(&s);
	r = import_buffer(list, strlen(list), "list.html", NULL, iu_tpls, iu_ntpls,
	    &s, &e);
	cr_expect_null(r);
	cr_expect_str_eq(e.msgid, "import.e_html_no_report");
	cr_expect_str_eq(e.args[0], "1");
	err_clear(&e);
	import_summary_done(&s);
	v = replace(page, "<meta name=\"PubDate\" content=\"2025-03-10 15:35\"/>",
	    "");
	r = imp_mem(v, strlen(v), &s);
	cr_expect_str_eq(report_published_on(r), "");
	cr_expect_eq(iu_notes(&s, "import.html_no_date", 0), 1);
	report_free(r);
	import_summary_done(&s);
	free(v);
	free(page);
}

/* ---- nothing a page names is fetched or read ------------------------- */

Test(import_html, nothing_named_is_fetched_or_read)
{
	struct sockaddr_in	 a = { 0 };
	socklen_t		 alen = sizeof a;
	struct import_summary	 s;
	struct report		*r;
	char			*dir, *secret, *page, *v, *w;
	int			 ls, port;

	/* A listener that must never see a connection. */
	ls = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	cr_assert_eq(bind(ls, (struct sockaddr *)&a, sizeof a), 0);
	cr_assert_eq(listen(ls, 4), 0);
	getsockname(ls, (struct sockaddr *)&a, &alen);
	port = ntohs(a.sin_port);
	fcntl(ls, F_SETFL, O_NONBLOCK);
	dir = tu_tmpdir();
	secret = tu_path(dir, "secret.txt");
	tu_write(secret, "SECRET-CONTENT");
	page = tu_read(PAGE(2024), NULL);
	v = xasprintf("<!DOCTYPE html SYSTEM \"http://127.0.0.1:%d/dtd\" "
	    "[<!ENTITY x SYSTEM \"file://%s\">]>%s", port, secret,
	    strstr(page, "<html"));
	w = xasprintf("<img src=\"http://127.0.0.1:%d/i.png\"><link "
	    "rel=\"stylesheet\" href=\"file://%s\"><iframe src=\"file://%s\">"
	    "</iframe><p>&x;</p><div class=TRS_Editor>", port, secret,
	    secret);
	free(page);
	page = replace(v, "<div class=TRS_Editor>", w);
	r = imp_mem(page, strlen(page), &s);
	expect_2024(r);
	cr_expect_null(strstr(report_text(r, 0), "SECRET"));
	cr_expect_eq(accept(ls, NULL, NULL), -1, "the page made a connection");
	report_free(r);
	import_summary_done(&s);
	close(ls);
	tu_rmtree(dir);
	free(dir);
	free(secret);
	free(page);
	free(v);
	free(w);
}

/* ---- the grid ---------------------------------------------------------- */

static char *
grid_text(struct import_grid *g)
{
	struct sbuf	out;

	sbuf_init(&out);
	import_grid_flush(g, &out, 1 << 20);
	return (sbuf_take(&out));
}

Test(import_html, grid_spans)
{
	struct import_grid	 g;
	char			*t;

	/* The header of 三: a 3x3 corner, 总计 spanning two rows at the
	 * end, 法人或其他组织 spanning five columns. */
	import_grid_init(&g);
	import_grid_row_start(&g);
	import_grid_cell(&g, "corner", 6, 3, 3);
	import_grid_cell(&g, "申请人情况", strlen("申请人情况"), 7, 1);
	import_grid_row_end(&g);
	import_grid_row_start(&g);
	import_grid_cell(&g, "自然人", strlen("自然人"), 1, 2);
	import_grid_cell(&g, "法人", strlen("法人"), 5, 1);
	import_grid_cell(&g, "总计", strlen("总计"), 1, 2);
	import_grid_row_end(&g);
	import_grid_row_start(&g);
	import_grid_cell(&g, "a", 1, 1, 1);
	import_grid_cell(&g, "b", 1, 1, 1);
	import_grid_row_end(&g);
	import_grid_row_start(&g);
	import_grid_cell(&g, "x\ty", 3, 3, 1);
	import_grid_cell(&g, "1", 1, 1, 65535);
	import_grid_row_end(&g);
	import_grid_row_start(&g);
	import_grid_cell(&g, "c", 1, 1, 1);
	import_grid_cell(&g, "d", 1, 1, 0);
	import_grid_row_end(&g);
	t = grid_text(&g);
	cr_expect_str_eq(t,
	    "corner\t\t\t申请人情况\t\t\t\t\t\t\n"
	    "\t\t\t自然人\t法人\t\t\t\t\t总计\n"
	    "\t\t\t\ta\tb\t\t\t\t\n"
	    "x y\t\t\t1\t\t\t\t\t\t\n"
	    "c\td\t\t\t\t\t\t\t\t\n\n");
	free(t);
	/* A colspan past the widest grid: the grid is as wide as allowed. */
	import_grid_row_start(&g);
	import_grid_cell(&g, "z", 1, 1000, 1);
	import_grid_cell(&g, "after", 5, 1, 1);
	import_grid_row_end(&g);
	t = grid_text(&g);
	cr_expect_eq(strspn(t + 1, "\t"), IMPORT_GRID_MAX_COLS - 1);
	cr_expect_str_eq(t + IMPORT_GRID_MAX_COLS, "after\n\n");
	free(t);
	import_grid_done(&g);
}

/* ---- the command: check, check -r, sum; the date in the file -------- */

Test(import_html, check_shows_the_date_and_batch_reads_pages)
{
	struct tu_run	 r;
	char		*dir = tu_tmpdir(), *p19, *p24, *pdf, *json;
	const char	*one[] = { "--lang", "en", "check", PAGE(2024), NULL };
	const char	*js[] = { "check", "--json", PAGE(2024), PAGE(2022),
			    NULL };
	const char	*rec[] = { "--lang", "en", "check", "--csv", "-r",
			    NULL, NULL };
	const char	*sum[] = { "--lang", "en", "sum", PAGE(2024),
			    NULL, NULL };
	char		*buf;
	size_t		 len;

	tu_nianbao(&r, NULL, one);
	cr_expect_not_null(strstr(r.err, "pingtan-2024.html: published on "
	    "2025-03-10"), "%s", r.err);
	tu_run_free(&r);
	tu_nianbao(&r, NULL, js);
	json = r.out;
	cr_expect_not_null(strstr(json, "\"published_on\": \"2025-03-10\""),
	    "%s", json);
	cr_expect_not_null(strstr(json, "\"published_on\": \"2023-02-20\""));
	tu_run_free(&r);
	/* A folder of pages and a PDF, endings in any case. */
	p19 = tu_path(dir, "a.HTM");
	p24 = tu_path(dir, "b.html");
	pdf = tu_path(dir, "c.PDF");
	buf = iu_slurp(PAGE(2019), &len);
	tu_write(p19, buf);
	free(buf);
	buf = iu_slurp(PAGE(2024), &len);
	tu_write(p24, buf);
	free(buf);
	buf = iu_slurp(NB_SOURCE_DIR "/tests/data/pdf/own-pingtan-2024.pdf",
	    &len);
	cr_assert_not_null(buf);
	{
		FILE *f = fopen(pdf, "wb");
		cr_assert_not_null(f);
		cr_assert_eq(fwrite(buf, 1, len, f), len);
		fclose(f);
	}
	free(buf);
	rec[5] = dir;
	tu_nianbao(&r, NULL, rec);
	cr_expect_lt(r.status, 2, "%s", r.err);
	cr_expect_not_null(strstr(r.out, "a.HTM"), "%s", r.out);
	cr_expect_not_null(strstr(r.out, "b.html"));
	cr_expect_not_null(strstr(r.out, "c.PDF"));
	cr_expect_null(strstr(r.out, ",1,\"cannot"));
	tu_run_free(&r);
	/* sum adds up a page and a PDF of the same year. */
	sum[4] = pdf;
	tu_nianbao(&r, NULL, sum);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_not_null(strstr(r.out, "t3.new.natural: 434"), "%s", r.out);
	tu_run_free(&r);
	tu_rmtree(dir);
	free(p19);
	free(p24);
	free(pdf);
	free(dir);
}

Test(import_html, a_report_file_refuses_a_date_that_is_none)
{
	static const char *const bad[] = { "2025-02-30", "2025-3-10",
	    "20250310", "2025-13-01", "2023-02-29", "x" };
	struct err	 e = { 0 };
	struct report	*r;
	char		*y;
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		y = xasprintf("nianbao: 1\ntemplate: gb2021\npublished_on: "
		    "%s\n", bad[i]);
		r = store_parse(y, strlen(y), "r.yaml", iu_tpls, iu_ntpls, &e);
		cr_expect_null(r, "%s accepted", bad[i]);
		cr_expect_str_eq(e.msgid ? e.msgid : "", "store.bad_date",
		    "%s", bad[i]);
		cr_expect_eq(e.line, 3);
		err_clear(&e);
		report_free(r);
		free(y);
	}
	y = xstrdup("nianbao: 1\ntemplate: gb2021\npublished_on: 2024-02-29\n");
	r = store_parse(y, strlen(y), "r.yaml", iu_tpls, iu_ntpls, &e);
	cr_assert_not_null(r, "%s", e.msgid);
	cr_expect_str_eq(report_published_on(r), "2024-02-29");
	report_free(r);
	free(y);
}

/* Runs `nianbao check -r -j 2 dir` in a new process; false when it is
 * still running after 20 s (then killed). */
static bool
check_r_ends(const char *dir)
{
	pid_t	pid = fork();
	int	st, i;

	cr_assert_geq(pid, 0);
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		execl(NB_BIN, NB_BIN, "check", "-j", "2", "-r", dir,
		    (char *)NULL);
		_exit(127);
	}
	for (i = 0; i < 2000; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return (true);
		usleep(10000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return (false);
}

/* Two web pages read at once by two workers, each in a new process (so
 * that libxml2 starts each time): it hung one time in five when libxml2
 * was started by whichever thread parsed first. */
Test(import_html, two_pages_at_once_never_hang)
{
	char	*dir = tu_tmpdir(), *p, *buf;
	size_t	 len;
	int	 i, k;

	for (k = 0; k < 4; k++) {
		char name[16];
		snprintf(name, sizeof name, "p%d.html", k);
		p = tu_path(dir, name);
		buf = iu_slurp(k % 2 ? PAGE(2019) : PAGE(2024), &len);
		tu_write(p, buf);
		free(buf);
		free(p);
	}
	for (i = 0; i < 40; i++)
		cr_assert(check_r_ends(dir), "check -r hung on run %d", i + 1);
	tu_rmtree(dir);
	free(dir);
}
