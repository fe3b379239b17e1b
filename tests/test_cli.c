/*
 * The nianbao command as other tools use it: exit codes, messages in the
 * user's language, files left unchanged by refused commands, the JSON
 * contract, the text export against golden files, how options are read
 * (anywhere on the line, --name=value, abbreviations, POSIXLY_CORRECT),
 * every bad command line of tests/data/bad/USAGE in both languages, and
 * standard output that cannot be written (a full disk, a closed pipe, a
 * closed descriptor).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "testutil.h"
#include "xmalloc.h"

#define DATADIR		NB_BUILD_DIR "/share/nianbao"
#define GOLDEN		NB_SOURCE_DIR "/tests/data/golden/full2021.yaml"

#define RUN(r, lang, ...) do { \
	const char *const argv_[] = { __VA_ARGS__, NULL }; \
	tu_nianbao((r), (lang), argv_); \
} while (0)

static char	*dir, *rep;

static void
setup(void)
{
	struct tu_run r;

	dir = tu_tmpdir();
	rep = tu_path(dir, "r.yaml");
	RUN(&r, NULL, "new", "--organ", "测试镇人民政府", "--year", "2024",
	    rep);
	cr_assert_eq(r.status, 0, "new failed: %s", r.err);
	tu_run_free(&r);
}

static void
teardown(void)
{
	tu_rmtree(dir);
	free(rep);
	free(dir);
}

TestSuite(cli, .init = setup, .fini = teardown);

static size_t
count(const char *hay, const char *needle)
{
	size_t	n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return (n);
}

Test(cli, templates_listed)
{
	struct tu_run r;

	RUN(&r, NULL, "templates");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "gb2021") != NULL);
	cr_assert(strstr(r.out, "gb2019") != NULL);
	cr_assert(strstr(r.out, "国办公开办函〔2021〕30号") != NULL);
	tu_run_free(&r);
}

Test(cli, template_show_json_cells)
{
	struct tu_run r;

	RUN(&r, NULL, "template", "show", "gb2021", "--json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(count(r.out, "\"row_label\""), 200);
	cr_assert_eq(count(r.out, "\"section\": \"s2\""), 10);
	cr_assert_eq(count(r.out, "\"section\": \"s3\""), 175);
	cr_assert_eq(count(r.out, "\"section\": \"s4\""), 15);
	cr_assert(strstr(r.out, "\"col_label\": \"行政诉讼/复议后起诉/结果维持\"")
	    != NULL);
	cr_assert(strstr(r.out, "\"row_label\": \"三、本年度办理结果/（三）不予公开/"
	    "3.危及“三安全一稳定”\"") != NULL);
	cr_assert(strstr(r.out, "\"id\": \"t3.new.total\", \"section\": \"s3\""
	    ", \"table\": \"t3\", \"row_label\": \"一、本年新收政府信息公开申请数量\""
	    ", \"col_label\": \"申请人情况/总计\", \"input\": false") != NULL);
	tu_run_free(&r);
	RUN(&r, NULL, "template", "show", "gb2019", "--json");
	cr_assert_eq(count(r.out, "\"row_label\""), 198);
	cr_assert_eq(count(r.out, "\"section\": \"s2\""), 22);
	cr_assert_eq(count(r.out, "\"section\": \"s3\""), 161);
	cr_assert(strstr(r.out, "\"type\": \"signed\"") != NULL);
	tu_run_free(&r);
	RUN(&r, NULL, "template", "show", "gb1999");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "gb1999") != NULL);
	tu_run_free(&r);
}

Test(cli, set_totals_and_flags)
{
	struct tu_run r;

	RUN(&r, NULL, "set", rep, "本年新收/自然人=3", "本年新收/商业企业=2");
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	RUN(&r, NULL, "export", "-f", "json", rep);
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "\"t3.new.total\": 5,") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "{\"rule\": \"R1\", \"severity\": \"error\", "
	    "\"cells\": [\"t3.new.natural\"") != NULL);
	cr_assert(strstr(r.out, "{\"rule\": \"R1\", \"severity\": \"error\", "
	    "\"cells\": [\"t3.new.commercial\"") != NULL);
	tu_run_free(&r);
	RUN(&r, NULL, "check", rep);
	cr_assert_eq(r.status, 1, "rule errors give exit 1");
	tu_run_free(&r);
	/* Outcomes that balance clear the flags. */
	RUN(&r, NULL, "set", rep, "t3.r_open.natural=3",
	    "t3.r_partial.commercial=2");
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	RUN(&r, NULL, "export", "-f", "json", rep);
	cr_assert(strstr(r.out, "\"rule\": \"R1\"") == NULL, "%s", r.out);
	tu_run_free(&r);
}

/* A refused set exits 2, names the cell and leaves the file unchanged. */
static void
refused(const char *assign, const char *lang, const char *expect)
{
	struct tu_run	 r;
	char		*before = tu_read(rep, NULL), *after;

	RUN(&r, lang, "set", rep, "t3.new.legal=1", assign);
	cr_assert_eq(r.status, 2, "%s accepted", assign);
	cr_assert(strstr(r.err, expect) != NULL, "%s: %s", assign, r.err);
	after = tu_read(rep, NULL);
	cr_assert_str_eq(before, after, "file changed by refused %s", assign);
	free(before);
	free(after);
	tu_run_free(&r);
}

Test(cli, set_refusals)
{
	refused("本年新收/自然人=abc", NULL, "本年新收政府信息公开申请数量/申请人情况/自然人");
	refused("t3.new.natural=-1", NULL, "不能是负数");
	refused("t3.new.natural=99999999999999999", NULL, "数值过大");
	refused("t3.new.natural=abc", "en_US.UTF-8", "Natural persons");
	refused("t3.new.total=5", NULL, "自动计算");
	refused("没有这一格=1", NULL, "没有这一格");
	refused("自然人=1", NULL, "t3.new.natural");
	refused("t2_8.fees.amount=1.1234567", NULL, "小数最多 6 位");
}

Test(cli, set_accepts_clerk_forms)
{
	struct tu_run	 r;

	RUN(&r, NULL, "set", rep, "t3.new.natural=３", "t3.new.legal=1,234",
	    "t3.new.research=1，000");
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	RUN(&r, NULL, "export", "-f", "json", rep);
	cr_assert(strstr(r.out, "\"t3.new.total\": 2237,") != NULL);
	tu_run_free(&r);
}

Test(cli, set_section_text_from_file)
{
	struct tu_run	 r;
	char		*txt = tu_path(dir, "s1.txt"), *yaml;
	char		*arg = xasprintf("s1=@%s", txt);

	tu_write(txt, "第一段\n　　第二段，含“引号”。\n");
	RUN(&r, NULL, "set", rep, arg, "六=未收取信息处理费。");
	free(arg);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	yaml = tu_read(rep, NULL);
	cr_assert(strstr(yaml, "s1: \"第一段\\n　　第二段，含“引号”。\\n\"") != NULL,
	    "%s", yaml);
	free(yaml);
	free(txt);
}

Test(cli, check_exit_codes)
{
	struct tu_run	 r;
	char		*bad = tu_path(dir, "bad.yaml");

	tu_write(bad, "nianbao: 1\ntemplate: gb2021\ncells:\n  t3.zz.y: 1\n");
	RUN(&r, NULL, "check", rep);
	cr_assert_eq(r.status, 1, "R7 (no fee statement) is an error");
	tu_run_free(&r);
	RUN(&r, NULL, "set", rep, "s6=本年度未收取信息处理费。");
	tu_run_free(&r);
	RUN(&r, NULL, "check", rep);
	cr_assert_eq(r.status, 1, "一 and 五 empty (R11) are errors");
	tu_run_free(&r);
	RUN(&r, NULL, "set", rep, "s1=本机关依法主动公开政府信息。",
	    "s5=一是信息更新不够及时；二是解读形式单一。下一步将加强培训。");
	tu_run_free(&r);
	RUN(&r, NULL, "check", rep);
	cr_assert_eq(r.status, 0, "warnings only: %s", r.out);
	tu_run_free(&r);
	RUN(&r, NULL, "check", bad);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "bad.yaml:4:") != NULL, "%s", r.err);
	tu_run_free(&r);
	RUN(&r, NULL, "check", "--json", rep, bad);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.out, "\"errors\": 0") != NULL);
	cr_assert(strstr(r.out, "\"error\": \"") != NULL, "%s", r.out);
	tu_run_free(&r);
	free(bad);
}

Test(cli, new_refuses_existing_and_picks_template)
{
	struct tu_run	 r;
	char		*old = tu_path(dir, "old.yaml"), *yaml;
	char		*x = tu_path(dir, "x.yaml");

	RUN(&r, NULL, "new", rep);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "已存在") != NULL);
	tu_run_free(&r);
	RUN(&r, NULL, "new", "--year", "2020", old);
	cr_assert_eq(r.status, 0);
	tu_run_free(&r);
	yaml = tu_read(old, NULL);
	cr_assert(strstr(yaml, "template: gb2019\n") != NULL);
	free(yaml);
	RUN(&r, "en_US.UTF-8", "new", "--year", "1850", x);
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "not valid") != NULL, "%s", r.err);
	tu_run_free(&r);
	free(old);
	free(x);
}

Test(cli, help_and_language)
{
	struct tu_run r;

	RUN(&r, NULL, "--help");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "用法") != NULL);
	tu_run_free(&r);
	RUN(&r, NULL, "--lang", "en", "--help");
	cr_assert(strstr(r.out, "Usage") != NULL);
	tu_run_free(&r);
	RUN(&r, "en_US.UTF-8", "--help");
	cr_assert(strstr(r.out, "Usage") != NULL);
	tu_run_free(&r);
	RUN(&r, NULL, "--version");
	cr_assert(strncmp(r.out, "nianbao ", 8) == 0);
	tu_run_free(&r);
	RUN(&r, NULL, "frobnicate", "a", "b");
	cr_assert_eq(r.status, 2);
	tu_run_free(&r);
}

/* The text export of a fixed report equals the reviewed golden file. */
static void
golden(const char *yaml, const char *txt)
{
	struct tu_run	 r;
	char		*want = tu_read(txt, NULL);

	cr_assert_not_null(want, "missing golden %s", txt);
	RUN(&r, NULL, "export", yaml);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out, want, "export of %s differs from %s", yaml, txt);
	free(want);
	tu_run_free(&r);
}

Test(cli, text_export_golden)
{
	golden(NB_SOURCE_DIR "/tests/data/golden/full2021.yaml",
	    NB_SOURCE_DIR "/tests/data/golden/full2021.txt");
	golden(NB_SOURCE_DIR "/tests/data/golden/part2019.yaml",
	    NB_SOURCE_DIR "/tests/data/golden/part2019.txt");
}

Test(cli, export_to_file_atomic)
{
	struct tu_run	 r;
	char		*out = tu_path(dir, "out.txt"), *text;

	RUN(&r, NULL, "export", "-o", out, rep);
	cr_assert_eq(r.status, 0);
	tu_run_free(&r);
	text = tu_read(out, NULL);
	cr_assert(strncmp(text, "测试镇人民政府2024年政府信息公开工作年度报告\n",
	    strlen("测试镇人民政府2024年政府信息公开工作年度报告\n")) == 0);
	free(text);
	RUN(&r, NULL, "export", "-o", "/nonexistent/dir/x.txt", rep);
	cr_assert_eq(r.status, 2);
	tu_run_free(&r);
	free(out);
}

/* ---- how options are read ---- */

Test(cli, options_anywhere_and_long_forms)
{
	struct tu_run	 r;
	char		*out = tu_path(dir, "o.txt"), *text;

	/* An option after the operand; a value joined to its option. */
	RUN(&r, NULL, "set", rep, "organ=旧名");
	tu_run_free(&r);
	RUN(&r, NULL, "export", rep, "-o", out);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	text = tu_read(out, NULL);
	cr_assert(strstr(text, "旧名2024年") != NULL, "%s", text);
	free(text);
	RUN(&r, NULL, "export", "-fjson", rep);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strncmp(r.out, "{", 1) == 0, "%s", r.out);
	tu_run_free(&r);
	/* POSIXLY_CORRECT does not stop the options at the first operand. */
	setenv("POSIXLY_CORRECT", "1", 1);
	RUN(&r, NULL, "export", rep, "-f", "json");
	unsetenv("POSIXLY_CORRECT");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strncmp(r.out, "{", 1) == 0, "%s", r.out);
	tu_run_free(&r);
	free(out);
}

Test(cli, new_long_options_with_equals_and_abbreviated)
{
	struct tu_run	 r;
	char		*p = tu_path(dir, "n.yaml"), *yaml;

	RUN(&r, NULL, "new", "--org=某某街道办事处", "--year=２０２３", p);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	yaml = tu_read(p, NULL);
	cr_assert(strstr(yaml, "organ: \"某某街道办事处\"\n") != NULL, "%s",
	    yaml);
	cr_assert(strstr(yaml, "year: 2023\n") != NULL, "%s", yaml);
	free(yaml);
	free(p);
}

/* "--" ends the options: a file whose name starts with a dash. */
Test(cli, double_dash_ends_options)
{
	struct tu_run	 r;
	char		*p = tu_path(dir, "-r.yaml"), *cwd = getcwd(NULL, 0);

	cr_assert_eq(chdir(dir), 0);
	RUN(&r, NULL, "new", "--year", "2024", "--", "-r.yaml");
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	RUN(&r, NULL, "check", "--", "-r.yaml");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.err, "-r.yaml") != NULL, "%s", r.err);
	tu_run_free(&r);
	cr_assert_eq(chdir(cwd), 0);
	cr_assert_eq(access(p, F_OK), 0);
	free(cwd);
	free(p);
}

/* -r repeated: every folder is checked. */
Test(cli, check_two_folders)
{
	struct tu_run	 r;
	char		*a = tu_path(dir, "a"), *b = tu_path(dir, "b");
	char		*pa = tu_path(a, "1.yaml"), *pb = tu_path(b, "2.yaml");

	cr_assert_eq(mkdir(a, 0700), 0);
	cr_assert_eq(mkdir(b, 0700), 0);
	RUN(&r, NULL, "new", "--year", "2024", "--organ", "甲镇", pa);
	tu_run_free(&r);
	RUN(&r, NULL, "new", "--year", "2024", "--organ", "乙镇", pb);
	tu_run_free(&r);
	RUN(&r, NULL, "check", "--csv", "-r", a, "-r", b, "-j", "２");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.out, "甲镇") != NULL && strstr(r.out, "乙镇") !=
	    NULL, "%s", r.out);
	tu_run_free(&r);
	free(pa);
	free(pb);
	free(a);
	free(b);
}

/* import and sum write to -o or to stdout ("-" is stdout too). */
Test(cli, report_to_file_or_stdout)
{
	struct tu_run	 r;
	char		*o = tu_path(dir, "sum.yaml"), *yaml;

	RUN(&r, NULL, "set", rep, "t3.new.natural=3");
	tu_run_free(&r);
	RUN(&r, NULL, "sum", "--organ", "某县", rep, rep);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "t3.new.natural: 6\n") != NULL, "%s", r.out);
	tu_run_free(&r);
	RUN(&r, NULL, "sum", "-o", "-", rep);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "t3.new.natural: 3\n") != NULL, "%s", r.out);
	tu_run_free(&r);
	RUN(&r, NULL, "sum", "-o", o, rep, rep);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_empty(r.out);
	tu_run_free(&r);
	yaml = tu_read(o, NULL);
	cr_assert(strstr(yaml, "t3.new.natural: 6\n") != NULL, "%s", yaml);
	free(yaml);
	RUN(&r, NULL, "sum", "-o", o, rep);
	cr_assert_eq(r.status, 2, "an existing -o is never replaced");
	tu_run_free(&r);
	free(o);
}

/* ---- help ---- */

Test(cli, help_of_each_command)
{
	static const char *const cmds[] = { "new", "set", "check", "export",
	    "import", "ledger", "sum", "preview", "print", "templates",
	    "template" };
	struct tu_run	 r, h;
	size_t		 i;

	RUN(&r, NULL, "--help");
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		char *line = xasprintf("  nianbao %s", cmds[i]);
		cr_assert(strstr(r.out, line) != NULL, "%s not in --help",
		    cmds[i]);
		free(line);
		RUN(&h, NULL, cmds[i], "--help");
		cr_assert_eq(h.status, 0);
		cr_assert(strncmp(h.out, "用法：nianbao ",
		    strlen("用法：nianbao ")) == 0, "%s", h.out);
		tu_run_free(&h);
	}
	tu_run_free(&r);
	RUN(&r, NULL, "--lang", "en", "export", "-h");
	cr_assert(strstr(r.out, "Usage: nianbao export [-f txt|json|docx|pdf|html] "
	    "[-o OUT] [--strict] [--fonts DIR] FILE\n") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "\n  -o OUT ") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "\n  --lang zh|en ") != NULL, "%s", r.out);
	RUN(&h, NULL, "help", "export", "--lang=en");
	cr_assert_str_eq(h.out, r.out);
	tu_run_free(&h);
	/* Many flags in one word: each is one more option read. */
	RUN(&h, NULL, "--lang=en", "export", "-hhhhhhhhhhhhhhhhhhhhhhhh");
	cr_assert_eq(h.status, 0);
	cr_assert_str_eq(h.out, r.out);
	tu_run_free(&h);
	tu_run_free(&r);
}

/* ---- bad command lines (tests/data/bad/USAGE) ---- */

struct usage_case {
	char	*words[24];
	int	 nwords;
	char	*f[6];		/* ARGS PROG MSGID ARG0 ARG1 ARG2 */
};

/* Splits s at sep into at most max fields (s is cut in place). */
static int
split(char *s, char sep, char **f, int max)
{
	int	n = 0;

	while (n < max) {
		f[n++] = s;
		if ((s = strchr(s, sep)) == NULL)
			break;
		*s++ = '\0';
	}
	return (n);
}

/* The first line "PROG: MESSAGE" the case must give in i18n's language. */
static char *
usage_message(const struct i18n *i18n, const struct usage_case *u)
{
	char	*args[3] = { NULL, NULL, NULL }, *msg, *line;
	int	 k;

	for (k = 0; k < 3 && u->f[3 + k] != NULL; k++)
		args[k] = u->f[3 + k][0] == '@' ? i18n_fmt0(i18n,
		    u->f[3 + k] + 1) : xstrdup(u->f[3 + k]);
	msg = i18n_fmt(i18n, u->f[2], k, (const char *const *)args);
	line = xasprintf("%s: %s\n", u->f[1], msg);
	free(msg);
	for (k = 0; k < 3; k++)
		free(args[k]);
	return (line);
}

static void
usage_check(const struct usage_case *u, const char *lang)
{
	struct i18n	*i18n = i18n_open(DATADIR, strcmp(lang, "en") == 0 ?
			    LANG_EN : LANG_ZH);
	const char	*argv[32] = { "--lang", lang };
	char		*want = usage_message(i18n, u), *hint;
	struct tu_run	 r;
	size_t		 lh, le;
	int		 k;

	for (k = 0; k < u->nwords; k++)
		argv[2 + k] = u->words[k];
	tu_nianbao(&r, NULL, argv);
	cr_expect_eq(r.status, 2, "%s (%s): exit %d", u->f[0], lang, r.status);
	cr_expect_str_empty(r.out, "%s: stdout %s", u->f[0], r.out);
	cr_expect(strncmp(r.err, want, strlen(want)) == 0,
	    "%s (%s):\nwant %sgot  %s", u->f[0], lang, want, r.err);
	/* The last line says how to get help. */
	hint = i18n_fmt1(i18n, "cli.help_hint", u->f[1]);
	lh = strlen(hint);
	le = strlen(r.err);
	cr_expect(le > lh + 1 && r.err[le - lh - 2] == '\n' &&
	    strncmp(r.err + le - lh - 1, hint, lh) == 0 && r.err[le - 1] ==
	    '\n', "%s (%s): the last line is not %s in\n%s", u->f[0], lang,
	    hint, r.err);
	free(hint);
	free(want);
	tu_run_free(&r);
	i18n_close(i18n);
}

Test(cli, bad_usage)
{
	char			*text = tu_read(NB_SOURCE_DIR
				    "/tests/data/bad/USAGE", NULL);
	char			*line, *save;
	struct usage_case	 u;
	int			 n = 0;

	cr_assert_not_null(text);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#')
			continue;
		memset(&u, 0, sizeof u);
		cr_assert_geq(split(line, '\t', u.f, 6), 3, "%s", line);
		u.f[0] = xstrdup(u.f[0]);
		u.nwords = split(xstrdup(u.f[0]), ' ', u.words, 24);
		usage_check(&u, "zh");
		usage_check(&u, "en");
		free(u.words[0]);
		free(u.f[0]);
		n++;
	}
	cr_assert_geq(n, 40, "only %d cases in USAGE", n);
	free(text);
}

/* ---- standard output that cannot be written ---- */

/* Runs argv with stdout on fd and wants exit 2 and the message for e. */
static void
stdout_fails(int fd, int e, const char *const *argv)
{
	struct i18n	*en = i18n_open(DATADIR, LANG_EN);
	const char	*full[16] = { "--lang", "en" };
	char		*want = i18n_fmt1(en, "cli.stdout", strerror(e));
	struct tu_run	 r;
	int		 k;

	for (k = 0; argv[k] != NULL; k++)
		full[2 + k] = argv[k];
	tu_nianbao_to(&r, NULL, fd, full);
	cr_expect_eq(r.status, 2, "%s (fd %d): exit %d", argv[0], fd,
	    r.status);
	cr_expect(strstr(r.err, want) != NULL, "%s: want %s, got %s", argv[0],
	    want, r.err);
	free(want);
	tu_run_free(&r);
	i18n_close(en);
}

Test(cli, stdout_full_closed_or_gone)
{
	const char *const	 exp[] = { "export", GOLDEN, NULL };
	const char *const	 tpl[] = { "template", "show", "gb2021", NULL };
	const char *const	 json[] = { "check", "--json", GOLDEN, GOLDEN,
				    NULL };
	const char *const	 help[] = { "--help", NULL };
	const char *const *const all[] = { exp, tpl, json, help };
	int			 full = open("/dev/full", O_WRONLY), p[2];
	size_t			 i;

	cr_assert_geq(full, 0);
	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		stdout_fails(full, ENOSPC, all[i]);
		stdout_fails(-1, EBADF, all[i]);
		/* A pipe nobody reads: EPIPE, not a silent death. */
		cr_assert_eq(pipe(p), 0);
		close(p[0]);
		stdout_fails(p[1], EPIPE, all[i]);
		close(p[1]);
	}
	close(full);
}
