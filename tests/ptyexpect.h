/*
 * The checks of a test that drives the editor in a pty: on failure the
 * screen is dumped before the test fails.  The including file names its
 * editor g_p (and includes criterion and ptyutil.h first).
 */
#ifndef NB_PTYEXPECT_H
#define NB_PTYEXPECT_H

/* Fails the test with p's screen dumped. */
#define EXPECT_P(p, cond, ...) do {					\
	if (!(cond)) {							\
		pty_dump((p), stderr, #cond);				\
		cr_assert_fail(__VA_ARGS__);				\
	}								\
} while (0)
#define EXPECT(cond, ...)	EXPECT_P(g_p, cond, __VA_ARGS__)
#define WAIT_FOR(text) \
	EXPECT(pty_wait_for(g_p, (text), WAIT_MS), "never saw \"%s\"", (text))

#endif
