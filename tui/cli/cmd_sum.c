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
#include "xmalloc.h"
#include "year.h"

int
cmd_sum(struct cli *c, int argc, char **argv)
{
	const char	*out = NULL, *organ = NULL;
	struct report	*r, *total = NULL;
	struct err	 e = { 0 };
	struct stat	 st;
	char		*name, *text;
	int		 year = 0, rc = 2, k, nfiles = 0;

	for (k = 1; k < argc; k++) {
		if (strcmp(argv[k], "-o") == 0 && k + 1 < argc)
			out = argv[++k];
		else if (strcmp(argv[k], "--organ") == 0 && k + 1 < argc)
			organ = argv[++k];
		else if (strcmp(argv[k], "--year") == 0 && k + 1 < argc) {
			if (!year_parse(argv[++k], &year)) {
				cli_say(c, "cli.bad_year", 1, argv[k]);
				return (2);
			}
		}
		else if (argv[k][0] == '-')
			return (cli_usage(c));
		else
			nfiles++;
	}
	if (nfiles == 0)
		return (cli_usage(c));
	if (out != NULL && lstat(out, &st) == 0) {
		cli_say(c, "cli.file_exists", 1, out);
		return (2);
	}
	for (k = 1; k < argc; k++) {
		if (argv[k][0] == '-') {
			k++;
			continue;
		}
		if ((r = import_load(argv[k], c->tpls, c->ntpls, NULL,
		    &e)) == NULL) {
			cli_say_err(c, &e);
			err_clear(&e);
			goto done;
		}
		if (total == NULL)
			total = sum_new(r);
		name = xasprintf("%s %d (%s)", report_organ(r), report_year(r),
		    argv[k]);
		if (!sum_add(total, r, name, &e)) {
			cli_say_err(c, &e);
			err_clear(&e);
			free(name);
			report_free(r);
			goto done;
		}
		free(name);
		report_free(r);
	}
	if (organ != NULL)
		report_set_organ(total, organ);
	if (year > 0 && year != report_year(total)) {
		cli_say(c, "sum.year_differs", 0);
		goto done;
	}
	if (out != NULL)
		rc = cli_save(c, total, out) ? 0 : 2;
	else {
		text = store_dump(total);
		rc = cli_emit(c, NULL, text, strlen(text)) ? 0 : 2;
		free(text);
	}
done:
	report_free(total);
	return (rc);
}
