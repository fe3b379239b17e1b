/*
 * Official-layout tables as HTML; see county_table.h.  A block's header
 * tree (colnodes, pre-order with depths) becomes col_depth header rows: a
 * group spans its leaves, a leaf spans the rows below its depth.  The
 * row label tree becomes the label cells of each body row: a node is
 * written in the row of its first leaf and spans its leaves; a leaf
 * spans the label columns right of its depth.
 */
#include <stdlib.h>
#include <string.h>

#include "county_table.h"
#include "sbuf.h"

void
county_table_esc(struct sbuf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			sbuf_adds(b, "&amp;");
			break;
		case '<':
			sbuf_adds(b, "&lt;");
			break;
		case '>':
			sbuf_adds(b, "&gt;");
			break;
		case '"':
			sbuf_adds(b, "&quot;");
			break;
		case '\'':
			sbuf_adds(b, "&#39;");
			break;
		default:
			sbuf_addc(b, *s);
		}
}

static void
header_rows(struct sbuf *b, const struct tpl_block *blk, enum lang lang)
{
	int	d, lc = blk->row_depth > 0 ? blk->row_depth : 1;
	size_t	i;

	for (d = 0; d < blk->col_depth; d++) {
		sbuf_adds(b, "<tr>");
		if (d == 0) {
			sbuf_addf(b, "<th class=\"corner\" colspan=\"%d\" "
			    "rowspan=\"%d\">", lc, blk->col_depth);
			county_table_esc(b, tpl_label(&blk->corner, lang));
			sbuf_adds(b, "</th>");
		}
		for (i = 0; i < blk->ncolnodes; i++) {
			const struct tpl_node *c = &blk->colnodes[i];
			if (c->depth != d)
				continue;
			sbuf_addf(b, "<th colspan=\"%d\" rowspan=\"%d\">",
			    c->nleaves, c->leaf >= 0 ? blk->col_depth - d : 1);
			county_table_esc(b, tpl_label(&c->label, lang));
			sbuf_adds(b, "</th>");
		}
		sbuf_adds(b, "</tr>\n");
	}
}

static void
label_cells(struct sbuf *b, const struct tpl_block *blk, int r,
    enum lang lang)
{
	int	lc = blk->row_depth > 0 ? blk->row_depth : 1;
	size_t	i;

	for (i = 0; i < blk->nrownodes; i++) {
		const struct tpl_node *n = &blk->rownodes[i];
		if (n->first_leaf != r)
			continue;
		sbuf_addf(b, "<th scope=\"row\" rowspan=\"%d\" colspan=\"%d\">",
		    n->nleaves, n->leaf >= 0 ? lc - n->depth : 1);
		county_table_esc(b, tpl_label(&n->label, lang));
		sbuf_adds(b, "</th>");
	}
}

static void
block_html(struct sbuf *b, const struct report *r, int bi, enum lang lang)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_block	*blk = &t->blocks[bi];
	char			 buf[NUM_FMT_MAX];
	size_t			 row, col;

	sbuf_addf(b, "<table class=\"official\" data-block=\"");
	county_table_esc(b, blk->id);
	sbuf_adds(b, "\">");
	if (*tpl_label(&blk->title, lang) != '\0') {
		sbuf_adds(b, "<caption>");
		county_table_esc(b, tpl_label(&blk->title, lang));
		sbuf_adds(b, "</caption>");
	}
	sbuf_adds(b, "\n<thead>\n");
	header_rows(b, blk, lang);
	sbuf_adds(b, "</thead>\n<tbody>\n");
	for (row = 0; row < blk->nrows; row++) {
		sbuf_adds(b, "<tr>");
		label_cells(b, blk, (int)row, lang);
		for (col = 0; col < blk->ncols; col++) {
			int c = blk->first_cell + (int)(row * blk->ncols + col);
			sbuf_adds(b, "<td class=\"num\" data-cell=\"");
			county_table_esc(b, t->cells[c].id);
			sbuf_adds(b, "\">");
			county_table_esc(b, report_format_value(r, c,
			    report_value(r, c), buf));
			sbuf_adds(b, "</td>");
		}
		sbuf_adds(b, "</tr>\n");
	}
	sbuf_adds(b, "</tbody></table>\n");
}

void
county_table_html(struct sbuf *b, const struct report *r, enum lang lang)
{
	const struct tpl	*t = report_tpl(r);
	size_t			 s, tb;
	int			 bi;

	for (s = 0; s < t->nsections; s++) {
		const struct tpl_section *sec = &t->sections[s];
		if (sec->kind != TPL_TABLES)
			continue;
		sbuf_adds(b, "<h4>");
		county_table_esc(b, sec->number);
		sbuf_adds(b, lang == LANG_ZH ? "、" : ". ");
		county_table_esc(b, tpl_label(&sec->title, lang));
		sbuf_adds(b, "</h4>\n");
		for (tb = 0; tb < (size_t)sec->ntables; tb++) {
			const struct tpl_table *tab =
			    &t->tables[sec->first_table + (int)tb];
			for (bi = tab->first_block; bi < tab->first_block +
			    tab->nblocks; bi++)
				block_html(b, r, bi, lang);
		}
	}
}
