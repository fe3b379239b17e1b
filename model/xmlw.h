/*
 * A streaming XML writer that can only produce well-formed XML.
 *
 * It appends to a caller's sbuf and keeps a stack of the open elements
 * (borrowed name pointers: element and attribute names are static strings
 * the caller guarantees are valid XML names; they are not escaped).  A
 * start tag stays open for attributes until the first text or child or
 * until its end, so an element without content is written as <x a="1"/>.
 *
 * Text and attribute values are escaped (& < > always, " and ' in
 * attributes) and cleaned to what XML 1.0 allows: invalid UTF-8 bytes
 * become U+FFFD, and characters XML cannot carry or Word refuses (C0
 * controls other than TAB and LF, CR, C1 controls U+0080..U+009F, U+FFFE,
 * U+FFFF) are dropped.  Nothing here fails:
 * nesting deeper than XMLW_MAXDEPTH, an attribute after content or an
 * xmlw_end() with nothing open are bugs and call fatal().
 */
#ifndef NB_XMLW_H
#define NB_XMLW_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf;

#define XMLW_MAXDEPTH	32

struct xmlw {
	struct sbuf	*b;
	const char	*stack[XMLW_MAXDEPTH];
	int		 depth;
	bool		 open;		/* the innermost start tag lacks its '>' */
};

/* Starts writing to b (appending; nothing is written yet). */
void	xmlw_init(struct xmlw *, struct sbuf *b);
/* The XML declaration (UTF-8, standalone) and a newline. */
void	xmlw_decl(struct xmlw *);
/* Opens element name. */
void	xmlw_start(struct xmlw *, const char *name);
/* An attribute of the element just opened; value is escaped. */
void	xmlw_attr(struct xmlw *, const char *name, const char *value);
void	xmlw_attri(struct xmlw *, const char *name, long value);
/* Escaped character data, len bytes of s. */
void	xmlw_text(struct xmlw *, const char *s, size_t len);
/* Closes the innermost open element. */
void	xmlw_end(struct xmlw *);
/* A whole element without content: <name/> or <name attr="value"/>
 * (attr NULL: none). */
void	xmlw_empty(struct xmlw *, const char *name, const char *attr,
	    const char *value);
/* The same with an integer value. */
void	xmlw_emptyi(struct xmlw *, const char *name, const char *attr,
	    long value);
/* A newline as content of the current element, to make long documents
 * diffable: only where the schema ignores whitespace between elements. */
void	xmlw_newline(struct xmlw *);
/* True when every element opened has been closed. */
bool	xmlw_closed(const struct xmlw *);

/*
 * Appends s (len bytes) to b escaped and cleaned as described above; attr
 * also escapes both quote characters.
 */
void	xmlw_escape(struct sbuf *b, const char *s, size_t len, bool attr);

#endif
