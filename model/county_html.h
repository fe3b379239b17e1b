/*
 * The county page (`check -r DIR --html OUT.html`): one self-contained
 * HTML5 page, inline CSS and no script, that a county reviewer opens in
 * any browser or publishes as it is.  In order:
 *
 *   #summary   how many reports, organs, clean, with warnings, with errors,
 *              unreadable (each <dd> carries data-count);
 *   #grid      organs × years, each cell the report's status (class
 *              st-clean, st-warnings, st-errors) linking to its section;
 *   #merged    the organs whose names were merged, with every spelling;
 *   #chart     flag counts by rule as an inline SVG bar chart drawn here
 *              (each bar a <rect data-rule data-count>);
 *   #rates     per organ and year, then per year for the county: 本年新收
 *              申请 (and per organ), 实质公开率 and 复议纠错率 as exact
 *              fractions with a rounded percentage (rates.h);
 *   #sums      each year's summed tables in the official layout
 *              (county_table.h), when the batch kept sums;
 *   #reports   one <article id="r-N"> per file (N its index in the
 *              batch): its flags and cross-report findings, the latter
 *              linking to the other report's article; a file that could
 *              not be read says why.
 *
 * Everything that comes from a report file (organ names, paths, messages
 * quoting its text) is HTML-escaped: the page may be published.  Labels
 * are in i18n's language.  The batch must have been through batch_check
 * (with keep_flags, for the flags to be listed) and batch_cross.
 */
#ifndef NB_COUNTY_HTML_H
#define NB_COUNTY_HTML_H

#include "batch.h"
#include "i18n.h"

/* The page.  title, if not NULL, names the folder in the heading.
 * Newly allocated; caller frees. */
char	*county_html(const struct batch *, const struct i18n *,
	    const char *title);

#endif
