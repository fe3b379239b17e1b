/*
 * Help and bad-usage messages (see usage.h).  Everything is built from the
 * descriptors: a command's synopsis is "nianbao NAME", then "[FORM]" for
 * each option, then its operands, where FORM is "-o 输出", "--json" or
 * "--ambiguous 1|2" (opt_form).  Help lines are padded by display width
 * (text.h), so Chinese placeholders line up.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sbuf.h"
#include "text.h"
#include "usage.h"
#include "xmalloc.h"

#define HELP_INDENT	2
#define HELP_GAP	3

static bool
opt_end(const struct args_opt *o)
{
	return (o == NULL || (o->letter == 0 && o->name == NULL));
}

/* "-o 输出", "--organ 机关", "-h, --help", "--ambiguous 1|2". */
static void
opt_form(const struct cli *c, const struct args_opt *o, struct sbuf *b)
{
	char	*v;

	if (o->letter != 0)
		sbuf_addf(b, "-%c", o->letter);
	if (o->letter != 0 && o->name != NULL)
		sbuf_adds(b, ", ");
	if (o->name != NULL)
		sbuf_addf(b, "--%s", o->name);
	if (o->type == ARGS_FLAG)
		return;
	if (o->type == ARGS_CHOICE) {
		sbuf_addf(b, " %s", o->choices);
		return;
	}
	v = i18n_fmt0(c->i18n, o->value);
	sbuf_addf(b, " %s", v);
	free(v);
}

/* "nianbao export [-f txt|json|docx|pdf] [-o 输出] 文件".  Newly
 * allocated. */
static char *
synopsis(const struct cli *c, const struct cli_cmd *cmd)
{
	const struct args_opt	*o;
	struct sbuf		 b;
	char			*s;

	sbuf_init(&b);
	sbuf_adds(&b, "nianbao");
	if (cmd->name != NULL)
		sbuf_addf(&b, " %s", cmd->name);
	for (o = cmd->opts; !opt_end(o); o++) {
		sbuf_adds(&b, " [");
		opt_form(c, o, &b);
		sbuf_adds(&b, "]");
	}
	if (cmd->operands != NULL) {
		s = i18n_fmt0(c->i18n, cmd->operands);
		sbuf_addf(&b, " %s", s);
		free(s);
	}
	return (sbuf_take(&b));
}

/* Appends msgid's text with every line indented by n spaces (empty
 * lines stay empty). */
static void
add_indented(const struct cli *c, struct sbuf *b, const char *msgid, int n)
{
	char	*s = i18n_fmt0(c->i18n, msgid), *line = s, *nl;

	for (; line != NULL; line = nl != NULL ? nl + 1 : NULL) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		sbuf_addf(b, "%*s%s\n", *line != '\0' ? n : 0, "", line);
	}
	free(s);
}

/* The lines "  FORM   help" of a table, forms padded to cols. */
static void
add_options(const struct cli *c, struct sbuf *b, const struct args_opt *t,
    int cols)
{
	struct text_opts	 to = { c->ambiguous };
	struct sbuf		 f;
	char			*pad, *h;

	for (; !opt_end(t); t++) {
		sbuf_init(&f);
		opt_form(c, t, &f);
		pad = text_pad(f.s, f.len, cols, -1, &to);
		h = i18n_fmt0(c->i18n, t->help);
		sbuf_addf(b, "%*s%s%*s%s\n", HELP_INDENT, "", pad, HELP_GAP,
		    "", h);
		free(h);
		free(pad);
		sbuf_done(&f);
	}
}

/* The widest option form of a table, in columns. */
static int
forms_width(const struct cli *c, const struct args_opt *t, int w)
{
	struct text_opts	to = { c->ambiguous };
	struct sbuf		f;
	int			n;

	for (; !opt_end(t); t++) {
		sbuf_init(&f);
		opt_form(c, t, &f);
		if ((n = text_width(f.s, f.len, &to)) > w)
			w = n;
		sbuf_done(&f);
	}
	return (w);
}

void
usage_all(const struct cli *c, const struct cli_cmd *const *cmds,
    size_t ncmds)
{
	struct sbuf	 b;
	char		*s;
	size_t		 i;

	sbuf_init(&b);
	add_indented(c, &b, "cli.help_title", 0);
	for (i = 0; i < ncmds; i++) {
		s = synopsis(c, cmds[i]);
		sbuf_addf(&b, "%*s%s\n", HELP_INDENT, "", s);
		free(s);
		add_indented(c, &b, cmds[i]->summary, 3 * HELP_INDENT);
	}
	sbuf_addf(&b, "%*snianbao --help | --version\n\n", HELP_INDENT, "");
	add_indented(c, &b, "cli.help_globals", 0);
	add_options(c, &b, cli_globals, forms_width(c, cli_globals, 0));
	add_indented(c, &b, "cli.help_footer", 0);
	fputs(b.s, stdout);
	sbuf_done(&b);
}

void
usage_cmd(const struct cli *c, const struct cli_cmd *cmd)
{
	struct sbuf	 b;
	char		*s = synopsis(c, cmd), *u;
	int		 w = forms_width(c, cli_globals, forms_width(c,
			    cmd->opts, 0));

	sbuf_init(&b);
	u = i18n_fmt1(c->i18n, "cli.usage_line", s);
	sbuf_addf(&b, "%s\n", u);
	add_indented(c, &b, cmd->summary, 0);
	if (!opt_end(cmd->opts)) {
		sbuf_adds(&b, "\n");
		add_indented(c, &b, "cli.help_options", 0);
		add_options(c, &b, cmd->opts, w);
	}
	sbuf_adds(&b, "\n");
	add_indented(c, &b, "cli.help_globals", 0);
	add_options(c, &b, cli_globals, w);
	fputs(b.s, stdout);
	sbuf_done(&b);
	free(u);
	free(s);
}

int
usage_fail(const struct cli *c, const char *msgid, int nargs, ...)
{
	const char	*args[3] = { NULL, NULL, NULL };
	char		*msg, *syn = NULL, *line = NULL, *hint, *prog;
	va_list		 ap;
	int		 i;

	va_start(ap, nargs);
	for (i = 0; i < nargs && i < 3; i++)
		args[i] = va_arg(ap, const char *);
	va_end(ap);
	prog = c->cmd != NULL && c->cmd->name != NULL ?
	    xasprintf("nianbao %s", c->cmd->name) : xstrdup("nianbao");
	msg = i18n_fmt(c->i18n, msgid, nargs, args);
	hint = i18n_fmt1(c->i18n, "cli.help_hint", prog);
	fprintf(stderr, "%s: %s\n", prog, msg);
	if (c->cmd != NULL) {
		syn = synopsis(c, c->cmd);
		line = i18n_fmt1(c->i18n, "cli.usage_line", syn);
		fprintf(stderr, "%s\n", line);
	}
	fprintf(stderr, "%s\n", hint);
	free(msg);
	free(syn);
	free(line);
	free(hint);
	free(prog);
	return (2);
}

int
usage_missing(const struct cli *c)
{
	char	*s = i18n_fmt0(c->i18n, c->cmd->operands);
	int	 rc = usage_fail(c, "cli.missing_operand", 1, s);

	free(s);
	return (rc);
}

int
usage_refused(const struct cli *c, const struct args_err *e)
{
	char	*v;
	int	 rc;

	switch (e->kind) {
	case ARGS_NEEDS_VALUE:
		v = e->opt->type == ARGS_CHOICE ? xstrdup(e->opt->choices) :
		    i18n_fmt0(c->i18n, e->opt->value);
		rc = usage_fail(c, "cli.needs_value", 2, e->text, v);
		free(v);
		return (rc);
	case ARGS_NO_VALUE:
		return (usage_fail(c, "cli.no_value", 1, e->text));
	case ARGS_BAD_VALUE:
		if (e->opt->type == ARGS_YEAR)
			return (usage_fail(c, "cli.bad_year", 1, e->value));
		if (e->opt->type == ARGS_CHOICE)
			return (usage_fail(c, "cli.bad_choice", 3, e->text,
			    e->value, e->opt->choices));
		return (usage_fail(c, "cli.bad_count", 2, e->text, e->value));
	default:
		return (usage_fail(c, "cli.unknown_option", 1, e->text));
	}
}
