/*
 * What the subcommands share (see cli.h): the global options, messages on
 * stderr, loading and saving reports, and the one output path.  stdout
 * errors are told once: cli_output says the first, and cli_finish only
 * speaks when nothing was said yet.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "editor.h"
#include "tpl_load.h"
#include "fsio.h"
#include "store.h"
#include "xmalloc.h"

const struct args_opt cli_globals[] = {
	{ 0, "lang", ARGS_STR, "cli.v_lang", "cli.opt_lang", NULL },
	{ 0, "ambiguous", ARGS_CHOICE, NULL, "cli.opt_ambiguous", "1|2" },
	{ 'h', "help", ARGS_FLAG, NULL, "cli.opt_help", NULL },
	{ 0, "version", ARGS_FLAG, NULL, "cli.opt_version", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

void
cli_say(const struct cli *c, const char *msgid, int nargs, ...)
{
	const char	*args[4] = { NULL, NULL, NULL, NULL };
	va_list		 ap;
	char		*s;
	int		 i;

	va_start(ap, nargs);
	for (i = 0; i < nargs && i < 4; i++)
		args[i] = va_arg(ap, const char *);
	va_end(ap);
	s = i18n_fmt(c->i18n, msgid, nargs, args);
	fprintf(stderr, "nianbao: %s\n", s);
	free(s);
}

void
cli_say_err(const struct cli *c, const struct err *e)
{
	char	*s = i18n_err(c->i18n, e);

	fprintf(stderr, "nianbao: %s\n", s);
	free(s);
}

bool
cli_load_templates(struct cli *c)
{
	struct errlist	 errs;
	char		*dir = xasprintf("%s/templates", c->datadir);
	size_t		 i;

	errlist_init(&errs);
	c->ntpls = tpl_load_dir(dir, &c->tpls, &errs);
	for (i = 0; i < errs.n; i++)
		cli_say_err(c, &errs.v[i]);
	errlist_done(&errs);
	free(dir);
	if (c->ntpls > 0)
		return (true);
	cli_say(c, "cli.no_templates", 1, c->datadir);
	return (false);
}

struct report *
cli_load(const struct cli *c, const char *path)
{
	struct err	 e = { 0 };
	struct report	*r;

	r = store_load(path, c->tpls, c->ntpls, &e);
	if (r == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
	}
	return (r);
}

bool
cli_save(const struct cli *c, const struct report *r, const char *path)
{
	struct err	e = { 0 };

	if (store_save(r, path, &e))
		return (true);
	cli_say_err(c, &e);
	err_clear(&e);
	return (false);
}

/* Says that stdout could not be written (errno e), once. */
static void
stdout_failed(struct cli *c, int e)
{
	struct err	te = { 0 };

	if (c->stdout_said)
		return;
	c->stdout_said = true;
	if (fsio_toobig(&te, NULL, "cli.stdout_toobig", e)) {
		cli_say_err(c, &te);
		err_clear(&te);
	} else
		cli_say(c, "cli.stdout", 1, strerror(e != 0 ? e : EIO));
}

bool
cli_output(struct cli *c, const char *out, const char *text, size_t len)
{
	struct err	e = { 0 };

	if (out == NULL || strcmp(out, "-") == 0) {
		errno = 0;
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout)) {
			stdout_failed(c, errno);
			return (false);
		}
		return (true);
	}
	if (fsio_write_atomic(out, text, len, 0644, &e))
		return (true);
	cli_say_err(c, &e);
	err_clear(&e);
	return (false);
}

bool
cli_output_report(struct cli *c, const struct report *r, const char *out)
{
	char	*text = store_dump(r);
	bool	 ok = cli_output(c, out, text, strlen(text));

	free(text);
	return (ok);
}

int
cli_finish(struct cli *c, int rc)
{
	if (c->terminal)
		return (rc);
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return (rc);
	stdout_failed(c, errno);
	return (2);
}

int
cli_editor(struct cli *c, const char *path, bool preview)
{
	struct editor_opts	eo;

	c->terminal = true;
	memset(&eo, 0, sizeof eo);
	eo.path = path;
	eo.tpls = c->tpls;
	eo.ntpls = c->ntpls;
	eo.i18n = c->i18n;
	eo.lang = c->lang;
	eo.ambiguous = c->ambiguous;
	eo.preview = preview;
	return (editor_run(&eo));
}
