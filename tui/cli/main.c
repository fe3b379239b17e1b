/*
 * The nianbao command: subcommands are thin wrappers over model/.  Every
 * subcommand gets one struct cli (language, messages, the loaded
 * templates) and returns the exit code: 0 done, 1 rule errors found
 * (check), 2 could not do it (bad arguments, unreadable file, refused
 * value); out of memory ends the process in fatal() with XMALLOC_EXIT
 * (70).  Messages go to stderr in the user's language; results to
 * stdout.  Nothing is written unless the whole command succeeds.
 */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "editor.h"
#include "exporter.h"
#include "fsio.h"
#include "i18n.h"
#include "json.h"
#include "layout.h"
#include "paths.h"
#include "publish.h"
#include "rollover.h"
#include "answer.h"
#include "sbuf.h"
#include "store.h"
#include "text.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"
#include "year.h"

#define MAX_TEXT	(4 * 1024 * 1024)

/*
 * A format chosen with -t that the year does not use (a 2024 report on
 * gb2019) is refused unless forced: said with the format the year needs.
 */
static bool
format_fits_year(const struct cli *c, const struct tpl *t, int year,
    bool force)
{
	const struct tpl	*want;
	char			 ybuf[16];

	if (force || year <= 0 || (year >= t->year_from &&
	    (t->year_to == 0 || year <= t->year_to)))
		return (true);
	snprintf(ybuf, sizeof ybuf, "%d", year);
	want = tpl_for_year(c->tpls, c->ntpls, year);
	cli_say(c, "rules.new_wrong_format", 3, ybuf, t->id,
	    want != NULL ? want->id : "?");
	return (false);
}

static int
cmd_new(struct cli *c, int argc, char **argv)
{
	const char		*tid = NULL, *organ = "", *path = NULL;
	const char		*from = NULL;
	const struct tpl	*t;
	struct report		*r, *last;
	struct stat		 st;
	struct err		 e = { 0 };
	char			 ybuf[16], *text;
	int			 i, year = year_default(time(NULL)), rc;
	bool			 year_given = false, organ_given = false;
	bool			 force = false;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
			tid = argv[++i];
		else if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (strcmp(argv[i], "--organ") == 0 && i + 1 < argc) {
			organ = argv[++i];
			organ_given = true;
		} else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
			from = argv[++i];
		else if (strcmp(argv[i], "--year") == 0 && i + 1 < argc) {
			if (!year_parse(argv[++i], &year)) {
				cli_say(c, "cli.bad_year", 1, argv[i]);
				return (2);
			}
			year_given = true;
		} else if (argv[i][0] == '-' || path != NULL)
			return (cli_usage(c));
		else
			path = argv[i];
	}
	if (path == NULL)
		return (cli_usage(c));
	if (lstat(path, &st) == 0) {
		cli_say(c, "cli.file_exists", 1, path);
		return (2);
	}
	if (from != NULL) {
		/* A new year from the last: organ, year + 1, 上年结转. */
		if ((last = cli_load(c, from)) == NULL)
			return (2);
		r = rollover_new(last, year_given ? year : 0, tid, c->tpls,
		    c->ntpls, &e);
		report_free(last);
		if (r == NULL) {
			cli_say_err(c, &e);
			err_clear(&e);
			return (2);
		}
		if (organ_given)
			report_set_organ(r, organ);
		rc = format_fits_year(c, report_tpl(r), report_year(r), force) &&
		    cli_save(c, r, path) ? 0 : 2;
		report_free(r);
		return (rc);
	}
	snprintf(ybuf, sizeof ybuf, "%d", year);
	t = tid ? tpl_by_id(c->tpls, c->ntpls, tid) :
	    tpl_for_year(c->tpls, c->ntpls, year);
	if (t == NULL) {
		if (tid)
			cli_say(c, "cli.unknown_template", 1, tid);
		else
			cli_say(c, "cli.no_template_for_year", 1, ybuf);
		return (2);
	}
	if (!format_fits_year(c, t, year, force))
		return (2);
	r = report_new(t);
	text = text_sanitize(organ, strlen(organ), false);
	report_set_organ(r, text);
	free(text);
	report_set_year(r, year);
	rc = cli_save(c, r, path) ? 0 : 2;
	report_free(r);
	return (rc);
}

/* Reads the text for "s1=@path"; newly allocated or NULL (said why). */
static char *
read_text(const struct cli *c, const char *path)
{
	struct err	 e = { 0 };
	size_t		 len;
	char		*buf, *clean;

	if ((buf = fsio_read_file(path, MAX_TEXT, &len, &e)) == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		return (NULL);
	}
	clean = text_sanitize(buf, len, true);
	free(buf);
	return (clean);
}

/* Applies one ID=VALUE; false (and said why) if refused. */
static bool
assign(struct cli *c, struct report *r, const char *arg)
{
	const struct tpl	*t = report_tpl(r);
	const char		*eq = strchr(arg, '=');
	char			*key, *text, cand[512];
	struct err		 e = { 0 };
	int			 cells[8], sec, year;
	size_t			 n, i;

	if (eq == NULL || eq == arg) {
		cli_say(c, "cli.bad_assignment", 1, arg);
		return (false);
	}
	key = xstrndup(arg, (size_t)(eq - arg));
	eq++;
	if (strcmp(key, "organ") == 0) {
		text = text_sanitize(eq, strlen(eq), false);
		report_set_organ(r, text);
		free(text);
		goto ok;
	}
	if (strcmp(key, "year") == 0) {
		if (!year_parse(eq, &year)) {
			cli_say(c, "cli.bad_year", 1, eq);
			goto fail;
		}
		report_set_year(r, year);
		goto ok;
	}
	if ((sec = tpl_section_index(t, key)) >= 0) {
		text = *eq == '@' ? read_text(c, eq + 1) :
		    text_sanitize(eq, strlen(eq), true);
		if (text == NULL)
			goto fail;
		report_set_text(r, sec, text, NULL);
		free(text);
		goto ok;
	}
	n = tpl_find_cells(t, key, cells, 8);
	if (n == 0) {
		cli_say(c, "cli.no_cell", 1, key);
		goto fail;
	}
	if (n > 1) {
		cand[0] = '\0';
		for (i = 0; i < n && i < 8; i++) {
			if (i)
				strncat(cand, ", ", sizeof cand - strlen(cand) - 1);
			strncat(cand, t->cells[cells[i]].id,
			    sizeof cand - strlen(cand) - 1);
		}
		if (n > 8)
			strncat(cand, ", …", sizeof cand - strlen(cand) - 1);
		cli_say(c, "cli.ambiguous_cell", 2, key, cand);
		goto fail;
	}
	if (!report_set_input(r, cells[0], eq, NULL, &e)) {
		cli_say_err(c, &e);
		err_clear(&e);
		goto fail;
	}
ok:
	free(key);
	return (true);
fail:
	free(key);
	return (false);
}

/* --answer RULE[:CELL]=reason; false (said why) if refused. */
static bool
answer_arg(struct cli *c, struct report *r, const char *arg)
{
	const char		*eq = strchr(arg, '=');
	struct report_flag	 f;
	struct err		 e = { 0 };
	char			*spec;
	bool			 ok;

	if (eq == NULL || eq == arg) {
		cli_say(c, "rules.answer_bad", 1, arg);
		return (false);
	}
	spec = xstrndup(arg, (size_t)(eq - arg));
	if (!(ok = answer_find(r, spec, &f)))
		cli_say(c, "rules.answer_nothing", 1, spec);
	else if (!(ok = answer_give(r, &f, eq + 1, &e))) {
		cli_say_err(c, &e);
		err_clear(&e);
	}
	free(spec);
	return (ok);
}

static int
cmd_set(struct cli *c, int argc, char **argv)
{
	struct report	*r;
	char		 nbuf[32];
	int		 i, rc = 0;
	bool		 accept = false;

	if (argc < 3)
		return (cli_usage(c));
	if ((r = cli_load(c, argv[1])) == NULL)
		return (2);
	for (i = 2; i < argc; i++)
		if (strcmp(argv[i], "--accept-totals") == 0)
			accept = true;
		else if (strcmp(argv[i], "--answer") == 0 && i + 1 < argc)
			i++;	/* after the values, below */
		else if (!assign(c, r, argv[i]))
			rc = 2;
	if (accept) {
		snprintf(nbuf, sizeof nbuf, "%zu", answer_accept_totals(r));
		cli_say(c, "rules.accepted", 1, nbuf);
	}
	for (i = 2; rc == 0 && i + 1 < argc; i++)
		if (strcmp(argv[i], "--answer") == 0 &&
		    !answer_arg(c, r, argv[++i]))
			rc = 2;
	if (rc == 0 && !cli_save(c, r, argv[1]))
		rc = 2;
	report_free(r);
	return (rc);
}

static int
cmd_export(struct cli *c, int argc, char **argv)
{
	const char		*fmt = "txt", *out = NULL, *path = NULL;
	struct publish_opts	 po = { false, NULL };
	struct publish_notes	 notes = { NULL, 0 };
	enum exporter_fmt	 f;
	struct report		*r;
	struct err		 e = { 0 };
	char			*text = NULL;
	size_t			 k;
	int			 i, rc = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
			fmt = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--fonts") == 0 && i + 1 < argc)
			po.fontdir = argv[++i];
		else if (strcmp(argv[i], "--strict") == 0)
			po.strict = true;
		else if (argv[i][0] == '-' || path != NULL)
			return (cli_usage(c));
		else
			path = argv[i];
	}
	if (path == NULL)
		return (cli_usage(c));
	if (!exporter_parse(fmt, &f)) {
		cli_say(c, "cli.bad_format", 1, fmt);
		return (2);
	}
	if ((r = cli_load(c, path)) == NULL)
		return (2);
	if (out == NULL || strcmp(out, "-") == 0) {
		/* Standard output: the text formats only. */
		if (!publish_allowed(r, &po, &e))
			rc = 1;
		else if ((text = exporter_text(r, f, c->lang)) == NULL) {
			cli_say(c, "cli.docx_needs_out", 0);
			rc = 2;
		} else {
			rc = cli_emit(c, NULL, text, strlen(text)) ? 0 : 2;
			publish_note_counts(r, c->i18n, &notes);
		}
		free(text);
	} else if (!publish_write(r, f, c->lang, out, &po, c->i18n, &notes,
	    &e))
		rc = strcmp(e.msgid, "export.strict") == 0 ? 1 : 2;
	for (k = 0; k < notes.n; k++)
		fprintf(stderr, "nianbao: %s\n", notes.v[k]);
	if (rc != 0 && e.msgid != NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
	}
	publish_notes_free(&notes);
	report_free(r);
	return (rc);
}

static int
cmd_templates(struct cli *c, int argc, char **argv)
{
	size_t	i;
	char	to[16];

	if (argc > 1 || argv == NULL)
		return (cli_usage(c));
	for (i = 0; i < c->ntpls; i++) {
		const struct tpl *t = c->tpls[i];
		if (t->year_to)
			snprintf(to, sizeof to, "%d", t->year_to);
		else
			to[0] = '\0';
		printf("%-18s %d–%-5s %s（%s）\n", t->id, t->year_from, to,
		    tpl_label(&t->name, c->lang),
		    tpl_label(&t->basis, c->lang));
	}
	return (0);
}

static const char *
type_name(const struct tpl_type *ty)
{
	switch (ty->kind) {
	case NUM_SIGNED:
		return ("signed");
	case NUM_MONEY:
		return ("money");
	default:
		return ("count");
	}
}

static void
show_json(const struct cli *c, const struct tpl *t)
{
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	sbuf_adds(&b, "{\n  \"id\": ");
	json_str(&b, t->id);
	sbuf_adds(&b, ",\n  \"name\": ");
	json_str(&b, tpl_label(&t->name, c->lang));
	sbuf_addf(&b, ",\n  \"year_from\": %d,\n  \"year_to\": ", t->year_from);
	if (t->year_to)
		sbuf_addf(&b, "%d", t->year_to);
	else
		sbuf_adds(&b, "null");
	sbuf_adds(&b, ",\n  \"sections\": [");
	for (i = 0; i < t->nsections; i++) {
		const struct tpl_section *s = &t->sections[i];
		sbuf_adds(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_str(&b, s->id);
		sbuf_adds(&b, ", \"number\": ");
		json_str(&b, s->number);
		sbuf_adds(&b, ", \"title\": ");
		json_str(&b, tpl_label(&s->title, c->lang));
		sbuf_addf(&b, ", \"kind\": \"%s\"}",
		    s->kind == TPL_NARRATIVE ? "narrative" : "tables");
	}
	sbuf_adds(&b, "\n  ],\n  \"cells\": [");
	for (i = 0; i < t->ncells; i++) {
		const struct tpl_cell *cl = &t->cells[i];
		const struct tpl_block *bl = &t->blocks[cl->block];
		sbuf_adds(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_str(&b, cl->id);
		sbuf_adds(&b, ", \"section\": ");
		json_str(&b, t->sections[t->tables[bl->table].section].id);
		sbuf_adds(&b, ", \"table\": ");
		json_str(&b, t->tables[bl->table].id);
		sbuf_adds(&b, ", \"row_label\": ");
		json_str(&b, cl->row_path[c->lang]);
		sbuf_adds(&b, ", \"col_label\": ");
		json_str(&b, cl->col_path[c->lang]);
		sbuf_addf(&b, ", \"input\": %s, \"type\": \"%s\"",
		    cl->formula < 0 ? "true" : "false", type_name(&cl->type));
		if (cl->type.kind == NUM_MONEY)
			sbuf_addf(&b, ", \"decimals\": %d", cl->type.decimals);
		if (cl->type.unit.s[0] != NULL) {
			sbuf_adds(&b, ", \"unit\": ");
			json_str(&b, tpl_label(&cl->type.unit, c->lang));
		}
		sbuf_adds(&b, "}");
	}
	sbuf_adds(&b, "\n  ]\n}\n");
	fputs(b.s, stdout);
	sbuf_done(&b);
}

static void
show_text(const struct cli *c, const struct tpl *t)
{
	size_t	i;
	int	k;

	printf("%s  %s（%s）\n", t->id, tpl_label(&t->name, c->lang),
	    tpl_label(&t->basis, c->lang));
	for (i = 0; i < t->nsections; i++) {
		const struct tpl_section *s = &t->sections[i];
		printf("\n%s %s、%s\n", s->id, s->number,
		    tpl_label(&s->title, c->lang));
		for (k = 0; k < s->ntables; k++) {
			const struct tpl_table *tb =
			    &t->tables[s->first_table + k];
			int bi;
			for (bi = tb->first_block;
			    bi < tb->first_block + tb->nblocks; bi++) {
				const struct tpl_block *b = &t->blocks[bi];
				size_t ci;
				for (ci = 0; ci < b->nrows * b->ncols; ci++) {
					const struct tpl_cell *cl =
					    &t->cells[b->first_cell + ci];
					printf("  %-28s %s%s%s%s\n", cl->id,
					    cl->row_path[c->lang],
					    *cl->row_path[c->lang] ? " / " : "",
					    cl->col_path[c->lang],
					    cl->formula >= 0 ? "  (=)" : "");
				}
			}
		}
	}
}

static int
cmd_template(struct cli *c, int argc, char **argv)
{
	const struct tpl	*t;
	bool			 json = false;
	const char		*id = NULL;
	int			 i;

	if (argc < 2 || strcmp(argv[1], "show") != 0)
		return (cli_usage(c));
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (id == NULL && argv[i][0] != '-')
			id = argv[i];
		else
			return (cli_usage(c));
	}
	if (id == NULL)
		return (cli_usage(c));
	if ((t = tpl_by_id(c->tpls, c->ntpls, id)) == NULL) {
		cli_say(c, "cli.unknown_template", 1, id);
		return (2);
	}
	if (json)
		show_json(c, t);
	else
		show_text(c, t);
	return (0);
}

static int
cmd_preview(struct cli *c, int argc, char **argv)
{
	struct text_opts	 o = { c->ambiguous };
	struct editor_opts	 eo;
	struct report		*r;
	struct layout		*l;
	const char		*path = NULL;
	bool			 plain = false;
	char			*text;
	int			 i, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--plain") == 0)
			plain = true;
		else if (argv[i][0] == '-' || path != NULL)
			return (cli_usage(c));
		else
			path = argv[i];
	}
	if (path == NULL)
		return (cli_usage(c));
	if (!plain) {
		memset(&eo, 0, sizeof eo);
		eo.path = path;
		eo.tpls = c->tpls;
		eo.ntpls = c->ntpls;
		eo.i18n = c->i18n;
		eo.lang = c->lang;
		eo.ambiguous = c->ambiguous;
		eo.preview = true;
		return (editor_run(&eo));
	}
	if ((r = cli_load(c, path)) == NULL)
		return (2);
	l = layout_build(r, c->lang, &o);
	text = layout_plain(l);
	rc = cli_emit(c, NULL, text, strlen(text)) ? 0 : 2;
	free(text);
	layout_free(l);
	report_free(r);
	return (rc);
}

static int
cmd_edit(struct cli *c, const char *path)
{
	struct editor_opts	eo;

	memset(&eo, 0, sizeof eo);
	eo.path = path;
	eo.tpls = c->tpls;
	eo.ntpls = c->ntpls;
	eo.i18n = c->i18n;
	eo.lang = c->lang;
	eo.ambiguous = c->ambiguous;
	return (editor_run(&eo));
}

/* Removes the global options (--lang X, --ambiguous N) from argv. */
static int
global_opts(int argc, char **argv, const char **lang, int *amb)
{
	int	i, n = 1;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			*lang = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			*lang = argv[i] + 7;
		else if (strcmp(argv[i], "--ambiguous") == 0 && i + 1 < argc)
			*amb = atoi(argv[++i]) == 2 ? 2 : 1;
		else
			argv[n++] = argv[i];
	}
	argv[n] = NULL;
	return (n);
}

static bool
load_templates(struct cli *c)
{
	struct errlist	 errs;
	char		*dir = xasprintf("%s/templates", c->datadir);
	size_t		 i;

	errlist_init(&errs);
	c->ntpls = tpl_load_dir(dir, &c->tpls, &errs);
	for (i = 0; i < errs.n; i++)
		cli_say_err(c, &errs.v[i]);
	errlist_done(&errs);
	free(dir);
	return (c->ntpls > 0);
}

/* The subcommands; new ones live in tui/cli/cmd_NAME.c (see cli.h). */
static const struct {
	const char	*name;
	int		(*fn)(struct cli *, int, char **);
} cmds[] = {
	{ "new", cmd_new },
	{ "set", cmd_set },
	{ "check", cmd_check },
	{ "sum", cmd_sum },
	{ "import", cmd_import },
	{ "ledger", cmd_ledger },
	{ "export", cmd_export },
	{ "templates", cmd_templates },
	{ "template", cmd_template },
	{ "preview", cmd_preview },
	{ "print", cmd_print },
};

static int
dispatch(struct cli *c, int argc, char **argv)
{
	const char	*cmd = argc > 1 ? argv[1] : NULL;
	char		*s;
	size_t		 i;

	if (cmd != NULL && (strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)) {
		s = i18n_fmt0(c->i18n, "cli.usage");
		fputs(s, stdout);
		free(s);
		return (0);
	}
	if (cmd != NULL && strcmp(cmd, "--version") == 0) {
		printf("nianbao %s\n", NB_VERSION);
		return (0);
	}
	if (!load_templates(c)) {
		cli_say(c, "cli.no_templates", 1, c->datadir);
		return (2);
	}
	if (cmd == NULL)
		return (cmd_edit(c, NULL));
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmd, cmds[i].name) == 0)
			return (cmds[i].fn(c, argc - 1, argv + 1));
	if (cmd[0] == '-') {
		cli_say(c, "cli.unknown_option", 1, cmd);
		return (cli_usage(c));
	}
	if (argc > 2)
		return (cli_usage(c));
	return (cmd_edit(c, cmd));
}

int
main(int argc, char **argv)
{
	struct cli	 c;
	const char	*lang = NULL;
	size_t		 i;
	int		 rc;

	xmalloc_icu();
	setlocale(LC_ALL, "");
	memset(&c, 0, sizeof c);
	c.ambiguous = 1;
	argc = global_opts(argc, argv, &lang, &c.ambiguous);
	c.lang = i18n_pick_lang(lang);
	c.datadir = paths_datadir();
	c.i18n = i18n_open(c.datadir, c.lang);
	rc = dispatch(&c, argc, argv);
	for (i = 0; i < c.ntpls; i++)
		tpl_free(c.tpls[i]);
	free(c.tpls);
	i18n_close(c.i18n);
	free(c.datadir);
	text_cleanup();
	return (rc);
}
