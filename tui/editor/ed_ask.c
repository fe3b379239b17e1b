/*
 * The dialog host (see ed_ask.h).  The open question is the dialog
 * widget with its answer function, argument, free function, the codes of
 * a choice and the title bar.  While an answer function runs the question
 * is taken out of the host (a->ask->open is empty), so that the function
 * may open the next one; `answering` points at it meanwhile, for
 * ed_ask_refuse.
 */
#include <stdlib.h>
#include <string.h>

#include "ed_ask.h"
#include "ed_msg.h"
#include "xmalloc.h"

struct question {
	struct ed_dialog	*dlg;		/* NULL: none */
	ed_ask_fn		 fn;
	ed_ask_free_fn		 free;
	void			*arg;
	int			*codes;		/* choice: per item */
	const char		*bar;
	bool			 refused;	/* stays open */
};

struct ed_ask {
	struct question		 open;
	struct question		*answering;
};

void
ed_ask_init(struct tui_app *a)
{
	a->ask = xcalloc(1, sizeof *a->ask);
}

/* Frees q's dialog, and its argument unless keep says the next question
 * holds it. */
static void
drop(struct question *q, const void *keep)
{
	ed_dialog_free(q->dlg);
	free(q->codes);
	if (q->free != NULL && q->arg != NULL && q->arg != keep)
		q->free(q->arg);
	memset(q, 0, sizeof *q);
}

void
ed_ask_done(struct tui_app *a)
{
	if (a->ask == NULL)
		return;
	drop(&a->ask->open, NULL);
	free(a->ask);
	a->ask = NULL;
}

bool
ed_ask_open(const struct tui_app *a)
{
	return (a->ask->open.dlg != NULL);
}

const char *
ed_ask_bar(const struct tui_app *a)
{
	return (a->ask->open.dlg != NULL ? a->ask->open.bar : NULL);
}

/* Opens dialog dlg as the question (over any open one).  Returns dirty
 * bits: a dialog over the screen draws itself; one replacing another
 * repaints what the other covered. */
static unsigned
open_question(struct tui_app *a, const struct ed_ask_spec *sp,
    struct ed_dialog *dlg, ed_ask_fn fn, ed_ask_free_fn fr, void *arg)
{
	struct question	*q = &a->ask->open;
	unsigned	 d = TUI_DIRTY_DIALOG | TUI_DIRTY_CURSOR;

	if (q->dlg != NULL) {
		drop(q, arg);
		d = TUI_DIRTY_ALL | TUI_DIRTY_CLEAR;
	}
	q->dlg = dlg;
	q->fn = fn;
	q->free = fr;
	q->arg = arg;
	q->bar = sp->bar;
	free(sp->prompt);
	return (d);
}

/* The dialog of kind for the spec (a list's items taken). */
static struct ed_dialog *
make(const struct tui_app *a, const struct ed_ask_spec *sp,
    enum ed_dialog_kind kind, char **items, size_t n, bool numbered)
{
	struct ed_dialog	*dlg;
	char			*t = ed_msg_tr(a, sp->title), *h;

	h = sp->hint != NULL ? ed_msg_tr(a, sp->hint) : xstrdup("");
	if (kind == DLG_INPUT) {
		dlg = ed_dialog_input(t, sp->prompt, sp->init, h);
		dlg->alt_key = sp->alt_key;
		if (sp->error != NULL)
			ed_dialog_set_error(dlg, sp->error, false);
	} else if (kind == DLG_CONFIRM)
		dlg = ed_dialog_confirm(t, sp->prompt, h, sp->no_key);
	else {
		dlg = numbered ? ed_dialog_choice(t, sp->prompt, items, n, h) :
		    ed_dialog_list(t, sp->prompt, items, n, h);
		dlg->sel = sp->sel < n ? sp->sel : 0;
	}
	free(t);
	free(h);
	return (dlg);
}

unsigned
ed_ask_input(struct tui_app *a, const struct ed_ask_spec *sp, ed_ask_fn fn,
    ed_ask_free_fn fr, void *arg)
{
	return (open_question(a, sp, make(a, sp, DLG_INPUT, NULL, 0, false),
	    fn, fr, arg));
}

unsigned
ed_ask_confirm(struct tui_app *a, const struct ed_ask_spec *sp, ed_ask_fn fn,
    ed_ask_free_fn fr, void *arg)
{
	return (open_question(a, sp, make(a, sp, DLG_CONFIRM, NULL, 0, false),
	    fn, fr, arg));
}

unsigned
ed_ask_list(struct tui_app *a, const struct ed_ask_spec *sp, char **items,
    size_t n, ed_ask_fn fn, ed_ask_free_fn fr, void *arg)
{
	return (open_question(a, sp, make(a, sp, DLG_LIST, items, n, false),
	    fn, fr, arg));
}

unsigned
ed_ask_choice(struct tui_app *a, const struct ed_ask_spec *sp, char **items,
    const int *codes, size_t n, ed_ask_fn fn, ed_ask_free_fn fr, void *arg)
{
	unsigned	d;

	d = open_question(a, sp, make(a, sp, DLG_LIST, items, n, true), fn,
	    fr, arg);
	a->ask->open.codes = xreallocarray(NULL, n > 0 ? n : 1,
	    sizeof *codes);
	memcpy(a->ask->open.codes, codes, n * sizeof *codes);
	return (d);
}

unsigned
ed_ask_overwrite(struct tui_app *a, const char *title_id, const char *path,
    ed_ask_fn fn, ed_ask_free_fn fr, void *arg)
{
	return (ed_ask_confirm(a, &(struct ed_ask_spec){ .title = title_id,
	    .prompt = i18n_fmt1(a->i18n, "rcv.overwrite_prompt", path),
	    .hint = "rcv.overwrite_hint" }, fn, fr, arg) |
	    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

unsigned
ed_ask_refuse(struct tui_app *a, char *why, bool retype)
{
	struct question	*q = a->ask->answering;

	if (q == NULL) {
		free(why);
		return (0);
	}
	ed_dialog_set_error(q->dlg, why, retype);
	q->refused = true;
	return (TUI_DIRTY_DIALOG);
}

/* Gives the answer res of question q (taken out of the host) to its
 * function; the question comes back if refused. */
static unsigned
answer(struct tui_app *a, struct question *q, int res)
{
	struct ed_reply	 r = { res, NULL, q->dlg->sel, -1 };
	char		*text = text_sanitize(ed_dialog_text(q->dlg),
			    strlen(ed_dialog_text(q->dlg)), false);
	unsigned	 d;

	r.text = text;
	if (res == DLG_OK && q->codes != NULL && q->dlg->sel < q->dlg->nitems)
		r.code = q->codes[q->dlg->sel];
	a->ask->answering = q;
	d = q->fn != NULL ? q->fn(a, q->arg, &r) : 0;
	a->ask->answering = NULL;
	free(text);
	if (q->refused && a->ask->open.dlg == NULL) {
		q->refused = false;
		a->ask->open = *q;
		return (d);
	}
	/* Closed or replaced: what it covered is repainted. */
	drop(q, a->ask->open.dlg != NULL ? a->ask->open.arg : NULL);
	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

unsigned
ed_ask_key(struct tui_app *a, int key)
{
	struct question	 q;
	int		 res;

	res = ed_dialog_key(a->ask->open.dlg, key, a->g.rows / 2);
	if (res == DLG_CONTINUE)
		return (TUI_DIRTY_DIALOG | TUI_DIRTY_CURSOR);
	q = a->ask->open;
	memset(&a->ask->open, 0, sizeof a->ask->open);
	return (answer(a, &q, res));
}

void
ed_ask_insert(struct tui_app *a, const char *s, size_t len)
{
	if (a->ask->open.dlg != NULL)
		ed_dialog_insert(a->ask->open.dlg, s, len);
}

bool
ed_ask_draw(const struct tui_app *a, int *cy, int *cx)
{
	if (a->ask->open.dlg == NULL)
		return (false);
	return (ed_dialog_draw(a->ask->open.dlg, &a->dr, a->g.rows, a->g.cols,
	    cy, cx));
}
