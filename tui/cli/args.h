/*
 * The command line's one way to read arguments.  A command declares its
 * options as a table of struct args_opt; args_parse() reads argv with
 * getopt_long against that table and the global options, checks each
 * value by its type, and gives a struct args that the command asks by
 * option name ("o", "organ") and that holds the operands in order.
 *
 * Options and operands may be mixed (`export r.yaml -o r.txt`), whatever
 * POSIXLY_CORRECT says; "--" ends the options.  A long option may be
 * abbreviated while it stays unique (`--org` for `--organ`).  Parsing
 * never prints: the first problem is kept in struct args_err for the
 * caller to say in the user's language, once the language is known.
 */
#ifndef NB_ARGS_H
#define NB_ARGS_H

#include <stdbool.h>
#include <stddef.h>

enum args_type {
	ARGS_FLAG,	/* takes no value: --json */
	ARGS_STR,	/* any text: -o OUT */
	ARGS_YEAR,	/* a report year, by year_parse (year.h) */
	ARGS_COUNT,	/* a whole number >= 0 (num.h digits): -j 4 */
	ARGS_CHOICE,	/* one of the words in choices: --ambiguous 1|2 */
};

/*
 * One option.  letter is its short form (-o) and name its long form
 * (--organ); either may be absent (0, NULL), not both.  The option is
 * asked for by its key: name when it has one, else the letter as a
 * one-character string ("o").  value is the msgid of the value's
 * placeholder in the usage (cli.v_file: 文件 / FILE), help the msgid of
 * its line in `nianbao CMD --help`; for ARGS_CHOICE, choices lists the
 * accepted words separated by '|' and is also the placeholder.  A table
 * ends with a row whose letter and name are both absent.
 */
struct args_opt {
	char		 letter;
	const char	*name;
	enum args_type	 type;
	const char	*value;
	const char	*help;
	const char	*choices;
};

enum args_fail {
	ARGS_OK,
	ARGS_UNKNOWN,		/* not an option of this command */
	ARGS_NEEDS_VALUE,	/* -o at the end of the line */
	ARGS_NO_VALUE,		/* --json=yes */
	ARGS_BAD_VALUE,		/* --year abc */
};

/* The first problem met.  text is the option as typed ("--bogus", "-x"),
 * value the refused value; both borrowed from argv or from err itself. */
struct args_err {
	enum args_fail		 kind;
	const struct args_opt	*opt;		/* NULL for ARGS_UNKNOWN */
	const char		*value;
	char			 text[64];
};

struct args_given {
	const struct args_opt	*opt;
	const char		*value;		/* NULL for a flag */
};

/* The result of a parse.  Strings are borrowed from argv. */
struct args {
	struct args_given	*given;		/* in the order typed */
	size_t			 ngiven;
	char			**argv;		/* the operands, in order */
	int			 argc;
};

/*
 * Parses argv[1..argc-1] against opts and globals (either may be NULL).
 * stop: the first operand and everything after it are operands (for the
 * words before a command: `nianbao --lang en check …`).  Returns true, or
 * false with *err set to the first problem (the rest is still read, so
 * that a --lang after a mistake still chooses the language the mistake
 * is told in).  *a is filled either way; free it with args_free.
 */
bool		 args_parse(struct args *a, const struct args_opt *opts,
		    const struct args_opt *globals, int argc, char **argv,
		    bool stop, struct args_err *err);
void		 args_free(struct args *);

/* The key an option is asked by ("organ", "o"): a static string for a
 * named option, else the letter in buf (2 bytes). */
const char	*args_key(const struct args_opt *, char buf[2]);

/* Whether the option key was given at least once. */
bool		 args_has(const struct args *, const char *key);
/* The last value given to key, or dflt; borrowed. */
const char	*args_get(const struct args *, const char *key,
		    const char *dflt);
/* The i-th value given to key (from 0, in the order typed), NULL past
 * the last: a repeated option (-r A -r B). */
const char	*args_nth(const struct args *, const char *key, size_t i);
/* The last value of an ARGS_YEAR or ARGS_COUNT key, or dflt. */
int		 args_int(const struct args *, const char *key, int dflt);

#endif
