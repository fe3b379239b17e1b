/*
 * An office's register of 政府信息公开申请 (the 申请登记表 or 台账), opened
 * from the file a clerk keeps: .xlsx, .xls, .csv or tab-separated text,
 * or WPS's .et through LibreOffice.  Opening reads every sheet into a
 * grid (ledger_grid.h) and keeps a SHA-256 of the file's bytes, so that a
 * report counted from it can later tell whether the register changed.
 *
 * The format is found from the bytes, not the name: a zip is an .xlsx, an
 * OLE compound file an .xls (or an encrypted .xlsx, said as such), an
 * HTML page (what many web systems save as ".xls") is named as one, and
 * anything else is read as text.  Only a name ending in .et goes through
 * LibreOffice.
 *
 * Counting is in ledger_count.h; the map of columns and values in
 * ledger_map.h; where each number came from in ledger_prov.h.
 */
#ifndef NB_LEDGER_H
#define NB_LEDGER_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "ledger_grid.h"

#define LEDGER_MAX_FILE		(64u * 1024 * 1024)
#define LEDGER_SHA256_HEX	65	/* 64 hex digits and a NUL */

struct ledger;

/*
 * Opens the register at path.  Returns a new ledger (caller frees) or
 * NULL with *err: the reader's errors (ledger_csv.h, ledger_xlsx.h,
 * ledger_xls.h, ledger_et.h), file.* from reading it, and
 *   ledger.e_html       an HTML page saved under a spreadsheet's name
 *   ledger.e_empty      the file holds no cell at all
 */
struct ledger	*ledger_open(const char *path, struct err *err);
/*
 * The same from len bytes in memory, named name in messages: .xlsx and
 * text only (an .xls is refused with ledger.e_not_xls, an .et is read
 * by its bytes).  For the fuzz targets and callers that hold the bytes.
 */
struct ledger	*ledger_open_buffer(const char *name, const void *buf,
		    size_t len, struct err *err);
void		 ledger_free(struct ledger *);

/* Borrowed; valid while the ledger lives. */
const char	*ledger_path(const struct ledger *);
const struct ledger_grid *ledger_grid(const struct ledger *);
/* The SHA-256 of the file's bytes in lower-case hex. */
const char	*ledger_sha256(const struct ledger *);

/*
 * The SHA-256 of the file at path now, into hex[LEDGER_SHA256_HEX];
 * false when it cannot be read (missing, not a regular file, too big).
 */
bool		 ledger_hash_file(const char *path, char *hex);

/*
 * How a row is named in messages and provenance: "12" (the row number
 * the spreadsheet shows) or, in a register of several sheets,
 * "2024年!12".  Newly allocated; caller frees.
 */
char		*ledger_row_ref(const struct ledger *, size_t row);

#endif
