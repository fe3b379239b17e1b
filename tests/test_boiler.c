/*
 * The boilerplate stripper and the shingle similarity, on sentences taken
 * from the real reports in tests/data/real: statutory one-liners and
 * template wording vanish, a report's own words stay, a copied narrative
 * with one word changed is still nearly the same, and the shared passage
 * is found and quoted from the original text.  MinHash estimates and LSH
 * candidates are checked against the exact similarity.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boiler.h"
#include "minhash.h"
#include "testutil.h"
#include "xmalloc.h"

static struct tpl	*T;
static struct boiler	*B;

static void
setup(void)
{
	T = tu_tpl("gb2021");
	B = boiler_new(T);
}

static void
teardown(void)
{
	boiler_free(B);
	tpl_free(T);
}

TestSuite(boiler, .init = setup, .fini = teardown);

/* 六 of src-hongze2024.txt, and the seeds' one-liners. */
Test(boiler, statutory_sentences_go)
{
	const char *s[] = {
		"2024 年，区政府严格落实《政府信息公开信息处理费管理办法》，"
		"全年收取政府信息公开信息处理费 0 元。",
		"本年度未收取信息处理费。",
		"无其它需要报告事项。",
		"报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 "
		"31 日止。",
		"本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息"
		"公开条例》（国令第 711 号）（以下简称《条例》）要求编制此报告。",
		"如对本报告有疑问，请与淮安市洪泽区人民政府办公室联系。",
		NULL
	};
	size_t	i;
	char	*t;

	for (i = 0; s[i] != NULL; i++) {
		cr_expect_not_null(boiler_statutory(s[i]), "%s", s[i]);
		t = boiler_strip(B, s[i], NULL);
		cr_expect_str_eq(t, "", "%s -> %s", s[i], t);
		free(t);
	}
	cr_assert_str_eq(boiler_statutory("本年度未收取信息处理费。"), "fee");
	cr_assert_null(boiler_statutory("一是宣传手段还不够丰富。"));
	/* Never 雷同: nothing is left to compare. */
	t = boiler_strip(B, "本年度未收取信息处理费。", NULL);
	cr_assert_eq(boiler_similarity(t, t), 0);
	free(t);
}

Test(boiler, template_wording_goes_own_words_stay)
{
	char	*t;

	/* A heading and a guidance sentence copied into the text. */
	t = boiler_strip(B, "五、存在的主要问题及改进情况\n"
	    "一是宣传手段还不够丰富；二是公开内容不够全面。", NULL);
	cr_assert_str_eq(t, "一是宣传手段还不够丰富;二是公开内容不够全面。");
	free(t);
	t = boiler_strip(B, "查找问题要有针对性，改进举措要有实效性。", NULL);
	cr_assert_str_eq(t, "", "%s", t);
	free(t);
	/* The statute's name inside a sentence of the report's own. */
	t = boiler_strip(B, "我镇认真贯彻《中华人民共和国政府信息公开条例》，"
	    "扩大宣传渠道。", NULL);
	cr_assert(strstr(t, "中华人民共和国") == NULL, "%s", t);
	cr_assert(strstr(t, "我镇认真贯彻") != NULL, "%s", t);
	cr_assert(strstr(t, "扩大宣传渠道") != NULL, "%s", t);
	free(t);
}

Test(boiler, map_leads_back_to_the_original)
{
	const char	*orig = "一是个别部门思想认识不到位，\n担心信息公开后利益受到损害。";
	size_t		*map, a, b;
	char		*t = boiler_strip(B, orig, &map);
	const char	*p = strstr(t, "担心");

	cr_assert_not_null(p);
	cr_assert_eq(map[strlen(t)], strlen(orig));
	boiler_span(orig, map, (size_t)(p - t), strlen(t), &a, &b);
	cr_assert_eq(strncmp(orig + a, "担心信息公开后利益受到损害。", b - a), 0,
	    "%.*s", (int)(b - a), orig + a);
	cr_assert_eq(b, strlen(orig));
	free(map);
	free(t);
}

/* 五 of tests/data/real/000_9062bfdbeadefa61.txt (小城子镇 2021). */
static const char *five =
    "一是个别部门思想认识不到位，担心信息公开后利益受到损害，正常工作受到约束；"
    "二是对结果内容公开多，对工作开展程序公开少；三是宣传手段还不够丰富；"
    "四是公开内容不够全面，对群众关心的热点问题等公开不及时或者不全面，群众了解少。"
    "扩大宣传，拓宽公开渠道，让社会群众了解政府信息公开的渠道、内容、服务方式，"
    "提高公众对政务公开工作的认知度。";

Test(boiler, one_word_changed_is_still_a_copy)
{
	char		*a = boiler_strip(B, five, NULL), *c, *b;
	int		 pct;
	size_t		 oa, la, ob, lb;

	c = xstrdup(five);
	memcpy(strstr(c, "丰富"), "多样", strlen("多样"));
	b = boiler_strip(B, c, NULL);
	pct = boiler_similarity(a, b);
	cr_assert_geq(pct, 90, "%d", pct);
	cr_assert_lt(pct, 100);
	cr_assert_eq(boiler_similarity(a, a), 100);
	cr_assert(boiler_passage(a, b, &oa, &la, &ob, &lb));
	cr_assert_geq(lb, strlen("四是公开内容不够全面"), "%zu", lb);
	cr_assert(strncmp(b + ob, "四是", 6) == 0 || strncmp(b + ob, "一是", 6)
	    == 0, "%.*s", (int)lb, b + ob);
	free(a);
	free(b);
	free(c);
}

Test(boiler, unrelated_texts_are_not_alike)
{
	const char	*other = "2024 年，区政府办代表区政府受理政府信息公开申请 17 件，"
			    "均已在法定期限内予以答复。加强区政府门户网站及政务新媒体日常管理，"
			    "运用第三方检测平台实行常态化监测。";
	char		*a = boiler_strip(B, five, NULL), *b = boiler_strip(B, other,
			    NULL);

	cr_assert_lt(boiler_similarity(a, b), 10, "%d",
	    boiler_similarity(a, b));
	cr_assert_eq(boiler_similarity("", a), 0);
	free(a);
	free(b);
}

/* A text of one repeated character stays linear (bounded chain walk). */
Test(boiler, passage_on_repetitive_text)
{
	char	*a = xcalloc(30001, 1), *b = xcalloc(30001, 1);
	size_t	 oa, la, ob, lb;

	memset(a, 'x', 30000);
	memset(b, 'x', 30000);
	cr_assert(boiler_passage(a, b, &oa, &la, &ob, &lb));
	cr_assert_eq(lb, 30000);
	cr_assert(!boiler_passage("abc", b, &oa, &la, &ob, &lb));
	free(a);
	free(b);
}

/* MinHash agrees with the exact similarity within a few points, and LSH
 * finds the near pair and not the far ones. */
Test(boiler, minhash_estimates_and_candidates)
{
	char		*c = xstrdup(five), *texts[3];
	uint64_t	*h[3];
	size_t		 n[3], i, np;
	uint16_t	 sig[3][MINHASH_N];
	const uint16_t	*sigs[4];
	struct minhash_pair *pairs;
	int		 exact, est;

	memcpy(strstr(c, "丰富"), "多样", strlen("多样"));
	texts[0] = boiler_strip(B, five, NULL);
	texts[1] = boiler_strip(B, c, NULL);
	texts[2] = boiler_strip(B, "加强区政府门户网站及政务新媒体日常管理，"
	    "运用第三方检测平台实行常态化监测，执行信息审核发布制度。严格执行"
	    "分级审核、先审后发程序，落实三审三校制度。", NULL);
	for (i = 0; i < 3; i++) {
		n[i] = boiler_shingles(texts[i], &h[i]);
		cr_assert_gt(n[i], 0);
		minhash_sign(h[i], n[i], sig[i]);
		sigs[i] = sig[i];
	}
	sigs[3] = NULL;
	exact = boiler_similarity_sets(h[0], n[0], h[1], n[1]);
	est = minhash_dice(minhash_agree(sig[0], sig[1]));
	cr_assert_leq(abs(exact - est), 8, "exact %d, estimate %d", exact, est);
	cr_assert_leq(minhash_dice(minhash_agree(sig[0], sig[2])), 15);
	np = minhash_candidates(sigs, 4, &pairs);
	cr_assert_geq(np, 1);
	cr_assert_eq(pairs[0].a, 0);
	cr_assert_eq(pairs[0].b, 1);
	for (i = 0; i < np; i++)
		cr_assert(pairs[i].b != 3);
	free(pairs);
	for (i = 0; i < 3; i++) {
		free(h[i]);
		free(texts[i]);
	}
	free(c);
}
