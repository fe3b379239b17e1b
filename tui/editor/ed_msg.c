/*
 * The message line (see ed_msg.h): one string and its style in the app,
 * replaced whole by each message.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "ed_msg.h"

char *
ed_msg_tr(const struct tui_app *a, const char *msgid)
{
	return (i18n_fmt0(a->i18n, msgid));
}

unsigned
ed_msg_take(struct tui_app *a, enum style st, char *text)
{
	free(a->msg);
	a->msg = text;
	a->msg_style = st;
	return (TUI_DIRTY_STATUS);
}

unsigned
ed_msg_set(struct tui_app *a, enum style st, const char *msgid, int nargs,
    ...)
{
	const char	*args[ERR_MAXARGS] = { NULL };
	va_list		 ap;
	int		 i;

	va_start(ap, nargs);
	for (i = 0; i < nargs && i < ERR_MAXARGS; i++)
		args[i] = va_arg(ap, const char *);
	va_end(ap);
	return (ed_msg_take(a, st, i18n_fmt(a->i18n, msgid, i, args)));
}

unsigned
ed_msg_err(struct tui_app *a, const struct err *e)
{
	return (ed_msg_take(a, ST_MSG_ERROR, i18n_err(a->i18n, e)));
}

unsigned
ed_msg_clear(struct tui_app *a)
{
	if (a->msg == NULL)
		return (0);
	free(a->msg);
	a->msg = NULL;
	return (TUI_DIRTY_STATUS);
}

void
ed_msg_fatal(struct tui_app *a, char *why)
{
	free(a->fatal);
	a->fatal = why;
}

void
ed_msg_done(struct tui_app *a)
{
	free(a->msg);
	free(a->fatal);
	a->msg = a->fatal = NULL;
}
