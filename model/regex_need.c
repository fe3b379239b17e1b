/*
 * Required literals of an ICU pattern; see regex_need.h.
 *
 * A small reader of the pattern's syntax: alt() splits a stretch of the
 * pattern at its top-level '|' and joins the sets of the alternatives
 * (any alternative without a set leaves the whole without one); seq()
 * walks one alternative item by item and keeps the most selective set
 * among its items that a match must contain: a run of literal characters
 * (less its last one when a quantifier follows), or a group that is not
 * optional and not a negative look-around.  Anything the reader does not
 * know for certain gives up the whole pattern (`bail`).
 */
#include <stdlib.h>
#include <string.h>

#include "regex_need.h"
#include "vec.h"
#include "xmalloc.h"

struct need {
	char	**v;		/* NULL-terminated once done */
	size_t	  n;
	size_t	  cap;
	bool	  any;		/* no set: the part may match anything */
};

struct rd {
	const char	*p;	/* the pattern */
	bool		 bail;	/* something not understood */
};

static void
need_clear(struct need *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* Length of the UTF-8 sequence that starts with byte c. */
static size_t
cp_len(unsigned char c)
{
	return (c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2);
}

/* Past the escape at p[i] ('\\'). */
static size_t
esc_end(const char *p, size_t i, size_t end)
{
	return (i + 1 >= end ? end : i + 1 + cp_len((unsigned char)p[i + 1]));
}

/* The same in a sequence, where it bails on escapes that name characters
 * in letters or digits (\x41, \u4E00, \p{Han}, \Q...\E, \1). */
static size_t
skip_escape(struct rd *R, size_t i, size_t end)
{
	if (i + 1 >= end ||
	    strchr("xuUpPNQEkgc0123456789", R->p[i + 1]) != NULL)
		R->bail = true;
	return (esc_end(R->p, i, end));
}

/* Past the set that opens at p[i] ('['), nested sets included. */
static size_t
skip_set(struct rd *R, size_t i, size_t end)
{
	int	depth = 0;

	while (i < end) {
		if (R->p[i] == '\\') {
			i = esc_end(R->p, i, end);
			continue;
		}
		if (R->p[i] == '[')
			depth++;
		else if (R->p[i] == ']' && --depth == 0)
			return (i + 1);
		i++;
	}
	R->bail = true;
	return (end);
}

/* Index of the ')' closing the group that opens at p[i]. */
static size_t
group_end(struct rd *R, size_t i, size_t end)
{
	int	depth = 0;

	while (i < end) {
		if (R->p[i] == '\\')
			i = esc_end(R->p, i, end);
		else if (R->p[i] == '[')
			i = skip_set(R, i, end);
		else {
			if (R->p[i] == '(')
				depth++;
			else if (R->p[i] == ')' && --depth == 0)
				return (i);
			i++;
		}
	}
	R->bail = true;
	return (end);
}

static void alt(struct rd *R, size_t a, size_t b, struct need *out);

/* Shortest literal of s, in bytes: how selective the set is. */
static size_t
need_weight(const struct need *s)
{
	size_t	w = (size_t)-1;

	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->v[i]) < w)
			w = strlen(s->v[i]);
	return (w);
}

/* Keeps cand in best if it is more selective; frees what is not kept. */
static void
keep_best(struct need *best, struct need *cand)
{
	if (cand->any || cand->n == 0) {
		need_clear(cand);
		return;
	}
	if (best->any || best->n == 0 ||
	    need_weight(cand) > need_weight(best) ||
	    (need_weight(cand) == need_weight(best) && cand->n < best->n)) {
		need_clear(best);
		*best = *cand;
		memset(cand, 0, sizeof *cand);
	} else
		need_clear(cand);
}

/* Where the content of the group opening at p[i] starts; *neg is set for
 * a negative look-around or a comment, *flags for a bare flag setting.
 * Bails on flags other than s and m. */
static size_t
group_body(struct rd *R, size_t i, size_t close, bool *neg, bool *flags)
{
	const char	*p = R->p;
	size_t		 k = i + 1;

	*neg = *flags = false;
	if (p[k] != '?')
		return (k);
	if (p[k + 1] == ':' || p[k + 1] == '>' || p[k + 1] == '=')
		return (k + 2);
	if (p[k + 1] == '!' || p[k + 1] == '#' ||
	    (p[k + 1] == '<' && p[k + 2] == '!')) {
		*neg = true;
		return (close);
	}
	if (p[k + 1] == '<' && p[k + 2] == '=')
		return (k + 3);
	if (p[k + 1] == '<') {			/* (?<name>...) */
		const char *gt = memchr(p + k, '>', close - k);
		if (gt == NULL)
			R->bail = true;
		return (gt != NULL ? (size_t)(gt - p) + 1 : close);
	}
	for (k++; k < close && p[k] != ':'; k++)
		if (strchr("sm-", p[k]) == NULL)
			R->bail = true;
	*flags = k == close;
	return (k < close ? k + 1 : close);
}

/* The group opening at p[i] as a candidate of its sequence; returns the
 * index past its ')'. */
static size_t
group(struct rd *R, size_t i, size_t end, struct need *best)
{
	struct need	 cand = { 0 };
	size_t		 close = group_end(R, i, end), body;
	bool		 neg, flags;
	char		 q;

	if (R->bail)
		return (end);
	body = group_body(R, i, close, &neg, &flags);
	q = close + 1 < end ? R->p[close + 1] : '\0';
	if (!neg && !flags && q != '?' && q != '*' && q != '{') {
		alt(R, body, close, &cand);
		keep_best(best, &cand);
	}
	return (close + 1);
}

/* The literal run p[a..b) as a candidate; its last character is left
 * out when a quantifier follows (it may then be absent). */
static void
run(struct rd *R, size_t a, size_t b, size_t end, struct need *best)
{
	struct need	cand = { 0 };
	char		q = b < end ? R->p[b] : '\0';
	size_t		last = a;

	if (q == '?' || q == '*' || q == '{') {
		for (size_t i = a; i < b; i += cp_len((unsigned char)R->p[i]))
			last = i;
		b = last;
	}
	if (b <= a)
		return;
	*VEC_PUSH(cand.v, cand.n, cand.cap) = xstrndup(R->p + a, b - a);
	/* U+FFFD would also stand for bytes that are not UTF-8. */
	if (strstr(cand.v[0], "\xef\xbf\xbd") != NULL)
		cand.any = true;
	keep_best(best, &cand);
}

static bool
is_meta(char c)
{
	return (c != '\0' && strchr("\\[]()|?*+{}.^$", c) != NULL);
}

/* One alternative p[a..b): its most selective required set. */
static void
seq(struct rd *R, size_t a, size_t b, struct need *out)
{
	size_t	i = a, r;

	while (i < b && !R->bail) {
		char c = R->p[i];
		if (!is_meta(c)) {
			for (r = i; i < b && !is_meta(R->p[i]);)
				i += cp_len((unsigned char)R->p[i]);
			run(R, r, i, b, out);
		} else if (c == '\\')
			i = skip_escape(R, i, b);
		else if (c == '[')
			i = skip_set(R, i, b);
		else if (c == '(')
			i = group(R, i, b, out);
		else if (c == '{') {
			const char *e = memchr(R->p + i, '}', b - i);
			i = e != NULL ? (size_t)(e - R->p) + 1 : b;
		} else if (c == ')' || c == ']' || c == '}')
			R->bail = true;
		else
			i++;
	}
	if (out->n == 0)
		out->any = true;
}

static void
alt(struct rd *R, size_t a, size_t b, struct need *out)
{
	size_t	i = a, from = a;

	out->any = false;
	for (;;) {
		if (i >= b || R->p[i] == '|') {
			struct need one = { 0 };
			seq(R, from, i, &one);
			if (one.any || R->bail)
				out->any = true;
			for (size_t k = 0; k < one.n; k++)
				*VEC_PUSH(out->v, out->n, out->cap) = one.v[k];
			one.n = 0;
			need_clear(&one);
			if (i >= b || R->bail)
				break;
			from = ++i;
		} else if (R->p[i] == '\\')
			i = esc_end(R->p, i, b);
		else if (R->p[i] == '[')
			i = skip_set(R, i, b);
		else if (R->p[i] == '(')
			i = group_end(R, i, b) + 1;
		else
			i++;
	}
	if (out->any) {
		need_clear(out);
		out->any = true;
	}
}

char **
regex_need_of(const char *pattern)
{
	struct rd	 R = { pattern, false };
	struct need	 s = { 0 };

	alt(&R, 0, strlen(pattern), &s);
	if (s.any || R.bail || s.n == 0) {
		need_clear(&s);
		return (NULL);
	}
	*VEC_PUSH(s.v, s.n, s.cap) = NULL;
	return (s.v);
}

bool
regex_need_met(char *const *need, const char *text)
{
	if (need == NULL)
		return (true);
	for (; *need != NULL; need++)
		if (strstr(text, *need) != NULL)
			return (true);
	return (false);
}

void
regex_need_free(char **need)
{
	for (char **p = need; p != NULL && *p != NULL; p++)
		free(*p);
	free(need);
}
