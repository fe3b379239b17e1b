/*
 * Printing the report on a CUPS printer, through libcups: the PDF of
 * export_pdf.h (the same pages as the export), two-sided along the long
 * edge as GB/T 9704 prints (sides=two-sided-long-edge), on A4, in the
 * number of copies asked.  For `nianbao print` and the editor's preview.
 *
 * The server is the one libcups finds ($CUPS_SERVER, ~/.cups/client.conf,
 * /etc/cups/client.conf, else the local socket).  The PDF is made in a
 * private temporary file, handed to cupsPrintFile and removed.
 *
 * Errors (msgids; err->path NULL):
 *   print.no_printer       no printer is configured (or no server
 *                          answers): the message offers the PDF instead
 *   print.unknown_printer  {0}=the name asked, {1}=the printers there are
 *   print.failed           {0}=the printer, {1}=CUPS's reason
 *   print.tmp              {0}=strerror: no temporary file
 *   and those of export_docx_pdf (pdf.*, docx.*).
 */
#ifndef NB_PRINT_H
#define NB_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "fontmap.h"
#include "report.h"

struct print_opts {
	const char	*printer;	/* NULL: the default printer */
	int		 copies;	/* 1..99 */
	const char	*fontdir;	/* --fonts DIR or NULL */
};

/*
 * The printers the server has, the default first, as a newly allocated
 * array of newly allocated names (free with print_names_free); 0 when
 * there are none or no server answers.
 */
size_t	 print_printers(char ***names);
void	 print_names_free(char **names, size_t n);

/*
 * Prints the report.  Returns the CUPS job id (> 0), or 0 with *err set.
 * *printer_used gets the printer's name (newly allocated; caller frees)
 * on success; fm (may be NULL) the substituted fonts, as
 * export_docx_pdf_fonts (free it with fontmap_done in every case).
 */
int	 print_report(const struct report *, const struct print_opts *,
	    char **printer_used, struct fontmap *fm, struct err *);

#endif
