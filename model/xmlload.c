/*
 * libxml2, loaded on first use.  nianbao parses XML and HTML only to
 * import a saved web page and to read a register (.xlsx); linked,
 * libxml2 (with liblzma and libz, which Debian builds it with) was
 * mapped and relocated by every command and by the editor at start-up:
 * a quarter of the dynamic loader's instructions and about 0.5 MiB of
 * the editor's resident memory (tests/bench/README.md, issue 17).
 *
 * Each libxml2 function nianbao calls is defined here with the header's
 * own prototype, as a forwarder to libxml2.so.2 opened at the first
 * call (dlfwd.h).  When libxml2 cannot be opened, each call fails the
 * way libxml2 reports failure (NULL, -1), so that the callers' own
 * messages (a page or a register that cannot be read) are said.
 * Adding a libxml2 call: one line in XL_FUNCS.  xmlFree, which libxml2
 * declares as a variable (the function that frees what it returned), is
 * defined here too and calls the library's own.
 */
#include <stddef.h>
#include <stdlib.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlreader.h>

#include "dlfwd.h"

#define XL_FUNCS(X, V) \
	X(htmlDocPtr, htmlCtxtReadMemory, \
	    (htmlParserCtxtPtr a, const char *b, int c, const char *d, \
	    const char *e, int f), (a, b, c, d, e, f), NULL) \
	V(htmlFreeParserCtxt, (htmlParserCtxtPtr a), (a), (void)0) \
	X(htmlParserCtxtPtr, htmlNewParserCtxt, (void), (), NULL) \
	X(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *a), (a), NULL) \
	V(xmlFreeDoc, (xmlDocPtr a), (a), (void)0) \
	V(xmlFreeTextReader, (xmlTextReaderPtr a), (a), (void)0) \
	X(long, xmlGetLineNo, (const xmlNode *a), (a), -1) \
	X(xmlChar *, xmlGetProp, (const xmlNode *a, const xmlChar *b), \
	    (a, b), NULL) \
	X(xmlAttrPtr, xmlHasProp, (const xmlNode *a, const xmlChar *b), \
	    (a, b), NULL) \
	V(xmlInitParser, (void), (), (void)0) \
	X(int, xmlMemSetup, (xmlFreeFunc a, xmlMallocFunc b, \
	    xmlReallocFunc c, xmlStrdupFunc d), (a, b, c, d), -1) \
	X(xmlChar *, xmlNodeGetContent, (const xmlNode *a), (a), NULL) \
	X(xmlTextReaderPtr, xmlReaderForIO, (xmlInputReadCallback a, \
	    xmlInputCloseCallback b, void *c, const char *d, const char *e, \
	    int f), (a, b, c, d, e, f), NULL) \
	V(xmlSetExternalEntityLoader, (xmlExternalEntityLoader a), (a), \
	    (void)0) \
	X(const xmlChar *, xmlTextReaderConstLocalName, \
	    (xmlTextReaderPtr a), (a), NULL) \
	X(const xmlChar *, xmlTextReaderConstValue, (xmlTextReaderPtr a), \
	    (a), NULL) \
	X(int, xmlTextReaderIsEmptyElement, (xmlTextReaderPtr a), (a), -1) \
	X(int, xmlTextReaderMoveToElement, (xmlTextReaderPtr a), (a), -1) \
	X(int, xmlTextReaderMoveToFirstAttribute, (xmlTextReaderPtr a), \
	    (a), -1) \
	X(int, xmlTextReaderMoveToNextAttribute, (xmlTextReaderPtr a), \
	    (a), -1) \
	X(int, xmlTextReaderNodeType, (xmlTextReaderPtr a), (a), -1) \
	X(int, xmlTextReaderRead, (xmlTextReaderPtr a), (a), -1) \
	V(xmlTextReaderSetStructuredErrorHandler, (xmlTextReaderPtr a, \
	    xmlStructuredErrorFunc b, void *c), (a, b, c), (void)0)

static void	xl_init(void);

DLFWD_DEFINE_INIT("libxml2.so.2", XL_FUNCS, xl_init)

/*
 * libxml2's own start (xmlInitParser), once, as soon as it is open and
 * before any thread parses: left to the first parse, two threads of
 * `check -r` reading two web pages at once could both set up its
 * mutexes and then wait on each other for ever (seen: both in
 * xmlRMutexLock under __xmlRandom).
 */
static void
xl_init(void)
{
	p_xmlInitParser();
}

static xmlFreeFunc	*xl_lib_free;

static void
xl_find_free(void)
{
	void	*h;

	if (!dlfwd_load() || (h = dlopen("libxml2.so.2", RTLD_NOW |
	    RTLD_LOCAL | RTLD_NOLOAD)) == NULL)
		return;
	xl_lib_free = (xmlFreeFunc *)dlsym(h, "xmlFree");
	dlclose(h);	/* dlfwd's reference keeps it loaded */
}

/* What libxml2 returned, freed by libxml2's xmlFree (free by default). */
static void
xl_free(void *p)
{
	static pthread_once_t	once = PTHREAD_ONCE_INIT;

	if (p == NULL)
		return;
	pthread_once(&once, xl_find_free);
	(xl_lib_free != NULL ? *xl_lib_free : free)(p);
}

xmlFreeFunc	xmlFree = xl_free;
