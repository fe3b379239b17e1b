/*
 * The outline: one line per section, and under a tables section one
 * line per titled block.  The entries are derived from the template
 * each time (there are a dozen); counts come from the current flags.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ed_flags.h"
#include "ed_form.h"
#include "ed_outline.h"
#include "ed_sec.h"

struct entry {
	int	sec;
	int	block;		/* -1: the section itself */
};

#define MAX_ENTRIES 64

static size_t
entries(const struct tui_app *a, struct entry *out)
{
	const struct tpl	*t = report_tpl(a->rep);
	size_t			 n = 0, s;
	int			 ti, b;

	for (s = 0; s < t->nsections && n < MAX_ENTRIES; s++) {
		const struct tpl_section *sec = &t->sections[s];

		out[n++] = (struct entry){ (int)s, -1 };
		if (sec->kind != TPL_TABLES)
			continue;
		for (ti = sec->first_table;
		    ti < sec->first_table + sec->ntables; ti++)
			for (b = t->tables[ti].first_block;
			    b < t->tables[ti].first_block +
			    t->tables[ti].nblocks && n < MAX_ENTRIES; b++)
				if (*tpl_label(&t->blocks[b].title,
				    a->lang) != '\0')
					out[n++] = (struct entry){ (int)s, b };
	}
	return (n);
}

/* Errors and warnings of an entry. */
static void
count(const struct tui_app *a, const struct report_flag *fl, size_t nf,
    const struct entry *e, int *err, int *warn)
{
	const struct tpl	*t = report_tpl(a->rep);
	size_t			 i;

	*err = *warn = 0;
	for (i = 0; i < nf; i++) {
		if (ed_flags_section(a, &fl[i]) != e->sec)
			continue;
		if (e->block >= 0 && (fl[i].ncells == 0 ||
		    t->cells[fl[i].cells[0]].block != e->block))
			continue;
		if (fl[i].severity == TPL_ERROR)
			(*err)++;
		else
			(*warn)++;
	}
}

static bool
is_current(const struct tui_app *a, const struct entry *e)
{
	const struct tpl	*t = report_tpl(a->rep);
	int			 cell = ed_form_cur(a);

	if (e->sec != a->sec)
		return (false);
	if (e->block < 0)
		return (true);
	return (a->pane == NULL && cell >= 0 &&
	    t->cells[cell].block == e->block);
}

static void
draw_entry(const struct tui_app *a, int y, const struct entry *e,
    const struct report_flag *fl, size_t nf)
{
	const struct tpl	*t = report_tpl(a->rep);
	int			 w = a->g.outline_w, err, warn, cw = 0, x;
	char			 ce[16] = "", cwn[16] = "", *title = NULL;
	enum style		 st = is_current(a, e) ? ST_OUTLINE_CUR :
				    ST_OUTLINE;

	count(a, fl, nf, e, &err, &warn);
	if (err > 0)
		cw += snprintf(ce, sizeof ce, "%d", err) + 1;
	if (warn > 0)
		cw += snprintf(cwn, sizeof cwn, "%d", warn) + 1;
	if (e->block < 0) {
		title = ed_sec_title(a, e->sec);
		ed_draw_text(&a->dr, y, 0, w - cw, title, st,
		    DRAW_PAD | DRAW_ELLIPSIS);
	} else {
		ed_draw_fill(&a->dr, y, 0, 2, st);
		ed_draw_text(&a->dr, y, 2, w - cw - 2,
		    tpl_label(&t->blocks[e->block].title, a->lang), st,
		    DRAW_PAD | DRAW_ELLIPSIS);
	}
	x = w - cw;
	if (err > 0) {
		ed_draw_fill(&a->dr, y, x++, 1, st);
		x += ed_draw_text(&a->dr, y, x, w - x, ce, ST_COUNT_ERR, 0);
	}
	if (warn > 0) {
		ed_draw_fill(&a->dr, y, x++, 1, st);
		ed_draw_text(&a->dr, y, x, w - x, cwn, ST_COUNT_WARN, 0);
	}
	free(title);
}

void
ed_outline_draw(const struct tui_app *a)
{
	struct entry		 e[MAX_ENTRIES];
	struct report_flag	*fl;
	size_t			 n = entries(a, e), nf, i;
	int			 y;

	fl = ed_flags_list(a, &nf);
	for (i = 0; i < (size_t)a->g.pane_h; i++) {
		y = a->g.pane_y + (int)i;
		if (i < n)
			draw_entry(a, y, &e[i], fl, nf);
		else
			ed_draw_fill(&a->dr, y, 0, a->g.outline_w, ST_OUTLINE);
		ed_draw_fill(&a->dr, y, a->g.outline_w, 1, ST_NORMAL);
	}
	free(fl);
}

unsigned
ed_outline_click(struct tui_app *a, int y, int x)
{
	const struct tpl	*t = report_tpl(a->rep);
	struct entry		 e[MAX_ENTRIES];
	size_t			 n = entries(a, e);
	int			 i = y - a->g.pane_y, cell;

	(void)x;
	if (i < 0 || (size_t)i >= n)
		return (0);
	if (e[i].block < 0)
		return (ed_sec_set(a, e[i].sec));
	cell = t->blocks[e[i].block].first_cell;
	while (tpl_cell_computed(t, cell) && t->cells[cell].block ==
	    e[i].block && (size_t)cell + 1 < t->ncells)
		cell++;
	if (t->cells[cell].block != e[i].block)
		cell = t->blocks[e[i].block].first_cell;
	return (ed_form_goto(a, cell));
}
