/*
 * The narrative sections, the help and last year's text, driven without
 * a terminal (edutil.h): a pasted paragraph wrapped by the rules for
 * Chinese punctuation with the caret on each character, a paste as one
 * undo step, the statutory guidance in the help, last year's text as a
 * read-only reference.  (Bracketed paste as bytes through a terminal
 * stays in test_pty_editor.c and test_pty_recover.c.)
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "ed_app.h"
#include "edfix.h"
#include "edutil.h"
#include "report.h"
#include "sbuf.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

#define ROWS	30
#define COLS	100

TestSuite(ed_text, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 60);

static void
open_report(const char *path)
{
	eu_g = eu_open(path, ROWS, COLS);
	EU_SEES("测试镇人民政府");
}

/*
 * A 600-character paragraph: sentences with many ，and 。 so that a
 * wrapper breaking at a fixed width would start lines with them; it ends
 * with quoted text for the caret test.
 */
static char *
paragraph(void)
{
	static const char *const parts[] = {
		"本机关坚持以公开为常态、不公开为例外，",
		"全年主动公开政府信息一百二十条。",
		"依申请公开办理及时，",
		"答复规范，",
		"未发生行政复议和行政诉讼。",
		"政府信息管理制度进一步健全，",
		"平台建设稳步推进，",
		"监督保障有力。",
	};
	struct sbuf	 b;
	size_t		 chars = 0, i, k;
	const char	*s;

	sbuf_init(&b);
	for (i = 0; chars < 600 - 8; i = (i + 1) % 8) {
		for (s = parts[i]; *s != '\0' && chars < 600 - 8; ) {
			k = 1;
			while ((s[k] & 0xc0) == 0x80)
				k++;
			sbuf_add(&b, s, k);
			s += k;
			chars++;
		}
	}
	sbuf_adds(&b, "“郑重承诺”完。");	/* 8 characters */
	return (sbuf_take(&b));
}

/* Rows of the screen from column c0 that show part of text; none of
 * them may start with a mark that closes a sentence or a quote. */
static int
check_line_starts(const char *text, int c0)
{
	static const char *const bad[] = { "，", "。", "、", "；", "：", "？",
	    "！", "）", "”", NULL };
	char	*cells;
	int	 r, i, lines = 0;

	for (r = 0; r < ROWS; r++) {
		cells = eu_cells(eu_g, r, c0, c0 + 6);
		if (cells[0] != ' ' && cells[0] != '\0' &&
		    strstr(text, cells) != NULL) {
			lines++;
			for (i = 0; bad[i] != NULL; i++)
				EU_EXPECT(strncmp(cells, bad[i], strlen(bad[i])) != 0,
				    "row %d of the text starts with %s", r, bad[i]);
		}
		free(cells);
	}
	return (lines);
}

/* The cell under the caret, and the one before it. */
static char *
at_caret(int dc)
{
	int	r, c;

	eu_cursor(eu_g, &r, &c);
	return (dc < 0 ? eu_cells(eu_g, r, c + dc, c) : eu_cells(eu_g, r, c,
	    c + 1));
}

/* A pasted 600-character paragraph wraps by the rules, the caret
 * follows the characters, and the saved file holds the text exactly. */
Test(ed_text, paste_chinese_paragraph)
{
	static const char *const from_end[] = { "。", "完", "”", "诺", "承",
	    "重", "郑", "“" };
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "s1=", NULL });
	char	*text = paragraph(), *under;
	int	 r, c0, i, lines;

	open_report(path);
	eu_go_to(eu_g, "s1");
	EU_SEES("字数");
	eu_paste(eu_g, text);
	EU_SEES("郑重承诺");
	EU_EXPECT(eu_cursor(eu_g, &r, &c0), "cursor hidden while editing text");
	under = at_caret(-2);
	EU_EXPECT(strcmp(under, "。") == 0, "the caret is after \"%s\"", under);
	free(under);
	eu_key(eu_g, KM_KEY(KEY_HOME));
	eu_cursor(eu_g, &r, &c0);
	eu_key(eu_g, KM_KEY(KEY_END));
	lines = check_line_starts(text, c0);
	EU_EXPECT(lines >= 3, "only %d lines of the paragraph at column %d",
	    lines, c0);
	for (i = 0; i < 8; i++) {
		eu_key(eu_g, KM_KEY(KEY_LEFT));
		under = at_caret(0);
		EU_EXPECT(strcmp(under, from_end[i]) == 0, "after %d Left the "
		    "caret is on \"%s\", not \"%s\"", i + 1, under, from_end[i]);
		free(under);
	}
	for (i = 0; i < 6; i++)
		eu_key(eu_g, KM_KEY(KEY_PPAGE));
	EU_SEES("本机关坚持");
	check_line_starts(text, c0);
	eu_key(eu_g, EU_CTRL('S'));
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s1"), text);
	{
		struct report *saved = edfix_load(path);

		cr_expect_str_eq(edfix_text(saved, "s1"), text,
		    "the saved section 一 differs from the paste");
		report_free(saved);
	}
	free(text);
}

/* A paste into a narrative section is one edit: one Ctrl-Z removes it,
 * and the typing before it stays. */
Test(ed_text, undo_paste)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_go_to(eu_g, "s1");
	eu_type(eu_g, "前言");
	EU_SEES("前言");
	eu_paste(eu_g, "本机关坚持以公开为常态，\n不公开为例外。");
	EU_SEES("不公开为例外");
	eu_key(eu_g, EU_CTRL('Z'));
	EU_EXPECT(!eu_contains(eu_g, "不公开为例外"), "Ctrl-Z did not remove it");
	EU_EXPECT(!eu_contains(eu_g, "本机关坚持"), "only part of it went");
	EU_SEES("前言");
	eu_key(eu_g, EU_CTRL('Y'));
	EU_SEES("不公开为例外");
}

/* The character count follows the typing; Backspace takes one back. */
Test(ed_text, typing_counts)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "s5=", NULL });

	open_report(path);
	eu_go_to(eu_g, "s5");
	EU_SEES("字数 0");
	eu_type(eu_g, "档案整理滞后");
	EU_SEES("字数 6");
	eu_key(eu_g, 127);
	EU_SEES("字数 5");
	cr_expect_str_eq(edfix_text(eu_report(eu_g), "s5"), "档案整理滞");
}

/* F1 in section 一 shows its statutory guidance (from the template),
 * and the keys; Esc closes it. */
Test(ed_text, help_shows_guidance)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_go_to(eu_g, "s1");
	EU_SEES("字数");
	eu_key(eu_g, EU_F(1));
	EU_SEES("这一项报告本机关政府信息公开工作总体情况");
	eu_key(eu_g, KM_KEY(KEY_END));
	EU_SEES("关闭，回到报表");
	eu_key(eu_g, KM_KEY(KEY_HOME));
	EU_SEES("这一项报告本机关政府信息公开工作总体情况");
	eu_key(eu_g, 'q');
	EU_SEES("字数");
}

/*
 * Last year's report made with the CLI, this year's with new --from: in
 * section 五 the key shows last year's text read-only; keys typed there
 * do not go into this year's text.
 */
Test(ed_text, lastyear_text_of_s5)
{
	char		*last = edfix_path("last.yaml");
	char		*path = edfix_path("r.yaml");
	struct report	*r;

	edfix_cli((const char *const[]){ "new", "--organ", "测试镇人民政府",
	    "--year", "2024", last, NULL });
	edfix_cli((const char *const[]){ "set", last,
	    "s5=去年的问题：档案整理滞后，解读形式单一。", NULL });
	edfix_cli((const char *const[]){ "new", "--from", last, path, NULL });
	open_report(path);
	eu_go_to(eu_g, "s5");
	EU_SEES("五、存在的主要问题及改进情况");
	EU_EXPECT(!eu_contains(eu_g, "档案整理滞后"), "last year's text shown as "
	    "this year's");
	EU_SEES("F11");
	eu_key(eu_g, EU_F(11));
	EU_SEES("上年报告：五、存在的主要问题及改进情况");
	EU_SEES("档案整理滞后");
	eu_type(eu_g, "x");
	eu_key(eu_g, EU_ESC);
	EU_EXPECT(!eu_contains(eu_g, "档案整理滞后"), "Esc did not close it");
	eu_key(eu_g, EU_CTRL('K'));
	EU_SEES("档案整理滞后");
	eu_type(eu_g, "q");
	EU_EXPECT(!eu_contains(eu_g, "档案整理滞后"), "q did not close it");
	eu_key(eu_g, EU_CTRL('S'));
	EU_SEES("已保存到");
	r = edfix_load(path);
	cr_expect_str_eq(edfix_text(r, "s5"), "",
	    "a key typed in last year's text went into this year's");
	cr_expect_str_eq(report_prev_text(r, tpl_section_index(report_tpl(r),
	    "s5")), "去年的问题：档案整理滞后，解读形式单一。");
	report_free(r);
}

/* Without last year's report the key says so, and how to get it; in a
 * table section it says it is for the texts. */
Test(ed_text, lastyear_text_unknown)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	open_report(path);
	eu_go_to(eu_g, "s3");
	eu_key(eu_g, EU_F(11));
	EU_SEES("文字部分");
	eu_go_to(eu_g, "s5");
	EU_SEES("五、存在的主要问题及改进情况");
	EU_EXPECT(!eu_contains(eu_g, "F11"), "the key bar offers last year's "
	    "text that is not known");
	eu_key(eu_g, EU_F(11));
	EU_SEES("nianbao new --from");
	EU_EXPECT(!eu_contains(eu_g, "上年报告："), "a view opened");
}
