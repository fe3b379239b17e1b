/*
 * Editing like WPS on a real terminal (issue 12): what needs the
 * terminal's own bytes.  A mouse drag over the text selects it, as
 * libvterm encodes it for the modes the editor set (button motion 1002,
 * in SGR 1006 form for xterm and in the old X10 form for screen/tmux);
 * Ctrl-C then copies the selection, also to the terminal (OSC 52).  The
 * help says that Shift with the drag gives back the terminal's own
 * select-and-copy.  Editing itself is tested without a terminal
 * (test_ed_wps.c).
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "ptyutil.h"
#include "ptyexpect.h"
#include "report.h"
#include "store.h"
#include "tpl.h"

#define ROWS	24
#define COLS	80
#define WAIT_MS	8000	/* generous: the binary may run under ASan */

static struct pty	*g_p;

static void
teardown(void)
{
	pty_free(g_p);
	g_p = NULL;
	edfix_teardown();
}

TestSuite(pty_wps, .init = edfix_setup, .fini = teardown, .timeout = 120);

static const char text[] = "本镇认真贯彻条例。全年主动公开信息一百二十条。";

/* The editor on a report whose 一 is text, at section 一, with TERM. */
static void
open_text(const char *term)
{
	char		*path = edfix_report(NULL, "r.yaml", NULL);
	struct report	*r = edfix_load(path);
	struct err	 e = { 0 };

	report_set_text(r, tpl_section_index(report_tpl(r), "s1"), text,
	    NULL);
	cr_assert(store_save(r, path, &e));
	report_free(r);
	g_p = pty_start_home(edfix_dir(), ROWS, COLS,
	    (const char *const[]){ NB_BIN, path, NULL }, term);
	cr_assert_not_null(g_p, "forkpty failed");
	WAIT_FOR("测试镇人民政府");
	pty_settle(g_p, 100, WAIT_MS);
	pty_go_to(g_p, "s1", WAIT_MS);
	WAIT_FOR("全年主动公开");
}

/* Whether cell (r, c) is drawn in reverse (the selection). */
static bool
reversed(int r, int c)
{
	struct pty_attr	at;

	return (pty_attr(g_p, r, c, &at) && at.reverse);
}

/* Drags from 全 to the 息 of the text, then copies: the clipboard (OSC
 * 52, base64) holds exactly 全年主动公开信息. */
static void
drag_selects(const char *term, const char *mode_seq)
{
	int	r, c;
	size_t	mark;

	open_text(term);
	EXPECT(pty_sent_since(g_p, 0, "\033[?1002h"),
	    "button motion (1002) was never asked for");
	EXPECT(pty_sent_since(g_p, 0, mode_seq), "no %s", mode_seq + 1);
	EXPECT(pty_find(g_p, "全年", 0, &r, &c), "no 全年");
	/* 全年主动公开信息 is 8 wide characters: released on the 一 after
	 * it, the caret goes before the 一. */
	pty_mouse(g_p, r, c, 1, true);
	pty_mouse(g_p, r, c + 8, 0, false);
	pty_settle(g_p, 100, WAIT_MS);
	EXPECT(reversed(r, c + 6) && !reversed(r, c + 8), "no selection "
	    "follows the mouse while the button is held");
	pty_mouse(g_p, r, c + 16, 0, false);
	pty_mouse(g_p, r, c + 16, 1, false);
	pty_settle(g_p, 100, WAIT_MS);
	EXPECT(reversed(r, c) && reversed(r, c + 14), "the drag selected "
	    "nothing");
	EXPECT(!reversed(r, c - 2) && !reversed(r, c + 16),
	    "the selection runs past the drag");
	mark = pty_mark(g_p);
	pty_ctrl(g_p, 'c');
	WAIT_FOR("已复制");
	/* base64 of 全年主动公开信息 */
	EXPECT(pty_sent_since(g_p, mark,
	    "\033]52;c;5YWo5bm05Li75Yqo5YWs5byA5L+h5oGv\a"),
	    "OSC 52 does not carry the dragged text");
}

Test(pty_wps, drag_selects_sgr)
{
	drag_selects(NULL, "\033[?1006");
}

Test(pty_wps, drag_selects_x10)
{
	drag_selects("TERM=screen", "\033[?1000h");
}

/* With mouse tracking on, the help says how to get the terminal's own
 * selection back. */
Test(pty_wps, help_says_shift_drag)
{
	int	pages;

	open_text(NULL);
	pty_key(g_p, PTY_F1);
	WAIT_FOR("按键");
	for (pages = 0; pages < 12 && !pty_contains(g_p, "按住 Shift"); pages++) {
		pty_key(g_p, PTY_PGDN);
		pty_settle(g_p, 100, WAIT_MS);
	}
	EXPECT(pty_contains(g_p, "按住 Shift"), "the help does not say "
	    "Shift-drag");
}
