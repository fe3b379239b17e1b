/*
 * The report model: every formula and rule of gb2021 with a passing and a
 * failing case, live recomputation on every set, what set returns for
 * undo, published totals (R1 holding while a published total is wrong),
 * last year's values (R5), text rules (R7, R8), blanks (R10), money and
 * overflow.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

static struct tpl *T;

static void
setup(void)
{
	T = tu_tpl("gb2021");
}

static void
teardown(void)
{
	tpl_free(T);
}

TestSuite(report, .init = setup, .fini = teardown);

static int
cell(const char *id)
{
	int c = tpl_cell_index(T, id);

	cr_assert_geq(c, 0, "no cell %s", id);
	return (c);
}

static void
set(struct report *r, const char *id, const char *v)
{
	struct err e = { 0 };

	cr_assert(report_set_input(r, cell(id), v, NULL, &e),
	    "set %s=%s refused: %s", id, v, e.msgid ? e.msgid : "");
}

static char *
val(const struct report *r, const char *id)
{
	static char buf[NUM_FMT_MAX];

	return (report_format_value(r, cell(id), report_value(r, cell(id)),
	    buf));
}

/* Is some flag of rule rid failing on cell id? */
static bool
flagged(const struct report *r, const char *rid, const char *id)
{
	struct report_flag	f[64];
	size_t			n, i;

	n = report_cell_flags(r, cell(id), f, 64);
	for (i = 0; i < n && i < 64; i++)
		if (strcmp(T->rules[f[i].rule].id, rid) == 0)
			return (true);
	return (false);
}

static size_t
nflags(const struct report *r, const char *rid)
{
	struct report_flag	*f;
	size_t			 n, i, k = 0;

	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n; i++)
		if (strcmp(T->rules[f[i].rule].id, rid) == 0)
			k++;
	free(f);
	return (k);
}

Test(report, new_report_totals_blank)
{
	struct report *r = report_new(T);

	cr_assert_str_eq(val(r, "t3.new.total"), "");
	cr_assert_eq(nflags(r, "R1"), 0);
	/* Every input cell is blank: R10 warns on each. */
	cr_assert_eq(nflags(r, "R10"), 166);
	report_free(r);
}

Test(report, row_total_and_balance)
{
	struct report *r = report_new(T);

	set(r, "t3.new.natural", "3");
	cr_assert_str_eq(val(r, "t3.new.total"), "3");
	set(r, "t3.new.commercial", "2");
	cr_assert_str_eq(val(r, "t3.new.total"), "5");
	/* R1 fails in both columns, and in the total column. */
	cr_assert(flagged(r, "R1", "t3.new.natural"));
	cr_assert(flagged(r, "R1", "t3.new.commercial"));
	cr_assert(flagged(r, "R1", "t3.new.total"));
	cr_assert_eq(nflags(r, "R1"), 3);
	/* Outcomes that balance clear it. */
	set(r, "t3.r_open.natural", "2");
	set(r, "t3.carried_out.natural", "1");
	cr_assert(!flagged(r, "R1", "t3.new.natural"));
	cr_assert(flagged(r, "R1", "t3.new.commercial"));
	set(r, "t3.r_deny_4.commercial", "2");
	cr_assert_eq(nflags(r, "R1"), 0);
	cr_assert_str_eq(val(r, "t3.r_total.natural"), "2");
	cr_assert_str_eq(val(r, "t3.r_total.total"), "4");
	report_free(r);
}

Test(report, set_returns_old_value)
{
	struct report		*r = report_new(T);
	struct report_value	 old;
	struct err		 e = { 0 };

	cr_assert(report_set_input(r, cell("t3.new.natural"), "7", &old, &e));
	cr_assert_eq(old.state, RV_BLANK);
	cr_assert(report_set_input(r, cell("t3.new.natural"), "９", &old, &e));
	cr_assert_eq(old.state, RV_SET);
	cr_assert_eq(old.n.v, 7);
	cr_assert_str_eq(val(r, "t3.new.total"), "9");
	/* Undo: put the old value back, the total follows. */
	cr_assert(report_set_value(r, cell("t3.new.natural"), old, NULL));
	cr_assert_str_eq(val(r, "t3.new.total"), "7");
	report_free(r);
}

Test(report, refusals_change_nothing)
{
	struct report	*r = report_new(T);
	struct err	 e = { 0 };
	unsigned long	 gen;

	set(r, "t3.new.natural", "4");
	gen = report_generation(r);
	cr_assert(!report_set_input(r, cell("t3.new.natural"), "abc", NULL, &e));
	cr_assert_str_eq(e.msgid, "num.e_char");
	cr_assert_str_eq(e.args[0], "t3.new.natural");
	cr_assert_str_eq(e.args[1], "一、本年新收政府信息公开申请数量/申请人情况/自然人");
	cr_assert(!report_set_input(r, cell("t3.new.natural"), "-1", NULL, &e));
	cr_assert_str_eq(e.msgid, "num.e_negative");
	cr_assert(!report_set_input(r, cell("t3.new.natural"),
	    "99999999999999999", NULL, &e));
	cr_assert_str_eq(e.msgid, "num.e_range");
	cr_assert(!report_set_input(r, cell("t3.new.total"), "5", NULL, &e));
	cr_assert_str_eq(e.msgid, "cell.computed");
	cr_assert_str_eq(val(r, "t3.new.natural"), "4");
	cr_assert_eq(report_generation(r), gen);
	err_clear(&e);
	report_free(r);
}

Test(report, clerk_input_forms)
{
	struct report *r = report_new(T);

	set(r, "t3.new.natural", "３");
	set(r, "t3.new.commercial", "1,234");
	set(r, "t3.new.research", "　010 ");
	cr_assert_str_eq(val(r, "t3.new.total"), "1247");
	set(r, "t3.new.research", "  ");
	cr_assert_str_eq(val(r, "t3.new.research"), "");
	cr_assert_str_eq(val(r, "t3.new.total"), "1237");
	report_free(r);
}

Test(report, outcome_total_r2_published)
{
	struct report		*r = report_new(T);
	struct report_value	 pub = { RV_SET, { 26, 0 } };

	/* As in a real 2020 report, （七）总计 is published as 20 while the
	 * outcome rows sum to 26: R2 must catch it even where R1 holds. */
	set(r, "t3.new.natural", "26");
	set(r, "t3.carried_in.natural", "0");
	set(r, "t3.carried_out.natural", "0");
	set(r, "t3.r_open.natural", "20");
	set(r, "t3.r_partial.natural", "6");
	cr_assert_eq(nflags(r, "R1"), 0);
	cr_assert_eq(nflags(r, "R2"), 0);
	report_set_published(r, cell("t3.r_total.natural"), &pub);
	cr_assert_eq(nflags(r, "R2"), 0, "published 26 equals the sum");
	pub.n.v = 20;
	report_set_published(r, cell("t3.r_total.natural"), &pub);
	/* R1 holds (26 + 0 = 26 + 0) while the published total is wrong. */
	cr_assert_eq(nflags(r, "R1"), 0);
	cr_assert(flagged(r, "R2", "t3.r_total.natural"));
	report_set_published(r, cell("t3.r_total.natural"), NULL);
	cr_assert_eq(nflags(r, "R2"), 0);
	report_free(r);
}

Test(report, r3_row_total_published)
{
	struct report		*r = report_new(T);
	struct report_value	 pub = { RV_SET, { 5, 0 } };

	set(r, "t3.new.natural", "3");
	set(r, "t3.new.legal", "2");
	report_set_published(r, cell("t3.new.total"), &pub);
	cr_assert_eq(nflags(r, "R3"), 0);
	pub.n.v = 6;
	report_set_published(r, cell("t3.new.total"), &pub);
	cr_assert(flagged(r, "R3", "t3.new.total"));
	set(r, "t3.new.legal", "3");
	cr_assert_eq(nflags(r, "R3"), 0, "fixing the inputs clears R3");
	report_free(r);
}

Test(report, r4_review_totals)
{
	struct report		*r = report_new(T);
	struct report_value	 pub = { RV_SET, { 0, 0 } };

	set(r, "t4.n.review_upheld", "10");
	set(r, "t4.n.review_corrected", "1");
	cr_assert_str_eq(val(r, "t4.n.review_total"), "11");
	/* Published 0 where the items add up to 11 (a real report). */
	report_set_published(r, cell("t4.n.review_total"), &pub);
	cr_assert(flagged(r, "R4", "t4.n.review_total"));
	pub.n.v = 11;
	report_set_published(r, cell("t4.n.review_total"), &pub);
	cr_assert_eq(nflags(r, "R4"), 0);
	set(r, "t4.n.after_pending", "2");
	cr_assert_str_eq(val(r, "t4.n.after_total"), "2");
	cr_assert_str_eq(val(r, "t4.n.direct_total"), "");
	report_free(r);
}

Test(report, r5_last_year)
{
	struct report *last = report_new(T), *r = report_new(T);

	set(last, "t3.carried_out.natural", "2");
	set(r, "t3.carried_in.natural", "2");
	cr_assert_eq(nflags(r, "R5"), 0, "R5 waits for last year");
	report_set_prev(r, last);
	report_free(last);
	cr_assert_eq(nflags(r, "R5"), 0);
	set(r, "t3.carried_in.natural", "3");
	cr_assert(flagged(r, "R5", "t3.carried_in.natural"));
	report_free(r);
}

Test(report, r7_r8_text_rules)
{
	struct report	*r = report_new(T);
	int		 s1 = tpl_section_index(T, "s1");
	int		 s6 = tpl_section_index(T, "s6");
	char		*old = NULL, *big;

	/* An empty 六 is R11c's alone; written without the fee, R7's. */
	cr_assert_eq(nflags(r, "R7"), 0, "empty 六: R11c says it");
	cr_assert_eq(nflags(r, "R11c"), 1);
	report_set_text(r, s6, "2024年，本机关无其他需要报告的事项。", NULL);
	cr_assert_eq(nflags(r, "R7"), 1, "六 does not state the fee");
	report_set_text(r, s6, "2024年，本机关未收取信息处理费。", &old);
	cr_assert_str_eq(old, "2024年，本机关无其他需要报告的事项。");
	free(old);
	cr_assert_eq(nflags(r, "R7"), 0);
	cr_assert_eq(nflags(r, "R8"), 0);
	big = xcalloc(1, 1001 * 3 + 1);
	for (int i = 0; i < 1001; i++)
		memcpy(big + i * 3, "字", 3);
	report_set_text(r, s1, big, NULL);
	cr_assert_eq(nflags(r, "R8"), 1, "1001 characters is over 1000");
	big[1000 * 3] = '\0';
	report_set_text(r, s1, big, NULL);
	cr_assert_eq(nflags(r, "R8"), 0, "1000 characters is fine");
	free(big);
	report_free(r);
}

Test(report, r10_blank_cells)
{
	struct report *r = report_new(T);

	cr_assert(flagged(r, "R10", "t2_6.coercion.decisions"));
	set(r, "t2_6.coercion.decisions", "0");
	cr_assert(!flagged(r, "R10", "t2_6.coercion.decisions"));
	report_free(r);
}

Test(report, money_exact)
{
	struct report	*r = report_new(T);
	struct err	 e = { 0 };

	set(r, "t2_8.fees.amount", "24252.311082");
	cr_assert_str_eq(val(r, "t2_8.fees.amount"), "24252.311082");
	set(r, "t2_8.fees.amount", "7730.20");
	cr_assert_str_eq(val(r, "t2_8.fees.amount"), "7730.20");
	cr_assert(!report_set_input(r, cell("t2_8.fees.amount"), "1.2345678",
	    NULL, &e));
	cr_assert_str_eq(e.msgid, "num.e_digits");
	cr_assert_str_eq(e.args[2], "6");
	err_clear(&e);
	report_free(r);
}

Test(report, flag_message_filled)
{
	struct report		*r = report_new(T);
	struct report_flag	 f[8];
	size_t			 n;
	char			*msg;

	set(r, "t3.new.natural", "3");
	n = report_cell_flags(r, cell("t3.new.natural"), f, 8);
	cr_assert_eq(n, 1);
	msg = report_flag_message(r, &f[0], LANG_ZH);
	cr_assert(strstr(msg, "自然人") != NULL, "%s", msg);
	cr_assert(strstr(msg, "3") != NULL, "%s", msg);
	cr_assert(strstr(msg, "{") == NULL, "unfilled placeholder: %s", msg);
	free(msg);
	msg = report_flag_message(r, &f[0], LANG_EN);
	cr_assert(strstr(msg, "{") == NULL, "unfilled placeholder: %s", msg);
	free(msg);
	report_free(r);
}

Test(report, counts_match_list)
{
	struct report *r = report_new(T);

	set(r, "t3.new.natural", "1");
	cr_assert_eq(report_nflags(r), report_flags(r, NULL, 0));
	cr_assert_eq(report_nflags(r),
	    report_nflags_severity(r, TPL_ERROR) +
	    report_nflags_severity(r, TPL_WARNING));
	cr_assert_geq(report_nflags_severity(r, TPL_ERROR), 2);
	report_free(r);
}

/* R6: a number stated in the text against the table, sentence quoted. */
Test(report, r6_text_against_tables)
{
	struct report		*r = report_new(T);
	struct report_flag	 f[8];
	int			 s1 = tpl_section_index(T, "s1");
	int			 s6 = tpl_section_index(T, "s6");
	size_t			 n;
	char			*msg;

	set(r, "t3.new.natural", "90");
	set(r, "t3.new.legal", "5");
	report_set_text(r, s1, "2024年，本机关坚持公开为常态。全年共受理政府"
	    "信息公开申请17件，均按时答复。", NULL);
	cr_assert_eq(nflags(r, "R6a"), 1);
	n = report_section_flags(r, s1, f, 8);
	cr_assert_geq(n, 1);
	msg = report_flag_message(r, &f[0], LANG_ZH);
	cr_assert(strstr(msg, "“全年共受理政府信息公开申请17件，均按时答复。”") !=
	    NULL, "%s", msg);
	cr_assert(strstr(msg, "95") != NULL, "%s", msg);
	free(msg);
	/* The table is fixed to agree: the warning goes. */
	set(r, "t3.new.natural", "12");
	cr_assert_eq(nflags(r, "R6a"), 0);
	/* Full-width digits and thousands separators in the text. */
	report_set_text(r, s1, "共收到政府信息公开申请１７件。", NULL);
	cr_assert_eq(nflags(r, "R6a"), 0);
	report_set_text(r, s1, "共收到政府信息公开申请1,700件。", NULL);
	cr_assert_eq(nflags(r, "R6a"), 1);
	/* A heading with no number is not a statement. */
	report_set_text(r, s1, "三、收到和处理政府信息公开申请情况", NULL);
	cr_assert_eq(nflags(r, "R6a"), 0);
	/* Reviews and lawsuits, in any narrative section. */
	set(r, "t4.n.review_upheld", "1");
	report_set_text(r, s6, "因政府信息公开被申请行政复议0件，行政诉讼0件。"
	    "本年度未收取信息处理费。", NULL);
	cr_assert_eq(nflags(r, "R6d"), 1);
	cr_assert_eq(nflags(r, "R6e"), 0);
	/* Fees: "not charged" while fee notices went unpaid. */
	cr_assert_eq(nflags(r, "R6g"), 0);
	set(r, "t3.r_other_2.natural", "2");
	cr_assert_eq(nflags(r, "R6g"), 1);
	report_free(r);
}
