/*
 * nianbao export [-f FORMAT] [-o OUT] FILE
 *
 * Writes the report in a publishable format through the export runner the
 * editor uses too (exporter.h): the text formats to OUT or to stdout
 * (cli_output), the others (docx, pdf) only to a file named with -o.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "exporter.h"

static const struct args_opt opts[] = {
	{ 'f', NULL, ARGS_STR, "cli.v_format", "cli.export.f", NULL },
	{ 'o', NULL, ARGS_STR, "cli.v_out", "cli.export.o", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

static int
export_run(struct cli *c, const struct args *a)
{
	const char		*fmt = args_get(a, "f", "txt");
	const char		*out = args_get(a, "o", NULL);
	bool			 to_stdout = out == NULL || strcmp(out, "-") == 0;
	enum exporter_fmt	 f;
	struct report		*r;
	struct err		 e = { 0 };
	char			*text;
	bool			 ok;

	if (!exporter_parse(fmt, &f)) {
		cli_say(c, "cli.bad_format", 1, fmt);
		return (2);
	}
	if ((r = cli_load(c, a->argv[0])) == NULL)
		return (2);
	if ((text = exporter_text(r, f, c->lang)) != NULL)
		ok = cli_output(c, out, text, strlen(text));
	else if (to_stdout) {
		cli_say(c, "cli.docx_needs_out", 0);
		ok = false;
	} else if (!(ok = exporter_write(r, f, c->lang, out, &e))) {
		cli_say_err(c, &e);
		err_clear(&e);
	}
	free(text);
	report_free(r);
	return (ok ? 0 : 2);
}

const struct cli_cmd cmd_export = {
	.name = "export",
	.summary = "cli.export",
	.opts = opts,
	.operands = "cli.v_file",
	.min = 1,
	.max = 1,
	.run = export_run,
};
