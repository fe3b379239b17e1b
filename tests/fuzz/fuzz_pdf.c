/*
 * libFuzzer target for the PDF reader: any bytes through poppler, in
 * process (pdfpop_pages, as the helper program runs it), the pages then
 * through import_pdf_pages and the whole importer.  Poppler must neither
 * crash nor leak on any input; the text must be UTF-8; a refusal must
 * say why; an imported report must be one the program can keep.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fuzzutil.h"
#include "import.h"
#include "import_pdf.h"
#include "pdfpop.h"
#include "sbuf.h"

static struct tpl	**tpls;
static size_t		  ntpls;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tpls = fuzz_templates("fuzz_pdf", &ntpls);
	return (0);
}

static int
page(void *arg, int no, const char *text, size_t n)
{
	struct sbuf	*b = arg;

	(void)no;
	while (n > 0 && text[n - 1] == '\f')
		n--;
	sbuf_add(b, text, n);
	sbuf_addc(b, '\f');
	return (b->len > IMPORT_PDF_MAX_TEXT);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_summary	 sum;
	struct errlist		 notes;
	struct err		 e = { 0 };
	struct report		*r;
	struct sbuf		 b;
	char			*text;

	sbuf_init(&b);
	if (pdfpop_pages((const char *)data, size, IMPORT_PDF_MAX_PAGES,
	    page, &b) != PDFPOP_OK) {
		sbuf_done(&b);
		return (0);
	}
	errlist_init(&notes);
	text = import_pdf_pages(b.s, b.len, "fuzz.pdf", &notes, &e);
	sbuf_done(&b);
	errlist_done(&notes);
	if (text == NULL) {
		if (e.msgid == NULL)
			abort();
		err_clear(&e);
		return (0);
	}
	import_summary_init(&sum);
	r = import_buffer(text, strlen(text), "fuzz.pdf", NULL, tpls, ntpls,
	    &sum, &e);
	import_summary_done(&sum);
	free(text);
	if (r == NULL) {
		if (e.msgid == NULL)
			abort();
		err_clear(&e);
		return (0);
	}
	fuzz_check_import(r, tpls, ntpls, "fuzz_pdf");
	report_free(r);
	return (0);
}
