/*
 * Template loading: structure, then formulas and rules.
 *
 * tpl_load() reads a template file with ytree (which already refuses
 * anchors, aliases, duplicate keys and deep nesting) and builds struct tpl
 * in one pass over the tree, collecting every problem instead of stopping
 * at the first: a template author fixes them all in one go.  Sections,
 * tables and blocks are appended to flat arrays; header trees are
 * flattened in pre-order (a node, then its children), so a group's leaves
 * are contiguous and a node's span is [first_leaf, first_leaf + nleaves).
 * Cells are created block by block, row-major, and indexed by id.
 * Formulas (tpl_formula.c) and rules (tpl_rule.c) are compiled last: they
 * name cells, which must all exist by then.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "tpl_formula.h"
#include "tpl_load.h"
#include "tpl_parse.h"
#include "tpl_rule.h"
#include "vec.h"
#include "xmalloc.h"
#include "ytree.h"

/* A header tree while it is flattened. */
struct tree {
	struct tpl_node	*nodes;
	size_t		 nnodes;
	size_t		 capnodes;
	int		*leaves;
	size_t		 nleaves;
	size_t		 capleaves;
};

/* Reads type/decimals/unit of a block or leaf into *ty; false if absent. */
static bool
get_type(struct tpl_parse *P, const struct ytree *map, struct tpl_type *ty)
{
	static const struct { const char *name; enum num_kind kind; }
	    kinds[] = { { "count", NUM_COUNT }, { "signed", NUM_SIGNED },
	    { "money", NUM_MONEY } };
	const struct ytree *v = tpl_parse_child(P, map, "type", YTREE_SCALAR,
	    false);
	int64_t dec;
	size_t k;

	tpl_parse_label(P, map, "unit", false, &ty->unit);
	if (v == NULL)
		return (false);
	for (k = 0; k < 3 && strcmp(v->str, kinds[k].name) != 0; k++)
		;
	if (k == 3) {
		tpl_parse_err(P, v, "tpl.bad_type", 1, v->str, NULL);
		return (false);
	}
	ty->kind = kinds[k].kind;
	ty->decimals = ty->kind == NUM_MONEY ? NUM_MAX_DP : 0;
	if (tpl_parse_int(P, map, "decimals", false, &dec)) {
		if (ty->kind != NUM_MONEY || dec > NUM_MAX_DP)
			tpl_parse_err(P, ytree_get(map, "decimals"),
			    "tpl.bad_decimals", 0, NULL, NULL);
		else
			ty->decimals = (int)dec;
	}
	return (true);
}

/* Flattens one header tree node (and its children) in pre-order. */
static void
parse_node(struct tpl_parse *P, const struct ytree *n, int parent, int depth,
    struct tree *T, bool label_optional)
{
	static const char *const allowed[] = { "id", "label", "children",
	    "type", "decimals", "unit", NULL };
	const struct ytree *kids;
	struct tpl_node *nd;
	int idx;
	size_t k;

	if (!tpl_parse_expect(P, n, YTREE_MAP))
		return;
	tpl_parse_keys(P, n, allowed);
	nd = VEC_PUSH(T->nodes, T->nnodes, T->capnodes);
	idx = (int)T->nnodes - 1;
	nd->parent = parent;
	nd->depth = depth;
	nd->leaf = -1;
	nd->first_leaf = (int)T->nleaves;
	tpl_parse_label(P, n, "label", !label_optional, &nd->label);
	kids = tpl_parse_child(P, n, "children", YTREE_SEQ, false);
	if (kids == NULL) {
		nd->id = tpl_parse_id(P, n);
		nd->has_type = get_type(P, n, &nd->type);
		*VEC_PUSH(T->leaves, T->nleaves, T->capleaves) = idx;
		nd->leaf = (int)T->nleaves - 1;
		nd->nleaves = 1;
		return;
	}
	if (ytree_get(n, "id") != NULL)
		tpl_parse_err(P, ytree_get(n, "id"), "tpl.group_id", 0, NULL,
		    NULL);
	if (kids->n == 0)
		tpl_parse_err(P, kids, "tpl.empty_list", 1, "children", NULL);
	for (k = 0; k < kids->n; k++)
		parse_node(P, kids->items[k], idx, depth + 1, T, false);
	/* T->nodes may have moved: index it again. */
	T->nodes[idx].nleaves = (int)T->nleaves - T->nodes[idx].first_leaf;
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

/* Reports leaf ids that occur twice in one tree. */
static void
check_leaf_ids(struct tpl_parse *P, const struct ytree *at,
    const struct tree *T)
{
	const char	*a, *b;
	size_t		 i, j;

	for (i = 0; i < T->nleaves; i++)
		for (j = 0; j < i; j++) {
			a = T->nodes[T->leaves[i]].id;
			b = T->nodes[T->leaves[j]].id;
			if (a != NULL && b != NULL && strcmp(a, b) == 0)
				tpl_parse_err(P, at, "tpl.dup_id", 1, a, NULL);
		}
}

/* The tree at key ("columns" or "rows") of a block. */
static void
parse_tree(struct tpl_parse *P, const struct ytree *blk, const char *key,
    struct tree *T)
{
	const struct ytree *list = tpl_parse_child(P, blk, key, YTREE_SEQ,
	    true);
	size_t k;

	memset(T, 0, sizeof *T);
	if (list != NULL) {
		if (list->n == 0)
			tpl_parse_err(P, list, "tpl.empty_list", 1, key, NULL);
		for (k = 0; k < list->n; k++)
			parse_node(P, list->items[k], -1, 0, T,
			    list->n == 1 && strcmp(key, "rows") == 0);
	}
	check_leaf_ids(P, blk, T);
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

/* The cell of block bi at leaf row r, column k. */
static void
make_cell(struct tpl_parse *P, int bi, size_t r, size_t k)
{
	struct tpl		*t = P->t;
	const struct tpl_block	*b = &t->blocks[bi];
	const struct tpl_node	*rn = &b->rownodes[b->rows[r]];
	const struct tpl_node	*cn = &b->colnodes[b->cols[k]];
	struct tpl_cell		*c = VEC_PUSH(t->cells, t->ncells, P->capcells);
	int			 l;

	c->id = xasprintf("%s.%s.%s", b->id, rn->id ? rn->id : "?",
	    cn->id ? cn->id : "?");
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
		c->row_path[l] = node_path(b->rownodes, b->rows[r], &b->title,
		    (enum lang)l);
		c->col_path[l] = node_path(b->colnodes, b->cols[k], NULL,
		    (enum lang)l);
	}
}

static void
parse_block(struct tpl_parse *P, const struct ytree *n, int table)
{
	static const char *const allowed[] = { "id", "title", "corner", "type",
	    "decimals", "unit", "columns", "rows", NULL };
	struct tpl	*t = P->t;
	struct tpl_block *b;
	struct tree	 cols, rows;
	size_t		 r, k;
	int		 bi;

	if (!tpl_parse_expect(P, n, YTREE_MAP))
		return;
	tpl_parse_keys(P, n, allowed);
	b = VEC_PUSH(t->blocks, t->nblocks, P->capblocks);
	bi = (int)t->nblocks - 1;
	b->table = table;
	if ((b->id = tpl_parse_id(P, n)) == NULL)
		b->id = xasprintf("block%d", bi);
	tpl_parse_label(P, n, "title", false, &b->title);
	tpl_parse_label(P, n, "corner", false, &b->corner);
	b->type.kind = NUM_COUNT;
	get_type(P, n, &b->type);
	parse_tree(P, n, "columns", &cols);
	parse_tree(P, n, "rows", &rows);
	b->colnodes = cols.nodes;
	b->ncolnodes = cols.nnodes;
	b->cols = cols.leaves;
	b->ncols = cols.nleaves;
	b->rownodes = rows.nodes;
	b->nrownodes = rows.nnodes;
	b->rows = rows.leaves;
	b->nrows = rows.nleaves;
	b->col_depth = tree_depth(b->colnodes, b->ncolnodes);
	b->row_depth = tree_depth(b->rownodes, b->nrownodes);
	b->first_cell = (int)t->ncells;
	for (r = 0; r < b->nrows; r++)
		for (k = 0; k < b->ncols; k++)
			make_cell(P, bi, r, k);
}

static void
parse_table(struct tpl_parse *P, const struct ytree *n, int section)
{
	static const char *const allowed[] = { "id", "blocks", NULL };
	struct tpl		*t = P->t;
	struct tpl_table	*tb;
	const struct ytree	*blocks;
	size_t			 k;

	if (!tpl_parse_expect(P, n, YTREE_MAP))
		return;
	tpl_parse_keys(P, n, allowed);
	tb = VEC_PUSH(t->tables, t->ntables, P->captables);
	tb->id = tpl_parse_id(P, n);
	tb->section = section;
	tb->first_block = (int)t->nblocks;
	blocks = tpl_parse_child(P, n, "blocks", YTREE_SEQ, true);
	if (blocks != NULL) {
		if (blocks->n == 0)
			tpl_parse_err(P, blocks, "tpl.empty_list", 1, "blocks",
			    NULL);
		for (k = 0; k < blocks->n; k++)
			parse_block(P, blocks->items[k], (int)t->ntables - 1);
	}
	tb->nblocks = (int)t->nblocks - tb->first_block;
}

/* kind: narrative or tables (with its tables). */
static void
parse_section_kind(struct tpl_parse *P, const struct ytree *n, int si)
{
	struct tpl		*t = P->t;
	const struct ytree	*kind, *tables;
	size_t			 k;

	kind = tpl_parse_child(P, n, "kind", YTREE_SCALAR, true);
	tables = tpl_parse_child(P, n, "tables", YTREE_SEQ, false);
	if (kind != NULL && (strcmp(kind->str, "narrative") == 0 ||
	    strcmp(kind->str, "preface") == 0)) {
		t->sections[si].kind = TPL_NARRATIVE;
		if (tables != NULL)
			tpl_parse_err(P, tables, "tpl.tables_in_narrative", 0,
			    NULL, NULL);
	} else if (kind != NULL && strcmp(kind->str, "tables") == 0) {
		t->sections[si].kind = TPL_TABLES;
		if (tables == NULL)
			tpl_parse_err(P, n, "tpl.missing_key", 1, "tables",
			    NULL);
		for (k = 0; tables != NULL && k < tables->n; k++)
			parse_table(P, tables->items[k], si);
	} else if (kind != NULL)
		tpl_parse_err(P, kind, "tpl.bad_kind", 1, kind->str, NULL);
}

/* Whether section entry n is the 前言 (kind: preface). */
static bool
is_preface(const struct ytree *n)
{
	const struct ytree	*kind;

	if (n->kind != YTREE_MAP)
		return (false);
	kind = ytree_get(n, "kind");
	return (kind != NULL && kind->kind == YTREE_SCALAR &&
	    strcmp(kind->str, "preface") == 0);
}

static void
parse_section(struct tpl_parse *P, const struct ytree *n)
{
	static const char *const allowed[] = { "id", "number", "title", "kind",
	    "placeholder", "guidance", "tables", NULL };
	static const char *const allowed_pre[] = { "id", "title", "kind",
	    "placeholder", "guidance", "wording", NULL };
	struct tpl		*t = P->t;
	struct tpl_section	*s;
	int			 si;
	bool			 pre = is_preface(n);

	if (!tpl_parse_expect(P, n, YTREE_MAP))
		return;
	tpl_parse_keys(P, n, pre ? allowed_pre : allowed);
	s = VEC_PUSH(t->sections, t->nsections, P->capsections);
	si = (int)t->nsections - 1;
	s->id = tpl_parse_id(P, n);
	s->preface = pre;
	s->number = pre ? xstrdup("") : tpl_parse_str(P, n, "number", true);
	if (pre)
		tpl_parse_label(P, n, "wording", true, &s->wording);
	tpl_parse_label(P, n, "title", true, &s->title);
	tpl_parse_label(P, n, "placeholder", false, &s->placeholder);
	tpl_parse_label(P, n, "guidance", true, &s->guidance);
	s->first_table = (int)t->ntables;
	parse_section_kind(P, n, si);
	s->ntables = (int)t->ntables - s->first_table;
}

/* Duplicate ids among sections, tables and blocks. */
static void
check_unique(struct tpl_parse *P, const struct ytree *root)
{
	struct tpl	*t = P->t;
	size_t		 i, j;

#define DUPS(arr, n, field) \
	for (i = 0; i < (n); i++) \
		for (j = 0; j < i; j++) \
			if ((arr)[i].field != NULL && (arr)[j].field != NULL && \
			    strcmp((arr)[i].field, (arr)[j].field) == 0) \
				tpl_parse_err(P, root, "tpl.dup_id", 1, \
				    (arr)[i].field, NULL)
	DUPS(t->sections, t->nsections, id);
	DUPS(t->tables, t->ntables, id);
	DUPS(t->blocks, t->nblocks, id);
#undef DUPS
}

static int
cmp_cell_id(const void *a, const void *b, void *arg)
{
	const struct tpl *t = arg;

	return (strcmp(t->cells[*(const int *)a].id,
	    t->cells[*(const int *)b].id));
}

/* Sorts the cell index that tpl_cell_index searches. */
static void
index_cells(struct tpl *t)
{
	size_t	i;

	t->by_id = xcalloc(t->ncells + 1, sizeof *t->by_id);
	for (i = 0; i < t->ncells; i++)
		t->by_id[i] = (int)i;
	qsort_r(t->by_id, t->ncells, sizeof *t->by_id, cmp_cell_id, t);
}

/* format, id, variant_of, name, basis, title, years. */
static void
parse_head(struct tpl_parse *P, const struct ytree *root)
{
	static const char *const yallowed[] = { "from", "to", NULL };
	struct tpl		*t = P->t;
	const struct ytree	*years;
	int64_t			 v;

	if (tpl_parse_int(P, root, "format", true, &v) &&
	    v != TPL_FORMAT_VERSION)
		tpl_parse_err(P, ytree_get(root, "format"), "tpl.version", 1,
		    ytree_get(root, "format")->str, NULL);
	t->id = tpl_parse_id(P, root);
	t->variant_of = tpl_parse_str(P, root, "variant_of", false);
	tpl_parse_label(P, root, "name", true, &t->name);
	tpl_parse_label(P, root, "basis", true, &t->basis);
	tpl_parse_label(P, root, "title", true, &t->title);
	years = tpl_parse_child(P, root, "years", YTREE_MAP, true);
	if (years != NULL) {
		tpl_parse_keys(P, years, yallowed);
		if (tpl_parse_int(P, years, "from", true, &v))
			t->year_from = (int)(v > 9999 ? 9999 : v);
		if (tpl_parse_int(P, years, "to", false, &v))
			t->year_to = (int)(v > 9999 ? 9999 : v);
	}
}

static void
parse_root(struct tpl_parse *P, const struct ytree *root)
{
	static const char *const allowed[] = { "format", "id", "name", "basis",
	    "years", "title", "sections", "formulas", "rules", "variant_of",
	    NULL };
	const struct ytree	*sections;
	size_t			 k, nerr = P->errs->n;

	if (!tpl_parse_expect(P, root, YTREE_MAP))
		return;
	tpl_parse_keys(P, root, allowed);
	parse_head(P, root);
	sections = tpl_parse_child(P, root, "sections", YTREE_SEQ, true);
	/* The numbered sections first, the 前言 last (tpl.h). */
	for (k = 0; sections != NULL && k < sections->n; k++)
		if (!is_preface(sections->items[k]))
			parse_section(P, sections->items[k]);
	P->t->preface = -1;
	for (k = 0; sections != NULL && k < sections->n; k++)
		if (is_preface(sections->items[k])) {
			if (P->t->preface >= 0)
				tpl_parse_err(P, sections->items[k],
				    "tpl.two_prefaces", 0, NULL, NULL);
			parse_section(P, sections->items[k]);
			P->t->preface = (int)P->t->nsections - 1;
		}
	check_unique(P, root);
	/*
	 * Formulas and rules name sections, rows and cells by id: with the
	 * structure already wrong (an id missing, a duplicate) they would
	 * only add noise, or follow a hole.  Report the structure first.
	 */
	if (P->errs->n != nerr)
		return;
	index_cells(P->t);
	tpl_formula_load(P, tpl_parse_child(P, root, "formulas", YTREE_SEQ,
	    false));
	tpl_rule_load(P, tpl_parse_child(P, root, "rules", YTREE_SEQ, false));
}

struct tpl *
tpl_load(const char *path, struct errlist *errs)
{
	struct tpl_parse	 P;
	struct ytree		*root;
	struct err		 e = { 0 };
	size_t			 before = errs->n;

	root = ytree_load(path, &e);
	if (root == NULL) {
		errlist_take(errs, &e);
		return (NULL);
	}
	memset(&P, 0, sizeof P);
	P.errs = errs;
	P.path = path;
	P.t = xcalloc(1, sizeof *P.t);
	P.t->path = xstrdup(path);
	parse_root(&P, root);
	ytree_free(root);
	if (errs->n != before) {
		tpl_free(P.t);
		return (NULL);
	}
	return (P.t);
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
	size_t		  nnames = 0, cap = 0, i, n = 0, len;
	struct tpl	 *t;

	*out = NULL;
	if ((d = opendir(dir)) == NULL) {
		errlist_add(errs, dir, 0, 0, "tpl.no_dir", 0);
		return (0);
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0)
			*VEC_PUSH(names, nnames, cap) = xasprintf("%s/%s", dir,
			    de->d_name);
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
