/*
 * Rules: the keys every rule has (id, severity, message, kind), then the
 * rest through the rule's kind (rulekind.h): its keys are checked against
 * the kind's list, and its parser compiles it into one or more
 * instances.  Text rules compile their pattern once here; each report
 * clones it (report_rule_regex).
 */
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "regex_need.h"
#include "rulekind.h"
#include "tpl_rule.h"
#include "vec.h"
#include "xmalloc.h"

/* The keys of every rule. */
static const char *const common_keys[] = { "id", "severity", "kind",
    "message", "organ", NULL };

int
tpl_rule_section(struct tpl_parse *P, const struct ytree *e)
{
	const struct ytree	*s = ytree_get(e, "section");
	int			 si = -1;

	if (s == NULL || s->kind != YTREE_SCALAR)
		tpl_parse_err(P, e, "tpl.missing_key", 1, "section", NULL);
	else if ((si = tpl_section_index(P->t, s->str)) < 0)
		tpl_parse_err(P, s, "tpl.unknown_section", 1, s->str, NULL);
	return (si);
}

void
tpl_rule_pattern(struct tpl_parse *P, const struct ytree *e, int ri)
{
	const struct ytree	*v = ytree_get(e, "pattern");
	struct tpl_rule		*r = &P->t->rules[ri];

	if (v == NULL || v->kind != YTREE_SCALAR)
		tpl_parse_err(P, e, "tpl.missing_key", 1, "pattern", NULL);
	else if ((r->re = regex_open(v->str)) == NULL)
		tpl_parse_err(P, v, "tpl.bad_regex", 1, v->str, NULL);
	else {
		r->pattern = xstrdup(v->str);
		r->need = regex_need_of(v->str);
	}
}

int64_t
tpl_rule_limit(struct tpl_parse *P, const struct ytree *e, const char *key,
    int64_t top, const char *msgid)
{
	const struct ytree	*v = ytree_get(e, key);
	int64_t			 n = 0;

	if (v == NULL || v->kind != YTREE_SCALAR ||
	    (n = strtoll(v->str, NULL, 10)) <= 0 || n > top)
		tpl_parse_err(P, v ? v : e, msgid, 1, key, NULL);
	return (n);
}

/* Reports the keys of e that are neither every rule's nor the kind's. */
static void
check_keys(struct tpl_parse *P, const struct ytree *e,
    const char *const *own)
{
	const char	**all;
	size_t		  n = 0, k;

	for (k = 0; own[k] != NULL; k++)
		;
	all = xcalloc(k + sizeof common_keys / sizeof common_keys[0],
	    sizeof *all);
	for (k = 0; common_keys[k] != NULL; k++)
		all[n++] = common_keys[k];
	for (k = 0; own[k] != NULL; k++)
		all[n++] = own[k];
	tpl_parse_keys(P, e, all);
	free(all);
}

/* id (unique), severity and message. */
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

/*
 * `organ:` a list of name endings ([镇, 乡, 街道]): the rule is checked
 * only for an organ whose name, with a closing 人民政府, 政府 or 办事处
 * dropped or not, ends in one of them (report.c).
 */
static void
parse_organ(struct tpl_parse *P, const struct ytree *e, int ri)
{
	const struct ytree	*v = ytree_get(e, "organ");
	struct tpl_rule		*r = &P->t->rules[ri];
	size_t			 i, n = 0;

	if (v == NULL)
		return;
	if (v->kind != YTREE_SEQ || v->n == 0) {
		tpl_parse_err(P, v, "tpl.bad_organ", 0, NULL, NULL);
		return;
	}
	r->organ_ends = xcalloc(v->n + 1, sizeof *r->organ_ends);
	for (i = 0; i < v->n; i++)
		if (v->items[i]->kind == YTREE_SCALAR && *v->items[i]->str != '\0')
			r->organ_ends[n++] = xstrdup(v->items[i]->str);
		else
			tpl_parse_err(P, v->items[i], "tpl.bad_organ", 0, NULL,
			    NULL);
	r->reads |= TPL_READS_META;
}

static bool
ends_with(const char *s, size_t len, const char *end)
{
	size_t	el = strlen(end);

	return (el <= len && memcmp(s + len - el, end, el) == 0);
}

bool
tpl_rule_organ_fits(const struct tpl_rule *ru, const char *organ)
{
	static const char *const body[] = { "人民政府", "政府", "办事处" };
	size_t	len = strlen(organ), cut = len, k;

	char *const	*ends = ru->organ_ends;

	if (ends == NULL)
		return (true);
	for (k = 0; k < sizeof body / sizeof body[0]; k++)
		if (ends_with(organ, len, body[k])) {
			cut = len - strlen(body[k]);
			break;
		}
	for (; *ends != NULL; ends++)
		if (ends_with(organ, len, *ends) ||
		    ends_with(organ, cut, *ends))
			return (true);
	return (false);
}

/* The entry's kind (`check` when it has none), or NULL (reported). */
static const struct rule_kind *
entry_kind(struct tpl_parse *P, const struct ytree *e)
{
	const struct ytree	*v = ytree_get(e, "kind");
	const struct rule_kind	*k;

	if (v == NULL)
		return (&rule_kinds[TPL_R_CHECK]);
	if (v->kind == YTREE_SCALAR && (k = rule_kind_find(v->str)) != NULL)
		return (k);
	tpl_parse_err(P, v, "tpl.bad_kind", 1,
	    v->kind == YTREE_SCALAR ? v->str : "?", NULL);
	return (NULL);
}

static void
parse_rule(struct tpl_parse *P, const struct ytree *e)
{
	struct tpl		*t = P->t;
	struct tpl_rule		*r = VEC_PUSH(t->rules, t->nrules, P->caprules);
	const struct rule_kind	*k;
	int			 ri = (int)t->nrules - 1;

	r->first_inst = (int)t->ninsts;
	r->section = -1;
	parse_common(P, e, ri);
	/* With the kind unknown, its keys would only add noise. */
	if ((k = entry_kind(P, e)) != NULL) {
		r->kind = (enum tpl_rule_kind)(k - rule_kinds);
		check_keys(P, e, k->keys);
		k->parse(P, e, ri);
	}
	parse_organ(P, e, ri);
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
