/*
 * nianbao new [-t TEMPLATE] [--organ NAME] [--year YEAR] [--from LAST] FILE
 *
 * Creates a report file that does not exist yet: empty, for the year
 * given (else the year just ended, year_default) in its template (-t, else
 * the one for the year), or with --from the next year of last year's
 * report (organ, 上年结转 and last year's texts carried over, rollover.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "rollover.h"
#include "text.h"
#include "year.h"

static const struct args_opt opts[] = {
	{ 't', NULL, ARGS_STR, "cli.v_template", "cli.new.t", NULL },
	{ 0, "organ", ARGS_STR, "cli.v_organ", "cli.new.organ", NULL },
	{ 0, "year", ARGS_YEAR, "cli.v_year", "cli.new.year", NULL },
	{ 0, "from", ARGS_STR, "cli.v_last", "cli.new.from", NULL },
	{ 0, "force", ARGS_FLAG, NULL, "cli.new.force", NULL },
	{ 0, NULL, 0, NULL, NULL, NULL }
};

/* The organ as given, cleaned of control characters; newly allocated. */
static char *
organ_of(const struct args *a)
{
	const char	*s = args_get(a, "organ", "");

	return (text_sanitize(s, strlen(s), false));
}

/* The next year's report from last year's (--from); NULL after saying. */
static struct report *
from_last(struct cli *c, const struct args *a)
{
	struct report	*r, *last;
	struct err	 e = { 0 };
	char		*organ;

	if ((last = cli_load(c, args_get(a, "from", NULL))) == NULL)
		return (NULL);
	r = rollover_new(last, args_int(a, "year", 0), args_get(a, "t", NULL),
	    c->tpls, c->ntpls, &e);
	report_free(last);
	if (r == NULL) {
		cli_say_err(c, &e);
		err_clear(&e);
		return (NULL);
	}
	if (args_has(a, "organ")) {
		organ = organ_of(a);
		report_set_organ(r, organ);
		free(organ);
	}
	return (r);
}

/* An empty report; NULL after saying why. */
static struct report *
empty(struct cli *c, const struct args *a)
{
	const char		*tid = args_get(a, "t", NULL);
	const struct tpl	*t;
	struct report		*r;
	char			 ybuf[16], *organ;
	int			 year = args_int(a, "year", year_default(time(NULL)));

	t = tid != NULL ? tpl_by_id(c->tpls, c->ntpls, tid) :
	    tpl_for_year(c->tpls, c->ntpls, year);
	if (t == NULL && tid != NULL) {
		cli_say(c, "cli.unknown_template", 1, tid);
		return (NULL);
	}
	if (t == NULL) {
		snprintf(ybuf, sizeof ybuf, "%d", year);
		cli_say(c, "cli.no_template_for_year", 1, ybuf);
		return (NULL);
	}
	r = report_new(t);
	organ = organ_of(a);
	report_set_organ(r, organ);
	free(organ);
	report_set_year(r, year);
	report_preface_init(r);
	return (r);
}

/*
 * A format that the year does not use (a 2024 report on gb2019) is
 * refused unless forced: said with the format the year needs.
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
new_run(struct cli *c, const struct args *a)
{
	const char	*path = a->argv[0];
	struct report	*r;
	struct stat	 st;
	int		 rc;

	if (lstat(path, &st) == 0) {
		cli_say(c, "cli.file_exists", 1, path);
		return (2);
	}
	r = args_has(a, "from") ? from_last(c, a) : empty(c, a);
	if (r == NULL)
		return (2);
	rc = format_fits_year(c, report_tpl(r), report_year(r),
	    args_has(a, "force")) && cli_save(c, r, path) ? 0 : 2;
	report_free(r);
	return (rc);
}

const struct cli_cmd cmd_new = {
	.name = "new",
	.summary = "cli.new",
	.opts = opts,
	.operands = "cli.v_file",
	.min = 1,
	.max = 1,
	.run = new_run,
};
