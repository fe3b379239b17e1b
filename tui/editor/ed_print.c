/*
 * Printing from the preview (see ed_print.h).  One struct prt goes from
 * question to question: the printers offered, then the one chosen and
 * the copies; the last question hands it to the job run later.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_ask.h"
#include "ed_export.h"
#include "ed_msg.h"
#include "ed_print.h"
#include "ed_recover.h"
#include "print.h"
#include "publish.h"
#include "xmalloc.h"

struct prt {
	char		**names;	/* the printers, the default first */
	size_t		  n;
	char		 *printer;	/* the one chosen */
	int		  copies;
};

static void
prt_free(void *p)
{
	struct prt	*t = p;

	if (t == NULL)
		return;
	print_names_free(t->names, t->n);
	free(t->printer);
	free(t);
}

/* The print, once "printing" is shown. */
static unsigned
print_job(struct tui_app *a, void *arg)
{
	struct prt		*t = arg;
	struct print_opts	 po = { t->printer, t->copies, NULL };
	struct fontmap		 fm;
	struct err		 e = { 0 };
	char			*used = NULL, *sent, *fonts, *why, job[16],
				 copies[16];
	const char		*args[3];
	int			 id;
	unsigned		 d;

	id = print_report(a->rep, &po, &used, &fm, &e);
	fonts = publish_font_list(&fm);
	fontmap_done(&fm);
	if (id <= 0) {
		why = ed_recover_reason(a, &e);
		d = ed_msg_set(a, ST_MSG_ERROR, "ed.pr_failed", 1, why);
		free(why);
		err_clear(&e);
	} else {
		snprintf(job, sizeof job, "%d", id);
		snprintf(copies, sizeof copies, "%d", t->copies);
		args[0] = used;
		args[1] = job;
		args[2] = copies;
		sent = i18n_fmt(a->i18n, "print.sent", 3, args);
		d = fonts == NULL ? ed_msg_take(a, ST_MSG_INFO, sent) :
		    ed_msg_set(a, ST_MSG_INFO, "ed.pr_sent_fonts", 2, sent,
		    fonts);
		if (fonts != NULL)
			free(sent);
	}
	free(fonts);
	free(used);
	return (d | TUI_DIRTY_ALL);
}

static unsigned
copies_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct prt	*t = arg, *job;
	char		*end;
	long		 n;

	if (r->res != DLG_OK)
		return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	n = strtol(r->text, &end, 10);
	while (*end == ' ')
		end++;
	if (end == r->text || *end != '\0' || n < 1 || n > 99)
		return (ed_ask_refuse(a, i18n_fmt1(a->i18n, "print.bad_copies",
		    r->text), true));
	/* The job gets its own copy: this question frees t. */
	job = xcalloc(1, sizeof *job);
	job->printer = xstrdup(t->printer);
	job->copies = (int)n;
	ed_export_later(a, print_job, job, prt_free);
	return (ed_msg_set(a, ST_MSG_INFO, "ed.pr_running", 1, t->printer) |
	    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
printer_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct prt	*t = arg;

	if (r->res != DLG_OK || r->sel >= t->n)
		return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	free(t->printer);
	t->printer = xstrdup(t->names[r->sel]);
	/* The same argument goes on to the next question. */
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title = "ed.pr_title",
	    .prompt = ed_msg_tr(a, "ed.pr_ask_copies"), .hint =
	    "ed.hint_input", .init = "1" }, copies_answered, prt_free, t) |
	    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
no_printer_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	if (r->res != DLG_YES)
		return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	return (ed_export_pdf(a));
}

/* The printer question, or the offer of a PDF when there is none. */
static unsigned
ask_printer(struct tui_app *a, void *arg)
{
	struct prt	*t;
	char		**items;
	size_t		  i;

	(void)arg;
	t = xcalloc(1, sizeof *t);
	if ((t->n = print_printers(&t->names)) == 0) {
		prt_free(t);
		return (ed_ask_confirm(a, &(struct ed_ask_spec){ .title =
		    "ed.pr_title", .prompt = ed_msg_tr(a, "ed.pr_no_printer"),
		    .hint = "ed.pr_hint_no_printer" }, no_printer_answered,
		    NULL, NULL) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	}
	items = xcalloc(t->n, sizeof *items);
	for (i = 0; i < t->n; i++)
		items[i] = xstrdup(t->names[i]);
	return (ed_ask_list(a, &(struct ed_ask_spec){ .title = "ed.pr_title",
	    .prompt = ed_msg_tr(a, "ed.pr_ask_printer"), .hint =
	    "ed.pr_hint_printer" }, items, t->n, printer_answered, prt_free,
	    t) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
open_print(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	return (ed_export_check(a, "ed.pr_title", ask_printer, NULL, NULL));
}

const struct ed_action ed_print_open = {
	.fn = open_print, .bar = "ed.k.print", .help = "ed.h.print"
};
