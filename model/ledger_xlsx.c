/*
 * .xlsx registers; see ledger_xlsx.h.
 *
 * The package is opened from memory with libzip.  Each part is streamed
 * through libxml2's xmlTextReader with our own read callback, which
 * counts the bytes libzip inflates and stops at the part's limit (a zip
 * bomb ends there, whatever sizes its headers claim).  Parsing is a loop
 * over reader nodes per part:
 *
 *   xl/workbook.xml             workbookPr@date1904, sheets/sheet@name,
 *                               @state, @r:id
 *   xl/_rels/workbook.xml.rels  Relationship@Id -> @Target
 *   xl/sharedStrings.xml        si -> the <t> texts inside, outside rPh
 *   xl/worksheets/sheetN.xml    sheetData/row@r/c@r,@t -> v | f | is/t
 *
 * Elements are matched by local name, so a prefixed namespace (x:row)
 * reads the same.  Shared strings are kept in one buffer with offsets,
 * then copied into the grid cell by cell as the sheet refers to them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_xlsx.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"

#ifdef NB_HAVE_LIBZIP
#include <libxml/xmlreader.h>
#include <zip.h>

#define WORKBOOK	"xl/workbook.xml"
#define WB_RELS		"xl/_rels/workbook.xml.rels"
#define SHARED		"xl/sharedStrings.xml"

/* One package part being inflated into the XML reader. */
struct part {
	zip_file_t	*zf;
	size_t		 got;
	size_t		 max;
	bool		 declared;	/* max is the size its header says */
	bool		 bomb;		/* more than max */
};

struct sheetref {
	char	*name;
	char	*rid;
	char	*target;
};

struct xlsx {
	zip_t			*za;
	const char		*path;
	struct err		*err;
	struct ledger_grid	*g;
	int			 xmlline;	/* of the first XML error */
	struct sheetref		*sheets;
	size_t			 nsheets, capsheets;
	struct sbuf		 sst;		/* shared strings, NUL-separated */
	size_t			*sstoff;
	size_t			 nsst, capsst;
};

/* libxml2 allocates through xmalloc, so running out is fatal() here too. */
static void *
xml_malloc(size_t n)
{
	return (xmalloc(n));
}

static void *
xml_realloc(void *p, size_t n)
{
	return (xreallocarray(p, n == 0 ? 1 : n, 1));
}

static char *
xml_strdup(const char *s)
{
	return (xstrdup(s));
}

/* libxml2 itself is started by its loader (xmlload.c) when it opens. */
static void
xml_setup(void)
{
	xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
}

static int
part_read(void *ctx, char *buf, int len)
{
	struct part	*p = ctx;
	zip_int64_t	 n;

	if (p->zf == NULL || len <= 0)
		return (0);
	n = zip_fread(p->zf, buf, (zip_uint64_t)len);
	if (n < 0)
		return (-1);
	p->got += (size_t)n;
	if (p->got > p->max) {
		p->bomb = true;
		return (-1);
	}
	return ((int)n);
}

static int
part_close(void *ctx)
{
	struct part	*p = ctx;

	if (p->zf != NULL)
		zip_fclose(p->zf);
	p->zf = NULL;
	return (0);
}

/* Keeps the line of the first error; libxml2 must never print. */
static void
on_xml_error(void *arg, xmlErrorPtr e)
{
	struct xlsx	*X = arg;

	if (X->xmlline == 0)
		X->xmlline = e != NULL && e->line > 0 ? e->line : 1;
}

static bool
bomb(struct xlsx *X, const char *name, zip_uint64_t size)
{
	char	mib[32];

	snprintf(mib, sizeof mib, "%llu",
	    (unsigned long long)(size / (1024 * 1024)));
	err_set(X->err, X->path, 0, 0, "ledger.e_zip_bomb", 2, name, mib);
	return (false);
}

/*
 * Opens part name for streaming.  NULL without an error when the part is
 * missing; NULL with *err set when it is refused.
 */
static xmlTextReaderPtr
open_part(struct xlsx *X, const char *name, struct part *p)
{
	xmlTextReaderPtr	 rd;
	zip_stat_t		 st;
	zip_int64_t		 idx;

	memset(p, 0, sizeof *p);
	if ((idx = zip_name_locate(X->za, name, ZIP_FL_NOCASE)) < 0)
		return (NULL);
	zip_stat_init(&st);
	if (zip_stat_index(X->za, (zip_uint64_t)idx, 0, &st) != 0) {
		err_set(X->err, X->path, 0, 0, "ledger.e_not_xlsx", 0);
		return (NULL);
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		err_set(X->err, X->path, 0, 0, "ledger.e_encrypted", 0);
		return (NULL);
	}
	p->max = LEDGER_XLSX_MAX_PART;
	if (st.valid & ZIP_STAT_SIZE) {
		if (st.size > LEDGER_XLSX_MAX_PART) {
			bomb(X, name, st.size);
			return (NULL);
		}
		p->max = (size_t)st.size;
		p->declared = true;
	}
	if ((p->zf = zip_fopen_index(X->za, (zip_uint64_t)idx, 0)) == NULL) {
		err_set(X->err, X->path, 0, 0, "ledger.e_not_xlsx", 0);
		return (NULL);
	}
	X->xmlline = 0;
	rd = xmlReaderForIO(part_read, part_close, p, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (rd == NULL) {
		part_close(p);
		err_set(X->err, X->path, 0, 0, "ledger.e_xlsx_xml", 2, name,
		    "1");
		return (NULL);
	}
	xmlTextReaderSetStructuredErrorHandler(rd, on_xml_error, X);
	return (rd);
}

/* Closes a part; rc is the last xmlTextReaderRead result.  A DTD or an
 * entity is refused as damage: no spreadsheet writes one. */
static bool
close_part(struct xlsx *X, xmlTextReaderPtr rd, struct part *p,
    const char *name, int rc)
{
	char	line[16];

	xmlFreeTextReader(rd);
	if (p->bomb && p->declared) {
		/* It inflates past what its header says: libzip 1.7 goes on
		 * inflating, the count stops it here. */
		err_set(X->err, X->path, 0, 0, "ledger.e_zip_lie", 1, name);
		return (false);
	}
	if (p->bomb)
		return (bomb(X, name, p->got));
	if (rc < 0 && !err_isset(X->err)) {
		snprintf(line, sizeof line, "%d", X->xmlline > 0 ?
		    X->xmlline : 1);
		err_set(X->err, X->path, 0, 0, "ledger.e_xlsx_xml", 2, name,
		    line);
	}
	return (rc >= 0 && !err_isset(X->err));
}

/* The value of attribute local (any prefix) of the current element, into
 * buf (truncated); false when absent. */
static bool
attr(xmlTextReaderPtr rd, const char *local, char *buf, size_t size)
{
	const xmlChar	*n, *v;
	bool		 found = false;
	size_t		 len;

	if (xmlTextReaderMoveToFirstAttribute(rd) != 1)
		return (false);
	do {
		n = xmlTextReaderConstLocalName(rd);
		if (n != NULL && strcmp((const char *)n, local) == 0) {
			v = xmlTextReaderConstValue(rd);
			len = v ? strnlen((const char *)v, size - 1) : 0;
			memcpy(buf, v ? (const char *)v : "", len);
			buf[len] = '\0';
			found = true;
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(rd) == 1);
	xmlTextReaderMoveToElement(rd);
	return (found);
}

static bool
is(xmlTextReaderPtr rd, int type, const char *local)
{
	const xmlChar	*n;

	if (xmlTextReaderNodeType(rd) != type)
		return (false);
	n = xmlTextReaderConstLocalName(rd);
	return (n != NULL && strcmp((const char *)n, local) == 0);
}

static bool
is_text(xmlTextReaderPtr rd)
{
	int	t = xmlTextReaderNodeType(rd);

	return (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	    t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	    t == XML_READER_TYPE_WHITESPACE);
}

static void
add_text(xmlTextReaderPtr rd, struct sbuf *b)
{
	const xmlChar	*v = xmlTextReaderConstValue(rd);

	if (v != NULL)
		sbuf_adds(b, (const char *)v);
}

/* A DTD, an entity or a processing instruction: not a spreadsheet part. */
static bool
forbidden(xmlTextReaderPtr rd)
{
	int	t = xmlTextReaderNodeType(rd);

	return (t == XML_READER_TYPE_DOCUMENT_TYPE ||
	    t == XML_READER_TYPE_ENTITY_REFERENCE ||
	    t == XML_READER_TYPE_ENTITY);
}

/* ---- workbook and its relationships ---- */

static bool
read_workbook(struct xlsx *X)
{
	struct part		 p;
	xmlTextReaderPtr	 rd;
	struct sheetref		*s;
	char			 v[512], state[32];
	int			 rc;

	if ((rd = open_part(X, WORKBOOK, &p)) == NULL) {
		if (!err_isset(X->err))
			err_set(X->err, X->path, 0, 0, "ledger.e_not_xlsx", 0);
		return (false);
	}
	while ((rc = xmlTextReaderRead(rd)) == 1) {
		if (forbidden(rd)) {
			rc = -1;
			break;
		}
		if (is(rd, XML_READER_TYPE_ELEMENT, "workbookPr") &&
		    attr(rd, "date1904", v, sizeof v))
			X->g->date1904 = strcmp(v, "1") == 0 ||
			    strcmp(v, "true") == 0;
		if (!is(rd, XML_READER_TYPE_ELEMENT, "sheet"))
			continue;
		if (attr(rd, "state", state, sizeof state) &&
		    strcmp(state, "visible") != 0)
			continue;
		if (X->nsheets >= LEDGER_MAX_SHEETS)
			continue;
		s = VEC_PUSH(X->sheets, X->nsheets, X->capsheets);
		s->name = xstrdup(attr(rd, "name", v, sizeof v) ? v : "");
		s->rid = xstrdup(attr(rd, "id", v, sizeof v) ? v : "");
	}
	return (close_part(X, rd, &p, WORKBOOK, rc));
}

/* A relationship target as a package path: relative to xl/ unless it
 * starts with '/'. */
static char *
target_path(const char *t)
{
	if (t[0] == '/')
		return (xstrdup(t + 1));
	return (xasprintf("xl/%s", t));
}

static bool
read_rels(struct xlsx *X)
{
	struct part		 p;
	xmlTextReaderPtr	 rd;
	char			 id[256], target[1024];
	size_t			 i;
	int			 rc;

	if ((rd = open_part(X, WB_RELS, &p)) == NULL)
		return (!err_isset(X->err));
	while ((rc = xmlTextReaderRead(rd)) == 1) {
		if (forbidden(rd)) {
			rc = -1;
			break;
		}
		if (!is(rd, XML_READER_TYPE_ELEMENT, "Relationship") ||
		    !attr(rd, "Id", id, sizeof id) ||
		    !attr(rd, "Target", target, sizeof target))
			continue;
		for (i = 0; i < X->nsheets; i++)
			if (X->sheets[i].target == NULL &&
			    strcmp(X->sheets[i].rid, id) == 0)
				X->sheets[i].target = target_path(target);
	}
	return (close_part(X, rd, &p, WB_RELS, rc));
}

/* ---- shared strings ---- */

static bool
read_shared(struct xlsx *X)
{
	struct part		 p;
	xmlTextReaderPtr	 rd;
	int			 rc, in_t = 0, in_rph = 0;

	if ((rd = open_part(X, SHARED, &p)) == NULL)
		return (!err_isset(X->err));
	while ((rc = xmlTextReaderRead(rd)) == 1) {
		if (forbidden(rd)) {
			rc = -1;
			break;
		}
		if (is(rd, XML_READER_TYPE_ELEMENT, "si")) {
			*VEC_PUSH(X->sstoff, X->nsst, X->capsst) = X->sst.len;
			if (xmlTextReaderIsEmptyElement(rd))
				sbuf_addc(&X->sst, '\0');
		} else if (is(rd, XML_READER_TYPE_END_ELEMENT, "si"))
			sbuf_addc(&X->sst, '\0');
		else if (is(rd, XML_READER_TYPE_ELEMENT, "rPh"))
			in_rph = !xmlTextReaderIsEmptyElement(rd);
		else if (is(rd, XML_READER_TYPE_END_ELEMENT, "rPh"))
			in_rph = 0;
		else if (is(rd, XML_READER_TYPE_ELEMENT, "t"))
			in_t = !xmlTextReaderIsEmptyElement(rd);
		else if (is(rd, XML_READER_TYPE_END_ELEMENT, "t"))
			in_t = 0;
		else if (in_t && !in_rph && X->nsst > 0 && is_text(rd))
			add_text(rd, &X->sst);
		if (X->sst.len > LEDGER_MAX_TEXT) {
			rc = -1;
			p.bomb = true;
			break;
		}
	}
	return (close_part(X, rd, &p, SHARED, rc));
}

/* ---- worksheets ---- */

/* The cell being read. */
struct xcell {
	int		 col;
	char		 type[16];
	bool		 formula;
	bool		 has_v;
	int		 in;		/* 'v', 't' (inline), or 0 */
	bool		 rph;		/* inside a phonetic guide */
	struct sbuf	 v;
};

/* "C12" -> column 2; -1 when there are no letters. */
static int
ref_col(const char *r)
{
	int	c = 0, n = 0;

	for (; *r >= 'A' && *r <= 'Z'; r++, n++) {
		if (c > LEDGER_MAX_COLS)
			return (LEDGER_MAX_COLS);
		c = c * 26 + (*r - 'A' + 1);
	}
	return (n > 0 ? c - 1 : -1);
}

/* Adds the finished cell c to the grid. */
static bool
emit_cell(struct xlsx *X, struct xcell *c)
{
	enum ledger_formula	 f = LEDGER_F_NONE;
	enum ledger_cell_kind	 kind = LEDGER_TEXT;
	const char		*s = c->v.s;
	char			*end;
	double			 num = 0;
	unsigned long		 k;

	if (c->formula)
		f = c->has_v ? LEDGER_F_CACHED : LEDGER_F_NO_VALUE;
	if (strcmp(c->type, "s") == 0) {
		k = strtoul(c->v.s, &end, 10);
		s = *c->v.s != '\0' && *end == '\0' && k < X->nsst ?
		    X->sst.s + X->sstoff[k] : "";
	} else if (strcmp(c->type, "b") == 0)
		s = strcmp(c->v.s, "1") == 0 ? "TRUE" : "FALSE";
	else if (strcmp(c->type, "d") == 0) {
		kind = LEDGER_DATE;
		if (c->v.len > 10)
			sbuf_truncate(&c->v, 10);
	} else if (c->type[0] == '\0' || strcmp(c->type, "n") == 0) {
		num = strtod(c->v.s, &end);
		if (c->v.len > 0 && *end == '\0')
			kind = LEDGER_NUMBER;
	}
	return (ledger_grid_cell(X->g, c->col, s, strlen(s), kind, num, f,
	    X->path, X->err));
}

/* What a worksheet node asks of the reading loop. */
enum node { NODE_GO, NODE_STOP, NODE_LIMIT, NODE_FORBIDDEN };

/* An element opens: row, c, and inside c f, v, is/t, rPh. */
static enum node
sheet_start(struct xlsx *X, xmlTextReaderPtr rd, struct xcell *c,
    const char *n, int *row, int *col)
{
	char	v[32];

	if (strcmp(n, "row") == 0) {
		*row = attr(rd, "r", v, sizeof v) && atoi(v) > 0 ? atoi(v) :
		    *row + 1;
		*col = -1;
		return (ledger_grid_row(X->g, *row, X->path, X->err) ?
		    NODE_GO : NODE_LIMIT);
	}
	if (strcmp(n, "c") == 0) {
		c->col = attr(rd, "r", v, sizeof v) && ref_col(v) >= 0 ?
		    ref_col(v) : *col + 1;
		*col = c->col;
		if (!attr(rd, "t", c->type, sizeof c->type))
			c->type[0] = '\0';
		c->formula = c->has_v = c->rph = false;
		c->in = 0;
		sbuf_truncate(&c->v, 0);
		if (xmlTextReaderIsEmptyElement(rd))
			c->col = -1;
	} else if (strcmp(n, "f") == 0)
		c->formula = true;
	else if (strcmp(n, "v") == 0) {
		c->in = 'v';
		c->has_v = true;
	} else if (strcmp(n, "t") == 0)
		c->in = c->rph ? 0 : 't';
	else if (strcmp(n, "rPh") == 0)
		c->rph = !xmlTextReaderIsEmptyElement(rd);
	return (NODE_GO);
}

/* An element closes: the cell is added at </c>, the row ends at </row>. */
static enum node
sheet_end(struct xlsx *X, struct xcell *c, const char *n)
{
	bool	ok;

	if (strcmp(n, "v") == 0 || strcmp(n, "t") == 0)
		c->in = 0;
	else if (strcmp(n, "rPh") == 0)
		c->rph = false;
	else if (strcmp(n, "c") == 0 && c->col >= 0) {
		ok = emit_cell(X, c);
		c->col = -1;
		return (ok ? NODE_GO : NODE_LIMIT);
	} else if (strcmp(n, "row") == 0)
		ledger_grid_end_row(X->g);
	else if (strcmp(n, "sheetData") == 0)
		return (NODE_STOP);
	return (NODE_GO);
}

/* One reader node of a worksheet; its type and name are read once (the
 * reader's accessors are most of the time a 10,000-row sheet takes). */
static enum node
sheet_node(struct xlsx *X, xmlTextReaderPtr rd, struct xcell *c, int *row,
    int *col)
{
	const char	*n;

	switch (xmlTextReaderNodeType(rd)) {
	case XML_READER_TYPE_ELEMENT:
		n = (const char *)xmlTextReaderConstLocalName(rd);
		return (n ? sheet_start(X, rd, c, n, row, col) : NODE_GO);
	case XML_READER_TYPE_END_ELEMENT:
		n = (const char *)xmlTextReaderConstLocalName(rd);
		return (n ? sheet_end(X, c, n) : NODE_GO);
	case XML_READER_TYPE_TEXT:
	case XML_READER_TYPE_CDATA:
	case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
	case XML_READER_TYPE_WHITESPACE:
		if (c->in != 0)
			add_text(rd, &c->v);
		return (NODE_GO);
	case XML_READER_TYPE_DOCUMENT_TYPE:
	case XML_READER_TYPE_ENTITY_REFERENCE:
	case XML_READER_TYPE_ENTITY:
		return (NODE_FORBIDDEN);
	default:
		return (NODE_GO);
	}
}

static bool
read_sheet(struct xlsx *X, const struct sheetref *s)
{
	struct part		 p;
	struct xcell		 c;
	xmlTextReaderPtr	 rd;
	enum node		 k = NODE_GO;
	int			 rc = 0, row = 0, col = -1;

	if ((rd = open_part(X, s->target, &p)) == NULL)
		return (!err_isset(X->err));
	if (!ledger_grid_sheet(X->g, s->name, X->path, X->err)) {
		xmlFreeTextReader(rd);
		return (false);
	}
	memset(&c, 0, sizeof c);
	c.col = -1;
	sbuf_init(&c.v);
	while (k == NODE_GO && (rc = xmlTextReaderRead(rd)) == 1)
		k = sheet_node(X, rd, &c, &row, &col);
	if (k == NODE_FORBIDDEN)
		rc = -1;
	ledger_grid_end_row(X->g);
	sbuf_done(&c.v);
	return (close_part(X, rd, &p, s->target, rc));
}

/* ---- the package ---- */

static zip_t *
open_zip(const void *buf, size_t len, const char *path, struct err *err)
{
	zip_error_t	 ze;
	zip_source_t	*src;
	zip_t		*za;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(buf, len, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		if (zip_error_code_zip(&ze) == ZIP_ER_ENCRNOTSUPP)
			err_set(err, path, 0, 0, "ledger.e_encrypted", 0);
		else
			err_set(err, path, 0, 0, "ledger.e_not_xlsx", 0);
		zip_error_fini(&ze);
		zip_source_free(src);
		return (NULL);
	}
	zip_error_fini(&ze);
	return (za);
}

bool
ledger_xlsx_parse(const void *buf, size_t len, const char *path,
    struct ledger_grid *g, struct err *err)
{
	static pthread_once_t	 once = PTHREAD_ONCE_INIT;
	struct xlsx		 X;
	size_t			 i;
	bool			 ok;

	pthread_once(&once, xml_setup);
	memset(&X, 0, sizeof X);
	if ((X.za = open_zip(buf, len, path, err)) == NULL)
		return (false);
	X.path = path;
	X.err = err;
	X.g = g;
	g->format = "XLSX";
	sbuf_init(&X.sst);
	ok = read_workbook(&X) && read_rels(&X) && read_shared(&X);
	for (i = 0; ok && i < X.nsheets; i++) {
		/* Without relationships, Excel's own part names. */
		if (X.sheets[i].target == NULL)
			X.sheets[i].target = xasprintf(
			    "xl/worksheets/sheet%zu.xml", i + 1);
		ok = read_sheet(&X, &X.sheets[i]);
	}
	if (ok && g->nsheets == 0) {
		err_set(err, path, 0, 0, "ledger.e_no_sheet", 0);
		ok = false;
	}
	for (i = 0; i < X.nsheets; i++) {
		free(X.sheets[i].name);
		free(X.sheets[i].rid);
		free(X.sheets[i].target);
	}
	free(X.sheets);
	free(X.sstoff);
	sbuf_done(&X.sst);
	zip_discard(X.za);
	return (ok);
}

#else	/* !NB_HAVE_LIBZIP */

bool
ledger_xlsx_parse(const void *buf, size_t len, const char *path,
    struct ledger_grid *g, struct err *err)
{
	(void)buf;
	(void)len;
	(void)g;
	err_set(err, path, 0, 0, "ledger.e_no_zip", 0);
	return (false);
}

#endif
