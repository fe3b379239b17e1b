/*
 * The encodings reports come in, turned into the one the model uses:
 * UTF-8 without a byte-order mark, lines ending in LF.
 *
 * Detection, in order: a UTF-8 BOM (EF BB BF); a UTF-16 BOM (FF FE little
 * endian, FE FF big endian); bytes that are valid UTF-8; otherwise
 * GB18030 (which includes GBK and GB2312).  Conversion goes through ICU
 * converters with the STOP callback, so a byte sequence that is not valid
 * in the detected encoding is an error with its line, never a silent
 * U+FFFD.  After conversion CRLF and lone CR become LF, form feeds
 * (pdftotext's page breaks) are removed, and NUL or other C0 controls
 * except TAB and LF make the input "not text".
 */
#ifndef NB_IMPORTENC_H
#define NB_IMPORTENC_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

enum importenc {
	IMPORTENC_UTF8,
	IMPORTENC_UTF8_BOM,
	IMPORTENC_UTF16LE,
	IMPORTENC_UTF16BE,
	IMPORTENC_GB18030,
	IMPORTENC_DOCX,		/* a Word document (import_docx.h) */
	IMPORTENC_PDF		/* a PDF (import_pdf.h) */
};

/* "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030", "DOCX",
 * "PDF": a static string. */
const char	*importenc_name(enum importenc);

/*
 * Decodes len bytes of buf.  Returns newly allocated UTF-8 (NUL-terminated,
 * caller frees) with its length in *outlen, and the encoding found in
 * *enc; or NULL with *err set (err->path = path):
 *   import.e_encoding {0}=encoding name    invalid bytes (err->line set)
 *   import.e_binary                        NUL or control bytes: not text
 * A CRLF or CR line end stays one line, so line numbers in the result are
 * those of the input.
 */
char		*importenc_decode(const char *buf, size_t len, const char *path,
		    enum importenc *enc, size_t *outlen, struct err *err);

/*
 * The same for text that declares its own encoding (a web page's
 * <meta charset>): declared, if not NULL, is the name it gives.  A name
 * of UTF-8 or of the GB family (GB2312, GBK, GB18030, CP936, ...) is
 * tried first, unless a byte-order mark says otherwise; when the bytes are
 * not valid in it, or the name is one of no encoding read here, detection
 * decides as above.  *followed (if not NULL) is set false when a
 * declaration was given and not followed.
 */
char		*importenc_decode_as(const char *buf, size_t len,
		    const char *path, const char *declared,
		    enum importenc *enc, size_t *outlen, bool *followed,
		    struct err *err);

#endif
