/*
 * The XML tokenizer of import_xml.h.  It works on spans of the input and
 * allocates nothing: start_tag() validates a tag's attributes as it
 * passes them (callers read them again with import_xml_attr_next), and
 * character data is handed out raw, to be decoded only when it is used.
 */
#include <stdint.h>
#include <string.h>

#include <unicode/utf8.h>

#include "import_xml.h"

void
import_xml_init(struct import_xml *x, const char *s, size_t len)
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
starts(const struct import_xml *x, const char *s)
{
	size_t	n = strlen(s);

	return ((size_t)(x->end - x->p) >= n && memcmp(x->p, s, n) == 0);
}

static enum import_xml_tok
xfail(struct import_xml *x, enum import_xml_error why)
{
	x->why = why;
	return (IMPORT_XML_ERR);
}

/* Skips name="value" pairs; on success p is after the tag's '>'. */
static enum import_xml_tok
start_tag(struct import_xml *x)
{
	const char	*p = x->p + 1, *q;
	size_t		 n = name_len(p, x->end);
	bool		 sp;

	if (n == 0)
		return (xfail(x, IMPORT_XML_E_SYNTAX));
	x->name = (struct import_xml_name){ p, n };
	x->attrs = p += n;
	for (;;) {
		for (sp = false; p < x->end && xspace(*p); p++)
			sp = true;
		if (p == x->end)
			return (xfail(x, IMPORT_XML_E_SYNTAX));
		if (*p == '>' || *p == '/')
			break;
		if (!sp || (n = name_len(p, x->end)) == 0)
			return (xfail(x, IMPORT_XML_E_SYNTAX));
		for (p += n; p < x->end && xspace(*p); p++)
			;
		if (p == x->end || *p++ != '=')
			return (xfail(x, IMPORT_XML_E_SYNTAX));
		while (p < x->end && xspace(*p))
			p++;
		if (p == x->end || (*p != '"' && *p != '\'') ||
		    (q = memchr(p + 1, *p, (size_t)(x->end - p - 1))) == NULL ||
		    memchr(p + 1, '<', (size_t)(q - p - 1)) != NULL)
			return (xfail(x, IMPORT_XML_E_SYNTAX));
		p = q + 1;
	}
	x->alen = (size_t)(p - x->attrs);
	if (*p == '/' && (p + 1 == x->end || p[1] != '>'))
		return (xfail(x, IMPORT_XML_E_SYNTAX));
	if (x->rooted && x->depth == 0)
		return (xfail(x, IMPORT_XML_E_SYNTAX));	/* a second root */
	x->rooted = true;
	if (*p == '/') {
		x->p = p + 2;
		return (IMPORT_XML_EMPTY);
	}
	if (x->depth == IMPORT_XML_MAX_DEPTH)
		return (xfail(x, IMPORT_XML_E_DEEP));
	x->stack[x->depth++] = x->name;
	x->p = p + 1;
	return (IMPORT_XML_START);
}

static enum import_xml_tok
end_tag(struct import_xml *x)
{
	const char	*p = x->p + 2;
	size_t		 n = name_len(p, x->end);
	struct import_xml_name	*top;

	if (x->depth == 0)
		return (xfail(x, IMPORT_XML_E_SYNTAX));
	top = &x->stack[x->depth - 1];
	if (n == 0 || top->n != n || memcmp(top->s, p, n) != 0)
		return (xfail(x, IMPORT_XML_E_SYNTAX));
	for (p += n; p < x->end && xspace(*p); p++)
		;
	if (p == x->end || *p != '>')
		return (xfail(x, IMPORT_XML_E_SYNTAX));
	x->name = *top;
	x->depth--;
	x->p = p + 1;
	return (IMPORT_XML_END);
}

/* Comments, processing instructions and CDATA sections. */
static enum import_xml_tok
markup(struct import_xml *x)
{
	const char	*q;

	if (starts(x, "<?") || starts(x, "<!--")) {
		q = find(x->p + 2, x->end, x->p[1] == '?' ? "?>" : "-->");
		if (q == NULL)
			return (xfail(x, IMPORT_XML_E_SYNTAX));
		x->p = q + (x->p[1] == '?' ? 2 : 3);
		return (IMPORT_XML_NONE);
	}
	if (starts(x, "<![CDATA[")) {
		if (x->depth == 0 ||
		    (q = find(x->p + 9, x->end, "]]>")) == NULL)
			return (xfail(x, IMPORT_XML_E_SYNTAX));
		x->text = x->p + 9;
		x->tlen = (size_t)(q - x->text);
		x->cdata = true;
		x->p = q + 3;
		return (IMPORT_XML_TEXT);
	}
	if (starts(x, "<!DOCTYPE") || starts(x, "<!ENTITY"))
		return (xfail(x, IMPORT_XML_E_DTD));
	return (xfail(x, IMPORT_XML_E_SYNTAX));
}

/* The next token; IMPORT_XML_ERR leaves x->at at the offending token. */
enum import_xml_tok
import_xml_next(struct import_xml *x)
{
	const char	*q;
	enum import_xml_tok	 t;

	for (;;) {
		x->at = x->p;
		if (x->p == x->end)
			return (x->depth > 0 || !x->rooted ?
			    xfail(x, IMPORT_XML_E_SYNTAX) : IMPORT_XML_EOF);
		if (*x->p != '<') {
			q = memchr(x->p, '<', (size_t)(x->end - x->p));
			x->text = x->p;
			x->p = q != NULL ? q : x->end;
			x->tlen = (size_t)(x->p - x->text);
			x->cdata = false;
			if (x->depth > 0)
				return (IMPORT_XML_TEXT);
			for (q = x->text; q < x->p; q++)
				if (!xspace(*q))
					return (xfail(x, IMPORT_XML_E_SYNTAX));
			continue;
		}
		if (x->p + 1 < x->end && x->p[1] == '/')
			return (end_tag(x));
		if (x->p + 1 < x->end && (x->p[1] == '?' || x->p[1] == '!')) {
			if ((t = markup(x)) == IMPORT_XML_NONE)
				continue;
			return (t);
		}
		return (start_tag(x));
	}
}

/* One attribute of a validated start tag's span; false at its end. */
bool
import_xml_attr_next(const char **pp, const char *end,
    struct import_xml_name *name, struct import_xml_name *val)
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
	*val = (struct import_xml_name){ p + 1, (size_t)(q - p - 1) };
	*pp = q + 1;
	return (true);
}

/* Splits prefix:local; no colon gives an empty prefix. */
void
import_xml_qname(const struct import_xml_name *n,
    struct import_xml_name *prefix, struct import_xml_name *local)
{
	const char	*c = memchr(n->s, ':', n->n);
	size_t		 pn = c != NULL ? (size_t)(c - n->s) : 0;

	*prefix = (struct import_xml_name){ n->s, pn };
	*local = c != NULL ? (struct import_xml_name){ c + 1, n->n - pn - 1 } :
	    *n;
}

bool
import_xml_eq(const struct import_xml_name *n, const char *s)
{
	return (n->n == strlen(s) && memcmp(n->s, s, n->n) == 0);
}

bool
import_xml_eqn(const struct import_xml_name *a,
    const struct import_xml_name *b)
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
		else if (base == 16 && (s[i] | 0x20) >= 'a' &&
		    (s[i] | 0x20) <= 'f')
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
bool
import_xml_decode(const char *s, size_t n, bool cdata, struct sbuf *dst)
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
