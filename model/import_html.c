/*
 * A web page as text; see import_html.h.  The page is decoded, parsed by
 * libxml2 and laid out as lines (import_webtree.h); this file finds the
 * report among the lines: the heading lines, the smallest element that
 * holds them, the title above it.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "import_html.h"
#include "import_txt.h"
#include "import_webtree.h"
#include "sbuf.h"
#include "xmalloc.h"

#define SNIFF_MAX	4096	/* bytes looked at to tell a page */
#define CHARSET_MAX	65536	/* bytes searched for a <meta charset> */
#define TITLE_REACH	40	/* lines before the report searched */

/* ---- the report and its title ---- */

static bool
heading_line(struct tpl *const *tpls, size_t ntpls, const char *s)
{
	size_t	i, k;

	for (i = 0; i < ntpls; i++)
		for (k = 0; k < tpls[i]->nsections; k++)
			if (import_txt_is_heading(tpls[i], k, s))
				return (true);
	return (false);
}

/* Whether element n holds element number x. */
static bool
holds(const struct import_webtree *p, const xmlNode *n, size_t x)
{
	return (n->type == XML_ELEMENT_NODE &&
	    import_webtree_inside(p, x, import_webtree_number(n)));
}

/* The smallest element holding every heading line, or 0 when there is
 * none; its lines are [*first, *last]. */
static size_t
report_element(const struct import_webtree *p, htmlDocPtr doc,
    struct tpl *const *tpls, size_t ntpls, size_t *nheads, size_t *first,
    size_t *last)
{
	xmlNodePtr	 el = NULL, n, down;
	size_t		 i, c = 0, lo = SIZE_MAX, hi = 0;

	*nheads = 0;
	for (i = 0; i < p->n; i++) {
		if (!heading_line(tpls, ntpls, p->l[i].text))
			continue;
		(*nheads)++;
		lo = p->l[i].el < lo ? p->l[i].el : lo;
		hi = p->l[i].el > hi ? p->l[i].el : hi;
		if (el == NULL)
			el = xmlDocGetRootElement(doc);
	}
	if (*nheads == 0)
		return (0);
	/* The deepest element whose numbers span lo..hi: walk down. */
	for (c = import_webtree_number(el); ; c = import_webtree_number(el)) {
		for (down = NULL, n = el->children; n != NULL && down == NULL;
		    n = n->next)
			if (holds(p, n, lo) && holds(p, n, hi))
				down = n;
		if (down == NULL)
			break;
		el = down;
	}
	for (*first = 0; *first < p->n &&
	    !import_webtree_inside(p, p->l[*first].el, c); (*first)++)
		;
	for (*last = *first; *last + 1 < p->n &&
	    import_webtree_inside(p, p->l[*last + 1].el, c); (*last)++)
		;
	return (c);
}

/* Whether text (a line, or two) is a report's title with its year. */
static bool
is_title(const char *text)
{
	char	*organ;
	int	 year, line;
	bool	 ok;

	ok = import_txt_title(text, &organ, &year, &line) && year > 0;
	free(organ);
	return (ok);
}

/* The title in line i, or in lines i and i + 1 (a title that wraps),
 * below limit; NULL if none.  Newly allocated. */
static char *
title_at(const struct import_webtree *p, size_t i, size_t limit)
{
	char	*t;

	if (strstr(p->l[i].text, "报告") != NULL)
		return (is_title(p->l[i].text) ? xstrdup(p->l[i].text) : NULL);
	if (i + 1 >= limit || strstr(p->l[i + 1].text, "报告") == NULL)
		return (NULL);
	t = xasprintf("%s\n%s", p->l[i].text, p->l[i + 1].text);
	if (is_title(t))
		return (t);
	free(t);
	return (NULL);
}

/* The title to put above the report, or NULL when it has its own. */
static char *
pick_title(const struct import_webtree *p, size_t first, size_t last)
{
	char	*organ, *t;
	size_t	 i, k;
	int	 year, line;
	bool	 own;

	t = xstrdup("");
	for (i = first, k = 0; i <= last && k < 6; i++, k++) {
		char *u = xasprintf("%s%s\n", t, p->l[i].text);
		free(t);
		t = u;
	}
	own = import_txt_title(t, &organ, &year, &line);
	free(organ);
	free(t);
	if (own)
		return (NULL);
	for (i = first; i-- > 0 && first - i <= TITLE_REACH; )
		if ((t = title_at(p, i, first)) != NULL)
			return (t);
	if (p->meta_title != NULL && is_title(p->meta_title))
		return (xstrdup(p->meta_title));
	if (p->title != NULL) {
		t = xstrndup(p->title, strcspn(p->title, "_|"));
		if (is_title(t))
			return (t);
		free(t);
	}
	return (NULL);
}

/* ---- the entry points ---- */

static xmlParserInputPtr
no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return (NULL);
}

static void
refuse_entities(void)
{
	xmlSetExternalEntityLoader(no_entities);
}

static void
silent(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static htmlDocPtr
parse(const char *utf8, size_t len)
{
	static pthread_once_t	 once = PTHREAD_ONCE_INIT;
	htmlParserCtxtPtr	 ctxt;
	htmlDocPtr		 doc;

	pthread_once(&once, refuse_entities);
	if (len > INT32_MAX || (ctxt = htmlNewParserCtxt()) == NULL)
		return (NULL);
	ctxt->sax->serror = silent;
	doc = htmlCtxtReadMemory(ctxt, utf8, (int)len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC |
	    HTML_PARSE_NODEFDTD | XML_PARSE_HUGE);
	htmlFreeParserCtxt(ctxt);
	return (doc);
}

/* The charset a <meta> in the first CHARSET_MAX bytes declares, or NULL. */
static char *
declared_charset(const char *buf, size_t len)
{
	const char	*p, *end, *tag, *gt;
	size_t		 n;

	end = buf + (len < CHARSET_MAX ? len : CHARSET_MAX);
	for (p = buf; p + 5 < end; p++) {
		if (*p != '<' || strncasecmp(p, "<meta", 5) != 0)
			continue;
		tag = p;
		if ((gt = memchr(tag, '>', (size_t)(end - tag))) == NULL)
			return (NULL);
		for (p = tag; p + 7 < gt; p++)
			if (strncasecmp(p, "charset", 7) == 0)
				break;
		if (p + 7 >= gt) {
			p = gt;
			continue;
		}
		for (p += 7; p < gt && (*p == ' ' || *p == '='); p++)
			;
		if (p < gt && (*p == '"' || *p == '\''))
			p++;
		n = strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");
		if (n > 0 && p + n <= gt)
			return (xstrndup(p, n));
		p = gt;
	}
	return (NULL);
}

bool
import_html_sniff(const char *buf, size_t len)
{
	static const char *const starts[] = { "<!doctype html", "<html",
	    "<head", "<meta", "<body", NULL };
	const char	*p = buf, *end;
	size_t		 i;

	end = buf + (len < SNIFF_MAX ? len : SNIFF_MAX);
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
		    *p == '\n'))
			p++;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			const char *q = p + 4;
			while (q + 3 <= end && memcmp(q, "-->", 3) != 0)
				q++;
			if (q + 3 > end)
				return (false);
			p = q + 3;
			continue;
		}
		break;
	}
	for (i = 0; starts[i] != NULL; i++)
		if ((size_t)(end - p) >= strlen(starts[i]) &&
		    strncasecmp(p, starts[i], strlen(starts[i])) == 0)
			return (true);
	return (false);
}

/* The report's lines (and a title above them) as the page's text. */
static void
make_text(const struct import_webtree *p, char *title, size_t first,
    size_t last,
    struct import_html *out)
{
	struct sbuf	b;
	size_t		i, k = 0;

	sbuf_init(&b);
	out->srcline = xcalloc(last - first + 3, sizeof *out->srcline);
	if (title != NULL) {
		sbuf_adds(&b, title);
		sbuf_addc(&b, '\n');
		out->srcline[k++] = p->l[first].src;
	}
	for (i = first; i <= last; i++) {
		sbuf_adds(&b, p->l[i].text);
		sbuf_addc(&b, '\n');
		out->srcline[k++] = p->l[i].src;
	}
	out->nlines = k;
	out->len = b.len;
	out->text = sbuf_take(&b);
}

/* Decodes the page; false with *err set. */
static char *
decode(const char *buf, size_t len, const char *path, struct import_html *out,
    struct errlist *notes, size_t *ulen, struct err *err)
{
	char	*cs = declared_charset(buf, len), *u;
	bool	 followed;

	u = importenc_decode_as(buf, len, path, cs, &out->encoding, ulen,
	    &followed, err);
	if (u != NULL && !followed)
		errlist_add(notes, path, 0, 0, "import.html_charset", 2, cs,
		    importenc_name(out->encoding));
	free(cs);
	return (u);
}

/* Whether buf has so many tags that its tree would hold more elements
 * than are read (each element has a tag, each tag at most two): a
 * page made to make libxml2 build a tree of millions, refused before it
 * is parsed. */
static bool
too_many_tags(const char *buf, size_t len)
{
	const char	*p = buf, *end = buf + len;
	size_t		 n = 0;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL && ++n <=
	    2 * (size_t)IMPORT_WEBTREE_MAX_NODES + 1)
		p++;
	return (n > 2 * (size_t)IMPORT_WEBTREE_MAX_NODES);
}

/* The report in the page's lines, as text; false with *err if none. */
static bool
report(const struct import_webtree *p, htmlDocPtr doc, const char *path,
    struct tpl *const *tpls, size_t ntpls, struct import_html *out,
    struct err *err)
{
	char	*title, n[24];
	size_t	 nheads, first = 0, last = 0;

	if (report_element(p, doc, tpls, ntpls, &nheads, &first, &last) == 0 ||
	    nheads < 2) {
		snprintf(n, sizeof n, "%zu", nheads);
		err_set(err, path, 0, 0, "import.e_html_no_report", 1, n);
		return (false);
	}
	title = pick_title(p, first, last);
	make_text(p, title, first, last, out);
	free(title);
	return (true);
}

bool
import_html_read(const char *buf, size_t len, const char *path,
    struct tpl *const *tpls, size_t ntpls, struct import_html *out,
    struct errlist *notes, struct err *err)
{
	struct import_webtree	 p;
	htmlDocPtr		 doc;
	char			*u, n[24];
	size_t			 ulen;
	bool			 ok = false;

	memset(out, 0, sizeof *out);
	if (too_many_tags(buf, len)) {
		snprintf(n, sizeof n, "%d", IMPORT_WEBTREE_MAX_NODES);
		err_set(err, path, 0, 0, "import.e_html_size", 1, n);
		return (false);
	}
	if ((u = decode(buf, len, path, out, notes, &ulen, err)) == NULL)
		return (false);
	if ((doc = parse(u, ulen)) == NULL)
		err_set(err, path, 0, 0, "import.e_html_parse", 0);
	else if (xmlDocGetRootElement(doc) == NULL)
		err_set(err, path, 0, 0, "import.e_html_no_report", 1, "0");
	else {
		if (import_webtree_read(&p, doc, path, err) &&
		    (ok = report(&p, doc, path, tpls, ntpls, out, err))) {
			memcpy(out->published_on, p.date, sizeof p.date);
			if (p.date[0] == '\0')
				errlist_add(notes, path, 0, 0,
				    "import.html_no_date", 0);
		}
		import_webtree_done(&p);
	}
	if (doc != NULL)
		xmlFreeDoc(doc);
	free(u);
	return (ok);
}

void
import_html_done(struct import_html *h)
{
	free(h->text);
	free(h->srcline);
	memset(h, 0, sizeof *h);
}
