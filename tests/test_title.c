/*
 * Title breaking (issue 14, defect 1): the titles that split 年|度 and
 * 信|息 break after the organ's name; no title of a list of real organ
 * names breaks inside a word of the fixed part; every line fits.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "testutil.h"
#include "text.h"
#include "title.h"

static struct tpl *T;

static void
setup(void)
{
	T = tu_tpl("gb2021");
}

static void
teardown(void)
{
	tpl_free(T);
	text_cleanup();
}

TestSuite(title, .init = setup, .fini = teardown);

/* The lines of organ's 2025 title, joined by '|'. */
static char *
broken(const char *organ)
{
	struct report	*r = report_new(T);
	char		**v, *s;
	size_t		 n, i, len = 0;

	report_set_organ(r, organ);
	report_set_year(r, 2025);
	n = title_lines(r, LANG_ZH, &v);
	for (i = 0; i < n; i++)
		len += strlen(v[i]) + 1;
	s = calloc(1, len + 1);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(s, "|");
		strcat(s, v[i]);
	}
	title_lines_free(v, n);
	report_free(r);
	return (s);
}

Test(title, breaks_after_the_organ_as_real_reports_do)
{
	char	*a = broken("某某镇人民政府");
	char	*b = broken("某某市某某区某某街道办事处");

	/* Today: "…工作年|度报告" and "…政府信|息公开…". */
	cr_expect_str_eq(a, "某某镇人民政府|2025年政府信息公开工作年度报告");
	cr_expect_str_eq(b, "某某市某某区某某街道办事处|"
	    "2025年政府信息公开工作年度报告");
	free(a);
	free(b);
}

Test(title, a_short_title_stays_on_one_line)
{
	char	*a = broken("某局");

	cr_expect_str_eq(a, "某局2025年政府信息公开工作年度报告");
	free(a);
}

/* No line break between the two characters of these words. */
static const char *const words[] = { "政府", "信息", "公开", "工作", "年度",
    "报告", "人民", "委员", "办公" };

Test(title, never_breaks_inside_a_word_and_every_line_fits)
{
	static const char *const organs[] = { "某某镇人民政府",
	    "某某市某某区某某街道办事处", "某镇",
	    "某某省某某市某某县人民政府办公室",
	    "某某自治区某某市某某区发展和改革委员会",
	    "某某市某某区卫生健康委员会", "中华人民共和国某某部",
	    "某某县某某乡人民政府", "某某市某某区某某镇人民政府某某办公室",
	    "某某市住房和城乡建设局", "淮安市淮安区人民政府",
	    "洪泽区人民政府办公室" };
	static const struct text_opts wide = { 2 };
	size_t	i, k;
	char	*s, *line, *save, *bar;

	for (i = 0; i < sizeof organs / sizeof organs[0]; i++) {
		s = broken(organs[i]);
		for (k = 0; k < sizeof words / sizeof words[0]; k++) {
			char pair[16];
			memcpy(pair, words[k], 3);
			pair[3] = '|';
			strcpy(pair + 4, words[k] + 3);
			cr_expect(strstr(s, pair) == NULL, "%s breaks %s", s,
			    words[k]);
		}
		bar = strdup(s);
		for (line = strtok_r(bar, "|", &save); line != NULL;
		    line = strtok_r(NULL, "|", &save))
			cr_expect_leq(text_width(line, strlen(line), &wide),
			    TITLE_COLS, "%s: %s too wide", s, line);
		free(bar);
		free(s);
	}
}

Test(title, balanced_lines_when_the_organ_break_is_lopsided)
{
	size_t		*st, n;
	const char	*t = "某镇2025年政府信息公开工作年度报告和其他事项说明";
	static const struct text_opts wide = { 2 };
	int		 a, b;

	/* Organ "某镇" (4 columns) against 50: not balanced. */
	n = title_break(t, strlen(t), strlen("某镇"), TITLE_COLS, &st);
	cr_assert_eq(n, 2);
	a = text_width(t, st[1], &wide);
	b = text_width(t + st[1], st[2] - st[1], &wide);
	cr_expect(a >= b && a - b <= 8, "%d / %d", a, b);
	free(st);
}
