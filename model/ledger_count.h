/*
 * Counting a register into table 三 by the statute's periods, for report
 * year Y:
 *
 *   一、本年新收          received in Y;
 *   二、上年结转          received before Y and not answered before Y;
 *   三、outcome rows      answered in Y, by the result's category;
 *   四、结转下年度        received in Y or before, not answered in Y;
 *
 * each in the column of the applicant's type.  So every counted row adds
 * one to 一 or 二 and one to an outcome or 四, and 勾稽 (R1: 一 + 二 = (七)
 * + 四, in every column) holds by construction.  Rows received after Y,
 * or answered before Y, are not this year's and are passed over.
 *
 * Nothing is counted on a guess about a row.  A row of this year with a
 * missing or impossible date (answered before received, a date in the
 * future or before 2008), no applicant type, a result without a date
 * answered (or a date answered without a result), or a formula whose
 * value was never saved, is a problem, listed with its row; a value no
 * target is known for is unmapped, listed with its rows.  Either makes
 * ledger_count_ok() false, and the count must not be filled in then.
 *
 * When no counted row was received before Y (a register started this
 * year), starts_in_year is set: 二 is 0 from the register, and
 * ledger_prov's fill may take it from last year's report instead.
 */
#ifndef NB_LEDGER_COUNT_H
#define NB_LEDGER_COUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "ledger.h"
#include "ledger_map.h"

#define LEDGER_NCOLS		6	/* natural .. other_org */
#define LEDGER_NOUTCOMES	21	/* r_open .. r_other_3 */
#define LEDGER_ROW_NEW		0
#define LEDGER_ROW_CARRIED_IN	1
#define LEDGER_ROW_OUTCOME	2	/* outcome k is row 2 + k */
#define LEDGER_ROW_CARRIED_OUT	(LEDGER_ROW_OUTCOME + LEDGER_NOUTCOMES)
#define LEDGER_NROWS		(LEDGER_ROW_CARRIED_OUT + 1)
#define LEDGER_NO_DATE		INT32_MIN

/* The table 三 ids (2021 format) of a count row and column: "new",
 * "r_deny_3", "carried_out"; "natural" ... "other_org".  Static. */
const char	*ledger_count_row_id(int row);
const char	*ledger_count_col_id(int col);

/* One register row that was counted. */
struct ledger_entry {
	char	*ref;		/* "12", or "2024年!12" */
	int	 received;	/* days since 1970-01-01 */
	int	 answered;	/* or LEDGER_NO_DATE */
	char	*applicant;	/* as written */
	char	*result;	/* as written ("" when none) */
	int	 col;		/* 0 .. LEDGER_NCOLS-1 */
};

/* The rows behind one cell of the count: indices into entries[]. */
struct ledger_cellrows {
	size_t	*v;
	size_t	 n, cap;
};

struct ledger_opts {
	int	 year;		/* the report year Y */
	int	 today;		/* days; later dates are impossible */
};

struct ledger_count {
	int			 year;
	int64_t			 n[LEDGER_NROWS][LEDGER_NCOLS];
	struct ledger_cellrows	 rows[LEDGER_NROWS][LEDGER_NCOLS];
	struct ledger_entry	*entries;
	size_t			 nentries, capentries;
	bool			 starts_in_year;
	/* The header of the first sheet read: its row and column texts. */
	int			 header_row;
	char			*header[LEDGER_NFIELDS];
	struct errlist		 problems;	/* line: the row number */
	struct errlist		 notes;		/* what was assumed or used */
	size_t			 unmapped;	/* values needed, no target */
	size_t			 rows_seen;	/* data rows below headers */
};

void	 ledger_count_init(struct ledger_count *);
void	 ledger_count_done(struct ledger_count *);

/*
 * Counts the register L for opts->year into c (initialised).  Every
 * applicant type and result value met is added to m (with its guess)
 * together with the rows it is in; the map's columns, when it names
 * them, are used, and the columns found are written back into it.
 * Returns false with *err when no sheet has a header with all four
 * columns: ledger.e_no_header, or ledger.e_missing_column {0}=the
 * columns missing (ids, comma-separated) {1}=the header row number
 * {2}=the columns found ("收到日期 (B), …").
 */
bool	 ledger_count(const struct ledger *L, struct ledger_map *m,
	    const struct ledger_opts *opts, struct ledger_count *c,
	    struct err *err);

/* The year in the register's title rows or sheet name ("2024年…登记表"),
 * 0 when none: the report year when the caller has no other. */
int	 ledger_count_title_year(const struct ledger *L,
	    const struct ledger_map *m);

/* True when the count may be filled in: no problem, nothing unmapped. */
bool	 ledger_count_ok(const struct ledger_count *);

#endif
