/*
 * regex_need: the literals a pattern's matches cannot do without.  The
 * sets derived from known patterns, the patterns it must give up on
 * (flags that change letters, escapes that name characters), and its
 * soundness: for every pattern of the shipped templates, over every
 * sentence of the prose corpus and every line and whole text of the real
 * published reports, a text that lacks the literals has no match.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>

#include "regex.h"
#include "regex_need.h"
#include "testutil.h"
#include "tpl.h"

/* The set of pattern joined by '|' ("" for none). */
static char *
joined(const char *pattern)
{
	char	**s = regex_need_of(pattern);
	char	 *out = calloc(1, 1);
	size_t	  n = 0;

	for (char **p = s; p != NULL && *p != NULL; p++) {
		out = realloc(out, n + strlen(*p) + 2);
		n += (size_t)sprintf(out + n, "%s%s", n > 0 ? "|" : "", *p);
	}
	regex_need_free(s);
	return (out);
}

static void
expect(const char *pattern, const char *want)
{
	char *got = joined(pattern);

	cr_expect_str_eq(got, want, "%s", pattern);
	free(got);
}

Test(regex_need, sets)
{
	expect("(?:收到|受理)(?:(?!办结)[^。]){0,30}?申请([0-9]+)\\s*件", "申请");
	expect("(?:收到|受理)[^。]{0,3}件", "收到|受理");
	expect("上年度?结转", "上年");
	expect("(?<=统计期限[^。]{0,30}?)([0-9]{4})|([0-9]{4})\\s*年度?工作报告",
	    "统计期限|工作报告");
	expect("(?s)^(?=.*考核)(?=.*评议)", "考核");
	expect("(?:x|y)?z", "z");
	expect("(?<!否)收到", "收到");
	expect("(收到|受理)+件", "收到|受理");
	expect("(收到|x)+件", "件");
}

Test(regex_need, gives_up)
{
	expect("a(?i)b", "");
	expect("q\\x41w", "");
	expect("\\u6536到", "");
	expect("收到|", "");
	expect("收到|[0-9]+", "");
	expect(".*", "");
	expect("(?x) a b", "");
	cr_expect(regex_need_met(NULL, "anything"));
}

static size_t nchecked, nskipped;

/* Every pattern of T against text: no match where the literals lack. */
static void
sound(struct tpl *const *T, size_t nt, const char *text)
{
	for (size_t k = 0; k < nt; k++)
		for (size_t i = 0; i < T[k]->nrules; i++) {
			const struct tpl_rule *ru = &T[k]->rules[i];
			if (ru->re == NULL)
				continue;
			nchecked++;
			if (regex_need_met(ru->need, text))
				continue;
			nskipped++;
			cr_expect(!regex_find(ru->re, text),
			    "%s %s matches without its literals: %s",
			    T[k]->id, ru->id, text);
		}
}

/* The whole text and each of its lines. */
static void
sound_lines(struct tpl *const *T, size_t nt, char *text)
{
	sound(T, nt, text);
	for (char *l = strtok(text, "\n"); l != NULL; l = strtok(NULL, "\n"))
		sound(T, nt, l);
}

Test(regex_need, sound_over_real_text)
{
	struct tpl	**T;
	size_t		  nt = tu_templates(&T);
	char		 *s;
	DIR		 *d;
	struct dirent	 *e;

	cr_assert(nt > 0);
	s = tu_read(NB_SOURCE_DIR "/tests/data/prose/sentences.tsv", NULL);
	cr_assert(s != NULL);
	sound_lines(T, nt, s);
	free(s);
	cr_assert((d = opendir(NB_SOURCE_DIR "/tests/data/real")) != NULL);
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 4, ".txt") != 0)
			continue;
		char *p = tu_path(NB_SOURCE_DIR "/tests/data/real", e->d_name);
		if ((s = tu_read(p, NULL)) != NULL)
			sound_lines(T, nt, s);
		free(s);
		free(p);
	}
	closedir(d);
	/* The test means something only if the literals skip texts. */
	cr_expect(nskipped > nchecked / 4, "%zu of %zu", nskipped, nchecked);
	tu_templates_free(T, nt);
}
