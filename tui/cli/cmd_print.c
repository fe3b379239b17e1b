/*
 * nianbao print [-P PRINTER] [-n COPIES] [--fonts DIR] FILE
 *
 * Prints the report on a CUPS printer (print.h): the pages of its PDF,
 * two-sided along the long edge, on A4.  Without -P the default printer.
 * Says which printer got the job and the fonts substituted; with no
 * printer configured, says so and how to make the PDF instead (exit 2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "print.h"
#include "publish.h"

static const struct args_opt opts[] = {
	{ 'P', NULL, ARGS_STR, "cli.v_printer", "cli.print.P", NULL },
	{ 'n', NULL, ARGS_COUNT, "cli.v_copies", "cli.print.n", NULL },
	{ 0, "fonts", ARGS_STR, "cli.v_fontdir", "cli.export.fonts", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

static int
print_run(struct cli *c, const struct args *a)
{
	struct print_opts	 po = { NULL, 1, NULL };
	struct fontmap		 fm;
	struct err		 e = { 0 };
	struct report		*r;
	char			*printer = NULL, job[16], copies[16];
	const char		*args[3];
	size_t			 i;
	int			 id;

	po.printer = args_get(a, "P", NULL);
	po.fontdir = args_get(a, "fonts", NULL);
	po.copies = args_int(a, "n", 1);
	if (po.copies < 1 || po.copies > 99) {
		cli_say(c, "print.bad_copies", 1, args_get(a, "n", ""));
		return (2);
	}
	if ((r = cli_load(c, a->argv[0])) == NULL)
		return (2);
	id = print_report(r, &po, &printer, &fm, &e);
	for (i = 0; i < fm.nsubs; i++) {
		args[0] = fm.subs[i].official;
		args[1] = fm.subs[i].used;
		args[2] = fm.subs[i].package;
		cli_say(c, fm.subs[i].present ? "pdf.font_sub" :
		    "pdf.font_missing", 3, args[0], args[1], args[2]);
	}
	fontmap_done(&fm);
	if (id > 0) {
		snprintf(job, sizeof job, "%d", id);
		snprintf(copies, sizeof copies, "%d", po.copies);
		cli_say(c, "print.sent", 3, printer, job, copies);
	} else {
		cli_say_err(c, &e);
		err_clear(&e);
	}
	free(printer);
	report_free(r);
	return (id > 0 ? 0 : 2);
}

const struct cli_cmd cmd_print = {
	.name = "print",
	.summary = "cli.print",
	.opts = opts,
	.operands = "cli.v_file",
	.min = 1,
	.max = 1,
	.run = print_run,
	.lazy_tpls = true,
};
