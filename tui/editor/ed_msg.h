/*
 * The message line and the words of the editor.  An action that has
 * something to say (saved, refused, why a value does not parse) sets the
 * message; the next key clears it; meanwhile the status line shows it in
 * place of the flags on the cell.  A message is a message id with string
 * arguments, formatted in the app's language.
 *
 * Also kept here: why the editor gave up (a->fatal), printed on stderr
 * once the terminal is restored.
 *
 * Owns a->msg, a->msg_style and a->fatal.
 */
#ifndef NB_ED_MSG_H
#define NB_ED_MSG_H

#include "ed_app.h"
#include "err.h"

/* Message msgid in the app's language.  Newly allocated; caller frees. */
char	*ed_msg_tr(const struct tui_app *, const char *msgid);

/* Sets the message line to msgid with nargs string arguments.  Returns
 * TUI_DIRTY_STATUS. */
unsigned ed_msg_set(struct tui_app *, enum style, const char *msgid,
	    int nargs, ...);
/* Sets it to an error value, in the user's language. */
unsigned ed_msg_err(struct tui_app *, const struct err *);
/* Sets it to text, already formatted (taken). */
unsigned ed_msg_take(struct tui_app *, enum style, char *text);
/* Clears it.  Returns TUI_DIRTY_STATUS when there was one, else 0. */
unsigned ed_msg_clear(struct tui_app *);

/* The editor gives up with why (taken; replaces an earlier one). */
void	 ed_msg_fatal(struct tui_app *, char *why);

void	 ed_msg_done(struct tui_app *);

#endif
