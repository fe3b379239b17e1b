/*
 * libFuzzer target for the text importer: import_buffer() on any bytes
 * (any encoding: the importer guesses), with the installed templates.
 * An imported report must be one the program can keep: its store_dump()
 * loads again with store_parse(), and its organ and texts hold no
 * control character (the importer cleans what it reads).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fuzzutil.h"
#include "import.h"
#include "store.h"
#include "tpl.h"

static struct tpl	**tpls;
static size_t		  ntpls;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tpls = fuzz_templates("fuzz_import", &ntpls);
	return (0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_summary	 sum;
	struct err		 e = { 0 };
	struct report		*r, *back;
	char			*s;

	import_summary_init(&sum);
	r = import_buffer((const char *)data, size, "fuzz.txt", NULL, tpls,
	    ntpls, &sum, &e);
	import_summary_done(&sum);
	if (r == NULL) {
		if (e.msgid == NULL)
			abort();	/* refused without a reason */
		err_clear(&e);
		return (0);
	}
	fuzz_check_text(r, "fuzz_import");
	s = store_dump(r);
	back = store_parse(s, strlen(s), "import.yaml", tpls, ntpls, &e);
	if (back == NULL) {
		fprintf(stderr, "fuzz_import: an imported report does not "
		    "reload: %s at %d:%d\n%s\n", e.msgid, e.line, e.col, s);
		abort();
	}
	report_free(back);
	free(s);
	report_free(r);
	return (0);
}
