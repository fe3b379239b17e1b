/*
 * Reading a template's YAML tree, for the template loader (tpl_load.c,
 * tpl_formula.c, tpl_rule.c and the rule kinds): the loader's state, and
 * typed readers that report every problem at its line and column and go
 * on, so that a template author sees them all in one go.  Nothing here is
 * for the rest of the program, which only sees a loaded struct tpl.
 *
 * The readers check the kind of the node they read (tpl.type), report a
 * missing required key (tpl.missing_key) at the mapping, and leave their
 * output untouched when the value is absent or wrong.
 */
#ifndef NB_TPL_PARSE_H
#define NB_TPL_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "tpl.h"
#include "ytree.h"

struct tpl_parse {
	struct tpl	*t;		/* being built */
	struct errlist	*errs;		/* every problem goes here */
	const char	*path;		/* of the template file */
	/* Capacities of t's arrays while they grow (vec.h). */
	size_t		 capsections;
	size_t		 captables;
	size_t		 capblocks;
	size_t		 capcells;
	size_t		 capformulas;
	size_t		 caprules;
	size_t		 capinsts;
};

/* Records a problem at node at (NULL: no position) with up to two args. */
void	tpl_parse_err(struct tpl_parse *, const struct ytree *at,
	    const char *msgid, int nargs, const char *, const char *);

/* Reports every key of map that is not in allowed (NULL-terminated). */
void	tpl_parse_keys(struct tpl_parse *, const struct ytree *map,
	    const char *const *allowed);

/* True when n is of kind; else reports tpl.type. */
bool	tpl_parse_expect(struct tpl_parse *, const struct ytree *n,
	    enum ytree_kind kind);

/* The value at key if it is of kind, else NULL (reported when it is of
 * another kind, or missing and required). */
const struct ytree *tpl_parse_child(struct tpl_parse *,
	    const struct ytree *map, const char *key, enum ytree_kind kind,
	    bool required);

/* A scalar's text.  Newly allocated (caller frees), or NULL. */
char	*tpl_parse_str(struct tpl_parse *, const struct ytree *map,
	    const char *key, bool required);

/* A non-negative decimal integer (tpl.not_int); false when absent or
 * wrong. */
bool	tpl_parse_int(struct tpl_parse *, const struct ytree *map,
	    const char *key, bool required, int64_t *out);

/* A label {zh, en}: both non-empty (tpl.label_lang), no other key.  The
 * strings are newly allocated into *out (freed with the template). */
void	tpl_parse_label(struct tpl_parse *, const struct ytree *map,
	    const char *key, bool required, struct tpl_label *out);

/* Appends x to the set v[0..*n) (capacity *cap, vec.h) unless it is
 * there already. */
void	tpl_parse_add_unique(int **v, size_t *n, size_t *cap, int x);

/* The required `id:` of map: letters, digits and '_' (tpl.bad_id).
 * Newly allocated, or NULL. */
char	*tpl_parse_id(struct tpl_parse *, const struct ytree *map);

#endif
