/*
 * The flags panel and next/previous flag.
 *
 * The panel lists errors first, then warnings, each group in template
 * order; flag_sel indexes that order.  Walking (F8/F7) goes by place in
 * the report (section, then cell) and walks only the errors while there
 * are any, since a new report has a "left blank" warning on every cell.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_app.h"
#include "ed_cell.h"
#include "ed_flags.h"
#include "ed_form.h"
#include "undo.h"
#include "xmalloc.h"

struct report_flag *
ed_flags_list(const struct tui_app *a, size_t *n)
{
	struct report_flag	*fl, *out;
	size_t			 m, i, k = 0;
	int			 pass;

	m = report_nflags(a->rep);
	fl = xcalloc(m + 1, sizeof *fl);
	out = xcalloc(m + 1, sizeof *out);
	m = report_flags(a->rep, fl, m);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < m; i++)
			if ((fl[i].severity == TPL_ERROR) == (pass == 0))
				out[k++] = fl[i];
	free(fl);
	*n = k;
	return (out);
}

int
ed_flags_section(const struct tui_app *a, const struct report_flag *f)
{
	if (f->ncells > 0)
		return (ed_form_section_of_cell(a, f->cells[0]));
	return (report_tpl(a->rep)->rules[f->rule].section);
}

/* Lines the list has in the pane (below its heading). */
static int
list_h(const struct tui_app *a)
{
	return (a->g.pane_h - 2 > 1 ? a->g.pane_h - 2 : 1);
}

static void
draw_item(const struct tui_app *a, int y, const struct report_flag *f,
    bool sel)
{
	const struct tpl	*t = report_tpl(a->rep);
	char			*sev, *msg, *where;
	int			 x = a->g.pane_x, w = a->g.pane_w, sw;
	enum style		 st = sel ? ST_SELECT : ST_NORMAL;

	sev = ed_app_tr(a, f->severity == TPL_ERROR ? "ed.sev_error" :
	    "ed.sev_warning");
	where = xstrdup(t->sections[ed_flags_section(a, f)].number);
	msg = report_flag_message(a->rep, f, a->lang);
	sw = ed_draw_text(&a->dr, y, x, w, sev, f->severity == TPL_ERROR ?
	    ST_COUNT_ERR : ST_COUNT_WARN, 0);
	ed_draw_fill(&a->dr, y, x + sw, 1, st);
	sw += 1;
	sw += ed_draw_text(&a->dr, y, x + sw, w - sw, where, st, 0);
	ed_draw_fill(&a->dr, y, x + sw, 1, st);
	sw += 1;
	ed_draw_text(&a->dr, y, x + sw, w - sw, msg, st,
	    DRAW_PAD | DRAW_ELLIPSIS);
	free(sev);
	free(where);
	free(msg);
}

void
ed_flags_draw(const struct tui_app *a)
{
	struct report_flag	*fl;
	size_t			 n, i;
	char			 ne[16], nw[16], *head;
	int			 y = a->g.pane_y, h = list_h(a), k;

	fl = ed_flags_list(a, &n);
	snprintf(ne, sizeof ne, "%zu",
	    report_nflags_severity(a->rep, TPL_ERROR));
	snprintf(nw, sizeof nw, "%zu",
	    report_nflags_severity(a->rep, TPL_WARNING));
	head = i18n_fmt2(a->i18n, n > 0 ? "ed.flags_title" : "ed.flags_none",
	    ne, nw);
	ed_draw_text(&a->dr, y, a->g.pane_x, a->g.pane_w, head, ST_SECTION,
	    DRAW_PAD | DRAW_ELLIPSIS);
	ed_draw_fill(&a->dr, y + 1, a->g.pane_x, a->g.pane_w, ST_NORMAL);
	free(head);
	for (k = 0; k < h; k++) {
		i = a->flag_top + (size_t)k;
		if (i < n)
			draw_item(a, y + 2 + k, &fl[i], i == a->flag_sel);
		else
			ed_draw_fill(&a->dr, y + 2 + k, a->g.pane_x, a->g.pane_w,
			    ST_NORMAL);
	}
	free(fl);
}

/* Moves the selection to sel (clamped) and scrolls to it. */
static unsigned
select_flag(struct tui_app *a, long sel)
{
	size_t	n = report_nflags(a->rep), h = (size_t)list_h(a);

	if (sel >= (long)n)
		sel = (long)n - 1;
	if (sel < 0)
		sel = 0;
	a->flag_sel = (size_t)sel;
	if (a->flag_sel < a->flag_top)
		a->flag_top = a->flag_sel;
	if (a->flag_sel >= a->flag_top + h)
		a->flag_top = a->flag_sel - h + 1;
	if (a->flag_top + h > n)
		a->flag_top = n > h ? n - h : 0;
	return (TUI_DIRTY_PANE | TUI_DIRTY_STATUS);
}

unsigned
ed_flags_scroll(struct tui_app *a, int lines)
{
	return (select_flag(a, (long)a->flag_sel + lines));
}

unsigned
ed_flags_click(struct tui_app *a, int y, int x)
{
	long	i = y - (a->g.pane_y + 2);

	(void)x;
	if (i < 0 || i >= list_h(a) ||
	    (size_t)i + a->flag_top >= report_nflags(a->rep))
		return (0);
	if ((size_t)i + a->flag_top == a->flag_sel)
		return (ed_flags_act_jump(a, 0));
	return (select_flag(a, (long)a->flag_top + i));
}

unsigned
ed_flags_act_open(struct tui_app *a, int key)
{
	unsigned	d;

	(void)key;
	if (a->mode == TUI_FLAGS)
		return (ed_flags_act_close(a, key));
	d = ed_cell_commit(a);
	a->mode = TUI_FLAGS;
	return (d | select_flag(a, (long)a->flag_sel) | TUI_DIRTY_ALL);
}

unsigned
ed_flags_act_close(struct tui_app *a, int key)
{
	(void)key;
	a->mode = TUI_FORM;
	return (TUI_DIRTY_ALL);
}

unsigned
ed_flags_act_up(struct tui_app *a, int key)
{
	(void)key;
	return (select_flag(a, (long)a->flag_sel - 1));
}

unsigned
ed_flags_act_down(struct tui_app *a, int key)
{
	(void)key;
	return (select_flag(a, (long)a->flag_sel + 1));
}

unsigned
ed_flags_act_pgup(struct tui_app *a, int key)
{
	(void)key;
	return (select_flag(a, (long)a->flag_sel - list_h(a)));
}

unsigned
ed_flags_act_pgdn(struct tui_app *a, int key)
{
	(void)key;
	return (select_flag(a, (long)a->flag_sel + list_h(a)));
}

unsigned
ed_flags_act_home(struct tui_app *a, int key)
{
	(void)key;
	return (select_flag(a, 0));
}

unsigned
ed_flags_act_end(struct tui_app *a, int key)
{
	(void)key;
	return (select_flag(a, (long)report_nflags(a->rep)));
}

/* Goes to flag f (index i in the report's own order, for walking). */
static unsigned
go(struct tui_app *a, const struct report_flag *f, int i)
{
	unsigned	 d;
	char		*m;

	a->flag_last = i;
	if (f->ncells > 0)
		d = ed_form_goto(a, f->cells[0]);
	else
		d = ed_app_set_section(a, ed_flags_section(a, f));
	a->mode = TUI_FORM;
	m = report_flag_message(a->rep, f, a->lang);
	free(a->msg);
	a->msg = m;
	a->msg_style = ST_MSG_FLAG;
	return (d | TUI_DIRTY_ALL);
}

unsigned
ed_flags_act_jump(struct tui_app *a, int key)
{
	struct report_flag	*fl;
	size_t			 n;
	unsigned		 d = 0;

	(void)key;
	fl = ed_flags_list(a, &n);
	if (a->flag_sel < n)
		d = go(a, &fl[a->flag_sel], -1);
	free(fl);
	return (d);
}

/* A flag's place: section, then cell (-1 for a section's text). */
struct place {
	int	sec;
	int	cell;
	int	i;		/* index in the report's order */
};

static int
place_cmp(const void *x, const void *y)
{
	const struct place *p = x, *q = y;

	if (p->sec != q->sec)
		return (p->sec < q->sec ? -1 : 1);
	if (p->cell != q->cell)
		return (p->cell < q->cell ? -1 : 1);
	return (p->i < q->i ? -1 : p->i > q->i);
}

static unsigned
walk(struct tui_app *a, int dir)
{
	struct report_flag	*fl;
	struct place		*pl, here;
	size_t			 n, m, k = 0, i;
	long			 pick = -1;
	bool			 errors;

	m = report_nflags(a->rep);
	fl = xcalloc(m + 1, sizeof *fl);
	m = report_flags(a->rep, fl, m);
	errors = report_nflags_severity(a->rep, TPL_ERROR) > 0;
	pl = xcalloc(m + 1, sizeof *pl);
	for (i = 0; i < m; i++) {
		if (errors && fl[i].severity != TPL_ERROR)
			continue;
		pl[k++] = (struct place){ ed_flags_section(a, &fl[i]),
		    fl[i].ncells > 0 ? fl[i].cells[0] : -1, (int)i };
	}
	n = k;
	qsort(pl, n, sizeof *pl, place_cmp);
	here.sec = a->sec;
	here.cell = ed_app_is_text(a) ? -1 : a->form.cur[a->sec];
	/* Between the flags at the cursor's place, the last one visited. */
	here.i = dir > 0 ? INT_MAX : -1;
	if (a->flag_last >= 0 && (size_t)a->flag_last < m &&
	    ed_flags_section(a, &fl[a->flag_last]) == here.sec &&
	    (fl[a->flag_last].ncells > 0 ? fl[a->flag_last].cells[0] : -1) ==
	    here.cell)
		here.i = a->flag_last;
	for (i = 0; i < n; i++) {
		int c = place_cmp(&pl[i], &here);

		if (dir > 0 && c > 0) {
			pick = (long)i;
			break;
		}
		if (dir < 0 && c < 0)
			pick = (long)i;
	}
	if (pick < 0 && n > 0)
		pick = dir > 0 ? 0 : (long)n - 1;
	if (pick < 0) {
		free(pl);
		free(fl);
		return (ed_app_msg(a, ST_MSG_INFO, "ed.flags_clear", 0));
	}
	i = (size_t)pl[pick].i;
	free(pl);
	{
		struct report_flag f = fl[i];
		unsigned d = go(a, &f, (int)i);

		free(fl);
		return (d);
	}
}

unsigned
ed_flags_act_next(struct tui_app *a, int key)
{
	(void)key;
	return (walk(a, 1));
}

unsigned
ed_flags_act_prev(struct tui_app *a, int key)
{
	(void)key;
	return (walk(a, -1));
}
