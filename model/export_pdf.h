/*
 * The report as PDF: the .docx of export_docx.h converted by LibreOffice
 * (soffice --headless --convert-to pdf), run directly with posix_spawnp,
 * never through a shell.
 *
 * The conversion happens in a private folder made with mkdtemp under
 * $TMPDIR (or /tmp): the .docx goes in, LibreOffice gets a throw-away
 * profile there (so a LibreOffice the user has open does not swallow the
 * request), its output and messages go there too.  The PDF is then
 * written to the destination with fsio_write_atomic, and the folder is
 * removed whatever happened.  LibreOffice gets stdin from /dev/null;
 * nothing is printed.
 *
 * Fonts: LibreOffice runs with $FONTCONFIG_FILE set to a file in the
 * private folder (fontmap.h): the official fonts where installed (or in
 * the folder given), else the fixed free ones; the caller learns which
 * were substituted and says so.
 *
 * Errors (msgids; err->path is the destination):
 *   pdf.no_office  {0}=the install command: no soffice or libreoffice on
 *                  PATH
 *   pdf.tmp        {0}=strerror: the private folder could not be made or
 *                  written
 *   pdf.spawn      {0}=strerror: LibreOffice could not be started
 *   pdf.failed     {0}=exit status or signal, {1}=LibreOffice's last
 *                  message line ("" if none): it ran but made no PDF
 *   pdf.timeout    {0}=seconds: it did not finish in time and was killed
 *   and those of export_docx (docx.*) and fsio_write_atomic (save.*).
 */
#ifndef NB_EXPORT_PDF_H
#define NB_EXPORT_PDF_H

#include <stdbool.h>

#include "err.h"
#include "fontmap.h"
#include "report.h"

#define EXPORT_PDF_INSTALL	"apt-get install libreoffice-writer-nogui"
#define EXPORT_PDF_TIMEOUT	180	/* seconds */

/* The LibreOffice program found on PATH ("soffice" or "libreoffice"), or
 * NULL when there is none.  Borrowed static string. */
const char	*export_pdf_office(void);

/* Writes the report to path as PDF (mode 0644 for a new file).  Returns
 * false with *err set; path is then untouched. */
bool		 export_docx_pdf(const struct report *, const char *path,
		    struct err *);

/*
 * The same with the official fonts also looked for in fontdir (NULL:
 * only the usual places); fm (may be NULL) gets the fonts substituted
 * (fontmap_init; the caller frees it with fontmap_done, on failure too).
 */
bool		 export_docx_pdf_fonts(const struct report *,
		    const char *path, const char *fontdir, struct fontmap *fm,
		    struct err *);

#endif
