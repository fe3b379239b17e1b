/*
 * nianbao import [-t TEMPLATE] [-o OUT.yaml] [--force] INPUT
 *
 * Reads a published report (text in any of the layouts and encodings of
 * model/import.h) and writes it as a report file: to OUT with -o, else to
 * stdout.  An existing OUT is never overwritten unless --force is given
 * (an import is often re-run on purpose, but silently replacing a report
 * someone has since edited must not happen by accident); OUT may never be
 * INPUT itself.  The summary goes to stderr: template and why, organ and
 * year, encoding and layout, cells read and missing, rule flags, then
 * every import note as "INPUT:LINE: message" and every error flag.
 *
 * Exit 0 when a report was read, even with notes and flags; 2 when the
 * input is not a report (with the reason) or nothing could be written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "import.h"
#include "store.h"
#include "xmalloc.h"

static const struct args_opt opts[] = {
	{ 't', NULL, ARGS_STR, "cli.v_template", "cli.import.t", NULL },
	{ 'o', NULL, ARGS_STR, "cli.v_out_yaml", "cli.import.o", NULL },
	{ 0, "force", ARGS_FLAG, NULL, "cli.import.force", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

static const char *
why_msgid(enum import_tpl_why why)
{
	switch (why) {
	case IMPORT_TPL_ASKED:
		return ("import.why_asked");
	case IMPORT_TPL_LABELS:
		return ("import.why_labels");
	case IMPORT_TPL_YEAR:
		return ("import.why_year");
	case IMPORT_TPL_DEFAULT:
		break;
	}
	return ("import.why_default");
}

static const char *
layout_msgid(const struct import_summary *s)
{
	if (s->mixed)
		return ("import.layout_mixed");
	switch (s->layout) {
	case IMPORT_SCAN_ROWS:
		return ("import.layout_rows");
	case IMPORT_SCAN_CELLS:
		return ("import.layout_cells");
	case IMPORT_SCAN_SPACED:
		return ("import.layout_spaced");
	case IMPORT_SCAN_RUNS:
		return ("import.layout_runs");
	case IMPORT_SCAN_NONE:
		break;
	}
	return ("import.layout_none");
}

static void
summarise(const struct cli *c, const struct report *r,
    const struct import_summary *s)
{
	struct report_flag	*f;
	char			*why, *lay, *msg, a[32], b[32], e[32], w[32];
	char			 year[16];
	size_t			 i, n;

	why = i18n_fmt0(c->i18n, why_msgid(s->why));
	lay = i18n_fmt0(c->i18n, layout_msgid(s));
	cli_say(c, "import.sum_template", 3, s->tpl->id,
	    tpl_label(&s->tpl->name, c->lang), why);
	snprintf(year, sizeof year, "%d", report_year(r));
	cli_say(c, "import.sum_report", 4, report_organ(r), year,
	    importenc_name(s->encoding), lay);
	snprintf(a, sizeof a, "%zu", s->cells_read);
	snprintf(b, sizeof b, "%zu", s->cells_missing);
	snprintf(e, sizeof e, "%zu", s->errors);
	snprintf(w, sizeof w, "%zu", s->warnings);
	cli_say(c, "import.sum_cells", 4, a, b, e, w);
	free(why);
	free(lay);
	for (i = 0; i < s->notes.n; i++)
		cli_say_err(c, &s->notes.v[i]);
	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n; i++) {
		if (f[i].severity != TPL_ERROR)
			continue;
		msg = report_flag_message(r, &f[i], c->lang);
		cli_say(c, "import.flag", 2, report_tpl(r)->rules[f[i].rule].id,
		    msg);
		free(msg);
	}
	free(f);
}

/* May the report be written to out?  Said why not. */
static bool
writable(const struct cli *c, const char *in, const char *out, bool force)
{
	struct stat	si, so;

	if (lstat(out, &so) != 0)
		return (true);
	if (stat(in, &si) == 0 && stat(out, &so) == 0 &&
	    si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
		cli_say(c, "import.same_file", 1, out);
		return (false);
	}
	if (!force) {
		cli_say(c, "import.out_exists", 1, out);
		return (false);
	}
	return (true);
}

static int
import_run(struct cli *c, const struct args *a)
{
	const char		*in = a->argv[0], *out = args_get(a, "o", NULL);
	struct import_summary	 sum;
	struct report		*r;
	struct err		 e = { 0 };
	int			 rc;

	if (out != NULL && strcmp(out, "-") == 0)
		out = NULL;
	if (out != NULL && !writable(c, in, out, args_has(a, "force")))
		return (2);
	import_summary_init(&sum);
	r = import_file(in, args_get(a, "t", NULL), c->tpls, c->ntpls, &sum,
	    &e);
	if (r == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		import_summary_done(&sum);
		return (2);
	}
	summarise(c, r, &sum);
	rc = cli_output_report(c, r, out) ? 0 : 2;
	report_free(r);
	import_summary_done(&sum);
	return (rc);
}

const struct cli_cmd cmd_import = {
	.name = "import",
	.summary = "cli.import",
	.opts = opts,
	.operands = "cli.v_input",
	.min = 1,
	.max = 1,
	.run = import_run,
};
