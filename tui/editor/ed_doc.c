/*
 * The document (see ed_doc.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ed_doc.h"
#include "ed_form.h"
#include "ed_pane.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "store.h"
#include "xmalloc.h"

void
ed_doc_init(struct tui_app *a, const char *path)
{
	a->path = xstrdup(path);
}

void
ed_doc_done(struct tui_app *a)
{
	report_free(a->rep);
	free(a->saved_dump);
	free(a->path);
	a->rep = NULL;
	a->saved_dump = a->path = NULL;
}

unsigned
ed_doc_attach(struct tui_app *a, struct report *r, const char *file_dump)
{
	char	*dump;

	report_free(a->rep);
	a->rep = r;
	ed_form_attach(a);
	ed_text_attach(a);
	ed_sec_set(a, 0);
	ed_pane_home(a);
	if (file_dump == NULL)
		ed_doc_mark_saved(a);
	else {
		free(a->saved_dump);
		a->saved_dump = xstrdup(file_dump);
		dump = store_dump(r);
		a->modified = strcmp(dump, a->saved_dump) != 0;
		a->mod_gen = report_generation(r);
		free(dump);
	}
	return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

void
ed_doc_mark_saved(struct tui_app *a)
{
	free(a->saved_dump);
	a->saved_dump = store_dump(a->rep);
	a->mod_gen = report_generation(a->rep);
	a->modified = false;
}

bool
ed_doc_check_modified(struct tui_app *a)
{
	unsigned long	 gen = report_generation(a->rep);
	bool		 was = a->modified;
	char		*dump;

	if (gen == a->mod_gen)
		return (false);
	dump = store_dump(a->rep);
	a->modified = strcmp(dump, a->saved_dump) != 0;
	free(dump);
	a->mod_gen = gen;
	return (was != a->modified);
}

void
ed_doc_set_path(struct tui_app *a, const char *path)
{
	free(a->path);
	a->path = xstrdup(path);
}
