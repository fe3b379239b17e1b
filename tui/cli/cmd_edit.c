/*
 * nianbao [FILE]: the full-screen editor on FILE, which is created after
 * the editor asks for the organ and the year (or last year's report) when
 * it does not exist; without FILE the editor asks for one.
 */
#include "cli.h"

static int
edit_run(struct cli *c, const struct args *a)
{
	return (cli_editor(c, a->argc > 0 ? a->argv[0] : NULL, false));
}

const struct cli_cmd cmd_edit = {
	.name = NULL,
	.summary = "cli.edit",
	.operands = "cli.v_file_opt",
	.min = 0,
	.max = 1,
	.run = edit_run,
	.lazy_tpls = true,
};
