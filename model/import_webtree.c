/*
 * A web page's tree laid out as lines; see import_webtree.h.
 *
 * Two loops over libxml2's tree, each following the node links (first
 * child, next sibling, parent) instead of recursing, so that a page
 * nested thousands deep costs no stack:
 *
 *   index   numbers the elements in document order (node->_private holds
 *           an element's number, from 1), records in ends[n] the last
 *           number in its subtree and in tables[n] whether its subtree
 *           holds a table, and reads the <meta> and <title>;
 *   lay_out gathers inline text into the line being built (buf),
 *           collapsing white space, and ends the line at every block
 *           boundary; a table of the report goes through import_grid.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_grid.h"
#include "import_webtree.h"
#include "vec.h"
#include "xmalloc.h"

/* ---- the tree: elements, names, attributes ---- */

static bool
is(const xmlNode *n, const char *name)
{
	return (n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcasecmp((const char *)n->name, name) == 0);
}

static bool
is_any(const xmlNode *n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (is(n, *names))
			return (true);
	return (false);
}

size_t
import_webtree_number(const xmlNode *n)
{
	return ((size_t)(uintptr_t)n->_private);
}

/* The node after n in document order (below it first, if descend),
 * calling leave for every element finished on the way; NULL past root. */
static xmlNodePtr
next_node(xmlNodePtr n, xmlNodePtr root, bool descend,
    void (*leave)(struct import_webtree *, xmlNodePtr),
    struct import_webtree *p)
{
	if (descend && n->children != NULL)
		return (n->children);
	for (;;) {
		if (leave != NULL && n->type == XML_ELEMENT_NODE)
			leave(p, n);
		if (n == root)
			return (NULL);
		if (n->next != NULL)
			return (n->next);
		n = n->parent;
	}
}

/* An attribute's value, newly allocated, or NULL. */
static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);
	char	*s;

	if (v == NULL)
		return (NULL);
	s = xstrdup((const char *)v);
	xmlFree(v);
	return (s);
}

/* Elements that show nothing: scripts, styles, forms' widgets, hidden. */
static bool
hidden(const xmlNode *n)
{
	static const char *const none[] = { "script", "style", "noscript",
	    "template", "head", "title", "iframe", "object", "embed", "svg",
	    "math", "select", "textarea", "button", "input", "option",
	    "audio", "video", "canvas", "map", NULL };
	char	*style, *p, *q;
	bool	 h = false;

	if (n->type != XML_ELEMENT_NODE)
		return (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE);
	if (is_any(n, none) || xmlHasProp(n, (const xmlChar *)"hidden"))
		return (true);
	if ((style = attr(n, "style")) == NULL)
		return (false);
	for (p = q = style; *p != '\0'; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			*q++ = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	*q = '\0';
	h = strstr(style, "display:none") != NULL ||
	    strstr(style, "visibility:hidden") != NULL;
	free(style);
	return (h);
}

static bool
is_block(const xmlNode *n)
{
	static const char *const blocks[] = { "p", "div", "h1", "h2", "h3",
	    "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
	    "blockquote", "pre", "section", "article", "header", "footer",
	    "nav", "aside", "main", "address", "figure", "figcaption",
	    "form", "hr", "center", "table", "tr", "td", "th", "caption",
	    "tbody", "thead", "tfoot", "body", "html", "fieldset", "legend",
	    "details", "summary", NULL };

	return (is_any(n, blocks));
}

/* ---- pass 1: numbering, meta ---- */

/* The first date in s (2020-01-20, 2020/1/20, 2020年1月20日) into out. */
static bool
find_date(const char *s, char out[11])
{
	int	y, m, d, k;

	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			continue;
		k = 0;
		if ((sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &k) == 3 ||
		    sscanf(s, "%4d/%2d/%2d%n", &y, &m, &d, &k) == 3 ||
		    sscanf(s, "%4d.%2d.%2d%n", &y, &m, &d, &k) == 3 ||
		    sscanf(s, "%4d年%2d月%2d日%n", &y, &m, &d, &k) == 3) &&
		    k > 0 && y >= 1000 && y <= 9999 && m >= 1 && m <= 12 &&
		    d >= 1 && d <= 31) {
			snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
			    (unsigned)m % 100u, (unsigned)d % 100u);
			return (true);
		}
		while (s[1] >= '0' && s[1] <= '9')
			s++;
	}
	return (false);
}

/* What a <meta> or <title> tells: the title, the publication date. */
static void
read_meta(struct import_webtree *p, xmlNodePtr n)
{
	static const char *const dates[] = { "pubdate", "publishdate",
	    "publish_date", "publishtime", "publish-time", "pubtime",
	    "firstpublishedtime", "article:published_time",
	    "dcterms.issued", "dc.date.issued", "dc.date", "date", NULL };
	char	*name, *content;
	size_t	 i;

	if (is(n, "title") && p->title == NULL) {
		xmlChar *t = xmlNodeGetContent(n);
		p->title = xstrdup(t != NULL ? (const char *)t : "");
		xmlFree(t);
		return;
	}
	if (!is(n, "meta") || (content = attr(n, "content")) == NULL)
		return;
	if ((name = attr(n, "name")) == NULL)
		name = attr(n, "property");
	if (name != NULL && strcasecmp(name, "ArticleTitle") == 0 &&
	    p->meta_title == NULL) {
		p->meta_title = content;
		content = NULL;
	}
	for (i = 0; name != NULL && content != NULL && dates[i] != NULL &&
	    p->date[0] == '\0'; i++)
		if (strcasecmp(name, dates[i]) == 0)
			find_date(content, p->date);
	free(name);
	free(content);
}

static void
index_leave(struct import_webtree *p, xmlNodePtr n)
{
	size_t	k = import_webtree_number(n), parent;

	p->ends[k] = p->nel;
	if (n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    (parent = import_webtree_number(n->parent)) > 0 && (p->tables[k] ||
	    is(n, "table")))
		p->tables[parent] = true;
}

static bool
index_tree(struct import_webtree *p, struct err *err)
{
	xmlNodePtr	root = xmlDocGetRootElement(p->doc), n;
	size_t		cap = 0, had;
	char		lim[24];

	for (n = root; n != NULL; n = next_node(n, root, true, index_leave,
	    p)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (p->nel == IMPORT_WEBTREE_MAX_NODES) {
			snprintf(lim, sizeof lim, "%d",
			    IMPORT_WEBTREE_MAX_NODES);
			err_set(err, p->path, 0, 0, "import.e_html_size", 1,
			    lim);
			return (false);
		}
		n->_private = (void *)(uintptr_t)++p->nel;
		had = cap;
		p->ends = vec_reserve(p->ends, &cap, p->nel + 1,
		    sizeof *p->ends);
		if (cap != had)
			p->tables = xreallocarray(p->tables, cap,
			    sizeof *p->tables);
		p->tables[p->nel] = false;
		read_meta(p, n);
	}
	return (true);
}

/* ---- pass 2: lines ---- */

static void
push_line(struct import_webtree *p, char *text, size_t el, long src)
{
	struct import_webline	*h;

	if (p->full)
		return;
	p->bytes += strlen(text) + 1;
	if (p->bytes > IMPORT_WEBTREE_MAX_TEXT) {
		p->full = true;
		free(text);
		return;
	}
	h = VEC_PUSH(p->l, p->n, p->cap);
	h->text = text;
	h->el = el;
	h->src = src > 0 && src < INT32_MAX ? (int)src : 0;
}

/*
 * A line as the report keeps it, in place: NBSP as a plain space, and no
 * spaces or U+3000 at either end (a page indents its paragraphs; the
 * report's text is the words, its exports indent them again).
 */
static char *
tidy(char *s)
{
	char	*r = s, *w = s;

	while (*r != '\0')
		if ((unsigned char)r[0] == 0xc2 &&
		    (unsigned char)r[1] == 0xa0) {
			*w++ = ' ';
			r += 2;
		} else
			*w++ = *r++;
	*w = '\0';
	for (r = s; *r == ' ' || strncmp(r, "\xe3\x80\x80", 3) == 0; )
		r += *r == ' ' ? 1 : 3;
	memmove(s, r, strlen(r) + 1);
	for (w = s + strlen(s); w > s; ) {
		if (w[-1] == ' ')
			w--;
		else if (w - s >= 3 && strncmp(w - 3, "\xe3\x80\x80", 3) == 0)
			w -= 3;
		else
			break;
	}
	*w = '\0';
	return (s);
}

/* Ends the line being gathered; an empty one only after a <br>. */
static void
flush(struct import_webtree *p, bool br)
{
	if (p->buf.len > 0 || (br && p->brk)) {
		push_line(p, tidy(sbuf_take(&p->buf)), p->block,
		    p->src);
		sbuf_init(&p->buf);
	}
	p->space = false;
	p->brk = br;
}

/* Adds text with white space collapsed (a pending space is written only
 * before more text). */
static void
add_text(struct sbuf *b, bool *space, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		    *s == '\f') {
			*space = b->len > 0;
			continue;
		}
		if (*space)
			sbuf_addc(b, ' ');
		*space = false;
		sbuf_addc(b, *s);
	}
}

/* The text of a cell: blocks and <br> inside it are spaces. */
static char *
cell_text(xmlNodePtr cell)
{
	struct sbuf	b;
	xmlNodePtr	n;
	bool		space = false;

	sbuf_init(&b);
	for (n = cell; n != NULL; n = next_node(n, cell, !hidden(n), NULL,
	    NULL)) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			add_text(&b, &space, (const char *)n->content);
		else if (n != cell && (is_block(n) || is(n, "br")))
			space = b.len > 0;
		if (b.len > IMPORT_WEBTREE_MAX_TEXT)
			break;
	}
	return (tidy(sbuf_take(&b)));
}

/* A span attribute: 1 when absent or not a number, 0 (HTML's "to the
 * end") as the largest span. */
static int
span(const xmlNode *n, const char *name)
{
	char	*v = attr(n, name);
	long	 k = 1;

	if (v != NULL) {
		k = strtol(v, NULL, 10);
		if (k == 0 && strspn(v, " 0") == strlen(v) && *v != '\0')
			k = IMPORT_GRID_MAX_SPAN;
		else if (k < 1)
			k = 1;
		else if (k > IMPORT_GRID_MAX_SPAN)
			k = IMPORT_GRID_MAX_SPAN;
		free(v);
	}
	return ((int)k);
}

/* The rows of a table: its tr children and those of its row groups. */
static void
grid_rows(struct import_webtree *p, xmlNodePtr table, struct import_grid *g)
{
	static const char *const groups[] = { "thead", "tbody", "tfoot",
	    NULL };
	xmlNodePtr	 n, c;
	char		*t;

	for (n = table->children; n != NULL; ) {
		if (is_any(n, groups) && n->children != NULL) {
			n = n->children;
			continue;
		}
		if (is(n, "tr") && !hidden(n)) {
			import_grid_row_start(g);
			for (c = n->children; c != NULL; c = c->next) {
				if (!(is(c, "td") || is(c, "th")) || hidden(c))
					continue;
				t = cell_text(c);
				import_grid_cell(g, t, strlen(t),
				    span(c, "colspan"), span(c, "rowspan"));
				free(t);
			}
			import_grid_row_end(g);
		}
		if (import_grid_size(g) > IMPORT_WEBTREE_MAX_TEXT)
			break;
		while (n->next == NULL && n->parent != table)
			n = n->parent;
		n = n->next;
	}
	(void)p;
}

/* A table of the report, as grid lines. */
static void
grid_table(struct import_webtree *p, xmlNodePtr table)
{
	struct import_grid	 g;
	struct sbuf		 out;
	char			*s, *nl;
	long			 src = xmlGetLineNo(table);

	import_grid_init(&g);
	grid_rows(p, table, &g);
	sbuf_init(&out);
	import_grid_flush(&g, &out, IMPORT_WEBTREE_MAX_TEXT);
	import_grid_done(&g);
	for (s = out.s; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
		push_line(p, xstrndup(s, (size_t)(nl - s)),
		    import_webtree_number(table),
		    src);
	sbuf_done(&out);
}

/* The nearest block element at or above n. */
static size_t
block_of(xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n->type == XML_ELEMENT_NODE && (is_block(n) ||
		    n->parent == NULL || n->parent->type != XML_ELEMENT_NODE))
			return (import_webtree_number(n));
	return (0);
}

static void
lines_leave(struct import_webtree *p, xmlNodePtr n)
{
	if (is_block(n))
		flush(p, false);
}

/* Lays the body out as lines. */
static void
lay_out(struct import_webtree *p)
{
	xmlNodePtr	root = xmlDocGetRootElement(p->doc), n;
	bool		down;

	sbuf_init(&p->buf);
	for (n = root; n != NULL && !p->full; n = next_node(n, root, down,
	    lines_leave, p)) {
		down = !hidden(n);
		if (!down)
			continue;
		if (is(n, "table") && !p->tables[import_webtree_number(n)]) {
			flush(p, false);
			grid_table(p, n);
			down = false;
		} else if (is(n, "br")) {
			flush(p, true);
			p->block = block_of(n->parent);
		} else if (n->type == XML_ELEMENT_NODE && is_block(n)) {
			flush(p, false);
			p->block = import_webtree_number(n);
			p->src = xmlGetLineNo(n);
		} else if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (p->buf.len == 0) {
				p->block = block_of(n->parent);
				p->src = xmlGetLineNo(n);
			}
			p->brk = false;
			add_text(&p->buf, &p->space, (const char *)n->content);
		}
	}
	flush(p, false);
	sbuf_done(&p->buf);
}

bool
import_webtree_read(struct import_webtree *p, htmlDocPtr doc,
    const char *path, struct err *err)
{
	memset(p, 0, sizeof *p);
	p->doc = doc;
	p->path = path;
	if (!index_tree(p, err))
		return (false);
	lay_out(p);
	return (true);
}

bool
import_webtree_inside(const struct import_webtree *p, size_t x, size_t c)
{
	return (c > 0 && x >= c && x <= p->ends[c]);
}

void
import_webtree_done(struct import_webtree *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free(p->l[i].text);
	free(p->l);
	free(p->ends);
	free(p->tables);
	free(p->title);
	free(p->meta_title);
	memset(p, 0, sizeof *p);
}
