/*
 * Document actions (see doc.h).  The questions are dialogs whose answers
 * come back to doc_answer() with a->ask saying which question it was.
 * Saving goes through store_save (atomic); the report counts as
 * unmodified when its file text equals what was last saved.
 *
 * A save is a short conversation: read-only → ask for another path
 * (save as); the file changed on disk since it was opened → ask
 * (overwrite / cancel / save as); the save failed (disk full, read-only
 * folder...) → the reason, the edits kept in memory and in the recovery
 * snapshot, and save as offered.  a->quit_after_save carries "and then
 * quit" (the quit question's Y) through it.
 *
 * The questions of a new report live in newreport.c, those of export in
 * docexport.c; doc_answer hands their answers over.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "app.h"
#include "dialog.h"
#include "doc.h"
#include "docexport.h"
#include "edit.h"
#include "form.h"
#include "keymap.h"
#include "newreport.h"
#include "preview.h"
#include "recovery.h"
#include "store.h"
#include "textedit.h"
#include "undo.h"
#include "xmalloc.h"

unsigned
doc_ask_input(struct tui_app *a, int ask, const char *title,
    const char *prompt, const char *init)
{
	char	*t = app_tr(a, title), *p = app_tr(a, prompt);
	char	*h = app_tr(a, "ed.hint_input");

	dialog_free(a->dlg);
	a->dlg = dialog_input(t, p, init, h);
	a->ask = (enum tui_ask)ask;
	free(t);
	free(p);
	free(h);
	return (TUI_DIRTY_DIALOG | TUI_DIRTY_CURSOR);
}

unsigned
doc_close_dialog(struct tui_app *a)
{
	dialog_free(a->dlg);
	a->dlg = NULL;
	a->ask = ASK_NONE;
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned answer_save(struct tui_app *, int);
static unsigned answer_save_as(struct tui_app *, int);
static unsigned answer_overwrite(struct tui_app *, int);

/* The save succeeded: the report is clean, quit if that was asked. */
static unsigned
saved(struct tui_app *a)
{
	unsigned	d;

	app_mark_saved(a);
	d = app_msg(a, ST_MSG_INFO, "ed.saved_to", 1, a->path);
	d |= recovery_saved(a);
	if (a->quit_after_save)
		return (TUI_QUIT);
	return (d | TUI_DIRTY_TITLE);
}

static unsigned
ask_save_as(struct tui_app *a, const char *prompt_id, const char *init)
{
	unsigned	d = doc_ask_input(a, ASK_SAVE_AS, "rcv.saveas_title",
	    prompt_id, init != NULL ? init : a->path);

	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* The save failed with e: say so, keep everything, offer save as. */
static unsigned
ask_save_failed(struct tui_app *a, const struct err *e)
{
	static const enum recovery_choice codes[] = { RCH_SAVE_AS, RCH_BACK };
	struct err	 se = { 0 };
	char		*why = recovery_reason(a, e), *kept, *p, *m;

	/* The snapshot now, so that what the message says is true. */
	if (recovery_flush(a, &se))
		kept = app_tr(a, "rcv.save_failed_kept");
	else if (err_isset(&se)) {
		m = recovery_reason(a, &se);
		kept = i18n_fmt1(a->i18n, "rcv.save_failed_nosnap", m);
		free(m);
	} else
		kept = app_tr(a, "rcv.save_failed_memory");
	err_clear(&se);
	p = xasprintf("%s\n\n%s", why, kept);
	free(why);
	free(kept);
	return (recovery_choose(a, ASK_SAVE_FAILED, "rcv.save_failed_title", p,
	    codes, 2));
}

/* Writes the report over a->path now. */
static unsigned
save_now(struct tui_app *a)
{
	struct err	e = { 0 };
	unsigned	d;

	if (store_save(a->rep, a->path, &e))
		return (saved(a));
	d = ask_save_failed(a, &e);
	err_clear(&e);
	return (d);
}

static unsigned
ask_changed(struct tui_app *a)
{
	static const enum recovery_choice codes[] = { RCH_OVERWRITE,
	    RCH_CANCEL, RCH_SAVE_AS };

	return (recovery_choose(a, ASK_CHANGED, "rcv.changed_title",
	    i18n_fmt1(a->i18n, "rcv.changed_prompt", a->path), codes, 3));
}

unsigned
doc_save(struct tui_app *a, bool then_quit)
{
	unsigned	d = edit_commit(a) | app_sync_text(a, false);

	undo_seal(a->undo);
	a->quit_after_save = then_quit;
	if (a->readonly)
		return (d | ask_save_as(a, "rcv.saveas_readonly", NULL));
	if (recovery_file_changed(a))
		return (d | ask_changed(a));
	return (d | save_now(a));
}

char *
doc_expand_path(const char *s)
{
	const char	*home = getenv("HOME");

	if (s[0] == '~' && s[1] == '/' && home != NULL && *home != '\0')
		return (xasprintf("%s%s", home, s + 1));
	return (xstrdup(s));
}

/* Saves as path; on failure the save-as question comes back with why. */
static unsigned
save_as(struct tui_app *a, const char *path)
{
	struct err	 e = { 0 };
	char		*init = xstrdup(path);
	unsigned	 d;

	if (recovery_save_as(a, path, &e)) {
		free(init);
		return (doc_close_dialog(a) | saved(a));
	}
	d = ask_save_as(a, "rcv.saveas_prompt", init);
	dialog_set_error(a->dlg, recovery_reason(a, &e));
	err_clear(&e);
	free(init);
	return (d);
}

static unsigned
answer_save_as(struct tui_app *a, int res)
{
	char		*path, *clean;
	unsigned	 d;

	if (res != DLG_OK) {
		a->quit_after_save = false;
		return (doc_close_dialog(a));
	}
	clean = text_sanitize(dialog_text(a->dlg), strlen(dialog_text(a->dlg)),
	    false);
	path = doc_expand_path(clean);
	free(clean);
	if (*path == '\0' || strcmp(path, a->path) == 0) {
		dialog_set_error(a->dlg, app_tr(a, *path == '\0' ?
		    "rcv.saveas_empty" : a->readonly ? "rcv.saveas_same_ro" :
		    "rcv.saveas_same"));
		/* Typing replaces the refused name. */
		a->dlg->fresh = a->dlg->in.len > 0;
		free(path);
		return (TUI_DIRTY_DIALOG);
	}
	if (access(path, F_OK) != 0) {
		d = save_as(a, path);
		free(path);
		return (d);
	}
	return (doc_ask_overwrite(a, ASK_OVERWRITE, "rcv.saveas_title", path,
	    &a->save_as));
}

unsigned
doc_ask_overwrite(struct tui_app *a, int ask, const char *title_id,
    char *path, char **slot)
{
	char	*t, *p, *h;

	free(*slot);
	*slot = path;
	t = app_tr(a, title_id);
	p = i18n_fmt1(a->i18n, "rcv.overwrite_prompt", path);
	h = app_tr(a, "rcv.overwrite_hint");
	dialog_free(a->dlg);
	a->dlg = dialog_confirm(t, p, h, 0);
	a->ask = ask;
	free(t);
	free(p);
	free(h);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
answer_overwrite(struct tui_app *a, int res)
{
	char		*path = a->save_as;
	unsigned	 d;

	a->save_as = NULL;
	if (res == DLG_YES)
		d = save_as(a, path);
	else
		d = ask_save_as(a, "rcv.saveas_prompt", path);
	free(path);
	return (d);
}

/* The answers of the save questions. */
static unsigned
answer_save(struct tui_app *a, int res)
{
	enum recovery_choice	ch = recovery_chosen(a, res);
	enum tui_ask		ask = a->ask;
	unsigned		d = doc_close_dialog(a);

	if (ch == RCH_SAVE_AS)
		return (d | ask_save_as(a, "rcv.saveas_prompt", NULL));
	if (ask == ASK_CHANGED && ch == RCH_OVERWRITE)
		return (d | save_now(a));
	a->quit_after_save = false;
	if (ask == ASK_CHANGED)
		d |= app_msg(a, ST_MSG_INFO, "rcv.save_cancelled", 0);
	else
		d |= app_msg(a, ST_MSG_ERROR, "rcv.save_failed_back", 0);
	return (d);
}

static unsigned
answer_quit(struct tui_app *a, int res)
{
	unsigned	d = doc_close_dialog(a);

	if (res == DLG_NO) {
		/* "Don't save": the snapshot goes with the changes. */
		recovery_discard(a);
		return (TUI_QUIT);
	}
	if (res != DLG_YES)
		return (d);
	return (d | doc_save(a, true));
}

/* A line for a go-to match: its label path. */
static char *
match_label(const struct tui_app *a, int cell)
{
	const struct tpl_cell *c = &report_tpl(a->rep)->cells[cell];

	if (c->row_path[a->lang] == NULL || *c->row_path[a->lang] == '\0')
		return (xstrdup(c->col_path[a->lang]));
	return (xasprintf("%s | %s", c->row_path[a->lang],
	    c->col_path[a->lang]));
}

static unsigned
answer_goto(struct tui_app *a, int res)
{
	const struct tpl	*t = report_tpl(a->rep);
	int			 out[64], sec;
	char			*q, **items, *title, *prompt, *hint, num[16];
	size_t			 n, i;
	unsigned		 d;

	if (res != DLG_OK)
		return (doc_close_dialog(a));
	q = text_sanitize(dialog_text(a->dlg), strlen(dialog_text(a->dlg)),
	    false);
	/* A section's number or id (五, 5, s5) names the section, though
	 * "五" is also in many labels. */
	if ((sec = tpl_section_index(t, q)) >= 0) {
		free(q);
		return (doc_close_dialog(a) | app_set_section(a, sec));
	}
	n = tpl_find_cells(t, q, out, 64);
	if (n == 0) {
		dialog_set_error(a->dlg, i18n_fmt1(a->i18n, "ed.goto_none", q));
		free(q);
		return (TUI_DIRTY_DIALOG);
	}
	if (n == 1) {
		free(q);
		d = doc_close_dialog(a);
		return (d | form_goto(a, out[0]));
	}
	n = n < 64 ? n : 64;
	items = xcalloc(n, sizeof *items);
	free(a->picks);
	a->picks = xcalloc(n, sizeof *a->picks);
	for (i = 0; i < n; i++) {
		items[i] = match_label(a, out[i]);
		a->picks[i] = out[i];
	}
	snprintf(num, sizeof num, "%zu", n);
	title = app_tr(a, "ed.goto_title");
	prompt = i18n_fmt2(a->i18n, "ed.goto_many", q, num);
	hint = app_tr(a, "ed.hint_list");
	dialog_free(a->dlg);
	a->dlg = dialog_list(title, prompt, items, n, hint);
	a->ask = ASK_GOTO_PICK;
	free(title);
	free(prompt);
	free(hint);
	free(q);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

unsigned
doc_answer(struct tui_app *a, int res)
{
	int	cell;

	switch (a->ask) {
	case ASK_ORGAN: case ASK_YEAR: case ASK_NEW_HOW: case ASK_NEW_FROM:
		return (newreport_answer(a, res));
	case ASK_EXPORT_FMT: case ASK_EXPORT_PATH: case ASK_EXPORT_OVERWRITE:
		return (docexport_answer(a, res));
	case ASK_QUIT:
		return (answer_quit(a, res));
	case ASK_GOTO:
		return (answer_goto(a, res));
	case ASK_GOTO_PICK:
		if (res != DLG_OK || a->picks == NULL)
			return (doc_close_dialog(a));
		cell = a->picks[a->dlg->sel];
		return (doc_close_dialog(a) | form_goto(a, cell));
	case ASK_NODIR: case ASK_LOCK: case ASK_RECOVER: case ASK_SNAP_BAD:
		return (recovery_answer(a, res));
	case ASK_CHANGED: case ASK_SAVE_FAILED:
		return (answer_save(a, res));
	case ASK_SAVE_AS:
		return (answer_save_as(a, res));
	case ASK_OVERWRITE:
		return (answer_overwrite(a, res));
	default:
		return (doc_close_dialog(a));
	}
}

unsigned
doc_act_save(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	return (doc_save(a, false));
}

unsigned
doc_act_quit(struct tui_app *a, int key)
{
	char		*t, *p, *h;
	unsigned	 d;

	if (a->rep == NULL)
		return (TUI_QUIT);
	d = edit_commit(a) | app_sync_text(a, false);
	app_check_modified(a);
	if (!app_modified(a))
		return (TUI_QUIT);
	t = app_tr(a, "ed.quit_title");
	p = app_tr(a, "ed.quit_prompt");
	h = app_tr(a, "ed.quit_hint");
	dialog_free(a->dlg);
	a->dlg = dialog_confirm(t, p, h, key);
	a->ask = ASK_QUIT;
	free(t);
	free(p);
	free(h);
	return (d | TUI_DIRTY_DIALOG | TUI_DIRTY_TITLE);
}

/* Shows where an undone or redone change happened. */
static unsigned
show_change(struct tui_app *a, const struct undo_where *w)
{
	unsigned	d;

	if (w->kind == UNDO_CELL)
		return (form_goto(a, w->cell));
	d = app_set_section(a, w->sec);
	if (a->te[w->sec] != NULL)
		textedit_set_text(a->te[w->sec], report_text(a->rep, w->sec),
		    w->caret);
	return (d | TUI_DIRTY_ALL);
}

unsigned
doc_act_undo(struct tui_app *a, int key)
{
	struct undo_where	w;
	unsigned		d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (a->edit.active)
		return (edit_cancel(a));
	d = app_sync_text(a, false);
	if (!undo_undo(a->undo, a->rep, &w))
		return (d | app_msg(a, ST_MSG_INFO, "ed.undo_none", 0));
	return (d | show_change(a, &w) | TUI_DIRTY_MODEL);
}

unsigned
doc_act_redo(struct tui_app *a, int key)
{
	struct undo_where	w;
	unsigned		d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	d = edit_commit(a);
	if (!undo_redo(a->undo, a->rep, &w))
		return (d | app_msg(a, ST_MSG_INFO, "ed.redo_none", 0));
	return (d | show_change(a, &w) | TUI_DIRTY_MODEL);
}

unsigned
doc_act_goto(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	return (edit_commit(a) | doc_ask_input(a, ASK_GOTO, "ed.goto_title",
	    "ed.goto_prompt", ""));
}

unsigned
doc_open_preview(struct tui_app *a)
{
	a->pv = preview_new(a->rep, a->i18n, a->lang, &a->topts);
	preview_resize(a->pv, a->g.rows - 2, a->g.cols);
	a->mode = TUI_PREVIEW;
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

unsigned
doc_act_preview(struct tui_app *a, int key)
{
	unsigned	d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (a->mode == TUI_PREVIEW) {
		preview_free(a->pv);
		a->pv = NULL;
		a->mode = TUI_FORM;
		return (a->opts->preview ? TUI_QUIT :
		    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	}
	d = edit_commit(a) | app_sync_text(a, false);
	return (d | doc_open_preview(a));
}
