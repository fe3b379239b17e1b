/*
 * The YAML reader's fast path (model/yfast.c) against libyaml: on every
 * YAML file of the repository, on report files as store_dump writes them
 * (with every kind of text the emitter escapes), and on thousands of
 * small mutations of one, ytree_parse must give exactly what
 * ytree_parse_libyaml gives: the same tree, node for node, with the same
 * strings, styles, lines and columns, or the same refusal at the same
 * place.  The fast path must also really be taken for a dumped report.
 */
#include <criterion/criterion.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"
#include "report.h"
#include "store.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"
#include "yfast.h"
#include "ytree.h"

/* Where two trees first differ, for the failure message. */
static void
first_difference(const struct ytree *a, const struct ytree *b, char *why,
    size_t whylen)
{
	size_t	i;

	if (a->kind != b->kind || a->line != b->line || a->col != b->col ||
	    a->n != b->n || a->kind == YTREE_SCALAR) {
		snprintf(why, whylen, "node %d:%d (kind %d, n %zu, \"%s\") "
		    "against %d:%d (kind %d, n %zu, \"%s\")", a->line, a->col,
		    a->kind, a->n, a->str ? a->str : "", b->line, b->col,
		    b->kind, b->n, b->str ? b->str : "");
		return;
	}
	for (i = 0; i < a->n; i++) {
		if (a->kind == YTREE_MAP && !yfast_same(a->keys[i], b->keys[i]))
			first_difference(a->keys[i], b->keys[i], why, whylen);
		else if (!yfast_same(a->items[i], b->items[i]))
			first_difference(a->items[i], b->items[i], why, whylen);
		else
			continue;
		return;
	}
}

/* Both readers on buf; asserts they agree.  Whether the fast path took
 * it. */
static bool
agree(const char *buf, size_t len, const char *name)
{
	struct err	 e1 = { 0 }, e2 = { 0 };
	struct ytree	*t1, *t2, *f;
	char		 why[512];
	bool		 fast;

	t1 = ytree_parse(buf, len, "t.yaml", &e1);
	t2 = ytree_parse_libyaml(buf, len, "t.yaml", &e2);
	cr_assert_eq(t1 != NULL, t2 != NULL, "%s: one reader refuses (%s, %s)",
	    name, e1.msgid ? e1.msgid : "-", e2.msgid ? e2.msgid : "-");
	if (t1 == NULL) {
		cr_assert_str_eq(e1.msgid, e2.msgid, "%s", name);
		cr_assert_eq(e1.line, e2.line, "%s", name);
		cr_assert_eq(e1.col, e2.col, "%s", name);
		err_clear(&e1);
		err_clear(&e2);
		return (false);
	}
	if (!yfast_same(t1, t2)) {
		first_difference(t1, t2, why, sizeof why);
		cr_assert_fail("%s: %s", name, why);
	}
	ytree_free(t1);
	ytree_free(t2);
	f = len > 0 ? yfast_parse(buf, len) : NULL;
	fast = f != NULL;
	ytree_free(f);
	return (fast);
}

static void
agree_dir(const char *dir, size_t *files)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	struct stat	 st;
	char		*p, *buf;
	size_t		 len;

	cr_assert_not_null(d, "%s", dir);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		p = tu_path(dir, de->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			agree_dir(p, files);
		else if (strstr(de->d_name, ".yaml") != NULL ||
		    strstr(de->d_name, ".yml") != NULL) {
			buf = tu_read(p, &len);
			cr_assert_not_null(buf, "%s", p);
			agree(buf, len, p);
			free(buf);
			(*files)++;
		}
		free(p);
	}
	closedir(d);
}

Test(yfast, every_yaml_file_of_the_repository)
{
	size_t	files = 0;

	agree_dir(NB_SOURCE_DIR "/tests/data", &files);
	agree_dir(NB_SOURCE_DIR "/templates", &files);
	cr_assert_gt(files, 100, "only %zu files", files);
}

/* A dumped full report whose texts hold what the emitter escapes. */
static char *
dumped(struct tpl *t, const char *organ, const char *text)
{
	struct report	*r = report_new(t);
	char		*s;
	size_t		 c;
	int		 sec;

	report_set_organ(r, organ);
	report_set_year(r, 2024);
	for (sec = 0; sec < (int)t->nsections; sec++)
		report_set_text(r, sec, text, NULL);
	for (c = 0; c < t->ncells; c++)
		if (t->cells[c].formula < 0 &&
		    t->cells[c].type.kind == NUM_COUNT) {
			struct report_value v = { 0 };
			v.state = RV_SET;
			v.n.v = (int64_t)(c * 7 % 13);
			report_set_value(r, (int)c, v, NULL);
		}
	s = store_dump(r);
	report_free(r);
	return (s);
}

Test(yfast, dumped_reports_take_the_fast_path)
{
	static const char *const texts[] = {
		"本年度未收取信息处理费。",
		"引号\"与反斜杠\\，换行\n制表\t回车\r，全角空格　结尾　",
		"  前后空格  ", "", "yes", "~", "- 列表", "a: b # c",
		"\xC2\xA0不换行空格\xE2\x80\xA8分行\xEF\xBB\xBF\x1B[31m",
		"🎉 组合字符 e\xCC\x81", NULL
	};
	struct tpl	*T[2];
	char		*s;
	int		 i, k, fast = 0;

	tu_tpl_pair(T);
	for (k = 0; k < 2; k++)
		for (i = 0; texts[i] != NULL; i++) {
			s = dumped(T[k], i % 2 ? "某某镇人民政府" : "yes: no",
			    texts[i]);
			fast += agree(s, strlen(s), texts[i]);
			free(s);
		}
	/* All but the texts with escapes other than \" \\ \n \t \r. */
	cr_assert_geq(fast, 18, "fast path taken %d times", fast);
	tu_tpl_pair_free(T);
}

/* Every one-byte change of doc at each position: replaced, inserted,
 * deleted, with the bytes that matter to YAML. */
Test(yfast, mutations_of_a_report_file)
{
	static const char doc[] =
	    "nianbao: 1\n"
	    "template: gb2021\n"
	    "organ: \"洪泽区人民政府\"\n"
	    "year: 2024\n"
	    "sections:\n"
	    "  s1: \"一、总体情况\\n\\\"公开\\\"\\\\x\"\n"
	    "  s5: \"\"\n"
	    "cells:\n"
	    "  t2_1.regulations.issued: 2\n"
	    "  t2_8.fees.amount: 12.5\n"
	    "  t3.new.natural: ~\n"
	    "published:\n"
	    "  t3.total.total: 10\n";
	static const char bytes[] = " \n:\"\\#-~\t\r.,[]{}&*!|>'%@`?\0aZ0";
	size_t		 n = sizeof doc - 1, pos, b;
	char		*buf = xmalloc(n + 2);
	int		 fast = 0;

	cr_assert(agree(doc, n, "doc"));
	for (pos = 0; pos <= n; pos++)
		for (b = 0; b < sizeof bytes - 1; b++) {
			/* replaced */
			if (pos < n) {
				memcpy(buf, doc, n);
				buf[pos] = bytes[b];
				fast += agree(buf, n, "replaced");
			}
			/* inserted */
			memcpy(buf, doc, pos);
			buf[pos] = bytes[b];
			memcpy(buf + pos + 1, doc + pos, n - pos);
			fast += agree(buf, n + 1, "inserted");
		}
	for (pos = 0; pos < n; pos++) {
		memcpy(buf, doc, pos);
		memcpy(buf + pos, doc + pos + 1, n - pos - 1);
		fast += agree(buf, n - 1, "deleted");
	}
	/* Enough of them are still in the fast path's shape to matter. */
	cr_assert_gt(fast, 1000, "fast path taken %d times", fast);
	free(buf);
}

Test(yfast, duplicate_keys_and_limits_are_libyamls)
{
	static const char *const docs[] = {
		"a: 1\na: 2\n", "a:\n  b: 1\n  b: 2\n", "a:\n  b: 1\nc:\n  b: 2\n",
		"a:\n", "a: 1\n  b: 2\n", "a:\n   b: 1\n", "a:\n b: 1\n",
		"a: \"x\"y\n", "a: 1", "a: x\\y\n", "a: \"\\u00e9\"\n", NULL
	};
	int	i, fast = 0;

	for (i = 0; docs[i] != NULL; i++)
		fast += agree(docs[i], strlen(docs[i]), docs[i]);
	/* Only the two mappings with the same key under different parents. */
	cr_assert_eq(fast, 1);
}
