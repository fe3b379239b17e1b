/*
 * libFuzzer target for the template loader: tpl_load() on any bytes.
 * tpl_load() reads a path, so the input goes to an in-memory file
 * (memfd) opened as /proc/self/fd/N: a regular file, no disk I/O.  A
 * template that loads is then used the way the program uses one: a
 * report on it gets a value in every input cell (formulas and rules
 * run), its flags are listed with their messages, and it goes through
 * store_dump() and store_parse() again, which must succeed.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "err.h"
#include "report.h"
#include "store.h"
#include "tpl.h"
#include "tpl_load.h"

static int	fd = -1;
static char	path[64];

/* Exercises a loaded template; aborts when the model breaks a promise. */
static void
use(struct tpl *t)
{
	struct report		*r = report_new(t), *back;
	struct tpl		*one[1] = { t };
	struct report_flag	 f[64];
	struct err		 e = { 0 };
	size_t			 i, n;
	char			*s, buf[512];

	report_set_organ(r, "某镇人民政府");
	report_set_year(r, 2024);
	for (i = 0; i < t->ncells; i++) {
		tpl_cell_label(t, (int)i, LANG_ZH, buf, sizeof buf);
		if (t->cells[i].formula < 0 &&
		    !report_set_input(r, (int)i, i % 3 ? "1" : "0", NULL, &e))
			err_clear(&e);
	}
	for (i = 0; i < t->nsections; i++)
		report_set_text(r, (int)i, "　　文字。", NULL);
	n = report_flags(r, f, 64);
	for (i = 0; i < n && i < 64; i++) {
		s = report_flag_message(r, &f[i], i % 2 ? LANG_EN : LANG_ZH);
		free(s);
	}
	s = store_dump(r);
	back = store_parse(s, strlen(s), "dump.yaml", one, 1, &e);
	if (back == NULL) {
		fprintf(stderr, "fuzz_tpl: a report on a loaded template "
		    "does not reload: %s at %d:%d\n%s\n", e.msgid, e.line,
		    e.col, s);
		abort();
	}
	report_free(back);
	free(s);
	report_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errlist	 errs;
	struct tpl	*t;

	if (fd == -1) {
		if ((fd = memfd_create("fuzz_tpl", 0)) == -1)
			abort();
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	errlist_init(&errs);
	t = tpl_load(path, &errs);
	if (t != NULL)
		use(t);
	else if (errs.n == 0)
		abort();	/* refused without a reason */
	tpl_free(t);
	errlist_done(&errs);
	return (0);
}
