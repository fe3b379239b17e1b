/*
 * The full-screen editor: `nianbao [FILE]` and `nianbao preview FILE`.
 * main() (tui/cli/main.c) parses the command line, loads the templates and the
 * message bundles and hands them over; the editor owns the terminal from
 * editor_run() until it returns, and restores it on every exit path.
 *
 * The library's one entry point.  Every other file of tui/editor is
 * ed_<name>: the loop (ed_loop), the state (ed_app.h), the panes, the
 * questions, the widgets.  editor_app_init, editor_app_done and
 * editor_screen are for drivers that run the editor on a screen of their
 * own (the tests' keyless driver, tests/edutil.h).
 */
#ifndef NB_EDITOR_H
#define NB_EDITOR_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"
#include "tpl.h"

struct editor_opts {
	const char		*path;		/* report file; may not exist yet */
	struct tpl *const	*tpls;		/* the templates loaded */
	size_t			 ntpls;
	/*
	 * When only the report's own template was loaded (a faster start):
	 * loads every template and gives them all in *tpls, *ntpls (the
	 * ones given before stay valid); false when none could be loaded.
	 * NULL: tpls holds every template already.
	 */
	bool			(*all_tpls)(void *ctx, struct tpl *const **tpls,
				    size_t *ntpls);
	void			*all_ctx;
	const struct i18n	*i18n;
	enum lang		 lang;
	int			 ambiguous;	/* 1 or 2 columns */
	bool			 preview;	/* open straight in print preview */
};

/* Runs the editor; returns the process exit code (0 ok, 2 could not
 * open). */
int	editor_run(const struct editor_opts *);

struct tui_app;

/* Sets up app for o (every module's state; stop: the flag a signal
 * sets, read by the loop); no report, no terminal yet.  Free with
 * editor_app_done. */
void	editor_app_init(struct tui_app *, const struct editor_opts *o,
	    const volatile sig_atomic_t *stop);
void	editor_app_done(struct tui_app *);
/* The terminal modes, keys and colours the editor needs, on the current
 * curses screen (after newterm and set_term), whose output stream is tty
 * (the one given to newterm; kept in the app). */
void	editor_screen(struct tui_app *, FILE *tty);

#endif
