/*
 * The help screen.  Its lines are built for the pane's width each time
 * (the help is short and rarely open): the statutory guidance of the
 * current section, then for each context its keys from the keymap table
 * and the text editor's own keys.
 */
#include <stdlib.h>
#include <string.h>

#include "ed_app.h"
#include "ed_help.h"
#include "ed_keymap.h"
#include "xmalloc.h"

struct hline {
	char		*s;		/* owned */
	int		 indent;
	enum style	 st;
};

struct hlines {
	struct hline	*v;
	size_t		 n;
};

static void
add(struct hlines *h, const char *s, size_t len, int indent, enum style st)
{
	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	h->v[h->n].s = xstrndup(s, len);
	h->v[h->n].indent = indent;
	h->v[h->n].st = st;
	h->n++;
}

/* Adds s wrapped to w columns after indent. */
static void
add_wrapped(const struct tui_app *a, struct hlines *h, const char *s,
    int indent, int w, enum style st)
{
	size_t	*b, *e, n, i;

	n = ed_draw_wrap(&a->dr, s, w - indent, &b, &e);
	for (i = 0; i < n; i++)
		add(h, s + b[i], e[i] - b[i], indent, st);
	free(b);
	free(e);
}

static void
add_keys(const struct tui_app *a, struct hlines *h, enum ed_keymap_ctx ctx,
    int w)
{
	struct ed_keymap_desc	*d;
	size_t			 n, i;
	char			*name, *keys, *line, *blank;
	size_t			*b, *e, n1, j;
	int			 kw = 22;

	name = ed_app_tr(a, ed_keymap_ctx_msgid(ctx));
	add(h, name, strlen(name), 0, ST_BLOCK_TITLE);
	free(name);
	blank = text_pad("", 0, kw, -1, &a->topts);
	n = ed_keymap_describe(a->i18n, ctx, &d);
	for (i = 0; i < n; i++) {
		keys = text_pad(d[i].keys, strlen(d[i].keys), kw, -1,
		    &a->topts);
		/* The text goes on the key's line when it fits. */
		/* The text's first line goes on the key's line. */
		n1 = ed_draw_wrap(&a->dr, d[i].text, w - kw - 4, &b, &e);
		for (j = 0; j < n1; j++) {
			line = xasprintf("%s  %.*s", j == 0 ? keys : blank,
			    (int)(e[j] - b[j]), d[i].text + b[j]);
			add(h, line, strlen(line), 2, ST_NORMAL);
			free(line);
		}
		free(b);
		free(e);
		free(keys);
	}
	ed_keymap_desc_free(d, n);
	free(blank);
	add(h, "", 0, 0, ST_NORMAL);
}

static void
build(const struct tui_app *a, struct hlines *h)
{
	const struct tpl_section *s = &report_tpl(a->rep)->sections[a->sec];
	int			 w = a->g.pane_w;
	char			*t, *title;

	memset(h, 0, sizeof *h);
	title = ed_app_section_title(a, a->sec);
	t = i18n_fmt1(a->i18n, "ed.help_guidance", title);
	add_wrapped(a, h, t, 0, w, ST_SECTION);
	free(t);
	free(title);
	add_wrapped(a, h, tpl_label(&s->guidance, a->lang), 2, w, ST_NORMAL);
	add(h, "", 0, 0, ST_NORMAL);
	t = ed_app_tr(a, "ed.help_keys");
	add_wrapped(a, h, t, 0, w, ST_SECTION);
	free(t);
	add_keys(a, h, KM_GLOBAL, w);
	add_keys(a, h, KM_FORM, w);
	t = ed_app_tr(a, ed_keymap_ctx_msgid(KM_TEXT));
	add(h, t, strlen(t), 0, ST_BLOCK_TITLE);
	free(t);
	t = ed_app_tr(a, "ed.h.text_keys");
	add_wrapped(a, h, t, 2, w, ST_NORMAL);
	free(t);
	add(h, "", 0, 0, ST_NORMAL);
	add_keys(a, h, KM_FLAGS, w);
	add_keys(a, h, KM_HELP, w);
	add_keys(a, h, KM_LASTYEAR, w);
}

static void
hlines_free(struct hlines *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		free(h->v[i].s);
	free(h->v);
}

void
ed_help_draw(const struct tui_app *a)
{
	struct hlines	h;
	size_t		i;
	int		k;

	build(a, &h);
	for (k = 0; k < a->g.pane_h; k++) {
		i = (size_t)a->help_top + (size_t)k;
		ed_draw_fill(&a->dr, a->g.pane_y + k, a->g.pane_x, a->g.pane_w,
		    ST_NORMAL);
		if (i < h.n)
			ed_draw_text(&a->dr, a->g.pane_y + k,
			    a->g.pane_x + h.v[i].indent,
			    a->g.pane_w - h.v[i].indent, h.v[i].s, h.v[i].st,
			    DRAW_PAD);
	}
	hlines_free(&h);
}

unsigned
ed_help_scroll(struct tui_app *a, int lines)
{
	struct hlines	h;
	int		top = a->help_top + lines, max;

	build(a, &h);
	max = (int)h.n - a->g.pane_h;
	hlines_free(&h);
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	if (top == a->help_top)
		return (0);
	a->help_top = top;
	return (TUI_DIRTY_PANE);
}

unsigned
ed_help_act_open(struct tui_app *a, int key)
{
	(void)key;
	if (a->mode == TUI_HELP)
		return (ed_help_act_close(a, key));
	a->mode = TUI_HELP;
	a->help_top = 0;
	return (TUI_DIRTY_ALL);
}

unsigned
ed_help_act_close(struct tui_app *a, int key)
{
	(void)key;
	a->mode = TUI_FORM;
	return (TUI_DIRTY_ALL);
}

unsigned
ed_help_act_up(struct tui_app *a, int key)
{
	(void)key;
	return (ed_help_scroll(a, -1));
}

unsigned
ed_help_act_down(struct tui_app *a, int key)
{
	(void)key;
	return (ed_help_scroll(a, 1));
}

unsigned
ed_help_act_pgup(struct tui_app *a, int key)
{
	(void)key;
	return (ed_help_scroll(a, -(a->g.pane_h - 1)));
}

unsigned
ed_help_act_pgdn(struct tui_app *a, int key)
{
	(void)key;
	return (ed_help_scroll(a, a->g.pane_h - 1));
}

unsigned
ed_help_act_home(struct tui_app *a, int key)
{
	(void)key;
	return (ed_help_scroll(a, -a->help_top));
}

unsigned
ed_help_act_end(struct tui_app *a, int key)
{
	(void)key;
	return (ed_help_scroll(a, 1 << 20));
}
