/*
 * Exporting with what the clerk is told; see publish.h.  The notes are a
 * growing array of sentences formatted through i18n.  PDF goes through
 * export_docx_pdf_fonts directly (to learn the substituted fonts); the
 * other formats through exporter_write.
 */
#include <stdio.h>
#include <stdlib.h>

#include "export_pdf.h"
#include "publish.h"
#include "sbuf.h"
#include "xmalloc.h"

void
publish_counts(const struct report *r, size_t *errors, size_t *warnings)
{
	*errors = report_nflags_severity(r, TPL_ERROR);
	*warnings = report_nflags_severity(r, TPL_WARNING);
}

bool
publish_allowed(const struct report *r, const struct publish_opts *opts,
    struct err *err)
{
	size_t	e, w;
	char	n[32];

	publish_counts(r, &e, &w);
	if (opts == NULL || !opts->strict || e == 0)
		return (true);
	snprintf(n, sizeof n, "%zu", e);
	err_set(err, NULL, 0, 0, "export.strict", 1, n);
	return (false);
}

static void
add(struct publish_notes *notes, char *s)
{
	notes->v = xreallocarray(notes->v, notes->n + 1, sizeof *notes->v);
	notes->v[notes->n++] = s;
}

/* One note per substituted font. */
static void
note_fonts(const struct fontmap *fm, const struct i18n *i18n,
    struct publish_notes *notes)
{
	const char	*args[3];
	size_t		 i;

	for (i = 0; i < fm->nsubs; i++) {
		args[0] = fm->subs[i].official;
		args[1] = fm->subs[i].used;
		args[2] = fm->subs[i].package;
		add(notes, i18n_fmt(i18n, fm->subs[i].present ?
		    "pdf.font_sub" : "pdf.font_missing", 3, args));
	}
}

void
publish_note_counts(const struct report *r, const struct i18n *i18n,
    struct publish_notes *notes)
{
	size_t		 e, w;
	char		 ne[32], nw[32];

	publish_counts(r, &e, &w);
	snprintf(ne, sizeof ne, "%zu", e);
	snprintf(nw, sizeof nw, "%zu", w);
	add(notes, i18n_fmt2(i18n, "export.counts", ne, nw));
}

bool
publish_write(const struct report *r, enum exporter_fmt fmt, enum lang lang,
    const char *path, const struct publish_opts *opts,
    const struct i18n *i18n, struct publish_notes *notes, struct err *err)
{
	struct fontmap	fm;
	bool		ok;

	if (!publish_allowed(r, opts, err))
		return (false);
	if (fmt == EXPORTER_PDF) {
		ok = export_docx_pdf_fonts(r, path, opts != NULL ?
		    opts->fontdir : NULL, &fm, err);
		note_fonts(&fm, i18n, notes);
		free(notes->fonts);
		notes->fonts = publish_font_list(&fm);
		fontmap_done(&fm);
	} else
		ok = exporter_write(r, fmt, lang, path, err);
	if (ok)
		publish_note_counts(r, i18n, notes);
	return (ok);
}

void
publish_notes_free(struct publish_notes *notes)
{
	size_t	i;

	for (i = 0; i < notes->n; i++)
		free(notes->v[i]);
	free(notes->v);
	free(notes->fonts);
	notes->v = NULL;
	notes->fonts = NULL;
	notes->n = 0;
}

char *
publish_font_list(const struct fontmap *fm)
{
	struct sbuf	b;
	size_t		i;

	if (fm->nsubs == 0)
		return (NULL);
	sbuf_init(&b);
	for (i = 0; i < fm->nsubs; i++)
		sbuf_addf(&b, "%s%s→%s%s", i ? "、" : "", fm->subs[i].official,
		    fm->subs[i].used, fm->subs[i].present ? "" : "?");
	return (sbuf_take(&b));
}
