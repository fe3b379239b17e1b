/*
 * The flags pane and next/previous flag.
 *
 * The pane lists errors first, then warnings, each group in template
 * order; its selected row indexes that order.  Walking (F8/F7) goes by
 * place in the report (section, then cell) and walks only the errors
 * while there are any, since a new report has a "left blank" warning on
 * every cell.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_cell.h"
#include "ed_flags.h"
#include "ed_form.h"
#include "ed_list.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "xmalloc.h"

void
ed_flags_init(struct tui_app *a)
{
	a->flag_last = -1;
}

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
		return (ed_sec_of_cell(a, f->cells[0]));
	return (report_tpl(a->rep)->rules[f->rule].section);
}

/* --- the pane ----------------------------------------------------- */

static char *
heading(const struct tui_app *a)
{
	char	ne[16], nw[16];

	snprintf(ne, sizeof ne, "%zu",
	    report_nflags_severity(a->rep, TPL_ERROR));
	snprintf(nw, sizeof nw, "%zu",
	    report_nflags_severity(a->rep, TPL_WARNING));
	return (i18n_fmt2(a->i18n, report_nflags(a->rep) > 0 ?
	    "ed.flags_title" : "ed.flags_none", ne, nw));
}

static size_t
count(const struct tui_app *a)
{
	return (report_nflags(a->rep));
}

/* A row per flag: its severity, its section's number, its message. */
static void
rows(const struct tui_app *a, int w, struct ed_list_rows *out)
{
	const struct tpl	*t = report_tpl(a->rep);
	struct report_flag	*fl;
	struct ed_list_row	*r;
	size_t			 n, i;
	bool			 err;

	(void)w;
	fl = ed_flags_list(a, &n);
	for (i = 0; i < n; i++) {
		err = fl[i].severity == TPL_ERROR;
		r = ed_list_push(out);
		r->nseg = 3;
		r->seg[0] = (struct ed_list_seg){ ed_msg_tr(a, err ?
		    "ed.sev_error" : "ed.sev_warning"), err ? ST_COUNT_ERR :
		    ST_COUNT_WARN, 0 };
		r->seg[1] = (struct ed_list_seg){ xstrdup(
		    t->sections[ed_flags_section(a, &fl[i])].number),
		    ST_NORMAL, 0 };
		r->seg[2] = (struct ed_list_seg){ report_flag_message(a->rep,
		    &fl[i], a->lang), ST_NORMAL, DRAW_PAD | DRAW_ELLIPSIS };
	}
	free(fl);
}

/* Goes to flag f (index i in the report's own order, for walking): its
 * first cell or its section, its message on the message line. */
static unsigned
go(struct tui_app *a, const struct report_flag *f, int i)
{
	unsigned	 d;

	if (ed_cell_commit(a) != 0 && ed_cell_held(a))
		return (TUI_DIRTY_STATUS | TUI_DIRTY_CELLS);
	a->flag_last = i;
	if (f->ncells > 0)
		d = ed_form_goto(a, f->cells[0]);
	else
		d = ed_sec_set(a, ed_flags_section(a, f));
	d |= ed_pane_home(a);
	d |= ed_msg_take(a, ST_MSG_FLAG, report_flag_message(a->rep, f,
	    a->lang));
	return (d | TUI_DIRTY_ALL);
}

/* Goes to the flag in row `row` of the pane. */
static unsigned
choose(struct tui_app *a, size_t row)
{
	struct report_flag	*fl;
	size_t			 n;
	unsigned		 d = 0;

	fl = ed_flags_list(a, &n);
	if (row < n)
		d = go(a, &fl[row], -1);
	free(fl);
	return (d);
}

/* Status line 2: the selected flag's message, whole. */
static char *
selected(const struct tui_app *a, enum style *st)
{
	struct report_flag	*fl;
	size_t			 n, sel = ed_list_sel(a, &ed_flags_pane);
	char			*m = NULL;

	*st = ST_MSG_FLAG;
	fl = ed_flags_list(a, &n);
	if (sel < n)
		m = report_flag_message(a->rep, &fl[sel], a->lang);
	free(fl);
	return (m);
}

static unsigned
jump(struct tui_app *a, int key)
{
	(void)key;
	return (choose(a, ed_list_sel(a, &ed_flags_pane)));
}

static const struct ed_action act_jump = {
	.fn = jump, .help = "ed.h.flags_jump"
};

static const struct ed_binding keys[] = {
	{ &ed_list_act_up, { KM_KEY(KEY_UP) } },
	{ &ed_list_act_down, { KM_KEY(KEY_DOWN) } },
	{ &ed_list_act_pgup, { KM_KEY(KEY_PPAGE) } },
	{ &ed_list_act_pgdn, { KM_KEY(KEY_NPAGE) } },
	{ &ed_list_act_home, { KM_KEY(KEY_HOME) } },
	{ &ed_list_act_end, { KM_KEY(KEY_END) } },
	{ &act_jump, { '\r', '\n', KM_KEY(KEY_ENTER) } },
	{ &ed_list_act_close, { 27 } },
	{ NULL, { 0 } }
};

static const struct ed_keymap keymap = { "ed.ctx.flags", NULL, keys, NULL };

static const struct ed_list_def def = {
	.select = true,
	.keep = true,
	.fill = ST_NORMAL,
	.heading = heading,
	.count = count,
	.rows = rows,
	.choose = choose,
};

const struct ed_pane ed_flags_pane = {
	.name = "flags",
	.keys = &keymap,
	.hint = "ed.flags_hint",
	.status = selected,
	ED_LIST_OPS,
	.data = &def,
};

/* F3: opens the pane, or closes it. */
static unsigned
open_pane(struct tui_app *a, int key)
{
	(void)key;
	if (ed_pane_is(a, &ed_flags_pane))
		return (ed_flags_pane.close(a));
	if (ed_cell_commit(a) != 0 && ed_cell_held(a))
		return (TUI_DIRTY_STATUS | TUI_DIRTY_CELLS);
	return (ed_list_open(a, &ed_flags_pane) |
	    TUI_DIRTY_ALL);
}

const struct ed_action ed_flags_open = {
	.fn = open_pane, .bar = "ed.k.flags", .help = "ed.h.flags",
	.opens = &keymap
};

/* --- walking ------------------------------------------------------ */

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
	here.cell = ed_sec_is_text(a) ? -1 : ed_form_cur(a);
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
		return (ed_msg_set(a, ST_MSG_INFO, "ed.flags_clear", 0));
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

static unsigned
next(struct tui_app *a, int key)
{
	(void)key;
	return (walk(a, 1));
}

static unsigned
prev(struct tui_app *a, int key)
{
	(void)key;
	return (walk(a, -1));
}

const struct ed_action ed_flags_next = {
	.fn = next, .bar = "ed.k.next_flag", .help = "ed.h.next_flag"
};
const struct ed_action ed_flags_prev = { .fn = prev, .help = "ed.h.prev_flag" };
