/*
 * Page geometry; see pagegeom.h for the figures and where they come from.
 * pgeom_wrap converts the paragraph to UTF-16 once, gives every code
 * point its advance in 1/1000 twip (so that 28 grid cells fill the line
 * exactly), and walks ICU's line break opportunities, ending a line at
 * the last one that still fits.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "pagegeom.h"
#include "xmalloc.h"

#define NARROW		480	/* per mille of the em: a Latin letter, digit */
#define SPACE		250	/* a space */
#define AUTOSPACE	240	/* between a Latin run and a 汉字 */

int
pgeom_row_height(int lines)
{
	int	h = lines * PGEOM_CELL_LINE + PGEOM_ROW_PAD;

	return (h > PGEOM_ROW_MIN ? h : PGEOM_ROW_MIN);
}

static bool
wide(UChar32 c)
{
	switch (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH)) {
	case U_EA_WIDE:
	case U_EA_FULLWIDTH:
	case U_EA_AMBIGUOUS:	/* “ ” — … print in the Chinese font */
		return (c >= 0x2000);
	default:
		return (false);
	}
}

/* The text as code points with their byte offsets. */
struct cps {
	UChar32	*c;
	size_t	*off;	/* n + 1 */
	size_t	 n;
};

static void
decode(const char *s, size_t len, struct cps *p)
{
	int32_t	i = 0;
	UChar32	c;

	p->c = xreallocarray(NULL, len + 1, sizeof *p->c);
	p->off = xreallocarray(NULL, len + 2, sizeof *p->off);
	p->n = 0;
	while ((size_t)i < len) {
		p->off[p->n] = (size_t)i;
		U8_NEXT(s, i, (int32_t)len, c);
		p->c[p->n++] = c < 0 ? 0xfffd : c;
	}
	p->off[p->n] = len;
}

/* How a paragraph is measured. */
struct metric {
	int64_t	em;	/* 1/1000 twip */
	int64_t	cell;	/* a 汉字: a grid cell, or the em */
};

/* Advance of c on its own, 1/1000 twip. */
static int64_t
base_adv(const struct metric *m, UChar32 c)
{
	if (wide(c))
		return (m->cell);
	return (m->em * (c == ' ' ? SPACE : NARROW) / 1000);
}

/* Whether LibreOffice puts its autospace between a and b. */
static bool
autospace(UChar32 a, UChar32 b)
{
	return ((wide(a) && !wide(b) && u_isalnum(b)) ||
	    (wide(b) && !wide(a) && u_isalnum(a)));
}

/* x[i]: advance of code points [0, i), 1/1000 twip. */
static int64_t *
advances(const struct cps *p, const struct metric *m)
{
	int64_t	*x = xreallocarray(NULL, p->n + 1, sizeof *x);
	size_t	 i;

	x[0] = 0;
	for (i = 0; i < p->n; i++) {
		x[i + 1] = x[i] + base_adv(m, p->c[i]);
		if (i > 0 && autospace(p->c[i - 1], p->c[i]))
			x[i + 1] += m->em * AUTOSPACE / 1000;
	}
	return (x);
}

/* The break opportunities as code point indices, ending with n. */
static size_t *
breaks(const struct cps *p, size_t *nb)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UChar		*u = xreallocarray(NULL, 2 * p->n + 1, sizeof *u);
	size_t		*cpi = xreallocarray(NULL, 2 * p->n + 1, sizeof *cpi);
	size_t		*b = xreallocarray(NULL, p->n + 1, sizeof *b);
	UBreakIterator	*bi;
	int32_t		 k = 0, pos;
	size_t		 i;

	for (i = 0; i < p->n; i++) {
		cpi[k] = i;
		U16_APPEND_UNSAFE(u, k, p->c[i]);
		if (k >= 2 && cpi[k - 1] != i)
			cpi[k - 1] = i;
	}
	cpi[k] = p->n;
	*nb = 0;
	bi = ubrk_open(UBRK_LINE, "zh", u, k, &err);
	if (U_FAILURE(err)) {
		for (i = 1; i <= p->n; i++)
			b[(*nb)++] = i;
	} else {
		ubrk_first(bi);
		while ((pos = ubrk_next(bi)) != UBRK_DONE)
			if (*nb == 0 || b[*nb - 1] != cpi[pos])
				b[(*nb)++] = cpi[pos];
		ubrk_close(bi);
	}
	if (*nb == 0 || b[*nb - 1] != p->n)
		b[(*nb)++] = p->n;
	free(u);
	free(cpi);
	return (b);
}

/* Width of [a, e) on a line of its own: no trailing spaces, no autospace
 * before its first character. */
static int64_t
span(const struct cps *p, const int64_t *x, const struct metric *m,
    size_t a, size_t e)
{
	while (e > a && p->c[e - 1] == ' ')
		e--;
	if (e <= a)
		return (0);
	return (x[e] - x[a + 1] + base_adv(m, p->c[a]));
}

size_t
pgeom_wrap(const char *s, size_t len, int width, int indent, int size,
    int grid, size_t **starts)
{
	struct cps	 p;
	struct metric	 m;
	int64_t		*x, avail;
	size_t		*b, nb, i, a = 0, last = 0, n = 0, *st;

	decode(s, len, &p);
	m.em = (int64_t)size * 10 * 1000;
	m.cell = grid ? (int64_t)PGEOM_TEXT_W * 1000 / PGEOM_CHARS : m.em;
	x = advances(&p, &m);
	b = breaks(&p, &nb);
	st = xreallocarray(NULL, nb + 2, sizeof *st);
	st[n++] = 0;
	/* A twip of tolerance: indents are given in whole twips. */
	avail = (int64_t)(width - indent + 1) * 1000;
	for (i = 0; i < nb; i++) {
		if (span(&p, x, &m, a, b[i]) <= avail || last == a) {
			last = b[i];
			continue;
		}
		/* b[i] does not fit: the line ends at the last that did. */
		a = last;
		st[n++] = p.off[a];
		avail = (int64_t)(width + 1) * 1000;
		last = b[i];
	}
	st[n] = len;
	free(x);
	free(b);
	free(p.c);
	free(p.off);
	if (starts != NULL)
		*starts = st;
	else
		free(st);
	return (n);
}
