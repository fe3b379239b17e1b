/*
 * Page geometry; see pagegeom.h for the figures and where they come from.
 * pgeom_wrap decodes the paragraph once, takes ICU's line break
 * opportunities, and places segment after segment on the line in 1/1000
 * twip (so that 28 grid cells fill the line exactly): a segment that does
 * not fit starts the next line.
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

#define CONDENSE	20	/* the body's condensing, as measured on its
				   digits (7.68 pt at 16 pt) */
#define AUTOSPACE	20	/* per mille of the em, between a 汉字 and a
				   Latin letter or digit */

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
	int	condense;	/* per mille of the em less a Latin character */
	int	grid;
};

/* Width of a Latin character in Times New Roman (its metric-compatible
 * Liberation Serif), per mille of the em. */
static int
latin(UChar32 c)
{
	if (c >= '0' && c <= '9')
		return (500);
	if (c >= 'A' && c <= 'Z')
		return (700);
	if (c >= 'a' && c <= 'z')
		return (480);
	switch (c) {
	case ' ': case '.': case ',':
		return (250);
	case ':': case ';': case '/':
		return (278);
	case '(': case ')': case '-': case '[': case ']':
		return (333);
	case '%':
		return (833);
	default:
		return (500);
	}
}

/* Advance of c on its own, 1/1000 twip. */
static int64_t
base_adv(const struct metric *m, UChar32 c)
{
	if (wide(c))
		return (m->cell);
	return (m->em * (latin(c) - m->condense) / 1000);
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

/*
 * Where a segment [a, e) placed at x ends (1/1000 twip): on the grid a
 * 汉字 starts on the next cell boundary; trailing spaces do not count.
 */
static int64_t
place(const struct cps *p, const struct metric *m, size_t a, size_t e,
    int64_t x, bool bol)
{
	size_t	i;

	while (e > a && p->c[e - 1] == ' ')
		e--;
	for (i = a; i < e; i++) {
		UChar32 c = p->c[i];
		if (i > 0 && (i > a || !bol) && u_isalnum(c) &&
		    u_isalnum(p->c[i - 1]) && wide(c) != wide(p->c[i - 1]))
			x += m->em * AUTOSPACE / 1000;
		if (wide(c) && m->grid)
			x = (x + m->cell - 500) / m->cell * m->cell;
		x += base_adv(m, c);
	}
	return (x);
}

size_t
pgeom_wrap(const char *s, size_t len, int width, int indent, int size,
    int grid, size_t **starts)
{
	struct cps	 p;
	struct metric	 m;
	int64_t		 x, avail = ((int64_t)width + 1) * 1000;
	size_t		*b, nb, i, a = 0, n = 0, *st;

	decode(s, len, &p);
	m.em = (int64_t)size * 10 * 1000;
	m.cell = grid ? (int64_t)PGEOM_TEXT_W * 1000 / PGEOM_CHARS : m.em;
	m.condense = grid ? CONDENSE : 0;
	m.grid = grid;
	b = breaks(&p, &nb);
	st = xreallocarray(NULL, nb + 2, sizeof *st);
	st[n++] = 0;
	x = (int64_t)indent * 1000;
	for (i = 0; i < nb; i++) {
		bool bol = x == (n == 1 ? (int64_t)indent * 1000 : 0);
		int64_t e = place(&p, &m, a, b[i], x, bol);
		/* A segment that does not fit starts the next line, unless
		 * the line is empty. */
		if (e > avail && !bol) {
			st[n++] = p.off[a];
			e = place(&p, &m, a, b[i], 0, true);
		}
		x = e;
		a = b[i];
	}
	st[n] = len;
	free(b);
	free(p.c);
	free(p.off);
	if (starts != NULL)
		*starts = st;
	else
		free(st);
	return (n);
}
