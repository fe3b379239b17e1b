/* The register suites' shared checks; see ledgerutil.h. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledgerutil.h"
#include "testutil.h"

void
lu_expect(const char *name, struct ledger_expect *x)
{
	char	*path = tu_path(LEDGER_DATA, name), *text = tu_read(path, NULL);
	char	*line, *save, *colon, *eq;

	cr_assert_not_null(text, "%s", path);
	memset(x, 0, sizeof *x);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || (colon = strstr(line, ": ")) == NULL)
			continue;
		*colon = '\0';
		if (strcmp(line, "year") == 0)
			x->year = atoi(colon + 2);
		else if (strcmp(line, "carried_in") == 0)
			x->starts = strcmp(colon + 2, "starts") == 0;
		else if (strcmp(line, "map") == 0) {
			eq = strchr(colon + 2, '=');
			cr_assert_not_null(eq);
			*eq = '\0';
			snprintf(x->map[x->nmap][0], 64, "%s", colon + 2);
			snprintf(x->map[x->nmap++][1], 64, "%s", eq + 1);
		} else {
			snprintf(x->cell[x->ncells], 64, "%s", line);
			x->n[x->ncells++] = atol(colon + 2);
		}
	}
	free(text);
	free(path);
}

size_t
lu_balance_flags(const struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	struct report_flag	 f[256];
	size_t			 n, i, bad = 0;

	n = report_flags(r, f, 256);
	for (i = 0; i < n && i < 256; i++) {
		const char *id = t->rules[f[i].rule].id;
		if (strcmp(id, "R1") == 0 || strcmp(id, "R2") == 0 ||
		    strcmp(id, "R3") == 0 || strcmp(id, "R4") == 0)
			bad++;
	}
	return (bad);
}

void
lu_compare(const char *what, const struct report *r,
    const struct ledger_expect *x)
{
	const struct tpl	*t = report_tpl(r);
	struct report_value	 v;
	size_t			 i;
	long			 want;
	int			 k;

	for (i = 0; i < t->ncells; i++) {
		if (strncmp(t->cells[i].id, "t3.", 3) != 0 ||
		    t->cells[i].formula >= 0)
			continue;
		want = 0;
		for (k = 0; k < x->ncells; k++)
			if (strcmp(x->cell[k], t->cells[i].id) == 0)
				want = x->n[k];
		v = report_value(r, (int)i);
		cr_expect(v.state == RV_SET && v.n.v == want,
		    "%s: %s is %s%lld, must be %ld", what, t->cells[i].id,
		    v.state == RV_SET ? "" : "blank ", (long long)v.n.v, want);
	}
	for (k = 0; k < x->ncells; k++)
		cr_expect_geq(tpl_cell_index(t, x->cell[k]), 0, "%s: %s",
		    what, x->cell[k]);
}

