/*
 * The list pane (see ed_list.h).  The rows are built when needed (they
 * depend on the pane's width and on the report), never kept; a list's
 * only state is its position, looked up by its pane.
 */
#include <stdlib.h>

#include <curses.h>

#include "ed_list.h"
#include "vec.h"
#include "xmalloc.h"

struct ed_list_pos {
	const struct ed_pane	*p;
	size_t			 sel, top;
};

struct ed_list {
	struct ed_list_pos	*v;
	size_t			 n, cap;
};

void
ed_list_init(struct tui_app *a)
{
	a->lists = xcalloc(1, sizeof *a->lists);
}

void
ed_list_done(struct tui_app *a)
{
	if (a->lists == NULL)
		return;
	free(a->lists->v);
	free(a->lists);
	a->lists = NULL;
}

/* The position of list pane p (added at the top when new). */
static struct ed_list_pos *
pos_of(struct ed_list *l, const struct ed_pane *p)
{
	size_t			 i;
	struct ed_list_pos	*ps;

	for (i = 0; i < l->n; i++)
		if (l->v[i].p == p)
			return (&l->v[i]);
	ps = VEC_PUSH(l->v, l->n, l->cap);
	ps->p = p;
	return (ps);
}

static const struct ed_list_def *
def_of(const struct ed_pane *p)
{
	return (p->data);
}

/* Rows above the list: the heading and a blank row. */
static int
skip(const struct ed_list_def *d)
{
	return (d->heading != NULL ? 2 : 0);
}

/* Rows the list has in the pane. */
static int
height(const struct tui_app *a, const struct ed_list_def *d)
{
	int	h = a->g.pane_h - skip(d);

	return (h > 1 ? h : 1);
}

void
ed_list_add(struct ed_list_rows *r, int indent, const char *s, size_t len,
    enum style st, int flags)
{
	struct ed_list_row	*row = ed_list_push(r);

	row->indent = indent;
	row->nseg = 1;
	row->seg[0] = (struct ed_list_seg){ xstrndup(s, len), st, flags };
}

struct ed_list_row *
ed_list_push(struct ed_list_rows *r)
{
	return (VEC_PUSH(r->v, r->n, r->cap));
}

void
ed_list_rows_free(struct ed_list_rows *r)
{
	size_t	i;
	int	j;

	for (i = 0; i < r->n; i++)
		for (j = 0; j < r->v[i].nseg; j++)
			free(r->v[i].seg[j].s);
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

/* The rows of list pane p now (the caller frees them). */
static void
build(const struct tui_app *a, const struct ed_pane *p,
    struct ed_list_rows *r)
{
	*r = (struct ed_list_rows){ NULL, 0, 0 };
	def_of(p)->rows(a, a->g.pane_w, r);
}

/* The item of each row: how many rows not marked cont come before and
 * at it, less one. */
static size_t
item_of(const struct ed_list_rows *r, size_t line)
{
	size_t	i, k = 0;

	for (i = 1; i <= line && i < r->n; i++)
		if (!r->v[i].cont)
			k++;
	return (k);
}

/* The lines [*l0, *l1) of item k (an empty range past the end). */
static void
lines_of(const struct ed_list_rows *r, size_t k, size_t *l0, size_t *l1)
{
	size_t	i, item = 0;

	*l0 = *l1 = r->n;
	for (i = 0; i < r->n; i++) {
		if (i > 0 && !r->v[i].cont)
			item++;
		if (item == k && *l0 == r->n)
			*l0 = i;
		if (item > k) {
			*l1 = i;
			return;
		}
	}
}

/* Moves the selection to item sel (clamped), and the view to all of it
 * (to its start when it is taller than the pane). */
static unsigned
select_row(struct tui_app *a, const struct ed_pane *p, long sel)
{
	struct ed_list_pos	*ps = pos_of(a->lists, p);
	struct ed_list_rows	 r;
	size_t			 n, l0, l1;
	size_t			 h = (size_t)height(a, def_of(p));

	build(a, p, &r);
	n = r.n > 0 ? item_of(&r, r.n - 1) + 1 : 0;
	if (sel >= (long)n)
		sel = (long)n - 1;
	if (sel < 0)
		sel = 0;
	ps->sel = (size_t)sel;
	lines_of(&r, ps->sel, &l0, &l1);
	if (l1 > ps->top + h)
		ps->top = l1 - h;
	if (l0 < ps->top)
		ps->top = l0;
	if (ps->top + h > r.n)
		ps->top = r.n > h ? r.n - h : 0;
	if (l0 < ps->top)
		ps->top = l0;
	ed_list_rows_free(&r);
	return (TUI_DIRTY_PANE | TUI_DIRTY_STATUS);
}

/* Scrolls a text list by lines (clamped). */
static unsigned
scroll_by(struct tui_app *a, const struct ed_pane *p, long lines)
{
	struct ed_list_pos	*ps = pos_of(a->lists, p);
	struct ed_list_rows	 r;
	long			 top = (long)ps->top + lines, max;

	build(a, p, &r);
	max = (long)r.n - height(a, def_of(p));
	ed_list_rows_free(&r);

	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	if ((size_t)top == ps->top)
		return (0);
	ps->top = (size_t)top;
	return (TUI_DIRTY_PANE);
}

/* Moves by lines: the selection of a selection list, else the view. */
static unsigned
step(struct tui_app *a, long lines)
{
	const struct ed_pane	*p = a->pane;

	if (p == NULL)
		return (0);
	if (def_of(p)->select)
		return (select_row(a, p, (long)pos_of(a->lists, p)->sel +
		    lines));
	return (scroll_by(a, p, lines));
}

/* A page: the list's height (a text list keeps one line in view). */
static long
page(const struct tui_app *a)
{
	const struct ed_list_def	*d = def_of(a->pane);
	long				 h = height(a, d);

	if (d->select)
		return (h);
	return (h > 1 ? h - 1 : 1);
}

unsigned
ed_list_open(struct tui_app *a, const struct ed_pane *p)
{
	struct ed_list_pos	*ps = pos_of(a->lists, p);
	unsigned		 d = ed_pane_open(a, p);

	if (!def_of(p)->keep)
		ps->sel = ps->top = 0;
	if (def_of(p)->select)
		d |= select_row(a, p, (long)ps->sel);
	return (d);
}

size_t
ed_list_sel(const struct tui_app *a, const struct ed_pane *p)
{
	size_t	i;

	for (i = 0; i < a->lists->n; i++)
		if (a->lists->v[i].p == p)
			return (a->lists->v[i].sel);
	return (0);
}

/* Draws row r on screen row y; sel: it is the selected row. */
static void
draw_row(const struct tui_app *a, const struct ed_list_def *d,
    const struct ed_list_row *r, int y, bool sel)
{
	enum style	 rs = sel ? ST_SELECT : d->fill, st;
	int		 x = a->g.pane_x + r->indent;
	int		 w = a->g.pane_w - r->indent;
	int		 j, used;

	ed_draw_fill(&a->dr, y, a->g.pane_x, a->g.pane_w, rs);
	for (j = 0; j < r->nseg && w > 0; j++) {
		if (j > 0) {
			ed_draw_fill(&a->dr, y, x++, 1, rs);
			w--;
		}
		st = sel && r->seg[j].st == ST_NORMAL ? ST_SELECT :
		    r->seg[j].st;
		used = ed_draw_text(&a->dr, y, x, w, r->seg[j].s, st,
		    r->seg[j].flags);
		x += used;
		w -= used;
	}
}

void
ed_list_draw(const struct tui_app *a, unsigned dirty, struct ed_caret *c)
{
	const struct ed_list_def *d = def_of(a->pane);
	struct ed_list_rows	 rows = { NULL, 0, 0 };
	size_t			 i, top = 0, sel = 0;
	char			*head;
	int			 y = a->g.pane_y + skip(d), k;

	(void)c;
	if (!(dirty & TUI_DIRTY_PANE))
		return;
	for (i = 0; i < a->lists->n; i++)
		if (a->lists->v[i].p == a->pane) {
			top = a->lists->v[i].top;
			sel = a->lists->v[i].sel;
		}
	if (d->heading != NULL) {
		head = d->heading(a);
		ed_draw_text(&a->dr, a->g.pane_y, a->g.pane_x, a->g.pane_w,
		    head, ST_SECTION, DRAW_PAD | DRAW_ELLIPSIS);
		ed_draw_fill(&a->dr, a->g.pane_y + 1, a->g.pane_x,
		    a->g.pane_w, ST_NORMAL);
		free(head);
	}
	d->rows(a, a->g.pane_w, &rows);
	for (k = 0; k < height(a, d); k++) {
		i = top + (size_t)k;
		if (i < rows.n)
			draw_row(a, d, &rows.v[i], y + k, d->select &&
			    item_of(&rows, i) == sel);
		else
			ed_draw_fill(&a->dr, y + k, a->g.pane_x, a->g.pane_w,
			    d->fill);
	}
	ed_list_rows_free(&rows);
}

unsigned
ed_list_wheel(struct tui_app *a, int lines)
{
	return (step(a, lines));
}

unsigned
ed_list_click(struct tui_app *a, int y, int x)
{
	const struct ed_list_def *d = def_of(a->pane);
	struct ed_list_pos	*ps = pos_of(a->lists, a->pane);
	struct ed_list_rows	 r;
	long			 i = y - (a->g.pane_y + skip(d));
	size_t			 item;

	(void)x;
	if (!d->select || i < 0 || i >= height(a, d))
		return (0);
	build(a, a->pane, &r);
	item = item_of(&r, (size_t)i + ps->top);
	i = (size_t)i + ps->top < r.n ? (long)item : -1;
	ed_list_rows_free(&r);
	if (i < 0)
		return (0);
	if (item == ps->sel)
		return (d->choose != NULL ? d->choose(a, ps->sel) : 0);
	return (select_row(a, a->pane, (long)item));
}

unsigned
ed_list_close(struct tui_app *a)
{
	return (ed_pane_home(a));
}

static unsigned
up(struct tui_app *a, int key)
{
	(void)key;
	return (step(a, -1));
}

static unsigned
down(struct tui_app *a, int key)
{
	(void)key;
	return (step(a, 1));
}

static unsigned
pgup(struct tui_app *a, int key)
{
	(void)key;
	return (a->pane != NULL ? step(a, -page(a)) : 0);
}

static unsigned
pgdn(struct tui_app *a, int key)
{
	(void)key;
	return (a->pane != NULL ? step(a, page(a)) : 0);
}

static unsigned
home(struct tui_app *a, int key)
{
	(void)key;
	if (a->pane == NULL)
		return (0);
	return (step(a, -(long)(def_of(a->pane)->select ?
	    pos_of(a->lists, a->pane)->sel : pos_of(a->lists, a->pane)->top)));
}

static unsigned
end(struct tui_app *a, int key)
{
	(void)key;
	return (step(a, 1L << 20));
}

static unsigned
close_key(struct tui_app *a, int key)
{
	(void)key;
	return (a->pane != NULL ? a->pane->close(a) : 0);
}

const struct ed_action ed_list_act_up = { .fn = up, .help = "ed.h.list_up" };
const struct ed_action ed_list_act_down = {
	.fn = down, .help = "ed.h.list_down"
};
const struct ed_action ed_list_act_pgup = {
	.fn = pgup, .help = "ed.h.list_pgup"
};
const struct ed_action ed_list_act_pgdn = {
	.fn = pgdn, .help = "ed.h.list_pgdn"
};
const struct ed_action ed_list_act_home = {
	.fn = home, .help = "ed.h.list_home"
};
const struct ed_action ed_list_act_end = { .fn = end, .help = "ed.h.list_end" };
const struct ed_action ed_list_act_close = {
	.fn = close_key, .help = "ed.h.close"
};

const struct ed_binding ed_list_text_keys[] = {
	{ &ed_list_act_up, { KM_KEY(KEY_UP) } },
	{ &ed_list_act_down, { KM_KEY(KEY_DOWN) } },
	{ &ed_list_act_pgup, { KM_KEY(KEY_PPAGE) } },
	{ &ed_list_act_pgdn, { KM_KEY(KEY_NPAGE), ' ' } },
	{ &ed_list_act_home, { KM_KEY(KEY_HOME) } },
	{ &ed_list_act_end, { KM_KEY(KEY_END) } },
	{ &ed_list_act_close, { 27, 'q' } },
	{ NULL, { 0 } }
};
