/*
 * `nianbao ledger` as a clerk runs it (issue 18): each register of
 * tests/data/ledger, copied to a folder of its own, gives its table in
 * the report file and `check` finds nothing wrong; the mapping is asked
 * once (the unmapped value listed with its row, the map written next to
 * the register), then reused without a question; an existing report is
 * updated only with --force, each changed cell printed as "cell: old →
 * new"; check warns when a counted cell was changed by hand or the
 * register changed; the year boundary across two reports (new --from);
 * 二 from last year's report when the register starts in the year; WPS's
 * .et through LibreOffice, and the message without it.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ledgerutil.h"
#include "store.h"
#include "testutil.h"

/* A folder holding a copy of the register name; *reg is its path. */
static char *
workdir(const char *name, char **reg)
{
	char	*dir = tu_tmpdir(), *src = tu_path(LEDGER_DATA, name);
	char	*bytes;
	size_t	 len;
	FILE	*f;

	bytes = tu_read(src, &len);
	cr_assert_not_null(bytes, "%s", src);
	*reg = tu_path(dir, name);
	f = fopen(*reg, "wb");
	cr_assert(f != NULL && fwrite(bytes, 1, len, f) == len);
	fclose(f);
	free(bytes);
	free(src);
	return (dir);
}

static void
run(struct tu_run *r, const char *const *argv)
{
	tu_nianbao(r, NULL, argv);
}

/* check's output names no flag of rule (as "[R1]"). */
static bool
no_rule(const char *out, const char *rule)
{
	return (strstr(out, rule) == NULL);
}

static struct report *
load(const char *path, struct tpl **t)
{
	struct err	 e = { 0 };
	struct report	*r;

	*t = tu_tpl("gb2021");
	r = store_load(path, t, 1, &e);
	cr_assert_not_null(r, "%s: %s at %d:%d", path, e.msgid, e.line, e.col);
	return (r);
}

/* `ledger REG --year Y -o OUT` gives expect's table and a clean check. */
static void
cli_gives(const char *name, const char *expect)
{
	struct ledger_expect	 x;
	struct tu_run		 r;
	struct report		*rep;
	struct tpl		*t;
	char			*reg, *dir = workdir(name, &reg), *out, year[8];
	char			*map = NULL, text[256];

	lu_expect(expect, &x);
	if (x.nmap > 0) {
		/* The clerk's answer, given in a map of their own. */
		map = tu_path(dir, "answers.map.yaml");
		snprintf(text, sizeof text, "applicant:\n  %s: %s\n",
		    x.map[0][0], x.map[0][1]);
		tu_write(map, text);
	}
	out = tu_path(dir, "report.yaml");
	snprintf(year, sizeof year, "%d", x.year);
	{
		const char *argv[] = { "ledger", reg, "--year", year, "-o", out,
		    map ? "--map" : NULL, map, NULL };
		run(&r, argv);
	}
	cr_assert_eq(r.status, 0, "%s: %d\n%s", name, r.status, r.err);
	rep = load(out, &t);
	lu_compare(name, rep, &x);
	cr_expect_eq(lu_balance_flags(rep), 0);
	report_free(rep);
	tpl_free(t);
	tu_run_free(&r);
	{
		const char *argv[] = { "--lang", "en", "check", out, NULL };
		run(&r, argv);
	}
	/* Only 三 is filled: 六's fee statement and blank cells elsewhere
	 * are flagged, 三's balance and provenance are not. */
	cr_expect_lt(r.status, 2, "%s", r.err);
	cr_expect(no_rule(r.out, "[R1]") && no_rule(r.out, "[R2]") &&
	    no_rule(r.out, "[R3]") && no_rule(r.out, "[R4]") &&
	    no_rule(r.out, "[R5]") && no_rule(r.out, "[ledger]"),
	    "%s: check says\n%s", name, r.out);
	tu_run_free(&r);
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(out);
	free(map);
}

Test(ledger_cli, every_register_gives_its_table)
{
	cli_gives("town.xlsx", "town.expect");
	cli_gives("town.xls", "town.expect");
	cli_gives("county-gb18030.csv", "county-gb18030.expect");
	cli_gives("serials.xlsx", "serials.expect");
	cli_gives("boundary.tsv", "boundary-2024.expect");
}

Test(ledger_cli, mapping_asked_once_then_reused)
{
	struct ledger_expect	 x;
	struct tu_run		 r;
	struct report		*rep;
	struct tpl		*t;
	char			*reg, *dir = workdir("serials.xlsx", &reg);
	char			*map = tu_path(dir, "serials.map.yaml");
	char			*out = tu_path(dir, "2024.yaml");
	char			*out2 = tu_path(dir, "again.yaml");
	char			*text, *p, *before;
	const char		*argv[] = { "--lang", "en", "ledger", reg,
				    "--year", "2024", "-o", out, NULL };
	struct stat		 st;

	/* First run: 个体户 is unknown, listed with its row; nothing is
	 * written but the map, which holds every guess and the question. */
	run(&r, argv);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "applicant type “个体户”") != NULL &&
	    strstr(r.err, "row 10") != NULL, "%s", r.err);
	cr_expect(strstr(r.err, "“律师” is counted as “法律服务机构”") != NULL,
	    "the guesses are said: %s", r.err);
	cr_expect(stat(out, &st) != 0, "a report was written");
	tu_run_free(&r);
	text = tu_read(map, NULL);
	cr_assert_not_null(text);
	cr_expect(strstr(text, "个体户: ~    # 10") != NULL, "%s", text);
	cr_expect(strstr(text, "律师: legal") != NULL, "%s", text);
	/* The clerk answers in the map, with a label of the table. */
	p = strstr(text, "个体户: ~");
	cr_assert_not_null(p);
	{
		char *edited = malloc(strlen(text) + 32);
		sprintf(edited, "%.*s个体户: 商业企业%s", (int)(p - text), text,
		    strchr(p, '\n'));
		tu_write(map, edited);
		free(edited);
	}
	free(text);
	run(&r, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.err, "guessed") == NULL, "asked again: %s", r.err);
	tu_run_free(&r);
	lu_expect("serials.expect", &x);
	rep = load(out, &t);
	lu_compare("serials", rep, &x);
	report_free(rep);
	tpl_free(t);
	/* Next time: no question, no guess, the map left as it is. */
	before = tu_read(map, NULL);
	argv[7] = out2;
	run(&r, argv);
	cr_expect_eq(r.status, 0);
	cr_expect(strstr(r.err, "guessed") == NULL &&
	    strstr(r.err, "map was saved") == NULL, "%s", r.err);
	text = tu_read(map, NULL);
	cr_expect_str_eq(text, before);
	free(text);
	free(before);
	tu_run_free(&r);
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(map);
	free(out);
	free(out2);
}

Test(ledger_cli, force_and_changes_printed)
{
	struct tu_run	 r;
	char		*reg, *dir = workdir("town.csv", &reg);
	char		*out = tu_path(dir, "2024.yaml"), *before, *after;
	const char	*argv[] = { "--lang", "en", "ledger", reg, "-o", out,
			    NULL, NULL };
	const char	*newr[] = { "new", "--year", "2024", out, NULL };
	const char	*set[] = { "set", out, "t3.new.natural=9",
			    "t2_5.licensing.decisions=12", NULL };

	run(&r, newr);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	before = tu_read(out, NULL);
	/* Without --force an existing report is left alone. */
	run(&r, argv);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "--force") != NULL, "%s", r.err);
	tu_run_free(&r);
	after = tu_read(out, NULL);
	cr_expect_str_eq(after, before);
	free(after);
	/* With it (the year is the report's), every change is printed. */
	argv[6] = "--force";
	run(&r, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "t3.new.natural:  → 8\n") == NULL);
	cr_expect(strstr(r.out, "t3.new.natural: (blank) → 8\n") != NULL,
	    "%s", r.out);
	tu_run_free(&r);
	/* Hand changes, then the count again: the cell goes back and is
	 * named with both numbers; a cell outside 三 is kept. */
	run(&r, set);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	run(&r, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect_str_eq(r.out, "t3.new.natural: 9 → 8\n");
	tu_run_free(&r);
	after = tu_read(out, NULL);
	cr_expect(strstr(after, "t2_5.licensing.decisions: 12\n") != NULL);
	free(after);
	free(before);
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(out);
}

Test(ledger_cli, check_warns_hand_change_and_register_change)
{
	struct tu_run	 r;
	char		*reg, *dir = workdir("town.csv", &reg);
	char		*out = tu_path(dir, "2024.yaml"), *text, *more;
	const char	*count[] = { "ledger", reg, "--year", "2024", "-o", out,
			    NULL };
	const char	*set[] = { "set", out, "t3.r_open.natural=3", NULL };
	const char	*check[] = { "--lang", "en", "check", out, NULL };

	run(&r, count);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	run(&r, set);
	tu_run_free(&r);
	run(&r, check);
	/* R1 now fails too (3 + … ≠ 8 + …): an error, exit 1. */
	cr_expect_eq(r.status, 1);
	cr_expect(strstr(r.out, "[ledger] t3.r_open.natural") != NULL &&
	    strstr(r.out, "counted as 2 from the register and is now 3") !=
	    NULL, "%s", r.out);
	tu_run_free(&r);
	text = tu_read(reg, NULL);
	more = malloc(strlen(text) + 64);
	sprintf(more, "%s13,2024-12-30,某,自然人,x,,,\n", text);
	tu_write(reg, more);
	free(more);
	free(text);
	run(&r, check);
	cr_expect(strstr(r.out, "has changed since the 2024 figures") != NULL,
	    "%s", r.out);
	tu_run_free(&r);
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(out);
}

Test(ledger_cli, year_boundary_across_two_reports)
{
	struct ledger_expect	 x;
	struct tu_run		 r;
	struct report		*rep;
	struct tpl		*t;
	char			*reg, *dir = workdir("boundary.tsv", &reg);
	char			*y23 = tu_path(dir, "2023.yaml");
	char			*y24 = tu_path(dir, "2024.yaml");
	const char		*a[] = { "ledger", reg, "--year", "2023", "-o",
				    y23, NULL };
	const char		*b[] = { "new", "--from", y23, y24, NULL };
	const char		*c[] = { "--lang", "en", "ledger", reg, "-o",
				    y24, "--force", NULL };
	const char		*d[] = { "--lang", "en", "check", y24, NULL };

	run(&r, a);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	rep = load(y23, &t);
	lu_expect("boundary-2023.expect", &x);
	lu_compare("2023", rep, &x);
	report_free(rep);
	tpl_free(t);
	run(&r, b);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	run(&r, c);
	cr_assert_eq(r.status, 0, "%s", r.err);
	/* The register holds last year's applications: 二 is counted. */
	cr_expect(strstr(r.err, "taken from last year") == NULL, "%s", r.err);
	tu_run_free(&r);
	rep = load(y24, &t);
	lu_expect("boundary-2024.expect", &x);
	lu_compare("2024", rep, &x);
	report_free(rep);
	tpl_free(t);
	/* 2024's 二 is 2023's 四: no R5 warning, and 三 balances. */
	run(&r, d);
	cr_expect_lt(r.status, 2, "%s", r.err);
	cr_expect(no_rule(r.out, "[R5]") && no_rule(r.out, "[R1]") &&
	    no_rule(r.out, "[ledger]"), "%s", r.out);
	tu_run_free(&r);
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(y23);
	free(y24);
}

Test(ledger_cli, carried_in_from_last_years_report)
{
	struct tu_run	 r;
	char		*reg, *dir = workdir("town.xlsx", &reg);
	char		*last = tu_path(dir, "2023.yaml");
	char		*out = tu_path(dir, "2024.yaml"), *text;
	const char	*mk[] = { "new", "--year", "2023", last, NULL };
	const char	*set[] = { "set", last, "t3.new.natural=2",
			    "t3.carried_out.natural=2", NULL };
	const char	*from[] = { "new", "--from", last, out, NULL };
	const char	*count[] = { "--lang", "en", "ledger", reg, "-o", out,
			    "--force", NULL };

	run(&r, mk);
	tu_run_free(&r);
	run(&r, set);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	run(&r, from);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	run(&r, count);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.err, "taken from last year’s report") != NULL,
	    "the source of 二 is said: %s", r.err);
	cr_expect(strstr(r.out, "t3.carried_in.natural: 2 → 2") == NULL);
	tu_run_free(&r);
	text = tu_read(out, NULL);
	cr_expect(strstr(text, "t3.carried_in.natural: 2\n") != NULL, "%s",
	    text);
	cr_expect(strstr(text, "carried_in: previous\n") != NULL);
	free(text);
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(last);
	free(out);
}

Test(ledger_cli, to_stdout)
{
	struct tu_run	 r;
	char		*reg, *dir = workdir("town.csv", &reg);
	const char	*argv[] = { "ledger", reg, "--year", "2024", NULL };

	run(&r, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "nianbao: 1\n", 11) == 0);
	cr_expect(strstr(r.out, "\nledger:\n  register: ") != NULL);
	cr_expect(strstr(r.out, "t3.new.natural: 8\n") != NULL);
	tu_run_free(&r);
	tu_rmtree(dir);
	free(dir);
	free(reg);
}

Test(ledger_cli, wps_et, .timeout = 300)
{
	struct ledger_expect	 x;
	struct tu_run		 r;
	struct report		*rep;
	struct tpl		*t;
	char			*reg, *dir = workdir("town.xls", &reg);
	char			*et = tu_path(dir, "town.et");
	char			*out = tu_path(dir, "2024.yaml");
	char			*path = getenv("PATH") ? strdup(getenv("PATH")) :
				    NULL;
	const char		*argv[] = { "--lang", "en", "ledger", et,
				    "--year", "2024", "-o", out, NULL };

	/* WPS saves .et in the Excel binary family: a renamed .xls stands
	 * in for one (LibreOffice decides by content). */
	cr_assert_eq(rename(reg, et), 0);
	setenv("PATH", "/nonexistent", 1);
	run(&r, argv);
	if (path != NULL)
		setenv("PATH", path, 1);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "needs LibreOffice") != NULL &&
	    strstr(r.err, "save the register as .xlsx or CSV") != NULL, "%s",
	    r.err);
	tu_run_free(&r);
	if (access("/usr/bin/soffice", X_OK) == 0) {
		run(&r, argv);
		cr_assert_eq(r.status, 0, "%s", r.err);
		tu_run_free(&r);
		lu_expect("town.expect", &x);
		rep = load(out, &t);
		lu_compare("town.et", rep, &x);
		report_free(rep);
		tpl_free(t);
	} else
		cr_log_warn("LibreOffice is not installed: .et conversion "
		    "not tried");
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(et);
	free(out);
	free(path);
}
