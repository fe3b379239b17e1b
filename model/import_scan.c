/*
 * Cutting a table section into rows and label fragments; see
 * import_scan.h.  The layout is chosen per section from the shape of its
 * lines: TAB lines with one field each are the cells layout, other TAB
 * lines the rows layout, and lines without TABs the spaced layout when
 * enough of them hold a label and numbers apart (or when the whole input
 * is pdftotext output), else the cells layout without TABs.
 *
 * White space inside a line is measured in "gap units": a space or NBSP
 * is 1, a TAB or U+3000 is 2.  In the spaced layout a gap of 2 or more
 * separates fragments; single spaces, which pdftotext puts inside wrapped
 * Chinese labels ("只计这一情 形"), do not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_runcut.h"
#include "import_scan.h"
#include "labelnorm.h"
#include "vec.h"
#include "xmalloc.h"

/* Bytes of the white space character at p, 0 if none; its gap units. */
static size_t
ws(const char *p, int *units)
{
	if (*p == ' ') {
		*units = 1;
		return (1);
	}
	if (*p == '\t') {
		*units = 2;
		return (1);
	}
	if (strncmp(p, "\xc2\xa0", 2) == 0) {
		*units = 1;
		return (2);
	}
	if (strncmp(p, "\xe3\x80\x80", 3) == 0) {
		*units = 2;
		return (3);
	}
	return (0);
}

/* s[0..len) without surrounding white space; newly allocated. */
static char *
trim(const char *s, size_t len)
{
	const char	*e = s + len;
	size_t		 k;
	int		 u;

	while (s < e && (k = ws(s, &u)) > 0)
		s += k;
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - s >= 2 && strncmp(e - 2, "\xc2\xa0", 2) == 0)
			e -= 2;
		else if (e - s >= 3 && strncmp(e - 3, "\xe3\x80\x80", 3) == 0)
			e -= 3;
		else
			break;
	}
	return (xstrndup(s, (size_t)(e - s)));
}

bool
import_scan_is_blank(const char *s)
{
	size_t	k;
	int	u;

	while ((k = ws(s, &u)) > 0)
		s += k;
	return (*s == '\0');
}

bool
import_scan_is_null(const char *cell)
{
	static const char *const marks[] = { "/", "／", "-", "－", "—", "——",
	    "–", "无", "\\", "＼" };
	char	*t = trim(cell, strlen(cell));
	bool	 hit = false;
	size_t	 i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strcmp(t, marks[i]) == 0)
			hit = true;
	free(t);
	return (hit);
}


bool
import_scan_is_number(const char *cell)
{
	char		*t = trim(cell, strlen(cell));
	const char	*p = t;
	bool		 ok = false, point = false, need = false;
	size_t		 k;

	if (*p == '+' || *p == '-')
		p++;
	else if (strncmp(p, "＋", 3) == 0 || strncmp(p, "－", 3) == 0)
		p += 3;
	while (*p != '\0') {
		if ((k = import_runcut_digit(p)) > 0) {
			ok = true;
			need = false;
			p += k;
		} else if ((*p == '.' || strncmp(p, "．", 3) == 0) && !point) {
			point = need = true;
			p += *p == '.' ? 1 : 3;
		} else if (*p == ',' || strncmp(p, "，", 3) == 0) {
			need = true;
			p += *p == ',' ? 1 : 3;
		} else
			break;
	}
	ok = ok && !need && *p == '\0';
	free(t);
	return (ok);
}

char *
import_scan_unit(const char *cell, const char **unit)
{
	static const char *const units[] = { "万元", "元", "人次", "件", "个",
	    "条", "项", "次", NULL };
	char	*t = trim(cell, strlen(cell)), *num;
	size_t	 i, n = strlen(t), u;

	for (i = 0; units[i] != NULL; i++) {
		u = strlen(units[i]);
		if (n <= u || strcmp(t + n - u, units[i]) != 0)
			continue;
		num = trim(t, n - u);
		if (import_scan_is_number(num)) {
			*unit = units[i];
			free(t);
			return (num);
		}
		free(num);
	}
	free(t);
	return (NULL);
}

static bool
is_value(const char *cell)
{
	const char	*unit;
	char		*num;

	if (import_scan_is_blank(cell) || import_scan_is_number(cell) ||
	    import_scan_is_null(cell))
		return (true);
	num = import_scan_unit(cell, &unit);
	free(num);
	return (num != NULL);
}

static struct import_row *
add_row(struct import_scan *sc, int line)
{
	struct import_row *r;

	if (sc->nrows == sc->rcap) {
		sc->rcap = sc->rcap ? sc->rcap * 2 : 64;
		sc->rows = xreallocarray(sc->rows, sc->rcap, sizeof *sc->rows);
	}
	r = &sc->rows[sc->nrows++];
	memset(r, 0, sizeof *r);
	r->line = r->lastline = line;
	r->last_label = -1;
	return (r);
}

static void
add_cell(struct import_row *r, const char *s, size_t len)
{
	r->cells = vec_reserve(r->cells, &r->ccap, (size_t)r->ncells + 1,
	    sizeof *r->cells);
	r->cells[r->ncells++] = trim(s, len);
}

static void
add_frag(struct import_scan *sc, const char *s, size_t len, int line)
{
	struct import_frag	*f;
	char			*raw = trim(s, len), *key = labelnorm_key(raw);

	if (*key == '\0') {
		free(raw);
		free(key);
		return;
	}
	if (sc->nfrags == sc->fcap) {
		sc->fcap = sc->fcap ? sc->fcap * 2 : 64;
		sc->frags = xreallocarray(sc->frags, sc->fcap,
		    sizeof *sc->frags);
	}
	f = &sc->frags[sc->nfrags++];
	memset(f, 0, sizeof *f);
	f->raw = raw;
	f->key = key;
	f->row = (int)sc->nrows - 1;
	f->line = line;
}

/* A frag for text s inserted at index at, on row and line. */
static void
insert_frag(struct import_scan *sc, size_t at, const char *s, int row,
    int line)
{
	struct import_frag	f = { 0 };

	f.raw = trim(s, strlen(s));
	f.key = labelnorm_key(f.raw);
	f.row = row;
	f.line = line;
	if (sc->nfrags == sc->fcap) {
		sc->fcap = sc->fcap ? sc->fcap * 2 : 64;
		sc->frags = xreallocarray(sc->frags, sc->fcap,
		    sizeof *sc->frags);
	}
	memmove(&sc->frags[at + 1], &sc->frags[at], (sc->nfrags - at) *
	    sizeof *sc->frags);
	sc->frags[at] = f;
	sc->nfrags++;
}

/* Adds every TAB-separated field of s as a cell (drop_lead: not a
 * leading empty one). */
static void
add_fields(struct import_row *r, const char *s, bool drop_lead)
{
	const char	*tab;

	if (drop_lead && *s == '\t')
		s++;
	while ((tab = strchr(s, '\t')) != NULL) {
		add_cell(r, s, (size_t)(tab - s));
		s = tab + 1;
	}
	add_cell(r, s, strlen(s));
}

/* Sets last_label and lists the label cells as frags. */
static void
label_cells(struct import_scan *sc, struct import_row *r)
{
	int	i;

	for (i = 0; i < r->ncells; i++)
		if (!is_value(r->cells[i]))
			r->last_label = i;
	for (i = 0; i <= r->last_label; i++)
		if (!import_scan_is_blank(r->cells[i]))
			add_frag(sc, r->cells[i], strlen(r->cells[i]),
			    r->line);
}

static bool
has_content(const char *s)
{
	return (strchr(s, '\t') != NULL || !import_scan_is_blank(s));
}

static void
scan_rows(struct import_scan *sc, const struct import_line *l, size_t n)
{
	struct import_row	*r;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (!has_content(l[i].s))
			continue;
		r = add_row(sc, l[i].no);
		add_fields(r, l[i].s, false);
		label_cells(sc, r);
	}
}

static void
scan_cells(struct import_scan *sc, const struct import_line *l, size_t n)
{
	struct import_row	*r = NULL;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (!has_content(l[i].s)) {
			if (r != NULL)
				label_cells(sc, r);
			r = NULL;
			continue;
		}
		if (r == NULL)
			r = add_row(sc, l[i].no);
		r->lastline = l[i].no;
		add_fields(r, l[i].s, true);
	}
	if (r != NULL)
		label_cells(sc, r);
}

/* A word of a spaced line: [s, e) and the gap units before it. */
struct word {
	const char	*s, *e;
	int		 gap;
};

static size_t
words(const char *s, struct word **out)
{
	struct word	*w = NULL;
	size_t		 n = 0, k, cap = 0;
	int		 gap = 0, u;

	while (*s != '\0') {
		if ((k = ws(s, &u)) > 0) {
			gap += u;
			s += k;
			continue;
		}
		w = vec_reserve(w, &cap, n + 1, sizeof *w);
		w[n].s = s;
		w[n].gap = gap;
		while (*s != '\0' && ws(s, &u) == 0)
			s++;
		w[n++].e = s;
		gap = 0;
	}
	*out = w;
	return (n);
}

/* The character column of p in line s: pdftotext -layout sets one
 * character, Chinese or not, per column. */
static size_t
column(const char *s, const char *p)
{
	size_t	n = 0;

	for (; s < p; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return (n);
}

static void
scan_spaced_line(struct import_scan *sc, const struct import_line *l)
{
	struct import_row	*r;
	struct word		*w;
	size_t			 n = words(l->s, &w), v = n, i, j;
	char			*tok;

	if (n == 0) {
		free(w);
		return;
	}
	r = add_row(sc, l->no);
	while (v > 0) {
		tok = xstrndup(w[v - 1].s, (size_t)(w[v - 1].e - w[v - 1].s));
		if (!import_scan_is_number(tok) && !import_scan_is_null(tok)) {
			free(tok);
			break;
		}
		free(tok);
		v--;
	}
	r->vals = xcalloc(n - v + 1, sizeof *r->vals);
	r->vpos = xcalloc(n - v + 1, sizeof *r->vpos);
	for (i = v; i < n; i++) {
		r->vpos[r->nvals] = (int)column(l->s, w[i].s);
		r->vals[r->nvals++] = xstrndup(w[i].s,
		    (size_t)(w[i].e - w[i].s));
	}
	for (i = 0; i < v; i = j) {
		for (j = i + 1; j < v && w[j].gap < 2; j++)
			;
		add_frag(sc, w[i].s, (size_t)(w[j - 1].e - w[i].s), l->no);
	}
	free(w);
}

/* Fields of a line: TAB-separated, or gap-separated in a spaced line. */
static size_t
fields(const char *s)
{
	struct word	*w;
	size_t		 n, i, f = 0;

	if (strchr(s, '\t') != NULL) {
		if (*s == '\t')
			s++;
		for (f = 1; *s != '\0'; s++)
			f += *s == '\t';
		return (f);
	}
	n = words(s, &w);
	for (i = 0; i < n; i++)
		if (i == 0 || w[i].gap >= 2)
			f++;
	free(w);
	return (f);
}

/* ---- the runs layout ---- */

struct glue {
	size_t	pairs;		/* label and run, nothing between */
	bool	ends;		/* the line ends in a run */
	bool	digits;
};

/* Whether [s, e) holds text and ends in it, not in white space. */
static bool
text_to_end(const char *s, const char *e)
{
	if (e == s || e[-1] == ' ' || e[-1] == '\t' || (e - s >= 2 &&
	    strncmp(e - 2, "\xc2\xa0", 2) == 0) || (e - s >= 3 &&
	    strncmp(e - 3, "\xe3\x80\x80", 3) == 0))
		return (false);
	return (true);
}

static void
count_pair(void *arg, const char *l, const char *le, const char *r,
    const char *re)
{
	struct glue	*g = arg;

	g->digits |= r < re;
	g->pairs += r < re && text_to_end(l, le);
	g->ends = r < re && import_scan_is_blank(re);
}

/* A frag whose text is a key. */
static void
add_key(struct import_scan *sc, const char *key)
{
	add_frag(sc, key, strlen(key), sc->line);
}

/* Takes the longest label that is not a row's off the start of key, as
 * long as something is left. */
static void
strip_noise(char *key, const struct import_scan_labels *lb)
{
	size_t	k, len, best;

	for (;;) {
		len = strlen(key);
		for (best = 0, k = 0; lb != NULL && k < lb->n; k++)
			if (!lb->row[k] && strlen(lb->key[k]) > best &&
			    strlen(lb->key[k]) < len &&
			    strncmp(key, lb->key[k], strlen(lb->key[k])) == 0)
				best = strlen(lb->key[k]);
		if (best == 0)
			return;
		memmove(key, key + best, len - best + 1);
	}
}

/*
 * A label and the run after it: the label cut into the section's labels,
 * a row's label that another row's follows a row of its own; the run
 * goes to the last.  A label not made of labels alone is one frag, the
 * noise at its start taken off.
 */
static void
runs_pair(void *arg, const char *l, const char *le, const char *r,
    const char *re)
{
	struct import_scan	*sc = arg;
	struct import_row	*row = NULL;
	char			*raw = xstrndup(l, (size_t)(le - l));
	char			*key = labelnorm_key(raw);
	size_t			 piece[64], m, i;
	bool			 own = false;

	m = sc->labels != NULL ? import_runcut_labels(key, sc->labels->key,
	    sc->labels->n, piece, 64) : 0;
	for (i = 0; i < m; i++) {
		if (row == NULL || (sc->labels->row[piece[i]] && own)) {
			row = add_row(sc, sc->line);
			own = false;
		}
		add_key(sc, sc->labels->key[piece[i]]);
		own |= sc->labels->row[piece[i]];
	}
	if (m == 0) {
		row = add_row(sc, sc->line);
		strip_noise(key, sc->labels);
		add_key(sc, key);
	}
	if (r < re) {
		row->vals = xcalloc(2, sizeof *row->vals);
		row->vals[row->nvals++] = xstrndup(r, (size_t)(re - r));
	}
	free(key);
	free(raw);
}

static void
scan_runs(struct import_scan *sc, const struct import_line *l, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (import_line_is_page_number(l[i].s) ||
		    import_scan_is_blank(l[i].s))
			continue;
		sc->line = l[i].no;
		import_runcut_line(l[i].s, runs_pair, sc);
	}
}

bool
import_scan_looks_runs(const struct import_line *l, size_t n,
    bool spaced_doc)
{
	struct glue	g;
	size_t		i, glued = 0, most = 0, digits = 0;

	for (i = 0; i < n; i++) {
		memset(&g, 0, sizeof g);
		import_runcut_line(l[i].s, count_pair, &g);
		digits += g.digits;
		if (g.pairs > 0 && (g.ends || g.pairs > 1)) {
			glued++;
			most = g.pairs > most ? g.pairs : most;
		}
	}
	if (glued < 2 && most < 3)
		return (false);
	return (!spaced_doc || glued * 2 >= digits);
}

static enum import_scan_layout
choose(const struct import_line *l, size_t n, bool spaced_doc, bool runs_doc)
{
	size_t	i, lines = 0, tabs = 0, single = 0;

	for (i = 0; i < n; i++) {
		if (!has_content(l[i].s))
			continue;
		lines++;
		tabs += strchr(l[i].s, '\t') != NULL;
		single += fields(l[i].s) <= 1;
	}
	if (lines == 0)
		return (IMPORT_SCAN_NONE);
	if (tabs > 0)
		return (single * 10 >= lines * 8 ? IMPORT_SCAN_CELLS :
		    IMPORT_SCAN_ROWS);
	if (runs_doc || import_scan_looks_runs(l, n, spaced_doc))
		return (IMPORT_SCAN_RUNS);
	if (spaced_doc || (lines - single) * 10 >= lines * 2)
		return (IMPORT_SCAN_SPACED);
	return (IMPORT_SCAN_CELLS);
}

const char *
import_scan_layout_name(enum import_scan_layout l)
{
	switch (l) {
	case IMPORT_SCAN_ROWS:
		return ("rows");
	case IMPORT_SCAN_CELLS:
		return ("cells");
	case IMPORT_SCAN_SPACED:
		return ("spaced");
	case IMPORT_SCAN_RUNS:
		return ("runs");
	case IMPORT_SCAN_NONE:
		break;
	}
	return ("none");
}

void
import_scan_section(struct import_scan *sc, const struct import_line *l,
    size_t n, bool spaced_doc, bool runs_doc,
    const struct import_scan_labels *labels)
{
	size_t	i;

	memset(sc, 0, sizeof *sc);
	sc->labels = labels;
	sc->layout = choose(l, n, spaced_doc, runs_doc);
	switch (sc->layout) {
	case IMPORT_SCAN_NONE:
		break;
	case IMPORT_SCAN_ROWS:
		scan_rows(sc, l, n);
		break;
	case IMPORT_SCAN_CELLS:
		scan_cells(sc, l, n);
		break;
	case IMPORT_SCAN_SPACED:
		for (i = 0; i < n; i++)
			if (!import_line_is_page_number(l[i].s))
				scan_spaced_line(sc, &l[i]);
		break;
	case IMPORT_SCAN_RUNS:
		scan_runs(sc, l, n);
		break;
	}
}

static bool
in_noise(const char *key, char *const *keys, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		if (strstr(keys[k], key) != NULL)
			return (true);
	return (false);
}

/*
 * A spaced frag whose first word, before a single space, is a piece of
 * noise ("（四） 息", "无法提 2.没有现成信息需要另行制": a vertical group
 * label beside a wrapped row label) is cut there into two frags.
 */
static void
split_noise_heads(struct import_scan *sc, char *const *keys, size_t n)
{
	struct import_frag	*f;
	char			*sp, *left;
	size_t			 i;
	bool			 cut;

	for (i = 0; i < sc->nfrags; i++) {
		f = &sc->frags[i];
		if ((sp = strchr(f->raw, ' ')) == NULL)
			continue;
		left = xstrndup(f->raw, (size_t)(sp - f->raw));
		free(f->key);
		f->key = labelnorm_key(left);
		cut = *f->key != '\0' && !import_scan_is_blank(sp) &&
		    in_noise(f->key, keys, n);
		free(f->key);
		if (!cut) {
			f->key = labelnorm_key(f->raw);
			free(left);
			continue;
		}
		/* The rest becomes a frag of its own, right after. */
		insert_frag(sc, i + 1, sp + 1, f->row, f->line);
		f = &sc->frags[i];
		free(f->raw);
		f->raw = left;
		f->key = labelnorm_key(left);
	}
}

void
import_scan_mark_noise(struct import_scan *sc, char *const *keys, size_t n)
{
	size_t	i, k;

	if (sc->layout == IMPORT_SCAN_SPACED)
		split_noise_heads(sc, keys, n);
	for (i = 0; i < sc->nrows; i++)
		sc->rows[i].nlabels = 0;
	for (i = 0; i < sc->nfrags; i++) {
		struct import_frag *f = &sc->frags[i];
		f->noise = false;
		for (k = 0; k < n && !f->noise; k++)
			f->noise = strstr(keys[k], f->key) != NULL;
		if (!f->noise)
			sc->rows[f->row].nlabels++;
	}
}

char **
import_scan_values(const struct import_scan *sc, int row, int *n)
{
	const struct import_row *r = &sc->rows[row];

	if (sc->layout == IMPORT_SCAN_SPACED ||
	    sc->layout == IMPORT_SCAN_RUNS) {
		*n = r->nvals;
		return (r->vals);
	}
	*n = r->ncells - (r->last_label + 1);
	return (r->cells + r->last_label + 1);
}

void
import_scan_done(struct import_scan *sc)
{
	size_t	i;
	int	k;

	for (i = 0; i < sc->nrows; i++) {
		for (k = 0; k < sc->rows[i].ncells; k++)
			free(sc->rows[i].cells[k]);
		for (k = 0; k < sc->rows[i].nvals; k++)
			free(sc->rows[i].vals[k]);
		free(sc->rows[i].cells);
		free(sc->rows[i].vals);
		free(sc->rows[i].vpos);
	}
	for (i = 0; i < sc->nfrags; i++) {
		free(sc->frags[i].raw);
		free(sc->frags[i].key);
	}
	free(sc->rows);
	free(sc->frags);
	memset(sc, 0, sizeof *sc);
}
