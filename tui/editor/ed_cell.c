/*
 * Cell editing (see ed_cell.h).  The state: whether an edit is active,
 * its cell, the text typed, the value before, and why the text does not
 * parse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_cell.h"
#include "ed_keymap.h"
#include "ed_msg.h"
#include "sbuf.h"
#include "undo.h"
#include "xmalloc.h"

struct ed_cell {
	bool			 active;
	int			 cell;
	struct sbuf		 buf;
	struct report_value	 orig;
	bool			 bad;		/* buf does not parse */
	struct err		 err;		/* why */
};

static const struct tpl *
tpl_of(const struct tui_app *a)
{
	return (report_tpl(a->rep));
}

void
ed_cell_init(struct tui_app *a)
{
	a->cell = xcalloc(1, sizeof *a->cell);
	sbuf_init(&a->cell->buf);
}

void
ed_cell_done(struct tui_app *a)
{
	if (a->cell == NULL)
		return;
	sbuf_done(&a->cell->buf);
	err_clear(&a->cell->err);
	free(a->cell);
	a->cell = NULL;
}

bool
ed_cell_active(const struct tui_app *a)
{
	return (a->cell->active);
}

bool
ed_cell_editing(const struct tui_app *a, int cell)
{
	return (a->cell->active && a->cell->cell == cell);
}

const struct err *
ed_cell_error(const struct tui_app *a)
{
	return (a->cell->active && a->cell->bad ? &a->cell->err : NULL);
}

const char *
ed_cell_tail(const struct tui_app *a, int cols, size_t *len, int *used)
{
	const struct sbuf	*b = &a->cell->buf;
	size_t			 off = 0;

	while (off < b->len &&
	    text_width(b->s + off, b->len - off, &a->topts) > cols)
		off = text_next(b->s, b->len, off);
	*used = text_width(b->s + off, b->len - off, &a->topts);
	*len = b->len - off;
	return (b->s != NULL ? b->s + off : "");
}

static bool
same_value(struct report_value x, struct report_value y)
{
	if (x.state != y.state)
		return (false);
	return (x.state != RV_SET || (x.n.v == y.n.v && x.n.dp == y.n.dp));
}

/* Stores the text typed so far if it parses, else the value before. */
static void
live(struct tui_app *a)
{
	struct ed_cell *e = a->cell;

	err_clear(&e->err);
	e->bad = !report_set_input(a->rep, e->cell, e->buf.s, NULL, &e->err);
	if (e->bad && !same_value(report_value(a->rep, e->cell), e->orig))
		report_set_value(a->rep, e->cell, e->orig, NULL);
}

static void
start(struct tui_app *a, int cell, const char *init)
{
	struct ed_cell *e = a->cell;

	e->active = true;
	e->cell = cell;
	e->orig = report_value(a->rep, cell);
	sbuf_truncate(&e->buf, 0);
	sbuf_adds(&e->buf, init);
	e->bad = false;
	err_clear(&e->err);
	undo_seal(a->undo);
}

/* Starts an edit of cell with its value as the text. */
static void
start_with_value(struct tui_app *a, int cell)
{
	struct report_value	v = report_value(a->rep, cell);
	char			buf[NUM_FMT_MAX];

	report_format_value(a->rep, cell, v, buf);
	start(a, cell, v.state == RV_SET ? buf : "");
}

/* A commit of text that does not parse: the edit stays, and the message
 * says why, what to do, and what Esc would bring back. */
static unsigned
held(struct tui_app *a)
{
	struct ed_cell	*e = a->cell;
	char		 old[NUM_FMT_MAX], *why;
	unsigned	 d;

	report_format_value(a->rep, e->cell, e->orig, old);
	why = i18n_err(a->i18n, &e->err);
	d = ed_msg_set(a, ST_MSG_ERROR, e->orig.state == RV_SET ?
	    "ed.cell_held" : "ed.cell_held_blank", 2, why, old);
	free(why);
	return (d | TUI_DIRTY_CELLS | TUI_DIRTY_CURSOR);
}

static void
end(struct ed_cell *e)
{
	e->active = false;
	sbuf_truncate(&e->buf, 0);
	e->bad = false;
	err_clear(&e->err);
}

unsigned
ed_cell_commit(struct tui_app *a)
{
	struct ed_cell		*e = a->cell;
	struct report_value	 nv;
	unsigned		 d = TUI_DIRTY_MODEL | TUI_DIRTY_CURSOR;

	if (!e->active)
		return (0);
	if (e->bad)
		return (held(a));
	nv = report_value(a->rep, e->cell);
	if (!same_value(nv, e->orig))
		undo_push_cell(a->undo, e->cell, e->orig, nv);
	end(e);
	return (d);
}

bool
ed_cell_held(const struct tui_app *a)
{
	return (a->cell->active && a->cell->bad);
}

unsigned
ed_cell_cancel(struct tui_app *a)
{
	struct ed_cell *e = a->cell;

	if (!e->active)
		return (0);
	report_set_value(a->rep, e->cell, e->orig, NULL);
	end(e);
	return (TUI_DIRTY_MODEL | TUI_DIRTY_CURSOR);
}

/* A short name of cell c as seen from cell ref (-1: none): the column
 * label within ref's row, the row label within its column, else both. */
static void
short_label(const struct tui_app *a, int ref, int c, struct sbuf *out)
{
	const struct tpl	*t = tpl_of(a);
	const struct tpl_cell	*x = &t->cells[c], *y = NULL;
	const struct tpl_block	*blk = &t->blocks[x->block];
	const char		*rl, *cl;

	rl = tpl_label(&tpl_row_node(blk, x->row)->label, a->lang);
	cl = tpl_label(&tpl_col_node(blk, x->col)->label, a->lang);
	if (ref >= 0)
		y = &t->cells[ref];
	if (y != NULL && y->block == x->block && y->row == x->row)
		sbuf_adds(out, cl);
	else if (y != NULL && y->block == x->block && y->col == x->col &&
	    *rl != '\0')
		sbuf_adds(out, rl);
	else if (*rl == '\0')
		sbuf_adds(out, cl);
	else
		sbuf_addf(out, "%s/%s", rl, cl);
}

/* Says why computed cell `cell` cannot be typed into. */
static unsigned
refuse_computed(struct tui_app *a, int cell)
{
	const struct tpl		*t = tpl_of(a);
	const struct tpl_formula	*f;
	const struct tpl_term		*tm;
	struct sbuf			 name, list;
	char				 count[24];
	size_t				 i;
	unsigned			 d;

	f = &t->formulas[t->cells[cell].formula];
	sbuf_init(&name);
	sbuf_init(&list);
	short_label(a, -1, cell, &name);
	for (i = 0; i < f->nterms; i++) {
		tm = &f->terms[i];
		if (i == 12) {
			sbuf_adds(&list, " …");
			break;
		}
		if (i > 0)
			sbuf_adds(&list, tm->sign < 0 ? " - " : " + ");
		else if (tm->sign < 0)
			sbuf_adds(&list, "-");
		if (tm->kind == TPL_T_CONST)
			sbuf_addf(&list, "%lld", (long long)tm->value);
		else
			short_label(a, cell, tm->cell, &list);
	}
	snprintf(count, sizeof count, "%zu", f->nterms);
	d = ed_msg_set(a, ST_MSG_ERROR, "ed.computed", 3, name.s, list.s,
	    count);
	sbuf_done(&name);
	sbuf_done(&list);
	return (d);
}

static bool
computed(const struct tui_app *a, int cell)
{
	return (tpl_cell_computed(tpl_of(a), cell));
}

unsigned
ed_cell_key(struct tui_app *a, int cell, int key)
{
	struct ed_cell	*e = a->cell;
	char		 u[5];
	size_t		 n;

	if (!ed_keymap_printable(key) || cell < 0)
		return (0);
	if (computed(a, cell))
		return (refuse_computed(a, cell));
	if ((n = ed_keymap_utf8((wint_t)key, u)) == 0)
		return (0);
	if (!e->active)
		start(a, cell, "");
	sbuf_add(&e->buf, u, n);
	live(a);
	return (TUI_DIRTY_MODEL);
}

unsigned
ed_cell_paste(struct tui_app *a, int cell, const char *s, size_t len)
{
	char	*clean;

	if (cell < 0)
		return (0);
	if (computed(a, cell))
		return (refuse_computed(a, cell));
	clean = text_sanitize(s, len, false);
	if (!a->cell->active)
		start(a, cell, "");
	sbuf_truncate(&a->cell->buf, 0);
	sbuf_adds(&a->cell->buf, clean);
	free(clean);
	live(a);
	return (TUI_DIRTY_MODEL);
}

unsigned
ed_cell_enter(struct tui_app *a, int cell)
{
	if (cell < 0)
		return (0);
	if (computed(a, cell))
		return (refuse_computed(a, cell));
	start_with_value(a, cell);
	return (TUI_DIRTY_CELLS | TUI_DIRTY_STATUS);
}

unsigned
ed_cell_bksp(struct tui_app *a, int cell)
{
	struct ed_cell	*e = a->cell;

	if (cell < 0)
		return (0);
	if (!e->active) {
		if (computed(a, cell))
			return (refuse_computed(a, cell));
		start_with_value(a, cell);
	}
	if (e->buf.len > 0)
		sbuf_truncate(&e->buf, text_prev(e->buf.s, e->buf.len,
		    e->buf.len));
	live(a);
	return (TUI_DIRTY_MODEL);
}

unsigned
ed_cell_del(struct tui_app *a, int cell)
{
	struct ed_cell		*e = a->cell;
	struct report_value	 blank = { RV_BLANK, { 0, 0 } }, old;

	if (cell < 0)
		return (0);
	if (e->active) {
		sbuf_truncate(&e->buf, 0);
		live(a);
		return (TUI_DIRTY_MODEL);
	}
	if (computed(a, cell))
		return (refuse_computed(a, cell));
	old = report_value(a->rep, cell);
	if (old.state == RV_BLANK)
		return (0);
	report_set_value(a->rep, cell, blank, NULL);
	undo_push_cell(a->undo, cell, old, blank);
	return (TUI_DIRTY_MODEL);
}
