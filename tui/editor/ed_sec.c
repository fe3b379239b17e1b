/*
 * The current section (see ed_sec.h).
 */
#include <stdio.h>

#include "ed_cell.h"
#include "ed_pane.h"
#include "ed_sec.h"
#include "undo.h"
#include "xmalloc.h"

bool
ed_sec_is_text(const struct tui_app *a)
{
	return (a->rep != NULL &&
	    report_tpl(a->rep)->sections[a->sec].kind == TPL_NARRATIVE);
}

char *
ed_sec_title(const struct tui_app *a, int sec)
{
	const struct tpl_section	*s = &report_tpl(a->rep)->sections[sec];
	char				 idx[16];

	/* The 前言 has no number: its name alone. */
	if (s->preface)
		return (xstrdup(tpl_label(&s->title, a->lang)));
	snprintf(idx, sizeof idx, "%d", sec + 1);
	return (i18n_fmt(a->i18n, "ed.sec_heading", 3, (const char *[]){
	    s->number, tpl_label(&s->title, a->lang), idx }));
}

int
ed_sec_of_cell(const struct tui_app *a, int cell)
{
	const struct tpl *t = report_tpl(a->rep);

	return (t->tables[t->blocks[t->cells[cell].block].table].section);
}

unsigned
ed_sec_set(struct tui_app *a, int sec)
{
	unsigned	d;

	if (a->rep == NULL || sec < 0 ||
	    (size_t)sec >= report_tpl(a->rep)->nsections)
		return (0);
	if ((d = ed_cell_commit(a)) != 0 && ed_cell_held(a))
		return (d);
	undo_seal(a->undo);
	a->sec = sec;
	return (d | ed_pane_home(a) | TUI_DIRTY_ALL);
}

/* The section dir steps from this one, round the report, in printed
 * order (the 前言 before 一). */
static unsigned
step(struct tui_app *a, int dir)
{
	const struct tpl	*t;
	int			 n, k;

	if (a->rep == NULL)
		return (0);
	t = report_tpl(a->rep);
	n = (int)t->nsections;
	for (k = 0; k < n && tpl_printed(t, (size_t)k) != a->sec; k++)
		;
	return (ed_sec_set(a, tpl_printed(t, (size_t)((k + n + dir) % n))));
}

static unsigned
next(struct tui_app *a, int key)
{
	(void)key;
	return (step(a, 1));
}

static unsigned
prev(struct tui_app *a, int key)
{
	(void)key;
	return (step(a, -1));
}

const struct ed_action ed_sec_next = {
	.fn = next, .bar = "ed.k.next_sec", .help = "ed.h.next_sec"
};
const struct ed_action ed_sec_prev = { .fn = prev, .help = "ed.h.prev_sec" };
