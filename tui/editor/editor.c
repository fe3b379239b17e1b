/*
 * editor_run(): owns the terminal for the editor's lifetime.
 *
 * Order: set up the app (editor_app_init: every module's state); catch
 * the signals; open the report through ed_open.h (lock, recovery
 * snapshot, load: an unreadable or invalid file is reported on stderr
 * before the screen is touched, exit code 2; a question to ask leaves a
 * dialog open in the app); start curses (newterm, so a bad TERM is an
 * error and not an exit; editor_screen: raw mode so that Ctrl-S, Ctrl-Q,
 * Ctrl-Z and Ctrl-C arrive as keys; ESCDELAY 25 ms; mouse clicks, drags
 * (button motion, 1002) and the wheel; the theme); bracketed paste; then
 * the loop (ed_loop.h).
 *
 * SIGHUP, SIGTERM and SIGINT (sent with kill: in raw mode Ctrl-C is a
 * key) only set the flag, without SA_RESTART so that a blocked read
 * returns; the loop sees it (or EOF/EIO on input), and then the snapshot
 * is written first, the terminal restored (endwin, bracketed paste off),
 * and a line on stderr says where the work is.  SIGPIPE is ignored.
 * Out of memory does the same from fatal()'s hooks (snapshot, then the
 * terminal, then the line), and exits with XMALLOC_EXIT.  Every way out
 * (normal, signal, a dead terminal, out of memory) goes through endwin()
 * with bracketed paste switched off.
 *
 * The locale comes first (ed_locale.h): a UTF-8 one whatever the
 * environment says, and a refusal in both languages before anything is
 * opened when the system has none.
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

#include "ed_app.h"
#include "ed_ask.h"
#include "ed_cell.h"
#include "ed_doc.h"
#include "ed_export.h"
#include "ed_ledger.h"
#include "ed_flags.h"
#include "ed_form.h"
#include "ed_keys.h"
#include "ed_list.h"
#include "ed_locale.h"
#include "ed_loop.h"
#include "ed_msg.h"
#include "ed_open.h"
#include "ed_tpls.h"
#include "ed_preview.h"
#include "ed_recover.h"
#include "ed_text.h"
#include "ed_zero.h"
#include "ed_lastyear.h"
#include "ed_clip.h"
#include "ed_find.h"
#include "ed_textedit.h"
#include "ed_where.h"
#include "editor.h"
#include "store.h"
#include "undo.h"
#include "xmalloc.h"

static volatile sig_atomic_t editor_stop;

static void
on_signal(int sig)
{
	editor_stop = sig;
}

/* Prints a message line on stderr (after the terminal is restored). */
static void
say(const char *m)
{
	if (m != NULL)
		fprintf(stderr, "nianbao: %s\n", m);
}

static void
paste_mode(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/* Button-motion reports off (endwin turned off 1000, which ends them on
 * xterm; terminals that keep the modes apart need their own reset). */
static void
drag_mode_off(void)
{
	fputs("\033[?1002l", stdout);
	fflush(stdout);
}

void
editor_app_init(struct tui_app *a, const struct editor_opts *o,
    const volatile sig_atomic_t *stop)
{
	memset(a, 0, sizeof *a);
	a->i18n = o->i18n;
	a->lang = o->lang;
	ed_tpls_init(a, o->tpls, o->ntpls, o->all_tpls, o->all_ctx);
	a->preview_only = o->preview;
	a->topts.ambiguous = o->ambiguous == 2 ? 2 : 1;
	a->dr.th = &a->theme;
	a->dr.topts = &a->topts;
	a->stop = stop;
	a->keys = &ed_keys_global;
	a->undo = undo_new();
	ed_doc_init(a, o->path);
	ed_ask_init(a);
	ed_cell_init(a);
	ed_export_init(a);
	ed_flags_init(a);
	ed_form_init(a);
	ed_list_init(a);
	ed_text_init(a);
	ed_zero_init(a);
}

void
editor_app_done(struct tui_app *a)
{
	ed_ask_done(a);
	ed_zero_done(a);
	ed_lastyear_done(a);
	ed_clip_done(a);
	ed_find_done(a);
	ed_preview_done(a);
	ed_text_done(a);
	ed_form_done(a);
	ed_list_done(a);
	ed_export_done(a);
	ed_ledger_done(a);
	ed_cell_done(a);
	undo_free(a->undo);
	ed_doc_done(a);
	ed_recover_done(a);
	ed_msg_done(a);
	memset(a, 0, sizeof *a);
}

void
editor_screen(struct tui_app *a, FILE *tty)
{
	a->tty = tty;
	raw();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	ed_theme_init(&a->theme);
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | REPORT_MOUSE_POSITION |
	    BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	mouseinterval(0);
	/* Motion while a button is held (xterm's 1002), after curses' own
	 * 1000 so that it wins: a drag selects text (ed_text.h). */
	if (has_mouse()) {
		fputs("\033[?1002h", tty);
		fflush(tty);
	}
	curs_set(0);
	ed_keymap_define_sequences();
	ed_textedit_define_paste_keys();
}

/* What fatal()'s two hooks share: the app, and the message for stderr. */
struct fatal_ctx {
	struct tui_app	*a;
	char		*msg;
};

/* fatal() (out of memory), first: the snapshot, while the work is there. */
static void
fatal_save(void *arg)
{
	struct fatal_ctx	*f = arg;

	f->msg = ed_recover_fatal(f->a);
}

/* fatal(), second (also when fatal_save ran out): the terminal back. */
static void
fatal_restore(void *arg)
{
	struct fatal_ctx	*f = arg;

	if (!isendwin())
		endwin();
	paste_mode(false);
	drag_mode_off();
	say(f->msg);
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
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static SCREEN *
term_start(struct tui_app *a, struct fatal_ctx *f)
{
	SCREEN	*scr;

	if ((scr = newterm(NULL, stdout, stdin)) == NULL)
		return (NULL);
	set_term(scr);
	editor_screen(a, stdout);
	paste_mode(true);
	f->a = a;
	f->msg = NULL;
	xmalloc_set_fatal_hook(fatal_save, fatal_restore, f);
	return (scr);
}

static void
term_stop(SCREEN *scr)
{
	curs_set(1);
	endwin();
	paste_mode(false);
	drag_mode_off();
	xmalloc_set_fatal_hook(NULL, NULL, NULL);
	delscreen(scr);
}

/* The print preview: the file as it is, no lock, no recovery. */
static struct report *
load_preview(const struct editor_opts *o)
{
	struct err	 e = { 0 };
	struct report	*r;
	char		*m;

	if ((r = store_load(o->path, o->tpls, o->ntpls, &e)) != NULL)
		return (r);
	m = i18n_err(o->i18n, &e);
	fprintf(stderr, "nianbao: %s\n", m);
	free(m);
	err_clear(&e);
	return (NULL);
}

/* Gives up before the screen was touched. */
static int
not_opened(struct tui_app *a, struct report *r)
{
	char	*m = ed_recover_finish(a, false);

	say(a->fatal);
	free(m);
	report_free(r);
	editor_app_done(a);
	return (2);
}

int
editor_run(const struct editor_opts *o)
{
	struct tui_app	 a;
	struct fatal_ctx f;
	struct report	*r = NULL;
	SCREEN		*scr;
	bool		 normal;
	char		*m;
	unsigned	 d = 0;
	int		 code = 0;
	char		 loc[128];
	enum ed_locale_how how;

	/* Before anything else: without a UTF-8 locale there is no screen
	 * to show, not even a dialog. */
	if ((how = ed_locale_setup(loc, sizeof loc)) == ED_LOCALE_NONE) {
		say(m = i18n_fmt0(o->i18n, "ed.no_utf8"));
		free(m);
		return (2);
	}
	editor_app_init(&a, o, &editor_stop);
	catch_signals();
	if (o->preview) {
		if ((r = load_preview(o)) == NULL) {
			editor_app_done(&a);
			return (2);
		}
	} else if (!ed_open(&a, &d))
		return (not_opened(&a, NULL));
	if ((scr = term_start(&a, &f)) == NULL) {
		ed_msg_fatal(&a, i18n_fmt1(o->i18n, "ed.no_terminal",
		    getenv("TERM") != NULL ? getenv("TERM") : ""));
		return (not_opened(&a, r));
	}
	ed_loop_resize(&a);
	if (how == ED_LOCALE_FALLBACK && a.msg == NULL)
		d |= *ed_locale_env_name() == '\0' ? ed_msg_set(&a,
		    ST_MSG_INFO, "ed.locale_unset", 1, loc) : ed_msg_set(&a,
		    ST_MSG_INFO, "ed.locale_fallback", 2,
		    ed_locale_env_name(), loc);
	if (r != NULL) {
		d |= ed_doc_attach(&a, r, NULL);
		d |= ed_preview_show(&a);
	}
	ed_loop_mark(&a, d);
	normal = ed_loop_run(&a);
	if (normal)
		ed_where_save(&a);
	/* The snapshot first: the terminal may be gone for good. */
	m = ed_recover_finish(&a, !normal);
	term_stop(scr);
	if (a.fatal != NULL) {
		say(a.fatal);
		code = 2;
	} else if (!normal)
		code = 1;
	say(m);
	free(m);
	editor_app_done(&a);
	return (code);
}
