/*
 * The YAML reader and the scalar emitter.
 *
 * ytree_parse() works in two passes.  The first is our own scan of the raw
 * bytes (prescan): it refuses invalid UTF-8, NUL and the control
 * characters libyaml's reader would refuse, with the line and column of
 * the offending character, because libyaml's reader errors carry only a
 * byte offset.  The second pass pulls events from yaml_parser_parse() and
 * builds the tree as they come, so every limit is checked the moment it is
 * crossed and a hostile input costs no more than the prefix up to the
 * first error.
 *
 * The builder keeps a stack of open collections (at most YTREE_MAX_DEPTH
 * frames, which is the depth cap).  A node is attached to its parent as
 * soon as it is created, so on any error freeing the root frees everything.
 * A mapping stores each key in keys[n] and counts it at once, with
 * items[n-1] NULL until its value arrives (the frame's want_value says
 * which of the two the next node is); ytree_free() copes with that NULL.
 * Each open mapping also has a small open-addressing hash of its keys
 * (slots hold key index + 1) so that duplicate keys are found in linear
 * time even in a mapping of 100 000 keys.
 *
 * Positions follow libyaml: lines break at LF, CR, CRLF, NEL, LS and PS;
 * columns count characters, a tab is one; a BOM at the very start takes no
 * column.  Both are 1-based here.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "arena.h"
#include "fsio.h"
#include "sbuf.h"
#include "xmalloc.h"
#include "yfast.h"
#include "ytree.h"

#define ARG_MAX_BYTES	80	/* a key or tag quoted in a message */

struct frame {
	struct ytree	*node;
	bool		 want_value;	/* mapping: the next node is a value */
	size_t		*slots;		/* mapping: key index + 1, 0 = empty */
	size_t		 nslots;	/* a power of two */
};

struct builder {
	struct arena	*arena;
	const char	*path;
	struct err	*err;
	struct ytree	*root;
	struct frame	 stack[YTREE_MAX_DEPTH];
	int		 depth;
	size_t		 nodes;
	int		 docs;
};

/* A position while walking raw bytes. */
struct pos {
	int	line;
	int	col;
	bool	after_cr;
};

/*
 * Decodes one strictly valid UTF-8 character (no overlongs, surrogates or
 * values over U+10FFFF) at p, n > 0 bytes available.  Returns its length
 * and sets *cp, or returns 0 when the bytes are not valid UTF-8.
 */
static size_t
utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t		 len, i;
	uint32_t	 c = p[0], min;

	if (c < 0x80) {
		*cp = c;
		return (1);
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; c &= 0x07; min = 0x10000;
	} else
		return (0);
	if (n < len)
		return (0);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return (0);
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return (0);
	*cp = c;
	return (len);
}

static bool
is_break(uint32_t cp)
{
	return (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 ||
	    cp == 0x2029);
}

/* Moves p past the character cp (a CR LF pair is one line break). */
static void
pos_step(struct pos *p, uint32_t cp)
{
	if (cp == '\n' && p->after_cr) {
		p->after_cr = false;
		return;
	}
	p->after_cr = cp == '\r';
	if (is_break(cp)) {
		p->line++;
		p->col = 1;
	} else
		p->col++;
}

static void
pos_start(struct pos *p, const char *buf, size_t len, size_t *off)
{
	p->line = 1;
	p->col = 1;
	p->after_cr = false;
	*off = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* The position of byte offset target (invalid bytes count one each). */
static void
pos_at(const char *buf, size_t len, size_t target, struct pos *p)
{
	size_t		 off, w;
	uint32_t	 cp;

	pos_start(p, buf, len, &off);
	while (off < target && off < len) {
		w = utf8_decode((const unsigned char *)buf + off, len - off,
		    &cp);
		if (w == 0) {
			w = 1;
			cp = 0xFFFD;
		}
		pos_step(p, cp);
		off += w;
	}
}

/*
 * Characters libyaml's reader refuses although they are valid UTF-8:
 * controls other than tab and line breaks, DEL, C1 controls other than
 * NEL, and U+FFFE/U+FFFF.
 */
static bool
is_forbidden(uint32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x85)
		return (false);
	return (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE ||
	    cp == 0xFFFF);
}

/*
 * First pass: UTF-8, NUL and control characters.  Printable ASCII is
 * skipped a byte at a time; the line and column are only counted for a
 * refusal.
 */
static bool
prescan(const char *buf, size_t len, const char *path, struct err *err)
{
	const unsigned char	*u = (const unsigned char *)buf;
	struct pos		 p;
	size_t			 off, w;
	uint32_t		 cp = 0;
	const char		*msgid = NULL;
	char			 hex[16];

	pos_start(&p, buf, len, &off);
	while (off < len) {
		if (u[off] >= 0x20 && u[off] < 0x7F) {
			off++;
			continue;
		}
		if ((w = utf8_decode(u + off, len - off, &cp)) == 0)
			msgid = "yaml.utf8";
		else if (cp == 0)
			msgid = "yaml.nul";
		else if (is_forbidden(cp))
			msgid = "yaml.control";
		if (msgid != NULL)
			break;
		off += w;
	}
	if (msgid == NULL)
		return (true);
	pos_at(buf, len, off, &p);
	snprintf(hex, sizeof hex, "U+%04X", (unsigned)cp);
	err_set(err, path, p.line, p.col, msgid,
	    strcmp(msgid, "yaml.control") == 0 ? 1 : 0, hex);
	return (false);
}

/* Newly allocated s cut to at most ARG_MAX_BYTES on a character boundary. */
static char *
short_arg(const char *s, size_t len)
{
	size_t		 off = 0, w;
	uint32_t	 cp;

	if (len <= ARG_MAX_BYTES)
		return (xstrndup(s, len));
	for (;;) {
		w = utf8_decode((const unsigned char *)s + off, len - off, &cp);
		if (w == 0 || off + w > ARG_MAX_BYTES)
			break;
		off += w;
	}
	return (xasprintf("%.*s…", (int)off, s));
}

static int
mark_int(size_t v)
{
	return (v >= INT_MAX ? INT_MAX : (int)v + 1);
}

static bool
fail(struct builder *b, const yaml_mark_t *m, const char *msgid,
    const char *arg)
{
	err_set(b->err, b->path, mark_int(m->line), mark_int(m->column),
	    msgid, arg != NULL ? 1 : 0, arg);
	return (false);
}

/* Maps a libyaml error to yaml.syntax at its position. */
static void
syntax_error(struct builder *b, const yaml_parser_t *p, const char *buf,
    size_t len)
{
	const char	*problem = p->problem != NULL ? p->problem : "?";
	struct pos	 at;

	if (p->error == YAML_MEMORY_ERROR)
		fatal("out of memory");
	if (p->error == YAML_READER_ERROR) {
		/* Reader errors carry only a byte offset. */
		pos_at(buf, len, p->problem_offset, &at);
		err_set(b->err, b->path, at.line, at.col, "yaml.syntax", 1,
		    problem);
		return;
	}
	fail(b, &p->problem_mark, "yaml.syntax", problem);
}

static uint32_t
key_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return (h);
}

/* Puts key index i of map into f's hash; false if an equal key is there. */
static bool
slot_insert(struct frame *f, const struct ytree *map, size_t i)
{
	const struct ytree	*k = map->keys[i], *o;
	size_t			 mask = f->nslots - 1, j;

	for (j = key_hash(k->str, k->len) & mask; f->slots[j] != 0;
	    j = (j + 1) & mask) {
		o = map->keys[f->slots[j] - 1];
		if (o->len == k->len && memcmp(o->str, k->str, k->len) == 0)
			return (false);
	}
	f->slots[j] = i + 1;
	return (true);
}

/* Keeps the hash at most half full, rebuilding it when it grows. */
static void
slots_reserve(struct frame *f, const struct ytree *map, size_t nkeys)
{
	size_t	i;

	if (nkeys * 2 <= f->nslots)
		return;
	free(f->slots);
	f->nslots = f->nslots ? f->nslots * 2 : 16;
	f->slots = xcalloc(f->nslots, sizeof *f->slots);
	for (i = 0; i + 1 < nkeys; i++)
		slot_insert(f, map, i);
}

/* A copy of the n pointers of old in a new arena array of cap. */
static struct ytree **
grow(struct builder *b, struct ytree **old, size_t n, size_t cap)
{
	struct ytree	**v;

	if (cap > SIZE_MAX / sizeof *v)
		fatal("out of memory");
	v = arena_alloc(b->arena, cap * sizeof *v);
	if (n > 0)
		memcpy(v, old, n * sizeof *v);
	return (v);
}

static void
append(struct builder *b, struct ytree *parent, struct ytree *key,
    struct ytree *item)
{
	/* Grow at powers of two (the old array stays in the arena). */
	if ((parent->n & (parent->n - 1)) == 0) {
		size_t cap = parent->n ? parent->n * 2 : 1;

		if (parent->kind == YTREE_MAP)
			parent->keys = grow(b, parent->keys, parent->n, cap);
		parent->items = grow(b, parent->items, parent->n, cap);
	}
	if (parent->kind == YTREE_MAP)
		parent->keys[parent->n] = key;
	parent->items[parent->n++] = item;
}

/* Attaches n (created at m) to the open collection or as root; owns n. */
static bool
attach(struct builder *b, struct ytree *n, const yaml_mark_t *m)
{
	struct frame	*f;
	struct ytree	*map;
	char		*arg;

	if (b->depth == 0) {
		b->root = n;
		return (true);
	}
	f = &b->stack[b->depth - 1];
	map = f->node;
	if (map->kind == YTREE_SEQ) {
		append(b, map, NULL, n);
		return (true);
	}
	if (f->want_value) {
		map->items[map->n - 1] = n;
		f->want_value = false;
		return (true);
	}
	if (n->kind != YTREE_SCALAR)
		return (fail(b, m, "yaml.key_type", NULL));
	append(b, map, n, NULL);
	f->want_value = true;
	slots_reserve(f, map, map->n);
	if (!slot_insert(f, map, map->n - 1)) {
		arg = short_arg(n->str, n->len);
		fail(b, m, "yaml.dupkey", arg);
		free(arg);
		return (false);
	}
	return (true);
}

static struct ytree *
node_new(struct builder *b, enum ytree_kind kind, const yaml_mark_t *m)
{
	struct ytree	*n;

	if (b->nodes++ >= YTREE_MAX_NODES) {
		fail(b, m, "yaml.nodes", NULL);
		return (NULL);
	}
	n = arena_alloc(b->arena, sizeof *n);
	n->kind = kind;
	n->line = mark_int(m->line);
	n->col = mark_int(m->column);
	return (n);
}

/* Refuses the anchor and tag a node event may carry. */
static bool
check_props(struct builder *b, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	static const char	 std[] = "tag:yaml.org,2002:";
	const char		*t = (const char *)tag;
	char			*shown, *arg;

	if (anchor != NULL)
		return (fail(b, &ev->start_mark, "yaml.anchor", NULL));
	if (t == NULL)
		return (true);
	/* Show "!!str" as written rather than libyaml's expansion. */
	if (strncmp(t, std, sizeof std - 1) == 0)
		shown = xasprintf("!!%s", t + sizeof std - 1);
	else
		shown = xstrdup(t);
	arg = short_arg(shown, strlen(shown));
	fail(b, &ev->start_mark, "yaml.tag", arg);
	free(arg);
	free(shown);
	return (false);
}

/* A C0 control other than TAB, LF and CR, DEL or a C1 control in s[0..len)?
 * Names it as "U+XXXX" in shown. */
static bool
escaped_control(const unsigned char *s, size_t len, char shown[8])
{
	size_t		i;
	unsigned	c;

	for (i = 0; i < len; i++) {
		c = s[i];
		if (c == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0x9F)
			c = s[i + 1];
		else if ((c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' ||
		    c == '\r')
			continue;
		snprintf(shown, 8, "U+%04X", c);
		return (true);
	}
	return (false);
}

static bool
on_scalar(struct builder *b, const yaml_event_t *ev)
{
	const yaml_mark_t	*m = &ev->start_mark;
	size_t			 len = ev->data.scalar.length;
	struct ytree		*n;
	char			 shown[8];

	if (!check_props(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
		return (false);
	if (len > YTREE_MAX_SCALAR)
		return (fail(b, m, "yaml.scalar_size", NULL));
	/* "\0", "\x00" and "\u0000" escapes. */
	if (memchr(ev->data.scalar.value, '\0', len) != NULL)
		return (fail(b, m, "yaml.nul", NULL));
	/* Escapes of other controls ("\e", "\x1B", "\u009B"): a report's
	 * text ends up on a terminal, so none may get in this way either. */
	if (escaped_control(ev->data.scalar.value, len, shown))
		return (fail(b, m, "yaml.control", shown));
	if ((n = node_new(b, YTREE_SCALAR, m)) == NULL)
		return (false);
	n->str = arena_alloc(b->arena, len + 1);
	memcpy(n->str, ev->data.scalar.value, len);
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return (attach(b, n, m));
}

static bool
on_start(struct builder *b, const yaml_event_t *ev, enum ytree_kind kind,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	struct ytree	*n;
	struct frame	*f;

	if (!check_props(b, ev, anchor, tag))
		return (false);
	if (b->depth == YTREE_MAX_DEPTH)
		return (fail(b, &ev->start_mark, "yaml.depth", NULL));
	if ((n = node_new(b, kind, &ev->start_mark)) == NULL)
		return (false);
	if (!attach(b, n, &ev->start_mark))
		return (false);
	f = &b->stack[b->depth++];
	memset(f, 0, sizeof *f);
	f->node = n;
	return (true);
}

static void
on_end(struct builder *b)
{
	struct frame	*f = &b->stack[--b->depth];

	free(f->slots);
	f->slots = NULL;
}

static bool
on_event(struct builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (b->docs++ > 0)
			return (fail(b, &ev->start_mark, "yaml.multidoc",
			    NULL));
		return (true);
	case YAML_ALIAS_EVENT:
		return (fail(b, &ev->start_mark, "yaml.alias", NULL));
	case YAML_SCALAR_EVENT:
		return (on_scalar(b, ev));
	case YAML_SEQUENCE_START_EVENT:
		return (on_start(b, ev, YTREE_SEQ,
		    ev->data.sequence_start.anchor,
		    ev->data.sequence_start.tag));
	case YAML_MAPPING_START_EVENT:
		return (on_start(b, ev, YTREE_MAP,
		    ev->data.mapping_start.anchor,
		    ev->data.mapping_start.tag));
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(b);
		return (true);
	default:
		return (true);
	}
}

/* The whole input through libyaml's event API (after prescan). */
static struct ytree *
parse_events(const char *buf, size_t len, const char *path, struct err *err)
{
	struct builder	 b;
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	bool		 ok = true, end = false;
	yaml_mark_t	 first = { 0, 0, 0 };

	memset(&b, 0, sizeof b);
	b.arena = arena_new();
	b.path = path;
	b.err = err;
	if (!yaml_parser_initialize(&parser))
		fatal("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (ok && !end) {
		if (!yaml_parser_parse(&parser, &ev)) {
			syntax_error(&b, &parser, buf, len);
			ok = false;
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		ok = on_event(&b, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	while (b.depth > 0)
		on_end(&b);
	if (!ok) {
		arena_free(b.arena);
		return (NULL);
	}
	if (b.root == NULL)
		b.root = node_new(&b, YTREE_MAP, &first);
	b.root->arena = b.arena;
	return (b.root);
}

/* The checks before either path; false with *err set. */
static bool
parse_start(const char **buf, size_t len, const char *path, struct err *err)
{
	if (len > YTREE_MAX_FILE) {
		err_set(err, path, 0, 0, "yaml.file_size", 0);
		return (false);
	}
	if (len == 0)
		*buf = "";	/* libyaml asserts a non-NULL input */
	return (prescan(*buf, len, path, err));
}

struct ytree *
ytree_parse(const char *buf, size_t len, const char *path, struct err *err)
{
	struct ytree	*t;

	if (!parse_start(&buf, len, path, err))
		return (NULL);
	/* A file as nianbao writes it is read without libyaml (yfast.h). */
	if ((t = yfast_parse(buf, len)) != NULL)
		return (t);
	return (parse_events(buf, len, path, err));
}

struct ytree *
ytree_parse_libyaml(const char *buf, size_t len, const char *path,
    struct err *err)
{
	if (!parse_start(&buf, len, path, err))
		return (NULL);
	return (parse_events(buf, len, path, err));
}

struct ytree *
ytree_load(const char *path, struct err *err)
{
	char		*buf;
	size_t		 len = 0;
	struct ytree	*t;

	if ((buf = fsio_read_file(path, YTREE_MAX_FILE, &len, err)) == NULL) {
		/* Our own message for a file too big to be a report. */
		if (strcmp(err->msgid, "file.too_big") == 0)
			err_set(err, path, 0, 0, "yaml.file_size", 0);
		return (NULL);
	}
	t = ytree_parse(buf, len, path, err);
	free(buf);
	return (t);
}

void
ytree_free(struct ytree *t)
{
	/* Only a root owns anything: its arena. */
	if (t != NULL)
		arena_free(t->arena);
}

const struct ytree *
ytree_get(const struct ytree *map, const char *key)
{
	size_t	i, len;

	if (map == NULL || map->kind != YTREE_MAP)
		return (NULL);
	len = strlen(key);
	for (i = 0; i < map->n; i++)
		if (map->keys[i]->len == len &&
		    memcmp(map->keys[i]->str, key, len) == 0)
			return (map->items[i]);
	return (NULL);
}

size_t
ytree_unknown_key(const struct ytree *map, const char *const *allowed,
    size_t from)
{
	size_t	i;
	int	j;

	if (map->kind != YTREE_MAP)
		return (map->n);
	for (i = from; i < map->n; i++) {
		for (j = 0; allowed[j] != NULL; j++)
			if (strcmp(map->keys[i]->str, allowed[j]) == 0)
				break;
		if (allowed[j] == NULL)
			return (i);
	}
	return (map->n);
}

/*
 * Emitting.  Inside a one-line double-quoted scalar only '"', '\\' and the
 * characters YAML cannot carry literally need escapes; we also escape the
 * invisible ones (no-break space, zero-width and bidi controls, BOM) so a
 * person editing the file by hand sees them.
 */
static bool
needs_escape(uint32_t cp)
{
	return (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD ||
	    cp == 0x061C || cp == 0x180E || cp == 0x200B ||
	    cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
	    cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	    cp == 0xFFFE || cp == 0xFFFF);
}

static void
emit_escape(struct sbuf *out, uint32_t cp)
{
	switch (cp) {
	case '"':
		sbuf_adds(out, "\\\"");
		break;
	case '\\':
		sbuf_adds(out, "\\\\");
		break;
	case '\n':
		sbuf_adds(out, "\\n");
		break;
	case '\t':
		sbuf_adds(out, "\\t");
		break;
	case '\r':
		sbuf_adds(out, "\\r");
		break;
	default:
		if (cp < 0x80)
			sbuf_addf(out, "\\x%02X", (unsigned)cp);
		else
			sbuf_addf(out, "\\u%04X", (unsigned)cp);
		break;
	}
}

void
ytree_emit_str(struct sbuf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), w;
	uint32_t		 cp;

	sbuf_addc(out, '"');
	while (n > 0) {
		w = utf8_decode(p, n, &cp);
		if (w == 0) {
			/* Broken caller data: keep the output valid YAML. */
			sbuf_adds(out, "\\uFFFD");
			w = 1;
		} else if (cp == '"' || cp == '\\' || needs_escape(cp))
			emit_escape(out, cp);
		else
			sbuf_add(out, (const char *)p, w);
		p += w;
		n -= w;
	}
	sbuf_addc(out, '"');
}

/* Spaces YAML does not fold but a reader would not see at either end. */
static bool
is_space_like(uint32_t cp)
{
	return (cp == ' ' || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000);
}

/* Words that YAML 1.1 or 1.2 resolve to null or a boolean. */
static bool
is_special_word(const char *s)
{
	static const char *const words[] = {
		"~", "null", "true", "false", "yes", "no", "on", "off", "y",
		"n", NULL
	};
	int	i;

	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(s, words[i]) == 0)
			return (true);
	return (false);
}

/* Whether s reads back byte for byte as a one-line plain scalar. */
static bool
plain_ok(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), w;
	uint32_t		 cp, last = 0;

	if (n == 0 || is_special_word(s) || strncmp(s, "...", 3) == 0)
		return (false);
	/* A leading "-" or "." is fine only as in -5 or .5. */
	if ((s[0] == '-' || s[0] == '.') && !(s[1] >= '0' && s[1] <= '9'))
		return (false);
	for (; n > 0; p += w, n -= w) {
		if ((w = utf8_decode(p, n, &cp)) == 0 || needs_escape(cp))
			return (false);
		if (cp < 0x80 && strchr(" _-./+()=;^$<~", (int)cp) == NULL &&
		    !(cp >= '0' && cp <= '9') && !(cp >= 'a' && cp <= 'z') &&
		    !(cp >= 'A' && cp <= 'Z'))
			return (false);
		if (p == (const unsigned char *)s && is_space_like(cp))
			return (false);
		last = cp;
	}
	return (!is_space_like(last));
}

void
ytree_emit_scalar(struct sbuf *out, const char *s)
{
	if (plain_ok(s))
		sbuf_adds(out, s);
	else
		ytree_emit_str(out, s);
}
