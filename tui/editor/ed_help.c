/*
 * The help screen (see ed_help.h).  Its rows are built for the pane's
 * width each time (the help is short and rarely open).
 */
#include <stdlib.h>
#include <string.h>

#include "ed_help.h"
#include "ed_list.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "xmalloc.h"

/* Adds s wrapped to w columns after indent. */
static void
add_wrapped(const struct tui_app *a, struct ed_list_rows *h, const char *s,
    int indent, int w, enum style st)
{
	size_t	*b, *e, n, i;

	n = ed_draw_wrap(&a->dr, s, w - indent, &b, &e);
	for (i = 0; i < n; i++)
		ed_list_add(h, indent, s + b[i], e[i] - b[i], st, DRAW_PAD);
	free(b);
	free(e);
}

static void
add_line(struct ed_list_rows *h, const char *s, int indent, enum style st)
{
	ed_list_add(h, indent, s, strlen(s), st, DRAW_PAD);
}

/* The rows of km: its keys and what they do, its text, or nothing. */
static void
add_rows(const struct tui_app *a, struct ed_list_rows *h,
    const struct ed_keymap *km, int w)
{
	struct ed_keymap_desc	*d;
	size_t			 n, i, *b, *e, n1, j;
	char			*keys, *line, *blank;
	int			 kw = 22;

	blank = text_pad("", 0, kw, -1, &a->topts);
	n = ed_keymap_describe(a->i18n, km, &d);
	for (i = 0; i < n; i++) {
		keys = text_pad(d[i].keys, strlen(d[i].keys), kw, -1,
		    &a->topts);
		/* The text's first line goes on the key's line. */
		n1 = ed_draw_wrap(&a->dr, d[i].text, w - kw - 4, &b, &e);
		for (j = 0; j < n1; j++) {
			line = xasprintf("%s  %.*s", j == 0 ? keys : blank,
			    (int)(e[j] - b[j]), d[i].text + b[j]);
			add_line(h, line, 2, ST_NORMAL);
			free(line);
		}
		free(b);
		free(e);
		free(keys);
	}
	ed_keymap_desc_free(d, n);
	free(blank);
}

/* A keymap's block: its name, its keys or its text, a blank row. */
static void
add_keymap(const struct tui_app *a, struct ed_list_rows *h,
    const struct ed_keymap *km, int w)
{
	char	*t;

	if (km->name == NULL)
		return;
	t = ed_msg_tr(a, km->name);
	add_line(h, t, 0, ST_BLOCK_TITLE);
	free(t);
	if (km->text != NULL) {
		t = ed_msg_tr(a, km->text);
		add_wrapped(a, h, t, 2, w, ST_NORMAL);
		free(t);
	}
	add_rows(a, h, km, w);
	add_line(h, "", 0, ST_NORMAL);
}

/* The keymaps: the global one, those it lists after it, then those of
 * the panes its keys open. */
static void
add_keys(const struct tui_app *a, struct ed_list_rows *h, int w)
{
	const struct ed_keymap	*g = a->keys;
	const struct ed_binding	*b;
	size_t			 i;

	add_keymap(a, h, g, w);
	for (i = 0; g->also != NULL && g->also[i] != NULL; i++)
		add_keymap(a, h, g->also[i], w);
	for (b = g->rows; b != NULL && b->act != NULL; b++)
		if (b->act->opens != NULL)
			add_keymap(a, h, b->act->opens, w);
}

static void
rows(const struct tui_app *a, int w, struct ed_list_rows *h)
{
	const struct tpl_section *s = &report_tpl(a->rep)->sections[a->sec];
	char			*t, *title;

	title = ed_sec_title(a, a->sec);
	t = i18n_fmt1(a->i18n, "ed.help_guidance", title);
	add_wrapped(a, h, t, 0, w, ST_SECTION);
	free(t);
	free(title);
	add_wrapped(a, h, tpl_label(&s->guidance, a->lang), 2, w, ST_NORMAL);
	add_line(h, "", 0, ST_NORMAL);
	t = ed_msg_tr(a, "ed.help_keys");
	add_wrapped(a, h, t, 0, w, ST_SECTION);
	free(t);
	add_keys(a, h, w);
}

static const struct ed_keymap keymap = { "ed.ctx.help", NULL, ed_list_text_keys,
    NULL };

static const struct ed_list_def def = {
	.fill = ST_NORMAL,
	.rows = rows,
};

const struct ed_pane ed_help_pane = {
	.name = "help",
	.keys = &keymap,
	.hint = "ed.help_hint",
	ED_LIST_OPS,
	.data = &def,
};

static unsigned
open_pane(struct tui_app *a, int key)
{
	(void)key;
	if (ed_pane_is(a, &ed_help_pane))
		return (ed_help_pane.close(a));
	return (ed_list_open(a, &ed_help_pane) | TUI_DIRTY_ALL);
}

const struct ed_action ed_help_open = {
	.fn = open_pane, .bar = "ed.k.help", .help = "ed.h.help",
	.opens = &keymap
};
