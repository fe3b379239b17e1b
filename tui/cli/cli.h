/*
 * What every subcommand of the nianbao command shares: the language and
 * messages, the loaded templates, and the helpers that report errors, load
 * and save reports and write results.  A subcommand is a function
 * `int cmd_NAME(struct cli *, int argc, char **argv)` (argv[0] is the
 * subcommand's name) returning the exit code: 0 done, 1 rule errors found
 * (check), 2 could not do it.  Each new subcommand lives in its own
 * tui/cli/cmd_NAME.c and is listed in main.c's command table.
 */
#ifndef NB_CLI_H
#define NB_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "i18n.h"
#include "report.h"
#include "tpl.h"

struct cli {
	enum lang	  lang;
	struct i18n	 *i18n;
	char		 *datadir;
	struct tpl	**tpls;
	size_t		  ntpls;
	int		  ambiguous;
};

/* Prints "nianbao: " + the message msgid with nargs string args to stderr. */
void		 cli_say(const struct cli *, const char *msgid, int nargs, ...);
/* Prints an error value ("path:line:col: message") to stderr. */
void		 cli_say_err(const struct cli *, const struct err *);
/* Says how to get help; returns 2. */
int		 cli_usage(const struct cli *);
/* Loads a report (NULL after saying why). */
struct report	*cli_load(const struct cli *, const char *path);
/* Saves a report atomically (false after saying why). */
bool		 cli_save(const struct cli *, const struct report *, const char *);
/* Writes text to out ("-" or NULL: stdout) atomically (false after saying
 * why). */
bool		 cli_emit(const struct cli *, const char *out, const char *text,
		    size_t len);

/* The subcommands that live in their own files. */
int		 cmd_check(struct cli *, int argc, char **argv);
int		 cmd_sum(struct cli *, int argc, char **argv);
int		 cmd_import(struct cli *, int argc, char **argv);
int		 cmd_print(struct cli *, int argc, char **argv);
int		 cmd_ledger(struct cli *, int argc, char **argv);

/* Prints the warnings about cells counted from a register (changed by
 * hand since, register changed): check's lines.  Returns how many. */
size_t		 cli_ledger_warnings(const struct cli *, const char *path,
		    const struct report *);

#endif
