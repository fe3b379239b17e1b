/*
 * A register as the readers give it: the cells of one or more sheets,
 * whatever the file format was (.csv, .xlsx, .xls).  Only what the
 * counting needs is kept: each non-empty cell's text, its number when the
 * file stored a number, and whether it was a formula.  Rows carry the
 * number the spreadsheet shows (1-based, counting title and header rows)
 * so that every message and every provenance entry points at the row a
 * clerk sees.
 *
 * Storage is three arrays: sheets, rows (in reading order, each naming
 * its sheet and its first cell) and cells (the non-empty cells of all
 * rows, row by row, columns ascending).  Cell texts live in one string
 * buffer and are addressed by offset, so growing it never invalidates a
 * cell.  The readers refuse a register over LEDGER_MAX_ROWS rows or
 * LEDGER_MAX_TEXT bytes of text (ledger.e_rows, ledger.e_too_big) before
 * they could exhaust memory; cells right of LEDGER_MAX_COLS are ignored
 * (no register has that many columns; a stray value far right must not
 * make every row that wide).
 */
#ifndef NB_LEDGER_GRID_H
#define NB_LEDGER_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define LEDGER_MAX_ROWS		100000
#define LEDGER_MAX_COLS		1024
#define LEDGER_MAX_TEXT		(64u * 1024 * 1024)
#define LEDGER_MAX_SHEETS	64

enum ledger_cell_kind {
	LEDGER_TEXT,		/* text as stored */
	LEDGER_NUMBER,		/* a number; text is how the file wrote it */
	LEDGER_DATE		/* a date the file itself marked as one
				   (.xls date cells, .xlsx t="d"): text is
				   YYYY-MM-DD */
};

/* How a cell came to be: typed, or a formula's last computed value. */
enum ledger_formula {
	LEDGER_F_NONE,
	LEDGER_F_CACHED,	/* a formula; its saved value is used */
	LEDGER_F_NO_VALUE	/* a formula with no saved value: empty */
};

struct ledger_cell {
	uint32_t		 off;		/* text in the string buffer */
	uint16_t		 col;		/* 0-based */
	uint8_t			 kind;		/* enum ledger_cell_kind */
	uint8_t			 formula;	/* enum ledger_formula */
	double			 num;		/* LEDGER_NUMBER */
};

struct ledger_row {
	int		 sheet;		/* index in sheets[] */
	int		 number;	/* as the spreadsheet shows it */
	size_t		 first;		/* cells[first .. first + n) */
	size_t		 n;
};

struct ledger_sheet {
	char		*name;		/* "" for a .csv */
};

struct ledger_grid {
	struct ledger_sheet	*sheets;
	size_t			 nsheets, capsheets;
	struct ledger_row	*rows;
	size_t			 nrows, caprows;
	struct ledger_cell	*cells;
	size_t			 ncells, capcells;
	char			*text;		/* the string buffer */
	size_t			 textlen, textcap;
	bool			 date1904;	/* serials count from 1904 */
	const char		*format;	/* "CSV", "XLSX", "XLS": static */
	const char		*encoding;	/* a .csv's encoding: static */
	char			 delim;		/* a .csv's separator */
};

void	 ledger_grid_init(struct ledger_grid *);
void	 ledger_grid_done(struct ledger_grid *);

/* Starts a sheet named name (copied); false with *err past the limit. */
bool	 ledger_grid_sheet(struct ledger_grid *, const char *name,
	    const char *path, struct err *err);
/*
 * Starts row number (as shown) of the current sheet.  Rows must come in
 * ascending order within a sheet; an empty row may be dropped later.
 * False with *err (ledger.e_rows) past LEDGER_MAX_ROWS.
 */
bool	 ledger_grid_row(struct ledger_grid *, int number, const char *path,
	    struct err *err);
/*
 * Adds a cell to the current row: len bytes of UTF-8 text (trimmed of
 * surrounding white space here; an empty result adds nothing unless it
 * is a formula without a value).  Columns beyond LEDGER_MAX_COLS are
 * ignored.  False with *err (ledger.e_too_big) past LEDGER_MAX_TEXT.
 */
bool	 ledger_grid_cell(struct ledger_grid *, int col, const char *s,
	    size_t len, enum ledger_cell_kind kind, double num,
	    enum ledger_formula formula, const char *path, struct err *err);
/* Drops the current row when it got no cell. */
void	 ledger_grid_end_row(struct ledger_grid *);

/* The text of a cell.  Borrowed; valid until the grid changes. */
const char *ledger_grid_text(const struct ledger_grid *,
	    const struct ledger_cell *);
/* The cell of row r at column col, or NULL when empty. */
const struct ledger_cell *ledger_grid_at(const struct ledger_grid *,
	    size_t r, int col);

/* "A", "B", ... "AA": the letters of a 0-based column, into buf[8]. */
char	*ledger_grid_colname(int col, char *buf);

#endif
