/*
 * The nianbao command as other tools use it: exit codes, messages in the
 * user's language, files left unchanged by refused commands, the JSON
 * contract, and the text export against golden files.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "xmalloc.h"

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
	char *cmd = xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", dir);
	free(cmd);
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
