/*
 * Issue 11 on a real terminal, continued (test_pty_terminals.c has the
 * locale, the overlays and each terminal's keys):
 *
 * - Every action has a key a vt100 sends: Home, End, PgUp and PgDn are
 *   also Alt-<, Alt->, Alt-P and Alt-N (ESC and the key, as PuTTY sends
 *   Alt), checked by what they do under TERM=vt100.
 * - English vertical labels (the row groups of 三 that run down their
 *   rows) break between words, never inside one ("II / I. / Out / com /
 *   es"), with --lang en at 80x24 and 100x30.
 *
 * On failure the screen is dumped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "ptyutil.h"
#include "tpl.h"
#include "testutil.h"
#include "xmalloc.h"

#define WAIT_MS	8000	/* generous: the binary may run under ASan */

static struct pty	*g_p;

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
	edfix_teardown();
}

TestSuite(pty_terminals_more, .init = edfix_setup, .fini = teardown,
    .timeout = 120);

static void
start(const char *const *argv, int rows, int cols, const char *env)
{
	g_p = pty_start_home(edfix_dir(), rows, cols, argv, env);
	cr_assert_not_null(g_p, "forkpty failed");
}

static void
send(const char *seq)
{
	pty_send(g_p, seq, strlen(seq));
}

/* Alt and a key on a vt100, which has no Home, End, PgUp or PgDn. */
Test(pty_terminals_more, alt_keys_on_vt100)
{
	char	*path = edfix_report(NULL, "r.yaml", NULL);
	int	 i;

	start((const char *const[]){ NB_BIN, path, NULL }, 30, 120,
	    "TERM=vt100");
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

	start((const char *const[]){ NB_BIN, "--lang", "en", path, NULL },
	    rows, cols, NULL);
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

Test(pty_terminals_more, english_vertical_labels)
{
	english_at(24, 80);
	english_at(30, 100);
}
