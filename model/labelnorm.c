/*
 * Label keys; see labelnorm.h.  Work is done in UTF-16 (ICU's NFKC
 * normaliser wants it) and the key is handed back in UTF-8.  The
 * similarity is a plain dynamic-programming LCS over code points, with
 * both strings capped at SIM_MAX code points so a runaway "label" (a
 * paragraph mistaken for one) cannot cost more than SIM_MAX^2 steps.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "labelnorm.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"

#define SIM_MAX	256

static const char ARTEFACT[] = "[bookmark:";

/* Offset of the next "[bookmark:...]" in s from off, its end in *end. */
static const char *
find_artefact(const char *s, const char **end)
{
	const char	*p = strstr(s, ARTEFACT), *q;

	if (p == NULL || (q = strchr(p, ']')) == NULL)
		return (NULL);
	*end = q + 1;
	return (p);
}

bool
labelnorm_has_artefact(const char *s)
{
	const char	*end;

	return (find_artefact(s, &end) != NULL);
}

char *
labelnorm_strip_artefacts(const char *s)
{
	struct sbuf	 b;
	const char	*p, *end;

	sbuf_init(&b);
	while ((p = find_artefact(s, &end)) != NULL) {
		sbuf_add(&b, s, (size_t)(p - s));
		s = end;
	}
	sbuf_adds(&b, s);
	return (sbuf_take(&b));
}

/* s as NFKC UTF-16; newly allocated, length in *n. */
static UChar *
nfkc(const char *s, int32_t *n)
{
	UErrorCode		 st = U_ZERO_ERROR;
	const UNormalizer2	*nf = unorm2_getNFKCInstance(&st);
	UChar			*u, *out;
	int32_t			 ulen = 0, cap;

	u_strFromUTF8Lenient(NULL, 0, &ulen, s, -1, &st);
	st = U_ZERO_ERROR;
	u = xcalloc((size_t)ulen + 1, sizeof *u);
	u_strFromUTF8Lenient(u, ulen + 1, NULL, s, -1, &st);
	/* NFKC can grow text (ligatures, ㍻); 4x covers every case seen. */
	cap = ulen * 4 + 16;
	out = xcalloc((size_t)cap, sizeof *out);
	st = U_ZERO_ERROR;
	nf = unorm2_getNFKCInstance(&st);
	*n = U_SUCCESS(st) ? unorm2_normalize(nf, u, ulen, out, cap, &st) : 0;
	if (U_FAILURE(st)) {
		memcpy(out, u, (size_t)ulen * sizeof *u);
		*n = ulen;
	}
	free(u);
	return (out);
}

static bool
dropped(UChar32 c)
{
	switch (c) {
	case 0x201c: case 0x201d: case '"': case 0x2018: case 0x2019:
	case '\'': case 0x300c: case 0x300d: case 0x300e: case 0x300f:
	case 0x200b: case 0x200c: case 0x200d: case 0xfeff:
		return (true);
	}
	return (u_isUWhiteSpace(c) || u_isspace(c));
}

/* Writes "1," (from "1、" or "1，") as "1." at the start of the key. */
static void
unify_number(struct sbuf *b)
{
	size_t	i = 0;

	while (i < b->len && b->s[i] >= '0' && b->s[i] <= '9')
		i++;
	if (i == 0 || i >= b->len)
		return;
	if (b->s[i] == ',')
		b->s[i] = '.';
}

static void
strip_trailing(struct sbuf *b)
{
	for (;;) {
		if (b->len >= 3 && strcmp(b->s + b->len - 3, "\xe3\x80\x82")
		    == 0)					/* 。 */
			sbuf_truncate(b, b->len - 3);
		else if (b->len >= 1 && (b->s[b->len - 1] == ':' ||
		    b->s[b->len - 1] == ';'))
			sbuf_truncate(b, b->len - 1);
		else
			return;
	}
}

char *
labelnorm_key(const char *s)
{
	char		*clean = labelnorm_strip_artefacts(s);
	struct sbuf	 b;
	UChar		*u;
	int32_t		 n, i = 0, k;
	UChar32		 c;
	char		 tmp[4];

	u = nfkc(clean, &n);
	free(clean);
	sbuf_init(&b);
	while (i < n) {
		U16_NEXT(u, i, n, c);
		if (dropped(c))
			continue;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (c == 0x3001)	/* 、 and ， both separate items */
			c = ',';
		k = 0;
		U8_APPEND_UNSAFE(tmp, k, c);
		sbuf_add(&b, tmp, (size_t)k);
	}
	free(u);
	unify_number(&b);
	strip_trailing(&b);
	return (sbuf_take(&b));
}

size_t
labelnorm_length(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return (n);
}

/* Decodes up to max code points of s into out; returns how many. */
static int
code_points(const char *s, UChar32 *out, int max)
{
	int32_t	i = 0, len = (int32_t)strlen(s);
	int	n = 0;
	UChar32	c;

	while (i < len && n < max) {
		U8_NEXT(s, i, len, c);
		out[n++] = c;
	}
	return (n);
}

int
labelnorm_similarity(const char *ka, const char *kb)
{
	UChar32	a[SIM_MAX], b[SIM_MAX];
	int	na = code_points(ka, a, SIM_MAX), nb = code_points(kb, b,
		    SIM_MAX), i, j, *prev, *cur, *tmp, lcs;

	if (na + nb == 0)
		return (100);
	prev = xcalloc((size_t)nb + 1, sizeof *prev);
	cur = xcalloc((size_t)nb + 1, sizeof *cur);
	for (i = 1; i <= na; i++) {
		for (j = 1; j <= nb; j++)
			cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 :
			    prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		tmp = prev;
		prev = cur;
		cur = tmp;
	}
	lcs = prev[nb];
	free(prev);
	free(cur);
	return (200 * lcs / (na + nb));
}

/* A Chinese numeral 一..十九 at s; its value, length in *len; 0 if none. */
static int
cn_numeral(const char *s, size_t *len)
{
	static const char *const digits[] = { "一", "二", "三", "四", "五",
	    "六", "七", "八", "九" };
	int	v = 0, i;
	size_t	off = 0;

	if (strncmp(s, "十", 3) == 0) {
		v = 10;
		off = 3;
	}
	for (i = 0; i < 9; i++)
		if (strncmp(s + off, digits[i], 3) == 0) {
			v += i + 1;
			off += 3;
			break;
		}
	*len = off;
	return (v);
}

/* A number (Chinese or ASCII digits) at s; 0 if none. */
static int
any_numeral(const char *s, size_t *len)
{
	int	v = 0;
	size_t	i = 0;

	while (s[i] >= '0' && s[i] <= '9' && i < 2)
		v = v * 10 + (s[i++] - '0');
	if (i > 0 && !(s[i] >= '0' && s[i] <= '9')) {
		*len = i;
		return (v);
	}
	return (cn_numeral(s, len));
}

int
labelnorm_number(const char *key, const char **rest, char *style)
{
	const char	*p = key;
	size_t		 len;
	int		 v;

	*rest = key;
	*style = 0;
	if (strncmp(p, "第", 3) == 0 && (v = any_numeral(p + 3, &len)) > 0) {
		p += 3 + len;
		if (strncmp(p, "部分", 6) == 0 || strncmp(p, "章", 3) == 0 ||
		    strncmp(p, "节", 3) == 0) {
			p += strncmp(p, "部分", 6) == 0 ? 6 : 3;
			*style = 's';
			goto sep;
		}
		return (0);
	}
	if (*p == '(' && (v = any_numeral(p + 1, &len)) > 0 &&
	    p[1 + len] == ')') {
		p += len + 2;
		*style = 'p';
		goto sep;
	}
	if ((v = cn_numeral(p, &len)) > 0 &&
	    (p[len] == ',' || p[len] == '.')) {
		p += len;
		*style = 'c';
		goto sep;
	}
	if ((v = any_numeral(p, &len)) > 0 && p[0] >= '0' && p[0] <= '9' &&
	    p[len] == '.' && !(p[len + 1] >= '0' && p[len + 1] <= '9')) {
		p += len;
		*style = 'd';
		goto sep;
	}
	return (0);
sep:
	if (*p == ',' || *p == '.')
		p++;
	*rest = p;
	return (v);
}

/* A code point as labelnorm_find compares it: full-width ASCII as ASCII,
 * ASCII letters in lower case; -1 for white space and quotation marks
 * (dropped, as the key drops them). */
static UChar32
fold(UChar32 c)
{
	if (c >= 0xff01 && c <= 0xff5e)
		c -= 0xfee0;
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return (dropped(c) ? -1 : c);
}

bool
labelnorm_find(const char *s, const char *pat, size_t *start, size_t *end)
{
	UChar32	*pc = NULL, c;
	int32_t	 i = 0, j, n = (int32_t)strlen(pat), slen, k, m = 0;
	size_t	 cap = 0;
	bool	 hit = false;

	while (i < n) {
		U8_NEXT(pat, i, n, c);
		if (c < 0 || (c = fold(c)) < 0)
			continue;
		pc = vec_reserve(pc, &cap, (size_t)m + 1, sizeof *pc);
		pc[m++] = c;
	}
	slen = (int32_t)strlen(s);
	for (i = 0; i < slen && m > 0 && !hit; ) {
		/* Match pc[] from s[i] on, white space skipped. */
		for (j = i, k = 0; j < slen && k < m; k++) {
			do
				U8_NEXT(s, j, slen, c);
			while (k > 0 && c >= 0 && fold(c) < 0 && j < slen);
			if (c < 0 || fold(c) != pc[k])
				break;
		}
		if (k == m) {
			*start = (size_t)i;
			*end = (size_t)j;
			hit = true;
		}
		U8_FWD_1(s, i, slen);
	}
	free(pc);
	return (hit);
}
