/*
 * Document actions (see ed_doc.h).  The questions are dialogs whose answers
 * come back to ed_doc_answer() with a->ask saying which question it was.
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
 * The questions of a new report live in ed_newreport.c, those of export in
 * ed_export.c; ed_doc_answer hands their answers over.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "ed_app.h"
#include "ed_dialog.h"
#include "ed_doc.h"
#include "ed_export.h"
#include "ed_cell.h"
#include "ed_form.h"
#include "ed_keymap.h"
#include "ed_newreport.h"
#include "ed_pageview.h"
#include "ed_recover.h"
#include "store.h"
#include "ed_textedit.h"
#include "undo.h"
#include "xmalloc.h"

unsigned
ed_doc_ask_input(struct tui_app *a, int ask, const char *title,
    const char *prompt, const char *init)
{
	char	*t = ed_app_tr(a, title), *p = ed_app_tr(a, prompt);
	char	*h = ed_app_tr(a, "ed.hint_input");

	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_input(t, p, init, h);
	a->ask = (enum tui_ask)ask;
	free(t);
	free(p);
	free(h);
	return (TUI_DIRTY_DIALOG | TUI_DIRTY_CURSOR);
}

unsigned
ed_doc_close_dialog(struct tui_app *a)
{
	ed_dialog_free(a->dlg);
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

	ed_app_mark_saved(a);
	d = ed_app_msg(a, ST_MSG_INFO, "ed.saved_to", 1, a->path);
	d |= ed_recover_saved(a);
	if (a->quit_after_save)
		return (TUI_QUIT);
	return (d | TUI_DIRTY_TITLE);
}

static unsigned
ask_save_as(struct tui_app *a, const char *prompt_id, const char *init)
{
	unsigned	d = ed_doc_ask_input(a, ASK_SAVE_AS, "rcv.saveas_title",
	    prompt_id, init != NULL ? init : a->path);

	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* The save failed with e: say so, keep everything, offer save as. */
static unsigned
ask_save_failed(struct tui_app *a, const struct err *e)
{
	static const enum ed_recover_choice codes[] = { RCH_SAVE_AS, RCH_BACK };
	struct err	 se = { 0 };
	char		*why = ed_recover_reason(a, e), *kept, *p, *m;

	/* The snapshot now, so that what the message says is true. */
	if (ed_recover_flush(a, &se))
		kept = ed_app_tr(a, "rcv.save_failed_kept");
	else if (err_isset(&se)) {
		m = ed_recover_reason(a, &se);
		kept = i18n_fmt1(a->i18n, "rcv.save_failed_nosnap", m);
		free(m);
	} else
		kept = ed_app_tr(a, "rcv.save_failed_memory");
	err_clear(&se);
	p = xasprintf("%s\n\n%s", why, kept);
	free(why);
	free(kept);
	return (ed_recover_choose(a, ASK_SAVE_FAILED, "rcv.save_failed_title", p,
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
	static const enum ed_recover_choice codes[] = { RCH_OVERWRITE,
	    RCH_CANCEL, RCH_SAVE_AS };

	return (ed_recover_choose(a, ASK_CHANGED, "rcv.changed_title",
	    i18n_fmt1(a->i18n, "rcv.changed_prompt", a->path), codes, 3));
}

unsigned
ed_doc_save(struct tui_app *a, bool then_quit)
{
	unsigned	d = ed_cell_commit(a) | ed_app_sync_text(a, false);

	undo_seal(a->undo);
	a->quit_after_save = then_quit;
	if (a->readonly)
		return (d | ask_save_as(a, "rcv.saveas_readonly", NULL));
	if (ed_recover_file_changed(a))
		return (d | ask_changed(a));
	return (d | save_now(a));
}

char *
ed_doc_expand_path(const char *s)
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

	if (ed_recover_save_as(a, path, &e)) {
		free(init);
		return (ed_doc_close_dialog(a) | saved(a));
	}
	d = ask_save_as(a, "rcv.saveas_prompt", init);
	ed_dialog_set_error(a->dlg, ed_recover_reason(a, &e));
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
		return (ed_doc_close_dialog(a));
	}
	clean = text_sanitize(ed_dialog_text(a->dlg), strlen(ed_dialog_text(a->dlg)),
	    false);
	path = ed_doc_expand_path(clean);
	free(clean);
	if (*path == '\0' || strcmp(path, a->path) == 0) {
		ed_dialog_set_error(a->dlg, ed_app_tr(a, *path == '\0' ?
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
	return (ed_doc_ask_overwrite(a, ASK_OVERWRITE, "rcv.saveas_title", path,
	    &a->save_as));
}

unsigned
ed_doc_ask_overwrite(struct tui_app *a, int ask, const char *title_id,
    char *path, char **slot)
{
	char	*t, *p, *h;

	free(*slot);
	*slot = path;
	t = ed_app_tr(a, title_id);
	p = i18n_fmt1(a->i18n, "rcv.overwrite_prompt", path);
	h = ed_app_tr(a, "rcv.overwrite_hint");
	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_confirm(t, p, h, 0);
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
	enum ed_recover_choice	ch = ed_recover_chosen(a, res);
	enum tui_ask		ask = a->ask;
	unsigned		d = ed_doc_close_dialog(a);

	if (ch == RCH_SAVE_AS)
		return (d | ask_save_as(a, "rcv.saveas_prompt", NULL));
	if (ask == ASK_CHANGED && ch == RCH_OVERWRITE)
		return (d | save_now(a));
	a->quit_after_save = false;
	if (ask == ASK_CHANGED)
		d |= ed_app_msg(a, ST_MSG_INFO, "rcv.save_cancelled", 0);
	else
		d |= ed_app_msg(a, ST_MSG_ERROR, "rcv.save_failed_back", 0);
	return (d);
}

static unsigned
answer_quit(struct tui_app *a, int res)
{
	unsigned	d = ed_doc_close_dialog(a);

	if (res == DLG_NO) {
		/* "Don't save": the snapshot goes with the changes. */
		ed_recover_discard(a);
		return (TUI_QUIT);
	}
	if (res != DLG_YES)
		return (d);
	return (d | ed_doc_save(a, true));
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
		return (ed_doc_close_dialog(a));
	q = text_sanitize(ed_dialog_text(a->dlg), strlen(ed_dialog_text(a->dlg)),
	    false);
	/* A section's number or id (五, 5, s5) names the section, though
	 * "五" is also in many labels. */
	if ((sec = tpl_section_index(t, q)) >= 0) {
		free(q);
		return (ed_doc_close_dialog(a) | ed_app_set_section(a, sec));
	}
	n = tpl_find_cells(t, q, out, 64);
	if (n == 0) {
		ed_dialog_set_error(a->dlg, i18n_fmt1(a->i18n, "ed.goto_none", q));
		free(q);
		return (TUI_DIRTY_DIALOG);
	}
	if (n == 1) {
		free(q);
		d = ed_doc_close_dialog(a);
		return (d | ed_form_goto(a, out[0]));
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
	title = ed_app_tr(a, "ed.goto_title");
	prompt = i18n_fmt2(a->i18n, "ed.goto_many", q, num);
	hint = ed_app_tr(a, "ed.hint_list");
	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_list(title, prompt, items, n, hint);
	a->ask = ASK_GOTO_PICK;
	free(title);
	free(prompt);
	free(hint);
	free(q);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

unsigned
ed_doc_answer(struct tui_app *a, int res)
{
	int	cell;

	switch (a->ask) {
	case ASK_ORGAN: case ASK_YEAR: case ASK_NEW_HOW: case ASK_NEW_FROM:
		return (ed_newreport_answer(a, res));
	case ASK_EXPORT_FMT: case ASK_EXPORT_PATH: case ASK_EXPORT_OVERWRITE:
		return (ed_export_answer(a, res));
	case ASK_QUIT:
		return (answer_quit(a, res));
	case ASK_GOTO:
		return (answer_goto(a, res));
	case ASK_GOTO_PICK:
		if (res != DLG_OK || a->picks == NULL)
			return (ed_doc_close_dialog(a));
		cell = a->picks[a->dlg->sel];
		return (ed_doc_close_dialog(a) | ed_form_goto(a, cell));
	case ASK_NODIR: case ASK_LOCK: case ASK_RECOVER: case ASK_SNAP_BAD:
		return (ed_recover_answer(a, res));
	case ASK_CHANGED: case ASK_SAVE_FAILED:
		return (answer_save(a, res));
	case ASK_SAVE_AS:
		return (answer_save_as(a, res));
	case ASK_OVERWRITE:
		return (answer_overwrite(a, res));
	default:
		return (ed_doc_close_dialog(a));
	}
}

unsigned
ed_doc_act_save(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	return (ed_doc_save(a, false));
}

unsigned
ed_doc_act_quit(struct tui_app *a, int key)
{
	char		*t, *p, *h;
	unsigned	 d;

	if (a->rep == NULL)
		return (TUI_QUIT);
	d = ed_cell_commit(a) | ed_app_sync_text(a, false);
	ed_app_check_modified(a);
	if (!ed_app_modified(a))
		return (TUI_QUIT);
	t = ed_app_tr(a, "ed.quit_title");
	p = ed_app_tr(a, "ed.quit_prompt");
	h = ed_app_tr(a, "ed.quit_hint");
	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_confirm(t, p, h, key);
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
		return (ed_form_goto(a, w->cell));
	d = ed_app_set_section(a, w->sec);
	if (a->te[w->sec] != NULL)
		ed_textedit_set_text(a->te[w->sec], report_text(a->rep, w->sec),
		    w->caret);
	return (d | TUI_DIRTY_ALL);
}

unsigned
ed_doc_act_undo(struct tui_app *a, int key)
{
	struct undo_where	w;
	unsigned		d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (a->edit.active)
		return (ed_cell_cancel(a));
	d = ed_app_sync_text(a, false);
	if (!undo_undo(a->undo, a->rep, &w))
		return (d | ed_app_msg(a, ST_MSG_INFO, "ed.undo_none", 0));
	return (d | show_change(a, &w) | TUI_DIRTY_MODEL);
}

unsigned
ed_doc_act_redo(struct tui_app *a, int key)
{
	struct undo_where	w;
	unsigned		d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	d = ed_cell_commit(a);
	if (!undo_redo(a->undo, a->rep, &w))
		return (d | ed_app_msg(a, ST_MSG_INFO, "ed.redo_none", 0));
	return (d | show_change(a, &w) | TUI_DIRTY_MODEL);
}

unsigned
ed_doc_act_goto(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	return (ed_cell_commit(a) | ed_doc_ask_input(a, ASK_GOTO, "ed.goto_title",
	    "ed.goto_prompt", ""));
}

unsigned
ed_doc_open_preview(struct tui_app *a)
{
	a->pv = ed_pageview_new(a->rep, a->i18n, a->lang, &a->topts);
	ed_pageview_resize(a->pv, a->g.rows - 2, a->g.cols);
	a->mode = TUI_PREVIEW;
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

unsigned
ed_doc_act_preview(struct tui_app *a, int key)
{
	unsigned	d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (a->mode == TUI_PREVIEW) {
		ed_pageview_free(a->pv);
		a->pv = NULL;
		a->mode = TUI_FORM;
		return (a->opts->preview ? TUI_QUIT :
		    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	}
	d = ed_cell_commit(a) | ed_app_sync_text(a, false);
	return (d | ed_doc_open_preview(a));
}
