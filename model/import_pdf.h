/*
 * A PDF (.pdf) as the text the importer reads (import_txt.h): each page's
 * text laid out as `pdftotext -layout` lays it, which the reader knows
 * (the spaced layout).
 *
 * Poppler reads the PDF, in a helper program of its own
 * (libexec/nianbao/nianbao-pdftext, tui/pdftext; found by paths_helper,
 * or named by $NIANBAO_PDFTEXT), for three reasons: nianbao starts
 * without loading poppler and its two dozen libraries (it is loaded only
 * when a PDF is read); a PDF made to hurt (a bomb that inflates without
 * end, pages without end, a crash in poppler) costs a child process that
 * is limited in CPU time and memory and killed after
 * IMPORT_PDF_TIMEOUT seconds, never the editor or a batch check; and
 * poppler's global state is never shared between the threads of
 * `check -r`.  The PDF goes to the helper's standard input through an
 * anonymous memory file (no temporary file); the helper writes each
 * page's text followed by a form feed, and says by its exit status what
 * went wrong (IMPORT_PDF_EXIT_*).
 *
 * A page without text (a scanned page, an image) is noted; a PDF none
 * of whose pages has text is refused, naming its first page.
 */
#ifndef NB_IMPORT_PDF_H
#define NB_IMPORT_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

#define IMPORT_PDF_TIMEOUT	30			/* seconds */
#define IMPORT_PDF_CPU		10			/* seconds of CPU */
#define IMPORT_PDF_MEMORY	(1024L * 1024 * 1024)	/* bytes */
#define IMPORT_PDF_MAX_TEXT	(32 * 1024 * 1024)	/* bytes of text */
#define IMPORT_PDF_MAX_PAGES	500			/* pages read */
#define IMPORT_PDF_HELPER	"nianbao-pdftext"
#define IMPORT_PDF_ENV		"NIANBAO_PDFTEXT"
#define IMPORT_PDF_CPU_ENV	"NIANBAO_PDFTEXT_CPU"	/* a lower CPU limit,
							   in seconds (tests) */

/* The helper's exit status. */
enum import_pdf_exit {
	IMPORT_PDF_EXIT_OK = 0,
	IMPORT_PDF_EXIT_DAMAGED = 10,	/* poppler could not open it */
	IMPORT_PDF_EXIT_LOCKED = 11,	/* it needs a password */
	IMPORT_PDF_EXIT_PAGES = 12,	/* too many pages */
	IMPORT_PDF_EXIT_TEXT = 13,	/* too much text */
	IMPORT_PDF_EXIT_INPUT = 14	/* its input could not be read */
};

/* Whether buf is a PDF: "%PDF-" in its first 1024 bytes. */
bool	import_pdf_sniff(const char *buf, size_t len);

/*
 * The text of the PDF in buf (len bytes): UTF-8, LF, NUL-terminated,
 * newly allocated (caller frees), with notes appended to notes:
 *   import.pdf_page_blank {0}=page     a page without text
 * or NULL with *err set (err->path = path):
 *   import.e_pdf_reader {0}=helper     the helper could not be started
 *   import.e_pdf_damaged               not a PDF poppler can read
 *   import.e_pdf_locked                it needs a password
 *   import.e_pdf_pages {0}=limit       more pages than the helper reads
 *   import.e_pdf_size {0}=MiB          more text than allowed
 *   import.e_pdf_scanned {0}=page {1}=pages   no page has text
 *   import.e_pdf_killed {0}=seconds    the helper ran out of time or
 *                                      memory, or crashed
 */
char	*import_pdf_text(const char *buf, size_t len, const char *path,
	    struct errlist *notes, struct err *err);

/*
 * The same from what the helper wrote: pages of text, each ended by a
 * form feed (len bytes).  For the fuzzer and tests, which run poppler
 * in-process.
 */
char	*import_pdf_pages(const char *out, size_t len, const char *path,
	    struct errlist *notes, struct err *err);

#endif
