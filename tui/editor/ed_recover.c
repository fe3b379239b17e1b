/*
 * The editor's side of recovery (see ed_recover.h and model/recover.h).
 *
 * Opening is a chain of steps, each of which either goes on to the next
 * or opens a question and stops: lock (step_lock), look for a snapshot
 * (step_find), load the file (step_load).  ed_recover_answer picks the
 * chain up again where the question left it.  The questions are numbered
 * choices (ed_dialog_choice); a->picks holds the enum ed_recover_choice of
 * each item, so the answer is read from the selected item, not from its
 * position.  The recovery question's text is built by ed_snapdiff.c.
 *
 * Invariants: a->rc is NULL or owns the lock unless a->readonly; a->found
 * is set only while ASK_RECOVER is open.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ed_app.h"
#include "ed_dialog.h"
#include "ed_newreport.h"
#include "ed_snapdiff.h"
#include "recover.h"
#include "ed_recover.h"
#include "store.h"
#include "xmalloc.h"

long long
ed_recover_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

char *
ed_recover_reason(const struct tui_app *a, const struct err *e)
{
	struct err	q = *e;
	int		i;

	for (i = 0; i < e->nargs && e->path != NULL; i++)
		if (e->args[i] != NULL && strstr(e->args[i], e->path) != NULL)
			q.path = NULL;
	return (i18n_err(a->i18n, &q));
}

/* Snapshots are written for this app now. */
static bool
active(const struct tui_app *a)
{
	return (a->rc != NULL && a->rep != NULL && !a->readonly);
}

static const char *const choice_msgid[] = {
	[RCH_RECOVER] = "rcv.opt_recover",
	[RCH_DISCARD] = "rcv.opt_discard",
	[RCH_READONLY] = "rcv.opt_readonly",
	[RCH_TAKEOVER] = "rcv.opt_takeover",
	[RCH_QUIT] = "rcv.opt_quit",
	[RCH_CONTINUE] = "rcv.opt_continue",
	[RCH_OVERWRITE] = "rcv.opt_overwrite",
	[RCH_CANCEL] = "rcv.opt_cancel",
	[RCH_SAVE_AS] = "rcv.opt_save_as",
	[RCH_BACK] = "rcv.opt_back",
};

unsigned
ed_recover_choose(struct tui_app *a, enum tui_ask ask, const char *title_id,
    char *prompt, const enum ed_recover_choice *codes, size_t n)
{
	char	**items = xcalloc(n, sizeof *items), *t, *h;
	size_t	  i;

	free(a->picks);
	a->picks = xcalloc(n, sizeof *a->picks);
	for (i = 0; i < n; i++) {
		items[i] = ed_app_tr(a, choice_msgid[codes[i]]);
		a->picks[i] = (int)codes[i];
	}
	t = ed_app_tr(a, title_id);
	h = ed_app_tr(a, "rcv.hint_choice");
	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_choice(t, prompt, items, n, h);
	a->ask = ask;
	free(t);
	free(h);
	free(prompt);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

enum ed_recover_choice
ed_recover_chosen(const struct tui_app *a, int res)
{
	if (res != DLG_OK || a->dlg == NULL || a->picks == NULL ||
	    a->dlg->sel >= a->dlg->nitems)
		return (RCH_CANCEL);
	return ((enum ed_recover_choice)a->picks[a->dlg->sel]);
}

/* Closes the question (keeps a->found). */
static unsigned
close_question(struct tui_app *a)
{
	ed_dialog_free(a->dlg);
	a->dlg = NULL;
	a->ask = ASK_NONE;
	free(a->picks);
	a->picks = NULL;
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* Gives up: the message goes to stderr after the terminal is restored. */
static unsigned
give_up(struct tui_app *a, const struct err *e)
{
	free(a->fatal);
	a->fatal = i18n_err(a->i18n, e);
	return (TUI_QUIT);
}

/*
 * Shows r.  base: the report file r is based on.  file_dump: the file's
 * text when r is not the file's content (a recovered snapshot), so that
 * the title says "modified" until it is saved.
 */
static unsigned
attach(struct tui_app *a, struct report *r, const struct recover_stamp *base,
    bool recovered, const struct report *file)
{
	char	*dump;

	ed_app_attach(a, r);
	if (a->rc != NULL && !a->readonly)
		recover_track(a->rc, r, base, recovered);
	if (recovered) {
		free(a->saved_dump);
		a->saved_dump = file != NULL ? store_dump(file) : xstrdup("");
		dump = store_dump(r);
		a->modified = strcmp(dump, a->saved_dump) != 0;
		a->mod_gen = report_generation(r);
		free(dump);
	}
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* Loads the report file and shows it (a new report when it is missing). */
static unsigned
step_load(struct tui_app *a)
{
	struct recover_stamp	 st = { 0 };
	struct err		 e = { 0 };
	struct report		*r;
	unsigned		 d;

	r = recover_load(a->path, a->opts->tpls, a->opts->ntpls, &st, &e);
	if (r == NULL && !st.exists && !a->readonly) {
		err_clear(&e);
		return (ed_newreport_ask(a));
	}
	if (r == NULL) {
		d = give_up(a, &e);
		err_clear(&e);
		return (d);
	}
	return (attach(a, r, &st, false, NULL));
}

/* --- the steps ---------------------------------------------------- */

static unsigned
ask_recover(struct tui_app *a)
{
	static const enum ed_recover_choice codes[] = { RCH_RECOVER, RCH_DISCARD,
	    RCH_READONLY };

	return (ed_recover_choose(a, ASK_RECOVER, "rcv.found_title",
	    ed_snapdiff_prompt(a, a->found), codes, 3));
}

static unsigned
ask_snap_bad(struct tui_app *a, const struct err *e)
{
	static const enum ed_recover_choice codes[] = { RCH_DISCARD,
	    RCH_READONLY, RCH_QUIT };
	char	*why = ed_recover_reason(a, e);
	char	*p = i18n_fmt1(a->i18n, "rcv.snap_bad", why);

	free(why);
	return (ed_recover_choose(a, ASK_SNAP_BAD, "rcv.snap_bad_title", p,
	    codes, 3));
}

static unsigned
step_find(struct tui_app *a)
{
	struct err	e = { 0 };
	unsigned	d;

	switch (recover_find(a->rc, a->opts->tpls, a->opts->ntpls, &a->found,
	    &e)) {
	case RECOVER_FOUND:
		return (ask_recover(a));
	case RECOVER_ERROR:
		d = ask_snap_bad(a, &e);
		err_clear(&e);
		return (d);
	default:
		return (step_load(a));
	}
}

static unsigned
ask_lock(struct tui_app *a, const struct recover_owner *o,
    enum recover_who who, const struct err *e)
{
	static const enum ed_recover_choice busy[] = { RCH_READONLY,
	    RCH_TAKEOVER, RCH_QUIT };
	static const enum ed_recover_choice failed[] = { RCH_READONLY,
	    RCH_QUIT };
	char	 pid[24], *p, *why;

	if (e != NULL) {
		why = ed_recover_reason(a, e);
		p = i18n_fmt1(a->i18n, "rcv.lock_failed", why);
		free(why);
		return (ed_recover_choose(a, ASK_LOCK, "rcv.lock_title", p,
		    failed, 2));
	}
	snprintf(pid, sizeof pid, "%ld", o->pid);
	if (who == RECOVER_ELSEWHERE)
		p = i18n_fmt2(a->i18n, "rcv.lock_elsewhere", o->host, pid);
	else
		p = i18n_fmt1(a->i18n, "rcv.lock_alive", pid);
	return (ed_recover_choose(a, ASK_LOCK, "rcv.lock_title", p, busy, 3));
}

static unsigned
step_lock(struct tui_app *a, bool force)
{
	struct recover_owner	holder;
	enum recover_who	who = RECOVER_NOBODY;
	struct err		e = { 0 };
	unsigned		d;

	memset(&holder, 0, sizeof holder);
	switch (recover_lock(a->rc, force, &holder, &who, &e)) {
	case RECOVER_BUSY:
		return (ask_lock(a, &holder, who, NULL));
	case RECOVER_LOCK_FAILED:
		d = ask_lock(a, NULL, who, &e);
		err_clear(&e);
		return (d);
	default:
		return (step_find(a));
	}
}

static unsigned
ask_nodir(struct tui_app *a, const struct err *e)
{
	static const enum ed_recover_choice codes[] = { RCH_CONTINUE, RCH_QUIT };
	char	*why = ed_recover_reason(a, e);
	char	*p = i18n_fmt1(a->i18n, "rcv.nodir", why);

	free(why);
	return (ed_recover_choose(a, ASK_NODIR, "rcv.nodir_title", p, codes, 2));
}

bool
ed_recover_open(struct tui_app *a)
{
	struct err	e = { 0 };

	if ((a->rc = recover_new(a->path, &e)) == NULL) {
		a->dirty |= ask_nodir(a, &e);
		err_clear(&e);
		return (true);
	}
	recover_clean_temps(a->rc);
	a->dirty |= step_lock(a, false);
	return (a->fatal == NULL || a->dlg != NULL);
}

/* Going read-only: the lock and the snapshot are not ours to touch. */
static void
go_readonly(struct tui_app *a)
{
	a->readonly = true;
	if (a->rc != NULL)
		recover_unlock(a->rc);
}

static unsigned
answer_recover(struct tui_app *a, enum ed_recover_choice ch)
{
	struct recover_found	*f = a->found;
	struct report		*r, *file;
	struct err		 e = { 0 };
	unsigned		 d = 0;

	a->found = NULL;
	if (ch == RCH_RECOVER) {
		r = recover_found_take_snap(f);
		/* A file changed since the snapshot's base: saving asks. */
		d = attach(a, r, f->base_changed ? &f->base : &f->file_stamp,
		    true, f->file);
		d |= ed_app_msg(a, ST_MSG_INFO, "rcv.recovered", 0);
	} else if (ch == RCH_DISCARD) {
		if (!recover_discard(a->rc, &e)) {
			d = ed_app_msg_err(a, &e);
			err_clear(&e);
		}
		if ((file = recover_found_take_file(f)) != NULL)
			d |= attach(a, file, &f->file_stamp, false, NULL);
		else if (!f->file_stamp.exists)
			d |= ed_newreport_ask(a);
		else
			d |= give_up(a, &f->file_err);
	} else {
		/* Read-only (Esc too): the file, or the snapshot when the
		 * file cannot be shown; the snapshot stays on disk. */
		go_readonly(a);
		if ((r = recover_found_take_file(f)) == NULL)
			r = recover_found_take_snap(f);
		d = attach(a, r, NULL, false, NULL);
		d |= ed_app_msg(a, ST_MSG_INFO, "rcv.readonly_msg", 0);
	}
	recover_found_free(f);
	return (d);
}

unsigned
ed_recover_answer(struct tui_app *a, int res)
{
	enum ed_recover_choice	ch = ed_recover_chosen(a, res);
	enum tui_ask		ask = a->ask;
	unsigned		d = close_question(a);

	switch (ask) {
	case ASK_NODIR:
		return (ch == RCH_CONTINUE ? d | step_load(a) : TUI_QUIT);
	case ASK_LOCK:
		if (ch == RCH_READONLY) {
			go_readonly(a);
			return (d | step_load(a));
		}
		return (ch == RCH_TAKEOVER ? d | step_lock(a, true) :
		    TUI_QUIT);
	case ASK_RECOVER:
		return (d | answer_recover(a, ch));
	case ASK_SNAP_BAD:
		if (ch == RCH_DISCARD) {
			ed_recover_discard(a);
			return (d | step_load(a));
		}
		if (ch == RCH_READONLY) {
			go_readonly(a);
			return (d | step_load(a));
		}
		return (TUI_QUIT);
	default:
		return (d);
	}
}

/* --- while editing ------------------------------------------------ */

int
ed_recover_timeout(const struct tui_app *a, long long now_ms)
{
	if (!active(a))
		return (-1);
	return ((int)recover_due(a->rc, a->rep, now_ms));
}

unsigned
ed_recover_tick(struct tui_app *a, long long now_ms)
{
	struct err	 e = { 0 };
	char		*why;

	if (!active(a) || recover_due(a->rc, a->rep, now_ms) != 0)
		return (0);
	if (recover_write(a->rc, a->rep, now_ms, &e)) {
		if (a->rc_err == NULL)
			return (0);
		free(a->rc_err);
		a->rc_err = NULL;
		return (TUI_DIRTY_STATUS);
	}
	why = ed_recover_reason(a, &e);
	free(a->rc_err);
	a->rc_err = i18n_fmt1(a->i18n, "rcv.snap_failed", why);
	free(why);
	err_clear(&e);
	return (TUI_DIRTY_STATUS);
}

bool
ed_recover_flush(struct tui_app *a, struct err *err)
{
	if (!active(a))
		return (false);
	if (!recover_pending(a->rc, a->rep))
		return (true);
	return (recover_write(a->rc, a->rep, ed_recover_now_ms(), err));
}

void
ed_recover_track_new(struct tui_app *a, const struct report *r)
{
	struct recover_stamp	none = { 0 };

	if (a->rc != NULL && !a->readonly)
		recover_track(a->rc, r, &none, false);
}

bool
ed_recover_file_changed(struct tui_app *a)
{
	struct err	e = { 0 };
	bool		changed = false;

	if (a->rc == NULL || a->readonly)
		return (false);
	if (!recover_changed(a->rc, &changed, &e)) {
		err_clear(&e);
		return (false);
	}
	return (changed);
}

unsigned
ed_recover_saved(struct tui_app *a)
{
	struct err	e = { 0 };
	unsigned	d;

	if (a->rc == NULL || a->readonly || a->rep == NULL)
		return (0);
	if (recover_saved(a->rc, a->rep, &e))
		return (0);
	d = ed_app_msg_err(a, &e);
	err_clear(&e);
	return (d);
}

void
ed_recover_discard(struct tui_app *a)
{
	struct err	e = { 0 };

	if (a->rc != NULL && !a->readonly)
		recover_discard(a->rc, &e);
	err_clear(&e);
}

bool
ed_recover_save_as(struct tui_app *a, const char *path, struct err *err)
{
	struct recover		*rc2;
	struct recover_owner	 holder;
	enum recover_who	 who;
	struct err		 e = { 0 };

	/* No recovery folder for the new path: the save says why if the
	 * path itself is bad. */
	if ((rc2 = recover_new(path, &e)) != NULL) {
		switch (recover_lock(rc2, false, &holder, &who, &e)) {
		case RECOVER_BUSY:
			err_set(err, NULL, 0, 0, "rcv.saveas_busy", 1, path);
			recover_free(rc2);
			return (false);
		case RECOVER_LOCK_FAILED:
			err_move(err, &e);
			recover_free(rc2);
			return (false);
		default:
			break;
		}
	}
	err_clear(&e);
	if (!store_save(a->rep, path, err)) {
		if (rc2 != NULL) {
			recover_unlock(rc2);
			recover_free(rc2);
		}
		return (false);
	}
	if (rc2 != NULL) {
		recover_track(rc2, a->rep, NULL, false);
		recover_saved(rc2, a->rep, &e);
		err_clear(&e);
	}
	if (a->rc != NULL) {
		if (!a->readonly)
			recover_discard(a->rc, &e);
		err_clear(&e);
		recover_unlock(a->rc);
		recover_free(a->rc);
	}
	a->rc = rc2;
	a->readonly = false;
	free(a->path);
	a->path = xstrdup(path);
	return (true);
}

/* --- leaving ------------------------------------------------------ */

/* Why the editor stops: the signal's name or the lost terminal. */
static char *
stop_reason(const struct tui_app *a)
{
	int	sig = *a->stop;

	if (a->input_lost || sig == SIGHUP)
		return (ed_app_tr(a, "rcv.why_hangup"));
	return (i18n_fmt1(a->i18n, "rcv.why_signal", sig == SIGINT ?
	    "SIGINT" : sig == SIGTERM ? "SIGTERM" : "?"));
}

/* Emergency: everything typed goes to the snapshot. */
static char *
emergency(struct tui_app *a)
{
	struct err	 e = { 0 };
	char		*why = stop_reason(a), *m, *what;

	if (a->rep == NULL || a->readonly) {
		m = i18n_fmt1(a->i18n, "rcv.exit_clean", why);
		free(why);
		return (m);
	}
	ed_app_check_modified(a);
	if (a->rc != NULL && ed_recover_flush(a, &e))
		m = ed_app_modified(a) || recover_pending(a->rc, a->rep) ?
		    i18n_fmt(a->i18n, "rcv.exit_kept", 3, (const char *[]){
		    why, recover_snapshot_path(a->rc), a->path }) :
		    i18n_fmt1(a->i18n, "rcv.exit_clean", why);
	else if (!ed_app_modified(a))
		m = i18n_fmt1(a->i18n, "rcv.exit_clean", why);
	else {
		what = err_isset(&e) ? i18n_err(a->i18n, &e) :
		    ed_app_tr(a, "rcv.no_recovery");
		m = i18n_fmt2(a->i18n, "rcv.exit_lost", why, what);
		free(what);
	}
	err_clear(&e);
	free(why);
	return (m);
}

char *
ed_recover_finish(struct tui_app *a, bool emergency_exit)
{
	struct err	 e = { 0 };
	char		*m = NULL;

	if (emergency_exit)
		m = emergency(a);
	else if (active(a)) {
		ed_app_check_modified(a);
		/* The report equals its file: the snapshot holds nothing. */
		if (!ed_app_modified(a))
			recover_discard(a->rc, &e);
		err_clear(&e);
	}
	if (a->rc != NULL) {
		if (!a->readonly)
			recover_unlock(a->rc);
		recover_free(a->rc);
		a->rc = NULL;
	}
	recover_found_free(a->found);
	a->found = NULL;
	return (m);
}

/*
 * No i18n here: formatting a message goes through ICU, which may be what
 * ran out of memory, holding one of its locks.
 */
char *
ed_recover_fatal(struct tui_app *a)
{
	struct err	e = { 0 };
	bool		ok;

	if (a->rep == NULL || a->readonly)
		return (NULL);
	ok = ed_recover_flush(a, &e);
	err_clear(&e);
	ed_app_check_modified(a);
	if (!ed_app_modified(a))
		return (NULL);
	if (ok)
		return (xasprintf("out of memory; unsaved changes are in the "
		    "recovery file %s; open %s again to recover them",
		    recover_snapshot_path(a->rc), a->path));
	return (xasprintf("out of memory; unsaved changes could not be "
	    "written to a recovery file"));
}
