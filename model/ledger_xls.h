/*
 * Registers in the binary formats of the Office 97 family, which are
 * OLE compound files: Excel's .xls (read with libfreexl) and, recognised
 * only to say so, an .xlsx that Excel or WPS encrypted with a password
 * (its package sits in an "EncryptedPackage" stream of a compound file).
 */
#ifndef NB_LEDGER_XLS_H
#define NB_LEDGER_XLS_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "ledger_grid.h"

/* Whether buf starts with the compound file signature D0 CF 11 E0. */
bool	 ledger_xls_is_cfb(const void *buf, size_t len);

/* Whether the compound file in buf names an EncryptedPackage stream: an
 * encrypted .xlsx. */
bool	 ledger_xls_encrypted(const void *buf, size_t len);

/*
 * Reads the .xls at path into g, one grid sheet per worksheet.  Dates
 * the file formats as dates arrive as LEDGER_DATE ("YYYY-MM-DD"); the
 * workbook's 1904 date system sets g->date1904.  Returns false with *err:
 *   ledger.e_encrypted    the workbook is protected by a password
 *   ledger.e_not_xls      libfreexl cannot read it {0}=its error code
 *   ledger.e_no_sheet     no worksheet
 *   the grid's limits (ledger_grid.h)
 */
bool	 ledger_xls_read(const char *path, struct ledger_grid *g,
	    struct err *err);

#endif
