/*
 * The nianbao command's entry: it only dispatches.  It reads the global
 * options before the command word (`nianbao --lang en check …`), finds
 * the command among CLI_COMMANDS (any other first word is the file the
 * editor opens), reads the command's options with args_parse, and then
 * either prints help, says what is wrong with the command line, or loads
 * the templates and runs the command (see cli.h).  Both parses finish
 * before anything is said, so that a --lang anywhere on the line chooses
 * the language of every message.
 *
 * Adding a command: write tui/cli/cmd_NAME.c defining
 * `const struct cli_cmd cmd_NAME` and add X(NAME) to CLI_COMMANDS.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "text.h"
#include "tpl.h"
#include "usage.h"
#include "xmalloc.h"

/* The commands, in the order `nianbao --help` lists them; edit is the
 * editor (nianbao [FILE]), which has no command word. */
#define CLI_COMMANDS(X)	\
	X(edit)		\
	X(new)		\
	X(set)		\
	X(check)	\
	X(export)	\
	X(import)	\
	X(ledger)	\
	X(sum)		\
	X(preview)	\
	X(print)	\
	X(templates)	\
	X(template)

#define CLI_DECLARE(n)	extern const struct cli_cmd cmd_##n;
#define CLI_ENTRY(n)	&cmd_##n,
CLI_COMMANDS(CLI_DECLARE)
static const struct cli_cmd *const commands[] = { CLI_COMMANDS(CLI_ENTRY) };
#define NCOMMANDS	(sizeof commands / sizeof commands[0])

/* What main read from its command line. */
struct line {
	struct args		 top;	/* the words before the command */
	struct args		 sub;	/* the command's own */
	struct args_err		 etop;
	struct args_err		 esub;
	bool			 oktop;
	bool			 oksub;
	const struct cli_cmd	*cmd;
	const char		*help_of;	/* nianbao help NAME */
};

static const struct cli_cmd *
find(const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && i < NCOMMANDS; i++)
		if (commands[i]->name != NULL &&
		    strcmp(commands[i]->name, name) == 0)
			return (commands[i]);
	return (NULL);
}

/* Parses the whole line: the global options, then the command's. */
static void
read_line(struct line *l, int argc, char **argv)
{
	int	at;

	memset(l, 0, sizeof *l);
	l->oktop = args_parse(&l->top, NULL, cli_globals, argc, argv, true,
	    &l->etop);
	/* The operands are argv's tail: the command word is argv[at]. */
	at = argc - l->top.argc;
	if (l->top.argc > 0 && strcmp(argv[at], "help") == 0) {
		/* nianbao help [COMMAND]: only the global options count. */
		l->oksub = args_parse(&l->sub, NULL, cli_globals, argc - at,
		    argv + at, false, &l->esub);
		l->help_of = l->sub.argc > 0 ? l->sub.argv[0] : "";
		return;
	}
	if ((l->cmd = find(l->top.argc > 0 ? argv[at] : NULL)) == NULL) {
		/* The editor: the first word is its FILE, an operand. */
		l->cmd = &cmd_edit;
		at--;
	}
	l->oksub = args_parse(&l->sub, l->cmd->opts, cli_globals, argc - at,
	    argv + at, false, &l->esub);
}

/* The last value of a global option, the command's before the top's. */
static const char *
global(const struct line *l, const char *key)
{
	return (args_get(&l->sub, key, args_get(&l->top, key, NULL)));
}

/* Whether the first word, not being a command, reads as the editor's
 * file rather than as a mistyped command. */
static bool
file_like(const char *word)
{
	return (strchr(word, '.') != NULL || strchr(word, '/') != NULL ||
	    access(word, F_OK) == 0);
}

/* Help, a bad command line, or the command itself. */
static int
dispatch(struct cli *c, struct line *l)
{
	const struct args	*a = &l->sub;

	if (!l->oktop)
		return (usage_refused(c, &l->etop));
	if (args_has(&l->top, "help") || (l->help_of != NULL &&
	    find(l->help_of) == NULL)) {
		usage_all(c, commands, NCOMMANDS);
		return (0);
	}
	if (l->help_of != NULL) {
		usage_cmd(c, find(l->help_of));
		return (0);
	}
	c->cmd = l->cmd;
	if (!l->oksub)
		return (usage_refused(c, &l->esub));
	if (args_has(&l->top, "version") || args_has(a, "version")) {
		printf("nianbao %s\n", NB_VERSION);
		return (0);
	}
	if (args_has(a, "help")) {
		usage_cmd(c, l->cmd);
		return (0);
	}
	if (l->cmd->name == NULL && a->argc > 1 && !file_like(a->argv[0])) {
		c->cmd = NULL;
		return (usage_fail(c, "cli.unknown_command", 1, a->argv[0]));
	}
	if (a->argc < l->cmd->min)
		return (usage_missing(c));
	if (l->cmd->max >= 0 && a->argc > l->cmd->max)
		return (usage_fail(c, "cli.extra_operand", 1,
		    a->argv[l->cmd->max]));
	if (!l->cmd->lazy_tpls && !cli_load_templates(c))
		return (2);
	return (l->cmd->run(c, a));
}

static void
on_signal(int sig)
{
	(void)sig;
}

/*
 * Standard descriptors: a closed 0, 1 or 2 would be taken by the next file
 * opened and written into by mistake.  A closed stdout becomes /dev/null
 * opened read-only, so that writing to it fails and is said.  SIGPIPE gets
 * a handler that does nothing, so that a write to a closed pipe returns
 * EPIPE and is said, while the programs nianbao starts (LibreOffice) get
 * the default back at exec.  SIGXFSZ likewise: a write past the file-size
 * limit (ulimit -f) returns EFBIG, said like a full disk, instead of
 * killing nianbao with the clerk's unsaved typing.
 */
static void
std_setup(void)
{
	struct sigaction	sa;
	int			fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
		    open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY) != fd)
			_exit(2);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGXFSZ, &sa, NULL);
}

int
main(int argc, char **argv)
{
	struct cli	 c;
	struct line	 l;
	const char	*amb;
	size_t		 i;
	int		 rc;

	std_setup();
	xmalloc_icu();
	setlocale(LC_ALL, "");
	memset(&c, 0, sizeof c);
	read_line(&l, argc, argv);
	amb = global(&l, "ambiguous");
	c.ambiguous = amb != NULL && strcmp(amb, "2") == 0 ? 2 : 1;
	c.lang = i18n_pick_lang(global(&l, "lang"));
	c.datadir = paths_datadir();
	c.i18n = i18n_open(c.datadir, c.lang);
	rc = cli_finish(&c, dispatch(&c, &l));
	args_free(&l.top);
	args_free(&l.sub);
	for (i = 0; i < c.ntpls; i++)
		tpl_free(c.tpls[i]);
	free(c.tpls);
	i18n_close(c.i18n);
	free(c.datadir);
	text_cleanup();
	return (rc);
}
