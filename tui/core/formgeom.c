/*
 * Form geometry.  Built in three passes over the blocks of a section:
 * row label levels (each block alone), then the label widths made equal
 * across the blocks of one table (so the 第二十条 blocks line up as one
 * printed table), then the value columns, the header lines and the
 * wrapped labels, and the content lines.
 *
 * Label widths: a group level is as narrow as lets its label run down
 * the rows it spans (two columns: one Chinese character a line, as the
 * printed form writes 三、本年度办理结果), widened up to 8 columns when
 * there is room; the leaf level gets what is left of a cap of 2/5 of the
 * pane.  Value columns are as wide as their values need (at least 4
 * digits) and as their header label needs when wrapped to the lines it
 * has; the deepest header level gets a second line only when the
 * columns would not fit the pane in one.
 */
#include <stdlib.h>
#include <string.h>

#include "formgeom.h"
#include "xmalloc.h"

static int
imax(int a, int b)
{
	return (a > b ? a : b);
}

static int
imin(int a, int b)
{
	return (a < b ? a : b);
}

static int
ceil_even(int x)
{
	return (x + (x & 1));
}

static int
width(const char *s, const struct text_opts *o)
{
	return (text_width(s, strlen(s), o));
}

static void
wrap(struct formgeom_wrap *w, const char *s, int cols, const struct text_opts *o)
{
	size_t	*ls, i;

	w->n = text_wrap(s, strlen(s), imax(cols, 1), 0, &ls, o);
	w->st = xreallocarray(NULL, w->n, sizeof *w->st);
	w->en = xreallocarray(NULL, w->n, sizeof *w->en);
	for (i = 0; i < w->n; i++) {
		w->st[i] = ls[i];
		w->en[i] = ls[i + 1];
	}
	free(ls);
}

static void
wrap_free(struct formgeom_wrap *w)
{
	free(w->st);
	free(w->en);
	memset(w, 0, sizeof *w);
}

static size_t
wrap_lines(const char *s, int cols, const struct text_opts *o)
{
	struct formgeom_wrap	w;
	size_t			n;

	wrap(&w, s, cols, o);
	n = w.n;
	wrap_free(&w);
	return (n);
}

/* The width that lets s wrap at w with no line wider than w: a line
 * may not start with 、，。 and the like, so "三、" stays together. */
static int
wrap_fit(const char *s, int w, const struct text_opts *o)
{
	struct formgeom_wrap	wr;
	size_t			i;
	int			lw;

	wrap(&wr, s, w, o);
	for (i = 0; i < wr.n; i++) {
		lw = text_width(s + wr.st[i], wr.en[i] - wr.st[i], o);
		w = imax(w, lw);
	}
	wrap_free(&wr);
	return (w);
}

/* The widest word of a label written with spaces between words (an
 * English one), at most 12 columns; 0 for a label without spaces, which
 * breaks anywhere (Chinese). */
static int
longest_word(const char *s, const struct text_opts *o)
{
	const char	*p = s, *q;
	int		 w = 0;

	if (strchr(s, ' ') == NULL)
		return (0);
	for (; *p != '\0'; p = *q != '\0' ? q + 1 : q) {
		if ((q = strchr(p, ' ')) == NULL)
			q = p + strlen(p);
		w = imax(w, text_width(p, (size_t)(q - p), o));
	}
	return (imin(w, 12));
}

static void
label_positions(struct formgeom_block *bl)
{
	int	k;

	for (k = 0; k < bl->nlvl; k++)
		bl->lvl_x[k] = k == 0 ? 0 : bl->lvl_x[k - 1] +
		    bl->lvl_w[k - 1] + 1;
	bl->lab_w = bl->nlvl == 0 ? 0 : bl->lvl_x[bl->nlvl - 1] +
	    bl->lvl_w[bl->nlvl - 1] + 1;
}

/* Pass 1: the widths of the row label levels of one block. */
static void
label_levels(struct formgeom_block *bl, const struct tpl_block *blk, int pane_w,
    enum lang lang, const struct text_opts *o)
{
	int	 R = blk->row_depth, k, j, lw, need, sum = 0, leafneed = 4;
	int	 cap = imax(16, pane_w * 2 / 5), leaf, extra, *maxlw;
	size_t	 i;

	bl->nlvl = R;
	if (R == 0)
		return;
	bl->lvl_w = xcalloc(R, sizeof *bl->lvl_w);
	bl->lvl_x = xcalloc(R, sizeof *bl->lvl_x);
	maxlw = xcalloc(R, sizeof *maxlw);
	for (i = 0; i < blk->nrownodes; i++) {
		const struct tpl_node *n = &blk->rownodes[i];

		if (n->leaf != -1 || n->depth >= R - 1)
			continue;
		lw = width(tpl_label(&n->label, lang), o);
		need = imax(2, ceil_even((lw + n->nleaves - 1) / n->nleaves));
		/* English words are not broken ("II / I. / Out / com / es"). */
		need = imax(need, longest_word(tpl_label(&n->label, lang), o));
		need = wrap_fit(tpl_label(&n->label, lang), need, o);
		bl->lvl_w[n->depth] = imax(bl->lvl_w[n->depth], need);
		maxlw[n->depth] = imax(maxlw[n->depth], lw);
	}
	for (k = 0; k < R - 1; k++)
		sum += bl->lvl_w[k] + 1;
	for (i = 0; i < blk->nrownodes; i++) {
		const struct tpl_node *n = &blk->rownodes[i];

		if (n->leaf == -1)
			continue;
		lw = width(tpl_label(&n->label, lang), o);
		for (j = n->depth; j < R - 1; j++)
			lw -= bl->lvl_w[j] + 1;
		leafneed = imax(leafneed, lw);
	}
	leaf = imax(imin(leafneed, cap - sum), imin(leafneed, 8));
	bl->lvl_w[R - 1] = leaf;
	extra = cap - sum - leaf;
	for (k = 0; k < R - 1 && extra > 0; k++) {
		int want = imin(maxlw[k], 8) - bl->lvl_w[k];

		if (want > 0) {
			want = imin(want, extra) & ~1;
			bl->lvl_w[k] += want;
			extra -= want;
		}
	}
	free(maxlw);
	label_positions(bl);
}

/* Pass 2: blocks of one table with the same label levels line up. */
static void
unify_labels(struct formgeom *l, const struct tpl *t)
{
	size_t	i, j;
	int	k;

	for (i = 0; i < l->nb; i++) {
		struct formgeom_block *a = &l->b[i];

		for (j = 0; j < l->nb; j++) {
			struct formgeom_block *b = &l->b[j];

			if (t->blocks[a->block].table !=
			    t->blocks[b->block].table || a->nlvl != b->nlvl)
				continue;
			for (k = 0; k < a->nlvl; k++)
				a->lvl_w[k] = imax(a->lvl_w[k], b->lvl_w[k]);
		}
	}
	for (i = 0; i < l->nb; i++)
		label_positions(&l->b[i]);
}

/* Columns the values of column c need (at least 4 digits). */
static int
value_need(const struct report *rep, const struct tpl_block *blk, int c,
    const struct text_opts *o)
{
	const struct tpl	*t = report_tpl(rep);
	char			 buf[NUM_FMT_MAX];
	size_t			 r;
	int			 need, cell;

	cell = blk->first_cell + c;
	need = t->cells[cell].type.kind == NUM_MONEY ? 10 :
	    t->cells[cell].type.kind == NUM_SIGNED ? 5 : 4;
	for (r = 0; r < blk->nrows; r++) {
		cell = blk->first_cell + (int)r * (int)blk->ncols + c;
		report_format_value(rep, cell, report_value(rep, cell), buf);
		need = imax(need, width(buf, o));
	}
	return (need);
}

/* Width of a column whose label has `lines` header lines. */
static int
col_width(const char *label, int lines, int need, const struct text_opts *o)
{
	int	lw = width(label, o), w;

	lines = imax(lines, 1);
	w = imax(need + 1, ceil_even((lw + lines - 1) / lines));
	if (lw - w <= 2)
		return (imax(w, lw));
	while (w < lw && wrap_lines(label, w, o) > (size_t)lines)
		w++;
	return (w);
}

/* Pass 3a: value columns and header lines. */
static void
columns(struct formgeom_block *bl, const struct report *rep,
    const struct tpl_block *blk, int pane_w, enum lang lang,
    const struct text_opts *o)
{
	int	 D = blk->col_depth, nc = (int)blk->ncols, c, hl, total, *need;

	bl->ncols = nc;
	bl->col_x = xcalloc(nc, sizeof *bl->col_x);
	bl->col_w = xcalloc(nc, sizeof *bl->col_w);
	bl->hline = xcalloc(imax(D, 1), sizeof *bl->hline);
	for (c = 0; c < D; c++)
		bl->hline[c] = c;
	bl->vis_w = imax(1, pane_w - bl->lab_w - 1);
	need = xcalloc(nc, sizeof *need);
	for (c = 0; c < nc; c++)
		need[c] = value_need(rep, blk, c, o);
	for (hl = 1;; hl++) {
		bl->head_h = imax(D, 1) - 1 + hl;
		total = 0;
		for (c = 0; c < nc; c++) {
			const struct tpl_node *n = tpl_col_node(blk, c);

			bl->col_w[c] = col_width(tpl_label(&n->label, lang),
			    bl->head_h - n->depth, need[c], o);
			total += bl->col_w[c] + 1;
		}
		if (total <= bl->vis_w || hl == 2)
			break;
	}
	for (c = 1; c < nc; c++)
		bl->col_x[c] = bl->col_x[c - 1] + bl->col_w[c - 1] + 1;
	free(need);
}

/* Pass 3b: the wrapped labels. */
static void
wraps(struct formgeom_block *bl, const struct tpl_block *blk, enum lang lang,
    const struct text_opts *o)
{
	size_t	i;

	bl->nrwrap = blk->nrownodes;
	bl->rwrap = xcalloc(imax((int)blk->nrownodes, 1), sizeof *bl->rwrap);
	for (i = 0; i < blk->nrownodes; i++) {
		const struct tpl_node *n = &blk->rownodes[i];

		if (n->leaf == -1 && n->depth < bl->nlvl)
			wrap(&bl->rwrap[i], tpl_label(&n->label, lang),
			    bl->lvl_w[n->depth], o);
	}
	bl->ncwrap = blk->ncolnodes;
	bl->cwrap = xcalloc(imax((int)blk->ncolnodes, 1), sizeof *bl->cwrap);
	for (i = 0; i < blk->ncolnodes; i++) {
		const struct tpl_node *n = &blk->colnodes[i];

		if (n->leaf != -1)
			wrap(&bl->cwrap[i], tpl_label(&n->label, lang),
			    bl->col_w[n->leaf], o);
	}
	if (bl->nlvl > 0)
		wrap(&bl->corner, tpl_label(&blk->corner, lang),
		    bl->lab_w - 1, o);
}

static void
place(struct formgeom_block *bl, const struct tpl_block *blk, enum lang lang,
    int *y)
{
	bl->top = *y;
	bl->y_title = -1;
	if (*tpl_label(&blk->title, lang) != '\0')
		bl->y_title = (*y)++;
	bl->y_head = *y;
	*y += bl->head_h;
	bl->y_rows = *y;
	bl->nrows = (int)blk->nrows;
	*y += bl->nrows;
	bl->bottom = *y;
	*y += 1;
}

void
formgeom_build(struct formgeom *l, const struct report *rep, int sec,
    int pane_w, enum lang lang, const struct text_opts *o)
{
	const struct tpl		*t = report_tpl(rep);
	const struct tpl_section	*s = &t->sections[sec];
	int				 ti, bi, y = 2;
	size_t				 i = 0;

	memset(l, 0, sizeof *l);
	l->valid = true;
	l->sec = sec;
	l->pane_w = pane_w;
	if (s->kind == TPL_TABLES)
		for (ti = s->first_table; ti < s->first_table + s->ntables;
		    ti++)
			l->nb += t->tables[ti].nblocks;
	l->b = xcalloc(l->nb > 0 ? l->nb : 1, sizeof *l->b);
	for (ti = s->first_table; s->kind == TPL_TABLES &&
	    ti < s->first_table + s->ntables; ti++) {
		const struct tpl_table *tb = &t->tables[ti];

		for (bi = tb->first_block; bi < tb->first_block + tb->nblocks;
		    bi++) {
			l->b[i].block = bi;
			label_levels(&l->b[i++], &t->blocks[bi], pane_w, lang,
			    o);
		}
	}
	unify_labels(l, t);
	for (i = 0; i < l->nb; i++) {
		const struct tpl_block *blk = &t->blocks[l->b[i].block];

		columns(&l->b[i], rep, blk, pane_w, lang, o);
		wraps(&l->b[i], blk, lang, o);
		place(&l->b[i], blk, lang, &y);
	}
	l->height = y;
}

void
formgeom_free(struct formgeom *l)
{
	size_t	i, j;

	for (i = 0; i < l->nb; i++) {
		struct formgeom_block *bl = &l->b[i];

		for (j = 0; j < bl->nrwrap; j++)
			wrap_free(&bl->rwrap[j]);
		for (j = 0; j < bl->ncwrap; j++)
			wrap_free(&bl->cwrap[j]);
		wrap_free(&bl->corner);
		free(bl->rwrap);
		free(bl->cwrap);
		free(bl->lvl_x);
		free(bl->lvl_w);
		free(bl->hline);
		free(bl->col_x);
		free(bl->col_w);
	}
	free(l->b);
	memset(l, 0, sizeof *l);
}

bool
formgeom_same(const struct formgeom *a, const struct formgeom *b)
{
	size_t	i;

	if (a->valid != b->valid || a->sec != b->sec || a->nb != b->nb ||
	    a->height != b->height || a->pane_w != b->pane_w)
		return (false);
	for (i = 0; i < a->nb; i++) {
		const struct formgeom_block *x = &a->b[i], *y = &b->b[i];

		if (x->head_h != y->head_h || x->lab_w != y->lab_w ||
		    x->ncols != y->ncols || memcmp(x->col_w, y->col_w,
		    x->ncols * sizeof *x->col_w) != 0)
			return (false);
	}
	return (true);
}

int
formgeom_pinned(const struct formgeom *l, int y0)
{
	size_t	i;

	for (i = 0; i < l->nb; i++) {
		const struct formgeom_block *bl = &l->b[i];

		if (bl->y_head < y0 && y0 + bl->head_h < bl->bottom)
			return ((int)i);
	}
	return (-1);
}

static enum formgeom_line
line_at(const struct formgeom *l, int ln, int *bi, int *idx)
{
	size_t	i;

	*bi = *idx = -1;
	if (ln == 0)
		return (FG_HEADING);
	for (i = 0; i < l->nb; i++) {
		const struct formgeom_block *bl = &l->b[i];

		if (ln < bl->top)
			return (FG_BLANK);
		if (ln >= bl->bottom)
			continue;
		*bi = (int)i;
		if (ln == bl->y_title)
			return (FG_TITLE);
		if (ln < bl->y_rows) {
			*idx = ln - bl->y_head;
			return (FG_HEAD);
		}
		*idx = ln - bl->y_rows;
		return (FG_ROW);
	}
	return (FG_BLANK);
}

enum formgeom_line
formgeom_screen_line(const struct formgeom *l, int y0, int i, int *bi,
    int *idx)
{
	int	pin = formgeom_pinned(l, y0);

	if (pin >= 0 && i < l->b[pin].head_h) {
		*bi = pin;
		*idx = i;
		return (FG_HEAD);
	}
	return (line_at(l, y0 + i, bi, idx));
}

int
formgeom_first_row(const struct formgeom *l, int y0, int bi)
{
	int	pin = formgeom_pinned(l, y0), top = y0;

	if (pin >= 0)
		top += l->b[pin].head_h;
	return (imax(0, top - l->b[bi].y_rows));
}

int
formgeom_row_line(const struct formgeom *l, int y0, int ph, int bi, int r)
{
	int	pin = formgeom_pinned(l, y0);
	int	i = l->b[bi].y_rows + r - y0;

	if (i < 0 || i >= ph || (pin >= 0 && i < l->b[pin].head_h))
		return (-1);
	return (i);
}

int
formgeom_find(const struct formgeom *l, int block)
{
	size_t	i;

	for (i = 0; i < l->nb; i++)
		if (l->b[i].block == block)
			return ((int)i);
	return (-1);
}

int
formgeom_last_col(const struct formgeom_block *bl, int hs)
{
	int	c = hs;

	while (c + 1 < bl->ncols && bl->col_x[c + 1] - bl->col_x[hs] + 1 +
	    bl->col_w[c + 1] <= bl->vis_w)
		c++;
	return (c);
}

int
formgeom_cell(const struct tpl *t, int block, int r, int c)
{
	const struct tpl_block *b = &t->blocks[block];

	c = imax(0, imin(c, (int)b->ncols - 1));
	r = imax(0, imin(r, (int)b->nrows - 1));
	return (b->first_cell + r * (int)b->ncols + c);
}

int
formgeom_clamp(const struct formgeom *l, int y0, int ph)
{
	return (imax(0, imin(y0, l->height - ph)));
}

int
formgeom_scroll_to(const struct formgeom *l, int y0, int ph, int bi, int r)
{
	const struct formgeom_block	*bl = &l->b[bi];
	int			 L = bl->y_rows + r;
	int			 pin = formgeom_pinned(l, y0);
	int			 topv = y0 + (pin >= 0 ? l->b[pin].head_h : 0);

	if (L < topv) {
		if (L < ph)
			y0 = 0;
		else if (L - bl->top < ph)
			y0 = bl->top;
		else
			y0 = L - bl->head_h;
	} else if (L >= y0 + ph)
		y0 = L - ph + 1;
	return (formgeom_clamp(l, y0, ph));
}
