/*
 * Scripted filling of a report's tables through the keyless editor
 * (edutil.h), counting the keys a clerk presses: the figure behind
 * issue 12's "fill the zeros in one key".  Used by test_ed_zero.c (which
 * holds the count under its target) and tests/bench/bench_ed_fill.c
 * (which prints it).
 */
#ifndef NB_EDSCRIPT_H
#define NB_EDSCRIPT_H

#include <stdbool.h>
#include <stddef.h>

struct eu;
struct report;

/*
 * The report of the published text at path (tests/data/real/...),
 * imported on gb2021 (edfix_tpl).  Caller frees.
 */
struct report	*edscript_seed(const char *path);
/* A gb2021 report for 测试镇人民政府 of year with every cell blank, in
 * the test's folder as name.  Returns its path (freed by teardown). */
char		*edscript_blank(const char *name, int year);

/*
 * Fills the tables of the report open in e (all blank, at its first
 * section) with want's values as a clerk would: F6 to each table
 * section, Tab from cell to cell, the value's characters typed.  With
 * zeros, only the values other than 0 are typed and Ctrl-B (three
 * presses: row, table, report) fills the rest; without, every value is
 * typed, 0 included.  Returns the number of keys pressed.
 */
size_t		 edscript_fill(struct eu *e, const struct report *want,
		    bool zeros);

#endif
