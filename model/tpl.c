/*
 * Template loading and lookups.
 *
 * tpl_load() reads a template file with ytree (which already refuses
 * anchors, aliases, duplicate keys and deep nesting) and builds struct tpl
 * in one pass over the tree, collecting every problem instead of stopping
 * at the first: a template author fixes them all in one go.  Sections,
 * tables and blocks are appended to flat arrays; header trees are
 * flattened in pre-order (a node, then its children), so a group's leaves
 * are contiguous and a node's span is [first_leaf, first_leaf + nleaves).
 * Cells are created block by block, row-major.  Formulas and rules are
 * compiled afterwards by tplexpr.c, which needs every cell to exist.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "tpl.h"
#include "tplexpr.h"
#include "xmalloc.h"
#include "ytree.h"

/* Appends one zeroed element to a growable array; returns its index. */
#define GROW(arr, n) \
	((arr) = xreallocarray((arr), (n) + 1, sizeof *(arr)), \
	 memset(&(arr)[(n)], 0, sizeof *(arr)), (int)(n)++)

static void	index_cells(struct tpl *);

void
tpl_lerr(struct tpl_loader *L, const struct ytree *at, const char *msgid,
    int nargs, const char *a0, const char *a1)
{
	errlist_add(L->errs, L->path, at != NULL ? at->line : 0,
	    at != NULL ? at->col : 0, msgid, nargs, a0, a1);
}

/* Reports every key of map that is not in allowed (NULL-terminated). */
void
tpl_check_keys(struct tpl_loader *L, const struct ytree *map,
    const char *const *allowed)
{
	size_t	i;

	for (i = 0; (i = ytree_unknown_key(map, allowed, i)) < map->n; i++)
		tpl_lerr(L, map->keys[i], "tpl.unknown_key", 1,
		    map->keys[i]->str, NULL);
}

static bool
expect(struct tpl_loader *L, const struct ytree *n, enum ytree_kind kind)
{
	static const char *const names[] = { "scalar", "list", "mapping" };

	if (n->kind == kind)
		return (true);
	tpl_lerr(L, n, "tpl.type", 1, names[kind], NULL);
	return (false);
}

/* The child at key, checked to be of kind; reports a missing required one. */
static const struct ytree *
child(struct tpl_loader *L, const struct ytree *map, const char *key,
    enum ytree_kind kind, bool required)
{
	const struct ytree *v = ytree_get(map, key);

	if (v == NULL) {
		if (required)
			tpl_lerr(L, map, "tpl.missing_key", 1, key, NULL);
		return (NULL);
	}
	return (expect(L, v, kind) ? v : NULL);
}

static char *
get_str(struct tpl_loader *L, const struct ytree *map, const char *key,
    bool required)
{
	const struct ytree *v = child(L, map, key, YTREE_SCALAR, required);

	return (v != NULL ? xstrdup(v->str) : NULL);
}

static bool
parse_int(const char *s, int64_t *out)
{
	int64_t	v = 0;

	if (*s == '\0')
		return (false);
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > INT64_MAX / 10 - 10)
			return (false);
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return (true);
}

static bool
get_int(struct tpl_loader *L, const struct ytree *map, const char *key,
    bool required, int64_t *out)
{
	const struct ytree *v = child(L, map, key, YTREE_SCALAR, required);

	if (v == NULL)
		return (false);
	if (!parse_int(v->str, out)) {
		tpl_lerr(L, v, "tpl.not_int", 1, key, NULL);
		return (false);
	}
	return (true);
}

/* A label {zh, en}: both required and non-empty. */
static void
get_label(struct tpl_loader *L, const struct ytree *map, const char *key,
    bool required, struct tpl_label *out)
{
	static const char *const allowed[] = { "zh", "en", NULL };
	static const char *const langs[] = { "zh", "en" };
	const struct ytree *v = child(L, map, key, YTREE_MAP, required);
	const struct ytree *s;
	int i;

	if (v == NULL)
		return;
	tpl_check_keys(L, v, allowed);
	for (i = 0; i < 2; i++) {
		s = ytree_get(v, langs[i]);
		if (s == NULL || s->kind != YTREE_SCALAR || s->len == 0) {
			tpl_lerr(L, s != NULL ? s : v, "tpl.label_lang", 2,
			    key, langs[i]);
			continue;
		}
		out->s[i] = xstrdup(s->str);
	}
}

static void
label_free(struct tpl_label *l)
{
	free(l->s[0]);
	free(l->s[1]);
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

static char *
get_id(struct tpl_loader *L, const struct ytree *map)
{
	const struct ytree *v = child(L, map, "id", YTREE_SCALAR, true);

	if (v == NULL)
		return (NULL);
	if (!valid_id(v->str)) {
		tpl_lerr(L, v, "tpl.bad_id", 1, v->str, NULL);
		return (NULL);
	}
	return (xstrdup(v->str));
}

/* Reads type/decimals/unit of a block or leaf into *ty; false if absent. */
static bool
get_type(struct tpl_loader *L, const struct ytree *map, struct tpl_type *ty)
{
	const struct ytree *v = child(L, map, "type", YTREE_SCALAR, false);
	int64_t dec;

	get_label(L, map, "unit", false, &ty->unit);
	if (v == NULL)
		return (false);
	if (strcmp(v->str, "count") == 0)
		ty->kind = NUM_COUNT;
	else if (strcmp(v->str, "signed") == 0)
		ty->kind = NUM_SIGNED;
	else if (strcmp(v->str, "money") == 0)
		ty->kind = NUM_MONEY;
	else {
		tpl_lerr(L, v, "tpl.bad_type", 1, v->str, NULL);
		return (false);
	}
	ty->decimals = ty->kind == NUM_MONEY ? NUM_MAX_DP : 0;
	if (get_int(L, map, "decimals", false, &dec)) {
		if (ty->kind != NUM_MONEY || dec > NUM_MAX_DP)
			tpl_lerr(L, ytree_get(map, "decimals"),
			    "tpl.bad_decimals", 0, NULL, NULL);
		else
			ty->decimals = (int)dec;
	}
	return (true);
}

/* Flattens one header tree node (and its children) in pre-order. */
static void
parse_node(struct tpl_loader *L, const struct ytree *n, int parent, int depth,
    struct tpl_node **nodes, size_t *nnodes, int **leaves, size_t *nleaves,
    bool label_optional)
{
	static const char *const allowed[] = { "id", "label", "children",
	    "type", "decimals", "unit", NULL };
	const struct ytree *kids;
	struct tpl_node *nd;
	int i, idx;
	size_t k;

	if (!expect(L, n, YTREE_MAP))
		return;
	tpl_check_keys(L, n, allowed);
	idx = GROW(*nodes, *nnodes);
	nd = &(*nodes)[idx];
	nd->parent = parent;
	nd->depth = depth;
	nd->leaf = -1;
	nd->first_leaf = (int)*nleaves;
	get_label(L, n, "label", !label_optional, &nd->label);
	kids = child(L, n, "children", YTREE_SEQ, false);
	if (kids == NULL) {
		nd->id = get_id(L, n);
		nd->has_type = get_type(L, n, &nd->type);
		i = GROW(*leaves, *nleaves);
		(*leaves)[i] = idx;
		nd->leaf = i;
		nd->nleaves = 1;
		return;
	}
	if (ytree_get(n, "id") != NULL)
		tpl_lerr(L, ytree_get(n, "id"), "tpl.group_id", 0, NULL, NULL);
	if (kids->n == 0)
		tpl_lerr(L, kids, "tpl.empty_list", 1, "children", NULL);
	for (k = 0; k < kids->n; k++)
		parse_node(L, kids->items[k], idx, depth + 1, nodes, nnodes,
		    leaves, nleaves, false);
	/* *nodes may have moved. */
	(*nodes)[idx].nleaves = (int)*nleaves - (*nodes)[idx].first_leaf;
}

/* Deepest leaf depth + 1, or 0 when the only leaf has no label. */
static int
tree_depth(const struct tpl_node *nodes, size_t n)
{
	int	d = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (nodes[i].depth + 1 > d)
			d = nodes[i].depth + 1;
	if (n == 1 && nodes[0].label.s[0] == NULL)
		return (0);
	return (d);
}

static void
parse_tree(struct tpl_loader *L, const struct ytree *blk, const char *key,
    struct tpl_node **nodes, size_t *nnodes, int **leaves, size_t *nleaves)
{
	const struct ytree *list = child(L, blk, key, YTREE_SEQ, true);
	size_t k;

	if (list == NULL)
		return;
	if (list->n == 0)
		tpl_lerr(L, list, "tpl.empty_list", 1, key, NULL);
	for (k = 0; k < list->n; k++)
		parse_node(L, list->items[k], -1, 0, nodes, nnodes, leaves,
		    nleaves, list->n == 1 && strcmp(key, "rows") == 0);
}

static void
check_leaf_ids(struct tpl_loader *L, const struct ytree *at,
    const struct tpl_node *nodes, const int *leaves, size_t n)
{
	size_t	i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (nodes[leaves[i]].id != NULL &&
			    nodes[leaves[j]].id != NULL &&
			    strcmp(nodes[leaves[i]].id, nodes[leaves[j]].id) == 0)
				tpl_lerr(L, at, "tpl.dup_id", 1,
				    nodes[leaves[i]].id, NULL);
}

/* "a/b/c" from a node up to its root (block title first, if given). */
static char *
node_path(const struct tpl_node *nodes, int i, const struct tpl_label *title,
    enum lang lang)
{
	const char	*parts[YTREE_MAX_DEPTH + 1];
	int		 n = 0;
	struct sbuf	 b;

	for (; i >= 0 && n < YTREE_MAX_DEPTH; i = nodes[i].parent)
		if (nodes[i].label.s[0] != NULL)
			parts[n++] = tpl_label(&nodes[i].label, lang);
	if (title != NULL && title->s[0] != NULL)
		parts[n++] = tpl_label(title, lang);
	sbuf_init(&b);
	while (n-- > 0) {
		sbuf_adds(&b, parts[n]);
		if (n > 0)
			sbuf_addc(&b, '/');
	}
	return (sbuf_take(&b));
}

static void
make_cells(struct tpl *t, int bi)
{
	struct tpl_block *b = &t->blocks[bi];
	const struct tpl_node *rn, *cn;
	struct tpl_cell *c;
	size_t r, k;
	int ci, l;

	b->first_cell = (int)t->ncells;
	for (r = 0; r < b->nrows; r++) {
		for (k = 0; k < b->ncols; k++) {
			ci = GROW(t->cells, t->ncells);
			c = &t->cells[ci];
			rn = &b->rownodes[b->rows[r]];
			cn = &b->colnodes[b->cols[k]];
			c->id = xasprintf("%s.%s.%s", b->id,
			    rn->id ? rn->id : "?", cn->id ? cn->id : "?");
			c->block = bi;
			c->row = (int)r;
			c->col = (int)k;
			c->formula = -1;
			c->type = b->type;
			if (cn->has_type)
				c->type = cn->type;
			if (rn->has_type)
				c->type = rn->type;
			for (l = 0; l < 2; l++) {
				c->row_path[l] = node_path(b->rownodes,
				    b->rows[r], &b->title, (enum lang)l);
				c->col_path[l] = node_path(b->colnodes,
				    b->cols[k], NULL, (enum lang)l);
			}
		}
	}
}

static void
parse_block(struct tpl_loader *L, const struct ytree *n, int table)
{
	static const char *const allowed[] = { "id", "title", "corner", "type",
	    "decimals", "unit", "columns", "rows", NULL };
	struct tpl *t = L->t;
	struct tpl_block *b;
	int bi;

	if (!expect(L, n, YTREE_MAP))
		return;
	tpl_check_keys(L, n, allowed);
	bi = GROW(t->blocks, t->nblocks);
	b = &t->blocks[bi];
	b->table = table;
	b->id = get_id(L, n);
	if (b->id == NULL)
		b->id = xasprintf("block%d", bi);
	get_label(L, n, "title", false, &b->title);
	get_label(L, n, "corner", false, &b->corner);
	b->type.kind = NUM_COUNT;
	get_type(L, n, &b->type);
	parse_tree(L, n, "columns", &b->colnodes, &b->ncolnodes, &b->cols,
	    &b->ncols);
	parse_tree(L, n, "rows", &b->rownodes, &b->nrownodes, &b->rows,
	    &b->nrows);
	check_leaf_ids(L, n, b->colnodes, b->cols, b->ncols);
	check_leaf_ids(L, n, b->rownodes, b->rows, b->nrows);
	b->col_depth = tree_depth(b->colnodes, b->ncolnodes);
	b->row_depth = tree_depth(b->rownodes, b->nrownodes);
	make_cells(t, bi);
}

static void
parse_table(struct tpl_loader *L, const struct ytree *n, int section)
{
	static const char *const allowed[] = { "id", "blocks", NULL };
	struct tpl *t = L->t;
	const struct ytree *blocks;
	int ti;
	size_t k;

	if (!expect(L, n, YTREE_MAP))
		return;
	tpl_check_keys(L, n, allowed);
	ti = GROW(t->tables, t->ntables);
	t->tables[ti].id = get_id(L, n);
	t->tables[ti].section = section;
	t->tables[ti].first_block = (int)t->nblocks;
	blocks = child(L, n, "blocks", YTREE_SEQ, true);
	if (blocks != NULL) {
		if (blocks->n == 0)
			tpl_lerr(L, blocks, "tpl.empty_list", 1, "blocks",
			    NULL);
		for (k = 0; k < blocks->n; k++)
			parse_block(L, blocks->items[k], ti);
	}
	t->tables[ti].nblocks = (int)t->nblocks - t->tables[ti].first_block;
}

static void
parse_section(struct tpl_loader *L, const struct ytree *n)
{
	static const char *const allowed[] = { "id", "number", "title", "kind",
	    "placeholder", "guidance", "tables", NULL };
	struct tpl *t = L->t;
	struct tpl_section *s;
	const struct ytree *kind, *tables;
	int si;
	size_t k;

	if (!expect(L, n, YTREE_MAP))
		return;
	tpl_check_keys(L, n, allowed);
	si = GROW(t->sections, t->nsections);
	s = &t->sections[si];
	s->id = get_id(L, n);
	s->number = get_str(L, n, "number", true);
	get_label(L, n, "title", true, &s->title);
	get_label(L, n, "placeholder", false, &s->placeholder);
	get_label(L, n, "guidance", true, &s->guidance);
	s->first_table = (int)t->ntables;
	kind = child(L, n, "kind", YTREE_SCALAR, true);
	tables = child(L, n, "tables", YTREE_SEQ, false);
	if (kind != NULL && strcmp(kind->str, "narrative") == 0) {
		s->kind = TPL_NARRATIVE;
		if (tables != NULL)
			tpl_lerr(L, tables, "tpl.tables_in_narrative", 0, NULL,
			    NULL);
	} else if (kind != NULL && strcmp(kind->str, "tables") == 0) {
		s->kind = TPL_TABLES;
		if (tables == NULL)
			tpl_lerr(L, n, "tpl.missing_key", 1, "tables", NULL);
		for (k = 0; tables != NULL && k < tables->n; k++)
			parse_table(L, tables->items[k], si);
	} else if (kind != NULL)
		tpl_lerr(L, kind, "tpl.bad_kind", 1, kind->str, NULL);
	/* parse_table may have moved t->sections? No: only tables grow. */
	t->sections[si].ntables = (int)t->ntables - t->sections[si].first_table;
}

/* Duplicate ids among sections, tables, blocks, cells and rules. */
static void
check_unique(struct tpl_loader *L, const struct ytree *root)
{
	struct tpl	*t = L->t;
	size_t		 i, j;

#define DUPS(arr, n, field) \
	for (i = 0; i < (n); i++) \
		for (j = 0; j < i; j++) \
			if ((arr)[i].field != NULL && (arr)[j].field != NULL && \
			    strcmp((arr)[i].field, (arr)[j].field) == 0) \
				tpl_lerr(L, root, "tpl.dup_id", 1, \
				    (arr)[i].field, NULL)
	DUPS(t->sections, t->nsections, id);
	DUPS(t->tables, t->ntables, id);
	DUPS(t->blocks, t->nblocks, id);
#undef DUPS
}

static void
parse_root(struct tpl_loader *L, const struct ytree *root)
{
	static const char *const allowed[] = { "format", "id", "name", "basis",
	    "years", "title", "sections", "formulas", "rules", "variant_of",
	    NULL };
	static const char *const yallowed[] = { "from", "to", NULL };
	struct tpl *t = L->t;
	const struct ytree *years, *sections;
	int64_t v;
	size_t k, nerr = L->errs->n;

	if (!expect(L, root, YTREE_MAP))
		return;
	tpl_check_keys(L, root, allowed);
	if (get_int(L, root, "format", true, &v) && v != TPL_FORMAT_VERSION)
		tpl_lerr(L, ytree_get(root, "format"), "tpl.version", 1,
		    ytree_get(root, "format")->str, NULL);
	t->id = get_id(L, root);
	t->variant_of = get_str(L, root, "variant_of", false);
	get_label(L, root, "name", true, &t->name);
	get_label(L, root, "basis", true, &t->basis);
	get_label(L, root, "title", true, &t->title);
	years = child(L, root, "years", YTREE_MAP, true);
	if (years != NULL) {
		tpl_check_keys(L, years, yallowed);
		if (get_int(L, years, "from", true, &v))
			t->year_from = (int)(v > 9999 ? 9999 : v);
		if (get_int(L, years, "to", false, &v))
			t->year_to = (int)(v > 9999 ? 9999 : v);
	}
	sections = child(L, root, "sections", YTREE_SEQ, true);
	for (k = 0; sections != NULL && k < sections->n; k++)
		parse_section(L, sections->items[k]);
	check_unique(L, root);
	/*
	 * Formulas and rules name sections, rows and cells by id: with the
	 * structure already wrong (an id missing, a duplicate) they would
	 * only add noise, or follow a hole.  Report the structure first.
	 */
	if (L->errs->n != nerr)
		return;
	index_cells(t);
	tplexpr_formulas(L, child(L, root, "formulas", YTREE_SEQ, false));
	tplexpr_rules(L, child(L, root, "rules", YTREE_SEQ, false));
}

struct tpl *
tpl_load(const char *path, struct errlist *errs)
{
	struct tpl_loader	 L;
	struct ytree		*root;
	struct err		 e = { 0 };
	size_t			 before = errs->n;

	root = ytree_load(path, &e);
	if (root == NULL) {
		errlist_take(errs, &e);
		return (NULL);
	}
	memset(&L, 0, sizeof L);
	L.errs = errs;
	L.path = path;
	L.t = xcalloc(1, sizeof *L.t);
	L.t->path = xstrdup(path);
	parse_root(&L, root);
	ytree_free(root);
	if (errs->n != before) {
		tpl_free(L.t);
		return (NULL);
	}
	return (L.t);
}

static void
nodes_free(struct tpl_node *nodes, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(nodes[i].id);
		label_free(&nodes[i].label);
		label_free(&nodes[i].type.unit);
	}
	free(nodes);
}

void
tpl_free(struct tpl *t)
{
	size_t	i;
	int	l;

	if (t == NULL)
		return;
	for (i = 0; i < t->nsections; i++) {
		free(t->sections[i].id);
		free(t->sections[i].number);
		label_free(&t->sections[i].title);
		label_free(&t->sections[i].placeholder);
		label_free(&t->sections[i].guidance);
	}
	for (i = 0; i < t->ntables; i++)
		free(t->tables[i].id);
	for (i = 0; i < t->nblocks; i++) {
		struct tpl_block *b = &t->blocks[i];
		free(b->id);
		label_free(&b->title);
		label_free(&b->corner);
		label_free(&b->type.unit);
		nodes_free(b->colnodes, b->ncolnodes);
		nodes_free(b->rownodes, b->nrownodes);
		free(b->cols);
		free(b->rows);
	}
	for (i = 0; i < t->ncells; i++) {
		free(t->cells[i].id);
		for (l = 0; l < 2; l++) {
			free(t->cells[i].row_path[l]);
			free(t->cells[i].col_path[l]);
		}
		free(t->cells[i].deps);
		free(t->cells[i].rdeps);
	}
	tplexpr_free(t);
	free(t->by_id);
	free(t->sections);
	free(t->tables);
	free(t->blocks);
	free(t->cells);
	free(t->id);
	free(t->variant_of);
	free(t->path);
	label_free(&t->name);
	label_free(&t->basis);
	label_free(&t->title);
	free(t);
}

int
tpl_cell_index(const struct tpl *t, const char *id)
{
	size_t	lo = 0, hi = t->ncells, mid;
	int	c;

	/* Binary search over the ids (by_id is built once at load). */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(t->cells[t->by_id[mid]].id, id);
		if (c == 0)
			return (t->by_id[mid]);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (-1);
}

static int
cmp_cell_id(const void *a, const void *b, void *arg)
{
	const struct tpl *t = arg;

	return (strcmp(t->cells[*(const int *)a].id,
	    t->cells[*(const int *)b].id));
}

/* Sorts the cell index used by tpl_cell_index. */
static void
index_cells(struct tpl *t)
{
	size_t	i;

	t->by_id = xcalloc(t->ncells + 1, sizeof *t->by_id);
	for (i = 0; i < t->ncells; i++)
		t->by_id[i] = (int)i;
	qsort_r(t->by_id, t->ncells, sizeof *t->by_id, cmp_cell_id, t);
}

int
tpl_section_index(const struct tpl *t, const char *id)
{
	static const char *const arabic[] = { "1", "2", "3", "4", "5", "6",
	    "7", "8", "9" };
	size_t	i;

	for (i = 0; i < t->nsections; i++) {
		if ((t->sections[i].id != NULL &&
		    strcmp(t->sections[i].id, id) == 0) ||
		    (t->sections[i].number != NULL &&
		    strcmp(t->sections[i].number, id) == 0) ||
		    (i < 9 && strcmp(arabic[i], id) == 0))
			return ((int)i);
	}
	return (-1);
}

/* True when every '/'-separated part of query occurs in order in hay. */
static bool
parts_in_order(const char *query, const char *hay)
{
	const char	*p = query, *slash, *hit;
	char		*part;

	while (*p != '\0') {
		slash = strchr(p, '/');
		part = slash ? xstrndup(p, (size_t)(slash - p)) : xstrdup(p);
		hit = *part != '\0' ? strstr(hay, part) : hay;
		if (hit != NULL)
			hay = hit + strlen(part);
		free(part);
		if (hit == NULL)
			return (false);
		p = slash ? slash + 1 : p + strlen(p);
	}
	return (true);
}

size_t
tpl_find_cells(const struct tpl *t, const char *query, int *out, size_t max)
{
	size_t	 i, n = 0;
	int	 l, exact = tpl_cell_index(t, query);
	char	*path;

	if (exact >= 0) {
		if (max > 0)
			out[0] = exact;
		return (1);
	}
	if (*query == '\0')
		return (0);
	for (i = 0; i < t->ncells; i++) {
		for (l = 0; l < 2; l++) {
			path = xasprintf("%s/%s", t->cells[i].row_path[l],
			    t->cells[i].col_path[l]);
			if (parts_in_order(query, path)) {
				free(path);
				if (n < max)
					out[n] = (int)i;
				n++;
				break;
			}
			free(path);
		}
	}
	return (n);
}

const char *
tpl_label(const struct tpl_label *l, enum lang lang)
{
	if (l->s[lang] != NULL)
		return (l->s[lang]);
	return (l->s[LANG_ZH] != NULL ? l->s[LANG_ZH] : "");
}

char *
tpl_cell_label(const struct tpl *t, int cell, enum lang lang, char *buf,
    size_t size)
{
	const struct tpl_cell *c = &t->cells[cell];

	snprintf(buf, size, "%s%s%s", c->row_path[lang],
	    *c->row_path[lang] ? "/" : "", c->col_path[lang]);
	return (buf);
}

bool
tpl_cell_computed(const struct tpl *t, int cell)
{
	return (t->cells[cell].formula >= 0);
}

const struct tpl_node *
tpl_row_node(const struct tpl_block *b, int r)
{
	return (&b->rownodes[b->rows[r]]);
}

const struct tpl_node *
tpl_col_node(const struct tpl_block *b, int c)
{
	return (&b->colnodes[b->cols[c]]);
}

static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

size_t
tpl_load_dir(const char *dir, struct tpl ***out, struct errlist *errs)
{
	DIR		 *d;
	struct dirent	 *de;
	char		**names = NULL;
	size_t		  nnames = 0, i, n = 0, len;
	struct tpl	 *t;

	*out = NULL;
	if ((d = opendir(dir)) == NULL) {
		errlist_add(errs, dir, 0, 0, "tpl.no_dir", 0);
		return (0);
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0) {
			names = xreallocarray(names, nnames + 1,
			    sizeof *names);
			names[nnames++] = xasprintf("%s/%s", dir, de->d_name);
		}
	}
	closedir(d);
	qsort(names, nnames, sizeof *names, cmp_str);
	*out = xcalloc(nnames, sizeof **out);
	for (i = 0; i < nnames; i++) {
		if ((t = tpl_load(names[i], errs)) != NULL)
			(*out)[n++] = t;
		free(names[i]);
	}
	free(names);
	return (n);
}

const struct tpl *
tpl_for_year(struct tpl *const *tpls, size_t n, int year)
{
	size_t	i;

	/* Variants are chosen by id only, never by year. */
	for (i = 0; i < n; i++)
		if (tpls[i]->variant_of == NULL &&
		    year >= tpls[i]->year_from &&
		    (tpls[i]->year_to == 0 || year <= tpls[i]->year_to))
			return (tpls[i]);
	return (NULL);
}

const struct tpl *
tpl_by_id(struct tpl *const *tpls, size_t n, const char *id)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(tpls[i]->id, id) == 0)
			return (tpls[i]);
	return (NULL);
}
