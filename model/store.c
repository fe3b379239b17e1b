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

#include "answer.h"
#include "finding.h"
#include "fsio.h"
#include "ledger_prov.h"
#include "num.h"
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
		/* An empty 前言 is left out: a file without it has none. */
		if (t->sections[i].preface && *report_text(r, (int)i) == '\0')
			continue;
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
	ledger_prov_dump(&b, r);
	answer_dump(&b, r);
	finding_dump(&b, r);
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

/*
 * The cell id, looked for first in the few cells after c (a file lists
 * its cells in template order, skipping the computed ones), then by
 * tpl_cell_index; -1 if the template has none.
 */
static int
next_cell(const struct tpl *t, int c, const char *id)
{
	int	j;

	for (j = c + 1; j < (int)t->ncells && j <= c + 8; j++)
		if (strcmp(t->cells[j].id, id) == 0)
			return (j);
	return (tpl_cell_index(t, id));
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

	if (!want(S, map, YTREE_MAP, key))
		return (false);
	for (i = 0, c = -1; i < map->n; i++) {
		k = map->keys[i];
		val = map->items[i];
		/* Files list cells in template order: look a few ahead. */
		if ((c = next_cell(t, c, k->str)) < 0)
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
				tpl_cell_err(t, c, num_status_msgid(st),
				    S->path, val->line, val->col, S->err);
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

/* A positive decimal number in ASCII digits, at most 999999 (the format
 * version, a year). */
static bool
parse_uint(const char *s, int *out)
{
	unsigned long long	v;

	if (!num_read_dec(&s, &v) || *s != '\0' || v > 999999)
		return (false);
	*out = (int)v;
	return (v >= 1);
}

/* A report year, in ASCII digits, in the one range of year.h. */
static bool
parse_year(const char *s, int *year)
{
	return (parse_uint(s, year) && year_valid(*year));
}

/* The header (nianbao:, template:) checked; the report's template. */
static const struct tpl *
load_template(struct sctx *S, const struct ytree *root,
    struct tpl *const *tpls, size_t ntpls)
{
	static const char *const keys[] = { "nianbao", "template", "organ",
	    "year", "published_on", "sections", "cells", "published",
	    "previous", "previous_sections", "sources", "ledger", "answers",
	    "accepted_totals", "import_findings", NULL };
	const struct ytree	*v;
	const struct tpl	*t;
	size_t			 i;
	int			 version;

	if (root->kind != YTREE_MAP || root->n == 0)
		return (serr(S, root, "store.not_report", NULL, NULL), NULL);
	if ((i = ytree_unknown_key(root, keys, 0)) < root->n)
		return (serr(S, root->keys[i], "store.unknown_key",
		    root->keys[i]->str, NULL), NULL);
	if ((v = ytree_get(root, "nianbao")) == NULL)
		return (serr(S, root, "store.not_report", NULL, NULL), NULL);
	if (v->kind != YTREE_SCALAR || !parse_uint(v->str, &version))
		return (serr(S, v, "store.bad_version", v->str, NULL), NULL);
	if (version > STORE_FORMAT_VERSION)
		return (serr(S, v, "store.version", v->str, NULL), NULL);
	if ((v = ytree_get(root, "template")) == NULL)
		return (serr(S, root, "store.missing_key", "template", NULL),
		    NULL);
	if (!want(S, v, YTREE_SCALAR, "template"))
		return (NULL);
	if ((t = tpl_by_id(tpls, ntpls, v->str)) == NULL)
		return (serr(S, v, "store.unknown_template", v->str, NULL),
		    NULL);
	return (t);
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

/* organ:, year: and published_on: */
static bool
load_head(struct sctx *S, struct report *r, const struct ytree *root)
{
	const struct ytree	*v;
	int			 year;

	if ((v = ytree_get(root, "organ")) != NULL) {
		if (!want(S, v, YTREE_SCALAR, "organ"))
			return (false);
		report_set_organ(r, v->str);
	}
	if ((v = ytree_get(root, "year")) != NULL) {
		if (!want(S, v, YTREE_SCALAR, "year"))
			return (false);
		if (v->plain && (strcmp(v->str, "~") == 0 || v->len == 0))
			year = 0;
		else if (!parse_year(v->str, &year))
			return (serr(S, v, "store.bad_year", v->str, NULL));
		report_set_year(r, year);
	}
	return (load_published_on(S, r, ytree_get(root, "published_on")));
}

static bool
load_sources(struct sctx *S, struct report *r, const struct ytree *v)
{
	size_t	i;

	if (!want(S, v, YTREE_SEQ, "sources"))
		return (false);
	for (i = 0; i < v->n; i++) {
		if (!want(S, v->items[i], YTREE_SCALAR, "sources"))
			return (false);
		report_add_source(r, v->items[i]->str);
	}
	return (true);
}

/* Everything after the head, each part optional. */
static bool
load_body(struct sctx *S, struct report *r, const struct ytree *root)
{
	const struct ytree *v;

	if ((v = ytree_get(root, "sections")) != NULL &&
	    !load_sections(S, r, v, false))
		return (false);
	if ((v = ytree_get(root, "cells")) != NULL &&
	    !load_values(S, r, v, "cells", 0))
		return (false);
	if ((v = ytree_get(root, "published")) != NULL &&
	    !load_values(S, r, v, "published", 1))
		return (false);
	if ((v = ytree_get(root, "previous")) != NULL &&
	    !load_values(S, r, v, "previous", 2))
		return (false);
	if ((v = ytree_get(root, "previous_sections")) != NULL &&
	    !load_sections(S, r, v, true))
		return (false);
	if ((v = ytree_get(root, "sources")) != NULL &&
	    !load_sources(S, r, v))
		return (false);
	if ((v = ytree_get(root, "ledger")) != NULL &&
	    !ledger_prov_load(r, v, S->path, S->err))
		return (false);
	if (!finding_load(r, ytree_get(root, "import_findings"), S->path,
	    S->err))
		return (false);
	return (answer_load(r, ytree_get(root, "answers"),
	    ytree_get(root, "accepted_totals"), S->path, S->err));
}

static struct report *
load_tree(struct sctx *S, const struct ytree *root, struct tpl *const *tpls,
    size_t ntpls)
{
	const struct tpl	*t;
	struct report		*r;

	if ((t = load_template(S, root, tpls, ntpls)) == NULL)
		return (NULL);
	/* Frozen: every value is stored, then totals and rules run once. */
	r = report_new_frozen(t);
	if (!load_head(S, r, root) || !load_body(S, r, root)) {
		report_free(r);
		return (NULL);
	}
	report_thaw(r);
	return (r);
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

struct report *
store_load_stamped(const char *path, struct tpl *const *tpls, size_t ntpls,
    struct filestamp *stamp, struct err *err)
{
	struct report	*r;
	char		*buf = NULL;
	size_t		 len;

	if (filestamp_read(path, YTREE_MAX_FILE, stamp, &buf, &len, err) <= 0)
		return (NULL);
	r = store_parse(buf, len, path, tpls, ntpls, err);
	free(buf);
	return (r);
}
