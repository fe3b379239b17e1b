/*
 * Scripted filling (see edscript.h).  The walk follows the editor's own
 * order: F6 steps to the next section, Tab to the next input cell of
 * the section; the cells are visited in template order, which is the
 * Tab order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "edscript.h"
#include "edutil.h"
#include "import.h"
#include "report.h"
#include "store.h"
#include "tpl.h"

struct report *
edscript_seed(const char *path)
{
	struct import_summary	 sum;
	struct err		 e = { 0 };
	struct tpl		*t = (struct tpl *)edfix_tpl();
	struct report		*r;

	import_summary_init(&sum);
	r = import_file(path, "gb2021", &t, 1, &sum, &e);
	import_summary_done(&sum);
	cr_assert_not_null(r, "%s does not import", path);
	return (r);
}

char *
edscript_blank(const char *name, int year)
{
	struct report	*r = report_new(edfix_tpl());
	struct err	 e = { 0 };
	char		*path = edfix_path(name);

	report_set_organ(r, "测试镇人民政府");
	report_set_year(r, year);
	cr_assert(store_save(r, path, &e), "%s not saved", path);
	report_free(r);
	return (path);
}

/* Counts one key. */
static void
press(struct eu *e, int key, size_t *n)
{
	eu_key(e, key);
	(*n)++;
}

/* The value want has for cell as typed ("" when 0 and zeros, or
 * blank). */
static void
typed(const struct report *want, int cell, bool zeros, char *buf)
{
	struct report_value v = report_value(want, cell);

	buf[0] = '\0';
	if (v.state != RV_SET || (zeros && v.n.v == 0))
		return;
	report_format_value(want, cell, v, buf);
}

/* Types the values of table section sec, from its first input cell. */
static void
fill_section(struct eu *e, const struct report *want, int sec, bool zeros,
    size_t *n)
{
	const struct tpl	*t = report_tpl(want);
	const struct tpl_section *s = &t->sections[sec];
	const struct tpl_table	*first = &t->tables[s->first_table];
	const struct tpl_table	*last = &t->tables[s->first_table +
				    s->ntables - 1];
	const struct tpl_block	*lb = &t->blocks[last->first_block +
				    last->nblocks - 1];
	int			 c0 = t->blocks[first->first_block].first_cell;
	int			 c1 = lb->first_cell + (int)(lb->nrows *
				    lb->ncols), c, tabs = 0;
	char			 buf[NUM_FMT_MAX];

	for (c = c0; c < c1; c++) {
		if (tpl_cell_computed(t, c))
			continue;
		typed(want, c, zeros, buf);
		if (buf[0] != '\0') {
			for (; tabs > 0; tabs--)
				press(e, EU_TAB, n);
			for (const char *p = buf; *p != '\0'; p++)
				press(e, (unsigned char)*p, n);
		}
		tabs++;
	}
	if (!zeros)
		press(e, EU_TAB, n);	/* commits the last */
}

size_t
edscript_fill(struct eu *e, const struct report *want, bool zeros)
{
	const struct tpl	*t = report_tpl(want);
	size_t			 n = 0, s, at = 0;
	int			 i;

	for (s = 0; s < t->nsections; s++) {
		if (t->sections[s].kind != TPL_TABLES)
			continue;
		for (; at < s; at++)
			press(e, EU_F(6), &n);
		fill_section(e, want, (int)s, zeros, &n);
	}
	if (zeros)
		for (i = 0; i < 3; i++)
			press(e, EU_CTRL('B'), &n);
	return (n);
}
