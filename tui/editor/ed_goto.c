/*
 * Go to (see ed_goto.h): a question, and a list when the answer names
 * several cells; the list's argument is the cells it shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_ask.h"
#include "ed_cell.h"
#include "ed_form.h"
#include "ed_goto.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "xmalloc.h"

#define GOTO_MAX	64	/* matches listed */

/* A line for a go-to match: its label path. */
static char *
match_label(const struct tui_app *a, int cell)
{
	const struct tpl_cell *c = &report_tpl(a->rep)->cells[cell];

	if (c->row_path[a->lang] == NULL || *c->row_path[a->lang] == '\0')
		return (xstrdup(c->col_path[a->lang]));
	return (xasprintf("%s | %s", c->row_path[a->lang],
	    c->col_path[a->lang]));
}

static unsigned
picked(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	const int	*cells = arg;

	if (r->res != DLG_OK)
		return (0);
	return (ed_form_goto(a, cells[r->sel]));
}

/* text with its full-width digits (０…９, as an input method types them)
 * made ASCII.  Newly allocated. */
static char *
ascii_digits(const char *text)
{
	char	*out = xstrdup(text), *o = out;
	const unsigned char *p = (const unsigned char *)text;

	while (*p != '\0') {
		/* U+FF10..U+FF19 is EF BC 90..99. */
		if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 &&
		    p[2] <= 0x99) {
			*o++ = (char)('0' + (p[2] - 0x90));
			p += 3;
		} else
			*o++ = (char)*p++;
	}
	*o = '\0';
	return (out);
}

/* The one section whose title holds text (一、总体情况 for 总体情况),
 * or -1 for none or several. */
static int
section_titled(const struct tui_app *a, const char *text)
{
	size_t	s, n = report_tpl(a->rep)->nsections;
	int	found = -1;
	char	*title;

	if (*text == '\0')
		return (-1);
	for (s = 0; s < n; s++) {
		title = ed_sec_title(a, (int)s);
		if (strstr(title, text) != NULL)
			found = found == -1 ? (int)s : -2;
		free(title);
	}
	return (found >= 0 ? found : -1);
}

static unsigned
answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	const struct tpl	*t = report_tpl(a->rep);
	int			 out[GOTO_MAX], *cells, sec;
	char			**items, num[16], *text;
	size_t			 n = 0, i;

	(void)arg;
	if (r->res != DLG_OK)
		return (0);
	text = ascii_digits(r->text);
	/* A section's number or id (五, 5, ５, s5) names the section,
	 * though "五" is also in many labels. */
	if ((sec = tpl_section_index(t, text)) < 0 &&
	    (n = tpl_find_cells(t, text, out, GOTO_MAX)) == 0)
		sec = section_titled(a, text);
	free(text);
	if (sec >= 0)
		return (ed_sec_set(a, sec));
	if (n == 0)
		return (ed_ask_refuse(a, i18n_fmt1(a->i18n, "ed.goto_none",
		    r->text), false));
	if (n == 1)
		return (ed_form_goto(a, out[0]));
	n = n < GOTO_MAX ? n : GOTO_MAX;
	items = xcalloc(n, sizeof *items);
	cells = xcalloc(n, sizeof *cells);
	for (i = 0; i < n; i++) {
		items[i] = match_label(a, out[i]);
		cells[i] = out[i];
	}
	snprintf(num, sizeof num, "%zu", n);
	return (ed_ask_list(a, &(struct ed_ask_spec){ .title = "ed.goto_title",
	    .prompt = i18n_fmt2(a->i18n, "ed.goto_many", r->text, num),
	    .hint = "ed.hint_list" }, items, n, picked, free, cells));
}

static unsigned
ask(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	if (ed_cell_commit(a) != 0 && ed_cell_held(a))
		return (TUI_DIRTY_STATUS | TUI_DIRTY_CELLS);
	return (ed_ask_input(a, &(struct ed_ask_spec){
	    .title = "ed.goto_title", .prompt = ed_msg_tr(a, "ed.goto_prompt"),
	    .hint = "ed.hint_input", .init = "" }, answered, NULL, NULL));
}

const struct ed_action ed_goto_act = {
	.fn = ask, .bar = "ed.k.goto", .help = "ed.h.goto"
};
