/*
 * Saving and quitting (see ed_save.h).  The questions of one save share
 * its struct saving: whether to quit once saved, and the path a save as
 * would write over.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ed_ask.h"
#include "ed_cell.h"
#include "ed_doc.h"
#include "ed_msg.h"
#include "ed_recover.h"
#include "ed_save.h"
#include "ed_text.h"
#include "paths.h"
#include "store.h"
#include "undo.h"
#include "xmalloc.h"

struct saving {
	bool	 then_quit;
	char	*over;		/* save as: the existing file asked about */
};

static struct saving *
saving_new(bool then_quit)
{
	struct saving	*sv = xcalloc(1, sizeof *sv);

	sv->then_quit = then_quit;
	return (sv);
}

static void
saving_free(void *arg)
{
	struct saving	*sv = arg;

	free(sv->over);
	free(sv);
}

/* The save succeeded: the report is clean, quit if that was asked. */
static unsigned
saved(struct tui_app *a, bool then_quit)
{
	unsigned	d;

	ed_doc_mark_saved(a);
	d = ed_msg_set(a, ST_MSG_INFO, "ed.saved_to", 1, a->path);
	d |= ed_recover_saved(a);
	if (then_quit)
		return (TUI_QUIT);
	return (d | TUI_DIRTY_TITLE);
}

static unsigned save_as_answered(struct tui_app *, void *,
    const struct ed_reply *);

/* Asks for a path to save to, proposing init (NULL: the report's), with
 * why (taken) under it when given. */
static unsigned
ask_save_as(struct tui_app *a, struct saving *sv, const char *prompt_id,
    const char *init, char *why)
{
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title =
	    "rcv.saveas_title", .prompt = ed_msg_tr(a, prompt_id), .hint =
	    "ed.hint_input", .init = init != NULL ? init : a->path,
	    .error = why }, save_as_answered, saving_free, sv) |
	    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
failed_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	if (r->code == RCH_SAVE_AS)
		return (ask_save_as(a, arg, "rcv.saveas_prompt", NULL, NULL));
	return (ed_msg_set(a, ST_MSG_ERROR, "rcv.save_failed_back", 0));
}

/* The save failed with e: say so, keep everything, offer save as. */
static unsigned
ask_save_failed(struct tui_app *a, bool then_quit, const struct err *e)
{
	static const enum ed_recover_choice codes[] = { RCH_SAVE_AS,
	    RCH_BACK };
	struct err	 se = { 0 };
	char		*why = ed_recover_reason(a, e), *kept, *p, *m;

	/* The snapshot now, so that what the message says is true. */
	if (ed_recover_flush(a, &se))
		kept = ed_msg_tr(a, "rcv.save_failed_kept");
	else if (err_isset(&se)) {
		m = ed_recover_reason(a, &se);
		kept = i18n_fmt1(a->i18n, "rcv.save_failed_nosnap", m);
		free(m);
	} else
		kept = ed_msg_tr(a, "rcv.save_failed_memory");
	err_clear(&se);
	p = xasprintf("%s\n\n%s", why, kept);
	free(why);
	free(kept);
	return (ed_recover_ask(a, "rcv.save_failed_title", p, codes, 2,
	    failed_answered, saving_free, saving_new(then_quit)));
}

/* Writes the report over a->path now. */
static unsigned
save_now(struct tui_app *a, bool then_quit)
{
	struct err	e = { 0 };
	unsigned	d;

	if (store_save(a->rep, a->path, &e))
		return (saved(a, then_quit));
	d = ask_save_failed(a, then_quit, &e);
	err_clear(&e);
	return (d);
}

static unsigned
changed_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct saving	*sv = arg;

	if (r->code == RCH_SAVE_AS)
		return (ask_save_as(a, sv, "rcv.saveas_prompt", NULL, NULL));
	if (r->code == RCH_OVERWRITE)
		return (save_now(a, sv->then_quit));
	return (ed_msg_set(a, ST_MSG_INFO, "rcv.save_cancelled", 0));
}

unsigned
ed_save(struct tui_app *a, bool then_quit)
{
	static const enum ed_recover_choice codes[] = { RCH_OVERWRITE,
	    RCH_CANCEL, RCH_SAVE_AS };
	unsigned	 d = ed_cell_commit(a) | ed_text_sync(a, false);

	undo_seal(a->undo);
	if (a->readonly)
		return (d | ask_save_as(a, saving_new(then_quit),
		    "rcv.saveas_readonly", NULL, NULL));
	if (ed_recover_file_changed(a))
		return (d | ed_recover_ask(a, "rcv.changed_title",
		    i18n_fmt1(a->i18n, "rcv.changed_prompt", a->path), codes,
		    3, changed_answered, saving_free, saving_new(then_quit)));
	return (d | save_now(a, then_quit));
}

/* Saves as path; on failure the save-as question comes back with why. */
static unsigned
save_as(struct tui_app *a, struct saving *sv, const char *path)
{
	struct err	 e = { 0 };
	unsigned	 d;

	if (ed_recover_save_as(a, path, &e))
		return (saved(a, sv->then_quit));
	d = ask_save_as(a, sv, "rcv.saveas_prompt", path,
	    ed_recover_reason(a, &e));
	err_clear(&e);
	return (d);
}

static unsigned
over_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct saving	*sv = arg;
	char		*path = sv->over;
	unsigned	 d;

	sv->over = NULL;
	if (r->res == DLG_YES)
		d = save_as(a, sv, path);
	else
		d = ask_save_as(a, sv, "rcv.saveas_prompt", path, NULL);
	free(path);
	return (d);
}

static unsigned
save_as_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct saving	*sv = arg;
	char		*path;
	unsigned	 d;

	if (r->res != DLG_OK)
		return (0);
	path = paths_expand(r->text);
	if (*path == '\0' || strcmp(path, a->path) == 0) {
		d = ed_ask_refuse(a, ed_msg_tr(a, *path == '\0' ?
		    "rcv.saveas_empty" : a->readonly ? "rcv.saveas_same_ro" :
		    "rcv.saveas_same"), true);
		free(path);
		return (d);
	}
	if (access(path, F_OK) != 0) {
		d = save_as(a, sv, path);
		free(path);
		return (d);
	}
	free(sv->over);
	sv->over = path;
	return (ed_ask_overwrite(a, "rcv.saveas_title", path, over_answered,
	    saving_free, sv));
}

static unsigned
quit_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	if (r->res == DLG_NO) {
		/* "Don't save": the snapshot goes with the changes. */
		ed_recover_discard(a, NULL);
		return (TUI_QUIT);
	}
	if (r->res != DLG_YES)
		return (0);
	return (ed_save(a, true));
}

static unsigned
quit(struct tui_app *a, int key)
{
	unsigned	d;

	if (a->rep == NULL)
		return (TUI_QUIT);
	if ((d = ed_cell_commit(a)) != 0 && ed_cell_held(a))
		return (d);	/* nothing typed is thrown away */
	d |= ed_text_sync(a, false);
	ed_doc_check_modified(a);
	if (!a->modified)
		return (TUI_QUIT);
	return (d | ed_ask_confirm(a, &(struct ed_ask_spec){ .title =
	    "ed.quit_title", .prompt = ed_msg_tr(a, "ed.quit_prompt"),
	    .hint = "ed.quit_hint", .no_key = key }, quit_answered, NULL,
	    NULL) | TUI_DIRTY_TITLE);
}

static unsigned
save(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	return (ed_save(a, false));
}

const struct ed_action ed_save_save = {
	.fn = save, .bar = "ed.k.save", .help = "ed.h.save",
	.flags = ED_ACT_SMALL
};
const struct ed_action ed_save_quit = {
	.fn = quit, .bar = "ed.k.quit", .help = "ed.h.quit",
	.flags = ED_ACT_SMALL
};
