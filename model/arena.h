/*
 * An arena: many small allocations that live and die together, taken from
 * large blocks and freed at once.  The YAML tree uses one per document: a
 * report file is some 700 nodes, and one malloc and free each was a fifth
 * of the time of loading it.
 *
 * Under AddressSanitizer every allocation is a block of its own, so that
 * it still sees each overrun.
 */
#ifndef NB_ARENA_H
#define NB_ARENA_H

#include <stddef.h>

struct arena;

/* An empty arena.  Caller frees with arena_free. */
struct arena	*arena_new(void);

/* An empty arena whose first block holds n bytes (at least the usual
 * block), for a caller that knows about how much it will take: one
 * malloc instead of one per block.  Caller frees with arena_free. */
struct arena	*arena_new_sized(size_t n);

/* n zeroed bytes aligned for any type, valid until arena_free.  Never
 * NULL: out of memory is fatal (xmalloc.h). */
void		*arena_alloc(struct arena *, size_t n);

/* Frees the arena and everything allocated from it; NULL is fine. */
void		 arena_free(struct arena *);

#endif
