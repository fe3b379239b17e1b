/*
 * libFuzzer target for the number parser (num.h), with the invariants a
 * clerk relies on checked on every accepted input:
 *   - an accepted value respects its kind: counts and money are never
 *     negative, only money has decimals (at most max_dp), and the
 *     magnitude is at most NUM_LIMIT;
 *   - num_format() of it parses back to exactly the same value and dp;
 *   - a refusal's error position lies inside the input;
 *   - num_add() and num_cmp() agree with 128-bit arithmetic.
 * Input: byte 0 chooses the kind and max_dp, the rest is the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

static void
fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz_num: %s for \"%s\"\n", what, s);
	abort();
}

static void
check_value(const char *s, enum num_kind kind, int max_dp, struct num n)
{
	__int128	limit = NUM_LIMIT;
	struct num	back;
	char		buf[NUM_FMT_MAX];

	if (kind == NUM_MONEY)
		limit *= NUM_MONEY_SCALE;
	if (kind != NUM_SIGNED && n.v < 0)
		fail("negative value accepted", s);
	if (kind != NUM_MONEY && n.dp != 0)
		fail("decimals in an integer kind", s);
	if (kind == NUM_MONEY && n.dp > max_dp)
		fail("more decimals than max_dp", s);
	if ((__int128)n.v > limit || (__int128)n.v < -limit)
		fail("value over NUM_LIMIT", s);
	num_format(n, kind, buf);
	if (strlen(buf) >= NUM_FMT_MAX)
		fail("format overflow", s);
	if (num_parse(buf, kind, max_dp, &back, NULL) != NUM_OK)
		fail("formatted value does not parse", s);
	if (back.v != n.v || back.dp != n.dp)
		fail("format/parse round trip changed the value", s);
}

static void
check_arith(const char *s, struct num a, struct num b)
{
	__int128	sum = (__int128)a.v + b.v, dif = (__int128)a.v - b.v;
	struct num	acc = a;
	bool		fits;

	fits = sum >= INT64_MIN && sum <= INT64_MAX;
	if (num_add(&acc, b, 1) != fits || (fits && acc.v != (int64_t)sum))
		fail("num_add disagrees with 128-bit addition", s);
	acc = a;
	fits = dif >= INT64_MIN && dif <= INT64_MAX;
	if (num_add(&acc, b, -1) != fits || (fits && acc.v != (int64_t)dif))
		fail("num_add(-1) disagrees with 128-bit subtraction", s);
	if (num_cmp(a, b) != (a.v > b.v) - (a.v < b.v))
		fail("num_cmp", s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum num_kind	 kind;
	struct num	 n, big = { INT64_MAX - 3, 0 };
	size_t		 pos = SIZE_MAX;
	char		*s;
	int		 max_dp;

	if (size == 0)
		return (0);
	kind = (enum num_kind)(data[0] % 3);
	max_dp = (data[0] >> 2) % 8 - 1;	/* -1..6: out of range too */
	/* Exactly the text, NUL-terminated, so ASan sees any overread. */
	s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	if (num_parse(s, kind, max_dp, &n, &pos) == NUM_OK) {
		check_value(s, kind, max_dp < 0 ? 0 : max_dp, n);
		check_arith(s, n, n);
		check_arith(s, n, big);
		big.v = -big.v;
		check_arith(s, n, big);
	} else if (pos != SIZE_MAX && pos > strlen(s))
		fail("error position past the end", s);
	free(s);
	return (0);
}
