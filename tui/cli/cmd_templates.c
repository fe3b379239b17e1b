/*
 * nianbao templates: one line per installed template, its id, the years
 * it applies to, its name and the document that set it.
 */
#include <stdio.h>

#include "cli.h"

static int
templates_run(struct cli *c, const struct args *a)
{
	size_t	i;
	char	to[16];

	(void)a;
	for (i = 0; i < c->ntpls; i++) {
		const struct tpl *t = c->tpls[i];
		if (t->year_to)
			snprintf(to, sizeof to, "%d", t->year_to);
		else
			to[0] = '\0';
		printf("%-18s %d–%-5s %s（%s）\n", t->id, t->year_from, to,
		    tpl_label(&t->name, c->lang),
		    tpl_label(&t->basis, c->lang));
	}
	return (0);
}

const struct cli_cmd cmd_templates = {
	.name = "templates",
	.summary = "cli.templates",
	.min = 0,
	.max = 0,
	.run = templates_run,
};
