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

void
sbuf_add_pct(struct sbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '%')
			sbuf_addf(b, "%%%02X", (unsigned char)*s);
		else
			sbuf_addc(b, *s);
	}
}

/* The value of an ASCII hex digit, or -1. */
static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

void
sbuf_add_unpct(struct sbuf *b, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			sbuf_addc(b, (char)(hexval(s[i + 1]) * 16 +
			    hexval(s[i + 2])));
			i += 2;
		} else
			sbuf_addc(b, s[i]);
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
