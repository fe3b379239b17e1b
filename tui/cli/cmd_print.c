/*
 * nianbao print [-P PRINTER] [-n COPIES] [--fonts DIR] FILE
 *
 * Prints the report on a CUPS printer (print.h): the pages of its PDF,
 * two-sided along the long edge, on A4.  Without -P the default printer.
 * Says which printer got the job and the fonts substituted; with no
 * printer configured, says so and how to make the PDF instead (exit 2).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "print.h"
#include "publish.h"

int
cmd_print(struct cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "fonts", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	struct print_opts	 po = { NULL, 1, NULL };
	struct fontmap		 fm;
	struct err		 e = { 0 };
	struct report		*r;
	char			*printer = NULL, job[16], copies[16], *end;
	const char		*args[3];
	size_t			 i;
	int			 ch, id;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "+P:n:", longopts, NULL)) != -1)
		switch (ch) {
		case 'P':
			po.printer = optarg;
			break;
		case 'n':
			po.copies = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || po.copies < 1 || po.copies > 99) {
				cli_say(c, "print.bad_copies", 1, optarg);
				return (2);
			}
			break;
		case 'F':
			po.fontdir = optarg;
			break;
		default:
			return (cli_usage(c));
		}
	if (optind + 1 != argc)
		return (cli_usage(c));
	if ((r = cli_load(c, argv[optind])) == NULL)
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
