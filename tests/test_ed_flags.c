/*
 * The flags pane on the keyless driver (edutil.h): issue 11's "the flags
 * list shows each message whole, wrapped" and "Enter on a flag that
 * quotes a sentence goes to that sentence in the text editor, with it
 * selected"; issue 13's answering a warning and accepting the computed
 * totals from the editor (a and t in the pane, Enter on the total).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "answer.h"
#include "ed_app.h"
#include "ed_flags.h"
#include "ed_form.h"
#include "ed_list.h"
#include "ed_text.h"
#include "ed_textedit.h"
#include "edfix.h"
#include "edutil.h"
#include "err.h"
#include "report.h"
#include "store.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

TestSuite(ed_flags, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 60);

/* A sentence of 一 that R6a compares with 本年新收 (0 in the fixture). */
#define SAID	"本年度共收到政府信息公开申请12件。"

static char *
said_report(void)
{
	return (edfix_report(NULL, "r.yaml", (const char *const[]){
	    "s1=" "本机关依法主动公开政府信息，工作考核、社会评议和责任追究"
	    "结果已公开。" SAID "全部按时答复。", NULL }));
}

/* The index, in the pane's order, of the first flag whose rule is id;
 * fails the test when there is none. */
static size_t
flag_row(const char *id, struct report_flag *out)
{
	struct tui_app		*a = eu_app(eu_g);
	const struct tpl	*t = report_tpl(a->rep);
	struct report_flag	*fl;
	size_t			 n, i;

	fl = ed_flags_list(a, &n);
	for (i = 0; i < n; i++)
		if (strcmp(t->rules[fl[i].rule].id, id) == 0)
			break;
	cr_assert(i < n, "no %s flag among %zu", id, n);
	*out = fl[i];
	free(fl);
	return (i);
}

/* Opens the pane (F3) and selects the first flag of rule id. */
static struct report_flag
select_flag(const char *id)
{
	struct report_flag	f;
	size_t			i, row;

	eu_key(eu_g, EU_F(3));
	eu_key(eu_g, KM_KEY(KEY_HOME));
	row = flag_row(id, &f);
	for (i = 0; i < row; i++)
		eu_key(eu_g, KM_KEY(KEY_DOWN));
	return (f);
}

/* s without blanks (the screen pads and indents). */
static char *
squeeze(const char *s)
{
	char	*o = xmalloc(strlen(s) + 1), *p = o;

	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\n')
			*p++ = *s;
	*p = '\0';
	return (o);
}

/* The pane's rows, from its first list row down, run together. */
static char *
pane_text(int rows, int cols)
{
	char	*all = xstrdup(""), *row, *t;
	int	 r, x = eu_app(eu_g)->g.pane_x;

	for (r = 1; r < rows - 3; r++) {
		row = eu_cells(eu_g, r, x, cols);
		t = xasprintf("%s%s", all, row);
		free(all);
		free(row);
		all = t;
	}
	t = squeeze(all);
	free(all);
	return (t);
}

/* Issue 11: at 80×24 and wider the pane shows the message whole, on as
 * many lines as it needs, with no "…"; the text comes before the table
 * (R6a: “正文说……，而表格中……”). */
static void
whole_at(int rows, int cols)
{
	struct report_flag	 f;
	char			*msg, *want, *got;

	eu_g = eu_open(said_report(), rows, cols);
	f = select_flag("R6a");
	msg = report_flag_message(eu_report(eu_g), &f, LANG_ZH);
	cr_assert(strlen(msg) > (size_t)cols, "the message fits one row: %s",
	    msg);
	cr_expect(strstr(msg, "正文说") < strstr(msg, "表格"),
	    "the table before the text: %s", msg);
	want = squeeze(msg);
	got = pane_text(rows, cols);
	EU_EXPECT(strstr(got, want) != NULL, "at %dx%d the pane does not hold "
	    "\"%s\" whole", cols, rows, msg);
	EU_EXPECT(strstr(got, "…") == NULL, "at %dx%d a message is cut",
	    cols, rows);
	free(msg);
	free(want);
	free(got);
	eu_free(eu_g);
	eu_g = NULL;
}

Test(ed_flags, messages_whole_and_wrapped)
{
	whole_at(24, 80);
	whole_at(30, 100);
	whole_at(24, 132);
}

/* A wrapped message is one item: Down from it goes to the next flag,
 * not to its second line. */
Test(ed_flags, wrapped_item_moves_as_one)
{
	struct report_flag	f;
	size_t			row;

	eu_g = eu_open(said_report(), 24, 80);
	f = select_flag("R6a");
	row = flag_row("R6a", &f);
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	EU_EXPECT(ed_list_sel(eu_app(eu_g), &ed_flags_pane) ==
	    row + (row + 1 < report_nflags(eu_report(eu_g))),
	    "Down moved within the item");
}

/* Issue 11: Enter on a flag that quotes a sentence goes to that sentence
 * in the text, selected. */
Test(ed_flags, enter_selects_the_sentence)
{
	struct ed_textedit	*te;
	size_t			 a, b;
	const char		*text;

	eu_g = eu_open(said_report(), 24, 80);
	eu_go_to(eu_g, "t3.new.natural");
	select_flag("R6a");
	eu_key(eu_g, EU_ENTER);
	EU_EXPECT(eu_app(eu_g)->sec == 0, "Enter went to section %d",
	    eu_app(eu_g)->sec + 1);
	te = ed_text_widget(eu_app(eu_g));
	cr_assert(te != NULL, "not in the text");
	cr_assert(ed_textedit_selection(te, &a, &b), "nothing selected");
	text = ed_textedit_text(te);
	cr_expect(b - a == strlen(SAID) && strncmp(text + a, SAID, b - a) ==
	    0, "selected \"%.*s\", not the sentence", (int)(b - a), text + a);
	EU_SEES("本年度共收到");
}

/* Issue 13: a on a warning asks for the reason and answers it; the pane
 * shows it answered; the answer is saved with the report. */
Test(ed_flags, answer_a_warning)
{
	struct report_flag	 f;
	struct report		*r;
	char			*path = said_report();

	eu_g = eu_open(path, 24, 80);
	select_flag("R6a");
	eu_key(eu_g, 'a');
	EU_SEES("答复提醒");
	eu_type(eu_g, "含上年结转，已核对");
	eu_key(eu_g, EU_ENTER);
	flag_row("R6a", &f);
	cr_expect_str_eq(answer_for(eu_report(eu_g), &f) ? answer_for(
	    eu_report(eu_g), &f) : "(none)", "含上年结转，已核对");
	EU_SEES("已答复");
	eu_key(eu_g, EU_CTRL('S'));
	r = edfix_load(path);
	cr_expect(answer_count(r) == 1, "the answer was not saved");
	report_free(r);
}

/* Issue 13: an error cannot be answered, and the pane says so. */
Test(ed_flags, error_not_answered)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ EDFIX_S1, "t3.new.natural=3", NULL });
	struct report_flag	*fl;
	size_t			 n;

	eu_g = eu_open(path, 24, 80);
	eu_key(eu_g, EU_F(3));
	fl = ed_flags_list(eu_app(eu_g), &n);
	cr_assert(n > 0 && fl[0].severity == TPL_ERROR,
	    "the fixture has no error");
	free(fl);
	eu_key(eu_g, KM_KEY(KEY_HOME));
	eu_key(eu_g, 'a');
	EU_SEES("不能答复");
	EU_EXPECT(!eu_contains(eu_g, "的理由"), "a question for an error");
	cr_expect(answer_count(eu_report(eu_g)) == 0, "an error answered");
}

/* A report whose printed 本年新收 总计 (as an import keeps it) is 9 while
 * its parts add up to 0. */
static char *
printed_report(void)
{
	char			*path = edfix_report(NULL, "r.yaml",
				    (const char *const[]){ EDFIX_S1, NULL });
	struct report		*r = edfix_load(path);
	struct report_value	 v = { RV_SET, { 9, 0 } };
	struct err		 e = { 0 };

	report_set_published(r, tpl_cell_index(report_tpl(r),
	    "t3.new.total"), &v);
	cr_assert(store_save(r, path, &e), "not saved");
	report_free(r);
	return (path);
}

static bool
has_published(const struct report *r, const char *id)
{
	struct report_value	v;

	return (report_published(r, tpl_cell_index(report_tpl(r), id), &v) &&
	    v.state == RV_SET);
}

/* Issue 13: t in the pane accepts the computed totals, after asking. */
Test(ed_flags, accept_totals_from_the_pane)
{
	eu_g = eu_open(printed_report(), 24, 80);
	cr_assert(has_published(eu_report(eu_g), "t3.new.total"),
	    "the fixture has no printed total");
	eu_key(eu_g, EU_F(3));
	eu_key(eu_g, 't');
	EU_SEES("个印刷的总计与分项之和不符");
	eu_key(eu_g, EU_ENTER);
	EU_EXPECT(!has_published(eu_report(eu_g), "t3.new.total"),
	    "the printed total is still there");
	cr_expect(answer_naccepted(eu_report(eu_g)) == 1, "not recorded");
	EU_SEES("已接受 1 个");
	eu_key(eu_g, 't');
	EU_SEES("没有与分项之和不符");
}

/* Issue 13: Enter on the disagreeing total itself offers the same; Esc
 * keeps the printed figure. */
Test(ed_flags, accept_totals_on_the_cell)
{
	eu_g = eu_open(printed_report(), 24, 80);
	eu_go_to(eu_g, "t3.new.total");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("个印刷的总计与分项之和不符");
	eu_key(eu_g, 27);
	EU_EXPECT(has_published(eu_report(eu_g), "t3.new.total"),
	    "Esc accepted");
	eu_key(eu_g, EU_ENTER);
	eu_key(eu_g, 'y');
	EU_EXPECT(!has_published(eu_report(eu_g), "t3.new.total"),
	    "Y did not accept");
}

/* Where in msg the text's side is first named, or NULL. */
static const char *
text_side(const char *msg, const char *const *marks)
{
	const char	*best = NULL, *p;

	for (; *marks != NULL; marks++)
		if ((p = strstr(msg, *marks)) != NULL &&
		    (best == NULL || p < best))
			best = p;
	return (best);
}

/* Issue 11: a message comparing the text with the tables shows the
 * difference text first: what the text says, then what the table says
 * (R6g used to open with the table). */
Test(ed_flags, text_before_table_in_every_message)
{
	static const char *const zh[] = { "正文", "“{sentence}”", "没有提到",
	    "没有写明", NULL };
	static const char *const en[] = { "text says", "“{sentence}”",
	    "does not", NULL };
	struct tpl	*T[2];
	const char	*m, *tab, *txt;
	size_t		 k, i, n = 0;

	tu_tpl_pair(T);
	for (k = 0; k < 2; k++)
		for (i = 0; i < T[k]->nrules; i++) {
			if (T[k]->rules[i].pattern == NULL)
				continue;
			m = tpl_label(&T[k]->rules[i].message, LANG_ZH);
			if ((tab = strstr(m, "表格")) != NULL) {
				n++;
				txt = text_side(m, zh);
				cr_expect(txt != NULL && txt < tab, "%s: the "
				    "table first: %s", T[k]->rules[i].id, m);
			}
			m = tpl_label(&T[k]->rules[i].message, LANG_EN);
			if ((tab = strstr(m, "table")) != NULL) {
				txt = text_side(m, en);
				cr_expect(txt != NULL && txt < tab, "%s: the "
				    "table first: %s", T[k]->rules[i].id, m);
			}
		}
	cr_expect(n >= 10, "only %zu messages compare text and table", n);
	tu_tpl_pair_free(T);
}

/* The pane's keys are in help, in the user's language. */
Test(ed_flags, help_names_the_keys)
{
	int	i;

	eu_g = eu_open(said_report(), 30, 100);
	eu_key(eu_g, EU_F(1));
	for (i = 0; i < 20 && !eu_contains(eu_g, "答复所选的提醒"); i++)
		eu_key(eu_g, KM_KEY(KEY_NPAGE));
	EU_SEES("答复所选的提醒");
	for (i = 0; i < 5 && !eu_contains(eu_g, "接受计算的总计："); i++)
		eu_key(eu_g, KM_KEY(KEY_NPAGE));
	EU_SEES("接受计算的总计：");
}
