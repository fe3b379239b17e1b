/*
 * A new report, empty or from last year's (see ed_newreport.h).  Between
 * questions the app holds what was answered: a->new_from (the path of
 * last year's report, found or typed), a->new_last (that report, loaded
 * once its path is confirmed) and a->new_organ.  The report itself is
 * made only when the year is confirmed, so a year typed differently from
 * the one proposed gets its own template and carry-over.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ed_app.h"
#include "ed_dialog.h"
#include "ed_doc.h"
#include "ed_newreport.h"
#include "ed_recover.h"
#include "rollover.h"
#include "store.h"
#include "xmalloc.h"
#include "year.h"

/* Reports looked at when searching the folder for last year's. */
#define NEWREPORT_SCAN_MAX	256
#define NEWREPORT_SIZE_MAX	(8 * 1024 * 1024)

/* The choices of ASK_NEW_HOW, in a->picks. */
enum { HOW_FOUND, HOW_OTHER, HOW_EMPTY };

/* The year proposed for a report (year.h). */
static int
proposed_year(void)
{
	return (year_default(time(NULL)));
}

/* The year typed, or 0. */
static int
parse_year(const char *s)
{
	int	y;

	return (year_parse(s, &y) ? y : 0);
}

static void
forget_last(struct tui_app *a)
{
	report_free(a->new_last);
	a->new_last = NULL;
	free(a->new_from);
	a->new_from = NULL;
}

/* Whether name looks like a report file: *.yaml, not hidden. */
static bool
report_name(const char *name)
{
	size_t	n = strlen(name);

	return (name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0);
}

/*
 * The newest report (by modification time) of the given year in the
 * folder of a->path, or NULL; *path is set to its path as the clerk would
 * type it (newly allocated).  Files that do not load are passed over
 * silently: a folder holds other YAML too.
 */
static struct report *
find_last(const struct tui_app *a, int year, char **path)
{
	const char	*slash = strrchr(a->path, '/');
	char		*dir, *p;
	struct report	*best = NULL, *r;
	struct dirent	*de;
	struct stat	 st;
	struct err	 e = { 0 };
	time_t		 best_t = 0;
	DIR		*d;
	int		 n = 0;

	dir = slash != NULL ? xstrndup(a->path, (size_t)(slash - a->path) + 1) :
	    xstrdup("");
	*path = NULL;
	if ((d = opendir(*dir != '\0' ? dir : ".")) == NULL) {
		free(dir);
		return (NULL);
	}
	while ((de = readdir(d)) != NULL && n < NEWREPORT_SCAN_MAX) {
		if (!report_name(de->d_name))
			continue;
		p = xasprintf("%s%s", dir, de->d_name);
		if (strcmp(p, a->path) == 0 || stat(p, &st) != 0 ||
		    !S_ISREG(st.st_mode) || st.st_size > NEWREPORT_SIZE_MAX ||
		    (best != NULL && st.st_mtime <= best_t)) {
			free(p);
			continue;
		}
		n++;
		r = store_load(p, a->opts->tpls, a->opts->ntpls, &e);
		err_clear(&e);
		if (r == NULL || report_year(r) != year) {
			report_free(r);
			free(p);
			continue;
		}
		report_free(best);
		free(*path);
		best = r;
		*path = p;
		best_t = st.st_mtime;
	}
	closedir(d);
	free(dir);
	return (best);
}

/* The organ question; from last year's, its organ is proposed. */
static unsigned
ask_organ(struct tui_app *a)
{
	char		*t, *p, *h;
	const char	*init = "";

	if (a->new_last != NULL) {
		t = ed_app_tr(a, "ed.nr_title_from");
		p = i18n_fmt1(a->i18n, "ed.nr_ask_organ_from", a->new_from);
		h = ed_app_tr(a, "ed.hint_input");
		init = report_organ(a->new_last);
	} else {
		t = ed_app_tr(a, "ed.new_title");
		p = ed_app_tr(a, "ed.ask_organ");
		h = ed_app_tr(a, "ed.nr_hint_organ");
	}
	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_input(t, p, init, h);
	if (a->new_last == NULL)
		a->dlg->alt_key = '\t';
	a->ask = ASK_ORGAN;
	free(t);
	free(p);
	free(h);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* The question for the path of last year's report. */
static unsigned
ask_from(struct tui_app *a, const char *init)
{
	char	*t = ed_app_tr(a, "ed.nr_title_from");
	char	*p = ed_app_tr(a, "ed.nr_ask_from");
	char	*h = ed_app_tr(a, "ed.nr_hint_from");

	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_input(t, p, init, h);
	a->ask = ASK_NEW_FROM;
	free(t);
	free(p);
	free(h);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

unsigned
ed_newreport_ask(struct tui_app *a)
{
	struct report	*found;
	char		**items, *t, *p, *h, *path, yb[16];
	const char	*base;

	forget_last(a);
	if ((found = find_last(a, proposed_year() - 1, &path)) == NULL)
		return (ask_organ(a));
	snprintf(yb, sizeof yb, "%d", report_year(found));
	/* It is next to the new file: its name says enough. */
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	items = xcalloc(3, sizeof *items);
	items[0] = i18n_fmt(a->i18n, "ed.nr_from_found", 3, (const char *[]){
	    base, report_organ(found), yb });
	items[1] = ed_app_tr(a, "ed.nr_from_other");
	items[2] = ed_app_tr(a, "ed.nr_empty");
	report_free(found);
	a->new_from = path;
	free(a->picks);
	a->picks = xcalloc(3, sizeof *a->picks);
	a->picks[0] = HOW_FOUND;
	a->picks[1] = HOW_OTHER;
	a->picks[2] = HOW_EMPTY;
	t = ed_app_tr(a, "ed.new_title");
	p = i18n_fmt1(a->i18n, "ed.nr_how", a->path);
	h = ed_app_tr(a, "ed.nr_hint_how");
	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_choice(t, p, items, 3, h);
	a->ask = ASK_NEW_HOW;
	free(t);
	free(p);
	free(h);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* Loads last year's report from path; on failure says why in the open
 * dialog and returns false. */
static bool
load_last(struct tui_app *a, const char *path)
{
	struct err	 e = { 0 };
	struct report	*r;

	r = store_load(path, a->opts->tpls, a->opts->ntpls, &e);
	if (r == NULL) {
		ed_dialog_set_error(a->dlg, i18n_err(a->i18n, &e));
		err_clear(&e);
		return (false);
	}
	report_free(a->new_last);
	a->new_last = r;
	if (path != a->new_from) {
		free(a->new_from);
		a->new_from = xstrdup(path);
	}
	return (true);
}

static unsigned
answer_how(struct tui_app *a, int res)
{
	unsigned	d;

	if (res != DLG_OK || a->picks == NULL)
		return (ed_doc_close_dialog(a) | TUI_QUIT);
	switch (a->picks[a->dlg->sel]) {
	case HOW_FOUND:
		/* Should it not load now, the reason shows under its path. */
		d = ask_from(a, a->new_from);
		if (!load_last(a, a->new_from))
			return (d);
		return (d | ask_organ(a));
	case HOW_OTHER:
		return (ask_from(a, a->new_from));
	default:
		/* a->new_from stays: Tab on the organ question offers it. */
		return (ask_organ(a));
	}
}

static unsigned
answer_from(struct tui_app *a, int res)
{
	char	*clean, *path;
	bool	 ok;

	if (res != DLG_OK)
		return (ed_newreport_ask(a));
	clean = text_sanitize(ed_dialog_text(a->dlg), strlen(ed_dialog_text(a->dlg)),
	    false);
	path = ed_doc_expand_path(clean);
	free(clean);
	if (*path == '\0') {
		free(path);
		ed_dialog_set_error(a->dlg, ed_app_tr(a, "rcv.saveas_empty"));
		return (TUI_DIRTY_DIALOG);
	}
	ok = load_last(a, path);
	free(path);
	return (ok ? ask_organ(a) : TUI_DIRTY_DIALOG);
}

/* The year question, proposing y; from last year's, its year is said. */
static unsigned
ask_year(struct tui_app *a, int y)
{
	char	 year[16], last[16], *t, *p, *h;

	snprintf(year, sizeof year, "%d", y);
	if (a->new_last != NULL && report_year(a->new_last) > 0) {
		snprintf(last, sizeof last, "%d", report_year(a->new_last));
		p = i18n_fmt1(a->i18n, "ed.nr_ask_year_from", last);
	} else
		p = ed_app_tr(a, "ed.ask_year");
	t = ed_app_tr(a, a->new_last != NULL ? "ed.nr_title_from" :
	    "ed.new_title");
	h = ed_app_tr(a, "ed.hint_input");
	ed_dialog_free(a->dlg);
	a->dlg = ed_dialog_input(t, p, year, h);
	a->ask = ASK_YEAR;
	free(t);
	free(p);
	free(h);
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
answer_organ(struct tui_app *a, int res)
{
	char	*organ;
	int	 y = proposed_year();

	if (res == DLG_ALT)
		return (ask_from(a, a->new_from != NULL ? a->new_from : ""));
	if (res != DLG_OK)
		return (ed_doc_close_dialog(a) | TUI_QUIT);
	organ = text_sanitize(ed_dialog_text(a->dlg), strlen(ed_dialog_text(a->dlg)),
	    false);
	if (text_count_chars(organ, strlen(organ)) == 0) {
		free(organ);
		ed_dialog_set_error(a->dlg, ed_app_tr(a, "ed.organ_empty"));
		return (TUI_DIRTY_DIALOG);
	}
	free(a->new_organ);
	a->new_organ = organ;
	if (a->new_last != NULL && report_year(a->new_last) > 0)
		y = report_year(a->new_last) + 1;
	return (ask_year(a, y));
}

/* The report for year: from last year's, or empty.  NULL after saying
 * why in the dialog. */
static struct report *
make_report(struct tui_app *a, int year)
{
	const struct tpl	*t;
	struct report		*r;
	struct err		 e = { 0 };

	if (a->new_last != NULL) {
		r = rollover_new(a->new_last, year, NULL, a->opts->tpls,
		    a->opts->ntpls, &e);
		if (r == NULL) {
			ed_dialog_set_error(a->dlg, i18n_err(a->i18n, &e));
			err_clear(&e);
		}
		return (r);
	}
	if ((t = tpl_for_year(a->opts->tpls, a->opts->ntpls, year)) == NULL) {
		ed_dialog_set_error(a->dlg, i18n_fmt1(a->i18n, "ed.no_template",
		    ed_dialog_text(a->dlg)));
		return (NULL);
	}
	return (report_new(t));
}

static unsigned
answer_year(struct tui_app *a, int res)
{
	struct report	*r;
	struct err	 e = { 0 };
	unsigned	 d;
	int		 year;

	if (res != DLG_OK)
		return (ed_doc_close_dialog(a) | TUI_QUIT);
	if ((year = parse_year(ed_dialog_text(a->dlg))) == 0) {
		ed_dialog_set_error(a->dlg, ed_app_tr(a, "ed.bad_year"));
		return (TUI_DIRTY_DIALOG);
	}
	if ((r = make_report(a, year)) == NULL)
		return (TUI_DIRTY_DIALOG);
	forget_last(a);
	/* Organ and year are changes the snapshot keeps until saved. */
	ed_recover_track_new(a, r);
	report_set_organ(r, a->new_organ);
	report_set_year(r, year);
	d = ed_doc_close_dialog(a);
	ed_app_attach(a, r);
	if (!store_save(r, a->path, &e)) {
		/* Not on disk yet: the title says "modified". */
		free(a->saved_dump);
		a->saved_dump = xstrdup("");
		a->mod_gen = 0;
		d |= ed_app_msg_err(a, &e);
		err_clear(&e);
	} else {
		d |= ed_recover_saved(a);
		d |= ed_app_msg(a, ST_MSG_INFO, "ed.created", 1, a->path);
	}
	return (d | TUI_DIRTY_ALL);
}

unsigned
ed_newreport_answer(struct tui_app *a, int res)
{
	switch (a->ask) {
	case ASK_NEW_HOW:
		return (answer_how(a, res));
	case ASK_NEW_FROM:
		return (answer_from(a, res));
	case ASK_ORGAN:
		return (answer_organ(a, res));
	default:
		return (answer_year(a, res));
	}
}
