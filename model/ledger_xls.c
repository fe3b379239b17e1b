/*
 * .xls registers through libfreexl; see ledger_xls.h.  FreeXL loads the
 * whole workbook at open (the format is at most 65,536 rows a sheet) and
 * answers cell by cell; each worksheet is walked row by row into the
 * grid, numbers as numbers, texts as UTF-8, date cells as ISO dates.
 */
#include <stdio.h>
#include <string.h>

#include <freexl.h>

#include "ledger_xls.h"

static const unsigned char cfb_magic[8] = {
	0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1
};

bool
ledger_xls_is_cfb(const void *buf, size_t len)
{
	return (len >= sizeof cfb_magic &&
	    memcmp(buf, cfb_magic, sizeof cfb_magic) == 0);
}

bool
ledger_xls_encrypted(const void *buf, size_t len)
{
	/* Directory entry names are UTF-16LE. */
	static const char	name[] = "EncryptedPackage";
	unsigned char		u16[2 * (sizeof name - 1)];
	size_t			i;

	if (!ledger_xls_is_cfb(buf, len))
		return (false);
	for (i = 0; i + 1 < sizeof name; i++) {
		u16[2 * i] = (unsigned char)name[i];
		u16[2 * i + 1] = 0;
	}
	return (memmem(buf, len, u16, sizeof u16) != NULL);
}

/* Adds one FreeXL cell value at col of the current row. */
static bool
add_value(struct ledger_grid *g, int col, const FreeXL_CellValue *v,
    const char *path, struct err *err)
{
	char	num[64];

	switch (v->type) {
	case FREEXL_CELL_INT:
		snprintf(num, sizeof num, "%d", v->value.int_value);
		return (ledger_grid_cell(g, col, num, strlen(num),
		    LEDGER_NUMBER, v->value.int_value, LEDGER_F_NONE, path,
		    err));
	case FREEXL_CELL_DOUBLE:
		snprintf(num, sizeof num, "%.15g", v->value.double_value);
		return (ledger_grid_cell(g, col, num, strlen(num),
		    LEDGER_NUMBER, v->value.double_value, LEDGER_F_NONE, path,
		    err));
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
		if (v->value.text_value == NULL)
			return (true);
		return (ledger_grid_cell(g, col, v->value.text_value,
		    strnlen(v->value.text_value, 10), LEDGER_DATE, 0,
		    LEDGER_F_NONE, path, err));
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_TIME:
		if (v->value.text_value == NULL)
			return (true);
		return (ledger_grid_cell(g, col, v->value.text_value,
		    strlen(v->value.text_value), LEDGER_TEXT, 0,
		    LEDGER_F_NONE, path, err));
	default:
		return (true);
	}
}

static bool
read_sheet(const void *h, unsigned short idx, struct ledger_grid *g,
    const char *path, struct err *err)
{
	FreeXL_CellValue	 v;
	const char		*name = NULL;
	unsigned int		 rows, r;
	unsigned short		 cols, c;

	if (freexl_get_worksheet_name(h, idx, &name) != FREEXL_OK)
		name = NULL;
	if (!ledger_grid_sheet(g, name, path, err))
		return (false);
	if (freexl_select_active_worksheet(h, idx) != FREEXL_OK ||
	    freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
		return (true);
	for (r = 0; r < rows; r++) {
		if (!ledger_grid_row(g, (int)r + 1, path, err))
			return (false);
		for (c = 0; c < cols; c++)
			if (freexl_get_cell_value(h, r, c, &v) == FREEXL_OK &&
			    !add_value(g, c, &v, path, err))
				return (false);
	}
	ledger_grid_end_row(g);
	return (true);
}

static bool
fail(struct err *err, const char *path, int code)
{
	char	buf[16];

	snprintf(buf, sizeof buf, "%d", code);
	err_set(err, path, 0, 0, "ledger.e_not_xls", 1, buf);
	return (false);
}

bool
ledger_xls_read(const char *path, struct ledger_grid *g, struct err *err)
{
	const void	*h = NULL;
	unsigned int	 info, nsheets = 0, i;
	int		 rc;
	bool		 ok = true;

	g->format = "XLS";
	if ((rc = freexl_open(path, &h)) != FREEXL_OK) {
		freexl_close(h);
		return (fail(err, path, rc));
	}
	if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	    info == FREEXL_BIFF_OBFUSCATED) {
		freexl_close(h);
		err_set(err, path, 0, 0, "ledger.e_encrypted", 0);
		return (false);
	}
	if (freexl_get_info(h, FREEXL_BIFF_DATEMODE, &info) == FREEXL_OK)
		g->date1904 = info == FREEXL_BIFF_DATEMODE_1904;
	if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets) !=
	    FREEXL_OK)
		nsheets = 0;
	for (i = 0; ok && i < nsheets && i < LEDGER_MAX_SHEETS; i++)
		ok = read_sheet(h, (unsigned short)i, g, path, err);
	freexl_close(h);
	if (ok && g->nsheets == 0) {
		err_set(err, path, 0, 0, "ledger.e_no_sheet", 0);
		ok = false;
	}
	return (ok);
}
