/*
 * Allocation that never returns NULL, and the one fatal path.
 *
 * Out of memory is the only fatal error in nianbao.  fatal() runs the hook
 * registered with xmalloc_set_fatal_hook() first (the editor registers one
 * that writes the recovery snapshot and restores the terminal), so model/
 * stays free of curses while a fatal exit still leaves the terminal sane.
 */
#ifndef NB_XMALLOC_H
#define NB_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
/* n bytes of s (which must hold them) and a NUL: it does not stop early. */
char	*xstrndup(const char *, size_t);
/* Newly allocated; caller frees. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Called once by fatal() before it aborts; may be NULL. */
void	 xmalloc_set_fatal_hook(void (*)(void));
_Noreturn void fatal(const char *what);

#endif
