/*
 * The county office's tools: summing reports cell by cell (exact money,
 * refusals of mixed templates and years) and checking a folder of reports
 * on several threads, with broken files listed and the rules that span
 * reports (consecutive years, identical narratives, duplicates).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "store.h"
#include "sum.h"
#include "testutil.h"
#include "xmalloc.h"

static struct tpl *T[2];

static void
setup(void)
{
	tu_tpl_pair(T);
}

static void
teardown(void)
{
	tu_tpl_pair_free(T);
}

TestSuite(batch, .init = setup, .fini = teardown);

/* A report whose input cell i holds (i + 1) * k, money as k.5. */
static struct report *
make(int k, const char *organ, int year)
{
	struct report	*r = report_new(T[0]);
	struct err	 e = { 0 };
	char		 v[32];
	size_t		 i;

	report_set_organ(r, organ);
	report_set_year(r, year);
	for (i = 0; i < T[0]->ncells; i++) {
		if (T[0]->cells[i].formula >= 0)
			continue;
		if (T[0]->cells[i].type.kind == NUM_MONEY)
			snprintf(v, sizeof v, "%d.5", k);
		else
			snprintf(v, sizeof v, "%zu", (i + 1) * (size_t)k);
		cr_assert(report_set_input(r, (int)i, v, NULL, &e));
	}
	return (r);
}

Test(batch, sum_equals_cell_by_cell)
{
	struct report	*rs[3], *s;
	struct err	 e = { 0 };
	size_t		 i, k;

	for (k = 0; k < 3; k++)
		rs[k] = make((int)k + 1, "镇", 2024);
	s = sum_reports(rs, 3, NULL, &e);
	cr_assert_not_null(s);
	for (i = 0; i < T[0]->ncells; i++) {
		struct report_value v = report_value(s, (int)i);
		int64_t want = 0;
		for (k = 0; k < 3; k++)
			want += report_value(rs[k], (int)i).n.v;
		cr_assert_eq(v.n.v, want, "%s", T[0]->cells[i].id);
	}
	/* 1.5 + 2.5 + 3.5 万元, exactly. */
	cr_assert_eq(report_value(s, tpl_cell_index(T[0], "t2_8.fees.amount"))
	    .n.v, 7500000);
	cr_assert_eq(report_nsources(s), 3);
	cr_assert_eq(report_year(s), 2024);
	report_free(s);
	for (k = 0; k < 3; k++)
		report_free(rs[k]);
}

Test(batch, sum_refuses_mixed)
{
	struct report	*rs[2];
	struct err	 e = { 0 };

	rs[0] = make(1, "甲", 2024);
	rs[1] = make(1, "乙", 2023);
	cr_assert_null(sum_reports(rs, 2, NULL, &e));
	cr_assert_str_eq(e.msgid, "sum.mixed_year");
	report_free(rs[1]);
	rs[1] = report_new(T[1]);
	report_set_year(rs[1], 2024);
	cr_assert_null(sum_reports(rs, 2, NULL, &e));
	cr_assert_str_eq(e.msgid, "sum.mixed_template");
	err_clear(&e);
	report_free(rs[0]);
	report_free(rs[1]);
}

Test(batch, sum_blank_stays_blank)
{
	struct report	*rs[2], *s;
	struct err	 e = { 0 };
	int		 c = tpl_cell_index(T[0], "t3.new.natural");

	rs[0] = report_new(T[0]);
	rs[1] = report_new(T[0]);
	cr_assert(report_set_input(rs[1], c, "4", NULL, &e));
	s = sum_reports(rs, 2, NULL, &e);
	cr_assert_eq(report_value(s, c).n.v, 4);
	cr_assert_eq(report_value(s, c + 1).state, RV_BLANK);
	report_free(s);
	report_free(rs[0]);
	report_free(rs[1]);
}

static void
save(struct report *r, const char *dir, const char *name)
{
	char		*p = tu_path(dir, name);
	struct err	 e = { 0 };

	cr_assert(store_save(r, p, &e));
	free(p);
	report_free(r);
}

/* 五 of tests/data/real/000_9062bfdbeadefa61.txt: long enough to compare. */
static const char *five =
    "一是个别部门思想认识不到位，担心信息公开后利益受到损害，正常工作受到约束；"
    "二是对结果内容公开多，对工作开展程序公开少；三是宣传手段还不够丰富；"
    "四是公开内容不够全面，对群众关心的热点问题等公开不及时或者不全面。";

Test(batch, folder_with_broken_and_cross_rules)
{
	char			*dir = tu_tmpdir(), *sub = tu_path(dir, "乡镇");
	char			*bad;
	struct batch		*b;
	struct batch_opts	 o;
	struct err		 e = { 0 };
	struct report		*r;
	size_t			 i, count[BATCH_X_NKINDS] = { 0 };
	const char *const	 exts[] = { ".yaml", NULL };
	int			 ci;

	cr_assert_eq(mkdir(sub, 0700), 0);
	/* 甲镇 2023 and 2024: 结转 4 but 上年结转 5; the same 五 text. */
	r = make(1, "甲镇", 2023);
	ci = tpl_cell_index(T[0], "t3.carried_out.natural");
	cr_assert(report_set_input(r, ci, "4", NULL, &e));
	report_set_text(r, 4, five, NULL);
	save(r, sub, "a2023.yaml");
	r = make(1, "甲镇人民政府", 2024);
	{
		/* Carried over right in every column but 自然人. */
		struct report *last = make(1, "甲镇", 2023);
		const struct tpl_block *bl = &T[0]->blocks[T[0]->cells[ci].block];
		for (size_t c = 0; c < bl->ncols; c++) {
			char id[64];
			snprintf(id, sizeof id, "t3.carried_out.%s",
			    tpl_col_node(bl, (int)c)->id);
			struct report_value v = report_value(last,
			    tpl_cell_index(T[0], id));
			snprintf(id, sizeof id, "t3.carried_in.%s",
			    tpl_col_node(bl, (int)c)->id);
			if (T[0]->cells[tpl_cell_index(T[0], id)].formula < 0)
				report_set_value(r, tpl_cell_index(T[0], id),
				    v, NULL);
		}
		report_free(last);
	}
	ci = tpl_cell_index(T[0], "t3.carried_in.natural");
	cr_assert(report_set_input(r, ci, "5", NULL, &e));
	report_set_text(r, 4, five, NULL);
	save(r, sub, "a2024.yaml");
	save(make(2, "乙镇", 2024), dir, "b.yaml");
	save(make(2, "乙镇", 2024), dir, "b-copy.yaml");
	bad = tu_path(dir, "broken.yaml");
	tu_write(bad, "nianbao: 1\ntemplate: gb2021\ncells: [\n");
	memset(&o, 0, sizeof o);
	o.tpls = T;
	o.ntpls = 2;
	o.jobs = 3;
	b = batch_new(&o);
	cr_assert(batch_scan(b, dir, exts, &e));
	cr_assert_eq(b->n, 5);
	batch_check(b);
	batch_cross(b);
	for (i = 0; i < b->n; i++) {
		const struct batch_item *it = &b->items[i];
		if (strstr(it->path, "broken") != NULL) {
			cr_assert(!it->read);
			cr_assert_str_eq(it->err.msgid, "yaml.syntax");
			continue;
		}
		cr_assert(it->read, "%s", it->path);
		for (size_t x = 0; x < it->ncross; x++) {
			count[it->cross[x].kind]++;
			if (it->cross[x].kind == BATCH_X_JUMP)
				cr_assert_str_eq(it->tpl->cells[it->cross[x].cell]
				    .id, "t3.carried_in.total");
			if (it->cross[x].kind == BATCH_X_DUPLICATE)
				cr_assert(strstr(it->path, "/b"));
			else
				cr_assert(strstr(it->path, "a2024"), "%s",
				    it->path);
		}
	}
	/* 自然人 and, through it, 总计. */
	cr_assert_eq(count[BATCH_X_CARRY], 2);
	cr_assert_eq(count[BATCH_X_SIMILAR], 1, "五, 100 %%");
	cr_assert_eq(count[BATCH_X_DUPLICATE], 2, "each names the other");
	/* make() writes 1 2 3 and 4 5 6 in t2_1: 3 + 1 - 2 != 3. */
	cr_assert_eq(count[BATCH_X_IN_FORCE], 2);
	/* 上年结转 总计: make()'s small early cells in 2023, last year's
	 * 结转 (cells far down the table) in 2024: over five times more. */
	cr_assert_eq(count[BATCH_X_JUMP], 1);
	cr_assert_eq(count[BATCH_X_GAP] +
	    count[BATCH_X_NEARDUP] + count[BATCH_X_NAME], 0);
	cr_assert_eq(b->norgans, 2, "甲镇 and 甲镇人民政府 are one organ");
	batch_free(b);
	tu_rmtree(dir);
	free(bad);
	free(sub);
	free(dir);
}
