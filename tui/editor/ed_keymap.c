/*
 * Keymaps (see ed_keymap.h): lookup walks a keymap's rows; the help
 * screen lists them; the key bar shows, for each action of the global
 * keymap with a bar label, its first F-key (that is what the bar is for)
 * or else its first key.
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

/* The key shown in the bar for a row: its first F-key, else its first. */
static int
bar_key(const struct ed_binding *b)
{
	int	i;

	for (i = 0; i < ED_KEYS_MAX && b->keys[i] != 0; i++)
		if (b->keys[i] & KM_FN)
			return (b->keys[i]);
	return (b->keys[0] != 0 ? b->keys[0] : -1);
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
