/*
 * What the register suites share (test_ledger*.c): the tables the
 * registers of tests/data/ledger must give (NAME.expect) and checking a
 * report against one.
 */
#ifndef NB_LEDGERUTIL_H
#define NB_LEDGERUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

#define LEDGER_DATA	NB_SOURCE_DIR "/tests/data/ledger/"

/*
 * NAME.expect: "year: Y", "carried_in: starts|register", "map: VALUE=
 * TARGET" (applicant values the clerk maps), then "CELL: N" for every
 * input cell of 三 that is not 0.
 */
struct ledger_expect {
	int	 year;
	bool	 starts;
	char	 map[4][2][64];
	int	 nmap;
	char	 cell[64][64];
	long	 n[64];
	int	 ncells;
};

/* Reads tests/data/ledger/NAME; aborts the test when it cannot. */
void	 lu_expect(const char *name, struct ledger_expect *x);
/* Checks (cr_expect) every input cell of 三 in r against x: listed cells
 * hold their number, every other one 0. */
void	 lu_compare(const char *what, const struct report *r,
	    const struct ledger_expect *x);
/* The failing instances of R1..R4 (勾稽) on r. */
size_t	 lu_balance_flags(const struct report *r);

#endif
