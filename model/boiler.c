/*
 * Boilerplate stripping and shingles; see boiler.h.  A struct boiler is an
 * open-addressing set of the 64-bit hashes of every BOILER_TPL_K-character
 * sequence of the template's wording (0 marks an empty slot; a hash that
 * is 0 is stored as 1).  boiler_strip() reads a text into an array of
 * struct ch (one per kept character, with its offset in the text and its
 * sentence break), marks the characters that template n-grams cover,
 * keeps the runs long enough to cut, and then writes out sentence by
 * sentence what survives.  Shingle hashes use the same mixing function.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "boiler.h"
#include "hash.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"

struct boiler {
	uint64_t	*set;
	size_t		 mask;		/* capacity - 1 (a power of two) */
	size_t		 n;
	/* The BMP characters of the template's n-grams, a bit each: a
	 * window with any other character is not in set, so it is not
	 * hashed (characters beyond the BMP are always hashed). */
	uint64_t	 vocab[0x10000 / 64];
};

/* One character of a text being stripped. */
struct ch {
	UChar32	 c;		/* folded */
	size_t	 off;		/* byte offset in the text */
	bool	 content;	/* not punctuation */
	bool	 brk;		/* a sentence ends after it */
	bool	 cut;		/* template wording */
};

struct chs {
	struct ch	*v;
	size_t		 n;
	size_t		 cap;
	/* Scratch space of the sentence being looked at, allocated once
	 * per text: content indices, template marks, folded content. */
	size_t		*ix;
	bool		*m;
	struct sbuf	 sb;
};

/*
 * Statutory sentences: a sentence (content characters, folded) matches
 * when it contains every word of all[] and at least one of any[] (an
 * empty list is no condition).  Sources:
 *   fee      30号, 六: "收取信息处理费情况在此处报告" (every report says
 *            it, even "未收取"; 《政府信息公开信息处理费管理办法》);
 *   basis, period, contact, where: the customary preamble
 *            (statutory-format.md 1.3: 编制依据、统计期限、电子版下载地址、
 *            联系方式), in every report alike;
 *   none     六's "无其他需要报告的事项" and its variants.
 */
static const struct statute {
	const char	*id;
	const char	*all[2];
	const char	*any[9];
} statutes[] = {
	{ "fee", { "处理费", NULL }, { NULL } },
	{ "basis", { "条例", NULL }, { "编制", "本报告", "年度报告", NULL } },
	{ "period", { NULL }, { "统计期限", "统计时限", "统计时间",
	    "1月1日起至", "1月1日至", NULL } },
	{ "contact", { NULL }, { "如对本报告", "如对本年度报告", "联系电话",
	    "联系方式", "电子邮箱", "联系地址", "邮政编码", "邮编", NULL } },
	{ "where", { "本报告", NULL }, { "网站", "下载", "查阅", "电子版",
	    NULL } },
	{ "none", { "需要报告", NULL }, { "无", "没有", "暂无", "未", NULL } },
};

/* Words of the statute that are not in a template's own wording. */
static const char *const statute_names[] = {
	"中华人民共和国政府信息公开条例",
	"政府信息公开信息处理费管理办法",
	"政府信息公开工作年度报告",
	NULL
};

/* The hash of k code points. */
static uint64_t
hash_cps(const UChar32 *c, size_t k)
{
	uint64_t	h = 0x9e3779b97f4a7c15ULL;
	size_t		i;

	for (i = 0; i < k; i++)
		h = hash_mix64(h ^ (uint64_t)(uint32_t)c[i]);
	return (h == 0 ? 1 : h);
}

static UChar32
fold(UChar32 c)
{
	if (c >= 0xff01 && c <= 0xff5e)
		return (c - 0xfee0);
	return (c);
}

static bool
is_content(UChar32 c)
{
	if (c >= 0x4e00 && c <= 0x9fff)		/* the common case: 汉字 */
		return (true);
	if (c < 0x80)
		return (c > 0x20 && c < 0x7f && !u_ispunct(c));
	return (!u_ispunct(c) && !u_isUWhiteSpace(c) && !u_iscntrl(c));
}

static bool
ends_sentence(UChar32 c)
{
	return (c == 0x3002 || c == '!' || c == '?' || c == ';' ||
	    c == 0xff01 || c == 0xff1f || c == 0xff1b);
}

/* The content characters of s, folded. */
static size_t
content_cps(const char *s, UChar32 **out, size_t **offs, size_t **ends)
{
	int32_t	 i = 0, n = (int32_t)strlen(s), at;
	UChar32	 c;
	size_t	 k = 0, cap = 0, capo = 0, cape = 0, no = 0, ne = 0;

	*out = NULL;
	if (offs != NULL)
		*offs = NULL;
	if (ends != NULL)
		*ends = NULL;
	while (i < n) {
		at = i;
		U8_NEXT(s, i, n, c);
		if (c < 0 || !is_content(fold(c)))
			continue;
		*VEC_PUSH(*out, k, cap) = fold(c);
		if (offs != NULL)
			*VEC_PUSH(*offs, no, capo) = (size_t)at;
		if (ends != NULL)
			*VEC_PUSH(*ends, ne, cape) = (size_t)i;
	}
	return (k);
}

static void
set_add(struct boiler *b, uint64_t h)
{
	size_t	i;

	if ((b->n + 1) * 2 > b->mask + 1) {
		uint64_t *old = b->set;
		size_t oldcap = b->mask + 1, j;
		b->mask = oldcap * 2 - 1;
		b->set = xcalloc(b->mask + 1, sizeof *b->set);
		b->n = 0;
		for (j = 0; j < oldcap; j++)
			if (old[j] != 0)
				set_add(b, old[j]);
		free(old);
	}
	for (i = h & b->mask; b->set[i] != 0; i = (i + 1) & b->mask)
		if (b->set[i] == h)
			return;
	b->set[i] = h;
	b->n++;
}

static bool
set_has(const struct boiler *b, uint64_t h)
{
	size_t	i;

	for (i = h & b->mask; b->set[i] != 0; i = (i + 1) & b->mask)
		if (b->set[i] == h)
			return (true);
	return (false);
}

static void
add_words(struct boiler *b, const char *s)
{
	UChar32	*c;
	size_t	 n = content_cps(s, &c, NULL, NULL), i;

	for (i = 0; i + BOILER_TPL_K <= n; i++)
		set_add(b, hash_cps(&c[i], BOILER_TPL_K));
	for (i = 0; n >= BOILER_TPL_K && i < n; i++)
		if (c[i] < 0x10000)
			b->vocab[c[i] / 64] |= UINT64_C(1) << (c[i] % 64);
	free(c);
}

static void
add_nodes(struct boiler *b, const struct tpl_node *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		add_words(b, tpl_label(&v[i].label, LANG_ZH));
}

struct boiler *
boiler_new(const struct tpl *t)
{
	struct boiler	*b = xcalloc(1, sizeof *b);
	size_t		 i;

	b->mask = 1023;
	b->set = xcalloc(b->mask + 1, sizeof *b->set);
	add_words(b, tpl_label(&t->title, LANG_ZH));
	for (i = 0; statute_names[i] != NULL; i++)
		add_words(b, statute_names[i]);
	for (i = 0; i < t->nsections; i++) {
		add_words(b, tpl_label(&t->sections[i].title, LANG_ZH));
		add_words(b, tpl_label(&t->sections[i].placeholder, LANG_ZH));
		add_words(b, tpl_label(&t->sections[i].guidance, LANG_ZH));
	}
	for (i = 0; i < t->nblocks; i++) {
		add_words(b, tpl_label(&t->blocks[i].title, LANG_ZH));
		add_words(b, tpl_label(&t->blocks[i].corner, LANG_ZH));
		add_nodes(b, t->blocks[i].colnodes, t->blocks[i].ncolnodes);
		add_nodes(b, t->blocks[i].rownodes, t->blocks[i].nrownodes);
	}
	return (b);
}

void
boiler_free(struct boiler *b)
{
	if (b == NULL)
		return;
	free(b->set);
	free(b);
}

/* Whether the folded content string s matches statute st. */
static bool
statute_matches(const struct statute *st, const char *s)
{
	size_t	i;

	for (i = 0; i < 2 && st->all[i] != NULL; i++)
		if (strstr(s, st->all[i]) == NULL)
			return (false);
	if (st->any[0] == NULL)
		return (true);
	for (i = 0; st->any[i] != NULL; i++)
		if (strstr(s, st->any[i]) != NULL)
			return (true);
	return (false);
}

static const char *
statute_of(const char *content)
{
	size_t	i;

	for (i = 0; i < sizeof statutes / sizeof statutes[0]; i++)
		if (statute_matches(&statutes[i], content))
			return (statutes[i].id);
	return (NULL);
}

static void
put_cp(struct sbuf *b, UChar32 c)
{
	char	u[4];
	int32_t	k = 0;
	UBool	bad = false;

	U8_APPEND(u, k, 4, c, bad);
	(void)bad;
	sbuf_add(b, u, (size_t)k);
}

const char *
boiler_statutory(const char *sentence)
{
	UChar32		*c;
	size_t		 n = content_cps(sentence, &c, NULL, NULL), i;
	struct sbuf	 b;
	const char	*id;

	sbuf_init(&b);
	for (i = 0; i < n; i++)
		put_cp(&b, c[i]);
	id = statute_of(b.s);
	sbuf_done(&b);
	free(c);
	return (id);
}

/* Step 1: the characters of text. */
static void
read_chars(const char *text, struct chs *v)
{
	int32_t	 i = 0, n = (int32_t)strlen(text), at;
	UChar32	 c;
	struct ch *p;

	while (i < n) {
		at = i;
		U8_NEXT(text, i, n, c);
		if (c < 0)
			continue;
		if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
			if (v->n > 0)
				v->v[v->n - 1].brk = true;
			continue;
		}
		/* 汉字 need no look-up of their properties. */
		if ((c < 0x4e00 || c > 0x9fff) &&
		    (u_isUWhiteSpace(c) || u_iscntrl(c)))
			continue;
		p = VEC_PUSH(v->v, v->n, v->cap);
		p->c = fold(c);
		p->off = (size_t)at;
		p->content = is_content(p->c);
		p->brk = ends_sentence(c);
	}
}

static bool
in_vocab(const struct boiler *b, UChar32 c)
{
	return (c >= 0x10000 || (b->vocab[c / 64] >> (c % 64) & 1));
}

/* Step 4's marks in the sentence [s, e): content characters covered by
 * template n-grams, in runs of at least BOILER_MIN_PHRASE.  Per sentence,
 * so that a heading's wording never runs on into the next sentence. */
static void
mark_template(const struct boiler *b, struct chs *v, size_t s, size_t e)
{
	size_t	nc = 0, i, j, r, run;
	UChar32	w[BOILER_TPL_K];

	for (i = s; i < e; i++)
		if (v->v[i].content) {
			v->m[nc] = false;
			v->ix[nc++] = i;
		}
	for (i = 0, run = 0; i < nc; i++) {
		/* run: the characters up to i that may be template words */
		run = in_vocab(b, v->v[v->ix[i]].c) ? run + 1 : 0;
		if (run < BOILER_TPL_K)
			continue;
		for (j = 0; j < BOILER_TPL_K; j++)
			w[j] = v->v[v->ix[i + 1 - BOILER_TPL_K + j]].c;
		if (set_has(b, hash_cps(w, BOILER_TPL_K)))
			for (j = 0; j < BOILER_TPL_K; j++)
				v->m[i + 1 - BOILER_TPL_K + j] = true;
	}
	for (i = 0; i < nc; i = r) {
		for (r = i; r < nc && v->m[r] == v->m[i]; r++)
			;
		if (v->m[i] && r - i >= BOILER_MIN_PHRASE)
			for (j = i; j < r; j++)
				v->v[v->ix[j]].cut = true;
	}
}

/* Whether the nearest content character before (dir -1) or after (+1)
 * position i within [s, e) is cut or absent. */
static bool
side_cut(const struct chs *v, size_t s, size_t e, size_t i, int dir)
{
	size_t	j = i;

	for (;;) {
		if (dir < 0 ? j == s : j + 1 >= e)
			return (true);
		j = dir < 0 ? j - 1 : j + 1;
		if (v->v[j].content)
			return (v->v[j].cut);
	}
}

/* Step 3 for the sentence [s, e): whether to drop it whole. */
static bool
drop_sentence(struct chs *v, size_t s, size_t e)
{
	size_t	i, nc = 0, ncut = 0;

	sbuf_truncate(&v->sb, 0);
	for (i = s; i < e; i++)
		if (v->v[i].content) {
			nc++;
			ncut += v->v[i].cut;
			put_cp(&v->sb, v->v[i].c);
		}
	return (nc == 0 || ncut * 100 >= nc * BOILER_SENTENCE_CUT ||
	    statute_of(v->sb.s) != NULL);
}

static void
emit(struct sbuf *out, size_t **map, size_t *cap, const struct ch *c)
{
	size_t	before = out->len, k;

	put_cp(out, c->c);
	if (map == NULL)
		return;
	VEC_RESERVE(*map, *cap, out->len + 1);
	for (k = before; k < out->len; k++)
		(*map)[k] = c->off;
}

char *
boiler_strip(const struct boiler *b, const char *text, size_t **map)
{
	struct chs	 v = { 0 };
	struct sbuf	 out;
	size_t		 s, e, i, cap = 0;

	read_chars(text, &v);
	v.ix = xcalloc(v.n + 1, sizeof *v.ix);
	v.m = xcalloc(v.n + 1, sizeof *v.m);
	sbuf_init(&v.sb);
	sbuf_init(&out);
	if (map != NULL)
		*map = NULL;
	for (s = 0; s < v.n; s = e) {
		for (e = s; e < v.n && !v.v[e].brk; e++)
			;
		if (e < v.n)
			e++;		/* the break character is the sentence's */
		mark_template(b, &v, s, e);
		if (drop_sentence(&v, s, e))
			continue;
		for (i = s; i < e; i++) {
			const struct ch *c = &v.v[i];
			if (c->content ? c->cut : side_cut(&v, s, e, i, -1) &&
			    side_cut(&v, s, e, i, 1))
				continue;
			emit(&out, map, &cap, c);
		}
	}
	if (map != NULL) {
		VEC_RESERVE(*map, cap, out.len + 1);
		(*map)[out.len] = strlen(text);
	}
	free(v.v);
	free(v.ix);
	free(v.m);
	sbuf_done(&v.sb);
	return (sbuf_take(&out));
}

void
boiler_span(const char *text, const size_t *map, size_t a, size_t b,
    size_t *oa, size_t *ob)
{
	int32_t	i, n = (int32_t)strlen(text);
	UChar32	c;

	*oa = map[a];
	if (b <= a) {
		*ob = *oa;
		return;
	}
	i = (int32_t)map[b - 1];
	U8_NEXT(text, i, n, c);
	(void)c;
	*ob = (size_t)i;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x < y ? -1 : x > y);
}

size_t
boiler_hashes(const char *s, uint64_t **out)
{
	int32_t	 i = 0, n = (int32_t)strlen(s);
	UChar32	 c, w[BOILER_K] = { 0 };
	size_t	 k = 0, seen = 0, cap = 0;

	*out = NULL;
	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0 || !is_content(fold(c)))
			continue;
		/* The last BOILER_K content characters, oldest first. */
		memmove(w, w + 1, (BOILER_K - 1) * sizeof *w);
		w[BOILER_K - 1] = fold(c);
		if (++seen < BOILER_K)
			continue;
		*VEC_PUSH(*out, k, cap) = hash_cps(w, BOILER_K);
	}
	return (k);
}

size_t
boiler_shingles(const char *s, uint64_t **out)
{
	size_t	n = boiler_hashes(s, out), k = 0, i;

	if (n == 0)
		return (0);
	qsort(*out, n, sizeof **out, cmp_u64);
	for (i = 0; i < n; i++)
		if (k == 0 || (*out)[k - 1] != (*out)[i])
			(*out)[k++] = (*out)[i];
	return (k);
}

int
boiler_similarity_sets(const uint64_t *a, size_t na, const uint64_t *b,
    size_t nb)
{
	size_t	i = 0, j = 0, common = 0;

	if (na == 0 || nb == 0)
		return (0);
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			common++;
			i++;
			j++;
		} else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return ((int)(200 * common / (na + nb)));
}

int
boiler_similarity(const char *a, const char *b)
{
	uint64_t	*x, *y;
	size_t		 nx = boiler_shingles(a, &x), ny = boiler_shingles(b, &y);
	int		 pct = boiler_similarity_sets(x, nx, y, ny);

	free(x);
	free(y);
	return (pct);
}

/* A's n-grams by hash: head[h & mask] chains through next[]. */
struct grams {
	size_t	*head;		/* SIZE_MAX: none */
	size_t	*next;
	uint64_t *h;
	size_t	 mask;
};

static void
grams_init(struct grams *g, const UChar32 *c, size_t n)
{
	size_t	m = 16, i, slot;

	while (m < 2 * n)
		m *= 2;
	g->mask = m - 1;
	g->head = xcalloc(m, sizeof *g->head);
	memset(g->head, 0xff, m * sizeof *g->head);
	g->next = xcalloc(n + 1, sizeof *g->next);
	g->h = xcalloc(n + 1, sizeof *g->h);
	for (i = n; i-- > 0;) {
		g->h[i] = hash_cps(&c[i], BOILER_K);
		slot = g->h[i] & g->mask;
		g->next[i] = g->head[slot];
		g->head[slot] = i;
	}
}

static void
grams_done(struct grams *g)
{
	free(g->head);
	free(g->next);
	free(g->h);
}

bool
boiler_passage(const char *a, const char *b, size_t *oa, size_t *la,
    size_t *ob, size_t *lb)
{
	UChar32		*ca, *cb;
	size_t		*sa, *ea, *sb, *eb, na, nb, i, j, k, best = 0, bi = 0,
			 bj = 0;
	struct grams	 g;

	na = content_cps(a, &ca, &sa, &ea);
	nb = content_cps(b, &cb, &sb, &eb);
	if (na >= BOILER_K && nb >= BOILER_K) {
		grams_init(&g, ca, na - BOILER_K + 1);
		for (i = 0; i + BOILER_K <= nb; i++) {
			uint64_t h = hash_cps(&cb[i], BOILER_K);
			size_t tries = 0;
			/* A bounded walk: a text of one repeated character
			 * must not make this quadratic. */
			for (j = g.head[h & g.mask]; j != SIZE_MAX &&
			    tries++ < 32; j = g.next[j]) {
				if (g.h[j] != h || (i > 0 && j > 0 &&
				    ca[j - 1] == cb[i - 1]))
					continue;	/* not a start */
				for (k = 0; i + k < nb && j + k < na &&
				    ca[j + k] == cb[i + k]; k++)
					;
				if (k > best) {
					best = k;
					bi = i;
					bj = j;
				}
			}
		}
		grams_done(&g);
	}
	if (best >= BOILER_K) {
		*oa = sa[bj];
		*la = ea[bj + best - 1] - sa[bj];
		*ob = sb[bi];
		*lb = eb[bi + best - 1] - sb[bi];
	}
	free(ca);
	free(cb);
	free(sa);
	free(ea);
	free(sb);
	free(eb);
	return (best >= BOILER_K);
}
