/*
 * The import entry point; see import.h.  The choice of template works on
 * label keys: every label of a template (block titles, corners, column
 * and row labels) as a key, and the whole text as one key (white space
 * gone, so the labels of a table are found whatever its layout, unless a
 * label wraps).  A template's own labels are those that no template of
 * another family (a template and its provincial variants are one family)
 * has, even as part of a longer label: 处理决定数量 (2019) is part of
 * 本年处理决定数量 (2021), so it proves nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "fsio.h"
#include "import.h"
#include "import_docx.h"
#include "import_html.h"
#include "import_pdf.h"
#include "import_txt.h"
#include "labelnorm.h"
#include "store.h"
#include "xmalloc.h"

#define IMPORT_MAX	(32 * 1024 * 1024)

void
import_summary_init(struct import_summary *s)
{
	memset(s, 0, sizeof *s);
	errlist_init(&s->notes);
}

void
import_summary_done(struct import_summary *s)
{
	errlist_done(&s->notes);
	memset(s, 0, sizeof *s);
}

static const char *
family(const struct tpl *t)
{
	return (t->variant_of != NULL ? t->variant_of : t->id);
}

/* Every label key of t, appended to (*keys, *n). */
static void
label_keys(const struct tpl *t, char ***keys, size_t *n)
{
	size_t	b, i, k;

#define ADD(lbl) do {							\
	if ((lbl).s[0] != NULL) {					\
		*keys = xreallocarray(*keys, *n + 1, sizeof **keys);	\
		(*keys)[(*n)++] = labelnorm_key((lbl).s[0]);		\
	}								\
} while (0)
	for (b = 0; b < t->nblocks; b++) {
		const struct tpl_block *blk = &t->blocks[b];
		ADD(blk->title);
		ADD(blk->corner);
		for (i = 0; i < blk->ncolnodes; i++)
			ADD(blk->colnodes[i].label);
		for (k = 0; k < blk->nrownodes; k++)
			ADD(blk->rownodes[k].label);
	}
#undef ADD
}

static void
free_keys(char **keys, size_t n)
{
	while (n-- > 0)
		free(keys[n]);
	free(keys);
}

/* How many of tpls[i]'s own labels occur in textkey. */
static int
score(struct tpl *const *tpls, size_t n, size_t i, const char *textkey)
{
	char	**mine = NULL, **other = NULL;
	size_t	  nm = 0, no = 0, a, b, j;
	int	  hits = 0;
	bool	  own;

	label_keys(tpls[i], &mine, &nm);
	for (j = 0; j < n; j++)
		if (strcmp(family(tpls[j]), family(tpls[i])) != 0)
			label_keys(tpls[j], &other, &no);
	for (a = 0; a < nm; a++) {
		own = *mine[a] != '\0';
		for (b = 0; b < no && own; b++)
			own = strstr(other[b], mine[a]) == NULL;
		for (b = 0; b < a && own; b++)
			own = strcmp(mine[b], mine[a]) != 0;
		hits += own && strstr(textkey, mine[a]) != NULL;
	}
	free_keys(mine, nm);
	free_keys(other, no);
	return (hits);
}

static bool
covers(const struct tpl *t, int year)
{
	return (year >= t->year_from &&
	    (t->year_to == 0 || year <= t->year_to));
}

/* The template the text's own labels point to, or NULL. */
static const struct tpl *
by_labels(struct tpl *const *tpls, size_t n, const char *text, int year)
{
	char			*key = labelnorm_key(text);
	const struct tpl	*best = NULL;
	int			 top = 0, sc;
	size_t			 i;

	for (i = 0; i < n; i++) {
		sc = score(tpls, n, i, key);
		if (sc == 0 || sc < top)
			continue;
		if (sc == top && best != NULL) {
			/* A tie: the year's template, then a national one. */
			if (covers(best, year) && !covers(tpls[i], year))
				continue;
			if (covers(best, year) == covers(tpls[i], year) &&
			    (best->variant_of == NULL ||
			    tpls[i]->variant_of != NULL))
				continue;
		}
		top = sc;
		best = tpls[i];
	}
	free(key);
	return (best);
}

/* The newest national template. */
static const struct tpl *
newest(struct tpl *const *tpls, size_t n)
{
	const struct tpl	*best = NULL;
	size_t			 i;

	for (i = 0; i < n; i++)
		if (tpls[i]->variant_of == NULL && (best == NULL ||
		    tpls[i]->year_from > best->year_from))
			best = tpls[i];
	return (best);
}

static const struct tpl *
choose(const char *text, const char *path, const char *tpl_id,
    struct tpl *const *tpls, size_t n, struct import_summary *sum,
    struct err *err)
{
	const struct tpl	*t, *ty;
	char			*organ, ybuf[16];
	int			 year, line;

	if (tpl_id != NULL) {
		if ((t = tpl_by_id(tpls, n, tpl_id)) == NULL)
			err_set(err, path, 0, 0, "import.e_template", 1,
			    tpl_id);
		sum->why = IMPORT_TPL_ASKED;
		return (t);
	}
	import_txt_title(text, &organ, &year, &line);
	free(organ);
	ty = year > 0 ? tpl_for_year(tpls, n, year) : NULL;
	if ((t = by_labels(tpls, n, text, year)) != NULL) {
		sum->why = IMPORT_TPL_LABELS;
		if (ty != NULL && strcmp(family(ty), family(t)) != 0) {
			snprintf(ybuf, sizeof ybuf, "%d", year);
			errlist_add(&sum->notes, path, line, 0,
			    "import.tpl_year_mismatch", 3, t->id, ybuf,
			    ty->id);
		}
	} else if ((t = ty) != NULL)
		sum->why = IMPORT_TPL_YEAR;
	else if ((t = newest(tpls, n)) != NULL) {
		sum->why = IMPORT_TPL_DEFAULT;
		errlist_add(&sum->notes, path, 0, 0, "import.tpl_default", 1,
		    t->id);
	} else
		err_set(err, path, 0, 0, "import.e_no_template", 0);
	return (t);
}

/* Notes in line order (stable: notes of one line keep their order). */
static void
sort_notes(struct errlist *l)
{
	struct err	tmp;
	size_t		i, j;

	for (i = 1; i < l->n; i++) {
		tmp = l->v[i];
		for (j = i; j > 0 && l->v[j - 1].line > tmp.line; j--)
			l->v[j] = l->v[j - 1];
		l->v[j] = tmp;
	}
}

static void
count(const struct report *r, struct import_summary *sum)
{
	const struct tpl	*t = report_tpl(r);
	size_t			 c;

	for (c = 0; c < t->ncells; c++)
		if (t->cells[c].formula < 0 &&
		    report_value(r, (int)c).state == RV_BLANK)
			sum->cells_missing++;
	sum->errors = report_nflags_severity(r, TPL_ERROR);
	sum->warnings = report_nflags_severity(r, TPL_WARNING);
}

/* A file turned into the text the reader reads. */
struct source {
	char	*text;
	size_t	 len;
	int	*srcline;	/* per line: its line in the file, or NULL */
	size_t	 nsrc;
	char	 published_on[11];
};

/* The text of a file in any of the formats read: a .docx (a zip), a PDF,
 * a web page, or text in any encoding. */
static bool
to_text(const char *buf, size_t len, const char *path,
    struct tpl *const *tpls, size_t ntpls, struct source *src,
    struct import_summary *sum, struct err *err)
{
	struct import_html	page;

	memset(src, 0, sizeof *src);
	if (len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0) {
		/* A .docx becomes the text of nianbao's own export. */
		if ((src->text = import_docx_text(buf, len, path, err)) == NULL)
			return (false);
		sum->encoding = IMPORTENC_DOCX;
		src->len = strlen(src->text);
		return (true);
	}
	if (import_pdf_sniff(buf, len)) {
		/* A PDF becomes pdftotext -layout text, in a helper. */
		src->text = import_pdf_text(buf, len, path, &sum->notes, err);
		sum->encoding = IMPORTENC_PDF;
		src->len = src->text != NULL ? strlen(src->text) : 0;
		return (src->text != NULL);
	}
	if (import_html_sniff(buf, len)) {
		if (!import_html_read(buf, len, path, tpls, ntpls, &page,
		    &sum->notes, err))
			return (false);
		sum->encoding = page.encoding;
		src->text = page.text;
		src->len = page.len;
		src->srcline = page.srcline;
		src->nsrc = page.nlines;
		memcpy(src->published_on, page.published_on,
		    sizeof src->published_on);
		return (true);
	}
	src->text = importenc_decode(buf, len, path, &sum->encoding,
	    &src->len, err);
	return (src->text != NULL);
}

struct report *
import_buffer(const char *buf, size_t len, const char *path,
    const char *tpl_id, struct tpl *const *tpls, size_t ntpls,
    struct import_summary *sum, struct err *err)
{
	struct import_txt_info	 info;
	struct report		*r;
	struct source		 src;

	if (!to_text(buf, len, path, tpls, ntpls, &src, sum, err))
		return (NULL);
	if ((sum->tpl = choose(src.text, path, tpl_id, tpls, ntpls, sum,
	    err)) == NULL) {
		free(src.text);
		free(src.srcline);
		return (NULL);
	}
	r = import_txt_read(src.text, src.len, src.srcline, src.nsrc, path,
	    sum->tpl, &info, &sum->notes, err);
	if (r != NULL)
		report_set_published_on(r, src.published_on);
	free(src.text);
	free(src.srcline);
	sum->layout = info.layout;
	sum->mixed = info.mixed;
	sum->spaced = info.spaced;
	sum->nheadings = info.nheadings;
	sum->cells_read = info.cells_read;
	sort_notes(&sum->notes);
	if (r != NULL) {
		finding_from_notes(r, &sum->notes);
		count(r, sum);
	}
	return (r);
}

struct report *
import_file(const char *path, const char *tpl_id, struct tpl *const *tpls,
    size_t ntpls, struct import_summary *sum, struct err *err)
{
	struct report	*r;
	char		*buf;
	size_t		 len;

	if ((buf = fsio_read_file(path, IMPORT_MAX, &len, err)) == NULL)
		return (NULL);
	r = import_buffer(buf, len, path, tpl_id, tpls, ntpls, sum, err);
	free(buf);
	return (r);
}

struct report *
import_load(const char *path, struct tpl *const *tpls, size_t ntpls,
    void *arg, struct err *err)
{
	struct import_summary	 sum;
	struct report		*r;
	size_t			 n = strlen(path);

	(void)arg;
	if ((n > 5 && strcmp(path + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(path + n - 4, ".yml") == 0))
		return (store_load(path, tpls, ntpls, err));
	import_summary_init(&sum);
	r = import_file(path, NULL, tpls, ntpls, &sum, err);
	import_summary_done(&sum);
	return (r);
}
