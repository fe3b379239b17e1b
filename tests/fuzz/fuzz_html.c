/*
 * libFuzzer target for the web page reader: any bytes as a saved page
 * (import_html_read, with the installed templates), then the page
 * through the whole importer (import_buffer).  The text made must be
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

static struct tpl	**tpls;
static size_t		  ntpls;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tpls = fuzz_templates("fuzz_html", &ntpls);
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
	struct import_summary	 sum;
	struct import_html	 page;
	struct errlist		 notes;
	struct err		 e = { 0 };
	struct report		*r;
	const char		*buf = (const char *)data;

	errlist_init(&notes);
	if (import_html_read(buf, size, "fuzz.html", tpls, ntpls, &page,
	    &notes, &e)) {
		check_page(&page);
		import_html_done(&page);
	} else if (e.msgid == NULL)
		abort();	/* refused without a reason */
	err_clear(&e);
	errlist_done(&notes);
	if (!import_html_sniff(buf, size))
		return (0);
	import_summary_init(&sum);
	r = import_buffer(buf, size, "fuzz.html", NULL, tpls, ntpls, &sum, &e);
	import_summary_done(&sum);
	if (r == NULL) {
		if (e.msgid == NULL)
			abort();
		err_clear(&e);
		return (0);
	}
	fuzz_check_import(r, tpls, ntpls, "fuzz_html");
	report_free(r);
	return (0);
}
