/*
 * libFuzzer target for the YAML reader's fast path (model/yfast.c): on
 * any bytes, ytree_parse (fast path first) and ytree_parse_libyaml
 * (libyaml only) must agree: the same tree node for node, or the same
 * refusal at the same place.  Seeds: the report corpus.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "yfast.h"
#include "ytree.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err	 e1 = { 0 }, e2 = { 0 };
	struct ytree	*t1, *t2;
	const char	*buf = (const char *)data;

	t1 = ytree_parse(buf, size, "fuzz.yaml", &e1);
	t2 = ytree_parse_libyaml(buf, size, "fuzz.yaml", &e2);
	if ((t1 == NULL) != (t2 == NULL) || (t1 != NULL &&
	    !yfast_same(t1, t2)) || (t1 == NULL && (strcmp(e1.msgid,
	    e2.msgid) != 0 || e1.line != e2.line || e1.col != e2.col))) {
		fprintf(stderr, "fuzz_yfast: the fast path and libyaml "
		    "disagree\n");
		abort();
	}
	ytree_free(t1);
	ytree_free(t2);
	err_clear(&e1);
	err_clear(&e2);
	return (0);
}
