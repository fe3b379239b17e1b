/*
 * Cell numbers; see num.h for the accepted forms.
 *
 * num_parse is one left-to-right pass over the UTF-8 bytes.  num_tok()
 * classifies the code point at p (ASCII or its full-width twin) as a digit,
 * group separator, decimal point, sign, space or anything else.  The scan
 * keeps the integer part as a magnitude that stops growing just above
 * NUM_LIMIT, so no input can overflow, and at most NUM_MAX_DP fraction
 * digits.  Malformed text (NUM_E_CHAR, NUM_E_GROUPING) is reported the
 * moment it is seen; the errors about a well-formed number in the wrong
 * kind of cell (negative, decimal point, too many decimals, too large) are
 * decided after the scan, so "-abc" is a bad character, not a negative.
 *
 * Decisions the header leaves open: ".5" and "5." are refused (NUM_E_CHAR
 * at the point), in every kind of cell; "-0" is 0 in a signed cell but
 * NUM_E_NEGATIVE elsewhere (a minus sign has no place in a count cell);
 * separators may mix "," and "，"; NUM_E_EMPTY sets *errpos to 0 and
 * NUM_E_RANGE to the first digit.  num_format rounds half away from zero
 * when a money value has more precision than its dp.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "num.h"

enum num_tok { T_DIGIT, T_GROUP, T_POINT, T_PLUS, T_MINUS, T_SPACE, T_END,
    T_OTHER };

static const uint64_t num_pow10[] = { 1, 10, 100, 1000, 10000, 100000,
    1000000 };

static const char *const num_msgids[] = {
	[NUM_E_EMPTY] = "num.e_empty",
	[NUM_E_CHAR] = "num.e_char",
	[NUM_E_NEGATIVE] = "num.e_negative",
	[NUM_E_DECIMAL] = "num.e_decimal",
	[NUM_E_DIGITS] = "num.e_digits",
	[NUM_E_GROUPING] = "num.e_grouping",
	[NUM_E_RANGE] = "num.e_range"
};

/* What the scan has seen; offsets in bytes, NONE where absent. */
#define NONE SIZE_MAX
struct num_scan {
	size_t		 sign_at, digits_at, point_at;
	size_t		 excess_at;	/* fraction digit number max_dp + 1 */
	int		 max_dp;
	bool		 neg;
	uint64_t	 ip;		/* integer part, capped at NUM_LIMIT + 1 */
	uint64_t	 frac;		/* first NUM_MAX_DP fraction digits */
	int		 nint, nfrac;	/* digits typed on each side */
};

/* Classifies the code point at p; sets its byte length and digit value. */
static enum num_tok
num_tok(const unsigned char *p, size_t *len, int *digit)
{
	unsigned char	c = p[0];

	*len = 1;
	if (c == 0xc2 && p[1] == 0xa0) {			/* NBSP */
		*len = 2;
		return (T_SPACE);
	}
	if (c == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {	/* U+3000 */
		*len = 3;
		return (T_SPACE);
	}
	/* U+FF0B..U+FF19 are "+,-./0-9" moved up by 0xFEE0. */
	if (c == 0xef && p[1] == 0xbc && p[2] >= 0x8b && p[2] <= 0x99) {
		c = p[2] - 0x60;
		*len = 3;
	}
	if (c >= '0' && c <= '9') {
		*digit = c - '0';
		return (T_DIGIT);
	}
	switch (c) {
	case '\0':
		*len = 0;
		return (T_END);
	case ' ':
	case '\t':
		return (T_SPACE);
	case ',':
		return (T_GROUP);
	case '.':
		return (T_POINT);
	case '+':
		return (T_PLUS);
	case '-':
		return (T_MINUS);
	}
	return (T_OTHER);
}

/* Fails with st at byte offset at. */
static enum num_status
num_fail(enum num_status st, size_t at, size_t *errpos)
{
	if (errpos != NULL)
		*errpos = at;
	return (st);
}

/*
 * Scans the integer part and the fraction starting at *i; on a syntax
 * error returns it with *i at the offending byte.
 */
static enum num_status
num_scan_digits(const unsigned char *s, size_t *i, struct num_scan *sc)
{
	enum num_tok	t;
	size_t		len, sep_at = NONE;
	int		d = 0, run = 0;

	sc->digits_at = *i;
	while ((t = num_tok(s + *i, &len, &d)) == T_DIGIT || t == T_GROUP) {
		if (t == T_DIGIT) {
			if (sc->ip <= (uint64_t)NUM_LIMIT)
				sc->ip = sc->ip * 10 + d;
			sc->nint++;
			run++;
		} else if (sc->nint == 0 || run == 0 || run > 3 ||
		    (sep_at != NONE && run != 3))
			return (NUM_E_GROUPING);
		else {
			sep_at = *i;
			run = 0;
		}
		*i += len;
	}
	if (sep_at != NONE && run != 3) {
		*i = sep_at;
		return (NUM_E_GROUPING);
	}
	if (t != T_POINT)
		return (sc->nint == 0 ? NUM_E_CHAR : NUM_OK);
	sc->point_at = *i;
	*i += len;
	while (num_tok(s + *i, &len, &d) == T_DIGIT) {
		if (sc->nfrac == sc->max_dp)
			sc->excess_at = *i;
		if (sc->nfrac < NUM_MAX_DP)
			sc->frac = sc->frac * 10 + d;
		sc->nfrac++;
		*i += len;
	}
	if (sc->nint == 0 || sc->nfrac == 0) {
		*i = sc->point_at;
		return (NUM_E_CHAR);
	}
	return (NUM_OK);
}

enum num_status
num_parse(const char *str, enum num_kind kind, int max_dp, struct num *out,
    size_t *errpos)
{
	const unsigned char	*s = (const unsigned char *)(str ? str : "");
	struct num_scan		 sc = { .sign_at = NONE, .point_at = NONE };
	enum num_status		 st;
	enum num_tok		 t;
	size_t			 i = 0, len, end;
	int			 d;

	sc.max_dp = kind != NUM_MONEY || max_dp < 0 ? 0 :
	    max_dp > NUM_MAX_DP ? NUM_MAX_DP : max_dp;
	while ((t = num_tok(s + i, &len, &d)) == T_SPACE)
		i += len;
	if (t == T_END)
		return (num_fail(NUM_E_EMPTY, 0, errpos));
	if (t == T_PLUS || t == T_MINUS) {
		sc.sign_at = i;
		sc.neg = t == T_MINUS;
		i += len;
	}
	st = num_scan_digits(s, &i, &sc);
	for (end = i; (t = num_tok(s + i, &len, &d)) == T_SPACE; i += len)
		;
	/* A lone sign: blame the sign rather than what follows. */
	if (st == NUM_E_CHAR && sc.nint == 0 && sc.sign_at != NONE &&
	    t == T_END)
		end = sc.sign_at;
	if (st == NUM_OK && t != T_END)
		st = NUM_E_CHAR;
	if (st != NUM_OK)
		return (num_fail(st, end, errpos));

	if (sc.neg && kind != NUM_SIGNED)
		return (num_fail(NUM_E_NEGATIVE, sc.sign_at, errpos));
	if (sc.point_at != NONE && kind != NUM_MONEY)
		return (num_fail(NUM_E_DECIMAL, sc.point_at, errpos));
	if (sc.nfrac > sc.max_dp)
		return (num_fail(NUM_E_DIGITS, sc.excess_at, errpos));
	if (sc.ip > (uint64_t)NUM_LIMIT ||
	    (sc.ip == (uint64_t)NUM_LIMIT && sc.frac != 0))
		return (num_fail(NUM_E_RANGE, sc.digits_at, errpos));

	out->dp = (uint8_t)sc.nfrac;
	out->v = (int64_t)sc.ip;
	if (kind == NUM_MONEY)
		out->v = out->v * NUM_MONEY_SCALE +
		    (int64_t)(sc.frac * num_pow10[NUM_MAX_DP - sc.nfrac]);
	if (sc.neg)
		out->v = -out->v;
	return (NUM_OK);
}

const char *
num_status_msgid(enum num_status st)
{
	if (st <= NUM_OK || st > NUM_E_RANGE)
		return (NULL);
	return (num_msgids[st]);
}

char *
num_format(struct num n, enum num_kind kind, char *buf)
{
	const char	*sign = n.v < 0 ? "-" : "";
	uint64_t	 mag, unit, q;
	int		 dp;

	mag = n.v < 0 ? -(uint64_t)n.v : (uint64_t)n.v;
	if (kind != NUM_MONEY) {
		snprintf(buf, NUM_FMT_MAX, "%s%" PRIu64, sign, mag);
		return (buf);
	}
	dp = n.dp > NUM_MAX_DP ? NUM_MAX_DP : n.dp;
	unit = num_pow10[NUM_MAX_DP - dp];
	q = mag / unit + (mag % unit >= (unit + 1) / 2);
	if (q == 0)
		sign = "";
	if (dp == 0)
		snprintf(buf, NUM_FMT_MAX, "%s%" PRIu64, sign, q);
	else
		snprintf(buf, NUM_FMT_MAX, "%s%" PRIu64 ".%0*" PRIu64, sign,
		    q / num_pow10[dp], dp, q % num_pow10[dp]);
	return (buf);
}

bool
num_add(struct num *acc, struct num x, int sign)
{
	int64_t	r;
	bool	ovf;

	if (sign == 0)
		x.v = 0;
	if (sign < 0)
		ovf = __builtin_sub_overflow(acc->v, x.v, &r);
	else
		ovf = __builtin_add_overflow(acc->v, x.v, &r);
	if (ovf)
		return (false);
	acc->v = r;
	if (x.dp > acc->dp)
		acc->dp = x.dp;
	return (true);
}

int
num_cmp(struct num a, struct num b)
{
	return ((a.v > b.v) - (a.v < b.v));
}

bool
num_blank(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		if (strncmp(s, "\xe3\x80\x80", 3) == 0) {	/* U+3000 */
			s += 2;
			continue;
		}
		if (strncmp(s, "\xc2\xa0", 2) == 0) {		/* NBSP */
			s += 1;
			continue;
		}
		return (false);
	}
	return (true);
}

bool
num_read_dec(const char **s, unsigned long long *v)
{
	const char		*p = *s;
	unsigned long long	 x = 0;

	if (*p < '0' || *p > '9')
		return (false);
	for (; *p >= '0' && *p <= '9'; p++) {
		if (x > (ULLONG_MAX - 9) / 10)
			return (false);
		x = x * 10 + (unsigned long long)(*p - '0');
	}
	*v = x;
	*s = p;
	return (true);
}

bool
num_read_hex64(const char **s, uint64_t *v)
{
	const char	*p = *s;
	uint64_t	 x = 0;
	int		 i, d;

	for (i = 0; i < 16; i++, p++) {
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (*p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (*p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			return (false);
		x = x << 4 | (uint64_t)d;
	}
	*v = x;
	*s = p;
	return (true);
}
