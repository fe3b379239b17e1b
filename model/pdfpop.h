/*
 * The text of a PDF's pages through poppler (its C++ library, Debian's
 * libpoppler-cpp), laid out as `pdftotext -layout` lays it: poppler's
 * physical layout, the same text layout code pdftotext runs.  A small
 * C-callable wrapper, so that everything else stays C.
 *
 * It is not part of the model library: poppler is loaded only by the
 * PDF helper program (tui/pdftext, run by import_pdf.h when a PDF is
 * read) and by the fuzz target, so that nianbao itself starts without
 * it.  Poppler's own error messages are silenced.
 */
#ifndef NB_PDFPOP_H
#define NB_PDFPOP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum pdfpop_status {
	PDFPOP_OK,
	PDFPOP_DAMAGED,		/* poppler could not open it */
	PDFPOP_LOCKED,		/* it needs a password */
	PDFPOP_TOO_MANY,	/* more than max_pages pages */
	PDFPOP_STOPPED		/* page() asked to stop */
};

/*
 * Reads the PDF in buf (len bytes), of at most max_pages pages, and
 * calls page(arg, number from 1,
 * text, length) for every page in order, the text UTF-8 and laid out
 * physically; page() returns non-zero to stop.  A page poppler cannot
 * render gives empty text.
 */
enum pdfpop_status pdfpop_pages(const char *buf, size_t len, int max_pages,
	    int (*page)(void *arg, int no, const char *text, size_t n),
	    void *arg);

#ifdef __cplusplus
}
#endif

#endif
