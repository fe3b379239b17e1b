/*
 * The templates the editor holds (see ed_tpls.h).
 */
#include <stddef.h>

#include "ed_app.h"
#include "ed_tpls.h"

void
ed_tpls_init(struct tui_app *a, struct tpl *const *v, size_t n,
    bool (*all)(void *, struct tpl *const **, size_t *), void *ctx)
{
	a->tpls = v;
	a->ntpls = n;
	a->all_tpls = all;
	a->all_ctx = ctx;
}

void
ed_tpls_all(struct tui_app *a)
{
	struct tpl *const	*v;
	size_t			 n;

	if (a->all_tpls == NULL || !a->all_tpls(a->all_ctx, &v, &n))
		return;
	a->all_tpls = NULL;
	a->tpls = v;
	a->ntpls = n;
}

bool
ed_tpls_partial(const struct tui_app *a)
{
	return (a->all_tpls != NULL);
}
