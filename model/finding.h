/*
 * Import findings: every defect the importer saw in the report as it was
 * published, kept with the report as flags.
 *
 * A finding is one of the importer's notes (import.h: a msgid, the line
 * of the source file, its arguments) that a rule names: the template's
 * rules of kind import_finding (I1..I7, rule_finding.c), or a rule of
 * another kind that already says the same (import.tpl_year_mismatch is
 * R13's defect; such a finding is kept in the file but listed only
 * through that rule's own flag: one defect, one message).
 *
 * Findings are among the report's flags (report_flags, report_nflags,
 * report_cell_flags ...): a flag whose `finding` is not -1 is finding
 * number `finding`.  A finding goes away when its cause is fixed: a cell
 * or row finding when the clerk sets one of its cells (report_set_input,
 * report_set_value), a missing section when its text is written, a blank
 * printed total when the totals are accepted (answer_accept_totals), a
 * 统计期限 of another year when the report's year is set to it.
 * Like any warning it can be answered (answer.h); its answer key is its
 * first cell, else "L" and its line.
 *
 * Kept in the report file under import_findings: (finding_dump,
 * finding_load).  A report without findings pays nothing: it holds no
 * findings at all (made on the first) and every hook returns at once.
 */
#ifndef NB_FINDING_H
#define NB_FINDING_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "report.h"
#include "sbuf.h"
#include "ytree.h"

struct findings;

struct findings	*finding_new(void);
void		 finding_free(struct findings *);

/*
 * Turns the importer's notes into findings of r (appended); notes no
 * rule names (the summary's own: the preamble skipped, the template
 * chosen) are left alone.  Returns how many findings were added.
 */
size_t		 finding_from_notes(struct report *r,
		    const struct errlist *notes);

/* The listed findings (those of an import_finding rule), in all and by
 * severity. */
size_t		 finding_count(const struct report *r);
size_t		 finding_count_severity(const struct report *r,
		    enum tpl_severity sev);

/*
 * Appends the listed findings as flags to out[*n..max) (*n counts on
 * past max, as report_flags does).  With cell >= 0 only those involving
 * that cell, with sec >= 0 only those of that section.
 */
void		 finding_flags(const struct report *r, int cell, int sec,
		    struct report_flag *out, size_t max, size_t *n);

/* Finding k's source line (0 unknown), argument i (0..3, "" if none),
 * importer's msgid, and answer key ("t3.new.natural", "L133").
 * Borrowed. */
int		 finding_line(const struct report *r, int k);
const char	*finding_arg(const struct report *r, int k, int i);
const char	*finding_note(const struct report *r, int k);
const char	*finding_key(const struct report *r, int k);

/* The causes fixed: cell set by the clerk, section sec's text written,
 * the printed totals accepted.  Each drops the findings it fixes. */
void		 finding_fix_cell(struct report *r, int cell);
void		 finding_fix_section(struct report *r, int sec);
void		 finding_fix_totals(struct report *r);

/* The findings as report-file lines (import_findings:). */
void		 finding_dump(struct sbuf *b, const struct report *r);
/* Reads import_findings: (NULL: none).  False on a malformed entry
 * (*err: store.type or store.missing_key with where). */
bool		 finding_load(struct report *r, const struct ytree *list,
		    const char *path, struct err *err);

#endif
