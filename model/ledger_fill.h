/*
 * Filling table 三 of a report from a register's count, as one change:
 * every input cell of the table and the report's provenance together,
 * so that the editor undoes and redoes it as one step and the command
 * line prints it as one list of "cell: old → new".
 *
 * Use: c = a count for which ledger_count_ok() holds; f = ledger_fill(r,
 * c, ...); the report now holds the counts and their provenance, and f
 * the values before.  ledger_fill_undo(f, r) puts back what was there
 * (values and provenance), ledger_fill_redo(f, r) applies it again; the
 * two alternate, starting with undo.  f does not keep r: the caller (the
 * editor's undo history) keeps f as long as the step can be undone.
 */
#ifndef NB_LEDGER_FILL_H
#define NB_LEDGER_FILL_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "ledger_count.h"
#include "ledger_prov.h"
#include "report.h"

struct ledger_fill;

/*
 * Fills r from c.  reg and sha256 name the register as the report is to
 * store them (ledger_prov_relpath, ledger_sha256).  When no counted row
 * was received before the year (c->starts_in_year) and r knows last
 * year's report (report_has_prev), 二、上年结转 is last year's 四、结转
 * 下年度继续办理 instead of the register's 0.  Returns the change (caller
 * frees) or NULL, changing nothing, with *err:
 *   ledger.e_year {0}=count's year {1}=report's year   they differ
 *   ledger.e_no_t3 {0}=cell id    the template has no such cell of 三
 */
struct ledger_fill *ledger_fill(struct report *r, const struct ledger_count *c,
	    const char *reg, const char *sha256, struct err *err);
void	 ledger_fill_free(struct ledger_fill *);

/* Undo and redo; see above.  Each returns false when it is not its turn. */
bool	 ledger_fill_undo(struct ledger_fill *, struct report *);
bool	 ledger_fill_redo(struct ledger_fill *, struct report *);

/* Where 二、上年结转 came from. */
enum ledger_carry ledger_fill_carry(const struct ledger_fill *);

/* The cells whose value changed, in template order. */
size_t	 ledger_fill_nchanges(const struct ledger_fill *);
void	 ledger_fill_change(const struct ledger_fill *, size_t i, int *cell,
	    struct report_value *before, struct report_value *after);

#endif
