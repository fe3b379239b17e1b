/*
 * Last year's text (see ed_lastyear.h).  Rows: the text in the text
 * area of the pane (ed_text_area: below the heading and a blank row),
 * wrapped with caretbuf_wrap at the width the text editor uses for that
 * area (one column less than the pane, see ed_textedit.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ed_lastyear.h"
#include "ed_list.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "caretbuf.h"
#include "undo.h"

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

static char *
heading(const struct tui_app *a)
{
	char	*sec = ed_sec_title(a, a->sec), *t;

	t = i18n_fmt1(a->i18n, "ed.ly_title", sec);
	free(sec);
	return (t);
}

/* The text's lines; an empty text says so in its first row. */
static void
rows(const struct tui_app *a, int pw, struct ed_list_rows *out)
{
	const char		*s = prev_text(a);
	struct caretbuf_line	*l = NULL;
	char			*empty;
	size_t			 n, i;
	int			 w = pw >= 3 ? pw - 1 : pw;

	if (s == NULL)
		return;
	if (*s == '\0') {
		empty = ed_msg_tr(a, "ed.ly_empty");
		ed_list_add(out, 0, empty, strlen(empty), ST_PLACEHOLDER, 0);
		free(empty);
		return;
	}
	n = caretbuf_wrap(s, strlen(s), w, &l, &a->topts);
	for (i = 0; i < n; i++)
		ed_list_add(out, 0, s + l[i].start, l[i].end - l[i].start,
		    ST_TEXT, 0);
	free(l);
}

static const struct ed_keymap keymap = { "ed.ctx.lastyear", NULL,
    ed_list_text_keys, NULL };

static const struct ed_list_def def = {
	.fill = ST_TEXT,
	.heading = heading,
	.rows = rows,
};

const struct ed_pane ed_lastyear_pane = {
	.name = "lastyear",
	.keys = &keymap,
	.hint = "ed.ly_hint",
	.flags_here = true,
	ED_LIST_OPS,
	.data = &def,
};

static unsigned
open_pane(struct tui_app *a, int key)
{
	unsigned	d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (ed_pane_is(a, &ed_lastyear_pane))
		return (ed_lastyear_pane.close(a));
	if (!ed_sec_is_text(a))
		return (ed_msg_set(a, ST_MSG_INFO, "ed.ly_not_text", 0));
	if (prev_text(a) == NULL)
		return (ed_msg_set(a, ST_MSG_INFO, "ed.ly_unknown", 0));
	d = ed_text_sync(a, false);
	undo_seal(a->undo);
	return (d | ed_list_open(a, &ed_lastyear_pane) | TUI_DIRTY_ALL);
}

const struct ed_action ed_lastyear_open = {
	.fn = open_pane, .bar = "ed.k.lastyear", .help = "ed.h.lastyear",
	.shown = shown, .opens = &keymap
};
