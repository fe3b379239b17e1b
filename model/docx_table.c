/*
 * Table geometry for the .docx export; see docx_table.h for the layout.
 * Rows and cells are appended to two growing arrays while the template's
 * trees are walked; a row is a slice of the cell array.  Widths are worked
 * out first (they depend on the labels and values only), then every cell
 * gets the sum of the widths of the grid columns it covers.
 */
#include <stdlib.h>
#include <string.h>

#include "docx_table.h"
#include "text.h"
#include "xmalloc.h"

#define CELL_MARGIN	57	/* 1 mm each side, as the official form */
#define NARROW_CHARS	3	/* label columns left of the last one */
#define LABEL_LINES	3	/* the longest label wraps to this many lines */

static const int sizes[] = { 20, 18, 15 };	/* half-points: 10, 9, 7.5 pt */

/* Text measures in half-characters ("columns": 汉字 2, digit 1). */
static int
cols(const char *s)
{
	static const struct text_opts opts = { 2 };

	return (text_width(s, strlen(s), &opts));
}

/* What a table's widths depend on. */
struct measure {
	int	labels;		/* L */
	int	values;		/* V */
	int	label_cols;	/* widest label of the last label column */
	int	value_cols;	/* widest value, or header need (4 = 2 汉字) */
};

static void
measure(const struct report *r, const struct tpl_table *tb,
    struct measure *m)
{
	const struct tpl	*t = report_tpl(r);
	char			 buf[NUM_FMT_MAX];
	int			 i, w;
	size_t			 k;

	memset(m, 0, sizeof *m);
	m->value_cols = 4;
	for (i = 0; i < tb->nblocks; i++) {
		const struct tpl_block *blk = &t->blocks[tb->first_block + i];
		if (blk->row_depth > m->labels)
			m->labels = blk->row_depth;
		if ((int)blk->ncols > m->values)
			m->values = (int)blk->ncols;
	}
	for (i = 0; i < tb->nblocks; i++) {
		const struct tpl_block *blk = &t->blocks[tb->first_block + i];
		for (k = 0; k < blk->nrownodes; k++) {
			const struct tpl_node *nd = &blk->rownodes[k];
			if (nd->leaf >= 0 && nd->depth == m->labels - 1 &&
			    (w = cols(tpl_label(&nd->label, LANG_ZH))) >
			    m->label_cols)
				m->label_cols = w;
		}
		for (k = 0; k < blk->nrows * blk->ncols; k++) {
			int c = blk->first_cell + (int)k;
			report_format_value(r, c, report_value(r, c), buf);
			if ((w = cols(buf) + 1) > m->value_cols)
				m->value_cols = w;
		}
	}
}

/* Twips for n half-characters at size sz plus the two cell margins. */
static int
twips(int n, int sz)
{
	return ((n * sz * 10 + 1) / 2 + 2 * CELL_MARGIN);
}

/*
 * Fills colw for text size sz; returns whether every value column holds
 * its widest value on one line and the last label column is not narrower
 * than the others.
 */
static bool
widths(const struct measure *m, int sz, int width, int *colw)
{
	int	narrow = twips(2 * NARROW_CHARS, sz);
	int	vmin = twips(m->value_cols, sz);
	int	rest = width, label, value, per, i, extra = 0;

	for (i = 0; i + 1 < m->labels; i++) {
		colw[i] = narrow;
		rest -= narrow;
	}
	if (m->labels == 0) {
		value = rest / m->values;
		extra = rest - m->values * value;
	} else {
		/* An equal share for the last label column and the values,
		 * unless its longest label needs more: then a third of that
		 * label per line, as far as the values keep their minimum. */
		value = rest / (m->values + 1);
		if (twips(m->label_cols, sz) > value) {
			per = (m->label_cols + LABEL_LINES - 1) / LABEL_LINES;
			label = twips(per + per % 2, sz);
			if (label > rest - m->values * vmin)
				label = rest - m->values * vmin;
			if (label > value)
				value = (rest - label) / m->values;
		}
		colw[m->labels - 1] = rest - m->values * value;
	}
	for (i = 0; i < m->values; i++)
		colw[m->labels + i] = value + (i < extra);
	return (value >= vmin &&
	    (m->labels == 0 || colw[m->labels - 1] >= narrow));
}

static struct docx_tc *
add_tc(struct docx_table *dt, size_t *cap, enum docx_kind kind,
    int gridcol, int span, const char *text)
{
	struct docx_tc	*tc;

	if (dt->ntcs == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		dt->tcs = xreallocarray(dt->tcs, *cap, sizeof *dt->tcs);
	}
	tc = &dt->tcs[dt->ntcs++];
	memset(tc, 0, sizeof *tc);
	tc->kind = kind;
	tc->gridcol = gridcol;
	tc->span = span;
	tc->text = text;
	tc->cell = -1;
	dt->rows[dt->nrows - 1].n++;
	return (tc);
}

static void
add_tr(struct docx_table *dt, size_t *cap, bool header)
{
	if (dt->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		dt->rows = xreallocarray(dt->rows, *cap, sizeof *dt->rows);
	}
	dt->rows[dt->nrows].first = dt->ntcs;
	dt->rows[dt->nrows].n = 0;
	dt->rows[dt->nrows].header = header;
	dt->nrows++;
}

struct caps {
	size_t	rows;
	size_t	tcs;
};

/* Span of a block's value columns [first, first+n): the last one reaches
 * the grid's right edge. */
static int
vspan(const struct docx_table *dt, const struct tpl_block *blk, int first,
    int n)
{
	if (first + n == (int)blk->ncols)
		return (dt->ncols - dt->nlabels - first);
	return (n);
}

static void
header_rows(struct docx_table *dt, struct caps *cp,
    const struct tpl_block *blk, bool repeat)
{
	const struct tpl_node	*nd;
	struct docx_tc		*tc;
	int			 d, c, n;

	for (d = 0; d < blk->col_depth; d++) {
		add_tr(dt, &cp->rows, repeat);
		if (dt->nlabels > 0) {
			tc = add_tc(dt, &cp->tcs, DOCX_CORNER, 0, dt->nlabels,
			    d == 0 ? tpl_label(&blk->corner, LANG_ZH) : "");
			if (blk->col_depth > 1)
				tc->vmerge = d == 0 ? DOCX_VM_RESTART :
				    DOCX_VM_CONTINUE;
		}
		for (c = 0; c < (int)blk->ncols; c += nd->nleaves) {
			/* The node covering leaf c in header row d: the leaf
			 * itself when it sits higher (merged down to here). */
			n = blk->cols[c];
			while (blk->colnodes[n].depth > d)
				n = blk->colnodes[n].parent;
			nd = &blk->colnodes[n];
			tc = add_tc(dt, &cp->tcs, DOCX_HEAD, dt->nlabels + c,
			    vspan(dt, blk, c, nd->nleaves),
			    nd->depth == d ? tpl_label(&nd->label, LANG_ZH) :
			    "");
			tc->group = nd->leaf < 0;
			if (nd->depth < d)
				tc->vmerge = DOCX_VM_CONTINUE;
			else if (nd->leaf >= 0 && d < blk->col_depth - 1)
				tc->vmerge = DOCX_VM_RESTART;
		}
	}
}

/* The label cells of data row r: its path from the top of the tree. */
static void
label_cells(struct docx_table *dt, struct caps *cp,
    const struct tpl_block *blk, int r)
{
	struct docx_tc		*tc;
	const struct tpl_node	*nd;
	int			 path[16], depth = 0, n, k;

	if (blk->row_depth == 0) {
		add_tc(dt, &cp->tcs, DOCX_LABEL, 0, dt->nlabels, "");
		return;
	}
	for (n = blk->rows[r]; n >= 0 && depth < 16;
	    n = blk->rownodes[n].parent)
		path[depth++] = n;
	for (k = depth - 1; k >= 0; k--) {
		nd = &blk->rownodes[path[k]];
		if (nd->leaf >= 0) {
			add_tc(dt, &cp->tcs, DOCX_LABEL, nd->depth,
			    dt->nlabels - nd->depth,
			    tpl_label(&nd->label, LANG_ZH));
			break;
		}
		tc = add_tc(dt, &cp->tcs, DOCX_LABEL, nd->depth, 1,
		    nd->first_leaf == r ? tpl_label(&nd->label, LANG_ZH) : "");
		tc->group = true;
		if (nd->nleaves > 1)
			tc->vmerge = nd->first_leaf == r ? DOCX_VM_RESTART :
			    DOCX_VM_CONTINUE;
	}
}

static void
block_rows(struct docx_table *dt, struct caps *cp,
    const struct tpl_block *blk, bool repeat)
{
	struct docx_tc	*tc;
	int		 r, c;

	if (blk->title.s[0] != NULL) {
		add_tr(dt, &cp->rows, false);
		add_tc(dt, &cp->tcs, DOCX_TITLE, 0, dt->ncols,
		    tpl_label(&blk->title, LANG_ZH));
	}
	header_rows(dt, cp, blk, repeat);
	for (r = 0; r < (int)blk->nrows; r++) {
		add_tr(dt, &cp->rows, false);
		if (dt->nlabels > 0)
			label_cells(dt, cp, blk, r);
		for (c = 0; c < (int)blk->ncols; c++) {
			tc = add_tc(dt, &cp->tcs, DOCX_VALUE, dt->nlabels + c,
			    vspan(dt, blk, c, 1), "");
			tc->cell = blk->first_cell + r * (int)blk->ncols + c;
		}
	}
}

struct docx_table *
docx_table_new(const struct report *r, int table, int width)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_table	*tb = &t->tables[table];
	struct docx_table	*dt = xcalloc(1, sizeof *dt);
	struct caps		 cp = { 0, 0 };
	struct measure		 m;
	size_t			 i, k;
	int			 j;
	bool			 repeat;

	measure(r, tb, &m);
	dt->nlabels = m.labels;
	dt->ncols = m.labels + m.values;
	dt->colw = xcalloc((size_t)dt->ncols, sizeof *dt->colw);
	dt->margin = CELL_MARGIN;
	dt->width = width;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		dt->size = sizes[i];
		if ((dt->fits = widths(&m, dt->size, width, dt->colw)))
			break;
	}
	/* Word repeats header rows on every page only when they are the
	 * table's first rows: a single block without a title row. */
	repeat = tb->nblocks == 1 && t->blocks[tb->first_block].title.s[0] ==
	    NULL;
	for (j = 0; j < tb->nblocks; j++)
		block_rows(dt, &cp, &t->blocks[tb->first_block + j], repeat);
	for (i = 0; i < dt->ntcs; i++) {
		struct docx_tc *tc = &dt->tcs[i];
		for (k = 0; k < (size_t)tc->span; k++)
			tc->width += dt->colw[tc->gridcol + (int)k];
	}
	return (dt);
}

void
docx_table_free(struct docx_table *dt)
{
	if (dt == NULL)
		return;
	free(dt->colw);
	free(dt->rows);
	free(dt->tcs);
	free(dt);
}
