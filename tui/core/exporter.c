/* Writing a report out (see exporter.h): a table of formats. */
#include <stdlib.h>
#include <string.h>

#include "export_docx.h"
#include "export_html.h"
#include "export_json.h"
#include "export_pdf.h"
#include "export_txt.h"
#include "exporter.h"
#include "fsio.h"
#include "xmalloc.h"

static const struct {
	const char	*name;
	const char	*ext;
} formats[] = {
	[EXPORTER_TXT] = { "txt", ".txt" },
	[EXPORTER_JSON] = { "json", ".json" },
	[EXPORTER_DOCX] = { "docx", ".docx" },
	[EXPORTER_PDF] = { "pdf", ".pdf" },
	[EXPORTER_HTML] = { "html", ".html" },
};

bool
exporter_parse(const char *name, enum exporter_fmt *out)
{
	size_t	i;

	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(name, formats[i].name) == 0) {
			*out = (enum exporter_fmt)i;
			return (true);
		}
	return (false);
}

const char *
exporter_ext(enum exporter_fmt fmt)
{
	return (formats[fmt].ext);
}

char *
exporter_path(const char *report_path, enum exporter_fmt fmt)
{
	const char	*slash = strrchr(report_path, '/');
	const char	*base = slash != NULL ? slash + 1 : report_path;
	const char	*dot = strrchr(base, '.');
	size_t		 keep;

	/* ".hidden" has no extension to replace. */
	keep = dot != NULL && dot > base ? (size_t)(dot - report_path) :
	    strlen(report_path);
	return (xasprintf("%.*s%s", (int)keep, report_path,
	    formats[fmt].ext));
}

char *
exporter_text(const struct report *r, enum exporter_fmt fmt, enum lang lang)
{
	switch (fmt) {
	case EXPORTER_TXT:
		return (export_txt(r, lang));
	case EXPORTER_JSON:
		return (export_json(r, lang));
	case EXPORTER_HTML:
		return (export_html(r));
	default:
		return (NULL);
	}
}

bool
exporter_write(const struct report *r, enum exporter_fmt fmt,
    enum lang lang, const char *path, struct err *err)
{
	char	*text;
	bool	 ok;

	if (fmt == EXPORTER_DOCX)
		return (export_docx(r, path, err));
	if (fmt == EXPORTER_PDF)
		return (export_docx_pdf(r, path, err));
	text = exporter_text(r, fmt, lang);
	ok = fsio_write_atomic(path, text, strlen(text), 0644, err);
	free(text);
	return (ok);
}
