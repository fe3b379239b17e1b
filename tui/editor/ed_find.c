/*
 * Find and replace (see ed_find.h).  a->find keeps the last pattern and
 * replacement, proposed again by the next question.  Matches are looked
 * up afresh in the report's texts at each step (textfind_all), so they
 * are never stale.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ed_ask.h"
#include "ed_find.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "ed_textedit.h"
#include "sbuf.h"
#include "textfind.h"
#include "undo.h"
#include "xmalloc.h"

struct ed_find {
	char	*pat;
	char	*with;
};

static struct ed_find *
state(struct tui_app *a)
{
	if (a->find == NULL)
		a->find = xcalloc(1, sizeof *a->find);
	return (a->find);
}

void
ed_find_done(struct tui_app *a)
{
	if (a->find == NULL)
		return;
	free(a->find->pat);
	free(a->find->with);
	free(a->find);
	a->find = NULL;
}

static bool
narrative(const struct tui_app *a, int sec)
{
	return (report_tpl(a->rep)->sections[sec].kind == TPL_NARRATIVE);
}

/* Matches in section sec's text. */
static size_t
matches(const struct tui_app *a, int sec, struct textfind_match **m)
{
	*m = NULL;
	if (!narrative(a, sec))
		return (0);
	return (textfind_all(report_text(a->rep, sec), a->find->pat, m));
}

/* The match to go to from the caret (dir +1 next, -1 previous): its
 * section in *sec and bytes; its number among all (from 1) in *nth and
 * the total in *total.  False when there is none. */
static bool
pick(const struct tui_app *a, int dir, int *sec, struct textfind_match *at,
    size_t *nth, size_t *total)
{
	int			 ns = (int)report_tpl(a->rep)->nsections, s, k;
	size_t			 caret = ed_textedit_caret(ed_text_widget(a));
	size_t			*before = xcalloc((size_t)ns + 1, sizeof *before);
	struct textfind_match	*m, best = { 0, 0 };
	size_t			 n, i;
	bool			 found = false;

	for (s = 0; s < ns; s++) {
		n = matches(a, s, &m);
		before[s + 1] = before[s] + n;
		free(m);
	}
	*total = before[ns];
	for (k = 0; k <= ns && !found && *total > 0; k++) {
		s = ((a->sec + dir * k) % ns + ns) % ns;
		n = matches(a, s, &m);
		for (i = 0; i < n && !found; i++) {
			size_t j = dir > 0 ? i : n - 1 - i;
			bool ok = k > 0 || (dir > 0 ? m[j].start >= caret :
			    m[j].end < caret);

			if (k == ns || ok) {
				best = m[j];
				*sec = s;
				*nth = before[s] + j + 1;
				found = true;
			}
		}
		free(m);
	}
	free(before);
	*at = best;
	return (found);
}

/* The answer of the find question: go to the next or previous match. */
static unsigned
found(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct textfind_match	 m;
	struct ed_find		*f = state(a);
	size_t			 nth, total;
	int			 sec;
	char			 nb[24], tb[24];
	unsigned		 d;

	(void)arg;
	if (r->res != DLG_OK && r->res != DLG_ALT)
		return (TUI_DIRTY_ALL);
	free(f->pat);
	f->pat = xstrdup(r->text);
	if (!pick(a, r->res == DLG_ALT ? -1 : 1, &sec, &m, &nth, &total))
		return (ed_ask_refuse(a, ed_msg_tr(a, "ed.f_none"), false));
	d = ed_text_sync(a, false);
	if (sec != a->sec)
		d |= ed_sec_set(a, sec);
	ed_textedit_select(ed_text_widget(a), m.start, m.end);
	snprintf(nb, sizeof nb, "%zu", nth);
	snprintf(tb, sizeof tb, "%zu", total);
	return (d | TUI_DIRTY_ALL | ed_ask_refuse(a, i18n_fmt(a->i18n,
	    "ed.f_nth", 2, (const char *[]){ nb, tb }), false));
}

static unsigned
find(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	if (ed_text_widget(a) == NULL)
		return (ed_msg_set(a, ST_MSG_INFO, "ed.f_not_text", 0));
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title = "ed.f_title",
	    .prompt = ed_msg_tr(a, "ed.f_prompt"), .hint = "ed.f_hint",
	    .init = state(a)->pat != NULL ? state(a)->pat : "",
	    .alt_key = KM_KEY(KEY_UP) }, found, NULL, NULL));
}

/* Section sec's text with every match replaced; how many in *n. */
static char *
replaced(const struct tui_app *a, int sec, size_t *n)
{
	const char		*t = report_text(a->rep, sec);
	struct textfind_match	*m;
	struct sbuf		 b;
	size_t			 i, p = 0;

	*n = matches(a, sec, &m);
	sbuf_init(&b);
	for (i = 0; i < *n; i++) {
		sbuf_add(&b, t + p, m[i].start - p);
		sbuf_adds(&b, a->find->with);
		p = m[i].end;
	}
	sbuf_adds(&b, t + p);
	free(m);
	return (sbuf_take(&b));
}

/* Replaces every match of sections [s0, s1) as one undo step. */
static unsigned
replace_all(struct tui_app *a, int s0, int s1)
{
	size_t	 n, total = 0;
	char	*now, *old, nb[24];
	int	 s;

	ed_text_sync(a, false);
	undo_seal(a->undo);
	for (s = s0; s < s1; s++) {
		now = replaced(a, s, &n);
		if (n > 0) {
			report_set_text(a->rep, s, now, &old);
			undo_push_text(a->undo, s, old, now, false);
			if (total > 0)
				undo_join(a->undo);
			ed_text_reset(a, s, SIZE_MAX);
			free(old);
		}
		total += n;
		free(now);
	}
	undo_seal(a->undo);
	snprintf(nb, sizeof nb, "%zu", total);
	return (ed_msg_set(a, ST_MSG_INFO, "ed.r_done", 1, nb) |
	    TUI_DIRTY_MODEL | TUI_DIRTY_PANE);
}

static unsigned
where_given(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	if (r->res != DLG_OK)
		return (TUI_DIRTY_ALL);
	if (r->code == 1)
		return (replace_all(a, a->sec, a->sec + 1) | TUI_DIRTY_ALL);
	return (replace_all(a, 0, (int)report_tpl(a->rep)->nsections) |
	    TUI_DIRTY_ALL);
}

static unsigned
with_given(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	static const int codes[] = { 1, 2 };
	char		**items = xcalloc(2, sizeof *items);

	(void)arg;
	if (r->res != DLG_OK) {
		free(items);
		return (TUI_DIRTY_ALL);
	}
	free(state(a)->with);
	state(a)->with = xstrdup(r->text);
	items[0] = ed_msg_tr(a, "ed.r_sec");
	items[1] = ed_msg_tr(a, "ed.r_all");
	return (ed_ask_choice(a, &(struct ed_ask_spec){ .title = "ed.r_title",
	    .prompt = ed_msg_tr(a, "ed.r_where"), .hint = "ed.r_hint" },
	    items, codes, 2, where_given, NULL, NULL));
}

static unsigned
pat_given(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct ed_find	*f = state(a);

	(void)arg;
	if (r->res != DLG_OK)
		return (TUI_DIRTY_ALL);
	if (*r->text == '\0')
		return (ed_ask_refuse(a, ed_msg_tr(a, "ed.f_none"), false));
	free(f->pat);
	f->pat = xstrdup(r->text);
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title = "ed.r_title",
	    .prompt = ed_msg_tr(a, "ed.r_with"), .hint = "ed.hint_input",
	    .init = f->with != NULL ? f->with : "" }, with_given, NULL, NULL));
}

static unsigned
replace(struct tui_app *a, int key)
{
	(void)key;
	if (a->rep == NULL)
		return (0);
	if (ed_text_widget(a) == NULL)
		return (ed_msg_set(a, ST_MSG_INFO, "ed.f_not_text", 0));
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title = "ed.r_title",
	    .prompt = ed_msg_tr(a, "ed.f_prompt"), .hint = "ed.hint_input",
	    .init = state(a)->pat != NULL ? state(a)->pat : "" }, pat_given,
	    NULL, NULL));
}

/* The bar shows them in a narrative section. */
static int
shown(const struct tui_app *a)
{
	return (a->pane == NULL && ed_sec_is_text(a));
}

const struct ed_action ed_find_find = {
	.fn = find, .bar = "ed.k.find", .help = "ed.h.find", .shown = shown
};
const struct ed_action ed_find_replace = {
	.fn = replace, .bar = "ed.k.replace", .help = "ed.h.replace",
	.shown = shown, .flags = ED_ACT_EDITS
};
