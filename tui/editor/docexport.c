/*
 * Export from the editor (see docexport.h).  The questions keep their
 * answers in the app: a->export_fmt (the format chosen; it is also the
 * one proposed next time) and a->export_to (the file, while the
 * overwrite question is open and until the export has run).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "dialog.h"
#include "doc.h"
#include "docexport.h"
#include "edit.h"
#include "export_pdf.h"
#include "exporter.h"
#include "recovery.h"
#include "undo.h"
#include "xmalloc.h"

/* The formats offered, in the order of the question. */
static const struct {
	enum exporter_fmt	 fmt;
	const char		*msgid;
} choices[] = {
	{ EXPORTER_TXT, "ed.ex_txt" },
	{ EXPORTER_DOCX, "ed.ex_docx" },
	{ EXPORTER_PDF, "ed.ex_pdf" },
};
#define NCHOICES (sizeof choices / sizeof choices[0])

unsigned
docexport_act_open(struct tui_app *a, int key)
{
	char		**items, *t, *p, *h;
	unsigned	  d;
	size_t		  i;

	(void)key;
	if (a->rep == NULL)
		return (0);
	/* What is being typed is part of the report, as for a save. */
	d = edit_commit(a) | app_sync_text(a, false);
	undo_seal(a->undo);
	items = xcalloc(NCHOICES, sizeof *items);
	for (i = 0; i < NCHOICES; i++)
		items[i] = app_tr(a, choices[i].msgid);
	t = app_tr(a, "ed.ex_title");
	p = app_tr(a, "ed.ex_ask_fmt");
	h = app_tr(a, "ed.ex_hint_fmt");
	dialog_free(a->dlg);
	a->dlg = dialog_choice(t, p, items, NCHOICES, h);
	for (i = 0; i < NCHOICES; i++)
		if ((int)choices[i].fmt == a->export_fmt)
			a->dlg->sel = i;
	a->ask = ASK_EXPORT_FMT;
	free(t);
	free(p);
	free(h);
	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* The file question, proposing init (NULL: the report's name with the
 * format's extension). */
static unsigned
ask_path(struct tui_app *a, const char *init)
{
	char		*prop = init != NULL ? xstrdup(init) :
			    exporter_path(a->path, a->export_fmt);
	unsigned	 d;

	d = doc_ask_input(a, ASK_EXPORT_PATH, "ed.ex_title", "ed.ex_ask_path",
	    prop);
	free(prop);
	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
answer_fmt(struct tui_app *a, int res)
{
	if (res != DLG_OK || a->dlg->sel >= NCHOICES)
		return (doc_close_dialog(a));
	a->export_fmt = (int)choices[a->dlg->sel].fmt;
	if (a->export_fmt == EXPORTER_PDF && export_pdf_office() == NULL)
		return (doc_close_dialog(a) | app_msg(a, ST_MSG_ERROR,
		    "pdf.no_office", 1, EXPORT_PDF_INSTALL));
	return (ask_path(a, NULL));
}

/* Whether the two paths name one file (both existing). */
static bool
same_file(const char *p, const char *q)
{
	struct stat	a, b;

	if (strcmp(p, q) == 0)
		return (true);
	return (stat(p, &a) == 0 && stat(q, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino);
}

/* Confirmed: the loop runs the export once "exporting" is shown. */
static unsigned
start(struct tui_app *a, char *path)
{
	free(a->export_to);
	a->export_to = path;
	a->export_pending = true;
	return (doc_close_dialog(a) | app_msg(a, ST_MSG_INFO,
	    a->export_fmt == EXPORTER_PDF ? "ed.ex_running_pdf" :
	    "ed.ex_running", 1, path));
}

static unsigned
answer_path(struct tui_app *a, int res)
{
	char	*clean, *path;

	if (res != DLG_OK)
		return (doc_close_dialog(a));
	clean = text_sanitize(dialog_text(a->dlg), strlen(dialog_text(a->dlg)),
	    false);
	path = doc_expand_path(clean);
	free(clean);
	if (*path == '\0' || same_file(path, a->path)) {
		dialog_set_error(a->dlg, app_tr(a, *path == '\0' ?
		    "rcv.saveas_empty" : "ed.ex_same"));
		free(path);
		return (TUI_DIRTY_DIALOG);
	}
	if (access(path, F_OK) != 0)
		return (start(a, path));
	/* Over another file: ask first. */
	return (doc_ask_overwrite(a, ASK_EXPORT_OVERWRITE, "ed.ex_title", path,
	    &a->export_to));
}

static unsigned
answer_overwrite(struct tui_app *a, int res)
{
	char		*path = a->export_to;
	unsigned	 d;

	a->export_to = NULL;
	if (res == DLG_YES)
		return (start(a, path));
	d = ask_path(a, path);
	free(path);
	return (d);
}

unsigned
docexport_answer(struct tui_app *a, int res)
{
	switch (a->ask) {
	case ASK_EXPORT_FMT:
		return (answer_fmt(a, res));
	case ASK_EXPORT_PATH:
		return (answer_path(a, res));
	default:
		return (answer_overwrite(a, res));
	}
}

unsigned
docexport_run(struct tui_app *a)
{
	struct err	 e = { 0 };
	char		*why;
	unsigned	 d;

	if (!a->export_pending || a->rep == NULL)
		return (0);
	a->export_pending = false;
	if (exporter_write(a->rep, a->export_fmt, a->lang, a->export_to, &e))
		d = app_msg(a, ST_MSG_INFO, "ed.ex_done", 1, a->export_to);
	else {
		why = recovery_reason(a, &e);
		d = app_msg(a, ST_MSG_ERROR, "ed.ex_failed", 1, why);
		free(why);
		err_clear(&e);
	}
	free(a->export_to);
	a->export_to = NULL;
	return (d);
}
