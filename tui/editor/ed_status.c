/*
 * Title bar and status lines (see ed_status.h).  Everything is composed
 * from message ids and the template's labels, measured and cut by
 * display width.  The left part of the title (file, organ, year,
 * template) gives way to the right part (saved state, counts).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_ask.h"
#include "ed_cell.h"
#include "ed_form.h"
#include "ed_msg.h"
#include "ed_pane.h"
#include "ed_sec.h"
#include "ed_status.h"
#include "ed_text.h"
#include "ed_zero.h"
#include "sbuf.h"
#include "xmalloc.h"

static const char *
base_name(const char *path)
{
	const char	*s = strrchr(path, '/');

	return (s != NULL ? s + 1 : path);
}

void
ed_status_draw_title(const struct tui_app *a)
{
	const struct ed_draw	*d = &a->dr;
	const struct tpl	*t;
	char			 year[16], ne[16], nw[16], *left, *state, *cnt;
	const char		*bar;
	int			 w = a->g.cols, rw, sw;

	if (a->rep == NULL) {
		/* Before the report is shown: a new one, or a question
		 * about the file (lock, recovery). */
		bar = ed_ask_bar(a);
		left = !ed_ask_open(a) || bar != NULL ? ed_msg_tr(a,
		    bar != NULL ? bar : "ed.title_new") : i18n_fmt1(a->i18n,
		    "rcv.title_opening", base_name(a->path));
		ed_draw_text(d, 0, 0, w, left, ST_TITLE,
		    DRAW_PAD | DRAW_ELLIPSIS);
		free(left);
		return;
	}
	t = report_tpl(a->rep);
	snprintf(year, sizeof year, "%d", report_year(a->rep));
	snprintf(ne, sizeof ne, "%zu",
	    report_nflags_severity(a->rep, TPL_ERROR));
	snprintf(nw, sizeof nw, "%zu",
	    report_nflags_severity(a->rep, TPL_WARNING));
	left = i18n_fmt(a->i18n, "ed.title", 4, (const char *[]){
	    base_name(a->path), report_organ(a->rep), year,
	    tpl_label(&t->name, a->lang) });
	state = ed_msg_tr(a, a->readonly ? "rcv.readonly" : a->modified ?
	    "ed.modified" : "ed.saved");
	cnt = i18n_fmt2(a->i18n, "ed.counts", ne, nw);
	sw = ed_draw_width(d, state) + 2;
	rw = ed_draw_width(d, cnt) + 1;
	if (sw + rw > w)
		rw = 0;
	if (sw > w)
		sw = w;
	ed_draw_text(d, 0, 0, w - sw - rw, left, ST_TITLE,
	    DRAW_PAD | DRAW_ELLIPSIS);
	ed_draw_text(d, 0, w - sw - rw, sw, state,
	    a->modified ? ST_TITLE_MOD : ST_TITLE, DRAW_PAD | DRAW_CENTER);
	if (rw > 0)
		ed_draw_text(d, 0, w - rw, rw, cnt,
		    ne[0] != '0' ? ST_TITLE_ERR : ST_TITLE, DRAW_PAD);
	free(left);
	free(state);
	free(cnt);
}

/* The unit of a cell: the template's, else 件 for counts. */
static char *
unit_of(const struct tui_app *a, int cell)
{
	const struct tpl_cell	*c = &report_tpl(a->rep)->cells[cell];
	const char		*u = tpl_label(&c->type.unit, a->lang);

	if (*u != '\0')
		return (xstrdup(u));
	return (ed_msg_tr(a, c->type.kind == NUM_MONEY ? "ed.unit_money" :
	    "ed.unit_count"));
}

/* Line 1 in the form: where the cursor is. */
static char *
cell_line(const struct tui_app *a)
{
	const struct tpl_cell	*c;
	int			 cell = ed_form_cur(a);
	char			*unit, *s;

	if (cell < 0)
		return (ed_sec_title(a, a->sec));
	c = &report_tpl(a->rep)->cells[cell];
	unit = unit_of(a, cell);
	if (c->row_path[a->lang] == NULL || *c->row_path[a->lang] == '\0')
		s = i18n_fmt(a->i18n, "ed.status_cell_norow", 3,
		    (const char *[]){ c->col_path[a->lang], unit, c->id });
	else
		s = i18n_fmt(a->i18n, "ed.status_cell", 4, (const char *[]){
		    c->row_path[a->lang], c->col_path[a->lang], unit, c->id });
	free(unit);
	return (s);
}

/* Line 1 in a narrative section: the character count. */
static char *
text_line(const struct tui_app *a)
{
	const struct tpl	*t = report_tpl(a->rep);
	char			 n[24], max[24], *title, *s;
	size_t			 i;

	snprintf(n, sizeof n, "%zu", ed_text_count(a));
	max[0] = '\0';
	for (i = 0; i < t->nrules; i++)
		if (t->rules[i].kind == TPL_R_TEXT_MAX &&
		    t->rules[i].section == a->sec)
			snprintf(max, sizeof max, "%lld",
			    (long long)t->rules[i].max);
	title = ed_sec_title(a, a->sec);
	if (max[0] != '\0')
		s = i18n_fmt(a->i18n, "ed.status_text_max", 3,
		    (const char *[]){ title, n, max });
	else
		s = i18n_fmt2(a->i18n, "ed.status_text", title, n);
	free(title);
	return (s);
}

/* The messages of flags fl[0..n) joined, "(+k)" past the first two. */
static char *
join_flags(const struct tui_app *a, const struct report_flag *fl, size_t n,
    size_t total)
{
	struct sbuf	 sb;
	char		*m;
	size_t		 i;

	sbuf_init(&sb);
	for (i = 0; i < n && i < 2; i++) {
		m = report_flag_message(a->rep, &fl[i], a->lang);
		if (i > 0)
			sbuf_adds(&sb, " / ");
		sbuf_adds(&sb, m);
		free(m);
	}
	if (total > i)
		sbuf_addf(&sb, " (+%zu)", total - i);
	return (sbuf_take(&sb));
}

/* Line 2 when no message is pending: what is wrong here. */
static char *
flag_line(const struct tui_app *a, enum style *st)
{
	struct report_flag	 fl[4];
	const struct err	*e = ed_cell_error(a);
	size_t			 n;
	int			 cell = ed_form_cur(a);

	*st = ST_MSG_FLAG;
	if (e != NULL) {
		*st = ST_MSG_ERROR;
		return (i18n_err(a->i18n, e));
	}
	if (ed_sec_is_text(a))
		n = report_section_flags(a->rep, a->sec, fl, 4);
	else if (cell >= 0)
		n = report_cell_flags(a->rep, cell, fl, 4);
	else
		n = 0;
	if (n == 0)
		return (NULL);
	return (join_flags(a, fl, n < 4 ? n : 4, n));
}

/* Line 2 in the form, l2 (taken; NULL: none) followed, on a line of
 * its own, by what Ctrl-B would fill from this row (ed_zero.h). */
static char *
with_zero_preview(const struct tui_app *a, char *l2)
{
	char	*z = ed_zero_preview(a), *s;

	if (z == NULL)
		return (l2);
	if (l2 == NULL)
		return (z);
	s = xasprintf("%s\n%s", l2, z);
	free(l2);
	free(z);
	return (s);
}

/* Lines of m (NULL: none) wrapped to the screen's width. */
static size_t
wrapped_lines(const struct tui_app *a, const char *m)
{
	size_t	*s, *e, n;

	if (m == NULL)
		return (0);
	n = ed_draw_wrap(&a->dr, m, a->g.cols, &s, &e);
	free(s);
	free(e);
	return (n);
}

/* m (NULL: none) wrapped over rows lines from row y in style st, the
 * rest blank in blank; the last line shown marks with "…" what does not
 * fit. */
static void
draw_wrapped(const struct tui_app *a, int y, int rows, const char *m,
    enum style st, enum style blank)
{
	const struct ed_draw	*d = &a->dr;
	size_t			*s = NULL, *e = NULL, n = 0, i, len;
	int			 w = a->g.cols;

	if (m != NULL)
		n = ed_draw_wrap(d, m, w, &s, &e);
	for (i = 0; i < (size_t)rows; i++) {
		if (i >= n) {
			ed_draw_fill(d, y + (int)i, 0, w, blank);
			continue;
		}
		len = i + 1 == (size_t)rows ? strlen(m) - s[i] : e[i] - s[i];
		ed_draw_textn(d, y + (int)i, 0, w, m + s[i], len, st,
		    DRAW_PAD | DRAW_ELLIPSIS);
	}
	free(s);
	free(e);
}

/*
 * The status block from row y: the cell's line l1, then the message l2,
 * in 1 + msg_rows rows.  The message takes the lines it needs (up to
 * msg_rows); a cell line wider than the screen takes the lines left, so
 * that the whole label of the current cell is seen.
 */
static void
draw_block(const struct tui_app *a, int y, const char *l1, const char *l2,
    enum style st)
{
	int	rows = a->g.msg_rows, n2, n1;

	n2 = (int)wrapped_lines(a, l2);
	n2 = n2 < rows ? n2 : rows;
	n1 = (int)wrapped_lines(a, l1);
	n1 = n1 < 1 ? 1 : n1 > 1 + rows - n2 ? 1 + rows - n2 : n1;
	draw_wrapped(a, y, n1, l1 != NULL ? l1 : "", ST_STATUS, ST_STATUS);
	draw_wrapped(a, y + n1, 1 + rows - n1, l2, st, ST_NORMAL);
}

void
ed_status_draw_lines(const struct tui_app *a)
{
	const struct ed_pane	*p = a->pane;
	int			 y = a->g.status_y;
	enum style		 st = ST_MSG_FLAG;
	char			*l1 = NULL, *l2 = NULL;

	if (a->rep == NULL)
		return;
	if (p == NULL) {
		l1 = ed_sec_is_text(a) ? text_line(a) : cell_line(a);
		l2 = with_zero_preview(a, flag_line(a, &st));
	} else {
		l1 = p->hint != NULL ? ed_msg_tr(a, p->hint) : NULL;
		if (p->status != NULL)
			l2 = p->status(a, &st);
		else if (p->flags_here)
			l2 = flag_line(a, &st);
	}
	if (a->msg != NULL) {
		free(l2);
		l2 = xstrdup(a->msg);
		st = a->msg_style;
	} else if (a->rc_err != NULL) {
		/* A failing recovery snapshot stays in view until one is
		 * written again. */
		free(l2);
		l2 = xstrdup(a->rc_err);
		st = ST_MSG_ERROR;
	}
	draw_block(a, y, l1, l2, st);
	free(l1);
	free(l2);
}
