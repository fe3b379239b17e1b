/*
 * The YAML reader's fast path for report files as nianbao writes them
 * (store_dump): top-level keys with a scalar or a mapping of scalars,
 * one per line, in the plain and double-quoted forms ytree_emit_*()
 * write.  ytree_parse() tries it first and hands anything else to
 * libyaml, so it only ever changes how fast a file is read, never what
 * is read: for an input it accepts it builds the tree libyaml's path
 * would build, node for node, with the same lines and columns
 * (test_ytree compares the two on every fixture and on mutations).
 */
#ifndef NB_YFAST_H
#define NB_YFAST_H

#include <stdbool.h>
#include <stddef.h>

#include "ytree.h"

/*
 * The tree of buf[0..len), which prescan (ytree.c) has already found to
 * be valid UTF-8 without forbidden characters, or NULL when the input is
 * outside the shape above (nothing is reported: the caller reads it with
 * libyaml).  The tree is freed with ytree_free.
 */
struct ytree	*yfast_parse(const char *buf, size_t len);

/*
 * Whether two trees are the same node for node: kinds, strings, styles,
 * lines and columns (for the tests and the fuzz target that compare the
 * two paths).
 */
bool		 yfast_same(const struct ytree *a, const struct ytree *b);

#endif
