/*
 * What the import suites (test_import*.c) share: reading a fixture,
 * importing it, and checking a report's rows, notes and flags against
 * values written down from the original.
 */
#ifndef NB_IMPORTUTIL_H
#define NB_IMPORTUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "import.h"
#include "report.h"
#include "tpl.h"

/* The source tree's templates, loaded by iu_suite_init (a suite's
 * .init) and freed by iu_suite_fini (its .fini). */
extern struct tpl	**iu_tpls;
extern size_t		  iu_ntpls;
void		 iu_suite_init(void);
void		 iu_suite_fini(void);

/* A file's bytes, as they are (aborts the test if it cannot be read).
 * Caller frees. */
char		*iu_slurp(const char *path, size_t *len);

/* import_buffer of buf as path; aborts the test if it fails.  *s is
 * initialised here; the caller calls import_summary_done. */
struct report	*iu_import(const char *buf, size_t len, const char *path,
		    const char *tid, struct tpl *const *tpls, size_t ntpls,
		    struct import_summary *s);

/* The value as printed: the published one if kept, else the report's;
 * "~" when blank.  buf holds NUM_FMT_MAX bytes. */
void		 iu_printed(const struct report *, int cell, char *buf);

/* Row "t3.new" of the report against "3001 53 0 0 61 4 3119" (one value
 * per column, "~" blank). */
void		 iu_expect_row(const struct report *, const char *row,
		    const char *vals);
/* Every row of a block against the same values. */
void		 iu_expect_all_rows(const struct report *, const char *block,
		    const char *vals);

/* a and b hold the same cells (printed values as iu_printed gives
 * them), section texts, organ and year; how names the case in
 * failures. */
void		 iu_expect_same(const struct report *a, const struct report *b,
		    const char *how);

/* Notes with msgid (at line, if line > 0). */
size_t		 iu_notes(const struct import_summary *, const char *msgid,
		    int line);
/* A note with msgid whose first argument contains what (at line, if
 * line > 0). */
bool		 iu_note_about(const struct import_summary *,
		    const char *msgid, const char *what, int line);
/* Failing instances of rule id (on cell id, if not NULL). */
size_t		 iu_flags(const struct report *, const char *rule,
		    const char *cell);

#endif
