/*
 * nianbao export [-f FORMAT] [-o OUT] [--strict] [--fonts DIR] FILE
 *
 * Writes the report in a publishable format through the runner the editor
 * uses too (publish.h over exporter.h): the text formats to OUT or to
 * stdout (cli_output), the others (docx, pdf) only to a file named with
 * -o.  The notes of an export (the counts of errors and warnings, fonts
 * substituted) go to stderr.  --strict refuses a report with errors
 * (exit 1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "exporter.h"
#include "publish.h"

static const struct args_opt opts[] = {
	{ 'f', NULL, ARGS_STR, "cli.v_format", "cli.export.f", NULL },
	{ 'o', NULL, ARGS_STR, "cli.v_out", "cli.export.o", NULL },
	{ 0, "strict", ARGS_FLAG, NULL, "cli.export.strict", NULL },
	{ 0, "fonts", ARGS_STR, "cli.v_fontdir", "cli.export.fonts", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

/* To stdout: the text formats only; 0, 1 (--strict) or 2. */
static int
export_stdout(struct cli *c, const struct report *r, enum exporter_fmt f,
    const struct publish_opts *po, struct publish_notes *notes,
    struct err *e)
{
	char	*text;
	int	 rc;

	if (!publish_allowed(r, po, e))
		return (1);
	if ((text = exporter_text(r, f, c->lang)) == NULL) {
		cli_say(c, "cli.docx_needs_out", 0);
		return (2);
	}
	rc = cli_output(c, NULL, text, strlen(text)) ? 0 : 2;
	if (rc == 0)
		publish_note_counts(r, c->i18n, notes);
	free(text);
	return (rc);
}

static int
export_run(struct cli *c, const struct args *a)
{
	const char		*fmt = args_get(a, "f", "txt");
	const char		*out = args_get(a, "o", NULL);
	struct publish_opts	 po = { args_has(a, "strict"),
				    args_get(a, "fonts", NULL) };
	struct publish_notes	 notes = { NULL, 0, NULL };
	enum exporter_fmt	 f;
	struct report		*r;
	struct err		 e = { 0 };
	size_t			 k;
	int			 rc;

	if (!exporter_parse(fmt, &f)) {
		cli_say(c, "cli.bad_format", 1, fmt);
		return (2);
	}
	if ((r = cli_load(c, a->argv[0])) == NULL)
		return (2);
	if (out == NULL || strcmp(out, "-") == 0)
		rc = export_stdout(c, r, f, &po, &notes, &e);
	else if (!publish_write(r, f, c->lang, out, &po, c->i18n, &notes,
	    &e))
		rc = strcmp(e.msgid, "export.strict") == 0 ? 1 : 2;
	else
		rc = 0;
	for (k = 0; k < notes.n; k++)
		fprintf(stderr, "nianbao: %s\n", notes.v[k]);
	if (rc != 0 && e.msgid != NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
	}
	publish_notes_free(&notes);
	report_free(r);
	return (rc);
}

const struct cli_cmd cmd_export = {
	.name = "export",
	.summary = "cli.export",
	.opts = opts,
	.operands = "cli.v_file",
	.min = 1,
	.max = 1,
	.run = export_run,
	.lazy_tpls = true,
};
