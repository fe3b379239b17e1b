/*
 * The path both register fuzz targets drive (fuzz_ledger_csv.c,
 * fuzz_ledger_xlsx.c), in a header of its own so that each target is
 * still one .c file: open the bytes, count them for 2024 with a fresh
 * map, and when the count may be filled, fill a new report and check it.
 */
#ifndef NB_LEDGER_FUZZ_H
#define NB_LEDGER_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"
#include "ledger_count.h"
#include "ledger_date.h"
#include "ledger_fill.h"
#include "ledger_map.h"
#include "store.h"

/* Aborts unless every column of 三 balances (R1) in the count. */
static void
ledger_fuzz_balance(const struct ledger_count *c)
{
	int64_t	in, out;
	int	k, j;

	for (j = 0; j < LEDGER_NCOLS; j++) {
		in = c->n[LEDGER_ROW_NEW][j] + c->n[LEDGER_ROW_CARRIED_IN][j];
		out = c->n[LEDGER_ROW_CARRIED_OUT][j];
		for (k = 0; k < LEDGER_NOUTCOMES; k++)
			out += c->n[LEDGER_ROW_OUTCOME + k][j];
		if (in != out) {
			fprintf(stderr, "ledger fuzz: column %d: %lld in, "
			    "%lld out\n", j, (long long)in, (long long)out);
			abort();
		}
	}
}

/* Fills a new 2024 report from c and checks its file loads again. */
static void
ledger_fuzz_fill(const struct ledger *L, const struct ledger_count *c,
    struct tpl **tpls, size_t ntpls)
{
	const struct tpl	*t = tpl_for_year(tpls, ntpls, 2024);
	struct report		*r, *back;
	struct ledger_fill	*f;
	struct err		 e = { 0 };
	char			*s;

	r = report_new(t);
	report_set_year(r, 2024);
	if ((f = ledger_fill(r, c, "fuzz", ledger_sha256(L), &e)) == NULL)
		abort();
	s = store_dump(r);
	back = store_parse(s, strlen(s), "fuzz.yaml", tpls, ntpls, &e);
	if (back == NULL) {
		fprintf(stderr, "ledger fuzz: a filled report does not "
		    "reload: %s at %d:%d\n%s\n", e.msgid, e.line, e.col, s);
		abort();
	}
	report_free(back);
	free(s);
	ledger_fill_undo(f, r);
	ledger_fill_free(f);
	report_free(r);
}

static void
ledger_fuzz_run(const char *name, const void *data, size_t size,
    struct tpl **tpls, size_t ntpls)
{
	struct ledger_opts	 o = { 2024, 0 };
	struct ledger_map	 m;
	struct ledger_count	 c;
	struct ledger		*L;
	struct err		 e = { 0 };
	char			*dump;

	ledger_date_days(2026, 1, 1, &o.today);
	if ((L = ledger_open_buffer(name, data, size, &e)) == NULL) {
		if (e.msgid == NULL)
			abort();	/* refused without a reason */
		err_clear(&e);
		return;
	}
	ledger_map_init(&m);
	ledger_count_init(&c);
	if (!ledger_count(L, &m, &o, &c, &e)) {
		if (e.msgid == NULL)
			abort();
		err_clear(&e);
	} else if (ledger_count_ok(&c)) {
		ledger_fuzz_balance(&c);
		ledger_fuzz_fill(L, &c, tpls, ntpls);
	}
	dump = ledger_map_dump(&m, "fuzz");
	free(dump);
	ledger_count_done(&c);
	ledger_map_done(&m);
	ledger_free(L);
}

#endif
