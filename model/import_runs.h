/*
 * Table rows whose numbers were printed without separators: text copied
 * from a web page gives "一、本年新收政府信息公开申请数量640020470" for a
 * row of 64, 0, 0, 2, 0, 4, 70.  The values are recovered from the
 * table's own arithmetic, as a constraint search; a row is never guessed.
 *
 * A run is what follows the row's label: digits (ASCII or full-width),
 * with perhaps a decimal point, a minus sign or thousands separators, and
 * perhaps a few spaces, which are kept as sure boundaries between values
 * ("500000 5").  A split of a run is a way to cut it into the row's
 * values where each value is one the column can hold as printed: no
 * leading zero ("05"), at most 10^12, a sign only in a signed column, a
 * decimal point only in a money column, with no more decimals than it
 * keeps.
 *
 * The arithmetic is the template's: its formulas (each 总计 is the sum of
 * its parts, （七）总计 the sum of the outcome rows in every column) and
 * its rules that are equalities of cells (R1: 一 + 二 = 三 + 四 in every
 * column), each used when every cell it names is in a row being split.
 * A row's splits are first filtered by the equations within the row;
 * then rows linked by equations across rows are searched together, and a
 * split is feasible when some choice of splits for the other rows makes
 * every equation hold.  A row is
 *
 *   recovered    when exactly one of its splits is feasible, or, when no
 *                choice makes the linked rows' equations hold (the
 *                published totals are wrong), when the run can be split
 *                one way only whatever the arithmetic says;
 *   ambiguous    when several are feasible (or the search ran out before
 *                settling it): its cells stay blank, the candidates are
 *                given;
 *   uneven       when its linked rows' equations hold under no choice and
 *                it can be split more than one way: blank, candidates
 *                given;
 *   impossible   when no split exists at all (too few or too many digits
 *                for its columns): blank;
 *   too many     when it has more than IMPORT_RUNS_MAX_CANDS splits or
 *                the enumeration ran out: blank.
 *
 * Bounds: a run longer than IMPORT_RUNS_MAX_LEN characters is impossible
 * at once; enumerating one row's splits takes at most
 * IMPORT_RUNS_ROW_STEPS steps and searching linked rows at most
 * IMPORT_RUNS_STEPS steps in all, so any input is answered in
 * milliseconds.
 */
#ifndef NB_IMPORT_RUNS_H
#define NB_IMPORT_RUNS_H

#include <stdbool.h>
#include <stddef.h>

#include "tpl.h"

#define IMPORT_RUNS_MAX_LEN	256
#define IMPORT_RUNS_MAX_CANDS	4096
#define IMPORT_RUNS_ROW_STEPS	(1 << 18)
#define IMPORT_RUNS_STEPS	(1 << 18)
#define IMPORT_RUNS_SHOWN	4	/* candidates named in cands */

enum import_runs_result {
	IMPORT_RUNS_RECOVERED,
	IMPORT_RUNS_AMBIGUOUS,
	IMPORT_RUNS_UNEVEN,
	IMPORT_RUNS_IMPOSSIBLE,
	IMPORT_RUNS_TOO_MANY
};

struct import_runs_row {
	int			 first_cell;	/* the row's first cell */
	int			 ncells;	/* its values, left to right */
	bool			 bound;		/* the values are those cells
						   (false: a group printed as
						   one row, typed like them) */
	const char		*run;		/* as printed (borrowed) */
	/* Filled by import_runs_solve: */
	enum import_runs_result	 result;
	char			**pieces;	/* RECOVERED: the ncells values,
						   as ASCII text */
	char			*cands;		/* otherwise: up to
						   IMPORT_RUNS_SHOWN splits,
						   "64 0 0 2 0 4 70 | …" */
	size_t			 ncands;	/* splits in all */
};

/*
 * Splits the runs of rows[0..n) of a report on template t (each row's
 * first_cell, ncells, bound and run set by the caller).  Never fails.
 */
void	import_runs_solve(const struct tpl *t, struct import_runs_row *rows,
	    size_t n);
/* Frees what import_runs_solve put in a row. */
void	import_runs_row_done(struct import_runs_row *);

#endif
