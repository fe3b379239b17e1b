/*
 * Opening a register; see ledger.h.  The file is read once into memory
 * (at most LEDGER_MAX_FILE bytes), hashed, and handed to the reader its
 * first bytes call for.  The ledger then owns the grid; the bytes are
 * freed (FreeXL and LibreOffice read the file by its path).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <nettle/sha2.h>

#include "fsio.h"
#include "ledger.h"
#include "ledger_csv.h"
#include "ledger_et.h"
#include "ledger_xls.h"
#include "ledger_xlsx.h"
#include "xmalloc.h"

struct ledger {
	char			*path;
	struct ledger_grid	 g;
	char			 sha[LEDGER_SHA256_HEX];
};

static void
hex_digest(const void *buf, size_t len, char *hex)
{
	struct sha256_ctx	ctx;
	uint8_t			d[SHA256_DIGEST_SIZE];
	size_t			i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, buf);
	sha256_digest(&ctx, sizeof d, d);
	for (i = 0; i < sizeof d; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

bool
ledger_hash_file(const char *path, char *hex)
{
	struct err	 e = { 0 };
	size_t		 len;
	char		*buf;

	if ((buf = fsio_read_file(path, LEDGER_MAX_FILE, &len, &e)) == NULL) {
		err_clear(&e);
		return (false);
	}
	hex_digest(buf, len, hex);
	free(buf);
	return (true);
}

static bool
has_ext(const char *path, const char *ext)
{
	size_t	n = strlen(path), k = strlen(ext);

	return (n > k && strcasecmp(path + n - k, ext) == 0);
}

/* An HTML page: "<html" or "<table" near the start, any case. */
static bool
is_html(const char *buf, size_t len)
{
	size_t	i, n = len < 2048 ? len : 2048;

	for (i = 0; i + 6 <= n; i++)
		if (strncasecmp(buf + i, "<html", 5) == 0 ||
		    strncasecmp(buf + i, "<table", 6) == 0)
			return (true);
	return (false);
}

/* Reads buf (the file's bytes) into the grid by its kind; file: the
 * bytes are those of the file at L->path (FreeXL and LibreOffice read
 * the file itself). */
static bool
dispatch(struct ledger *L, const char *buf, size_t len, bool file,
    struct err *err)
{
	char	*x;
	size_t	 xlen;
	bool	 ok;

	if (file && has_ext(L->path, ".et")) {
		if ((x = ledger_et_to_xlsx(L->path, &xlen, err)) == NULL)
			return (false);
		ok = ledger_xlsx_parse(x, xlen, L->path, &L->g, err);
		free(x);
		return (ok);
	}
	if (len >= 4 && memcmp(buf, "PK", 2) == 0 && buf[2] < 9)
		return (ledger_xlsx_parse(buf, len, L->path, &L->g, err));
	if (ledger_xls_encrypted(buf, len)) {
		err_set(err, L->path, 0, 0, "ledger.e_encrypted", 0);
		return (false);
	}
	if (ledger_xls_is_cfb(buf, len)) {
		if (file)
			return (ledger_xls_read(L->path, &L->g, err));
		err_set(err, L->path, 0, 0, "ledger.e_not_xls", 1, "-");
		return (false);
	}
	if (is_html(buf, len)) {
		err_set(err, L->path, 0, 0, "ledger.e_html", 0);
		return (false);
	}
	return (ledger_csv_parse(buf, len, L->path, &L->g, err));
}

/* A ledger named path read from buf; NULL with *err. */
static struct ledger *
open_bytes(const char *path, const char *buf, size_t len, bool file,
    struct err *err)
{
	struct ledger	*L = xcalloc(1, sizeof *L);

	L->path = xstrdup(path);
	ledger_grid_init(&L->g);
	hex_digest(buf, len, L->sha);
	if (!dispatch(L, buf, len, file, err)) {
		ledger_free(L);
		return (NULL);
	}
	if (L->g.nrows == 0) {
		err_set(err, path, 0, 0, "ledger.e_empty", 0);
		ledger_free(L);
		return (NULL);
	}
	return (L);
}

struct ledger *
ledger_open(const char *path, struct err *err)
{
	struct ledger	*L;
	size_t		 len;
	char		*buf;

	if ((buf = fsio_read_file(path, LEDGER_MAX_FILE, &len, err)) == NULL)
		return (NULL);
	L = open_bytes(path, buf, len, true, err);
	free(buf);
	return (L);
}

struct ledger *
ledger_open_buffer(const char *name, const void *buf, size_t len,
    struct err *err)
{
	return (open_bytes(name, buf, len, false, err));
}

void
ledger_free(struct ledger *L)
{
	if (L == NULL)
		return;
	ledger_grid_done(&L->g);
	free(L->path);
	free(L);
}

const char *
ledger_path(const struct ledger *L)
{
	return (L->path);
}

const struct ledger_grid *
ledger_grid(const struct ledger *L)
{
	return (&L->g);
}

const char *
ledger_sha256(const struct ledger *L)
{
	return (L->sha);
}

char *
ledger_row_ref(const struct ledger *L, size_t row)
{
	const struct ledger_row	*r = &L->g.rows[row];

	if (L->g.nsheets > 1)
		return (xasprintf("%s!%d", L->g.sheets[r->sheet].name,
		    r->number));
	return (xasprintf("%d", r->number));
}
