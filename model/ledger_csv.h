/*
 * A register saved as text: .csv (comma-separated) or tab-separated, in
 * UTF-8 (with or without a BOM), GB18030 (GBK, as WPS and Excel save
 * "CSV" on a Chinese Windows) or UTF-16 with a BOM (Excel's "Unicode
 * text").  Fields follow RFC 4180 as spreadsheets write it: a field in
 * double quotes may hold separators, line breaks and "" for a quote; a
 * quote inside an unquoted field is an ordinary character.
 */
#ifndef NB_LEDGER_CSV_H
#define NB_LEDGER_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "ledger_grid.h"

/*
 * Reads len bytes of buf into g as one sheet named "".  The separator is
 * the one of comma and tab found more often outside quotes in the first
 * 64 KiB.  Row numbers are record numbers (a quoted line break does not
 * start a new row, as in a spreadsheet).  Returns false with *err:
 *   ledger.e_encoding {0}=encoding (err->line: the line of the bad bytes)
 *   ledger.e_binary        not text (and not a spreadsheet either)
 *   ledger.e_csv_quote     a quote opened at err->line is never closed
 *   ledger.e_rows, ledger.e_too_big (ledger_grid.h)
 */
bool	 ledger_csv_parse(const char *buf, size_t len, const char *path,
	    struct ledger_grid *g, struct err *err);

#endif
