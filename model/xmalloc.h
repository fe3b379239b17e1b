/*
 * Allocation that never returns NULL, and the one fatal path.
 *
 * Out of memory is the only fatal error in nianbao.  fatal() runs the
 * hooks registered with xmalloc_set_fatal_hook() first (the editor's write
 * the recovery snapshot, then restore the terminal), so model/ stays free
 * of curses while a fatal exit still keeps the user's work and leaves the
 * terminal sane.  Then it writes "nianbao: fatal: <what>" on stderr and
 * ends the process with _exit(XMALLOC_EXIT) (never abort(): that would be
 * a crash, a core dump, and atexit handlers that may allocate again).
 */
#ifndef NB_XMALLOC_H
#define NB_XMALLOC_H

#include <stdarg.h>
#include <stdbool.h>
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

/*
 * Routes ICU's own allocations through xmalloc, so that ICU running out
 * of memory ends in fatal() as well instead of in ICU's error paths: some
 * of those crash (ICU 72's RegexPattern::zap() follows a NULL fSets when
 * an allocation of RegexPattern::init() failed), others turn into wrong
 * results (a rule that silently does not match, messages shown as their
 * ids).  Call it first in main(), before any other ICU function.  False
 * if ICU refused (it was already in use): nothing changes then.
 */
bool	 xmalloc_icu(void);

/* The exit status of fatal(): EX_SOFTWARE of <sysexits.h>. */
#define XMALLOC_EXIT	70

/*
 * What fatal() runs before it exits, each with arg; either may be NULL.
 * save runs first, at most once: when it runs out of memory itself, the
 * nested fatal() skips it and goes on with restore.  restore runs at most
 * once as well, so a failure inside it cannot loop either.  Calling this
 * again replaces both; (NULL, NULL, NULL) removes them.
 */
void	 xmalloc_set_fatal_hook(void (*save)(void *),
	    void (*restore)(void *), void *arg);
/* Runs the hooks, writes "nianbao: fatal: what" and _exit(XMALLOC_EXIT). */
_Noreturn void fatal(const char *what);

#endif
