/*
 * Zero fill (see zerofill.h).  A scope is a range of blocks and, for a
 * row, one row of one block; the cells of a block are laid out row by
 * row from its first_cell, so each scope is walked in template order.
 */
#include <stdlib.h>

#include "vec.h"
#include "xmalloc.h"
#include "zerofill.h"

/* Appends the blank input cells of row r of block b (r < 0: all rows). */
static void
add_block(const struct report *r, int b, int row, int **v, size_t *n,
    size_t *cap)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_block	*bl = &t->blocks[b];
	int			 r0 = row < 0 ? 0 : row;
	int			 r1 = row < 0 ? (int)bl->nrows : row + 1, i, c;

	for (i = r0; i < r1; i++)
		for (c = 0; c < (int)bl->ncols; c++) {
			int cell = bl->first_cell + i * (int)bl->ncols + c;

			if (tpl_cell_computed(t, cell) ||
			    report_value(r, cell).state != RV_BLANK)
				continue;
			*VEC_PUSH(*v, *n, *cap) = cell;
		}
}

/* Appends every block of table ti. */
static void
add_table(const struct report *r, int ti, int **v, size_t *n, size_t *cap)
{
	const struct tpl_table	*tb = &report_tpl(r)->tables[ti];
	int			 b;

	for (b = tb->first_block; b < tb->first_block + tb->nblocks; b++)
		add_block(r, b, -1, v, n, cap);
}

/* Appends every table of section sec. */
static void
add_section(const struct report *r, int sec, int **v, size_t *n,
    size_t *cap)
{
	const struct tpl_section *s = &report_tpl(r)->sections[sec];
	int			  ti;

	if (s->kind != TPL_TABLES)
		return;
	for (ti = s->first_table; ti < s->first_table + s->ntables; ti++)
		add_table(r, ti, v, n, cap);
}

size_t
zerofill_blanks(const struct report *r, enum zerofill_scope scope, int cell,
    int sec, int **out)
{
	const struct tpl	*t = report_tpl(r);
	int			*v = NULL;
	size_t			 n = 0, cap = 0, s;

	*out = NULL;
	if ((scope == ZF_ROW || scope == ZF_TABLE) &&
	    (cell < 0 || (size_t)cell >= t->ncells))
		return (0);
	if (scope == ZF_SECTION && (sec < 0 || (size_t)sec >= t->nsections))
		return (0);
	switch (scope) {
	case ZF_ROW:
		add_block(r, t->cells[cell].block, t->cells[cell].row, &v, &n,
		    &cap);
		break;
	case ZF_TABLE:
		add_table(r, t->blocks[t->cells[cell].block].table, &v, &n,
		    &cap);
		break;
	case ZF_SECTION:
		add_section(r, sec, &v, &n, &cap);
		break;
	case ZF_REPORT:
		for (s = 0; s < t->nsections; s++)
			add_section(r, (int)s, &v, &n, &cap);
		break;
	}
	*out = v;
	return (n);
}

void
zerofill_apply(struct report *r, const int *cells, size_t n,
    struct report_value **before)
{
	struct report_value	*old = NULL;
	struct report_value	 zero = { .state = RV_SET, .n = { 0, 0 } };
	size_t			 i;

	if (before != NULL)
		old = *before = n > 0 ? xcalloc(n, sizeof *old) : NULL;
	report_freeze(r);
	for (i = 0; i < n; i++)
		report_set_value(r, cells[i], zero, old != NULL ? &old[i] :
		    NULL);
	report_thaw(r);
}
