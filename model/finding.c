/*
 * Import findings; see finding.h.  The table `names` says which rule
 * names each of the importer's notes and what fixes it (a cell, a row, a
 * section, the totals).  A finding's cells are found again from its
 * arguments whenever it is made or loaded: the importer names a cell or
 * row by its label path ({0}, as tpl_cell_label and row_path have it)
 * and a section by its number, so the file keeps only the note, its
 * line and its arguments.  The findings are a small vector in the
 * report (report_impl.h); listing them is a scan of it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "report_impl.h"
#include "vec.h"
#include "xmalloc.h"

/* What fixes a finding. */
enum fix {
	FIX_NONE, FIX_CELL, FIX_ROW, FIX_SECTION, FIX_TABLES, FIX_TOTALS
};

static const struct name {
	const char	*note;
	const char	*rule;
	enum fix	 fix;
} names[] = {
	{ "import.collapsed_zero",	"I1", FIX_ROW },
	{ "import.collapsed_group",	"I1", FIX_ROW },
	{ "import.label_variant",	"I2", FIX_ROW },
	{ "import.no_heading",		"I3", FIX_SECTION },
	{ "import.table_missing",	"I3", FIX_TABLES },
	{ "import.heading_number",	"I4", FIX_NONE },
	{ "import.blank_total",		"I5", FIX_TOTALS },
	{ "import.leading_zero",	"I6", FIX_CELL },
	{ "import.null_value",		"I6", FIX_CELL },
	{ "import.bad_value",		"I6", FIX_CELL },
	{ "import.unit",		"I6", FIX_CELL },
	{ "import.unit_mismatch",	"I6", FIX_CELL },
	{ "import.duplicate",		"I7", FIX_CELL },
	{ "import.short_row",		"I7", FIX_ROW },
	{ "import.long_row",		"I7", FIX_ROW },
	{ "import.no_values",		"I7", FIX_ROW },
	{ "import.row_missing",		"I7", FIX_ROW },
	{ "import.run_ambiguous",	"I7", FIX_ROW },
	{ "import.run_uneven",		"I7", FIX_ROW },
	{ "import.run_impossible",	"I7", FIX_ROW },
	{ "import.run_too_many",	"I7", FIX_ROW },
	{ "import.stray_values",	"I7", FIX_NONE },
	{ "import.tpl_year_mismatch",	"R13", FIX_NONE },
};

struct finding {
	const struct name *name;
	int		 rule;		/* in the template, or -1 */
	bool		 listed;	/* rule is an import_finding one */
	int		 line;
	char		*args[ERR_MAXARGS];
	int		*cells;		/* what fixes it (FIX_CELL, _ROW,
					   _TABLES) */
	size_t		 ncells;
	int		 sec;		/* FIX_SECTION, FIX_TABLES; or -1 */
	char		 key[24];
};

struct findings {
	struct finding	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 nsev[2];	/* listed, by severity */
};

struct findings *
finding_new(void)
{
	return (xcalloc(1, sizeof(struct findings)));
}

static void
clear(struct finding *f)
{
	int	i;

	for (i = 0; i < ERR_MAXARGS; i++)
		free(f->args[i]);
	free(f->cells);
}

void
finding_free(struct findings *fs)
{
	size_t	i;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->n; i++)
		clear(&fs->v[i]);
	free(fs->v);
	free(fs);
}

static const struct name *
name_of(const char *msgid)
{
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].note, msgid) == 0)
			return (&names[i]);
	return (NULL);
}

static void
add_cell(struct finding *f, int c)
{
	f->cells = xreallocarray(f->cells, f->ncells + 1, sizeof *f->cells);
	f->cells[f->ncells++] = c;
}

/* Whether row path p is the row lbl or one of its items. */
static bool
under(const char *p, const char *lbl)
{
	size_t	n = strlen(lbl);

	return (n > 0 && strncmp(p, lbl, n) == 0 &&
	    (p[n] == '\0' || p[n] == '/'));
}

/* The input cells a finding names: the cell labelled {0}, the row whose
 * label path is {0}, or every input cell of section sec's tables. */
static void
find_cells(const struct tpl *t, struct finding *f)
{
	const char	*lbl = f->args[0] != NULL ? f->args[0] : "";
	char		 buf[1024];
	size_t		 c;

	for (c = 0; c < t->ncells; c++) {
		const struct tpl_cell *tc = &t->cells[c];
		if (f->name->fix == FIX_CELL || f->name->fix == FIX_TOTALS) {
			if (strcmp(tpl_cell_label(t, (int)c, LANG_ZH, buf,
			    sizeof buf), lbl) == 0) {
				add_cell(f, (int)c);
				return;
			}
		} else if (tc->formula >= 0)
			continue;
		else if (f->name->fix == FIX_ROW && under(tc->row_path[LANG_ZH],
		    lbl))
			add_cell(f, (int)c);
		else if (f->name->fix == FIX_TABLES && f->sec >= 0 &&
		    t->tables[t->blocks[tc->block].table].section == f->sec)
			add_cell(f, (int)c);
	}
}

/* Fills in what follows from the note: rule, section, cells, key. */
static void
resolve(const struct tpl *t, struct finding *f)
{
	size_t	k;

	f->rule = tpl_rule_index(t, f->name->rule);
	f->listed = f->rule >= 0 &&
	    t->rules[f->rule].kind == TPL_R_IMPORT_FINDING;
	f->sec = -1;
	if (f->name->fix == FIX_SECTION || f->name->fix == FIX_TABLES)
		for (k = 0; k < t->nsections && f->args[0] != NULL; k++)
			if (strcmp(t->sections[k].number, f->args[0]) == 0)
				f->sec = (int)k;
	if (f->name->fix != FIX_NONE && f->name->fix != FIX_SECTION)
		find_cells(t, f);
	if (f->ncells > 0)
		snprintf(f->key, sizeof f->key, "%s", t->cells[f->cells[0]].id);
	else if (f->sec >= 0)
		snprintf(f->key, sizeof f->key, "%s", t->sections[f->sec].id);
	else
		snprintf(f->key, sizeof f->key, "L%d", f->line);
}

static void
count_in(struct report *r, struct finding *f, int sign)
{
	enum tpl_severity sev;

	if (!f->listed)
		return;
	sev = r->t->rules[f->rule].severity;
	r->findings->nsev[sev] += (size_t)sign;
}

static void
add(struct report *r, const struct name *nm, int line, int nargs,
    const char *const *args)
{
	struct findings	*fs;
	struct finding	*f;
	int		 i;

	if (r->findings == NULL)
		r->findings = finding_new();
	fs = r->findings;
	f = VEC_PUSH(fs->v, fs->n, fs->cap);

	memset(f, 0, sizeof *f);
	f->name = nm;
	f->line = line;
	for (i = 0; i < nargs && i < ERR_MAXARGS; i++)
		f->args[i] = xstrdup(args[i] != NULL ? args[i] : "");
	resolve(r->t, f);
	count_in(r, f, 1);
}

size_t
finding_from_notes(struct report *r, const struct errlist *notes)
{
	const struct name	*nm;
	size_t			 i, k = 0;

	for (i = 0; i < notes->n; i++) {
		if ((nm = name_of(notes->v[i].msgid)) == NULL)
			continue;
		add(r, nm, notes->v[i].line, notes->v[i].nargs,
		    (const char *const *)notes->v[i].args);
		k++;
	}
	if (k > 0)
		report_touch(r);
	return (k);
}

size_t
finding_count(const struct report *r)
{
	if (r->findings == NULL)
		return (0);
	return (r->findings->nsev[TPL_ERROR] + r->findings->nsev[TPL_WARNING]);
}

size_t
finding_count_severity(const struct report *r, enum tpl_severity sev)
{
	return (r->findings != NULL ? r->findings->nsev[sev] : 0);
}

static bool
involves(const struct finding *f, int cell)
{
	size_t	i;

	for (i = 0; i < f->ncells; i++)
		if (f->cells[i] == cell)
			return (true);
	return (false);
}

void
finding_flags(const struct report *r, int cell, int sec,
    struct report_flag *out, size_t max, size_t *n)
{
	const struct findings	*fs = r->findings;
	const struct finding	*f;
	size_t			 i;

	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = &fs->v[i];
		if (!f->listed || (cell >= 0 && !involves(f, cell)) ||
		    (sec >= 0 && f->sec != sec))
			continue;
		if (*n < max) {
			out[*n].inst = -1;
			out[*n].finding = (int)i;
			out[*n].rule = f->rule;
			out[*n].severity = r->t->rules[f->rule].severity;
			out[*n].cells = f->cells;
			out[*n].ncells = f->ncells;
		}
		(*n)++;
	}
}

int
finding_line(const struct report *r, int k)
{
	return (r->findings->v[k].line);
}

const char *
finding_arg(const struct report *r, int k, int i)
{
	const char *s = r->findings->v[k].args[i];

	return (s != NULL ? s : "");
}

const char *
finding_note(const struct report *r, int k)
{
	return (r->findings->v[k].name->note);
}

const char *
finding_key(const struct report *r, int k)
{
	return (r->findings->v[k].key);
}

/* Drops finding i (order kept). */
static void
drop(struct report *r, size_t i)
{
	struct findings *fs = r->findings;

	count_in(r, &fs->v[i], -1);
	clear(&fs->v[i]);
	memmove(&fs->v[i], &fs->v[i + 1], (fs->n - i - 1) * sizeof *fs->v);
	fs->n--;
}

void
finding_fix_cell(struct report *r, int cell)
{
	struct findings	*fs = r->findings;
	size_t		 i;

	for (i = fs != NULL ? fs->n : 0; i-- > 0;)
		if (fs->v[i].name->fix != FIX_TOTALS &&
		    involves(&fs->v[i], cell))
			drop(r, i);
}

void
finding_fix_section(struct report *r, int sec)
{
	struct findings	*fs = r->findings;
	size_t		 i;

	for (i = fs != NULL ? fs->n : 0; i-- > 0;)
		if (fs->v[i].name->fix == FIX_SECTION && fs->v[i].sec == sec &&
		    *report_text(r, sec) != '\0')
			drop(r, i);
}

void
finding_fix_totals(struct report *r)
{
	struct findings	*fs = r->findings;
	size_t		 i;

	for (i = fs != NULL ? fs->n : 0; i-- > 0;)
		if (fs->v[i].name->fix == FIX_TOTALS)
			drop(r, i);
}

void
finding_dump(struct sbuf *b, const struct report *r)
{
	const struct findings	*fs = r->findings;
	const struct finding	*f;
	size_t			 i;
	int			 a;

	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = &fs->v[i];
		if (i == 0)
			sbuf_adds(b, "import_findings:\n");
		sbuf_addf(b, "  - rule: %s\n    note: %s\n    line: %d\n",
		    f->name->rule, f->name->note, f->line);
		sbuf_adds(b, "    args: [");
		for (a = 0; a < ERR_MAXARGS && f->args[a] != NULL; a++) {
			if (a > 0)
				sbuf_adds(b, ", ");
			ytree_emit_str(b, f->args[a]);
		}
		sbuf_adds(b, "]\n");
	}
}

/* One import_findings: entry; false (err set) when malformed. */
static bool
load_one(struct report *r, const struct ytree *e, const char *path,
    struct err *err)
{
	const struct ytree	*note, *line, *args;
	const struct name	*nm = NULL;
	const char		*av[ERR_MAXARGS];
	size_t			 i;

	note = e->kind == YTREE_MAP ? ytree_get(e, "note") : NULL;
	line = e->kind == YTREE_MAP ? ytree_get(e, "line") : NULL;
	args = e->kind == YTREE_MAP ? ytree_get(e, "args") : NULL;
	if (note == NULL || note->kind != YTREE_SCALAR ||
	    (nm = name_of(note->str)) == NULL || line == NULL ||
	    line->kind != YTREE_SCALAR || (args != NULL &&
	    (args->kind != YTREE_SEQ || args->n > ERR_MAXARGS))) {
		err_set(err, path, e->line, e->col, "store.missing_key", 1,
		    nm == NULL ? "note" : line == NULL ? "line" : "args");
		return (false);
	}
	for (i = 0; args != NULL && i < args->n; i++) {
		if (args->items[i]->kind != YTREE_SCALAR) {
			err_set(err, path, e->line, e->col, "store.type", 2,
			    "args", "list");
			return (false);
		}
		av[i] = args->items[i]->str;
	}
	add(r, nm, atoi(line->str), args != NULL ? (int)args->n : 0, av);
	return (true);
}

bool
finding_load(struct report *r, const struct ytree *list, const char *path,
    struct err *err)
{
	size_t	i;

	if (list == NULL)
		return (true);
	if (list->kind != YTREE_SEQ) {
		err_set(err, path, list->line, list->col, "store.type", 2,
		    "import_findings", "list");
		return (false);
	}
	for (i = 0; i < list->n; i++)
		if (!load_one(r, list->items[i], path, err))
			return (false);
	return (true);
}
