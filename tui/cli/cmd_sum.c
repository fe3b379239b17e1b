/*
 * nianbao sum [-o OUT.yaml] [--organ NAME] [--year YEAR] FILE...
 *
 * Adds up the tables of many reports into a new report of the same
 * template: every input cell summed exactly, totals recomputed, the
 * narratives left empty for the clerk, the sources listed in the file.
 * Reports are read one at a time: report files, or published reports in
 * any format the importer reads.  Without -o the result goes to stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "import.h"
#include "store.h"
#include "sum.h"
#include "text.h"
#include "xmalloc.h"

static const struct args_opt opts[] = {
	{ 'o', NULL, ARGS_STR, "cli.v_out_yaml", "cli.sum.o", NULL },
	{ 0, "organ", ARGS_STR, "cli.v_organ", "cli.sum.organ", NULL },
	{ 0, "year", ARGS_YEAR, "cli.v_year", "cli.sum.year", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

/* Adds the report at path to *total (the first one starts it); false
 * after saying why. */
static bool
add_one(struct cli *c, struct report **total, const char *path)
{
	struct report	*r;
	struct err	 e = { 0 };
	char		*name;
	bool		 ok;

	if ((r = import_load(path, c->tpls, c->ntpls, NULL, &e)) == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		return (false);
	}
	if (*total == NULL)
		*total = sum_new(r);
	name = xasprintf("%s %d (%s)", report_organ(r), report_year(r), path);
	if (!(ok = sum_add(*total, r, name, &e))) {
		cli_say_err(c, &e);
		err_clear(&e);
	}
	free(name);
	report_free(r);
	return (ok);
}

static int
sum_run(struct cli *c, const struct args *a)
{
	const char	*out = args_get(a, "o", NULL), *organ;
	struct report	*total = NULL;
	struct stat	 st;
	char		*clean;
	int		 year = args_int(a, "year", 0), rc = 2, k;

	if (out != NULL && strcmp(out, "-") == 0)
		out = NULL;
	if (out != NULL && lstat(out, &st) == 0) {
		cli_say(c, "cli.file_exists", 1, out);
		return (2);
	}
	for (k = 0; k < a->argc; k++)
		if (!add_one(c, &total, a->argv[k]))
			goto done;
	if ((organ = args_get(a, "organ", NULL)) != NULL) {
		clean = text_sanitize(organ, strlen(organ), false);
		report_set_organ(total, clean);
		free(clean);
	}
	if (year > 0 && year != report_year(total)) {
		cli_say(c, "sum.year_differs", 0);
		goto done;
	}
	rc = cli_output_report(c, total, out) ? 0 : 2;
done:
	report_free(total);
	return (rc);
}

const struct cli_cmd cmd_sum = {
	.name = "sum",
	.summary = "cli.sum",
	.opts = opts,
	.operands = "cli.v_files",
	.min = 1,
	.max = -1,
	.run = sum_run,
};
