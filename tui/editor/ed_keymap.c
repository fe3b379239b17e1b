/*
 * Keymaps (see ed_keymap.h): lookup walks a keymap's rows; the help
 * screen lists them; the key bar shows, for each action of the global
 * keymap with a bar label, its first F-key that this terminal has (that
 * is what the bar is for) or else its first key (a Ctrl key).
 *
 * The escape sequences terminals really send (the table `seqs`) are
 * given to curses as well as the terminal description's own: terminfo
 * entries often lack them, and over SSH TERM often names another
 * terminal than the one typing (PuTTY's default sends ESC [11~ for F1
 * and ESC [1~ for Home whatever TERM says).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <curses.h>

#include "ed_app.h"
#include "ed_keymap.h"
#include "sbuf.h"
#include "vec.h"
#include "xmalloc.h"

/* Sequences per key, from the terminals named: PuTTY (default ESC [n~
 * and Xterm R6 modes), xterm (normal and application cursor modes),
 * rxvt, the Linux console, screen/tmux, vt100/vt220. */
static const struct {
	const char	*seq;
	int		 key;
} seqs[] = {
	/* Home/End: PuTTY, linux, screen, tmux, vt220; rxvt; xterm. */
	{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
	{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
	{ "\033[4~", KEY_END }, { "\033[8~", KEY_END },
	{ "\033[F", KEY_END }, { "\033OF", KEY_END },
	{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[Z", KEY_BTAB },
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
	{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	/* F1-F4: xterm, PuTTY Xterm R6, vt100 (PF1-PF4); PuTTY default
	 * and rxvt; the Linux console (with its F5). */
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
	{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
	/* F5-F12: the same on all of them. */
	{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) },
	{ "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
	{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) },
	{ "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
	/* Alt with a key (ESC before it, as PuTTY sends Alt): Home, End,
	 * PgUp and PgDn where the keyboard or the terminal has none
	 * (a vt100 has none of the four). */
	{ "\033<", KEY_HOME }, { "\033>", KEY_END },
	{ "\033p", KEY_PPAGE }, { "\033n", KEY_NPAGE },
};

void
ed_keymap_define_sequences(void)
{
	size_t	i;

	for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
		if (key_defined(seqs[i].seq) != seqs[i].key)
			define_key(seqs[i].seq, seqs[i].key);
}

/*
 * Whether this terminal has F-key n, as its description says: a kfN
 * entry that is not a keypad key (vt100's kf5-kf10 are ESC O t...ESC O
 * y, the keypad's digits, which no keyboard labels F6).
 */
static bool
has_fkey(int n)
{
	char	 cap[8];
	char	*s;

	snprintf(cap, sizeof cap, "kf%d", n);
	s = tigetstr(cap);
	if (s == NULL || s == (char *)-1 || *s == '\0')
		return (false);
	return (!(s[0] == '\033' && s[1] == 'O' && s[2] >= 'a' &&
	    s[2] <= 'z'));
}

const struct ed_action *
ed_keymap_lookup(const struct ed_keymap *km, int key)
{
	const struct ed_binding	*b;
	int			 i;

	if (km == NULL || km->rows == NULL)
		return (NULL);
	for (b = km->rows; b->act != NULL; b++)
		for (i = 0; i < ED_KEYS_MAX && b->keys[i] != 0; i++)
			if (b->keys[i] == key)
				return (b->act);
	return (NULL);
}

static const char *
named_key(int key)
{
	static const struct {
		int		 key;
		const char	*name;
	} names[] = {
		{ '\t', "Tab" }, { '\r', "Enter" }, { '\n', "Enter" },
		{ 27, "Esc" }, { 127, "Backspace" }, { 8, "Backspace" },
		{ ' ', "Space" },
		{ KM_KEY(KEY_ENTER), "Enter" }, { KM_KEY(KEY_UP), "Up" },
		{ KM_KEY(KEY_DOWN), "Down" }, { KM_KEY(KEY_LEFT), "Left" },
		{ KM_KEY(KEY_RIGHT), "Right" }, { KM_KEY(KEY_HOME), "Home" },
		{ KM_KEY(KEY_END), "End" }, { KM_KEY(KEY_PPAGE), "PgUp" },
		{ KM_KEY(KEY_NPAGE), "PgDn" },
		{ KM_KEY(KEY_BTAB), "Shift-Tab" },
		{ KM_KEY(KEY_BACKSPACE), "Backspace" },
		{ KM_KEY(KEY_DC), "Del" },
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key)
			return (names[i].name);
	return (NULL);
}

char *
ed_keymap_key_name(int key, int shortform, char *buf, size_t size)
{
	const char	*n = named_key(key);

	if (n != NULL)
		snprintf(buf, size, "%s", n);
	else if ((key & KM_FN) && (key & ~KM_FN) >= KEY_F(1) &&
	    (key & ~KM_FN) <= KEY_F(63))
		snprintf(buf, size, "F%d", (key & ~KM_FN) - KEY_F0);
	else if (key >= 1 && key < 32)
		snprintf(buf, size, shortform ? "^%c" : "Ctrl-%c", key + '@');
	else if (!(key & KM_FN) && key > 32 && key < 127)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "#%x", (unsigned)key);
	return (buf);
}

/* The keys of one row, named, the same name once: "Enter" for \r, \n
 * and the keypad's Enter.  Newly allocated. */
static char *
row_keys(const struct ed_binding *b)
{
	struct sbuf	keys;
	char		name[32];
	int		i;

	sbuf_init(&keys);
	for (i = 0; i < ED_KEYS_MAX && b->keys[i] != 0; i++) {
		ed_keymap_key_name(b->keys[i], 0, name, sizeof name);
		if (keys.len > 0 && strstr(keys.s, name) != NULL)
			continue;
		if (keys.len > 0)
			sbuf_adds(&keys, ", ");
		sbuf_adds(&keys, name);
	}
	return (sbuf_take(&keys));
}

size_t
ed_keymap_describe(const struct i18n *i18n, const struct ed_keymap *km,
    struct ed_keymap_desc **out)
{
	struct ed_keymap_desc	*d = NULL;
	const struct ed_binding	*b;
	size_t			 n = 0, cap = 0;

	for (b = km->rows; b != NULL && b->act != NULL; b++) {
		VEC_PUSH(d, n, cap);
		d[n - 1].keys = row_keys(b);
		d[n - 1].text = i18n_fmt0(i18n, b->act->help);
	}
	*out = d;
	return (n);
}

void
ed_keymap_desc_free(struct ed_keymap_desc *d, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(d[i].keys);
		free(d[i].text);
	}
	free(d);
}

/* The key shown in the bar for a row: its first F-key this terminal
 * has, else its first other key. */
static int
bar_key(const struct ed_binding *b)
{
	int	i, k, other = -1;

	for (i = 0; i < ED_KEYS_MAX && b->keys[i] != 0; i++) {
		k = b->keys[i];
		if ((k & KM_FN) && (k & ~KM_FN) >= KEY_F(1) &&
		    (k & ~KM_FN) <= KEY_F(63)) {
			if (has_fkey((k & ~KM_FN) - KEY_F0))
				return (k);
		} else if (other == -1)
			other = k;
	}
	return (other);
}

void
ed_keymap_draw_bar(const struct tui_app *a, const struct ed_keymap *km, int y)
{
	const struct ed_draw	*d = &a->dr;
	const struct ed_binding	*b;
	char			 name[32], *label;
	int			 x = 0, key, kw, lw;

	for (b = km->rows; b != NULL && b->act != NULL && x < a->g.cols; b++) {
		if (b->act->bar == NULL || (key = bar_key(b)) == -1 ||
		    (b->act->shown != NULL && !b->act->shown(a)))
			continue;
		ed_keymap_key_name(key, 1, name, sizeof name);
		label = i18n_fmt0(a->i18n, b->act->bar);
		kw = ed_draw_width(d, name);
		lw = ed_draw_width(d, label);
		if (x + kw + lw + 2 > a->g.cols) {
			free(label);
			break;
		}
		x += ed_draw_text(d, y, x, kw, name, ST_KEY, 0);
		ed_draw_fill(d, y, x++, 1, ST_KEYLABEL);
		x += ed_draw_text(d, y, x, lw, label, ST_KEYLABEL, 0);
		ed_draw_fill(d, y, x, 1, ST_NORMAL);
		x++;
		free(label);
	}
	ed_draw_fill(d, y, x, a->g.cols - x, ST_NORMAL);
}

size_t
ed_keymap_utf8(wint_t c, char out[5])
{
	if (c < 0x80) {
		out[0] = (char)c;
		out[1] = '\0';
		return (1);
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		out[2] = '\0';
		return (2);
	}
	if (c >= 0xd800 && c <= 0xdfff)
		return (0);
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		out[3] = '\0';
		return (3);
	}
	if (c > 0x10ffff)
		return (0);
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	out[4] = '\0';
	return (4);
}

int
ed_keymap_printable(int key)
{
	if (key & KM_FN)
		return (0);
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0))
		return (0);
	return (iswprint((wint_t)key) || key >= 0x3000);
}
