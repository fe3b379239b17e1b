/*
 * Key bindings as a table: rows { context, key, action }, and one row per
 * action with its function and two message ids (a short label for the
 * key bar, a sentence for the help screen).  The help screen and the key
 * bar are generated from these tables, so what they say is what the keys
 * do.
 *
 * A key is an int: a character from get_wch as its code point, or a
 * curses key code (get_wch returned KEY_CODE_YES) with KM_FN added, so
 * that KEY_F(1) and U+0109 cannot collide.
 *
 * Lookup: the context's own bindings first, then the global ones (in the
 * "too small" context only save, quit and redraw).  Keys no binding
 * takes go to the context's default handler (typing into a cell or the
 * text editor; the preview's own keys).
 */
#ifndef NB_ED_KEYMAP_H
#define NB_ED_KEYMAP_H

#include <stddef.h>
#include <wchar.h>

#include "i18n.h"

#define KM_FN		0x1000000
#define KM_KEY(k)	(KM_FN | (k))
#define KM_CTRL(c)	((c) & 0x1f)

struct tui_app;

enum ed_keymap_ctx {
	KM_GLOBAL,
	KM_FORM,
	KM_TEXT,
	KM_FLAGS,
	KM_HELP,
	KM_PREVIEW,
	KM_LASTYEAR,
	KM_SMALL,
	KM_NCTX
};

enum ed_keymap_act {
	ACT_HELP, ACT_SAVE, ACT_EXPORT, ACT_FLAGS, ACT_PREVIEW, ACT_LASTYEAR,
	ACT_QUIT, ACT_UNDO,
	ACT_REDO, ACT_GOTO, ACT_NEXT_FLAG, ACT_PREV_FLAG, ACT_NEXT_SEC,
	ACT_PREV_SEC, ACT_REDRAW,
	ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_TAB, ACT_BTAB, ACT_HOME,
	ACT_END, ACT_PGUP, ACT_PGDN, ACT_ENTER, ACT_CANCEL, ACT_BKSP, ACT_DEL,
	ACT_LIST_UP, ACT_LIST_DOWN, ACT_LIST_PGUP, ACT_LIST_PGDN,
	ACT_LIST_HOME, ACT_LIST_END, ACT_FLAGS_JUMP, ACT_CLOSE,
	ACT_COUNT_
};

/* The action bound to key in ctx, or -1. */
int	 ed_keymap_lookup(enum ed_keymap_ctx, int key);
/* Runs action act for key.  Returns its dirty bits. */
unsigned ed_keymap_run(struct tui_app *, int act, int key);

/* The key's name ("F2", "Ctrl-S" or with short "^S", "Enter", "PgDn").
 * Writes at most size bytes into buf and returns buf. */
char	*ed_keymap_key_name(int key, int shortform, char *buf, size_t size);

/* One line of the help screen: the keys of an action and what it does. */
struct ed_keymap_desc {
	char	*keys;		/* "F2, Ctrl-S" */
	char	*text;		/* the help sentence */
};
/* The actions of ctx in table order.  Returns how many; *out is newly
 * allocated (free with ed_keymap_desc_free). */
size_t	 ed_keymap_describe(const struct i18n *, enum ed_keymap_ctx,
	    struct ed_keymap_desc **out);
void	 ed_keymap_desc_free(struct ed_keymap_desc *, size_t);
/* The name of a context for the help screen (a msgid). */
const char *ed_keymap_ctx_msgid(enum ed_keymap_ctx);

/* Draws the key bar on row y from the bindings marked for it. */
void	 ed_keymap_draw_bar(const struct tui_app *, int y);

/* Encodes the character c as UTF-8 into out (5 bytes); returns the
 * length, 0 for a value that is not a Unicode scalar. */
size_t	 ed_keymap_utf8(wint_t c, char out[5]);
/* True for a character that may be typed as text. */
int	 ed_keymap_printable(int key);

#endif
