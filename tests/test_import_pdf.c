/*
 * Importing PDF files (issue 15, part 3) through poppler, in the helper
 * program (libexec/nianbao/nianbao-pdftext).
 *
 * The fixtures in tests/data/pdf (made by make.sh there): the 平潭 2024
 * report as nianbao imports its web page (pingtan-2024.yaml, checked cell
 * by cell by test_import_html); that report exported by nianbao as .docx
 * and turned into PDF by LibreOffice; the official 2021 template, a Word
 * file, filled in with the same report and turned into PDF by
 * LibreOffice; a PDF of scanned pages; one with a password.  Both PDFs
 * must import to the same cells and texts; so must the PDF LibreOffice
 * makes of nianbao's .docx now (when it is installed).  Then what goes
 * wrong: no text, a password, damage, no helper, a helper out of time.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_pdf.h"
#include "import.h"
#include "import_pdf.h"
#include "importutil.h"
#include "store.h"
#include "testutil.h"
#include "xmalloc.h"

#define PDFS	NB_SOURCE_DIR "/tests/data/pdf"

TestSuite(import_pdf, .init = iu_suite_init, .fini = iu_suite_fini);

static struct report *
reference(void)
{
	struct err	 e = { 0 };
	struct report	*r = store_load(PDFS "/pingtan-2024.yaml", iu_tpls,
			    iu_ntpls, &e);

	cr_assert_not_null(r, "%s", e.msgid);
	return (r);
}


static struct report *
imp_pdf(const char *path, struct import_summary *s)
{
	size_t		 len;
	char		*buf = iu_slurp(path, &len);
	struct report	*r = iu_import(buf, len, path, NULL, iu_tpls,
			    iu_ntpls, s);

	free(buf);
	return (r);
}

Test(import_pdf, own_docx_made_pdf_by_libreoffice_imports_back)
{
	struct import_summary	 s;
	struct report		*ref = reference(), *r;

	r = imp_pdf(PDFS "/own-pingtan-2024.pdf", &s);
	cr_expect_eq(s.encoding, IMPORTENC_PDF);
	cr_expect_eq(s.layout, IMPORT_SCAN_SPACED);
	cr_expect_eq(s.cells_missing, 0);
	iu_expect_same(ref, r, "nianbao's .docx as PDF");
	report_free(r);
	import_summary_done(&s);
	report_free(ref);
}

Test(import_pdf, official_template_filled_in_imports_back)
{
	struct import_summary	 s;
	struct report		*ref = reference(), *r;

	r = imp_pdf(PDFS "/official-pingtan-2024.pdf", &s);
	cr_expect_eq(s.cells_missing, 0);
	cr_expect_eq(iu_notes(&s, "import.stray_values", 0), 0);
	iu_expect_same(ref, r, "the official template as PDF");
	report_free(r);
	import_summary_done(&s);
	report_free(ref);
}

/* The PDF LibreOffice makes of nianbao's .docx today. */
Test(import_pdf, export_pdf_import_round_trip, .timeout = 300)
{
	struct import_summary	 s;
	struct report		*ref = reference(), *r;
	struct err		 e = { 0 };
	char			*dir, *pdf;

	if (export_pdf_office() == NULL)
		cr_skip("LibreOffice is not installed (%s)",
		    EXPORT_PDF_INSTALL);
	dir = tu_tmpdir();
	pdf = tu_path(dir, "r.pdf");
	cr_assert(export_docx_pdf(ref, pdf, &e), "%s", e.msgid);
	r = imp_pdf(pdf, &s);
	iu_expect_same(ref, r, "export -f pdf");
	report_free(r);
	import_summary_done(&s);
	tu_rmtree(dir);
	free(pdf);
	free(dir);
	report_free(ref);
}

/* What the helper writes, read without it: pages and blank pages. */
Test(import_pdf, pages_of_the_helpers_output)
{
	struct errlist	 notes;
	struct err	 e = { 0 };
	char		*t;

	errlist_init(&notes);
	t = import_pdf_pages("a\f \n \fb\f", 8, "x.pdf", &notes, &e);
	cr_assert_not_null(t);
	cr_expect_str_eq(t, "a\nb\n");
	cr_assert_eq(notes.n, 1);
	cr_expect_str_eq(notes.v[0].msgid, "import.pdf_page_blank");
	cr_expect_str_eq(notes.v[0].args[0], "2");
	free(t);
	cr_expect_null(import_pdf_pages(" \f\n\f", 4, "x.pdf", &notes, &e));
	cr_expect_str_eq(e.msgid, "import.e_pdf_scanned");
	cr_expect_str_eq(e.args[0], "1");
	cr_expect_str_eq(e.args[1], "2");
	err_clear(&e);
	errlist_done(&notes);
}

/* A refusal: msgid, and its first argument if arg0 is not NULL. */
static void
expect_refused(const char *path, const char *buf, size_t len,
    const char *msgid, const char *arg0)
{
	struct import_summary	 s;
	struct err		 e = { 0 };
	char			*own = NULL;

	if (buf == NULL)
		buf = own = iu_slurp(path, &len);
	import_summary_init(&s);
	cr_expect_null(import_buffer(buf, len, path, NULL, iu_tpls, iu_ntpls,
	    &s, &e), "%s imported", path);
	cr_expect_str_eq(e.msgid ? e.msgid : "", msgid, "%s", path);
	if (arg0 != NULL && e.nargs > 0)
		cr_expect_str_eq(e.args[0], arg0, "%s", path);
	err_clear(&e);
	import_summary_done(&s);
	free(own);
}

Test(import_pdf, scanned_locked_damaged)
{
	char	*buf;
	size_t	 len;

	expect_refused(PDFS "/scanned.pdf", NULL, 0, "import.e_pdf_scanned",
	    "1");
	expect_refused(PDFS "/locked.pdf", NULL, 0, "import.e_pdf_locked",
	    NULL);
	expect_refused("hdr.pdf", "%PDF-1.7\n", 9, "import.e_pdf_damaged",
	    NULL);
	buf = iu_slurp(PDFS "/own-pingtan-2024.pdf", &len);
	memset(buf + 9, 'x', len - 9);
	expect_refused("garbled.pdf", buf, len, "import.e_pdf_damaged", NULL);
	free(buf);
}

Test(import_pdf, without_its_helper)
{
	setenv(IMPORT_PDF_ENV, "/nonexistent/nianbao-pdftext", 1);
	expect_refused(PDFS "/own-pingtan-2024.pdf", NULL, 0,
	    "import.e_pdf_reader", "/nonexistent/nianbao-pdftext");
	unsetenv(IMPORT_PDF_ENV);
}
