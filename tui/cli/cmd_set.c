/*
 * nianbao set FILE ID=VALUE...
 *
 * Sets cells and texts of a report: a cell by its id (t3.new.natural) or
 * by parts of its labels (本年新收/自然人), a section by its id (s1, 一)
 * with the text or "@path" for a file's text, and organ= and year=.  All
 * or nothing: when one assignment is refused (said why, naming the cell),
 * the file is left exactly as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fsio.h"
#include "text.h"
#include "xmalloc.h"
#include "year.h"

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

static int
set_run(struct cli *c, const struct args *a)
{
	struct report	*r;
	int		 i, rc = 0;

	if ((r = cli_load(c, a->argv[0])) == NULL)
		return (2);
	for (i = 1; i < a->argc; i++)
		if (!assign(c, r, a->argv[i]))
			rc = 2;
	if (rc == 0 && !cli_save(c, r, a->argv[0]))
		rc = 2;
	report_free(r);
	return (rc);
}

const struct cli_cmd cmd_set = {
	.name = "set",
	.summary = "cli.set",
	.operands = "cli.v_set",
	.min = 2,
	.max = -1,
	.run = set_run,
	.lazy_tpls = true,
};
