/*
 * A safe, small YAML reader: libyaml's event API turned into a tree of
 * nodes that remember their line and column.
 *
 * Debian's libyaml 0.2.5 has no nesting limit (quadratic time), loads
 * "&a [*a]" as a node containing itself and accepts duplicate keys.  This
 * reader therefore refuses, each with an error at the offending line and
 * column: nesting deeper than YTREE_MAX_DEPTH, any anchor or alias, any
 * explicit tag other than the standard !!str/!!int/!!null forms (refuse all
 * tags is fine), duplicate keys in a mapping, a scalar over
 * YTREE_MAX_SCALAR bytes, input over YTREE_MAX_FILE bytes, more than
 * YTREE_MAX_NODES nodes, invalid UTF-8, NUL bytes (also as "\0" escapes),
 * control characters, more than one document.  An empty input (or only
 * comments) is an empty mapping.  It never crashes, hangs or exhausts
 * memory on any input.
 *
 * Lines and columns are 1-based, counted in lines and characters as an
 * editor shows them (libyaml's marks are 0-based); a tab is one column and,
 * as in libyaml, NEL, U+2028 and U+2029 also end a line.
 */
#ifndef NB_YTREE_H
#define NB_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

#define YTREE_MAX_DEPTH		64
#define YTREE_MAX_SCALAR	(1024 * 1024)
#define YTREE_MAX_FILE		(16 * 1024 * 1024)
#define YTREE_MAX_NODES		(1 << 18)	/* keeps a 16 MiB file's tree small */

enum ytree_kind { YTREE_SCALAR, YTREE_SEQ, YTREE_MAP };

struct ytree {
	enum ytree_kind	 kind;
	int		 line;
	int		 col;
	/* YTREE_SCALAR: the value, NUL-terminated, exactly as YAML gives it. */
	char		*str;
	size_t		 len;		/* bytes in str */
	bool		 plain;		/* plain (unquoted) scalar */
	/*
	 * YTREE_SEQ: items[0..n).  YTREE_MAP: keys[0..n) (always scalars,
	 * a non-scalar key is an error) and items[0..n) the values, in file
	 * order.
	 */
	size_t		 n;
	struct ytree	**keys;
	struct ytree	**items;
	/* The root only: the memory of the whole tree (ytree_free). */
	struct arena	*arena;
};

/*
 * Parses len bytes of buf.  path is used only in error messages.  Returns
 * the root (caller frees with ytree_free) or NULL with *err set to
 * "path:line:col" and one of the msgids:
 *   yaml.syntax {0}=libyaml's problem text   yaml.depth   yaml.anchor
 *   yaml.alias   yaml.tag {0}=tag ("!!x" for tag:yaml.org,2002:x)
 *   yaml.dupkey {0}=key (both cut to 80 bytes)   yaml.scalar_size
 *   yaml.file_size   yaml.utf8   yaml.nul   yaml.multidoc   yaml.key_type
 *   yaml.nodes   yaml.control {0}=code point as "U+001B"
 * (yaml.file_size and the file.* errors have line and col 0.)
 */
struct ytree	*ytree_parse(const char *buf, size_t len, const char *path,
		    struct err *err);

/*
 * ytree_parse without its fast path (yfast.h): libyaml reads every input.
 * For tests, which compare the two.
 */
struct ytree	*ytree_parse_libyaml(const char *buf, size_t len,
		    const char *path, struct err *err);

/*
 * Reads the file at path with fsio_read_file (which refuses directories,
 * FIFOs, devices and files over YTREE_MAX_FILE before reading them) and
 * parses it.  Extra msgids: file.open {0}=strerror, file.not_regular,
 * file.read {0}=strerror.
 */
struct ytree	*ytree_load(const char *path, struct err *err);

/* Frees a tree given its root (other nodes are freed with their root). */
void		 ytree_free(struct ytree *);

/* The value for key in a mapping, or NULL. */
const struct ytree *ytree_get(const struct ytree *map, const char *key);

/*
 * The one check of a mapping's keys: the index of the first key at or
 * after from that is not in allowed (a NULL-terminated list), or map->n
 * when every one is allowed (also when map is not a mapping; map is not
 * NULL).  A loader
 * reports each unknown key at its own line and column:
 *	for (i = 0; (i = ytree_unknown_key(map, allowed, i)) < map->n; i++)
 *		... map->keys[i] ...
 */
size_t		 ytree_unknown_key(const struct ytree *map,
		    const char *const *allowed, size_t from);

/*
 * Emitting: YAML text in block style, written by our own code (not
 * libyaml's emitter): keys in the order given, each scalar on one line so
 * that it round-trips through ytree_parse byte for byte, including
 * full-width spaces and trailing newlines.  s must be valid UTF-8 (a
 * broken byte is written as \uFFFD so the output stays valid YAML).
 *
 * ytree_emit_str always writes a double-quoted scalar: \\ \" \n \t \r,
 * \xHH for other ASCII controls, \uHHHH for C1 controls, U+00A0, U+2028,
 * U+2029, U+FEFF, zero-width and bidi controls; every other character
 * (CJK, U+3000, emoji, combining marks) as it is.  Use it for free text,
 * where "010" or "yes" must stay strings for any YAML reader.
 *
 * ytree_emit_scalar writes s plain when that is safe and readable (letters,
 * digits, CJK, _-./+()=;^$<~ and inner spaces; numbers stay plain) and as
 * ytree_emit_str otherwise: empty, any of : # ' " { } [ ] , & * ! | > % @ `
 * \ ?, leading/trailing space or U+3000, a null/bool word (~ null yes no on
 * off true false y n, any case), a leading "-" or "." not before a digit,
 * anything escaped above.
 */
struct sbuf;
void	 ytree_emit_str(struct sbuf *out, const char *s);	/* always quoted */
void	 ytree_emit_scalar(struct sbuf *out, const char *s);	/* quoted if needed */

#endif
