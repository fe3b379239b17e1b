/*
 * The YAML reader's fast path: the one shape store_dump() writes, read
 * without libyaml; see yfast.h.
 *
 * The accepted shape, line by line (every line ends with LF):
 *
 *	KEY: VALUE		a top-level key and scalar
 *	KEY:			a top-level key whose value is a mapping ...
 *	  KEY: VALUE		... of the lines indented by two spaces after it
 *
 * KEY is [A-Za-z0-9_][A-Za-z0-9_.-]* (at most KEY_MAX bytes); VALUE is
 * either a plain [A-Za-z0-9_~][A-Za-z0-9_.+~-]* or a double-quoted
 * string with only \" \\ \n \t \r as escapes and no tab, line break
 * (LF, CR, NEL, U+2028, U+2029) or BOM inside.  Anything else (a
 * comment, a blank line, a list, a flow collection, another escape, a
 * duplicate key, a tree over the node or scalar limits) makes the fast
 * path give up, and libyaml reads the whole input: every refusal and
 * its position come from there, as before.  Within that shape YAML has
 * one reading, which is the one built here, with the positions libyaml
 * gives (a key at its first character, a mapping at its first key, a
 * value at its first character or its quote).
 *
 * Each mapping is sized once: a top-level mapping's lines are counted
 * before they are read; the whole tree, and the key hash with it, comes
 * from one arena block sized from the line count.  Duplicate keys are found in one hash of the
 * whole document, keyed by mapping and key, sized from its line count.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"
#include "yfast.h"

#define KEY_MAX	128	/* well under libyaml's 1024 for a simple key */

struct dupkey {
	const struct ytree	*map;
	const struct ytree	*key;
};

struct fast {
	struct arena	*arena;
	const char	*p;		/* the start of the current line */
	const char	*end;
	int		 line;		/* of p, 1-based */
	size_t		 nodes;
	struct dupkey	*slots;
	size_t		 mask;
};

static bool
key_char(unsigned char c, bool first)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_')
		return (true);
	return (!first && (c == '.' || c == '-'));
}

static bool
plain_char(unsigned char c, bool first)
{
	if (key_char(c, true) || c == '~')
		return (true);
	return (!first && (c == '.' || c == '+' || c == '-'));
}

static struct ytree *
node(struct fast *f, enum ytree_kind kind, int line, int col)
{
	struct ytree	*n;

	if (f->nodes++ >= YTREE_MAX_NODES)
		return (NULL);
	n = arena_alloc(f->arena, sizeof *n);
	n->kind = kind;
	n->line = line;
	n->col = col;
	return (n);
}

static struct ytree *
scalar(struct fast *f, const char *s, size_t len, int col, bool plain)
{
	struct ytree	*n;

	if ((n = node(f, YTREE_SCALAR, f->line, col)) == NULL)
		return (NULL);
	n->str = arena_alloc(f->arena, len + 1);
	memcpy(n->str, s, len);
	n->len = len;
	n->plain = plain;
	return (n);
}

/* A line break or BOM other than LF starting at u (the bytes libyaml
 * would read as NEL, U+2028, U+2029, U+FEFF)? */
static bool
odd_char(const unsigned char *u, const unsigned char *end)
{
	if (u[0] == 0xC2)
		return (u + 1 < end && u[1] == 0x85);
	if (u[0] == 0xE2)
		return (u + 2 < end && u[1] == 0x80 &&
		    (u[2] == 0xA8 || u[2] == 0xA9));
	return (u[0] == 0xEF && u + 2 < end && u[1] == 0xBB && u[2] == 0xBF);
}

/* The closing quote of a double-quoted value starting after q, or NULL
 * outside the accepted shape; *esc counts its escapes. */
static const char *
quoted_end(const char *q, const char *end, size_t *esc)
{
	const unsigned char	*u = (const unsigned char *)q;
	const unsigned char	*e = (const unsigned char *)end;

	for (*esc = 0; u < e; u++) {
		if (*u == '"')
			return ((const char *)u);
		if (*u == '\\') {
			if (u + 1 >= e || strchr("\"\\ntr", u[1]) == NULL ||
			    u[1] == '\0')
				return (NULL);
			u++;
			(*esc)++;
		} else if (*u < 0x20 || *u == 0x7F ||
		    (*u >= 0xC2 && odd_char(u, e)))
			return (NULL);
	}
	return (NULL);
}

/* The double-quoted value at q (its quote) up to the line's end. */
static struct ytree *
quoted(struct fast *f, const char *q, int col, const char **next)
{
	const char	*close, *s;
	char		*d;
	size_t		 esc;
	struct ytree	*n;

	if ((close = quoted_end(q + 1, f->end, &esc)) == NULL ||
	    close + 1 >= f->end || close[1] != '\n' ||
	    (size_t)(close - q - 1) - esc > YTREE_MAX_SCALAR)
		return (NULL);
	if ((n = scalar(f, q + 1, (size_t)(close - q - 1) - esc, col,
	    false)) == NULL)
		return (NULL);
	*next = close + 2;
	if (esc == 0)
		return (n);
	for (s = q + 1, d = n->str; s < close; s++) {
		if (*s != '\\') {
			*d++ = *s;
			continue;
		}
		switch (*++s) {
		case 'n':
			*d++ = '\n';
			break;
		case 't':
			*d++ = '\t';
			break;
		case 'r':
			*d++ = '\r';
			break;
		default:	/* '"' or '\\' */
			*d++ = *s;
			break;
		}
	}
	return (n);
}

/* A plain value at s up to the line's end. */
static struct ytree *
plain(struct fast *f, const char *s, int col, const char **next)
{
	const char	*e = s;

	if (e >= f->end || !plain_char((unsigned char)*e, true))
		return (NULL);
	while (e < f->end && plain_char((unsigned char)*e, false))
		e++;
	if (e >= f->end || *e != '\n' || (size_t)(e - s) > YTREE_MAX_SCALAR)
		return (NULL);
	*next = e + 1;
	return (scalar(f, s, (size_t)(e - s), col, true));
}

/* Records key in map; false if map has an equal key. */
static bool
dup_free(struct fast *f, const struct ytree *map, const struct ytree *key)
{
	uint32_t		 h = 2166136261u;
	size_t			 i, j;
	const struct ytree	*o;

	for (i = 0; i < key->len; i++)
		h = (h ^ (unsigned char)key->str[i]) * 16777619u;
	h ^= (uint32_t)((uintptr_t)map >> 4) * 2654435761u;
	for (j = h & f->mask; f->slots[j].key != NULL; j = (j + 1) & f->mask) {
		o = f->slots[j].key;
		if (f->slots[j].map == map && o->len == key->len &&
		    memcmp(o->str, key->str, key->len) == 0)
			return (false);
	}
	f->slots[j].map = map;
	f->slots[j].key = key;
	return (true);
}

/*
 * The key at f->p after indent spaces, into map's slot i; *open is set
 * when the line is "KEY:" alone (a mapping follows), else the value is
 * read too.  f->p moves to the next line.
 */
static bool
entry(struct fast *f, struct ytree *map, size_t i, int indent, bool *open)
{
	const char	*k = f->p + indent, *e = k, *next;
	int		 col;

	while (e < f->end && e - k <= KEY_MAX &&
	    key_char((unsigned char)*e, e == k))
		e++;
	if (e == k || e - k > KEY_MAX || e + 1 >= f->end || *e != ':' ||
	    (map->keys[i] = scalar(f, k, (size_t)(e - k), indent + 1,
	    true)) == NULL || !dup_free(f, map, map->keys[i]))
		return (false);
	*open = e[1] == '\n';
	if (*open) {
		f->p = e + 2;
		f->line++;
		return (true);
	}
	if (e[1] != ' ' || e + 2 >= f->end)
		return (false);
	col = indent + (int)(e - k) + 3;
	map->items[i] = e[2] == '"' ? quoted(f, e + 2, col, &next) :
	    plain(f, e + 2, col, &next);
	if (map->items[i] == NULL)
		return (false);
	f->p = next;
	f->line++;
	return (true);
}

/* Lines from p that start with two spaces. */
static size_t
count_nested(const char *p, const char *end)
{
	size_t		 n = 0;
	const char	*nl;

	while (end - p > 2 && p[0] == ' ' && p[1] == ' ' &&
	    (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p = nl + 1;
	}
	return (n);
}

/* Lines from p up to the first one indented (top-level entries). */
static size_t
count_top(const char *p, const char *end)
{
	size_t		 n = 0;
	const char	*nl;

	for (; p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL;
	    p = nl + 1)
		n += *p != ' ';
	return (n);
}

static void
map_init(struct fast *f, struct ytree *map, size_t n)
{
	map->keys = arena_alloc(f->arena, n * sizeof *map->keys);
	map->items = arena_alloc(f->arena, n * sizeof *map->items);
}

/* The mapping of the two-space lines at f->p, the value of a top key. */
static struct ytree *
nested(struct fast *f)
{
	size_t		 n = count_nested(f->p, f->end), i;
	struct ytree	*map;
	bool		 open;

	if (n == 0 || (map = node(f, YTREE_MAP, f->line, 3)) == NULL)
		return (NULL);
	map_init(f, map, n);
	for (i = 0; i < n; i++) {
		if (f->p[2] == ' ' || !entry(f, map, i, 2, &open) || open)
			return (NULL);
		map->n++;
	}
	return (map);
}

static struct ytree *
document(struct fast *f)
{
	size_t		 n = count_top(f->p, f->end), i;
	struct ytree	*root;
	bool		 open;

	if (n == 0 || (root = node(f, YTREE_MAP, 1, 1)) == NULL)
		return (NULL);
	map_init(f, root, n);
	for (i = 0; i < n; i++) {
		if (f->p >= f->end || *f->p == ' ' ||
		    !entry(f, root, i, 0, &open))
			return (NULL);
		root->n++;
		if (open && (root->items[i] = nested(f)) == NULL)
			return (NULL);
		/* A scalar's next line is not indented (no continuation). */
		if (!open && f->p < f->end && *f->p == ' ')
			return (NULL);
	}
	return (f->p == f->end ? root : NULL);
}

struct ytree *
yfast_parse(const char *buf, size_t len)
{
	struct fast	 f;
	struct ytree	*root;
	size_t		 lines = 0, size = 16;
	const char	*p;

	if (len == 0 || buf[len - 1] != '\n')
		return (NULL);
	for (p = buf; (p = memchr(p, '\n', len - (size_t)(p - buf))) != NULL;
	    p++)
		lines++;
	while (size < lines * 2 + 2)
		size *= 2;
	memset(&f, 0, sizeof f);
	/* Room for all of it: per line two nodes, their strings' padding
	 * and two array slots; the strings themselves are at most len. */
	f.arena = arena_new_sized(len + size * sizeof *f.slots + (lines + 2) *
	    (2 * (sizeof (struct ytree) + 2 * sizeof(max_align_t)) +
	    2 * sizeof (struct ytree *)));
	f.p = buf;
	f.end = buf + len;
	f.line = 1;
	f.slots = arena_alloc(f.arena, size * sizeof *f.slots);
	f.mask = size - 1;
	root = document(&f);
	if (root == NULL) {
		arena_free(f.arena);
		return (NULL);
	}
	root->arena = f.arena;
	return (root);
}

bool
yfast_same(const struct ytree *a, const struct ytree *b)
{
	size_t	i;

	if (a->kind != b->kind || a->line != b->line || a->col != b->col ||
	    a->n != b->n)
		return (false);
	if (a->kind == YTREE_SCALAR)
		return (a->len == b->len && a->plain == b->plain &&
		    memcmp(a->str, b->str, a->len) == 0 &&
		    a->str[a->len] == '\0' && b->str[b->len] == '\0');
	for (i = 0; i < a->n; i++)
		if ((a->kind == YTREE_MAP && !yfast_same(a->keys[i],
		    b->keys[i])) || !yfast_same(a->items[i], b->items[i]))
			return (false);
	return (true);
}
