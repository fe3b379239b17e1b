/*
 * Numbers as clerks type them, stored exactly.
 *
 * A value is an int64 in fixed point: for NUM_COUNT and NUM_SIGNED it is the
 * count itself; for NUM_MONEY (万元) it is in millionths (10^-6), so that
 * "24252.311082" is v = 24252311082.  dp is how many decimals to show (the
 * number the clerk typed, 0..6), so "7730.20" formats back as "7730.20".
 * Never a float anywhere.
 *
 * Accepted input: ASCII and full-width digits (０-９), thousands separators
 * "," and "，" only in groups of three (1,234  1，234  1,234,567), a decimal
 * point "." or "．" (money only), a leading sign "+"/"＋" always and
 * "-"/"－" (signed counts; "-0" is 0), surrounding ASCII spaces, tabs,
 * full-width spaces (U+3000) and NBSP.  Leading zeros are decimal: "010" is
 * ten, "00" is zero.  Refused, with the reason: anything else (letters,
 * "1e3", "0x10", "12。5", "--5", "1,23"), a negative in a count cell, more
 * decimals than max_dp, a decimal point in a count cell, magnitude over
 * NUM_LIMIT (10^12).
 */
#ifndef NB_NUM_H
#define NB_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NUM_LIMIT	INT64_C(1000000000000)	/* 10^12, inclusive */
#define NUM_MAX_DP	6
#define NUM_MONEY_SCALE	INT64_C(1000000)
#define NUM_FMT_MAX	48	/* buffer size that always fits num_format() */

enum num_kind {
	NUM_COUNT,	/* non-negative integer (件) */
	NUM_SIGNED,	/* integer that may be negative (2019 本年增/减) */
	NUM_MONEY	/* non-negative decimal, up to max_dp places (万元) */
};

struct num {
	int64_t	v;
	uint8_t	dp;
};

enum num_status {
	NUM_OK = 0,
	NUM_E_EMPTY,		/* only spaces: the caller decides (blank) */
	NUM_E_CHAR,		/* a character that is not part of a number */
	NUM_E_NEGATIVE,		/* negative value in a non-negative cell */
	NUM_E_DECIMAL,		/* decimal point in an integer cell */
	NUM_E_DIGITS,		/* more decimals than max_dp */
	NUM_E_GROUPING,		/* thousands separator not in groups of 3 */
	NUM_E_RANGE		/* magnitude over NUM_LIMIT */
};

/*
 * Parses the UTF-8 string s as a value of kind (max_dp applies to
 * NUM_MONEY; pass NUM_MAX_DP for the default).  On NUM_OK fills *out.  On
 * an error, *errpos (if not NULL) is the byte offset of the offending
 * character, where there is one.
 */
enum num_status num_parse(const char *s, enum num_kind kind, int max_dp,
	    struct num *out, size_t *errpos);

/*
 * True when s is empty or holds only spaces (ASCII space, tab, U+3000,
 * NBSP): what a clerk types to empty a cell, not a value to parse.
 */
bool		 num_blank(const char *s);

/* The message id (in i18n/) that explains a status, e.g. "num.e_char". */
const char	*num_status_msgid(enum num_status);

/*
 * Formats n as plain ASCII ("1234", "-18", "7730.20", "0.5"): no grouping,
 * dp decimals for money.  Writes at most NUM_FMT_MAX bytes including the
 * NUL into buf and returns buf.
 */
char	*num_format(struct num n, enum num_kind kind, char *buf);

/*
 * *acc += sign * x, overflow-checked; dp becomes the larger of the two.
 * Returns false (and leaves *acc unchanged) on overflow.
 */
bool	 num_add(struct num *acc, struct num x, int sign);

/* -1, 0, 1 by value (dp is ignored: 1.0 == 1). */
int	 num_cmp(struct num a, struct num b);

/*
 * Fields of machine-written records (not values a clerk typed): ASCII
 * decimal digits, at least one, no sign or space (num_read_dec), or
 * exactly 16 hex digits (num_read_hex64), read at *s into *v, moving *s
 * past them.  False, *s unmoved, when they are not there or overflow.
 */
bool	 num_read_dec(const char **s, unsigned long long *v);
bool	 num_read_hex64(const char **s, uint64_t *v);

#endif
