/*
 * The cells of a register; see ledger_grid.h.  Appending is all there
 * is: a reader opens a sheet, then a row, adds its cells and closes it.
 * Cells of a row are kept in the order added (left to right in every
 * well-formed file); a column given twice keeps its first value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_grid.h"
#include "vec.h"
#include "xmalloc.h"

void
ledger_grid_init(struct ledger_grid *g)
{
	memset(g, 0, sizeof *g);
	g->format = "";
	g->encoding = "";
	g->delim = ',';
}

void
ledger_grid_done(struct ledger_grid *g)
{
	size_t	i;

	for (i = 0; i < g->nsheets; i++)
		free(g->sheets[i].name);
	free(g->sheets);
	free(g->rows);
	free(g->cells);
	free(g->text);
	ledger_grid_init(g);
}

bool
ledger_grid_sheet(struct ledger_grid *g, const char *name, const char *path,
    struct err *err)
{
	char	max[16];

	if (g->nsheets >= LEDGER_MAX_SHEETS) {
		snprintf(max, sizeof max, "%d", LEDGER_MAX_SHEETS);
		err_set(err, path, 0, 0, "ledger.e_sheets", 1, max);
		return (false);
	}
	VEC_PUSH(g->sheets, g->nsheets, g->capsheets)->name =
	    xstrdup(name != NULL ? name : "");
	return (true);
}

bool
ledger_grid_row(struct ledger_grid *g, int number, const char *path,
    struct err *err)
{
	struct ledger_row	*r;
	char			 max[16];

	ledger_grid_end_row(g);
	if (g->nrows >= LEDGER_MAX_ROWS) {
		snprintf(max, sizeof max, "%d", LEDGER_MAX_ROWS);
		err_set(err, path, 0, 0, "ledger.e_rows", 1, max);
		return (false);
	}
	r = VEC_PUSH(g->rows, g->nrows, g->caprows);
	r->sheet = g->nsheets > 0 ? (int)g->nsheets - 1 : 0;
	r->number = number;
	r->first = g->ncells;
	return (true);
}

/* Length of a white space character at s (ASCII, U+00A0, U+3000), or 0. */
static size_t
space_at(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\n' ||
	    u[0] == '\r' || u[0] == '\f' || u[0] == '\v'))
		return (1);
	if (len >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return (2);
	if (len >= 3 && u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
		return (3);
	return (0);
}

/* Length of a white space character ending at s + len, or 0. */
static size_t
space_before(const char *s, size_t len)
{
	size_t	k;

	for (k = 1; k <= 3 && k <= len; k++)
		if (space_at(s + len - k, k) == k)
			return (k);
	return (0);
}

bool
ledger_grid_cell(struct ledger_grid *g, int col, const char *s, size_t len,
    enum ledger_cell_kind kind, double num, enum ledger_formula formula,
    const char *path, struct err *err)
{
	struct ledger_cell	*c;
	size_t			 k;
	char			 max[16];

	if (col < 0 || col >= LEDGER_MAX_COLS || g->nrows == 0)
		return (true);
	while ((k = space_at(s, len)) > 0) {
		s += k;
		len -= k;
	}
	while ((k = space_before(s, len)) > 0)
		len -= k;
	if (len == 0 && formula != LEDGER_F_NO_VALUE)
		return (true);
	if (g->textlen + len + 1 > LEDGER_MAX_TEXT) {
		snprintf(max, sizeof max, "%u", LEDGER_MAX_TEXT / (1024 * 1024));
		err_set(err, path, 0, 0, "ledger.e_too_big", 1, max);
		return (false);
	}
	VEC_RESERVE(g->text, g->textcap, g->textlen + len + 1);
	c = VEC_PUSH(g->cells, g->ncells, g->capcells);
	c->off = (uint32_t)g->textlen;
	c->col = (uint16_t)col;
	c->kind = (uint8_t)kind;
	c->formula = (uint8_t)formula;
	c->num = num;
	memcpy(g->text + g->textlen, s, len);
	g->textlen += len;
	g->text[g->textlen++] = '\0';
	g->rows[g->nrows - 1].n++;
	return (true);
}

void
ledger_grid_end_row(struct ledger_grid *g)
{
	if (g->nrows > 0 && g->rows[g->nrows - 1].n == 0)
		g->nrows--;
}

const char *
ledger_grid_text(const struct ledger_grid *g, const struct ledger_cell *c)
{
	return (g->text + c->off);
}

const struct ledger_cell *
ledger_grid_at(const struct ledger_grid *g, size_t r, int col)
{
	const struct ledger_row	*row = &g->rows[r];
	size_t			 i;

	for (i = 0; i < row->n; i++) {
		const struct ledger_cell *c = &g->cells[row->first + i];
		if (c->col == col)
			return (c);
	}
	return (NULL);
}

char *
ledger_grid_colname(int col, char *buf)
{
	char	tmp[8];
	int	n = 0, i;

	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return (buf);
}
