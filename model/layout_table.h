/*
 * One statutory table of the print layout (layout.h), drawn in box
 * characters on a canvas of text lines, for layout.c to page.  Internal
 * to the layout: the canvas is read by layout.c's pager, written only
 * here.
 *
 * Line y of the canvas is either a border line (a row boundary) or a text
 * line of some row.  brk[y] marks the border lines a page may end at:
 * between blocks and between value rows, never where a merged label has
 * its text.  hdr is the border line under the header rows of a table of
 * one block without a title (表三, 表四): lines [0, hdr] are what a page
 * repeats when the table goes on; 0 when nothing repeats.
 */
#ifndef NB_LAYOUT_TABLE_H
#define NB_LAYOUT_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "report.h"
#include "text.h"

/* Line directions meeting at a point of a border. */
enum { BX_U = 1, BX_D = 2, BX_L = 4, BX_R = 8 };

struct canvas {
	int	  w, h, bw;
	int	  margin;	/* spaces before every line (centring) */
	uint8_t	 *fl;		/* h * w line directions, at x % bw == 0 */
	char	**tx;		/* h * w: text starting at (y, x), owned */
	int	 *tw;		/* its width */
	bool	 *brk;		/* h: a page may end at this border line */
	int	  hdr;		/* the border under the repeated header */
	int	 *rowy;		/* nrows + 1: the top border line of each
				   row of the .docx table, then the bottom */
	int	  nrows;
};

/* Lays out table ti of the report (labels in lang) on cv. */
void	 ltable_build(struct canvas *cv, const struct report *, int ti,
	    enum lang, const struct text_opts *);
void	 ltable_done(struct canvas *);

/* Line y as text, with the directions fl (NULL: the canvas's own), no
 * trailing spaces.  Newly allocated. */
char	*ltable_line(const struct canvas *, int y, const uint8_t *fl);

/*
 * A full-width rule that closes the table at a page break (out = BX_U)
 * or opens it again (BX_D), with a junction wherever line y has a
 * direction in src.  Newly allocated.
 */
char	*ltable_closure(const struct canvas *, int y, uint8_t src,
	    uint8_t out);

/*
 * The header's bottom border joined to the rows that go on below line y
 * (a page that repeats the header): junctions up where the header has
 * them, down where line y has them.  Newly allocated.
 */
char	*ltable_rejoin(const struct canvas *, int y);

/* Drops trailing ASCII spaces of s in place; returns s. */
char	*ltable_rtrim(char *s);

#endif
