/*
 * The editor driven without a terminal: the keyless driver.
 *
 * eu_open() runs the real editor (the nbeditor library: the same loop,
 * panes, dialogs and drawing as `nianbao FILE`) on a real ncurses
 * screen made with newterm() on two pipes instead of a terminal.  The
 * test feeds it keys (eu_key, eu_type, eu_paste, eu_go_to), each run
 * through the loop's own dispatch and followed by the loop's own draw,
 * then reads what curses put on the screen (eu_row, eu_find, eu_cursor,
 * eu_attr), the dirty bits the key returned (eu_dirty), the bytes it
 * sent to the terminal (eu_bytes), and the report itself (eu_report).
 *
 * What needs a real terminal stays with the pseudo-terminal suites
 * (ptyutil.h): signals, hang-ups, resizes the terminal reports, bracketed
 * paste as bytes, the mouse.
 *
 * The editor runs in the test's process, so the test's environment is
 * the editor's: call after edfix_setup() (edfix.h), which points HOME and
 * the XDG folders at the test's folder.  Rows and columns are 0-based
 * screen cells; a wide character takes two cells and is given once in
 * row strings.  Functions returning char * return newly allocated
 * strings the caller frees.
 */
#ifndef NB_EDUTIL_H
#define NB_EDUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "ed_keymap.h"

struct eu;
struct report;
struct tui_app;

/* Keys, as the editor encodes them (ed_keymap.h). */
#define EU_ENTER	'\r'
#define EU_TAB		'\t'
#define EU_ESC		27
#define EU_F(n)		KM_KEY(KEY_F(n))
#define EU_CTRL(c)	KM_CTRL(c)

/*
 * The editor on report path (created by the editor's questions when it
 * does not exist) at rows x cols, in Chinese: the opening steps run
 * (lock, snapshot, load) and the first screen is drawn.  Fails the test
 * when the screen cannot be made.
 */
struct eu	*eu_open(const char *path, int rows, int cols);
/* As eu_open, given only template tpl_id and the others on demand
 * (editor_opts.all_tpls), as `nianbao FILE` starts. */
struct eu	*eu_open_own(const char *path, const char *tpl_id, int rows,
		    int cols);
/* How many times the editor asked for every template (eu_open_own). */
int		 eu_all_tpls_calls(const struct eu *);
/* The same for `nianbao preview path`. */
struct eu	*eu_open_preview(const char *path, int rows, int cols);
/* Leaves the editor as editor_run does (the snapshot removed when the
 * report is saved, the lock released) and frees everything. */
void		 eu_free(struct eu *);

/* One key: runs it and draws.  Returns its dirty bits. */
unsigned	 eu_key(struct eu *, int key);
/* Each character of utf8 typed as a key. */
void		 eu_type(struct eu *, const char *utf8);
/* A paste of text, as a bracketed paste gives it. */
void		 eu_paste(struct eu *, const char *utf8);
/* Go to (Ctrl-G, target, Enter). */
void		 eu_go_to(struct eu *, const char *target);
/* The terminal is now rows x cols (as after SIGWINCH). */
void		 eu_resize(struct eu *, int rows, int cols);

/* The dirty bits of the last key, and whether a key asked to quit. */
unsigned	 eu_dirty(const struct eu *);
bool		 eu_quit(const struct eu *);
/* Bytes written to the terminal so far. */
size_t		 eu_bytes(const struct eu *);

/* The screen as the terminal shows it.  Row r, trailing blanks kept. */
char		*eu_row(const struct eu *, int r);
/* Cells [c0, c1) of row r. */
char		*eu_cells(const struct eu *, int r, int c0, int c1);
/* All rows, trailing blanks trimmed, joined by '\n'. */
char		*eu_screen(const struct eu *);
bool		 eu_contains(const struct eu *, const char *utf8);
/* The first occurrence at or after row from (top to bottom). */
bool		 eu_find(const struct eu *, const char *utf8, int from, int *row,
		    int *col);
/* The hardware cursor; returns whether it is shown. */
bool		 eu_cursor(const struct eu *, int *row, int *col);
/* Whether cell (r, c) has a colour or is drawn in reverse. */
bool		 eu_marked(const struct eu *, int r, int c);

/* The report shown (NULL before one is), and the app itself. */
const struct report *eu_report(const struct eu *);
struct tui_app	*eu_app(struct eu *);

/* Writes the screen to stderr, headed by why (on a failing check). */
void		 eu_dump(const struct eu *, const char *why);

/*
 * The editor of the running test, for the suites' checks: EU_EXPECT
 * fails the test with its screen dumped, EU_SEES fails it unless the
 * text is on the screen.  eu_teardown (a suite's .fini) frees it and
 * then the test's folder (edfix_teardown).
 */
extern struct eu	*eu_g;
void		 eu_teardown(void);

/* Under LeakSanitizer: whether memory allocated so far and not freed is
 * unreachable (reported on stderr).  Always false without it. */
bool		 eu_leaked(void);
#define EU_EXPECT(cond, ...) do {					\
	if (!(cond)) {							\
		eu_dump(eu_g, #cond);					\
		cr_assert_fail(__VA_ARGS__);				\
	}								\
} while (0)
#define EU_SEES(text)							\
	EU_EXPECT(eu_contains(eu_g, (text)), "no \"%s\"", (text))

#endif
