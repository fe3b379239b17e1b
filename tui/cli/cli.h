/*
 * The nianbao command: what every subcommand shares.
 *
 * A subcommand is one file, tui/cli/cmd_NAME.c, that defines one
 * descriptor, `const struct cli_cmd cmd_NAME`: its name, the msgid of what
 * it does, its options (a table of struct args_opt, args.h), its operands
 * and the function that runs it.  main.c lists the descriptors in one
 * line each (CLI_COMMANDS); it reads the global options and the command's
 * options (args_parse), prints help and bad-usage messages (usage.h),
 * loads the templates and calls run with the parsed arguments.
 *
 * run returns the exit code: 0 done, 1 rule errors found (check), 2 could
 * not do it (bad arguments, unreadable file, refused value, output not
 * written).  Messages go to stderr in the user's language, results to
 * stdout or to a file (cli_output); out of memory ends the process in
 * fatal() with XMALLOC_EXIT (70).  Nothing is written unless the command
 * succeeds.
 */
#ifndef NB_CLI_H
#define NB_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "args.h"
#include "err.h"
#include "i18n.h"
#include "report.h"
#include "tpl.h"

struct cli;

struct cli_cmd {
	const char		*name;		/* NULL: the editor, nianbao [FILE] */
	const char		*summary;	/* msgid: what it does */
	const struct args_opt	*opts;		/* its options; NULL: none */
	const char		*operands;	/* msgid: its operands in the usage */
	int			 min;		/* how many operands at least */
	int			 max;		/* and at most; -1: no limit */
	int			(*run)(struct cli *, const struct args *);
	bool			 lazy_tpls;	/* run loads the templates */
};

struct cli {
	enum lang		  lang;
	struct i18n		 *i18n;
	char			 *datadir;
	struct tpl		**tpls;
	size_t			  ntpls;
	bool			  all_tpls;	/* every template was loaded */
	int			  ambiguous;	/* 1 or 2 columns */
	const struct cli_cmd	 *cmd;		/* the command being run */
	bool			  stdout_said;	/* a stdout error was told */
	bool			  terminal;	/* stdout was the editor's */
};

/* The options every command takes: --lang, --ambiguous, --help, --version. */
extern const struct args_opt cli_globals[];

/* Prints "nianbao: " + the message msgid with nargs string args to stderr. */
void		 cli_say(const struct cli *, const char *msgid, int nargs, ...);
/* Prints an error value ("path:line:col: message") to stderr. */
void		 cli_say_err(const struct cli *, const struct err *);
/*
 * Templates are loaded when needed, so that a short command reads only the
 * one its report names (issue 17: each costs a few milliseconds).  main
 * loads them all before a command unless its descriptor says lazy_tpls;
 * such a command asks for what it needs through these (or cli_load).
 * c->tpls only grows: a template once loaded stays until exit.
 *
 * Every template of datadir/templates into c->tpls, saying each one's
 * errors; false after saying that none loaded.  Once only.
 */
bool		 cli_load_templates(struct cli *);
/* The template id: datadir/templates/<id>.yaml alone when it holds that
 * template, else every template (cli_load_templates).  false as that. */
bool		 cli_need_template(struct cli *, const char *id);
/* The template the report file at path names on its `template:` line
 * (cli_need_template), or every template when it names none. */
bool		 cli_need_templates_for(struct cli *, const char *path);
/* After a load failed with e: when e is store.unknown_template and not
 * every template was loaded, loads them all, clears e and returns true
 * (load again). */
bool		 cli_retry_all(struct cli *, struct err *e);
/* Loads a report, and its template first (NULL after saying why). */
struct report	*cli_load(struct cli *, const char *path);
/* Saves a report atomically (false after saying why). */
bool		 cli_save(const struct cli *, const struct report *, const char *);

/*
 * The one way a command writes its result: len bytes of text to out, a
 * file written atomically (fsio_write_atomic, mode 0644 when new), or
 * stdout when out is NULL or "-".  Returns false after saying why: the
 * file's error, or for stdout the write error (a closed pipe, a full
 * disk, standard output closed).
 */
bool		 cli_output(struct cli *, const char *out, const char *text,
		    size_t len);
/* The report file of r (store_dump) through cli_output. */
bool		 cli_output_report(struct cli *, const struct report *,
		    const char *out);
/*
 * Flushes stdout at the end of a command.  Returns rc, or 2 after saying
 * why when anything written to stdout (by printf too) was not written.
 * After the editor, stdout is its terminal, whose loss (a hang-up) the
 * editor has handled and told by its own exit code: rc is kept.
 */
int		 cli_finish(struct cli *, int rc);

/* Runs the editor on path (NULL: asks), straight in the print preview
 * when preview is set; the editor's exit code. */
int		 cli_editor(struct cli *, const char *path, bool preview);

/* Prints the warnings about cells counted from a register (changed by
 * hand since, register changed): check's lines.  Returns how many. */
size_t		 cli_ledger_warnings(const struct cli *, const char *path,
		    const struct report *);

#endif
