/*
 * Keys as tables.  An action (struct ed_action) is a function with the
 * words that describe it: a short label for the key bar, a sentence for
 * the help screen.  A keymap is the rows { action, its keys } of one
 * context (the global keys, the form, a list screen...), in the order the
 * help screen lists them.  Each module defines its own actions and the
 * keymap of its pane; the global keymap (ed_keys.c) is the one table
 * that registers everything reachable from anywhere.  The help screen and
 * the key bar are generated from the tables, so what they say is what
 * the keys do.
 *
 * A key is an int: a character from get_wch as its code point, or a
 * curses key code (get_wch returned KEY_CODE_YES) with KM_FN added, so
 * that KEY_F(1) and U+0109 cannot collide.
 *
 * Lookup (ed_loop.c): the pane's keymap first, then the global one (on
 * the "too small" screen only the actions marked ED_ACT_SMALL).  Keys no
 * row takes go to the pane's own key handler (typing into a cell or the
 * text; the preview's keys).
 */
#ifndef NB_ED_KEYMAP_H
#define NB_ED_KEYMAP_H

#include <stddef.h>
#include <wchar.h>

#include "i18n.h"

#define KM_FN		0x1000000
#define KM_KEY(k)	(KM_FN | (k))
#define KM_CTRL(c)	((c) & 0x1f)

#define ED_KEYS_MAX	4	/* keys of one row, 0 ends them */

/* Flags of an action. */
#define ED_ACT_SMALL	0x01	/* also works on the too-small screen */
#define ED_ACT_EDITS	0x02	/* changes the report: refused read-only */

struct tui_app;
struct ed_keymap;

struct ed_action {
	unsigned	(*fn)(struct tui_app *, int key);
	const char	*bar;		/* key bar label (msgid); NULL: none */
	const char	*help;		/* help sentence (msgid) */
	/* The key bar shows it only when this says so (NULL: always). */
	int		(*shown)(const struct tui_app *);
	unsigned	 flags;		/* ED_ACT_* */
	/* The keymap of the pane it opens, listed by the help screen. */
	const struct ed_keymap *opens;
};

struct ed_binding {
	const struct ed_action	*act;		/* NULL ends a table */
	int			 keys[ED_KEYS_MAX];
};

struct ed_keymap {
	const char		*name;	/* context name (msgid); NULL: not in
					   the help screen */
	const char		*text;	/* help paragraph (msgid) in place of
					   the rows; NULL: none */
	const struct ed_binding	*rows;	/* NULL: none */
	/* Keymaps the help lists right after this one (NULL-terminated). */
	const struct ed_keymap *const *also;
};

/* Gives curses (after keypad()) the escape sequences of PuTTY, xterm,
 * rxvt, the Linux console, screen/tmux and vt100/vt220 for Home, End,
 * Insert, Delete, PgUp, PgDn, the arrows, Shift-Tab and F1-F12, beside
 * the terminal description's own. */
void	 ed_keymap_define_sequences(void);

/* The action bound to key in km, or NULL. */
const struct ed_action *ed_keymap_lookup(const struct ed_keymap *km, int key);

/* The key's name ("F2", "Ctrl-S" or with short "^S", "Enter", "PgDn").
 * Writes at most size bytes into buf and returns buf. */
char	*ed_keymap_key_name(int key, int shortform, char *buf, size_t size);

/* One line of the help screen: the keys of an action and what it does. */
struct ed_keymap_desc {
	char	*keys;		/* "F2, Ctrl-S" */
	char	*text;		/* the help sentence */
};
/* The rows of km in table order.  Returns how many; *out is newly
 * allocated (free with ed_keymap_desc_free). */
size_t	 ed_keymap_describe(const struct i18n *, const struct ed_keymap *km,
	    struct ed_keymap_desc **out);
void	 ed_keymap_desc_free(struct ed_keymap_desc *, size_t);

/* Draws the key bar of km (the actions with a bar label whose `shown`
 * allows) on row y, the screen's width: for each, its F-key when the
 * terminal description has that key, else its Ctrl key. */
void	 ed_keymap_draw_bar(const struct tui_app *, const struct ed_keymap *km,
	    int y);

/* Encodes the character c as UTF-8 into out (5 bytes); returns the
 * length, 0 for a value that is not a Unicode scalar. */
size_t	 ed_keymap_utf8(wint_t c, char out[5]);
/* True for a character that may be typed as text. */
int	 ed_keymap_printable(int key);

#endif
