/*
 * Export from the editor (see ed_export.h).  The overwrite question's
 * argument is the path it asks about.  The job run later is one
 * function with its argument (struct ed_export's job, jobarg, jobfree):
 * the export itself, or a print (ed_print.c).
 */
#include <stdio.h>
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
#include "publish.h"
#include "undo.h"
#include "xmalloc.h"

struct ed_export {
	int		 fmt;		/* enum exporter_fmt, chosen last */
	ed_export_job	 job;		/* run by ed_export_run, or NULL */
	void		*jobarg;
	void		(*jobfree)(void *);
};

/* The formats offered, in the order of the question. */
static const struct {
	enum exporter_fmt	 fmt;
	const char		*msgid;
} choices[] = {
	{ EXPORTER_TXT, "ed.ex_txt" },
	{ EXPORTER_DOCX, "ed.ex_docx" },
	{ EXPORTER_PDF, "ed.ex_pdf" },
	{ EXPORTER_HTML, "ed.ex_html" },
};
#define NCHOICES (sizeof choices / sizeof choices[0])

void
ed_export_init(struct tui_app *a)
{
	a->ex = xcalloc(1, sizeof *a->ex);
	a->ex->fmt = EXPORTER_DOCX;
}

/* Drops the job not run. */
static void
job_drop(struct ed_export *x)
{
	if (x->jobfree != NULL)
		x->jobfree(x->jobarg);
	x->job = NULL;
	x->jobarg = NULL;
	x->jobfree = NULL;
}

void
ed_export_done(struct tui_app *a)
{
	if (a->ex == NULL)
		return;
	job_drop(a->ex);
	free(a->ex);
	a->ex = NULL;
}

void
ed_export_later(struct tui_app *a, ed_export_job fn, void *arg,
    void (*freefn)(void *))
{
	job_drop(a->ex);
	a->ex->job = fn;
	a->ex->jobarg = arg;
	a->ex->jobfree = freefn;
}

unsigned
ed_export_run(struct tui_app *a)
{
	struct ed_export	*x = a->ex;
	ed_export_job		 fn;
	void			*arg, (*fr)(void *);
	unsigned		 d = 0;

	if (x == NULL || x->job == NULL)
		return (0);
	/* Taken off first: the job may set up another. */
	fn = x->job;
	arg = x->jobarg;
	fr = x->jobfree;
	x->job = NULL;
	x->jobarg = NULL;
	x->jobfree = NULL;
	if (a->rep != NULL)
		d = fn(a, arg);
	if (fr != NULL)
		fr(arg);
	return (d);
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

/* The export itself, once "exporting" is on the screen: through
 * publish_write, as `nianbao export` writes; the counts and the fonts
 * substituted go to the message line. */
static unsigned
write_job(struct tui_app *a, void *arg)
{
	const char		*path = arg;
	struct publish_notes	 notes = { NULL, 0, NULL };
	struct err		 e = { 0 };
	char			*why, ne[32], nw[32];
	size_t			 errs, warns;
	unsigned		 d;

	if (publish_write(a->rep, a->ex->fmt, a->lang, path, NULL, a->i18n,
	    &notes, &e)) {
		publish_counts(a->rep, &errs, &warns);
		snprintf(ne, sizeof ne, "%zu", errs);
		snprintf(nw, sizeof nw, "%zu", warns);
		d = notes.fonts != NULL ? ed_msg_set(a, ST_MSG_INFO,
		    "ed.ex_done_fonts", 4, path, ne, nw, notes.fonts) :
		    ed_msg_set(a, ST_MSG_INFO, "ed.ex_done", 3, path, ne, nw);
	} else {
		why = ed_recover_reason(a, &e);
		d = ed_msg_set(a, ST_MSG_ERROR, "ed.ex_failed", 1, why);
		free(why);
		err_clear(&e);
	}
	publish_notes_free(&notes);
	return (d);
}

/* Confirmed (path taken): the loop runs the export once "exporting" is
 * shown. */
static unsigned
start(struct tui_app *a, char *path)
{
	unsigned	d;

	d = ed_msg_set(a, ST_MSG_INFO, a->ex->fmt == EXPORTER_PDF ?
	    "ed.ex_running_pdf" : "ed.ex_running", 1, path);
	ed_export_later(a, write_job, path, free);
	return (d);
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

/* The file question for fmt, or why it cannot be made. */
static unsigned
ask_path_for(struct tui_app *a, enum exporter_fmt fmt)
{
	a->ex->fmt = fmt;
	if (fmt == EXPORTER_PDF && export_pdf_office() == NULL)
		return (ed_msg_set(a, ST_MSG_ERROR, "pdf.no_office", 1,
		    EXPORT_PDF_INSTALL) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	return (ask_path(a, NULL));
}

static unsigned
fmt_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	if (r->code < 0)
		return (0);
	return (ask_path_for(a, r->code));
}

/* The format question. */
static unsigned
ask_fmt(struct tui_app *a, void *arg)
{
	char		**items;
	int		  codes[NCHOICES];
	size_t		  i, sel = 0;

	(void)arg;
	items = xcalloc(NCHOICES, sizeof *items);
	for (i = 0; i < NCHOICES; i++) {
		items[i] = ed_msg_tr(a, choices[i].msgid);
		codes[i] = (int)choices[i].fmt;
		if (codes[i] == a->ex->fmt)
			sel = i;
	}
	return (ed_ask_choice(a, &(struct ed_ask_spec){ .title =
	    "ed.ex_title", .prompt = ed_msg_tr(a, "ed.ex_ask_fmt"), .hint =
	    "ed.ex_hint_fmt", .sel = sel }, items, codes, NCHOICES,
	    fmt_answered, NULL, NULL) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* What ed_export_check goes on with once the clerk said yes. */
struct then {
	ed_export_job	 fn;
	void		*arg;
	void		(*freefn)(void *);
};

static void
then_free(void *p)
{
	struct then	*t = p;

	if (t->freefn != NULL)
		t->freefn(t->arg);
	free(t);
}

static unsigned
errors_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct then	*t = arg;

	if (r->res != DLG_YES)
		return (ed_msg_set(a, ST_MSG_INFO, "ed.ex_not_done", 0) |
		    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	/* fn borrows the argument; the question frees it with t. */
	return (t->fn(a, t->arg));
}

unsigned
ed_export_check(struct tui_app *a, const char *title_id, ed_export_job fn,
    void *arg, void (*freefn)(void *))
{
	struct then	*t;
	size_t		 errs, warns;
	char		 ne[32], nw[32];
	const char	*args[2] = { ne, nw };

	publish_counts(a->rep, &errs, &warns);
	if (errs == 0) {
		unsigned d = fn(a, arg);
		if (freefn != NULL)
			freefn(arg);
		return (d);
	}
	snprintf(ne, sizeof ne, "%zu", errs);
	snprintf(nw, sizeof nw, "%zu", warns);
	t = xcalloc(1, sizeof *t);
	*t = (struct then){ fn, arg, freefn };
	return (ed_ask_confirm(a, &(struct ed_ask_spec){ .title = title_id,
	    .prompt = i18n_fmt(a->i18n, "ed.ex_has_errors", 2, args),
	    .hint = "ed.ex_hint_errors" }, errors_answered, then_free, t) |
	    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* What is being typed is part of the report, as for a save. */
static unsigned
take_typing(struct tui_app *a)
{
	unsigned	d = ed_cell_commit(a) | ed_text_sync(a, false);

	undo_seal(a->undo);
	return (d);
}

/* F9: the errors (asked about when there are some), then the format. */
static unsigned
open_export(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	return (take_typing(a) | ed_export_check(a, "ed.ex_title", ask_fmt,
	    NULL, NULL));
}

const struct ed_action ed_export_open = {
	.fn = open_export, .bar = "ed.k.export", .help = "ed.h.export"
};

unsigned
ed_export_pdf(struct tui_app *a)
{
	if (a->rep == NULL)
		return (0);
	return (take_typing(a) | ask_path_for(a, EXPORTER_PDF));
}
