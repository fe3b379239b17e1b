/*
 * The binding table and the action table.  bindings[] is the master
 * copy: lookup walks it, the help screen lists it by context, the key
 * bar shows the first key of each action marked `bar` (an F-key when the
 * action has one, since that is what the bar is for), when the action's
 * `shown` test (if any) says it can do something here.  The order of
 * actions[] with a bar label is the order of the key bar.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <curses.h>

#include "ed_app.h"
#include "ed_doc.h"
#include "ed_cell.h"
#include "ed_flags.h"
#include "ed_form.h"
#include "ed_export.h"
#include "ed_help.h"
#include "ed_keymap.h"
#include "ed_lastyear.h"
#include "sbuf.h"
#include "xmalloc.h"

struct ed_keymap_action {
	unsigned	(*fn)(struct tui_app *, int);
	const char	*bar_msgid;	/* NULL: not in the key bar */
	const char	*help_msgid;
	int		(*shown)(const struct tui_app *);	/* NULL: always */
};

static const struct ed_keymap_action actions[ACT_COUNT_] = {
	[ACT_HELP]	 = { ed_help_act_open, "ed.k.help", "ed.h.help" },
	[ACT_SAVE]	 = { ed_doc_act_save, "ed.k.save", "ed.h.save" },
	[ACT_EXPORT]	 = { ed_export_act_open, "ed.k.export", "ed.h.export" },
	[ACT_FLAGS]	 = { ed_flags_act_open, "ed.k.flags", "ed.h.flags" },
	[ACT_PREVIEW]	 = { ed_doc_act_preview, "ed.k.preview", "ed.h.preview" },
	[ACT_LASTYEAR]	 = { ed_lastyear_act_open, "ed.k.lastyear", "ed.h.lastyear",
			     ed_lastyear_shown },
	[ACT_QUIT]	 = { ed_doc_act_quit, "ed.k.quit", "ed.h.quit" },
	[ACT_UNDO]	 = { ed_doc_act_undo, "ed.k.undo", "ed.h.undo" },
	[ACT_REDO]	 = { ed_doc_act_redo, NULL, "ed.h.redo" },
	[ACT_GOTO]	 = { ed_doc_act_goto, "ed.k.goto", "ed.h.goto" },
	[ACT_NEXT_FLAG]	 = { ed_flags_act_next, "ed.k.next_flag",
			     "ed.h.next_flag" },
	[ACT_PREV_FLAG]	 = { ed_flags_act_prev, NULL, "ed.h.prev_flag" },
	[ACT_NEXT_SEC]	 = { ed_app_act_next_section, "ed.k.next_sec",
			     "ed.h.next_sec" },
	[ACT_PREV_SEC]	 = { ed_app_act_prev_section, NULL, "ed.h.prev_sec" },
	[ACT_REDRAW]	 = { ed_app_act_redraw, NULL, "ed.h.redraw" },
	[ACT_UP]	 = { ed_form_act_up, NULL, "ed.h.up" },
	[ACT_DOWN]	 = { ed_form_act_down, NULL, "ed.h.down" },
	[ACT_LEFT]	 = { ed_form_act_left, NULL, "ed.h.left" },
	[ACT_RIGHT]	 = { ed_form_act_right, NULL, "ed.h.right" },
	[ACT_TAB]	 = { ed_form_act_tab, NULL, "ed.h.tab" },
	[ACT_BTAB]	 = { ed_form_act_btab, NULL, "ed.h.btab" },
	[ACT_HOME]	 = { ed_form_act_home, NULL, "ed.h.home" },
	[ACT_END]	 = { ed_form_act_end, NULL, "ed.h.end" },
	[ACT_PGUP]	 = { ed_form_act_pgup, NULL, "ed.h.pgup" },
	[ACT_PGDN]	 = { ed_form_act_pgdn, NULL, "ed.h.pgdn" },
	[ACT_ENTER]	 = { ed_cell_act_enter, NULL, "ed.h.enter" },
	[ACT_CANCEL]	 = { ed_cell_act_cancel, NULL, "ed.h.cancel" },
	[ACT_BKSP]	 = { ed_cell_act_bksp, NULL, "ed.h.bksp" },
	[ACT_DEL]	 = { ed_cell_act_del, NULL, "ed.h.del" },
	[ACT_LIST_UP]	 = { NULL, NULL, "ed.h.list_up" },
	[ACT_LIST_DOWN]	 = { NULL, NULL, "ed.h.list_down" },
	[ACT_LIST_PGUP]	 = { NULL, NULL, "ed.h.list_pgup" },
	[ACT_LIST_PGDN]	 = { NULL, NULL, "ed.h.list_pgdn" },
	[ACT_LIST_HOME]	 = { NULL, NULL, "ed.h.list_home" },
	[ACT_LIST_END]	 = { NULL, NULL, "ed.h.list_end" },
	[ACT_FLAGS_JUMP] = { ed_flags_act_jump, NULL, "ed.h.flags_jump" },
	[ACT_CLOSE]	 = { NULL, NULL, "ed.h.close" },
};

/* The list actions act on the flags panel, the help screen or last
 * year's text. */
static const struct {
	int		  act;
	unsigned	(*flags)(struct tui_app *, int);
	unsigned	(*help)(struct tui_app *, int);
	unsigned	(*lastyear)(struct tui_app *, int);
} list_fns[] = {
	{ ACT_LIST_UP, ed_flags_act_up, ed_help_act_up, ed_lastyear_act_up },
	{ ACT_LIST_DOWN, ed_flags_act_down, ed_help_act_down, ed_lastyear_act_down },
	{ ACT_LIST_PGUP, ed_flags_act_pgup, ed_help_act_pgup, ed_lastyear_act_pgup },
	{ ACT_LIST_PGDN, ed_flags_act_pgdn, ed_help_act_pgdn, ed_lastyear_act_pgdn },
	{ ACT_LIST_HOME, ed_flags_act_home, ed_help_act_home, ed_lastyear_act_home },
	{ ACT_LIST_END, ed_flags_act_end, ed_help_act_end, ed_lastyear_act_end },
	{ ACT_CLOSE, ed_flags_act_close, ed_help_act_close, ed_lastyear_act_close },
};

struct ed_keymap_binding {
	enum ed_keymap_ctx	ctx;
	int		key;
	enum ed_keymap_act	act;
};

static const struct ed_keymap_binding bindings[] = {
	{ KM_GLOBAL, KM_KEY(KEY_F(1)), ACT_HELP },
	{ KM_GLOBAL, KM_KEY(KEY_F(2)), ACT_SAVE },
	{ KM_GLOBAL, KM_CTRL('S'), ACT_SAVE },
	{ KM_GLOBAL, KM_KEY(KEY_F(9)), ACT_EXPORT },
	{ KM_GLOBAL, KM_CTRL('O'), ACT_EXPORT },
	{ KM_GLOBAL, KM_KEY(KEY_F(3)), ACT_FLAGS },
	{ KM_GLOBAL, KM_CTRL('E'), ACT_FLAGS },
	{ KM_GLOBAL, KM_KEY(KEY_F(4)), ACT_PREVIEW },
	{ KM_GLOBAL, KM_CTRL('P'), ACT_PREVIEW },
	{ KM_GLOBAL, KM_KEY(KEY_F(11)), ACT_LASTYEAR },
	{ KM_GLOBAL, KM_CTRL('K'), ACT_LASTYEAR },
	{ KM_GLOBAL, KM_KEY(KEY_F(10)), ACT_QUIT },
	{ KM_GLOBAL, KM_CTRL('Q'), ACT_QUIT },
	{ KM_GLOBAL, KM_CTRL('Z'), ACT_UNDO },
	{ KM_GLOBAL, KM_CTRL('Y'), ACT_REDO },
	{ KM_GLOBAL, KM_CTRL('G'), ACT_GOTO },
	{ KM_GLOBAL, KM_KEY(KEY_F(8)), ACT_NEXT_FLAG },
	{ KM_GLOBAL, KM_CTRL('N'), ACT_NEXT_FLAG },
	{ KM_GLOBAL, KM_KEY(KEY_F(7)), ACT_PREV_FLAG },
	{ KM_GLOBAL, KM_CTRL('R'), ACT_PREV_FLAG },
	{ KM_GLOBAL, KM_KEY(KEY_F(6)), ACT_NEXT_SEC },
	{ KM_GLOBAL, KM_CTRL('D'), ACT_NEXT_SEC },
	{ KM_GLOBAL, KM_KEY(KEY_F(5)), ACT_PREV_SEC },
	{ KM_GLOBAL, KM_CTRL('U'), ACT_PREV_SEC },
	{ KM_GLOBAL, KM_CTRL('L'), ACT_REDRAW },

	{ KM_FORM, KM_KEY(KEY_UP), ACT_UP },
	{ KM_FORM, KM_KEY(KEY_DOWN), ACT_DOWN },
	{ KM_FORM, KM_KEY(KEY_LEFT), ACT_LEFT },
	{ KM_FORM, KM_KEY(KEY_RIGHT), ACT_RIGHT },
	{ KM_FORM, '\t', ACT_TAB },
	{ KM_FORM, KM_KEY(KEY_BTAB), ACT_BTAB },
	{ KM_FORM, KM_KEY(KEY_HOME), ACT_HOME },
	{ KM_FORM, KM_KEY(KEY_END), ACT_END },
	{ KM_FORM, KM_KEY(KEY_PPAGE), ACT_PGUP },
	{ KM_FORM, KM_KEY(KEY_NPAGE), ACT_PGDN },
	{ KM_FORM, '\r', ACT_ENTER },
	{ KM_FORM, '\n', ACT_ENTER },
	{ KM_FORM, KM_KEY(KEY_ENTER), ACT_ENTER },
	{ KM_FORM, 27, ACT_CANCEL },
	{ KM_FORM, KM_KEY(KEY_BACKSPACE), ACT_BKSP },
	{ KM_FORM, 127, ACT_BKSP },
	{ KM_FORM, 8, ACT_BKSP },
	{ KM_FORM, KM_KEY(KEY_DC), ACT_DEL },

	{ KM_FLAGS, KM_KEY(KEY_UP), ACT_LIST_UP },
	{ KM_FLAGS, KM_KEY(KEY_DOWN), ACT_LIST_DOWN },
	{ KM_FLAGS, KM_KEY(KEY_PPAGE), ACT_LIST_PGUP },
	{ KM_FLAGS, KM_KEY(KEY_NPAGE), ACT_LIST_PGDN },
	{ KM_FLAGS, KM_KEY(KEY_HOME), ACT_LIST_HOME },
	{ KM_FLAGS, KM_KEY(KEY_END), ACT_LIST_END },
	{ KM_FLAGS, '\r', ACT_FLAGS_JUMP },
	{ KM_FLAGS, '\n', ACT_FLAGS_JUMP },
	{ KM_FLAGS, KM_KEY(KEY_ENTER), ACT_FLAGS_JUMP },
	{ KM_FLAGS, 27, ACT_CLOSE },

	{ KM_HELP, KM_KEY(KEY_UP), ACT_LIST_UP },
	{ KM_HELP, KM_KEY(KEY_DOWN), ACT_LIST_DOWN },
	{ KM_HELP, KM_KEY(KEY_PPAGE), ACT_LIST_PGUP },
	{ KM_HELP, KM_KEY(KEY_NPAGE), ACT_LIST_PGDN },
	{ KM_HELP, ' ', ACT_LIST_PGDN },
	{ KM_HELP, KM_KEY(KEY_HOME), ACT_LIST_HOME },
	{ KM_HELP, KM_KEY(KEY_END), ACT_LIST_END },
	{ KM_HELP, 27, ACT_CLOSE },
	{ KM_HELP, 'q', ACT_CLOSE },

	{ KM_LASTYEAR, KM_KEY(KEY_UP), ACT_LIST_UP },
	{ KM_LASTYEAR, KM_KEY(KEY_DOWN), ACT_LIST_DOWN },
	{ KM_LASTYEAR, KM_KEY(KEY_PPAGE), ACT_LIST_PGUP },
	{ KM_LASTYEAR, KM_KEY(KEY_NPAGE), ACT_LIST_PGDN },
	{ KM_LASTYEAR, ' ', ACT_LIST_PGDN },
	{ KM_LASTYEAR, KM_KEY(KEY_HOME), ACT_LIST_HOME },
	{ KM_LASTYEAR, KM_KEY(KEY_END), ACT_LIST_END },
	{ KM_LASTYEAR, 27, ACT_CLOSE },
	{ KM_LASTYEAR, 'q', ACT_CLOSE },
};

#define NBINDINGS (sizeof bindings / sizeof bindings[0])

int
ed_keymap_lookup(enum ed_keymap_ctx ctx, int key)
{
	size_t	i;

	for (i = 0; i < NBINDINGS; i++)
		if (bindings[i].ctx == ctx && bindings[i].key == key)
			return (bindings[i].act);
	if (ctx == KM_GLOBAL)
		return (-1);
	for (i = 0; i < NBINDINGS; i++) {
		if (bindings[i].ctx != KM_GLOBAL || bindings[i].key != key)
			continue;
		if (ctx == KM_SMALL && bindings[i].act != ACT_SAVE &&
		    bindings[i].act != ACT_QUIT &&
		    bindings[i].act != ACT_REDRAW)
			return (-1);
		return (bindings[i].act);
	}
	return (-1);
}

unsigned
ed_keymap_run(struct tui_app *a, int act, int key)
{
	size_t	i;

	if (act < 0 || act >= ACT_COUNT_)
		return (0);
	if (actions[act].fn != NULL)
		return (actions[act].fn(a, key));
	for (i = 0; i < sizeof list_fns / sizeof list_fns[0]; i++) {
		if (list_fns[i].act != act)
			continue;
		if (a->mode == TUI_FLAGS)
			return (list_fns[i].flags(a, key));
		if (a->mode == TUI_HELP)
			return (list_fns[i].help(a, key));
		if (a->mode == TUI_LASTYEAR)
			return (list_fns[i].lastyear(a, key));
	}
	return (0);
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
		{ KM_KEY(KEY_NPAGE), "PgDn" }, { KM_KEY(KEY_BTAB), "Shift-Tab" },
		{ KM_KEY(KEY_BACKSPACE), "Backspace" }, { KM_KEY(KEY_DC), "Del" },
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

/* Help lines of one context: its actions in first-binding order. */
size_t
ed_keymap_describe(const struct i18n *i18n, enum ed_keymap_ctx ctx,
    struct ed_keymap_desc **out)
{
	struct ed_keymap_desc	*d = NULL;
	bool			 seen[ACT_COUNT_] = { false };
	struct sbuf		 keys;
	char			 name[32];
	size_t			 n = 0, i, j;

	for (i = 0; i < NBINDINGS; i++) {
		int act = bindings[i].act;

		if (bindings[i].ctx != ctx || seen[act])
			continue;
		seen[act] = true;
		sbuf_init(&keys);
		for (j = i; j < NBINDINGS; j++) {
			if (bindings[j].ctx != ctx || (int)bindings[j].act != act)
				continue;
			ed_keymap_key_name(bindings[j].key, 0, name, sizeof name);
			if (keys.len > 0 && strstr(keys.s, name) != NULL)
				continue;
			if (keys.len > 0)
				sbuf_adds(&keys, ", ");
			sbuf_adds(&keys, name);
		}
		d = xreallocarray(d, n + 1, sizeof *d);
		d[n].keys = sbuf_take(&keys);
		d[n].text = i18n_fmt0(i18n, actions[act].help_msgid);
		n++;
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

const char *
ed_keymap_ctx_msgid(enum ed_keymap_ctx ctx)
{
	static const char *const ids[KM_NCTX] = {
		[KM_GLOBAL] = "ed.ctx.global", [KM_FORM] = "ed.ctx.form",
		[KM_TEXT] = "ed.ctx.text", [KM_FLAGS] = "ed.ctx.flags",
		[KM_HELP] = "ed.ctx.help", [KM_PREVIEW] = "ed.ctx.preview",
		[KM_LASTYEAR] = "ed.ctx.lastyear", [KM_SMALL] = "ed.ctx.global",
	};

	return (ids[ctx]);
}

/* The key shown in the bar for act: its first F-key, else its first. */
static int
bar_key(int act)
{
	size_t	i;
	int	first = -1;

	for (i = 0; i < NBINDINGS; i++) {
		if (bindings[i].ctx != KM_GLOBAL || (int)bindings[i].act != act)
			continue;
		if (bindings[i].key & KM_FN)
			return (bindings[i].key);
		if (first == -1)
			first = bindings[i].key;
	}
	return (first);
}

void
ed_keymap_draw_bar(const struct tui_app *a, int y)
{
	const struct ed_draw *d = &a->dr;
	char		 name[32], *label;
	int		 x = 0, act, key, kw, lw;

	for (act = 0; act < ACT_COUNT_ && x < a->g.cols; act++) {
		if (actions[act].bar_msgid == NULL ||
		    (key = bar_key(act)) == -1 ||
		    (actions[act].shown != NULL && !actions[act].shown(a)))
			continue;
		ed_keymap_key_name(key, 1, name, sizeof name);
		label = i18n_fmt0(a->i18n, actions[act].bar_msgid);
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
