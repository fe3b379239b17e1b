/*
 * libFuzzer target for the .docx reader: bytes starting "PK" go through
 * import_docx_text() (libzip, then the document part), any others
 * through import_docx_xml() as the document part itself, where the
 * mutations reach the XML tokenizer and the grid walk.  Text that comes
 * out must be valid UTF-8 without NUL bytes and within the size limit; a
 * refusal must say why.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "err.h"
#include "import_docx.h"

static void
check_text(const char *t)
{
	size_t	len = strlen(t);
	int32_t	i = 0, n;
	UChar32	c;

	if (len > IMPORT_DOCX_MAX_TEXT + IMPORT_DOCX_MAX_COLS) {
		fprintf(stderr, "fuzz_docx: %zu bytes of text\n", len);
		abort();
	}
	n = (int32_t)len;
	while (i < n) {
		U8_NEXT(t, i, n, c);
		if (c < 0) {
			fprintf(stderr, "fuzz_docx: bad UTF-8 at %d\n", i);
			abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err	 e = { 0 };
	const char	*buf = (const char *)data;
	char		*t;

	if (size >= 2 && memcmp(buf, "PK", 2) == 0)
		t = import_docx_text(buf, size, "fuzz.docx", &e);
	else
		t = import_docx_xml(buf, size, "fuzz.docx", "word/document.xml",
		    &e);
	if (t == NULL) {
		if (e.msgid == NULL)
			abort();	/* refused without a reason */
		err_clear(&e);
		return (0);
	}
	if (e.msgid != NULL)
		abort();		/* an error set on success */
	check_text(t);
	free(t);
	return (0);
}
