/*
 * The narrative editor's buffer (model/caretbuf.c): caret movement by
 * grapheme cluster across Chinese quotes, combining marks and emoji,
 * Chinese line breaking, vertical movement by display column, paste
 * sanitizing and the size cap, and that incremental re-wrapping after
 * edits gives the same lines as wrapping from scratch.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "caretbuf.h"
#include "xmalloc.h"

static const struct text_opts amb1 = { 1 };
static const struct text_opts amb2 = { 2 };

static void
fini(void)
{
	text_cleanup();
}

TestSuite(caretbuf, .fini = fini);

/* Moves right n times, asserting each move moved. */
static void
right(struct caretbuf *tb, int n)
{
	while (n-- > 0)
		cr_assert(caretbuf_move(tb, CB_RIGHT, 10));
}

static size_t
off_of(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);

	cr_assert_not_null(p, "no \"%s\" in \"%s\"", needle, s);
	return ((size_t)(p - s));
}

/* The lines must tile the text and each soft line must fit cols, not
 * counting the spaces that hang at its end (text_wrap keeps them there). */
static void
assert_lines_valid(const struct caretbuf *tb, int cols, bool check_width)
{
	size_t			   n, i;
	const struct caretbuf_line *l = caretbuf_lines(tb, &n);
	const char		  *s = caretbuf_text(tb);

	cr_assert_gt(n, 0);
	cr_assert_eq(l[0].start, 0);
	for (i = 0; i < n; i++) {
		cr_assert_leq(l[i].start, l[i].end);
		size_t e = l[i].end;
		while (e > l[i].start && s[e - 1] == ' ')
			e--;
		if (!l[i].hard && check_width)
			cr_assert_leq(text_width(s + l[i].start,
			    e - l[i].start, caretbuf_opts(tb)), cols);
		if (i + 1 < n)
			cr_assert_eq(l[i + 1].start,
			    l[i].end + (l[i].hard ? 1 : 0), "line %zu", i);
		if (l[i].hard && i + 1 < n)
			cr_assert_eq(s[l[i].end], '\n');
	}
	cr_assert(l[n - 1].hard);
	cr_assert_eq(l[n - 1].end, caretbuf_len(tb));
}

Test(caretbuf, caret_across_chinese_quotes)
{
	const char	*t = "他说“公开为常态”，不公开为例外。";
	struct caretbuf	*tb = caretbuf_new(t, &amb1);
	size_t		 line;
	int		 col;

	caretbuf_reflow(tb, 40);
	caretbuf_move(tb, CB_TEXT_START, 10);
	cr_assert_eq(caretbuf_caret(tb), 0);
	right(tb, 3);				/* 他 说 “ */
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "公"));
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(line, 0);
	cr_assert_eq(col, 5, "“ is 1 column with ambiguous=1, col %d", col);
	right(tb, 5);				/* 公开为常态 */
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "”"));
	right(tb, 1);				/* ” */
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "，"));
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(col, 2 * 2 + 1 + 5 * 2 + 1);
	cr_assert(caretbuf_move(tb, CB_LEFT, 10));
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "”"));
	cr_assert(caretbuf_move(tb, CB_LEFT, 10));
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "态"));

	/* With ambiguous=2 the quotes take 2 columns each. */
	caretbuf_set_opts(tb, &amb2);
	caretbuf_set_caret(tb, off_of(t, "，"));
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(col, 2 * 2 + 2 + 5 * 2 + 2);
	caretbuf_free(tb);
}

Test(caretbuf, updown_keeps_display_column_across_quotes)
{
	/* Line 2 has two ambiguous quotes before column 8. */
	const char	*t = "一二三四五六\n“甲”乙丙丁\n短\n七八九十一二";
	struct caretbuf	*tb = caretbuf_new(t, &amb2);
	size_t		 line;
	int		 col;

	caretbuf_reflow(tb, 40);
	caretbuf_set_caret(tb, off_of(t, "四"));	/* column 6 */
	cr_assert(caretbuf_move(tb, CB_DOWN, 10));
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(line, 1);
	cr_assert_eq(col, 6);
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "乙"));
	cr_assert(caretbuf_move(tb, CB_DOWN, 10));	/* "短": end of line */
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "短") + strlen("短"));
	cr_assert(caretbuf_move(tb, CB_DOWN, 10));	/* goal 6 is kept */
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "十"));

	/* With ambiguous=1: “(1) 甲(2) ”(1) put 乙 at columns 4..5, so
	 * column 6 is before 丙. */
	caretbuf_set_opts(tb, &amb1);
	caretbuf_set_caret(tb, off_of(t, "四"));
	cr_assert(caretbuf_move(tb, CB_DOWN, 10));
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "丙"));
	/* Column 1 (after “) is inside 一 on the line above: the caret lands
	 * before it, and going down again returns to column 1. */
	caretbuf_set_caret(tb, off_of(t, "甲"));
	cr_assert(caretbuf_move(tb, CB_UP, 10));
	cr_assert_eq(caretbuf_caret(tb), 0);
	cr_assert(caretbuf_move(tb, CB_DOWN, 10));
	cr_assert_eq(caretbuf_caret(tb), off_of(t, "甲"));
	caretbuf_free(tb);
}

Test(caretbuf, wrap_600_chars_no_line_starts_with_comma_or_period)
{
	struct sbuf	 b;
	struct caretbuf	*tb;
	size_t		 n, i, chars;
	const struct caretbuf_line *l;
	const char	*s;
	int		 cols;

	sbuf_init(&b);
	/* 20-character sentences: a comma after 9 characters, a full stop
	 * after 19, so every column width puts some 。 or ， at a break. */
	while (text_count_chars(b.s != NULL ? b.s : "", b.len) < 600)
		sbuf_adds(&b, "本机关坚持公开为常态，不公开为例外原则。");
	cr_assert_eq(text_count_chars(b.s, b.len), 600);
	tb = caretbuf_new(b.s, &amb1);
	for (cols = 6; cols <= 80; cols++) {
		caretbuf_reflow(tb, cols);
		assert_lines_valid(tb, cols, true);
		l = caretbuf_lines(tb, &n);
		s = caretbuf_text(tb);
		chars = 0;
		for (i = 0; i < n; i++) {
			const char *p = s + l[i].start;
			cr_assert(strncmp(p, "，", strlen("，")) != 0 &&
			    strncmp(p, "。", strlen("。")) != 0,
			    "cols %d: line %zu starts with punctuation", cols,
			    i);
			chars += text_count_chars(p, l[i].end - l[i].start);
		}
		cr_assert_eq(chars, 600);
		if (cols == 56)
			cr_assert_geq(n, 600 * 2 / 56);
	}
	caretbuf_free(tb);
	sbuf_done(&b);
}

Test(caretbuf, combining_marks_move_and_delete_as_one)
{
	/* "é" as e + U+0301, then 葛 + an ideographic variation selector. */
	const char	*t = "ae\xcc\x81z\xe8\x91\x9b\xf3\xa0\x84\x81x";
	struct caretbuf	*tb = caretbuf_new(t, &amb1);

	caretbuf_reflow(tb, 20);
	caretbuf_set_caret(tb, 1);
	right(tb, 1);
	cr_assert_eq(caretbuf_caret(tb), 4, "past e and its accent");
	caretbuf_set_caret(tb, 2);	/* inside the cluster: snapped back */
	cr_assert_eq(caretbuf_caret(tb), 1);
	caretbuf_set_caret(tb, 5);
	right(tb, 1);
	cr_assert_eq(caretbuf_caret(tb), 12, "葛 with its selector");
	cr_assert(caretbuf_backspace(tb));
	cr_assert_str_eq(caretbuf_text(tb), "ae\xcc\x81zx");
	caretbuf_set_caret(tb, 1);
	cr_assert(caretbuf_delete(tb));
	cr_assert_str_eq(caretbuf_text(tb), "azx");
	cr_assert_eq(caretbuf_caret(tb), 1);

	/* Typing a combining mark after a base joins it; the caret follows
	 * the whole cluster. */
	cr_assert(caretbuf_insert(tb, "\xcc\x88", 2, NULL));	/* U+0308 */
	cr_assert_str_eq(caretbuf_text(tb), "a\xcc\x88zx");
	cr_assert_eq(caretbuf_caret(tb), 3);
	cr_assert(caretbuf_move(tb, CB_LEFT, 10));
	cr_assert_eq(caretbuf_caret(tb), 0);
	caretbuf_free(tb);
}

Test(caretbuf, emoji_move_and_delete_as_one)
{
	/* ❤️ (U+2764 U+FE0F), 👍🏽 (with a skin tone), family ZWJ sequence. */
	const char	*heart = "\xe2\x9d\xa4\xef\xb8\x8f";
	const char	*thumb = "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd";
	const char	*family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
	    "\xe2\x80\x8d\xf0\x9f\x91\xa7";
	char		 t[128];
	struct caretbuf	*tb;
	size_t		 line;
	int		 col;

	snprintf(t, sizeof t, "好%s%s%s了", heart, thumb, family);
	tb = caretbuf_new(t, &amb1);
	caretbuf_reflow(tb, 40);
	caretbuf_set_caret(tb, 0);
	right(tb, 2);
	cr_assert_eq(caretbuf_caret(tb), 3 + strlen(heart));
	right(tb, 1);
	cr_assert_eq(caretbuf_caret(tb), 3 + strlen(heart) + strlen(thumb));
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(col, 2 + 2 + 2);
	cr_assert(caretbuf_delete(tb));		/* the whole family */
	snprintf(t, sizeof t, "好%s%s了", heart, thumb);
	cr_assert_str_eq(caretbuf_text(tb), t);
	cr_assert(caretbuf_backspace(tb));	/* the whole thumb */
	snprintf(t, sizeof t, "好%s了", heart);
	cr_assert_str_eq(caretbuf_text(tb), t);
	cr_assert(caretbuf_backspace(tb));
	cr_assert_str_eq(caretbuf_text(tb), "好了");
	caretbuf_free(tb);
}

Test(caretbuf, enter_and_backspace_join_paragraphs)
{
	struct caretbuf	*tb = caretbuf_new("甲乙丙丁", &amb1);
	size_t		 n;

	caretbuf_reflow(tb, 20);
	caretbuf_set_caret(tb, 6);
	cr_assert(caretbuf_insert(tb, "\n", 1, NULL));
	cr_assert_str_eq(caretbuf_text(tb), "甲乙\n丙丁");
	caretbuf_lines(tb, &n);
	cr_assert_eq(n, 2);
	assert_lines_valid(tb, 20, true);
	cr_assert_eq(caretbuf_caret(tb), 7);
	cr_assert_not(caretbuf_move(tb, CB_HOME, 10));
	cr_assert(caretbuf_backspace(tb));
	cr_assert_str_eq(caretbuf_text(tb), "甲乙丙丁");
	caretbuf_lines(tb, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(caretbuf_caret(tb), 6);
	cr_assert(caretbuf_move(tb, CB_HOME, 10));
	cr_assert_eq(caretbuf_caret(tb), 0);
	caretbuf_free(tb);
}

Test(caretbuf, paste_strips_escape_sequences_and_controls)
{
	struct caretbuf	*tb = caretbuf_new("前后", &amb1);
	const char	*p = "红\033[31m色\033[0m\a文字\r\n第二段\x01\033]0;title\a";
	const char	*msgid = NULL;

	caretbuf_reflow(tb, 30);
	caretbuf_set_caret(tb, 3);
	cr_assert(caretbuf_insert(tb, p, strlen(p), &msgid));
	cr_assert_null(msgid);
	cr_assert_str_eq(caretbuf_text(tb), "前红色文字\n第二段后");
	cr_assert_eq(caretbuf_caret(tb), off_of(caretbuf_text(tb), "后"));
	assert_lines_valid(tb, 30, true);

	/* Only control characters: nothing inserted, not an error. */
	cr_assert_not(caretbuf_insert(tb, "\033[A\x02", 4, &msgid));
	cr_assert_null(msgid);
	caretbuf_free(tb);
}

Test(caretbuf, paste_over_the_cap_is_refused_whole)
{
	size_t		 big = CARETBUF_MAX + 1;
	char		*s = xmalloc(big);
	struct caretbuf	*tb = caretbuf_new("原文", &amb1);
	const char	*msgid = NULL;

	memset(s, 'a', big);
	cr_assert_not(caretbuf_insert(tb, s, big, &msgid));
	cr_assert_str_eq(msgid, CARETBUF_E_BIG);
	cr_assert_str_eq(caretbuf_text(tb), "原文");
	/* Exactly the cap minus the text fits; one byte more does not. */
	msgid = NULL;
	cr_assert(caretbuf_insert(tb, s, CARETBUF_MAX - 6, &msgid));
	cr_assert_eq(caretbuf_len(tb), CARETBUF_MAX);
	cr_assert_not(caretbuf_insert(tb, "b", 1, &msgid));
	cr_assert_str_eq(msgid, CARETBUF_E_BIG);
	free(s);
	caretbuf_free(tb);
}

/* Compares the buffer's lines with a fresh wrap of its text. */
static void
assert_same_as_fresh(const struct caretbuf *tb, int cols)
{
	struct caretbuf_line	  *f;
	size_t			   n, fn, i;
	const struct caretbuf_line *l = caretbuf_lines(tb, &n);

	fn = caretbuf_wrap(caretbuf_text(tb), caretbuf_len(tb), cols, &f,
	    caretbuf_opts(tb));
	cr_assert_eq(n, fn);
	for (i = 0; i < n; i++) {
		cr_assert_eq(l[i].start, f[i].start, "line %zu", i);
		cr_assert_eq(l[i].end, f[i].end, "line %zu", i);
		cr_assert_eq(l[i].hard, f[i].hard, "line %zu", i);
	}
	free(f);
}

Test(caretbuf, incremental_rewrap_matches_fresh_wrap)
{
	static const char *bits[] = {
		"政", "府", "，", "。", "\n", "“", "”", "a", " ", "信息公开",
		"\n\n", "（其中自然人10件）", "e\xcc\x81"
	};
	struct caretbuf	*tb = caretbuf_new("", &amb2);
	unsigned	 seed = 12345;
	int		 i;

	caretbuf_reflow(tb, 12);
	for (i = 0; i < 600; i++) {
		unsigned r;
		seed = seed * 1103515245u + 12345u;
		r = (seed >> 16) % 100;
		if (r < 60) {
			const char *b = bits[(seed >> 8) % (sizeof bits /
			    sizeof bits[0])];
			caretbuf_insert(tb, b, strlen(b), NULL);
		} else if (r < 75) {
			caretbuf_backspace(tb);
		} else if (r < 85) {
			caretbuf_delete(tb);
		} else {
			caretbuf_set_caret(tb, (seed >> 4) %
			    (caretbuf_len(tb) + 1));
		}
		assert_same_as_fresh(tb, 12);
		assert_lines_valid(tb, 12, false);
	}
	caretbuf_free(tb);
}

Test(caretbuf, end_of_soft_line_and_scrolling)
{
	struct caretbuf	*tb = caretbuf_new("一二三四五六七八九十", &amb1);
	size_t		 line, n;
	int		 col;

	caretbuf_reflow(tb, 8);			/* 4 characters a line */
	caretbuf_lines(tb, &n);
	cr_assert_eq(n, 3);
	caretbuf_set_caret(tb, 0);
	cr_assert(caretbuf_move(tb, CB_END, 10));
	cr_assert_eq(caretbuf_caret(tb), off_of(caretbuf_text(tb), "五"));
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(line, 0, "End shows the caret at the end of its line");
	cr_assert_eq(col, 8);
	/* Same offset, line 1. */
	cr_assert(caretbuf_move(tb, CB_RIGHT, 10));
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(line, 1);
	cr_assert_eq(col, 0);

	/* A 1-line view follows the caret down and up. */
	caretbuf_move(tb, CB_TEXT_END, 1);
	cr_assert(caretbuf_scroll_to_caret(tb, 1));
	cr_assert_eq(caretbuf_top(tb), 2);
	caretbuf_move(tb, CB_UP, 1);
	caretbuf_scroll_to_caret(tb, 1);
	cr_assert_eq(caretbuf_top(tb), 1);
	/* A taller view never leaves blank lines below the text. */
	caretbuf_scroll_to_caret(tb, 3);
	cr_assert_eq(caretbuf_top(tb), 0);
	caretbuf_free(tb);
}

Test(caretbuf, view_at_another_width_changes_nothing)
{
	struct caretbuf		*tb = caretbuf_new("一二三四五六七八九十", &amb1);
	struct caretbuf_view	 v;
	size_t			 n;

	caretbuf_reflow(tb, 8);
	caretbuf_set_caret(tb, off_of(caretbuf_text(tb), "九"));
	caretbuf_view(tb, 1, 4, &v);
	cr_assert_eq(v.nlines, 5);
	cr_assert_eq(v.caret_line, 4);
	cr_assert_eq(v.top, 4);
	cr_assert_eq(v.caret_col, 0);
	caretbuf_view_done(&v);
	caretbuf_lines(tb, &n);
	cr_assert_eq(n, 3);
	cr_assert_eq(caretbuf_cols(tb), 8);
	cr_assert_eq(caretbuf_top(tb), 0);
	caretbuf_view(tb, 5, 8, &v);
	cr_assert_eq(v.nlines, 3);
	cr_assert_eq(v.caret_line, 2);
	cr_assert_eq(v.caret_col, 0);
	caretbuf_view_done(&v);
	caretbuf_free(tb);
}

Test(caretbuf, set_text_sanitizes_and_places_caret)
{
	struct caretbuf	*tb = caretbuf_new(NULL, &amb1);

	cr_assert_str_eq(caretbuf_text(tb), "");
	cr_assert_eq(caretbuf_count_chars(tb), 0);
	caretbuf_set_text(tb, "甲\r\n乙\033[1m丙 丁", 4);
	cr_assert_str_eq(caretbuf_text(tb), "甲\n乙丙 丁");
	cr_assert_eq(caretbuf_caret(tb), 4);
	cr_assert_eq(caretbuf_count_chars(tb), 4);
	caretbuf_set_text(tb, "甲乙", 2);	/* inside 甲: snapped back */
	cr_assert_eq(caretbuf_caret(tb), 0);
	caretbuf_set_text(tb, "甲乙", SIZE_MAX);
	cr_assert_eq(caretbuf_caret(tb), 6);
	caretbuf_free(tb);
}

Test(caretbuf, caret_to_line_and_column)
{
	struct caretbuf	*tb = caretbuf_new("一二三四五六七八九十\n甲", &amb1);

	caretbuf_reflow(tb, 8);			/* 一二三四|五六七八|九十|甲 */
	cr_assert(caretbuf_caret_to(tb, 1, 3));	/* inside 六: before it */
	cr_assert_eq(caretbuf_caret(tb), off_of(caretbuf_text(tb), "六"));
	cr_assert(caretbuf_caret_to(tb, 2, 40));	/* past the end of 九十 */
	cr_assert_eq(caretbuf_caret(tb), off_of(caretbuf_text(tb), "\n"));
	cr_assert(caretbuf_caret_to(tb, 99, 0));	/* to the last */
	cr_assert_eq(caretbuf_caret(tb), off_of(caretbuf_text(tb), "甲"));
	caretbuf_free(tb);
}

Test(caretbuf, page_down_and_up_move_view_and_caret)
{
	struct sbuf	 b;
	struct caretbuf	*tb;
	size_t		 line;
	int		 i, col;

	sbuf_init(&b);
	for (i = 0; i < 30; i++)
		sbuf_adds(&b, i == 0 ? "甲乙" : "\n甲乙");
	tb = caretbuf_new(b.s, &amb1);
	caretbuf_reflow(tb, 20);
	caretbuf_set_caret(tb, 3);		/* line 0, column 2 */
	cr_assert(caretbuf_move(tb, CB_PAGE_DOWN, 10));
	caretbuf_scroll_to_caret(tb, 10);
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(line, 9);
	cr_assert_eq(col, 2);
	cr_assert_eq(caretbuf_top(tb), 9);
	cr_assert(caretbuf_move(tb, CB_PAGE_DOWN, 10));
	cr_assert(caretbuf_move(tb, CB_PAGE_DOWN, 10));
	cr_assert(caretbuf_move(tb, CB_PAGE_DOWN, 10));	/* past the end */
	caretbuf_scroll_to_caret(tb, 10);
	cr_assert_eq(caretbuf_caret(tb), caretbuf_len(tb));
	cr_assert_eq(caretbuf_top(tb), 20, "the last page is full");
	cr_assert(caretbuf_move(tb, CB_PAGE_UP, 10));
	caretbuf_scroll_to_caret(tb, 10);
	caretbuf_caret_pos(tb, &line, &col);
	cr_assert_eq(line, 20);
	cr_assert_eq(caretbuf_top(tb), 11);
	caretbuf_free(tb);
	sbuf_done(&b);
}
