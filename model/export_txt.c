/*
 * Plain-text export; see export_txt.h for the layout.  A table is written
 * as a grid of label columns (the deepest row-label depth among its
 * blocks) plus value columns (the widest block); each block fills the
 * grid from the left and pads the rest with empty cells.
 */
#include <stdlib.h>
#include <string.h>

#include "export_txt.h"
#include "sbuf.h"
#include "xmalloc.h"

struct grid {
	int	labels;		/* label columns */
	int	width;		/* label + value columns */
};

/* Writes cells[0..n) joined by TABs and padded to the grid width. */
static void
put_row(struct sbuf *b, const struct grid *g, const char *const *cells,
    int n)
{
	int	i;

	for (i = 0; i < g->width; i++) {
		if (i > 0)
			sbuf_addc(b, '\t');
		if (i < n && cells[i] != NULL)
			sbuf_adds(b, cells[i]);
	}
	sbuf_addc(b, '\n');
}

static void
put_headers(struct sbuf *b, const struct grid *g, const struct tpl_block *blk,
    enum lang lang)
{
	const char	**cells = xcalloc((size_t)g->width, sizeof *cells);
	int		  d;
	size_t		  i;

	for (d = 0; d < blk->col_depth; d++) {
		memset(cells, 0, (size_t)g->width * sizeof *cells);
		if (d == 0 && blk->corner.s[0] != NULL)
			cells[0] = tpl_label(&blk->corner, lang);
		for (i = 0; i < blk->ncolnodes; i++) {
			const struct tpl_node *nd = &blk->colnodes[i];
			if (nd->depth == d)
				cells[g->labels + nd->first_leaf] =
				    tpl_label(&nd->label, lang);
		}
		put_row(b, g, cells, g->width);
	}
	free(cells);
}

static void
put_data(struct sbuf *b, const struct grid *g, const struct report *r,
    const struct tpl_block *blk, enum lang lang)
{
	const char	**cells = xcalloc((size_t)g->width, sizeof *cells);
	char		(*nums)[NUM_FMT_MAX] = xcalloc(blk->ncols, NUM_FMT_MAX);
	size_t		  row, c;
	int		  n;

	for (row = 0; row < blk->nrows; row++) {
		memset(cells, 0, (size_t)g->width * sizeof *cells);
		/* Each ancestor's label on the first row it spans. */
		for (n = blk->rows[row]; n >= 0; n = blk->rownodes[n].parent) {
			const struct tpl_node *nd = &blk->rownodes[n];
			if (nd->first_leaf == (int)row && nd->depth < g->labels)
				cells[nd->depth] = tpl_label(&nd->label, lang);
		}
		for (c = 0; c < blk->ncols; c++) {
			int ci = blk->first_cell + (int)(row * blk->ncols + c);
			report_format_value(r, ci, report_value(r, ci),
			    nums[c]);
			cells[g->labels + (int)c] = nums[c];
		}
		put_row(b, g, cells, g->width);
	}
	free(nums);
	free(cells);
}

static void
put_table(struct sbuf *b, const struct report *r, const struct tpl_table *tb,
    enum lang lang)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_block	*blk;
	struct grid		 g = { 0, 0 };
	const char		*title[1];
	int			 i, w = 0;

	for (i = 0; i < tb->nblocks; i++) {
		blk = &t->blocks[tb->first_block + i];
		if (blk->row_depth > g.labels)
			g.labels = blk->row_depth;
		if ((int)blk->ncols > w)
			w = (int)blk->ncols;
	}
	g.width = g.labels + w;
	for (i = 0; i < tb->nblocks; i++) {
		blk = &t->blocks[tb->first_block + i];
		if (blk->title.s[0] != NULL) {
			title[0] = tpl_label(&blk->title, lang);
			put_row(b, &g, title, 1);
		}
		put_headers(b, &g, blk, lang);
		put_data(b, &g, r, blk, lang);
	}
}

char *
export_txt_title(const struct report *r, enum lang lang)
{
	return (report_fill(r, tpl_label(&report_tpl(r)->title, lang)));
}

char *
export_txt(const struct report *r, enum lang lang)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_section *s;
	struct sbuf		 b;
	char			*title = export_txt_title(r, lang);
	const char		*text;
	size_t			 i;
	int			 k;

	sbuf_init(&b);
	sbuf_adds(&b, title);
	sbuf_adds(&b, "\n\n");
	free(title);
	for (i = 0; i < t->nsections; i++) {
		s = &t->sections[tpl_printed(t, i)];
		text = report_text(r, tpl_printed(t, i));
		/* The 前言: its text alone, between the title and 一. */
		if (s->preface && *text == '\0')
			continue;
		if (!s->preface)
			sbuf_addf(&b, "%s%s%s\n\n", s->number,
			    lang == LANG_EN ? ". " : "、",
			    tpl_label(&s->title, lang));
		if (s->kind == TPL_TABLES) {
			for (k = 0; k < s->ntables; k++) {
				if (k > 0)
					sbuf_addc(&b, '\n');
				put_table(&b, r, &t->tables[s->first_table + k],
				    lang);
			}
			/* Text typed in a table section: after its tables. */
			if (*text != '\0')
				sbuf_addc(&b, '\n');
		}
		sbuf_adds(&b, text);
		if (*text != '\0' && text[strlen(text) - 1] != '\n')
			sbuf_addc(&b, '\n');
		if (i + 1 < t->nsections)
			sbuf_addc(&b, '\n');
	}
	return (sbuf_take(&b));
}
