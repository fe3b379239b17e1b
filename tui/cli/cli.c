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
#include <unistd.h>

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

/* Adds t to c->tpls unless a template of its id is there (then frees it). */
static void
add_tpl(struct cli *c, struct tpl *t)
{
	if (tpl_by_id(c->tpls, c->ntpls, t->id) != NULL) {
		tpl_free(t);
		return;
	}
	c->tpls = xreallocarray(c->tpls, c->ntpls + 1, sizeof *c->tpls);
	c->tpls[c->ntpls++] = t;
}

bool
cli_load_templates(struct cli *c)
{
	struct errlist	 errs;
	struct tpl	**v = NULL;
	char		*dir;
	size_t		 i, n;

	if (c->all_tpls)
		return (c->ntpls > 0);
	c->all_tpls = true;
	dir = xasprintf("%s/templates", c->datadir);
	errlist_init(&errs);
	n = tpl_load_dir(dir, &v, &errs);
	for (i = 0; i < n; i++)
		add_tpl(c, v[i]);
	free(v);
	for (i = 0; i < errs.n; i++)
		cli_say_err(c, &errs.v[i]);
	errlist_done(&errs);
	free(dir);
	if (c->ntpls > 0)
		return (true);
	cli_say(c, "cli.no_templates", 1, c->datadir);
	return (false);
}

bool
cli_need_template(struct cli *c, const char *id)
{
	struct errlist	 errs;
	struct tpl	*t;
	char		*path;

	if (tpl_by_id(c->tpls, c->ntpls, id) != NULL)
		return (true);
	if (c->all_tpls || *id == '\0' || *id == '.' ||
	    strchr(id, '/') != NULL)
		return (cli_load_templates(c));
	/* templates/<id>.yaml by convention; anything else: all of them. */
	path = xasprintf("%s/templates/%s.yaml", c->datadir, id);
	errlist_init(&errs);
	t = access(path, R_OK) == 0 ? tpl_load(path, &errs) : NULL;
	errlist_done(&errs);
	free(path);
	if (t != NULL)
		add_tpl(c, t);
	if (tpl_by_id(c->tpls, c->ntpls, id) != NULL)
		return (true);
	return (cli_load_templates(c));
}

/*
 * The template id a report file names on its top-level `template:` line,
 * or NULL (newly allocated; caller frees).  A cheap look, not a parse:
 * when it is wrong or finds nothing, the caller loads every template and
 * store_load says what is wrong with the file.
 */
static char *
peek_template(const char *path)
{
	struct err	 e = { 0 };
	char		*text, *p, *id = NULL;
	size_t		 len, n;

	if ((text = fsio_read_file(path, 1 << 20, &len, &e)) == NULL) {
		err_clear(&e);
		return (NULL);
	}
	for (p = text; p != NULL && id == NULL; p = strchr(p, '\n')) {
		p += *p == '\n';
		if (strncmp(p, "template:", 9) != 0)
			continue;
		p += 9 + strspn(p + 9, " \t\"'");
		n = strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
		if (n > 0)
			id = xstrndup(p, n);
	}
	free(text);
	return (id);
}

bool
cli_need_templates_for(struct cli *c, const char *path)
{
	char	*id;
	bool	 ok;

	if (c->all_tpls)
		return (c->ntpls > 0);
	if ((id = peek_template(path)) == NULL)
		return (cli_load_templates(c));
	ok = cli_need_template(c, id);
	free(id);
	return (ok);
}

bool
cli_retry_all(struct cli *c, struct err *e)
{
	if (e->msgid == NULL || strcmp(e->msgid, "store.unknown_template") ||
	    c->all_tpls || !cli_load_templates(c))
		return (false);
	err_clear(e);
	return (true);
}

struct report *
cli_load(struct cli *c, const char *path)
{
	struct err	 e = { 0 };
	struct report	*r;

	if (!cli_need_templates_for(c, path))
		return (NULL);
	r = store_load(path, c->tpls, c->ntpls, &e);
	if (r == NULL && cli_retry_all(c, &e))
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

/* editor_opts.all_tpls: every template, said as cli_load_templates. */
static bool
editor_all_tpls(void *ctx, struct tpl *const **tpls, size_t *n)
{
	struct cli	*c = ctx;
	bool		 ok = cli_load_templates(c);

	*tpls = c->tpls;
	*n = c->ntpls;
	return (ok);
}

int
cli_editor(struct cli *c, const char *path, bool preview)
{
	struct editor_opts	eo;

	c->terminal = true;
	/* An existing report: its own template only, the others when the
	 * editor needs them (issue 11: the first screen in under 50 ms). */
	if (path != NULL && access(path, F_OK) == 0 ?
	    !cli_need_templates_for(c, path) : !cli_load_templates(c))
		return (2);
	memset(&eo, 0, sizeof eo);
	eo.path = path;
	eo.tpls = c->tpls;
	eo.ntpls = c->ntpls;
	if (!c->all_tpls) {
		eo.all_tpls = editor_all_tpls;
		eo.all_ctx = c;
	}
	eo.i18n = c->i18n;
	eo.lang = c->lang;
	eo.ambiguous = c->ambiguous;
	eo.preview = preview;
	return (editor_run(&eo));
}
