/*
 * The editor as a clerk uses it: the real nianbao binary in a pseudo-
 * terminal (ptyutil.h), its screen read through libvterm.  Each test
 * follows one item of issue 3's "Done when" list (and issue 6's terminal
 * part): it types keys and asserts what is on screen, in the saved file
 * and in the bytes sent to the terminal.
 *
 * The screen wording of the editor may change; the tests look for stable
 * things: values, template labels (自然人, 总计), the rule message
 * "勾稽关系不成立", the page number "— 1 —".  Cells are reached with
 * go-to (Ctrl-G + cell id).  On failure the screen is dumped to stderr.
 *
 * Fixtures are written through the model (store_save), so they do not
 * depend on the CLI.  Each test gets a fresh folder, which is also HOME and
 * the XDG folders of the editor, so recovery files and settings stay out
 * of the user's.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "err.h"
#include "ptyutil.h"
#include "report.h"
#include "sbuf.h"
#include "store.h"
#include "testutil.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"

#define ROWS	30
#define COLS	100
#define WAIT_MS	8000	/* generous: the binary may run under ASan */

static struct pty	*g_p;	/* the editor of the running test */
static char		*g_dir;	/* its folder */
static struct tpl	*g_tpl;
static char		*g_paths[8];	/* fixture paths, freed by teardown */
static int		 g_npaths;

/* Fails the test with the screen dumped. */
#define EXPECT(cond, ...) do {						\
	if (!(cond)) {							\
		pty_dump(g_p, stderr, #cond);				\
		cr_assert_fail(__VA_ARGS__);				\
	}								\
} while (0)

#define WAIT_FOR(text) \
	EXPECT(pty_wait_for(g_p, (text), WAIT_MS), "never saw \"%s\"", (text))

static void
teardown(void)
{
	pty_free(g_p);
	g_p = NULL;
	if (g_tpl != NULL)
		tpl_free(g_tpl);
	g_tpl = NULL;
	while (g_npaths > 0)
		free(g_paths[--g_npaths]);
	if (g_dir != NULL)
		tu_rmtree(g_dir);
	free(g_dir);
	g_dir = NULL;
}

static void
setup(void)
{
	struct errlist	errs;

	g_dir = tu_tmpdir();
	errlist_init(&errs);
	g_tpl = tpl_load(NB_SOURCE_DIR "/templates/gb2021.yaml", &errs);
	errlist_done(&errs);
	cr_assert_not_null(g_tpl, "gb2021 template does not load");
}

TestSuite(pty_editor, .init = setup, .fini = teardown, .timeout = 120);

/* A path in the test folder; freed by teardown. */
static char *
test_path(const char *name)
{
	cr_assert(g_npaths < 8);
	return (g_paths[g_npaths++] = tu_path(g_dir, name));
}

/* Starts `nianbao args...` in the test folder at rows x cols, with one
 * more environment entry `extra` (NULL: none). */
static void
start_env(int rows, int cols, const char *const *args, const char *extra)
{
	const char	*argv[16];
	char		*env[7];
	size_t		 n = 0, i;

	argv[n++] = NB_BIN;
	for (i = 0; args[i] != NULL && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	env[0] = xasprintf("HOME=%s", g_dir);
	env[1] = xasprintf("XDG_CONFIG_HOME=%s/.config", g_dir);
	env[2] = xasprintf("XDG_STATE_HOME=%s/.state", g_dir);
	env[3] = xasprintf("XDG_DATA_HOME=%s/.data", g_dir);
	env[4] = xasprintf("XDG_CACHE_HOME=%s/.cache", g_dir);
	env[5] = extra != NULL ? xstrdup(extra) : NULL;
	env[6] = NULL;
	g_p = pty_spawn(&(struct pty_opts){ .rows = rows, .cols = cols,
	    .argv = argv, .env = (const char *const *)env, .cwd = g_dir });
	for (i = 0; i < 6; i++)
		free(env[i]);
	cr_assert_not_null(g_p, "forkpty failed");
}

/* Starts `nianbao args...` in the test folder at rows x cols. */
static void
start(int rows, int cols, const char *const *args)
{
	start_env(rows, cols, args, NULL);
}

/*
 * Writes a gb2021 report for 测试镇人民政府, 2024: every input cell 0
 * (so no "blank" warnings), section 六 mentioning the processing fee (so
 * R7 holds), then the NULL-terminated "id=value" assignments. Returns
 * the path (freed by teardown).
 */
static char *
fixture(const char *name, const char *const *assign)
{
	struct report	*r = report_new(g_tpl);
	struct err	 e = { 0 };
	char		*path = test_path(name), *id;
	const char	*eq;
	size_t		 i;
	int		 c;

	report_set_organ(r, "测试镇人民政府");
	report_set_year(r, 2024);
	for (i = 0; i < g_tpl->ncells; i++)
		if (g_tpl->cells[i].formula < 0)
			cr_assert(report_set_input(r, (int)i, "0", NULL, &e));
	report_set_text(r, tpl_section_index(g_tpl, "s6"),
	    "本年度未收取信息处理费。", NULL);
	for (i = 0; assign != NULL && assign[i] != NULL; i++) {
		eq = strchr(assign[i], '=');
		id = xstrndup(assign[i], (size_t)(eq - assign[i]));
		c = tpl_cell_index(g_tpl, id);
		cr_assert(c >= 0, "no cell %s", id);
		cr_assert(report_set_input(r, c, eq + 1, NULL, &e));
		free(id);
	}
	cr_assert(store_save(r, path, &e), "fixture not saved");
	report_free(r);
	return (path);
}

/* The report in the file, loaded with the source template. */
static struct report *
load(const char *path)
{
	struct err	 e = { 0 };
	struct report	*r = store_load(path, &g_tpl, 1, &e);

	cr_assert_not_null(r, "%s does not load: %s", path,
	    e.msgid != NULL ? e.msgid : "?");
	return (r);
}

/* The value of a cell in the saved file, as text ("" for blank). */
static char *
saved_value(const char *path, const char *id)
{
	struct report	*r = load(path);
	char		 buf[NUM_FMT_MAX];
	int		 c = tpl_cell_index(g_tpl, id);

	report_format_value(r, c, report_value(r, c), buf);
	report_free(r);
	return (xstrdup(buf));
}

/* The file may be rewritten by the editor while we look: load quietly. */
static struct report *
try_load(const char *path)
{
	struct err	 e = { 0 };
	struct report	*r = store_load(path, &g_tpl, 1, &e);

	err_clear(&e);
	return (r);
}

/*
 * Waits (reading the editor's output meanwhile) until the saved file has
 * want in cell id; returns whether it did. A save is asynchronous as far
 * as the test can tell.
 */
static bool
wait_saved_value(const char *path, const char *id, const char *want)
{
	struct report	*r;
	char		 buf[NUM_FMT_MAX];
	int		 c = tpl_cell_index(g_tpl, id), i;
	bool		 ok = false;

	for (i = 0; i < WAIT_MS / 50 && !ok; i++) {
		if ((r = try_load(path)) != NULL) {
			report_format_value(r, c, report_value(r, c), buf);
			ok = strcmp(buf, want) == 0;
			report_free(r);
		}
		if (!ok)
			pty_pump(g_p, 50);
	}
	return (ok);
}

/* The same for the text of section sec. */
static bool
wait_saved_text(const char *path, const char *sec, const char *want)
{
	struct report	*r;
	int		 i;
	bool		 ok = false;

	for (i = 0; i < WAIT_MS / 50 && !ok; i++) {
		if ((r = try_load(path)) != NULL) {
			ok = strcmp(report_text(r, tpl_section_index(g_tpl,
			    sec)), want) == 0;
			report_free(r);
		}
		if (!ok)
			pty_pump(g_p, 50);
	}
	return (ok);
}

static bool
screen_is(struct pty *p, void *want)
{
	char	*s = pty_screen(p);
	bool	 same = strcmp(s, want) == 0;

	free(s);
	return (same);
}

static bool
screen_differs(struct pty *p, void *from)
{
	return (!screen_is(p, from));
}

static bool
cursor_moved(struct pty *p, void *from)
{
	int	*rc = from, r, c;

	pty_cursor(p, &r, &c);
	return (r != rc[0] || c != rc[1]);
}

/* Sends a key that moves the caret and waits until the cursor moved. */
static bool
move_caret(enum pty_key k)
{
	int	rc[2];
	bool	moved;

	pty_cursor(g_p, &rc[0], &rc[1]);
	pty_key(g_p, k);
	moved = pty_wait_until(g_p, cursor_moved, rc, WAIT_MS);
	pty_settle(g_p, 50, WAIT_MS);
	return (moved);
}

/* Opens an existing report and waits for the form. */
static void
open_report(const char *path, int rows, int cols)
{
	start(rows, cols, (const char *const[]){ path, NULL });
	WAIT_FOR("测试镇人民政府");
	pty_settle(g_p, 100, WAIT_MS);
}

/* Go-to: Ctrl-G, the target, Enter. */
static void
go_to(const char *target)
{
	pty_ctrl(g_p, 'g');
	pty_settle(g_p, 100, WAIT_MS);
	pty_type(g_p, target);
	pty_key(g_p, PTY_ENTER);
	pty_settle(g_p, 100, WAIT_MS);
}

/* How many runs of ASCII digits in s equal num. */
static int
count_number(const char *s, const char *num)
{
	size_t	n = strlen(num), k;
	int	count = 0;

	while (*s != '\0') {
		if (*s < '0' || *s > '9') {
			s++;
			continue;
		}
		for (k = 0; s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k == n && strncmp(s, num, n) == 0)
			count++;
		s += k;
	}
	return (count);
}

/* The screen row showing a label, or -1. */
static int
row_of(const char *label)
{
	int	r;

	return (pty_find(g_p, label, 0, &r, NULL) ? r : -1);
}

struct row_number {
	const char	*label;
	const char	*num;
	int		 times;
};

/* The screen row from the label to the right edge (not the outline
 * on its left, which has numbers of its own), or NULL. */
static char *
label_row(struct pty *p, const char *label)
{
	int	r, c;

	if (!pty_find(p, label, 0, &r, &c))
		return (NULL);
	return (pty_cells(p, r, c, pty_cols(p)));
}

/* The row labelled label shows num at least `times` times. */
static bool
row_shows(struct pty *p, void *arg)
{
	struct row_number	*rn = arg;
	char			*row = label_row(p, rn->label);
	int			 n;

	if (row == NULL)
		return (false);
	n = count_number(row, rn->num);
	free(row);
	return (n >= rn->times);
}

static bool
row_lacks(struct pty *p, void *arg)
{
	return (!row_shows(p, arg));
}

/* What screen row r shows under the header label hdr (the first one
 * above r): from 2 cells left of the label to 6 right of its start, which
 * holds a right-aligned number and its flag mark. NULL without the label. */
static char *
cell_under(const char *hdr, int r)
{
	int	hr, hc;

	if (!pty_find(g_p, hdr, 0, &hr, &hc) || hr >= r)
		return (NULL);
	return (pty_cells(g_p, r, hc - 2, hc + 6));
}

/* 1: `nianbao new.yaml` asks for organ and year and opens the form. */
Test(pty_editor, new_file_asks_organ_and_year)
{
	char	*path = test_path("new.yaml"), *yaml;
	struct report *r;

	start(ROWS, COLS, (const char *const[]){ path, NULL });
	/* The first question is on screen: the organ. */
	pty_settle(g_p, 300, WAIT_MS);
	EXPECT(pty_alive(g_p), "the editor exited on a new file");
	EXPECT(!pty_contains(g_p, "自然人"), "the form opened without asking");
	pty_type(g_p, "小城子镇人民政府");
	pty_key(g_p, PTY_ENTER);
	pty_settle(g_p, 200, WAIT_MS);
	/* The year: replace whatever is proposed. */
	for (int i = 0; i < 8; i++)
		pty_key(g_p, PTY_BACKSPACE);
	pty_type(g_p, "2024");
	pty_key(g_p, PTY_ENTER);
	WAIT_FOR("小城子镇人民政府");
	WAIT_FOR("2024年");
	/* The form of the new report: go to a cell of table 三. */
	go_to("t3.new.natural");
	WAIT_FOR("自然人");
	/* The file exists (created) or appears on the first save. */
	pty_ctrl(g_p, 's');
	for (int i = 0; i < WAIT_MS / 50 && (r = try_load(path)) == NULL; i++)
		pty_pump(g_p, 50);
	yaml = tu_read(path, NULL);
	EXPECT(yaml != NULL, "%s not written", path);
	report_free(r);
	r = load(path);
	cr_expect_str_eq(report_organ(r), "小城子镇人民政府");
	cr_expect_eq(report_year(r), 2024);
	cr_expect_str_eq(report_tpl(r)->id, "gb2021");
	report_free(r);
	free(yaml);
}

/* 1: typing 3 into 本年新收/自然人 shows 3 in the row's 总计 and the
 * 勾稽 flag before Enter. */
Test(pty_editor, live_total_and_flag_before_enter)
{
	char			*path = fixture("r.yaml", NULL);
	struct row_number	 rn = { "一、本年新收", "3", 2 };
	char			*row, *tot;
	int			 r;

	open_report(path, ROWS, COLS);
	go_to("t3.new.natural");
	WAIT_FOR("t3.new.natural");
	row = label_row(g_p, "一、本年新收");
	EXPECT(row != NULL, "row 一、本年新收 not on screen after go-to");
	EXPECT(count_number(row, "3") == 0, "row already shows 3: %s", row);
	free(row);
	EXPECT(!pty_contains(g_p, "勾稽关系不成立"), "flag before typing");

	pty_type(g_p, "3");
	EXPECT(pty_wait_until(g_p, row_shows, &rn, WAIT_MS),
	    "the row does not show 3 twice (cell and 总计) before Enter");
	/* The 3 under the 总计 header is the total. */
	r = row_of("一、本年新收");
	tot = cell_under("总计", r);
	EXPECT(tot != NULL && count_number(tot, "3") == 1,
	    "no 3 under the 总计 header: [%s]", tot ? tot : "(no header)");
	free(tot);
	EXPECT(pty_wait_for(g_p, "勾稽关系不成立", WAIT_MS),
	    "no 勾稽 flag shown before Enter");
}

/* The status line names one of the cells of R1 in the 自然人 column. */
static bool
on_involved_cell(void)
{
	static const char *const ids[] = { "t3.new.natural",
	    "t3.carried_in.natural", "t3.r_total.natural",
	    "t3.carried_out.natural", NULL };
	int	i;

	for (i = 0; ids[i] != NULL; i++)
		if (pty_contains(g_p, ids[i]))
			return (true);
	return (false);
}

static bool
pred_involved(struct pty *p, void *unused)
{
	(void)p;
	(void)unused;
	return (on_involved_cell());
}

/* 2: the flags panel lists the flag; Enter lands on an involved cell;
 * typing the balancing value clears it. */
Test(pty_editor, flags_panel_jump_and_fix)
{
	char	*path = fixture("r.yaml",
	    (const char *const[]){ "t3.new.natural=3", NULL });

	open_report(path, ROWS, COLS);
	pty_key(g_p, PTY_F3);
	WAIT_FOR("勾稽关系不成立");
	EXPECT(pty_count_rows(g_p, "勾稽关系不成立") >= 1, "flag not listed");
	/* The only flag is selected: Enter jumps to its first cell. */
	pty_key(g_p, PTY_ENTER);
	/* The status line names a cell of the 自然人 column, and the
	 * current cell is flagged: its message is in the message line. */
	EXPECT(pty_wait_until(g_p, pred_involved, NULL, WAIT_MS),
	    "Enter did not land on a cell of R1");
	WAIT_FOR("自然人");
	EXPECT(pty_contains(g_p, "勾稽关系不成立"),
	    "after the jump the status line does not show the flag");
	/* Balance it: 3 new = 3 disclosed. */
	go_to("t3.r_open.natural");
	pty_type(g_p, "3");
	EXPECT(pty_wait_gone(g_p, "勾稽关系不成立", WAIT_MS),
	    "the flag is still shown after typing the balancing value");
	pty_key(g_p, PTY_ENTER);
	pty_settle(g_p, 200, WAIT_MS);
	pty_key(g_p, PTY_F3);
	pty_settle(g_p, 300, WAIT_MS);
	EXPECT(!pty_contains(g_p, "勾稽关系不成立"),
	    "the flags panel still lists the fixed flag");
}

/* The next-flag key (F8) walks to a flagged cell from anywhere. */
Test(pty_editor, next_flag_key)
{
	char	*path = fixture("r.yaml",
	    (const char *const[]){ "t3.new.natural=3", NULL });

	open_report(path, ROWS, COLS);
	EXPECT(!on_involved_cell(), "already on the flagged cell");
	pty_key(g_p, PTY_F8);
	EXPECT(pty_wait_until(g_p, pred_involved, NULL, WAIT_MS),
	    "F8 did not go to a cell of the flag");
	WAIT_FOR("勾稽关系不成立");
}

/* Go-to takes part of a label: 行政处罚 is one cell. */
Test(pty_editor, go_to_by_label)
{
	char	*path = fixture("r.yaml", NULL);

	open_report(path, ROWS, COLS);
	go_to("行政处罚");
	WAIT_FOR("t2_6.punishment.decisions");
	/* A section's number goes to the section, though "五" is in many
	 * labels too; the status line shows the section's character count. */
	go_to("五");
	WAIT_FOR("五、存在的主要问题及改进情况｜");
}

/* A computed cell cannot be typed into: the value stays, and a message
 * says why. */
Test(pty_editor, computed_cell_refuses_typing)
{
	char	*path = fixture("r.yaml", NULL), *before, *v;

	open_report(path, ROWS, COLS);
	go_to("t3.new.total");
	WAIT_FOR("t3.new.total");
	pty_settle(g_p, 100, WAIT_MS);
	before = pty_screen(g_p);
	pty_type(g_p, "5");
	EXPECT(pty_wait_until(g_p, screen_differs, before, WAIT_MS),
	    "no message on typing into 总计");
	pty_settle(g_p, 200, WAIT_MS);
	free(before);
	EXPECT(!row_shows(g_p, &(struct row_number){ "一、本年新收", "5", 1 }),
	    "5 typed into the computed 总计");
	pty_key(g_p, PTY_ENTER);
	pty_ctrl(g_p, 's');
	pty_settle(g_p, 300, WAIT_MS);
	v = saved_value(path, "t3.new.total");
	cr_expect_str_eq(v, "0");
	free(v);
}

/* F1 in section 一 shows its statutory guidance (from the template). */
Test(pty_editor, help_shows_guidance)
{
	char	*path = fixture("r.yaml", NULL);

	open_report(path, ROWS, COLS);
	go_to("s1");
	WAIT_FOR("字数");
	pty_key(g_p, PTY_F1);
	WAIT_FOR("这一项报告本机关政府信息公开工作总体情况");
}

/* NO_COLOR: no colour anywhere on the screen, flags included. */
Test(pty_editor, no_color)
{
	char		*path = fixture("r.yaml",
	    (const char *const[]){ "t3.new.natural=3", NULL });
	const char	*argv[] = { NB_BIN, path, NULL };
	char		*home = xasprintf("HOME=%s", g_dir);
	struct pty_attr	 a;
	int		 r, c;

	g_p = pty_spawn(&(struct pty_opts){ .rows = ROWS, .cols = COLS,
	    .argv = argv, .env = (const char *const[]){ home, "NO_COLOR=1",
	    NULL }, .cwd = g_dir });
	free(home);
	WAIT_FOR("测试镇人民政府");
	go_to("t3.new.natural");
	WAIT_FOR("勾稽关系不成立");
	for (r = 0; r < ROWS; r++)
		for (c = 0; c < COLS; c++) {
			pty_attr(g_p, r, c, &a);
			EXPECT(a.fg == -1 && a.bg == -1,
			    "colour %d/%d at row %d col %d under NO_COLOR",
			    a.fg, a.bg, r, c);
		}
}

/*
 * A 600-character paragraph: sentences with many ，and 。 so that a
 * wrapper breaking at a fixed width would start lines with them; it ends
 * with quoted text for the caret test.
 */
static char *
paragraph(void)
{
	static const char *const parts[] = {
		"本机关坚持以公开为常态、不公开为例外，",
		"全年主动公开政府信息一百二十条。",
		"依申请公开办理及时，",
		"答复规范，",
		"未发生行政复议和行政诉讼。",
		"政府信息管理制度进一步健全，",
		"平台建设稳步推进，",
		"监督保障有力。",
	};
	static const char	 tail[] = "“郑重承诺”完。";
	struct sbuf		 b;
	size_t			 chars = 0, i, k;
	const char		*s;
	char			*out;

	sbuf_init(&b);
	for (i = 0; chars < 600 - 8; i = (i + 1) % 8) {
		for (s = parts[i]; *s != '\0' && chars < 600 - 8; ) {
			k = 1;
			while ((s[k] & 0xc0) == 0x80)
				k++;
			sbuf_add(&b, s, k);
			s += k;
			chars++;
		}
	}
	sbuf_adds(&b, tail);	/* 8 characters */
	out = sbuf_take(&b);
	sbuf_done(&b);
	return (out);
}

/* The first character of the text in row r from column c. */
static bool
starts_with_forbidden(int r, int c, char **what)
{
	static const char *const bad[] = { "，", "。", "、", "；", "：", "？",
	    "！", "）", "”", NULL };
	char	*cell = pty_cells(g_p, r, c, c + 2);
	int	 i;

	for (i = 0; bad[i] != NULL; i++)
		if (strncmp(cell, bad[i], strlen(bad[i])) == 0) {
			*what = cell;
			return (true);
		}
	free(cell);
	return (false);
}

/* Rows of the pane from column c0 that show part of text. */
static int
check_line_starts(const char *text, int c0)
{
	char	*cells, *what;
	int	 r, lines = 0;

	for (r = 0; r < pty_rows(g_p); r++) {
		/* A line of the paragraph: its first cells occur in it. */
		cells = pty_cells(g_p, r, c0, c0 + 6);
		if (cells[0] != ' ' && cells[0] != '\0' &&
		    strstr(text, cells) != NULL) {
			lines++;
			EXPECT(!starts_with_forbidden(r, c0, &what),
			    "row %d of the text starts with %s", r, what);
		}
		free(cells);
	}
	return (lines);
}

/* 3: a pasted 600-character paragraph wraps by the rules, the caret
 * follows the characters, and the saved file holds the text exactly. */
Test(pty_editor, paste_chinese_paragraph)
{
	char		*path = fixture("r.yaml", NULL);
	char		*text = paragraph(), *under;
	static const char *const from_end[] = { "。", "完", "”", "诺", "承",
	    "重", "郑", "“" };
	int		 cr, cc, c0, i, lines;

	open_report(path, ROWS, COLS);
	go_to("s1");
	WAIT_FOR("字数");
	pty_paste(g_p, text);
	WAIT_FOR("郑重承诺");
	pty_settle(g_p, 200, WAIT_MS);
	/* The hardware cursor is at the caret, after the last character. */
	EXPECT(pty_cursor(g_p, &cr, &cc), "cursor hidden while editing text");
	under = pty_cells(g_p, cr, cc - 2, cc);
	EXPECT(strcmp(under, "。") == 0, "the caret (%d,%d) is not after the "
	    "last character but after \"%s\"", cr, cc, under);
	free(under);
	/* The line start: Home moves the caret there. */
	EXPECT(move_caret(PTY_HOME), "Home did not move the caret");
	pty_cursor(g_p, &cr, &c0);
	EXPECT(move_caret(PTY_END), "End did not move the caret");
	lines = check_line_starts(text, c0);
	EXPECT(lines >= 3, "only %d lines of the paragraph found at column %d",
	    lines, c0);
	/* Moving left across the quotes: the cursor is on each character. */
	for (i = 0; i < 8; i++) {
		EXPECT(move_caret(PTY_LEFT), "Left %d did not move", i + 1);
		pty_cursor(g_p, &cr, &cc);
		under = pty_cells(g_p, cr, cc, cc + 1);
		EXPECT(strcmp(under, from_end[i]) == 0,
		    "after %d Left the cursor (%d,%d) is on \"%s\", not \"%s\"",
		    i + 1, cr, cc, under, from_end[i]);
		free(under);
	}
	/* Back to the top of the text, and check its first lines too. */
	for (i = 0; i < 6; i++)
		pty_key(g_p, PTY_PGUP);
	pty_settle(g_p, 200, WAIT_MS);
	WAIT_FOR("本机关坚持");
	check_line_starts(text, c0);
	/* Save: the file holds exactly the text. */
	pty_ctrl(g_p, 's');
	EXPECT(wait_saved_text(path, "s1", text),
	    "the saved section 一 differs from the paste");
	free(text);
}

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

/*
 * Issue 6: a 10 MB bracketed paste is refused or truncated, and the
 * editor answers again within a second of the paste's last byte.
 */
Test(pty_editor, paste_10mb)
{
	char		*path = fixture("r.yaml", NULL), *big;
	size_t		 n = 10 * 1024 * 1024, i, mark;
	double		 t0, answered;
	struct report	*r;
	static const char unit[] = "公开，";	/* 9 bytes */

	open_report(path, ROWS, COLS);
	go_to("s1");
	big = xmalloc(n + 1);
	for (i = 0; i + 9 <= n; i += 9)
		memcpy(big + i, unit, 9);
	big[i] = '\0';
	t0 = now_ms();
	EXPECT(pty_paste(g_p, big), "the editor stopped reading the paste");
	free(big);
	cr_log_info("10 MB paste taken in %.0f ms", now_ms() - t0);
	/* Ctrl-L repaints: the first byte of the answer is the answer. */
	t0 = now_ms();
	mark = pty_mark(g_p);
	pty_ctrl(g_p, 'l');
	while (pty_bytes_since(g_p, mark) == 0 && now_ms() - t0 < 10000 &&
	    pty_alive(g_p))
		pty_pump(g_p, 5);
	answered = now_ms() - t0;
	EXPECT(pty_alive(g_p), "died on a 10 MB paste");
	EXPECT(answered < 1000, "answered %.0f ms after the paste", answered);
	pty_settle(g_p, 200, WAIT_MS);
	/* Whatever it kept, it is not 10 MB; it saves a loadable report. */
	pty_ctrl(g_p, 's');
	pty_settle(g_p, 500, WAIT_MS);
	r = load(path);
	cr_expect(strlen(report_text(r, tpl_section_index(g_tpl, "s1"))) <
	    n - 9, "the whole 10 MB paste was taken");
	report_free(r);
}

/* 5: Ctrl-Z undoes, many levels; Ctrl-Y redoes; Ctrl-S saves. */
Test(pty_editor, undo_redo_save)
{
	char			*path = fixture("r.yaml", NULL), *v;
	struct row_number	 seven = { "一、本年新收", "7", 1 };
	struct row_number	 two = { "一、本年新收", "2", 1 };
	struct row_number	 nine = { "一、本年新收", "9", 1 };

	open_report(path, ROWS, COLS);
	go_to("t3.new.legal");
	WAIT_FOR("t3.new.legal");
	pty_type(g_p, "7");
	pty_key(g_p, PTY_ENTER);
	go_to("t3.new.natural");
	WAIT_FOR("t3.new.natural");
	pty_type(g_p, "2");
	pty_key(g_p, PTY_ENTER);
	EXPECT(pty_wait_until(g_p, row_shows, &nine, WAIT_MS),
	    "7 + 2 = 9 not shown in 总计");
	pty_ctrl(g_p, 'z');
	EXPECT(pty_wait_until(g_p, row_lacks, &two, WAIT_MS),
	    "Ctrl-Z did not undo the 2");
	EXPECT(row_shows(g_p, &seven), "one Ctrl-Z undid the 7 too");
	pty_ctrl(g_p, 'z');
	EXPECT(pty_wait_until(g_p, row_lacks, &seven, WAIT_MS),
	    "the second Ctrl-Z did not undo the 7");
	pty_ctrl(g_p, 'y');
	pty_ctrl(g_p, 'y');
	EXPECT(pty_wait_until(g_p, row_shows, &nine, WAIT_MS),
	    "Ctrl-Y twice did not redo both");
	/* Nothing is written before the save. */
	v = saved_value(path, "t3.new.legal");
	cr_expect_str_eq(v, "0", "the file changed before Ctrl-S");
	free(v);
	pty_ctrl(g_p, 's');
	EXPECT(wait_saved_value(path, "t3.new.total", "9"),
	    "Ctrl-S did not save 7 and 2");
	v = saved_value(path, "t3.new.legal");
	cr_expect_str_eq(v, "7");
	free(v);
}

/* A paste into a narrative section is one edit: one Ctrl-Z removes it. */
Test(pty_editor, undo_paste)
{
	char	*path = fixture("r.yaml", NULL);

	open_report(path, ROWS, COLS);
	go_to("s1");
	WAIT_FOR("字数");
	pty_type(g_p, "前言");
	WAIT_FOR("前言");
	pty_paste(g_p, "本机关坚持以公开为常态，\n不公开为例外。");
	WAIT_FOR("不公开为例外");
	pty_ctrl(g_p, 'z');
	EXPECT(pty_wait_gone(g_p, "不公开为例外", WAIT_MS),
	    "Ctrl-Z did not remove the paste");
	EXPECT(pty_wait_gone(g_p, "本机关坚持", WAIT_MS),
	    "one Ctrl-Z removed only part of the paste");
	EXPECT(pty_contains(g_p, "前言"), "Ctrl-Z removed the typing too");
}

/* Types value into cell id and commits it; waits until the row with
 * label shows it. */
static void
enter_value(const char *id, const char *value, const char *label)
{
	go_to(id);
	WAIT_FOR(id);
	pty_type(g_p, value);
	pty_key(g_p, PTY_ENTER);
	EXPECT(pty_wait_until(g_p, row_shows,
	    &(struct row_number){ label, value, 1 }, WAIT_MS),
	    "%s not shown in row %s", value, label);
	pty_settle(g_p, 100, WAIT_MS);
}

/* 5: Ctrl-Q with unsaved changes asks first; Esc goes back to editing;
 * after saving it quits at once. */
Test(pty_editor, quit_asks_when_modified)
{
	char	*path = fixture("r.yaml", NULL), *before, *v;
	int	 st;

	open_report(path, ROWS, COLS);
	enter_value("t3.new.natural", "5", "一、本年新收");
	before = pty_screen(g_p);
	pty_ctrl(g_p, 'q');
	EXPECT(pty_wait_until(g_p, screen_differs, before, WAIT_MS),
	    "Ctrl-Q showed nothing");
	pty_pump(g_p, 300);
	EXPECT(pty_alive(g_p), "Ctrl-Q quit without asking");
	/* Esc cancels the question: the form is back, still running. */
	pty_key(g_p, PTY_ESC);
	EXPECT(pty_wait_until(g_p, screen_is, before, WAIT_MS),
	    "Esc on the question did not go back to the form as it was");
	free(before);
	EXPECT(pty_alive(g_p), "Esc on the question quit");
	v = saved_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "0", "the report file changed without a save");
	free(v);
	pty_ctrl(g_p, 's');
	EXPECT(wait_saved_value(path, "t3.new.natural", "5"),
	    "Ctrl-S did not save");
	pty_ctrl(g_p, 'q');
	st = pty_wait_exit(g_p, WAIT_MS);
	EXPECT(st == 0, "after saving, Ctrl-Q gave %d (-1: still running)", st);
}

/* The question's answers: N quits without saving, Y saves and quits. */
Test(pty_editor, quit_question_answers)
{
	char	*path = fixture("r.yaml", NULL), *v;
	int	 st;

	open_report(path, ROWS, COLS);
	enter_value("t3.new.natural", "5", "一、本年新收");
	pty_key(g_p, PTY_F10);
	pty_settle(g_p, 200, WAIT_MS);
	pty_type(g_p, "n");
	st = pty_wait_exit(g_p, WAIT_MS);
	EXPECT(st == 0, "F10 then N gave %d (-1: still running)", st);
	v = saved_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "0", "N saved the report");
	free(v);
	pty_free(g_p);

	open_report(path, ROWS, COLS);
	enter_value("t3.new.natural", "6", "一、本年新收");
	pty_ctrl(g_p, 'q');
	pty_settle(g_p, 200, WAIT_MS);
	pty_type(g_p, "y");
	st = pty_wait_exit(g_p, WAIT_MS);
	EXPECT(st == 0, "Ctrl-Q then Y gave %d (-1: still running)", st);
	v = saved_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "6", "Y did not save the report");
	free(v);
}

static void
rtrim(char *s)
{
	char	*e = s + strlen(s);

	while (e > s && e[-1] == ' ')
		*--e = '\0';
}

/* Page 1 of `nianbao preview --plain`: every line up to the form feed,
 * trailing blanks removed. Each line and the array are newly allocated. */
static char **
plain_page1(const char *path, size_t *n)
{
	struct tu_run	 run;
	char		**lines = NULL, *ff, *s, *nl;
	size_t		 cap = 0;

	tu_nianbao(&run, NULL,
	    (const char *const[]){ "preview", "--plain", path, NULL });
	cr_assert_eq(run.status, 0, "preview --plain failed: %s", run.err);
	if ((ff = strchr(run.out, '\f')) != NULL)
		*ff = '\0';
	*n = 0;
	for (s = run.out; *s != '\0'; s = nl) {
		if ((nl = strchr(s, '\n')) != NULL)
			*nl++ = '\0';
		else
			nl = s + strlen(s);
		if (*n == cap)
			lines = xreallocarray(lines, cap = cap * 2 + 16,
			    sizeof *lines);
		lines[*n] = xstrdup(s);
		rtrim(lines[(*n)++]);
	}
	tu_run_free(&run);
	return (lines);
}

/*
 * 4: F4 shows the pages, 22 lines then `— 1 —`, and what it shows of
 * page 1 is, line for line, the text of `nianbao preview --plain`.
 */
Test(pty_editor, preview_page_one)
{
	char	*path = fixture("r.yaml",
	    (const char *const[]){ "t3.new.natural=3", "t3.r_open.natural=3",
	    NULL });
	char	**lines, *got;
	size_t	 n, i, t, lead, num = 0, compared = 0;
	int	 r0, c;

	lines = plain_page1(path, &n);
	for (i = 0; i < n; i++)
		if (strstr(lines[i], "— 1 —") != NULL)
			num = i;
	cr_expect_eq(num, 22, "preview --plain: page number on line %zu, "
	    "not after 22 lines", num + 1);
	for (t = 0; t < n && lines[t][0] == '\0'; t++)
		;
	cr_assert(t < n, "preview --plain printed nothing");

	open_report(path, ROWS, COLS);
	pty_key(g_p, PTY_F4);
	WAIT_FOR("— 1 —");
	pty_settle(g_p, 100, WAIT_MS);
	/* The title's last line fixes where the page is on screen (its
	 * first line may be the organ alone, which the header shows too). */
	while (t + 1 < n && strstr(lines[t], "年度报告") == NULL)
		t++;
	lead = strspn(lines[t], " ");
	EXPECT(pty_find(g_p, lines[t] + lead, 0, &r0, &c),
	    "the title of page 1 is not on screen: %s", lines[t]);
	c -= (int)lead;
	r0 -= (int)t;
	EXPECT(c >= 0 && r0 >= 0, "page 1 does not start at its top");
	for (i = 0; i < n && r0 + (int)i < ROWS; i++) {
		if (i > num)
			break;
		got = pty_cells(g_p, r0 + (int)i, c, c + 56);
		rtrim(got);
		EXPECT(strcmp(got, lines[i]) == 0,
		    "page 1 line %zu: screen \"%s\", --plain \"%s\"", i + 1,
		    got, lines[i]);
		free(got);
		compared++;
	}
	EXPECT(compared > num, "only %zu lines of page 1 on a %d-row screen",
	    compared, ROWS);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	/* Esc leaves the preview. */
	pty_key(g_p, PTY_ESC);
	EXPECT(pty_wait_gone(g_p, "— 1 —", WAIT_MS), "Esc did not close it");
	WAIT_FOR("测试镇人民政府");
}

/* 6: 40x10 and back keeps the editor alive and restores the view. */
Test(pty_editor, resize_small_and_back)
{
	char	*path = fixture("r.yaml", NULL), *before, *small, *cut;

	open_report(path, ROWS, COLS);
	go_to("t3.r_deny_3.natural");
	WAIT_FOR("t3.r_deny_3");	/* the status line may cut the id */
	pty_settle(g_p, 100, WAIT_MS);
	before = pty_screen(g_p);
	pty_resize(g_p, 10, 40);
	/* What the editor draws for the small size replaces the cut-off
	 * old screen. */
	cut = pty_screen(g_p);
	EXPECT(pty_wait_until(g_p, screen_differs, cut, WAIT_MS),
	    "nothing drawn at 40x10");
	free(cut);
	pty_settle(g_p, 200, WAIT_MS);
	EXPECT(pty_alive(g_p), "died at 40x10");
	small = pty_screen(g_p);
	EXPECT(strspn(small, " \n") < strlen(small),
	    "blank screen at 40x10 (no message to enlarge the window)");
	free(small);
	pty_resize(g_p, ROWS, COLS);
	if (!pty_wait_until(g_p, screen_is, before, WAIT_MS))
		fprintf(stderr, "---- before the resize:\n%s\n", before);
	EXPECT(pty_alive(g_p), "died back at 100x30");
	EXPECT(screen_is(g_p, before), "the view is not restored");
	free(before);
}

/* 1x1, then 200 random sizes up to 300x100 while typing: alive, and
 * answering. */
Test(pty_editor, resize_storm)
{
	char		*path = fixture("r.yaml", NULL), *v;
	static const enum pty_key moves[] = { PTY_RIGHT, PTY_DOWN, PTY_LEFT,
	    PTY_UP, PTY_TAB };
	unsigned	 seed = 20240101;
	int		 i;

	open_report(path, ROWS, COLS);
	pty_resize(g_p, 1, 1);
	pty_settle(g_p, 200, WAIT_MS);
	EXPECT(pty_alive(g_p), "died at 1x1");
	for (i = 0; i < 200; i++) {
		pty_resize(g_p, 1 + rand_r(&seed) % 100,
		    1 + rand_r(&seed) % 300);
		if (i % 2 == 0) {
			char d = (char)('0' + rand_r(&seed) % 10);
			pty_send(g_p, &d, 1);
		} else
			pty_key(g_p, moves[rand_r(&seed) % 5]);
		pty_pump(g_p, rand_r(&seed) % 8);
		EXPECT(pty_alive(g_p), "died in the storm at resize %d", i);
	}
	pty_resize(g_p, ROWS, COLS);
	pty_settle(g_p, 300, WAIT_MS);
	EXPECT(pty_alive(g_p), "died after the storm");
	/* It answers: Esc (cancel any edit), then go-to works. */
	pty_key(g_p, PTY_ESC);
	pty_settle(g_p, 200, WAIT_MS);
	go_to("t3.new.natural");
	WAIT_FOR("一、本年新收");
	WAIT_FOR("自然人");
	/* Nothing was saved. */
	v = saved_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "0");
	free(v);
}

/* Drawing cost: a one-digit edit sends a fraction of a full repaint. */
Test(pty_editor, digit_does_not_repaint)
{
	char	*path = fixture("r.yaml", NULL);
	size_t	 mark, full, digit;

	open_report(path, ROWS, COLS);
	go_to("t3.r_open.natural");
	WAIT_FOR("t3.r_open.natural");
	pty_settle(g_p, 200, WAIT_MS);
	mark = pty_mark(g_p);
	pty_ctrl(g_p, 'l');		/* redraw: the full repaint */
	pty_settle(g_p, 200, WAIT_MS);
	full = pty_bytes_since(g_p, mark);
	mark = pty_mark(g_p);
	pty_type(g_p, "7");
	pty_settle(g_p, 200, WAIT_MS);
	digit = pty_bytes_since(g_p, mark);
	cr_log_info("full repaint %zu bytes, one digit %zu bytes", full,
	    digit);
	EXPECT(digit > 0, "typing a digit drew nothing");
	EXPECT(digit * 4 < full, "one digit sent %zu bytes, a full repaint "
	    "%zu", digit, full);
}

/* Issue 6: the terminal is restored when the editor quits. */
Test(pty_editor, terminal_restored_on_quit)
{
	char	*path = fixture("r.yaml", NULL);
	size_t	 start_mark = 0, mark;
	int	 st;

	open_report(path, ROWS, COLS);
	EXPECT(pty_sent_since(g_p, start_mark, "\033[?2004h"),
	    "bracketed paste was not enabled");
	EXPECT(pty_altscreen(g_p), "not on the alternate screen");
	EXPECT(!pty_tty_sane(g_p), "the editor runs in cooked mode");
	mark = pty_mark(g_p);
	pty_ctrl(g_p, 'q');
	st = pty_wait_exit(g_p, WAIT_MS);
	EXPECT(st == 0, "Ctrl-Q on an unmodified report gave %d", st);
	EXPECT(pty_sent_since(g_p, mark, "\033[?2004l"),
	    "bracketed paste not turned off");
	EXPECT(!pty_altscreen(g_p), "still on the alternate screen");
	EXPECT(pty_tty_sane(g_p), "terminal modes not restored (stty sane)");
}

/* Issue 6: a signal that ends the editor (with unsaved changes) still
 * restores the terminal. */
static void
restored_on_signal(int sig)
{
	char	*path = fixture("r.yaml", NULL);
	size_t	 mark;
	int	 st;

	open_report(path, ROWS, COLS);
	enter_value("t3.new.natural", "4", "一、本年新收");
	mark = pty_mark(g_p);
	pty_signal(g_p, sig);
	st = pty_wait_exit(g_p, WAIT_MS);
	EXPECT(st != -1, "still running 8 s after %s", strsignal(sig));
	EXPECT(pty_sent_since(g_p, mark, "\033[?2004l"),
	    "bracketed paste not turned off on %s", strsignal(sig));
	EXPECT(!pty_altscreen(g_p), "still on the alternate screen");
	EXPECT(pty_tty_sane(g_p), "terminal modes not restored on %s",
	    strsignal(sig));
}

Test(pty_editor, terminal_restored_on_sigterm)
{
	restored_on_signal(SIGTERM);
}

Test(pty_editor, terminal_restored_on_sighup)
{
	restored_on_signal(SIGHUP);
}

/* --- export, last year's text, new report from last year's --------- */

/* Runs the nianbao command; fails the test unless it exits 0. */
static void
cli(const char *const *argv)
{
	struct tu_run	run;

	tu_nianbao(&run, NULL, argv);
	cr_assert_eq(run.status, 0, "nianbao %s failed (%d): %s", argv[0],
	    run.status, run.err);
	tu_run_free(&run);
}

/* Waits until the file exists and holds at least one byte. */
static bool
wait_file(const char *path)
{
	struct stat	st;
	int		i;

	for (i = 0; i < WAIT_MS / 50; i++) {
		if (stat(path, &st) == 0 && st.st_size > 0)
			return (true);
		pty_pump(g_p, 50);
	}
	return (false);
}

/* The export dialog: F9 (or Ctrl-O), the format's digit, then the file
 * proposed, as it is. */
static void
export_as(char digit, bool ctrl)
{
	char	d[2] = { digit, '\0' };

	if (ctrl)
		pty_ctrl(g_p, 'o');
	else
		pty_key(g_p, PTY_F9);
	WAIT_FOR("导出为哪种格式");
	pty_type(g_p, d);
	WAIT_FOR("导出到哪个文件");
	pty_key(g_p, PTY_ENTER);
}

/* A typed value and a typed text, neither saved, are in the .txt; the
 * .docx is a zip; the report file itself is untouched. */
Test(pty_editor, export_txt_and_docx)
{
	char	*path = fixture("r.yaml", NULL), *txt = test_path("r.txt");
	char	*docx = test_path("r.docx"), *s, *v;
	size_t	 len;

	open_report(path, ROWS, COLS);
	enter_value("t3.new.natural", "4321", "一、本年新收");
	go_to("s5");
	WAIT_FOR("五、存在的主要问题及改进情况");
	pty_type(g_p, "档案整理滞后");
	WAIT_FOR("档案整理滞后");
	export_as('1', true);
	WAIT_FOR("已导出到");
	EXPECT(wait_file(txt), "%s not written", txt);
	s = tu_read(txt, NULL);
	EXPECT(strstr(s, "4321") != NULL, "the typed value is not in the .txt");
	EXPECT(strstr(s, "档案整理滞后") != NULL,
	    "the text being typed is not in the .txt");
	free(s);
	export_as('2', false);
	WAIT_FOR("r.docx");
	EXPECT(wait_file(docx), "%s not written", docx);
	s = tu_read(docx, &len);
	EXPECT(len > 4 && memcmp(s, "PK", 2) == 0, "the .docx is not a zip");
	free(s);
	v = saved_value(path, "t3.new.natural");
	cr_expect_str_eq(v, "0", "exporting saved the report");
	free(v);
	EXPECT(pty_alive(g_p), "the editor exited");
}

/* Over an existing file: asked first; N goes back to the file question
 * and writes nothing, Y overwrites. */
Test(pty_editor, export_overwrite_asks)
{
	char	*path = fixture("r.yaml", NULL), *txt = test_path("r.txt");
	char	*s;

	tu_write(txt, "an older file\n");
	open_report(path, ROWS, COLS);
	enter_value("t3.new.natural", "4321", "一、本年新收");
	export_as('1', false);
	WAIT_FOR("已存在");
	pty_type(g_p, "n");
	WAIT_FOR("导出到哪个文件");
	pty_key(g_p, PTY_ESC);
	pty_wait_gone(g_p, "导出到哪个文件", WAIT_MS);
	s = tu_read(txt, NULL);
	cr_expect_str_eq(s, "an older file\n", "N overwrote the file");
	free(s);
	export_as('1', false);
	WAIT_FOR("已存在");
	pty_type(g_p, "y");
	WAIT_FOR("已导出到");
	s = tu_read(txt, NULL);
	EXPECT(strstr(s, "4321") != NULL, "Y did not overwrite the file");
	free(s);
}

/* PDF without LibreOffice: says how to install it, writes nothing. */
Test(pty_editor, export_pdf_needs_office)
{
	char		*path = fixture("r.yaml", NULL);
	char		*pdf = test_path("r.pdf");
	struct stat	 st;

	start_env(ROWS, COLS, (const char *const[]){ path, NULL },
	    "PATH=/nonexistent");
	WAIT_FOR("测试镇人民政府");
	pty_settle(g_p, 100, WAIT_MS);
	pty_key(g_p, PTY_F9);
	WAIT_FOR("导出为哪种格式");
	pty_type(g_p, "3");
	WAIT_FOR("LibreOffice");
	WAIT_FOR("apt-get install");
	EXPECT(stat(pdf, &st) != 0, "a PDF appeared");
}

/*
 * Last year's report made with the CLI, this year's with new --from:
 * in section 五 the key shows last year's text read-only; keys typed
 * there do not go into this year's text.
 */
Test(pty_editor, lastyear_text_of_s5)
{
	char	*last = test_path("last.yaml"), *path = test_path("r.yaml");
	struct report *r;

	cli((const char *const[]){ "new", "--organ", "测试镇人民政府",
	    "--year", "2024", last, NULL });
	cli((const char *const[]){ "set", last,
	    "s5=去年的问题：档案整理滞后，解读形式单一。", NULL });
	cli((const char *const[]){ "new", "--from", last, path, NULL });
	open_report(path, ROWS, COLS);
	go_to("s5");
	WAIT_FOR("五、存在的主要问题及改进情况");
	EXPECT(!pty_contains(g_p, "档案整理滞后"), "last year's text shown "
	    "as this year's");
	WAIT_FOR("F11");
	pty_key(g_p, PTY_F11);
	WAIT_FOR("上年报告：五、存在的主要问题及改进情况");
	WAIT_FOR("档案整理滞后");
	pty_type(g_p, "x");
	pty_key(g_p, PTY_ESC);
	EXPECT(pty_wait_gone(g_p, "档案整理滞后", WAIT_MS),
	    "Esc did not close last year's text");
	pty_ctrl(g_p, 'k');
	WAIT_FOR("档案整理滞后");
	pty_type(g_p, "q");
	EXPECT(pty_wait_gone(g_p, "档案整理滞后", WAIT_MS),
	    "q did not close last year's text");
	pty_ctrl(g_p, 's');
	WAIT_FOR("已保存到");
	r = load(path);
	cr_expect_str_eq(report_text(r, tpl_section_index(g_tpl, "s5")), "",
	    "a key typed in last year's text went into this year's");
	cr_expect_str_eq(report_prev_text(r, tpl_section_index(g_tpl, "s5")),
	    "去年的问题：档案整理滞后，解读形式单一。");
	report_free(r);
}

/* Without last year's report the key says so, and how to get it. */
Test(pty_editor, lastyear_text_unknown)
{
	char	*path = fixture("r.yaml", NULL);

	open_report(path, ROWS, COLS);
	go_to("s5");
	WAIT_FOR("五、存在的主要问题及改进情况");
	EXPECT(!pty_contains(g_p, "F11"), "the key bar offers last year's "
	    "text that is not known");
	pty_key(g_p, PTY_F11);
	WAIT_FOR("nianbao new --from");
	EXPECT(!pty_contains(g_p, "上年报告："), "a view opened");
}

/* The report of the year before the proposed one, next to the new
 * file: offered first; organ, year + 1 and 上年结转 carried. */
Test(pty_editor, new_from_last_year_found)
{
	char		*last = test_path("last.yaml"), *path = test_path("new.yaml");
	char		 ly[16], ny[16], *want;
	time_t		 now = time(NULL);
	struct tm	 tm;
	struct tu_run	 run;
	int		 st;

	localtime_r(&now, &tm);
	/* The new report's year is proposed as last year's. */
	snprintf(ly, sizeof ly, "%d", tm.tm_year + 1900 - 2);
	snprintf(ny, sizeof ny, "%d", tm.tm_year + 1900 - 1);
	cli((const char *const[]){ "new", "--organ", "上年镇人民政府",
	    "--year", ly, last, NULL });
	cli((const char *const[]){ "set", last, "t3.carried_out.natural=3",
	    "s5=去年的问题。", NULL });
	start(ROWS, COLS, (const char *const[]){ path, NULL });
	WAIT_FOR("新建空白报告");
	WAIT_FOR("从 last.yaml 新建（上年镇人民政府");
	pty_type(g_p, "1");
	WAIT_FOR("机关名称");
	WAIT_FOR("上年镇人民政府");
	pty_key(g_p, PTY_ENTER);
	WAIT_FOR("报告年度");
	WAIT_FOR(ny);
	pty_key(g_p, PTY_ENTER);
	WAIT_FOR("已新建");
	pty_ctrl(g_p, 'q');
	st = pty_wait_exit(g_p, WAIT_MS);
	EXPECT(st == 0, "Ctrl-Q after creating gave %d", st);
	tu_nianbao(&run, NULL, (const char *const[]){ "export", "-f", "json",
	    path, NULL });
	cr_assert_eq(run.status, 0, "export -f json: %s", run.err);
	cr_expect(strstr(run.out, "\"organ\": \"上年镇人民政府\"") != NULL,
	    "organ not carried: %s", run.out);
	want = xasprintf("\"year\": %s,", ny);
	cr_expect(strstr(run.out, want) != NULL, "year not %s", ny);
	free(want);
	cr_expect(strstr(run.out, "\"t3.carried_in.natural\": 3,") != NULL,
	    "上年结转 not carried");
	cr_expect(strstr(run.out, "去年的问题") == NULL,
	    "last year's text copied into this year's");
	tu_run_free(&run);
}

/* No report found: Tab on the organ question asks for the path; a
 * missing file and a broken report say why and let the clerk retype. */
Test(pty_editor, new_from_last_year_typed)
{
	char		*dir = test_path("old"), *last, *bad;
	char		*path = test_path("new.yaml");
	struct tu_run	 run;
	int		 st;

	cr_assert(mkdir(dir, 0700) == 0);
	last = test_path("old/2023.yaml");
	bad = test_path("bad.yaml");
	tu_write(bad, "version: 1\ntemplate: gb2021\norgan: [\n");
	cli((const char *const[]){ "new", "--organ", "旧镇人民政府",
	    "--year", "2023", last, NULL });
	cli((const char *const[]){ "set", last, "t3.carried_out.natural=5",
	    NULL });
	start(ROWS, COLS, (const char *const[]){ path, NULL });
	WAIT_FOR("Tab");
	pty_key(g_p, PTY_TAB);
	WAIT_FOR("上年的报告文件");
	pty_type(g_p, "nope.yaml");
	pty_key(g_p, PTY_ENTER);
	WAIT_FOR("nope.yaml: ");
	pty_ctrl(g_p, 'u');
	pty_type(g_p, "bad.yaml");
	pty_key(g_p, PTY_ENTER);
	WAIT_FOR("bad.yaml:");
	EXPECT(pty_alive(g_p), "a broken report ended the editor");
	pty_ctrl(g_p, 'u');
	pty_type(g_p, "old/2023.yaml");
	pty_key(g_p, PTY_ENTER);
	WAIT_FOR("旧镇人民政府");
	pty_key(g_p, PTY_ENTER);
	WAIT_FOR("2024");
	pty_key(g_p, PTY_ENTER);
	WAIT_FOR("已新建");
	pty_ctrl(g_p, 'q');
	st = pty_wait_exit(g_p, WAIT_MS);
	EXPECT(st == 0, "Ctrl-Q after creating gave %d", st);
	tu_nianbao(&run, NULL, (const char *const[]){ "export", "-f", "json",
	    path, NULL });
	cr_assert_eq(run.status, 0, "export -f json: %s", run.err);
	cr_expect(strstr(run.out, "\"organ\": \"旧镇人民政府\"") != NULL);
	cr_expect(strstr(run.out, "\"year\": 2024,") != NULL);
	cr_expect(strstr(run.out, "\"t3.carried_in.natural\": 5,") != NULL);
	tu_run_free(&run);
}
