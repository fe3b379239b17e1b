/*
 * Export from the editor (see ed_export.h).  The questions keep their
 * answers in the app: a->export_fmt (the format chosen; it is also the
 * one proposed next time) and a->export_to (the file, while the
 * overwrite question is open and until the export has run).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ed_app.h"
#include "ed_dialog.h"
#include "ed_doc.h"
#include "ed_export.h"
#include "ed_cell.h"
#include "export_pdf.h"
#include "exporter.h"
#include "ed_recover.h"
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
ed_export_act_open(struct tui_app *a, int key)
{
	char		**items, *t, *p, *h;
	unsigned	  d;
	size_t		  i;

	(void)key;
	if (a->rep == NULL)
		return (0);
	/* What is being typed is part of the report, as for a save. */
	d = ed_cell_commit(a) | ed_app_sync_text(a, false);
	undo_seal(a->undo);
	items = xcalloc(NCHOICES, sizeof *items);
	for (i = 0; i < NCHOICES; i++)
		items[i] = ed_app_tr(a, choices[i].msgid);
	t = ed_app_tr(a, "ed.ex_title");
	p = ed_app_tr(a, "ed.ex_ask_fmt");
	h = ed_app_tr(a, "ed.ex_hint_fmt");
	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_choice(t, p, items, NCHOICES, h);
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

	d = ed_doc_ask_input(a, ASK_EXPORT_PATH, "ed.ex_title", "ed.ex_ask_path",
	    prop);
	free(prop);
	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
answer_fmt(struct tui_app *a, int res)
{
	if (res != DLG_OK || a->dlg->sel >= NCHOICES)
		return (ed_doc_close_dialog(a));
	a->export_fmt = (int)choices[a->dlg->sel].fmt;
	if (a->export_fmt == EXPORTER_PDF && export_pdf_office() == NULL)
		return (ed_doc_close_dialog(a) | ed_app_msg(a, ST_MSG_ERROR,
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
	return (ed_doc_close_dialog(a) | ed_app_msg(a, ST_MSG_INFO,
	    a->export_fmt == EXPORTER_PDF ? "ed.ex_running_pdf" :
	    "ed.ex_running", 1, path));
}

static unsigned
answer_path(struct tui_app *a, int res)
{
	char	*clean, *path;

	if (res != DLG_OK)
		return (ed_doc_close_dialog(a));
	clean = text_sanitize(ed_dialog_text(a->dlg), strlen(ed_dialog_text(a->dlg)),
	    false);
	path = ed_doc_expand_path(clean);
	free(clean);
	if (*path == '\0' || same_file(path, a->path)) {
		ed_dialog_set_error(a->dlg, ed_app_tr(a, *path == '\0' ?
		    "rcv.saveas_empty" : "ed.ex_same"));
		free(path);
		return (TUI_DIRTY_DIALOG);
	}
	if (access(path, F_OK) != 0)
		return (start(a, path));
	/* Over another file: ask first. */
	return (ed_doc_ask_overwrite(a, ASK_EXPORT_OVERWRITE, "ed.ex_title", path,
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
ed_export_answer(struct tui_app *a, int res)
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
ed_export_run(struct tui_app *a)
{
	struct err	 e = { 0 };
	char		*why;
	unsigned	 d;

	if (!a->export_pending || a->rep == NULL)
		return (0);
	a->export_pending = false;
	if (exporter_write(a->rep, a->export_fmt, a->lang, a->export_to, &e))
		d = ed_app_msg(a, ST_MSG_INFO, "ed.ex_done", 1, a->export_to);
	else {
		why = ed_recover_reason(a, &e);
		d = ed_app_msg(a, ST_MSG_ERROR, "ed.ex_failed", 1, why);
		free(why);
		err_clear(&e);
	}
	free(a->export_to);
	a->export_to = NULL;
	return (d);
}
