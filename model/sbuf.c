/* Growable byte strings; see sbuf.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"

void
sbuf_init(struct sbuf *b)
{
	b->cap = 64;
	b->s = xmalloc(b->cap);
	b->s[0] = '\0';
	b->len = 0;
}

void
sbuf_done(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

static void
sbuf_grow(struct sbuf *b, size_t more)
{
	size_t	need;

	if (__builtin_add_overflow(b->len, more + 1, &need))
		fatal("string too long");
	VEC_RESERVE(b->s, b->cap, need);
}

void
sbuf_add(struct sbuf *b, const char *p, size_t n)
{
	sbuf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sbuf_adds(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void
sbuf_addc(struct sbuf *b, char c)
{
	sbuf_add(b, &c, 1);
}

void
sbuf_addf(struct sbuf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	sbuf_adds(b, s);
	free(s);
}

void
sbuf_truncate(struct sbuf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->s[len] = '\0';
	}
}

char *
sbuf_take(struct sbuf *b)
{
	char	*s = b->s;

	/* Leaves the sbuf empty without allocating: a taken sbuf needs no
	 * sbuf_done, and can be reused (sbuf_add allocates again). */
	b->s = NULL;
	b->len = b->cap = 0;
	if (s == NULL)
		s = xstrdup("");
	return (s);
}
