/*
 * The x*alloc family: every allocation either succeeds or ends the process
 * through fatal(), which first gives the front end a chance to save the
 * user's work and restore the terminal, then exits with XMALLOC_EXIT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/uclean.h>

#include "xmalloc.h"

static void	(*fatal_save)(void *);
static void	(*fatal_restore)(void *);
static void	 *fatal_arg;

void
xmalloc_set_fatal_hook(void (*save)(void *), void (*restore)(void *),
    void *arg)
{
	fatal_save = save;
	fatal_restore = restore;
	fatal_arg = arg;
}

/*
 * A hook that runs out of memory comes back here: the counters make each
 * hook run at most once, so the nested call goes on with what is left.
 */
_Noreturn void
fatal(const char *what)
{
	static int	saving, restoring;
	ssize_t		n;

	if (!saving++ && fatal_save != NULL)
		fatal_save(fatal_arg);
	if (!restoring++ && fatal_restore != NULL)
		fatal_restore(fatal_arg);
	/* The message is fixed English: i18n itself may be what ran out. */
	n = write(STDERR_FILENO, "nianbao: fatal: ", 16);
	if (n >= 0)
		n = write(STDERR_FILENO, what, strlen(what));
	if (n >= 0)
		n = write(STDERR_FILENO, "\n", 1);
	_exit(XMALLOC_EXIT);
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

/* ICU's allocator hooks: ICU never asks for 0 bytes (uprv_malloc and
 * uprv_realloc handle that themselves). */
static void * U_CALLCONV
icu_alloc(const void *ctx, size_t size)
{
	(void)ctx;
	return (xmalloc(size));
}

static void * U_CALLCONV
icu_realloc(const void *ctx, void *p, size_t size)
{
	(void)ctx;
	return (xreallocarray(p, 1, size));
}

static void U_CALLCONV
icu_free(const void *ctx, void *p)
{
	(void)ctx;
	free(p);
}

bool
xmalloc_icu(void)
{
	UErrorCode	st = U_ZERO_ERROR;

	u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &st);
	return (U_SUCCESS(st));
}
