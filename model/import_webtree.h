/*
 * A web page's tree (libxml2's) laid out as lines, as a browser shows it,
 * for import_html.h.
 *
 * A block element (p, div, h1..h6, li, ...) starts and ends a line, <br>
 * breaks one, runs of white space collapse to one space and NBSP is a
 * space that does not collapse; script, style, head and hidden elements
 * (style="display:none", the hidden attribute) show nothing.  A table
 * that holds no other table is a table of the report: it is laid on its
 * grid (import_grid.h) with rowspan and colspan expanded, one line per
 * row, cells separated by TABs, then an empty line; a block or <br>
 * inside one of its cells is a space.  A table that holds tables is a
 * layout table: its cells are read as blocks.
 *
 * Each line keeps the number of the block element it came from: elements
 * are numbered in document order, so whether a line lies inside an
 * element is one comparison (import_webtree_inside).  The page's <title>,
 * <meta name="ArticleTitle"> and publication date (<meta name="PubDate">,
 * "publishdate", "article:published_time", ...: the first date in it,
 * 2020-01-20, 2020/1/20 or 2020年1月20日) are read on the way.
 *
 * At most IMPORT_WEBTREE_MAX_NODES elements and IMPORT_WEBTREE_MAX_TEXT
 * bytes of text (what is past that is left out).  The tree's nodes'
 * _private fields hold the numbers.
 */
#ifndef NB_IMPORT_WEBTREE_H
#define NB_IMPORT_WEBTREE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "err.h"
#include "sbuf.h"

#define IMPORT_WEBTREE_MAX_NODES	200000
#define IMPORT_WEBTREE_MAX_TEXT		(32 * 1024 * 1024)

struct import_webline {
	char	*text;		/* UTF-8, no LF */
	size_t	 el;		/* number of its block element */
	int	 src;		/* its line in the page, 0 if unknown */
};

struct import_webtree {
	size_t			 nel;		/* elements numbered */
	size_t			*ends;		/* [n]: last number inside n */
	bool			*tables;	/* [n]: a table inside n */
	char			*title;		/* <title>, or NULL */
	char			*meta_title;	/* ArticleTitle, or NULL */
	char			 date[11];	/* YYYY-MM-DD, or "" */
	struct import_webline	*l;
	size_t			 n, cap;
	/* While reading: */
	htmlDocPtr		 doc;
	const char		*path;
	size_t			 bytes;		/* text made so far */
	bool			 full;		/* past the text limit */
	struct sbuf		 buf;		/* the line being gathered */
	bool			 space;		/* a collapsible space pends */
	bool			 brk;		/* the last thing was a <br> */
	size_t			 block;		/* buf's block element */
	long			 src;
};

/*
 * Reads doc (borrowed; it must outlive the lines' element numbers, not
 * the lines).  Returns false with *err = import.e_html_size {0}=limit
 * (err->path = path) when it has more elements than allowed; release
 * with import_webtree_done either way.
 */
bool	import_webtree_read(struct import_webtree *, htmlDocPtr doc,
	    const char *path, struct err *err);
void	import_webtree_done(struct import_webtree *);

/* The number of an element (0 for a node that is not one). */
size_t	import_webtree_number(const xmlNode *);
/* Whether element number x is inside element number c, or is c. */
bool	import_webtree_inside(const struct import_webtree *, size_t x,
	    size_t c);

#endif
