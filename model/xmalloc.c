/*
 * The x*alloc family: every allocation either succeeds or ends the process
 * through fatal(), which first gives the front end a chance to save the
 * user's work and restore the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xmalloc.h"

static void (*fatal_hook)(void);

void
xmalloc_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

_Noreturn void
fatal(const char *what)
{
	static int dying;

	if (!dying++ && fatal_hook != NULL)
		fatal_hook();
	/* The message is fixed English: i18n itself may be what ran out. */
	if (write(STDERR_FILENO, "nianbao: fatal: ", 16) < 0 ||
	    write(STDERR_FILENO, what, strlen(what)) < 0 ||
	    write(STDERR_FILENO, "\n", 1) < 0)
		abort();
	abort();
}

void *
xmalloc(size_t size)
{
	void	*p;

	p = malloc(size == 0 ? 1 : size);
	if (p == NULL)
		fatal("out of memory");
	return (p);
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);
	if (p == NULL)
		fatal("out of memory");
	return (p);
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;
	size_t	 total;

	if (__builtin_mul_overflow(n, size, &total))
		fatal("allocation size overflow");
	p = realloc(old, total == 0 ? 1 : total);
	if (p == NULL)
		fatal("out of memory");
	return (p);
}

char *
xstrdup(const char *s)
{
	return (xstrndup(s, strlen(s)));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return (p);
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char	*s;

	if (vasprintf(&s, fmt, ap) < 0)
		fatal("out of memory");
	return (s);
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return (s);
}
