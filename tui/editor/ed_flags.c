/*
 * The flags pane and next/previous flag.
 *
 * The pane lists errors first, then warnings, each group in template
 * order; its selected row indexes that order.  Walking (F8/F7) goes
 * through every flag, errors first, then warnings (a new report has a
 * "left blank" warning on every cell, so errors must not drown), each
 * group by place in the report (section, then cell); going round the
 * end is said on the message line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "answer.h"
#include "ed_answer.h"
#include "ed_cell.h"
#include "ed_flags.h"
#include "ed_form.h"
#include "ed_list.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "ed_text.h"
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

/* A flag's message, and for an answered warning the reason after it.
 * Newly allocated. */
static char *
message(const struct tui_app *a, const struct report_flag *f)
{
	const char	*why = answer_for(a->rep, f);
	char		*m = report_flag_message(a->rep, f, a->lang), *r, *w;

	if (why == NULL)
		return (m);
	r = i18n_fmt1(a->i18n, "rules.answered_reason", why);
	w = xasprintf("%s%s", m, r);
	free(m);
	free(r);
	return (w);
}

/*
 * A flag's rows: its severity (or "answered"), its section's number and
 * its message wrapped to the pane's width, the lines after the first
 * under the message's first column.
 */
static void
add_flag(const struct tui_app *a, const struct report_flag *f, int w,
    struct ed_list_rows *out)
{
	const struct tpl	*t = report_tpl(a->rep);
	struct ed_list_row	*r;
	bool			 err = f->severity == TPL_ERROR;
	char			*sev, *num, *msg;
	size_t			*st, *en, n, k;
	int			 ind;

	sev = ed_msg_tr(a, answer_for(a->rep, f) != NULL ? "rules.answered" :
	    err ? "ed.sev_error" : "ed.sev_warning");
	num = xstrdup(t->sections[ed_flags_section(a, f)].number);
	msg = message(a, f);
	ind = ed_draw_width(&a->dr, sev) + 1 + ed_draw_width(&a->dr, num) + 1;
	if (w - ind < 10)
		ind = 0;
	n = ed_draw_wrap(&a->dr, msg, w - ind, &st, &en);
	r = ed_list_push(out);
	r->nseg = 3;
	r->seg[0] = (struct ed_list_seg){ sev, err ? ST_COUNT_ERR :
	    ST_COUNT_WARN, 0 };
	r->seg[1] = (struct ed_list_seg){ num, ST_NORMAL, 0 };
	r->seg[2] = (struct ed_list_seg){ xstrndup(msg + (n > 0 ? st[0] : 0),
	    n > 0 ? en[0] - st[0] : 0), ST_NORMAL, DRAW_PAD };
	for (k = 1; k < n; k++) {
		r = ed_list_push(out);
		r->cont = true;
		r->indent = ind;
		r->nseg = 1;
		r->seg[0] = (struct ed_list_seg){ xstrndup(msg + st[k],
		    en[k] - st[k]), ST_NORMAL, DRAW_PAD };
	}
	free(st);
	free(en);
	free(msg);
}

/* A flag's rows each: the message whole, wrapped. */
static void
rows(const struct tui_app *a, int w, struct ed_list_rows *out)
{
	struct report_flag	*fl;
	size_t			 n, i;

	fl = ed_flags_list(a, &n);
	for (i = 0; i < n; i++)
		add_flag(a, &fl[i], w, out);
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

/* Enter on a flag that quotes a sentence: that sentence, selected, in
 * its section's text. */
static unsigned
go_sentence(struct tui_app *a, const struct report_flag *f)
{
	const char	*said = report_note_said(a->rep, f->inst);
	size_t		 at;
	int		 sec;

	if (ed_cell_commit(a) != 0 && ed_cell_held(a))
		return (TUI_DIRTY_STATUS | TUI_DIRTY_CELLS);
	if (!report_note_where(a->rep, f->inst, &sec, &at))
		return (0);
	return (ed_text_select(a, sec, at, at + strlen(said)) |
	    ed_msg_take(a, ST_MSG_FLAG, report_flag_message(a->rep, f,
	    a->lang)) | TUI_DIRTY_ALL);
}

/* Goes to the flag in row `row` of the pane: to the sentence it quotes,
 * else to its first cell or its section. */
static unsigned
choose(struct tui_app *a, size_t row)
{
	struct report_flag	*fl;
	size_t			 n;
	unsigned		 d = 0;
	int			 sec;
	size_t			 at;

	fl = ed_flags_list(a, &n);
	if (row < n && report_note_where(a->rep, fl[row].inst, &sec, &at))
		d = go_sentence(a, &fl[row]);
	else if (row < n)
		d = go(a, &fl[row], -1);
	free(fl);
	return (d);
}

/* The flag selected in the pane into *f; false when there is none. */
static bool
selected_flag(const struct tui_app *a, struct report_flag *f)
{
	struct report_flag	*fl;
	size_t			 n, sel = ed_list_sel(a, &ed_flags_pane);
	bool			 ok;

	fl = ed_flags_list(a, &n);
	if ((ok = sel < n))
		*f = fl[sel];
	free(fl);
	return (ok);
}

/* a: answer the selected warning with a reason. */
static unsigned
answer_key(struct tui_app *a, int key)
{
	struct report_flag	f;

	(void)key;
	if (!selected_flag(a, &f))
		return (0);
	return (ed_answer_ask(a, &f));
}

/* t: accept the computed totals. */
static unsigned
totals_key(struct tui_app *a, int key)
{
	(void)key;
	return (ed_answer_totals(a));
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
		m = message(a, &fl[sel]);
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
}, act_answer = {
	.fn = answer_key, .help = "ed.h.flags_answer", .flags = ED_ACT_EDITS
}, act_totals = {
	.fn = totals_key, .help = "ed.h.flags_totals", .flags = ED_ACT_EDITS
};

static const struct ed_binding keys[] = {
	{ &ed_list_act_up, { KM_KEY(KEY_UP) } },
	{ &ed_list_act_down, { KM_KEY(KEY_DOWN) } },
	{ &ed_list_act_pgup, { KM_KEY(KEY_PPAGE) } },
	{ &ed_list_act_pgdn, { KM_KEY(KEY_NPAGE) } },
	{ &ed_list_act_home, { KM_KEY(KEY_HOME) } },
	{ &ed_list_act_end, { KM_KEY(KEY_END) } },
	{ &act_jump, { '\r', '\n', KM_KEY(KEY_ENTER) } },
	{ &act_answer, { 'a', 'A' } },
	{ &act_totals, { 't', 'T' } },
	{ &ed_list_act_close, { 27 } },
	{ NULL, { 0 } }
};

static const struct ed_keymap keymap = { "ed.ctx.flags", NULL, keys, NULL };

static const struct ed_list_def def = {
	.select = true,
	.keep = true,
	.fill = ST_NORMAL,
	.heading = heading,
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

/* A flag's place in the walk: errors before warnings, then section,
 * then cell (-1 for a section's text). */
struct place {
	int	sev;		/* 0 errors, 1 warnings */
	int	sec;
	int	cell;
	int	i;		/* index in the report's order */
};

/* By section and cell only. */
static int
where_cmp(const struct place *p, const struct place *q)
{
	if (p->sec != q->sec)
		return (p->sec < q->sec ? -1 : 1);
	return (p->cell < q->cell ? -1 : p->cell > q->cell);
}

static int
place_cmp(const void *x, const void *y)
{
	const struct place *p = x, *q = y;
	int		    c;

	if (p->sev != q->sev)
		return (p->sev < q->sev ? -1 : 1);
	if ((c = where_cmp(p, q)) != 0)
		return (c);
	return (p->i < q->i ? -1 : p->i > q->i);
}

/*
 * The step from the cursor in the walk's order (dir +1 or -1): from the
 * flag visited last when the cursor is still on it, else from the
 * cursor's place (the first flag after it, errors first).  Sets *round
 * when the walk went round the end.  -1 when there are no flags.
 */
static long
step(const struct tui_app *a, const struct place *pl, size_t n,
    const struct place *here, int dir, bool *round)
{
	long	pick = -1, k;

	*round = false;
	for (k = 0; k < (long)n && a->flag_last >= 0; k++)
		if (pl[k].i == a->flag_last && where_cmp(&pl[k], here) == 0)
			pick = k + dir;
	for (k = 0; pick == -1 && k < (long)n; k++) {
		if (dir > 0 && where_cmp(&pl[k], here) > 0) {
			pick = k;
			break;
		}
		if (dir < 0 && where_cmp(&pl[k], here) < 0)
			pick = k;
	}
	if (n > 0 && (pick < 0 || pick >= (long)n)) {
		*round = true;
		pick = dir > 0 ? 0 : (long)n - 1;
	}
	return (n > 0 ? pick : -1);
}

static unsigned
walk(struct tui_app *a, int dir)
{
	struct report_flag	*fl;
	struct place		*pl, here;
	size_t			 m, i;
	long			 pick;
	bool			 round;
	unsigned		 d;
	char			*msg;

	m = report_nflags(a->rep);
	fl = xcalloc(m + 1, sizeof *fl);
	m = report_flags(a->rep, fl, m);
	pl = xcalloc(m + 1, sizeof *pl);
	for (i = 0; i < m; i++)
		pl[i] = (struct place){ fl[i].severity == TPL_ERROR ? 0 : 1,
		    ed_flags_section(a, &fl[i]),
		    fl[i].ncells > 0 ? fl[i].cells[0] : -1, (int)i };
	qsort(pl, m, sizeof *pl, place_cmp);
	here = (struct place){ 0, a->sec,
	    ed_sec_is_text(a) ? -1 : ed_form_cur(a), 0 };
	pick = step(a, pl, m, &here, dir, &round);
	if (pick < 0) {
		free(pl);
		free(fl);
		return (ed_msg_set(a, ST_MSG_INFO, "ed.flags_clear", 0));
	}
	i = (size_t)pl[pick].i;
	free(pl);
	d = go(a, &fl[i], (int)i);
	if (round && !ed_cell_held(a)) {
		msg = report_flag_message(a->rep, &fl[i], a->lang);
		d |= ed_msg_take(a, ST_MSG_FLAG, i18n_fmt1(a->i18n,
		    dir > 0 ? "ed.flags_round" : "ed.flags_round_back", msg));
		free(msg);
	}
	free(fl);
	return (d);
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
