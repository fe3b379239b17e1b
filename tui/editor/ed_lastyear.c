/*
 * Last year's text (see ed_lastyear.h).  a->ly is the text editor widget
 * holding a copy of last year's text while the pane is open (NULL when
 * closed); keys that would edit it never reach it.  The text shows in
 * the text area of the pane (ed_text_area), as the section's own text.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_lastyear.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "ed_textedit.h"
#include "undo.h"
#include "xmalloc.h"

/* Last year's text of the current section, or NULL. */
static const char *
prev_text(const struct tui_app *a)
{
	if (a->rep == NULL || !ed_sec_is_text(a))
		return (NULL);
	return (report_prev_text(a->rep, a->sec));
}

static int
shown(const struct tui_app *a)
{
	const char	*s = prev_text(a);

	return (s != NULL && *s != '\0');
}

struct ed_textedit *
ed_lastyear_widget(const struct tui_app *a)
{
	return (a->pane == &ed_lastyear_pane ? a->ly :
	    NULL);
}

void
ed_lastyear_done(struct tui_app *a)
{
	ed_textedit_free(a->ly);
	a->ly = NULL;
}

static unsigned
close_pane(struct tui_app *a)
{
	ed_lastyear_done(a);
	return (ed_pane_home(a) | TUI_DIRTY_ALL);
}

/* Whether key moves the caret (or the selection) without editing. */
static bool
is_move(int key)
{
	static const int moves[] = { KEY_LEFT, KEY_RIGHT, KEY_UP, KEY_DOWN,
	    KEY_HOME, KEY_END, KEY_PPAGE, KEY_NPAGE, KEY_SLEFT, KEY_SRIGHT,
	    KEY_SR, KEY_SF, KEY_SHOME, KEY_SEND, KEY_SPREVIOUS, KEY_SNEXT };

	if (!(key & KM_FN))
		return (false);
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if ((key & ~KM_FN) == moves[i])
			return (true);
	return (false);
}

/* Bytes [*s, *e) of the paragraph of the caret. */
static void
paragraph(const char *t, size_t caret, size_t *s, size_t *e)
{
	size_t	len = strlen(t);

	*s = caret;
	while (*s > 0 && t[*s - 1] != '\n')
		(*s)--;
	*e = caret;
	while (*e < len && t[*e] != '\n')
		(*e)++;
}

/* The year mentions of bytes [s, e) of t: four digits, ASCII or
 * full-width, starting 19 or 20; each marked in te. */
static void
mark_years(struct ed_textedit *te, const char *t, size_t s, size_t e)
{
	size_t	i = s, j, n;
	char	d[4];

	while (i < e) {
		for (j = i, n = 0; n < 4 && j < e; n++) {
			if (t[j] >= '0' && t[j] <= '9')
				d[n] = t[j++];
			else if (e - j >= 3 && memcmp(t + j, "\xef\xbc", 2) == 0 &&
			    (unsigned char)t[j + 2] >= 0x90 &&
			    (unsigned char)t[j + 2] <= 0x99) {
				d[n] = (char)('0' + (unsigned char)t[j + 2] - 0x90);
				j += 3;
			} else
				break;
		}
		if (n == 4 && (memcmp(d, "19", 2) == 0 || memcmp(d, "20", 2) == 0)) {
			ed_textedit_mark(te, i, j);
			i = j;
		} else
			i++;
	}
}

/* Enter: the selection (else the caret's paragraph) into this year's
 * text at its caret, one undo step; the years in it marked. */
static unsigned
bring_in(struct tui_app *a, int key)
{
	struct ed_textedit	*ly = a->ly, *te;
	const char		*t = ed_textedit_text(ly);
	size_t			 s, e, at;
	char			*piece;
	unsigned		 d;

	(void)key;
	if (!ed_textedit_selection(ly, &s, &e))
		paragraph(t, ed_textedit_caret(ly), &s, &e);
	piece = xstrndup(t + s, e - s);
	d = close_pane(a);
	if ((te = ed_text_widget(a)) == NULL || e == s) {
		free(piece);
		return (d);
	}
	if (!ed_textedit_selection(te, &at, &s))
		at = ed_textedit_caret(te);
	d |= ed_text_paste(a, piece, strlen(piece));
	mark_years(te, ed_textedit_text(te), at, ed_textedit_caret(te));
	free(piece);
	return (d | ed_msg_set(a, ST_MSG_INFO, "ed.ly_brought", 0));
}

static unsigned
key(struct tui_app *a, int k)
{
	int	y, h;

	if (a->ly == NULL || !is_move(k))
		return (0);
	ed_text_area(a, &y, &h);
	ed_textedit_key(a->ly, (wint_t)(k & ~KM_FN), true, h, a->g.pane_w);
	return (TUI_DIRTY_PANE | TUI_DIRTY_CURSOR);
}

static void
draw(const struct tui_app *a, unsigned dirty, struct ed_caret *c)
{
	char	*sec = ed_sec_title(a, a->sec), *t;
	int	 y, h;

	(void)dirty;
	t = i18n_fmt1(a->i18n, "ed.ly_title", sec);
	ed_draw_text(&a->dr, a->g.pane_y, a->g.pane_x, a->g.pane_w, t,
	    ST_SECTION, DRAW_PAD | DRAW_ELLIPSIS);
	ed_draw_fill(&a->dr, a->g.pane_y + 1, a->g.pane_x, a->g.pane_w,
	    ST_NORMAL);
	free(t);
	free(sec);
	if (a->ly == NULL)
		return;
	ed_text_area(a, &y, &h);
	ed_textedit_draw(a->ly, stdscr, y, a->g.pane_x, h, a->g.pane_w,
	    ed_theme_attr(&a->theme, ST_TEXT), &c->y, &c->x);
	c->at = c->show = true;
}

static unsigned
wheel(struct tui_app *a, int lines)
{
	for (int i = 0; i < 3; i++)
		key(a, KM_KEY(lines < 0 ? KEY_UP : KEY_DOWN));
	return (TUI_DIRTY_PANE);
}

static unsigned
close_key(struct tui_app *a, int k)
{
	(void)k;
	return (close_pane(a));
}

static const struct ed_action
    act_bring = { .fn = bring_in, .bar = "ed.k.bring", .help = "ed.h.bring",
	.flags = ED_ACT_EDITS },
    act_close = { .fn = close_key, .help = "ed.h.ly_close" };

static const struct ed_binding rows[] = {
	{ &act_bring, { '\r', '\n', KM_KEY(KEY_ENTER) } },
	{ &act_close, { 27, 'q' } },
	{ NULL, { 0 } }
};

static const struct ed_keymap keymap = { "ed.ctx.lastyear", NULL, rows,
    NULL };

const struct ed_pane ed_lastyear_pane = {
	.name = "lastyear",
	.keys = &keymap,
	.hint = "ed.ly_hint",
	.flags_here = true,
	.draw = draw,
	.key = key,
	.wheel = wheel,
	.close = close_pane,
};

static unsigned
open_pane(struct tui_app *a, int k)
{
	const char	*s;
	unsigned	 d;

	(void)k;
	if (a->rep == NULL)
		return (0);
	if (ed_pane_is(a, &ed_lastyear_pane))
		return (close_pane(a));
	if (!ed_sec_is_text(a))
		return (ed_msg_set(a, ST_MSG_INFO, "ed.ly_not_text", 0));
	if ((s = prev_text(a)) == NULL)
		return (ed_msg_set(a, ST_MSG_INFO, "ed.ly_unknown", 0));
	d = ed_text_sync(a, false);
	undo_seal(a->undo);
	ed_lastyear_done(a);
	a->ly = ed_textedit_new(s, &a->topts);
	ed_textedit_set_text(a->ly, s, 0);
	return (d | ed_pane_open(a, &ed_lastyear_pane) | TUI_DIRTY_ALL);
}

const struct ed_action ed_lastyear_open = {
	.fn = open_pane, .bar = "ed.k.lastyear", .help = "ed.h.lastyear",
	.shown = shown, .opens = &keymap
};
