/*
 * Organ names as keys; see organ.h.  A name is first turned into an array
 * of code points (struct cps) by labelnorm_key and the punctuation and
 * "人民政府" steps; places are then read off its start by place_at(),
 * which is also what organ_text_places() runs at every level character of
 * a text.  The alias table is an array sorted by key, searched with
 * bsearch.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "labelnorm.h"
#include "organ.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"
#include "ytree.h"

struct cps {
	UChar32	*c;
	size_t	 n;
	size_t	 cap;
};

struct alias {
	char	*name;		/* as written */
	char	*key;
	char	*canonical;	/* as written */
	char	*target;	/* its key */
	int	 line;
	int	 col;
};

struct organ_aliases {
	struct alias	*v;
	size_t		 n;
};

/* A level character followed by one of these is a word, not a place's
 * end: 市场 市政 市民 市容 区域 县域 乡村 乡镇 镇村 镇街, and X级. */
static const char *const next_words[] = {
	"市场", "市政", "市民", "市容", "区域", "县域", "乡村", "乡镇",
	"镇村", "镇街", "市级", "区级", "县级", "镇级", "乡级", "省级",
	"州级", NULL
};
/* ... and one preceded by one of these.  Not 城镇, 集镇, 城区, 山区:
 * 新城镇, 马集镇, 东城区 and 金山区 are places. */
static const char *const prev_words[] = {
	"城乡", "社区", "小区", "园区", "景区", "街区", "市区", "郊区",
	"城市", "都市", "超市", "村镇", "乡镇", "片区", "辖区", "专区",
	"老区", "灾区", "牧区", "垦区", NULL
};
/* A place never starts with one of these. */
static const UChar32 stop_first[] = {
	0x5168 /* 全 */, 0x672c /* 本 */, 0x6211 /* 我 */, 0x8be5 /* 该 */,
	0x5404 /* 各 */, 0x6b64 /* 此 */, 0x6bcf /* 每 */, 0x5176 /* 其 */,
	0x4e24 /* 两 */, 0x5e02 /* 市 */, 0x533a /* 区 */, 0x53bf /* 县 */,
	0x9547 /* 镇 */, 0x4e61 /* 乡 */, 0x7701 /* 省 */, 0
};

static void
cps_push(struct cps *p, UChar32 c)
{
	*VEC_PUSH(p->c, p->n, p->cap) = c;
}

/* The code points of a UTF-8 string (invalid bytes dropped). */
static void
cps_from(struct cps *p, const char *s, size_t len)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c >= 0)
			cps_push(p, c);
	}
}

static bool
is_han(UChar32 c)
{
	UErrorCode	st = U_ZERO_ERROR;

	return (uscript_getScript(c, &st) == USCRIPT_HAN && U_SUCCESS(st));
}

static bool
in_list(UChar32 a, UChar32 b, const char *const *words)
{
	int32_t	i, n;
	UChar32	x, y;

	for (; *words != NULL; words++) {
		i = 0;
		n = (int32_t)strlen(*words);
		U8_NEXT(*words, i, n, x);
		U8_NEXT(*words, i, n, y);
		if (x == a && y == b)
			return (true);
	}
	return (false);
}

/* Length of the level at c[q] (1, or 2 for 街道), or 0. */
static size_t
level_at(const UChar32 *c, size_t n, size_t q)
{
	static const UChar32 one[] = { 0x7701 /* 省 */, 0x5e02 /* 市 */,
	    0x5dde /* 州 */, 0x76df /* 盟 */, 0x53bf /* 县 */,
	    0x533a /* 区 */, 0x65d7 /* 旗 */, 0x9547 /* 镇 */,
	    0x4e61 /* 乡 */, 0 };
	size_t	i;

	if (q + 1 < n && c[q] == 0x8857 /* 街 */ && c[q + 1] == 0x9053)
		return (2);
	for (i = 0; one[i] != 0; i++)
		if (c[q] == one[i])
			return (1);
	return (0);
}

/* Whether the level at c[q] (lv long) ends a place here. */
static bool
level_ends_place(const UChar32 *c, size_t n, size_t q, size_t lv)
{
	if (q > 0 && in_list(c[q - 1], c[q], prev_words))
		return (false);
	if (q + lv < n && in_list(c[q + lv - 1], c[q + lv], next_words))
		return (false);
	return (true);
}

static bool
stops(UChar32 c)
{
	size_t	i;

	for (i = 0; stop_first[i] != 0; i++)
		if (c == stop_first[i])
			return (true);
	return (false);
}

/* The place starting at c[p]: its end, or 0 when there is none. */
static size_t
place_at(const UChar32 *c, size_t n, size_t p)
{
	size_t	L, q, lv;

	if (p >= n || stops(c[p]))
		return (0);
	for (L = 1; L <= ORGAN_MAX_PLACE && p + L < n; L++) {
		q = p + L;
		if (!is_han(c[q - 1]))
			return (0);
		if ((lv = level_at(c, n, q)) > 0 &&
		    level_ends_place(c, n, q, lv))
			return (q + lv);
	}
	return (0);
}

static char *
cps_utf8(const UChar32 *c, size_t n)
{
	struct sbuf	b;
	char		u[4];
	size_t		i;
	int32_t		k;
	UBool		bad = false;

	sbuf_init(&b);
	for (i = 0; i < n; i++) {
		k = 0;
		U8_APPEND(u, k, 4, c[i], bad);
		(void)bad;
		sbuf_add(&b, u, (size_t)k);
	}
	return (sbuf_take(&b));
}

/* Steps 1 and 2 of the key. */
static void
normalise(const char *name, struct cps *out)
{
	char		*k = labelnorm_key(name);
	struct cps	 all = { 0 };
	size_t		 i;
	static const UChar32 renmin[] = { 0x4eba, 0x6c11, 0x653f, 0x5e9c };

	cps_from(&all, k, strlen(k));
	free(k);
	for (i = 0; i < all.n; i++) {
		if (u_ispunct(all.c[i]) || u_isUWhiteSpace(all.c[i]))
			continue;
		if (i + 4 <= all.n && memcmp(&all.c[i], renmin,
		    sizeof renmin) == 0) {
			i++;	/* 人民政府 -> 政府: skip 人民 */
			continue;
		}
		cps_push(out, all.c[i]);
	}
	free(all.c);
}

void
organ_parse(const char *name, struct organ_name *out)
{
	struct cps	 c = { 0 };
	size_t		 start[ORGAN_MAX_PLACES + 1], end[ORGAN_MAX_PLACES + 1];
	size_t		 nt = 0, p = 0, e, i;
	char		*k;

	memset(out, 0, sizeof *out);
	normalise(name, &c);
	while (nt <= ORGAN_MAX_PLACES && (e = place_at(c.c, c.n, p)) > 0) {
		start[nt] = p;
		end[nt++] = e;
		p = e;
	}
	if (nt == 0)
		out->key = cps_utf8(c.c, c.n);
	else {
		for (i = 0; i + 1 < nt && i < ORGAN_MAX_PLACES; i++)
			out->outer[out->nouter++] = cps_utf8(&c.c[start[i]],
			    end[i] - start[i]);
		out->place = cps_utf8(&c.c[start[nt - 1]],
		    end[nt - 1] - start[nt - 1]);
		k = cps_utf8(&c.c[start[nt - 1]], c.n - start[nt - 1]);
		if (p == c.n) {		/* a bare place: its government */
			out->key = xasprintf("%s政府", k);
			free(k);
		} else
			out->key = k;
	}
	free(c.c);
}

void
organ_name_done(struct organ_name *o)
{
	size_t	i;

	free(o->key);
	free(o->place);
	for (i = 0; i < o->nouter; i++)
		free(o->outer[i]);
	memset(o, 0, sizeof *o);
}

char *
organ_key(const char *name)
{
	struct organ_name	 o;
	char			*k;

	organ_parse(name, &o);
	k = o.key;
	o.key = NULL;
	organ_name_done(&o);
	return (k);
}

/* Text as code points for the place scan: full-width forms folded, white
 * space dropped (pdftotext puts spaces inside names). */
static void
text_cps(const char *s, struct cps *out)
{
	int32_t	i = 0, n = (int32_t)strlen(s);
	UChar32	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0 || u_isUWhiteSpace(c))
			continue;
		if (c >= 0xff01 && c <= 0xff5e)
			c -= 0xfee0;
		cps_push(out, c);
	}
}

void
organ_text_places(const char *s, void (*fn)(const char *, size_t, void *),
    void *arg)
{
	struct cps	 c = { 0 };
	size_t		 q, L, lv, p, i;
	char		 u[(ORGAN_MAX_PLACE + 2) * 4];
	int32_t		 k;
	UBool		 bad = false;

	text_cps(s, &c);
	for (q = 1; q < c.n; q++) {
		if ((lv = level_at(c.c, c.n, q)) == 0 ||
		    !level_ends_place(c.c, c.n, q, lv))
			continue;
		for (L = 1; L <= ORGAN_MAX_PLACE && L <= q; L++) {
			p = q - L;
			if (!is_han(c.c[p]))
				break;
			if (stops(c.c[p]))
				continue;
			/* No allocation: this runs at every level character
			 * of every report of a county. */
			for (i = p, k = 0; i < q + lv; i++)
				U8_APPEND(u, k, (int32_t)sizeof u, c.c[i], bad);
			(void)bad;
			fn(u, (size_t)k, arg);
		}
	}
	free(c.c);
}

static int
cmp_alias(const void *a, const void *b)
{
	return (strcmp(((const struct alias *)a)->key,
	    ((const struct alias *)b)->key));
}

void
organ_aliases_free(struct organ_aliases *a)
{
	size_t	i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].key);
		free(a->v[i].canonical);
		free(a->v[i].target);
	}
	free(a->v);
	free(a);
}

size_t
organ_aliases_count(const struct organ_aliases *a)
{
	return (a != NULL ? a->n : 0);
}

/* Sorts and refuses two names of one key that go to different organs. */
static bool
aliases_finish(struct organ_aliases *a, const char *path, struct err *err)
{
	size_t	i;

	if (a->n > 0)
		qsort(a->v, a->n, sizeof *a->v, cmp_alias);
	for (i = 1; i < a->n; i++) {
		struct alias *x = &a->v[i - 1], *y = &a->v[i];
		if (strcmp(x->key, y->key) == 0 &&
		    strcmp(x->target, y->target) != 0) {
			err_set(err, path, y->line, y->col, "organs.conflict",
			    2, y->name, x->name);
			return (false);
		}
	}
	return (true);
}

static bool
aliases_fill(struct organ_aliases *a, const struct ytree *root,
    const char *path, struct err *err)
{
	size_t	i, cap = 0;

	if (root->kind != YTREE_MAP) {
		err_set(err, path, root->line, root->col, "organs.not_map", 0);
		return (false);
	}
	for (i = 0; i < root->n; i++) {
		const struct ytree *k = root->keys[i], *v = root->items[i];
		struct alias *al;
		if (v->kind != YTREE_SCALAR || *k->str == '\0' ||
		    *v->str == '\0') {
			err_set(err, path, v->line, v->col, "organs.not_name",
			    1, k->str);
			return (false);
		}
		al = VEC_PUSH(a->v, a->n, cap);
		al->name = xstrdup(k->str);
		al->key = organ_key(k->str);
		al->canonical = xstrdup(v->str);
		al->target = organ_key(v->str);
		al->line = k->line;
		al->col = k->col;
	}
	return (aliases_finish(a, path, err));
}

/* The aliases of a parsed file; root is freed. */
static struct organ_aliases *
aliases_from(struct ytree *root, const char *path, struct err *err)
{
	struct organ_aliases	*a;

	if (root == NULL)
		return (NULL);
	a = xcalloc(1, sizeof *a);
	if (!aliases_fill(a, root, path, err)) {
		organ_aliases_free(a);
		a = NULL;
	}
	ytree_free(root);
	return (a);
}

struct organ_aliases *
organ_aliases_parse(const char *buf, size_t len, const char *path,
    struct err *err)
{
	if (len > ORGAN_ALIASES_MAX) {
		err_set(err, path, 0, 0, "organs.too_big", 0);
		return (NULL);
	}
	return (aliases_from(ytree_parse(buf, len, path, err), path, err));
}

struct organ_aliases *
organ_aliases_load(const char *path, struct err *err)
{
	return (aliases_from(ytree_load(path, err), path, err));
}

char *
organ_resolve(const struct organ_aliases *a, const char *name,
    const char **canonical)
{
	struct alias	 q, *hit = NULL;
	char		*k = organ_key(name);

	if (canonical != NULL)
		*canonical = NULL;
	if (a != NULL && a->n > 0) {
		q.key = k;
		hit = bsearch(&q, a->v, a->n, sizeof *a->v, cmp_alias);
	}
	if (hit == NULL)
		return (k);
	free(k);
	if (canonical != NULL)
		*canonical = hit->canonical;
	return (xstrdup(hit->target));
}
