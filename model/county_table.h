/*
 * A report's tables in the official layout as HTML: one <table> per block
 * of the template, its header tree as merged header cells (colspan,
 * rowspan) with the block's corner text, its row label tree as merged
 * label cells, every figure formatted exactly (blank cells empty).  The
 * markup is plain (classes "official", "num") for the page's stylesheet
 * to draw; every text is HTML-escaped.
 *
 * The county page's summed tables use it.  (The single-report HTML
 * export of the publish branch has its own table writer; the two could
 * share one later.)
 */
#ifndef NB_COUNTY_TABLE_H
#define NB_COUNTY_TABLE_H

#include "report.h"

struct sbuf;

/* Appends s with & < > " ' escaped. */
void	county_table_esc(struct sbuf *, const char *s);

/* Appends every table of r, each block under its section's heading. */
void	county_table_html(struct sbuf *, const struct report *r, enum lang);

#endif
