/*
 * model/text: column widths, grapheme clusters, caret movement, line
 * breaking of Chinese paragraphs, padding and sanitizing.  Cluster
 * boundaries are checked against ICU run directly on the UTF-8 text.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "text.h"
#include "textsim.h"

static const struct text_opts A1 = { 1 }, A2 = { 2 };

static void
fini(void)
{
	text_cleanup();
}

TestSuite(text, .fini = fini);

static int
W(const char *s, const struct text_opts *o)
{
	return (text_width(s, strlen(s), o));
}

/* Number of clusters by text_next, and the width of the only one. */
static size_t
clusters(const char *s)
{
	size_t	off = 0, n = 0, len = strlen(s);

	while (off < len) {
		size_t next = text_next(s, len, off);
		cr_assert_gt(next, off);
		off = next;
		n++;
	}
	cr_assert_eq(off, len);
	return (n);
}

Test(text, han_and_ascii)
{
	cr_assert_eq(W("汉字", &A1), 4);
	cr_assert_eq(W("汉字", &A2), 4);
	cr_assert_eq(W("abc XYZ 123", &A1), 11);
	cr_assert_eq(W("", &A1), 0);
	cr_assert_eq(W("政务公开2023年", &A1), 8 + 4 + 2);
	cr_assert_eq(clusters("汉字ab"), 4);
}

Test(text, fullwidth_punctuation_is_two)
{
	const char *p[] = { "，", "。", "（", "）", "０", "、", "；", "：",
	    "？", "！", "《", "》", "「", "」", "　", NULL };
	int i;

	for (i = 0; p[i] != NULL; i++) {
		cr_assert_eq(W(p[i], &A1), 2, "%s", p[i]);
		cr_assert_eq(W(p[i], &A2), 2, "%s", p[i]);
	}
	cr_assert_eq(W("，。（）０", &A1), 10);
}

Test(text, ambiguous_follows_setting)
{
	const char *p[] = { "“", "”", "‘", "’", "…", "—", "·", "×", "①",
	    "№", "℃", NULL };
	int i;

	for (i = 0; p[i] != NULL; i++) {
		cr_assert_eq(W(p[i], &A1), 1, "%s", p[i]);
		cr_assert_eq(W(p[i], &A2), 2, "%s", p[i]);
	}
	cr_assert_eq(W("“公开”……", &A1), 4 + 4);
	cr_assert_eq(W("“公开”……", &A2), 4 + 8);
	cr_assert_eq(W("“", NULL), 1, "no options means ambiguous = 1");
}

Test(text, combining_mark_joins_base)
{
	const char *s = "e\xcc\x81x";	/* e U+0301 x */
	size_t next;

	cr_assert_eq(text_cluster_width(s, strlen(s), 0, &next, &A2), 1);
	cr_assert_eq(next, 3);
	cr_assert_eq(text_next(s, strlen(s), 0), 3);
	cr_assert_eq(text_prev(s, strlen(s), 3), 0);
	cr_assert_eq(W(s, &A1), 2);
	cr_assert_eq(clusters(s), 2);
	cr_assert_eq(text_count_chars(s, strlen(s)), 2);
	/* A mark with no base takes no column. */
	cr_assert_eq(W("\xcc\x81", &A1), 0);
	/* 汉 + U+0301: the Han base keeps its two columns. */
	cr_assert_eq(W("汉\xcc\x81", &A1), 2);
	cr_assert_eq(clusters("汉\xcc\x81"), 1);
}

Test(text, ideographic_variation_sequence)
{
	const char *s = "葛\xf3\xa0\x84\x81" "藤";	/* U+845B U+E0101 */
	size_t len = strlen(s), next;

	cr_assert_eq(text_cluster_width(s, len, 0, &next, &A1), 2);
	cr_assert_eq(next, 7);
	cr_assert_eq(text_prev(s, len, 7), 0);
	cr_assert_eq(text_prev(s, len, len), 7);
	cr_assert_eq(W(s, &A1), 4);
	cr_assert_eq(text_count_chars(s, len), 2);
}

Test(text, emoji)
{
	const char *fam = "👨\u200d👩\u200d👧";
	const char *flags = "🇨🇳🇯🇵";
	size_t next;

	cr_assert_eq(clusters(fam), 1);
	cr_assert_eq(W(fam, &A1), 2);
	cr_assert_eq(text_count_chars(fam, strlen(fam)), 1);
	cr_assert_eq(clusters("🇨🇳"), 1);
	cr_assert_eq(W("🇨🇳", &A1), 2);
	/* Regional indicators pair up: two flags, not RI + pair + RI. */
	cr_assert_eq(text_cluster_width(flags, strlen(flags), 0, &next, &A1),
	    2);
	cr_assert_eq(next, 8);
	cr_assert_eq(text_prev(flags, strlen(flags), 16), 8);
	cr_assert_eq(W(flags, &A1), 4);
	cr_assert_eq(W("😀", &A1), 2);
	cr_assert_eq(W("👍🏽", &A1), 2);
	cr_assert_eq(clusters("👍🏽"), 1);
	cr_assert_eq(W("❤\uFE0F", &A1), 2, "VS16 asks for emoji presentation");
	cr_assert_eq(W("1\uFE0F\u20E3", &A1), 2, "keycap");
	/* Text-presentation pictographs stay as narrow as terminals draw. */
	cr_assert_eq(W("©", &A1), 1);
}

Test(text, controls_and_tab)
{
	cr_assert_eq(W("a\tb", &A1), 3);
	cr_assert_eq(W("\x01\x7f\n", &A1), 0);
	cr_assert_eq(W("\xc2\x85", &A1), 0, "C1 control");
	cr_assert_eq(W("a\u200bb", &A1), 2, "zero width space");
	cr_assert_eq(clusters("\r\n"), 1);
	cr_assert_eq(clusters("\n\r"), 2);
}

Test(text, invalid_utf8_is_one_column_per_byte)
{
	const char *s = "a\xff\xfe" "b\xe6\xb1" "字\xc0\xaf\xed\xa0\x80";
	size_t len = strlen(s), off, n = 0;
	size_t fwd[32], k;

	cr_assert_eq(W(s, &A1), 1 + 2 + 1 + 2 + 2 + 2 + 3);
	cr_assert_eq(W(s, &A2), W(s, &A1), "not U+FFFD's ambiguous width");
	for (off = 0; off < len; off = text_next(s, len, off))
		fwd[n++] = off;
	cr_assert_eq(n, 1 + 2 + 1 + 2 + 1 + 2 + 3);
	/* Walking back meets the same boundaries. */
	for (off = len, k = n; off > 0; ) {
		off = text_prev(s, len, off);
		cr_assert_eq(off, fwd[--k]);
	}
	cr_assert_eq(k, 0);
	cr_assert_eq(text_count_chars(s, len), n);
	/* A lone continuation byte or a cut sequence at the very end. */
	cr_assert_eq(W("\x80", &A1), 1);
	cr_assert_eq(W("汉\xe5", &A1), 3);
	cr_assert_eq(text_prev("\xe6\xb1\xa9\xb1", 4, 4), 3);
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	cr_assert_eq(W("\xe0\x80\xaf", &A1), 3);
	cr_assert_eq(W("\xf0\x80\x80\xaf", &A1), 4);
	cr_assert_eq(W("\xf4\x90\x80\x80", &A1), 4);
	cr_assert_eq(W("\xed\xbf\xbf", &A1), 3);
	cr_assert_eq(W("\xf0\x9f\x98", &A1), 3, "a cut emoji");
}

/* Cluster boundaries of valid UTF-8 according to ICU itself. */
static size_t
icu_bounds(const char *s, size_t len, size_t *out)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UText		*ut = utext_openUTF8(NULL, s, (int64_t)len, &err);
	UBreakIterator	*bi = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &err);
	int32_t		 b;
	size_t		 n = 0;

	ubrk_setUText(bi, ut, &err);
	cr_assert(U_SUCCESS(err));
	for (b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
		out[n++] = (size_t)b;
	ubrk_close(bi);
	utext_close(ut);
	return (n);
}

Test(text, next_prev_agree_with_icu)
{
	static const char *const piece[] = { "a", " ", "\r", "\n", "\t",
	    "\x01", "汉", "，", "\u0301", "\u200d", "\ufe0f", "\U000E0101",
	    "👨", "👩", "🇨", "🇳", "🇯", "🏻", "\u1100", "\u1161", "\u11a8",
	    "가", "각", "\u0600", "\u0915", "\u094d", "\u093e", "©", "❤" };
	const size_t np = sizeof piece / sizeof piece[0];
	unsigned seed = 12345;
	char s[256];
	size_t want[256], n, off, k, len, iter, i;

	for (iter = 0; iter < 3000; iter++) {
		s[0] = '\0';
		for (i = 0, k = 1 + (size_t)rand_r(&seed) % 14; i < k; i++)
			strcat(s, piece[(size_t)rand_r(&seed) % np]);
		len = strlen(s);
		n = icu_bounds(s, len, want);
		for (off = 0, k = 0; off < len; off = text_next(s, len, off))
			cr_assert_eq(off, want[k++], "next in case %zu", iter);
		cr_assert_eq(k + 1, n, "case %zu", iter);
		for (off = len; off > 0; ) {
			off = text_prev(s, len, off);
			cr_assert_eq(off, want[--k], "prev in case %zu", iter);
		}
		cr_assert_eq(k, 0);
	}
}

Test(text, next_prev_ends)
{
	cr_assert_eq(text_next("ab", 2, 2), 2);
	cr_assert_eq(text_next("ab", 2, 9), 2);
	cr_assert_eq(text_prev("ab", 2, 0), 0);
	cr_assert_eq(text_prev("ab", 2, 9), 1);
	cr_assert_eq(text_next("", 0, 0), 0);
	cr_assert_eq(text_prev("", 0, 0), 0);
}

Test(text, count_chars)
{
	const char *s = " 汉 字\t a　b\r\n，🇨🇳e\xcc\x81\u200b ";

	/* 汉 字 a b ， flag é; spaces, the ideographic space, CR LF, TAB
	 * and the zero width space are not characters. */
	cr_assert_eq(text_count_chars(s, strlen(s)), 7);
	cr_assert_eq(text_count_chars("", 0), 0);
	cr_assert_eq(text_count_chars("   　\n", strlen("   　\n")), 0);
}

Test(text, fit_never_splits_wide_char)
{
	const char *s = "a汉字b";
	int used = -1;

	cr_assert_eq(text_fit(s, strlen(s), 2, &used, &A1), 1);
	cr_assert_eq(used, 1);
	cr_assert_eq(text_fit(s, strlen(s), 3, &used, &A1), 4);
	cr_assert_eq(used, 3);
	cr_assert_eq(text_fit(s, strlen(s), 4, &used, &A1), 4);
	cr_assert_eq(used, 3);
	cr_assert_eq(text_fit(s, strlen(s), 6, &used, &A1), strlen(s));
	cr_assert_eq(used, 6);
	cr_assert_eq(text_fit(s, strlen(s), 0, &used, &A1), 0);
	cr_assert_eq(used, 0);
	cr_assert_eq(text_fit("“x", 4, 1, &used, &A2), 0);
	cr_assert_eq(used, 0);
	cr_assert_eq(text_fit("“x", 4, 1, &used, &A1), 3);
	cr_assert_eq(text_fit("e\xcc\x81z", 4, 1, &used, &A1), 3,
	    "the mark stays with its base");
}

/* A ~600-character paragraph of a 年报 with plenty of punctuation. */
static char *
paragraph(void)
{
	static const char *const part[] = {
	    "本机关坚持“公开为常态、不公开为例外”的原则，",
	    "全年共收到政府信息公开申请１２８件（其中自然人申请１１０件，",
	    "法人或其他组织申请１８件），较上年增长１５．２％；",
	    "办理结果中，“予以公开”６７件，“部分公开”１２件，",
	    "“不予公开”５件（属于国家秘密的２件）……",
	    "另有《政府信息公开条例》第三十六条规定的其他情形——",
	    "详见附表「申请办理情况」与『行政复议』【统计口径】。",
	    "是否存在逾期答复？否！本年度无逾期答复；",
	    "下一步：我们将进一步规范依申请公开工作流程，",
	    "加强培训（含街道、社区工作人员），提升答复质量。",
	};
	const size_t np = sizeof part / sizeof part[0];
	size_t i;
	char *s = calloc(1, 8192);

	for (i = 0; i < 25; i++)
		strcat(s, part[i % np]);
	return (s);
}

static bool
starts_prohibited(const char *line)
{
	static const char *const bad[] = { "，", "。", "、", "；", "：",
	    "？", "！", "）", "”", "》", "」", "』", "】", "…", "％", "．",
	    NULL };
	int i;

	for (i = 0; bad[i] != NULL; i++)
		if (strncmp(line, bad[i], strlen(bad[i])) == 0)
			return (true);
	return (false);
}

static bool
ends_opening(const char *s, size_t end)
{
	static const char *const bad[] = { "“", "（", "《", "「", "『", "【",
	    NULL };
	int i;
	size_t n;

	for (i = 0; bad[i] != NULL; i++) {
		n = strlen(bad[i]);
		if (end >= n && memcmp(s + end - n, bad[i], n) == 0)
			return (true);
	}
	return (false);
}

/* Checks the wrap of s at cols and returns the number of lines. */
static size_t
check_wrap(const char *s, int cols, int indent, bool greedy,
    const struct text_opts *o)
{
	size_t *st, n, i, len = strlen(s), b;
	int w, avail;

	n = text_wrap(s, len, cols, indent, &st, o);
	cr_assert_geq(n, 1);
	cr_assert_eq(st[0], 0);
	cr_assert_eq(st[n], len);
	for (i = 0; i < n; i++) {
		cr_assert_lt(st[i], st[i + 1], "line %zu empty", i);
		b = st[i + 1];
		cr_assert_eq(text_prev(s, len, text_next(s, len, st[i])),
		    st[i], "line %zu starts inside a cluster", i);
		while (b > st[i] && s[b - 1] == ' ')
			b--;
		w = text_width(s + st[i], b - st[i], o);
		avail = cols - (i == 0 ? indent : 0);
		cr_assert_leq(w, avail, "cols %d line %zu: %d columns: %.*s",
		    cols, i, w, (int)(b - st[i]), s + st[i]);
		/* Greedy: a line is only short by what kinsoku holds back. */
		if (greedy && i + 1 < n && avail >= 20)
			cr_assert_geq(w, avail - 8, "cols %d line %zu short: %.*s",
			    cols, i, (int)(b - st[i]), s + st[i]);
		if (i > 0)
			cr_assert(!starts_prohibited(s + st[i]),
			    "cols %d line %zu starts with %.6s", cols, i,
			    s + st[i]);
		if (i + 1 < n)
			cr_assert(!ends_opening(s, st[i + 1]),
			    "cols %d line %zu ends with an opening mark", cols,
			    i);
	}
	free(st);
	return (n);
}

Test(text, wrap_chinese_paragraph)
{
	char *p = paragraph();
	int cols[] = { 20, 56, 57, 80 };
	size_t i, n, chars = text_count_chars(p, strlen(p));

	cr_assert_geq(chars, 550);
	cr_assert_leq(chars, 700);
	for (i = 0; i < 4; i++) {
		n = check_wrap(p, cols[i], 4, true, &A1);
		cr_assert_geq(n, (size_t)(2 * (int)chars / cols[i]),
		    "cols %d: %zu lines", cols[i], n);
		check_wrap(p, cols[i], 0, true, &A2);
		check_wrap(p, cols[i], 4, true, &A2);
	}
	free(p);
}

Test(text, wrap_first_indent)
{
	const char *s = "一二三四五六七八九十一二三四五六七八九十";
	size_t *st, n;

	n = text_wrap(s, strlen(s), 20, 4, &st, &A1);
	cr_assert_eq(n, 3);
	cr_assert_eq(st[1], 8 * 3, "4 columns of indent leave 8 characters");
	cr_assert_eq(st[2], 18 * 3);
	free(st);
	n = text_wrap(s, strlen(s), 20, 0, &st, &A1);
	cr_assert_eq(n, 2);
	cr_assert_eq(st[1], 10 * 3);
	free(st);
}

Test(text, wrap_keeps_fullwidth_numbers_whole)
{
	const char *s = "一二三四五六１２８件，增长１５．２％";
	size_t *st, n;

	n = text_wrap(s, strlen(s), 14, 0, &st, &A1);
	cr_assert_eq(n, 3);
	cr_assert_eq(st[1], 6 * 3, "not 一二三四五六１ / ２８件");
	cr_assert_eq(st[2], 6 * 3 + 5 * 3 + 2 * 3, "not 增长１５． / ２％");
	free(st);
}

Test(text, wrap_long_latin_word)
{
	char s[300];
	size_t *st, n, i;

	strcpy(s, "见 https://");
	for (i = 0; i < 150; i++)
		strcat(s, i % 10 == 9 ? "/" : "x");
	n = check_wrap(s, 20, 0, false, &A1);
	cr_assert_geq(n, 8);
	/* A forced break still keeps a comma off the start of a line. */
	memset(s, 'a', 19);
	strcpy(s + 19, ",bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
	n = text_wrap(s, strlen(s), 19, 0, &st, &A1);
	cr_assert_geq(n, 2);
	cr_assert_eq(st[1], 18);
	for (i = 1; i < n; i++)
		cr_assert_neq(s[st[i]], ',');
	free(st);
}

Test(text, wrap_spaces_hang_and_wide_cluster_alone)
{
	const char *s = "aaaa   bbbb cc";
	size_t *st, n;

	n = text_wrap(s, strlen(s), 4, 0, &st, &A1);
	cr_assert_eq(n, 3);
	cr_assert_eq(st[1], 7, "trailing spaces stay on the first line");
	cr_assert_eq(st[2], 12);
	free(st);
	n = text_wrap("a bb cc", 7, 4, 0, &st, &A1);
	cr_assert_eq(n, 2, "the space after bb hangs, so a bb fits");
	cr_assert_eq(st[1], 5);
	free(st);
	n = text_wrap("hello world again", 17, 8, 0, &st, &A1);
	cr_assert_eq(n, 3, "Latin text breaks between words");
	cr_assert_eq(st[1], 6);
	cr_assert_eq(st[2], 12);
	free(st);
	n = text_wrap("汉字", 6, 1, 0, &st, &A1);
	cr_assert_eq(n, 2, "a cluster wider than the line gets its own");
	cr_assert_eq(st[1], 3);
	free(st);
	n = text_wrap("汉字", 6, 4, 4, &st, &A1);
	cr_assert_eq(n, 2, "an indent as wide as the line still progresses");
	free(st);
}

Test(text, wrap_empty_and_short)
{
	size_t *st, n;

	n = text_wrap("", 0, 20, 4, &st, &A1);
	cr_assert_eq(n, 1);
	cr_assert_eq(st[0], 0);
	cr_assert_eq(st[1], 0);
	free(st);
	n = text_wrap("短。", 6, 20, 4, &st, &A1);
	cr_assert_eq(n, 1);
	cr_assert_eq(st[1], 6);
	free(st);
}

Test(text, wrap_invalid_utf8)
{
	const char *s = "\xff\xfe汉字\xe6\xb1，。abc";

	check_wrap(s, 6, 0, false, &A1);
	check_wrap(s, 7, 1, false, &A1);
}

static void
pad_is(const char *s, int cols, int align, const struct text_opts *o,
    const char *want)
{
	char *r = text_pad(s, strlen(s), cols, align, o);

	cr_assert_str_eq(r, want, "pad(%s, %d, %d)", s, cols, align);
	cr_assert_eq(text_width(r, strlen(r), o), cols);
	free(r);
}

Test(text, pad_and_truncate)
{
	pad_is("ab", 5, -1, &A1, "ab   ");
	pad_is("ab", 5, 1, &A1, "   ab");
	pad_is("ab", 5, 0, &A1, " ab  ");
	pad_is("汉字", 6, 0, &A1, " 汉字 ");
	pad_is("汉字", 4, 1, &A1, "汉字");
	pad_is("abcdef", 3, -1, &A1, "abc");
	pad_is("abcdef", 0, -1, &A1, "");
	pad_is("", 3, -1, &A1, "   ");
	/* Half of a wide character becomes a space. */
	pad_is("汉字", 3, -1, &A1, "汉 ");
	pad_is("汉字", 3, 1, &A1, " 汉");
	pad_is("a汉", 2, -1, &A1, "a ");
	pad_is("“x”", 1, -1, &A2, " ");
	pad_is("“x”", 2, -1, &A2, "“");
	pad_is("“x”", 2, -1, &A1, "“x");
}

static void
san_is(const char *s, size_t len, bool nl, const char *want)
{
	char *r = text_sanitize(s, len, nl);

	cr_assert_str_eq(r, want);
	free(r);
}

#define SAN(lit, nl, want) san_is(lit, sizeof lit - 1, nl, want)

Test(text, sanitize_escapes)
{
	SAN("\x1b[31mred\x1b[0m", true, "red");
	SAN("\x1b]0;title\x07text", true, "text");
	SAN("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\.", true, "link.");
	SAN("\x1b[?25lA\x1b(BB\x1b" "7C\x1b=", true, "ABC");
	SAN("\x1bPq#0;2;0;0;0\x1b\\ok", true, "ok");
	SAN("abc\x1b", true, "abc");
	SAN("\x1b]0;no end", true, "0;no end");
	SAN("\x1b[31\ntext", true, "\ntext");
	SAN("\xc2\x9b" "31mx", true, "x");
	SAN("\xc2\x9d" "0;t\xc2\x9cy", true, "y");
}

Test(text, sanitize_controls_and_bytes)
{
	SAN("a\x01\x02\x7f" "b\x00" "c", true, "abc");
	SAN("a\xc2\x80\xc2\x85\xc2\x9f" "b", true, "ab");
	SAN("a\xff\xfe" "b\xe6\xb1" "c\xc0\xaf\xed\xa0\x80" "d", true, "abcd");
	SAN("汉字“”🇨🇳e\xcc\x81 ©", true, "汉字“”🇨🇳e\xcc\x81 ©");
	SAN("a\tb", true, "a b");
	SAN("a\tb", false, "a b");
	SAN("", true, "");
}

Test(text, sanitize_newlines)
{
	SAN("a\r\nb\rc\nd\r", true, "a\nb\nc\nd\n");
	SAN("a\r\r\nb", true, "a\n\nb");
	SAN("a\r\nb\rc\nd", false, "abcd");
}

/* Output of text_sanitize: valid UTF-8 without controls but '\n'. */
static void
assert_clean(const char *r)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar u[600];
	int32_t n, i;

	u_strFromUTF8(u, 600, &n, r, -1, &err);
	cr_assert(U_SUCCESS(err), "invalid UTF-8 left: %s", u_errorName(err));
	for (i = 0; i < n; i++)
		cr_assert(u[i] == '\n' || (u[i] >= 0x20 && u[i] != 0x7f &&
		    (u[i] < 0x80 || u[i] > 0x9f)), "control U+%04X left", u[i]);
}

/* Random bytes, mostly bits of UTF-8 and escapes: nothing crashes, the
 * invariants hold, whatever the offsets. */
Test(text, random_bytes)
{
	static const char *const piece[] = { "a", " ", "\x1b", "[", "]",
	    "\x07", "\r", "\n", "\t", "汉", "，", "“", "\xcc\x81",
	    "\xe2\x80\x8d", "\xf0\x9f\x87\xa8", "\xf0\x9f", "\x80",
	    "\xc2", "\xc2\x9b", "\xff", "\xed\xa0\x80", "\\", "1",
	    "\xef\xbc\x91" };
	const size_t np = sizeof piece / sizeof piece[0];
	unsigned seed = 777;
	char s[512], *r;
	size_t len, off, next, k, i, iter, *st, n;
	int w, sum, used;

	for (iter = 0; iter < 3000; iter++) {
		s[0] = '\0';
		for (i = 0, k = (size_t)rand_r(&seed) % 40; i < k; i++)
			strcat(s, piece[(size_t)rand_r(&seed) % np]);
		len = strlen(s);
		w = text_width(s, len, &A2);
		for (off = 0, sum = 0; off < len; off = next)
			sum += text_cluster_width(s, len, off, &next, &A2);
		cr_assert_eq(sum, w);
		/* Any byte offset, boundary or not, moves and stays inside. */
		for (off = 0; off <= len; off++) {
			next = text_next(s, len, off);
			cr_assert(off == len ? next == len : next > off);
			cr_assert_leq(next, len);
			if (off > 0)
				cr_assert_lt(text_prev(s, len, off), off);
		}
		cr_assert_leq(text_count_chars(s, len), len);
		k = text_fit(s, len, (int)(iter % 9), &used, &A1);
		cr_assert_leq(used, (int)(iter % 9));
		cr_assert_leq(k, len);
		n = text_wrap(s, len, 1 + (int)(iter % 12), (int)(iter % 5), &st,
		    &A1);
		for (i = 0; i < n; i++)
			cr_assert_lt(st[i], st[i + 1] + (len == 0));
		cr_assert_eq(st[n], len);
		free(st);
		r = text_pad(s, len, (int)(iter % 13), (int)(iter % 3) - 1, &A1);
		cr_assert_eq(text_width(r, strlen(r), &A1), (int)(iter % 13));
		free(r);
		r = text_sanitize(s, len, iter % 2);
		assert_clean(r);
		free(r);
	}
}

static void *
wrap_in_thread(void *arg)
{
	char *p = arg;
	size_t *st, n, i;

	for (i = 0; i < 20; i++) {
		n = text_wrap(p, strlen(p), 30, 4, &st, &A2);
		free(st);
		if (n < 10)
			return ("too few lines");
	}
	text_cleanup();
	return (NULL);
}

Test(text, iterators_per_thread)
{
	char *p = paragraph();
	pthread_t t[3];
	void *r;
	int i;

	for (i = 0; i < 3; i++)
		cr_assert_eq(pthread_create(&t[i], NULL, wrap_in_thread, p), 0);
	for (i = 0; i < 3; i++) {
		cr_assert_eq(pthread_join(t[i], &r), 0);
		cr_assert_null(r, "%s", (char *)r);
	}
	/* Cleanup, then use again: the cache reopens. */
	text_cleanup();
	cr_assert_eq(W("e\xcc\x81", &A1), 1);
	free(p);
}

Test(text, similarity)
{
	const char *a = "一是政府信息公开的及时性有待提高。二是政策解读形式单一。";

	cr_expect_eq(textsim_percent(a, a), 100);
	/* White space and punctuation do not count. */
	cr_expect_eq(textsim_percent(a, "一是政府信息公开的及时性有待提高 "
	    "\n二是政策解读形式单一"), 100);
	cr_expect_eq(textsim_percent(a, "今年没有发生类似情况"), 0);
	cr_expect_eq(textsim_percent("", ""), 100);
	cr_expect_eq(textsim_percent("甲", "乙"), 0);
	/* Half the text the same: about half alike. */
	int half = textsim_percent(a, "一是政府信息公开的及时性有待提高。"
	    "三是网站栏目更新不够及时。");
	cr_expect(half > 40 && half < 75, "%d", half);
	/* Symmetric. */
	cr_expect_eq(textsim_percent("甲乙丙丁戊", "甲乙丙"),
	    textsim_percent("甲乙丙", "甲乙丙丁戊"));
}

/* The edges: a cluster asked for at the very end has no width and ends
 * there; a pad to a negative width is empty. */
Test(text, edges)
{
	size_t	 next = 0;
	char	*p;

	cr_assert_eq(text_cluster_width("ab", 2, 2, &next, &A1), 0);
	cr_assert_eq(next, 2);
	cr_assert_eq(text_cluster_width("ab", 2, 5, NULL, &A1), 0);
	p = text_pad("abc", 3, -4, -1, &A1);
	cr_assert_str_eq(p, "");
	free(p);
}
