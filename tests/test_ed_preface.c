/*
 * The 前言 in the editor, driven without a terminal (edutil.h): it is
 * the text part before 一 (F5 from 一, the outline's first row), edited
 * with the text editor as any section, found and replaced in, undone,
 * saved, and last year's shown by F11.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "ed_app.h"
#include "edfix.h"
#include "edutil.h"
#include "report.h"
#include "store.h"
#include "tpl.h"

TestSuite(ed_preface, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 60);

static const char last_year[] =
    "本报告由测试镇人民政府编制。统计期限自2024年1月1日起至2024年12月31日止。";

/* A 2025 report with its 前言 and last year's. */
static char *
report_with_preface(const char *text)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	struct report	*r = edfix_load(path);
	struct err	 e = { 0 };
	int		 p = report_tpl(r)->preface;

	cr_assert_geq(p, 0);
	report_set_year(r, 2025);
	report_set_text(r, p, text, NULL);
	report_set_prev_text(r, p, last_year);
	cr_assert(store_save(r, path, &e));
	report_free(r);
	return (path);
}

static const char *
preface(const struct report *r)
{
	return (report_text(r, report_tpl(r)->preface));
}

Test(ed_preface, before_one_edited_replaced_undone_saved)
{
	static const char text[] =
	    "本报告由测试镇人民政府编制。统计期限自2025年1月1日起至2025年12月31日止。";
	static const char want[] =
	    "本报告由测试镇人民政府编制。统计期限自2026年1月1日起至2026年12月31日止。";
	char		*path = report_with_preface(text);
	struct report	*saved;
	int		 r1, r2, c;

	eu_g = eu_open(path, 30, 110);
	EU_SEES("一、总体情况");
	/* The outline lists it first, above 一. */
	cr_assert(eu_find(eu_g, "前言", 0, &r1, &c), "no 前言 in the outline");
	cr_assert(eu_find(eu_g, "一、总体情况", r1 + 1, &r2, &c));
	cr_expect(r2 == r1 + 1 && c == 0, "一 is not the row under 前言");
	/* F5 from 一 is the 前言. */
	eu_key(eu_g, EU_F(5));
	EU_SEES("统计期限自2025年1月1日");
	cr_expect_eq(eu_app(eu_g)->sec, report_tpl(eu_report(eu_g))->preface);
	eu_key(eu_g, EU_CTRL('F'));
	eu_type(eu_g, "2025");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("第 1 处，共 2 处");
	eu_key(eu_g, EU_ESC);
	eu_key(eu_g, EU_CTRL('\\'));
	eu_type(eu_g, "2025");
	eu_key(eu_g, EU_ENTER);
	eu_type(eu_g, "2026");
	eu_key(eu_g, EU_ENTER);
	eu_key(eu_g, EU_ENTER);	/* in this part */
	EU_SEES("全部替换（本部分）");
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);	/* replace all (this part) */
	EU_SEES("已替换 2 处");
	cr_expect_str_eq(preface(eu_report(eu_g)), want);
	eu_key(eu_g, EU_CTRL('S'));
	saved = edfix_load(path);
	cr_expect_str_eq(preface(saved), want);
	report_free(saved);
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(preface(eu_report(eu_g)), text,
	    "one undo does not give back the text before the replace");
	/* Typed into: at the end of the text. */
	eu_key(eu_g, KM_KEY(KEY_NPAGE));
	eu_key(eu_g, KM_KEY(KEY_END));
	eu_type(eu_g, "联系电话：12345。");
	cr_expect(strstr(preface(eu_report(eu_g)), "联系电话：12345。") != NULL,
	    "typing did not reach the 前言: %s", preface(eu_report(eu_g)));
	/* F6 from the 前言 is 一 again. */
	eu_key(eu_g, EU_F(6));
	cr_expect_eq(eu_app(eu_g)->sec, 0);
}

Test(ed_preface, last_years_preface_by_f11)
{
	eu_g = eu_open(report_with_preface(""), 30, 110);
	eu_go_to(eu_g, "前言");
	cr_expect_eq(eu_app(eu_g)->sec, report_tpl(eu_report(eu_g))->preface);
	eu_key(eu_g, EU_F(11));
	EU_SEES("统计期限自2024年1月1日");
	eu_key(eu_g, EU_CTRL('A'));
	eu_key(eu_g, EU_ENTER);
	cr_expect_str_eq(preface(eu_report(eu_g)), last_year);
}
