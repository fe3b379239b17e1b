/*
 * The import suites' shared checks; see importutil.h.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importutil.h"
#include "testutil.h"
#include "xmalloc.h"

struct tpl	**iu_tpls;
size_t		  iu_ntpls;

void
iu_suite_init(void)
{
	iu_ntpls = tu_templates(&iu_tpls);
	cr_assert_geq(iu_ntpls, 2, "templates not loaded");
}

void
iu_suite_fini(void)
{
	tu_templates_free(iu_tpls, iu_ntpls);
}

char *
iu_slurp(const char *path, size_t *len)
{
	char	*buf = tu_read(path, len);

	/* As a user's file is read: the "# source:" line some fixtures
	 * begin with stays (the importer must not take it for the organ). */
	cr_assert_not_null(buf, "cannot read %s", path);
	return (buf);
}

/* The value as printed: the published one if kept, else the report's. */
void
iu_printed(const struct report *r, int cell, char *buf)
{
	struct report_value v;

	if (!report_published(r, cell, &v))
		v = report_value(r, cell);
	if (v.state == RV_BLANK)
		strcpy(buf, "~");
	else
		report_format_value(r, cell, v, buf);
}

/*
 * Row "t3.new" of the report against "3001 53 0 0 61 4 3119" (one value
 * per column, "~" blank).
 */
void
iu_expect_row(const struct report *r, const char *row,
    const char *vals)
{
	const struct tpl	*t = report_tpl(r);
	char			*copy = xstrdup(vals), *tok, *save = NULL;
	char			 id[256], got[NUM_FMT_MAX];
	const char		*dot = strchr(row, '.');
	int			 bi = -1, ri = -1, c = 0, cell;
	size_t			 b, k;

	for (b = 0; b < t->nblocks; b++)
		if (strncmp(t->blocks[b].id, row, (size_t)(dot - row)) == 0 &&
		    t->blocks[b].id[dot - row] == '\0')
			bi = (int)b;
	cr_assert_geq(bi, 0, "no block for %s", row);
	for (k = 0; k < t->blocks[bi].nrows; k++)
		if (strcmp(tpl_row_node(&t->blocks[bi], (int)k)->id, dot + 1)
		    == 0)
			ri = (int)k;
	cr_assert_geq(ri, 0, "no row %s", row);
	for (tok = strtok_r(copy, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save), c++) {
		cr_assert_lt(c, (int)t->blocks[bi].ncols, "%s: too many", row);
		cell = t->blocks[bi].first_cell + ri *
		    (int)t->blocks[bi].ncols + c;
		iu_printed(r, cell, got);
		snprintf(id, sizeof id, "%s", t->cells[cell].id);
		cr_expect_str_eq(got, tok, "%s: got %s, want %s", id, got, tok);
	}
	cr_assert_eq(c, (int)t->blocks[bi].ncols, "%s: %d values for %zu "
	    "columns", row, c, t->blocks[bi].ncols);
	free(copy);
}

void
iu_expect_all_rows(const struct report *r, const char *block,
    const char *vals)
{
	const struct tpl	*t = report_tpl(r);
	char			 row[128];
	size_t			 b, k;

	for (b = 0; b < t->nblocks; b++) {
		if (strcmp(t->blocks[b].id, block) != 0)
			continue;
		for (k = 0; k < t->blocks[b].nrows; k++) {
			snprintf(row, sizeof row, "%s.%s", block,
			    tpl_row_node(&t->blocks[b], (int)k)->id);
			iu_expect_row(r, row, vals);
		}
	}
}

/* Notes with msgid (at line, if line > 0). */
size_t
iu_notes(const struct import_summary *s, const char *msgid,
    int line)
{
	size_t	i, n = 0;

	for (i = 0; i < s->notes.n; i++)
		if (strcmp(s->notes.v[i].msgid, msgid) == 0 &&
		    (line <= 0 || s->notes.v[i].line == line))
			n++;
	return (n);
}

/* A note with msgid whose first argument contains what. */
bool
iu_note_about(const struct import_summary *s, const char *msgid,
    const char *what, int line)
{
	size_t	i;

	for (i = 0; i < s->notes.n; i++)
		if (strcmp(s->notes.v[i].msgid, msgid) == 0 &&
		    s->notes.v[i].nargs > 0 &&
		    strstr(s->notes.v[i].args[0], what) != NULL &&
		    (line <= 0 || s->notes.v[i].line == line))
			return (true);
	return (false);
}

/* Failing instances of rule id (on cell id, if not NULL). */
size_t
iu_flags(const struct report *r, const char *rule, const char *cell)
{
	const struct tpl	*t = report_tpl(r);
	struct report_flag	 f[512];
	size_t			 n = report_flags(r, f, 512), i, k, hits = 0;

	for (i = 0; i < n && i < 512; i++) {
		if (strcmp(t->rules[f[i].rule].id, rule) != 0)
			continue;
		if (cell == NULL) {
			hits++;
			continue;
		}
		for (k = 0; k < f[i].ncells; k++)
			if (strcmp(t->cells[f[i].cells[k]].id, cell) == 0) {
				hits++;
				break;
			}
	}
	return (hits);
}

struct report *
iu_import(const char *buf, size_t len, const char *path,
    const char *tid, struct tpl *const *tpls, size_t ntpls,
    struct import_summary *s)
{
	struct err	 e = { 0 };
	struct report	*r;

	import_summary_init(s);
	r = import_buffer(buf, len, path, tid, tpls, ntpls, s, &e);
	cr_assert_not_null(r, "import of %s failed: %s", path,
	    e.msgid ? e.msgid : "?");
	return (r);
}

void
iu_expect_same(const struct report *a, const struct report *b,
    const char *how)
{
	const struct tpl	*t = report_tpl(a);
	char			 va[NUM_FMT_MAX], vb[NUM_FMT_MAX];
	size_t			 c;

	cr_assert_str_eq(report_tpl(b)->id, t->id, "%s", how);
	cr_expect_str_eq(report_organ(b), report_organ(a), "%s", how);
	cr_expect_eq(report_year(b), report_year(a), "%s", how);
	for (c = 0; c < t->ncells; c++) {
		iu_printed(a, (int)c, va);
		iu_printed(b, (int)c, vb);
		cr_expect_str_eq(vb, va, "%s: %s", how, t->cells[c].id);
	}
	for (c = 0; c < t->nsections; c++)
		cr_expect_str_eq(report_text(b, (int)c), report_text(a, (int)c),
		    "%s: section %zu", how, c + 1);
}
