/*
 * A growable byte string.  NUL-terminated once anything was added (and
 * after sbuf_init); len excludes the NUL.  sbuf_init/sbuf_done work on an
 * embedded struct; sbuf_take hands the bytes to the caller (who frees
 * them) and leaves the sbuf empty and owning nothing (s == NULL).
 */
#ifndef NB_SBUF_H
#define NB_SBUF_H

#include <stddef.h>

struct sbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

void	 sbuf_init(struct sbuf *);
void	 sbuf_done(struct sbuf *);
void	 sbuf_add(struct sbuf *, const char *, size_t);
void	 sbuf_adds(struct sbuf *, const char *);
void	 sbuf_addc(struct sbuf *, char);
void	 sbuf_addf(struct sbuf *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
void	 sbuf_truncate(struct sbuf *, size_t);
/* Appends s with bytes below 0x20, DEL and '%' as %XX: one line of a
 * record file whatever s holds. */
void	 sbuf_add_pct(struct sbuf *, const char *s);
/* Appends n bytes of s with each %XX (two hex digits) made its byte
 * again: undoes sbuf_add_pct. */
void	 sbuf_add_unpct(struct sbuf *, const char *s, size_t n);
/* Newly allocated; caller frees.  The sbuf is empty afterwards. */
char	*sbuf_take(struct sbuf *);

#endif
