/*
 * Organ identity: the spellings real reports use for one organ get one
 * key, different organs keep different keys, the places of a name and of
 * a text are read as a reviewer reads them, and the alias file is read
 * (and refused, with where and why) as tests/data/bad/organs/EXPECTED
 * says.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "organ.h"
#include "testutil.h"
#include "xmalloc.h"

static void
same(const char *a, const char *b)
{
	char	*ka = organ_key(a), *kb = organ_key(b);

	cr_expect_str_eq(ka, kb, "%s / %s", a, b);
	free(ka);
	free(kb);
}

static void
differ(const char *a, const char *b)
{
	char	*ka = organ_key(a), *kb = organ_key(b);

	cr_expect_str_neq(ka, kb, "%s / %s", a, b);
	free(ka);
	free(kb);
}

Test(organ, spellings_of_one_organ)
{
	/* tests/data/real: 洪泽 2023 and 2024, 小城子镇 2021. */
	same("洪泽区人民政府", "淮安市洪泽区人民政府");
	same("淮安市洪泽区人民政府", "江苏省淮安市洪泽区政府");
	same("宝清县小城子镇", "小城子镇人民政府");
	same("黄庄镇", "黄庄镇人民政府");
	same("洪泽区 人民政府", "洪泽区人民政府");
	same("ＡＢ开发区管委会", "AB开发区管委会");
	same("淮安市洪泽区人民政府（办公室）", "洪泽区政府办公室");
}

Test(organ, different_organs_stay_apart)
{
	differ("淮安市人民政府", "淮安市洪泽区人民政府");
	differ("淮安市住房和城乡建设局", "洪泽区住房和城乡建设局");
	differ("淮安市市场监督管理局", "洪泽区市场监督管理局");
	differ("洪泽区人民政府", "洪泽区人民政府办公室");
	differ("小城子镇人民政府", "黄庄镇人民政府");
	differ("淮安市社区服务中心", "洪泽区社区服务中心");
}

Test(organ, places_of_a_name)
{
	struct organ_name	o;

	organ_parse("江苏省淮安市洪泽区人民政府", &o);
	cr_assert_str_eq(o.key, "洪泽区政府");
	cr_assert_str_eq(o.place, "洪泽区");
	cr_assert_eq(o.nouter, 2);
	cr_assert_str_eq(o.outer[0], "江苏省");
	cr_assert_str_eq(o.outer[1], "淮安市");
	organ_name_done(&o);
	organ_parse("县财政局", &o);
	cr_assert_str_eq(o.key, "县财政局");
	cr_assert_null(o.place);
	cr_assert_eq(o.nouter, 0);
	organ_name_done(&o);
	organ_parse("城关街道办事处", &o);
	cr_assert_str_eq(o.place, "城关街道");
	organ_name_done(&o);
	organ_parse("", &o);
	cr_assert_str_eq(o.key, "");
	organ_name_done(&o);
}

struct found {
	char	buf[4096];
};

static void
collect(const char *p, size_t len, void *arg)
{
	struct found	*f = arg;

	strncat(f->buf, p, len);
	strcat(f->buf, "|");
}

Test(organ, places_in_a_text)
{
	struct found	f = { "" };

	organ_text_places("我镇学习借鉴小城子 镇的做法，全镇推进市场监管。", collect,
	    &f);
	cr_assert(strstr(f.buf, "|小城子镇|") != NULL, "%s", f.buf);
	cr_assert(strstr(f.buf, "全镇") == NULL, "%s", f.buf);
	cr_assert(strstr(f.buf, "进市") == NULL, "市场 is a word: %s", f.buf);
	f.buf[0] = '\0';
	organ_text_places("统筹城乡发展", collect, &f);
	cr_assert_str_eq(f.buf, "", "%s", f.buf);
}

Test(organ, aliases)
{
	struct err		 e = { 0 };
	struct organ_aliases	*a;
	const char		*canon;
	char			*k;
	const char		*y = "小城子: 小城子镇人民政府\n"
				    "\"淮安市洪泽区政府办\": 洪泽区人民政府办公室\n";

	a = organ_aliases_parse(y, strlen(y), "organs.yaml", &e);
	cr_assert_not_null(a, "%s", e.msgid);
	cr_assert_eq(organ_aliases_count(a), 2);
	k = organ_resolve(a, "小城子", &canon);
	cr_assert_str_eq(k, "小城子镇政府");
	cr_assert_str_eq(canon, "小城子镇人民政府");
	free(k);
	k = organ_resolve(a, "洪泽区政府办", &canon);
	cr_assert_str_eq(k, "洪泽区政府办公室");
	free(k);
	k = organ_resolve(a, "黄庄镇", &canon);
	cr_assert_str_eq(k, "黄庄镇政府");
	cr_assert_null(canon);
	free(k);
	k = organ_resolve(NULL, "黄庄镇", NULL);
	cr_assert_str_eq(k, "黄庄镇政府");
	free(k);
	organ_aliases_free(a);
	a = organ_aliases_parse("", 0, "organs.yaml", &e);
	cr_assert_not_null(a);
	cr_assert_eq(organ_aliases_count(a), 0);
	organ_aliases_free(a);
}

/* tests/data/bad/organs: each file refused with its msgid, line, col. */
Test(organ, bad_alias_files)
{
	char	*list = tu_read(NB_SOURCE_DIR "/tests/data/bad/organs/EXPECTED",
		    NULL), *line, *save = NULL;
	size_t	 n = 0;

	cr_assert_not_null(list);
	for (line = strtok_r(list, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char name[128], msgid[64], *path;
		int l, c;
		struct err e = { 0 };
		struct organ_aliases *a;
		if (line[0] == '#')
			continue;
		cr_assert_eq(sscanf(line, "%127s %63s %d %d", name, msgid, &l,
		    &c), 4, "%s", line);
		path = xasprintf("%s/tests/data/bad/organs/%s", NB_SOURCE_DIR,
		    name);
		a = organ_aliases_load(path, &e);
		cr_expect_null(a, "%s loaded", name);
		organ_aliases_free(a);
		cr_expect_str_eq(e.msgid ? e.msgid : "(none)", msgid, "%s",
		    name);
		cr_expect_eq(e.line, l, "%s: line %d", name, e.line);
		cr_expect_eq(e.col, c, "%s: col %d", name, e.col);
		err_clear(&e);
		free(path);
		n++;
	}
	cr_assert_geq(n, 5);
	free(list);
}
