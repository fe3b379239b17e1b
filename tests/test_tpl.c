/*
 * Templates: both statutory formats load with the cells and labels of the
 * reference, the provincial variant loads with no C change, and broken
 * templates are each refused with the right file:line and message id.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"

static struct tpl *
load_ok(const char *path)
{
	struct errlist	 errs;
	struct tpl	*t;
	size_t		 i;

	errlist_init(&errs);
	t = tpl_load(path, &errs);
	for (i = 0; i < errs.n; i++)
		cr_log_error("%s:%d:%d: %s %s", errs.v[i].path, errs.v[i].line,
		    errs.v[i].col, errs.v[i].msgid,
		    errs.v[i].nargs ? errs.v[i].args[0] : "");
	cr_assert_not_null(t, "%s did not load", path);
	errlist_done(&errs);
	return (t);
}

static size_t
count_in_section(const struct tpl *t, int sec, bool computed_too)
{
	size_t	i, n = 0;

	for (i = 0; i < t->ncells; i++) {
		const struct tpl_block *b = &t->blocks[t->cells[i].block];
		if (t->tables[b->table].section == sec &&
		    (computed_too || t->cells[i].formula < 0))
			n++;
	}
	return (n);
}

Test(tpl, gb2021_counts)
{
	struct tpl *t = load_ok(NB_SOURCE_DIR "/templates/gb2021.yaml");

	cr_assert_str_eq(t->id, "gb2021");
	cr_assert_eq(t->year_from, 2021);
	/* 一 … 六, then the 前言 (listed first in the file). */
	cr_assert_eq(t->nsections, 7);
	cr_assert_eq(tpl_numbered(t), 6);
	cr_assert_eq(t->preface, 6);
	cr_assert(t->sections[6].preface);
	cr_assert_str_eq(t->sections[6].id, "preface");
	cr_assert_eq(tpl_printed(t, 0), 6);
	cr_assert_eq(tpl_printed(t, 1), 0);
	cr_assert_eq(tpl_section_index(t, "7"), -1);
	cr_assert_eq(t->ncells, 200);
	cr_assert_eq(count_in_section(t, 1, true), 10);
	cr_assert_eq(count_in_section(t, 2, true), 175);
	cr_assert_eq(count_in_section(t, 3, true), 15);
	cr_assert_str_eq(t->sections[0].number, "一");
	cr_assert_str_eq(t->sections[3].title.s[LANG_ZH],
	    "政府信息公开行政复议、行政诉讼情况");
	tpl_free(t);
}

Test(tpl, gb2019_counts)
{
	struct tpl *t = load_ok(NB_SOURCE_DIR "/templates/gb2019.yaml");

	cr_assert_eq(t->year_from, 2019);
	cr_assert_eq(t->year_to, 2020);
	cr_assert_eq(t->ncells, 198);
	cr_assert_eq(count_in_section(t, 1, true), 22);
	cr_assert_eq(count_in_section(t, 2, true), 161);
	cr_assert_eq(count_in_section(t, 3, true), 15);
	tpl_free(t);
}

/* The label paths of the reference, in both formats. */
Test(tpl, labels_verbatim)
{
	struct tpl	*t = load_ok(NB_SOURCE_DIR "/templates/gb2021.yaml");
	int		 c;

	c = tpl_cell_index(t, "t3.r_deny_3.commercial");
	cr_assert_geq(c, 0);
	cr_assert_str_eq(t->cells[c].row_path[LANG_ZH],
	    "三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”");
	cr_assert_str_eq(t->cells[c].col_path[LANG_ZH],
	    "申请人情况/法人或其他组织/商业企业");
	c = tpl_cell_index(t, "t4.n.after_upheld");
	cr_assert_geq(c, 0);
	cr_assert_str_eq(t->cells[c].col_path[LANG_ZH],
	    "行政诉讼/复议后起诉/结果维持");
	cr_assert_str_eq(t->cells[c].row_path[LANG_ZH], "");
	c = tpl_cell_index(t, "t3.r_total.total");
	cr_assert(tpl_cell_computed(t, c));
	cr_assert_str_eq(t->cells[c].row_path[LANG_ZH],
	    "三、本年度办理结果/（七）总计");
	cr_assert_str_eq(t->blocks[t->cells[c].block].corner.s[LANG_ZH],
	    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	tpl_free(t);
	t = load_ok(NB_SOURCE_DIR "/templates/gb2019.yaml");
	cr_assert_lt(tpl_cell_index(t, "t3.r_other_1.natural"), 0);
	c = tpl_cell_index(t, "t3.r_other.natural");
	cr_assert_geq(c, 0);
	cr_assert_str_eq(t->cells[c].row_path[LANG_ZH],
	    "三、本年度办理结果/（六）其他处理");
	tpl_free(t);
}

Test(tpl, find_cells_by_label)
{
	struct tpl	*t = load_ok(NB_SOURCE_DIR "/templates/gb2021.yaml");
	int		 out[8];

	cr_assert_eq(tpl_find_cells(t, "本年新收/自然人", out, 8), 1);
	cr_assert_str_eq(t->cells[out[0]].id, "t3.new.natural");
	cr_assert_eq(tpl_find_cells(t, "行政处罚", out, 8), 1);
	cr_assert_str_eq(t->cells[out[0]].id, "t2_6.punishment.decisions");
	cr_assert_gt(tpl_find_cells(t, "自然人", out, 8), 1);
	cr_assert_eq(tpl_find_cells(t, "t4.n.review_total", out, 8), 1);
	cr_assert_eq(tpl_find_cells(t, "没有这个", out, 8), 0);
	tpl_free(t);
}

Test(tpl, year_choice_and_variant)
{
	struct errlist	 errs;
	struct tpl	*v, *all[3];

	all[0] = load_ok(NB_SOURCE_DIR "/templates/gb2019.yaml");
	all[1] = load_ok(NB_SOURCE_DIR "/templates/gb2021.yaml");
	v = all[2] = load_ok(NB_SOURCE_DIR "/tests/data/tpl/variant_extra_row.yaml");
	cr_assert_str_eq(tpl_for_year(all, 3, 2020)->id, "gb2019");
	cr_assert_str_eq(tpl_for_year(all, 3, 2024)->id, "gb2021");
	cr_assert_null(tpl_for_year(all, 3, 2018));
	/* The variant: one more row of 7 cells, and its total still sums. */
	cr_assert_eq(v->ncells, 207);
	cr_assert_geq(tpl_cell_index(v, "t3.r_other_4.natural"), 0);
	errlist_init(&errs);
	errlist_done(&errs);
	for (int i = 0; i < 3; i++)
		tpl_free(all[i]);
}

/* A small valid template that the broken cases below damage. */
static const char *mini =
"format: 1\n"				/* 1 */
"id: mini\n"				/* 2 */
"name: {zh: 小, en: Mini}\n"		/* 3 */
"basis: {zh: 无, en: none}\n"		/* 4 */
"years: {from: 2021}\n"			/* 5 */
"title: {zh: \"{organ}{year}\", en: \"{organ} {year}\"}\n"	/* 6 */
"sections:\n"				/* 7 */
"  - id: s1\n"				/* 8 */
"    number: 一\n"			/* 9 */
"    title: {zh: 表, en: Table}\n"	/* 10 */
"    kind: tables\n"			/* 11 */
"    guidance: {zh: 说明, en: help}\n"	/* 12 */
"    tables:\n"				/* 13 */
"      - id: t1\n"			/* 14 */
"        blocks:\n"			/* 15 */
"          - id: b\n"			/* 16 */
"            columns:\n"		/* 17 */
"              - {id: x, label: {zh: 甲, en: X}}\n"	/* 18 */
"              - {id: sum, label: {zh: 合计, en: Sum}}\n"	/* 19 */
"            rows:\n"			/* 20 */
"              - {id: r, label: {zh: 行, en: Row}}\n"	/* 21 */
"formulas:\n"				/* 22 */
"  - cell: b.r.sum\n"			/* 23 */
"    expr: \"b.r.x\"\n"			/* 24 */
"rules:\n"				/* 25 */
"  - id: R1\n"				/* 26 */
"    severity: error\n"			/* 27 */
"    check: \"b.r.x <= 10\"\n"		/* 28 */
"    message: {zh: 太大, en: too big}\n";	/* 29 */

/* Writes mini with `from` replaced by `to`, loads it, expects one error. */
static void
broken(const char *from, const char *to, int line, const char *msgid)
{
	char		*dir = tu_tmpdir(), *path = tu_path(dir, "bad.yaml");
	const char	*hit = strstr(mini, from);
	struct errlist	 errs;
	struct tpl	*t;
	char		*text;
	size_t		 i;
	bool		 found = false;

	cr_assert_not_null(hit, "fixture lacks %s", from);
	text = xasprintf("%.*s%s%s", (int)(hit - mini), mini, to,
	    hit + strlen(from));
	tu_write(path, text);
	errlist_init(&errs);
	t = tpl_load(path, &errs);
	cr_assert_null(t, "broken template (%s) was accepted", msgid);
	for (i = 0; i < errs.n; i++) {
		cr_assert_str_eq(errs.v[i].path, path);
		if (strcmp(errs.v[i].msgid, msgid) == 0 &&
		    (line == 0 || errs.v[i].line == line))
			found = true;
	}
	if (!found)
		for (i = 0; i < errs.n; i++)
			cr_log_error("got %d:%d %s", errs.v[i].line,
			    errs.v[i].col, errs.v[i].msgid);
	cr_assert(found, "expected %s at line %d", msgid, line);
	errlist_done(&errs);
	free(text);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

Test(tpl, mini_loads)
{
	char		*dir = tu_tmpdir(), *path = tu_path(dir, "ok.yaml");
	struct tpl	*t;

	tu_write(path, mini);
	t = load_ok(path);
	cr_assert_eq(t->ncells, 2);
	cr_assert(tpl_cell_computed(t, 1));
	tpl_free(t);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

Test(tpl, broken_unknown_key)
{
	broken("    kind: tables\n", "    kind: tables\n    colour: red\n", 12,
	    "tpl.unknown_key");
}

Test(tpl, broken_missing_english)
{
	broken("{zh: 甲, en: X}", "{zh: 甲}", 18, "tpl.label_lang");
}

Test(tpl, broken_duplicate_id)
{
	broken("{id: sum, label", "{id: x, label", 0, "tpl.dup_id");
}

Test(tpl, broken_formula_unknown_cell)
{
	broken("expr: \"b.r.x\"", "expr: \"b.r.nope\"", 23, "tpl.bad_expr");
}

Test(tpl, broken_formula_cycle)
{
	broken("  - cell: b.r.sum\n    expr: \"b.r.x\"\n",
	    "  - cell: b.r.sum\n    expr: \"b.r.x\"\n"
	    "  - cell: b.r.x\n    expr: \"b.r.sum\"\n", 23, "tpl.cycle");
}

Test(tpl, broken_future_version)
{
	broken("format: 1\n", "format: 9\n", 1, "tpl.version");
}

Test(tpl, broken_bad_type)
{
	broken("{id: x, label: {zh: 甲, en: X}}",
	    "{id: x, type: float, label: {zh: 甲, en: X}}", 18,
	    "tpl.bad_type");
}

Test(tpl, broken_rule_syntax)
{
	broken("\"b.r.x <= 10\"", "\"b.r.x <\"", 28, "tpl.bad_expr");
}

Test(tpl, broken_duplicate_key_is_yaml_error)
{
	broken("id: mini\n", "id: mini\nid: other\n", 3, "yaml.dupkey");
}

Test(tpl, broken_missing_section_key)
{
	broken("    guidance: {zh: 说明, en: help}\n", "", 8, "tpl.missing_key");
}

/* A rule's message is a label like any other: {zh, en} and nothing else.
 * (Until the one key check in ytree, a rule's message was not checked.) */
Test(tpl, broken_unknown_key_in_rule_message)
{
	broken("message: {zh: 太大, en: too big}",
	    "message: {zh: 太大, en: too big, fr: trop grand}", 29,
	    "tpl.unknown_key");
}

/* A rule takes the keys of its own kind only: `max` is text_max's. */
Test(tpl, broken_key_of_another_kind)
{
	broken("    check: \"b.r.x <= 10\"\n",
	    "    check: \"b.r.x <= 10\"\n    max: 3\n", 29, "tpl.unknown_key");
}

/* A kind the table does not have. */
Test(tpl, broken_unknown_rule_kind)
{
	broken("    check: \"b.r.x <= 10\"\n", "    kind: text_minimum\n", 28,
	    "tpl.bad_kind");
}

/*
 * Every refusal of the loader, each with where it points: the fixture
 * damaged one way at a time.
 */
Test(tpl, broken_each_way)
{
	static const struct {
		const char	*from, *to;
		int		 line;
		const char	*msgid;
	} cases[] = {
		/* the head and the structure */
		{ "format: 1\n", "format: x\n", 1, "tpl.not_int" },
		{ "id: mini\n", "id: mi-ni\n", 2, "tpl.bad_id" },
		{ "years: {from: 2021}", "years: 2021", 5, "tpl.type" },
		{ "kind: tables", "kind: chart", 11, "tpl.bad_kind" },
		{ "kind: tables", "kind: narrative", 14,
		    "tpl.tables_in_narrative" },
		{ "            columns:\n"
		    "              - {id: x, label: {zh: 甲, en: X}}\n"
		    "              - {id: sum, label: {zh: 合计, en: Sum}}\n",
		    "            columns: []\n", 17, "tpl.empty_list" },
		{ "          - id: b\n", "          - title: {zh: 题, en: T}\n",
		    16, "tpl.missing_key" },
		{ "{id: x, label:", "{id: x, type: count, decimals: 2, label:",
		    18, "tpl.bad_decimals" },
		{ "              - {id: r, label: {zh: 行, en: Row}}",
		    "              - {id: g, label: {zh: 组, en: G}, children: "
		    "[{id: r, label: {zh: 行, en: Row}}]}", 21,
		    "tpl.group_id" },
		{ "              - {id: r, label: {zh: 行, en: Row}}",
		    "              - {label: {zh: 组, en: G}, children: []}", 21,
		    "tpl.empty_list" },
		/* expressions */
		{ "expr: \"b.r.x\"", "expr: \"b.r\"", 23, "tpl.bad_expr" },
		{ "expr: \"b.r.x\"", "expr: \"c.r.x\"", 23, "tpl.bad_expr" },
		{ "expr: \"b.r.x\"", "expr: \"b.q.x\"", 23, "tpl.bad_expr" },
		{ "expr: \"b.r.x\"", "expr: \"avg(b.r.x)\"", 23,
		    "tpl.bad_expr" },
		{ "expr: \"b.r.x\"", "expr: \"12a\"", 23, "tpl.bad_expr" },
		{ "expr: \"b.r.x\"", "expr: \"prev(b.r.x)\"", 23,
		    "tpl.bad_expr" },
		{ "cell: b.r.sum", "cell: b.r.x:sum", 23, "tpl.bad_expr" },
		{ "    expr: \"b.r.x\"\n", "", 23, "tpl.missing_key" },
		{ "    expr: \"b.r.x\"\n", "    expr: \"b.r.x\"\n"
		    "  - cell: b.r.sum\n    expr: \"0\"\n", 25,
		    "tpl.dup_formula" },
		{ "{id: x, label:", "{id: x, type: money, label:", 23,
		    "tpl.type_mismatch" },
		{ "\"b.r.x <= 10\"", "\"b.r.x <= - - 1\"", 28, "tpl.bad_expr" },
		{ "\"b.r.x <= 10\"", "\"b.r.x <= 10 )\"", 28, "tpl.bad_expr" },
		{ "\"b.r.x <= 10\"", "\"b.r.x <= \"", 28, "tpl.bad_expr" },
		{ "\"b.r.x <= 10\"", "\"b.r.x + 1\"", 28, "tpl.bad_expr" },
		/* iterations */
		{ "\"b.r.x <= 10\"", "\"b.{row}.x <= 10\"\n    for_rows: [q]",
		    29, "tpl.bad_iter" },
		{ "\"b.r.x <= 10\"", "\"b.{row}.x <= 10\"\n    for_rows: r",
		    29, "tpl.bad_iter" },
		{ "\"b.r.x <= 10\"", "\"b.r.x <= 10\"\n    for_rows: \"*\"", 26,
		    "tpl.iter_block" },
		{ "\"b.r.x <= 10\"", "\"b.r.{col} <= 10\"\n    for_cols: \"*\"\n"
		    "    except: [q]", 30, "tpl.bad_iter" },
		/* rules */
		{ "  - id: R1\n    severity", "  - severity", 26,
		    "tpl.missing_key" },
		{ "severity: error", "severity: fatal", 27, "tpl.bad_severity" },
		{ "    message: {zh: 太大, en: too big}\n",
		    "    message: {zh: 太大, en: too big}\n  - id: R1\n"
		    "    severity: error\n    check: \"b.r.x >= 0\"\n"
		    "    message: {zh: 太小, en: too small}\n", 30, "tpl.dup_id" },
		{ "    check: \"b.r.x <= 10\"\n", "    kind: text_requires\n"
		    "    section: s9\n    pattern: \"费\"\n", 29,
		    "tpl.unknown_section" },
		{ "    check: \"b.r.x <= 10\"\n", "    kind: text_requires\n",
		    26, "tpl.missing_key" },
		{ "    check: \"b.r.x <= 10\"\n", "    kind: text_requires\n"
		    "    section: s1\n    pattern: \"(\"\n", 30, "tpl.bad_regex" },
		{ "    check: \"b.r.x <= 10\"\n", "    kind: text_max\n"
		    "    section: s1\n    max: 0\n", 30, "tpl.not_int" },
		{ "    check: \"b.r.x <= 10\"\n", "    kind: text_prev_similar\n"
		    "    section: s1\n    min: 101\n", 30, "tpl.not_percent" },
		{ "    check: \"b.r.x <= 10\"\n", "    kind: blank\n"
		    "    cells: \"b.*\"\n", 29, "tpl.no_cells" },
		{ "    check: \"b.r.x <= 10\"\n", "    kind: blank\n", 26,
		    "tpl.missing_key" },
		{ "    check: \"b.r.x <= 10\"\n", "    kind: text_number\n"
		    "    section: \"*\"\n    pattern: \"(1)\"\n", 26,
		    "tpl.missing_key" },
	};
	size_t	i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		broken(cases[i].from, cases[i].to, cases[i].line,
		    cases[i].msgid);
}

/* Patterns of cell ids for blank rules, and a row's own type. */
Test(tpl, mini_variants_load)
{
	static const struct {
		const char *from, *to;
	} ok[] = {
		{ "    check: \"b.r.x <= 10\"\n", "    kind: blank\n"
		    "    cells: \"b.*.x\"\n" },
		{ "{id: r, label:", "{id: r, type: signed, label:" },
	};
	char		*dir = tu_tmpdir(), *path = tu_path(dir, "ok.yaml");
	const char	*hit;
	char		*text;
	struct tpl	*t;
	size_t		 i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		hit = strstr(mini, ok[i].from);
		cr_assert_not_null(hit);
		text = xasprintf("%.*s%s%s", (int)(hit - mini), mini, ok[i].to,
		    hit + strlen(ok[i].from));
		tu_write(path, text);
		t = load_ok(path);
		if (i == 0) {
			cr_assert_eq(t->ninsts, 1);
			cr_assert_eq(t->insts[0].cells[0],
			    tpl_cell_index(t, "b.r.x"));
		} else
			cr_assert_eq(t->cells[0].type.kind, NUM_SIGNED);
		tpl_free(t);
		free(text);
	}
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

Test(tpl, no_template_folder)
{
	struct errlist	 errs;
	struct tpl	**all;

	errlist_init(&errs);
	cr_assert_eq(tpl_load_dir("/nonexistent/templates", &all, &errs), 0);
	cr_assert_eq(errs.n, 1);
	cr_assert_str_eq(errs.v[0].msgid, "tpl.no_dir");
	free(all);
	errlist_done(&errs);
}

/* The 前言: at most one; its own keys only (no number, no tables); its
 * wording required. */
Test(tpl, broken_preface)
{
	static const char pre[] = "  - {id: p%d, kind: preface, title: "
	    "{zh: 前言, en: P}, guidance: {zh: 说明, en: help}%s}\n";
	char	*one = xasprintf(pre, 1, ", wording: {zh: 文, en: T}");
	char	*a = xasprintf(pre, 2, ", wording: {zh: 文, en: T}");
	char	*two = xasprintf("sections:\n%s%s", one, a);

	broken("sections:\n", two, 9, "tpl.two_prefaces");
	free(two);
	free(a);
	a = xasprintf(pre, 1, ", wording: {zh: 文, en: T}, number: 零");
	two = xasprintf("sections:\n%s", a);
	broken("sections:\n", two, 8, "tpl.unknown_key");
	free(two);
	free(a);
	a = xasprintf(pre, 1, "");
	two = xasprintf("sections:\n%s", a);
	broken("sections:\n", two, 8, "tpl.missing_key");
	free(two);
	free(a);
	free(one);
}
