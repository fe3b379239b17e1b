/* Helpers shared by the subcommands; see cli.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fsio.h"
#include "store.h"



/* Prints a message to stderr: "nianbao: " + the formatted msgid. */
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

int
cli_usage(const struct cli *c)
{
	cli_say(c, "cli.usage_hint", 0);
	return (2);
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

/* Writes text to out ("-" or NULL: stdout) atomically. */
bool
cli_emit(const struct cli *c, const char *out, const char *text, size_t len)
{
	struct err	e = { 0 };

	if (out == NULL || strcmp(out, "-") == 0) {
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout)) {
			cli_say(c, "cli.stdout", 1, strerror(errno));
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

