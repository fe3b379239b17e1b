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

static struct tpl	**tpls;
static size_t		  ntpls;

static void
load_tpls(void)
{
	struct errlist	errs;

	errlist_init(&errs);
	ntpls = tpl_load_dir(NB_SOURCE_DIR "/templates", &tpls, &errs);
	cr_assert_geq(ntpls, 2);
	errlist_done(&errs);
}

static void
free_tpls(void)
{
	size_t	i;

	for (i = 0; i < ntpls; i++)
		tpl_free(tpls[i]);
	free(tpls);
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

static size_t
r5(const struct report *r)
{
	struct report_flag	f[256];
	size_t			n = report_flags(r, f, 256), i, k = 0;

	for (i = 0; i < n && i < 256; i++)
		k += strcmp(report_tpl(r)->rules[f[i].rule].id, "R5") == 0;
	return (k);
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
	for (i = 0; i < report_tpl(r)->nsections; i++)
		cr_expect_str_eq(report_text(r, (int)i), "");
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
