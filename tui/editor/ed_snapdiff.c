/*
 * The text of the recovery question (see ed_snapdiff.h): a line saying whose
 * snapshot it is and when it was written, one line per difference
 * outside the sections (template, organ, year), one line per section
 * with differences ("三、…：一、本年新收…/自然人、… 等 5 处"), and notes
 * when the file is newer, changed since the snapshot's base, or the
 * snapshot's writer may still run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ed_msg.h"
#include "ed_snapdiff.h"
#include "editlock.h"
#include "filestamp.h"
#include "procid.h"
#include "reportdiff.h"
#include "snapshot.h"
#include "statedir.h"
#include "sbuf.h"
#include "xmalloc.h"

#define SECS_SHOWN	8	/* sections listed */
#define CELLS_SHOWN	3	/* cells named per section */

static const char *
base_name(const char *path)
{
	const char	*s = strrchr(path, '/');

	return (s != NULL && s[1] != '\0' ? s + 1 : path);
}

/* "一、本年新收/自然人": the last part of the row and of the column. */
static void
add_cell_label(const struct tui_app *a, const struct tpl *t,
    const struct reportdiff *df, struct sbuf *b)
{
	const struct tpl_cell	*c = &t->cells[df->cell];
	const char		*row = c->row_path[a->lang], *col;
	const char		*slash;
	char			*s, *m;

	col = c->col_path[a->lang] != NULL ? c->col_path[a->lang] : "";
	if ((slash = strrchr(col, '/')) != NULL)
		col = slash + 1;
	if (row == NULL || *row == '\0')
		s = xstrdup(col);
	else {
		if ((slash = strrchr(row, '/')) != NULL)
			row = slash + 1;
		s = *col != '\0' ? xasprintf("%s/%s", row, col) : xstrdup(row);
	}
	if (df->kind == REPORTDIFF_PREVIOUS || df->kind == REPORTDIFF_PUBLISHED) {
		m = i18n_fmt1(a->i18n, df->kind == REPORTDIFF_PREVIOUS ?
		    "rcv.diff_prev" : "rcv.diff_published", s);
		free(s);
		s = m;
	}
	sbuf_adds(b, s);
	free(s);
}

/* The cells of section sd that differ: up to CELLS_SHOWN named, and
 * how many in all ("…、… 等 5 处").  Newly allocated. */
static char *
cells_text(const struct tui_app *a, const struct snapshot_found *f,
    const struct reportdiff_sec *sd)
{
	const struct tpl	*t = report_tpl(f->snap);
	struct sbuf		 cells;
	char			 n[24], *sep = ed_msg_tr(a, "rcv.diff_sep"), *m;
	size_t			 i, shown = 0;

	sbuf_init(&cells);
	for (i = 0; i < f->ndiffs && shown < CELLS_SHOWN; i++) {
		if (f->diffs[i].section != sd->section ||
		    f->diffs[i].cell < 0)
			continue;
		if (shown++ > 0)
			sbuf_adds(&cells, sep);
		add_cell_label(a, t, &f->diffs[i], &cells);
	}
	snprintf(n, sizeof n, "%zu", sd->ncells);
	m = i18n_fmt2(a->i18n, sd->ncells > shown ? "rcv.diff_more" :
	    "rcv.diff_cells", cells.s != NULL ? cells.s : "", n);
	sbuf_done(&cells);
	free(sep);
	return (m);
}

/* One line per section with differences: its text, its cells. */
static void
add_section_line(const struct tui_app *a, const struct snapshot_found *f,
    const struct reportdiff_sec *sd, struct sbuf *b)
{
	const struct tpl_section *s =
	    &report_tpl(f->snap)->sections[sd->section];
	char		 idx[16], *head, *text = NULL, *cells = NULL, *what, *m;

	snprintf(idx, sizeof idx, "%d", sd->section + 1);
	/* The 前言 has no number: its name alone. */
	head = s->preface ? xstrdup(tpl_label(&s->title, a->lang)) :
	    i18n_fmt(a->i18n, "ed.sec_heading", 3, (const char *[]){
	    s->number, tpl_label(&s->title, a->lang), idx });
	if (sd->text)
		text = ed_msg_tr(a, "rcv.diff_text");
	if (sd->ncells > 0)
		cells = cells_text(a, f, sd);
	if (text != NULL && cells != NULL)
		what = i18n_fmt2(a->i18n, "rcv.diff_join", text, cells);
	else
		what = xstrdup(text != NULL ? text : cells != NULL ? cells :
		    "");
	m = i18n_fmt2(a->i18n, "rcv.diff_line", head, what);
	sbuf_addf(b, "\n%s", m);
	free(m);
	free(what);
	free(text);
	free(cells);
	free(head);
}

/* The differences outside the sections: template, organ, year. */
static void
add_head_lines(const struct tui_app *a, const struct snapshot_found *f,
    struct sbuf *b)
{
	static const struct {
		enum reportdiff_kind	 kind;
		const char		*msgid;
	} heads[] = {
		{ REPORTDIFF_TEMPLATE, "rcv.diff_template" },
		{ REPORTDIFF_ORGAN, "rcv.diff_organ" },
		{ REPORTDIFF_YEAR, "rcv.diff_year" },
	};
	size_t	 i, k;
	char	*m;

	for (k = 0; k < sizeof heads / sizeof heads[0]; k++)
		for (i = 0; i < f->ndiffs; i++)
			if (f->diffs[i].kind == heads[k].kind) {
				m = ed_msg_tr(a, heads[k].msgid);
				sbuf_addf(b, "\n· %s", m);
				free(m);
				break;
			}
}

/* Appends message msgid (no args) on a line of its own. */
static void
add_note(const struct tui_app *a, struct sbuf *b, const char *msgid)
{
	char	*m = ed_msg_tr(a, msgid);

	sbuf_addf(b, "\n%s", m);
	free(m);
}

char *
ed_snapdiff_prompt(const struct tui_app *a, const struct snapshot_found *f)
{
	struct sbuf	 b;
	char		 when[64], more[24], *m, *fe;
	time_t		 secs = f->time.tv_sec;
	struct tm	 tm;
	size_t		 i;

	localtime_r(&secs, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	sbuf_init(&b);
	if (f->file != NULL)
		m = i18n_fmt2(a->i18n, "rcv.found_prompt", base_name(a->path),
		    when);
	else if (f->file_stamp.exists) {
		fe = i18n_err(a->i18n, &f->file_err);
		m = i18n_fmt(a->i18n, "rcv.found_badfile", 3, (const char *[]){
		    base_name(a->path), when, fe });
		free(fe);
	} else
		m = i18n_fmt2(a->i18n, "rcv.found_nofile", base_name(a->path),
		    when);
	sbuf_adds(&b, m);
	free(m);
	add_head_lines(a, f, &b);
	for (i = 0; i < f->nsecs && i < SECS_SHOWN; i++)
		add_section_line(a, f, &f->secs[i], &b);
	if (f->nsecs > SECS_SHOWN) {
		snprintf(more, sizeof more, "%zu", f->nsecs - SECS_SHOWN);
		m = i18n_fmt1(a->i18n, "rcv.diff_more_secs", more);
		sbuf_addf(&b, "\n%s", m);
		free(m);
	}
	if (f->file != NULL && !f->newer)
		add_note(a, &b, "rcv.found_older");
	else if (f->file != NULL && f->base_changed)
		add_note(a, &b, "rcv.found_base_changed");
	if (f->who == PROCID_ALIVE || f->who == PROCID_ELSEWHERE)
		add_note(a, &b, "rcv.found_alive");
	return (sbuf_take(&b));
}
