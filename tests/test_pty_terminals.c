/*
 * Issue 11 on a real terminal: the nianbao binary in a pseudo-terminal
 * (ptyutil.h), for what the keyless driver cannot see.
 *
 * - The locale: LANG unset, or naming a locale the system lacks; the
 *   screen must show Chinese, and the status line say what was used.
 * - Dialogs over Chinese text: the screen after closing F9 or Ctrl-G is
 *   the screen before, cell for cell, at several widths (so the dialog's
 *   edges cut double-width characters at different places).
 * - Keys as each terminal sends them: PuTTY (default and Xterm R6),
 *   xterm, rxvt, the Linux console, screen, tmux, vt100 and vt220, each
 *   with its TERM, for Home, End, PgUp, PgDn, Delete, Shift-Tab and
 *   F1-F12, each checked by what it does; and Alt-< Alt-> Alt-P Alt-N
 *   for Home, End, PgUp, PgDn on a vt100, which has none of them.
 * - English vertical labels (the row groups of 三 that run down their
 *   rows) break between words, never inside one ("II / I. / Out / com /
 *   es"), with --lang en at 80x24 and 100x30.
 *
 * On failure the screen is dumped.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "ptyutil.h"
#include "ptyexpect.h"
#include "report.h"
#include "tpl.h"
#include "testutil.h"
#include "xmalloc.h"

#define ROWS	30
#define WAIT_MS	8000	/* generous: the binary may run under ASan */

static struct pty	*g_p;
static char		 g_tmux[256];	/* a tmux server's socket, or "" */

static void
teardown(void)
{
	char	cmd[512];

	pty_free(g_p);
	g_p = NULL;
	if (g_tmux[0] != '\0') {	/* a failed check left it running */
		snprintf(cmd, sizeof cmd, "env -u TMUX tmux -S '%s' "
		    "kill-server 2>/dev/null", g_tmux);
		if (system(cmd) == -1)
			perror("tmux");
		g_tmux[0] = '\0';
	}
	edfix_teardown();
}

TestSuite(pty_terminals, .init = edfix_setup, .fini = teardown,
    .timeout = 120);

static void
start(const char *path, int cols, const char *extra)
{
	const char	*argv[] = { NB_BIN, path, NULL };

	g_p = pty_start_home(edfix_dir(), ROWS, cols, argv, extra);
	cr_assert_not_null(g_p, "forkpty failed");
}

/* Section 一 full of Chinese text, lines of different lengths. */
static char *
chinese_report(void)
{
	char	*txt = edfix_path("s1.txt"), *path, arg[4096];
	FILE	*f = fopen(txt, "w");

	cr_assert_not_null(f);
	fputs("（一）主动公开情况。本年度，测试镇人民政府认真贯彻落实《中华人民"
	    "共和国政府信息公开条例》，围绕中心工作，主动公开政府信息一百二十条，"
	    "其中规范性文件三件，工作动态八十余条。\n"
	    "查阅点设置情况：在镇便民服务中心设立政府信息公开查阅点，提供查阅服务。"
	    "全年接待群众查阅二十余人次，较上年有所增加。\n"
	    "考核情况：将政府信息公开工作纳入年度考核，严格落实责任制，确保各项工作"
	    "落到实处，取得较好效果，得到上级肯定。\n"
	    "（二）依申请公开情况。全年共收到政府信息公开申请八件，均已按期答复，"
	    "无逾期答复情况，申请人对答复结果无异议。\n", f);
	fclose(f);
	path = edfix_report(NULL, "r.yaml", NULL);
	snprintf(arg, sizeof arg, "s1=@%s", txt);
	edfix_cli((const char *const[]){ "set", path, arg, NULL });
	return (path);
}

/* No '~' where Chinese should be (what ncurses draws for characters it
 * cannot show outside a UTF-8 locale). */
static bool
no_tildes(void)
{
	char	*s = pty_screen(g_p);
	bool	 ok = strchr(s, '~') == NULL;

	free(s);
	return (ok);
}

/* Issue 11, case 1: no LANG at all. */
Test(pty_terminals, locale_unset)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);

	start(path, 100, "LANG");
	WAIT_FOR("测试镇人民政府");
	WAIT_FOR("一、总体情况");
	EXPECT(no_tildes(), "characters drawn as ~");
	WAIT_FOR("已改用");
}

/* Issue 11, case 1: LANG names zh_CN.UTF-8, which the server may lack. */
Test(pty_terminals, locale_missing)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	locale_t	 l = newlocale(LC_CTYPE_MASK, "zh_CN.UTF-8", 0);

	start(path, 100, "LANG=zh_CN.UTF-8");
	WAIT_FOR("测试镇人民政府");
	EXPECT(no_tildes(), "characters drawn as ~");
	if (l == 0)
		WAIT_FOR("zh_CN.UTF-8”不可用");
	else
		freelocale(l);
}

/*
 * Dialogs are checked inside tmux: like xterm and PuTTY (and unlike
 * libvterm) it erases a whole double-width character when either half
 * is written over, which is what made curses' picture of the screen and
 * the terminal disagree.  tmux runs on a socket in the test's folder,
 * detached, at the size asked; its screen is read with capture-pane.
 */
struct tmx {
	char	sock[256];	/* in the test's folder */
};

static int
tmux_run(const struct tmx *t, const char *args)
{
	char	cmd[4096];

	snprintf(cmd, sizeof cmd, "env -u TMUX LANG=C.UTF-8 tmux -u -f "
	    "/dev/null -S '%s' %s", t->sock, args);
	return (system(cmd));
}

/* The screen as tmux shows it.  Newly allocated. */
static char *
tmux_screen(const struct tmx *t)
{
	char	 cmd[512], *buf = NULL;
	size_t	 len = 0;
	FILE	*f, *out;
	int	 c;

	snprintf(cmd, sizeof cmd, "env -u TMUX LANG=C.UTF-8 tmux -u -S '%s' "
	    "capture-pane -p", t->sock);
	out = open_memstream(&buf, &len);
	if ((f = popen(cmd, "r")) != NULL) {
		while ((c = fgetc(f)) != EOF)
			fputc(c, out);
		pclose(f);
	}
	fclose(out);
	return (buf);
}

/* Waits until the screen has text (true) or 8 s pass. */
static bool
tmux_wait(const struct tmx *t, const char *text)
{
	char	*s;
	bool	 seen = false;
	int	 i;

	for (i = 0; i < 400 && !seen; i++) {
		s = tmux_screen(t);
		seen = strstr(s, text) != NULL;
		free(s);
		if (!seen)
			usleep(20000);
	}
	return (seen);
}

/* Waits until the screen is want (true) or 2 s pass. */
static bool
tmux_wait_same(const struct tmx *t, const char *want)
{
	char	*s;
	bool	 same = false;
	int	 i;

	for (i = 0; i < 100 && !same; i++) {
		s = tmux_screen(t);
		same = strcmp(s, want) == 0;
		free(s);
		if (!same)
			usleep(20000);
	}
	return (same);
}

/* Opens a dialog with keys (tmux send-keys arguments), waits for it to
 * show text, closes it with Esc: the screen is what it was, cell for
 * cell. */
static void
dialog_leaves_no_trace(const struct tmx *t, const char *keys,
    const char *shows, int cols)
{
	char	 args[128], *before, *after;

	usleep(150000);
	before = tmux_screen(t);
	snprintf(args, sizeof args, "send-keys %s", keys);
	tmux_run(t, args);
	cr_assert(tmux_wait(t, shows), "%s never showed \"%s\"", keys,
	    shows);
	tmux_run(t, "send-keys Escape");
	if (!tmux_wait_same(t, before)) {
		after = tmux_screen(t);
		fprintf(stderr, "---- before, %d columns:\n%s\n---- after %s, "
		    "Esc:\n%s\n", cols, before, keys, after);
		free(after);
		cr_assert_fail("the screen after %s, Esc at %d columns is not "
		    "the screen before", keys, cols);
	}
	free(before);
}

/*
 * Issue 11, case 2, the clerk's steps: a report open on section 一, F9
 * then Esc (and Ctrl-G then Esc) lost the first character of lines and
 * left a stray space.  At widths that put the dialog's edges on both
 * halves of wide characters.
 */
Test(pty_terminals, dialog_closes_clean)
{
	static const int widths[] = { 100, 80, 101, 120, 97, 0 };
	char		*path = chinese_report(), args[2048];
	struct tmx	 t;
	int		 i;

	snprintf(t.sock, sizeof t.sock, "%s/tmux.sock", edfix_dir());
	snprintf(g_tmux, sizeof g_tmux, "%s", t.sock);
	for (i = 0; widths[i] != 0; i++) {
		snprintf(args, sizeof args, "new-session -d -x %d -y %d "
		    "'%s %s'", widths[i], ROWS, NB_BIN, path);
		cr_assert_eq(tmux_run(&t, args), 0, "tmux did not start");
		cr_assert(tmux_wait(&t, "依申请公开情况"), "no report");
		dialog_leaves_no_trace(&t, "F9", "导出为哪种格式", widths[i]);
		dialog_leaves_no_trace(&t, "C-g", "节号", widths[i]);
		tmux_run(&t, "send-keys F10");	/* unmodified: quits */
		usleep(300000);
		tmux_run(&t, "kill-server 2>/dev/null");
	}
}

/* A terminal: its TERM and the sequences its keys send. */
struct term {
	const char	*name, *env;
	const char	*home, *end, *pgup, *pgdn, *del, *btab;
	const char	*f[12];
};

#define F5_12	"\033[15~", "\033[17~", "\033[18~", "\033[19~", \
	"\033[20~", "\033[21~", "\033[23~", "\033[24~"

static const struct term terms[] = {
	{ "PuTTY", "TERM=xterm", "\033[1~", "\033[4~", "\033[5~", "\033[6~",
	    "\033[3~", "\033[Z", { "\033[11~", "\033[12~", "\033[13~",
	    "\033[14~", F5_12 } },
	{ "PuTTY Xterm R6", "TERM=xterm", "\033[1~", "\033[4~", "\033[5~",
	    "\033[6~", "\033[3~", "\033[Z", { "\033OP", "\033OQ", "\033OR",
	    "\033OS", F5_12 } },
	{ "xterm", "TERM=xterm-256color", "\033OH", "\033OF", "\033[5~",
	    "\033[6~", "\033[3~", "\033[Z", { "\033OP", "\033OQ", "\033OR",
	    "\033OS", F5_12 } },
	{ "rxvt", "TERM=rxvt", "\033[7~", "\033[8~", "\033[5~", "\033[6~",
	    "\033[3~", "\033[Z", { "\033[11~", "\033[12~", "\033[13~",
	    "\033[14~", F5_12 } },
	{ "linux", "TERM=linux", "\033[1~", "\033[4~", "\033[5~", "\033[6~",
	    "\033[3~", "\033[Z", { "\033[[A", "\033[[B", "\033[[C", "\033[[D",
	    "\033[[E", "\033[17~", "\033[18~", "\033[19~", "\033[20~",
	    "\033[21~", "\033[23~", "\033[24~" } },
	{ "screen", "TERM=screen", "\033[1~", "\033[4~", "\033[5~",
	    "\033[6~", "\033[3~", "\033[Z", { "\033OP", "\033OQ", "\033OR",
	    "\033OS", F5_12 } },
	{ "tmux", "TERM=tmux-256color", "\033[1~", "\033[4~", "\033[5~",
	    "\033[6~", "\033[3~", "\033[Z", { "\033OP", "\033OQ", "\033OR",
	    "\033OS", F5_12 } },
	{ "vt100 (PuTTY)", "TERM=vt100", "\033[1~", "\033[4~", "\033[5~",
	    "\033[6~", "\033[3~", "\033[Z", { "\033OP", "\033OQ", "\033OR",
	    "\033OS", F5_12 } },
	{ "vt220", "TERM=vt220", "\033[1~", "\033[4~", "\033[5~", "\033[6~",
	    "\033[3~", "\033[Z", { "\033OP", "\033OQ", "\033OR", "\033OS",
	    F5_12 } },
};

static const struct term	*g_t;

static void
send(const char *seq)
{
	pty_send(g_p, seq, strlen(seq));
}

/* Sends seq (key `what`) and waits until text shows. */
static void
key_shows(const char *seq, const char *what, const char *text)
{
	send(seq);
	EXPECT(pty_wait_for(g_p, text, WAIT_MS), "%s: %s did not show \"%s\"",
	    g_t->name, what, text);
}

static void
key_hides(const char *seq, const char *what, const char *text)
{
	send(seq);
	EXPECT(pty_wait_gone(g_p, text, WAIT_MS), "%s: %s left \"%s\"",
	    g_t->name, what, text);
}

static void
esc(void)
{
	pty_key(g_p, PTY_ESC);
	pty_settle(g_p, 60, WAIT_MS);
}

/* One terminal's keys, each by what it does. */
static void
keys_of(const struct term *t)
{
	char	*path = edfix_report(NULL, "r.yaml", (const char *const[]){
	    "t3.new.natural=3", "t3.new.other_org=7", NULL }), *v;

	g_t = t;
	start(path, 120, t->env);
	WAIT_FOR("测试镇人民政府");
	pty_go_to(g_p, "t3.new.legal", WAIT_MS);
	WAIT_FOR("｜t3.new.legal");
	key_shows(t->home, "Home", "｜t3.new.natural");
	key_shows(t->end, "End", "｜t3.new.total");
	key_shows(t->btab, "Shift-Tab", "｜t3.new.other_org");
	key_hides(t->pgdn, "PgDn", "｜t3.new.other_org");
	key_shows(t->pgup, "PgUp", "｜t3.new.other_org");
	send(t->del);
	key_shows(t->f[1], "F2", "已保存到");
	v = edfix_file_value(path, "t3.new.other_org");
	EXPECT(strcmp(v, "") == 0, "%s: Delete left %s", t->name, v);
	free(v);
	key_shows(t->f[0], "F1", "填报说明");
	esc();
	key_shows(t->f[2], "F3", "个错误");
	esc();
	key_shows(t->f[3], "F4", "第 1 页");
	esc();
	key_shows(t->f[10], "F11", "只能在文字部分查看");
	key_shows(t->f[5], "F6", "｜t4.");
	key_shows(t->f[4], "F5", "｜t3.new.other_org");
	key_shows(t->f[5], "F6", "｜t4.");
	key_shows(t->f[7], "F8", "勾稽关系不成立");
	key_shows(t->f[5], "F6", "｜t4.");
	key_shows(t->f[6], "F7", "勾稽关系不成立");
	/* The report has errors: F9 asks about them first. */
	key_shows(t->f[8], "F9", "有错误的报告不宜发布");
	esc();
	/* F12 is bound to nothing: it must not type its bytes. */
	send(t->f[11]);
	pty_settle(g_p, 100, WAIT_MS);
	EXPECT(!pty_contains(g_p, "[24~") && !pty_contains(g_p, "24~"),
	    "%s: F12 typed its bytes", t->name);
	send(t->f[9]);
	EXPECT(pty_wait_exit(g_p, WAIT_MS) == 0, "%s: F10 did not quit",
	    t->name);
	pty_free(g_p);
	g_p = NULL;
}

/* Issue 11, case 4: PuTTY's keys, and every other listed terminal's. */
Test(pty_terminals, keys_per_terminal)
{
	size_t	i;

	for (i = 0; i < sizeof terms / sizeof terms[0]; i++)
		keys_of(&terms[i]);
}

/* Under TERM=vt100 the bar offers the Ctrl keys of what vt100 has no
 * F-key for; help has a Ctrl key. */
Test(pty_terminals, key_bar_follows_the_terminal)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL), *bar;

	start(path, 120, "TERM=vt100");
	WAIT_FOR("测试镇人民政府");
	pty_settle(g_p, 100, WAIT_MS);
	bar = pty_row(g_p, ROWS - 1);
	EXPECT(strstr(bar, "F1 ") != NULL && strstr(bar, "^Q") != NULL &&
	    strstr(bar, "^O") != NULL && strstr(bar, "F10") == NULL &&
	    strstr(bar, "F9") == NULL && strstr(bar, "F6") == NULL,
	    "vt100 bar: [%s]", bar);
	free(bar);
	pty_ctrl(g_p, 't');
	WAIT_FOR("填报说明");
}

/*
 * Issue 11, Done when 3: at 80x24 and 100x30, with LANG unset and with
 * LANG naming a missing zh_CN.UTF-8, every input cell of 三 is filled
 * with keys PuTTY sends by default (digits, Tab, its F2), in the order
 * Tab visits them; the saved report holds every value, 其他 and the
 * computed 总计 included, and the 总计 column is on screen beside 其他.
 */
static void
fill_three(int rows, int cols, const char *env)
{
	const struct tpl *t = edfix_tpl();
	char		*path = edfix_report(NULL, "r.yaml", NULL), num[16];
	char		*v, *keys;
	struct report	*r;
	size_t		 i, n = 0, len = 0;
	FILE		*f;
	const char	*argv[] = { NB_BIN, path, NULL };

	g_p = pty_start_home(edfix_dir(), rows, cols, argv, env);
	cr_assert_not_null(g_p);
	WAIT_FOR("测试镇人民政府");
	EXPECT(no_tildes(), "characters drawn as ~ at %dx%d", cols, rows);
	pty_go_to(g_p, "t3.new.natural", WAIT_MS);
	f = open_memstream(&keys, &len);
	for (i = 0; i < t->ncells; i++)
		if (strncmp(t->cells[i].id, "t3.", 3) == 0 &&
		    !tpl_cell_computed(t, (int)i))
			fprintf(f, "%zu\t", 10 + n++);
	fclose(f);
	EXPECT(pty_send(g_p, keys, len), "the editor stopped reading");
	free(keys);
	/* The editor reads the keys in order, so F2 is handled after the
	 * last of them; under ASan on a loaded machine that can take far
	 * longer than WAIT_MS (a CI run saw 16 s not enough), so the wait
	 * for the save is long.  It bounds a hang, it times nothing. */
	pty_settle(g_p, 200, WAIT_MS);
	send("\033[12~");	/* PuTTY's F2 */
	EXPECT(pty_wait_for(g_p, "已保存到", 12 * WAIT_MS),
	    "never saw \"已保存到\"");
	r = edfix_load(path);
	for (i = 0, n = 0; i < t->ncells; i++) {
		if (strncmp(t->cells[i].id, "t3.", 3) != 0 ||
		    tpl_cell_computed(t, (int)i))
			continue;
		snprintf(num, sizeof num, "%zu", 10 + n++);
		v = edfix_value(r, t->cells[i].id);
		EXPECT(strcmp(v, num) == 0, "%dx%d: %s saved as \"%s\", typed %s",
		    cols, rows, t->cells[i].id, v, num);
		free(v);
	}
	v = edfix_value(r, "t3.new.total");
	EXPECT(strcmp(v, "75") == 0, "t3.new.total is %s, not 10+...+15", v);
	free(v);
	report_free(r);
	/* 其他 and 总计 side by side on screen, with the row's total. */
	pty_go_to(g_p, "t3.new.other_org", WAIT_MS);
	WAIT_FOR("法人或其他组织/其他｜单位");
	WAIT_FOR("总计");
	WAIT_FOR("75");
	pty_free(g_p);
	g_p = NULL;
}

Test(pty_terminals, fill_three_putty_80x24)
{
	fill_three(24, 80, "LANG");
	fill_three(24, 80, "LANG=zh_CN.UTF-8");
}

Test(pty_terminals, fill_three_putty_100x30)
{
	fill_three(30, 100, "LANG");
	fill_three(30, 100, "LANG=zh_CN.UTF-8");
}

/* Alt and a key on a vt100, which has no Home, End, PgUp or PgDn. */
Test(pty_terminals, alt_keys_on_vt100)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);
	int	 i;

	start(path, 120, "TERM=vt100");
	WAIT_FOR("测试镇人民政府");
	pty_go_to(g_p, "t3.new.legal", WAIT_MS);
	WAIT_FOR("｜t3.new.legal");
	send("\033<");
	WAIT_FOR("｜t3.new.natural");
	send("\033>");
	WAIT_FOR("｜t3.new.total");
	send("\033n");
	EXPECT(pty_wait_gone(g_p, "｜t3.new.total", WAIT_MS), "Alt-N");
	send("\033p");
	WAIT_FOR("｜t3.new.total");
	/* Nothing typed into the cell on the way. */
	EXPECT(!pty_contains(g_p, "不是数字"), "an Alt key was typed");
	/* Help says so; Alt-N pages it too. */
	pty_ctrl(g_p, 't');
	WAIT_FOR("帮助");
	for (i = 0; i < 6 && !pty_contains(g_p, "Alt-<"); i++) {
		send("\033n");
		pty_settle(g_p, 80, WAIT_MS);
	}
	EXPECT(pty_contains(g_p, "Alt-<"), "help does not name Alt-<");
}

/* Whether word stands whole (between blanks or the row's ends) on a row
 * of screen s. */
static bool
whole_word(const char *s, const char *word)
{
	const char	*p = s;
	size_t		 n = strlen(word);

	while ((p = strstr(p, word)) != NULL) {
		if ((p == s || p[-1] == ' ' || p[-1] == '\n') &&
		    (p[n] == ' ' || p[n] == '\n' || p[n] == '\0'))
			return (true);
		p++;
	}
	return (false);
}

/* Checks every word of the English row-group labels of section sec's
 * tables against the screens seen (run together in seen). */
static void
labels_whole(const struct tpl *t, int sec, const char *seen, int cols)
{
	const struct tpl_section *s = &t->sections[sec];
	const struct tpl_table	*tb;
	const struct tpl_block	*bl;
	char			*lab, *w, *save = NULL;
	size_t			 k, n = 0;
	int			 i, b;

	for (i = 0; i < s->ntables; i++) {
		tb = &t->tables[s->first_table + i];
		for (b = 0; b < tb->nblocks; b++) {
			bl = &t->blocks[tb->first_block + b];
			for (k = 0; k < bl->nrownodes; k++) {
				if (bl->rownodes[k].leaf != -1)
					continue;
				lab = xstrdup(tpl_label(&bl->rownodes[k].label,
				    LANG_EN));
				for (w = strtok_r(lab, " ", &save); w != NULL;
				    w = strtok_r(NULL, " ", &save), n++)
					EXPECT(whole_word(seen, w), "at %d "
					    "columns \"%s\" of \"%s\" is not "
					    "whole", cols, w, tpl_label(
					    &bl->rownodes[k].label, LANG_EN));
				free(lab);
			}
		}
	}
	if (sec == 2)
		cr_expect(n > 10, "三 has only %zu words in its groups", n);
}

static void
english_at(int rows, int cols)
{
	const struct tpl *t = edfix_tpl();
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	char		*seen = xstrdup(""), *scr, *all;
	int		 i;

	g_p = pty_start_home(edfix_dir(), rows, cols, (const char *const[]){
	    NB_BIN, "--lang", "en", path, NULL }, NULL);
	cr_assert_not_null(g_p, "forkpty failed");
	WAIT_FOR("Saved");
	pty_ctrl(g_p, 'd');
	pty_ctrl(g_p, 'd');
	WAIT_FOR("| t3.");
	for (i = 0; i < 8; i++) {
		pty_settle(g_p, 80, WAIT_MS);
		scr = pty_screen(g_p);
		all = xasprintf("%s\n%s", seen, scr);
		free(seen);
		free(scr);
		seen = all;
		pty_key(g_p, PTY_PGDN);
	}
	labels_whole(t, 2, seen, cols);
	labels_whole(t, 3, seen, cols);
	free(seen);
	pty_free(g_p);
	g_p = NULL;
}

Test(pty_terminals, english_vertical_labels)
{
	english_at(24, 80);
	english_at(30, 100);
}
