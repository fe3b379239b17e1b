/*
 * Title breaking; see title.h for the rule.  The title's candidate break
 * offsets (ICU word boundaries, read through a UTF-8 UText so that its
 * indexes are byte offsets) go into an array bd[0..nb) with bd[0] = 0 and
 * bd[nb-1] = len, and their columns from the start into an array cw, so
 * that the width of any line [bd[i], bd[j]) is cw[j] - cw[i].  For n lines
 * the smallest longest line M is found by trying each candidate width in
 * increasing order with a greedy fit (the longest line that fits first is
 * optimal for "all lines ≤ M"); the lines are then chosen top down, each
 * as long as M allows while the rest still fits in the lines left, which
 * makes the upper lines the longer ones.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "export_txt.h"
#include "text.h"
#include "title.h"
#include "xmalloc.h"

#define MAX_LINES	6

static const struct text_opts	wide = { 2 };

/* Whether s[off] starts a character no line may start with, or s[off-1]
 * ends one no line may end with. */
static bool
bad_break(const char *s, size_t len, size_t off)
{
	static const char *const closing[] = { "，", "。", "、", "；", "：",
	    "？", "！", "）", "》", "」", "』", "”", "’", "…", "—", ")", ",",
	    "." };
	static const char *const opening[] = { "（", "《", "「", "『", "“",
	    "‘", "(" };
	size_t	i, n;

	for (i = 0; i < sizeof closing / sizeof closing[0]; i++) {
		n = strlen(closing[i]);
		if (off + n <= len && memcmp(s + off, closing[i], n) == 0)
			return (true);
	}
	for (i = 0; i < sizeof opening / sizeof opening[0]; i++) {
		n = strlen(opening[i]);
		if (off >= n && memcmp(s + off - n, opening[i], n) == 0)
			return (true);
	}
	return (false);
}

/* The candidate breaks: 0, the word boundaries, len.  Returns how many. */
static size_t
boundaries(const char *s, size_t len, size_t **out)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UText		*ut = utext_openUTF8(NULL, s, (int64_t)len, &st);
	UBreakIterator	*bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
	size_t		*bd = xreallocarray(NULL, len + 2, sizeof *bd), n = 0;
	int32_t		 b;

	bd[n++] = 0;
	if (U_SUCCESS(st))
		ubrk_setUText(bi, ut, &st);
	if (U_SUCCESS(st))
		for (b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi))
			if (b > 0 && (size_t)b < len &&
			    !bad_break(s, len, (size_t)b))
				bd[n++] = (size_t)b;
	bd[n++] = len;
	ubrk_close(bi);
	utext_close(ut);
	*out = bd;
	return (n);
}

/* Lines needed when no line may be wider than m, or MAX_LINES + 1. */
static size_t
greedy(const int *cw, size_t nb, int m)
{
	size_t	lines = 0, i = 0, j;

	while (i + 1 < nb) {
		for (j = i + 1; j < nb && cw[j] - cw[i] <= m; j++)
			;
		if (j == i + 1)
			return (MAX_LINES + 1);
		i = j - 1;
		if (++lines > MAX_LINES)
			break;
	}
	return (lines);
}

/*
 * Fills lines of width at most m into starts[], top down, each as long as
 * possible while the rest fits in the lines left.  Returns their number.
 */
static size_t
fill(const size_t *bd, const int *cw, size_t nb, int m, size_t n,
    size_t *starts)
{
	size_t	i = 0, k = 0, j;

	while (i + 1 < nb) {
		starts[k++] = bd[i];
		for (j = nb - 1; j > i; j--)
			if (cw[j] - cw[i] <= m && (j == nb - 1 ||
			    greedy(cw + j, nb - j, m) <= n - k))
				break;
		i = j;
	}
	starts[k] = bd[nb - 1];
	return (k);
}

/* Rule 2: after the organ's name, if balanced.  Returns 2 or 0. */
static size_t
after_organ(const size_t *bd, const int *cw, size_t nb, size_t organ_len,
    int cols, size_t *starts)
{
	size_t	i;
	int	a, b;

	for (i = 1; i + 1 < nb; i++)
		if (bd[i] == organ_len)
			break;
	if (i + 1 >= nb)
		return (0);
	a = cw[i];
	b = cw[nb - 1] - cw[i];
	if (a > cols || b > cols || 5 * (a < b ? a : b) < 2 * (a < b ? b : a))
		return (0);
	starts[0] = 0;
	starts[1] = organ_len;
	starts[2] = bd[nb - 1];
	return (2);
}

/* Rule 4: text_wrap's breaks. */
static size_t
wrap(const char *s, size_t len, int cols, size_t **starts)
{
	size_t	*st, n;

	free(*starts);
	n = text_wrap(s, len, cols, 0, &st, &wide);
	*starts = st;
	return (n);
}

size_t
title_break(const char *s, size_t len, size_t organ_len, int cols,
    size_t **out)
{
	size_t	*bd, nb, n = 0, i;
	int	*cw, m;

	*out = xreallocarray(NULL, MAX_LINES + 2, sizeof **out);
	if (text_width(s, len, &wide) <= cols) {
		(*out)[0] = 0;
		(*out)[1] = len;
		return (1);
	}
	nb = boundaries(s, len, &bd);
	cw = xreallocarray(NULL, nb, sizeof *cw);
	for (i = 0; i < nb; i++)
		cw[i] = text_width(s, bd[i], &wide);
	if (organ_len > 0)
		n = after_organ(bd, cw, nb, organ_len, cols, *out);
	if (n == 0) {
		/* The smallest m that needs the fewest lines. */
		size_t best = greedy(cw, nb, cols);
		if (best <= MAX_LINES) {
			for (m = (cw[nb - 1] + (int)best - 1) / (int)best;
			    greedy(cw, nb, m) > best; m++)
				;
			n = fill(bd, cw, nb, m, best, *out);
		} else
			n = wrap(s, len, cols, out);
	}
	free(cw);
	free(bd);
	return (n);
}

size_t
title_lines(const struct report *r, enum lang lang, char ***lines)
{
	char		*t = export_txt_title(r, lang);
	const char	*organ = report_organ(r);
	size_t		 olen = strlen(organ), len = strlen(t), n, i, *st;

	if (olen > len || strncmp(t, organ, olen) != 0)
		olen = 0;
	n = title_break(t, len, olen, TITLE_COLS, &st);
	*lines = xreallocarray(NULL, n, sizeof **lines);
	for (i = 0; i < n; i++)
		(*lines)[i] = xstrndup(t + st[i], st[i + 1] - st[i]);
	free(st);
	free(t);
	return (n);
}

void
title_lines_free(char **lines, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
