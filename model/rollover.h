/*
 * A new year from the last one (nianbao new --from LAST.yaml FILE): the
 * report a clerk starts from in January.
 *
 * What carries over is read from the template, not hard-coded: every rule
 * instance of the form  CELL = prev(CELL')  (R5: t3.carried_in.{col} =
 * prev(t3.carried_out.{col})) says that this year's CELL starts as last
 * year's CELL'.  Last year's CELL' values are also kept in the new report
 * (report_set_prev_value, saved under previous:), so the rule is checked
 * from then on and fires when the two are edited apart.  Nothing else is
 * copied: the organ is, the narratives are not (the format forbids the
 * same text year after year), nor any other figure.  Last year's texts are
 * kept as a reference (report_prev_text: shown in the editor, compared by
 * the text_prev_similar rules), never as this year's text.
 */
#ifndef NB_ROLLOVER_H
#define NB_ROLLOVER_H

#include <stddef.h>

#include "err.h"
#include "report.h"
#include "tpl.h"

/*
 * The report for the year after last's: organ copied, year = last's + 1
 * (or year, if > 0), template tpl_id if not NULL, else the one for that
 * year (tpl_for_year).  Returns a new report (caller frees) or NULL with
 * *err set: rollover.e_template {0}=id (no such template),
 * rollover.e_no_template {0}=year (none for that year), rollover.e_year
 * (last has no year and none was given).
 */
struct report	*rollover_new(const struct report *last, int year,
		    const char *tpl_id, struct tpl *const *tpls, size_t ntpls,
		    struct err *err);

#endif
