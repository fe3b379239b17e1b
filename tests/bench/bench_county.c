/*
 * The folder of the county benchmark (tests/bench/run): ORGANS towns ×
 * YEARS years of full 2021-format reports, each with its own prose made
 * from a grammar of township-report sentences (so the texts differ as
 * real ones do, and the near-duplicate search meets realistic
 * background similarity), its name spelled with or without its county in
 * alternate years, figures that carry over from year to year; and in 1 %
 * of the reports, 五 copied from another town of the same year with one
 * word changed.  Writes DIR.planted, one "copy source" pair of paths
 * per line, for the run script to check that every copy is found.
 * Prints nothing else; asserts nothing.
 *
 *   bench_county TEMPLATES_DIR DIR [ORGANS [YEARS]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sbuf.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"
#include "ytree.h"

static const char *const syl[] = { "青", "石", "柳", "河", "安", "平", "东",
    "西", "南", "北", "新", "兴", "永", "丰", "长", "宁", "龙", "泉", "白",
    "马", "金", "桥", "清", "水", "广", "福", "太", "和", "高", "阳", "双",
    "城", "林", "山", "湖", "沙", "明", "德", "顺", "华" };
static const char *const topic[] = { "惠农补贴", "低保评定", "土地流转",
    "危房改造", "乡村振兴", "人居环境整治", "防汛抗旱", "医保缴费",
    "养老保险", "义务教育", "安全生产", "森林防火", "秸秆禁烧", "集体资产",
    "村级财务", "征地补偿", "扶贫项目", "道路硬化", "饮水安全", "就业培训",
    "退役军人服务", "残疾人补贴", "殡葬改革", "移风易俗", "疫情防控",
    "产业发展", "招商引资", "河长制", "林长制", "耕地保护" };
static const char *const act[] = { "在镇村公开栏发布", "通过政府网站专栏公布",
    "在村民微信群推送", "召开院坝会通报", "印发明白纸宣传", "组织入户走访说明",
    "在便民服务中心公示", "通过广播循环播放", "编印政策汇编发放",
    "在村务监督委员会会议上通报" };
static const char *const res[] = { "群众知晓率明显提高", "群众反映的问题得到及时答复",
    "未发生因信息不公开引起的信访", "公开内容更加贴近群众需求",
    "村干部的公开意识有所增强", "办事群众少跑了路", "相关投诉比上年减少",
    "群众对公开工作的满意度上升" };
static const char *const prob[] = { "公开栏更新不及时", "栏目设置不够清晰",
    "政策解读形式单一", "部分村公开内容不全", "信息员业务不熟", "网站信息归类有误",
    "群众留言答复偏慢", "纸质公开栏破损未修", "图片公开多文字说明少" };

struct gen {
	unsigned long	seed;
};

static unsigned
rnd(struct gen *g, unsigned n)
{
	g->seed = g->seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return ((unsigned)(g->seed >> 33) % n);
}

#define PICK(g, a)	((a)[rnd((g), sizeof (a) / sizeof (a)[0])])

/* Sentence frames of 一 and 五: @1 and @2 topics, @3 an action or a
 * problem, @4 and @5 numbers. */
static const char *const frame1[] = {
	"围绕@1和@2，@3@4次，涉及@5户。",
	"@1工作中，我们@3，全年累计@4场，覆盖@5人次。",
	"针对群众关心的@1问题，@3，共答复咨询@4件，其中涉及@2的@5件。",
	"@3是今年@1信息公开的主要方式，先后@4批次，服务@5户群众。",
	"结合@2，把@1的政策依据和办理结果@3，累计@4条@5页。",
	"在@1领域，按月@3，@4个行政村实现全覆盖，公开@5项。",
};
static const char *const frame5[] = {
	"@3，@1相关信息尤其明显，已有@4名群众反映。",
	"在@1方面存在@3的情况，第@4季度检查时发现@5处。",
	"@2和@1两项工作@3，下一步将在@4月前整改到位。",
	"@3，原因是人手不足，计划增配@4名信息员，负责@1等@5类信息。",
	"对照上级要求，@1信息@3，拟于@4月组织专项培训。",
};

static void
frame(struct sbuf *b, struct gen *g, const char *f, const char *mid)
{
	const char	*t1 = PICK(g, topic), *t2 = PICK(g, topic);
	unsigned	 n4 = 2 + rnd(g, 50), n5 = 10 + rnd(g, 900);

	for (; *f != '\0'; f++) {
		if (*f != '@') {
			sbuf_addc(b, *f);
			continue;
		}
		switch (*++f) {
		case '1':
			sbuf_adds(b, t1);
			break;
		case '2':
			sbuf_adds(b, t2);
			break;
		case '3':
			sbuf_adds(b, mid);
			break;
		case '4':
			sbuf_addf(b, "%u", n4);
			break;
		default:
			sbuf_addf(b, "%u", n5);
		}
	}
}

static void
para1(struct sbuf *b, struct gen *g, const char *town, int year)
{
	int	k, n = 4 + (int)rnd(g, 3);

	sbuf_addf(b, "%d年，%s", year, town);
	for (k = 0; k < n; k++)
		frame(b, g, PICK(g, frame1), PICK(g, act));
	sbuf_addf(b, "总的看，%s。", PICK(g, res));
}

static void
para5(struct sbuf *b, struct gen *g)
{
	int	k, n = 3 + (int)rnd(g, 2);

	for (k = 0; k < n; k++)
		frame(b, g, PICK(g, frame5), PICK(g, prob));
}

/* One report file; five = 五 (NULL: written here). */
static void
write_report(const struct tpl *t, const char *path, const char *organ,
    int year, struct gen *g, const char *five, const unsigned fig[4],
    char **own5)
{
	struct sbuf	 b, s;
	size_t		 c;
	FILE		*f;

	sbuf_init(&b);
	sbuf_init(&s);
	sbuf_addf(&b, "nianbao: 1\ntemplate: %s\norgan: ", t->id);
	ytree_emit_str(&b, organ);
	sbuf_addf(&b, "\nyear: %d\nsections:\n  s1: ", year);
	para1(&s, g, organ, year);
	ytree_emit_str(&b, s.s);
	sbuf_truncate(&s, 0);
	if (five == NULL)
		para5(&s, g);
	else
		sbuf_adds(&s, five);
	*own5 = xstrdup(s.s);
	sbuf_adds(&b, "\n  s5: ");
	ytree_emit_str(&b, s.s);
	sbuf_adds(&b, "\n  s6: \"本年度未收取信息处理费。\"\ncells:\n");
	for (c = 0; c < t->ncells; c++) {
		const char *id = t->cells[c].id;
		if (t->cells[c].formula >= 0)
			continue;
		if (strcmp(id, "t3.new.natural") == 0)
			sbuf_addf(&b, "  %s: %u\n", id, fig[0]);
		else if (strcmp(id, "t3.carried_in.natural") == 0)
			sbuf_addf(&b, "  %s: %u\n", id, fig[1]);
		else if (strcmp(id, "t3.carried_out.natural") == 0)
			sbuf_addf(&b, "  %s: %u\n", id, fig[2]);
		else if (strcmp(id, "t3.r_open.natural") == 0)
			sbuf_addf(&b, "  %s: %u\n", id, fig[3]);
		else if (strncmp(id, "t2_1.", 5) == 0)	/* 现行有效 carries */
			sbuf_addf(&b, "  %s: %u\n", id, strstr(id, "in_force") ?
			    30 : 2);
		else if (t->cells[c].type.kind == NUM_MONEY)
			sbuf_addf(&b, "  %s: 12.5\n", id);
		else
			sbuf_addf(&b, "  %s: %u\n", id, strncmp(id, "t2", 2) == 0 ?
			    20 + (unsigned)(c % 7) : 0);
	}
	if ((f = fopen(path, "w")) == NULL || fputs(b.s, f) < 0 ||
	    fclose(f) != 0) {
		perror(path);
		exit(1);
	}
	sbuf_done(&b);
	sbuf_done(&s);
}

int
main(int argc, char **argv)
{
	struct errlist	 errs;
	struct tpl	*t;
	struct gen	 g = { 20261202 };
	char		*path, *tp, organ[64], town[32], **five, *own;
	int		 norg = argc > 3 ? atoi(argv[3]) : 1000;
	int		 ny = argc > 4 ? atoi(argv[4]) : 10, o, y, copies = 0;
	FILE		*planted;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_county TEMPLATES DIR [ORGANS "
		    "[YEARS]]\n");
		return (2);
	}
	errlist_init(&errs);
	tp = xasprintf("%s/gb2021.yaml", argv[1]);
	if ((t = tpl_load(tp, &errs)) == NULL) {
		fprintf(stderr, "bench_county: cannot load %s\n", tp);
		return (1);
	}
	mkdir(argv[2], 0755);
	path = xasprintf("%s.planted", argv[2]);
	planted = fopen(path, "w");
	free(path);
	five = xcalloc((size_t)norg, sizeof *five);
	for (y = 0; y < ny; y++)
		for (o = 0; o < norg; o++) {
			const char *src = NULL;
			char *copy = NULL;
			snprintf(town, sizeof town, "%s%s%s镇", syl[o % 40],
			    syl[(o / 40) % 40], syl[(o / 1600 + o) % 40]);
			snprintf(organ, sizeof organ, "%s%s人民政府",
			    y % 2 ? "长安县" : "", town);
			/* One report in a hundred copies another town's 五
			 * of the same year, one word changed. */
			if (o > 0 && (o * 7 + y * 13) % 100 == 0) {
				int from = (int)rnd(&g, (unsigned)o);
				copy = xstrdup(five[from]);
				char *w = strstr(copy, "信息");
				if (w != NULL)
					memcpy(w, "情况", strlen("情况"));
				src = copy;
				fprintf(planted, "%s/r%04d-%d.yaml %s/r%04d-%d.yaml\n",
				    argv[2], o, 2021 + y, argv[2], from, 2021 + y);
				copies++;
			}
			/* 新收, 上年结转 (last year's 结转), 结转, 予以公开:
			 * balanced (R1) and carried over (R5). */
			unsigned fig[4];
			fig[0] = 10 + (unsigned)y;
			fig[1] = y == 0 ? 0 : (unsigned)(o % 5 + y - 1);
			fig[2] = (unsigned)(o % 5 + y);
			fig[3] = fig[0] + fig[1] - fig[2];
			path = xasprintf("%s/r%04d-%d.yaml", argv[2], o, 2021 + y);
			write_report(t, path, organ, 2021 + y, &g, src, fig,
			    &own);
			free(path);
			free(copy);
			free(five[o]);
			five[o] = own;
		}
	fclose(planted);
	for (o = 0; o < norg; o++)
		free(five[o]);
	free(five);
	fprintf(stderr, "bench_county: %d reports, %d copies planted\n",
	    norg * ny, copies);
	tpl_free(t);
	free(tp);
	errlist_done(&errs);
	return (0);
}
