/*
 * Keys to fill a report's tables (issue 12): the tables of real reports
 * (tests/data/real, from the seed corpus) typed into a blank report
 * through the keyless editor (edutil.h, edscript.h), once typing every
 * value as before the zero fill (0 and Tab across the zeros), once
 * typing only the values other than 0 and pressing Ctrl-B for the rest.
 * The filled report is checked against the seed's values.
 *
 *   bench_ed_fill        (a criterion program: its one test prints)
 *
 * Output: "SEED: N keys typing every value, M keys with the zero fill".
 * Target: under 120 keys for the 2021 tables of seed 000.
 */
#include <stdio.h>
#include <stdlib.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "edscript.h"
#include "edutil.h"
#include "report.h"
#include "tpl.h"

/* Keys for seed's tables, with or without the zero fill. */
static size_t
keys(const char *seed, bool zeros)
{
	char		 name[256];
	struct report	*want;
	size_t		 n, c, wrong = 0;
	struct report_value v, w;

	snprintf(name, sizeof name, "%s/%s", NB_REAL_DIR, seed);
	want = edscript_seed(name);
	eu_g = eu_open(edscript_blank(zeros ? "z.yaml" : "t.yaml", 2021), 30,
	    100);
	n = edscript_fill(eu_g, want, zeros);
	for (c = 0; c < report_tpl(want)->ncells; c++) {
		v = report_value(eu_report(eu_g), (int)c);
		w = report_value(want, (int)c);
		if (w.state == RV_SET && (v.state != RV_SET || v.n.v != w.n.v))
			wrong++;
	}
	if (wrong > 0)
		printf("%s: %zu cells differ from the seed\n", seed, wrong);
	eu_free(eu_g);
	eu_g = NULL;
	report_free(want);
	return (n);
}

TestSuite(bench, .init = edfix_setup, .fini = eu_teardown, .timeout = 120);

Test(bench, fill_keys)
{
	static const char *const seeds[] = { "000_9062bfdbeadefa61.txt",
	    "004_cba99305fd9fd5d3.txt" };

	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
		printf("keys to fill the tables of %s: %zu typing every value, "
		    "%zu with the zero fill (target < 120 for 000)\n", seeds[i],
		    keys(seeds[i], false), keys(seeds[i], true));
}
