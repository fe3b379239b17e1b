/*
 * The template loader's typed readers over ytree; see tpl_parse.h.  Each
 * reports what is wrong with one value and returns, so that the loader
 * goes on with the next and collects every problem of the file.
 */
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "tpl_parse.h"
#include "vec.h"
#include "xmalloc.h"

void
tpl_parse_err(struct tpl_parse *P, const struct ytree *at, const char *msgid,
    int nargs, const char *a0, const char *a1)
{
	errlist_add(P->errs, P->path, at != NULL ? at->line : 0,
	    at != NULL ? at->col : 0, msgid, nargs, a0, a1);
}

void
tpl_parse_keys(struct tpl_parse *P, const struct ytree *map,
    const char *const *allowed)
{
	size_t	i;

	for (i = 0; (i = ytree_unknown_key(map, allowed, i)) < map->n; i++)
		tpl_parse_err(P, map->keys[i], "tpl.unknown_key", 1,
		    map->keys[i]->str, NULL);
}

bool
tpl_parse_expect(struct tpl_parse *P, const struct ytree *n,
    enum ytree_kind kind)
{
	static const char *const names[] = { "scalar", "list", "mapping" };

	if (n->kind == kind)
		return (true);
	tpl_parse_err(P, n, "tpl.type", 1, names[kind], NULL);
	return (false);
}

const struct ytree *
tpl_parse_child(struct tpl_parse *P, const struct ytree *map, const char *key,
    enum ytree_kind kind, bool required)
{
	const struct ytree *v = ytree_get(map, key);

	if (v == NULL) {
		if (required)
			tpl_parse_err(P, map, "tpl.missing_key", 1, key, NULL);
		return (NULL);
	}
	return (tpl_parse_expect(P, v, kind) ? v : NULL);
}

char *
tpl_parse_str(struct tpl_parse *P, const struct ytree *map, const char *key,
    bool required)
{
	const struct ytree *v = tpl_parse_child(P, map, key, YTREE_SCALAR,
	    required);

	return (v != NULL ? xstrdup(v->str) : NULL);
}

/* ASCII digits only, at most INT64_MAX. */
static bool
decimal(const char *s, int64_t *out)
{
	unsigned long long	v;

	if (!num_read_dec(&s, &v) || *s != '\0' || v > INT64_MAX)
		return (false);
	*out = (int64_t)v;
	return (true);
}

bool
tpl_parse_int(struct tpl_parse *P, const struct ytree *map, const char *key,
    bool required, int64_t *out)
{
	const struct ytree *v = tpl_parse_child(P, map, key, YTREE_SCALAR,
	    required);

	if (v == NULL)
		return (false);
	if (!decimal(v->str, out)) {
		tpl_parse_err(P, v, "tpl.not_int", 1, key, NULL);
		return (false);
	}
	return (true);
}

void
tpl_parse_label(struct tpl_parse *P, const struct ytree *map, const char *key,
    bool required, struct tpl_label *out)
{
	static const char *const langs[] = { "zh", "en", NULL };
	const struct ytree *v = tpl_parse_child(P, map, key, YTREE_MAP,
	    required);
	const struct ytree *s;
	int i;

	if (v == NULL)
		return;
	tpl_parse_keys(P, v, langs);
	for (i = 0; i < 2; i++) {
		s = ytree_get(v, langs[i]);
		if (s == NULL || s->kind != YTREE_SCALAR || s->len == 0) {
			tpl_parse_err(P, s != NULL ? s : v, "tpl.label_lang", 2,
			    key, langs[i]);
			continue;
		}
		out->s[i] = xstrdup(s->str);
	}
}

static bool
valid_id(const char *s)
{
	if (*s == '\0')
		return (false);
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_'))
			return (false);
	return (true);
}

char *
tpl_parse_id(struct tpl_parse *P, const struct ytree *map)
{
	const struct ytree *v = tpl_parse_child(P, map, "id", YTREE_SCALAR,
	    true);

	if (v == NULL)
		return (NULL);
	if (!valid_id(v->str)) {
		tpl_parse_err(P, v, "tpl.bad_id", 1, v->str, NULL);
		return (NULL);
	}
	return (xstrdup(v->str));
}

void
tpl_parse_add_unique(int **v, size_t *n, size_t *cap, int x)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if ((*v)[i] == x)
			return;
	*VEC_PUSH(*v, *n, *cap) = x;
}
