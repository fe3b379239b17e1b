/*
 * Answers to warnings and accepted totals (answer.h).  struct answers is
 * two growable lists owned by the report (report_answers): the answers,
 * each with its rule id, first cell id ("" for none), reason and the
 * digest of the flag's Chinese message when answered (FNV-1a, 64 bits,
 * written in hex); and the accepted totals, each a cell and the figure
 * that was printed.  A flag is answered when an answer with its rule and
 * cell has its message's digest now.  answer_dump writes only the
 * answers that still answer something, which is how a changed thing
 * loses its answer at the next save.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "finding.h"
#include "num.h"
#include "vec.h"
#include "xmalloc.h"

struct answer {
	char		*rule;
	char		*cell;		/* "" when the flag has none */
	char		*reason;
	uint64_t	 digest;
};

struct accepted {
	int			cell;
	struct report_value	printed;
};

struct answers {
	struct answer	*v;
	size_t		 n, cap;
	struct accepted	*acc;
	size_t		 nacc, capacc;
};

struct answers *
answer_new(void)
{
	return (xcalloc(1, sizeof(struct answers)));
}

void
answer_free(struct answers *a)
{
	size_t	i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++) {
		free(a->v[i].rule);
		free(a->v[i].cell);
		free(a->v[i].reason);
	}
	free(a->v);
	free(a->acc);
	free(a);
}

static const char *
flag_rule(const struct report *r, const struct report_flag *f)
{
	return (report_tpl(r)->rules[f->rule].id);
}

static const char *
flag_cell(const struct report *r, const struct report_flag *f)
{
	if (f->finding >= 0)
		return (finding_key(r, f->finding));
	return (f->ncells > 0 ? report_tpl(r)->cells[f->cells[0]].id : "");
}

static uint64_t
fnv(uint64_t h, const char *p)
{
	for (; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return (h);
}

/* The digest of what the flag answers now: its message (figures,
 * sentence, percentage) and, for a rule on one section, that text. */
static uint64_t
flag_digest(const struct report *r, const struct report_flag *f)
{
	const struct tpl_rule	*ru = &report_tpl(r)->rules[f->rule];
	char			*m = report_flag_message(r, f, LANG_ZH);
	uint64_t		 h = fnv(14695981039346656037ULL, m);

	free(m);
	if (ru->section >= 0)
		h = fnv(h, report_text(r, ru->section));
	return (h);
}

/* The answer recorded for f's rule and cell, or NULL. */
static struct answer *
find(const struct report *r, const struct report_flag *f)
{
	struct answers	*a = report_answers(r);
	size_t		 i;

	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i].rule, flag_rule(r, f)) == 0 &&
		    strcmp(a->v[i].cell, flag_cell(r, f)) == 0)
			return (&a->v[i]);
	return (NULL);
}

bool
answer_find(const struct report *r, const char *spec,
    struct report_flag *out)
{
	const char		*colon = strchr(spec, ':');
	size_t			 rl = colon ? (size_t)(colon - spec) :
				    strlen(spec), n, i;
	struct report_flag	*f;
	bool			 found = false;

	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n && !found; i++) {
		const char *id = flag_rule(r, &f[i]);
		if (strlen(id) != rl || strncmp(id, spec, rl) != 0 ||
		    (colon != NULL && strcmp(colon + 1, flag_cell(r, &f[i]))))
			continue;
		*out = f[i];
		found = true;
	}
	free(f);
	return (found);
}

bool
answer_give(struct report *r, const struct report_flag *f,
    const char *reason, struct err *err)
{
	struct answers	*a = report_answers(r);
	struct answer	*an;

	if (f->severity == TPL_ERROR) {
		err_set(err, NULL, 0, 0, "rules.answer_error", 1,
		    flag_rule(r, f));
		return (false);
	}
	if (reason == NULL || reason[strspn(reason, " \t\n")] == '\0') {
		err_set(err, NULL, 0, 0, "rules.answer_empty", 1,
		    flag_rule(r, f));
		return (false);
	}
	if ((an = find(r, f)) == NULL) {
		an = VEC_PUSH(a->v, a->n, a->cap);
		an->rule = xstrdup(flag_rule(r, f));
		an->cell = xstrdup(flag_cell(r, f));
	} else
		free(an->reason);
	an->reason = xstrdup(reason);
	an->digest = flag_digest(r, f);
	report_touch(r);
	return (true);
}

const char *
answer_for(const struct report *r, const struct report_flag *f)
{
	struct answer	*an;

	if (f->severity == TPL_ERROR || report_answers(r)->n == 0 ||
	    (an = find(r, f)) == NULL || an->digest != flag_digest(r, f))
		return (NULL);
	return (an->reason);
}

size_t
answer_count(const struct report *r)
{
	struct report_flag	*f;
	size_t			 n, i, k = 0;

	if (report_answers(r)->n == 0)
		return (0);
	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n; i++)
		k += answer_for(r, &f[i]) != NULL;
	free(f);
	return (k);
}

size_t
answer_accept_totals(struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	struct answers		*a = report_answers(r);
	struct report_value	 pub, now;
	struct accepted		*ac;
	size_t			 i, n, k = 0;

	for (i = 0; i < t->ncells; i++) {
		if (t->cells[i].formula < 0 ||
		    !report_published(r, (int)i, &pub))
			continue;
		now = report_value(r, (int)i);
		if (pub.state == now.state && (pub.state != RV_SET ||
		    num_cmp(pub.n, now.n) == 0))
			continue;
		ac = VEC_PUSH(a->acc, a->nacc, a->capacc);
		ac->cell = (int)i;
		ac->printed = pub;
		report_set_published(r, (int)i, NULL);
		k++;
	}
	if (finding_count(r) > 0) {
		/* A blank printed total is accepted as computed too. */
		n = finding_count(r);
		finding_fix_totals(r);
		k += n - finding_count(r);
	}
	if (k > 0)
		report_touch(r);
	return (k);
}

size_t
answer_naccepted(const struct report *r)
{
	return (report_answers(r)->nacc);
}

/* The answers that still answer a current flag. */
static void
dump_answers(struct sbuf *b, const struct report *r)
{
	struct report_flag	*f;
	struct answer		*an;
	size_t			 n, i, k = 0;

	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n; i++) {
		if (answer_for(r, &f[i]) == NULL)
			continue;
		an = find(r, &f[i]);
		if (k++ == 0)
			sbuf_adds(b, "answers:\n");
		sbuf_adds(b, "  - rule: ");
		ytree_emit_str(b, an->rule);
		sbuf_adds(b, "\n    cell: ");
		ytree_emit_str(b, an->cell);
		sbuf_adds(b, "\n    reason: ");
		ytree_emit_str(b, an->reason);
		sbuf_addf(b, "\n    digest: \"%016" PRIx64 "\"\n", an->digest);
	}
	free(f);
}

void
answer_dump(struct sbuf *b, const struct report *r)
{
	struct answers	*a = report_answers(r);
	char		 num[NUM_FMT_MAX];
	size_t		 i;

	if (a->n > 0)
		dump_answers(b, r);
	for (i = 0; i < a->nacc; i++) {
		if (i == 0)
			sbuf_adds(b, "accepted_totals:\n");
		sbuf_addf(b, "  %s: %s\n", report_tpl(r)->cells[a->acc[i].cell].id,
		    a->acc[i].printed.state == RV_SET ? report_format_value(r,
		    a->acc[i].cell, a->acc[i].printed, num) : "~");
	}
}

/* One answers: entry; false (err set) when malformed. */
static bool
load_answer(struct answers *a, const struct ytree *e, const char *path,
    struct err *err)
{
	static const char *const keys[] = { "rule", "cell", "reason",
	    "digest" };
	const struct ytree	*v[4];
	struct answer		*an;
	size_t			 k;

	for (k = 0; k < 4; k++) {
		v[k] = e->kind == YTREE_MAP ? ytree_get(e, keys[k]) : NULL;
		if (v[k] == NULL || v[k]->kind != YTREE_SCALAR) {
			err_set(err, path, e->line, e->col,
			    "store.missing_key", 1, keys[k]);
			return (false);
		}
	}
	an = VEC_PUSH(a->v, a->n, a->cap);
	an->rule = xstrdup(v[0]->str);
	an->cell = xstrdup(v[1]->str);
	an->reason = xstrdup(v[2]->str);
	an->digest = strtoull(v[3]->str, NULL, 16);
	return (true);
}

bool
answer_load(struct report *r, const struct ytree *answers,
    const struct ytree *accepted, const char *path, struct err *err)
{
	struct answers		*a = report_answers(r);
	struct accepted		*ac;
	size_t			 i;
	int			 c;

	if (answers != NULL && answers->kind != YTREE_SEQ) {
		err_set(err, path, answers->line, answers->col, "store.type",
		    2, "answers", "list");
		return (false);
	}
	for (i = 0; answers != NULL && i < answers->n; i++)
		if (!load_answer(a, answers->items[i], path, err))
			return (false);
	for (i = 0; accepted != NULL && i < accepted->n; i++) {
		const struct ytree *v = accepted->items[i];
		struct num n;
		c = accepted->kind == YTREE_MAP ? tpl_cell_index(report_tpl(r),
		    accepted->keys[i]->str) : -1;
		if (c < 0 || v->kind != YTREE_SCALAR) {
			err_set(err, path, v->line, v->col, "store.unknown_cell",
			    1, c < 0 && accepted->kind == YTREE_MAP ?
			    accepted->keys[i]->str : "accepted_totals");
			return (false);
		}
		ac = VEC_PUSH(a->acc, a->nacc, a->capacc);
		ac->cell = c;
		ac->printed.state = RV_BLANK;
		if (num_parse(v->str, report_tpl(r)->cells[c].type.kind, 6, &n,
		    NULL) == NUM_OK) {
			ac->printed.state = RV_SET;
			ac->printed.n = n;
		}
	}
	return (true);
}
