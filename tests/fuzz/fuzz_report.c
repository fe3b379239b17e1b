/*
 * libFuzzer target for the report loader: store_parse() on any bytes,
 * with the installed templates (share/nianbao/templates next to the
 * binary, or NIANBAO_DATADIR).  Every loaded report must also survive
 * the round trip the editor makes on every save: store_dump(), parse
 * again, and dump to exactly the same text; and it must export to text.
 * No loaded organ or text may hold a control character (see
 * bad_control()): the loader refuses them, raw or as YAML escapes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fuzzutil.h"
#include "export_txt.h"
#include "store.h"
#include "tpl.h"

static struct tpl	**tpls;
static size_t		  ntpls;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tpls = fuzz_templates("fuzz_report", &ntpls);
	return (0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err	 e = { 0 };
	struct report	*r, *back;
	char		*a, *b, *txt;

	r = store_parse((const char *)data, size, "fuzz.yaml", tpls, ntpls,
	    &e);
	if (r == NULL) {
		if (e.msgid == NULL)
			abort();	/* refused without a reason */
		err_clear(&e);
		return (0);
	}
	fuzz_check_text(r, "fuzz_report");
	a = store_dump(r);
	back = store_parse(a, strlen(a), "dump.yaml", tpls, ntpls, &e);
	if (back == NULL) {
		fprintf(stderr, "fuzz_report: the dump of a loaded report "
		    "does not load: %s at %d:%d\n%s\n", e.msgid, e.line,
		    e.col, a);
		abort();
	}
	b = store_dump(back);
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "fuzz_report: dump/parse/dump differs\n"
		    "--- first\n%s\n--- second\n%s\n", a, b);
		abort();
	}
	txt = export_txt(r, LANG_ZH);
	free(txt);
	free(a);
	free(b);
	report_free(back);
	report_free(r);
	return (0);
}
