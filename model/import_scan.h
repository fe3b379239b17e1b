/*
 * The first step of reading a table section (import_tab.h): the section's
 * lines cut into printed rows and label fragments, whatever the layout.
 *
 * A row is one TAB line (rows layout), one blank-line-separated group of
 * lines (cells layout) or one line (spaced layout).  Its cells (rows and
 * cells layouts) are kept trimmed of white space, NBSP and U+3000; the
 * label cells are the text cells up to the last one that is not a value,
 * and what follows them are the row's value cells.  In the spaced layout a
 * line's value cells are the run of numbers (and "/"-like null marks) at
 * its end, and its label part is cut into fragments at runs of two or more
 * spaces.  In the runs layout (a row's numbers printed without
 * separators, "一、本年新收政府信息公开申请数量640020470") a line is cut
 * into labels and the runs of digits after them, each pair a row whose
 * one value token is the run, for import_runs.h to split; a run that
 * ends in an item number ("…4000042.其他…") gives that number back to the
 * label after it.  Labels run together too ("三、本年度办理结果（一）予以
 * 公开"): a label is cut into the section's labels it is made of, and a
 * row's label that another row's follows is a row of its own, without a
 * run.
 *
 * Every label cell or fragment is also listed, in reading order, as a
 * frag with its key (labelnorm_key).  A frag is noise when its key is part
 * of a label that is not a row's own (a group label, a block title, a
 * column header): such pieces turn up between the rows of a spaced table
 * and are skipped when a wrapped row label is put back together.
 */
#ifndef NB_IMPORT_SCAN_H
#define NB_IMPORT_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "import_line.h"

/* How a section's table text is laid out (see import_tab.h). */
enum import_scan_layout {
	IMPORT_SCAN_NONE,	/* no table text found */
	IMPORT_SCAN_ROWS,
	IMPORT_SCAN_CELLS,
	IMPORT_SCAN_SPACED,
	IMPORT_SCAN_RUNS	/* numbers run together (import_runs.h) */
};

struct import_row {
	int	  line;		/* first input line */
	int	  lastline;
	char	**cells;	/* rows, cells layouts */
	int	  ncells;
	size_t	  ccap;
	int	  last_label;	/* index of the last label cell, or -1 */
	char	**vals;		/* spaced layout: trailing value tokens */
	int	 *vpos;		/* ... and the column each starts in */
	int	  nvals;
	int	  nlabels;	/* frags of this row that are not noise */
	bool	  used;		/* its values went to a template row */
};

struct import_frag {
	char	*raw;		/* as printed, trimmed */
	char	*key;
	int	 row;		/* index in rows[] */
	int	 line;
	bool	 noise;
	bool	 used;
};

/* The labels a section's tables print, as keys (labelnorm.h); row[i]
 * is true for a row's own label, false for the rest (titles, corners,
 * column headers, row groups). */
struct import_scan_labels {
	char	**key;
	bool	 *row;
	size_t	  n;
};

struct import_scan {
	enum import_scan_layout	 layout;
	struct import_row	*rows;
	size_t			 nrows;
	struct import_frag	*frags;
	size_t			 nfrags;
	size_t			 rcap, fcap;	/* allocated */
	int			 line;		/* while scanning a line */
	const struct import_scan_labels *labels;	/* borrowed */
};

/* Cuts lines[0..n) into rows and frags; spaced_doc: the whole input is
 * pdftotext -layout text (tips the choice to the spaced layout); runs_doc:
 * another table of the input has its numbers run together (a line of
 * digits alone is then a run, as 四's one row is). */
void	import_scan_section(struct import_scan *, const struct import_line *,
	    size_t n, bool spaced_doc, bool runs_doc,
	    const struct import_scan_labels *);
/* Whether lines[0..n) look like the runs layout: labels with runs of
 * digits glued on, on two lines or more, or three on one line. */
bool	import_scan_looks_runs(const struct import_line *, size_t n,
	    bool spaced_doc);
/* "rows", "cells", "spaced" or "none": a static string. */
const char	*import_scan_layout_name(enum import_scan_layout);

/* Marks as noise every frag whose key occurs in one of keys[0..n). */
void	import_scan_mark_noise(struct import_scan *, char *const *keys,
	    size_t n);
void	import_scan_done(struct import_scan *);

/* The value cells of a row: (rows, cells layouts) after its last label
 * cell, (spaced) its value tokens.  Borrowed from the row. */
char	**import_scan_values(const struct import_scan *, int row, int *n);

/* A cell that is blank: only spaces, NBSP, U+3000 or nothing. */
bool	import_scan_is_blank(const char *cell);
/* A mark printed for "nothing": / ／ - － — —— – 无 \ . */
bool	import_scan_is_null(const char *cell);
/* Looks like a number (ASCII or full-width digits, sign, grouping,
 * decimal point); the number parser decides whether it is one. */
bool	import_scan_is_number(const char *cell);
/* A number followed by a unit ("75394432.52元", "5件"): the number,
 * newly allocated, with *unit the unit (a static string); else NULL. */
char	*import_scan_unit(const char *cell, const char **unit);

#endif
