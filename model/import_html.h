/*
 * A saved web page (.html, .htm) as the text the importer reads
 * (import_txt.h), as a browser shows it.
 *
 * The page is decoded first (importenc_decode_as): the charset its
 * <meta charset> or <meta http-equiv="Content-Type"> declares, else
 * detection (UTF-8, GB18030, which holds GBK and GB2312); a declaration
 * the bytes do not follow is noted.  Then libxml2's HTML parser builds the
 * page's tree with network access off (HTML_PARSE_NONET), the page's own
 * encoding hint ignored (the bytes are UTF-8 by then) and errors silent;
 * and an external entity loader that refuses everything is installed
 * for the process, so that nothing a page names (a DTD, an entity, an
 * image, a script) is ever fetched or read.
 *
 * The tree becomes lines as a browser lays it out (import_webtree.h),
 * the tables of the report on their grid with rowspan and colspan
 * expanded.
 *
 * The report is found by its contents, not by a site's class names: the
 * lines that are section headings of any template (import_txt.h) are
 * found, and the report is the smallest element that holds them all.  Its
 * title is the title at its top, else the nearest title line before it
 * (sites print the title above the article), else the page's
 * <meta name="ArticleTitle">, else its <title>.  The publication date is
 * that of the page's metadata (<meta name="PubDate">, "publishdate",
 * "article:published_time", ...: the first date in it).
 *
 * Limits, against hostile pages, are those of import_webtree.h: the tree
 * is walked without recursion, so a page nested 5,000 deep is read like
 * any other.
 */
#ifndef NB_IMPORT_HTML_H
#define NB_IMPORT_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "importenc.h"
#include "tpl.h"

struct import_html {
	char		*text;		/* UTF-8, LF, NUL-terminated */
	size_t		 len;
	int		*srcline;	/* per line of text: its page line */
	size_t		 nlines;
	char		 published_on[11];	/* YYYY-MM-DD, or "" */
	enum importenc	 encoding;
};

/*
 * Reads the page in buf (len bytes).  tpls give the section headings to
 * look for; path names the page in notes and errors.  Fills *page
 * (release with import_html_done) and returns true, with notes appended
 * to notes:
 *   import.html_charset {0}=declared {1}=read as   the page's charset is
 *                                                  not what its bytes are
 *   import.html_no_date                            no publication date
 * or returns false with *err set:
 *   import.e_encoding, import.e_binary (importenc.h)
 *   import.e_html_parse                 libxml2 made no tree of it
 *   import.e_html_size {0}=limit        more elements or text than allowed
 *   import.e_html_no_report {0}=count   fewer than two section headings
 */
bool	import_html_read(const char *buf, size_t len, const char *path,
	    struct tpl *const *tpls, size_t ntpls, struct import_html *page,
	    struct errlist *notes, struct err *err);
void	import_html_done(struct import_html *);

/* Whether buf looks like a web page: after white space and a BOM, it
 * starts with "<!DOCTYPE html", "<html", "<head", "<meta" or "<!--"
 * followed by one of those (case-insensitive). */
bool	import_html_sniff(const char *buf, size_t len);

#endif
