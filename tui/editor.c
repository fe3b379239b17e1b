/*
 * editor_run(): owns the terminal for the editor's lifetime.
 *
 * Order: load the report (an unreadable or invalid file is reported on
 * stderr before the screen is touched, exit code 2); start curses
 * (newterm, so a bad TERM is an error and not an exit); raw mode so that
 * Ctrl-S, Ctrl-Q, Ctrl-Z and Ctrl-C arrive as keys; ESCDELAY 25 ms;
 * mouse clicks and the wheel; bracketed paste; then the app's loop.
 * Every way out (normal, SIGTERM/SIGHUP, a dead terminal, out of memory)
 * goes through endwin() with bracketed paste switched off.
 *
 * The one piece of global state is the signal flag, which a handler must
 * be able to reach.
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "app.h"
#include "doc.h"
#include "editor.h"
#include "store.h"
#include "textedit.h"
#include "xmalloc.h"

static volatile sig_atomic_t editor_stop;

static void
on_signal(int sig)
{
	(void)sig;
	editor_stop = 1;
}

static void
paste_mode(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/* fatal() (out of memory) runs this before it exits. */
static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
	paste_mode(false);
}

static void
catch_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: get_wch must return so the loop sees the flag. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static SCREEN *
term_start(struct tui_app *a)
{
	SCREEN	*scr;

	if ((scr = newterm(NULL, stdout, stdin)) == NULL)
		return (NULL);
	set_term(scr);
	raw();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	theme_init(&a->theme);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	mouseinterval(0);
	curs_set(0);
	paste_mode(true);
	textedit_define_paste_keys();
	xmalloc_set_fatal_hook(restore_terminal);
	return (scr);
}

static void
term_stop(SCREEN *scr)
{
	curs_set(1);
	endwin();
	paste_mode(false);
	xmalloc_set_fatal_hook(NULL);
	delscreen(scr);
}

/* Loads an existing report; NULL with a message on stderr if it fails. */
static struct report *
load(const struct editor_opts *o, bool *failed)
{
	struct err	 e = { 0 };
	struct report	*r;
	char		*m;

	*failed = false;
	if (access(o->path, F_OK) != 0 && errno == ENOENT && !o->preview)
		return (NULL);
	if ((r = store_load(o->path, o->tpls, o->ntpls, &e)) != NULL)
		return (r);
	m = i18n_err(o->i18n, &e);
	fprintf(stderr, "nianbao: %s\n", m);
	free(m);
	err_clear(&e);
	*failed = true;
	return (NULL);
}

int
editor_run(const struct editor_opts *o)
{
	struct tui_app	 a;
	struct report	*r;
	SCREEN		*scr;
	bool		 failed;
	char		*m;

	setlocale(LC_ALL, "");
	r = load(o, &failed);
	if (failed)
		return (2);
	app_init(&a, o);
	a.stop = &editor_stop;
	catch_signals();
	if ((scr = term_start(&a)) == NULL) {
		m = i18n_fmt1(o->i18n, "ed.no_terminal", getenv("TERM") != NULL ?
		    getenv("TERM") : "");
		fprintf(stderr, "nianbao: %s\n", m);
		free(m);
		report_free(r);
		app_done(&a);
		return (2);
	}
	app_resize(&a);
	if (r != NULL) {
		app_attach(&a, r);
		if (o->preview)
			a.dirty |= doc_open_preview(&a);
	} else
		a.dirty |= doc_ask_new(&a);
	app_run(&a);
	term_stop(scr);
	app_done(&a);
	return (0);
}
