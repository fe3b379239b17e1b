/*
 * The column and value map; see ledger_map.h.
 *
 * Two tables drive everything: targets[] (every id a value can map to,
 * with its field, statutory label and outcome group) and words[] (the
 * words that point at a target).  A guess is the target of the longest
 * word found in the value's key; a group word (不予公开, 无法提供,
 * 不予处理, 其他处理) restricts the candidates to its group, and 部分公开
 * decides alone (the statute counts a partly disclosed case there and
 * nowhere else).  Two different targets with equally long words are no
 * guess: the clerk is asked.  Short generic words ("其他") only count
 * when they are the whole value.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fsio.h"
#include "labelnorm.h"
#include "ledger_map.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"
#include "ytree.h"

struct target {
	const char		*id;
	enum ledger_field	 field;
	const char		*label;		/* statutory, Chinese */
	char			 group;		/* outcome group, or 0 */
};

static const struct target targets[] = {
	{ "natural", LEDGER_APPLICANT, "自然人", 0 },
	{ "commercial", LEDGER_APPLICANT, "商业企业", 0 },
	{ "research", LEDGER_APPLICANT, "科研机构", 0 },
	{ "nonprofit", LEDGER_APPLICANT, "社会公益组织", 0 },
	{ "legal", LEDGER_APPLICANT, "法律服务机构", 0 },
	{ "other_org", LEDGER_APPLICANT, "法人或其他组织/其他", 0 },
	{ "r_open", LEDGER_RESULT, "（一）予以公开", 'o' },
	{ "r_partial", LEDGER_RESULT, "（二）部分公开", 'p' },
	{ "r_deny_1", LEDGER_RESULT, "（三）不予公开/1.属于国家秘密", 'd' },
	{ "r_deny_2", LEDGER_RESULT,
	    "（三）不予公开/2.其他法律行政法规禁止公开", 'd' },
	{ "r_deny_3", LEDGER_RESULT, "（三）不予公开/3.危及“三安全一稳定”",
	    'd' },
	{ "r_deny_4", LEDGER_RESULT, "（三）不予公开/4.保护第三方合法权益",
	    'd' },
	{ "r_deny_5", LEDGER_RESULT, "（三）不予公开/5.属于三类内部事务信息",
	    'd' },
	{ "r_deny_6", LEDGER_RESULT, "（三）不予公开/6.属于四类过程性信息",
	    'd' },
	{ "r_deny_7", LEDGER_RESULT, "（三）不予公开/7.属于行政执法案卷", 'd' },
	{ "r_deny_8", LEDGER_RESULT, "（三）不予公开/8.属于行政查询事项", 'd' },
	{ "r_unable_1", LEDGER_RESULT,
	    "（四）无法提供/1.本机关不掌握相关政府信息", 'u' },
	{ "r_unable_2", LEDGER_RESULT,
	    "（四）无法提供/2.没有现成信息需要另行制作", 'u' },
	{ "r_unable_3", LEDGER_RESULT,
	    "（四）无法提供/3.补正后申请内容仍不明确", 'u' },
	{ "r_noproc_1", LEDGER_RESULT, "（五）不予处理/1.信访举报投诉类申请",
	    'n' },
	{ "r_noproc_2", LEDGER_RESULT, "（五）不予处理/2.重复申请", 'n' },
	{ "r_noproc_3", LEDGER_RESULT, "（五）不予处理/3.要求提供公开出版物",
	    'n' },
	{ "r_noproc_4", LEDGER_RESULT,
	    "（五）不予处理/4.无正当理由大量反复申请", 'n' },
	{ "r_noproc_5", LEDGER_RESULT,
	    "（五）不予处理/5.要求行政机关确认或重新出具已获取信息", 'n' },
	{ "r_other_1", LEDGER_RESULT, "（六）其他处理/1.申请人无正当理由逾期"
	    "不补正、行政机关不再处理其政府信息公开申请", 'x' },
	{ "r_other_2", LEDGER_RESULT, "（六）其他处理/2.申请人逾期未按收费通知"
	    "要求缴纳费用、行政机关不再处理其政府信息公开申请", 'x' },
	{ "r_other_3", LEDGER_RESULT, "（六）其他处理/3.其他", 'x' },
	{ "pending", LEDGER_RESULT, NULL, 0 },
	{ "skip", LEDGER_APPLICANT, NULL, 0 },
	{ "skip", LEDGER_RESULT, NULL, 0 },
};
#define NTARGETS	(sizeof targets / sizeof targets[0])

struct word {
	enum ledger_field	 field;
	const char		*w;
	const char		*target;
	bool			 exact;		/* only as the whole value */
};

static const struct word words[] = {
	{ LEDGER_APPLICANT, "自然人", "natural", false },
	{ LEDGER_APPLICANT, "公民", "natural", false },
	{ LEDGER_APPLICANT, "个人", "natural", false },
	{ LEDGER_APPLICANT, "群众", "natural", false },
	{ LEDGER_APPLICANT, "村民", "natural", false },
	{ LEDGER_APPLICANT, "居民", "natural", false },
	{ LEDGER_APPLICANT, "农民", "natural", false },
	{ LEDGER_APPLICANT, "市民", "natural", false },
	{ LEDGER_APPLICANT, "商业企业", "commercial", false },
	{ LEDGER_APPLICANT, "企业", "commercial", false },
	{ LEDGER_APPLICANT, "公司", "commercial", false },
	{ LEDGER_APPLICANT, "商户", "commercial", false },
	{ LEDGER_APPLICANT, "科研机构", "research", false },
	{ LEDGER_APPLICANT, "科研", "research", false },
	{ LEDGER_APPLICANT, "研究所", "research", false },
	{ LEDGER_APPLICANT, "研究院", "research", false },
	{ LEDGER_APPLICANT, "社会公益组织", "nonprofit", false },
	{ LEDGER_APPLICANT, "公益", "nonprofit", false },
	{ LEDGER_APPLICANT, "基金会", "nonprofit", false },
	{ LEDGER_APPLICANT, "慈善", "nonprofit", false },
	{ LEDGER_APPLICANT, "法律服务机构", "legal", false },
	{ LEDGER_APPLICANT, "法律服务", "legal", false },
	{ LEDGER_APPLICANT, "律师事务所", "legal", false },
	{ LEDGER_APPLICANT, "律所", "legal", false },
	{ LEDGER_APPLICANT, "律师", "legal", false },
	{ LEDGER_APPLICANT, "公证", "legal", false },
	{ LEDGER_APPLICANT, "其他组织", "other_org", false },
	{ LEDGER_APPLICANT, "其他", "other_org", true },
	{ LEDGER_APPLICANT, "作废", "skip", false },
	{ LEDGER_APPLICANT, "合计", "skip", true },
	{ LEDGER_APPLICANT, "小计", "skip", true },
	{ LEDGER_RESULT, "予以公开", "r_open", false },
	{ LEDGER_RESULT, "同意公开", "r_open", false },
	{ LEDGER_RESULT, "全部公开", "r_open", false },
	{ LEDGER_RESULT, "已公开", "r_open", false },
	{ LEDGER_RESULT, "主动公开", "r_open", false },
	{ LEDGER_RESULT, "予以提供", "r_open", false },
	{ LEDGER_RESULT, "已提供", "r_open", false },
	{ LEDGER_RESULT, "公开", "r_open", false },
	{ LEDGER_RESULT, "国家秘密", "r_deny_1", false },
	{ LEDGER_RESULT, "涉密", "r_deny_1", false },
	{ LEDGER_RESULT, "法律行政法规禁止", "r_deny_2", false },
	{ LEDGER_RESULT, "法律法规禁止", "r_deny_2", false },
	{ LEDGER_RESULT, "三安全一稳定", "r_deny_3", false },
	{ LEDGER_RESULT, "国家安全", "r_deny_3", false },
	{ LEDGER_RESULT, "公共安全", "r_deny_3", false },
	{ LEDGER_RESULT, "经济安全", "r_deny_3", false },
	{ LEDGER_RESULT, "社会稳定", "r_deny_3", false },
	{ LEDGER_RESULT, "第三方", "r_deny_4", false },
	{ LEDGER_RESULT, "商业秘密", "r_deny_4", false },
	{ LEDGER_RESULT, "个人隐私", "r_deny_4", false },
	{ LEDGER_RESULT, "内部事务", "r_deny_5", false },
	{ LEDGER_RESULT, "人事管理", "r_deny_5", false },
	{ LEDGER_RESULT, "后勤管理", "r_deny_5", false },
	{ LEDGER_RESULT, "内部工作流程", "r_deny_5", false },
	{ LEDGER_RESULT, "过程性信息", "r_deny_6", false },
	{ LEDGER_RESULT, "过程性", "r_deny_6", false },
	{ LEDGER_RESULT, "讨论记录", "r_deny_6", false },
	{ LEDGER_RESULT, "过程稿", "r_deny_6", false },
	{ LEDGER_RESULT, "磋商信函", "r_deny_6", false },
	{ LEDGER_RESULT, "请示报告", "r_deny_6", false },
	{ LEDGER_RESULT, "行政执法案卷", "r_deny_7", false },
	{ LEDGER_RESULT, "执法案卷", "r_deny_7", false },
	{ LEDGER_RESULT, "行政查询", "r_deny_8", false },
	{ LEDGER_RESULT, "查询事项", "r_deny_8", false },
	{ LEDGER_RESULT, "不掌握", "r_unable_1", false },
	{ LEDGER_RESULT, "信息不存在", "r_unable_1", false },
	{ LEDGER_RESULT, "不存在", "r_unable_1", false },
	{ LEDGER_RESULT, "非本机关", "r_unable_1", false },
	{ LEDGER_RESULT, "不属于本机关", "r_unable_1", false },
	{ LEDGER_RESULT, "另行制作", "r_unable_2", false },
	{ LEDGER_RESULT, "没有现成信息", "r_unable_2", false },
	{ LEDGER_RESULT, "仍不明确", "r_unable_3", false },
	{ LEDGER_RESULT, "信访", "r_noproc_1", false },
	{ LEDGER_RESULT, "举报", "r_noproc_1", false },
	{ LEDGER_RESULT, "投诉", "r_noproc_1", false },
	{ LEDGER_RESULT, "重复申请", "r_noproc_2", false },
	{ LEDGER_RESULT, "出版物", "r_noproc_3", false },
	{ LEDGER_RESULT, "大量反复", "r_noproc_4", false },
	{ LEDGER_RESULT, "重新出具", "r_noproc_5", false },
	{ LEDGER_RESULT, "确认或重新出具", "r_noproc_5", false },
	{ LEDGER_RESULT, "不补正", "r_other_1", false },
	{ LEDGER_RESULT, "未补正", "r_other_1", false },
	{ LEDGER_RESULT, "未缴纳", "r_other_2", false },
	{ LEDGER_RESULT, "未缴费", "r_other_2", false },
	{ LEDGER_RESULT, "未按收费通知", "r_other_2", false },
	{ LEDGER_RESULT, "撤回", "r_other_3", false },
	{ LEDGER_RESULT, "其他", "r_other_3", true },
	{ LEDGER_RESULT, "3.其他", "r_other_3", true },
	{ LEDGER_RESULT, "办理中", "pending", false },
	{ LEDGER_RESULT, "正在办理", "pending", false },
	{ LEDGER_RESULT, "未办结", "pending", false },
	{ LEDGER_RESULT, "未答复", "pending", false },
	{ LEDGER_RESULT, "尚未答复", "pending", false },
	{ LEDGER_RESULT, "待答复", "pending", false },
	{ LEDGER_RESULT, "在办", "pending", true },
	{ LEDGER_RESULT, "作废", "skip", false },
	{ LEDGER_RESULT, "合计", "skip", true },
	{ LEDGER_RESULT, "小计", "skip", true },
};
#define NWORDS	(sizeof words / sizeof words[0])

/* Group words: the value names an outcome group. */
static const struct {
	const char	*w;
	char		 group;
} groups[] = {
	{ "部分公开", 'p' },
	{ "不予公开", 'd' }, { "不公开", 'd' }, { "拒绝公开", 'd' },
	{ "无法提供", 'u' }, { "不能提供", 'u' },
	{ "不予处理", 'n' },
	{ "其他处理", 'x' },
};

static const struct target *
target_by_id(enum ledger_field f, const char *id)
{
	size_t	i;

	for (i = 0; i < NTARGETS; i++)
		if (targets[i].field == f && strcmp(targets[i].id, id) == 0)
			return (&targets[i]);
	return (NULL);
}

const char *
ledger_map_label(const char *id)
{
	size_t	i;

	for (i = 0; i < NTARGETS; i++)
		if (strcmp(targets[i].id, id) == 0)
			return (targets[i].label);
	return (NULL);
}

size_t
ledger_map_targets(enum ledger_field f, const char **ids, size_t max)
{
	size_t	i, n = 0;

	for (i = 0; i < NTARGETS; i++) {
		if (targets[i].field != f)
			continue;
		if (n < max)
			ids[n] = targets[i].id;
		n++;
	}
	return (n);
}

const char *
ledger_map_field_id(enum ledger_field f)
{
	static const char *const ids[LEDGER_NFIELDS] = { "received",
	    "applicant", "result", "answered" };

	return ((unsigned)f < LEDGER_NFIELDS ? ids[f] : "?");
}

/* The group a result key names, 0 when none (or two). */
static char
key_group(const char *key)
{
	size_t	i;
	char	g = 0;

	for (i = 0; i < sizeof groups / sizeof groups[0]; i++) {
		if (strstr(key, groups[i].w) == NULL)
			continue;
		if (groups[i].group == 'p')
			return ('p');
		if (g != 0 && g != groups[i].group)
			return ('?');
		g = groups[i].group;
	}
	return (g);
}

/* The guess for a key (see the opening comment). */
static const char *
guess_key(enum ledger_field f, const char *key)
{
	const struct target	*t;
	const char		*best = NULL;
	size_t			 i, len, bestlen = 0;
	bool			 tie = false;
	char			 g = f == LEDGER_RESULT ? key_group(key) : 0;

	if (g == 'p')
		return ("r_partial");
	for (i = 0; i < NWORDS; i++) {
		if (words[i].field != f || (words[i].exact ?
		    strcmp(key, words[i].w) != 0 :
		    strstr(key, words[i].w) == NULL))
			continue;
		t = target_by_id(f, words[i].target);
		if (g != 0 && t != NULL && t->group != g)
			continue;
		len = labelnorm_length(words[i].w);
		if (len > bestlen) {
			best = words[i].target;
			bestlen = len;
			tie = false;
		} else if (len == bestlen && strcmp(best, words[i].target) != 0)
			tie = true;
	}
	return (tie ? NULL : best);
}

/* "法人或其他组织" names the group of columns, not one: cut it out. */
static void
cut_group_words(char *key)
{
	static const char *const cuts[] = { "法人或者其他组织",
	    "法人或其他组织", NULL };
	char	*p;
	int	 i;

	static const char	 punct[] = "-_/,.:;()[]";
	size_t			 n;

	for (i = 0; cuts[i] != NULL; i++)
		while ((p = strstr(key, cuts[i])) != NULL)
			memmove(p, p + strlen(cuts[i]),
			    strlen(p + strlen(cuts[i])) + 1);
	/* What separated it from the rest: "-其他", "(商业企业)". */
	n = strspn(key, punct);
	memmove(key, key + n, strlen(key + n) + 1);
	n = strlen(key);
	while (n > 0 && strchr(punct, key[n - 1]) != NULL)
		key[--n] = '\0';
}

const char *
ledger_map_guess(enum ledger_field f, const char *text)
{
	const char	*t;
	char		*key = labelnorm_key(text);

	if (f == LEDGER_APPLICANT)
		cut_group_words(key);
	t = *key != '\0' ? guess_key(f, key) : NULL;
	free(key);
	return (t);
}

/* The target whose label (or id) is exactly key, or NULL. */
static const char *
exact_label(enum ledger_field f, const char *key)
{
	const char	*slash, *hit = NULL, *bare, *lbare;
	char		*k2, style;
	size_t		 i;

	/* "（一）予以公开" and "1.本机关…" match without their numbers. */
	labelnorm_number(key, &bare, &style);
	for (i = 0; i < NTARGETS && hit == NULL && *bare != '\0'; i++) {
		if (targets[i].field != f || targets[i].label == NULL)
			continue;
		slash = strchr(targets[i].label, '/');
		k2 = labelnorm_key(slash ? slash + 1 : targets[i].label);
		labelnorm_number(k2, &lbare, &style);
		if (strcmp(lbare, bare) == 0)
			hit = targets[i].id;
		free(k2);
	}
	return (hit);
}

const char *
ledger_map_target(enum ledger_field f, const char *s)
{
	const struct target	*t;
	const char		*hit;
	char			*key;

	if ((t = target_by_id(f, s)) != NULL)
		return (t->id);
	key = labelnorm_key(s);
	hit = exact_label(f, key);
	free(key);
	return (hit != NULL ? hit : ledger_map_guess(f, s));
}

void
ledger_map_init(struct ledger_map *m)
{
	memset(m, 0, sizeof *m);
}

static void
value_rows_free(struct ledger_value *v)
{
	size_t	i;

	for (i = 0; i < v->nrows; i++)
		free(v->rows[i]);
	free(v->rows);
	v->rows = NULL;
	v->nrows = v->caprows = 0;
	v->needed = false;
}

void
ledger_map_done(struct ledger_map *m)
{
	size_t	i;

	for (i = 0; i < LEDGER_NFIELDS; i++)
		free(m->columns[i]);
	for (i = 0; i < m->n; i++) {
		free(m->v[i].text);
		free(m->v[i].key);
		value_rows_free(&m->v[i]);
	}
	free(m->v);
	memset(m, 0, sizeof *m);
}

size_t
ledger_map_unmapped(struct ledger_map *m, struct ledger_value **out,
    size_t max)
{
	size_t	i, n = 0;

	for (i = 0; i < m->n; i++) {
		if (!m->v[i].needed || m->v[i].target != NULL)
			continue;
		if (n < max)
			out[n] = &m->v[i];
		n++;
	}
	return (n);
}

void
ledger_map_clear_rows(struct ledger_map *m)
{
	size_t	i;

	for (i = 0; i < m->n; i++)
		value_rows_free(&m->v[i]);
}

static struct ledger_value *
find_key(const struct ledger_map *m, enum ledger_field f, const char *key)
{
	size_t	i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].field == f && strcmp(m->v[i].key, key) == 0)
			return (&m->v[i]);
	return (NULL);
}

struct ledger_value *
ledger_map_find(const struct ledger_map *m, enum ledger_field f,
    const char *text)
{
	struct ledger_value	*v;
	char			*key = labelnorm_key(text);

	v = find_key(m, f, key);
	free(key);
	return (v);
}

/* A new entry for text (key already computed; taken). */
static struct ledger_value *
add(struct ledger_map *m, enum ledger_field f, const char *text, char *key)
{
	struct ledger_value	*v = VEC_PUSH(m->v, m->n, m->cap);

	v->field = f;
	v->text = xstrdup(text);
	v->key = key;
	return (v);
}

struct ledger_value *
ledger_map_value(struct ledger_map *m, enum ledger_field f, const char *text)
{
	struct ledger_value	*v;
	char			*key = labelnorm_key(text);

	if ((v = find_key(m, f, key)) != NULL) {
		free(key);
		return (v);
	}
	v = add(m, f, text, key);
	if ((v->target = exact_label(f, key)) != NULL)
		v->how = LEDGER_HOW_LABEL;
	else if ((v->target = ledger_map_guess(f, text)) != NULL)
		v->how = LEDGER_HOW_GUESS;
	m->dirty = true;
	return (v);
}

bool
ledger_map_set(struct ledger_map *m, enum ledger_field f, const char *text,
    const char *target)
{
	struct ledger_value	*v;
	const char		*t = NULL;

	if (target != NULL && (t = ledger_map_target(f, target)) == NULL)
		return (false);
	v = ledger_map_value(m, f, text);
	v->target = t;
	v->how = t != NULL ? LEDGER_HOW_MAP : LEDGER_HOW_NONE;
	m->dirty = true;
	return (true);
}

char *
ledger_map_path(const char *reg)
{
	const char	*slash = strrchr(reg, '/');
	const char	*dot = strrchr(reg, '.');

	if (dot == NULL || (slash != NULL && dot < slash) ||
	    dot == (slash ? slash + 1 : reg))
		return (xasprintf("%s.map.yaml", reg));
	return (xasprintf("%.*s.map.yaml", (int)(dot - reg), reg));
}

/* ---- the map file ---- */

static void
dump_value(struct sbuf *b, const struct ledger_value *v)
{
	const char	*label;
	size_t		 i;

	sbuf_adds(b, "  ");
	ytree_emit_scalar(b, v->text);
	if (v->target == NULL) {
		sbuf_adds(b, ": ~");
		for (i = 0; i < v->nrows && i < 20; i++)
			sbuf_addf(b, "%s%s", i ? ", " : "    # ", v->rows[i]);
		if (v->nrows > 20)
			sbuf_adds(b, ", …");
	} else {
		sbuf_addf(b, ": %s", v->target);
		if ((label = ledger_map_label(v->target)) != NULL)
			sbuf_addf(b, "    # %s", label);
	}
	sbuf_addc(b, '\n');
}

char *
ledger_map_dump(const struct ledger_map *m, const char *header)
{
	static const enum ledger_field vf[] = { LEDGER_APPLICANT,
	    LEDGER_RESULT };
	struct sbuf	 b;
	const char	*p, *nl;
	size_t		 i, k;
	bool		 any;

	sbuf_init(&b);
	for (p = header; p != NULL && *p != '\0'; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		sbuf_addf(&b, "# %.*s\n", (int)(nl ? nl - p : (int)strlen(p)),
		    p);
		if (nl == NULL)
			break;
	}
	sbuf_addf(&b, "nianbao_ledger_map: %d\n", LEDGER_MAP_VERSION);
	for (i = 0, any = false; i < LEDGER_NFIELDS; i++) {
		if (m->columns[i] == NULL)
			continue;
		if (!any)
			sbuf_adds(&b, "columns:\n");
		any = true;
		sbuf_addf(&b, "  %s: ", ledger_map_field_id(i));
		ytree_emit_scalar(&b, m->columns[i]);
		sbuf_addc(&b, '\n');
	}
	for (k = 0; k < 2; k++) {
		for (i = 0, any = false; i < m->n; i++) {
			if (m->v[i].field != vf[k])
				continue;
			if (!any)
				sbuf_addf(&b, "%s:\n", ledger_map_field_id(vf[k]));
			any = true;
			dump_value(&b, &m->v[i]);
		}
	}
	return (sbuf_take(&b));
}

bool
ledger_map_save(const struct ledger_map *m, const char *path,
    const char *header, struct err *err)
{
	char	*text = ledger_map_dump(m, header);
	bool	 ok;

	ok = fsio_write_atomic(path, text, strlen(text), 0644, err);
	free(text);
	return (ok);
}

static bool
merr(struct err *err, const char *path, const struct ytree *at,
    const char *msgid, const char *a0, const char *a1)
{
	err_set(err, path, at->line, at->col, msgid, 2, a0, a1 ? a1 : "");
	return (false);
}

static bool
load_columns(struct ledger_map *m, const struct ytree *map, const char *path,
    struct err *err)
{
	size_t	i, f;

	if (map->kind != YTREE_MAP)
		return (merr(err, path, map, "ledger.map_type", "columns",
		    NULL));
	for (i = 0; i < map->n; i++) {
		for (f = 0; f < LEDGER_NFIELDS; f++)
			if (strcmp(map->keys[i]->str,
			    ledger_map_field_id(f)) == 0)
				break;
		if (f == LEDGER_NFIELDS)
			return (merr(err, path, map->keys[i], "ledger.map_key",
			    map->keys[i]->str, NULL));
		if (map->items[i]->kind != YTREE_SCALAR)
			return (merr(err, path, map->items[i],
			    "ledger.map_type", map->keys[i]->str, NULL));
		free(m->columns[f]);
		m->columns[f] = xstrdup(map->items[i]->str);
	}
	return (true);
}

static bool
is_null(const struct ytree *v)
{
	return (v->plain && (v->len == 0 || strcmp(v->str, "~") == 0 ||
	    strcmp(v->str, "null") == 0));
}

static bool
load_values(struct ledger_map *m, enum ledger_field f,
    const struct ytree *map, const char *path, struct err *err)
{
	struct ledger_value	*v;
	const struct ytree	*val;
	const char		*t;
	size_t			 i;

	if (map->kind != YTREE_MAP)
		return (merr(err, path, map, "ledger.map_type",
		    ledger_map_field_id(f), NULL));
	for (i = 0; i < map->n; i++) {
		val = map->items[i];
		if (val->kind != YTREE_SCALAR)
			return (merr(err, path, val, "ledger.map_type",
			    map->keys[i]->str, NULL));
		t = NULL;
		if (!is_null(val) &&
		    (t = ledger_map_target(f, val->str)) == NULL)
			return (merr(err, path, val, "ledger.map_target",
			    map->keys[i]->str, val->str));
		if ((v = ledger_map_find(m, f, map->keys[i]->str)) == NULL)
			v = add(m, f, map->keys[i]->str,
			    labelnorm_key(map->keys[i]->str));
		v->target = t;
		v->how = t != NULL ? LEDGER_HOW_MAP : LEDGER_HOW_NONE;
	}
	return (true);
}

static bool
load_tree(struct ledger_map *m, const struct ytree *root, const char *path,
    struct err *err)
{
	const struct ytree	*k, *v;
	size_t			 i;
	bool			 ok = true;

	if (root->kind != YTREE_MAP)
		return (merr(err, path, root, "ledger.map_type", "", NULL));
	for (i = 0; ok && i < root->n; i++) {
		k = root->keys[i];
		v = root->items[i];
		if (strcmp(k->str, "nianbao_ledger_map") == 0) {
			if (v->kind != YTREE_SCALAR ||
			    strcmp(v->str, "1") != 0)
				ok = merr(err, path, v, "ledger.map_version",
				    v->kind == YTREE_SCALAR ? v->str : "",
				    NULL);
		} else if (strcmp(k->str, "columns") == 0)
			ok = load_columns(m, v, path, err);
		else if (strcmp(k->str, "applicant") == 0)
			ok = load_values(m, LEDGER_APPLICANT, v, path, err);
		else if (strcmp(k->str, "result") == 0)
			ok = load_values(m, LEDGER_RESULT, v, path, err);
		else
			ok = merr(err, path, k, "ledger.map_key", k->str, NULL);
	}
	return (ok);
}

bool
ledger_map_load(const char *path, struct ledger_map *m, struct err *err)
{
	struct ytree	*root;
	bool		 ok;

	if ((root = ytree_load(path, err)) == NULL)
		return (false);
	ok = load_tree(m, root, path, err);
	ytree_free(root);
	m->dirty = false;
	return (ok);
}

char *
ledger_map_sibling(const char *reg)
{
	const char	*slash = strrchr(reg, '/');
	char		*dir, *own = ledger_map_path(reg), *best = NULL, *p;
	struct dirent	*de;
	struct stat	 st;
	time_t		 newest = 0;
	size_t		 n;
	DIR		*d;

	dir = slash ? xstrndup(reg, (size_t)(slash - reg + 1)) : xstrdup("");
	if ((d = opendir(*dir ? dir : ".")) != NULL) {
		while ((de = readdir(d)) != NULL) {
			n = strlen(de->d_name);
			if (n <= 9 || de->d_name[0] == '.' ||
			    strcmp(de->d_name + n - 9, ".map.yaml") != 0)
				continue;
			p = xasprintf("%s%s", dir, de->d_name);
			if (strcmp(p, own) != 0 && stat(p, &st) == 0 &&
			    S_ISREG(st.st_mode) && (best == NULL ||
			    st.st_mtime > newest)) {
				free(best);
				best = p;
				newest = st.st_mtime;
			} else
				free(p);
		}
		closedir(d);
	}
	free(dir);
	free(own);
	return (best);
}
