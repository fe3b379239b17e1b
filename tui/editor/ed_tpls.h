/*
 * The templates the editor holds: at first the report's own alone (a
 * faster start), every template from the first need of another one.
 */
#ifndef NB_ED_TPLS_H
#define NB_ED_TPLS_H

#include <stdbool.h>
#include <stddef.h>

struct tpl;
struct tui_app;

/* The templates to start with, and how to get them all (NULL: these are
 * all). */
void	ed_tpls_init(struct tui_app *, struct tpl *const *, size_t,
	    bool (*all)(void *, struct tpl *const **, size_t *), void *ctx);

/*
 * Makes a->tpls every template, when the editor started with the
 * report's own alone (editor_opts.all_tpls): before anything that may
 * meet another template (a recovery snapshot, a new report, last year's
 * report, a file that did not load).  The templates held before stay.
 */
void	ed_tpls_all(struct tui_app *);

/* Whether a->tpls is the report's own template alone. */
bool	ed_tpls_partial(const struct tui_app *);

#endif
