/*
 * The table grid of import_grid.h.  Rows are kept unpadded until the table
 * ends, when its width is known.  cover[c] counts the rows below the
 * current one that a rowspan still covers in column c; a row starts by
 * skipping the covered columns it reaches, and ends by counting down the
 * columns that were covered in it.
 */
#include <string.h>

#include "import_grid.h"

void
import_grid_init(struct import_grid *g)
{
	memset(g, 0, sizeof *g);
	sbuf_init(&g->rows);
	sbuf_init(&g->row);
}

void
import_grid_done(struct import_grid *g)
{
	sbuf_done(&g->rows);
	sbuf_done(&g->row);
}

void
import_grid_declare(struct import_grid *g, int ncols)
{
	if (ncols > g->width)
		g->width = ncols > IMPORT_GRID_MAX_COLS ? IMPORT_GRID_MAX_COLS :
		    ncols;
}

bool
import_grid_in_row(const struct import_grid *g)
{
	return (g->inrow);
}

size_t
import_grid_size(const struct import_grid *g)
{
	return (g->rows.len + g->row.len);
}

void
import_grid_row_start(struct import_grid *g)
{
	sbuf_truncate(&g->row, 0);
	g->col = 0;
	g->inrow = true;
}

/* Appends text with TAB and LF as spaces. */
static void
put_text(struct sbuf *b, const char *text, size_t len)
{
	size_t	i, k;

	for (i = 0; i < len; i = k) {
		for (k = i; k < len && text[k] != '\t' && text[k] != '\n'; k++)
			;
		sbuf_add(b, text + i, k - i);
		if (k < len) {
			sbuf_addc(b, ' ');
			k++;
		}
	}
}

/* Opens the next column; false past the last one. */
static bool
next_col(struct import_grid *g)
{
	if (g->col == IMPORT_GRID_MAX_COLS)
		return (false);
	if (g->col++ > 0)
		sbuf_addc(&g->row, '\t');
	return (true);
}

/* Skips the columns a span from above covers, from the current one on. */
static void
skip_covered(struct import_grid *g)
{
	while (g->col < IMPORT_GRID_MAX_COLS && g->cover[g->col] > 0)
		next_col(g);
}

void
import_grid_cell(struct import_grid *g, const char *text, size_t len,
    int colspan, int rowspan)
{
	int	i;

	if (colspan < 1)
		colspan = 1;
	if (rowspan < 1)
		rowspan = 1;
	if (rowspan > IMPORT_GRID_MAX_SPAN)
		rowspan = IMPORT_GRID_MAX_SPAN;
	skip_covered(g);
	for (i = 0; i < colspan; i++) {
		if (!next_col(g)) {
			/* Past the widest grid: into the last column. */
			if (i == 0)
				put_text(&g->row, text, len);
			return;
		}
		if (i == 0)
			put_text(&g->row, text, len);
		/* Counted down at this row's end, hence the + 1. */
		if (rowspan > 1)
			g->cover[g->col - 1] = rowspan;
	}
}

void
import_grid_skip(struct import_grid *g, int n)
{
	while (n-- > 0 && next_col(g))
		;
}

void
import_grid_row_end(struct import_grid *g)
{
	int	c, last = 0;

	if (!g->inrow)
		return;
	/* Covered columns after the row's last cell are still its own. */
	for (c = 0; c < IMPORT_GRID_MAX_COLS; c++)
		if (g->cover[c] > 0)
			last = c + 1;
	while (g->col < last && next_col(g))
		;
	for (c = 0; c < IMPORT_GRID_MAX_COLS; c++)
		if (g->cover[c] > 0)
			g->cover[c]--;
	sbuf_add(&g->rows, g->row.s, g->row.len);
	sbuf_addc(&g->rows, '\n');
	if (g->col > g->width)
		g->width = g->col;
	g->inrow = false;
}

void
import_grid_flush(struct import_grid *g, struct sbuf *out, size_t limit)
{
	static const char tabs16[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
	const char	*p, *nl;
	int		 tabs, n;

	for (p = g->rows.s; *p != '\0' && out->len <= limit; p = nl + 1) {
		nl = strchr(p, '\n');
		sbuf_add(out, p, (size_t)(nl - p));
		for (tabs = 0; p < nl; p++)
			tabs += *p == '\t';
		for (; tabs < g->width - 1; tabs += n) {
			n = g->width - 1 - tabs < 16 ? g->width - 1 - tabs : 16;
			sbuf_add(out, tabs16, (size_t)n);
		}
		sbuf_addc(out, '\n');
	}
	sbuf_addc(out, '\n');
	sbuf_truncate(&g->rows, 0);
	sbuf_truncate(&g->row, 0);
	memset(g->cover, 0, sizeof g->cover);
	g->col = g->width = 0;
	g->inrow = false;
}
