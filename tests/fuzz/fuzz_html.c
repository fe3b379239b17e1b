/*
 * libFuzzer target for the web page reader: any bytes as a saved page
 * (import_html_read, with the installed templates), then the page's text
 * through the reader (import_txt_read, on the 2021 format).  The text made must be
 * valid UTF-8 with a line number for every line; a refusal must say why;
 * an imported report must be one the program can keep.  The tree is
 * walked without recursion, so deep pages must not crash it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "err.h"
#include "fuzzutil.h"
#include "import.h"
#include "import_html.h"
#include "import_txt.h"

static struct tpl	**tpls;
static size_t		  ntpls;
static const struct tpl	 *t2021;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tpls = fuzz_templates("fuzz_html", &ntpls);
	if ((t2021 = tpl_by_id(tpls, ntpls, "gb2021")) == NULL)
		abort();
	return (0);
}

static void
check_page(const struct import_html *h)
{
	int32_t	i = 0, n = (int32_t)h->len;
	UChar32	c;
	size_t	lines = 0, k;

	if (strlen(h->text) != h->len)
		abort();
	while (i < n) {
		U8_NEXT(h->text, i, n, c);
		if (c < 0)
			abort();	/* not UTF-8 */
		lines += c == '\n';
	}
	if (h->nlines < lines)
		abort();		/* a line without its page line */
	for (k = 0; k < 10 && h->published_on[k] != '\0'; k++)
		;
	if (h->published_on[0] != '\0' && k != 10)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_txt_info	 info;
	struct import_html	 page;
	struct errlist		 notes;
	struct err		 e = { 0 };
	struct report		*r = NULL;

	errlist_init(&notes);
	if (import_html_read((const char *)data, size, "fuzz.html", tpls,
	    ntpls, &page, &notes, &e)) {
		check_page(&page);
		/* The page's text through the reader, on the 2021 format. */
		r = import_txt_read(page.text, page.len, page.srcline,
		    page.nlines, "fuzz.html", t2021, &info, &notes, &e);
		import_html_done(&page);
	}
	if (r == NULL && e.msgid == NULL)
		abort();	/* refused without a reason */
	err_clear(&e);
	errlist_done(&notes);
	if (r != NULL) {
		fuzz_check_import(r, tpls, ntpls, "fuzz_html");
		report_free(r);
	}
	return (0);
}
