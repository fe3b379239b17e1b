/*
 * nianbao ledger FILE.xlsx|.xls|.csv|.et [-o REPORT.yaml] [--year YEAR]
 *                [--map MAP.yaml] [--force]
 *
 * Counts the office's register of applications into table 三 and writes
 * the report: to REPORT with -o (an existing REPORT only with --force,
 * and then every changed cell is printed as "cell: old → new"), else to
 * stdout.  The year is --year, else the report's, else the one in the
 * register's title.
 *
 * The map of columns and values (ledger_map.h) is read from --map, else
 * FILE.map.yaml next to the register, else, to start with, the newest
 * other map in that folder; it is written back (to --map or
 * FILE.map.yaml) whenever it gained something.  New guesses are printed,
 * so the clerk sees every value the program placed by itself.  When a
 * value has no target, or a row of the year has an impossible date,
 * nothing is counted: every such value and row is listed, and the clerk
 * edits the map (or the register) and runs the command again.
 *
 * Exit 0 when the report was written; 2 when nothing was counted or
 * written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "ledger.h"
#include "ledger_count.h"
#include "ledger_date.h"
#include "ledger_fill.h"
#include "ledger_map.h"
#include "ledger_prov.h"
#include "sbuf.h"
#include "store.h"
#include "xmalloc.h"
#include "year.h"

struct lopts {
	const char	*reg;
	const char	*out;
	const char	*map;
	int		 year;
	bool		 force;
};

/* What one run holds, freed by run_done. */
struct run {
	struct ledger		*L;
	struct ledger_map	 m;
	struct ledger_count	 c;
	struct report		*r;
	struct ledger_fill	*fill;
	char			*mappath;
	bool			 existing;
};

static void
run_done(struct run *R)
{
	ledger_fill_free(R->fill);
	report_free(R->r);
	ledger_count_done(&R->c);
	ledger_map_done(&R->m);
	ledger_free(R->L);
	free(R->mappath);
}

static const struct args_opt opts[] = {
	{ 'o', "out", ARGS_STR, "cli.v_out_yaml", "cli.ledger.o", NULL },
	{ 'y', "year", ARGS_YEAR, "cli.v_year", "cli.ledger.year", NULL },
	{ 'm', "map", ARGS_STR, "cli.v_map", "cli.ledger.map", NULL },
	{ 'f', "force", ARGS_FLAG, NULL, "cli.ledger.force", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

static void
parse(const struct args *a, struct lopts *o)
{
	memset(o, 0, sizeof *o);
	o->reg = a->argv[0];
	o->out = args_get(a, "out", NULL);
	o->map = args_get(a, "map", NULL);
	o->year = args_int(a, "year", 0);
	o->force = args_has(a, "force");
}

/* The existing report, when -o names one (refused without --force). */
static bool
load_report(struct cli *c, const struct lopts *o, struct run *R)
{
	struct stat	st;

	if (o->out == NULL || stat(o->out, &st) != 0)
		return (true);
	if (!o->force) {
		cli_say(c, "ledger.out_exists", 1, o->out);
		return (false);
	}
	if ((R->r = cli_load(c, o->out)) == NULL)
		return (false);
	R->existing = true;
	return (true);
}

/* Reads the map: --map, FILE.map.yaml, or another map in the folder. */
static bool
load_map(struct cli *c, const struct lopts *o, struct run *R)
{
	struct err	 e = { 0 };
	struct stat	 st;
	char		*from;

	R->mappath = o->map ? xstrdup(o->map) : ledger_map_path(o->reg);
	from = stat(R->mappath, &st) == 0 ? xstrdup(R->mappath) :
	    o->map == NULL ? ledger_map_sibling(o->reg) : NULL;
	if (from == NULL)
		return (true);
	if (!ledger_map_load(from, &R->m, &e)) {
		cli_say_err(c, &e);
		err_clear(&e);
		free(from);
		return (false);
	}
	if (strcmp(from, R->mappath) != 0) {
		cli_say(c, "ledger.map_from", 1, from);
		R->m.dirty = true;
	}
	free(from);
	return (true);
}

/* The report year: --year, the report's, the register's title. */
static int
pick_year(struct cli *c, const struct lopts *o, struct run *R)
{
	char	a[16], b[16];
	int	y;

	if (R->r != NULL && o->year != 0 && o->year != report_year(R->r)) {
		snprintf(a, sizeof a, "%d", o->year);
		snprintf(b, sizeof b, "%d", report_year(R->r));
		cli_say(c, "ledger.year_differs", 3, a, o->out, b);
		return (0);
	}
	if (o->year != 0)
		return (o->year);
	if (R->r != NULL && report_year(R->r) > 0)
		return (report_year(R->r));
	if ((y = ledger_count_title_year(R->L, &R->m)) > 0) {
		snprintf(a, sizeof a, "%d", y);
		cli_say(c, "ledger.year_from_title", 1, a);
		return (y);
	}
	cli_say(c, "ledger.no_year", 0);
	return (0);
}

static const char *
field_name(const struct cli *c, enum ledger_field f, char **tofree)
{
	static const char *const ids[LEDGER_NFIELDS] = { "ledger.f_received",
	    "ledger.f_applicant", "ledger.f_result", "ledger.f_answered" };

	*tofree = i18n_fmt0(c->i18n, ids[f]);
	return (*tofree);
}

/* Says every guess made this run, so that none goes unseen. */
static void
say_guesses(struct cli *c, const struct ledger_map *m)
{
	const char	*label;
	char		*f, *other;
	size_t		 i;

	for (i = 0; i < m->n; i++) {
		if (m->v[i].how != LEDGER_HOW_GUESS || m->v[i].nrows == 0)
			continue;
		label = ledger_map_label(m->v[i].target);
		field_name(c, m->v[i].field, &f);
		other = label ? NULL : i18n_fmt0(c->i18n, strcmp(
		    m->v[i].target, "pending") == 0 ? "ledger.target_pending" :
		    "ledger.target_skip");
		cli_say(c, "ledger.guess", 3, f, m->v[i].text,
		    label ? label : other);
		free(other);
		free(f);
	}
}

/* The row refs of v as "5, 9, 12" (the first 30).  Newly allocated. */
static char *
rows_list(const struct ledger_value *v)
{
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	for (i = 0; i < v->nrows && i < 30; i++)
		sbuf_addf(&b, "%s%s", i ? ", " : "", v->rows[i]);
	if (v->nrows > 30)
		sbuf_adds(&b, ", …");
	return (sbuf_take(&b));
}

/* The problems and unmapped values, and what to do about them. */
static void
say_blockers(struct cli *c, struct run *R)
{
	struct ledger_value	**ask;
	char			 *f, *rows;
	size_t			  i, n;

	for (i = 0; i < R->c.problems.n; i++)
		cli_say_err(c, &R->c.problems.v[i]);
	n = ledger_map_unmapped(&R->m, NULL, 0);
	ask = xcalloc(n + 1, sizeof *ask);
	ledger_map_unmapped(&R->m, ask, n);
	for (i = 0; i < n; i++) {
		const struct ledger_value *v = ask[i];
		rows = rows_list(v);
		field_name(c, v->field, &f);
		cli_say(c, "ledger.unmapped", 4, f, v->text, rows,
		    ledger_path(R->L));
		free(rows);
		free(f);
	}
	free(ask);
	if (R->c.unmapped > 0)
		cli_say(c, "ledger.edit_map", 1, R->mappath);
	cli_say(c, "ledger.not_counted", 0);
}

/* Writes the map back when it gained something; false after saying why. */
static bool
save_map(struct cli *c, struct run *R)
{
	struct err	 e = { 0 };
	char		*hdr;
	bool		 ok;

	if (!R->m.dirty)
		return (true);
	hdr = i18n_fmt1(c->i18n, "ledger.map_header", ledger_path(R->L));
	ok = ledger_map_save(&R->m, R->mappath, hdr, &e);
	free(hdr);
	if (!ok) {
		cli_say_err(c, &e);
		err_clear(&e);
		return (false);
	}
	cli_say(c, "ledger.map_saved", 1, R->mappath);
	return (true);
}

/* Counts; false (said why) when there is nothing to fill in. */
static bool
count(struct cli *c, struct run *R, int year)
{
	struct ledger_opts	 lo = { year, ledger_date_today() };
	struct err		 e = { 0 };
	size_t			 i;

	if (!ledger_count(R->L, &R->m, &lo, &R->c, &e)) {
		cli_say_err(c, &e);
		err_clear(&e);
		cli_say(c, "ledger.name_columns", 1, R->mappath);
		return (false);
	}
	say_guesses(c, &R->m);
	for (i = 0; i < R->c.notes.n; i++)
		cli_say_err(c, &R->c.notes.v[i]);
	if (ledger_count_ok(&R->c))
		return (true);
	say_blockers(c, R);
	return (false);
}

/* A new report for year (no -o report to update). */
static bool
new_report(struct cli *c, struct run *R, int year)
{
	const struct tpl	*t = tpl_for_year(c->tpls, c->ntpls, year);
	char			 y[16];

	if (t == NULL) {
		snprintf(y, sizeof y, "%d", year);
		cli_say(c, "cli.no_template_for_year", 1, y);
		return (false);
	}
	R->r = report_new(t);
	report_set_year(R->r, year);
	return (true);
}

/* "cell: old → new" for every changed cell of an existing report. */
static void
say_changes(struct cli *c, const struct run *R)
{
	const struct tpl	*t = report_tpl(R->r);
	struct report_value	 a, b;
	char			 x[NUM_FMT_MAX], y[NUM_FMT_MAX], *blank;
	size_t			 i;
	int			 cell;

	blank = i18n_fmt0(c->i18n, "ledger.blank");
	for (i = 0; i < ledger_fill_nchanges(R->fill); i++) {
		ledger_fill_change(R->fill, i, &cell, &a, &b);
		report_format_value(R->r, cell, a, x);
		report_format_value(R->r, cell, b, y);
		printf("%s: %s → %s\n", t->cells[cell].id, *x ? x : blank, y);
	}
	if (ledger_fill_nchanges(R->fill) == 0)
		cli_say(c, "ledger.no_change", 0);
	free(blank);
}

/* Fills the report and says where 二 came from and what changed. */
static bool
fill(struct cli *c, struct run *R, const char *out)
{
	struct err	 e = { 0 };
	char		*rel, n[16], m[16];

	rel = ledger_prov_relpath(ledger_path(R->L), out);
	R->fill = ledger_fill(R->r, &R->c, rel, ledger_sha256(R->L), &e);
	free(rel);
	if (R->fill == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		return (false);
	}
	if (ledger_fill_carry(R->fill) == LEDGER_CARRY_PREVIOUS)
		cli_say(c, "ledger.carry_previous", 0);
	else if (R->c.starts_in_year)
		cli_say(c, "ledger.carry_starts", 0);
	if (R->existing)
		say_changes(c, R);
	snprintf(n, sizeof n, "%zu", R->c.nentries);
	snprintf(m, sizeof m, "%zu", R->c.rows_seen);
	cli_say(c, "ledger.counted", 2, n, m);
	return (true);
}

/* Writes the report to out, or stdout. */
static bool
write_report(struct cli *c, const struct run *R, const char *out)
{
	char	*text;
	bool	 ok;

	if (out != NULL)
		return (cli_save(c, R->r, out));
	text = store_dump(R->r);
	ok = cli_output(c, NULL, text, strlen(text));
	free(text);
	return (ok);
}

static int
ledger_run(struct cli *c, const struct args *a)
{
	struct lopts	 o;
	struct run	 R;
	struct err	 e = { 0 };
	int		 year, rc = 2;

	parse(a, &o);
	memset(&R, 0, sizeof R);
	ledger_map_init(&R.m);
	ledger_count_init(&R.c);
	if (!load_report(c, &o, &R) || !load_map(c, &o, &R))
		goto done;
	if ((R.L = ledger_open(o.reg, &e)) == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		goto done;
	}
	if ((year = pick_year(c, &o, &R)) == 0)
		goto done;
	if (!count(c, &R, year)) {
		save_map(c, &R);
		goto done;
	}
	if ((R.r == NULL && !new_report(c, &R, year)) || !fill(c, &R, o.out))
		goto done;
	/* A map that cannot be written (a read-only share) is said, and
	 * does not stop the report: the count itself is complete. */
	save_map(c, &R);
	if (write_report(c, &R, o.out))
		rc = 0;
done:
	run_done(&R);
	return (rc);
}

const struct cli_cmd cmd_ledger = {
	.name = "ledger",
	.summary = "cli.ledger",
	.opts = opts,
	.operands = "cli.v_register",
	.min = 1,
	.max = 1,
	.run = ledger_run,
};

size_t
cli_ledger_warnings(const struct cli *c, const char *path,
    const struct report *r)
{
	struct errlist	 w;
	char		*sev, *msg;
	size_t		 i, n;

	errlist_init(&w);
	n = ledger_prov_check(r, path, &w);
	sev = i18n_fmt0(c->i18n, "check.warning");
	for (i = 0; i < w.n; i++) {
		msg = i18n_fmt(c->i18n, w.v[i].msgid, w.v[i].nargs,
		    (const char *const *)w.v[i].args);
		printf("%s: %s [ledger] %s\n", path, sev, msg);
		free(msg);
	}
	free(sev);
	errlist_done(&w);
	return (n);
}
