/*
 * nianbao template show ID [--json]: every section and cell of a
 * template, as text for a clerk looking for a cell's id, or as JSON for
 * other tools.  "show" is the only thing done with a template so far; it
 * is a word of its own so that others can join it.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "sbuf.h"
#include "usage.h"

static const struct args_opt opts[] = {
	{ 0, "json", ARGS_FLAG, NULL, "cli.template.json", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

/* A cell type's name in the JSON. */
static const char *
type_name(const struct tpl_type *ty)
{
	switch (ty->kind) {
	case NUM_SIGNED:
		return ("signed");
	case NUM_MONEY:
		return ("money");
	default:
		return ("count");
	}
}

/* The template as JSON: the contract for other tools. */
static bool
show_json(struct cli *c, const struct tpl *t)
{
	struct sbuf	b;
	size_t		i;
	bool		ok;

	sbuf_init(&b);
	sbuf_adds(&b, "{\n  \"id\": ");
	json_str(&b, t->id);
	sbuf_adds(&b, ",\n  \"name\": ");
	json_str(&b, tpl_label(&t->name, c->lang));
	sbuf_addf(&b, ",\n  \"year_from\": %d,\n  \"year_to\": ", t->year_from);
	if (t->year_to)
		sbuf_addf(&b, "%d", t->year_to);
	else
		sbuf_adds(&b, "null");
	sbuf_adds(&b, ",\n  \"sections\": [");
	/* In printed order: the 前言 (kind "preface") before 一. */
	for (i = 0; i < t->nsections; i++) {
		const struct tpl_section *s = &t->sections[tpl_printed(t, i)];
		sbuf_adds(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_str(&b, s->id);
		sbuf_adds(&b, ", \"number\": ");
		json_str(&b, s->number);
		sbuf_adds(&b, ", \"title\": ");
		json_str(&b, tpl_label(&s->title, c->lang));
		sbuf_addf(&b, ", \"kind\": \"%s\"}", s->preface ? "preface" :
		    s->kind == TPL_NARRATIVE ? "narrative" : "tables");
	}
	sbuf_adds(&b, "\n  ],\n  \"cells\": [");
	for (i = 0; i < t->ncells; i++) {
		const struct tpl_cell *cl = &t->cells[i];
		const struct tpl_block *bl = &t->blocks[cl->block];
		sbuf_adds(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_str(&b, cl->id);
		sbuf_adds(&b, ", \"section\": ");
		json_str(&b, t->sections[t->tables[bl->table].section].id);
		sbuf_adds(&b, ", \"table\": ");
		json_str(&b, t->tables[bl->table].id);
		sbuf_adds(&b, ", \"row_label\": ");
		json_str(&b, cl->row_path[c->lang]);
		sbuf_adds(&b, ", \"col_label\": ");
		json_str(&b, cl->col_path[c->lang]);
		sbuf_addf(&b, ", \"input\": %s, \"type\": \"%s\"",
		    cl->formula < 0 ? "true" : "false", type_name(&cl->type));
		if (cl->type.kind == NUM_MONEY)
			sbuf_addf(&b, ", \"decimals\": %d", cl->type.decimals);
		if (cl->type.unit.s[0] != NULL) {
			sbuf_adds(&b, ", \"unit\": ");
			json_str(&b, tpl_label(&cl->type.unit, c->lang));
		}
		sbuf_adds(&b, "}");
	}
	sbuf_adds(&b, "\n  ]\n}\n");
	ok = cli_output(c, NULL, b.s, b.len);
	sbuf_done(&b);
	return (ok);
}

/* The template for a person: every section, and every cell's id and
 * labels, "(=)" marking the computed ones. */
static void
show_text(const struct cli *c, const struct tpl *t)
{
	size_t	i;
	int	k;

	printf("%s  %s（%s）\n", t->id, tpl_label(&t->name, c->lang),
	    tpl_label(&t->basis, c->lang));
	for (i = 0; i < t->nsections; i++) {
		const struct tpl_section *s = &t->sections[tpl_printed(t, i)];
		printf("\n%s %s%s%s\n", s->id, s->number, s->preface ? "" :
		    "、", tpl_label(&s->title, c->lang));
		for (k = 0; k < s->ntables; k++) {
			const struct tpl_table *tb =
			    &t->tables[s->first_table + k];
			int bi;
			for (bi = tb->first_block;
			    bi < tb->first_block + tb->nblocks; bi++) {
				const struct tpl_block *b = &t->blocks[bi];
				size_t ci;
				for (ci = 0; ci < b->nrows * b->ncols; ci++) {
					const struct tpl_cell *cl =
					    &t->cells[b->first_cell + ci];
					printf("  %-28s %s%s%s%s\n", cl->id,
					    cl->row_path[c->lang],
					    *cl->row_path[c->lang] ? " / " : "",
					    cl->col_path[c->lang],
					    cl->formula >= 0 ? "  (=)" : "");
				}
			}
		}
	}
}

static int
template_run(struct cli *c, const struct args *a)
{
	const struct tpl	*t;

	if (strcmp(a->argv[0], "show") != 0)
		return (usage_fail(c, "cli.template.not_show", 1, a->argv[0]));
	if (!cli_need_template(c, a->argv[1]))
		return (2);
	if ((t = tpl_by_id(c->tpls, c->ntpls, a->argv[1])) == NULL) {
		cli_say(c, "cli.unknown_template", 1, a->argv[1]);
		return (2);
	}
	if (args_has(a, "json"))
		return (show_json(c, t) ? 0 : 2);
	show_text(c, t);
	return (0);
}

const struct cli_cmd cmd_template = {
	.name = "template",
	.summary = "cli.template",
	.opts = opts,
	.operands = "cli.v_template_show",
	.min = 2,
	.max = 2,
	.run = template_run,
	.lazy_tpls = true,
};
