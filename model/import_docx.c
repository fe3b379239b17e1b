/*
 * A .docx as text; see import_docx.h.
 *
 * The document part is read token by token with our own XML tokenizer
 * (import_xml.h: no DTD, entities decoded only when text is used), and
 * its outermost tables are laid on their grid by import_grid.h.
 *
 * struct conv turns the document part's tokens into lines.  kinds[d] is
 * the kind of the open element at depth d (parallel to the tokenizer's
 * name stack), so a w:tab is a TAB only inside a run and an end tag knows
 * what it closes.  skip is the depth of an element whose whole content is
 * ignored (deleted text, drawings, ...), or -1.  Only the outermost table
 * has a grid: tbls counts open tables, and while a cell of the outermost
 * table is open (incell) all text, nested tables' included, goes into
 * that cell.  The outermost table's rows wait in the grid until the
 * table ends, when its width is known and each row is padded to it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>

#ifdef NB_HAVE_LIBZIP
#include <zip.h>
#endif

#include "import_docx.h"
#include "import_grid.h"
#include "import_xml.h"
#include "sbuf.h"
#include "xmalloc.h"

#define NS_W		"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT	"http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC		"http://schemas.openxmlformats.org/markup-compatibility/2006"
#define DOCUMENT	"word/document.xml"
#define RELS		"_rels/.rels"
#define RELS_MAX	(1024 * 1024)
#define MIB(n)		((n) / (1024 * 1024))


enum kind {
	K_OTHER, K_SKIP, K_P, K_R, K_T, K_TAB, K_BR, K_HYPHEN, K_TBL,
	K_GRIDCOL, K_TR, K_TC, K_SPAN, K_VMERGE, K_HMERGE, K_BEFORE, K_AFTER
};

/* The elements of the w: namespace that matter, by local name. */
static const struct {
	const char	*local;
	enum kind	 kind;
} wkinds[] = {
	{ "p", K_P }, { "r", K_R }, { "t", K_T }, { "tab", K_TAB },
	{ "ptab", K_TAB }, { "br", K_BR }, { "cr", K_BR },
	{ "noBreakHyphen", K_HYPHEN }, { "tbl", K_TBL },
	{ "gridCol", K_GRIDCOL }, { "tr", K_TR }, { "tc", K_TC },
	{ "gridSpan", K_SPAN }, { "vMerge", K_VMERGE }, { "hMerge", K_HMERGE },
	{ "gridBefore", K_BEFORE }, { "gridAfter", K_AFTER },
	{ "delText", K_SKIP }, { "delInstrText", K_SKIP },
	{ "instrText", K_SKIP }, { "del", K_SKIP }, { "moveFrom", K_SKIP },
	{ "drawing", K_SKIP }, { "pict", K_SKIP }, { "object", K_SKIP },
	{ "txbxContent", K_SKIP }
};

struct conv {
	struct import_xml	 x;
	struct import_xml_name	 w, mc;	/* prefixes of the two namespaces */
	unsigned char	 kinds[IMPORT_DOCX_MAX_DEPTH];
	int		 skip;
	int		 tbls;
	struct sbuf	 out;		/* the text so far */
	struct sbuf	 para;		/* the paragraph being read */
	struct import_grid grid;	/* the outermost table */
	struct sbuf	 cell;		/* its cell being read */
	int		 gridcols;	/* w:gridCol seen */
	int		 after;		/* w:gridAfter of row */
	int		 span;		/* w:gridSpan of cell */
	bool		 incell, cont;
};

static enum kind
kind_of(const struct conv *c, const struct import_xml_name *n)
{
	struct import_xml_name	prefix, local;
	size_t		i;

	import_xml_qname(n, &prefix, &local);
	if (import_xml_eqn(&prefix, &c->mc) &&
	    import_xml_eq(&local, "Fallback"))
		return (K_SKIP);
	if (!import_xml_eqn(&prefix, &c->w))
		return (K_OTHER);
	for (i = 0; i < sizeof wkinds / sizeof wkinds[0]; i++)
		if (import_xml_eq(&local, wkinds[i].local))
			return (wkinds[i].kind);
	return (K_OTHER);
}

/* The prefixes the root element binds to the w: and mc: namespaces. */
static void
namespaces(struct conv *c)
{
	const char	*p = c->x.attrs, *end = p + c->x.alen;
	struct import_xml_name	 name, val, prefix, local;

	c->w = (struct import_xml_name){ "w", 1 };
	c->mc = (struct import_xml_name){ "mc", 2 };
	while (import_xml_attr_next(&p, end, &name, &val)) {
		import_xml_qname(&name, &prefix, &local);
		if (import_xml_eq(&name, "xmlns"))
			local = (struct import_xml_name){ "", 0 };
		else if (!import_xml_eq(&prefix, "xmlns"))
			continue;
		if (import_xml_eq(&val, NS_W) ||
		    import_xml_eq(&val, NS_W_STRICT))
			c->w = local;
		else if (import_xml_eq(&val, NS_MC))
			c->mc = local;
	}
}

/* The w:val of the current tag, decoded into v; false when absent. */
static bool
wval(const struct conv *c, struct sbuf *v)
{
	const char	*p = c->x.attrs, *end = p + c->x.alen;
	struct import_xml_name	 name, val, prefix, local;

	while (import_xml_attr_next(&p, end, &name, &val)) {
		import_xml_qname(&name, &prefix, &local);
		if (import_xml_eq(&local, "val") &&
		    (prefix.n == 0 || import_xml_eqn(&prefix, &c->w))) {
			sbuf_truncate(v, 0);
			return (import_xml_decode(val.s, val.n, false, v));
		}
	}
	return (false);
}

/* The current tag's w:val as a number in [lo, hi]; lo when none. */
static int
wint(const struct conv *c, int lo, int hi)
{
	struct sbuf	 v;
	const char	*s;
	long		 n = 0;

	sbuf_init(&v);
	if (wval(c, &v)) {
		for (s = v.s; *s == ' '; s++)
			;
		for (; *s >= '0' && *s <= '9' && n <= hi; s++)
			n = n * 10 + (*s - '0');
	}
	sbuf_done(&v);
	return (n < lo ? lo : n > hi ? hi : (int)n);
}

/* True when the current merge tag continues a merge (no "restart"). */
static bool
merge_continues(const struct conv *c)
{
	struct sbuf	v;
	bool		cont;

	sbuf_init(&v);
	cont = !wval(c, &v) || strcmp(v.s, "restart") != 0;
	sbuf_done(&v);
	return (cont);
}

/* Where text goes now: the paragraph, the open cell, or nowhere. */
static struct sbuf *
target(struct conv *c)
{
	if (c->tbls == 0)
		return (&c->para);
	return (c->incell ? &c->cell : NULL);
}

static void
on_start(struct conv *c, enum kind k, enum kind parent)
{
	struct sbuf	*t = target(c);
	bool		 outer = c->tbls == 1;

	switch (k) {
	case K_TAB:
	case K_BR:
	case K_HYPHEN:
		if (parent == K_R && t != NULL)
			sbuf_adds(t, k == K_HYPHEN ? "-" : t == &c->para ?
			    (k == K_TAB ? "\t" : "\n") : k == K_TAB ? " " : "");
		break;
	case K_TBL:
		if (++c->tbls == 1) {
			c->gridcols = 0;
			c->incell = false;
		}
		break;
	case K_GRIDCOL:
		c->gridcols += outer && !c->incell &&
		    !import_grid_in_row(&c->grid);
		break;
	case K_TR:
		if (outer && !import_grid_in_row(&c->grid)) {
			import_grid_row_start(&c->grid);
			c->after = 0;
		}
		break;
	case K_BEFORE:
		if (outer && import_grid_in_row(&c->grid) && !c->incell)
			import_grid_skip(&c->grid,
			    wint(c, 0, IMPORT_DOCX_MAX_COLS));
		break;
	case K_AFTER:
		if (outer && import_grid_in_row(&c->grid) && !c->incell)
			c->after = wint(c, 0, IMPORT_DOCX_MAX_COLS);
		break;
	case K_TC:
		if (outer && import_grid_in_row(&c->grid) && !c->incell) {
			sbuf_truncate(&c->cell, 0);
			c->span = 1;
			c->incell = true;
			c->cont = false;
		}
		break;
	case K_SPAN:
		if (outer && c->incell)
			c->span = wint(c, 1, IMPORT_DOCX_MAX_COLS);
		break;
	case K_VMERGE:
	case K_HMERGE:
		if (outer && c->incell)
			c->cont = merge_continues(c);
		break;
	default:
		break;
	}
}

static void
on_end(struct conv *c, enum kind k)
{
	bool	outer = c->tbls == 1;

	switch (k) {
	case K_P:
		if (c->tbls == 0) {
			sbuf_add(&c->out, c->para.s, c->para.len);
			sbuf_addc(&c->out, '\n');
			sbuf_truncate(&c->para, 0);
		}
		break;
	case K_TC:
		if (outer && c->incell) {
			import_grid_cell(&c->grid, c->cont ? "" : c->cell.s,
			    c->cont ? 0 : c->cell.len, c->span, 1);
			c->incell = false;
		}
		break;
	case K_TR:
		if (outer && import_grid_in_row(&c->grid) && !c->incell) {
			import_grid_skip(&c->grid, c->after);
			import_grid_row_end(&c->grid);
		}
		break;
	case K_TBL:
		if (--c->tbls == 0) {
			import_grid_declare(&c->grid, c->gridcols);
			import_grid_flush(&c->grid, &c->out,
			    IMPORT_DOCX_MAX_TEXT);
		}
		break;
	default:
		break;
	}
}

/* One token of the document part; false on an error in its XML. */
static bool
token(struct conv *c, enum import_xml_tok t)
{
	int		 d = c->x.depth - (t == IMPORT_XML_START);
	enum kind	 k;
	struct sbuf	*dst = NULL;

	switch (t) {
	case IMPORT_XML_START:
	case IMPORT_XML_EMPTY:
		if (d == 0)
			namespaces(c);
		k = kind_of(c, &c->x.name);
		if (c->skip < 0 && k == K_SKIP && t == IMPORT_XML_START)
			c->skip = d;
		if (t == IMPORT_XML_START)
			c->kinds[d] = (unsigned char)k;
		if (c->skip < 0) {
			on_start(c, k, d > 0 ? c->kinds[d - 1] : K_OTHER);
			if (t == IMPORT_XML_EMPTY)
				on_end(c, k);
		}
		return (true);
	case IMPORT_XML_END:
		if (c->skip == d)
			c->skip = -1;
		else if (c->skip < 0)
			on_end(c, c->kinds[d]);
		return (true);
	default:
		if (c->skip < 0 && c->kinds[d - 1] == K_T)
			dst = target(c);
		return (import_xml_decode(c->x.text, c->x.tlen, c->x.cdata,
		    dst));
	}
}

static size_t
produced(const struct conv *c)
{
	return (c->out.len + c->para.len + import_grid_size(&c->grid) +
	    c->cell.len);
}

/* Sets *err for the tokenizer's error, at its line and column. */
static void
xml_err(const struct conv *c, const char *path, const char *part,
    struct err *err)
{
	const char	*p;
	char		 line[24], col[24], max[24];
	long		 l = 1, cl = 1;

	for (p = c->x.s; p < c->x.at; p++, cl++)
		if (*p == '\n') {
			l++;
			cl = 0;
		}
	snprintf(line, sizeof line, "%ld", l);
	snprintf(col, sizeof col, "%ld", cl);
	snprintf(max, sizeof max, "%d", IMPORT_DOCX_MAX_DEPTH);
	if (c->x.why == IMPORT_XML_E_DTD)
		err_set(err, path, 0, 0, "import.e_docx_dtd", 1, part);
	else if (c->x.why == IMPORT_XML_E_DEEP)
		err_set(err, path, 0, 0, "import.e_docx_deep", 3, part, line,
		    max);
	else
		err_set(err, path, 0, 0, "import.e_docx_xml", 3, part, line,
		    col);
}

static void
size_err(const char *path, long limit, struct err *err)
{
	char	n[24];

	snprintf(n, sizeof n, "%ld", limit);
	err_set(err, path, 0, 0, "import.e_docx_size", 1, n);
}

static void
conv_done(struct conv *c)
{
	sbuf_done(&c->para);
	import_grid_done(&c->grid);
	sbuf_done(&c->cell);
}

/* A part in UTF-16 (with its BOM) as UTF-8.  Newly allocated. */
static char *
from_utf16(const char *s, size_t len, size_t *outlen)
{
	bool		 le = (unsigned char)s[0] == 0xff;
	size_t		 n = (len - 2) / 2, i;
	UChar		*u = xreallocarray(NULL, n + 1, sizeof *u);
	char		*out;
	int32_t		 got = 0;
	UErrorCode	 ec = U_ZERO_ERROR;

	for (i = 0; i < n; i++) {
		const unsigned char *b = (const unsigned char *)s + 2 + 2 * i;
		u[i] = le ? (UChar)(b[0] | b[1] << 8) :
		    (UChar)(b[0] << 8 | b[1]);
	}
	out = xreallocarray(NULL, 3 * n + 1, 1);
	u_strToUTF8WithSub(out, (int32_t)(3 * n + 1), &got, u, (int32_t)n,
	    0xfffd, NULL, &ec);
	free(u);
	*outlen = U_SUCCESS(ec) ? (size_t)got : 0;
	return (out);
}

char *
import_docx_xml(const char *xml, size_t len, const char *path,
    const char *part, struct err *err)
{
	struct conv		 c;
	enum import_xml_tok	 t;
	char			*u16 = NULL;
	bool			 ok = true;

	if (len > IMPORT_DOCX_MAX_PART) {
		size_err(path, MIB(IMPORT_DOCX_MAX_PART), err);
		return (NULL);
	}
	if (len >= 2 && ((unsigned char)xml[0] == 0xff ?
	    (unsigned char)xml[1] == 0xfe : ((unsigned char)xml[0] == 0xfe &&
	    (unsigned char)xml[1] == 0xff)))
		xml = u16 = from_utf16(xml, len, &len);
	memset(&c, 0, sizeof c);
	import_xml_init(&c.x, xml, len);
	c.skip = -1;
	c.w = (struct import_xml_name){ "w", 1 };
	c.mc = (struct import_xml_name){ "mc", 2 };
	sbuf_init(&c.out);
	sbuf_init(&c.para);
	import_grid_init(&c.grid);
	sbuf_init(&c.cell);
	while (ok && (t = import_xml_next(&c.x)) != IMPORT_XML_EOF) {
		if (t == IMPORT_XML_ERR || !token(&c, t)) {
			if (t != IMPORT_XML_ERR)
				c.x.why = IMPORT_XML_E_SYNTAX;
			xml_err(&c, path, part, err);
			ok = false;
		} else if (produced(&c) > IMPORT_DOCX_MAX_TEXT) {
			size_err(path, MIB(IMPORT_DOCX_MAX_TEXT), err);
			ok = false;
		}
	}
	conv_done(&c);
	free(u16);
	if (!ok) {
		sbuf_done(&c.out);
		return (NULL);
	}
	return (sbuf_take(&c.out));
}

#ifdef NB_HAVE_LIBZIP
/* Entry idx, at most max bytes, or NULL with *err set. */
static char *
read_entry(zip_t *za, zip_int64_t idx, size_t max, const char *path,
    size_t *len, struct err *err)
{
	zip_stat_t	 st;
	zip_file_t	*zf;
	zip_int64_t	 n;
	struct sbuf	 b;
	char		 chunk[65536];

	zip_stat_init(&st);
	if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size > max) {
		size_err(path, MIB((long)max), err);
		return (NULL);
	}
	if ((zf = zip_fopen_index(za, (zip_uint64_t)idx, 0)) == NULL) {
		err_set(err, path, 0, 0, "import.e_docx_zip", 1,
		    zip_strerror(za));
		return (NULL);
	}
	sbuf_init(&b);
	/* The declared size may lie: count what inflates. */
	while ((n = zip_fread(zf, chunk, sizeof chunk)) > 0) {
		if (b.len + (size_t)n > max) {
			size_err(path, MIB((long)max), err);
			break;
		}
		sbuf_add(&b, chunk, (size_t)n);
	}
	if (n < 0)
		err_set(err, path, 0, 0, "import.e_docx_zip", 1,
		    zip_file_strerror(zf));
	zip_fclose(zf);
	if (n != 0) {
		sbuf_done(&b);
		return (NULL);
	}
	*len = b.len;
	return (sbuf_take(&b));
}

/* The main part's name from _rels/.rels, or NULL.  Newly allocated. */
static char *
rels_target(zip_t *za)
{
	struct import_xml	 x;
	struct import_xml_name	 name, val, prefix, local, type, tgt;
	struct err	 e = { 0 };
	zip_int64_t	 idx = zip_name_locate(za, RELS, ZIP_FL_NOCASE);
	char		*rels, *found = NULL;
	const char	*p;
	size_t		 len;
	enum import_xml_tok	 t;

	if (idx < 0 || (rels = read_entry(za, idx, RELS_MAX, NULL, &len,
	    &e)) == NULL) {
		err_clear(&e);
		return (NULL);
	}
	import_xml_init(&x, rels, len);
	while (found == NULL && (t = import_xml_next(&x)) != IMPORT_XML_EOF &&
	    t != IMPORT_XML_ERR) {
		if (t == IMPORT_XML_END || t == IMPORT_XML_TEXT)
			continue;
		import_xml_qname(&x.name, &prefix, &local);
		if (!import_xml_eq(&local, "Relationship"))
			continue;
		type.n = tgt.n = 0;
		for (p = x.attrs; import_xml_attr_next(&p, x.attrs + x.alen,
		    &name, &val); )
			if (import_xml_eq(&name, "Type"))
				type = val;
			else if (import_xml_eq(&name, "Target"))
				tgt = val;
		if (type.n > 15 && memcmp(type.s + type.n - 15,
		    "/officeDocument", 15) == 0 && tgt.n > 0) {
			if (*tgt.s == '/')
				tgt = (struct import_xml_name){ tgt.s + 1,
				    tgt.n - 1 };
			found = xstrndup(tgt.s, tgt.n);
		}
	}
	free(rels);
	return (found);
}

/* The index of the main document part, or -1; *name is its name. */
static zip_int64_t
main_part(zip_t *za, char **name)
{
	zip_int64_t	idx = -1;

	if ((*name = rels_target(za)) != NULL &&
	    (idx = zip_name_locate(za, *name, ZIP_FL_NOCASE)) >= 0)
		return (idx);
	free(*name);
	*name = xstrdup(DOCUMENT);
	return (zip_name_locate(za, DOCUMENT, ZIP_FL_NOCASE));
}

char *
import_docx_text(const char *buf, size_t len, const char *path,
    struct err *err)
{
	zip_error_t	 ze;
	zip_source_t	*src = NULL;
	zip_t		*za = NULL;
	zip_int64_t	 idx;
	char		*xml = NULL, *text = NULL, *name = NULL, n[24];
	size_t		 xlen;

	/* libzip opens an empty source as an empty archive. */
	if (len < 22)
		zip_error_init_with_code(&ze, ZIP_ER_NOZIP);
	else
		zip_error_init(&ze);
	if (len < 22 ||
	    (src = zip_source_buffer_create(buf, len, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		/* The usual case in the user's language, not libzip's. */
		if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP)
			err_set(err, path, 0, 0, "import.e_docx_notzip", 0);
		else
			err_set(err, path, 0, 0, "import.e_docx_zip", 1,
			    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		zip_source_free(src);
		return (NULL);
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(za, 0) > IMPORT_DOCX_MAX_ENTRIES) {
		snprintf(n, sizeof n, "%d", IMPORT_DOCX_MAX_ENTRIES);
		err_set(err, path, 0, 0, "import.e_docx_entries", 1, n);
	} else if ((idx = main_part(za, &name)) < 0)
		err_set(err, path, 0, 0, "import.e_docx_part", 0);
	else if ((xml = read_entry(za, idx, IMPORT_DOCX_MAX_PART, path, &xlen,
	    err)) != NULL)
		text = import_docx_xml(xml, xlen, path, name, err);
	free(xml);
	free(name);
	zip_discard(za);
	return (text);
}
#else
char *
import_docx_text(const char *buf, size_t len, const char *path,
    struct err *err)
{
	(void)buf;
	(void)len;
	err_set(err, path, 0, 0, "import.e_docx_nozip", 0);
	return (NULL);
}
#endif
