/*
 * MinHash and LSH; see minhash.h.  Candidate pairs are collected in an
 * open-addressing set of 64-bit keys (a << 32 | b, stored + 1 so that 0
 * is an empty slot), so a bucket shared by many signatures in many bands
 * costs the pairs it holds once.
 */
#include <stdlib.h>
#include <string.h>

#include "minhash.h"
#include "hash.h"
#include "xmalloc.h"

struct pairset {
	uint64_t	*v;
	size_t		 mask;
	size_t		 n;
};

struct keyed {
	uint64_t	key;
	uint32_t	ix;
};

void
minhash_sign(const uint64_t *h, size_t n, uint16_t sig[MINHASH_N])
{
	uint32_t	lo[MINHASH_N];
	uint16_t	val[MINHASH_N];
	uint8_t		full[MINHASH_N];
	size_t		i, bin, t, j;

	memset(full, 0, sizeof full);
	for (i = 0; i < n; i++) {
		uint64_t x = hash_mix64(h[i]);
		bin = (size_t)(x >> 56);	/* 8 bits: 256 bins */
		if (!full[bin] || (uint32_t)x < lo[bin]) {
			full[bin] = 1;
			lo[bin] = (uint32_t)x;
			val[bin] = (uint16_t)(x >> 32);
		}
	}
	for (i = 0; i < MINHASH_N; i++) {
		if (full[i]) {
			sig[i] = val[i];
			continue;
		}
		/* Optimal densification: probe (i, t) until a full bin. */
		for (t = 1, j = i;; t++) {
			j = (size_t)(hash_mix64((uint64_t)i << 32 | t) % MINHASH_N);
			if (full[j])
				break;
			if (t > 64 * MINHASH_N) {	/* n == 0: cannot be */
				j = i;
				val[j] = 0;
				break;
			}
		}
		sig[i] = val[j];
	}
}

int
minhash_agree(const uint16_t *a, const uint16_t *b)
{
	int	i, k = 0;

	for (i = 0; i < MINHASH_N; i++)
		k += a[i] == b[i];
	return (k);
}

int
minhash_dice(int agree)
{
	return (200 * agree / (MINHASH_N + agree));
}

static void
pairset_add(struct pairset *s, uint64_t key)
{
	size_t	i;

	key++;
	if ((s->n + 1) * 2 > s->mask + 1) {
		uint64_t *old = s->v;
		size_t cap = s->mask + 1, j;
		s->mask = cap * 2 - 1;
		s->v = xcalloc(s->mask + 1, sizeof *s->v);
		s->n = 0;
		for (j = 0; j < cap; j++)
			if (old[j] != 0)
				pairset_add(s, old[j] - 1);
		free(old);
	}
	for (i = hash_mix64(key) & s->mask; s->v[i] != 0; i = (i + 1) & s->mask)
		if (s->v[i] == key)
			return;
	s->v[i] = key;
	s->n++;
}

static int
cmp_pair(const void *a, const void *b)
{
	const struct minhash_pair *x = a, *y = b;

	if (x->a != y->a)
		return (x->a < y->a ? -1 : 1);
	return (x->b < y->b ? -1 : x->b > y->b);
}

/*
 * Sorts k[0..m) by key, keeping the order of equal keys (a stable LSD
 * radix sort, a byte at a time over the band's 8 * 2 * MINHASH_ROWS bits;
 * tmp has room for m): entries made in increasing ix come out by key
 * and then ix, without qsort's calls per comparison.
 */
static void
sort_keyed(struct keyed *k, struct keyed *tmp, size_t m)
{
	size_t		 count[256], i, sum, c;
	unsigned	 shift;
	struct keyed	*from = k, *to = tmp, *swap;

	for (shift = 0; shift < 16 * MINHASH_ROWS; shift += 8) {
		memset(count, 0, sizeof count);
		for (i = 0; i < m; i++)
			count[(from[i].key >> shift) & 0xff]++;
		if (m > 0 && count[(from[0].key >> shift) & 0xff] == m)
			continue;	/* one byte value: nothing moves */
		for (i = 0, sum = 0; i < 256; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < m; i++)
			to[count[(from[i].key >> shift) & 0xff]++] = from[i];
		swap = from;
		from = to;
		to = swap;
	}
	if (from != k)
		memcpy(k, from, m * sizeof *k);
}

/* The pairs of one band into s; tmp is sort_keyed's. */
static void
band_pairs(const uint16_t *const *sigs, size_t n, int band,
    struct keyed *k, struct keyed *tmp, struct pairset *s)
{
	size_t	m = 0, i, j, r;

	for (i = 0; i < n; i++)
		if (sigs[i] != NULL) {
			int r;
			k[m].key = 0;
			for (r = 0; r < MINHASH_ROWS; r++)
				k[m].key = k[m].key << 16 |
				    sigs[i][band * MINHASH_ROWS + r];
			k[m++].ix = (uint32_t)i;
		}
	sort_keyed(k, tmp, m);
	for (i = 0; i < m; i = r) {
		for (r = i + 1; r < m && k[r].key == k[i].key; r++)
			;
		for (j = i; j < r; j++)
			for (size_t l = j + 1; l < r; l++)
				pairset_add(s, (uint64_t)k[j].ix << 32 |
				    k[l].ix);
	}
}

size_t
minhash_candidates(const uint16_t *const *sigs, size_t n,
    struct minhash_pair **out)
{
	struct pairset	 s;
	struct keyed	*k = xcalloc(n + 1, sizeof *k);
	struct keyed	*tmp = xcalloc(n + 1, sizeof *tmp);
	size_t		 i, m = 0;
	int		 b;

	s.mask = 63;
	s.n = 0;
	s.v = xcalloc(s.mask + 1, sizeof *s.v);
	for (b = 0; b < MINHASH_BANDS; b++)
		band_pairs(sigs, n, b, k, tmp, &s);
	free(k);
	free(tmp);
	*out = NULL;
	if (s.n > 0) {
		*out = xcalloc(s.n, sizeof **out);
		for (i = 0; i <= s.mask; i++)
			if (s.v[i] != 0) {
				(*out)[m].a = (uint32_t)((s.v[i] - 1) >> 32);
				(*out)[m++].b = (uint32_t)(s.v[i] - 1);
			}
		qsort(*out, m, sizeof **out, cmp_pair);
	}
	free(s.v);
	return (m);
}
