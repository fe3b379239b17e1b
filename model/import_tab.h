/*
 * Reading the tables of one section of a published report from its text
 * lines, in any of the three layouts met in the wild:
 *
 *   rows    one table row per line, cells separated by TABs (what Word
 *           gives when a table is saved as text, and nianbao's own export);
 *   cells   one cell per line, a blank line between rows (a table copied
 *           out of a web page or PDF viewer);
 *   spaced  columns aligned with spaces, as `pdftotext -layout` prints a
 *           table: labels wrap over several lines, group labels and the
 *           vertical 三、本年度办理结果 sit between rows or are split into
 *           single characters, values may be on a line of their own.
 *
 * Rows are found by their labels, never by position alone: every leaf row
 * of the template is looked for, in template order, by its label key (see
 * labelnorm.h); in the spaced layout a label may be spread over several
 * fragments with pieces of group labels in between.  A printed label that
 * matches no template label exactly but resembles the one expected at that
 * place (same item number, similarity >= 60) is taken and noted as a
 * variant.  A 2019-style single row （六）其他处理 in a 2021 table is read
 * as that group: when all its values are 0 its sub-rows are 0 (the only
 * non-negative split of 0), otherwise the sub-rows stay blank; noted both
 * ways.
 *
 * Values: a blank cell stays blank; a row with fewer (or more) values than
 * columns is noted and left blank, never shifted; "00" and other leading
 * zeros are read as decimal with a note; a value the number parser refuses
 * is noted and left blank.  Values of computed cells are not stored in the
 * report but kept in printed[], to be compared with the recomputed totals
 * by import_tab_publish once every table is in.
 *
 * (import_scan.h cuts the text, import_place.h finds the rows.)
 *
 * Notes are struct err values: path, line, msgid and arguments.  Row
 * notes: {0} Chinese and {1} English label path of the row, {2} {3} what
 * the msgid says (import.short_row: values printed, columns).  Cell
 * notes: {0} {1} the cell's label paths, {2} what was printed, {3} the
 * value read (import.leading_zero).
 */
#ifndef NB_IMPORT_TAB_H
#define NB_IMPORT_TAB_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "import_line.h"
#include "import_scan.h"
#include "report.h"

struct import_tab_ctx {
	struct report		*r;
	const char		*path;		/* names the input in notes */
	struct errlist		*notes;
	struct report_value	*printed;	/* per cell of the template */
	bool			*has_printed;
	int			*line;		/* per cell: its line */
	bool			*seen;		/* per cell: a value was read */
	bool			 spaced_doc;	/* the whole text is pdftotext
						   -layout output */
	bool			 runs_doc;	/* a table of it has its numbers
						   run together */
};

/*
 * Reads the tables of section sec (index in the template) from
 * lines[0..n), the section's body without its heading.  Returns the layout
 * it found.
 */
enum import_scan_layout import_tab_read(struct import_tab_ctx *,
		    const struct import_line *lines, size_t n, int sec);

/*
 * Once every table is read: a printed total that differs from the
 * recomputed one is kept with report_set_published (R2/R3/R4 then judge
 * it); one that agrees is not recorded; one printed blank where the
 * recomputed total is not blank is noted (import.blank_total).
 */
void		 import_tab_publish(struct import_tab_ctx *);

#endif
