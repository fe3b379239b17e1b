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

Test(batch, folder_with_broken_and_cross_rules)
{
	char			*dir = tu_tmpdir(), *sub = tu_path(dir, "乡镇");
	char			*bad, *cmd;
	struct batch_item	*items = NULL;
	struct batch_opts	 o;
	struct err		 e = { 0 };
	struct report		*r;
	size_t			 n = 0, i, ncarry = 0, nsame = 0, ndup = 0;
	const char *const	 exts[] = { ".yaml", NULL };
	int			 ci;

	cr_assert_eq(mkdir(sub, 0700), 0);
	/* 甲镇 2023 and 2024: 结转 4 but 上年结转 5; the same 五 text. */
	r = make(1, "甲镇", 2023);
	ci = tpl_cell_index(T[0], "t3.carried_out.natural");
	cr_assert(report_set_input(r, ci, "4", NULL, &e));
	report_set_text(r, 4, "一是公开不够全面。", NULL);
	save(r, sub, "a2023.yaml");
	r = make(1, "甲镇", 2024);
	{
		/* Carried over right in every column but 自然人. */
		struct report *last = make(1, "甲镇", 2023);
		const struct tpl_block *b = &T[0]->blocks[T[0]->cells[ci].block];
		for (size_t c = 0; c < b->ncols; c++) {
			char id[64];
			snprintf(id, sizeof id, "t3.carried_out.%s",
			    tpl_col_node(b, (int)c)->id);
			struct report_value v = report_value(last,
			    tpl_cell_index(T[0], id));
			snprintf(id, sizeof id, "t3.carried_in.%s",
			    tpl_col_node(b, (int)c)->id);
			if (T[0]->cells[tpl_cell_index(T[0], id)].formula < 0)
				report_set_value(r, tpl_cell_index(T[0], id),
				    v, NULL);
		}
		report_free(last);
	}
	ci = tpl_cell_index(T[0], "t3.carried_in.natural");
	cr_assert(report_set_input(r, ci, "5", NULL, &e));
	report_set_text(r, 4, "一是公开不够全面。", NULL);
	save(r, sub, "a2024.yaml");
	save(make(2, "乙镇", 2024), dir, "b.yaml");
	save(make(2, "乙镇", 2024), dir, "b-copy.yaml");
	bad = tu_path(dir, "broken.yaml");
	tu_write(bad, "nianbao: 1\ntemplate: gb2021\ncells: [\n");
	cr_assert(batch_scan(dir, exts, &items, &n, &e));
	cr_assert_eq(n, 5);
	memset(&o, 0, sizeof o);
	o.tpls = T;
	o.ntpls = 2;
	o.jobs = 3;
	batch_check(items, n, &o);
	batch_cross(items, n);
	for (i = 0; i < n; i++) {
		if (strstr(items[i].path, "broken") != NULL) {
			cr_assert(!items[i].read);
			cr_assert_str_eq(items[i].err.msgid, "yaml.syntax");
			continue;
		}
		cr_assert(items[i].read, "%s", items[i].path);
		for (size_t x = 0; x < items[i].ncross; x++) {
			switch (items[i].cross[x].kind) {
			case BATCH_X_CARRY:
				ncarry++;
				cr_assert(strstr(items[i].path, "a2024"));
				break;
			case BATCH_X_SAME_TEXT:
				nsame++;
				cr_assert_eq(items[i].cross[x].section, 4);
				break;
			case BATCH_X_DUPLICATE:
				ndup++;
				cr_assert(strstr(items[i].path, "b"));
				break;
			}
		}
	}
	/* 自然人 and, through it, 总计. */
	cr_assert_eq(ncarry, 2, "got %zu", ncarry);
	cr_assert_eq(nsame, 1);
	cr_assert_eq(ndup, 2, "each duplicate names the other");
	batch_items_free(items, n);
	cmd = xasprintf("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(bad);
	free(sub);
	free(dir);
}
