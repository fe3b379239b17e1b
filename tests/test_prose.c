/*
 * The prose corpus (tests/data/prose/sentences.tsv): every sentence put
 * into a report whose table it names, and the text rules' flags compared
 * with what a reviewer expects.  The rules counted are the R6 family and
 * R14 on any section, R7 on 六 (on another section 六 is empty, and R7's
 * flag says nothing about the sentence).  Prints precision and recall
 * over (sentence, rule) pairs; fails on any false alarm and when recall
 * falls below the floor.  NB_PROSE_TPL=path measures another template
 * file (the figures "before", README.md).
 */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "report.h"
#include "testutil.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"

/* Recall may not fall below this (the corpus's known misses). */
#define RECALL_FLOOR	0.95

/* The corpus's short names for the cells a sentence is read against. */
static const struct { const char *key, *cell; } cellmap[] = {
	{ "new",	"t3.new.natural" },
	{ "cin",	"t3.carried_in.natural" },
	{ "cout",	"t3.carried_out.natural" },
	{ "review",	"t4.n.review_upheld" },
	{ "suit",	"t4.n.direct_upheld" },
	{ "fee",	"t3.r_other_2.natural" },
	{ "inforce",	"t2_1.normative_docs.in_force" },
};

struct tally {
	int	tp, fp, fn;
};

static struct tpl *
load(void)
{
	const char	*p = getenv("NB_PROSE_TPL");
	struct errlist	 errs;
	struct tpl	*t;

	if (p == NULL || *p == '\0')
		return (tu_tpl("gb2021"));
	errlist_init(&errs);
	t = tpl_load(p, &errs);
	errlist_done(&errs);
	cr_assert_not_null(t, "NB_PROSE_TPL=%s does not load", p);
	return (t);
}

/* Sets the cells "new=70,cin=2" (and year=) on r. */
static void
set_cells(struct report *r, char *spec)
{
	const struct tpl	*t = report_tpl(r);
	char			*kv, *save = NULL, *eq;
	struct err		 e = { 0 };
	size_t			 k;

	if (strcmp(spec, "-") == 0)
		return;
	for (kv = strtok_r(spec, ",", &save); kv != NULL;
	    kv = strtok_r(NULL, ",", &save)) {
		eq = strchr(kv, '=');
		cr_assert_not_null(eq, "bad cell spec %s", kv);
		*eq++ = '\0';
		if (strcmp(kv, "year") == 0) {
			report_set_year(r, atoi(eq));
			continue;
		}
		for (k = 0; k < sizeof cellmap / sizeof cellmap[0]; k++)
			if (strcmp(cellmap[k].key, kv) == 0)
				break;
		cr_assert(k < sizeof cellmap / sizeof cellmap[0],
		    "unknown cell %s", kv);
		cr_assert(report_set_input(r, tpl_cell_index(t,
		    cellmap[k].cell), eq, NULL, &e), "%s=%s", kv, eq);
	}
}

/* Whether rule id counts for a sentence in section sec. */
static bool
counted(const char *id, const char *sec)
{
	return (strncmp(id, "R6", 2) == 0 || strcmp(id, "R14") == 0 ||
	    (strcmp(id, "R7") == 0 && strcmp(sec, "s6") == 0));
}

/* Whether id is one of the comma-separated rules in want ("-": none). */
static bool
listed(const char *want, const char *id)
{
	size_t	n = strlen(id);
	const char *p = want;

	while ((p = strstr(p, id)) != NULL) {
		if ((p == want || p[-1] == ',') && (p[n] == ',' ||
		    p[n] == '\0'))
			return (true);
		p += n;
	}
	return (false);
}

/* One corpus line: the flags raised against the ones expected. */
static void
check_line(const struct tpl *t, char *line, int lineno, struct tally *ty)
{
	char			*f[5], *save = NULL, *id;
	struct report		*r;
	struct report_flag	 fl[64];
	size_t			 n, i, k;
	int			 sec, raised = 0;

	for (k = 0; k < 5; k++)
		f[k] = strtok_r(k == 0 ? line : NULL, "\t", &save);
	cr_assert_not_null(f[3], "line %d: fewer than 4 fields", lineno);
	r = report_new(t);
	report_set_organ(r, "测试镇");
	set_cells(r, f[2]);
	sec = tpl_section_index(t, f[1]);
	cr_assert_geq(sec, 0, "line %d: section %s", lineno, f[1]);
	report_set_text(r, sec, f[3], NULL);
	n = report_flags(r, fl, 64);
	for (i = 0; i < n && i < 64; i++) {
		id = t->rules[fl[i].rule].id;
		if (!counted(id, f[1]))
			continue;
		raised++;
		if (listed(f[0], id))
			ty->tp++;
		else {
			ty->fp++;
			printf("false alarm %s, line %d: %s\n", id, lineno,
			    f[3]);
		}
	}
	/* Every expected rule not raised is a miss. */
	for (k = 0; k < t->nrules; k++)
		if (listed(f[0], t->rules[k].id)) {
			bool hit = false;
			for (i = 0; i < n && i < 64; i++)
				hit |= (size_t)fl[i].rule == k;
			if (!hit) {
				ty->fn++;
				printf("miss %s, line %d: %s\n",
				    t->rules[k].id, lineno, f[3]);
			}
		}
	(void)raised;
	report_free(r);
}

Test(prose, corpus_precision_recall)
{
	char		*path = tu_path(NB_SOURCE_DIR "/tests/data/prose",
			    "sentences.tsv");
	char		*text = tu_read(path, NULL), *line, *save = NULL;
	struct tpl	*t = load();
	struct tally	 ty = { 0, 0, 0 };
	int		 lineno = 0, sentences = 0;
	double		 prec, rec;

	cr_assert_not_null(text, "%s", path);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		if (*line == '#' || *line == '\0')
			continue;
		sentences++;
		check_line(t, line, lineno, &ty);
	}
	prec = ty.tp + ty.fp > 0 ? (double)ty.tp / (ty.tp + ty.fp) : 1.0;
	rec = ty.tp + ty.fn > 0 ? (double)ty.tp / (ty.tp + ty.fn) : 1.0;
	printf("prose corpus: %d sentences, %d flags right, %d false "
	    "alarms, %d missed: precision %.3f, recall %.3f\n", sentences,
	    ty.tp, ty.fp, ty.fn, prec, rec);
	fflush(stdout);
	cr_assert_geq(sentences, 80);
	if (getenv("NB_PROSE_TPL") == NULL) {
		cr_expect_eq(ty.fp, 0, "false alarms on the corpus");
		cr_expect_geq(rec, RECALL_FLOOR, "recall %.3f", rec);
	}
	tpl_free(t);
	free(text);
	free(path);
}
