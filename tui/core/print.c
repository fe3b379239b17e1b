/*
 * Printing through libcups; see print.h.  The steps: choose the
 * destination among cupsGetDests (asked by name, else the default, else
 * the only one), make the PDF into a mkstemp file under $TMPDIR, submit
 * it with cupsPrintFile and the options, remove the file.
 *
 * libcups is opened with dlopen when printing, not linked: linked, it and
 * the dozens of libraries it needs were loaded by every command at
 * start-up.  Without it there is no printer (print.no_printer).
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cups/cups.h>

#include "export_pdf.h"
#include "export_txt.h"
#include "print.h"
#include "sbuf.h"
#include "xmalloc.h"

/* The libcups functions used, from dlopen. */
static struct {
	bool		 tried, ok;
	int		 (*get_dests)(cups_dest_t **);
	void		 (*free_dests)(int, cups_dest_t *);
	int		 (*add_option)(const char *, const char *, int,
			    cups_option_t **);
	void		 (*free_options)(int, cups_option_t *);
	int		 (*print_file)(const char *, const char *, const char *,
			    int, cups_option_t *);
	const char	*(*last_error)(void);
} cups;

/* Loads libcups once; false when it is not installed. */
static bool
cups_open(void)
{
	void	*h;

	if (cups.tried)
		return (cups.ok);
	cups.tried = true;
	if ((h = dlopen("libcups.so.2", RTLD_NOW | RTLD_LOCAL)) == NULL)
		return (false);
	*(void **)&cups.get_dests = dlsym(h, "cupsGetDests");
	*(void **)&cups.free_dests = dlsym(h, "cupsFreeDests");
	*(void **)&cups.add_option = dlsym(h, "cupsAddOption");
	*(void **)&cups.free_options = dlsym(h, "cupsFreeOptions");
	*(void **)&cups.print_file = dlsym(h, "cupsPrintFile");
	*(void **)&cups.last_error = dlsym(h, "cupsLastErrorString");
	cups.ok = cups.get_dests != NULL && cups.free_dests != NULL &&
	    cups.add_option != NULL && cups.free_options != NULL &&
	    cups.print_file != NULL && cups.last_error != NULL;
	return (cups.ok);
}

size_t
print_printers(char ***names)
{
	cups_dest_t	*dests = NULL;
	int		 n, i;
	size_t		 k = 0;

	n = cups_open() ? cups.get_dests(&dests) : 0;
	*names = xcalloc((size_t)n + 1, sizeof **names);
	for (i = 0; i < n; i++)
		if (dests[i].instance == NULL && dests[i].is_default)
			(*names)[k++] = xstrdup(dests[i].name);
	for (i = 0; i < n; i++)
		if (dests[i].instance == NULL && !dests[i].is_default)
			(*names)[k++] = xstrdup(dests[i].name);
	if (n > 0)
		cups.free_dests(n, dests);
	return (k);
}

void
print_names_free(char **names, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The printer to use, newly allocated, or NULL with *err set. */
static char *
choose(const char *asked, struct err *err)
{
	char		**v, *got = NULL;
	size_t		  n = print_printers(&v), i;
	struct sbuf	  b;

	if (n == 0)
		err_set(err, NULL, 0, 0, "print.no_printer", 0);
	else if (asked == NULL)
		got = xstrdup(v[0]);
	else {
		for (i = 0; i < n && got == NULL; i++)
			if (strcmp(v[i], asked) == 0)
				got = xstrdup(v[i]);
		if (got == NULL) {
			sbuf_init(&b);
			for (i = 0; i < n; i++)
				sbuf_addf(&b, "%s%s", i ? ", " : "", v[i]);
			err_set(err, NULL, 0, 0, "print.unknown_printer", 2,
			    asked, b.s);
			sbuf_done(&b);
		}
	}
	print_names_free(v, n);
	return (got);
}

/* A private temporary file name for the PDF, or NULL with *err set. */
static char *
tmp_pdf(struct err *err)
{
	const char	*tmp = getenv("TMPDIR");
	char		*p;
	int		 fd;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	p = xasprintf("%s/nianbao-print-XXXXXX.pdf", tmp);
	if ((fd = mkstemps(p, 4)) < 0) {
		err_set(err, NULL, 0, 0, "print.tmp", 1, strerror(errno));
		free(p);
		return (NULL);
	}
	close(fd);
	return (p);
}

/* Submits pdf to printer; the job id or 0 with *err set. */
static int
submit(const struct report *r, const char *printer, const char *pdf,
    int copies, struct err *err)
{
	cups_option_t	*opts = NULL;
	int		 nopts = 0, job;
	char		 n[16], *title = export_txt_title(r, LANG_ZH);

	snprintf(n, sizeof n, "%d", copies < 1 ? 1 : copies > 99 ? 99 :
	    copies);
	nopts = cups.add_option("sides", "two-sided-long-edge", nopts, &opts);
	nopts = cups.add_option("media", "iso_a4_210x297mm", nopts, &opts);
	nopts = cups.add_option("copies", n, nopts, &opts);
	job = cups.print_file(printer, pdf, title, nopts, opts);
	if (job <= 0)
		err_set(err, NULL, 0, 0, "print.failed", 2, printer,
		    cups.last_error());
	cups.free_options(nopts, opts);
	free(title);
	return (job > 0 ? job : 0);
}

int
print_report(const struct report *r, const struct print_opts *o,
    char **printer_used, struct fontmap *fm, struct err *err)
{
	char	*printer, *pdf = NULL;
	int	 job = 0;

	if (fm != NULL)
		memset(fm, 0, sizeof *fm);
	if ((printer = choose(o->printer, err)) == NULL)
		return (0);
	if ((pdf = tmp_pdf(err)) != NULL &&
	    export_docx_pdf_fonts(r, pdf, o->fontdir, fm, err))
		job = submit(r, printer, pdf, o->copies, err);
	if (pdf != NULL)
		unlink(pdf);
	free(pdf);
	if (job > 0)
		*printer_used = printer;
	else
		free(printer);
	return (job);
}
