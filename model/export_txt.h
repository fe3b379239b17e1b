/*
 * The report as published plain text (UTF-8, LF): the title
 * "{organ}{year}年政府信息公开工作年度报告", then each section as its
 * numbered heading ("一、总体情况"), a blank line, and either the narrative
 * text exactly as stored or its tables as TAB-separated rows, one row of
 * the printed grid per line, in the layout of the published seeds:
 *
 *   block title row        第二十条第（一）项<TAB>…            (padded with TABs)
 *   header rows            corner, then one cell per value column; a
 *                          merged header is written in its first column
 *                          and the columns it spans are left empty
 *   data rows              the row label in the label column of its depth
 *                          (each group label once, on its first row),
 *                          then the values; blank cells are empty.
 *
 * Text typed in a table section (二, 三, 四) follows its tables after a
 * blank line, as real reports print their notes.
 *
 * Every line of a table has the same number of TABs (the table's grid
 * width minus one), so the importer can read it back by position as well
 * as by label.
 */
#ifndef NB_EXPORT_TXT_H
#define NB_EXPORT_TXT_H

#include "report.h"

/* The report title in lang.  Newly allocated; caller frees. */
char	*export_txt_title(const struct report *, enum lang);
/* Newly allocated; caller frees. */
char	*export_txt(const struct report *, enum lang);

#endif
