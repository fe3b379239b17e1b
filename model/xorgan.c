/*
 * Organ identity and cross-organ rules; see xorgan.h.  Grouping sorts
 * (key, year, path) triples.  X5 works per group of one year and
 * template, with a lazily filled cache of texts loaded again (freed after
 * the group); X6 looks each report's place hashes up in a table of the
 * organs' places sorted by hash.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "batch.h"
#include "boiler.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"
#include "xorgan.h"

struct keyed {
	char		*key;
	const char	*canon;
	size_t		 ix;
	const struct batch_item *it;
};

struct cache {
	struct batch_texts	*t;
	uint8_t			*state;		/* 0 not tried, 1 ok, 2 failed */
	const size_t		*ix;		/* item of each slot */
};

struct place {
	uint32_t	 hash;
	size_t		 organ;
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed	*x = a, *y = b;
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return (c);
	if (x->it->year != y->it->year)
		return (x->it->year < y->it->year ? -1 : 1);
	return (strcmp(x->it->path, y->it->path));
}

static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

static void
add_outer(struct batch_organ *o, const char *s, size_t *cap)
{
	size_t	i;

	for (i = 0; i < o->nouter; i++)
		if (strcmp(o->outer[i], s) == 0)
			return;
	*VEC_PUSH(o->outer, o->nouter, *cap) = xstrdup(s);
}

/* The organ of the run k[0..n), all of one key. */
static void
make_organ(struct batch *b, struct keyed *k, size_t n)
{
	struct batch_organ	*o;
	struct organ_name	 p;
	size_t			 i, j, cap = 0, capo = 0;
	const char		*canon = NULL;

	b->organs = xreallocarray(b->organs, b->norgans + 1,
	    sizeof *b->organs);
	o = &b->organs[b->norgans];
	memset(o, 0, sizeof *o);
	o->key = xstrdup(k[0].key);
	o->items = xcalloc(n, sizeof *o->items);
	for (i = 0; i < n; i++) {
		o->items[o->nitems++] = k[i].ix;
		b->items[k[i].ix].organ_ix = (int)b->norgans;
		if (k[i].canon != NULL && canon == NULL)
			canon = k[i].canon;
		*VEC_PUSH(o->spellings, o->nspellings, cap) =
		    xstrdup(k[i].it->organ);
	}
	qsort(o->spellings, o->nspellings, sizeof *o->spellings, cmp_str);
	for (i = j = 0; i < o->nspellings; i++)
		if (j > 0 && strcmp(o->spellings[j - 1], o->spellings[i]) == 0)
			free(o->spellings[i]);
		else
			o->spellings[j++] = o->spellings[i];
	o->nspellings = j;
	o->name = xstrdup(canon != NULL ? canon : k[n - 1].it->organ);
	organ_parse(o->name, &o->parsed);
	for (i = 0; i < o->nspellings; i++) {
		organ_parse(o->spellings[i], &p);
		for (j = 0; j < p.nouter; j++)
			add_outer(o, p.outer[j], &capo);
		organ_name_done(&p);
	}
	b->norgans++;
}

void
xorgan_group(struct batch *b)
{
	struct keyed	*k = xcalloc(b->n + 1, sizeof *k);
	size_t		 m = 0, i, r;

	for (i = 0; i < b->n; i++) {
		if (!b->items[i].read || *b->items[i].organ == '\0')
			continue;
		k[m].key = organ_resolve(b->aliases, b->items[i].organ,
		    &k[m].canon);
		k[m].ix = i;
		k[m++].it = &b->items[i];
	}
	qsort(k, m, sizeof *k, cmp_keyed);
	for (i = 0; i < m; i = r) {
		for (r = i + 1; r < m && strcmp(k[r].key, k[i].key) == 0; r++)
			;
		make_organ(b, &k[i], r - i);
	}
	for (i = 0; i < m; i++)
		free(k[i].key);
	free(k);
}

void
xorgan_free(struct batch *b)
{
	size_t	i, j;

	for (i = 0; i < b->norgans; i++) {
		struct batch_organ *o = &b->organs[i];
		free(o->key);
		free(o->name);
		for (j = 0; j < o->nspellings; j++)
			free(o->spellings[j]);
		free(o->spellings);
		for (j = 0; j < o->nouter; j++)
			free(o->outer[j]);
		free(o->outer);
		organ_name_done(&o->parsed);
		free(o->items);
	}
	free(b->organs);
	b->organs = NULL;
	b->norgans = 0;
}

static const struct batch_texts *
cache_get(const struct batch *b, struct cache *c, size_t slot)
{
	if (c->state[slot] == 0)
		c->state[slot] = batch_texts_load(b, c->ix[slot],
		    &c->t[slot]) ? 1 : 2;
	return (c->state[slot] == 1 ? &c->t[slot] : NULL);
}

/* Flags a near-duplicate on item i against j, quoting i's words. */
static void
add_neardup(struct batch *b, size_t i, size_t j, int sec, int pct,
    const struct batch_texts *ti, size_t k, size_t off, size_t len)
{
	struct batch_cross	*f = batch_add_cross(&b->items[i],
				    BATCH_X_NEARDUP, j);
	size_t			 oa, ob;

	f->section = sec;
	f->pct = pct;
	boiler_span(ti->orig[k], ti->map[k], off, off + len, &oa, &ob);
	f->text = xstrndup(ti->orig[k] + oa, ob - oa);
}

/* Judges the candidate pair (slots x, y) on narrative k. */
static void
judge(struct batch *b, struct cache *c, size_t x, size_t y, size_t k,
    const uint16_t *sx, const uint16_t *sy)
{
	size_t				 i = c->ix[x], j = c->ix[y];
	const struct batch_texts	*tx, *ty;
	size_t				 ox, lx, oy, ly;
	int				 pct;

	if (b->items[i].organ_ix >= 0 &&
	    b->items[i].organ_ix == b->items[j].organ_ix)
		return;
	if (minhash_dice(minhash_agree(sx, sy)) <
	    XORGAN_NEARDUP - XORGAN_MARGIN)
		return;
	if ((tx = cache_get(b, c, x)) == NULL ||
	    (ty = cache_get(b, c, y)) == NULL)
		return;
	pct = boiler_similarity(tx->stripped[k], ty->stripped[k]);
	if (pct < XORGAN_NEARDUP || !boiler_passage(tx->stripped[k],
	    ty->stripped[k], &ox, &lx, &oy, &ly))
		return;
	add_neardup(b, i, j, batch_tinfo(b, tx->tpl)->narr[k], pct, tx, k,
	    ox, lx);
	add_neardup(b, j, i, batch_tinfo(b, tx->tpl)->narr[k], pct, ty, k,
	    oy, ly);
}

/* X5 among the items g[0..n), all of one year and template. */
static void
neardup_group(struct batch *b, const size_t *g, size_t n)
{
	const struct batch_tinfo	*ti = batch_tinfo(b, b->items[g[0]].tpl);
	const uint16_t			**sigs = xcalloc(n + 1, sizeof *sigs);
	struct cache			 c;
	struct minhash_pair		*pairs;
	size_t				 k, i, np;

	c.t = xcalloc(n + 1, sizeof *c.t);
	c.state = xcalloc(n + 1, sizeof *c.state);
	c.ix = g;
	for (k = 0; ti != NULL && k < ti->nnarr; k++) {
		for (i = 0; i < n; i++) {
			const struct batch_item *it = &b->items[g[i]];
			sigs[i] = (it->has_sig >> k & 1) ?
			    &it->sigs[k * MINHASH_N] : NULL;
		}
		np = minhash_candidates(sigs, n, &pairs);
		for (i = 0; i < np; i++)
			judge(b, &c, pairs[i].a, pairs[i].b, k,
			    sigs[pairs[i].a], sigs[pairs[i].b]);
		free(pairs);
	}
	for (i = 0; i < n; i++)
		if (c.state[i] == 1)
			batch_texts_done(&c.t[i]);
	free(c.t);
	free(c.state);
	free(sigs);
}

static int
cmp_year_tpl(const void *a, const void *b, void *arg)
{
	const struct batch	*bt = arg;
	const struct batch_item	*x = &bt->items[*(const size_t *)a];
	const struct batch_item	*y = &bt->items[*(const size_t *)b];
	int			 c;

	if (x->year != y->year)
		return (x->year < y->year ? -1 : 1);
	if ((c = strcmp(x->tpl->id, y->tpl->id)) != 0)
		return (c);
	return (*(const size_t *)a < *(const size_t *)b ? -1 : 1);
}

static void
neardups(struct batch *b)
{
	size_t	*ix = xcalloc(b->n + 1, sizeof *ix), m = 0, i, r;

	for (i = 0; i < b->n; i++)
		if (b->items[i].read && b->items[i].sigs != NULL)
			ix[m++] = i;
	qsort_r(ix, m, sizeof *ix, cmp_year_tpl, b);
	for (i = 0; i < m; i = r) {
		const struct batch_item *a = &b->items[ix[i]];
		for (r = i + 1; r < m && b->items[ix[r]].year == a->year &&
		    b->items[ix[r]].tpl == a->tpl; r++)
			;
		if (r - i > 1)
			neardup_group(b, &ix[i], r - i);
	}
	free(ix);
}

static bool
has_str(char *const *v, size_t n, const char *s)
{
	size_t	i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(v[i], s) == 0)
			return (true);
	return (false);
}

/* Whether organ o's place may be named in own's text. */
static bool
related(const struct batch *b, int own, size_t o)
{
	const struct batch_organ	*x, *y = &b->organs[o];

	if (own < 0)
		return (false);
	if ((size_t)own == o)
		return (true);
	x = &b->organs[own];
	if (x->parsed.place != NULL &&
	    strcmp(x->parsed.place, y->parsed.place) == 0)
		return (true);
	return (has_str(x->outer, x->nouter, y->parsed.place) ||
	    has_str(y->outer, y->nouter, x->parsed.place));
}

static int
cmp_place(const void *a, const void *b)
{
	const struct place	*x = a, *y = b;

	if (x->hash != y->hash)
		return (x->hash < y->hash ? -1 : 1);
	return (x->organ < y->organ ? -1 : x->organ > y->organ);
}

struct cps {
	UChar32	*c;
	size_t	*off;		/* byte offset in the text */
	size_t	*end;		/* ... of the character's end */
	size_t	 n;
	size_t	 no, ne;	/* the same as n: VEC_PUSH counts each */
	size_t	 cap, capo, cape;
};

/* s as code points, white space but line ends dropped, full width
 * folded. */
static void
squeeze(const char *s, struct cps *v)
{
	int32_t	i = 0, n = (int32_t)strlen(s), at;
	UChar32	c;

	memset(v, 0, sizeof *v);
	while (i < n) {
		at = i;
		U8_NEXT(s, i, n, c);
		if (c < 0 || (c != '\n' && u_isUWhiteSpace(c)))
			continue;
		if (c >= 0xff01 && c <= 0xff5e)
			c -= 0xfee0;
		*VEC_PUSH(v->c, v->n, v->cap) = c;
		*VEC_PUSH(v->off, v->no, v->capo) = (size_t)at;
		*VEC_PUSH(v->end, v->ne, v->cape) = (size_t)i;
	}
}

static bool
sentence_end(UChar32 c)
{
	return (c == 0x3002 || c == '!' || c == '?' || c == ';' ||
	    c == '\n');
}

/* The sentence of text that names place (white space and full width
 * aside), trimmed.  Newly allocated, or NULL when it names it nowhere. */
static char *
sentence_naming(const char *text, const char *place)
{
	struct cps	 t, p;
	size_t		 i, s, e;
	char		*out = NULL;

	squeeze(text, &t);
	squeeze(place, &p);
	for (i = 0; p.n > 0 && i + p.n <= t.n; i++)
		if (memcmp(&t.c[i], p.c, p.n * sizeof *p.c) == 0)
			break;
	if (p.n > 0 && i + p.n <= t.n) {
		for (s = i; s > 0 && !sentence_end(t.c[s - 1]); s--)
			;
		for (e = i + p.n; e < t.n && !sentence_end(t.c[e]); e++)
			;
		if (e < t.n && t.c[e] != '\n')
			e++;
		out = xstrndup(text + t.off[s], t.end[e - 1] - t.off[s]);
	}
	free(t.c);
	free(t.off);
	free(t.end);
	free(p.c);
	free(p.off);
	free(p.end);
	return (out);
}

/* X6 on item i against organ o, whose place hash it mentions. */
static bool
name_found(struct batch *b, size_t i, size_t o, const struct batch_texts *t)
{
	const struct batch_organ	*org = &b->organs[o];
	struct batch_cross		*f;
	char				*s = NULL;
	size_t				 k;

	for (k = 0; k < t->n && s == NULL; k++)
		s = sentence_naming(t->orig[k], org->parsed.place);
	if (s == NULL)
		return (false);
	f = batch_add_cross(&b->items[i], BATCH_X_NAME,
	    org->items[org->nitems - 1]);
	f->name = xstrdup(org->parsed.place);
	f->text = s;
	return (true);
}

/* X6 for item i, through the place table pl[0..np). */
static void
names_of(struct batch *b, size_t i, const struct place *pl, size_t np)
{
	const struct batch_item	*it = &b->items[i];
	struct batch_texts	 t;
	int			 loaded = 0;
	size_t			*done = NULL, ndone = 0, cap = 0, h, lo, hi, m;

	for (h = 0; h < it->nplaces; h++) {
		for (lo = 0, hi = np; lo < hi;) {
			m = (lo + hi) / 2;
			if (pl[m].hash < it->places[h])
				lo = m + 1;
			else
				hi = m;
		}
		for (; lo < np && pl[lo].hash == it->places[h]; lo++) {
			size_t o = pl[lo].organ, d;
			for (d = 0; d < ndone && done[d] != o; d++)
				;
			if (d < ndone || related(b, it->organ_ix, o))
				continue;
			if (loaded == 0)
				loaded = batch_texts_load(b, i, &t) ? 1 : 2;
			if (loaded == 1 && name_found(b, i, o, &t))
				*VEC_PUSH(done, ndone, cap) = o;
		}
	}
	if (loaded == 1)
		batch_texts_done(&t);
	free(done);
}

static void
names(struct batch *b)
{
	struct place	*pl = NULL;
	size_t		 np = 0, cap = 0, o, i;

	for (o = 0; o < b->norgans; o++) {
		const char *p = b->organs[o].parsed.place;
		if (p == NULL)
			continue;
		struct place *x = VEC_PUSH(pl, np, cap);
		x->hash = batch_place_hash(p, strlen(p));
		x->organ = o;
	}
	if (np > 0)
		qsort(pl, np, sizeof *pl, cmp_place);
	for (i = 0; np > 0 && i < b->n; i++)
		if (b->items[i].read && b->items[i].nplaces > 0)
			names_of(b, i, pl, np);
	free(pl);
}

void
xorgan_check(struct batch *b)
{
	neardups(b);
	names(b);
}
