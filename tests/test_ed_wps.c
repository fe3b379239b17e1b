/*
 * Editing text like WPS (issue 12), driven without a terminal
 * (edutil.h): last year's 一 brought in from F11 with its years marked,
 * 2024 replaced by 2025 in one step and undone in one (Done-when 2);
 * the same on a real report's text against a hand-checked fixture;
 * replace one at a time (each one undo step), in this section or every
 * text part; find with "n of m", full-width folding, and going around;
 * selection with Shift, typing over it, cut and paste by grapheme
 * cluster, each one undo step; a table row copied tab-separated and
 * pasted back.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "ed_app.h"
#include "ed_clip.h"
#include "ed_text.h"
#include "ed_textedit.h"
#include "edfix.h"
#include "edscript.h"
#include "edutil.h"
#include "report.h"
#include "store.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

TestSuite(ed_wps, .init = edfix_setup, .fini = eu_teardown, .timeout = 60);

static const char last_year[] =
    "2024年，本镇认真贯彻《条例》，全年主动公开信息１２０条。\n"
    "２０２４年度未发生行政复议。";

/* A 2025 report whose 一 is text and whose last year's 一 is last_year. */
static char *
report_with_last_year(const char *s1)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	struct report	*r = edfix_load(path);
	struct err	 e = { 0 };
	int		 sec = tpl_section_index(report_tpl(r), "s1");

	report_set_year(r, 2025);
	report_set_text(r, sec, s1, NULL);
	report_set_prev_text(r, sec, last_year);
	cr_assert(store_save(r, path, &e));
	report_free(r);
	return (path);
}

Test(ed_wps, last_year_brought_in_replaced_and_undone)
{
	char		*path = report_with_last_year("");
	struct report	*saved;
	static const char want[] =
	    "2025年，本镇认真贯彻《条例》，全年主动公开信息１２０条。\n"
	    "2025年度未发生行政复议。";

	eu_g = eu_open(path, 30, 100);
	eu_go_to(eu_g, "s1");
	eu_key(eu_g, EU_F(11));
	EU_SEES("本镇认真贯彻");
	eu_key(eu_g, EU_CTRL('A'));
	eu_key(eu_g, EU_ENTER);
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), last_year);
	cr_expect_eq(ed_textedit_nmarks(ed_text_widget(eu_app(eu_g))), 2,
	    "the years brought in are not both marked");
	EU_SEES("已引入上年的文字");
	eu_key(eu_g, EU_CTRL('\\'));
	eu_type(eu_g, "2024");
	eu_key(eu_g, EU_ENTER);
	eu_type(eu_g, "2025");
	eu_key(eu_g, EU_ENTER);
	eu_key(eu_g, EU_ENTER);	/* in this section */
	EU_SEES("替换为“2025”？");
	EU_SEES("全部替换（本部分）");
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);	/* replace all (this section) */
	EU_SEES("已替换 2 处");
	cr_expect_eq(ed_textedit_nmarks(ed_text_widget(eu_app(eu_g))), 0,
	    "the years were edited but stay marked");
	eu_key(eu_g, EU_CTRL('S'));
	saved = edfix_load(path);
	cr_expect_str_eq(edfix_text(saved, "s1"), want);
	report_free(saved);
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), last_year,
	    "one undo does not give back the text before the replace");
}

Test(ed_wps, a_paragraph_brought_in_at_the_caret)
{
	char	*path = report_with_last_year("今年：");

	eu_g = eu_open(path, 30, 100);
	eu_go_to(eu_g, "s1");
	eu_key(eu_g, EU_F(11));
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"),
	    "今年：２０２４年度未发生行政复议。");
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "今年：");
}

Test(ed_wps, find_folds_width_and_says_n_of_m)
{
	eu_g = eu_open(report_with_last_year(last_year), 30, 100);
	eu_go_to(eu_g, "s1");
	eu_key(eu_g, KM_KEY(KEY_HOME));
	eu_key(eu_g, KM_KEY(KEY_PPAGE));
	eu_key(eu_g, EU_CTRL('F'));
	eu_type(eu_g, "2024");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("第 1 处，共 2 处");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("第 2 处，共 2 处");
	eu_key(eu_g, EU_ESC);
	{
		size_t a, b;
		const char *t = edfix_text(eu_report(eu_g), "s1");

		cr_assert(ed_textedit_selection(ed_text_widget(eu_app(eu_g)),
		    &a, &b));
		cr_expect(strncmp(t + a, "２０２４", b - a) == 0 &&
		    b - a == strlen("２０２４"), "selected %.*s",
		    (int)(b - a), t + a);
	}
}

Test(ed_wps, select_type_over_cut_paste)
{
	eu_g = eu_open(report_with_last_year("甲乙́丙丁"), 30, 100);
	eu_go_to(eu_g, "s1");
	eu_key(eu_g, KM_KEY(KEY_END));
	eu_key(eu_g, KM_KEY(KEY_SLEFT));
	eu_key(eu_g, KM_KEY(KEY_SLEFT));
	eu_key(eu_g, KM_KEY(KEY_SLEFT));	/* 乙́丙丁: a cluster with its mark */
	eu_key(eu_g, EU_CTRL('X'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "甲");
	eu_key(eu_g, KM_KEY(KEY_HOME));
	eu_key(eu_g, EU_CTRL('V'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "乙́丙丁甲");
	eu_key(eu_g, KM_KEY(KEY_SHOME));
	eu_type(eu_g, "戊");
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "戊甲");
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "乙́丙丁甲");
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "甲");
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "甲乙́丙丁");
}

/* Ctrl-C on a table row copies its cells tab-separated (what a
 * spreadsheet takes, also through OSC 52); pasted back at another row's
 * first cell, the numbers arrive the same and the 总计 follows. */
Test(ed_wps, ctrl_c_copies_the_row_as_tsv_and_pastes_back)
{
	char	*v;

	eu_g = eu_open(edfix_report(NULL, "r.yaml", (const char *[]){
	    "t3.new.natural=17", "t3.new.commercial=2", "t3.new.other_org=5",
	    NULL }), 30, 100);
	eu_go_to(eu_g, "t3.new.commercial");
	eu_key(eu_g, EU_CTRL('C'));
	EU_SEES("已复制本行的 7 个数");
	cr_expect_str_eq(ed_clip_text(eu_app(eu_g)), "17\t2\t0\t0\t0\t5\t24\n");
	eu_go_to(eu_g, "t3.carried_in.natural");
	eu_key(eu_g, EU_CTRL('V'));
	EU_SEES("已粘贴 6 个数");
	v = edfix_value(eu_report(eu_g), "t3.carried_in.other_org");
	cr_expect_str_eq(v, "5");
	free(v);
	v = edfix_value(eu_report(eu_g), "t3.carried_in.total");
	cr_expect_str_eq(v, "24");
	free(v);
	eu_key(eu_g, EU_CTRL('Z'));
	v = edfix_value(eu_report(eu_g), "t3.carried_in.natural");
	cr_expect_str_neq(v, "17");
	free(v);
}

/* The s1 and s5 texts of a report, saved, for the replace tests. */
static char *
two_texts(const char *s1, const char *s5)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	struct report	*r = edfix_load(path);
	struct err	 e = { 0 };

	report_set_text(r, tpl_section_index(report_tpl(r), "s1"), s1, NULL);
	report_set_text(r, tpl_section_index(report_tpl(r), "s5"), s5, NULL);
	cr_assert(store_save(r, path, &e));
	report_free(r);
	return (path);
}

/* Ctrl-\ with pattern, replacement and scope (0 this section, 1 all). */
static void
ask_replace(const char *pat, const char *with, int scope)
{
	eu_key(eu_g, EU_CTRL('\\'));
	eu_type(eu_g, pat);
	eu_key(eu_g, EU_ENTER);
	eu_type(eu_g, with);
	eu_key(eu_g, EU_ENTER);
	if (scope > 0)
		eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);
}

/* Replace, skip, replace, then around to the skipped one; each
 * replacement its own undo step (as WPS's 替换 / 查找下一处). */
Test(ed_wps, replace_one_at_a_time_each_one_undo_step)
{
	eu_g = eu_open(two_texts("2024年甲。2024年乙。2024年丙。", ""), 30,
	    100);
	eu_go_to(eu_g, "s1");
	eu_key(eu_g, KM_KEY(KEY_HOME));
	ask_replace("2024", "2025", 0);
	EU_SEES("第 1 处，共 3 处：替换为“2025”？");
	eu_key(eu_g, EU_ENTER);			/* replace this */
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"),
	    "2025年甲。2024年乙。2024年丙。");
	EU_SEES("第 1 处，共 2 处");
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);			/* skip */
	EU_SEES("第 2 处，共 2 处");
	eu_key(eu_g, EU_ENTER);			/* replace this */
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"),
	    "2025年甲。2024年乙。2025年丙。");
	EU_SEES("已到末尾，从头继续");		/* back to 乙 */
	eu_key(eu_g, EU_ESC);
	EU_SEES("已替换 2 处");
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"),
	    "2025年甲。2024年乙。2024年丙。");
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"),
	    "2024年甲。2024年乙。2024年丙。");
}

/* The scope: this section leaves 五 alone; every text part changes
 * both, still one undo step. */
Test(ed_wps, replace_all_in_this_section_or_every_text_part)
{
	eu_g = eu_open(two_texts("2024年一。", "2024年五。"), 30, 100);
	eu_go_to(eu_g, "s1");
	ask_replace("2024", "2025", 0);
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);
	EU_SEES("已替换 1 处");
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s5"), "2024年五。");
	eu_key(eu_g, EU_CTRL('Z'));
	ask_replace("2024", "2025", 1);
	EU_SEES("共 2 处");
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);
	EU_SEES("已替换 2 处");
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "2025年一。");
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s5"), "2025年五。");
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), "2024年一。");
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s5"), "2024年五。");
}

/* Find goes on into the other text parts and around, and says so. */
Test(ed_wps, find_goes_around_and_says_it)
{
	eu_g = eu_open(two_texts("2024年一。", "2024年五。"), 30, 100);
	eu_go_to(eu_g, "s5");
	eu_key(eu_g, EU_CTRL('F'));
	eu_type(eu_g, "2024");
	eu_key(eu_g, EU_ENTER);		/* the caret is at the end of 五 */
	EU_SEES("第 1 处，共 2 处（已到末尾，从头继续）");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("第 2 处，共 2 处");
	cr_expect(!eu_contains(eu_g, "从头继续"), "said it went around");
}

/*
 * Done-when 2 on a real report: 一 of 拦隆口镇's published 2021 report
 * (tests/data/real/004_...) is last year's text of a 2022 report; it is
 * brought in from F11, 2021 is replaced by 2022 in this section, and
 * the saved text is tests/data/wps/004-s1-2022.txt exactly (its five
 * mentions changed by hand); one undo gives the real text back.
 */
Test(ed_wps, real_report_brought_in_and_its_year_replaced)
{
	struct report	*real = edscript_seed(NB_REAL_DIR
			    "/004_cba99305fd9fd5d3.txt"), *r, *saved;
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	char		*want = tu_read(NB_SOURCE_DIR
			    "/tests/data/wps/004-s1-2022.txt", NULL);
	char		*last = xstrdup(edfix_text(real, "s1"));
	struct err	 e = { 0 };

	cr_assert_eq(report_year(real), 2021);
	r = edfix_load(path);
	report_set_year(r, 2022);
	report_set_text(r, tpl_section_index(report_tpl(r), "s1"), "", NULL);
	report_set_prev_text(r, tpl_section_index(report_tpl(r), "s1"), last);
	cr_assert(store_save(r, path, &e));
	report_free(r);
	report_free(real);
	eu_g = eu_open(path, 24, 80);
	eu_go_to(eu_g, "s1");
	eu_key(eu_g, EU_F(11));
	eu_key(eu_g, EU_CTRL('A'));
	eu_key(eu_g, EU_ENTER);
	cr_assert_str_eq(edfix_text(eu_report(eu_g), "s1"), last);
	ask_replace("2021", "2022", 0);
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);
	EU_SEES("已替换 5 处");
	eu_key(eu_g, EU_CTRL('S'));
	saved = edfix_load(path);
	cr_expect_str_eq(edfix_text(saved, "s1"), want);
	report_free(saved);
	eu_key(eu_g, EU_CTRL('Z'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), last,
	    "one undo does not give back the text before the replace");
	free(want);
	free(last);
}
