/*
 * Exporting as the office publishes: the export of exporter.h with what
 * a clerk must be told around it, for the command line and the editor
 * alike.
 *
 *   - With opts->strict, a report with rule errors is not exported at all
 *     (export.strict; nothing is written).
 *   - PDF (and printing, which goes through the PDF): the official fonts
 *     are also looked for in opts->fontdir; every substituted font is a
 *     note (pdf.font_sub, or pdf.font_missing when even the free one is
 *     not installed), see fontmap.h.
 *   - After writing, a note with the number of errors and warnings the
 *     report still has (export.counts).
 *
 * Notes are finished sentences in the user's language: the command line
 * prints each on stderr, the editor shows them.
 */
#ifndef NB_PUBLISH_H
#define NB_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "exporter.h"
#include "fontmap.h"
#include "i18n.h"
#include "report.h"

struct publish_opts {
	bool		 strict;	/* refuse a report with errors */
	const char	*fontdir;	/* --fonts DIR, or NULL */
};

struct publish_notes {
	char		**v;		/* newly allocated sentences */
	size_t		  n;
	/* PDF: the substituted fonts in short ("仿宋_GB2312→Noto Serif CJK
	 * SC、…", publish_font_list), NULL when none: for one status line. */
	char		 *fonts;
};

/* The report's current errors and warnings. */
void	 publish_counts(const struct report *, size_t *errors,
	    size_t *warnings);

/*
 * Whether the report may be exported under opts: false (with *err set to
 * export.strict, {0} the number of errors) when opts->strict and the
 * report has errors.
 */
bool	 publish_allowed(const struct report *, const struct publish_opts *,
	    struct err *);

/*
 * Writes the report to path as fmt (see exporter_write) after
 * publish_allowed; adds the notes above to *notes (initialised by the
 * caller to { 0 }; free with publish_notes_free, also on failure).
 * Returns false with *err set: export.strict, or those of exporter_write.
 */
bool	 publish_write(const struct report *, enum exporter_fmt, enum lang,
	    const char *path, const struct publish_opts *,
	    const struct i18n *, struct publish_notes *, struct err *);

/* The export.counts note for the report, added to *notes. */
void	 publish_note_counts(const struct report *, const struct i18n *,
	    struct publish_notes *);

void	 publish_notes_free(struct publish_notes *);

/*
 * The fonts fm substituted, in short: "仿宋_GB2312→Noto Serif CJK SC、
 * 黑体→Noto Sans CJK SC" (a font whose free face is not installed
 * either gets "?"), for a status line.  Newly allocated; NULL when no
 * font was substituted.
 */
char	*publish_font_list(const struct fontmap *fm);

#endif
