/*
 * A small pull tokenizer for the XML of a Word document's parts, of our
 * own so that nothing a document says can make it fetch or expand
 * anything: no DTD (a DOCTYPE or ENTITY declaration is an error), no
 * entities beyond the five predefined ones and character references, and
 * those are decoded only when a caller asks for a span's text.
 *
 * import_xml_next() returns the next start tag, empty-element tag, end tag
 * or run of character data as spans of the input (nothing is copied) and
 * keeps the stack of open element names, so that every end tag is checked
 * against the element it closes and nesting is bounded by
 * IMPORT_XML_MAX_DEPTH.  Comments and processing instructions are skipped;
 * a CDATA section is character data.  On an error, x->at is where the
 * offending token starts and x->why says what is wrong.
 */
#ifndef NB_IMPORT_XML_H
#define NB_IMPORT_XML_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"

#define IMPORT_XML_MAX_DEPTH	256

/* A span of the input: a name, a value, a prefix. */
struct import_xml_name {
	const char	*s;
	size_t		 n;
};

enum import_xml_tok {
	IMPORT_XML_EOF,
	IMPORT_XML_START,	/* <a ...> */
	IMPORT_XML_EMPTY,	/* <a .../> */
	IMPORT_XML_END,		/* </a> */
	IMPORT_XML_TEXT,	/* character data or a CDATA section */
	IMPORT_XML_ERR,
	IMPORT_XML_NONE		/* internal: markup that is no token */
};

enum import_xml_error {
	IMPORT_XML_E_SYNTAX,	/* not well-formed */
	IMPORT_XML_E_DTD,	/* a DOCTYPE or ENTITY declaration */
	IMPORT_XML_E_DEEP	/* nested deeper than IMPORT_XML_MAX_DEPTH */
};

struct import_xml {
	const char		*s, *p, *end;
	const char		*at;	/* where the current token starts */
	struct import_xml_name	 name;	/* of a tag */
	const char		*attrs;	/* of a start tag: after the name */
	size_t			 alen;
	const char		*text;	/* TEXT: raw, entities undecoded */
	size_t			 tlen;
	bool			 cdata;	/* ... from a CDATA section */
	struct import_xml_name	 stack[IMPORT_XML_MAX_DEPTH];
	int			 depth;
	bool			 rooted; /* the root element has started */
	enum import_xml_error	 why;	/* after IMPORT_XML_ERR */
};

/* Starts reading s[0..len) (a UTF-8 byte-order mark is skipped); the
 * input must outlive the tokenizer. */
void	import_xml_init(struct import_xml *, const char *s, size_t len);

/* The next token; never IMPORT_XML_NONE.  After IMPORT_XML_ERR the
 * tokenizer must not be used again. */
enum import_xml_tok import_xml_next(struct import_xml *);

/*
 * One attribute of a start tag's attribute span [*pp, end) (x->attrs,
 * x->alen of a tag import_xml_next returned): its name and raw value.
 * Returns false at the end; *pp moves past the attribute.
 */
bool	import_xml_attr_next(const char **pp, const char *end,
	    struct import_xml_name *name, struct import_xml_name *val);

/* Splits a qualified name at its colon; no colon gives an empty prefix. */
void	import_xml_qname(const struct import_xml_name *,
	    struct import_xml_name *prefix, struct import_xml_name *local);

/* Whether a span is the string s / the span b. */
bool	import_xml_eq(const struct import_xml_name *, const char *s);
bool	import_xml_eqn(const struct import_xml_name *,
	    const struct import_xml_name *b);

/*
 * Decodes raw character data s[0..n) into dst (NULL: only checks it):
 * entities and character references unless cdata; ill-formed UTF-8 and
 * references to surrogates, non-characters or NUL as U+FFFD; TAB, CR and
 * LF as a space; other control characters dropped.  False on a reference
 * that is not one.
 */
bool	import_xml_decode(const char *s, size_t n, bool cdata,
	    struct sbuf *dst);

#endif
