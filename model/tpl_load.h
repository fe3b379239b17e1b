/*
 * Loading templates: a templates/<id>.yaml file (see templates/SCHEMA.md)
 * read, fully validated and indexed into the read-only struct tpl of
 * tpl.h, which every other module only looks things up in.
 */
#ifndef NB_TPL_LOAD_H
#define NB_TPL_LOAD_H

#include <stddef.h>

#include "err.h"
#include "tpl.h"

#define TPL_FORMAT_VERSION 1

/*
 * Loads and fully validates a template file.  Returns NULL and fills errs
 * with every problem found ("file:line:col" + msgid) otherwise.  Caller
 * frees with tpl_free.
 */
struct tpl	*tpl_load(const char *path, struct errlist *errs);

/*
 * The catalogue of templates in a folder: every *.yaml, loaded, in the
 * order of their file names.  Returns the number loaded; *out is a newly
 * allocated array of tpl pointers (caller frees each with tpl_free and
 * the array with free).  Problems go to errs (tpl.no_dir when the folder
 * cannot be read); a broken template does not stop the others.
 */
size_t		 tpl_load_dir(const char *dir, struct tpl ***out,
		    struct errlist *errs);

#endif
