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
#include "pagegeom.h"
#include "text.h"
#include "xmalloc.h"

/* Value cells have narrower margins than the official form's: they still
 * hold five digits at 10 pt (pagegeom.h). */
#define CELL_MARGIN	PGEOM_CELL_MARGIN
#define VALUE_MARGIN	PGEOM_VALUE_MARGIN
#define TEXT_SIZE	PGEOM_TABLE_SIZE

/*
 * The official form's grids (国办公开办函〔2021〕30号 格式模板, word/
 * document.xml; tests/data/real/official-template-2021.docx), by the
 * number of label and value columns of the table: label column widths,
 * then the value columns' widths (n of them; the last one repeats).  The
 * 2019 form has the same tables but for 第二十条, whose widest block has
 * three value columns: the same four equal columns.
 */
static const struct official {
	int	labels, values;
	int	w[16];
} officials[] = {
	{ 1, 3, { 2435, 2435, 2435, 2435 } },		/* 第二十条 */
	{ 3, 7, { 754, 921, 3271, 685 } },		/* 表三 */
	{ 0, 15, { 649, 649, 649, 649, 649, 649, 649, 650 } },	/* 表四 */
};

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
	int	value_cols;	/* widest value, columns */
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
	for (i = 0; i < tb->nblocks; i++) {
		const struct tpl_block *blk = &t->blocks[tb->first_block + i];
		if (blk->row_depth > m->labels)
			m->labels = blk->row_depth;
		if ((int)blk->ncols > m->values)
			m->values = (int)blk->ncols;
		for (k = 0; k < blk->nrows * blk->ncols; k++) {
			int c = blk->first_cell + (int)k;
			report_format_value(r, c, report_value(r, c), buf);
			if ((w = cols(buf)) > m->value_cols)
				m->value_cols = w;
		}
	}
}

/* Twips for n half-characters at 10 pt plus a value cell's margins. */
static int
twips(int n)
{
	return ((n * TEXT_SIZE * 10 + 1) / 2 + 2 * VALUE_MARGIN);
}

/* The official grid for m, or equal columns for a shape it lacks. */
static void
official_widths(const struct measure *m, int width, int *colw)
{
	const struct official	*o = NULL;
	size_t			 i;
	int			 c, n = m->labels + m->values, k;

	for (i = 0; i < sizeof officials / sizeof officials[0]; i++)
		if (officials[i].labels == m->labels &&
		    officials[i].values >= m->values)
			o = &officials[i];
	for (c = 0; c < n; c++) {
		if (o == NULL) {
			colw[c] = width / n;
			continue;
		}
		k = c < m->labels ? c : m->labels + (c - m->labels) *
		    o->values / m->values;
		while (k > 0 && o->w[k] == 0)
			k--;
		colw[c] = o->w[k];
		/* Fewer value columns than the official block: each takes
		 * the width of those it stands for. */
		if (c >= m->labels && m->values < o->values)
			colw[c] = o->w[k] * o->values / m->values;
	}
}

/*
 * Fills colw: the official label columns, and value columns of the
 * official width as far as the text width allows (the official tables are
 * wider than its own text area and stand out into the margins; ours stay
 * inside: the value columns share what the labels leave), widened all
 * alike when the widest value does not fit one at 10 pt and there is
 * room.  Returns whether every value fits on one line.
 */
static bool
widths(const struct measure *m, int width, int *colw)
{
	int	need = twips(m->value_cols), labels = 0, values = 0, c, v;
	int	n = m->labels + m->values;

	official_widths(m, width, colw);
	for (c = 0; c < m->labels; c++)
		labels += colw[c];
	for (c = m->labels; c < n; c++)
		values += colw[c];
	if (m->values == 0)
		return (true);
	/* Equal value columns, as wide as needed and allowed, in whole
	 * multiples of 72 twips (127 hundredths of a millimetre, the unit
	 * LibreOffice keeps) where the values still fit. */
	if (labels + values > width || need * m->values > values) {
		v = (width - labels) / m->values;
		if (labels + values <= width && need < v)
			v = need;
		if (v - v % 72 >= need)
			v -= v % 72;
		for (c = m->labels; c < n; c++)
			colw[c] = v;
		/* Centred, the table stands (width - sum) / 2 twips in: an
		 * odd difference gave LibreOffice half a twip to round both
		 * ways, and a grid column of 1 twip when it re-saved 表四. */
		if ((width - labels - v * m->values) % 2 != 0)
			colw[n - 1]++;
	}
	for (c = m->labels; c < n; c++)
		if (colw[c] < need)
			return (false);
	return (true);
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
	/* A table of values only (表四) has the values' margins as its own:
	 * LibreOffice, re-saving cell margins there, split a grid column. */
	dt->margin = m.labels == 0 ? VALUE_MARGIN : CELL_MARGIN;
	dt->value_margin = VALUE_MARGIN;
	dt->size = TEXT_SIZE;
	dt->fits = widths(&m, width, dt->colw);
	for (j = 0; j < dt->ncols; j++)
		dt->width += dt->colw[j];
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

/* Lines of a cell's text in its width, less its margins. */
static int
tc_lines(const struct report *r, const struct docx_table *dt,
    const struct docx_tc *tc)
{
	char		 num[NUM_FMT_MAX];
	const char	*text = tc->text;
	int		 m = tc->kind == DOCX_VALUE ? dt->value_margin :
			    dt->margin;

	if (tc->vmerge == DOCX_VM_CONTINUE)
		return (0);
	if (tc->kind == DOCX_VALUE)
		text = report_format_value(r, tc->cell,
		    report_value(r, tc->cell), num);
	return ((int)pgeom_wrap(text, strlen(text), tc->width - 2 * m, 0,
	    dt->size, 0, NULL));
}

/* Rows a cell restarting a vertical merge at row i covers. */
static size_t
merged_rows(const struct docx_table *dt, size_t i, int gridcol)
{
	size_t	n = 1, k;

	for (; i + n < dt->nrows; n++) {
		const struct docx_tr *tr = &dt->rows[i + n];
		for (k = 0; k < tr->n; k++)
			if (dt->tcs[tr->first + k].gridcol == gridcol)
				break;
		if (k == tr->n ||
		    dt->tcs[tr->first + k].vmerge != DOCX_VM_CONTINUE)
			break;
	}
	return (n);
}

int *
docx_table_heights(const struct docx_table *dt, const struct report *r)
{
	int	*h = xcalloc(dt->nrows + 1, sizeof *h);
	size_t	 i, k, n, j;

	for (i = 0; i < dt->nrows; i++) {
		const struct docx_tr *tr = &dt->rows[i];
		h[i] = pgeom_row_height(1);
		for (k = 0; k < tr->n; k++) {
			const struct docx_tc *tc = &dt->tcs[tr->first + k];
			int hh = pgeom_row_height(tc_lines(r, dt, tc));
			if (tc->vmerge == DOCX_VM_NONE && hh > h[i])
				h[i] = hh;
		}
	}
	/* A merged cell taller than its rows makes its last row taller. */
	for (i = 0; i < dt->nrows; i++) {
		const struct docx_tr *tr = &dt->rows[i];
		for (k = 0; k < tr->n; k++) {
			const struct docx_tc *tc = &dt->tcs[tr->first + k];
			int need, have = 0;
			if (tc->vmerge != DOCX_VM_RESTART)
				continue;
			n = merged_rows(dt, i, tc->gridcol);
			need = tc_lines(r, dt, tc) * PGEOM_CELL_LINE +
			    PGEOM_ROW_PAD;
			for (j = 0; j < n; j++)
				have += h[i + j];
			if (need > have)
				h[i + n - 1] += need - have;
		}
	}
	for (i = 0; i < dt->nrows; i++)
		h[dt->nrows] += h[i];
	return (h);
}
