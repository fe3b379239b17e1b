/*
 * Export from the editor (see ed_export.h).  The overwrite question's
 * argument is the path it asks about.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ed_ask.h"
#include "ed_cell.h"
#include "ed_export.h"
#include "ed_msg.h"
#include "ed_recover.h"
#include "ed_text.h"
#include "export_pdf.h"
#include "exporter.h"
#include "paths.h"
#include "undo.h"
#include "xmalloc.h"

struct ed_export {
	int		 fmt;		/* enum exporter_fmt, chosen last */
	char		*to;		/* the file of the pending export */
	bool		 pending;
};

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

void
ed_export_init(struct tui_app *a)
{
	a->ex = xcalloc(1, sizeof *a->ex);
	a->ex->fmt = EXPORTER_DOCX;
}

void
ed_export_done(struct tui_app *a)
{
	if (a->ex == NULL)
		return;
	free(a->ex->to);
	free(a->ex);
	a->ex = NULL;
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

/* Confirmed (path taken): the loop runs the export once "exporting" is
 * shown. */
static unsigned
start(struct tui_app *a, char *path)
{
	free(a->ex->to);
	a->ex->to = path;
	a->ex->pending = true;
	return (ed_msg_set(a, ST_MSG_INFO, a->ex->fmt == EXPORTER_PDF ?
	    "ed.ex_running_pdf" : "ed.ex_running", 1, path));
}

static unsigned ask_path(struct tui_app *, const char *);

static unsigned
over_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	const char	*path = arg;

	if (r->res == DLG_YES)
		return (start(a, xstrdup(path)));
	return (ask_path(a, path));
}

static unsigned
path_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	char	*path;
	bool	 empty;

	(void)arg;
	if (r->res != DLG_OK)
		return (0);
	path = paths_expand(r->text);
	if ((empty = *path == '\0') || same_file(path, a->path)) {
		free(path);
		return (ed_ask_refuse(a, ed_msg_tr(a, empty ?
		    "rcv.saveas_empty" : "ed.ex_same"), false));
	}
	if (access(path, F_OK) != 0)
		return (start(a, path));
	/* Over another file: ask first. */
	return (ed_ask_overwrite(a, "ed.ex_title", path, over_answered, free,
	    path));
}

/* The file question, proposing init (NULL: the report's name with the
 * format's extension). */
static unsigned
ask_path(struct tui_app *a, const char *init)
{
	char		*prop = init != NULL ? xstrdup(init) :
			    exporter_path(a->path, a->ex->fmt);
	unsigned	 d;

	d = ed_ask_input(a, &(struct ed_ask_spec){ .title = "ed.ex_title",
	    .prompt = ed_msg_tr(a, "ed.ex_ask_path"), .hint = "ed.hint_input",
	    .init = prop }, path_answered, NULL, NULL);
	free(prop);
	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
fmt_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	if (r->code < 0)
		return (0);
	a->ex->fmt = r->code;
	if (a->ex->fmt == EXPORTER_PDF && export_pdf_office() == NULL)
		return (ed_msg_set(a, ST_MSG_ERROR, "pdf.no_office", 1,
		    EXPORT_PDF_INSTALL));
	return (ask_path(a, NULL));
}

/* F9: what is being typed is part of the report, as for a save; then
 * the format. */
static unsigned
ask_format(struct tui_app *a, int key)
{
	char		**items;
	int		  codes[NCHOICES];
	size_t		  i, sel = 0;
	unsigned	  d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	d = ed_cell_commit(a) | ed_text_sync(a, false);
	undo_seal(a->undo);
	items = xcalloc(NCHOICES, sizeof *items);
	for (i = 0; i < NCHOICES; i++) {
		items[i] = ed_msg_tr(a, choices[i].msgid);
		codes[i] = (int)choices[i].fmt;
		if (codes[i] == a->ex->fmt)
			sel = i;
	}
	return (d | ed_ask_choice(a, &(struct ed_ask_spec){ .title =
	    "ed.ex_title", .prompt = ed_msg_tr(a, "ed.ex_ask_fmt"), .hint =
	    "ed.ex_hint_fmt", .sel = sel }, items, codes, NCHOICES,
	    fmt_answered, NULL, NULL) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

const struct ed_action ed_export_open = {
	.fn = ask_format, .bar = "ed.k.export", .help = "ed.h.export"
};

unsigned
ed_export_run(struct tui_app *a)
{
	struct err	 e = { 0 };
	char		*why;
	unsigned	 d;

	if (!a->ex->pending || a->rep == NULL)
		return (0);
	a->ex->pending = false;
	if (exporter_write(a->rep, a->ex->fmt, a->lang, a->ex->to, &e))
		d = ed_msg_set(a, ST_MSG_INFO, "ed.ex_done", 1, a->ex->to);
	else {
		why = ed_recover_reason(a, &e);
		d = ed_msg_set(a, ST_MSG_ERROR, "ed.ex_failed", 1, why);
		free(why);
		err_clear(&e);
	}
	free(a->ex->to);
	a->ex->to = NULL;
	return (d);
}
