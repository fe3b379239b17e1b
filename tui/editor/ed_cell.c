/*
 * Cell editing (see ed_cell.h).  The edit lives in the app (a->edit) and
 * always concerns the current cell of the current section.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_app.h"
#include "ed_cell.h"
#include "ed_form.h"
#include "ed_keymap.h"
#include "undo.h"
#include "xmalloc.h"

static const struct tpl *
tpl_of(const struct tui_app *a)
{
	return (report_tpl(a->rep));
}

void
ed_cell_init(struct ed_cell *e)
{
	memset(e, 0, sizeof *e);
	sbuf_init(&e->buf);
}

void
ed_cell_done(struct ed_cell *e)
{
	sbuf_done(&e->buf);
	err_clear(&e->err);
}

size_t
ed_cell_tail(const struct tui_app *a, int cols, int *used)
{
	const struct sbuf	*b = &a->edit.buf;
	size_t			 off = 0;

	while (off < b->len &&
	    text_width(b->s + off, b->len - off, &a->topts) > cols)
		off = text_next(b->s, b->len, off);
	*used = text_width(b->s + off, b->len - off, &a->topts);
	return (off);
}

static bool
same_value(struct report_value x, struct report_value y)
{
	if (x.state != y.state)
		return (false);
	return (x.state != RV_SET || (x.n.v == y.n.v && x.n.dp == y.n.dp));
}

/* Stores the text typed so far, if it parses. */
static void
edit_live(struct tui_app *a)
{
	struct ed_cell *e = &a->edit;

	err_clear(&e->err);
	e->bad = !report_set_input(a->rep, e->cell, e->buf.s, NULL, &e->err);
}

static void
edit_start(struct tui_app *a, const char *init)
{
	struct ed_cell *e = &a->edit;

	e->active = true;
	e->cell = a->form.cur[a->sec];
	e->orig = report_value(a->rep, e->cell);
	sbuf_truncate(&e->buf, 0);
	sbuf_adds(&e->buf, init);
	e->bad = false;
	err_clear(&e->err);
	undo_seal(a->undo);
}

static void
edit_end(struct ed_cell *e)
{
	e->active = false;
	sbuf_truncate(&e->buf, 0);
	e->bad = false;
	err_clear(&e->err);
}

unsigned
ed_cell_commit(struct tui_app *a)
{
	struct ed_cell	*e = &a->edit;
	struct report_value	 nv;
	unsigned		 d = TUI_DIRTY_MODEL | TUI_DIRTY_CURSOR;

	if (!e->active)
		return (0);
	if (e->bad) {
		report_set_value(a->rep, e->cell, e->orig, NULL);
		d |= ed_app_msg_err(a, &e->err);
	} else {
		nv = report_value(a->rep, e->cell);
		if (!same_value(nv, e->orig))
			undo_push_cell(a->undo, e->cell, e->orig, nv);
	}
	edit_end(e);
	return (d);
}

unsigned
ed_cell_cancel(struct tui_app *a)
{
	struct ed_cell *e = &a->edit;

	if (!e->active)
		return (0);
	report_set_value(a->rep, e->cell, e->orig, NULL);
	edit_end(e);
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

unsigned
ed_cell_refuse_computed(struct tui_app *a, int cell)
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
	d = ed_app_msg(a, ST_MSG_ERROR, "ed.computed", 3, name.s, list.s, count);
	sbuf_done(&name);
	sbuf_done(&list);
	return (d);
}

static int
cur(const struct tui_app *a)
{
	return (a->form.cur[a->sec]);
}

static bool
computed(const struct tui_app *a, int cell)
{
	return (tpl_cell_computed(tpl_of(a), cell));
}

unsigned
ed_cell_key(struct tui_app *a, int key)
{
	struct ed_cell	*e = &a->edit;
	int			 cell = a->form.cur[a->sec];
	char			 u[5];
	size_t			 n;

	if (!ed_keymap_printable(key) || cell < 0)
		return (0);
	if (computed(a, cell))
		return (ed_cell_refuse_computed(a, cell));
	if ((n = ed_keymap_utf8((wint_t)key, u)) == 0)
		return (0);
	if (!e->active)
		edit_start(a, "");
	sbuf_add(&e->buf, u, n);
	edit_live(a);
	return (TUI_DIRTY_MODEL);
}

unsigned
ed_cell_paste(struct tui_app *a, const char *s, size_t len)
{
	int	 cell = a->form.cur[a->sec];
	char	*clean;

	if (cell < 0)
		return (0);
	if (computed(a, cell))
		return (ed_cell_refuse_computed(a, cell));
	clean = text_sanitize(s, len, false);
	if (!a->edit.active)
		edit_start(a, "");
	sbuf_truncate(&a->edit.buf, 0);
	sbuf_adds(&a->edit.buf, clean);
	free(clean);
	edit_live(a);
	return (TUI_DIRTY_MODEL);
}

unsigned
ed_cell_act_enter(struct tui_app *a, int key)
{
	struct report_value	v;
	char			buf[NUM_FMT_MAX];
	int			cell = cur(a);

	(void)key;
	if (cell < 0)
		return (0);
	if (a->edit.active)
		return (ed_form_act_down(a, key));
	if (computed(a, cell))
		return (ed_cell_refuse_computed(a, cell));
	v = report_value(a->rep, cell);
	report_format_value(a->rep, cell, v, buf);
	edit_start(a, v.state == RV_SET ? buf : "");
	return (TUI_DIRTY_CELLS | TUI_DIRTY_STATUS);
}

unsigned
ed_cell_act_cancel(struct tui_app *a, int key)
{
	(void)key;
	if (a->edit.active)
		return (ed_cell_cancel(a));
	return (TUI_DIRTY_STATUS);
}

unsigned
ed_cell_act_bksp(struct tui_app *a, int key)
{
	struct ed_cell	*e = &a->edit;
	struct report_value	 v;
	char			 buf[NUM_FMT_MAX];
	int			 cell = cur(a);

	(void)key;
	if (cell < 0)
		return (0);
	if (!e->active) {
		if (computed(a, cell))
			return (ed_cell_refuse_computed(a, cell));
		v = report_value(a->rep, cell);
		report_format_value(a->rep, cell, v, buf);
		edit_start(a, v.state == RV_SET ? buf : "");
	}
	if (e->buf.len > 0)
		sbuf_truncate(&e->buf, text_prev(e->buf.s, e->buf.len,
		    e->buf.len));
	edit_live(a);
	return (TUI_DIRTY_MODEL);
}

unsigned
ed_cell_act_del(struct tui_app *a, int key)
{
	struct ed_cell	*e = &a->edit;
	struct report_value	 blank = { RV_BLANK, { 0, 0 } }, old;
	int			 cell = cur(a);

	(void)key;
	if (cell < 0)
		return (0);
	if (e->active) {
		sbuf_truncate(&e->buf, 0);
		edit_live(a);
		return (TUI_DIRTY_MODEL);
	}
	if (computed(a, cell))
		return (ed_cell_refuse_computed(a, cell));
	old = report_value(a->rep, cell);
	if (old.state == RV_BLANK)
		return (0);
	report_set_value(a->rep, cell, blank, NULL);
	undo_push_cell(a->undo, cell, old, blank);
	return (TUI_DIRTY_MODEL);
}

