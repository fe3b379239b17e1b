/*
 * What the fuzz targets share; see fuzzutil.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "err.h"
#include "fuzzutil.h"
#include "paths.h"
#include "store.h"
#include "tpl_load.h"

struct tpl **
fuzz_templates(const char *who, size_t *n)
{
	struct errlist	 errs;
	struct tpl	**tpls;
	char		*dir = paths_datadir(), *tdir;

	errlist_init(&errs);
	if (asprintf(&tdir, "%s/templates", dir) < 0)
		abort();
	*n = tpl_load_dir(tdir, &tpls, &errs);
	if (*n == 0) {
		fprintf(stderr, "%s: no templates in %s\n", who, tdir);
		abort();
	}
	errlist_done(&errs);
	free(tdir);
	free(dir);
	return (tpls);
}

/* The first character of s the YAML reader refuses raw, or NULL. */
static const char *
bad_control(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
		    *p == 0x7f)
			return ((const char *)p);
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f && p[1] != 0x85)
			return ((const char *)p);
		if (*p == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))
			return ((const char *)p);
	}
	return (NULL);
}

void
fuzz_check_text(const struct report *r, const char *who)
{
	const char	*s, *at;
	size_t		 i;

	for (i = 0; i <= report_tpl(r)->nsections; i++) {
		s = i == 0 ? report_organ(r) : report_text(r, (int)i - 1);
		if ((at = bad_control(s)) != NULL) {
			/* Not the text itself: it would reach the terminal. */
			fprintf(stderr, "%s: control character 0x%02x at byte "
			    "%zu of %s %zu\n", who, (unsigned char)*at,
			    (size_t)(at - s), i == 0 ? "the organ" : "section",
			    i);
			abort();
		}
	}
}

void
fuzz_check_import(const struct report *r, struct tpl *const *tpls, size_t n,
    const char *who)
{
	struct err	 e = { 0 };
	struct report	*back;
	char		*s;

	fuzz_check_text(r, who);
	s = store_dump(r);
	back = store_parse(s, strlen(s), "import.yaml", tpls, n, &e);
	if (back == NULL) {
		fprintf(stderr, "%s: an imported report does not reload: %s at "
		    "%d:%d\n%s\n", who, e.msgid, e.line, e.col, s);
		abort();
	}
	report_free(back);
	free(s);
}
