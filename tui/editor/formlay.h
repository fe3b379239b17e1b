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
 * A layout owns its arrays; formlay_free releases them.
 */
#ifndef NB_FORMLAY_H
#define NB_FORMLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"
#include "text.h"
#include "tpl.h"

/* Lines of a wrapped label: bytes [st[i], en[i]) of its text. */
struct form_wrap {
	size_t	 n;
	size_t	*st;
	size_t	*en;
};

/* One block on screen.  x offsets are relative to the pane; col_x
 * relative to the value area (which starts at lab_w). */
struct form_blay {
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
	struct form_wrap	*rwrap;		/* per rownode (groups) */
	size_t			 nrwrap;
	struct form_wrap	*cwrap;		/* per colnode (leaves) */
	size_t			 ncwrap;
	struct form_wrap	 corner;
};

struct form_layout {
	bool			 valid;
	int			 sec;
	int			 pane_w;
	int			 height;	/* content lines */
	size_t			 nb;
	struct form_blay	*b;
};

/* Builds the layout of section sec for a pane pane_w columns wide. */
void	formlay_build(struct form_layout *, const struct report *, int sec,
	    int pane_w, enum lang, const struct text_opts *);
void	formlay_free(struct form_layout *);
/* True when both place every column and label identically. */
bool	formlay_same(const struct form_layout *, const struct form_layout *);

enum formlay_line { FL_HEADING, FL_BLANK, FL_TITLE, FL_HEAD, FL_ROW };

/*
 * What screen line i of a pane scrolled to y0 shows: the kind, the block
 * (index into l->b) and the header line or row.  A block whose header
 * has scrolled off while rows remain has its header pinned on top.
 */
enum formlay_line formlay_screen_line(const struct form_layout *, int y0,
	    int i, int *bi, int *idx);
/* The pinned block at scroll y0, or -1. */
int	formlay_pinned(const struct form_layout *, int y0);
/* First row of block bi in view at scroll y0. */
int	formlay_first_row(const struct form_layout *, int y0, int bi);
/* The screen line (0-based in the pane) of row r of block bi, or -1. */
int	formlay_row_line(const struct form_layout *, int y0, int ph, int bi,
	    int r);
/* The layout block showing tpl block `block`, or -1. */
int	formlay_find(const struct form_layout *, int block);
/* The last value column fully in view when hs is the first. */
int	formlay_last_col(const struct form_blay *, int hs);
/* Scroll y0 such that row r of block bi is in view in ph lines. */
int	formlay_scroll_to(const struct form_layout *, int y0, int ph,
	    int bi, int r);
/* y0 clamped to the content. */
int	formlay_clamp(const struct form_layout *, int y0, int ph);

#endif
