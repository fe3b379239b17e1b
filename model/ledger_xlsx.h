/*
 * A register saved by Excel, WPS or LibreOffice as .xlsx (Office Open XML
 * spreadsheet), read with libzip and libxml2's streaming reader: no DOM,
 * so a 10,000-row sheet is read in one pass in little memory.
 *
 * Read: the workbook (its 1900 or 1904 date system and its sheets), the
 * shared strings (rich text joined, phonetic guides skipped) and every
 * visible worksheet: numbers, shared and inline strings, booleans, error
 * values, ISO dates (t="d"), and formulas, whose saved value is used
 * (LEDGER_F_CACHED) or, when the file saved none, an empty cell marked
 * LEDGER_F_NO_VALUE.  Styles are not read: a number in a date column is
 * a date serial whatever its format (ledger.h decides by column).
 * Merged cells keep their value in the top-left cell only, as the file
 * stores them.
 *
 * Limits: a package part over LEDGER_XLSX_MAX_PART bytes, or holding more
 * than its declared size, is refused as a zip bomb; DTDs and entities are
 * never expanded; the grid's limits apply (ledger_grid.h).
 */
#ifndef NB_LEDGER_XLSX_H
#define NB_LEDGER_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "ledger_grid.h"

#define LEDGER_XLSX_MAX_PART	(256u * 1024 * 1024)

/*
 * Reads the .xlsx package in buf[0..len) into g, one grid sheet per
 * visible worksheet, in workbook order.  Returns false with *err:
 *   ledger.e_not_xlsx       not a zip, or a zip without a workbook
 *   ledger.e_encrypted      entries are encrypted (a password is set)
 *   ledger.e_zip_bomb {0}=part {1}=MiB   a part too big to be a register
 *   ledger.e_xlsx_xml {0}=part {1}=line  a damaged part
 *   ledger.e_no_sheet       no visible worksheet
 *   ledger.e_no_zip         built without libzip
 *   the grid's ledger.e_rows, ledger.e_too_big, ledger.e_sheets
 */
bool	 ledger_xlsx_parse(const void *buf, size_t len, const char *path,
	    struct ledger_grid *g, struct err *err);

#endif
