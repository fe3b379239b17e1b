/*
 * nianbao check [--json|--csv] [-j N] [-r DIR]... [FILE]...
 *
 * One file: its flags, one per line, then a summary line.  Many files or
 * a folder (-r): a progress bar on a terminal, then a table (organ, year,
 * errors, warnings, worst rule, file) with every file that could not be
 * read listed with its reason, and the rules that span reports (the same
 * organ's consecutive years, identical narratives, duplicates).  --json and
 * --csv give the same for other tools.  Exit 0 clean, 1 rule errors found,
 * 2 some file could not be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "json.h"
#include "sbuf.h"
#include "store.h"
#include "text.h"
#include "xmalloc.h"

#include "import.h"

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
	char			*msg, *sev;

	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n; i++) {
		msg = report_flag_message(r, &f[i], c->lang);
		sev = i18n_fmt0(c->i18n, f[i].severity == TPL_ERROR ?
		    "check.error" : "check.warning");
		printf("%s: %s [%s] %s", path, sev, t->rules[f[i].rule].id,
		    msg);
		if (f[i].ncells > 0)
			printf(" (%s%s)", t->cells[f[i].cells[0]].id,
			    f[i].ncells > 1 ? ", …" : "");
		printf("\n");
		free(msg);
		free(sev);
	}
	free(f);
}

/* The message of a cross-report flag.  Newly allocated. */
static char *
cross_message(const struct cli *c, const struct batch_item *items,
    const struct batch_item *it, const struct batch_cross *x)
{
	const struct batch_item	*o = &items[x->other];
	char			 y[16];

	snprintf(y, sizeof y, "%d", o->year);
	switch (x->kind) {
	case BATCH_X_CARRY: {
		const struct tpl_block *b = NULL;
		for (size_t i = 0; i < it->tpl->nblocks; i++)
			if (strcmp(it->tpl->blocks[i].id, "t3") == 0)
				b = &it->tpl->blocks[i];
		return (i18n_fmt2(c->i18n, "check.cross_carry", b ?
		    tpl_label(&tpl_col_node(b, x->column)->label, c->lang) :
		    "?", o->path));
	}
	case BATCH_X_SAME_TEXT:
		return (i18n_fmt2(c->i18n, "check.cross_same_text",
		    tpl_label(&it->tpl->sections[x->section].title, c->lang),
		    y));
	default:
		return (i18n_fmt1(c->i18n, "check.cross_duplicate", o->path));
	}
}

static void
put_cell(const char *s, int cols, const struct text_opts *o)
{
	char *p = text_pad(s, strlen(s), cols, -1, o);

	printf("%s  ", p);
	free(p);
}

static void
print_table(const struct cli *c, const struct batch_item *items, size_t n)
{
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
		snprintf(num, sizeof num, "%zu", it->nwarnings + it->ncross);
		put_cell(num, w[3], &o);
		put_cell(it->worst ? it->worst : "-", w[4], &o);
		printf("%s\n", it->path);
		for (x = 0; x < it->ncross; x++) {
			msg = cross_message(c, items, it, &it->cross[x]);
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
}

static void
csv_field(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

static void
print_csv(const struct cli *c, const struct batch_item *items, size_t n)
{
	size_t	k;
	char	*msg;

	printf("file,organ,year,errors,warnings,cross,worst_rule,error\n");
	for (k = 0; k < n; k++) {
		const struct batch_item *it = &items[k];
		csv_field(it->path);
		if (it->read) {
			putchar(',');
			csv_field(it->organ);
			printf(",%d,%zu,%zu,%zu,%s,\n", it->year, it->nerrors,
			    it->nwarnings, it->ncross,
			    it->worst ? it->worst : "");
		} else {
			printf(",,,,,,,");
			msg = i18n_err(c->i18n, &it->err);
			csv_field(msg);
			putchar('\n');
			free(msg);
		}
	}
}

static void
print_json(const struct cli *c, const struct batch_item *items, size_t n)
{
	struct sbuf	 b;
	size_t		 k, x;
	char		*msg;

	sbuf_init(&b);
	sbuf_adds(&b, "[");
	for (k = 0; k < n; k++) {
		const struct batch_item *it = &items[k];
		sbuf_adds(&b, k ? ",\n  {\"file\": " : "\n  {\"file\": ");
		json_str(&b, it->path);
		if (!it->read) {
			msg = i18n_err(c->i18n, &it->err);
			sbuf_adds(&b, ", \"error\": ");
			json_str(&b, msg);
			sbuf_adds(&b, "}");
			free(msg);
			continue;
		}
		sbuf_adds(&b, ", \"template\": ");
		json_str(&b, it->tpl->id);
		sbuf_adds(&b, ", \"organ\": ");
		json_str(&b, it->organ);
		sbuf_adds(&b, ", \"published_on\": ");
		if (*it->published_on != '\0')
			json_str(&b, it->published_on);
		else
			sbuf_adds(&b, "null");
		sbuf_addf(&b, ", \"year\": %d, \"errors\": %zu, "
		    "\"warnings\": %zu, \"worst\": ", it->year, it->nerrors,
		    it->nwarnings);
		if (it->worst)
			json_str(&b, it->worst);
		else
			sbuf_adds(&b, "null");
		sbuf_adds(&b, ", \"cross\": [");
		for (x = 0; x < it->ncross; x++) {
			static const char *const kinds[] = { "carry",
			    "same_text", "duplicate" };
			msg = cross_message(c, items, it, &it->cross[x]);
			sbuf_addf(&b, "%s{\"kind\": \"%s\", \"other\": ",
			    x ? ", " : "", kinds[it->cross[x].kind]);
			json_str(&b, items[it->cross[x].other].path);
			sbuf_adds(&b, ", \"message\": ");
			json_str(&b, msg);
			sbuf_adds(&b, "}");
			free(msg);
		}
		sbuf_adds(&b, "], \"flags\": ");
		sbuf_adds(&b, it->json_flags ? it->json_flags : "[]");
		sbuf_adds(&b, "}");
	}
	sbuf_adds(&b, n ? "\n]\n" : "]\n");
	fputs(b.s, stdout);
	sbuf_done(&b);
}

/* One file, as a clerk runs it: every flag, then the summary line. */
static int
check_one(const struct cli *c, const char *path)
{
	struct err	 e = { 0 };
	struct report	*r = load_any(path, c->tpls, c->ntpls, NULL, &e);
	char		 ne[16], nw[16];
	int		 rc;

	if (r == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		return (2);
	}
	snprintf(ne, sizeof ne, "%zu", report_nflags_severity(r, TPL_ERROR));
	snprintf(nw, sizeof nw, "%zu", report_nflags_severity(r, TPL_WARNING));
	print_flags(c, path, r);
	if (*report_published_on(r) != '\0')
		cli_say(c, "check.published_on", 2, path,
		    report_published_on(r));
	cli_say(c, "check.summary", 3, path, ne, nw);
	rc = report_nflags_severity(r, TPL_ERROR) > 0 ? 1 : 0;
	report_free(r);
	return (rc);
}

int
cmd_check(struct cli *c, int argc, char **argv)
{
	struct batch_item	*items = NULL;
	struct batch_opts	 o;
	struct err		 e = { 0 };
	size_t			 n = 0, k;
	bool			 json = false, csv = false, dirs = false;
	int			 i, rc = 0, jobs = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--csv") == 0)
			csv = true;
		else if (strcmp(argv[i], "-j") == 0 && i + 1 < argc)
			jobs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
			dirs = true;
			if (!batch_scan(argv[++i], batch_report_exts, &items, &n,
			    &e)) {
				cli_say_err(c, &e);
				err_clear(&e);
				rc = 2;
			}
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			batch_items_free(items, n);
			return (cli_usage(c));
		} else {
			items = xreallocarray(items, n + 1, sizeof *items);
			memset(&items[n], 0, sizeof *items);
			items[n++].path = xstrdup(argv[i]);
		}
	}
	if (n == 0 && !dirs) {
		batch_items_free(items, n);
		return (cli_usage(c));
	}
	if (n == 1 && !dirs && !json && !csv) {
		rc = check_one(c, items[0].path);
		batch_items_free(items, n);
		return (rc);
	}
	memset(&o, 0, sizeof o);
	o.tpls = c->tpls;
	o.ntpls = c->ntpls;
	o.load = load_any;
	o.jobs = jobs;
	o.json_flags = json;
	o.lang = c->lang;
	if (!json && !csv && isatty(STDERR_FILENO)) {
		o.progress = progress;
		o.progress_arg = c;
	}
	batch_check(items, n, &o);
	batch_cross(items, n);
	if (json)
		print_json(c, items, n);
	else if (csv)
		print_csv(c, items, n);
	else
		print_table(c, items, n);
	for (k = 0; k < n; k++) {
		if (!items[k].read)
			rc = 2;
		else if (items[k].nerrors > 0 && rc == 0)
			rc = 1;
	}
	batch_items_free(items, n);
	return (rc);
}
