/*
 * A new report, empty or from last year's (see ed_newreport.h).  The
 * questions share one argument, struct newreport: what was answered so
 * far (the path of last year's report, found or typed; that report, once
 * loaded; the organ).  The report itself is made only when the year is
 * confirmed, so a year typed differently from the one proposed gets its
 * own template and carry-over.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ed_ask.h"
#include "ed_doc.h"
#include "ed_msg.h"
#include "ed_newreport.h"
#include "ed_tpls.h"
#include "ed_recover.h"
#include "paths.h"
#include "rollover.h"
#include "store.h"
#include "xmalloc.h"
#include "year.h"

/* Reports looked at when searching the folder for last year's. */
#define NEWREPORT_SCAN_MAX	256
#define NEWREPORT_SIZE_MAX	(8 * 1024 * 1024)

/* The choices of the first question. */
enum { HOW_FOUND, HOW_OTHER, HOW_EMPTY };

struct newreport {
	char		*from;		/* last year's path, or NULL */
	struct report	*last;		/* that report, once loaded */
	char		*organ;
};

static void
nr_free(void *arg)
{
	struct newreport	*nr = arg;

	free(nr->from);
	report_free(nr->last);
	free(nr->organ);
	free(nr);
}

/* The year proposed for a report (year.h). */
static int
proposed_year(void)
{
	return (year_default(time(NULL)));
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
		r = store_load(p, a->tpls, a->ntpls, &e);
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


static unsigned ask_organ(struct tui_app *, struct newreport *);
static unsigned ask_from(struct tui_app *, struct newreport *, const char *,
    char *);

/* Loads last year's report from path into nr; false with *why (newly
 * allocated) when it does not load. */
static bool
load_last(struct tui_app *a, struct newreport *nr, const char *path,
    char **why)
{
	struct err	 e = { 0 };
	struct report	*r;

	r = store_load(path, a->tpls, a->ntpls, &e);
	if (r == NULL) {
		*why = i18n_err(a->i18n, &e);
		err_clear(&e);
		return (false);
	}
	report_free(nr->last);
	nr->last = r;
	if (path != nr->from) {
		free(nr->from);
		nr->from = xstrdup(path);
	}
	return (true);
}

static unsigned
how_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct newreport	*nr = arg;
	char			*why;

	switch (r->code) {
	case HOW_FOUND:
		/* Should it not load now, the reason shows under its path. */
		if (!load_last(a, nr, nr->from, &why))
			return (ask_from(a, nr, nr->from, why));
		return (ask_organ(a, nr));
	case HOW_OTHER:
		return (ask_from(a, nr, nr->from, NULL));
	case HOW_EMPTY:
		/* nr->from stays: Tab on the organ question offers it. */
		return (ask_organ(a, nr));
	default:
		return (TUI_QUIT);
	}
}

unsigned
ed_newreport_ask(struct tui_app *a)
{
	static const int	 codes[] = { HOW_FOUND, HOW_OTHER, HOW_EMPTY };
	struct newreport	*nr = xcalloc(1, sizeof *nr);
	struct report		*found;
	char			**items, *path, yb[16];
	const char		*base;

	ed_tpls_all(a);
	if ((found = find_last(a, proposed_year() - 1, &path)) == NULL)
		return (ask_organ(a, nr));
	snprintf(yb, sizeof yb, "%d", report_year(found));
	/* It is next to the new file: its name says enough. */
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	items = xcalloc(3, sizeof *items);
	items[0] = i18n_fmt(a->i18n, "ed.nr_from_found", 3, (const char *[]){
	    base, report_organ(found), yb });
	items[1] = ed_msg_tr(a, "ed.nr_from_other");
	items[2] = ed_msg_tr(a, "ed.nr_empty");
	report_free(found);
	nr->from = path;
	return (ed_ask_choice(a, &(struct ed_ask_spec){ .title =
	    "ed.new_title", .prompt = i18n_fmt1(a->i18n, "ed.nr_how", a->path),
	    .hint = "ed.nr_hint_how" }, items, codes, 3, how_answered, nr_free,
	    nr) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
from_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct newreport	*nr = arg;
	char			*path, *why;

	if (r->res != DLG_OK)
		return (ed_newreport_ask(a));
	path = paths_expand(r->text);
	if (*path == '\0') {
		free(path);
		return (ed_ask_refuse(a, ed_msg_tr(a, "rcv.saveas_empty"),
		    false));
	}
	if (!load_last(a, nr, path, &why)) {
		free(path);
		return (ed_ask_refuse(a, why, false));
	}
	free(path);
	return (ask_organ(a, nr));
}

/* The question for the path of last year's report, proposing init,
 * with why (taken) under it when given. */
static unsigned
ask_from(struct tui_app *a, struct newreport *nr, const char *init,
    char *why)
{
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title =
	    "ed.nr_title_from", .prompt = ed_msg_tr(a, "ed.nr_ask_from"),
	    .hint = "ed.nr_hint_from", .init = init, .error = why },
	    from_answered, nr_free, nr) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* The report for year: from last year's, or empty.  NULL with *why
 * (newly allocated). */
static struct report *
make_report(struct tui_app *a, const struct newreport *nr, int year,
    const char *typed, char **why)
{
	const struct tpl	*t;
	struct report		*r;
	struct err		 e = { 0 };

	if (nr->last != NULL) {
		r = rollover_new(nr->last, year, NULL, a->tpls, a->ntpls, &e);
		if (r == NULL) {
			*why = i18n_err(a->i18n, &e);
			err_clear(&e);
		}
		return (r);
	}
	if ((t = tpl_for_year(a->tpls, a->ntpls, year)) == NULL) {
		*why = i18n_fmt1(a->i18n, "ed.no_template", typed);
		return (NULL);
	}
	return (report_new(t));
}

/* The new report r is made: saved at once and shown. */
static unsigned
made(struct tui_app *a, struct report *r)
{
	struct err	e = { 0 };
	unsigned	d;

	if (store_save(r, a->path, &e)) {
		d = ed_doc_attach(a, r, NULL);
		d |= ed_recover_saved(a);
		return (d | ed_msg_set(a, ST_MSG_INFO, "ed.created", 1,
		    a->path));
	}
	/* Not on disk yet: the title says "modified". */
	d = ed_doc_attach(a, r, "");
	d |= ed_msg_err(a, &e);
	err_clear(&e);
	return (d);
}

static unsigned
year_answered(struct tui_app *a, void *arg, const struct ed_reply *rp)
{
	struct newreport	*nr = arg;
	struct report		*r;
	char			*why = NULL;
	int			 year;

	if (rp->res != DLG_OK)
		return (TUI_QUIT);
	if (!year_parse(rp->text, &year))
		return (ed_ask_refuse(a, ed_msg_tr(a, "ed.bad_year"), false));
	if ((r = make_report(a, nr, year, rp->text, &why)) == NULL)
		return (ed_ask_refuse(a, why, false));
	/* Organ and year are changes the snapshot keeps until saved. */
	ed_recover_track(a, r, NULL, false);
	report_set_organ(r, nr->organ);
	report_set_year(r, year);
	report_preface_init(r);
	return (made(a, r) | TUI_DIRTY_ALL);
}

/* The year question, proposing y; from last year's, its year is said. */
static unsigned
ask_year(struct tui_app *a, struct newreport *nr, int y)
{
	char	 year[16], last[16], *p;

	snprintf(year, sizeof year, "%d", y);
	if (nr->last != NULL && report_year(nr->last) > 0) {
		snprintf(last, sizeof last, "%d", report_year(nr->last));
		p = i18n_fmt1(a->i18n, "ed.nr_ask_year_from", last);
	} else
		p = ed_msg_tr(a, "ed.ask_year");
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title =
	    nr->last != NULL ? "ed.nr_title_from" : "ed.new_title",
	    .prompt = p, .hint = "ed.hint_input", .init = year,
	    .bar = "ed.title_new" }, year_answered, nr_free, nr) |
	    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

static unsigned
organ_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct newreport	*nr = arg;
	int			 y = proposed_year();

	if (r->res == DLG_ALT)
		return (ask_from(a, nr, nr->from != NULL ? nr->from : "",
		    NULL));
	if (r->res != DLG_OK)
		return (TUI_QUIT);
	if (text_count_chars(r->text, strlen(r->text)) == 0)
		return (ed_ask_refuse(a, ed_msg_tr(a, "ed.organ_empty"),
		    false));
	free(nr->organ);
	nr->organ = xstrdup(r->text);
	if (nr->last != NULL && report_year(nr->last) > 0)
		y = report_year(nr->last) + 1;
	return (ask_year(a, nr, y));
}

/* The organ question; from last year's, its organ is proposed. */
static unsigned
ask_organ(struct tui_app *a, struct newreport *nr)
{
	if (nr->last != NULL)
		return (ed_ask_input(a, &(struct ed_ask_spec){ .title =
		    "ed.nr_title_from", .prompt = i18n_fmt1(a->i18n,
		    "ed.nr_ask_organ_from", nr->from), .hint = "ed.hint_input",
		    .init = report_organ(nr->last), .bar = "ed.title_new" },
		    organ_answered, nr_free, nr) | TUI_DIRTY_ALL |
		    TUI_DIRTY_CLEAR);
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title =
	    "ed.new_title", .prompt = ed_msg_tr(a, "ed.ask_organ"), .hint =
	    "ed.nr_hint_organ", .alt_key = '\t', .bar = "ed.title_new" },
	    organ_answered, nr_free, nr) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}
