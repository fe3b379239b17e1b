/*
 * Encoding detection and conversion for imported text; see importenc.h.
 *
 * Conversion is two steps: bytes -> UTF-16 with an ICU converter whose
 * to-Unicode callback is STOP (the first invalid sequence ends it with an
 * error and the source pointer tells where), then UTF-16 -> UTF-8 while
 * normalising line ends and dropping controls.  When the bytes are not
 * valid UTF-8 and carry no BOM, GB18030 is tried; if both fail, the error
 * reported is that of the encoding that got further, which is the one the
 * file most likely is in.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include "importenc.h"
#include "sbuf.h"
#include "xmalloc.h"

const char *
importenc_name(enum importenc e)
{
	switch (e) {
	case IMPORTENC_UTF8:
		return ("UTF-8");
	case IMPORTENC_UTF8_BOM:
		return ("UTF-8 (BOM)");
	case IMPORTENC_UTF16LE:
		return ("UTF-16LE");
	case IMPORTENC_UTF16BE:
		return ("UTF-16BE");
	case IMPORTENC_GB18030:
		return ("GB18030");
	case IMPORTENC_DOCX:
		return ("DOCX");
	case IMPORTENC_PDF:
		return ("PDF");
	}
	return ("?");
}

/* The outcome of one attempt to convert. */
struct conv {
	UChar	*u;		/* newly allocated on success */
	size_t	 ulen;
	size_t	 stop;		/* bytes consumed before an error */
	int	 line;		/* line of the error, 1-based */
};

/*
 * Converts buf[0..len) from the ICU converter name to UTF-16.  Returns
 * false on the first invalid sequence, with c->stop and c->line set.
 */
static bool
to_utf16(const char *name, const char *buf, size_t len, struct conv *c)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UConverter	*cv = ucnv_open(name, &st);
	const char	*src = buf;
	UChar		*dst;
	size_t		 i;
	bool		 ok;

	memset(c, 0, sizeof *c);
	if (U_FAILURE(st))
		return (false);
	ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL,
	    &st);
	/* Every byte yields at most one UTF-16 unit in these encodings,
	 * except GB18030 four-byte sequences, which yield at most two. */
	c->u = xcalloc(len + 1, sizeof *c->u);
	dst = c->u;
	ucnv_toUnicode(cv, &dst, c->u + len, &src, buf + len, NULL, true, &st);
	ok = U_SUCCESS(st);
	ucnv_close(cv);
	c->ulen = (size_t)(dst - c->u);
	c->stop = (size_t)(src - buf);
	c->line = 1;
	for (i = 0; i < c->ulen; i++)
		if (c->u[i] == '\n')
			c->line++;
	if (!ok) {
		free(c->u);
		c->u = NULL;
	}
	return (ok);
}

/* UTF-16 -> UTF-8 with LF line ends; false if a NUL is found. */
static bool
to_utf8(const UChar *u, size_t n, struct sbuf *b)
{
	UErrorCode	st;
	char		tmp[8];
	int32_t		k;
	size_t		i;
	UChar32		c;

	for (i = 0; i < n; i++) {
		c = u[i];
		if (c == 0)
			return (false);
		if (c == '\r') {
			if (i + 1 < n && u[i + 1] == '\n')
				continue;
			sbuf_addc(b, '\n');
			continue;
		}
		if (c < 0x20 && c != '\t' && c != '\n')
			continue;	/* form feeds and stray controls */
		if (c == 0xfeff)
			continue;	/* a BOM, or a BOM left mid-file */
		if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(u[i + 1])) {
			c = U16_GET_SUPPLEMENTARY(c, u[i + 1]);
			i++;
		}
		st = U_ZERO_ERROR;
		k = 0;
		U8_APPEND(tmp, k, (int32_t)sizeof tmp, c, st);
		(void)st;
		sbuf_add(b, tmp, (size_t)k);
	}
	return (true);
}

/* Picks the encoding and converts; false with *fail the best failure. */
static bool
detect(const char *buf, size_t len, enum importenc *enc, struct conv *c,
    struct conv *fail, const char **failname)
{
	const unsigned char *p = (const unsigned char *)buf;
	struct conv	 gb;

	if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		*enc = IMPORTENC_UTF8_BOM;
		*failname = "UTF-8";
		if (to_utf16("UTF-8", buf + 3, len - 3, c))
			return (true);
		*fail = *c;
		return (false);
	}
	if (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff))) {
		*enc = p[0] == 0xff ? IMPORTENC_UTF16LE : IMPORTENC_UTF16BE;
		*failname = importenc_name(*enc);
		if (to_utf16(*failname, buf + 2, len - 2, c))
			return (true);
		*fail = *c;
		return (false);
	}
	*enc = IMPORTENC_UTF8;
	if (to_utf16("UTF-8", buf, len, c))
		return (true);
	*fail = *c;
	*failname = "UTF-8";
	*enc = IMPORTENC_GB18030;
	if (to_utf16("GB18030", buf, len, &gb)) {
		*c = gb;
		return (true);
	}
	if (gb.stop > fail->stop) {
		*fail = gb;
		*failname = "GB18030";
	}
	return (false);
}

/* The encoding a declared charset name means, if it is one we read:
 * IMPORTENC_UTF8, IMPORTENC_GB18030, or -1. */
static int
declared_enc(const char *name)
{
	static const char *const gb[] = { "gb2312", "gbk", "gb18030",
	    "cp936", "x-gbk", "ms936", "windows-936", "euc-cn", "csgb2312",
	    "gb_2312-80", "iso-ir-58", "chinese", "csiso58gb231280" };
	size_t	i;

	if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0)
		return (IMPORTENC_UTF8);
	for (i = 0; i < sizeof gb / sizeof gb[0]; i++)
		if (strcasecmp(name, gb[i]) == 0)
			return (IMPORTENC_GB18030);
	return (-1);
}

/* Converts with the declared encoding (no BOM); false if it fails. */
static bool
as_declared(const char *buf, size_t len, int want, enum importenc *enc,
    struct conv *c)
{
	const unsigned char *p = (const unsigned char *)buf;

	if (want < 0 || (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff))) || (len >= 3 && p[0] == 0xef &&
	    p[1] == 0xbb && p[2] == 0xbf))
		return (false);	/* a byte-order mark wins, as in a browser */
	*enc = (enum importenc)want;
	return (to_utf16(want == IMPORTENC_UTF8 ? "UTF-8" : "GB18030", buf,
	    len, c));
}

char *
importenc_decode(const char *buf, size_t len, const char *path,
    enum importenc *enc, size_t *outlen, struct err *err)
{
	return (importenc_decode_as(buf, len, path, NULL, enc, outlen, NULL,
	    err));
}

char *
importenc_decode_as(const char *buf, size_t len, const char *path,
    const char *declared, enum importenc *enc, size_t *outlen,
    bool *followed, struct err *err)
{
	struct conv	 c, fail = { 0 };
	const char	*failname = "UTF-8";
	struct sbuf	 b;
	bool		 utf16, ok;

	utf16 = len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
	    (buf[0] == '\xfe' && buf[1] == '\xff'));
	if (!utf16 && memchr(buf, '\0', len) != NULL) {
		err_set(err, path, 0, 0, "import.e_binary", 0);
		return (NULL);
	}
	ok = declared != NULL && as_declared(buf, len, declared_enc(declared),
	    enc, &c);
	if (followed != NULL)
		*followed = declared == NULL || ok;
	if (!ok && !detect(buf, len, enc, &c, &fail, &failname)) {
		err_set(err, path, fail.line, 0, "import.e_encoding", 1,
		    failname);
		return (NULL);
	}
	sbuf_init(&b);
	if (!to_utf8(c.u, c.ulen, &b)) {
		free(c.u);
		sbuf_done(&b);
		err_set(err, path, 0, 0, "import.e_binary", 0);
		return (NULL);
	}
	free(c.u);
	*outlen = b.len;
	return (sbuf_take(&b));
}
