/*
 * The one 64-bit mixing function of nianbao's hashes (the finaliser of
 * MurmurHash3, also SplitMix64's): every input bit affects every output
 * bit, so its low or high bits can pick a bucket.  Used for shingles
 * (boiler.h), MinHash (minhash.h) and the sets built on them.
 */
#ifndef NB_HASH_H
#define NB_HASH_H

#include <stdint.h>

static inline uint64_t
hash_mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (h);
}

#endif
