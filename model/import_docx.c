/*
 * A .docx as text; see import_docx.h.
 *
 * Two layers.  struct xml is a pull tokenizer over one part: xml_next()
 * returns the next start tag, end tag or run of character data as spans
 * of the input (nothing is copied until a caller decodes a span), and
 * keeps the stack of open element names so that every end tag is checked
 * against the element it closes and nesting is bounded.  Anything that
 * would need a DTD is refused; entities are decoded only when text is
 * used (decode()), and checked all the same.
 *
 * struct conv turns the document part's tokens into lines.  kinds[d] is
 * the kind of the open element at depth d (parallel to the tokenizer's
 * name stack), so a w:tab is a TAB only inside a run and an end tag knows
 * what it closes.  skip is the depth of an element whose whole content is
 * ignored (deleted text, drawings, ...), or -1.  Only the outermost table
 * has a grid: tbls counts open tables, and while a cell of the outermost
 * table is open (incell) all text, nested tables' included, goes into
 * that cell.  The outermost table's finished rows wait in rows (one line
 * each, cells TAB-separated, never padded) until the table ends, when the
 * grid's width is known and each row is padded to it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utf8.h>

#ifdef NB_HAVE_LIBZIP
#include <zip.h>
#endif

#include "import_docx.h"
#include "sbuf.h"
#include "xmalloc.h"

#define NS_W		"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT	"http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_MC		"http://schemas.openxmlformats.org/markup-compatibility/2006"
#define DOCUMENT	"word/document.xml"
#define RELS		"_rels/.rels"
#define RELS_MAX	(1024 * 1024)
#define MIB(n)		((n) / (1024 * 1024))

struct xname {
	const char	*s;
	size_t		 n;
};

/* XT_NONE: markup that is no token (a comment, a processing instruction). */
enum xtok { XT_EOF, XT_START, XT_EMPTY, XT_END, XT_TEXT, XT_ERR, XT_NONE };

struct xml {
	const char	*s, *p, *end;
	const char	*at;		/* where the current token starts */
	struct xname	 name;		/* of a tag */
	const char	*attrs;		/* of a start tag: after the name */
	size_t		 alen;
	const char	*text;		/* XT_TEXT: raw, entities undecoded */
	size_t		 tlen;
	bool		 cdata;		/* ... from a CDATA section */
	struct xname	 stack[IMPORT_DOCX_MAX_DEPTH];
	int		 depth;
	bool		 rooted;	/* the root element has started */
	const char	*msgid;		/* XT_ERR: why */
};

static void
xml_init(struct xml *x, const char *s, size_t len)
{
	memset(x, 0, sizeof *x);
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	x->s = x->p = x->at = s;
	x->end = s + len;
}

static bool
xspace(char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

static bool
namechar(unsigned char c, bool first)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    c == ':' || c >= 0x80)
		return (true);
	return (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
}

static size_t
name_len(const char *p, const char *end)
{
	size_t	n = 0;

	while (p + n < end && namechar((unsigned char)p[n], n == 0))
		n++;
	return (n);
}

/* The first occurrence of the NUL-terminated s in [p, end), or NULL. */
static const char *
find(const char *p, const char *end, const char *s)
{
	size_t	n = strlen(s);

	for (; (size_t)(end - p) >= n; p++)
		if (*p == *s && memcmp(p, s, n) == 0)
			return (p);
	return (NULL);
}

static bool
starts(const struct xml *x, const char *s)
{
	size_t	n = strlen(s);

	return ((size_t)(x->end - x->p) >= n && memcmp(x->p, s, n) == 0);
}

static enum xtok
xfail(struct xml *x, const char *msgid)
{
	x->msgid = msgid;
	return (XT_ERR);
}

/* Skips name="value" pairs; on success p is after the tag's '>'. */
static enum xtok
start_tag(struct xml *x)
{
	const char	*p = x->p + 1, *q;
	size_t		 n = name_len(p, x->end);
	bool		 sp;

	if (n == 0)
		return (xfail(x, "import.e_docx_xml"));
	x->name = (struct xname){ p, n };
	x->attrs = p += n;
	for (;;) {
		for (sp = false; p < x->end && xspace(*p); p++)
			sp = true;
		if (p == x->end)
			return (xfail(x, "import.e_docx_xml"));
		if (*p == '>' || *p == '/')
			break;
		if (!sp || (n = name_len(p, x->end)) == 0)
			return (xfail(x, "import.e_docx_xml"));
		for (p += n; p < x->end && xspace(*p); p++)
			;
		if (p == x->end || *p++ != '=')
			return (xfail(x, "import.e_docx_xml"));
		while (p < x->end && xspace(*p))
			p++;
		if (p == x->end || (*p != '"' && *p != '\'') ||
		    (q = memchr(p + 1, *p, (size_t)(x->end - p - 1))) == NULL ||
		    memchr(p + 1, '<', (size_t)(q - p - 1)) != NULL)
			return (xfail(x, "import.e_docx_xml"));
		p = q + 1;
	}
	x->alen = (size_t)(p - x->attrs);
	if (*p == '/' && (p + 1 == x->end || p[1] != '>'))
		return (xfail(x, "import.e_docx_xml"));
	if (x->rooted && x->depth == 0)
		return (xfail(x, "import.e_docx_xml"));	/* a second root */
	x->rooted = true;
	if (*p == '/') {
		x->p = p + 2;
		return (XT_EMPTY);
	}
	if (x->depth == IMPORT_DOCX_MAX_DEPTH)
		return (xfail(x, "import.e_docx_deep"));
	x->stack[x->depth++] = x->name;
	x->p = p + 1;
	return (XT_START);
}

static enum xtok
end_tag(struct xml *x)
{
	const char	*p = x->p + 2;
	size_t		 n = name_len(p, x->end);
	struct xname	*top;

	if (x->depth == 0)
		return (xfail(x, "import.e_docx_xml"));
	top = &x->stack[x->depth - 1];
	if (n == 0 || top->n != n || memcmp(top->s, p, n) != 0)
		return (xfail(x, "import.e_docx_xml"));
	for (p += n; p < x->end && xspace(*p); p++)
		;
	if (p == x->end || *p != '>')
		return (xfail(x, "import.e_docx_xml"));
	x->name = *top;
	x->depth--;
	x->p = p + 1;
	return (XT_END);
}

/* Comments, processing instructions and CDATA sections. */
static enum xtok
markup(struct xml *x)
{
	const char	*q;

	if (starts(x, "<?") || starts(x, "<!--")) {
		q = find(x->p + 2, x->end, x->p[1] == '?' ? "?>" : "-->");
		if (q == NULL)
			return (xfail(x, "import.e_docx_xml"));
		x->p = q + (x->p[1] == '?' ? 2 : 3);
		return (XT_NONE);
	}
	if (starts(x, "<![CDATA[")) {
		if (x->depth == 0 ||
		    (q = find(x->p + 9, x->end, "]]>")) == NULL)
			return (xfail(x, "import.e_docx_xml"));
		x->text = x->p + 9;
		x->tlen = (size_t)(q - x->text);
		x->cdata = true;
		x->p = q + 3;
		return (XT_TEXT);
	}
	if (starts(x, "<!DOCTYPE") || starts(x, "<!ENTITY"))
		return (xfail(x, "import.e_docx_dtd"));
	return (xfail(x, "import.e_docx_xml"));
}

/* The next token; XT_ERR leaves x->at at the offending token. */
static enum xtok
xml_next(struct xml *x)
{
	const char	*q;
	enum xtok	 t;

	for (;;) {
		x->at = x->p;
		if (x->p == x->end)
			return (x->depth > 0 || !x->rooted ?
			    xfail(x, "import.e_docx_xml") : XT_EOF);
		if (*x->p != '<') {
			q = memchr(x->p, '<', (size_t)(x->end - x->p));
			x->text = x->p;
			x->p = q != NULL ? q : x->end;
			x->tlen = (size_t)(x->p - x->text);
			x->cdata = false;
			if (x->depth > 0)
				return (XT_TEXT);
			for (q = x->text; q < x->p; q++)
				if (!xspace(*q))
					return (xfail(x, "import.e_docx_xml"));
			continue;
		}
		if (x->p + 1 < x->end && x->p[1] == '/')
			return (end_tag(x));
		if (x->p + 1 < x->end && (x->p[1] == '?' || x->p[1] == '!')) {
			if ((t = markup(x)) == XT_NONE)
				continue;
			return (t);
		}
		return (start_tag(x));
	}
}

/* One attribute of a validated start tag's span; false at its end. */
static bool
attr_next(const char **pp, const char *end, struct xname *name,
    struct xname *val)
{
	const char	*p = *pp, *q;

	while (p < end && xspace(*p))
		p++;
	if (p >= end || (name->n = name_len(p, end)) == 0)
		return (false);
	name->s = p;
	p += name->n;
	while (p < end && (xspace(*p) || *p == '='))
		p++;
	if (p >= end || (q = memchr(p + 1, *p, (size_t)(end - p - 1))) ==
	    NULL)
		return (false);
	*val = (struct xname){ p + 1, (size_t)(q - p - 1) };
	*pp = q + 1;
	return (true);
}

/* Splits prefix:local; no colon gives an empty prefix. */
static void
qname(const struct xname *n, struct xname *prefix, struct xname *local)
{
	const char	*c = memchr(n->s, ':', n->n);

	*prefix = (struct xname){ n->s, c != NULL ? (size_t)(c - n->s) : 0 };
	*local = c != NULL ? (struct xname){ c + 1, n->n - prefix->n - 1 } :
	    *n;
}

static bool
xeq(const struct xname *n, const char *s)
{
	return (n->n == strlen(s) && memcmp(n->s, s, n->n) == 0);
}

static bool
xeqn(const struct xname *a, const struct xname *b)
{
	return (a->n == b->n && memcmp(a->s, b->s, a->n) == 0);
}

/* Appends code point cp as UTF-8, as text sees it (see import_docx.h). */
static void
put_cp(struct sbuf *dst, int32_t cp)
{
	uint8_t	u[4];
	int32_t	n = 0;

	if (cp == '\t' || cp == '\n' || cp == '\r')
		cp = ' ';
	else if (cp < 0x20 || cp == 0x7f)
		return;
	else if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff ||
	    cp == 0xfffe || cp == 0xffff)
		cp = 0xfffd;
	U8_APPEND_UNSAFE(u, n, cp);
	sbuf_add(dst, (const char *)u, (size_t)n);
}

/* A character or entity reference at s (after '&'); -1 when bad. */
static int32_t
reference(const char *s, size_t n, size_t *used)
{
	static const struct { const char *name; char c; } ent[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		{ "quot;", '"' }, { "apos;", '\'' }
	};
	int32_t	cp = 0;
	size_t	i, base = 10;
	int	d;

	for (i = 0; i < sizeof ent / sizeof ent[0]; i++)
		if (n >= strlen(ent[i].name) &&
		    memcmp(s, ent[i].name, strlen(ent[i].name)) == 0) {
			*used = strlen(ent[i].name);
			return (ent[i].c);
		}
	if (n < 3 || s[0] != '#')
		return (-1);
	i = 1;
	if (s[1] == 'x') {
		base = 16;
		i = 2;
	}
	for (*used = i; i < n && s[i] != ';'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (base == 16 && (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f')
			d = (s[i] | 0x20) - 'a' + 10;
		else
			return (-1);
		cp = cp > 0x10ffff ? cp : cp * (int32_t)base + d;
	}
	if (i == n || i == *used)
		return (-1);
	*used = i + 1;
	return (cp == 0 ? 0xfffd : cp);
}

/*
 * Decodes raw character data into dst (NULL: only checks it): entities
 * unless cdata, ill-formed UTF-8 as U+FFFD, put_cp's rules.  False on a
 * bad reference.
 */
static bool
decode(const char *s, size_t n, bool cdata, struct sbuf *dst)
{
	size_t	i = 0, used;
	int32_t	cp, j, len;

	while (i < n) {
		if (s[i] == '&' && !cdata) {
			if ((cp = reference(s + i + 1, n - i - 1, &used)) < 0)
				return (false);
			i += used + 1;
		} else if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i++];
		} else {
			j = 0;
			len = n - i > 4 ? 4 : (int32_t)(n - i);
			U8_NEXT((const uint8_t *)s + i, j, len, cp);
			if (cp < 0)
				cp = 0xfffd;
			i += (size_t)j;
		}
		if (dst != NULL)
			put_cp(dst, cp);
	}
	return (true);
}

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
	struct xml	 x;
	struct xname	 w, mc;		/* prefixes of the two namespaces */
	unsigned char	 kinds[IMPORT_DOCX_MAX_DEPTH];
	int		 skip;
	int		 tbls;
	struct sbuf	 out;		/* the text so far */
	struct sbuf	 para;		/* the paragraph being read */
	struct sbuf	 rows;		/* the outermost table's rows */
	struct sbuf	 row;		/* its row being built */
	struct sbuf	 cell;		/* its cell being read */
	int		 gridcols;	/* w:gridCol seen */
	int		 maxcols;	/* the widest row */
	int		 col;		/* grid columns of row filled */
	int		 after;		/* w:gridAfter of row */
	int		 span;		/* w:gridSpan of cell */
	bool		 inrow, incell, cont;
};

static enum kind
kind_of(const struct conv *c, const struct xname *n)
{
	struct xname	prefix, local;
	size_t		i;

	qname(n, &prefix, &local);
	if (xeqn(&prefix, &c->mc) && xeq(&local, "Fallback"))
		return (K_SKIP);
	if (!xeqn(&prefix, &c->w))
		return (K_OTHER);
	for (i = 0; i < sizeof wkinds / sizeof wkinds[0]; i++)
		if (xeq(&local, wkinds[i].local))
			return (wkinds[i].kind);
	return (K_OTHER);
}

/* The prefixes the root element binds to the w: and mc: namespaces. */
static void
namespaces(struct conv *c)
{
	const char	*p = c->x.attrs, *end = p + c->x.alen;
	struct xname	 name, val, prefix, local;

	c->w = (struct xname){ "w", 1 };
	c->mc = (struct xname){ "mc", 2 };
	while (attr_next(&p, end, &name, &val)) {
		qname(&name, &prefix, &local);
		if (xeq(&name, "xmlns"))
			local = (struct xname){ "", 0 };
		else if (!xeq(&prefix, "xmlns"))
			continue;
		if (xeq(&val, NS_W) || xeq(&val, NS_W_STRICT))
			c->w = local;
		else if (xeq(&val, NS_MC))
			c->mc = local;
	}
}

/* The w:val of the current tag, decoded into v; false when absent. */
static bool
wval(const struct conv *c, struct sbuf *v)
{
	const char	*p = c->x.attrs, *end = p + c->x.alen;
	struct xname	 name, val, prefix, local;

	while (attr_next(&p, end, &name, &val)) {
		qname(&name, &prefix, &local);
		if (xeq(&local, "val") &&
		    (prefix.n == 0 || xeqn(&prefix, &c->w))) {
			sbuf_truncate(v, 0);
			return (decode(val.s, val.n, false, v));
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

/* Puts text into the next n grid columns of the row (the first). */
static void
row_put(struct conv *c, const char *text, size_t len, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (c->col == IMPORT_DOCX_MAX_COLS) {
			/* Past the widest grid: into the last column. */
			if (i == 0)
				sbuf_add(&c->row, text, len);
			return;
		}
		if (c->col++ > 0)
			sbuf_addc(&c->row, '\t');
		if (i == 0)
			sbuf_add(&c->row, text, len);
	}
}

/* Ends the outermost table: its rows, each padded to the grid. */
static void
table_end(struct conv *c)
{
	int		 ncols = c->gridcols > c->maxcols ? c->gridcols :
			    c->maxcols, tabs, n;
	const char	*p, *nl;

	if (ncols > IMPORT_DOCX_MAX_COLS)
		ncols = IMPORT_DOCX_MAX_COLS;
	for (p = c->rows.s; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		sbuf_add(&c->out, p, (size_t)(nl - p));
		for (tabs = 0; p < nl; p++)
			tabs += *p == '\t';
		for (; tabs < ncols - 1; tabs += n) {
			n = ncols - 1 - tabs < 16 ? ncols - 1 - tabs : 16;
			sbuf_add(&c->out, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
			    (size_t)n);
		}
		sbuf_addc(&c->out, '\n');
		if (c->out.len > IMPORT_DOCX_MAX_TEXT)
			return;
	}
	sbuf_addc(&c->out, '\n');
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
			sbuf_truncate(&c->rows, 0);
			c->gridcols = c->maxcols = 0;
			c->inrow = c->incell = false;
		}
		break;
	case K_GRIDCOL:
		c->gridcols += outer && !c->incell && !c->inrow;
		break;
	case K_TR:
		if (outer && !c->inrow) {
			sbuf_truncate(&c->row, 0);
			c->col = c->after = 0;
			c->inrow = true;
		}
		break;
	case K_BEFORE:
		if (outer && c->inrow && !c->incell)
			row_put(c, "", 0, wint(c, 0, IMPORT_DOCX_MAX_COLS));
		break;
	case K_AFTER:
		if (outer && c->inrow && !c->incell)
			c->after = wint(c, 0, IMPORT_DOCX_MAX_COLS);
		break;
	case K_TC:
		if (outer && c->inrow && !c->incell) {
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
			row_put(c, c->cont ? "" : c->cell.s,
			    c->cont ? 0 : c->cell.len, c->span);
			c->incell = false;
		}
		break;
	case K_TR:
		if (outer && c->inrow && !c->incell) {
			row_put(c, "", 0, c->after);
			sbuf_add(&c->rows, c->row.s, c->row.len);
			sbuf_addc(&c->rows, '\n');
			if (c->col > c->maxcols)
				c->maxcols = c->col;
			c->inrow = false;
		}
		break;
	case K_TBL:
		if (--c->tbls == 0)
			table_end(c);
		break;
	default:
		break;
	}
}

/* One token of the document part; false on an error in its XML. */
static bool
token(struct conv *c, enum xtok t)
{
	int		 d = c->x.depth - (t == XT_START);
	enum kind	 k;
	struct sbuf	*dst = NULL;

	switch (t) {
	case XT_START:
	case XT_EMPTY:
		if (d == 0)
			namespaces(c);
		k = kind_of(c, &c->x.name);
		if (c->skip < 0 && k == K_SKIP && t == XT_START)
			c->skip = d;
		if (t == XT_START)
			c->kinds[d] = (unsigned char)k;
		if (c->skip < 0) {
			on_start(c, k, d > 0 ? c->kinds[d - 1] : K_OTHER);
			if (t == XT_EMPTY)
				on_end(c, k);
		}
		return (true);
	case XT_END:
		if (c->skip == d)
			c->skip = -1;
		else if (c->skip < 0)
			on_end(c, c->kinds[d]);
		return (true);
	default:
		if (c->skip < 0 && c->kinds[d - 1] == K_T)
			dst = target(c);
		return (decode(c->x.text, c->x.tlen, c->x.cdata, dst));
	}
}

static size_t
produced(const struct conv *c)
{
	return (c->out.len + c->para.len + c->rows.len + c->row.len +
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
	if (strcmp(c->x.msgid, "import.e_docx_dtd") == 0)
		err_set(err, path, 0, 0, c->x.msgid, 1, part);
	else if (strcmp(c->x.msgid, "import.e_docx_deep") == 0)
		err_set(err, path, 0, 0, c->x.msgid, 3, part, line, max);
	else
		err_set(err, path, 0, 0, c->x.msgid, 3, part, line, col);
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
	sbuf_done(&c->rows);
	sbuf_done(&c->row);
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
	struct conv	 c;
	enum xtok	 t;
	char		*u16 = NULL;
	bool		 ok = true;

	if (len > IMPORT_DOCX_MAX_PART) {
		size_err(path, MIB(IMPORT_DOCX_MAX_PART), err);
		return (NULL);
	}
	if (len >= 2 && ((unsigned char)xml[0] == 0xff ?
	    (unsigned char)xml[1] == 0xfe : ((unsigned char)xml[0] == 0xfe &&
	    (unsigned char)xml[1] == 0xff)))
		xml = u16 = from_utf16(xml, len, &len);
	memset(&c, 0, sizeof c);
	xml_init(&c.x, xml, len);
	c.skip = -1;
	c.w = (struct xname){ "w", 1 };
	c.mc = (struct xname){ "mc", 2 };
	sbuf_init(&c.out);
	sbuf_init(&c.para);
	sbuf_init(&c.rows);
	sbuf_init(&c.row);
	sbuf_init(&c.cell);
	while (ok && (t = xml_next(&c.x)) != XT_EOF) {
		if (t == XT_ERR || !token(&c, t)) {
			if (t != XT_ERR)
				c.x.msgid = "import.e_docx_xml";
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
	struct xml	 x;
	struct xname	 name, val, prefix, local, type, tgt;
	struct err	 e = { 0 };
	zip_int64_t	 idx = zip_name_locate(za, RELS, ZIP_FL_NOCASE);
	char		*rels, *found = NULL;
	const char	*p;
	size_t		 len;
	enum xtok	 t;

	if (idx < 0 || (rels = read_entry(za, idx, RELS_MAX, NULL, &len,
	    &e)) == NULL) {
		err_clear(&e);
		return (NULL);
	}
	xml_init(&x, rels, len);
	while (found == NULL && ((t = xml_next(&x)) == XT_START ||
	    t == XT_EMPTY || t == XT_END || t == XT_TEXT)) {
		if (t == XT_END || t == XT_TEXT)
			continue;
		qname(&x.name, &prefix, &local);
		if (!xeq(&local, "Relationship"))
			continue;
		type.n = tgt.n = 0;
		for (p = x.attrs; attr_next(&p, x.attrs + x.alen, &name,
		    &val); )
			if (xeq(&name, "Type"))
				type = val;
			else if (xeq(&name, "Target"))
				tgt = val;
		if (type.n > 15 && memcmp(type.s + type.n - 15,
		    "/officeDocument", 15) == 0 && tgt.n > 0) {
			if (*tgt.s == '/')
				tgt = (struct xname){ tgt.s + 1, tgt.n - 1 };
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
