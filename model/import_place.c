/*
 * Placing a section's template rows among its printed rows and label
 * frags; see import_place.h.  The section's row nodes become targets
 * (every row node of its blocks, in pre-order, groups included) and are
 * placed in four passes:
 *
 *   1. exact: each leaf, in order, is looked for from where the previous
 *      one ended: a frag whose key equals the leaf's key (rows and cells
 *      layouts), or a run of frags whose keys, noise skipped, spell the
 *      key (spaced layout);
 *   2. collapsed groups: a group none of whose leaves was found, printed
 *      as a row of its own with values (（六）其他处理 in a 2021 report);
 *   3. variants: a leaf still missing takes the unused frag (or, spaced,
 *      run of frags) between its placed neighbours that resembles it most,
 *      if it is alike enough and carries the same item number;
 *   4. rows without labels (四's one row): the first free row of values.
 *
 * Then each placed target gets the printed row holding its values: in
 * the rows and cells layouts the row of its label; in the spaced layout
 * the value line on the label's own lines, else the first free unlabelled
 * value line after the label (before the next placed label), else the
 * last one before it.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "import_place.h"
#include "labelnorm.h"
#include "sbuf.h"
#include "xmalloc.h"

#define VARIANT_REACH	200	/* frags searched for a variant label */

/* "三、本年度办理结果/（三）不予公开" for a row node.  Newly allocated. */
char *
import_place_path(const struct tpl_block *blk, int node, enum lang lang)
{
	const char	*parts[16];
	struct sbuf	 b;
	int		 n = 0;

	for (; node >= 0 && n < 16; node = blk->rownodes[node].parent)
		parts[n++] = tpl_label(&blk->rownodes[node].label, lang);
	sbuf_init(&b);
	while (n-- > 0) {
		sbuf_adds(&b, parts[n]);
		if (n > 0)
			sbuf_addc(&b, '/');
	}
	return (sbuf_take(&b));
}

/* The section's row nodes as targets, and its noise keys: the labels of
 * everything but its rows (block titles, corners, column headers, row
 * groups). */
static void
add_label(struct import_scan_labels *l, const struct tpl_label *lbl,
    bool row)
{
	if (lbl->s[0] == NULL)
		return;
	l->key = xreallocarray(l->key, l->n + 1, sizeof *l->key);
	l->row = xreallocarray(l->row, l->n + 1, sizeof *l->row);
	l->key[l->n] = labelnorm_key(lbl->s[0]);
	l->row[l->n++] = row;
}

static void
make_targets(struct import_place *s, int sec)
{
	const struct tpl_section *sn = &s->t->sections[sec];
	size_t	 i;
	int	 k, b;

#define NOISE(lbl) add_label(&s->labels, &(lbl), false)
	for (k = 0; k < sn->ntables; k++) {
		const struct tpl_table *tb = &s->t->tables[sn->first_table + k];
		for (b = tb->first_block; b < tb->first_block + tb->nblocks;
		    b++) {
			const struct tpl_block *blk = &s->t->blocks[b];
			NOISE(blk->title);
			NOISE(blk->corner);
			for (i = 0; i < blk->ncolnodes; i++)
				NOISE(blk->colnodes[i].label);
			for (i = 0; i < blk->nrownodes; i++) {
				const struct tpl_node *nd = &blk->rownodes[i];
				struct import_target *t;
				add_label(&s->labels, &nd->label,
				    nd->leaf >= 0);
				s->tg = xreallocarray(s->tg, s->ntg + 1,
				    sizeof *s->tg);
				t = &s->tg[s->ntg++];
				memset(t, 0, sizeof *t);
				t->block = b;
				t->node = (int)i;
				t->group = nd->leaf < 0;
				t->key = labelnorm_key(tpl_label(&nd->label,
				    LANG_ZH));
				t->f0 = t->f1 = t->row = -1;
				t->nolabel = blk->row_depth == 0;
			}
		}
	}
#undef NOISE
}

static bool
starts(const char *s, const char *prefix)
{
	return (strncmp(s, prefix, strlen(prefix)) == 0);
}

/*
 * Spells key with frags from i on (spaced layout): frag i starts it, and
 * following frags each continue it, noise skipped, no more than 3 lines
 * apart.  Sets *end to the last frag used.
 */
static bool
spell(const struct import_scan *sc, size_t i, const char *key, size_t *end)
{
	const struct import_frag *f = &sc->frags[i], *g;
	size_t	off = strlen(f->key), j;
	int	last = f->line;

	if (f->used || !starts(key, f->key) ||
	    (key[off] != '\0' && labelnorm_length(f->key) < 2))
		return (false);
	*end = i;
	for (j = i + 1; key[off] != '\0'; j++) {
		if (j >= sc->nfrags || (g = &sc->frags[j])->line > last + 3)
			return (false);
		if (!g->used && starts(key + off, g->key)) {
			off += strlen(g->key);
			last = g->line;
			*end = j;
		} else if (!g->noise)
			return (false);
	}
	return (true);
}

static void
take(struct import_place *s, struct import_target *t, size_t f0, size_t f1)
{
	size_t	j;

	t->f0 = (int)f0;
	t->f1 = (int)f1;
	for (j = f0; j <= f1; j++)
		if (j == f0 || j == f1 || !s->sc->frags[j].noise)
			s->sc->frags[j].used = true;
}

/* Pass 1: exact labels, in template order. */
static void
place_exact(struct import_place *s)
{
	size_t	p = 0, i, k, end;

	for (k = 0; k < s->ntg; k++) {
		struct import_target *t = &s->tg[k];
		if (t->group)
			continue;
		for (i = p; i < s->sc->nfrags; i++) {
			const struct import_frag *f = &s->sc->frags[i];
			if (s->sc->layout == IMPORT_SCAN_SPACED ?
			    spell(s->sc, i, t->key, &end) :
			    (!f->used && strcmp(f->key, t->key) == 0 &&
			    (end = i, true))) {
				take(s, t, i, end);
				p = end + 1;
				break;
			}
		}
	}
}

bool
import_place_row_has_values(const struct import_scan *sc, int row)
{
	char	**v;
	int	  n, i;

	v = import_scan_values(sc, row, &n);
	for (i = 0; i < n; i++)
		if (!import_scan_is_blank(v[i]))
			return (true);
	return (false);
}

/* True when target j is a leaf under group target g (same block). */
static bool
in_group(const struct import_place *s, const struct import_target *g,
    const struct import_target *j)
{
	const struct tpl_block	*blk = &s->t->blocks[g->block];
	const struct tpl_node	*nd = &blk->rownodes[g->node];
	int			 leaf;

	if (j->group || j->block != g->block)
		return (false);
	leaf = blk->rownodes[j->node].leaf;
	return (leaf >= nd->first_leaf && leaf < nd->first_leaf + nd->nleaves);
}

/* Pass 2: groups printed as one row with values. */
static void
place_collapsed(struct import_place *s)
{
	size_t	k, j, i;
	bool	any;

	for (k = 0; k < s->ntg; k++) {
		struct import_target *g = &s->tg[k];
		if (!g->group)
			continue;
		any = false;
		for (j = 0; j < s->ntg; j++)
			any |= in_group(s, g, &s->tg[j]) && s->tg[j].f0 >= 0;
		for (i = 0; !any && i < s->sc->nfrags; i++) {
			struct import_frag *f = &s->sc->frags[i];
			if (f->used || strcmp(f->key, g->key) != 0 ||
			    !import_place_row_has_values(s->sc, f->row))
				continue;
			g->collapsed = true;
			take(s, g, i, i);
			g->row = f->row;
			for (j = 0; j < s->ntg; j++)
				if (in_group(s, g, &s->tg[j]))
					s->tg[j].under = true;
			break;
		}
	}
}

/* Frag bounds of the placed targets around k: (lo, hi) exclusive. */
static void
window(const struct import_place *s, size_t k, int *lo, int *hi)
{
	size_t	j;

	*lo = -1;
	*hi = (int)s->sc->nfrags;
	for (j = k; j-- > 0;)
		if (s->tg[j].f1 >= 0) {
			*lo = s->tg[j].f1;
			break;
		}
	for (j = k + 1; j < s->ntg; j++)
		if (s->tg[j].f0 >= 0) {
			*hi = s->tg[j].f0;
			break;
		}
}

/* How well frags [i..] (up to 3 pieces in the spaced layout) stand for
 * key: best score, and *end for it; 0 if not alike enough. */
static int
resemble(const struct import_place *s, size_t i, int hi, const char *key,
    size_t *end)
{
	const char	*rest;
	char		 st, cst;
	int		 num = labelnorm_number(key, &rest, &st), best = 0, sc;
	int		 pieces = s->sc->layout == IMPORT_SCAN_SPACED ? 3 : 1;
	size_t		 kl = labelnorm_length(key), j;
	struct sbuf	 b;

	sbuf_init(&b);
	for (j = i; (int)j < hi && pieces > 0; j++) {
		const struct import_frag *f = &s->sc->frags[j];
		if (f->used || (f->noise && j > i))
			continue;
		if (f->noise || (j > i && f->line > s->sc->frags[i].line + 3))
			break;
		sbuf_adds(&b, f->key);
		pieces--;
		if (labelnorm_number(b.s, &rest, &cst) != num ||
		    (num > 0 && cst != st))
			continue;
		/* Lengths this far apart cannot reach 60: spare the LCS. */
		if (labelnorm_length(b.s) * 10 > kl * 24 ||
		    labelnorm_length(b.s) * 24 < kl * 10)
			continue;
		sc = labelnorm_similarity(b.s, key);
		if (sc >= (num > 0 ? 60 : 75) && sc > best) {
			best = sc;
			*end = j;
		}
	}
	sbuf_done(&b);
	return (best);
}

/* Pass 3: leaves still missing, by resemblance. */
static void
place_variants(struct import_place *s)
{
	size_t	k, i, end, bend = 0, bi = 0;
	int	lo, hi, best, sc;

	for (k = 0; k < s->ntg; k++) {
		struct import_target *t = &s->tg[k];
		if (t->group || t->under || t->nolabel || t->f0 >= 0)
			continue;
		window(s, k, &lo, &hi);
		/* A label is near where its neighbours put it. */
		if (hi > lo + 1 + VARIANT_REACH)
			hi = lo + 1 + VARIANT_REACH;
		best = 0;
		for (i = (size_t)(lo + 1); (int)i < hi; i++)
			if ((sc = resemble(s, i, hi, t->key, &end)) > best) {
				best = sc;
				bi = i;
				bend = end;
			}
		if (best > 0) {
			take(s, t, bi, bend);
			t->variant = true;
		}
	}
}

/* The last line a target's label occupies. */
static int
label_end(const struct import_place *s, const struct import_target *t)
{
	return (s->sc->frags[t->f1].line);
}

/* Finds the value row of a spaced target (see the opening comment). */
static int
spaced_row(struct import_place *s, size_t k, int prev_line)
{
	const struct import_target	*t = &s->tg[k];
	const struct import_scan *sc = s->sc;
	int			 a = sc->frags[t->f0].line, b = label_end(s, t);
	int			 next = INT_MAX, best = -1;
	size_t			 j, r;

	for (j = k + 1; j < s->ntg; j++)
		if (s->tg[j].f0 >= 0) {
			next = sc->frags[s->tg[j].f0].line;
			break;
		}
	for (r = 0; r < sc->nrows; r++) {
		const struct import_row *w = &sc->rows[r];
		if (!w->used && w->nvals > 0 && w->line >= a && w->line <= b)
			return ((int)r);
	}
	for (r = 0; r < sc->nrows; r++) {
		const struct import_row *w = &sc->rows[r];
		if (!w->used && w->nvals > 0 && w->nlabels == 0 &&
		    w->line > b && w->line < next)
			return ((int)r);
	}
	for (r = 0; r < sc->nrows; r++) {
		const struct import_row *w = &sc->rows[r];
		if (!w->used && w->nvals > 0 && w->nlabels == 0 &&
		    w->line < a && w->line > prev_line)
			best = (int)r;
	}
	return (best);
}

static void
assign_rows(struct import_place *s)
{
	int	prev_line = 0;
	size_t	k;

	for (k = 0; k < s->ntg; k++) {
		struct import_target *t = &s->tg[k];
		if (t->f0 < 0)
			continue;
		if (t->collapsed)
			;
		else if (s->sc->layout == IMPORT_SCAN_SPACED)
			t->row = spaced_row(s, k, prev_line);
		else
			t->row = s->sc->frags[t->f0].row;
		if (t->row >= 0) {
			s->sc->rows[t->row].used = true;
			prev_line = s->sc->rows[t->row].line;
		}
	}
}


/* Pass 4: the value row of each block without row labels (四): the first
 * free row of values only; failing that, a free row of blank cells as
 * wide as the block. */
static void
place_labelless(struct import_place *s)
{
	size_t	k, r;

	for (k = 0; k < s->ntg; k++) {
		struct import_target *t = &s->tg[k];
		int ncols = (int)s->t->blocks[t->block].ncols;
		if (!t->nolabel)
			continue;
		for (r = 0; r < s->sc->nrows && t->row < 0; r++) {
			const struct import_row *w = &s->sc->rows[r];
			if (!w->used && w->nlabels == 0 && (w->nvals > 0 ||
			    (w->last_label < 0 &&
			    import_place_row_has_values(s->sc, (int)r))))
				t->row = (int)r;
		}
		for (r = 0; r < s->sc->nrows && t->row < 0; r++) {
			const struct import_row *w = &s->sc->rows[r];
			if (!w->used && w->ncells >= ncols && w->last_label < 0)
				t->row = (int)r;
		}
		if (t->row >= 0)
			s->sc->rows[t->row].used = true;
	}
}

void
import_place_init(struct import_place *s, const struct tpl *t, int sec)
{
	memset(s, 0, sizeof *s);
	s->t = t;
	make_targets(s, sec);
}

void
import_place_section(struct import_place *s, struct import_scan *sc)
{
	char	**noise = xcalloc(s->labels.n + 1, sizeof *noise);
	size_t	  nnoise = 0, k;

	s->sc = sc;
	for (k = 0; k < s->labels.n; k++)
		if (!s->labels.row[k])
			noise[nnoise++] = s->labels.key[k];
	import_scan_mark_noise(sc, noise, nnoise);
	free(noise);
	if (sc->layout == IMPORT_SCAN_NONE)
		return;
	place_exact(s);
	place_collapsed(s);
	place_variants(s);
	assign_rows(s);
	place_labelless(s);
}

void
import_place_done(struct import_place *s)
{
	size_t	k;

	for (k = 0; k < s->ntg; k++)
		free(s->tg[k].key);
	free(s->tg);
	for (k = 0; k < s->labels.n; k++)
		free(s->labels.key[k]);
	free(s->labels.key);
	free(s->labels.row);
	memset(s, 0, sizeof *s);
}
