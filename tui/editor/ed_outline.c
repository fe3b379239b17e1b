/*
 * The outline: one line per section, and under a tables section one
 * line per titled block (narrow: the sections only).  The entries are
 * derived from the template each time (there are a dozen); counts come
 * from the current flags.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_flags.h"
#include "ed_form.h"
#include "ed_outline.h"
#include "ed_sec.h"

struct entry {
	int	sec;
	int	block;		/* -1: the section itself */
};

#define MAX_ENTRIES 64

/* outline_mode: 0 by the screen's width, else one of these. */
enum { OUTLINE_AUTO, OUTLINE_FULL, OUTLINE_NARROW, OUTLINE_HIDDEN };

#define OUTLINE_NARROW_W	6	/* "三 12" */
#define OUTLINE_AUTO_COLS	100	/* narrower screens: narrow outline */

static int
mode(const struct tui_app *a, int cols)
{
	if (a->outline_mode != OUTLINE_AUTO)
		return (a->outline_mode);
	return (cols < OUTLINE_AUTO_COLS ? OUTLINE_NARROW : OUTLINE_FULL);
}

int
ed_outline_width(const struct tui_app *a, int cols)
{
	switch (mode(a, cols)) {
	case OUTLINE_HIDDEN:
		return (0);
	case OUTLINE_NARROW:
		return (OUTLINE_NARROW_W);
	default:
		return (cols / 6 < 12 ? 12 : cols / 6 > 22 ? 22 : cols / 6);
	}
}

static unsigned
cycle(struct tui_app *a, int key)
{
	(void)key;
	a->outline_mode = mode(a, a->g.cols) == OUTLINE_HIDDEN ? OUTLINE_FULL :
	    mode(a, a->g.cols) + 1;
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

const struct ed_action ed_outline_cycle = {
	.fn = cycle, .help = "ed.h.outline"
};

static size_t
entries(const struct tui_app *a, struct entry *out)
{
	const struct tpl	*t = report_tpl(a->rep);
	size_t			 n = 0, k;
	int			 ti, b, s;

	/* In printed order: the 前言 before 一. */
	for (k = 0; k < t->nsections && n < MAX_ENTRIES; k++) {
		const struct tpl_section *sec =
		    &t->sections[s = tpl_printed(t, k)];

		out[n++] = (struct entry){ s, -1 };
		if (sec->kind != TPL_TABLES ||
		    mode(a, a->g.cols) == OUTLINE_NARROW)
			continue;
		for (ti = sec->first_table;
		    ti < sec->first_table + sec->ntables; ti++)
			for (b = t->tables[ti].first_block;
			    b < t->tables[ti].first_block +
			    t->tables[ti].nblocks && n < MAX_ENTRIES; b++)
				if (*tpl_label(&t->blocks[b].title,
				    a->lang) != '\0')
					out[n++] = (struct entry){ s, b };
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

/*
 * Bytes of label that the titled blocks of sec all begin with, cut
 * where a character begins ("第二十条第" of 第二十条第（一）项...); 0 with
 * fewer than two titled blocks.
 */
static size_t
shared_start(const struct tui_app *a, int sec, const char *label)
{
	const struct tpl	*t = report_tpl(a->rep);
	const struct tpl_section *s = &t->sections[sec];
	size_t			 len = strlen(label), k, nb = 0;
	const char		*o;
	int			 ti, b;

	for (ti = s->first_table; ti < s->first_table + s->ntables; ti++)
		for (b = t->tables[ti].first_block; b <
		    t->tables[ti].first_block + t->tables[ti].nblocks; b++) {
			o = tpl_label(&t->blocks[b].title, a->lang);
			if (*o == '\0')
				continue;
			nb++;
			for (k = 0; k < len && o[k] == label[k]; k++)
				;
			len = k;
		}
	if (nb < 2)
		return (0);
	/* Back to a character's start; an opening bracket stays with
	 * what it opens (（一）项, not 一）项). */
	while (len > 0 && (label[len] & 0xc0) == 0x80)
		len--;
	if (len >= 3 && strncmp(label + len - 3, "（", 3) == 0)
		len -= 3;
	else if (len >= 1 && label[len - 1] == '(')
		len--;
	return (len);
}

/* What a block's row shows in w columns: its title, or when that does
 * not fit the part after what all the section's blocks share. */
static const char *
block_label(const struct tui_app *a, const struct entry *e, int w)
{
	const char	*l = tpl_label(&report_tpl(a->rep)->blocks[e->block].title,
			    a->lang);

	if (ed_draw_width(&a->dr, l) <= w)
		return (l);
	return (l + shared_start(a, e->sec, l));
}

/* A section's row when narrow: its number (一, before the 、). */
static char *
narrow_title(const struct tui_app *a, int sec)
{
	char	*t = ed_sec_title(a, sec), *p;

	if ((p = strstr(t, "、")) != NULL || (p = strchr(t, '.')) != NULL)
		*p = '\0';
	return (t);
}

static void
draw_entry(const struct tui_app *a, int y, const struct entry *e,
    const struct report_flag *fl, size_t nf)
{
	int			 w = a->g.outline_w, err, warn, cw = 0, x;
	char			 ce[16] = "", cwn[16] = "", *title = NULL;
	enum style		 st = is_current(a, e) ? ST_OUTLINE_CUR :
				    ST_OUTLINE;

	count(a, fl, nf, e, &err, &warn);
	if (mode(a, a->g.cols) == OUTLINE_NARROW && err > 0)
		warn = 0;	/* no room for both */
	if (err > 0)
		cw += snprintf(ce, sizeof ce, "%d", err) + 1;
	if (warn > 0)
		cw += snprintf(cwn, sizeof cwn, "%d", warn) + 1;
	if (e->block < 0) {
		title = mode(a, a->g.cols) == OUTLINE_NARROW ?
		    narrow_title(a, e->sec) : ed_sec_title(a, e->sec);
		ed_draw_text(&a->dr, y, 0, w - cw, title, st,
		    DRAW_PAD | DRAW_ELLIPSIS);
	} else {
		ed_draw_fill(&a->dr, y, 0, 2, st);
		ed_draw_text(&a->dr, y, 2, w - cw - 2,
		    block_label(a, e, w - cw - 2), st,
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
	size_t			 n, nf, i;
	int			 y;

	if (a->g.outline_w <= 0)
		return;
	n = entries(a, e);
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
