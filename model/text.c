/*
 * Text measurement, caret movement and line breaking with ICU; see text.h.
 *
 * Strings stay UTF-8 everywhere and ICU wants UTF-16.  A struct u16 holds
 * the UTF-16 copy of a byte range together with map[], the byte offset each
 * UTF-16 unit came from (map[n] is the end of the range), so that every
 * boundary ICU reports maps back to a byte offset.  Each byte of invalid
 * UTF-8 becomes a U+FFFD of its own; both units of a surrogate pair map to
 * the first byte of their character, and ICU never puts a boundary between
 * them.
 *
 * Most clusters are one code point that its neighbours cannot join (two Han
 * characters, ASCII letters, controls).  brk_certain() recognises such
 * pairs from their Grapheme_Cluster_Break values alone, so text_width and
 * the caret functions only hand ICU a short window around combining marks,
 * emoji sequences, flags and Hangul jamo.  A window that starts on a
 * cluster boundary breaks exactly as the whole string does: no grapheme
 * rule looks back across a boundary, and regional-indicator pairs are
 * counted from it.  The same holds for a window that ends on a boundary:
 * a rule decides a break from the text before it and one character after.
 *
 * The two break iterators and a UTF-16 scratch buffer are kept per thread
 * and released by text_cleanup().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "text.h"
#include "vec.h"
#include "xmalloc.h"

struct u16 {
	UChar	*u;
	size_t	*map;		/* n + 1 byte offsets */
	size_t	 n;
	size_t	 ucap;
	size_t	 mapcap;
};

static _Thread_local UBreakIterator	*text_charbi;
static _Thread_local UBreakIterator	*text_linebi;
static _Thread_local struct u16		 text_scratch;

static int
amb_of(const struct text_opts *o)
{
	return (o != NULL && o->ambiguous == 2 ? 2 : 1);
}

/*
 * Decodes the character at s[i] (i < len): returns its length in bytes and
 * sets *cp, or returns 1 and sets *cp to -1 for a byte that does not start
 * a well-formed sequence (overlong forms and surrogates included).
 */
static size_t
u8_decode(const char *s0, size_t len, size_t i, UChar32 *cp)
{
	const unsigned char	*s = (const unsigned char *)s0;
	unsigned		 c = s[i];
	size_t			 n, k;
	UChar32			 v, min;

	if (c < 0x80) {
		*cp = (UChar32)c;
		return (1);
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else
		goto bad;
	if (len - i < n)
		goto bad;
	for (k = 1; k < n; k++) {
		if ((s[i + k] & 0xc0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i + k] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		goto bad;
	*cp = v;
	return (n);
bad:
	*cp = -1;
	return (1);
}

/* Start of the character that ends at off (0 < off <= len), as
 * u8_decode() would have split the string going forward. */
static size_t
u8_start(const char *s, size_t len, size_t off, UChar32 *cp)
{
	size_t	k, p;

	for (k = 1; k <= 4 && k <= off; k++) {
		p = off - k;
		if (((unsigned char)s[p] & 0xc0) != 0x80) {
			if (u8_decode(s, len, p, cp) == k && *cp >= 0)
				return (p);
			break;
		}
	}
	*cp = -1;
	return (off - 1);
}

/* Fills t with the UTF-16 form of s[a..b) and its offset map. */
static void
u16_set(struct u16 *t, const char *s, size_t a, size_t b)
{
	size_t	i, n, need = b - a + 1;
	UChar32	c;

	/* A character never needs more UTF-16 units than it has bytes. */
	VEC_RESERVE(t->u, t->ucap, need);
	VEC_RESERVE(t->map, t->mapcap, need);
	t->n = 0;
	for (i = a; i < b; i += n) {
		n = u8_decode(s, b, i, &c);
		if (c < 0)
			c = 0xfffd;
		t->map[t->n] = i;
		if (c > 0xffff) {
			t->u[t->n++] = U16_LEAD(c);
			t->map[t->n] = i;
			t->u[t->n++] = U16_TRAIL(c);
		} else
			t->u[t->n++] = (UChar)c;
	}
	t->map[t->n] = b;
}

static void
u16_done(struct u16 *t)
{
	free(t->u);
	free(t->map);
	memset(t, 0, sizeof *t);
}

/* The cached iterator of this type (opened on first use) set to t's text,
 * or NULL if ICU cannot help; callers then fall back to code points. */
static UBreakIterator *
bi_get(UBreakIteratorType type, const struct u16 *t)
{
	UBreakIterator	**bp;
	UErrorCode	  err = U_ZERO_ERROR;

	bp = type == UBRK_LINE ? &text_linebi : &text_charbi;
	if (*bp == NULL) {
		*bp = ubrk_open(type, type == UBRK_LINE ? "zh" : "", NULL, 0,
		    &err);
		if (U_FAILURE(err)) {
			*bp = NULL;
			return (NULL);
		}
	}
	if (t->n > INT32_MAX)
		return (NULL);
	ubrk_setText(*bp, t->u, (int32_t)t->n, &err);
	return (U_FAILURE(err) ? NULL : *bp);
}

static int
gcb(UChar32 c)
{
	if (c < 0)
		return (U_GCB_OTHER);	/* shown as U+FFFD */
	return (u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK));
}

/*
 * Whether there is a cluster boundary between code points a and b whatever
 * surrounds them (false means "ask ICU").  Other ÷ Other holds in every
 * Unicode version: the joining rules need Extend, ZWJ, SpacingMark,
 * Prepend, Hangul or regional indicators on one side.
 */
static bool
brk_certain(UChar32 a, UChar32 b)
{
	int	ga, gb;

	if (a >= 0x20 && a < 0x7f && b >= 0x20 && b < 0x7f)
		return (true);
	ga = gcb(a);
	gb = gcb(b);
	if (ga == U_GCB_CR)
		return (gb != U_GCB_LF);
	if (ga == U_GCB_CONTROL || ga == U_GCB_LF)
		return (true);
	if (gb == U_GCB_CONTROL || gb == U_GCB_CR || gb == U_GCB_LF)
		return (true);
	return (ga == U_GCB_OTHER && gb == U_GCB_OTHER);
}

/* Columns of one code point shown on its own (-1: an invalid byte). */
static int
cp_width(UChar32 c, int amb)
{
	int8_t	gc;

	if (c < 0)
		return (1);
	if (c < 0x7f)
		return (c >= 0x20 || c == '\t');
	if (c < 0xa0)
		return (0);
	if (c == 0xad)
		return (1);	/* soft hyphen: terminals draw it */
	if ((c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff))
		return (0);	/* Hangul medial vowels and finals */
	gc = u_charType(c);
	if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK ||
	    gc == U_FORMAT_CHAR || gc == U_CONTROL_CHAR)
		return (0);
	switch (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH)) {
	case U_EA_WIDE:
	case U_EA_FULLWIDTH:
		return (2);
	case U_EA_AMBIGUOUS:
		return (amb);
	default:
		return (1);
	}
}

/*
 * Columns of the cluster s[a..b): the width of its first code point that
 * has one, or 2 for an emoji presentation (U+FE0F, a flag, a ZWJ sequence
 * on a pictographic base).
 */
static int
cluster_width(const char *s, size_t a, size_t b, int amb)
{
	UChar32	c, base;
	size_t	i, n;
	int	w = 0;
	bool	vs16 = false, zwj = false;

	n = u8_decode(s, b, a, &base);
	if (a + n == b) {
		w = cp_width(base, amb);
		return (w > 0 && base >= 0x1f1e6 && base <= 0x1f1ff ? 2 : w);
	}
	for (i = a; i < b; i += n) {
		n = u8_decode(s, b, i, &c);
		if (c == 0xfe0f)
			vs16 = true;
		else if (c == 0x200d)
			zwj = true;
		if (w == 0)
			w = cp_width(c, amb);
	}
	if (w == 0)
		return (0);
	if (vs16 || (base >= 0x1f1e6 && base <= 0x1f1ff))
		return (2);
	if (zwj && base >= 0 &&
	    u_hasBinaryProperty(base, UCHAR_EXTENDED_PICTOGRAPHIC))
		return (2);
	return (w);
}

/* End of the cluster at boundary off (< len), found by ICU in a window of
 * growing size. */
static size_t
cluster_end_icu(const char *s, size_t len, size_t off, size_t first)
{
	struct u16	*t = &text_scratch;
	UBreakIterator	*bi;
	size_t		 want, end, cps;
	int32_t		 b;
	UChar32		 c;

	for (want = 32;; want *= 2) {
		/* Cut the window between characters, never inside one. */
		for (end = off, cps = 0; end < len && cps < want; cps++)
			end += u8_decode(s, len, end, &c);
		u16_set(t, s, off, end);
		if ((bi = bi_get(UBRK_CHARACTER, t)) == NULL)
			return (off + first);
		b = ubrk_following(bi, 0);
		if (b == UBRK_DONE)
			return (off + first);
		if ((size_t)b < t->n || end == len)
			return (t->map[b]);
	}
}

/* End of the cluster at boundary off (< len); *first gets its first code
 * point. */
static size_t
cluster_end(const char *s, size_t len, size_t off, UChar32 *first)
{
	UChar32	c, d;
	size_t	n;

	n = u8_decode(s, len, off, &c);
	if (first != NULL)
		*first = c;
	if (off + n == len)
		return (len);
	u8_decode(s, len, off + n, &d);
	if (brk_certain(c, d))
		return (off + n);
	return (cluster_end_icu(s, len, off, n));
}

int
text_cluster_width(const char *s, size_t len, size_t off, size_t *next,
    const struct text_opts *o)
{
	size_t	end;
	UChar32	c;

	if (off >= len) {
		if (next != NULL)
			*next = len;
		return (0);
	}
	end = cluster_end(s, len, off, &c);
	if (next != NULL)
		*next = end;
	if (c >= 0 && c < 0x7f && end == off + 1)
		return (c >= 0x20 || c == '\t');
	return (cluster_width(s, off, end, amb_of(o)));
}

int
text_width(const char *s, size_t len, const struct text_opts *o)
{
	size_t	off = 0;
	int	w = 0;

	while (off < len)
		w += text_cluster_width(s, len, off, &off, o);
	return (w);
}

size_t
text_next(const char *s, size_t len, size_t off)
{
	if (off >= len)
		return (len);
	return (cluster_end(s, len, off, NULL));
}

size_t
text_prev(const char *s, size_t len, size_t off)
{
	struct u16	*t = &text_scratch;
	UBreakIterator	*bi;
	UChar32		 c, d;
	size_t		 a, p, q;
	int32_t		 b;

	if (off > len)
		off = len;
	if (off == 0)
		return (0);
	/* Walk back to a certain boundary a, then let ICU split [a, off). */
	a = p = u8_start(s, len, off, &c);
	while (a > 0) {
		q = u8_start(s, len, a, &d);
		if (brk_certain(d, c))
			break;
		a = q;
		c = d;
	}
	if (a == p)
		return (p);
	u16_set(t, s, a, off);
	if ((bi = bi_get(UBRK_CHARACTER, t)) == NULL)
		return (p);
	b = ubrk_preceding(bi, (int32_t)t->n);
	if (b == UBRK_DONE)
		return (p);
	return (t->map[b]);
}

/* A cluster of one common 汉字 (n bytes, first code point c): wide,
 * not white space, no property look-up needed. */
static bool
is_han(UChar32 c, size_t n)
{
	return (c >= 0x4e00 && c <= 0x9fff && n == 3);
}

size_t
text_count_chars(const char *s, size_t len)
{
	return (text_count_chars_upto(s, len, SIZE_MAX));
}

size_t
text_count_chars_upto(const char *s, size_t len, size_t stop)
{
	size_t	off = 0, end, n = 0;
	UChar32	c;

	while (off < len && n < stop) {
		end = cluster_end(s, len, off, &c);
		/* Spaces and clusters that take no room are not characters. */
		if (is_han(c, end - off) || ((c < 0 || !u_isUWhiteSpace(c)) &&
		    cluster_width(s, off, end, 1) > 0))
			n++;
		off = end;
	}
	return (n);
}

size_t
text_count_words(const char *s, size_t len)
{
	size_t	off = 0, end, n = 0;
	UChar32	c;
	bool	in_word = false;
	int	ea;

	while (off < len) {
		end = cluster_end(s, len, off, &c);
		if (is_han(c, end - off)) {	/* wide: one word each */
			n++;
			in_word = false;
		} else if (c >= 0 && u_isUWhiteSpace(c)) {
			in_word = false;
		} else if (cluster_width(s, off, end, 1) > 0) {
			ea = c < 0 ? U_EA_NEUTRAL :
			    u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
			if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) {
				n++;
				in_word = false;
			} else if (!in_word) {
				n++;
				in_word = true;
			}
		}
		off = end;
	}
	return (n);
}

size_t
text_fit(const char *s, size_t len, int cols, int *used,
    const struct text_opts *o)
{
	size_t	off = 0, next;
	int	w = 0, cw;

	while (off < len) {
		cw = text_cluster_width(s, len, off, &next, o);
		if (w + cw > cols)
			break;
		w += cw;
		off = next;
	}
	if (used != NULL)
		*used = w;
	return (off);
}

char *
text_pad(const char *s, size_t len, int cols, int align,
    const struct text_opts *o)
{
	size_t	n;
	int	used, pad, left;
	char	*r, *p;

	if (cols < 0)
		cols = 0;
	n = text_fit(s, len, cols, &used, o);
	pad = cols - used;
	left = align < 0 ? 0 : align > 0 ? pad : pad / 2;
	p = r = xmalloc(n + (size_t)pad + 1);
	memset(p, ' ', (size_t)left);
	p += left;
	memcpy(p, s, n);
	p += n;
	memset(p, ' ', (size_t)(pad - left));
	p[pad - left] = '\0';
	return (r);
}

/*
 * One cluster of a paragraph being wrapped.  The flags say what may happen
 * after it: ICU allows or demands a break there, it may hang past the
 * margin (a space), or it may not end / start a line (forced breaks only;
 * ICU's own breaks already obey these).
 */
struct wrapc {
	size_t	end;
	UChar32	cp;	/* first code point */
	int	w;
	int	fl;
};
#define WC_SPACE	0x01
#define WC_BREAK	0x02
#define WC_HARD		0x04
#define WC_NOSTART	0x08
#define WC_NOEND	0x10

/* Line-start / line-end prohibitions for a cluster beginning with c. */
static int
wrap_kinsoku(UChar32 c)
{
	if (c < 0)
		return (0);
	switch (u_getIntPropertyValue(c, UCHAR_LINE_BREAK)) {
	case U_LB_CLOSE_PUNCTUATION:
	case U_LB_CLOSE_PARENTHESIS:
	case U_LB_EXCLAMATION:
	case U_LB_INFIX_NUMERIC:
	case U_LB_NONSTARTER:
	case U_LB_INSEPARABLE:
	case U_LB_POSTFIX_NUMERIC:
		return (WC_NOSTART);
	case U_LB_OPEN_PUNCTUATION:
	case U_LB_PREFIX_NUMERIC:
		return (WC_NOEND);
	case U_LB_QUOTATION:
		if (u_charType(c) == U_FINAL_PUNCTUATION)
			return (WC_NOSTART);
		if (u_charType(c) == U_INITIAL_PUNCTUATION)
			return (WC_NOEND);
		return (0);
	default:
		return (0);
	}
}

static void
wrap_add(struct wrapc *cs, size_t *nc, const char *s, size_t a, size_t b,
    int amb)
{
	UChar32	c;

	u8_decode(s, b, a, &c);
	cs[*nc].end = b;
	cs[*nc].cp = c;
	cs[*nc].w = cluster_width(s, a, b, amb);
	cs[*nc].fl = wrap_kinsoku(c) | (c == ' ' || c == '\t' ? WC_SPACE : 0);
	(*nc)++;
}

#define FW_DIGIT(c)	((c) >= 0xff10 && (c) <= 0xff19)

/*
 * Our one tailoring of ICU: fullwidth digits are ideographs to UAX #14, so
 * ICU would split "１２８" or "１５．２" over two lines; keep them whole
 * as it does for ASCII numbers.
 */
static void
wrap_numbers(struct wrapc *cs, size_t nc)
{
	size_t	k;

	for (k = 0; k + 1 < nc; k++)
		if ((FW_DIGIT(cs[k].cp) && (FW_DIGIT(cs[k + 1].cp) ||
		    cs[k + 1].cp == 0xff0e)) ||
		    (cs[k].cp == 0xff0e && FW_DIGIT(cs[k + 1].cp)))
			cs[k].fl &= ~WC_BREAK;
}

/* Splits the paragraph into clusters and marks ICU's line breaks on them;
 * returns the number of clusters (*out: newly allocated). */
static size_t
wrap_clusters(const char *s, size_t len, int amb, struct wrapc **out)
{
	struct u16	 t = { 0 };
	struct wrapc	*cs;
	UBreakIterator	*bi;
	size_t		 nc = 0, k = 0, i, j;
	int32_t		 a, b;

	u16_set(&t, s, 0, len);
	cs = xreallocarray(NULL, t.n + 1, sizeof *cs);
	if ((bi = bi_get(UBRK_CHARACTER, &t)) != NULL) {
		for (a = ubrk_first(bi); (b = ubrk_next(bi)) != UBRK_DONE;
		    a = b)
			wrap_add(cs, &nc, s, t.map[a], t.map[b], amb);
	} else {
		for (i = 0; i < t.n; i = j) {
			j = i + (U16_IS_LEAD(t.u[i]) ? 2 : 1);
			wrap_add(cs, &nc, s, t.map[i], t.map[j], amb);
		}
	}
	/* A line break ICU puts inside a cluster is ignored. */
	if (nc > 0 && (bi = bi_get(UBRK_LINE, &t)) != NULL) {
		ubrk_first(bi);
		while ((b = ubrk_next(bi)) != UBRK_DONE) {
			while (k < nc && cs[k].end < t.map[b])
				k++;
			if (k == nc || cs[k].end != t.map[b])
				continue;
			cs[k].fl |= WC_BREAK;
			if (ubrk_getRuleStatus(bi) >= UBRK_LINE_HARD &&
			    ubrk_getRuleStatus(bi) < UBRK_LINE_HARD_LIMIT)
				cs[k].fl |= WC_HARD;
		}
	}
	wrap_numbers(cs, nc);
	if (nc > 0)
		cs[nc - 1].fl |= WC_BREAK;
	u16_done(&t);
	*out = cs;
	return (nc);
}

static bool
wrap_ok(const struct wrapc *cs, size_t nc, size_t k)
{
	return (k + 1 >= nc || (!(cs[k + 1].fl & WC_NOSTART) &&
	    !(cs[k].fl & WC_NOEND)));
}

/*
 * Last cluster of a line that must end inside a run ICU does not break,
 * where clusters i..j-1 fit: back off so that the next line starts with no
 * prohibited character, or, when that would leave the line empty, go on
 * past the margin until it does.
 */
static size_t
wrap_force(const struct wrapc *cs, size_t nc, size_t i, size_t j)
{
	size_t	k0 = j > i ? j - 1 : i, k;

	for (k = k0; k > i && !wrap_ok(cs, nc, k); k--)
		;
	if (!wrap_ok(cs, nc, k))
		for (k = k0; !wrap_ok(cs, nc, k); k++)
			;
	while (k + 1 < nc && (cs[k + 1].fl & WC_SPACE))
		k++;
	return (k);
}

/* Last cluster of the line that starts at cluster i: the last ICU break
 * that fits, not counting spaces that hang past the margin. */
static size_t
wrap_line(const struct wrapc *cs, size_t nc, size_t i, int avail)
{
	size_t	j, best = SIZE_MAX;
	int	w = 0, wtrim = 0;

	for (j = i; j < nc; j++) {
		w += cs[j].w;
		if (!(cs[j].fl & WC_SPACE))
			wtrim = w;
		if (wtrim > avail)
			break;
		if (cs[j].fl & WC_BREAK) {
			best = j;
			if (cs[j].fl & WC_HARD)
				break;
		}
	}
	if (best != SIZE_MAX)
		return (best);
	return (wrap_force(cs, nc, i, j));
}

size_t
text_wrap(const char *s, size_t len, int cols, int first_indent,
    size_t **starts, const struct text_opts *o)
{
	struct wrapc	*cs;
	size_t		*st, nc, nl = 0, i, k;
	int		 avail;

	nc = wrap_clusters(s, len, amb_of(o), &cs);
	st = xreallocarray(NULL, nc + 2, sizeof *st);
	st[0] = 0;
	for (i = 0; i < nc; i = k + 1) {
		avail = cols - (nl == 0 ? first_indent : 0);
		k = wrap_line(cs, nc, i, avail);
		st[++nl] = cs[k].end;
	}
	if (nl == 0)
		st[++nl] = len;
	free(cs);
	*starts = st;
	return (nl);
}

/* End of the string sequence (OSC, DCS, SOS, PM, APC) whose body starts at
 * s[i]: after BEL or ST, or at an ESC that starts something else; i itself
 * when it is never terminated, so that only the introducer is dropped. */
static size_t
esc_string_end(const char *s, size_t len, size_t i)
{
	size_t		k;
	unsigned char	b;

	for (k = i; k < len; k++) {
		b = (unsigned char)s[k];
		if (b == 0x07 || b == 0x18 || b == 0x1a)
			return (k + 1);
		if (b == 0x1b)
			return (k + 1 < len && s[k + 1] == '\\' ? k + 2 : k);
		if (b == 0xc2 && k + 1 < len && (unsigned char)s[k + 1] == 0x9c)
			return (k + 2);
	}
	return (i);
}

/* End of the CSI sequence whose parameters start at s[i]; a malformed one
 * ends before the byte that broke it. */
static size_t
esc_csi_end(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] >= 0x30 && s[i] <= 0x3f)
		i++;
	while (i < len && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i < len && s[i] >= 0x40 && s[i] <= 0x7e)
		i++;
	return (i);
}

/* End of the escape sequence introduced by ESC or by a C1 control c of
 * n bytes at s[i]. */
static size_t
esc_end(const char *s, size_t len, size_t i, UChar32 c, size_t n)
{
	size_t	j = i + n, k;

	if (c == 0x9b)
		return (esc_csi_end(s, len, j));
	if (c != 0x1b)
		return (esc_string_end(s, len, j));
	if (j == len)
		return (j);
	if (s[j] == '[')
		return (esc_csi_end(s, len, j + 1));
	if (strchr("]PX^_", s[j]) != NULL)
		return (esc_string_end(s, len, j + 1));
	for (k = j; k < len && s[k] >= 0x20 && s[k] <= 0x2f; k++)
		;
	if (k < len && s[k] >= 0x30 && s[k] <= 0x7e)
		return (k + 1);
	return (j);
}

char *
text_sanitize(const char *s, size_t len, bool keep_newlines)
{
	char	*r;
	size_t	 i = 0, n, o = 0;
	UChar32	 c;

	r = xmalloc(len + 1);	/* nothing grows: CRLF shrinks, TAB stays */
	while (i < len) {
		n = u8_decode(s, len, i, &c);
		if (c == 0x1b || c == 0x90 || c == 0x98 ||
		    (c >= 0x9b && c <= 0x9f && c != 0x9c)) {
			i = esc_end(s, len, i, c, n);
			continue;
		}
		i += n;
		if (c == '\r' || c == '\n') {
			if (c == '\r' && i < len && s[i] == '\n')
				i++;
			if (keep_newlines)
				r[o++] = '\n';
		} else if (c == '\t')
			r[o++] = ' ';
		else if (c >= 0x20 && (c < 0x7f || c > 0x9f)) {
			memcpy(r + o, s + i - n, n);
			o += n;
		}
	}
	r[o] = '\0';
	return (r);
}

void
text_cleanup(void)
{
	if (text_charbi != NULL)
		ubrk_close(text_charbi);
	if (text_linebi != NULL)
		ubrk_close(text_linebi);
	text_charbi = text_linebi = NULL;
	u16_done(&text_scratch);
}
