/*
 * Growable arrays: the one helper for "append to an array of T".
 *
 * An array is three fields the caller keeps side by side: a pointer T *v,
 * a count (any integer) and a capacity (size_t).  VEC_PUSH grows the storage
 * geometrically (through xreallocarray, so it never returns on failure),
 * zeroes the new element, increments the count and yields a pointer to the
 * new element:
 *
 *	struct row	*rows = NULL;
 *	size_t		 nrows = 0, caprows = 0;
 *	struct row	*r = VEC_PUSH(rows, nrows, caprows);
 *
 * VEC_RESERVE makes room for at least n elements without changing the
 * count.  The array is freed with free(v).
 */
#ifndef NB_VEC_H
#define NB_VEC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "xmalloc.h"

/* v grown to hold at least need elements of size bytes; *cap updated. */
static inline void *
vec_reserve(void *v, size_t *cap, size_t need, size_t size)
{
	size_t	c;

	if (need <= *cap)
		return (v);
	c = *cap < 8 ? 8 : *cap;
	while (c < need)
		c = c <= SIZE_MAX / 2 ? c * 2 : need;	/* no wrap to 0 */
	*cap = c;
	return (xreallocarray(v, c, size));
}

/* cap must be a size_t lvalue; n any integer lvalue. */
#define VEC_RESERVE(v, cap, need)					\
	((v) = vec_reserve((v), &(cap), (size_t)(need), sizeof *(v)))

#define VEC_PUSH(v, n, cap)						\
	(VEC_RESERVE(v, cap, (size_t)(n) + 1),				\
	 memset(&(v)[(n)], 0, sizeof *(v)),				\
	 &(v)[(n)++])

#endif
