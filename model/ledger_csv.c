/*
 * Text registers; see ledger_csv.h.  The bytes are decoded to UTF-8 by
 * importenc (which also turns CR LF into LF), then split in one pass:
 * a small state machine over the decoded text with a scratch buffer for
 * the field being read (quoted fields need "" turned into ").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importenc.h"
#include "ledger_csv.h"
#include "sbuf.h"

#define SNIFF	(64 * 1024)

/* Comma or tab: whichever occurs more often outside quotes. */
static char
sniff(const char *s, size_t len)
{
	size_t	i, commas = 0, tabs = 0;
	bool	quoted = false;

	if (len > SNIFF)
		len = SNIFF;
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == ',')
			commas++;
		else if (!quoted && s[i] == '\t')
			tabs++;
	}
	return (tabs > commas ? '\t' : ',');
}

/* The reading state: where the text is and what the current row is. */
struct csv {
	const char		*s;
	size_t			 len;
	size_t			 pos;
	int			 line;		/* of pos, for errors */
	int			 row;		/* record number */
	int			 col;
	char			 delim;
	struct sbuf		 field;
	struct ledger_grid	*g;
	const char		*path;
	struct err		*err;
};

/* Reads one quoted field (pos just after the opening quote). */
static bool
quoted_field(struct csv *C)
{
	int	opened = C->line;

	for (; C->pos < C->len; C->pos++) {
		char ch = C->s[C->pos];
		if (ch == '"') {
			if (C->pos + 1 < C->len && C->s[C->pos + 1] == '"') {
				sbuf_addc(&C->field, '"');
				C->pos++;
				continue;
			}
			C->pos++;
			return (true);
		}
		if (ch == '\n')
			C->line++;
		sbuf_addc(&C->field, ch);
	}
	err_set(C->err, C->path, opened, 0, "ledger.e_csv_quote", 0);
	return (false);
}

/* Reads one field up to a separator, line end or end of text. */
static bool
field(struct csv *C)
{
	sbuf_truncate(&C->field, 0);
	if (C->pos < C->len && C->s[C->pos] == '"') {
		C->pos++;
		if (!quoted_field(C))
			return (false);
	}
	/* Text after a closing quote, or an unquoted field, as it is. */
	while (C->pos < C->len && C->s[C->pos] != C->delim &&
	    C->s[C->pos] != '\n')
		sbuf_addc(&C->field, C->s[C->pos++]);
	return (ledger_grid_cell(C->g, C->col, C->field.s, C->field.len,
	    LEDGER_TEXT, 0, LEDGER_F_NONE, C->path, C->err));
}

static bool
split(struct csv *C)
{
	while (C->pos < C->len) {
		if (!ledger_grid_row(C->g, ++C->row, C->path, C->err))
			return (false);
		for (C->col = 0;; C->col++) {
			if (!field(C))
				return (false);
			if (C->pos >= C->len)
				break;
			if (C->s[C->pos++] == '\n') {
				C->line++;
				break;
			}
		}
	}
	ledger_grid_end_row(C->g);
	return (true);
}

/*
 * Records in the raw bytes, counted without decoding: '"' and '\n' are
 * single bytes that no multi-byte sequence of UTF-8 or GB18030 contains.
 * -1 for UTF-16, where they are not.  Lets a million-row file be refused
 * before it is converted.
 */
static long
raw_records(const char *buf, size_t len)
{
	size_t	i;
	long	n = 1;
	bool	quoted = false;

	if (len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
	    (buf[0] == '\xfe' && buf[1] == '\xff')))
		return (-1);
	for (i = 0; i < len; i++)
		if (buf[i] == '"')
			quoted = !quoted;
		else if (buf[i] == '\n' && !quoted)
			n++;
	return (n);
}

bool
ledger_csv_parse(const char *buf, size_t len, const char *path,
    struct ledger_grid *g, struct err *err)
{
	struct csv	 C;
	enum importenc	 enc;
	char		*text, max[16];
	size_t		 tlen;
	bool		 ok;

	if (raw_records(buf, len) > LEDGER_MAX_ROWS + 1) {
		snprintf(max, sizeof max, "%d", LEDGER_MAX_ROWS);
		err_set(err, path, 0, 0, "ledger.e_rows", 1, max);
		return (false);
	}
	if ((text = importenc_decode(buf, len, path, &enc, &tlen, err)) ==
	    NULL) {
		if (err->msgid != NULL && strcmp(err->msgid,
		    "import.e_encoding") == 0)
			err->msgid = "ledger.e_encoding";
		else
			err_set(err, path, 0, 0, "ledger.e_binary", 0);
		return (false);
	}
	memset(&C, 0, sizeof C);
	C.s = text;
	C.len = tlen;
	C.line = 1;
	C.delim = sniff(text, tlen);
	C.g = g;
	C.path = path;
	C.err = err;
	sbuf_init(&C.field);
	g->format = "CSV";
	g->encoding = importenc_name(enc);
	g->delim = C.delim;
	ok = ledger_grid_sheet(g, "", path, err) && split(&C);
	sbuf_done(&C.field);
	free(text);
	return (ok);
}
