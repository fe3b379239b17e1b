/*
 * The .docx exporter; see export_docx.h for the page and type.  The body
 * of word/document.xml is written top to bottom with one xmlw (so it is
 * well-formed by construction): title, then per section its heading and
 * either its paragraphs or its tables (geometry from docx_table.c), then
 * the section properties.  The other parts come from docx_parts.c; the
 * package is assembled in a libzip archive backed by a memory buffer and
 * read back as bytes, which fsio writes atomically.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef NB_HAVE_LIBZIP
#include <zip.h>
#include <zlib.h>
#endif

#include "docx_parts.h"
#include "docx_table.h"
#include "export_docx.h"
#include "export_txt.h"
#include "fsio.h"
#include "sbuf.h"
#include "text.h"
#include "title.h"
#include "xmalloc.h"
#include "xmlw.h"

static const struct docx_font f_body = { "Times New Roman", "仿宋_GB2312",
    32 };
static const struct docx_font f_title = { "Times New Roman", "方正小标宋简体",
    44 };
static const struct docx_font f_h1 = { "Times New Roman", "黑体", 32 };
static const struct docx_font f_h2 = { "Times New Roman", "楷体_GB2312", 32 };

#define INDENT_2	640	/* two 3号 characters, twips */
#define FOOTER_DIST	1417	/* 25 mm: the 一字线 7 mm below the text */

/* A paragraph's properties: style, keep with the next, first-line indent,
 * alignment. */
static void
ppr_keep(struct xmlw *w, const char *style, bool keep, bool indent,
    const char *jc)
{
	xmlw_start(w, "w:pPr");
	if (style != NULL)
		xmlw_empty(w, "w:pStyle", "w:val", style);
	if (keep)
		xmlw_empty(w, "w:keepNext", NULL, NULL);
	if (indent) {
		xmlw_start(w, "w:ind");
		xmlw_attri(w, "w:firstLineChars", 200);
		xmlw_attri(w, "w:firstLine", INDENT_2);
		xmlw_end(w);
	}
	if (jc != NULL)
		xmlw_empty(w, "w:jc", "w:val", jc);
	xmlw_end(w);
}

static void
ppr(struct xmlw *w, const char *style, bool indent, const char *jc)
{
	ppr_keep(w, style, false, indent, jc);
}

/* The title in its lines (title.h), one paragraph with line breaks. */
static void
title(struct xmlw *w, const struct report *r)
{
	char	**v;
	size_t	  n = title_lines(r, LANG_ZH, &v), i;

	xmlw_start(w, "w:p");
	xmlw_start(w, "w:pPr");
	xmlw_empty(w, "w:pStyle", "w:val", "Title");
	/* One blank line of the grid between the title and the text. */
	xmlw_start(w, "w:spacing");
	xmlw_attri(w, "w:after", EXPORT_DOCX_LINE);
	xmlw_attri(w, "w:line", EXPORT_DOCX_LINE);
	xmlw_attr(w, "w:lineRule", "exact");
	xmlw_end(w);
	xmlw_empty(w, "w:jc", "w:val", "center");
	xmlw_end(w);
	for (i = 0; i < n; i++) {
		if (i > 0) {
			xmlw_start(w, "w:r");
			docx_rpr(w, &f_title, false);
			xmlw_empty(w, "w:br", NULL, NULL);
			xmlw_end(w);
		}
		docx_runs(w, v[i], strlen(v[i]), &f_title);
	}
	xmlw_end(w);
	xmlw_newline(w);
	title_lines_free(v, n);
}

static void
heading(struct xmlw *w, const struct tpl_section *s)
{
	struct sbuf	b;

	sbuf_init(&b);
	sbuf_addf(&b, "%s、%s", s->number, tpl_label(&s->title, LANG_ZH));
	xmlw_start(w, "w:p");
	ppr(w, "Heading1", true, NULL);
	docx_runs(w, b.s, b.len, &f_h1);
	xmlw_end(w);
	xmlw_newline(w);
	sbuf_done(&b);
}

/* Bytes of the "（一）" … "（十）" at the start of s, or 0. */
static size_t
level2_number(const char *s, size_t len)
{
	static const char *const nums[] = { "一", "二", "三", "四", "五",
	    "六", "七", "八", "九", "十" };
	size_t			 i = 3, k;

	if (len < 9 || memcmp(s, "（", 3) != 0)
		return (0);
	for (;;) {
		for (k = 0; k < 10; k++)
			if (i + 3 <= len && memcmp(s + i, nums[k], 3) == 0)
				break;
		if (k == 10)
			break;
		i += 3;
	}
	if (i == 3 || i + 3 > len || memcmp(s + i, "）", 3) != 0)
		return (0);
	return (i + 3);
}

/* One narrative line as a paragraph (see export_docx.h). */
static void
narrative_line(struct xmlw *w, const char *s, size_t len)
{
	const char	*stop;
	size_t		 head = 0;

	if (level2_number(s, len) > 0) {
		head = len;
		stop = memmem(s, len, "。", 3);
		if (stop != NULL && (size_t)(stop - s) + 3 < len)
			head = (size_t)(stop - s) + 3;
	}
	xmlw_start(w, "w:p");
	ppr(w, head == len ? "Heading2" : NULL, true, NULL);
	docx_runs(w, s, head, &f_h2);
	docx_runs(w, s + head, len - head, &f_body);
	xmlw_end(w);
	xmlw_newline(w);
}

static void
narrative(struct xmlw *w, const char *text)
{
	const char	*nl;
	size_t		 len;

	for (; *text != '\0'; text = nl + (*nl != '\0')) {
		/* Leading spaces, ASCII or ideographic (U+3000). */
		for (;;) {
			if (*text == ' ' || *text == '\t' || *text == '\r')
				text++;
			else if (strncmp(text, "\u3000", 3) == 0)
				text += 3;
			else
				break;
		}
		nl = text + strcspn(text, "\n");
		len = (size_t)(nl - text);
		while (len > 0 && (text[len - 1] == ' ' ||
		    text[len - 1] == '\r' || text[len - 1] == '\t'))
			len--;
		if (len > 0)
			narrative_line(w, text, len);
	}
}

static void
tbl_pr(struct xmlw *w, const struct docx_table *dt)
{
	static const char *const sides[] = { "w:top", "w:left", "w:bottom",
	    "w:right", "w:insideH", "w:insideV" };
	size_t			 i;

	xmlw_start(w, "w:tblPr");
	xmlw_start(w, "w:tblW");
	xmlw_attri(w, "w:w", dt->width);
	xmlw_attr(w, "w:type", "dxa");
	xmlw_end(w);
	xmlw_empty(w, "w:jc", "w:val", "center");
	xmlw_start(w, "w:tblBorders");
	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		xmlw_start(w, sides[i]);
		xmlw_attr(w, "w:val", "single");
		xmlw_attri(w, "w:sz", 4);
		xmlw_attri(w, "w:space", 0);
		xmlw_attr(w, "w:color", "000000");
		xmlw_end(w);
	}
	xmlw_end(w);
	xmlw_empty(w, "w:tblLayout", "w:type", "fixed");
	xmlw_start(w, "w:tblCellMar");
	xmlw_start(w, "w:left");
	xmlw_attri(w, "w:w", dt->margin);
	xmlw_attr(w, "w:type", "dxa");
	xmlw_end(w);
	xmlw_start(w, "w:right");
	xmlw_attri(w, "w:w", dt->margin);
	xmlw_attr(w, "w:type", "dxa");
	xmlw_end(w);
	xmlw_end(w);
	xmlw_end(w);
}

/*
 * A cell's paragraph.  Row labels, the corner (the 勾稽 note) and block
 * titles are left-aligned as on the official form, headers and values
 * centred.  keep: keep with the next row (see table()).
 */
static void
tc_text(struct xmlw *w, const struct report *r, const struct docx_table *dt,
    const struct docx_tc *tc, bool keep)
{
	struct docx_font	 f = { "Times New Roman", "宋体", dt->size };
	char			 num[NUM_FMT_MAX];
	const char		*text = tc->text, *jc = "center";

	if (tc->kind == DOCX_VALUE)
		text = report_format_value(r, tc->cell,
		    report_value(r, tc->cell), num);
	else if (tc->kind == DOCX_LABEL || tc->kind == DOCX_CORNER ||
	    tc->kind == DOCX_TITLE)
		jc = "left";
	xmlw_start(w, "w:p");
	ppr_keep(w, "TableText", keep, false, jc);
	docx_runs(w, text, strlen(text), &f);
	xmlw_end(w);
}

/* A cell's own left and right margins. */
static void
cell_margins(struct xmlw *w, int m)
{
	xmlw_start(w, "w:tcMar");
	xmlw_start(w, "w:left");
	xmlw_attri(w, "w:w", m);
	xmlw_attr(w, "w:type", "dxa");
	xmlw_end(w);
	xmlw_start(w, "w:right");
	xmlw_attri(w, "w:w", m);
	xmlw_attr(w, "w:type", "dxa");
	xmlw_end(w);
	xmlw_end(w);
}

static void
tc(struct xmlw *w, const struct report *r, const struct docx_table *dt,
    const struct docx_tc *c, bool keep)
{
	xmlw_start(w, "w:tc");
	xmlw_start(w, "w:tcPr");
	xmlw_start(w, "w:tcW");
	xmlw_attri(w, "w:w", c->width);
	xmlw_attr(w, "w:type", "dxa");
	xmlw_end(w);
	if (c->span > 1)
		xmlw_emptyi(w, "w:gridSpan", "w:val", c->span);
	if (c->vmerge == DOCX_VM_RESTART)
		xmlw_empty(w, "w:vMerge", "w:val", "restart");
	else if (c->vmerge == DOCX_VM_CONTINUE)
		xmlw_empty(w, "w:vMerge", NULL, NULL);
	if (c->kind == DOCX_VALUE && dt->value_margin != dt->margin)
		cell_margins(w, dt->value_margin);
	xmlw_empty(w, "w:vAlign", "w:val", "center");
	xmlw_end(w);
	/* Every cell ends with a paragraph, continued merges too. */
	if (c->vmerge == DOCX_VM_CONTINUE) {
		xmlw_start(w, "w:p");
		ppr_keep(w, "TableText", keep, false, NULL);
		xmlw_end(w);
	} else
		tc_text(w, r, dt, c, keep);
	xmlw_end(w);
}

/* An empty paragraph. */
static void
gap(struct xmlw *w)
{
	xmlw_start(w, "w:p");
	ppr(w, NULL, false, NULL);
	xmlw_end(w);
	xmlw_newline(w);
}

/*
 * A table.  Rows never split (cantSplit), and every paragraph but those
 * of the last row keeps with the next: Word and LibreOffice then keep the
 * table whole on one page when it fits, start it on the next page when it
 * does not fit where it stands, and so keep each block title with its
 * rows.  A table taller than a page breaks between rows, its header rows
 * (tblHeader) repeated.  One empty paragraph follows, as on the official
 * form: it also keeps two tables apart (Word would join them).
 */
static void
table(struct xmlw *w, const struct report *r, int t)
{
	struct docx_table	*dt = docx_table_new(r, t, EXPORT_DOCX_TEXT_W);
	size_t			 i, k;

	xmlw_start(w, "w:tbl");
	tbl_pr(w, dt);
	xmlw_newline(w);
	xmlw_start(w, "w:tblGrid");
	for (i = 0; i < (size_t)dt->ncols; i++)
		xmlw_emptyi(w, "w:gridCol", "w:w", dt->colw[i]);
	xmlw_end(w);
	xmlw_newline(w);
	for (i = 0; i < dt->nrows; i++) {
		xmlw_start(w, "w:tr");
		xmlw_start(w, "w:trPr");
		xmlw_empty(w, "w:cantSplit", NULL, NULL);
		xmlw_emptyi(w, "w:trHeight", "w:val", PGEOM_ROW_MIN);
		if (dt->rows[i].header)
			xmlw_empty(w, "w:tblHeader", NULL, NULL);
		xmlw_end(w);
		for (k = 0; k < dt->rows[i].n; k++)
			tc(w, r, dt, &dt->tcs[dt->rows[i].first + k],
			    i + 1 < dt->nrows);
		xmlw_end(w);
		xmlw_newline(w);
	}
	xmlw_end(w);
	xmlw_newline(w);
	docx_table_free(dt);
	gap(w);
}

static void
sect_pr(struct xmlw *w)
{
	xmlw_start(w, "w:sectPr");
	xmlw_start(w, "w:footerReference");
	xmlw_attr(w, "w:type", "default");
	xmlw_attr(w, "r:id", DOCX_RID_FOOTER_ODD);
	xmlw_end(w);
	xmlw_start(w, "w:footerReference");
	xmlw_attr(w, "w:type", "even");
	xmlw_attr(w, "r:id", DOCX_RID_FOOTER_EVEN);
	xmlw_end(w);
	xmlw_start(w, "w:pgSz");
	xmlw_attri(w, "w:w", EXPORT_DOCX_PAGE_W);
	xmlw_attri(w, "w:h", EXPORT_DOCX_PAGE_H);
	xmlw_end(w);
	xmlw_start(w, "w:pgMar");
	xmlw_attri(w, "w:top", EXPORT_DOCX_TOP);
	xmlw_attri(w, "w:right", EXPORT_DOCX_RIGHT);
	xmlw_attri(w, "w:bottom", EXPORT_DOCX_BOTTOM);
	xmlw_attri(w, "w:left", EXPORT_DOCX_LEFT);
	xmlw_attri(w, "w:header", 851);
	xmlw_attri(w, "w:footer", FOOTER_DIST);
	xmlw_attri(w, "w:gutter", 0);
	xmlw_end(w);
	xmlw_emptyi(w, "w:cols", "w:space", 425);
	xmlw_start(w, "w:docGrid");
	xmlw_attr(w, "w:type", "linesAndChars");
	xmlw_attri(w, "w:linePitch", EXPORT_DOCX_LINE);
	xmlw_attri(w, "w:charSpace", EXPORT_DOCX_CHARSPACE);
	xmlw_end(w);
	xmlw_end(w);
}

static void
section(struct xmlw *w, const struct report *r, int i)
{
	const struct tpl_section	*s = &report_tpl(r)->sections[i];
	int				 k;

	/* The 前言: body paragraphs alone, between the title and 一. */
	if (s->preface) {
		narrative(w, report_text(r, i));
		return;
	}
	heading(w, s);
	for (k = 0; s->kind == TPL_TABLES && k < s->ntables; k++)
		table(w, r, s->first_table + k);
	narrative(w, report_text(r, i));
}

char *
export_docx_document_xml(const struct report *r)
{
	const struct tpl *t = report_tpl(r);
	struct sbuf	b;
	struct xmlw	w;
	size_t		i;

	sbuf_init(&b);
	xmlw_init(&w, &b);
	xmlw_decl(&w);
	xmlw_start(&w, "w:document");
	xmlw_attr(&w, "xmlns:w", DOCX_NS_W);
	xmlw_attr(&w, "xmlns:r", DOCX_NS_R);
	xmlw_start(&w, "w:body");
	xmlw_newline(&w);
	title(&w, r);
	for (i = 0; i < t->nsections; i++)
		section(&w, r, tpl_printed(t, i));
	sect_pr(&w);
	xmlw_end(&w);
	xmlw_end(&w);
	xmlw_newline(&w);
	return (sbuf_take(&b));
}

/* The package's date: $SOURCE_DATE_EPOCH when set, else now. */
static time_t
package_date(void)
{
	const char	*e = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;

	if (e != NULL && *e != '\0') {
		v = strtoll(e, &end, 10);
		if (*end == '\0' && v >= 0)
			return ((time_t)v);
	}
	return (time(NULL));
}

#ifdef NB_HAVE_LIBZIP
/*
 * Sets docx.zip from the first of the errors that says something (zip_close
 * can fail with the archive's error empty and the cause in its source).
 * libzip or zlib out of memory is fatal(), as everywhere else; so is a
 * failure that says nothing: the archive is built in memory, and libzip
 * 1.7's zip_source_buffer returns NULL after a failed malloc without
 * setting any error.
 */
static void
zip_fail(struct err *err, zip_error_t *a, zip_error_t *b)
{
	zip_error_t	*ze = zip_error_code_zip(a) != ZIP_ER_OK || b == NULL ?
			    a : b;

	if (zip_error_code_zip(ze) == ZIP_ER_OK ||
	    zip_error_code_zip(ze) == ZIP_ER_MEMORY ||
	    (zip_error_code_zip(ze) == ZIP_ER_ZLIB &&
	    zip_error_code_system(ze) == Z_MEM_ERROR))
		fatal("out of memory");
	err_set(err, NULL, 0, 0, "docx.zip", 1, zip_error_strerror(ze));
}

/* Reads the finished archive back out of its memory source. */
static void *
source_bytes(zip_source_t *src, size_t *len, struct err *err)
{
	zip_int64_t	 n;
	void		*buf = NULL;

	if (zip_source_open(src) < 0)
		goto fail;
	if (zip_source_seek(src, 0, SEEK_END) < 0 ||
	    (n = zip_source_tell(src)) < 0 ||
	    zip_source_seek(src, 0, SEEK_SET) < 0) {
		zip_source_close(src);
		goto fail;
	}
	buf = xmalloc(n > 0 ? (size_t)n : 1);
	if (zip_source_read(src, buf, (zip_uint64_t)n) != n) {
		zip_source_close(src);
		free(buf);
		goto fail;
	}
	zip_source_close(src);
	*len = (size_t)n;
	return (buf);
fail:
	zip_fail(err, zip_source_error(src), NULL);
	return (NULL);
}

/* Adds every part to za; the texts stay owned by the caller until the
 * archive is closed. */
static bool
add_parts(zip_t *za, char **texts, time_t date)
{
	zip_source_t	*s;
	zip_int64_t	 idx;
	size_t		 i;

	for (i = 0; i < docx_nparts; i++) {
		s = zip_source_buffer(za, texts[i], strlen(texts[i]), 0);
		if (s == NULL)
			return (false);
		if ((idx = zip_file_add(za, docx_parts[i].name, s,
		    ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(s);
			return (false);
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx,
		    ZIP_CM_DEFLATE, 1) < 0 ||
		    zip_file_set_mtime(za, (zip_uint64_t)idx, date, 0) < 0)
			return (false);
	}
	return (true);
}

static void *
package(char **texts, time_t date, size_t *len, struct err *err)
{
	zip_error_t	 ze;
	zip_source_t	*src;
	zip_t		*za;
	void		*buf;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		zip_fail(err, &ze, NULL);
		zip_error_fini(&ze);
		zip_source_free(src);
		return (NULL);
	}
	zip_error_fini(&ze);
	zip_source_keep(src);	/* still needed after zip_close */
	if (!add_parts(za, texts, date) || zip_close(za) < 0) {
		zip_fail(err, zip_get_error(za), zip_source_error(src));
		zip_discard(za);
		zip_source_free(src);
		return (NULL);
	}
	buf = source_bytes(src, len, err);
	zip_source_free(src);
	return (buf);
}
#else
static void *
package(char **texts, time_t date, size_t *len, struct err *err)
{
	(void)texts;
	(void)date;
	(void)len;
	err_set(err, NULL, 0, 0, "docx.no_zip", 0);
	return (NULL);
}
#endif

void *
export_docx_package(const struct report *r, size_t *len, struct err *err)
{
	char			**texts = xcalloc(docx_nparts, sizeof *texts);
	char			 *title = export_txt_title(r, LANG_ZH);
	struct docx_meta	  m;
	void			 *buf;
	size_t			  i;

	m.title = title;
	m.organ = report_organ(r);
	m.date = package_date();
	for (i = 0; i < docx_nparts; i++)
		texts[i] = docx_parts[i].write != NULL ?
		    docx_parts[i].write(&m) : export_docx_document_xml(r);
	buf = package(texts, m.date, len, err);
	for (i = 0; i < docx_nparts; i++)
		free(texts[i]);
	free(texts);
	free(title);
	return (buf);
}

bool
export_docx(const struct report *r, const char *path, struct err *err)
{
	void	*buf;
	size_t	 len = 0;
	bool	 ok;

	if ((buf = export_docx_package(r, &len, err)) ==
	    NULL) {
		free(err->path);
		err->path = xstrdup(path);
		return (false);
	}
	ok = fsio_write_atomic(path, buf, len, 0644, err);
	free(buf);
	return (ok);
}
