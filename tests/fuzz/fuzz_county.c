/*
 * libFuzzer target for what the county check reads from outside: the
 * alias file organs.yaml (organ_aliases_parse), organ names and narrative
 * texts (organ_parse, organ_text_places, boiler_strip with its map,
 * boiler_passage, MinHash).  An alias file is loaded or refused with a
 * reason; names and texts of any bytes never crash, the map of a
 * stripped text stays inside the text, and a passage lies inside both
 * texts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "boiler.h"
#include "fuzzutil.h"
#include "minhash.h"
#include "organ.h"
#include "xmalloc.h"

static struct tpl	**T;	/* loaded once, kept (reachable) */
static struct boiler	*B;

/* A place is a few whole UTF-8 characters (not NUL-terminated). */
static void
no_place(const char *p, size_t len, void *arg)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c;

	(void)arg;
	if (len == 0 || len > (ORGAN_MAX_PLACE + 2) * 4)
		abort();
	while (i < n) {
		U8_NEXT(p, i, n, c);
		if (c <= 0)
			abort();
	}
}

static void
strip_and_sign(const char *s, size_t len)
{
	size_t		*map, n, i, oa, ob;
	uint64_t	*h;
	uint16_t	 sig[MINHASH_N];
	char		*t = boiler_strip(B, s, &map);

	n = strlen(t);
	for (i = 0; i <= n; i++)
		if (map[i] > len)
			abort();
	if (n > 0) {
		boiler_span(s, map, 0, n, &oa, &ob);
		if (oa > ob || ob > len)
			abort();
	}
	if ((n = boiler_hashes(t, &h)) > 0)
		minhash_sign(h, n, sig);
	free(h);
	free(map);
	free(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err		 e = { 0 };
	struct organ_aliases	*a;
	struct organ_name	 o;
	char			*s = xstrndup((const char *)data, size), *k;
	size_t			 len = strlen(s), half = len / 2, oa, la, ob, lb;
	const char		*canon;

	if (B == NULL) {
		size_t n;
		T = fuzz_templates("fuzz_county", &n);
		B = boiler_new(T[0]);
	}
	a = organ_aliases_parse((const char *)data, size, "organs.yaml", &e);
	if (a == NULL && e.msgid == NULL)
		abort();	/* refused without a reason */
	err_clear(&e);
	k = organ_resolve(a, s, &canon);
	free(k);
	organ_aliases_free(a);
	organ_parse(s, &o);
	organ_name_done(&o);
	organ_text_places(s, no_place, NULL);
	strip_and_sign(s, len);
	{
		char *x = xstrndup(s, half), *y = xstrdup(s + half);
		if (boiler_passage(x, y, &oa, &la, &ob, &lb) &&
		    (oa + la > strlen(x) || ob + lb > strlen(y)))
			abort();
		free(x);
		free(y);
	}
	free(s);
	return (0);
}
