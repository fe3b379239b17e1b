/*
 * A new year from the last one: the organ copied, the year one more, the
 * template for that year, 二、上年结转 from last year's 四、结转下年度继续
 * 办理 column by column, nothing else; R5 quiet until the two are edited
 * apart, and still watching after a save and a load.
 */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rollover.h"
#include "store.h"
#include "testutil.h"

static struct tpl	**tpls;
static size_t		  ntpls;

static void
load_tpls(void)
{
	ntpls = tu_templates(&tpls);
	cr_assert_geq(ntpls, 2);
}

static void
free_tpls(void)
{
	tu_templates_free(tpls, ntpls);
}

TestSuite(rollover, .init = load_tpls, .fini = free_tpls);

static int
cell(const struct report *r, const char *id)
{
	int	c = tpl_cell_index(report_tpl(r), id);

	cr_assert_geq(c, 0, "no cell %s", id);
	return (c);
}

static void
expect_value(const struct report *r, const char *id, const char *want)
{
	char	buf[NUM_FMT_MAX];
	int	c = cell(r, id);

	report_format_value(r, c, report_value(r, c), buf);
	cr_expect_str_eq(buf, want, "%s", id);
}

/* How many flags of rule id. */
static size_t
rule_flags(const struct report *r, const char *id)
{
	struct report_flag	f[256];
	size_t			n = report_flags(r, f, 256), i, k = 0;

	for (i = 0; i < n && i < 256; i++)
		k += strcmp(report_tpl(r)->rules[f[i].rule].id, id) == 0;
	return (k);
}

static size_t
r5(const struct report *r)
{
	return (rule_flags(r, "R5"));
}

/* An R5 flag involving cell id. */
static bool
r5_on(const struct report *r, const char *id)
{
	struct report_flag	f[256];
	size_t			n = report_flags(r, f, 256), i, k;
	const struct tpl	*t = report_tpl(r);

	for (i = 0; i < n && i < 256; i++) {
		if (strcmp(t->rules[f[i].rule].id, "R5") != 0)
			continue;
		for (k = 0; k < f[i].ncells; k++)
			if (strcmp(t->cells[f[i].cells[k]].id, id) == 0)
				return (true);
	}
	return (false);
}

static const char *const COLS[] = { "natural", "commercial", "research",
	"nonprofit", "legal", "other_org" };

Test(rollover, carries_the_carried_over_column_by_column)
{
	struct err	 e = { 0 };
	struct report	*last, *r, *back;
	char		 id[64], want[16], *dump;
	size_t		 i, k;

	last = store_load(NB_SOURCE_DIR "/tests/data/golden/full2021.yaml",
	    tpls, ntpls, &e);
	cr_assert_not_null(last);
	r = rollover_new(last, 0, NULL, tpls, ntpls, &e);
	cr_assert_not_null(r, "%s", e.msgid);
	cr_expect_str_eq(report_tpl(r)->id, "gb2021");
	cr_expect_eq(report_year(r), 2025);
	cr_expect_str_eq(report_organ(r), "小城子镇人民政府");
	/* full2021's 四、结转 is 149 … 154 (909 in all). */
	for (i = 0; i < 6; i++) {
		snprintf(id, sizeof id, "t3.carried_in.%s", COLS[i]);
		snprintf(want, sizeof want, "%zu", 149 + i);
		expect_value(r, id, want);
	}
	expect_value(r, "t3.carried_in.total", "909");
	/* Nothing else: no narrative, no other figure. */
	for (i = 0; i < tpl_numbered(report_tpl(r)); i++)
		cr_expect_str_eq(report_text(r, (int)i), "");
	/* The 前言 is the template's wording for 2025 (full2021 has none). */
	cr_expect_not_null(strstr(report_text(r, report_tpl(r)->preface),
	    "统计期限自2025年1月1日起至2025年12月31日止"));
	for (k = 0; k < report_tpl(r)->ncells; k++)
		if (strncmp(report_tpl(r)->cells[k].id, "t3.carried_in.", 14)
		    != 0)
			cr_expect_eq(report_value(r, (int)k).state, RV_BLANK,
			    "%s carried", report_tpl(r)->cells[k].id);
	cr_expect(report_has_prev(r));
	cr_expect_eq(r5(r), 0);
	/* Edited apart: R5 fires, for that column only. */
	cr_assert(report_set_input(r, cell(r, "t3.carried_in.legal"), "7",
	    NULL, &e));
	cr_expect_eq(r5(r), 2, "legal and total columns");
	cr_expect(r5_on(r, "t3.carried_in.legal"));
	cr_expect(r5_on(r, "t3.carried_in.total"));
	/* And keeps watching after a save and a load.  (The file keeps last
	 * year's input cells only, so the 总计 column is not checked after a
	 * load; see the report to the lead.) */
	dump = store_dump(r);
	back = store_parse(dump, strlen(dump), "r.yaml", tpls, ntpls, &e);
	cr_assert_not_null(back, "%s", e.msgid);
	cr_expect(r5_on(back, "t3.carried_in.legal"));
	cr_assert(report_set_input(back, cell(back, "t3.carried_in.legal"),
	    "153", NULL, &e));
	cr_expect_eq(r5(back), 0);
	free(dump);
	report_free(back);
	report_free(r);
	report_free(last);
}

Test(rollover, from_the_2019_format_into_2021)
{
	const struct tpl	*t19 = tpl_by_id(tpls, ntpls, "gb2019");
	struct report		*last = report_new(t19), *r;
	struct err		 e = { 0 };

	report_set_organ(last, "黄庄镇");
	report_set_year(last, 2020);
	cr_assert(report_set_input(last, cell(last, "t3.carried_out.natural"),
	    "3", NULL, &e));
	cr_assert(report_set_input(last, cell(last, "t3.carried_out.legal"),
	    "1", NULL, &e));
	r = rollover_new(last, 0, NULL, tpls, ntpls, &e);
	cr_assert_not_null(r);
	cr_expect_str_eq(report_tpl(r)->id, "gb2021");
	cr_expect_eq(report_year(r), 2021);
	expect_value(r, "t3.carried_in.natural", "3");
	expect_value(r, "t3.carried_in.legal", "1");
	expect_value(r, "t3.carried_in.research", "");	/* blank stays */
	cr_expect_eq(r5(r), 0);
	report_free(r);
	/* -t and --year are honoured. */
	r = rollover_new(last, 2020, "gb2019", tpls, ntpls, &e);
	cr_assert_not_null(r);
	cr_expect_str_eq(report_tpl(r)->id, "gb2019");
	cr_expect_eq(report_year(r), 2020);
	report_free(r);
	report_free(last);
}

Test(rollover, refusals)
{
	struct report	*last = report_new(tpls[0]);
	struct err	 e = { 0 };

	cr_expect_null(rollover_new(last, 0, NULL, tpls, ntpls, &e));
	cr_expect_str_eq(e.msgid, "rollover.e_year");
	err_clear(&e);
	report_set_year(last, 2017);
	cr_expect_null(rollover_new(last, 0, NULL, tpls, ntpls, &e));
	cr_expect_str_eq(e.msgid, "rollover.e_no_template");
	cr_expect_str_eq(e.args[0], "2018");
	err_clear(&e);
	cr_expect_null(rollover_new(last, 2024, "gb1999", tpls, ntpls, &e));
	cr_expect_str_eq(e.msgid, "rollover.e_template");
	err_clear(&e);
	report_free(last);
}

/* Last year's texts come along as a reference (never as this year's
 * text), survive a save, and R9 warns when 五 is written the same again. */
Test(rollover, last_years_texts_and_r9)
{
	static const char *const s5_last = "　　一是政府信息公开的及时性有待提高，"
	    "部分信息发布滞后。二是政策解读形式较为单一。下一步，我镇将"
	    "加强培训，丰富解读形式，提高公开质量。";
	struct err	 e = { 0 };
	struct report	*last, *r, *back;
	struct report_flag f[64];
	char		*dump, *msg;
	int		 s5;
	size_t		 n, i;
	bool		 seen = false;

	last = store_load(NB_SOURCE_DIR "/tests/data/golden/full2021.yaml",
	    tpls, ntpls, &e);
	cr_assert_not_null(last);
	s5 = tpl_section_index(report_tpl(last), "s5");
	report_set_text(last, s5, s5_last, NULL);
	r = rollover_new(last, 0, NULL, tpls, ntpls, &e);
	cr_assert_not_null(r, "%s", e.msgid);
	cr_expect_str_eq(report_text(r, s5), "");
	cr_assert_not_null(report_prev_text(r, s5));
	cr_expect_str_eq(report_prev_text(r, s5), s5_last);
	cr_expect_null(report_prev_text(r, tpl_section_index(report_tpl(r),
	    "s3")), "a table section has no text to keep");
	cr_expect_eq(rule_flags(r, "R9"), 0, "an empty 五 is not alike");
	/* The same problems again, re-wrapped and re-punctuated: alike. */
	report_set_text(r, s5, "一是政府信息公开的及时性有待提高,部分信息发布"
	    "滞后\n二是政策解读形式较为单一 下一步我镇将加强培训、丰富解读"
	    "形式、提高公开质量", NULL);
	cr_expect_eq(rule_flags(r, "R9"), 1);
	n = report_section_flags(r, s5, f, 64);
	for (i = 0; i < n && i < 64; i++) {
		if (strcmp(report_tpl(r)->rules[f[i].rule].id, "R9") != 0)
			continue;
		msg = report_flag_message(r, &f[i], LANG_ZH);
		cr_expect(strstr(msg, "相似度为100%") != NULL, "%s", msg);
		free(msg);
		seen = true;
	}
	cr_expect(seen, "R9 listed under section 五");
	/* Saved and loaded: the reference and the warning stay. */
	dump = store_dump(r);
	cr_expect(strstr(dump, "previous_sections:\n  s1: ") != NULL ||
	    strstr(dump, "previous_sections:\n  s5: ") != NULL, "%s", dump);
	back = store_parse(dump, strlen(dump), "r.yaml", tpls, ntpls, &e);
	cr_assert_not_null(back, "%s", e.msgid);
	cr_expect_str_eq(report_prev_text(back, s5), s5_last);
	cr_expect_eq(rule_flags(back, "R9"), 1);
	/* Forgetting last year's 五 clears the warning; giving it back
	 * brings it back. */
	report_set_prev_text(back, s5, NULL);
	cr_expect_null(report_prev_text(back, s5));
	cr_expect_eq(rule_flags(back, "R9"), 0);
	report_set_prev_text(back, s5, s5_last);
	cr_expect_eq(rule_flags(back, "R9"), 1);
	/* This year's own problems: quiet. */
	report_set_text(back, s5, "　　本年度存在的问题：依申请公开答复文书"
	    "格式不统一，个别答复超过法定期限。改进：制定答复模板，建立"
	    "期限提醒台账。", NULL);
	cr_expect_eq(rule_flags(back, "R9"), 0);
	free(dump);
	report_free(back);
	report_free(r);
	report_free(last);
}
