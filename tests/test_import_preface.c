/*
 * The 前言 (templates/SCHEMA.md): what real reports print between the
 * title and 一 is read by the import from every format, printed by every
 * export in its place, stored by the report file, started for a new
 * report, and read by the year rule (R14).
 *
 * The round trip is import → export (txt, .docx, web page) → import, for
 * each real report in tests/data/real that has one; the text is asserted
 * as published (its start, its statistics period, its end), not only
 * equal to itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "export_docx.h"
#include "export_html.h"
#include "export_txt.h"
#include "importutil.h"
#include "layout.h"
#include "text.h"
#include "rollover.h"
#include "store.h"
#include "testutil.h"
#include "xmalloc.h"

TestSuite(import_preface, .init = iu_suite_init, .fini = iu_suite_fini);

struct real {
	const char	*file;
	const char	*begins;	/* NULL: the report has no 前言 */
	const char	*period;
	const char	*ends;
};

static const struct real reals[] = {
	{ "src-hongze2023.txt", "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》",
	  "统计期限自2023年1月1日起至2023年12月31日止。",
	  "电子邮箱：hzzwgk@126.com）。" },
	{ "src-hongze2024.txt", "本报告由淮安市洪泽区人民政府办公室根据",
	  "统计期限自2024年1月1日起至2024年12月31日止。",
	  "电话：0517-87290606）。" },
	{ "src-huaian2024.txt", "本报告由淮安市人民政府办公室根据",
	  "统计期限自2024年1月1日至2024年12月31日。",
	  "电子邮箱：hazwgkc@163.com）。" },
	{ "html/pingtan-2019.html", "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）",
	  "统计期限自2019年1月1日起至2019年12月31日止。",
	  "电子邮箱：pzxxgkb@163.com。" },
	{ "html/pingtan-2022.html", "本报告根据《中华人民共和国政府信息公开条例》",
	  "统计时限为2022年1月1日至2022年12月31日。",
	  "电话：0591-23165385）。" },
	{ "html/pingtan-2024.html", "本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号）",
	  "统计期限为2024年1月1日至2024年12月31日。",
	  "统计期限为2024年1月1日至2024年12月31日。" },
	{ "000_9062bfdbeadefa61.txt", NULL, NULL, NULL },
	{ "001_13db19b5b2c6c511.txt", NULL, NULL, NULL },
	{ "004_cba99305fd9fd5d3.txt", NULL, NULL, NULL },
};

static const char *
preface(const struct report *r)
{
	int	p = report_tpl(r)->preface;

	cr_assert_geq(p, 0, "%s has no 前言", report_tpl(r)->id);
	return (report_text(r, p));
}

static void
expect_published(const struct real *x, const char *text, const char *how)
{
	size_t	n = strlen(text), e;

	if (x->begins == NULL) {
		cr_expect_str_empty(text, "%s (%s): a 前言 \"%s\"", x->file,
		    how, text);
		return;
	}
	e = strlen(x->ends);
	cr_expect(strncmp(text, x->begins, strlen(x->begins)) == 0,
	    "%s (%s) begins \"%.60s\"", x->file, how, text);
	cr_expect_not_null(strstr(text, x->period), "%s (%s): no \"%s\" in "
	    "\"%s\"", x->file, how, x->period, text);
	cr_expect(n >= e && strcmp(text + n - e, x->ends) == 0,
	    "%s (%s) ends \"%s\"", x->file, how, n > 60 ? text + n - 60 : text);
	cr_expect_null(strstr(text, "年政府信息公开工作年度报告"),
	    "%s (%s): the title is in the 前言", x->file, how);
	cr_expect_null(strstr(text, "总体情况\n"), "%s (%s): 一 is in it",
	    x->file, how);
}

static struct report *
import_real(const struct real *x, struct import_summary *s)
{
	char		*path = xasprintf("%s/%s", NB_REAL_DIR, x->file), *buf;
	size_t		 len;
	struct report	*r;

	buf = iu_slurp(path, &len);
	r = iu_import(buf, len, path, NULL, iu_tpls, iu_ntpls, s);
	free(buf);
	free(path);
	return (r);
}

/* Export r as fmt, import that again. */
static struct report *
again(const struct report *r, const char *fmt)
{
	struct import_summary	 s;
	struct report		*back;
	struct err		 e = { 0 };
	char			*buf = NULL, name[32];
	size_t			 len = 0;

	if (strcmp(fmt, "txt") == 0)
		buf = export_txt(r, LANG_ZH);
	else if (strcmp(fmt, "html") == 0)
		buf = export_html(r);
	else
		buf = export_docx_package(r, &len, &e);
	cr_assert_not_null(buf, "export %s: %s", fmt, e.msgid);
	if (len == 0)
		len = strlen(buf);
	snprintf(name, sizeof name, "report.%s", fmt);
	back = iu_import(buf, len, name, report_tpl(r)->id, iu_tpls, iu_ntpls,
	    &s);
	cr_expect_eq(iu_notes(&s, "import.preamble", 0), 0);
	import_summary_done(&s);
	free(buf);
	return (back);
}

Test(import_preface, every_real_report_round_trips_its_preface)
{
	static const char *const fmts[] = { "txt", "docx", "html" };
	struct import_summary	 s;
	struct report		*r, *back;
	size_t			 i, f;
	int			 with = 0;

	for (i = 0; i < sizeof reals / sizeof reals[0]; i++) {
		r = import_real(&reals[i], &s);
		cr_expect_eq(iu_notes(&s, "import.preamble", 0), 0,
		    "%s: the lines before 一 were left out", reals[i].file);
		import_summary_done(&s);
		expect_published(&reals[i], preface(r), "imported");
		with += *preface(r) != '\0';
		for (f = 0; f < 3; f++) {
			back = again(r, fmts[f]);
			cr_expect_str_eq(preface(back), preface(r), "%s via %s",
			    reals[i].file, fmts[f]);
			expect_published(&reals[i], preface(back), fmts[f]);
			/* Nothing of the 前言 moved into 一. */
			cr_expect(reals[i].begins == NULL ||
			    strstr(report_text(back, 0), reals[i].begins) ==
			    NULL, "%s via %s: 一 has the 前言", reals[i].file,
			    fmts[f]);
			report_free(back);
		}
		report_free(r);
	}
	cr_expect_eq(with, 6);
}

/* The report file keeps the 前言 byte for byte; a file without it has
 * none, and an empty one is not written. */
Test(import_preface, the_report_file_keeps_it_byte_for_byte)
{
	static const char text[] = "  本报告由某镇人民政府编制。\n统计期限自2025年"
	    "1月1日起至2025年12月31日止。“引号”: 冒号 #号 \\ 末尾空格 ";
	struct report	*r = report_new(iu_tpls[0]), *back;
	struct err	 e = { 0 };
	char		*a, *b;
	int		 p = report_tpl(r)->preface;

	report_set_organ(r, "某镇人民政府");
	report_set_year(r, 2025);
	a = store_dump(r);
	cr_expect_null(strstr(a, "preface"), "an empty 前言 written:\n%s", a);
	back = store_parse(a, strlen(a), "a.yaml", iu_tpls, iu_ntpls, &e);
	cr_assert_not_null(back, "%s", e.msgid);
	cr_expect_str_empty(report_text(back, p));
	report_free(back);
	free(a);
	report_set_text(r, p, text, NULL);
	a = store_dump(r);
	cr_expect_not_null(strstr(a, "\n  preface: "), "%s", a);
	back = store_parse(a, strlen(a), "a.yaml", iu_tpls, iu_ntpls, &e);
	cr_assert_not_null(back, "%s", e.msgid);
	cr_expect_str_eq(report_text(back, p), text);
	b = store_dump(back);
	cr_expect_str_eq(b, a);
	free(a);
	free(b);
	report_free(back);
	report_free(r);
}

/* A new report starts with the template's wording, its organ and year
 * filled in; one made from last year's carries last year's moved on. */
Test(import_preface, a_new_report_gets_the_wording_with_its_year)
{
	struct report	*r = report_new(iu_tpls[0]), *next;
	struct err	 e = { 0 };
	const char	*t;
	int		 p = report_tpl(r)->preface;

	report_set_organ(r, "某某镇人民政府");
	report_set_year(r, 2025);
	report_preface_init(r);
	t = report_text(r, p);
	cr_expect(strncmp(t, "本报告由某某镇人民政府根据《中华人民共和国政府信息公开条例》",
	    strlen("本报告由某某镇人民政府根据《中华人民共和国政府信息公开条例》")) == 0,
	    "%s", t);
	cr_expect_not_null(strstr(t, "统计期限自2025年1月1日起至2025年12月31日止。"),
	    "%s", t);
	cr_expect_null(strstr(t, "{"), "%s", t);
	/* Kept when already there. */
	report_set_text(r, p, "前言已写。统计期限自2025年1月1日起。", NULL);
	report_preface_init(r);
	cr_expect_str_eq(report_text(r, p), "前言已写。统计期限自2025年1月1日起。");
	next = rollover_new(r, 0, NULL, iu_tpls, iu_ntpls, &e);
	cr_assert_not_null(next, "%s", e.msgid);
	cr_expect_str_eq(report_text(next, p), "前言已写。统计期限自2026年1月1日起。");
	report_free(next);
	report_free(r);
}

/* R14: the statistics period in the 前言 must name the report's year. */
Test(import_preface, the_year_rule_reads_the_preface)
{
	struct report	*r = report_new(iu_tpls[0]);
	int		 p = report_tpl(r)->preface;

	report_set_organ(r, "某某镇人民政府");
	report_set_year(r, 2025);
	report_preface_init(r);
	cr_expect_eq(iu_flags(r, "R14", NULL), 0);
	report_set_text(r, p, "本报告中所列数据的统计期限自2024年1月1日起至"
	    "2024年12月31日止。", NULL);
	cr_expect_eq(iu_flags(r, "R14", NULL), 1);
	report_set_text(r, p, "本报告中所列数据统计时限为2024年1月1日至"
	    "2024年12月31日。", NULL);
	cr_expect_eq(iu_flags(r, "R14", NULL), 1);
	report_set_year(r, 2024);
	cr_expect_eq(iu_flags(r, "R14", NULL), 0);
	report_free(r);
}

/* Every export prints it in its place: after the title, before 一, as a
 * body paragraph without a heading. */
Test(import_preface, printed_between_the_title_and_one)
{
	static const char pre[] = "本报告由某某乡人民政府编制。统计期限自2024年"
	    "1月1日起至2024年12月31日止。";
	struct report		*r = report_new(iu_tpls[0]);
	struct text_opts	 o = { .ambiguous = 1 };
	struct layout		*L;
	char			*s, *a, *b, *c;

	report_set_organ(r, "某某乡人民政府");
	report_set_year(r, 2024);
	report_set_text(r, report_tpl(r)->preface, pre, NULL);
	report_set_text(r, 0, "本机关依法公开。", NULL);
	s = export_txt(r, LANG_ZH);
	cr_expect_not_null(strstr(s, "年度报告\n\n本报告由某某乡人民政府编制。"
	    "统计期限自2024年1月1日起至2024年12月31日止。\n\n一、总体情况\n\n"
	    "本机关依法公开。"), "%s", s);
	cr_expect_null(strstr(s, "前言"), "a 前言 heading: %s", s);
	free(s);
	s = export_html(r);
	a = strstr(s, "<p>本报告由");
	b = strstr(s, "<h2>一、总体情况</h2>");
	cr_expect(a != NULL && b != NULL && a < b, "%s", s);
	cr_expect_null(strstr(s, "前言"), "a 前言 heading: %s", s);
	free(s);
	s = export_docx_document_xml(r);
	a = strstr(s, "本报告由");
	b = strstr(s, "一、总体情况");
	c = a != NULL ? strstr(a, "</w:p>") : NULL;
	cr_expect(a != NULL && b != NULL && a < b, "%s", s);
	/* A body paragraph: no heading style of its own. */
	cr_expect(a != NULL && c != NULL && c < b);
	cr_expect_null(strstr(s, "前言"));
	free(s);
	L = layout_build(r, LANG_ZH, &o);
	cr_expect_str_eq(L->pages[0].lines[2], "");
	cr_expect(strncmp(L->pages[0].lines[3], "    本报告由某某乡人民政府编制",
	    strlen("    本报告由某某乡人民政府编制")) == 0, "%s",
	    L->pages[0].lines[3]);
	cr_expect_str_eq(L->pages[0].lines[5], "    一、总体情况");
	layout_free(L);
	report_free(r);
}

/* nianbao new writes the wording; nianbao set changes it like any text
 * (preface=@file); the json export carries it. */
Test(import_preface, cli_new_set_and_json)
{
	char		*dir = tu_tmpdir(), *path = tu_path(dir, "r.yaml");
	char		*txt = tu_path(dir, "p.txt"), *arg;
	struct tu_run	 run;
	struct report	*r;
	struct err	 e = { 0 };

	tu_nianbao(&run, NULL, (const char *const[]){ "new", "--organ",
	    "某某镇人民政府", "--year", "2025", path, NULL });
	cr_assert_eq(run.status, 0, "%s", run.err);
	tu_run_free(&run);
	r = store_load(path, iu_tpls, iu_ntpls, &e);
	cr_assert_not_null(r, "%s", e.msgid);
	cr_expect_not_null(strstr(preface(r), "本报告由某某镇人民政府根据"));
	cr_expect_not_null(strstr(preface(r), "自2025年1月1日起至2025年12月31日止"));
	report_free(r);
	tu_write(txt, "统计期限自2025年1月1日起。");
	arg = xasprintf("preface=@%s", txt);
	tu_nianbao(&run, NULL, (const char *const[]){ "set", path, arg, NULL });
	cr_assert_eq(run.status, 0, "%s", run.err);
	tu_run_free(&run);
	tu_nianbao(&run, NULL, (const char *const[]){ "export", "-f", "json",
	    path, NULL });
	cr_expect_not_null(strstr(run.out,
	    "\"preface\": \"统计期限自2025年1月1日起。\""), "%s", run.out);
	tu_run_free(&run);
	free(arg);
	free(txt);
	free(path);
	tu_rmtree(dir);
	free(dir);
}

/* A date line under the title or at the end of the 前言 is not part of
 * it; a date inside a sentence is. */
Test(import_preface, date_lines_are_left_out)
{
	static const char *const dates[] = { "（2025年1月20日）",
	    "2025 年 1 月 20 日", "(２０２５年１月２０日)" };
	const struct real	*x = &reals[2];	/* src-huaian2024.txt */
	struct import_summary	 s;
	struct report		*r;
	char			*path = xasprintf("%s/%s", NB_REAL_DIR, x->file);
	char			*buf, *v, *at;
	size_t			 len, i;

	buf = iu_slurp(path, &len);
	at = strstr(buf, "年度报告\n") + strlen("年度报告\n");
	for (i = 0; i < 3; i++) {
		v = xasprintf("%.*s%s\n%s", (int)(at - buf), buf, dates[i], at);
		r = iu_import(v, strlen(v), "d.txt", NULL, iu_tpls, iu_ntpls,
		    &s);
		expect_published(x, preface(r), dates[i]);
		report_free(r);
		import_summary_done(&s);
		free(v);
	}
	free(buf);
	free(path);
}
