/*
 * Bad inputs of the importer's web formats (issue 15): every file of
 * tests/data/bad/import (see make.py and EXPECTED there) through
 * import_file(): it must be refused with the expected message, or
 * imported with the expected note among its notes, within seconds, and an
 * imported report must hold no control character.  Then the inputs too
 * big to commit, made here: a page nested 100,000 deep, a page of half a
 * million tags, run-together rows of 10,000 digits everywhere.  And the
 * command: `nianbao --lang en import` of two of them says so in English,
 * naming the file, and exits 2.
 *
 * PDF files run through the helper with its CPU limit lowered to one
 * second ($NIANBAO_PDFTEXT_CPU), so that the CPU bomb is killed fast.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "import.h"
#include "import_pdf.h"
#include "importutil.h"
#include "sbuf.h"
#include "testutil.h"
#include "xmalloc.h"

#define BAD	NB_SOURCE_DIR "/tests/data/bad/import"
#define SLOW	20.0	/* seconds: a hang, not a loaded machine */

TestSuite(import_bad, .init = iu_suite_init, .fini = iu_suite_fini);

static double
now(void)
{
	struct timespec	ts;

	/* This process's CPU time: "slow" means work, not the wait for a
	 * core on a loaded CI machine. */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static bool
has_note(const struct import_summary *s, const char *msgid)
{
	return (strcmp(msgid, "-") == 0 || iu_notes(s, msgid, 0) > 0);
}

/* No control character but TAB and LF in the report's texts. */
static bool
clean(const struct report *r)
{
	const unsigned char	*p;
	size_t			 k;

	for (k = 0; k <= report_tpl(r)->nsections; k++)
		for (p = (const unsigned char *)(k == 0 ? report_organ(r) :
		    report_text(r, (int)k - 1)); *p != '\0'; p++)
			if ((*p < 0x20 && *p != '\t' && *p != '\n') ||
			    *p == 0x7f)
				return (false);
	return (true);
}

/* Imports path; checks outcome (a msgid or "ok") and note. */
static bool
check(const char *path, const char *outcome, const char *note)
{
	struct import_summary	 s;
	struct err		 e = { 0 };
	struct report		*r;
	double			 t0 = now(), secs;
	bool			 ok;

	import_summary_init(&s);
	r = import_file(path, NULL, iu_tpls, iu_ntpls, &s, &e);
	secs = now() - t0;
	if (strcmp(outcome, "ok") == 0) {
		ok = r != NULL && has_note(&s, note) && clean(r);
		cr_expect(ok, "%s: %s, note %s %s", path, r ? "imported" :
		    e.msgid, note, r && !clean(r) ? "(control characters)" :
		    "");
	} else {
		ok = r == NULL && e.msgid != NULL && strcmp(e.msgid,
		    outcome) == 0;
		cr_expect(ok, "%s: %s, want %s", path, r ? "imported" :
		    e.msgid ? e.msgid : "no reason", outcome);
	}
	cr_expect_lt(secs, SLOW, "%s: %.1f s", path, secs);
	report_free(r);
	err_clear(&e);
	import_summary_done(&s);
	return (ok);
}

Test(import_bad, corpus, .timeout = 900)
{
	char	*text = tu_read(BAD "/EXPECTED", NULL), *l, *save, *f[3];
	char	*path;
	size_t	 n = 0, k, html = 0, run = 0, pdf = 0, failed = 0;

	cr_assert_not_null(text);
	setenv(IMPORT_PDF_CPU_ENV, "1", 1);
	for (l = strtok_r(text, "\n", &save); l != NULL;
	    l = strtok_r(NULL, "\n", &save), n++) {
		for (k = 0; k < 3; k++) {
			f[k] = l;
			l += strcspn(l, "\t");
			if (*l != '\0')
				*l++ = '\0';
		}
		html += strncmp(f[0], "html_", 5) == 0;
		run += strncmp(f[0], "run_", 4) == 0;
		pdf += strncmp(f[0], "pdf_", 4) == 0;
		path = tu_path(BAD, f[0]);
		failed += !check(path, f[1], f[2]);
		free(path);
	}
	unsetenv(IMPORT_PDF_CPU_ENV);
	cr_log_info("%zu of %zu failed", failed, n);
	cr_expect_geq(html, 20);
	cr_expect_geq(run, 20);
	cr_expect_geq(pdf, 20);
	free(text);
}

/* Made here: too big to keep in the repository. */
Test(import_bad, made_at_test_time, .timeout = 300)
{
	char		*page = tu_read(BAD "/html_deep_5000.html", NULL);
	char		*runs = tu_read(NB_SOURCE_DIR
			    "/tests/data/import/runs-pingtan-2024.txt", NULL);
	char		*dir = tu_tmpdir(), *p, *at;
	struct sbuf	 b;
	size_t		 i;

	cr_assert(page != NULL && runs != NULL);
	/* 100,000 deep: read like any other page. */
	at = strstr(page, "<div class=TRS_Editor>");
	sbuf_init(&b);
	sbuf_add(&b, page, (size_t)(at - page));
	for (i = 0; i < 100000; i++)
		sbuf_adds(&b, "<div>");
	sbuf_adds(&b, at);
	p = tu_path(dir, "deep.html");
	tu_write(p, b.s);
	check(p, "ok", "-");
	free(p);
	/* Half a million tags: refused before libxml2 builds the tree. */
	sbuf_truncate(&b, 0);
	sbuf_adds(&b, "<html><body>");
	for (i = 0; i < 500000; i++)
		sbuf_adds(&b, "<i>");
	p = tu_path(dir, "tags.html");
	tu_write(p, b.s);
	check(p, "import.e_html_size", "-");
	free(p);
	/* Every run 10,000 digits long. */
	sbuf_truncate(&b, 0);
	for (at = runs; *at != '\0'; at++)
		if (*at >= '0' && *at <= '9' && (at[1] < '0' || at[1] > '9') &&
		    at > runs && at[-1] >= '0' && at[-1] <= '9') {
			for (i = 0; i < 10000; i++)
				sbuf_addc(&b, '9');
		} else
			sbuf_addc(&b, *at);
	p = tu_path(dir, "runs.txt");
	tu_write(p, b.s);
	check(p, "ok", "import.run_impossible");
	free(p);
	sbuf_done(&b);
	tu_rmtree(dir);
	free(dir);
	free(page);
	free(runs);
}

/* The command says it in the user's language, naming the file. */
Test(import_bad, the_command_says_why)
{
	struct tu_run	 r;
	const char	*scan[] = { "--lang", "en", "import",
			    BAD "/pdf_scanned.pdf", NULL };
	const char	*list[] = { "--lang", "en", "import",
			    BAD "/html_list_page.html", NULL };

	tu_nianbao(&r, NULL, scan);
	cr_expect_eq(r.status, 2);
	cr_expect_not_null(strstr(r.err, "pdf_scanned.pdf: this PDF has no "
	    "text (it has 2 pages, scanned images from page 1 on)"), "%s",
	    r.err);
	tu_run_free(&r);
	tu_nianbao(&r, NULL, list);
	cr_expect_eq(r.status, 2);
	cr_expect_not_null(strstr(r.err, "html_list_page.html: there is no "
	    "annual report on this web page: only 0 section headings"),
	    "%s", r.err);
	tu_run_free(&r);
}
