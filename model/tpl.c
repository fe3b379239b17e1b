/*
 * A loaded template: freeing it, and the read-only lookups every other
 * module uses (cells by id or label, sections, labels, the template for
 * a year).  Loading is tpl_load.c's.
 *
 * tpl_cell_index is a binary search over by_id, the cell indices sorted
 * by id once at load.  tpl_find_cells scans every cell's label paths: it
 * serves people typing a cell's name, not inner loops.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uregex.h>

#include "regex_need.h"
#include "tpl.h"
#include "xmalloc.h"

static void
label_free(struct tpl_label *l)
{
	free(l->s[0]);
	free(l->s[1]);
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

/* Formulas, rules and their instances. */
static void
free_rules(struct tpl *t)
{
	size_t	i;

	for (i = 0; i < t->nformulas; i++)
		free(t->formulas[i].terms);
	free(t->formulas);
	free(t->order);
	for (i = 0; i < t->nrules; i++) {
		free(t->rules[i].id);
		label_free(&t->rules[i].message);
		free(t->rules[i].pattern);
		uregex_close(t->rules[i].re);
		regex_need_free(t->rules[i].need);
		for (char **o = t->rules[i].organ_ends; o != NULL && *o != NULL;
		    o++)
			free(*o);
		free(t->rules[i].organ_ends);
	}
	free(t->rules);
	for (i = 0; i < t->ninsts; i++) {
		free(t->insts[i].lhs);
		free(t->insts[i].rhs);
		free(t->insts[i].cells);
	}
	free(t->insts);
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
		label_free(&t->sections[i].wording);
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
	free_rules(t);
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

size_t
tpl_numbered(const struct tpl *t)
{
	return (t->nsections - (t->preface >= 0));
}

int
tpl_printed(const struct tpl *t, size_t k)
{
	if (t->preface < 0)
		return ((int)k);
	return (k == 0 ? t->preface : (int)k - 1);
}

int
tpl_rule_index(const struct tpl *t, const char *id)
{
	size_t	i;

	for (i = 0; i < t->nrules; i++)
		if (strcmp(t->rules[i].id, id) == 0)
			return ((int)i);
	return (-1);
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
		    (i < 9 && !t->sections[i].preface &&
		    strcmp(arabic[i], id) == 0))
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

void
tpl_cell_err(const struct tpl *t, int cell, const char *msgid,
    const char *path, int line, int col, struct err *err)
{
	char	dp[8], zh[1024], en[1024];

	tpl_cell_label(t, cell, LANG_ZH, zh, sizeof zh);
	tpl_cell_label(t, cell, LANG_EN, en, sizeof en);
	snprintf(dp, sizeof dp, "%d", t->cells[cell].type.decimals);
	err_set(err, path, line, col, msgid, 4, t->cells[cell].id, zh, dp,
	    en);
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

bool
tpl_op_holds(enum tpl_op op, int cmp)
{
	return (op == TPL_EQ ? cmp == 0 : op == TPL_LE ? cmp <= 0 : cmp >= 0);
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
