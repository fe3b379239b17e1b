/*
 * The report file: writing it in a fixed key order, and reading it back
 * with every problem reported at its line and column.  The format is
 * described in store.h.  Values are written as the number formatter gives
 * them and read with the same parser as typed input, so a file a person
 * edits by hand is held to the same rules as the editor.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "sbuf.h"
#include "store.h"
#include "year.h"
#include "xmalloc.h"
#include "ytree.h"

/* Which cells dump_values lists. */
enum dump_cells { DUMP_INPUTS, DUMP_COMPUTED, DUMP_ALL };

static void
dump_values(struct sbuf *b, const struct report *r, const char *key,
    bool (*get)(const struct report *, int, struct report_value *),
    enum dump_cells which)
{
	const struct tpl	*t = report_tpl(r);
	struct report_value	 v;
	char			 num[NUM_FMT_MAX];
	size_t			 i;
	bool			 any = false;

	for (i = 0; i < t->ncells; i++) {
		if ((which == DUMP_INPUTS && t->cells[i].formula >= 0) ||
		    (which == DUMP_COMPUTED && t->cells[i].formula < 0))
			continue;
		if (get == NULL)
			v = report_value(r, (int)i);
		else if (!get(r, (int)i, &v))
			continue;
		if (!any)
			sbuf_addf(b, "%s:\n", key);
		any = true;
		sbuf_addf(b, "  %s: %s\n", t->cells[i].id,
		    v.state == RV_SET ? report_format_value(r, (int)i, v, num) :
		    "~");
	}
}

char *
store_dump(const struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	struct sbuf		 b;
	size_t			 i, n;

	sbuf_init(&b);
	sbuf_addf(&b, "nianbao: %d\ntemplate: %s\norgan: ",
	    STORE_FORMAT_VERSION, t->id);
	ytree_emit_str(&b, report_organ(r));
	if (report_year(r) > 0)
		sbuf_addf(&b, "\nyear: %d\n", report_year(r));
	else
		sbuf_adds(&b, "\nyear: ~\n");
	if (*report_published_on(r) != '\0')
		sbuf_addf(&b, "published_on: %s\n", report_published_on(r));
	sbuf_adds(&b, "sections:\n");
	for (i = 0; i < t->nsections; i++) {
		sbuf_addf(&b, "  %s: ", t->sections[i].id);
		ytree_emit_str(&b, report_text(r, (int)i));
		sbuf_addc(&b, '\n');
	}
	dump_values(&b, r, "cells", NULL, DUMP_INPUTS);
	dump_values(&b, r, "published", report_published, DUMP_COMPUTED);
	/* Last year's totals too: R5 compares the 总计 column as well. */
	if (report_has_prev(r))
		dump_values(&b, r, "previous", report_prev_value, DUMP_ALL);
	for (i = n = 0; i < t->nsections; i++) {
		if (report_prev_text(r, (int)i) == NULL)
			continue;
		if (n++ == 0)
			sbuf_adds(&b, "previous_sections:\n");
		sbuf_addf(&b, "  %s: ", t->sections[i].id);
		ytree_emit_str(&b, report_prev_text(r, (int)i));
		sbuf_addc(&b, '\n');
	}
	if (report_nsources(r) > 0) {
		sbuf_adds(&b, "sources:\n");
		for (i = 0; i < report_nsources(r); i++) {
			sbuf_adds(&b, "  - ");
			ytree_emit_str(&b, report_source(r, i));
			sbuf_addc(&b, '\n');
		}
	}
	return (sbuf_take(&b));
}

bool
store_save(const struct report *r, const char *path, struct err *err)
{
	char	*text = store_dump(r);
	bool	 ok;

	ok = fsio_write_atomic(path, text, strlen(text), 0644, err);
	free(text);
	return (ok);
}

struct sctx {
	const char	*path;
	struct err	*err;
};

static bool
serr(struct sctx *S, const struct ytree *at, const char *msgid,
    const char *a0, const char *a1)
{
	err_set(S->err, S->path, at ? at->line : 0, at ? at->col : 0, msgid,
	    2, a0 ? a0 : "", a1 ? a1 : "");
	return (false);
}

static bool
want(struct sctx *S, const struct ytree *n, enum ytree_kind kind,
    const char *what)
{
	static const char *const names[] = { "scalar", "list", "mapping" };

	if (n->kind == kind)
		return (true);
	return (serr(S, n, "store.type", what, names[kind]));
}

/* Reads one "id: value" list into the report through set(). */
static bool
load_values(struct sctx *S, struct report *r, const struct ytree *map,
    const char *key, int which)
{
	const struct tpl	*t = report_tpl(r);
	struct report_value	 v;
	const struct ytree	*k, *val;
	enum num_status		 st;
	size_t			 i;
	int			 c;
	char			 dp[8], label[1024], label_en[1024];

	if (!want(S, map, YTREE_MAP, key))
		return (false);
	for (i = 0, c = -1; i < map->n; i++) {
		k = map->keys[i];
		val = map->items[i];
		/* Files list cells in template order: try the next one first. */
		if (c + 1 < (int)t->ncells && strcmp(t->cells[c + 1].id,
		    k->str) == 0)
			c++;
		else if ((c = tpl_cell_index(t, k->str)) < 0)
			return (serr(S, k, "store.unknown_cell", k->str, NULL));
		if (which < 2 && (which == 1) != (t->cells[c].formula >= 0))
			return (serr(S, k, which == 1 ? "store.not_computed" :
			    "store.computed", k->str, NULL));
		if (!want(S, val, YTREE_SCALAR, k->str))
			return (false);
		memset(&v, 0, sizeof v);
		if (!(val->plain && (strcmp(val->str, "~") == 0 ||
		    strcmp(val->str, "null") == 0 || val->len == 0))) {
			st = num_parse(val->str, t->cells[c].type.kind,
			    t->cells[c].type.decimals, &v.n, NULL);
			if (st != NUM_OK) {
				snprintf(dp, sizeof dp, "%d",
				    t->cells[c].type.decimals);
				tpl_cell_label(t, c, LANG_ZH, label,
				    sizeof label);
				tpl_cell_label(t, c, LANG_EN, label_en,
				    sizeof label_en);
				err_set(S->err, S->path, val->line, val->col,
				    num_status_msgid(st), 4, k->str, label,
				    dp, label_en);
				return (false);
			}
			v.state = RV_SET;
		}
		if (which == 0)
			report_set_value(r, c, v, NULL);
		else if (which == 1)
			report_set_published(r, c, &v);
		else
			report_set_prev_value(r, c, &v);
	}
	return (true);
}

/* sections: (prev false) or previous_sections: (prev true). */
static bool
load_sections(struct sctx *S, struct report *r, const struct ytree *map,
    bool prev)
{
	size_t	i;
	int	sec;

	if (!want(S, map, YTREE_MAP, prev ? "previous_sections" : "sections"))
		return (false);
	for (i = 0; i < map->n; i++) {
		sec = tpl_section_index(report_tpl(r), map->keys[i]->str);
		if (sec < 0)
			return (serr(S, map->keys[i], "store.unknown_section",
			    map->keys[i]->str, NULL));
		if (!want(S, map->items[i], YTREE_SCALAR, map->keys[i]->str))
			return (false);
		if (prev)
			report_set_prev_text(r, sec, map->items[i]->str);
		else
			report_set_text(r, sec, map->items[i]->str, NULL);
	}
	return (true);
}

/* A positive decimal number in ASCII digits (the format version). */
static bool
parse_uint(const char *s, int *out)
{
	int	v = 0;

	if (*s == '\0')
		return (false);
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > 99999)
			return (false);
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return (v >= 1);
}

/* A report year, in ASCII digits, in the one range of year.h. */
static bool
parse_year(const char *s, int *year)
{
	return (parse_uint(s, year) && year_valid(*year));
}

/* published_on: a date YYYY-MM-DD (report_set_published_on), if any. */
static bool
load_published_on(struct sctx *S, struct report *r, const struct ytree *v)
{
	if (v == NULL)
		return (true);
	if (!want(S, v, YTREE_SCALAR, "published_on"))
		return (false);
	if (!report_set_published_on(r, v->str))
		return (serr(S, v, "store.bad_date", v->str, NULL));
	return (true);
}

static struct report *
load_tree(struct sctx *S, const struct ytree *root, struct tpl *const *tpls,
    size_t ntpls)
{
	static const char *const keys[] = { "nianbao", "template", "organ",
	    "year", "published_on", "sections", "cells", "published",
	    "previous",
	    "previous_sections", "sources", NULL };
	const struct ytree	*v;
	const struct tpl	*t;
	struct report		*r;
	size_t			 i;
	int			 j, year;

	if (root->kind != YTREE_MAP || root->n == 0) {
		serr(S, root, "store.not_report", NULL, NULL);
		return (NULL);
	}
	for (i = 0; i < root->n; i++) {
		for (j = 0; keys[j] != NULL; j++)
			if (strcmp(root->keys[i]->str, keys[j]) == 0)
				break;
		if (keys[j] == NULL) {
			serr(S, root->keys[i], "store.unknown_key",
			    root->keys[i]->str, NULL);
			return (NULL);
		}
	}
	if ((v = ytree_get(root, "nianbao")) == NULL) {
		serr(S, root, "store.not_report", NULL, NULL);
		return (NULL);
	}
	if (v->kind != YTREE_SCALAR || !parse_uint(v->str, &year)) {
		serr(S, v, "store.bad_version", v->str, NULL);
		return (NULL);
	}
	if (year > STORE_FORMAT_VERSION) {
		serr(S, v, "store.version", v->str, NULL);
		return (NULL);
	}
	if ((v = ytree_get(root, "template")) == NULL) {
		serr(S, root, "store.missing_key", "template", NULL);
		return (NULL);
	}
	if (!want(S, v, YTREE_SCALAR, "template"))
		return (NULL);
	if ((t = tpl_by_id(tpls, ntpls, v->str)) == NULL) {
		serr(S, v, "store.unknown_template", v->str, NULL);
		return (NULL);
	}
	r = report_new(t);
	report_freeze(r);
	if ((v = ytree_get(root, "organ")) != NULL) {
		if (!want(S, v, YTREE_SCALAR, "organ"))
			goto fail;
		report_set_organ(r, v->str);
	}
	if ((v = ytree_get(root, "year")) != NULL) {
		if (!want(S, v, YTREE_SCALAR, "year"))
			goto fail;
		if (v->plain && (strcmp(v->str, "~") == 0 || v->len == 0))
			year = 0;
		else if (!parse_year(v->str, &year)) {
			serr(S, v, "store.bad_year", v->str, NULL);
			goto fail;
		}
		report_set_year(r, year);
	}
	if (!load_published_on(S, r, ytree_get(root, "published_on")))
		goto fail;
	if ((v = ytree_get(root, "sections")) != NULL &&
	    !load_sections(S, r, v, false))
		goto fail;
	if ((v = ytree_get(root, "cells")) != NULL &&
	    !load_values(S, r, v, "cells", 0))
		goto fail;
	if ((v = ytree_get(root, "published")) != NULL &&
	    !load_values(S, r, v, "published", 1))
		goto fail;
	if ((v = ytree_get(root, "previous")) != NULL &&
	    !load_values(S, r, v, "previous", 2))
		goto fail;
	if ((v = ytree_get(root, "previous_sections")) != NULL &&
	    !load_sections(S, r, v, true))
		goto fail;
	if ((v = ytree_get(root, "sources")) != NULL) {
		if (!want(S, v, YTREE_SEQ, "sources"))
			goto fail;
		for (i = 0; i < v->n; i++) {
			if (!want(S, v->items[i], YTREE_SCALAR, "sources"))
				goto fail;
			report_add_source(r, v->items[i]->str);
		}
	}
	report_thaw(r);
	return (r);
fail:
	report_free(r);
	return (NULL);
}

struct report *
store_parse(const char *buf, size_t len, const char *path,
    struct tpl *const *tpls, size_t ntpls, struct err *err)
{
	struct sctx	 S = { path, err };
	struct ytree	*root;
	struct report	*r;

	if ((root = ytree_parse(buf, len, path, err)) == NULL)
		return (NULL);
	r = load_tree(&S, root, tpls, ntpls);
	ytree_free(root);
	return (r);
}

struct report *
store_load(const char *path, struct tpl *const *tpls, size_t ntpls,
    struct err *err)
{
	struct sctx	 S = { path, err };
	struct ytree	*root;
	struct report	*r;

	if ((root = ytree_load(path, err)) == NULL)
		return (NULL);
	r = load_tree(&S, root, tpls, ntpls);
	ytree_free(root);
	return (r);
}
