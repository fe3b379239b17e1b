/*
 * The clipboard (see ed_clip.h): a->clip is the text, NULL when empty.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_clip.h"
#include "ed_grid.h"
#include "ed_lastyear.h"
#include "ed_msg.h"
#include "ed_paste.h"
#include "ed_text.h"
#include "ed_textedit.h"
#include "sbuf.h"
#include "xmalloc.h"

/* Base64 of s (RFC 4648), newly allocated. */
static char *
base64(const char *s, size_t len)
{
	static const char	 tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*u = (const unsigned char *)s;
	char			*o = xmalloc((len + 2) / 3 * 4 + 1), *p = o;
	size_t			 i;

	for (i = 0; i + 2 < len; i += 3) {
		*p++ = tab[u[i] >> 2];
		*p++ = tab[((u[i] & 3) << 4) | (u[i + 1] >> 4)];
		*p++ = tab[((u[i + 1] & 15) << 2) | (u[i + 2] >> 6)];
		*p++ = tab[u[i + 2] & 63];
	}
	if (i < len) {
		*p++ = tab[u[i] >> 2];
		*p++ = tab[((u[i] & 3) << 4) | (i + 1 < len ? u[i + 1] >> 4 :
		    0)];
		*p++ = i + 1 < len ? tab[(u[i + 1] & 15) << 2] : '=';
		*p++ = '=';
	}
	*p = '\0';
	return (o);
}

/* To the stream curses writes to, at once (putp would leave it in
 * stdio's buffer for stdout until something flushed it). */
static void
osc52(const struct tui_app *a, const char *s, size_t len)
{
	char	*enc;

	if (a->tty == NULL)
		return;
	enc = base64(s, len);
	fprintf(a->tty, "\033]52;c;%s\a", enc);
	fflush(a->tty);
	free(enc);
}

void
ed_clip_set(struct tui_app *a, const char *s, size_t len)
{
	free(a->clip);
	a->clip = xstrndup(s, len);
	osc52(a, s, len);
}

const char *
ed_clip_text(const struct tui_app *a)
{
	return (a->clip != NULL ? a->clip : "");
}

void
ed_clip_done(struct tui_app *a)
{
	free(a->clip);
	a->clip = NULL;
}

/* The widget whose selection copy takes: the section's, or last year's
 * in its pane. */
static struct ed_textedit *
source(const struct tui_app *a)
{
	if (a->pane != NULL)
		return (ed_lastyear_widget(a));
	return (ed_text_widget(a));
}

/* Copies the selection of te; false when there is none. */
static bool
copy_sel(struct tui_app *a, struct ed_textedit *te)
{
	size_t	s, e;

	if (te == NULL || !ed_textedit_selection(te, &s, &e))
		return (false);
	ed_clip_set(a, ed_textedit_text(te) + s, e - s);
	return (true);
}

static unsigned
copy(struct tui_app *a, int key)
{
	char	*v, nb[24];
	size_t	 n;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (copy_sel(a, source(a)))
		return (ed_msg_set(a, ST_MSG_INFO, "ed.c_copied", 0));
	if (a->pane == NULL && (v = ed_grid_copy(a, &n)) != NULL) {
		ed_clip_set(a, v, strlen(v));
		free(v);
		snprintf(nb, sizeof nb, "%zu", n);
		return (ed_msg_set(a, ST_MSG_INFO, "ed.g_copied", 1, nb));
	}
	return (ed_msg_set(a, ST_MSG_INFO, "ed.c_nothing", 0));
}

static unsigned
cut(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL || a->pane != NULL)
		return (0);
	if (!copy_sel(a, ed_text_widget(a)))
		return (ed_msg_set(a, ST_MSG_INFO, "ed.c_nothing", 0));
	return (ed_text_key(a, KM_KEY(KEY_DC)));
}

static unsigned
paste(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	if (a->clip == NULL)
		return (ed_msg_set(a, ST_MSG_INFO, "ed.c_empty", 0));
	return (ed_paste_give(a, a->clip, strlen(a->clip)));
}

static unsigned
all(struct tui_app *a, int key)
{
	struct ed_textedit *te = source(a);

	(void)key;
	if (te == NULL)
		return (0);
	ed_textedit_select(te, 0, strlen(ed_textedit_text(te)));
	return (TUI_DIRTY_PANE | TUI_DIRTY_CURSOR);
}

const struct ed_action ed_clip_cut = {
	.fn = cut, .help = "ed.h.cut", .flags = ED_ACT_EDITS
};
const struct ed_action ed_clip_copy = {
	.fn = copy, .help = "ed.h.copy"
};
const struct ed_action ed_clip_paste = {
	.fn = paste, .help = "ed.h.paste", .flags = ED_ACT_EDITS
};
const struct ed_action ed_clip_all = {
	.fn = all, .help = "ed.h.all"
};
