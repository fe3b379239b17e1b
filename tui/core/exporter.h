/*
 * Writing a report out in a publishable format: the one place both the
 * `nianbao export` command and the editor's export (F9) go through, so
 * that they produce the same files.  The formats are the model's
 * exporters: plain text (export_txt.h), JSON (export_json.h), Word
 * (export_docx.h), PDF through LibreOffice (export_pdf.h) and the web
 * page (export_html.h).  Every file
 * is written atomically (fsio_write_atomic, mode 0644 for a new file):
 * on failure the destination is untouched.
 */
#ifndef NB_EXPORTER_H
#define NB_EXPORTER_H

#include <stdbool.h>

#include "err.h"
#include "i18n.h"
#include "report.h"

enum exporter_fmt { EXPORTER_TXT, EXPORTER_JSON, EXPORTER_DOCX, EXPORTER_PDF,
	EXPORTER_HTML };

/* The format named name ("txt", "json", "docx", "pdf", "html").  False for an
 * unknown name (*out untouched). */
bool		 exporter_parse(const char *name, enum exporter_fmt *out);
/* The file extension of fmt, with its dot (".docx").  Static string. */
const char	*exporter_ext(enum exporter_fmt);

/*
 * The file proposed for exporting the report at report_path as fmt: the
 * same folder and base name with fmt's extension (2024年报.yaml →
 * 2024年报.docx; a name without extension gets one).  Newly allocated;
 * caller frees.
 */
char		*exporter_path(const char *report_path, enum exporter_fmt);

/*
 * The report as text for the text formats (txt, json, html) in lang; NULL for
 * the others, which only go to a file.  Newly allocated; caller frees.
 */
char		*exporter_text(const struct report *, enum exporter_fmt,
		    enum lang);

/*
 * Writes the report to path as fmt (lang for the text formats; Word and
 * PDF are always in Chinese, see export_docx.h).  Returns false with *err
 * set (err->path the destination): save.* of fsio_write_atomic, docx.*,
 * pdf.* (pdf.no_office when LibreOffice is not installed).
 */
bool		 exporter_write(const struct report *, enum exporter_fmt,
		    enum lang, const char *path, struct err *err);

#endif
