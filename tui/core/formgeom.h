/*
 * Where a section's tables go on the screen: the geometry of the form,
 * computed from the template, the values' widths and the pane width,
 * with no drawing and no curses.
 *
 * Content lines: 0 is the section heading, 1 is blank, then each block
 * of each table: an optional title line, head_h header lines, one line
 * per data row, a blank line.  Header: column depth k (a group level)
 * is one line at hline[k]; the leaves take the rest of the header, their
 * labels wrapped to the column width (one or two lines for the deepest
 * level).  Row labels: one column per level of the row tree; a group's
 * label is wrapped to its column and runs down the rows it spans; a
 * leaf's label spans from its level to the last.  Value columns: each is
 * a one-column gap, then col_w columns (the value right-aligned in
 * col_w - 1, then a marker column for flags).
 *
 * Curses-free (tui/core), so that it can be tested and reused without a
 * terminal.  A geometry owns its arrays; formgeom_free releases them.
 */
#ifndef NB_FORMGEOM_H
#define NB_FORMGEOM_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"
#include "text.h"
#include "tpl.h"

/* Lines of a wrapped label: bytes [st[i], en[i]) of its text. */
struct formgeom_wrap {
	size_t	 n;
	size_t	*st;
	size_t	*en;
};

/* One block on screen.  x offsets are relative to the pane; col_x
 * relative to the value area (which starts at lab_w). */
struct formgeom_block {
	int			 block;
	int			 top;		/* first content line */
	int			 y_title;	/* -1: no title */
	int			 y_head;
	int			 head_h;
	int			 y_rows;
	int			 nrows;
	int			 bottom;	/* one past the last row */
	int			 nlvl;		/* row label levels */
	int			*lvl_x;
	int			*lvl_w;
	int			 lab_w;		/* label area with its gap */
	int			*hline;		/* first header line per depth */
	int			 ncols;
	int			*col_x;		/* the column's leading gap */
	int			*col_w;		/* value width (+1 marker) */
	int			 vis_w;		/* columns for values */
	struct formgeom_wrap	*rwrap;		/* per rownode (groups) */
	size_t			 nrwrap;
	struct formgeom_wrap	*cwrap;		/* per colnode (leaves) */
	size_t			 ncwrap;
	struct formgeom_wrap	 corner;
};

struct formgeom {
	bool			 valid;
	int			 sec;
	int			 pane_w;
	int			 height;	/* content lines */
	size_t			 nb;
	struct formgeom_block	*b;
};

/* Builds the layout of section sec for a pane pane_w columns wide. */
void	formgeom_build(struct formgeom *, const struct report *, int sec,
	    int pane_w, enum lang, const struct text_opts *);
void	formgeom_free(struct formgeom *);
/* True when both place every column and label identically. */
bool	formgeom_same(const struct formgeom *, const struct formgeom *);

enum formgeom_line { FG_HEADING, FG_BLANK, FG_TITLE, FG_HEAD, FG_ROW };

/*
 * What screen line i of a pane scrolled to y0 shows: the kind, the block
 * (index into l->b) and the header line or row.  A block whose header
 * has scrolled off while rows remain has its header pinned on top.
 */
enum formgeom_line formgeom_screen_line(const struct formgeom *, int y0,
	    int i, int *bi, int *idx);
/* The pinned block at scroll y0, or -1. */
int	formgeom_pinned(const struct formgeom *, int y0);
/* First row of block bi in view at scroll y0. */
int	formgeom_first_row(const struct formgeom *, int y0, int bi);
/* The screen line (0-based in the pane) of row r of block bi, or -1. */
int	formgeom_row_line(const struct formgeom *, int y0, int ph, int bi,
	    int r);
/* The layout block showing tpl block `block`, or -1. */
int	formgeom_find(const struct formgeom *, int block);
/* The last value column fully in view when hs is the first. */
int	formgeom_last_col(const struct formgeom_block *, int hs);
/* Scroll y0 such that row r of block bi is in view in ph lines. */
int	formgeom_scroll_to(const struct formgeom *, int y0, int ph,
	    int bi, int r);
/* The cell at row r, column c of tpl block `block` (both clamped). */
int	formgeom_cell(const struct tpl *, int block, int r, int c);
/* y0 clamped to the content. */
int	formgeom_clamp(const struct formgeom *, int y0, int ph);

#endif
