/*
 * The C face of poppler-cpp; see pdfpop.h.  Poppler's C++ exceptions
 * (std::bad_alloc and the like) never cross into C: each call is guarded
 * and a failure is reported as a damaged document.
 */
#include <memory>
#include <new>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "pdfpop.h"

static void
silent(const std::string &, void *)
{
}

static enum pdfpop_status
pages(const char *buf, size_t len, int max_pages,
    int (*page)(void *, int, const char *, size_t), void *arg)
{
	std::unique_ptr<poppler::document>	doc;
	int					n, i;

	poppler::set_debug_error_function(silent, nullptr);
	if (len > 0x7fffffff)
		return (PDFPOP_DAMAGED);
	doc.reset(poppler::document::load_from_raw_data(buf, (int)len));
	if (!doc)
		return (PDFPOP_DAMAGED);
	if (doc->is_locked())
		return (PDFPOP_LOCKED);
	if ((n = doc->pages()) > max_pages)
		return (PDFPOP_TOO_MANY);
	for (i = 0; i < n; i++) {
		std::unique_ptr<poppler::page>	p(doc->create_page(i));
		poppler::byte_array		text;

		if (p)
			text = p->text(poppler::rectf(),
			    poppler::page::physical_layout).to_utf8();
		if (page(arg, i + 1, text.empty() ? "" : text.data(),
		    text.size()) != 0)
			return (PDFPOP_STOPPED);
	}
	return (PDFPOP_OK);
}

extern "C" enum pdfpop_status
pdfpop_pages(const char *buf, size_t len, int max_pages,
    int (*page)(void *, int, const char *, size_t), void *arg)
{
	try {
		return (pages(buf, len, max_pages, page, arg));
	} catch (...) {
		return (PDFPOP_DAMAGED);
	}
}
