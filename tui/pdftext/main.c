/*
 * nianbao-pdftext: the PDF helper of import_pdf.h.  Reads a PDF on its
 * standard input and writes the text of each page, laid out as
 * `pdftotext -layout` lays it (pdfpop.h), followed by a form feed, to its
 * standard output.  The exit status says what went wrong
 * (IMPORT_PDF_EXIT_*).  It is a program of its own so that nianbao does
 * not load poppler until a PDF is read, and so that a hostile PDF costs
 * only this process: it limits its own CPU time (IMPORT_PDF_CPU seconds,
 * or fewer if $NIANBAO_PDFTEXT_CPU says so) and (unless built with
 * AddressSanitizer, which maps memory of its own) its address space
 * first, and may write no file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "import_pdf.h"
#include "pdfpop.h"

#define INPUT_MAX	(256 * 1024 * 1024)	/* bytes of PDF */

#if defined(__SANITIZE_ADDRESS__)
#define NB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NB_ASAN 1
#endif
#endif

struct out {
	size_t	bytes;
};

static void
limit(int what, rlim_t n)
{
	struct rlimit	rl = { n, n };

	setrlimit(what, &rl);
}

static int
page(void *arg, int no, const char *text, size_t n)
{
	struct out	*o = arg;

	(void)no;
	/* Poppler ends a page with a form feed of its own. */
	while (n > 0 && text[n - 1] == '\f')
		n--;
	if ((o->bytes += n + 1) > IMPORT_PDF_MAX_TEXT)
		return (1);
	fwrite(text, 1, n, stdout);
	fputc('\f', stdout);
	return (ferror(stdout) != 0);
}

/* The whole of standard input, or NULL. */
static char *
slurp(size_t *len)
{
	size_t	cap = 1 << 16, n = 0;
	char	*buf = malloc(cap), *b;
	ssize_t	k;

	while (buf != NULL && (k = read(0, buf + n, cap - n)) != 0) {
		if (k < 0) {
			free(buf);
			return (NULL);
		}
		if ((n += (size_t)k) == cap) {
			if (cap >= INPUT_MAX || (b = realloc(buf, cap * 2)) ==
			    NULL) {
				free(buf);
				return (NULL);
			}
			buf = b;
			cap *= 2;
		}
	}
	*len = n;
	return (buf);
}

int
main(void)
{
	struct out	 o = { 0 };
	char		*pdf;
	size_t		 len = 0;
	int		 rc, cpu;

	cpu = getenv(IMPORT_PDF_CPU_ENV) != NULL ?
	    atoi(getenv(IMPORT_PDF_CPU_ENV)) : IMPORT_PDF_CPU;
	limit(RLIMIT_CPU, cpu > 0 && cpu < IMPORT_PDF_CPU ? cpu :
	    IMPORT_PDF_CPU);
#ifndef NB_COVERAGE
	/* (A coverage build writes its counts at exit.) */
	limit(RLIMIT_FSIZE, 0);
#endif
#ifndef NB_ASAN
	limit(RLIMIT_AS, IMPORT_PDF_MEMORY);
#endif
	if ((pdf = slurp(&len)) == NULL)
		return (IMPORT_PDF_EXIT_INPUT);
	switch (pdfpop_pages(pdf, len, IMPORT_PDF_MAX_PAGES, page, &o)) {
	case PDFPOP_OK:
		rc = fflush(stdout) == 0 ? IMPORT_PDF_EXIT_OK :
		    IMPORT_PDF_EXIT_TEXT;
		break;
	case PDFPOP_LOCKED:
		rc = IMPORT_PDF_EXIT_LOCKED;
		break;
	case PDFPOP_TOO_MANY:
		rc = IMPORT_PDF_EXIT_PAGES;
		break;
	case PDFPOP_STOPPED:
		rc = IMPORT_PDF_EXIT_TEXT;
		break;
	default:
		rc = IMPORT_PDF_EXIT_DAMAGED;
		break;
	}
	free(pdf);
	return (rc);
}
