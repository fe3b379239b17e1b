/*
 * The editor's side of recovery while editing and on the way out (see
 * ed_recover.h and model/recover.h).
 *
 * Invariant: a->rc is NULL or owns the lock unless a->readonly.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ed_doc.h"
#include "ed_msg.h"
#include "ed_tpls.h"
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
ed_recover_ask(struct tui_app *a, const char *title_id, char *prompt,
    const enum ed_recover_choice *codes, size_t n, ed_ask_fn fn,
    ed_ask_free_fn fr, void *arg)
{
	char	**items = xcalloc(n, sizeof *items);
	int	 *c = xcalloc(n, sizeof *c);
	size_t	  i;
	unsigned  d;

	for (i = 0; i < n; i++) {
		items[i] = ed_msg_tr(a, choice_msgid[codes[i]]);
		c[i] = (int)codes[i];
	}
	d = ed_ask_choice(a, &(struct ed_ask_spec){ .title = title_id,
	    .prompt = prompt, .hint = "rcv.hint_choice" }, items, c, n, fn,
	    fr, arg);
	free(c);
	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

bool
ed_recover_begin(struct tui_app *a, struct err *err)
{
	statedir_free(a->rc);
	if ((a->rc = statedir_new(a->path, err)) == NULL)
		return (false);
	statedir_clean_temps(a->rc);
	return (true);
}

enum editlock_result
ed_recover_lock(struct tui_app *a, bool force, struct procid *holder,
    enum procid_who *who, struct err *err)
{
	return (editlock_take(a->rc, force, holder, who, err));
}

enum snapshot_find_result
ed_recover_find(struct tui_app *a, struct snapshot_found **found,
    struct err *err)
{
	/* A snapshot may name another template than the file's. */
	if (access(a->rc->snap, F_OK) == 0 || errno != ENOENT)
		ed_tpls_all(a);
	return (snapshot_find(a->rc, a->tpls, a->ntpls, found, err));
}

void
ed_recover_drop(struct tui_app *a)
{
	statedir_free(a->rc);
	a->rc = NULL;
}

void
ed_recover_go_readonly(struct tui_app *a)
{
	a->readonly = true;
	if (a->rc != NULL)
		editlock_release(a->rc);
}

void
ed_recover_track(struct tui_app *a, const struct report *r,
    const struct filestamp *base, bool recovered)
{
	struct filestamp	none = { 0 };

	if (a->rc != NULL && !a->readonly)
		snapshot_track(a->rc, r, base != NULL ? base : &none, recovered);
}

/* --- while editing ------------------------------------------------ */

int
ed_recover_timeout(const struct tui_app *a, long long now_ms)
{
	if (!active(a))
		return (-1);
	return ((int)snapshot_due(a->rc, a->rep, now_ms));
}

unsigned
ed_recover_tick(struct tui_app *a, long long now_ms)
{
	struct err	 e = { 0 };
	char		*why;

	if (!active(a) || snapshot_due(a->rc, a->rep, now_ms) != 0)
		return (0);
	if (snapshot_write(a->rc, a->rep, now_ms, &e)) {
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
	if (!snapshot_pending(a->rc, a->rep))
		return (true);
	return (snapshot_write(a->rc, a->rep, ed_recover_now_ms(), err));
}

bool
ed_recover_file_changed(struct tui_app *a)
{
	struct err	e = { 0 };
	bool		changed = false;

	if (a->rc == NULL || a->readonly)
		return (false);
	if (!snapshot_changed(a->rc, &changed, &e)) {
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
	if (snapshot_saved(a->rc, a->rep, &e))
		return (0);
	d = ed_msg_err(a, &e);
	err_clear(&e);
	return (d);
}

bool
ed_recover_discard(struct tui_app *a, struct err *err)
{
	struct err	e = { 0 };
	bool		ok = true;

	if (a->rc != NULL && !a->readonly)
		ok = snapshot_discard(a->rc, err != NULL ? err : &e);
	err_clear(&e);
	return (ok);
}

bool
ed_recover_save_as(struct tui_app *a, const char *path, struct err *err)
{
	struct statedir		*rc2;
	struct procid	 holder;
	enum procid_who	 who;
	struct err		 e = { 0 };

	/* No recovery folder for the new path: the save says why if the
	 * path itself is bad. */
	if ((rc2 = statedir_new(path, &e)) != NULL) {
		switch (editlock_take(rc2, false, &holder, &who, &e)) {
		case EDITLOCK_BUSY:
			err_set(err, NULL, 0, 0, "rcv.saveas_busy", 1, path);
			statedir_free(rc2);
			return (false);
		case EDITLOCK_FAILED:
			err_move(err, &e);
			statedir_free(rc2);
			return (false);
		default:
			break;
		}
	}
	err_clear(&e);
	if (!store_save(a->rep, path, err)) {
		if (rc2 != NULL) {
			editlock_release(rc2);
			statedir_free(rc2);
		}
		return (false);
	}
	if (rc2 != NULL) {
		snapshot_track(rc2, a->rep, NULL, false);
		snapshot_saved(rc2, a->rep, &e);
		err_clear(&e);
	}
	if (a->rc != NULL) {
		if (!a->readonly)
			snapshot_discard(a->rc, &e);
		err_clear(&e);
		editlock_release(a->rc);
		statedir_free(a->rc);
	}
	a->rc = rc2;
	a->readonly = false;
	ed_doc_set_path(a, path);
	return (true);
}

/* --- leaving ------------------------------------------------------ */

/* Why the editor stops: the signal's name or the lost terminal. */
static char *
stop_reason(const struct tui_app *a)
{
	int	sig = *a->stop;

	if (a->input_lost || sig == SIGHUP)
		return (ed_msg_tr(a, "rcv.why_hangup"));
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
	ed_doc_check_modified(a);
	if (a->rc != NULL && ed_recover_flush(a, &e))
		m = a->modified || snapshot_pending(a->rc, a->rep) ?
		    i18n_fmt(a->i18n, "rcv.exit_kept", 3, (const char *[]){
		    why, statedir_snapshot_path(a->rc), a->path }) :
		    i18n_fmt1(a->i18n, "rcv.exit_clean", why);
	else if (!a->modified)
		m = i18n_fmt1(a->i18n, "rcv.exit_clean", why);
	else {
		what = err_isset(&e) ? i18n_err(a->i18n, &e) :
		    ed_msg_tr(a, "rcv.no_recovery");
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
		ed_doc_check_modified(a);
		/* The report equals its file: the snapshot holds nothing. */
		if (!a->modified)
			snapshot_discard(a->rc, &e);
		err_clear(&e);
	}
	if (a->rc != NULL) {
		if (!a->readonly)
			editlock_release(a->rc);
		statedir_free(a->rc);
		a->rc = NULL;
	}
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
	ed_doc_check_modified(a);
	if (!a->modified)
		return (NULL);
	if (ok)
		return (xasprintf("out of memory; unsaved changes are in the "
		    "recovery file %s; open %s again to recover them",
		    statedir_snapshot_path(a->rc), a->path));
	return (xasprintf("out of memory; unsaved changes could not be "
	    "written to a recovery file"));
}

void
ed_recover_done(struct tui_app *a)
{
	statedir_free(a->rc);
	free(a->rc_err);
	a->rc = NULL;
	a->rc_err = NULL;
}
