/*
 * The reference view of last year's text (see ed_lastyear.h).  Rows of the
 * pane: the title, a blank row, then the text in the narrative editor's
 * text area (ed_app_text_area), wrapped with textbuf_wrap at the width the
 * editor uses for that area (one column less than the pane, see
 * ed_textedit.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ed_app.h"
#include "ed_lastyear.h"
#include "textbuf.h"
#include "undo.h"
#include "xmalloc.h"

/* Last year's text of the current section, or NULL. */
static const char *
prev_text(const struct tui_app *a)
{
	if (a->rep == NULL || !ed_app_is_text(a))
		return (NULL);
	return (report_prev_text(a->rep, a->sec));
}

int
ed_lastyear_shown(const struct tui_app *a)
{
	const char	*s = prev_text(a);

	return (s != NULL && *s != '\0');
}

/* The text wrapped for the pane; returns the number of lines. */
static size_t
wrap(const struct tui_app *a, const char *s, struct textbuf_line **lines)
{
	int	w = a->g.pane_w >= 3 ? a->g.pane_w - 1 : a->g.pane_w;

	return (textbuf_wrap(s, strlen(s), w, lines, &a->topts));
}

void
ed_lastyear_draw(const struct tui_app *a)
{
	const char		*s = prev_text(a);
	struct textbuf_line	*l = NULL;
	char			*title, *sec;
	size_t			 n, i;
	int			 y, h, k;

	sec = ed_app_section_title(a, a->sec);
	title = i18n_fmt1(a->i18n, "ed.ly_title", sec);
	ed_draw_text(&a->dr, a->g.pane_y, a->g.pane_x, a->g.pane_w, title,
	    ST_SECTION, DRAW_PAD | DRAW_ELLIPSIS);
	ed_draw_fill(&a->dr, a->g.pane_y + 1, a->g.pane_x, a->g.pane_w,
	    ST_NORMAL);
	free(title);
	free(sec);
	ed_app_text_area(a, &y, &h);
	n = s != NULL ? wrap(a, s, &l) : 0;
	for (k = 0; k < h; k++) {
		i = (size_t)a->lastyear_top + (size_t)k;
		ed_draw_fill(&a->dr, y + k, a->g.pane_x, a->g.pane_w, ST_TEXT);
		if (i < n)
			ed_draw_textn(&a->dr, y + k, a->g.pane_x, a->g.pane_w,
			    s + l[i].start, l[i].end - l[i].start, ST_TEXT, 0);
	}
	if (s != NULL && *s == '\0') {
		title = ed_app_tr(a, "ed.ly_empty");
		ed_draw_text(&a->dr, y, a->g.pane_x, a->g.pane_w, title,
		    ST_PLACEHOLDER, 0);
		free(title);
	}
	free(l);
}

unsigned
ed_lastyear_scroll(struct tui_app *a, int lines)
{
	const char		*s = prev_text(a);
	struct textbuf_line	*l;
	int			 y, h, top = a->lastyear_top + lines, max;

	if (s == NULL)
		return (0);
	ed_app_text_area(a, &y, &h);
	max = (int)wrap(a, s, &l) - h;
	free(l);
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	if (top == a->lastyear_top)
		return (0);
	a->lastyear_top = top;
	return (TUI_DIRTY_PANE);
}

unsigned
ed_lastyear_act_open(struct tui_app *a, int key)
{
	unsigned	d;

	if (a->rep == NULL)
		return (0);
	if (a->mode == TUI_LASTYEAR)
		return (ed_lastyear_act_close(a, key));
	if (!ed_app_is_text(a))
		return (ed_app_msg(a, ST_MSG_INFO, "ed.ly_not_text", 0));
	if (prev_text(a) == NULL)
		return (ed_app_msg(a, ST_MSG_INFO, "ed.ly_unknown", 0));
	d = ed_app_sync_text(a, false);
	undo_seal(a->undo);
	a->mode = TUI_LASTYEAR;
	a->lastyear_top = 0;
	return (d | TUI_DIRTY_ALL);
}

unsigned
ed_lastyear_act_close(struct tui_app *a, int key)
{
	(void)key;
	a->mode = TUI_FORM;
	return (TUI_DIRTY_ALL);
}

unsigned
ed_lastyear_act_up(struct tui_app *a, int key)
{
	(void)key;
	return (ed_lastyear_scroll(a, -1));
}

unsigned
ed_lastyear_act_down(struct tui_app *a, int key)
{
	(void)key;
	return (ed_lastyear_scroll(a, 1));
}

unsigned
ed_lastyear_act_pgup(struct tui_app *a, int key)
{
	int	y, h;

	(void)key;
	ed_app_text_area(a, &y, &h);
	return (ed_lastyear_scroll(a, -(h > 1 ? h - 1 : 1)));
}

unsigned
ed_lastyear_act_pgdn(struct tui_app *a, int key)
{
	int	y, h;

	(void)key;
	ed_app_text_area(a, &y, &h);
	return (ed_lastyear_scroll(a, h > 1 ? h - 1 : 1));
}

unsigned
ed_lastyear_act_home(struct tui_app *a, int key)
{
	(void)key;
	return (ed_lastyear_scroll(a, -a->lastyear_top));
}

unsigned
ed_lastyear_act_end(struct tui_app *a, int key)
{
	(void)key;
	return (ed_lastyear_scroll(a, 1 << 20));
}
