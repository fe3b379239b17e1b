/*
 * XML writer; see xmlw.h.  The only state is the stack of open element
 * names and whether the innermost start tag still waits for its '>'.
 * Escaping copies runs of plain bytes in one sbuf_add and looks at a byte
 * more closely only when it is markup, a control or non-ASCII.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sbuf.h"
#include "xmalloc.h"
#include "xmlw.h"

void
xmlw_init(struct xmlw *w, struct sbuf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
}

void
xmlw_decl(struct xmlw *w)
{
	sbuf_adds(w->b,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
}

/* Finishes a pending start tag before content is added. */
static void
close_tag(struct xmlw *w)
{
	if (w->open) {
		sbuf_addc(w->b, '>');
		w->open = false;
	}
}

void
xmlw_start(struct xmlw *w, const char *name)
{
	if (w->depth == XMLW_MAXDEPTH)
		fatal("xmlw: elements nested too deep");
	close_tag(w);
	sbuf_addc(w->b, '<');
	sbuf_adds(w->b, name);
	w->stack[w->depth++] = name;
	w->open = true;
}

void
xmlw_attr(struct xmlw *w, const char *name, const char *value)
{
	if (!w->open)
		fatal("xmlw: attribute outside a start tag");
	sbuf_addc(w->b, ' ');
	sbuf_adds(w->b, name);
	sbuf_adds(w->b, "=\"");
	xmlw_escape(w->b, value, strlen(value), true);
	sbuf_addc(w->b, '"');
}

void
xmlw_attri(struct xmlw *w, const char *name, long value)
{
	char	num[32];

	snprintf(num, sizeof num, "%ld", value);
	xmlw_attr(w, name, num);
}

void
xmlw_text(struct xmlw *w, const char *s, size_t len)
{
	if (w->depth == 0)
		fatal("xmlw: text outside the root element");
	close_tag(w);
	xmlw_escape(w->b, s, len, false);
}

void
xmlw_end(struct xmlw *w)
{
	const char	*name;

	if (w->depth == 0)
		fatal("xmlw: end without a start");
	name = w->stack[--w->depth];
	if (w->open) {
		sbuf_adds(w->b, "/>");
		w->open = false;
		return;
	}
	sbuf_adds(w->b, "</");
	sbuf_adds(w->b, name);
	sbuf_addc(w->b, '>');
}

void
xmlw_empty(struct xmlw *w, const char *name, const char *attr,
    const char *value)
{
	xmlw_start(w, name);
	if (attr != NULL)
		xmlw_attr(w, attr, value);
	xmlw_end(w);
}

void
xmlw_emptyi(struct xmlw *w, const char *name, const char *attr, long value)
{
	xmlw_start(w, name);
	xmlw_attri(w, attr, value);
	xmlw_end(w);
}

void
xmlw_newline(struct xmlw *w)
{
	close_tag(w);
	sbuf_addc(w->b, '\n');
}

bool
xmlw_closed(const struct xmlw *w)
{
	return (w->depth == 0);
}

/*
 * Length of the well-formed UTF-8 sequence at s (at most n bytes) and its
 * code point, or 0 when the bytes are not one (overlong forms, surrogates
 * and values past U+10FFFF included).
 */
static size_t
utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t		len, i;
	uint32_t	c, min;

	if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
		min = 0x10000;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
		min = 0x800;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
		min = 0x80;
	} else
		return (0);
	if (len > n)
		return (0);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return (0);
	*cp = c;
	return (len);
}

/* True for bytes that cannot be copied as they are. */
static bool
special(unsigned char c, bool attr)
{
	if (c < 0x20 || c >= 0x80)
		return (c != '\t' && c != '\n') || attr;
	return (c == '&' || c == '<' || c == '>' ||
	    (attr && (c == '"' || c == '\'')));
}

/* Escapes the ASCII byte c, or drops it when XML cannot carry it. */
static void
escape_ascii(struct sbuf *b, unsigned char c)
{
	switch (c) {
	case '&':	sbuf_adds(b, "&amp;"); break;
	case '<':	sbuf_adds(b, "&lt;"); break;
	case '>':	sbuf_adds(b, "&gt;"); break;
	case '"':	sbuf_adds(b, "&quot;"); break;
	case '\'':	sbuf_adds(b, "&apos;"); break;
	case '\t':	sbuf_adds(b, "&#9;"); break;	/* attributes only */
	case '\n':	sbuf_adds(b, "&#10;"); break;	/* attributes only */
	default:	break;				/* other controls */
	}
}

void
xmlw_escape(struct sbuf *b, const char *str, size_t len, bool attr)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, run, n;
	uint32_t		 cp;

	while (i < len) {
		for (run = i; run < len && !special(s[run], attr); run++)
			;
		if (run > i)
			sbuf_add(b, str + i, run - i);
		if ((i = run) == len)
			break;
		if (s[i] < 0x80) {
			escape_ascii(b, s[i]);
			i++;
		} else if ((n = utf8_seq(s + i, len - i, &cp)) == 0) {
			sbuf_adds(b, "\xef\xbf\xbd");	/* U+FFFD */
			i++;
		} else {
			if (cp != 0xfffe && cp != 0xffff &&
			    !(cp >= 0x80 && cp <= 0x9f))
				sbuf_add(b, str + i, n);
			i += n;
		}
	}
}
