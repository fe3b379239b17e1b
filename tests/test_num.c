/*
 * num_parse, num_format, num_add, num_cmp and num_status_msgid.  The parse
 * cases are one table: input, kind, max_dp, then either the value and dp
 * (NUM_OK) or the status and the byte offset errpos must point at.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "num.h"

#define C	NUM_COUNT
#define S	NUM_SIGNED
#define M	NUM_MONEY
#define MAXDP	NUM_MAX_DP

struct pcase {
	const char	*in;
	enum num_kind	 kind;
	int		 max_dp;
	enum num_status	 st;
	int64_t		 v;	/* NUM_OK: value; otherwise unused */
	int		 dp;	/* NUM_OK: dp; otherwise errpos */
};

#define OK(in, k, v, dp)	{ in, k, MAXDP, NUM_OK, v, dp }
#define OKD(in, md, v, dp)	{ in, M, md, NUM_OK, v, dp }
#define BAD(in, k, st, at)	{ in, k, MAXDP, st, 0, at }
#define BADD(in, md, st, at)	{ in, M, md, st, 0, at }

static const struct pcase pcases[] = {
	/* Plain integers, leading zeros are decimal. */
	OK("0", C, 0, 0),
	OK("00", C, 0, 0),
	OK("010", C, 10, 0),
	OK("7", C, 7, 0),
	OK("-0", S, 0, 0),
	BAD("-0", C, NUM_E_NEGATIVE, 0),
	OK("０１２", C, 12, 0),
	OK("１2３", C, 123, 0),
	/* Thousands separators. */
	OK("1,234", C, 1234, 0),
	OK("1,234,567", C, 1234567, 0),
	OK("１，２３４", C, 1234, 0),
	OK("1，234", C, 1234, 0),
	OK("1,234，567", C, 1234567, 0),
	OK("1,000,000,000,000", C, INT64_C(1000000000000), 0),
	BAD("1,23", C, NUM_E_GROUPING, 1),
	BAD("1,2345", C, NUM_E_GROUPING, 1),
	BAD("1234,567", C, NUM_E_GROUPING, 4),
	BAD("1,,234", C, NUM_E_GROUPING, 2),
	BAD(",123", C, NUM_E_GROUPING, 0),
	BAD("1,", C, NUM_E_GROUPING, 1),
	BAD("1,23,456", C, NUM_E_GROUPING, 4),
	BAD("1,234,56", C, NUM_E_GROUPING, 5),
	BAD("１，２３", C, NUM_E_GROUPING, 3),
	/* Signs. */
	OK("+5", C, 5, 0),
	OK("＋5", C, 5, 0),
	OK("-18", S, -18, 0),
	OK("－18", S, -18, 0),
	OK("+18", S, 18, 0),
	OK("  -18  ", S, -18, 0),
	OK("-1,234", S, -1234, 0),
	BAD("--5", S, NUM_E_CHAR, 1),
	BAD("+-5", S, NUM_E_CHAR, 1),
	BAD("+", C, NUM_E_CHAR, 0),
	BAD("-", S, NUM_E_CHAR, 0),
	BAD(" － ", S, NUM_E_CHAR, 1),
	BAD("+ 5", C, NUM_E_CHAR, 1),
	BAD("5-", S, NUM_E_CHAR, 1),
	BAD("-1", C, NUM_E_NEGATIVE, 0),
	BAD("－1", C, NUM_E_NEGATIVE, 0),
	BAD("  -1", C, NUM_E_NEGATIVE, 2),
	BAD("-1", M, NUM_E_NEGATIVE, 0),
	BAD("-1.5", C, NUM_E_NEGATIVE, 0),
	BAD("-abc", C, NUM_E_CHAR, 1),
	/* Other characters. */
	BAD("abc", C, NUM_E_CHAR, 0),
	BAD("12abc", C, NUM_E_CHAR, 2),
	BAD("1e3", C, NUM_E_CHAR, 1),
	BAD("1e3", M, NUM_E_CHAR, 1),
	BAD("0x10", C, NUM_E_CHAR, 1),
	BAD("12。5", M, NUM_E_CHAR, 2),
	BAD("１２。５", M, NUM_E_CHAR, 6),
	BAD("1 234", C, NUM_E_CHAR, 1),
	BAD("1　234", C, NUM_E_CHAR, 1),
	BAD("12 abc", C, NUM_E_CHAR, 2),
	BAD("٣", C, NUM_E_CHAR, 0),
	BAD("Ⅷ", C, NUM_E_CHAR, 0),
	BAD("5件", C, NUM_E_CHAR, 1),
	BAD("\xff", C, NUM_E_CHAR, 0),
	BAD("1\xef\xbc", C, NUM_E_CHAR, 1),
	BAD("1\n", C, NUM_E_CHAR, 1),
	BAD("1／2", C, NUM_E_CHAR, 1),
	BAD("１２．", M, NUM_E_CHAR, 6),
	OK("－０", S, 0, 0),
	/* Surrounding space, and nothing but space. */
	OK("  12  ", C, 12, 0),
	OK("\t12\t", C, 12, 0),
	OK("　12　", C, 12, 0),
	OK("\xc2\xa0" "12" "\xc2\xa0", C, 12, 0),
	OK(" \t　\xc2\xa0" "3" "\xc2\xa0　\t ", C, 3, 0),
	BAD("", C, NUM_E_EMPTY, 0),
	BAD("   ", C, NUM_E_EMPTY, 0),
	BAD("\t　\xc2\xa0 ", M, NUM_E_EMPTY, 0),
	BAD(NULL, C, NUM_E_EMPTY, 0),
	/* Range: 10^12 inclusive, huge inputs do not wrap. */
	OK("1000000000000", C, INT64_C(1000000000000), 0),
	BAD("1000000000001", C, NUM_E_RANGE, 0),
	BAD("99999999999999999", C, NUM_E_RANGE, 0),
	BAD("9223372036854775808", C, NUM_E_RANGE, 0),
	BAD("18446744073709551617", S, NUM_E_RANGE, 0),
	OK("-1000000000000", S, -INT64_C(1000000000000), 0),
	BAD("-1000000000001", S, NUM_E_RANGE, 1),
	OK("1000000000000", M, INT64_C(1000000000000000000), 0),
	OK("1000000000000.000000", M, INT64_C(1000000000000000000), 6),
	BAD("1000000000000.000001", M, NUM_E_RANGE, 0),
	OK("999999999999.999999", M, INT64_C(999999999999999999), 6),
	BAD(" 1000000000001.5", M, NUM_E_RANGE, 1),
	/* Decimal points. */
	BAD("1.5", C, NUM_E_DECIMAL, 1),
	BAD("1.5", S, NUM_E_DECIMAL, 1),
	BAD("12．5", C, NUM_E_DECIMAL, 2),
	BAD("1.0", C, NUM_E_DECIMAL, 1),
	OK("12．5", M, 12500000, 1),
	BAD(".5", M, NUM_E_CHAR, 0),
	BAD("5.", M, NUM_E_CHAR, 1),
	BAD("-.5", S, NUM_E_CHAR, 1),
	BAD(".", M, NUM_E_CHAR, 0),
	BAD("1.2.3", M, NUM_E_CHAR, 3),
	BAD("1.234,5", M, NUM_E_CHAR, 5),
	/* Money: 0..6 decimals as typed. */
	OK("5", M, 5000000, 0),
	OK("5.1", M, 5100000, 1),
	OK("5.12", M, 5120000, 2),
	OK("5.123", M, 5123000, 3),
	OK("5.1234", M, 5123400, 4),
	OK("5.12345", M, 5123450, 5),
	OK("5.123456", M, 5123456, 6),
	BAD("5.1234567", M, NUM_E_DIGITS, 8),
	BAD("5.1000000", M, NUM_E_DIGITS, 8),
	BAD("５．１２３４５６７", M, NUM_E_DIGITS, 24),
	OK("24252.311082", M, INT64_C(24252311082), 6),
	OK("7730.20", M, INT64_C(7730200000), 2),
	OK("0.000001", M, 1, 6),
	OK("00.50", M, 500000, 2),
	OK("1,234.5", M, INT64_C(1234500000), 1),
	OK("０．５", M, 500000, 1),
	OK("　7730.20 ", M, INT64_C(7730200000), 2),
	/* max_dp below the default, and out-of-range max_dp clamped. */
	OKD("5.00", 2, 5000000, 2),
	BADD("5.123", 2, NUM_E_DIGITS, 4),
	BADD("5.1", 0, NUM_E_DIGITS, 2),
	OKD("5", 0, 5000000, 0),
	BADD("5.1", -1, NUM_E_DIGITS, 2),
	OKD("5.123456", 9, 5123456, 6),
	BADD("5.1234567", 9, NUM_E_DIGITS, 8),
	BADD("5.1234567", 2, NUM_E_DIGITS, 4),
	/*
	 * Code points that share a lead byte (or two) with NBSP, U+3000 and
	 * the full-width "+,-./0-9" but are none of them.
	 */
	BAD("1\u00a9", C, NUM_E_CHAR, 1),	/* © C2 A9 */
	BAD("12\u30fc", C, NUM_E_CHAR, 2),	/* ー E3 83 BC */
	BAD("1\uffe5", C, NUM_E_CHAR, 1),	/* ￥ EF BF A5 */
	BAD("1\uff1a", C, NUM_E_CHAR, 1),	/* ： EF BC 9A */
	BAD("\uff0a1", C, NUM_E_CHAR, 0),	/* ＊ EF BC 8A */
};

Test(num, parse_table)
{
	size_t	i, ncase = sizeof(pcases) / sizeof(pcases[0]);

	cr_assert_geq(ncase, 60);
	for (i = 0; i < ncase; i++) {
		const struct pcase	*c = &pcases[i];
		struct num		 n = { .v = 4242, .dp = 9 };
		size_t			 at = 777;
		enum num_status		 st;
		const char		*in = c->in ? c->in : "(null)";

		st = num_parse(c->in, c->kind, c->max_dp, &n, &at);
		cr_expect_eq(st, c->st, "case %zu \"%s\": status %d, want %d",
		    i, in, st, c->st);
		if (c->st == NUM_OK) {
			cr_expect_eq(n.v, c->v, "case %zu \"%s\": v %lld, "
			    "want %lld", i, in, (long long)n.v,
			    (long long)c->v);
			cr_expect_eq(n.dp, c->dp, "case %zu \"%s\": dp %d, "
			    "want %d", i, in, n.dp, c->dp);
			cr_expect_eq(at, 777, "case %zu: errpos touched", i);
		} else {
			cr_expect_eq(at, (size_t)c->dp, "case %zu \"%s\": "
			    "errpos %zu, want %d", i, in, at, c->dp);
			cr_expect(n.v == 4242 && n.dp == 9,
			    "case %zu \"%s\": out written on error", i, in);
		}
	}
}

Test(num, parse_null_errpos)
{
	struct num	n;

	cr_expect_eq(num_parse("abc", NUM_COUNT, MAXDP, &n, NULL),
	    NUM_E_CHAR);
	cr_expect_eq(num_parse("", NUM_COUNT, MAXDP, &n, NULL), NUM_E_EMPTY);
	cr_expect_eq(num_parse("3", NUM_COUNT, MAXDP, &n, NULL), NUM_OK);
	cr_expect_eq(n.v, 3);
}

struct fcase {
	int64_t		 v;
	int		 dp;
	enum num_kind	 kind;
	const char	*want;
};

static const struct fcase fcases[] = {
	{ 1234, 0, C, "1234" },
	{ 0, 0, C, "0" },
	{ 1234, 3, C, "1234" },		/* dp is for money only */
	{ -18, 0, S, "-18" },
	{ INT64_MAX, 0, S, "9223372036854775807" },
	{ INT64_MIN, 0, S, "-9223372036854775808" },
	{ INT64_C(7730200000), 2, M, "7730.20" },
	{ INT64_C(24252311082), 6, M, "24252.311082" },
	{ 500000, 1, M, "0.5" },
	{ 500000, 2, M, "0.50" },
	{ 5000000, 0, M, "5" },
	{ 0, 0, M, "0" },
	{ 0, 3, M, "0.000" },
	{ 1, 6, M, "0.000001" },
	{ -1, 6, M, "-0.000001" },
	{ -1500000, 2, M, "-1.50" },
	{ -INT64_C(24252311082), 6, M, "-24252.311082" },
	{ INT64_C(1000000000000000000), 0, M, "1000000000000" },
	/* More precision than dp: rounded half away from zero. */
	{ 1500000, 0, M, "2" },
	{ 1499999, 0, M, "1" },
	{ -1500000, 0, M, "-2" },
	{ -400000, 0, M, "0" },
	{ 1234567, 2, M, "1.23" },
	{ 1235000, 2, M, "1.24" },
	{ 1234567, 9, M, "1.234567" },	/* dp clamped to 6 */
	{ INT64_MAX, 6, M, "9223372036854.775807" },
	{ INT64_MIN, 6, M, "-9223372036854.775808" },
	{ INT64_MIN, 0, M, "-9223372036855" },
};

Test(num, format_table)
{
	size_t	i;
	char	buf[NUM_FMT_MAX];

	for (i = 0; i < sizeof(fcases) / sizeof(fcases[0]); i++) {
		const struct fcase	*c = &fcases[i];
		struct num		 n = { c->v, (uint8_t)c->dp };

		memset(buf, 'x', sizeof buf);
		cr_expect_eq(num_format(n, c->kind, buf), buf);
		cr_expect_str_eq(buf, c->want, "case %zu: \"%s\", want \"%s\"",
		    i, buf, c->want);
	}
}

/* What the clerk typed comes back in canonical ASCII, keeping the dp. */
Test(num, round_trip)
{
	static const struct {
		const char	*in, *out;
		enum num_kind	 kind;
	} rt[] = {
		{ "7730.20", "7730.20", M }, { "24252.311082", "24252.311082", M },
		{ "０．５０", "0.50", M }, { " 1,234.500 ", "1234.500", M },
		{ "1000000000000", "1000000000000", M }, { "5", "5", M },
		{ "1,234", "1234", C }, { "010", "10", C }, { "-0", "0", S },
		{ "－１，０００", "-1000", S }, { "+5", "5", C },
	};
	size_t		i;
	struct num	n;
	char		buf[NUM_FMT_MAX];

	for (i = 0; i < sizeof(rt) / sizeof(rt[0]); i++) {
		cr_assert_eq(num_parse(rt[i].in, rt[i].kind, MAXDP, &n, NULL),
		    NUM_OK, "\"%s\"", rt[i].in);
		cr_expect_str_eq(num_format(n, rt[i].kind, buf), rt[i].out);
	}
}

Test(num, add_basic_and_dp)
{
	struct num	acc = { 0, 0 };
	char		buf[NUM_FMT_MAX];

	cr_assert(num_add(&acc, (struct num){ 100000, 1 }, 1));	/* 0.1 */
	cr_assert(num_add(&acc, (struct num){ 200000, 1 }, 1));	/* 0.2 */
	cr_expect_eq(acc.v, 300000);
	cr_expect_str_eq(num_format(acc, NUM_MONEY, buf), "0.3");
	cr_assert(num_add(&acc, (struct num){ 5, 6 }, -1));
	cr_expect_eq(acc.v, 299995);
	cr_expect_eq(acc.dp, 6);
	cr_assert(num_add(&acc, (struct num){ 1000000, 0 }, 1));
	cr_expect_eq(acc.dp, 6, "dp never shrinks");
	cr_expect_eq(acc.v, 1299995);

	acc = (struct num){ 10, 0 };
	cr_assert(num_add(&acc, (struct num){ 18, 0 }, -1));
	cr_expect_eq(acc.v, -8);
	cr_assert(num_add(&acc, (struct num){ 99, 2 }, 0));
	cr_expect_eq(acc.v, -8, "sign 0 adds nothing");
}

Test(num, add_overflow)
{
	struct num	acc = { INT64_MAX - 1, 2 };
	int		i;

	cr_assert(num_add(&acc, (struct num){ 1, 0 }, 1));
	cr_expect_eq(acc.v, INT64_MAX);
	cr_expect_not(num_add(&acc, (struct num){ 1, 5 }, 1));
	cr_expect(acc.v == INT64_MAX && acc.dp == 2, "unchanged on overflow");
	cr_expect_not(num_add(&acc, (struct num){ -1, 0 }, -1));
	cr_expect_eq(acc.v, INT64_MAX);
	cr_expect(num_add(&acc, (struct num){ INT64_MAX, 0 }, -1));
	cr_expect_eq(acc.v, 0);

	acc = (struct num){ INT64_MIN + 1, 0 };
	cr_assert(num_add(&acc, (struct num){ 1, 0 }, -1));
	cr_expect_eq(acc.v, INT64_MIN);
	cr_expect_not(num_add(&acc, (struct num){ 1, 0 }, -1));
	cr_expect_not(num_add(&acc, (struct num){ -1, 0 }, 1));
	cr_expect_eq(acc.v, INT64_MIN);

	/* Subtracting INT64_MIN overflows unless acc is negative. */
	acc = (struct num){ 0, 0 };
	cr_expect_not(num_add(&acc, (struct num){ INT64_MIN, 0 }, -1));
	cr_expect_eq(acc.v, 0);
	acc = (struct num){ -1, 0 };
	cr_expect(num_add(&acc, (struct num){ INT64_MIN, 0 }, -1));
	cr_expect_eq(acc.v, INT64_MAX);

	/* Nine maximal money cells fit in an int64, the tenth does not. */
	acc = (struct num){ 0, 0 };
	for (i = 0; i < 9; i++)
		cr_assert(num_add(&acc, (struct num){ NUM_LIMIT *
		    NUM_MONEY_SCALE, 0 }, 1), "cell %d", i);
	cr_expect_not(num_add(&acc, (struct num){ NUM_LIMIT *
	    NUM_MONEY_SCALE, 0 }, 1));
	cr_expect_eq(acc.v, 9 * NUM_LIMIT * NUM_MONEY_SCALE);
}

Test(num, cmp)
{
	struct num	a, b;

	cr_expect_eq(num_cmp((struct num){ 1000000, 1 },
	    (struct num){ 1000000, 0 }), 0, "1.0 == 1");
	cr_expect_eq(num_cmp((struct num){ 500000, 1 },
	    (struct num){ 500000, 2 }), 0, "0.5 == 0.50");
	cr_expect_eq(num_cmp((struct num){ 1500000, 1 },
	    (struct num){ 1490000, 2 }), 1, "1.5 > 1.49");
	cr_expect_eq(num_cmp((struct num){ 1490000, 2 },
	    (struct num){ 1500000, 1 }), -1, "1.49 < 1.5");
	cr_expect_eq(num_cmp((struct num){ -18, 0 }, (struct num){ 0, 0 }),
	    -1);
	cr_expect_eq(num_cmp((struct num){ INT64_MIN, 0 },
	    (struct num){ INT64_MAX, 0 }), -1);
	cr_expect_eq(num_cmp((struct num){ INT64_MAX, 0 },
	    (struct num){ INT64_MIN, 0 }), 1);

	cr_assert_eq(num_parse("1.0", NUM_MONEY, MAXDP, &a, NULL), NUM_OK);
	cr_assert_eq(num_parse("１", NUM_MONEY, MAXDP, &b, NULL), NUM_OK);
	cr_expect_eq(num_cmp(a, b), 0);
	cr_assert_eq(num_parse("7730.2", NUM_MONEY, MAXDP, &a, NULL), NUM_OK);
	cr_assert_eq(num_parse("7730.199999", NUM_MONEY, MAXDP, &b, NULL),
	    NUM_OK);
	cr_expect_eq(num_cmp(a, b), 1);
}

Test(num, msgids)
{
	static const struct {
		enum num_status	 st;
		const char	*id;
	} ids[] = {
		{ NUM_E_EMPTY, "num.e_empty" }, { NUM_E_CHAR, "num.e_char" },
		{ NUM_E_NEGATIVE, "num.e_negative" },
		{ NUM_E_DECIMAL, "num.e_decimal" },
		{ NUM_E_DIGITS, "num.e_digits" },
		{ NUM_E_GROUPING, "num.e_grouping" },
		{ NUM_E_RANGE, "num.e_range" },
	};
	size_t	i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		cr_assert_not_null(num_status_msgid(ids[i].st));
		cr_expect_str_eq(num_status_msgid(ids[i].st), ids[i].id);
	}
	cr_expect_null(num_status_msgid(NUM_OK));
	cr_expect_null(num_status_msgid((enum num_status)99));
}

/* What empties a cell: nothing, or only spaces of any width. */
Test(num, blank)
{
	cr_assert(num_blank(""));
	cr_assert(num_blank(" \t"));
	cr_assert(num_blank("\xe3\x80\x80 \xc2\xa0"));	/* U+3000, NBSP */
	cr_assert_not(num_blank("0"));
	cr_assert_not(num_blank(" \xe3\x80\x80" "1"));
	cr_assert_not(num_blank("\xe3\x80"));		/* a cut U+3000 */
	cr_assert_not(num_blank("\xc2"));
}
