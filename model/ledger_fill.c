/*
 * One fill of table 三; see ledger_fill.h.  The fill computes the new
 * value of every cell first (a count row may feed one cell, or, in the
 * 2019 format, several rows feed its single （六）其他处理), then records
 * only the cells whose value changes, with both values, and sets them
 * between report_freeze and report_thaw so totals and rules are
 * recomputed once.  The provenance is swapped in; the one it replaces is
 * kept in the fill for undo.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_date.h"
#include "ledger_fill.h"
#include "vec.h"
#include "xmalloc.h"

struct change {
	int			 cell;
	struct report_value	 before;
	struct report_value	 after;
};

struct ledger_fill {
	struct change		*ch;
	size_t			 n, cap;
	struct ledger_prov	*other;		/* the provenance not in r */
	enum ledger_carry	 carry;
	bool			 applied;
};

/* The template cell of count row k, column j (2019: r_other_N ->
 * r_other); -1 when there is none. */
static int
cell_of(const struct tpl *t, int k, int j)
{
	char	id[64];
	int	c;

	snprintf(id, sizeof id, "t3.%s.%s", ledger_count_row_id(k),
	    ledger_count_col_id(j));
	if ((c = tpl_cell_index(t, id)) >= 0 || strncmp(ledger_count_row_id(k),
	    "r_other_", 8) != 0)
		return (c);
	snprintf(id, sizeof id, "t3.r_other.%s", ledger_count_col_id(j));
	return (tpl_cell_index(t, id));
}

/* The register rows of the count, in the provenance's row order. */
static void
add_rows(struct ledger_prov *p, const struct ledger_count *c)
{
	struct ledger_prov_row	 w;
	char			 recv[16], ans[16];
	size_t			 i;

	for (i = 0; i < c->nentries; i++) {
		const struct ledger_entry *e = &c->entries[i];
		w.ref = e->ref;
		w.received = ledger_date_iso(e->received, recv);
		if (e->answered == LEDGER_NO_DATE)
			ans[0] = '\0';
		else
			ledger_date_iso(e->answered, ans);
		w.answered = ans;
		w.applicant = e->applicant;
		w.result = e->result;
		ledger_prov_add_row(p, &w);
	}
}

/* Last year's 四 of column j, 0 when unknown. */
static int64_t
prev_out(const struct report *r, int j)
{
	struct report_value	v;
	char			id[64];
	int			c;

	snprintf(id, sizeof id, "t3.carried_out.%s", ledger_count_col_id(j));
	if ((c = tpl_cell_index(report_tpl(r), id)) < 0 ||
	    !report_prev_value(r, c, &v) || v.state != RV_SET)
		return (0);
	return (v.n.v);
}

/* Builds the provenance (values included); false with *err. */
static bool
build(struct ledger_fill *f, struct ledger_prov *p, const struct report *r,
    const struct ledger_count *c, struct err *err)
{
	const struct tpl	*t = report_tpl(r);
	char			 id[64];
	int			 k, j, cell;

	add_rows(p, c);
	for (k = 0; k < LEDGER_NROWS; k++)
		for (j = 0; j < LEDGER_NCOLS; j++) {
			if ((cell = cell_of(t, k, j)) < 0) {
				snprintf(id, sizeof id, "t3.%s.%s",
				    ledger_count_row_id(k),
				    ledger_count_col_id(j));
				err_set(err, NULL, 0, 0, "ledger.e_no_t3", 1,
				    id);
				return (false);
			}
			if (k == LEDGER_ROW_CARRIED_IN &&
			    f->carry == LEDGER_CARRY_PREVIOUS)
				ledger_prov_add_cell(p, cell, prev_out(r, j),
				    NULL, 0);
			else
				ledger_prov_add_cell(p, cell, c->n[k][j],
				    c->rows[k][j].v, c->rows[k][j].n);
		}
	return (true);
}

/* The changes: every filled cell whose value differs. */
static void
collect(struct ledger_fill *f, const struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	struct report_value	 now, want;
	int64_t			 n;
	size_t			 i;
	struct change		*ch;

	for (i = 0; i < t->ncells; i++) {
		if (!ledger_prov_filled(r, (int)i, &n))
			continue;
		now = report_value(r, (int)i);
		memset(&want, 0, sizeof want);
		want.state = RV_SET;
		want.n.v = n;
		if (now.state == RV_SET && now.n.v == n && now.n.dp == 0)
			continue;
		ch = VEC_PUSH(f->ch, f->n, f->cap);
		ch->cell = (int)i;
		ch->before = now;
		ch->after = want;
	}
}

/* Sets the after (or before) values and swaps the provenance. */
static void
apply(struct ledger_fill *f, struct report *r, bool after)
{
	size_t	i;

	report_freeze(r);
	for (i = 0; i < f->n; i++)
		report_set_value(r, f->ch[i].cell, after ? f->ch[i].after :
		    f->ch[i].before, NULL);
	f->other = report_swap_prov(r, f->other);
	report_thaw(r);
	f->applied = after;
}

struct ledger_fill *
ledger_fill(struct report *r, const struct ledger_count *c, const char *reg,
    const char *sha256, struct err *err)
{
	struct ledger_fill	*f;
	struct ledger_prov	*p;
	char			 a[16], b[16];

	if (report_year(r) != c->year) {
		snprintf(a, sizeof a, "%d", c->year);
		snprintf(b, sizeof b, "%d", report_year(r));
		err_set(err, NULL, 0, 0, "ledger.e_year", 2, a, b);
		return (NULL);
	}
	f = xcalloc(1, sizeof *f);
	f->carry = c->starts_in_year && report_has_prev(r) ?
	    LEDGER_CARRY_PREVIOUS : LEDGER_CARRY_REGISTER;
	p = ledger_prov_new(reg, sha256, c->year, f->carry);
	if (!build(f, p, r, c, err)) {
		ledger_prov_free(p);
		free(f);
		return (NULL);
	}
	/* Compare with the report as it is, the new provenance in place. */
	f->other = report_swap_prov(r, p);
	collect(f, r);
	p = report_swap_prov(r, f->other);
	f->other = p;
	apply(f, r, true);
	return (f);
}

void
ledger_fill_free(struct ledger_fill *f)
{
	if (f == NULL)
		return;
	ledger_prov_free(f->other);
	free(f->ch);
	free(f);
}

bool
ledger_fill_undo(struct ledger_fill *f, struct report *r)
{
	if (!f->applied)
		return (false);
	apply(f, r, false);
	return (true);
}

bool
ledger_fill_redo(struct ledger_fill *f, struct report *r)
{
	if (f->applied)
		return (false);
	apply(f, r, true);
	return (true);
}

enum ledger_carry
ledger_fill_carry(const struct ledger_fill *f)
{
	return (f->carry);
}

size_t
ledger_fill_nchanges(const struct ledger_fill *f)
{
	return (f->n);
}

void
ledger_fill_change(const struct ledger_fill *f, size_t i, int *cell,
    struct report_value *before, struct report_value *after)
{
	*cell = f->ch[i].cell;
	*before = f->ch[i].before;
	*after = f->ch[i].after;
}
