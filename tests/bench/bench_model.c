/*
 * Model benchmarks: how long one cell change takes (parse, store,
 * recompute the totals it feeds, re-check the rules it feeds) on the 2021
 * template, and how fast a full report file is loaded and checked.  Prints
 * its figures; asserts nothing.
 *
 *   bench_model [TEMPLATES_DIR]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "store.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

static void
fill(struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	struct err		 e = { 0 };
	size_t			 i;
	char			 v[32];

	for (i = 0; i < t->ncells; i++) {
		if (t->cells[i].formula >= 0)
			continue;
		snprintf(v, sizeof v, "%zu", i + 1);
		report_set_input(r, (int)i, v, NULL, &e);
	}
	err_clear(&e);
}

/* Median and 99th percentile of one set_input on cell, in microseconds. */
static void
bench_set(struct report *r, int cell, const char *what)
{
	enum { BATCH = 1000, N = 200 };
	double		 t[N], t0;
	struct err	 e = { 0 };
	int		 i, k;

	for (i = 0; i < N; i++) {
		t0 = now();
		for (k = 0; k < BATCH; k++)
			report_set_input(r, cell, (k & 1) ? "12" : "7", NULL,
			    &e);
		t[i] = (now() - t0) / BATCH * 1e6;
	}
	qsort(t, N, sizeof t[0], cmp_double);
	printf("%-44s median %7.3f us   p99 %7.3f us\n", what, t[N / 2],
	    t[N * 99 / 100]);
}

int
main(int argc, char **argv)
{
	const char	*dir = argc > 1 ? argv[1] : NB_SOURCE_DIR "/templates";
	struct errlist	 errs;
	struct tpl	**tpls, *t;
	struct report	*r, *back;
	struct err	 e = { 0 };
	size_t		 n, i, len;
	char		*text;
	double		 t0, el;
	int		 reps = getenv("NB_REPS") ? atoi(getenv("NB_REPS")) : 2000;

	errlist_init(&errs);
	n = tpl_load_dir(dir, &tpls, &errs);
	t = (struct tpl *)tpl_by_id(tpls, n, "gb2021");
	if (t == NULL) {
		fprintf(stderr, "bench_model: no gb2021 in %s\n", dir);
		return (1);
	}
	r = report_new(t);
	fill(r);
	printf("template gb2021: %zu cells, %zu formulas, %zu rule instances\n",
	    t->ncells, t->nformulas, t->ninsts);
	bench_set(r, tpl_cell_index(t, "t3.new.natural"),
	    "set 本年新收/自然人 (row total, column, R1)");
	bench_set(r, tpl_cell_index(t, "t3.r_deny_3.research"),
	    "set 不予公开/3 (row + （七）总计 + R1..R3)");
	bench_set(r, tpl_cell_index(t, "t4.n.review_upheld"),
	    "set 行政复议/结果维持 (T4 total, R4)");
	bench_set(r, tpl_cell_index(t, "t2_8.fees.amount"),
	    "set 收费金额 (money, no formula)");

	text = store_dump(r);
	len = strlen(text);
	t0 = now();
	for (i = 0; i < (size_t)reps; i++) {
		back = store_parse(text, len, "bench", tpls, n, &e);
		if (back == NULL) {
			fprintf(stderr, "bench_model: parse failed\n");
			return (1);
		}
		report_free(back);
	}
	el = now() - t0;
	printf("%-44s %7.1f us each, %8.0f reports/s on one core\n",
	    "load + check a full report (from memory)", el / reps * 1e6,
	    reps / el);
	free(text);
	report_free(r);
	for (i = 0; i < n; i++)
		tpl_free(tpls[i]);
	free(tpls);
	errlist_done(&errs);
	return (0);
}
