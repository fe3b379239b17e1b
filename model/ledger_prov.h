/*
 * Where each number of table 三 came from, when it was counted from the
 * office's register: the provenance a report keeps (report_prov) and
 * saves in its file under the key ledger: (store.h).
 *
 * It names the register (its path, relative to the report's folder when
 * the register is in it or below it), the SHA-256 of the register's
 * bytes at the count, the year counted, and where 二、上年结转 came from
 * (the register, or last year's report when the register starts in the
 * year).  For each cell filled it keeps the number counted and the rows
 * behind it; each of those rows is kept once with what the editor lists
 * (received, answered, applicant type and result as written), so the
 * rows can be shown even when the register is gone.
 *
 * In the file:
 *
 *   ledger:
 *     register: 2024年依申请公开登记台账.xlsx
 *     sha256: 9f86d081884c7d65…
 *     year: 2024
 *     carried_in: register        # or: previous (last year's report)
 *     rows:
 *       "5": [2024-01-03, 2024-01-20, 公民, 已公开]
 *     cells:                      # those counted 0 are not listed:
 *       t3.new.natural: {n: 3, rows: [5, 7, 9]}   # every input cell
 *                                   # of 三 is filled, so those not
 *                                   # listed were counted 0
 *
 * A cell changed by hand after the count keeps its provenance: `check`
 * then warns with both numbers (ledger_prov_check).
 */
#ifndef NB_LEDGER_PROV_H
#define NB_LEDGER_PROV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct report;
struct sbuf;
struct ytree;

enum ledger_carry {
	LEDGER_CARRY_REGISTER,	/* 二 counted from the register */
	LEDGER_CARRY_PREVIOUS	/* 二 from last year's report (new --from) */
};

/* One register row behind the cells, as the editor lists it. */
struct ledger_prov_row {
	char	*ref;		/* "12", or "2024年!12" */
	char	*received;	/* YYYY-MM-DD */
	char	*answered;	/* YYYY-MM-DD, or "" when not answered */
	char	*applicant;	/* as written in the register */
	char	*result;	/* as written, or "" */
};

struct ledger_prov;

/* ---- reading a report's provenance (the editor's API) ---- */

/* The register counted (as stored), or NULL when no cell was filled
 * from one.  Borrowed; valid until the report's provenance changes. */
const char	*ledger_prov_register(const struct report *);
const char	*ledger_prov_sha256(const struct report *);
int		 ledger_prov_year(const struct report *);
enum ledger_carry ledger_prov_carry(const struct report *);

/* Whether cell was filled from the register; *counted gets the number
 * counted then (the cell may have been changed since). */
bool		 ledger_prov_filled(const struct report *, int cell,
		    int64_t *counted);

/*
 * The register rows behind cell, in register order: fills out[0..max)
 * with borrowed rows (valid until the report's provenance changes) and
 * returns how many there are.  0 for a cell not filled from the
 * register, and for 二 taken from last year's report.
 */
size_t		 ledger_prov_rows(const struct report *, int cell,
		    const struct ledger_prov_row **out, size_t max);

enum ledger_prov_state {
	LEDGER_PROV_NONE,	/* not counted from a register */
	LEDGER_PROV_SAME,	/* the register is as it was counted */
	LEDGER_PROV_CHANGED,	/* its bytes differ now */
	LEDGER_PROV_MISSING	/* it cannot be read */
};

/* The register's state now; report_path locates a relative register
 * (NULL: the current folder). */
enum ledger_prov_state ledger_prov_state(const struct report *,
		    const char *report_path);

/*
 * What `check` warns about, appended to out (path = report_path, line 0):
 *   ledger.w_hand {0}=cell id {1}=counted {2}=now ("" blank) {3}=label
 *   ledger.w_changed {0}=register {1}=year
 *   ledger.w_missing {0}=register
 * Returns how many were added.
 */
size_t		 ledger_prov_check(const struct report *,
		    const char *report_path, struct errlist *out);

/*
 * The register's path as a report at report_path stores it: relative to
 * the report's folder when the register is in it or below, else
 * absolute.  Newly allocated; caller frees.
 */
char		*ledger_prov_relpath(const char *register_path,
		    const char *report_path);

/* ---- building one (ledger_fill.c) ---- */

struct ledger_prov *ledger_prov_new(const char *reg, const char *sha256,
		    int year, enum ledger_carry carry);
void		 ledger_prov_free(struct ledger_prov *);
/* Adds a row (strings copied); returns its index. */
size_t		 ledger_prov_add_row(struct ledger_prov *,
		    const struct ledger_prov_row *);
/* Adds n to cell's count and rows[0..nrows) (indices from add_row) to
 * the rows behind it; a cell not yet listed is added. */
void		 ledger_prov_add_cell(struct ledger_prov *, int cell,
		    int64_t n, const size_t *rows, size_t nrows);

/* ---- the report file (store.c) ---- */

/* Appends the ledger: section, if the report has provenance. */
void		 ledger_prov_dump(struct sbuf *, const struct report *);
/*
 * Reads a ledger: section into r's provenance.  False with *err at the
 * offending node: ledger.prov_bad {0}=what is wrong, store.unknown_cell.
 */
bool		 ledger_prov_load(struct report *r, const struct ytree *node,
		    const char *path, struct err *err);

#endif
