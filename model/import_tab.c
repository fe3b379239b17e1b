/*
 * Reading a section's tables; see import_tab.h.  import_scan cuts the
 * text into rows and label frags and import_place finds the printed row
 * of every template row; this file cuts each placed row's values to its
 * block's columns and stores them.  Values are cut by grid position when
 * every placed row of a TAB table sits on the grid nianbao's own export
 * prints (as many cells as the grid is wide, labels only in the label
 * columns); otherwise they are the cells after the row's last label, and
 * a row whose count is not the block's width is noted, not cut.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_place.h"
#include "import_runs.h"
#include "import_scan.h"
#include "import_tab.h"
#include "labelnorm.h"
#include "sbuf.h"
#include "xmalloc.h"

struct sec {
	struct import_tab_ctx	*x;
	const struct tpl	*t;
	struct import_scan	 sc;
	struct import_place	 pl;
};

static void
note_row(struct sec *s, const struct import_target *tg, int line,
    const char *msgid, const char *a2, const char *a3)
{
	const struct tpl_block *blk = &s->t->blocks[tg->block];
	const struct tpl_section *sn = &s->t->sections[s->t->tables[
	    blk->table].section];
	char	*zh = import_place_path(blk, tg->node, LANG_ZH);
	char	*en = import_place_path(blk, tg->node, LANG_EN);

	if (*zh == '\0') {	/* a row without a label: 四's */
		free(zh);
		free(en);
		zh = xasprintf("%s、%s", sn->number, tpl_label(&sn->title,
		    LANG_ZH));
		en = xasprintf("%s. %s", sn->number, tpl_label(&sn->title,
		    LANG_EN));
	}
	errlist_add(s->x->notes, s->x->path, line, 0, msgid, 4, zh, en,
	    a2 != NULL ? a2 : "", a3 != NULL ? a3 : "");
	free(zh);
	free(en);
}

/* A note on a cell: {0} {1} its labels, {2} what was printed, {3} the
 * value read (import.leading_zero). */
static void
note_cell(struct sec *s, int cell, int line, const char *msgid,
    const char *text, const char *value)
{
	char	zh[1024], en[1024];

	tpl_cell_label(s->t, cell, LANG_ZH, zh, sizeof zh);
	tpl_cell_label(s->t, cell, LANG_EN, en, sizeof en);
	errlist_add(s->x->notes, s->x->path, line, 0, msgid, 4, zh, en,
	    text, value != NULL ? value : "");
}

/* Label columns and width of a table's printed grid (as export_txt). */
static void
grid(const struct sec *s, int table, int *labels, int *width)
{
	const struct tpl_table	*tb = &s->t->tables[table];
	int			 b, w = 0;

	*labels = 0;
	for (b = tb->first_block; b < tb->first_block + tb->nblocks; b++) {
		if (s->t->blocks[b].row_depth > *labels)
			*labels = s->t->blocks[b].row_depth;
		if ((int)s->t->blocks[b].ncols > w)
			w = (int)s->t->blocks[b].ncols;
	}
	*width = *labels + w;
}

/* True when every placed row of a TAB table sits on the grid: as many
 * cells as the grid is wide, labels only in the label columns. */
static bool
on_grid(const struct sec *s, int table)
{
	int	labels, width, c;
	size_t	k;
	bool	any = false;

	if (s->sc.layout != IMPORT_SCAN_ROWS)
		return (false);
	grid(s, table, &labels, &width);
	for (k = 0; k < s->pl.ntg; k++) {
		const struct import_target *t = &s->pl.tg[k];
		const struct import_row *w;
		if (t->row < 0 || s->t->blocks[t->block].table != table)
			continue;
		w = &s->sc.rows[t->row];
		if (w->ncells != width || w->last_label >= labels)
			return (false);
		for (c = w->last_label + 1; c < labels; c++)
			if (!import_scan_is_blank(w->cells[c]))
				return (false);
		any = true;
	}
	return (any);
}

/*
 * Cuts the printed values of a row to n columns into out[].  Returns n,
 * or the number of values printed when that is not n (a short or long
 * row, which is not cut at all).
 */
static int
cut(const struct sec *s, int row, int gridlabels, int n, const char **out)
{
	const struct import_row	*w = &s->sc.rows[row];
	char			**v;
	int			 nv, lo = 0, hi, c;

	if (gridlabels >= 0) {
		for (c = 0; c < n; c++)
			out[c] = w->cells[gridlabels + c];
		return (n);
	}
	v = import_scan_values(&s->sc, row, &nv);
	hi = nv;
	if (s->sc.layout == IMPORT_SCAN_ROWS) {
		/* Outside a grid, empty cells at the ends are padding. */
		while (lo < hi && import_scan_is_blank(v[lo]))
			lo++;
		while (hi > lo && import_scan_is_blank(v[hi - 1]))
			hi--;
		if (hi == lo) {
			for (c = 0; c < n; c++)
				out[c] = "";
			return (n);
		}
	} else if (s->sc.layout == IMPORT_SCAN_CELLS) {
		while (hi - lo > n && import_scan_is_blank(v[hi - 1]))
			hi--;
	}
	if (hi - lo != n)
		return (hi - lo);
	for (c = 0; c < n; c++)
		out[c] = v[lo + c];
	return (n);
}

/*
 * The spaced layout: a row whose values pdftotext set on several lines
 * of its wrapped label (a long label in a narrow column, its cells
 * centred on it), not on one.  The values on the label's lines, taken
 * left to right by the column they start in, are the row's values when
 * there are as many as the block has columns, each in a column of its
 * own.
 */
static bool
merge_spaced(struct sec *s, const struct import_target *t, int n,
    const char **out)
{
	int	*pos = xcalloc((size_t)n + 1, sizeof *pos);
	int	 a = s->sc.frags[t->f0].line, b = s->sc.frags[t->f1].line;
	int	 c, k, got = 0, p;
	size_t	 r;
	bool	 ok = true;

	for (r = 0; r < s->sc.nrows && ok; r++) {
		const struct import_row *w = &s->sc.rows[r];
		if ((w->used && (int)r != t->row) || w->line < a ||
		    w->line > b)
			continue;
		for (k = 0; k < w->nvals && ok; k++) {
			if (!(ok = got < n))
				break;
			/* Insertion by position, left to right. */
			p = w->vpos[k];
			for (c = got++; c > 0 && pos[c - 1] > p; c--) {
				pos[c] = pos[c - 1];
				out[c] = out[c - 1];
			}
			ok = c == 0 || pos[c - 1] != p;
			pos[c] = p;
			out[c] = w->vals[k];
		}
	}
	ok = ok && got == n;
	for (r = 0; ok && r < s->sc.nrows; r++)
		if (s->sc.rows[r].line >= a && s->sc.rows[r].line <= b &&
		    s->sc.rows[r].nvals > 0)
			s->sc.rows[r].used = true;
	free(pos);
	return (ok);
}

/* "00", "０１": a count written with a leading zero. */
static bool
leading_zero(const char *text)
{
	while (*text == ' ' || *text == '\t')
		text++;
	if (strncmp(text, "\xc2\xa0", 2) == 0 || strncmp(text, "\xe3\x80\x80",
	    3) == 0)
		return (leading_zero(text + (*text == '\xc2' ? 2 : 3)));
	if (*text == '0')
		text++;
	else if (strncmp(text, "０", 3) == 0)
		text += 3;
	else
		return (false);
	return ((*text >= '0' && *text <= '9') || strncmp(text, "\xef\xbc",
	    2) == 0);
}

/*
 * Whether a value printed with unit may be read for cell c: in a column
 * with that unit, or (money) in one with none (the 2019 format's
 * 采购总金额 names none), or (counts) a unit of things counted.
 */
static bool
unit_fits(const struct tpl_cell *c, const char *unit)
{
	const char	*own = tpl_label(&c->type.unit, LANG_ZH);
	bool		 money = strcmp(unit, "元") == 0 ||
			    strcmp(unit, "万元") == 0;

	if (*own != '\0')
		return (strcmp(own, unit) == 0);
	return (money == (c->type.kind == NUM_MONEY));
}

/* Parses a printed value for cell; false (noted) if it is not one.  A
 * blank computed cell is kept (true, RV_BLANK) for import_tab_publish. */
static bool
parse(struct sec *s, int cell, const char *text, int line,
    struct report_value *v)
{
	const struct tpl_cell	*c = &s->t->cells[cell];
	enum num_status		 st;
	char			 buf[NUM_FMT_MAX], *num;
	const char		*unit;

	v->state = RV_BLANK;
	if (import_scan_is_blank(text))
		return (c->formula >= 0);	/* see import_tab_publish */
	if (import_scan_is_null(text)) {
		note_cell(s, cell, line, "import.null_value", text, NULL);
		return (false);
	}
	if ((num = import_scan_unit(text, &unit)) != NULL &&
	    !unit_fits(c, unit)) {
		note_cell(s, cell, line, *tpl_label(&c->type.unit, LANG_ZH) ?
		    "import.unit_mismatch" : "import.bad_value", text,
		    tpl_label(&c->type.unit, LANG_ZH));
		free(num);
		return (false);
	}
	st = num_parse(num != NULL ? num : text, c->type.kind,
	    c->type.kind == NUM_MONEY ? c->type.decimals : NUM_MAX_DP, &v->n,
	    NULL);
	free(num);
	if (st != NUM_OK) {
		note_cell(s, cell, line, "import.bad_value", text, NULL);
		return (false);
	}
	v->state = RV_SET;
	if (num != NULL && tpl_label(&c->type.unit, LANG_ZH)[0] == '\0')
		note_cell(s, cell, line, "import.unit", text,
		    num_format(v->n, c->type.kind, buf));
	if (leading_zero(text))
		note_cell(s, cell, line, "import.leading_zero", text,
		    num_format(v->n, c->type.kind, buf));
	return (true);
}

static void
store_cell(struct sec *s, int cell, const char *text, int line)
{
	struct report_value	v;

	if (s->x->seen[cell]) {
		note_cell(s, cell, line, "import.duplicate", text, NULL);
		return;
	}
	if (!parse(s, cell, text, line, &v))
		return;
	s->x->seen[cell] = v.state == RV_SET;
	if (s->t->cells[cell].formula >= 0) {
		s->x->printed[cell] = v;
		s->x->has_printed[cell] = true;
		s->x->line[cell] = line;
	} else
		report_set_value(s->x->r, cell, v, NULL);
}

/* A collapsed group: all zeros make its leaves 0, anything else leaves
 * them blank; noted either way. */
static void
store_collapsed(struct sec *s, const struct import_target *g, const char **vals,
    int n, int line)
{
	const struct tpl_block	*blk = &s->t->blocks[g->block];
	const struct tpl_node	*nd = &blk->rownodes[g->node];
	struct report_value	 v = { RV_SET, { 0, 0 } };
	struct sbuf		 b;
	bool			 zero = true;
	int			 c, leaf, cell;

	sbuf_init(&b);
	for (c = 0; c < n; c++) {
		struct num x;
		sbuf_addf(&b, "%s%s", c > 0 ? " " : "", vals[c]);
		if (num_parse(vals[c], NUM_COUNT, NUM_MAX_DP, &x, NULL) !=
		    NUM_OK || x.v != 0)
			zero = false;
	}
	for (leaf = nd->first_leaf; zero && leaf < nd->first_leaf +
	    nd->nleaves; leaf++)
		for (c = 0; c < n; c++) {
			cell = blk->first_cell + leaf * n + c;
			if (s->t->cells[cell].formula >= 0)
				continue;
			report_set_value(s->x->r, cell, v, NULL);
			s->x->seen[cell] = true;
		}
	note_row(s, g, line, zero ? "import.collapsed_zero" :
	    "import.collapsed_group", b.s, NULL);
	sbuf_done(&b);
}

/* The printed label of a target placed by resemblance. */
static char *
printed_label(const struct sec *s, const struct import_target *t)
{
	struct sbuf	b;
	int		j;

	sbuf_init(&b);
	for (j = t->f0; j <= t->f1; j++)
		if (j == t->f0 || j == t->f1 || !s->sc.frags[j].noise)
			sbuf_adds(&b, s->sc.frags[j].raw);
	return (sbuf_take(&b));
}

static void
store_target(struct sec *s, const struct import_target *t, int gridlabels)
{
	const struct tpl_block	*blk = &s->t->blocks[t->block];
	int			 n = (int)blk->ncols, got, c, leaf;
	int			 line = s->sc.rows[t->row].line;
	const char		**vals = xcalloc((size_t)n, sizeof *vals);
	char			 a[16], b[16], *lbl;

	if (t->variant) {
		lbl = printed_label(s, t);
		note_row(s, t, s->sc.frags[t->f0].line, "import.label_variant",
		    lbl, NULL);
		free(lbl);
	}
	if (s->sc.layout == IMPORT_SCAN_RUNS)
		;	/* split together: store_runs */
	else if ((got = cut(s, t->row, gridlabels, n, vals)) != n &&
	    !(s->sc.layout == IMPORT_SCAN_SPACED && t->f0 >= 0 &&
	    merge_spaced(s, t, n, vals))) {
		snprintf(a, sizeof a, "%d", got);
		snprintf(b, sizeof b, "%d", n);
		note_row(s, t, line, got < n ? "import.short_row" :
		    "import.long_row", a, b);
	} else if (t->collapsed)
		store_collapsed(s, t, vals, n, line);
	else {
		leaf = blk->rownodes[t->node].leaf;
		for (c = 0; c < n; c++)
			store_cell(s, blk->first_cell + leaf * n + c, vals[c],
			    line);
	}
	free(vals);
}

/* ---- the runs layout ---- */

/* A run as a note shows it: at most 40 characters. */
static char *
shown_run(const char *run)
{
	size_t	n = 0, i = 0;

	while (run[i] != '\0' && n < 40)
		if (((unsigned char)run[i++] & 0xc0) != 0x80)
			n++;
	while (((unsigned char)run[i] & 0xc0) == 0x80)
		i++;
	return (xasprintf("%.*s%s", (int)i, run, run[i] != '\0' ? "…" : ""));
}

/* The target's row as one for the solver. */
static void
runs_row(const struct sec *s, const struct import_target *t,
    struct import_runs_row *rr)
{
	const struct tpl_block	*blk = &s->t->blocks[t->block];
	const struct tpl_node	*nd = &blk->rownodes[t->node];
	char			**v;
	int			  nv;

	memset(rr, 0, sizeof *rr);
	v = import_scan_values(&s->sc, t->row, &nv);
	rr->run = nv > 0 ? v[0] : NULL;
	rr->ncells = (int)blk->ncols;
	rr->bound = !t->collapsed;
	rr->first_cell = blk->first_cell + (t->collapsed ? nd->first_leaf :
	    nd->leaf) * (int)blk->ncols;
}

/* Stores what the solver made of target t's row, and says so. */
static void
runs_store(struct sec *s, const struct import_target *t,
    const struct import_runs_row *rr)
{
	static const char *const msgid[] = { "import.run_recovered",
	    "import.run_ambiguous", "import.run_uneven",
	    "import.run_impossible", "import.run_too_many" };
	int	 line = s->sc.rows[t->row].line, c;
	char	*run = shown_run(rr->run), n[24];
	struct sbuf b;

	sbuf_init(&b);
	if (rr->result == IMPORT_RUNS_RECOVERED) {
		for (c = 0; c < rr->ncells; c++)
			sbuf_addf(&b, "%s%s", c > 0 ? " " : "", rr->pieces[c]);
		if (t->collapsed)
			store_collapsed(s, t, (const char **)rr->pieces,
			    rr->ncells, line);
		else
			for (c = 0; c < rr->ncells; c++)
				store_cell(s, rr->first_cell + c,
				    rr->pieces[c], line);
	} else if (rr->result == IMPORT_RUNS_IMPOSSIBLE) {
		snprintf(n, sizeof n, "%d", rr->ncells);
		sbuf_adds(&b, n);
	} else if (rr->result == IMPORT_RUNS_TOO_MANY) {
		snprintf(n, sizeof n, "%zu", rr->ncands);
		sbuf_adds(&b, n);
	} else
		sbuf_addf(&b, "%s%s", rr->cands, rr->ncands >
		    IMPORT_RUNS_SHOWN ? " | …" : "");
	note_row(s, t, line, msgid[rr->result], run, b.s);
	sbuf_done(&b);
	free(run);
}

/* The runs of every placed row of the section, split together. */
static void
store_runs(struct sec *s)
{
	struct import_runs_row	*rr = xcalloc(s->pl.ntg + 1, sizeof *rr);
	size_t			*which = xcalloc(s->pl.ntg + 1, sizeof *which);
	size_t			 k, n = 0;

	for (k = 0; k < s->pl.ntg; k++) {
		const struct import_target *t = &s->pl.tg[k];
		if (t->row < 0)
			continue;
		runs_row(s, t, &rr[n]);
		if (rr[n].run == NULL)
			note_row(s, t, s->sc.rows[t->row].line,
			    "import.no_values", NULL, NULL);
		else
			which[n++] = k;
	}
	import_runs_solve(s->t, rr, n);
	for (k = 0; k < n; k++) {
		runs_store(s, &s->pl.tg[which[k]], &rr[k]);
		import_runs_row_done(&rr[k]);
	}
	free(rr);
	free(which);
}

/* Notes for rows not found and for values that went nowhere. */
static void
note_leftovers(struct sec *s, int sec)
{
	const struct tpl_section *sn = &s->t->sections[sec];
	struct sbuf	 b;
	size_t		 k, r, i, j;
	bool		 any = false;
	char		 **v;
	int		 nv;

	for (k = 0; k < s->pl.ntg; k++)
		any |= s->pl.tg[k].row >= 0;
	if (!any) {
		errlist_add(s->x->notes, s->x->path, 0, 0,
		    "import.table_missing", 3, sn->number,
		    tpl_label(&sn->title, LANG_ZH),
		    tpl_label(&sn->title, LANG_EN));
		return;
	}
	for (k = 0; k < s->pl.ntg; k++) {
		const struct import_target *t = &s->pl.tg[k];
		if (t->group || t->under || t->row >= 0)
			continue;
		if (t->nolabel)
			errlist_add(s->x->notes, s->x->path, 0, 0,
			    "import.table_missing", 3, sn->number,
			    tpl_label(&sn->title, LANG_ZH),
			    tpl_label(&sn->title, LANG_EN));
		else
			note_row(s, t, t->f0 >= 0 ? s->sc.frags[t->f0].line :
			    0, t->f0 >= 0 ? "import.no_values" :
			    "import.row_missing", NULL, NULL);
	}
	/* Frags are in row order: i walks along with r. */
	for (r = i = 0; r < s->sc.nrows; r++) {
		while (i < s->sc.nfrags && s->sc.frags[i].row < (int)r)
			i++;
		if (s->sc.rows[r].used ||
		    !import_place_row_has_values(&s->sc, (int)r))
			continue;
		sbuf_init(&b);
		for (j = 0; i + j < s->sc.nfrags &&
		    s->sc.frags[i + j].row == (int)r; j++)
			if (!s->sc.frags[i + j].noise)
				sbuf_addf(&b, "%s ", s->sc.frags[i + j].raw);
		v = import_scan_values(&s->sc, (int)r, &nv);
		for (k = 0; k < (size_t)nv; k++)
			sbuf_addf(&b, "%s%s", k > 0 ? " " : "", v[k]);
		errlist_add(s->x->notes, s->x->path, s->sc.rows[r].line, 0,
		    "import.stray_values", 1, b.s);
		sbuf_done(&b);
	}
}

enum import_scan_layout
import_tab_read(struct import_tab_ctx *x, const struct import_line *lines,
    size_t n, int sec)
{
	struct sec		 s;
	enum import_scan_layout	 layout;
	size_t			 k;
	int			 labels, width, *ongrid, tb;

	memset(&s, 0, sizeof s);
	s.x = x;
	s.t = report_tpl(x->r);
	import_place_init(&s.pl, s.t, sec);
	import_scan_section(&s.sc, lines, n, x->spaced_doc, x->runs_doc,
	    &s.pl.labels);
	import_place_section(&s.pl, &s.sc);
	ongrid = xcalloc(s.t->ntables, sizeof *ongrid);
	for (k = 0; k < s.t->ntables; k++)
		ongrid[k] = on_grid(&s, (int)k);
	for (k = 0; k < s.pl.ntg; k++) {
		const struct import_target *t = &s.pl.tg[k];
		if (t->row < 0)
			continue;
		tb = s.t->blocks[t->block].table;
		grid(&s, tb, &labels, &width);
		store_target(&s, t, ongrid[tb] ? labels : -1);
	}
	if (s.sc.layout == IMPORT_SCAN_RUNS)
		store_runs(&s);
	note_leftovers(&s, sec);
	free(ongrid);
	layout = s.sc.layout;
	import_place_done(&s.pl);
	import_scan_done(&s.sc);
	return (layout);
}

void
import_tab_publish(struct import_tab_ctx *x)
{
	const struct tpl	*t = report_tpl(x->r);
	struct sec		 s = { .x = x, .t = t };
	struct report_value	 v, *p;
	size_t			 c;

	for (c = 0; c < t->ncells; c++) {
		if (!x->has_printed[c])
			continue;
		v = report_value(x->r, (int)c);
		p = &x->printed[c];
		if (p->state == RV_BLANK) {
			if (v.state != RV_BLANK)
				note_cell(&s, (int)c, x->line[c],
				    "import.blank_total", "", NULL);
		} else if (v.state != RV_SET || num_cmp(v.n, p->n) != 0)
			report_set_published(x->r, (int)c, p);
	}
}

