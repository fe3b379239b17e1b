/*
 * nianbao set FILE ID=VALUE...
 *
 * Sets cells and texts of a report: a cell by its id (t3.new.natural) or
 * by parts of its labels (本年新收/自然人), a section by its id (s1, 一)
 * with the text or "@path" for a file's text, and organ= and year=.  All
 * or nothing: when one assignment is refused (said why, naming the cell),
 * the file is left exactly as it was.
 *
 * --zero-blanks fills the blank input cells with 0 (zerofill.h), after
 * the assignments: of the sections named by the operands without '='
 * (s3, 三), or of the whole report when none is named.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "cli.h"
#include "usage.h"
#include "fsio.h"
#include "text.h"
#include "xmalloc.h"
#include "year.h"
#include "zerofill.h"

#define MAX_TEXT	(4 * 1024 * 1024)

/* Reads the text for "s1=@path"; newly allocated or NULL (said why). */
static char *
read_text(const struct cli *c, const char *path)
{
	struct err	 e = { 0 };
	size_t		 len;
	char		*buf, *clean;

	if ((buf = fsio_read_file(path, MAX_TEXT, &len, &e)) == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		return (NULL);
	}
	clean = text_sanitize(buf, len, true);
	free(buf);
	return (clean);
}

/* Says that key names n cells, listing the first (up to 8) of them. */
static void
say_ambiguous(const struct cli *c, const struct tpl *t, const char *key,
    const int *cells, size_t n)
{
	char	cand[512];
	size_t	i;

	cand[0] = '\0';
	for (i = 0; i < n && i < 8; i++) {
		if (i)
			strncat(cand, ", ", sizeof cand - strlen(cand) - 1);
		strncat(cand, t->cells[cells[i]].id,
		    sizeof cand - strlen(cand) - 1);
	}
	if (n > 8)
		strncat(cand, ", …", sizeof cand - strlen(cand) - 1);
	cli_say(c, "cli.ambiguous_cell", 2, key, cand);
}

/* Applies one ID=VALUE; false (and said why) if refused. */
static bool
assign(const struct cli *c, struct report *r, const char *arg)
{
	const struct tpl	*t = report_tpl(r);
	const char		*eq = strchr(arg, '=');
	char			*key, *text;
	struct err		 e = { 0 };
	int			 cells[8], sec, year;
	size_t			 n;

	if (eq == NULL || eq == arg) {
		cli_say(c, "cli.bad_assignment", 1, arg);
		return (false);
	}
	key = xstrndup(arg, (size_t)(eq - arg));
	eq++;
	if (strcmp(key, "organ") == 0) {
		text = text_sanitize(eq, strlen(eq), false);
		report_set_organ(r, text);
		free(text);
		goto ok;
	}
	if (strcmp(key, "year") == 0) {
		if (!year_parse(eq, &year)) {
			cli_say(c, "cli.bad_year", 1, eq);
			goto fail;
		}
		report_set_year(r, year);
		goto ok;
	}
	if ((sec = tpl_section_index(t, key)) >= 0) {
		text = *eq == '@' ? read_text(c, eq + 1) :
		    text_sanitize(eq, strlen(eq), true);
		if (text == NULL)
			goto fail;
		report_set_text(r, sec, text, NULL);
		free(text);
		goto ok;
	}
	n = tpl_find_cells(t, key, cells, 8);
	if (n == 0) {
		cli_say(c, "cli.no_cell", 1, key);
		goto fail;
	}
	if (n > 1) {
		say_ambiguous(c, t, key, cells, n);
		goto fail;
	}
	if (!report_set_input(r, cells[0], eq, NULL, &e)) {
		cli_say_err(c, &e);
		err_clear(&e);
		goto fail;
	}
ok:
	free(key);
	return (true);
fail:
	free(key);
	return (false);
}

static const struct args_opt opts[] = {
	{ 0, "answer", ARGS_STR, "cli.v_answer", "cli.set.answer", NULL },
	{ 0, "accept-totals", ARGS_FLAG, NULL, "cli.set.accept", NULL },
	{ 0, "zero-blanks", ARGS_FLAG, NULL, "cli.set.zero", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

/* --answer RULE[:CELL]=reason; false (said why) if refused. */
static bool
answer_arg(struct cli *c, struct report *r, const char *arg)
{
	const char		*eq = strchr(arg, '=');
	struct report_flag	 f;
	struct err		 e = { 0 };
	char			*spec;
	bool			 ok;

	if (eq == NULL || eq == arg) {
		cli_say(c, "rules.answer_bad", 1, arg);
		return (false);
	}
	spec = xstrndup(arg, (size_t)(eq - arg));
	if (!(ok = answer_find(r, spec, &f)))
		cli_say(c, "rules.answer_nothing", 1, spec);
	else if (!(ok = answer_give(r, &f, eq + 1, &e))) {
		cli_say_err(c, &e);
		err_clear(&e);
	}
	free(spec);
	return (ok);
}

/* After the values: the totals accepted, then the answers given. */
static bool
answers(struct cli *c, struct report *r, const struct args *a)
{
	const char	*s;
	char		 nbuf[32];
	size_t		 i;

	if (args_has(a, "accept-totals")) {
		snprintf(nbuf, sizeof nbuf, "%zu", answer_accept_totals(r));
		cli_say(c, "rules.accepted", 1, nbuf);
	}
	for (i = 0; (s = args_nth(a, "answer", i)) != NULL; i++)
		if (!answer_arg(c, r, s))
			return (false);
	return (true);
}


/* Fills the blanks of section key (NULL: the whole report) with 0;
 * false (said why) for a key that names no section. */
static bool
zero_blanks(const struct cli *c, struct report *r, const char *key)
{
	int	 sec = key != NULL ? tpl_section_index(report_tpl(r), key) : -1;
	int	*cells;
	size_t	 n;
	char	 nb[24];

	if (key != NULL && sec < 0) {
		cli_say(c, "cli.set.no_section", 1, key);
		return (false);
	}
	n = zerofill_blanks(r, key != NULL ? ZF_SECTION : ZF_REPORT, -1, sec,
	    &cells);
	zerofill_apply(r, cells, n, NULL);
	free(cells);
	snprintf(nb, sizeof nb, "%zu", n);
	cli_say(c, "cli.set.zeroed", 2, nb, key != NULL ? key : "*");
	return (true);
}

/* The assignments, then the zero fill of the sections named. */
static int
apply_all(const struct cli *c, const struct args *a, struct report *r)
{
	bool	zero = args_has(a, "zero-blanks"), named = false;
	int	i, rc = 0;

	for (i = 1; i < a->argc; i++)
		if ((!zero || strchr(a->argv[i], '=') != NULL) &&
		    !assign(c, r, a->argv[i]))
			rc = 2;
	if (!zero) {
		if (a->argc < 2 && !args_has(a, "answer") &&
		    !args_has(a, "accept-totals")) {
			cli_say(c, "cli.set.nothing", 0);
			rc = 2;
		}
		return (rc);
	}
	for (i = 1; rc == 0 && i < a->argc; i++)
		if (strchr(a->argv[i], '=') == NULL) {
			named = true;
			if (!zero_blanks(c, r, a->argv[i]))
				rc = 2;
		}
	if (rc == 0 && !named && !zero_blanks(c, r, NULL))
		rc = 2;
	return (rc);
}

static int
set_run(struct cli *c, const struct args *a)
{
	struct report	*r;
	int		 rc;

	if (a->argc < 2 && !args_has(a, "answer") &&
	    !args_has(a, "accept-totals") && !args_has(a, "zero-blanks"))
		return (usage_missing(c));
	if ((r = cli_load(c, a->argv[0])) == NULL)
		return (2);
	rc = apply_all(c, a, r);
	if (rc == 0 && !answers(c, r, a))
		rc = 2;
	if (rc == 0 && !cli_save(c, r, a->argv[0]))
		rc = 2;
	report_free(r);
	return (rc);
}

const struct cli_cmd cmd_set = {
	.name = "set",
	.summary = "cli.set",
	.opts = opts,
	.operands = "cli.v_set",
	.min = 1,
	.max = -1,
	.run = set_run,
	.lazy_tpls = true,
};
