/*
 * WPS Spreadsheets' own .et files.  No library in Debian reads them, so
 * they are converted to .xlsx by LibreOffice when it is installed
 * (soffice --headless --convert-to xlsx, with a private profile in a
 * temporary folder so that a LibreOffice the clerk has open is not
 * disturbed); otherwise the clerk is told to save the register as .xlsx
 * or .csv from WPS.
 */
#ifndef NB_LEDGER_ET_H
#define NB_LEDGER_ET_H

#include <stddef.h>

#include "err.h"

/* Seconds LibreOffice may take before it is stopped. */
#define LEDGER_ET_TIMEOUT	120

/*
 * The .xlsx bytes LibreOffice makes of the .et at path (newly allocated,
 * caller frees; *len its size), or NULL with *err:
 *   ledger.e_et_no_office    soffice (or libreoffice) is not on PATH
 *   ledger.e_et_convert      LibreOffice ran but made no .xlsx
 *   ledger.e_et_timeout {0}=seconds
 *   file.* for the temporary folder
 * Every temporary file is removed before it returns.
 */
char	*ledger_et_to_xlsx(const char *path, size_t *len, struct err *err);

#endif
