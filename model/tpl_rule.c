/*
 * Rules: the keys every rule has (id, severity, message, kind), then what
 * its kind reads, compiled into one or more instances.  Text rules
 * compile their pattern once here; each report clones it.
 */
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "tpl_expr.h"
#include "tpl_rule.h"
#include "vec.h"
#include "xmalloc.h"

/* Glob with '*' as a whole part: "t3.*.*" matches "t3.new.natural". */
static bool
part_match(const char *pat, const char *id)
{
	const char	*pd, *id_d;
	size_t		 pl, il;

	if (strcmp(pat, "*") == 0)
		return (true);
	for (;;) {
		pd = strchr(pat, '.');
		id_d = strchr(id, '.');
		pl = pd ? (size_t)(pd - pat) : strlen(pat);
		il = id_d ? (size_t)(id_d - id) : strlen(id);
		if (!(pl == 1 && *pat == '*') &&
		    (pl != il || strncmp(pat, id, pl) != 0))
			return (false);
		if (pd == NULL || id_d == NULL)
			return (pd == NULL && id_d == NULL);
		pat = pd + 1;
		id = id_d + 1;
	}
}

static void
add_blank(struct tpl_parse *P, const struct ytree *e, int rule)
{
	const struct ytree	*cells = ytree_get(e, "cells");
	struct tpl		*t = P->t;
	struct tpl_inst		*in;
	size_t			 i, before = t->ninsts, cap;
	int			 ii;

	if (cells == NULL || cells->kind != YTREE_SCALAR) {
		tpl_parse_err(P, e, "tpl.missing_key", 1, "cells", NULL);
		return;
	}
	for (i = 0; i < t->ncells; i++) {
		if (t->cells[i].formula >= 0 ||
		    !part_match(cells->str, t->cells[i].id))
			continue;
		ii = tpl_expr_inst(P, rule, NULL);	/* may move insts */
		in = &t->insts[ii];
		cap = 0;
		tpl_parse_add_unique(&in->cells, &in->ncells, &cap, (int)i);
	}
	if (t->ninsts == before)
		tpl_parse_err(P, cells, "tpl.no_cells", 1, cells->str, NULL);
}

static int
rule_section(struct tpl_parse *P, const struct ytree *e)
{
	const struct ytree	*s = ytree_get(e, "section");
	int			 si = -1;

	if (s == NULL || s->kind != YTREE_SCALAR)
		tpl_parse_err(P, e, "tpl.missing_key", 1, "section", NULL);
	else if ((si = tpl_section_index(P->t, s->str)) < 0)
		tpl_parse_err(P, s, "tpl.unknown_section", 1, s->str, NULL);
	return (si);
}

/* Compiles the rule's pattern once; reports clone it (uregex_clone). */
static void
set_pattern(struct tpl_parse *P, int ri, const struct ytree *v)
{
	struct tpl_rule	*r = &P->t->rules[ri];

	if ((r->re = regex_open(v->str)) == NULL)
		tpl_parse_err(P, v, "tpl.bad_regex", 1, v->str, NULL);
	else
		r->pattern = xstrdup(v->str);
}

/*
 * text_number: `value` is the expression the number caught by the
 * pattern's first group must equal; text_match: `check` must hold where
 * the pattern matches.  section "*" means every narrative section.
 */
static void
parse_text_check(struct tpl_parse *P, const struct ytree *e, int ri,
    bool number)
{
	struct tpl		*t = P->t;
	const struct ytree	*v = ytree_get(e, "section");
	const struct ytree	*x = ytree_get(e, number ? "value" : "check");

	t->rules[ri].kind = number ? TPL_R_TEXT_NUMBER : TPL_R_TEXT_MATCH;
	t->rules[ri].section = v != NULL && v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "*") == 0 ? -1 : rule_section(P, e);
	v = ytree_get(e, "pattern");
	if (v == NULL || v->kind != YTREE_SCALAR)
		tpl_parse_err(P, e, "tpl.missing_key", 1, "pattern", NULL);
	else
		set_pattern(P, ri, v);
	if (x == NULL || x->kind != YTREE_SCALAR) {
		tpl_parse_err(P, e, "tpl.missing_key", 1,
		    number ? "value" : "check", NULL);
		return;
	}
	if (number)
		tpl_expr_sum(P, x, ri, x->str);
	else
		tpl_expr_check(P, x, ri, x->str, NULL);
}

/* id (unique), severity and message: what every rule has. */
static void
parse_common(struct tpl_parse *P, const struct ytree *e, int ri)
{
	struct tpl		*t = P->t;
	struct tpl_rule		*r = &t->rules[ri];
	const struct ytree	*v;
	size_t			 i;

	v = ytree_get(e, "id");
	if (v == NULL || v->kind != YTREE_SCALAR)
		tpl_parse_err(P, e, "tpl.missing_key", 1, "id", NULL);
	else {
		r->id = xstrdup(v->str);
		for (i = 0; i < (size_t)ri; i++)
			if (t->rules[i].id != NULL &&
			    strcmp(t->rules[i].id, r->id) == 0)
				tpl_parse_err(P, v, "tpl.dup_id", 1, r->id,
				    NULL);
	}
	v = ytree_get(e, "severity");
	if (v != NULL && v->kind == YTREE_SCALAR &&
	    (strcmp(v->str, "error") == 0 || strcmp(v->str, "warning") == 0))
		r->severity = strcmp(v->str, "error") == 0 ? TPL_ERROR :
		    TPL_WARNING;
	else
		tpl_parse_err(P, v ? v : e, "tpl.bad_severity", 0, NULL, NULL);
	tpl_parse_label(P, e, "message", true, &r->message);
}

static void
parse_check(struct tpl_parse *P, const struct ytree *e, int ri)
{
	const struct ytree	*v = ytree_get(e, "check");
	struct tpl_iter		*its;
	size_t			 i, n;
	char			*src;

	P->t->rules[ri].kind = TPL_R_CHECK;
	if (v == NULL || v->kind != YTREE_SCALAR) {
		tpl_parse_err(P, e, "tpl.missing_key", 1, "check", NULL);
		return;
	}
	n = tpl_expr_expand(P, e, v->str, &its);
	for (i = 0; i < n; i++) {
		src = tpl_expr_substitute(P->t, v->str, &its[i]);
		tpl_expr_check(P, v, ri, src, &its[i]);
		free(src);
	}
	free(its);
}

static void
parse_rule(struct tpl_parse *P, const struct ytree *e)
{
	static const char *const allowed[] = { "id", "severity", "kind",
	    "for_rows", "for_cols", "except", "check", "message", "section",
	    "pattern", "max", "min", "cells", "value", NULL };
	struct tpl		*t = P->t;
	struct tpl_rule		*r;
	const struct ytree	*v;
	int			 ri;

	tpl_parse_keys(P, e, allowed);
	r = VEC_PUSH(t->rules, t->nrules, P->caprules);
	ri = (int)t->nrules - 1;
	r->first_inst = (int)t->ninsts;
	r->section = -1;
	parse_common(P, e, ri);
	v = ytree_get(e, "kind");
	if (v == NULL || (v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "check") == 0))
		parse_check(P, e, ri);
	else if (v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "text_requires") == 0) {
		t->rules[ri].kind = TPL_R_TEXT_REQUIRES;
		t->rules[ri].section = rule_section(P, e);
		v = ytree_get(e, "pattern");
		if (v == NULL || v->kind != YTREE_SCALAR)
			tpl_parse_err(P, e, "tpl.missing_key", 1, "pattern",
			    NULL);
		else
			set_pattern(P, ri, v);
		tpl_expr_inst(P, ri, NULL);
	} else if (v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "text_max") == 0) {
		t->rules[ri].kind = TPL_R_TEXT_MAX;
		t->rules[ri].section = rule_section(P, e);
		v = ytree_get(e, "max");
		if (v == NULL || v->kind != YTREE_SCALAR ||
		    (t->rules[ri].max = strtoll(v->str, NULL, 10)) <= 0)
			tpl_parse_err(P, v ? v : e, "tpl.not_int", 1, "max",
			    NULL);
		tpl_expr_inst(P, ri, NULL);
	} else if (v->kind == YTREE_SCALAR &&
	    (strcmp(v->str, "text_number") == 0 ||
	    strcmp(v->str, "text_match") == 0)) {
		parse_text_check(P, e, ri, strcmp(v->str, "text_number") == 0);
	} else if (v->kind == YTREE_SCALAR &&
	    strcmp(v->str, "text_prev_similar") == 0) {
		/* Flags a text at least min percent like last year's. */
		t->rules[ri].kind = TPL_R_TEXT_PREV;
		t->rules[ri].section = rule_section(P, e);
		v = ytree_get(e, "min");
		if (v == NULL || v->kind != YTREE_SCALAR ||
		    (t->rules[ri].max = strtoll(v->str, NULL, 10)) <= 0 ||
		    t->rules[ri].max > 100)
			tpl_parse_err(P, v ? v : e, "tpl.not_percent", 1, "min",
			    NULL);
		tpl_expr_inst(P, ri, NULL);
	} else if (v->kind == YTREE_SCALAR && strcmp(v->str, "blank") == 0) {
		t->rules[ri].kind = TPL_R_BLANK;
		add_blank(P, e, ri);
	} else
		tpl_parse_err(P, v, "tpl.bad_kind", 1,
		    v->kind == YTREE_SCALAR ? v->str : "?", NULL);
	t->rules[ri].ninsts = (int)t->ninsts - t->rules[ri].first_inst;
}

/* Which rule instances each cell feeds (edits of published values too). */
static void
link_rules(struct tpl *t)
{
	size_t	i, j, *cap = xcalloc(t->ncells + 1, sizeof *cap);
	int	c;

	for (i = 0; i < t->ninsts; i++)
		for (j = 0; j < t->insts[i].ncells; j++) {
			c = t->insts[i].cells[j];
			tpl_parse_add_unique(&t->cells[c].rdeps,
			    &t->cells[c].nrdeps, &cap[c], (int)i);
		}
	free(cap);
}

void
tpl_rule_load(struct tpl_parse *P, const struct ytree *list)
{
	size_t	k;

	for (k = 0; list != NULL && k < list->n; k++)
		if (tpl_parse_expect(P, list->items[k], YTREE_MAP))
			parse_rule(P, list->items[k]);
	link_rules(P->t);
}
