/*
 * The editor frees what it allocates: a session through every pane and
 * every kind of question, run in this process by the keyless driver
 * (edutil.h), then LeakSanitizer asked whether anything allocated is
 * unreachable.  In the ASan build only (elsewhere the test is skipped):
 * LeakSanitizer at a test process's exit prints leaks but does not fail
 * the test, so the check is made here, inside the test.
 */
#include <stdlib.h>

#include <criterion/criterion.h>

#include "edfix.h"
#include "edutil.h"

#define ROWS	30
#define COLS	100

TestSuite(ed_leaks, .init = edfix_setup, .fini = eu_teardown,
    .timeout = 120);

Test(ed_leaks, a_session_frees_everything)
{
	char	*path = edfix_report(NULL, "r.yaml",
	    (const char *const[]){ "t3.new.natural=3", NULL });
	char	*copy = edfix_path("copy.yaml");

#ifndef __SANITIZE_ADDRESS__
	cr_skip_test("LeakSanitizer is in the ASan build only");
#endif
	eu_g = eu_open(path, ROWS, COLS);
	eu_go_to(eu_g, "t3.new.legal");
	eu_type(eu_g, "12x");
	eu_key(eu_g, EU_ENTER);			/* held */
	eu_key(eu_g, EU_ESC);			/* the old value back */
	eu_go_to(eu_g, "自然人");		/* a list */
	eu_key(eu_g, EU_ENTER);
	eu_go_to(eu_g, "不存在");		/* refused, then Esc */
	eu_key(eu_g, EU_ESC);
	eu_key(eu_g, EU_F(3));			/* flags */
	eu_key(eu_g, KM_KEY(KEY_DOWN));
	eu_key(eu_g, EU_ENTER);
	eu_key(eu_g, EU_F(8));
	eu_key(eu_g, EU_F(1));			/* help */
	eu_key(eu_g, KM_KEY(KEY_NPAGE));
	eu_key(eu_g, EU_ESC);
	eu_key(eu_g, EU_F(4));			/* preview */
	eu_key(eu_g, KM_KEY(KEY_NPAGE));
	eu_key(eu_g, EU_ESC);
	eu_go_to(eu_g, "s1");
	eu_paste(eu_g, "本机关坚持以公开为常态。");
	eu_key(eu_g, EU_CTRL('Z'));
	eu_key(eu_g, EU_CTRL('Y'));
	eu_key(eu_g, EU_F(11));
	eu_key(eu_g, EU_F(9));			/* export, then Esc */
	eu_type(eu_g, "1");
	eu_key(eu_g, EU_ESC);
	eu_key(eu_g, EU_CTRL('Q'));		/* quit?  cancel */
	eu_key(eu_g, EU_ESC);
	eu_key(eu_g, EU_F(2));
	eu_resize(eu_g, 10, 40);
	eu_resize(eu_g, ROWS, COLS);
	eu_free(eu_g);
	eu_g = NULL;
	/* A new report's questions, given up half way. */
	eu_g = eu_open(copy, ROWS, COLS);
	eu_type(eu_g, "新镇");
	eu_key(eu_g, EU_ENTER);
	eu_key(eu_g, EU_ESC);
	eu_free(eu_g);
	eu_g = NULL;
	cr_expect(!eu_leaked(), "the editor leaked (see stderr)");
}
