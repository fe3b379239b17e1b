/*
 * Arena blocks are kept in a list whose head is the one being filled; an
 * allocation too big to share a block gets a block of its own, put
 * second so that the head keeps filling.  See arena.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"

#define ARENA_CHUNK	(32 * 1024)
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_EXACT	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_EXACT	1
#endif
#endif

struct ablock {
	struct ablock	*next;
	size_t		 used;
	size_t		 cap;
	max_align_t	 data[];
};

struct arena {
	struct ablock	*head;
};

struct arena *
arena_new(void)
{
	return (xcalloc(1, sizeof (struct arena)));
}

struct arena *
arena_new_sized(size_t n)
{
	struct arena	*a = arena_new();
#ifndef ARENA_EXACT
	struct ablock	*b;

	if (n > SIZE_MAX / 2)
		fatal("out of memory");
	n = n < ARENA_CHUNK ? ARENA_CHUNK : n;
	b = xmalloc(sizeof *b + n);
	b->cap = n;
	b->used = 0;
	b->next = NULL;
	a->head = b;
#else
	(void)n;
#endif
	return (a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct ablock	*b = a->head;
	size_t		 al = sizeof(max_align_t), cap;

	if (n > SIZE_MAX / 2)
		fatal("out of memory");
	n = (n + al - 1) / al * al;
#ifdef ARENA_EXACT
	cap = n;
#else
	if (b != NULL && b->cap - b->used >= n) {
		void *p = (char *)b->data + b->used;
		b->used += n;
		memset(p, 0, n);
		return (p);
	}
	cap = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
#endif
	b = xmalloc(sizeof *b + cap);
	b->cap = cap;
	b->used = n;
	if (cap == n && a->head != NULL) {
		/* A large block: keep filling the current one. */
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = a->head;
		a->head = b;
	}
	memset(b->data, 0, n);
	return (b->data);
}

void
arena_free(struct arena *a)
{
	struct ablock	*b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}
