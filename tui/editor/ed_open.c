/*
 * The opening steps (see ed_open.h): step_lock → step_find → step_load,
 * each a function that goes on to the next or asks.  The answer functions
 * take the chain up again where their question left it.  The recovery
 * question's text is ed_snapdiff.c's; its argument is the snapshot found,
 * freed with the question.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ed_ask.h"
#include "ed_doc.h"
#include "ed_msg.h"
#include "ed_newreport.h"
#include "ed_open.h"
#include "ed_recover.h"
#include "ed_where.h"
#include "ed_snapdiff.h"
#include "ed_tpls.h"
#include "editlock.h"
#include "filestamp.h"
#include "procid.h"
#include "reportdiff.h"
#include "snapshot.h"
#include "statedir.h"
#include "store.h"

/* The choice answered (RCH_CANCEL for Esc). */
static enum ed_recover_choice
chosen(const struct ed_reply *r)
{
	return (r->code < 0 ? RCH_CANCEL : (enum ed_recover_choice)r->code);
}

/* Gives up: the message goes to stderr after the terminal is restored. */
static unsigned
give_up(struct tui_app *a, const struct err *e)
{
	ed_msg_fatal(a, i18n_err(a->i18n, e));
	return (TUI_QUIT);
}

/*
 * Shows r.  base: the stamp of the report file r is based on.  file:
 * the file's report when r is a recovered snapshot (NULL: none on disk),
 * so that the title says "modified" until it is saved.
 */
static unsigned
attach(struct tui_app *a, struct report *r, const struct filestamp *base,
    bool recovered, const struct report *file)
{
	char		*dump = NULL;
	unsigned	 d;

	if (recovered)
		dump = file != NULL ? store_dump(file) : NULL;
	d = ed_doc_attach(a, r, recovered ? (dump != NULL ? dump : "") : NULL);
	free(dump);
	if (base != NULL)
		ed_recover_track(a, r, base, recovered);
	return (d | ed_where_restore(a));
}

/* Loads the report file and shows it (a new report when it is missing). */
static unsigned
step_load(struct tui_app *a)
{
	struct filestamp	 st = { 0 };
	struct err		 e = { 0 };
	struct report		*r;
	unsigned		 d;

	r = store_load_stamped(a->path, a->tpls, a->ntpls, &st, &e);
	if (r == NULL && ed_tpls_partial(a)) {
		/* Only its own template was loaded: try with them all. */
		err_clear(&e);
		ed_tpls_all(a);
		r = store_load_stamped(a->path, a->tpls, a->ntpls, &st, &e);
	}
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

/* The snapshot f: recovered, discarded, or the file read-only. */
static unsigned
recover_answered(struct tui_app *a, void *arg, const struct ed_reply *rp)
{
	struct snapshot_found	*f = arg;
	enum ed_recover_choice	 ch = chosen(rp);
	struct report		*r, *file;
	struct err		 e = { 0 };
	unsigned		 d = 0;

	if (ch == RCH_RECOVER) {
		r = snapshot_found_take_snap(f);
		/* A file changed since the snapshot's base: saving asks. */
		d = attach(a, r, f->base_changed ? &f->base : &f->file_stamp,
		    true, f->file);
		return (d | ed_msg_set(a, ST_MSG_INFO, "rcv.recovered", 0));
	}
	if (ch == RCH_DISCARD) {
		if (!ed_recover_discard(a, &e))
			d = ed_msg_err(a, &e);
		err_clear(&e);
		if ((file = snapshot_found_take_file(f)) != NULL)
			return (d | attach(a, file, &f->file_stamp, false,
			    NULL));
		if (!f->file_stamp.exists)
			return (d | ed_newreport_ask(a));
		return (d | give_up(a, &f->file_err));
	}
	/* Read-only (Esc too): the file, or the snapshot when the file
	 * cannot be shown; the snapshot stays on disk. */
	ed_recover_go_readonly(a);
	if ((r = snapshot_found_take_file(f)) == NULL)
		r = snapshot_found_take_snap(f);
	d = attach(a, r, NULL, false, NULL);
	return (d | ed_msg_set(a, ST_MSG_INFO, "rcv.readonly_msg", 0));
}

static void
found_free(void *f)
{
	snapshot_found_free(f);
}

static unsigned
snap_bad_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	switch (chosen(r)) {
	case RCH_DISCARD:
		ed_recover_discard(a, NULL);
		return (step_load(a));
	case RCH_READONLY:
		ed_recover_go_readonly(a);
		return (step_load(a));
	default:
		return (TUI_QUIT);
	}
}

static unsigned
ask_snap_bad(struct tui_app *a, const struct err *e)
{
	static const enum ed_recover_choice codes[] = { RCH_DISCARD,
	    RCH_READONLY, RCH_QUIT };
	char	*why = ed_recover_reason(a, e);
	char	*p = i18n_fmt1(a->i18n, "rcv.snap_bad", why);

	free(why);
	return (ed_recover_ask(a, "rcv.snap_bad_title", p, codes, 3,
	    snap_bad_answered, NULL, NULL));
}

static unsigned
step_find(struct tui_app *a)
{
	static const enum ed_recover_choice codes[] = { RCH_RECOVER,
	    RCH_DISCARD, RCH_READONLY };
	struct snapshot_found	*f = NULL;
	struct err		 e = { 0 };
	unsigned		 d;

	switch (ed_recover_find(a, &f, &e)) {
	case SNAPSHOT_FOUND:
		return (ed_recover_ask(a, "rcv.found_title",
		    ed_snapdiff_prompt(a, f), codes, 3, recover_answered,
		    found_free, f));
	case SNAPSHOT_ERROR:
		d = ask_snap_bad(a, &e);
		err_clear(&e);
		return (d);
	default:
		return (step_load(a));
	}
}

static unsigned step_lock(struct tui_app *, bool force);

static unsigned
lock_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	switch (chosen(r)) {
	case RCH_CONTINUE:
		ed_recover_drop(a);
		return (step_load(a));
	case RCH_READONLY:
		ed_recover_go_readonly(a);
		return (step_load(a));
	case RCH_TAKEOVER:
		return (step_lock(a, true));
	default:
		return (TUI_QUIT);
	}
}

/* "user@host, since 3月5日 14:20 (process N)". Newly allocated. */
static char *
lock_who(const struct tui_app *a, const struct procid *o,
    enum procid_who who, const char *pid)
{
	char		 at[PROCID_USER_MAX + PROCID_HOST_MAX + 2], when[64];
	time_t		 t = (time_t)o->since;
	struct tm	 tm;

	snprintf(at, sizeof at, "%s@%s", o->user, o->host);
	localtime_r(&t, &tm);
	snprintf(when, sizeof when, "%04d-%02d-%02d %02d:%02d",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min);
	return (i18n_fmt(a->i18n, who == PROCID_ELSEWHERE ?
	    "rcv.lock_who_elsewhere" : "rcv.lock_who", 3,
	    (const char *[]){ at, when, pid }));
}

/* Another editor holds the lock (o, who), or taking it failed (e). */
static unsigned
ask_lock(struct tui_app *a, const struct procid *o,
    enum procid_who who, const struct err *e)
{
	static const enum ed_recover_choice busy[] = { RCH_READONLY,
	    RCH_TAKEOVER, RCH_QUIT };
	static const enum ed_recover_choice failed[] = { RCH_READONLY,
	    RCH_QUIT };
	static const enum ed_recover_choice nowrite[] = { RCH_CONTINUE,
	    RCH_READONLY, RCH_QUIT };
	char	 pid[24], *p, *why;

	if (e != NULL && strncmp(e->msgid, "save.", 5) == 0) {
		/* The recovery folder cannot be written (full, quota,
		 * ulimit -f): as when it cannot be made, editing may go on
		 * without recovery, and without the lock. */
		why = strcmp(e->msgid, "save.nospace") == 0 ?
		    i18n_fmt1(a->i18n, "rcv.state_full", a->rc->dir) :
		    ed_recover_reason(a, e);
		p = i18n_fmt1(a->i18n, "rcv.lock_nowrite", why);
		free(why);
		return (ed_recover_ask(a, "rcv.lock_title", p, nowrite, 3,
		    lock_answered, NULL, NULL));
	}
	if (e != NULL) {
		why = ed_recover_reason(a, e);
		p = i18n_fmt1(a->i18n, "rcv.lock_failed", why);
		free(why);
		return (ed_recover_ask(a, "rcv.lock_title", p, failed, 2,
		    lock_answered, NULL, NULL));
	}
	snprintf(pid, sizeof pid, "%ld", o->pid);
	if (o->user[0] != '\0' && o->since > 0)
		p = lock_who(a, o, who, pid);
	else if (who == PROCID_ELSEWHERE)
		p = i18n_fmt2(a->i18n, "rcv.lock_elsewhere", o->host, pid);
	else
		p = i18n_fmt1(a->i18n, "rcv.lock_alive", pid);
	return (ed_recover_ask(a, "rcv.lock_title", p, busy, 3, lock_answered,
	    NULL, NULL));
}

static unsigned
step_lock(struct tui_app *a, bool force)
{
	struct procid	holder;
	enum procid_who	who = PROCID_NOBODY;
	struct err		e = { 0 };
	unsigned		d;

	memset(&holder, 0, sizeof holder);
	switch (ed_recover_lock(a, force, &holder, &who, &e)) {
	case EDITLOCK_BUSY:
		return (ask_lock(a, &holder, who, NULL));
	case EDITLOCK_FAILED:
		d = ask_lock(a, NULL, who, &e);
		err_clear(&e);
		return (d);
	default:
		return (step_find(a));
	}
}

static unsigned
nodir_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	return (chosen(r) == RCH_CONTINUE ? step_load(a) : TUI_QUIT);
}

bool
ed_open(struct tui_app *a, unsigned *dirty)
{
	static const enum ed_recover_choice codes[] = { RCH_CONTINUE,
	    RCH_QUIT };
	struct err	 e = { 0 };
	char		*why;

	if (!ed_recover_begin(a, &e)) {
		why = ed_recover_reason(a, &e);
		*dirty |= ed_recover_ask(a, "rcv.nodir_title",
		    i18n_fmt1(a->i18n, "rcv.nodir", why), codes, 2,
		    nodir_answered, NULL, NULL);
		free(why);
		err_clear(&e);
		return (true);
	}
	*dirty |= step_lock(a, false);
	return (a->fatal == NULL || ed_ask_open(a));
}
