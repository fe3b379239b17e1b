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
	bool	 all;		/* replace: every text part, else this one */
	size_t	 done;		/* replace: how many so far, one by one */
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

/* Where a search goes: the sections in scope and the match found. */
struct hit {
	int			sec;
	struct textfind_match	m;
	size_t			nth, total;	/* from 1; in the scope */
	bool			wrapped;	/* went past the scope's end */
};

/* The match to go to from the caret (dir +1 next, -1 previous) in the
 * current section, or (all) in every text part, around the end back to
 * the start.  False when there is none. */
static bool
pick(const struct tui_app *a, int dir, bool all, struct hit *h)
{
	int			 ns = (int)report_tpl(a->rep)->nsections, s, k;
	size_t			 caret = ed_textedit_caret(ed_text_widget(a));
	size_t			*before = xcalloc((size_t)ns + 1, sizeof *before);
	struct textfind_match	*m;
	size_t			 n, i;
	bool			 found = false;

	for (s = 0; s < ns; s++) {
		n = all || s == a->sec ? matches(a, s, &m) : 0;
		before[s + 1] = before[s] + n;
		if (n > 0)
			free(m);
	}
	h->total = before[ns];
	for (k = 0; k <= ns && !found && h->total > 0; k++) {
		s = ((a->sec + dir * k) % ns + ns) % ns;
		n = all || s == a->sec ? matches(a, s, &m) : 0;
		for (i = 0; i < n && !found; i++) {
			size_t j = dir > 0 ? i : n - 1 - i;
			bool ok = k > 0 || (dir > 0 ? m[j].start >= caret :
			    m[j].end < caret);

			if (k == ns || ok) {
				h->m = m[j];
				h->sec = s;
				h->nth = before[s] + j + 1;
				h->wrapped = k == ns || (dir > 0 ? s < a->sec :
				    s > a->sec);
				found = true;
			}
		}
		if (n > 0)
			free(m);
	}
	free(before);
	return (found);
}

/* Selects hit h, in its section; the "n of m" text (newly allocated),
 * with a word when the search went around. */
static char *
go(struct tui_app *a, const struct hit *h, unsigned *d)
{
	char	nb[24], tb[24], *nth, *w;

	*d |= ed_text_sync(a, false);
	if (h->sec != a->sec)
		*d |= ed_sec_set(a, h->sec);
	ed_textedit_select(ed_text_widget(a), h->m.start, h->m.end);
	snprintf(nb, sizeof nb, "%zu", h->nth);
	snprintf(tb, sizeof tb, "%zu", h->total);
	nth = i18n_fmt(a->i18n, "ed.f_nth", 2, (const char *[]){ nb, tb });
	if (!h->wrapped)
		return (nth);
	w = i18n_fmt(a->i18n, "ed.f_wrapped", 1, (const char *[]){ nth });
	free(nth);
	return (w);
}

/* The answer of the find question: go to the next or previous match. */
static unsigned
found(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct ed_find	*f = state(a);
	struct hit	 h;
	unsigned	 d = 0;
	char		*msg;

	(void)arg;
	if (r->res != DLG_OK && r->res != DLG_ALT)
		return (TUI_DIRTY_ALL);
	free(f->pat);
	f->pat = xstrdup(r->text);
	if (!pick(a, r->res == DLG_ALT ? -1 : 1, true, &h))
		return (ed_ask_refuse(a, ed_msg_tr(a, "ed.f_none"), false));
	msg = go(a, &h, &d);
	return (d | TUI_DIRTY_ALL | ed_ask_refuse(a, msg, false));
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

/* Replaces the selected match (one undo step); the caret after it. */
static unsigned
replace_one(struct tui_app *a)
{
	struct ed_find	*f = state(a);
	size_t		 s, e;

	if (!ed_textedit_selection(ed_text_widget(a), &s, &e))
		return (0);
	f->done++;
	if (*f->with == '\0')
		return (ed_text_key(a, KM_KEY(KEY_DC)));
	return (ed_text_paste(a, f->with, strlen(f->with)));
}

/* Replace everything of the scope, as one undo step. */
static unsigned
replace_scope(struct tui_app *a)
{
	if (state(a)->all)
		return (replace_all(a, 0, (int)report_tpl(a->rep)->nsections));
	return (replace_all(a, a->sec, a->sec + 1));
}

static unsigned	step(struct tui_app *, unsigned);

/* The answer at a match: replace it, skip it, replace all, or stop. */
static unsigned
step_given(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	char		nb[24];
	unsigned	d;

	(void)arg;
	if (r->res != DLG_OK || r->code == 0) {
		snprintf(nb, sizeof nb, "%zu", state(a)->done);
		return (ed_msg_set(a, ST_MSG_INFO, "ed.r_done", 1, nb) |
		    TUI_DIRTY_ALL);
	}
	if (r->code == 3)
		return (replace_scope(a) | TUI_DIRTY_ALL);
	d = r->code == 1 ? replace_one(a) : 0;
	return (step(a, d));
}

/*
 * The next match in the scope from the caret, selected, and the question
 * what to do with it (替换 / 查找下一处 / 全部替换, as in WPS).  When no
 * match is left: how many were replaced.
 */
static unsigned
step(struct tui_app *a, unsigned d)
{
	static const int codes[] = { 1, 2, 3, 0 };
	struct ed_find	*f = state(a);
	struct hit	 h;
	char		**items, *where, nb[24];

	if (!pick(a, 1, f->all, &h)) {
		snprintf(nb, sizeof nb, "%zu", f->done);
		return (d | TUI_DIRTY_ALL | (f->done > 0 ? ed_msg_set(a,
		    ST_MSG_INFO, "ed.r_done", 1, nb) : ed_msg_set(a,
		    ST_MSG_INFO, "ed.f_none", 0)));
	}
	where = go(a, &h, &d);
	items = xcalloc(4, sizeof *items);
	items[0] = ed_msg_tr(a, "ed.r_this");
	items[1] = ed_msg_tr(a, "ed.r_skip");
	items[2] = ed_msg_tr(a, f->all ? "ed.r_all" : "ed.r_sec");
	items[3] = ed_msg_tr(a, "ed.r_stop");
	d |= ed_ask_choice(a, &(struct ed_ask_spec){ .title = "ed.r_title",
	    .prompt = i18n_fmt(a->i18n, "ed.r_step", 2, (const char *[]){
	    where, f->with }), .hint = "ed.r_hint" }, items, codes, 4,
	    step_given, NULL, NULL);
	free(where);
	return (d | TUI_DIRTY_ALL);
}

static unsigned
where_given(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	(void)arg;
	if (r->res != DLG_OK)
		return (TUI_DIRTY_ALL);
	state(a)->all = r->code == 2;
	state(a)->done = 0;
	return (step(a, 0));
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
	items[0] = ed_msg_tr(a, "ed.r_in_sec");
	items[1] = ed_msg_tr(a, "ed.r_in_all");
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
