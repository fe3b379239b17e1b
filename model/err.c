/* Error values; see err.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "vec.h"
#include "xmalloc.h"

static void
err_vset(struct err *e, const char *path, int line, int col,
    const char *msgid, int nargs, va_list ap)
{
	int	i;

	err_clear(e);
	e->path = path != NULL ? xstrdup(path) : NULL;
	e->line = line;
	e->col = col;
	e->msgid = msgid;
	if (nargs > ERR_MAXARGS)
		nargs = ERR_MAXARGS;
	e->nargs = nargs;
	for (i = 0; i < nargs; i++) {
		const char *a = va_arg(ap, const char *);
		e->args[i] = xstrdup(a != NULL ? a : "");
	}
}

void
err_set(struct err *e, const char *path, int line, int col,
    const char *msgid, int nargs, ...)
{
	va_list	ap;

	va_start(ap, nargs);
	err_vset(e, path, line, col, msgid, nargs, ap);
	va_end(ap);
}

void
err_clear(struct err *e)
{
	int	i;

	free(e->path);
	for (i = 0; i < e->nargs; i++)
		free(e->args[i]);
	memset(e, 0, sizeof *e);
}

bool
err_isset(const struct err *e)
{
	return (e->msgid != NULL);
}

void
err_move(struct err *dst, struct err *src)
{
	err_clear(dst);
	*dst = *src;
	memset(src, 0, sizeof *src);
}

void
errlist_init(struct errlist *l)
{
	memset(l, 0, sizeof *l);
}

void
errlist_done(struct errlist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		err_clear(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static struct err *
errlist_grow(struct errlist *l)
{
	return (VEC_PUSH(l->v, l->n, l->cap));
}

void
errlist_add(struct errlist *l, const char *path, int line, int col,
    const char *msgid, int nargs, ...)
{
	va_list	ap;

	va_start(ap, nargs);
	err_vset(errlist_grow(l), path, line, col, msgid, nargs, ap);
	va_end(ap);
}

void
errlist_take(struct errlist *l, struct err *e)
{
	struct err *slot = errlist_grow(l);

	*slot = *e;
	memset(e, 0, sizeof *e);
}
