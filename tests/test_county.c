/*
 * The county check on tests/data/county/folder (made from the real
 * reports, see its README): every cross-report check fires exactly where
 * the README says and nowhere else, the organs are merged as it says, the
 * rates are the exact fractions of the tables, and --json, --csv and
 * --html carry the same.  The page's rendering in Chromium is
 * tests/county_page.py.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "county.h"
#include "county_html.h"
#include "rates.h"
#include "testutil.h"
#include "xmalloc.h"

#define FOLDER	NB_SOURCE_DIR "/tests/data/county/folder"

static struct tpl	**T;
static size_t		  nT;
static struct batch	 *B;

static void
setup(void)
{
	struct batch_opts	o;
	struct err		e = { 0 };
	const char *const	exts[] = { ".yaml", NULL };

	nT = tu_templates(&T);
	cr_assert_geq(nT, 2);
	memset(&o, 0, sizeof o);
	o.tpls = T;
	o.ntpls = nT;
	o.jobs = 2;
	o.keep_flags = o.sums = true;
	B = batch_new(&o);
	cr_assert(batch_scan(B, FOLDER, exts, &e), "%s", e.msgid);
	batch_check(B);
	batch_cross(B);
}

static void
teardown(void)
{
	batch_free(B);
	tu_templates_free(T, nT);
}

TestSuite(county, .init = setup, .fini = teardown);

/* "file rule other detail" of one finding; detail per kind. */
static char *
line_of(const struct batch_item *it, const struct batch_cross *x)
{
	const char	*f = strstr(it->path, "folder/") + 7;
	const char	*o = strstr(B->items[x->other].path, "folder/") + 7;
	char		 d[256] = "";

	switch (x->kind) {
	case BATCH_X_CARRY:
	case BATCH_X_IN_FORCE:
	case BATCH_X_JUMP:
		snprintf(d, sizeof d, "%s", it->tpl->cells[x->cell].id);
		break;
	case BATCH_X_SIMILAR:
	case BATCH_X_NEARDUP:
		snprintf(d, sizeof d, "%s %d", it->tpl->sections[x->section].id,
		    x->pct);
		break;
	case BATCH_X_GAP:
		snprintf(d, sizeof d, "%d-%d", x->year, x->year_to);
		break;
	case BATCH_X_NAME:
		snprintf(d, sizeof d, "%s", x->name);
		break;
	default:
		break;
	}
	return (xasprintf("%s %s %s %s", f, batch_cross_rule(it, x), o, d));
}

static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

Test(county, each_check_fires_exactly_where_it_should)
{
	static const char *const want[] = {
		"乡镇/小城子2024.yaml X3 乡镇/小城子镇2022.yaml 2023-2023",
		"乡镇/小城子镇2021.yaml X5 乡镇/黄庄镇2021.yaml s5 98",
		"乡镇/小城子镇2022.yaml R5 乡镇/小城子镇2021.yaml "
		    "t3.carried_in.natural",
		"乡镇/小城子镇2022.yaml R5 乡镇/小城子镇2021.yaml "
		    "t3.carried_in.total",
		"乡镇/小城子镇2022.yaml X1 乡镇/小城子镇2021.yaml "
		    "t2_1.normative_docs.in_force",
		"乡镇/拦隆口镇2022.yaml R9 乡镇/拦隆口镇2021.yaml s5 100",
		"乡镇/拦隆口镇2023.yaml X6 乡镇/小城子2024.yaml 小城子镇",
		"乡镇/黄庄镇2021.yaml X5 乡镇/小城子镇2021.yaml s5 98",
		"区县/洪泽区2024.yaml X2 区县/洪泽区2023.yaml "
		    "t2_5.licensing.decisions",
	};
	char	*got[64];
	size_t	 n = 0, i, x, nwant = sizeof want / sizeof want[0];

	cr_assert_eq(B->n, 11);
	for (i = 0; i < B->n; i++) {
		cr_assert(B->items[i].read, "%s", B->items[i].path);
		for (x = 0; x < B->items[i].ncross && n < 64; x++)
			got[n++] = line_of(&B->items[i], &B->items[i].cross[x]);
	}
	qsort(got, n, sizeof *got, cmp_str);
	for (i = 0; i < n; i++)
		cr_log_info("%s", got[i]);
	cr_assert_eq(n, nwant, "%zu findings", n);
	for (i = 0; i < n; i++) {
		cr_expect_str_eq(got[i], want[i]);
		free(got[i]);
	}
}

Test(county, organs_merged_as_written)
{
	static const char *const names[] = { "小城子镇人民政府",
	    "西宁市湟中区拦隆口镇人民政府", "淮安市人民政府",
	    "淮安市洪泽区人民政府", "黄庄镇人民政府" };
	size_t	i, j, found = 0;

	cr_assert_eq(B->norgans, 5);
	cr_assert_not_null(B->aliases);
	for (i = 0; i < B->norgans; i++)
		for (j = 0; j < 5; j++)
			if (strcmp(B->organs[i].name, names[j]) == 0) {
				found++;
				if (j == 0)
					cr_assert_eq(B->organs[i].nspellings, 3);
				if (j == 2)
					cr_assert_eq(B->organs[i].nitems, 1);
			}
	cr_assert_eq(found, 5);
}

static const struct batch_item *
item(const char *suffix)
{
	size_t	i;

	for (i = 0; i < B->n; i++)
		if (strstr(B->items[i].path, suffix) != NULL)
			return (&B->items[i]);
	cr_assert_fail("%s not in the folder", suffix);
	return (NULL);
}

/* 洪泽区 2024 as published: 予以公开 50 + 部分公开 9 of （七）总计 95;
 * 复议 纠正 1 of 总计 2, none pending. */
Test(county, rates_are_exact_fractions)
{
	struct rates	r, acc;
	char		*p, *f;
	size_t		 i;

	rates_of(B, item("洪泽区2024"), &r);
	cr_assert(r.has_apps);
	cr_assert_eq(r.apps, 95);
	cr_assert_eq(r.disclosed.num, 59);
	cr_assert_eq(r.disclosed.den, 95);
	cr_assert_eq(r.corrected.num, 1);
	cr_assert_eq(r.corrected.den, 2);
	p = rates_percent(r.disclosed);
	f = rates_fraction(r.disclosed);
	cr_assert_str_eq(p, "62.1%");
	cr_assert_str_eq(f, "59/95");
	free(p);
	free(f);
	rates_of(B, item("小城子镇2021"), &r);
	cr_assert_eq(r.disclosed.den, 0, "no application: undefined");
	p = rates_percent(r.disclosed);
	cr_assert_str_eq(p, "—");
	free(p);
	/* The county's 2024: pooled over 洪泽区 and 淮安市 (小城子 has none). */
	memset(&acc, 0, sizeof acc);
	for (i = 0; i < B->n; i++)
		if (B->items[i].year == 2024) {
			rates_of(B, &B->items[i], &r);
			rates_add(&acc, &r);
		}
	cr_assert_eq(acc.disclosed.num, 59 + 1816);
	cr_assert_eq(acc.disclosed.den, 95 + 3050);
	cr_assert_eq(rates_permille((struct rates_frac){ 1, 3 }), 333);
	cr_assert_eq(rates_permille((struct rates_frac){ 2, 3 }), 667);
}

/* Each year's sum is the exact sum of its reports' cells; the summed
 * report computes its totals. */
Test(county, sums_add_each_year)
{
	size_t			 k;
	int64_t			 want = 0;
	const struct batch_sum	*s = NULL;
	struct report		*r;
	struct num		 x;

	for (k = 0; k < B->nsums; k++)
		if (B->sums[k].year == 2024)
			s = &B->sums[k];
	cr_assert_not_null(s);
	cr_assert_eq(s->nsources, 3);
	for (k = 0; k < B->n; k++)
		if (B->items[k].year == 2024 && batch_value(B, &B->items[k],
		    "t3.new.total", &x))
			want += x.v;
	cr_assert_eq(want, 95 + 3119);
	r = county_sum_report(s);
	cr_assert_eq(report_value(r, tpl_cell_index(s->tpl, "t3.new.total"))
	    .n.v, want);
	report_free(r);
}

static void
run(struct tu_run *r, const char *a1, const char *a2, const char *a3,
    const char *a4)
{
	const char *argv[] = { "check", "-r", FOLDER, a1, a2, a3, a4, NULL };

	tu_nianbao(r, NULL, argv);
}

Test(county, json_and_csv_carry_findings_and_rates)
{
	struct tu_run	r;

	run(&r, "--json", NULL, NULL, NULL);
	cr_assert_eq(r.status, 1, "errors in 3 reports: %s", r.err);
	cr_assert(strstr(r.out, "\"rule\": \"X5\", \"kind\": \"neardup\"") !=
	    NULL);
	cr_assert(strstr(r.out, "\"similarity\": 98") != NULL);
	cr_assert(strstr(r.out, "\"disclosed\": {\"num\": 59, \"den\": 95, "
	    "\"percent\": \"62.1%\"}") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "\"spellings\": [\"宝清县小城子镇\", \"小城子\", "
	    "\"小城子镇人民政府\"]") != NULL);
	cr_assert(strstr(r.out, "\"year\": 2024, \"reports\": 3, "
	    "\"applications\": 3214") != NULL);
	cr_assert(strstr(r.out, "\"severity\": \"note\"") != NULL);
	tu_run_free(&r);
	run(&r, "--csv", "-j", "1", NULL);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.out, "finding,\"") != NULL);
	cr_assert(strstr(r.out, ",2022,,,,,,,,,R9,warning,") != NULL, "%s",
	    r.out);
	cr_assert(strstr(r.out, "\"59/95\"") != NULL);
	cr_assert(strstr(r.out, "county,,3,2024,") != NULL);
	tu_run_free(&r);
	run(&r, NULL, NULL, NULL, NULL);
	cr_assert(strstr(r.out, "合并的机关名称") != NULL);
	cr_assert(strstr(r.out, "淮安市洪泽区人民政府 ← “洪泽区人民政府” "
	    "“淮安市洪泽区人民政府”") != NULL, "%s", r.out);
	tu_run_free(&r);
}

/* What comes from a report file is escaped on the page. */
Test(county, page_escapes_what_files_say)
{
	char		*dir = tu_tmpdir(), *rep = tu_path(dir, "a.yaml");
	char		*page = tu_path(dir, "p.html"), *html;
	struct tu_run	 r;
	const char	*argv[] = { "check", "-r", dir, "--html", page, NULL };

	tu_write(rep, "nianbao: 1\ntemplate: gb2021\n"
	    "organ: \"<script>alert(1)</script>镇\"\nyear: 2024\n"
	    "sections:\n  s1: \"本机关依法公开政府信息。\"\n"
	    "  s5: \"一是信息更新不够及时；二是解读形式单一。下一步将加强培训。\"\n"
	    "  s6: \"本年度未收取信息处理费。\\\"'&\"\n");
	tu_nianbao(&r, NULL, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	html = tu_read(page, NULL);
	cr_assert_not_null(html);
	cr_assert(strstr(html, "<script") == NULL);
	cr_assert(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;镇") !=
	    NULL);
	cr_assert(strstr(html, "<link") == NULL && strstr(html, "src=") ==
	    NULL, "self-contained");
	cr_assert(strstr(html, "id=\"r-0\"") != NULL);
	free(html);
	tu_rmtree(dir);
	free(page);
	free(rep);
	free(dir);
}

/* Quotes stay on one line and are cut with an ellipsis. */
Test(county, quotes_one_line_and_cut)
{
	char	*s = county_cut("  一二\n\n三 四  ", 80), *t;

	cr_assert_str_eq(s, "一二 三 四");
	t = county_cut("一二三四五", 3);
	cr_assert_str_eq(t, "一二三…");
	free(s);
	free(t);
}

/* A broken organs.yaml is said, with where, and the check still runs. */
Test(county, broken_alias_file_is_said)
{
	char		*dir = tu_tmpdir(), *al = tu_path(dir, "organs.yaml");
	char		*rep = tu_path(dir, "a.yaml");
	struct tu_run	 r;
	const char	*argv[] = { "check", "-r", dir, NULL };

	tu_write(rep, "nianbao: 1\ntemplate: gb2021\norgan: 甲镇\nyear: 2024\n"
	    "sections:\n  s6: 本年度未收取信息处理费。\n");
	tu_write(al, "- 甲镇\n");
	tu_nianbao(&r, NULL, argv);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "organs.yaml:1:1") != NULL, "%s", r.err);
	cr_assert(strstr(r.err, "写法: 标准名称") != NULL, "%s", r.err);
	cr_assert(strstr(r.out, "甲镇") != NULL, "the check ran: %s", r.out);
	tu_run_free(&r);
	tu_rmtree(dir);
	free(rep);
	free(al);
	free(dir);
}
