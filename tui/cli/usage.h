/*
 * Help and bad-usage messages of the nianbao command, made from the
 * command descriptors (cli.h), so that a new option or command appears in
 * them without another edit.  The synopsis of a command is built from its
 * option table: "nianbao export [-f txt|json|docx|pdf] [-o 输出] 文件".
 */
#ifndef NB_USAGE_H
#define NB_USAGE_H

#include <stddef.h>

#include "cli.h"

/* Prints `nianbao --help` to stdout: every command of cmds with what it
 * does, then the global options. */
void	usage_all(const struct cli *, const struct cli_cmd *const *cmds,
	    size_t ncmds);
/* Prints `nianbao CMD --help` to stdout: the synopsis, what it does, and
 * each option with its help line. */
void	usage_cmd(const struct cli *, const struct cli_cmd *);

/*
 * Says on stderr what is wrong with the command line of c->cmd (or of
 * nianbao itself when c->cmd is NULL): "nianbao CMD: " + the message
 * msgid, then the
 * synopsis and how to get help.  The message gets nargs (at most 3)
 * string arguments.  Returns 2, the exit code of bad usage.
 */
int	usage_fail(const struct cli *, const char *msgid, int nargs, ...);
/* usage_fail saying that c->cmd lacks operands (naming them). */
int	usage_missing(const struct cli *);
/* usage_fail for what args_parse refused. */
int	usage_refused(const struct cli *, const struct args_err *);

#endif
