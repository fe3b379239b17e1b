/*
 * Cross-year rules; see xyear.h.  Each organ's items are already sorted
 * by year (xorgan_group); one walk over neighbours finds duplicates, gaps
 * and consecutive pairs.  A pair's texts are loaded again only when a
 * signature estimate comes within XYEAR_MARGIN of a rule's minimum, and
 * then at most once for the pair.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "boiler.h"
#include "xyear.h"

/* A consecutive pair: last year's item a, this year's b. */
struct pair {
	struct batch		*b;
	size_t			 ia;
	size_t			 ib;
	struct batch_texts	 ta;
	struct batch_texts	 tb;
	bool			 loaded;
	bool			 ok;
};

static bool
own_rule_flagged(const struct batch_item *it, const char *id)
{
	int	r = tpl_rule_index(it->tpl, id);

	return (r >= 0 && r < 64 && (it->rules_flagged >> r & 1));
}

/* R5, each column of t3. */
static void
carry(struct pair *p)
{
	struct batch_item	*a = &p->b->items[p->ia], *b = &p->b->items[p->ib];
	const struct tpl_block	*blk = NULL;
	struct num		 x, y;
	char			 id[128];
	size_t			 i, c;

	if (own_rule_flagged(b, "R5"))
		return;
	for (i = 0; i < b->tpl->nblocks; i++)
		if (strcmp(b->tpl->blocks[i].id, "t3") == 0)
			blk = &b->tpl->blocks[i];
	if (blk == NULL)
		return;
	for (c = 0; c < blk->ncols; c++) {
		const char *col = tpl_col_node(blk, (int)c)->id;
		snprintf(id, sizeof id, "t3.carried_out.%s", col);
		if (!batch_value(p->b, a, id, &x))
			continue;
		snprintf(id, sizeof id, "t3.carried_in.%s", col);
		if (!batch_value(p->b, b, id, &y) || num_cmp(x, y) == 0)
			continue;
		struct batch_cross *f = batch_add_cross(b, BATCH_X_CARRY,
		    p->ia);
		f->cell = tpl_cell_index(b->tpl, id);
		f->v[0] = x;
		f->v[1] = y;
	}
}

/* X1, 规章 and 行政规范性文件. */
static void
in_force(struct pair *p)
{
	static const char *const rows[] = { "regulations", "normative_docs" };
	struct batch_item	*a = &p->b->items[p->ia], *b = &p->b->items[p->ib];
	struct num		 last, made, gone, now, want;
	char			 id[4][96];
	size_t			 r;

	for (r = 0; r < 2; r++) {
		snprintf(id[0], sizeof id[0], "t2_1.%s.in_force", rows[r]);
		snprintf(id[1], sizeof id[1], "t2_1.%s.issued", rows[r]);
		snprintf(id[2], sizeof id[2], "t2_1.%s.repealed", rows[r]);
		if (!batch_value(p->b, a, id[0], &last) ||
		    !batch_value(p->b, b, id[1], &made) ||
		    !batch_value(p->b, b, id[2], &gone) ||
		    !batch_value(p->b, b, id[0], &now))
			continue;
		want = last;
		if (!num_add(&want, made, 1) || !num_add(&want, gone, -1) ||
		    num_cmp(want, now) == 0)
			continue;
		struct batch_cross *f = batch_add_cross(b, BATCH_X_IN_FORCE,
		    p->ia);
		f->cell = tpl_cell_index(b->tpl, id[0]);
		f->v[0] = last;
		f->v[1] = made;
		f->v[2] = gone;
		f->v[3] = now;
	}
}

/* Whether cell id is one whose jumps are looked at. */
static bool
jump_cell(const char *id)
{
	size_t	len = strlen(id);

	if (strncmp(id, "t2", 2) == 0)
		return (true);
	if (strncmp(id, "t3.", 3) == 0)
		return (len > 6 && strcmp(id + len - 6, ".total") == 0);
	return (strncmp(id, "t4.", 3) == 0 && len > 6 &&
	    strcmp(id + len - 6, "_total") == 0);
}

/* x > 5y, exactly (values are at most 10^12 in magnitude). */
static bool
over_five(struct num x, struct num y)
{
	return (x.v > 5 * y.v);
}

/* The kept figure k of it (its template's keep list), or false. */
static bool
kept(const struct batch_item *it, size_t k, struct num *out)
{
	if (it->kv == NULL || it->kv[k] == INT64_MIN)
		return (false);
	out->v = it->kv[k];
	out->dp = it->kdp[k];
	return (true);
}

/* X2. */
static void
jumps(struct pair *p)
{
	struct batch_item		*a = &p->b->items[p->ia];
	struct batch_item		*b = &p->b->items[p->ib];
	const struct batch_tinfo	*ti = batch_tinfo(p->b, b->tpl);
	struct num			 x, y;
	size_t				 k;
	bool				 have;

	if (ti == NULL)
		return;
	for (k = 0; k < ti->nkeep; k++) {
		const struct tpl_cell *c = &b->tpl->cells[ti->keep[k]];
		int64_t ten = c->type.kind == NUM_MONEY ? 10 * NUM_MONEY_SCALE :
		    10;
		if (!jump_cell(c->id) || !kept(b, k, &y))
			continue;
		/* One template (the usual case): the same place in kv. */
		have = a->tpl == b->tpl ? kept(a, k, &x) :
		    batch_value(p->b, a, c->id, &x);
		if (!have || x.v < ten || y.v < ten ||
		    !(over_five(x, y) || over_five(y, x)))
			continue;
		struct batch_cross *f = batch_add_cross(b, BATCH_X_JUMP, p->ia);
		f->cell = ti->keep[k];
		f->v[0] = x;
		f->v[1] = y;
	}
}

/* The narrative ordinal of section id in ti, or -1. */
static int
narr_of(const struct batch_tinfo *ti, const char *id)
{
	size_t	k;

	for (k = 0; k < ti->nnarr; k++)
		if (strcmp(ti->tpl->sections[ti->narr[k]].id, id) == 0)
			return ((int)k);
	return (-1);
}

static bool
pair_texts(struct pair *p)
{
	if (!p->loaded) {
		p->loaded = true;
		p->ok = batch_texts_load(p->b, p->ia, &p->ta) &&
		    batch_texts_load(p->b, p->ib, &p->tb);
	}
	return (p->ok);
}

/* The R9 family. */
static void
similar(struct pair *p)
{
	struct batch_item		*a = &p->b->items[p->ia];
	struct batch_item		*b = &p->b->items[p->ib];
	const struct batch_tinfo	*ta = batch_tinfo(p->b, a->tpl);
	const struct batch_tinfo	*tb = batch_tinfo(p->b, b->tpl);
	size_t				 r;
	int				 ka, kb, est, pct;

	if (ta == NULL || tb == NULL)
		return;
	for (r = 0; r < b->tpl->nrules; r++) {
		const struct tpl_rule *ru = &b->tpl->rules[r];
		if (ru->kind != TPL_R_TEXT_PREV || ru->section < 0 ||
		    own_rule_flagged(b, ru->id))
			continue;
		kb = narr_of(tb, b->tpl->sections[ru->section].id);
		ka = narr_of(ta, b->tpl->sections[ru->section].id);
		if (ka < 0 || kb < 0 || !(a->has_sig >> ka & 1) ||
		    !(b->has_sig >> kb & 1))
			continue;
		est = minhash_dice(minhash_agree(&a->sigs[ka * MINHASH_N],
		    &b->sigs[kb * MINHASH_N]));
		if (est < ru->max - XYEAR_MARGIN || !pair_texts(p))
			continue;
		pct = boiler_similarity(p->ta.stripped[ka], p->tb.stripped[kb]);
		if (pct < ru->max)
			continue;
		struct batch_cross *f = batch_add_cross(b, BATCH_X_SIMILAR,
		    p->ia);
		f->rule = (int)r;
		f->section = ru->section;
		f->pct = pct;
	}
}

static void
consecutive(struct batch *bt, size_t ia, size_t ib)
{
	struct pair	p;

	memset(&p, 0, sizeof p);
	p.b = bt;
	p.ia = ia;
	p.ib = ib;
	carry(&p);
	in_force(&p);
	jumps(&p);
	similar(&p);
	if (p.loaded) {
		batch_texts_done(&p.ta);
		batch_texts_done(&p.tb);
	}
}

void
xyear_check(struct batch *b)
{
	size_t	o, k;

	for (o = 0; o < b->norgans; o++) {
		const struct batch_organ *org = &b->organs[o];
		for (k = 1; k < org->nitems; k++) {
			size_t ia = org->items[k - 1], ib = org->items[k];
			struct batch_item *a = &b->items[ia], *c = &b->items[ib];
			if (a->year == c->year) {
				batch_add_cross(a, BATCH_X_DUPLICATE, ib);
				batch_add_cross(c, BATCH_X_DUPLICATE, ia);
			} else if (a->year + 1 == c->year)
				consecutive(b, ia, ib);
			else {
				struct batch_cross *f = batch_add_cross(c,
				    BATCH_X_GAP, ia);
				f->year = a->year + 1;
				f->year_to = c->year - 1;
			}
		}
	}
}
