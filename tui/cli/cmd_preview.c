/*
 * nianbao preview [--plain|--starts] FILE: the print preview of the
 * editor, or with --plain its pages as text on stdout, form feeds between
 * them; with --starts what each page begins with, a line a page.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "layout.h"
#include "text.h"

static const struct args_opt opts[] = {
	{ 0, "plain", ARGS_FLAG, NULL, "cli.preview.plain", NULL },
	{ 0, "starts", ARGS_FLAG, NULL, "cli.preview.starts", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

static int
preview_run(struct cli *c, const struct args *a)
{
	struct text_opts	 o = { c->ambiguous };
	struct report		*r;
	struct layout		*l;
	char			*text;
	bool			 ok;

	if (!args_has(a, "plain") && !args_has(a, "starts"))
		return (cli_editor(c, a->argv[0], true));
	if ((r = cli_load(c, a->argv[0])) == NULL)
		return (2);
	l = layout_build(r, c->lang, &o);
	text = args_has(a, "starts") ? layout_starts(l) : layout_plain(l);
	ok = cli_output(c, NULL, text, strlen(text));
	free(text);
	layout_free(l);
	report_free(r);
	return (ok ? 0 : 2);
}

const struct cli_cmd cmd_preview = {
	.name = "preview",
	.summary = "cli.preview",
	.opts = opts,
	.operands = "cli.v_file",
	.min = 1,
	.max = 1,
	.run = preview_run,
	.lazy_tpls = true,
};
