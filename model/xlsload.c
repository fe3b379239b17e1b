/*
 * FreeXL, loaded on first use: only `nianbao ledger` and the editor's
 * register read an .xls, so no other command or editor start maps it
 * (issue 17; tests/bench/README.md).  Each FreeXL function nianbao calls
 * is defined here with <freexl.h>'s prototype as a forwarder to
 * libfreexl.so.1 opened at the first call (dlfwd.h).  When FreeXL cannot
 * be opened, each call returns FREEXL_INVALID_HANDLE, which the register
 * reader reports as a file it cannot read.  Adding a call: one line in
 * FX_FUNCS.
 */
#include <freexl.h>

#include "dlfwd.h"

#define FX_FAIL	FREEXL_INVALID_HANDLE

#define FX_FUNCS(X, V) \
	X(int, freexl_open, (const char *a, const void **b), (a, b), FX_FAIL) \
	X(int, freexl_close, (const void *a), (a), FX_FAIL) \
	X(int, freexl_get_info, (const void *a, unsigned short b, \
	    unsigned int *c), (a, b, c), FX_FAIL) \
	X(int, freexl_get_worksheet_name, (const void *a, unsigned short b, \
	    const char **c), (a, b, c), FX_FAIL) \
	X(int, freexl_select_active_worksheet, (const void *a, \
	    unsigned short b), (a, b), FX_FAIL) \
	X(int, freexl_worksheet_dimensions, (const void *a, unsigned int *b, \
	    unsigned short *c), (a, b, c), FX_FAIL) \
	X(int, freexl_get_cell_value, (const void *a, unsigned int b, \
	    unsigned short c, FreeXL_CellValue *d), (a, b, c, d), FX_FAIL)

DLFWD_DEFINE("libfreexl.so.1", FX_FUNCS)
