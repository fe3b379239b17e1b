/*
 * libFuzzer target for numbers run together: the input's lines are the
 * runs of the 2021 format's table rows (三's 25 rows, then 四's row, then
 * 二's rows, as many as there are lines), split together by
 * import_runs_solve; the input as a whole is also cut by
 * import_runcut_line.  A recovered row must give back its run: its
 * values, joined, are the run's digits and signs; each value must be a
 * number its cell takes.  The search is bounded: libFuzzer's -timeout
 * catches a solver that is not.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "import_runcut.h"
#include "import_runs.h"
#include "num.h"

#define MAXROWS	40

static struct tpl	**tpls;
static size_t		  ntpls;
static const struct tpl	 *t;
static int		  first[MAXROWS], width[MAXROWS], nrows;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t	b, r;

	(void)argc;
	(void)argv;
	tpls = fuzz_templates("fuzz_runs", &ntpls);
	t = tpl_by_id(tpls, ntpls, "gb2021");
	if (t == NULL)
		abort();
	for (b = 0; b < t->nblocks; b++) {
		size_t bb = (b + 4) % t->nblocks;	/* 三 and 四 first */
		for (r = 0; r < t->blocks[bb].nrows && nrows < MAXROWS; r++) {
			width[nrows] = (int)t->blocks[bb].ncols;
			first[nrows++] = t->blocks[bb].first_cell + (int)r *
			    (int)t->blocks[bb].ncols;
		}
	}
	return (0);
}

/* The run's characters that a value keeps: digits, ". , -" in ASCII. */
static void
keep(const char *s, char *out, size_t max)
{
	size_t	n = 0;

	for (; *s != '\0' && n + 1 < max; s++)
		if ((*s >= '0' && *s <= '9') || *s == '.' || *s == ',' ||
		    *s == '-')
			out[n++] = *s;
	out[n] = '\0';
}

static void
check(const struct import_runs_row *r)
{
	char		joined[4096] = "", mine[4096];
	struct num	v;
	int		k;

	if (r->result != IMPORT_RUNS_RECOVERED || strlen(r->run) > 1000)
		return;
	for (k = 0; k < r->ncells; k++) {
		const struct tpl_cell *c = &t->cells[r->first_cell + k];
		if (num_parse(r->pieces[k], c->type.kind, c->type.kind ==
		    NUM_MONEY ? c->type.decimals : NUM_MAX_DP, &v, NULL) !=
		    NUM_OK) {
			fprintf(stderr, "fuzz_runs: %s is no value\n",
			    r->pieces[k]);
			abort();
		}
		strncat(joined, r->pieces[k], sizeof joined - strlen(joined) -
		    1);
	}
	keep(r->run, mine, sizeof mine);
	/* Full-width forms were read as ASCII: compare what is ASCII. */
	if (strspn(r->run, "0123456789.,- ") == strlen(r->run) &&
	    strcmp(joined, mine) != 0) {
		fprintf(stderr, "fuzz_runs: %s split as %s\n", r->run, joined);
		abort();
	}
}

static void
pair(void *arg, const char *l, const char *le, const char *r, const char *re)
{
	(void)arg;
	if (!(l <= le && le <= r && r <= re))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_runs_row	 rows[MAXROWS];
	char			*text = malloc(size + 1), *p, *nl;
	int			 n = 0, k;

	memcpy(text, data, size);
	text[size] = '\0';
	import_runcut_line(text, pair, NULL);
	memset(rows, 0, sizeof rows);
	for (p = text; p != NULL && n < nrows; p = nl) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		rows[n].first_cell = first[n];
		rows[n].ncells = width[n];
		rows[n].bound = true;
		rows[n].run = p;
		n++;
	}
	import_runs_solve(t, rows, (size_t)n);
	for (k = 0; k < n; k++) {
		check(&rows[k]);
		import_runs_row_done(&rows[k]);
	}
	free(text);
	return (0);
}
