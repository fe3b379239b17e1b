/*
 * nianbao check [--json] [--csv] [--html OUT] [-j N] [-r DIR]... [FILE]...
 *
 * One file: its flags, one per line, then a summary line.  Many files or
 * a folder (-r): a progress bar on a terminal, then a table (organ, year,
 * errors, warnings, worst rule, file) with every file that could not be
 * read listed with its reason, the rules that span reports (batch.h) and
 * the organ names merged.  --json and --csv give the same for other tools
 * (county_data.h), --html OUT writes the county page (county_html.h).
 * Exit 0 clean, 1 rule errors found, 2 some file could not be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answer.h"
#include "finding.h"
#include "batch.h"
#include "cli.h"
#include "county.h"
#include "county_data.h"
#include "county_html.h"
#include "store.h"
#include "import.h"
#include "text.h"
#include "usage.h"
#include "xmalloc.h"

static const struct args_opt opts[] = {
	{ 0, "json", ARGS_FLAG, NULL, "cli.check.json", NULL },
	{ 0, "csv", ARGS_FLAG, NULL, "cli.check.csv", NULL },
	{ 0, "html", ARGS_STR, "cli.v_out", "cli.check.html", NULL },
	{ 'j', NULL, ARGS_COUNT, "cli.v_jobs", "cli.check.j", NULL },
	{ 'r', NULL, ARGS_STR, "cli.v_dir", "cli.check.r", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

/* nianbao files by store_load, anything else through the importer. */
#define load_any import_load

static void
progress(size_t done, size_t total, void *arg)
{
	const struct cli	*c = arg;
	static int		 last = -1;
	int			 pct = (int)(done * 100 / (total ? total : 1));
	char			 bar[41], *label;
	int			 i;

	if (pct == last && done != total)
		return;
	last = pct;
	for (i = 0; i < 40; i++)
		bar[i] = i < pct * 40 / 100 ? '#' : '.';
	bar[40] = '\0';
	label = i18n_fmt0(c->i18n, "check.progress");
	fprintf(stderr, "\r%s [%s] %zu/%zu", label, bar, done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
	free(label);
}

static void
print_flags(const struct cli *c, const char *path, const struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	struct report_flag	*f;
	size_t			 n, i;
	char			*msg, *sev, *why;
	const char		*ans;

	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n; i++) {
		msg = report_flag_message(r, &f[i], c->lang);
		ans = answer_for(r, &f[i]);
		sev = i18n_fmt0(c->i18n, ans != NULL ? "rules.answered" :
		    f[i].severity == TPL_ERROR ? "check.error" :
		    "check.warning");
		printf("%s: %s [%s] %s", path, sev, t->rules[f[i].rule].id,
		    msg);
		if (ans != NULL) {
			why = i18n_fmt1(c->i18n, "rules.answered_reason",
			    ans);
			printf("%s", why);
			free(why);
		}
		if (f[i].ncells > 0)
			printf(" (%s%s)", t->cells[f[i].cells[0]].id,
			    f[i].ncells > 1 ? ", …" : "");
		else if (f[i].finding >= 0)	/* what --answer RULE:KEY names */
			printf(" (%s)", finding_key(r, f[i].finding));
		printf("\n");
		free(msg);
		free(sev);
	}
	free(f);
}

static void
put_cell(const char *s, int cols, const struct text_opts *o)
{
	char *p = text_pad(s, strlen(s), cols, -1, o);

	printf("%s  ", p);
	free(p);
}

/* The organs whose spellings were merged, so that a wrong merge shows. */
static void
print_merged(const struct cli *c, const struct batch *b)
{
	size_t	o, s;
	char	*h = i18n_fmt0(c->i18n, "county.merged");
	bool	 any = false;

	for (o = 0; o < b->norgans; o++) {
		const struct batch_organ *org = &b->organs[o];
		if (org->nspellings < 2 &&
		    strcmp(org->spellings[0], org->name) == 0)
			continue;
		if (!any)
			printf("%s\n", h);
		printf("  %s ←", org->name);
		any = true;
		for (s = 0; s < org->nspellings; s++)
			printf(" “%s”", org->spellings[s]);
		printf("\n");
	}
	free(h);
}

static void
print_table(const struct cli *c, const struct batch *b)
{
	const struct batch_item	*items = b->items;
	size_t			 n = b->n;

	struct text_opts	 o = { c->ambiguous };
	const char		*hdr[] = { "check.col_organ", "check.col_year",
				    "check.col_errors", "check.col_warnings",
				    "check.col_worst" };
	int			 w[5] = { 0, 6, 6, 6, 8 }, i;
	char			*h[5], num[32], *msg;
	size_t			 k, x;

	for (i = 0; i < 5; i++) {
		h[i] = i18n_fmt0(c->i18n, hdr[i]);
		if (text_width(h[i], strlen(h[i]), &o) > w[i])
			w[i] = text_width(h[i], strlen(h[i]), &o);
	}
	for (k = 0; k < n; k++)
		if (items[k].read && text_width(items[k].organ,
		    strlen(items[k].organ), &o) > w[0])
			w[0] = text_width(items[k].organ,
			    strlen(items[k].organ), &o);
	if (w[0] > 40)
		w[0] = 40;
	for (i = 0; i < 5; i++)
		put_cell(h[i], w[i], &o);
	printf("%s\n", "");
	for (k = 0; k < n; k++) {
		const struct batch_item *it = &items[k];
		if (!it->read)
			continue;
		put_cell(it->organ, w[0], &o);
		snprintf(num, sizeof num, "%d", it->year);
		put_cell(num, w[1], &o);
		snprintf(num, sizeof num, "%zu", it->nerrors);
		put_cell(num, w[2], &o);
		snprintf(num, sizeof num, "%zu", batch_item_problems(it) -
		    it->nerrors);
		put_cell(num, w[3], &o);
		put_cell(it->worst ? it->worst : "-", w[4], &o);
		printf("%s\n", it->path);
		for (x = 0; x < it->ncross; x++) {
			msg = county_cross_message(b, it, &it->cross[x],
			    c->i18n);
			printf("    %s\n", msg);
			free(msg);
		}
	}
	for (k = 0; k < n; k++)
		if (!items[k].read) {
			msg = i18n_err(c->i18n, &items[k].err);
			printf("%s\n", msg);
			free(msg);
		}
	for (i = 0; i < 5; i++)
		free(h[i]);
	print_merged(c, b);
}

/* One file, as a clerk runs it: every flag, then the summary line. */
static int
check_one(struct cli *c, const char *path)
{
	struct err	 e = { 0 };
	struct report	*r = NULL;
	char		 ne[16], nw[16];
	int		 rc;

	if (!cli_need_templates_for(c, path))
		return (2);
	r = load_any(path, c->tpls, c->ntpls, NULL, &e);
	if (r == NULL && cli_retry_all(c, &e))
		r = load_any(path, c->tpls, c->ntpls, NULL, &e);
	if (r == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		return (2);
	}
	snprintf(ne, sizeof ne, "%zu", report_nflags_severity(r, TPL_ERROR));
	if (*report_published_on(r) != '\0')
		cli_say(c, "check.published_on", 2, path,
		    report_published_on(r));
	print_flags(c, path, r);
	snprintf(nw, sizeof nw, "%zu", report_nflags_severity(r, TPL_WARNING) +
	    cli_ledger_warnings(c, path, r));
	cli_say(c, "check.summary", 3, path, ne, nw);
	rc = report_nflags_severity(r, TPL_ERROR) > 0 ? 1 : 0;
	report_free(r);
	return (rc);
}

/* The output asked for: the county page, JSON, CSV or the table. */
static bool
report_out(struct cli *c, const struct batch *b, bool json, bool csv,
    const char *html, const char *title)
{
	char	*t;
	bool	 ok = true;

	if (html != NULL) {
		t = county_html(b, c->i18n, title);
		ok = cli_output(c, html, t, strlen(t));
		free(t);
	}
	if (json || csv) {
		t = json ? county_json(b, c->i18n) : county_csv(b, c->i18n);
		ok = cli_output(c, NULL, t, strlen(t)) && ok;
		free(t);
	} else if (html == NULL)
		print_table(c, b);
	return (ok);
}

/* The files to check: every report under each -r folder, then the files
 * named.  false when a folder could not be read (said why). */
static bool
gather(const struct cli *c, const struct args *a, struct batch *b)
{
	struct err	 e = { 0 };
	const char	*dir;
	size_t		 i;
	bool		 ok = true;

	for (i = 0; (dir = args_nth(a, "r", i)) != NULL; i++)
		if (!batch_scan(b, dir, batch_report_exts, &e)) {
			cli_say_err(c, &e);
			err_clear(&e);
			ok = false;
		}
	for (i = 0; i < (size_t)a->argc; i++)
		batch_add(b, a->argv[i]);
	return (ok);
}

static int
check_run(struct cli *c, const struct args *a)
{
	struct batch		*b;
	struct batch_opts	 o;
	const char		*html = args_get(a, "html", NULL);
	bool			 json = args_has(a, "json");
	bool			 csv = args_has(a, "csv");
	bool			 dirs = args_has(a, "r");
	size_t			 k;
	int			 rc;

	if (a->argc == 0 && !dirs)
		return (usage_missing(c));
	memset(&o, 0, sizeof o);
	o.load = load_any;
	o.lang = c->lang;
	o.jobs = args_int(a, "j", 0);
	b = batch_new(&o);
	rc = gather(c, a, b) ? 0 : 2;
	if (b->n == 1 && !dirs && !json && !csv && html == NULL) {
		rc = check_one(c, b->items[0].path);
		batch_free(b);
		return (rc);
	}
	/* Many files: every template, before the workers share them. */
	if (!cli_load_templates(c)) {
		batch_free(b);
		return (2);
	}
	b->o.tpls = c->tpls;
	b->o.ntpls = c->ntpls;
	b->o.json_flags = json;
	b->o.keep_flags = b->o.sums = html != NULL;
	if (!json && !csv && isatty(STDERR_FILENO)) {
		b->o.progress = progress;
		b->o.progress_arg = c;
	}
	batch_check(b);
	batch_cross(b);
	if (!report_out(c, b, json, csv, html, args_nth(a, "r", 0)))
		rc = 2;
	for (k = 0; k < b->n; k++) {
		if (!b->items[k].read)
			rc = 2;
		else if (b->items[k].nerrors > 0 && rc == 0)
			rc = 1;
	}
	batch_free(b);
	return (rc);
}

const struct cli_cmd cmd_check = {
	.name = "check",
	.summary = "cli.check",
	.opts = opts,
	.operands = "cli.v_files",
	.min = 0,
	.max = -1,
	.run = check_run,
	.lazy_tpls = true,
};
