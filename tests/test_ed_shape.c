/*
 * What adding to the editor takes, shown by doing it here, outside
 * tui/editor: a new dialog is only the code that asks and answers (no
 * registration anywhere), a new list screen is its rows, its definition,
 * its pane and its open action, plus one row in a keymap (in the program,
 * that row goes into ed_keys.c).  Both then behave as the editor's own:
 * the list scrolls with the list keys and closes with Esc, the dialog
 * gives its answer to its function, refuses an empty one with a reason,
 * and frees its argument when it closes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "ed_app.h"
#include "ed_ask.h"
#include "ed_list.h"
#include "ed_msg.h"
#include "edfix.h"
#include "edutil.h"
#include "xmalloc.h"

#define ROWS	30
#define COLS	100

static int		 g_freed;	/* the dialog's argument was freed */

TestSuite(ed_shape, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 60);

/* --- a new list screen: forty numbered rows ------------------------- */

static char *
heading(const struct tui_app *a)
{
	(void)a;
	return (xstrdup("四十行"));
}

static void
rows(const struct tui_app *a, int w, struct ed_list_rows *out)
{
	char	s[32];
	int	i;

	(void)a;
	(void)w;
	for (i = 1; i <= 40; i++) {
		snprintf(s, sizeof s, "第%d行", i);
		ed_list_add(out, 2, s, strlen(s), ST_NORMAL, DRAW_PAD);
	}
}

static const struct ed_list_def forty_def = {
	.fill = ST_NORMAL,
	.heading = heading,
	.rows = rows,
};

static const struct ed_keymap forty_keys = { NULL, NULL,
    ed_list_text_keys, NULL };

static const struct ed_pane forty_pane = {
	.name = "forty",
	.keys = &forty_keys,
	.hint = "ed.help_hint",
	ED_LIST_OPS,
	.data = &forty_def,
};

static unsigned
open_forty(struct tui_app *a, int key)
{
	(void)key;
	return (ed_list_open(a, &forty_pane));
}

static const struct ed_action forty_open = {
	.fn = open_forty, .help = "ed.h.help", .opens = &forty_keys
};

/* --- a new dialog: a name, answered on the message line ------------ */

static void
count_free(void *arg)
{
	g_freed++;
	free(arg);
}

static unsigned
named(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	int	*calls = arg;

	(*calls)++;
	if (r->res != DLG_OK)
		return (0);
	if (*r->text == '\0')
		return (ed_ask_refuse(a, xstrdup("名字不能为空"), false));
	return (ed_msg_take(a, ST_MSG_INFO, xasprintf("你好，%s（第 %d 次）",
	    r->text, *calls)));
}

static unsigned
ask_name(struct tui_app *a, int key)
{
	(void)key;
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title =
	    "ed.goto_title", .prompt = xstrdup("你叫什么名字？"), .hint =
	    "ed.hint_input" }, named, count_free, xcalloc(1, sizeof(int))));
}

static const struct ed_action name_ask = {
	.fn = ask_name, .help = "ed.h.goto"
};

/* --- their registration: one row each ----------------------------- */

static const struct ed_binding global_rows[] = {
	{ &forty_open, { EU_F(12) } },
	{ &name_ask, { EU_CTRL('T') } },
	{ NULL, { 0 } }
};

static const struct ed_keymap global = { "ed.ctx.global", NULL, global_rows,
    NULL };

static void
open_with_keys(void)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	eu_g = eu_open(path, ROWS, COLS);
	eu_app(eu_g)->keys = &global;
	EU_SEES("测试镇人民政府");
}

Test(ed_shape, a_list_screen_is_its_code_and_one_row)
{
	open_with_keys();
	eu_key(eu_g, EU_F(12));
	EU_SEES("四十行");
	EU_SEES("第1行");
	EU_EXPECT(!eu_contains(eu_g, "第40行"), "all forty rows fit?");
	eu_key(eu_g, KM_KEY(KEY_END));
	EU_SEES("第40行");
	EU_EXPECT(!eu_contains(eu_g, "第1行 "), "End did not scroll");
	eu_key(eu_g, KM_KEY(KEY_HOME));
	eu_key(eu_g, ' ');
	EU_EXPECT(!eu_contains(eu_g, "第2行 "), "Space did not page down");
	eu_key(eu_g, 'q');
	EU_EXPECT(!eu_contains(eu_g, "四十行"), "q did not close it");
	EU_SEES("测试镇人民政府");
}

Test(ed_shape, a_dialog_is_only_its_code)
{
	open_with_keys();
	eu_key(eu_g, EU_CTRL('T'));
	EU_SEES("你叫什么名字");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("名字不能为空");
	cr_expect_eq(g_freed, 0, "a refused answer freed the argument");
	eu_type(eu_g, "小王");
	eu_key(eu_g, EU_ENTER);
	EU_SEES("你好，小王（第 2 次）");
	EU_EXPECT(!eu_contains(eu_g, "你叫什么名字"), "the dialog stayed open");
	cr_expect_eq(g_freed, 1, "the argument was not freed once");
	eu_key(eu_g, EU_CTRL('T'));
	eu_key(eu_g, EU_ESC);
	cr_expect_eq(g_freed, 2, "Esc did not free the argument");
}
