/*
 * Near-duplicate search in bounded memory: MinHash signatures of shingle
 * sets (boiler.h) and locality-sensitive hashing over them.
 *
 * A signature is MINHASH_N 16-bit values made by one-permutation hashing
 * with optimal densification (Shrivastava, ICML 2017): a shingle's hash
 * picks one of MINHASH_N bins by its top bits, each bin keeps the shingle
 * with the least low 32 bits, and stores 16 other bits of it (b-bit
 * minwise hashing, Li and König 2010); an empty bin borrows the value of
 * the first non-empty bin on a fixed pseudo-random probe sequence, the
 * same for every set.  Two signatures agree in a bin with probability
 * J + (1 - J)/65536, J the Jaccard index of the two sets, so the share of
 * agreeing bins estimates J with a standard error of at most 0.032 (3.3
 * points of Dice around 50 %).  One hash per shingle: signing costs
 * about what reading the shingles does.
 *
 * LSH: the first MINHASH_BANDS * MINHASH_ROWS bins are cut into
 * MINHASH_BANDS bands of MINHASH_ROWS; two sets become a candidate pair
 * when they agree on every bin of some band.  A pair with Jaccard J is
 * found with probability 1 - (1 - J^3)^85: 0.999 at J = 0.43 (Dice 60 %,
 * the near-duplicate threshold of xorgan.h), 0.99998 at J = 1/2; two
 * unrelated reports of one county (J about 0.15, stock phrases) become
 * candidates with probability 0.25, where bands of two would make
 * nearly every pair one.  Candidates are then judged on their whole
 * signatures (and by the caller on the texts).
 *
 * 512 bytes per signature; nothing here keeps state between calls.
 */
#ifndef NB_MINHASH_H
#define NB_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define MINHASH_N	256
#define MINHASH_ROWS	3
#define MINHASH_BANDS	(MINHASH_N / MINHASH_ROWS)	/* 85 */

/* Signs the set h[0..n) (64-bit hashes, duplicates allowed) into sig.
 * n must be > 0. */
void	minhash_sign(const uint64_t *h, size_t n, uint16_t sig[MINHASH_N]);

/* Bins in which two signatures agree, 0..MINHASH_N. */
int	minhash_agree(const uint16_t *a, const uint16_t *b);

/* The Dice similarity, in whole percent, that agree bins estimate:
 * J = agree / N, Dice = 2J / (1 + J). */
int	minhash_dice(int agree);

struct minhash_pair {
	uint32_t	a;		/* a < b, indices into the sigs given */
	uint32_t	b;
};

/*
 * The candidate pairs among sigs[0..n) (a NULL entry takes no part):
 * every pair that agrees on all rows of at least one band, each once,
 * sorted.  Returns how many; *out newly allocated (caller frees; NULL
 * when none).  Memory is that of the pairs found.
 */
size_t	minhash_candidates(const uint16_t *const *sigs, size_t n,
	    struct minhash_pair **out);

#endif
