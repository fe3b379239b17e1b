/*
 * The full-screen editor: `nianbao [FILE]` and `nianbao preview FILE`.
 * main() (tui/cli/main.c) parses the command line, loads the templates and the
 * message bundles and hands them over; the editor owns the terminal from
 * editor_run() until it returns, and restores it on every exit path.
 */
#ifndef NB_EDITOR_H
#define NB_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"
#include "tpl.h"

struct editor_opts {
	const char		*path;		/* report file; may not exist yet */
	struct tpl *const	*tpls;		/* all loaded templates */
	size_t			 ntpls;
	const struct i18n	*i18n;
	enum lang		 lang;
	int			 ambiguous;	/* 1 or 2 columns */
	bool			 preview;	/* open straight in print preview */
};

/* Runs the editor; returns the process exit code (0 ok, 2 could not
 * open). */
int	editor_run(const struct editor_opts *);

#endif
