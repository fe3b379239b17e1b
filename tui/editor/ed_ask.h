/*
 * Asking the clerk: the dialog host.  A question (a line of input, a
 * confirmation, a list or a numbered choice: ed_dialog.h) is opened with
 * the function that receives its answer, the argument that function
 * needs and the function that frees that argument, as tmux's
 * status_prompt_set does.  There is no list of questions anywhere: the
 * code that asks also answers.
 *
 *	static unsigned
 *	year_given(struct tui_app *a, void *arg, const struct ed_reply *r)
 *	{
 *		struct newreport *nr = arg;
 *
 *		if (r->res != DLG_OK)
 *			return (TUI_QUIT);
 *		if (!year_parse(r->text, &y))
 *			return (ed_ask_refuse(a, ed_msg_tr(a, "ed.bad_year"),
 *			    false));
 *		...
 *	}
 *	...
 *	return (ed_ask_input(a, &(struct ed_ask_spec){ .title =
 *	    "ed.new_title", .prompt = ed_msg_tr(a, "ed.ask_year"), .hint =
 *	    "ed.hint_input", .init = "2024" }, year_given, free, nr));
 *
 * One question is open at a time.  When it is answered the host calls
 * the function, which returns dirty bits and may:
 *   - return: the question closes;
 *   - ask again (the next question of a conversation, with the same
 *     argument or another): the new question replaces this one;
 *   - refuse the answer (ed_ask_refuse): the question stays open with the
 *     reason under its input.
 * The argument is freed (with the free function, if any) when no open
 * question holds it any more; a function that keeps part of it moves
 * that part out first.
 *
 * Owns a->ask.
 */
#ifndef NB_ED_ASK_H
#define NB_ED_ASK_H

#include <stdbool.h>
#include <stddef.h>

#include "ed_app.h"
#include "ed_dialog.h"

/* What a question says: message ids, and its prompt already formatted. */
struct ed_ask_spec {
	const char	*title;		/* msgid */
	char		*prompt;	/* taken (freed by the host) */
	const char	*hint;		/* msgid */
	const char	*init;		/* input: the proposed text */
	char		*error;		/* input: a reason shown under it at
					   once (taken); NULL: none */
	int		 alt_key;	/* input: a key answering DLG_ALT */
	int		 no_key;	/* confirm: another key for No */
	size_t		 sel;		/* list, choice: the item selected */
	/* The title bar while no report is shown (msgid); NULL: "opening"
	 * and the file's name. */
	const char	*bar;
};

/* The answer. */
struct ed_reply {
	int		 res;		/* enum ed_dialog_result */
	const char	*text;		/* input: the line typed, sanitized */
	size_t		 sel;		/* list, choice: the item chosen */
	int		 code;		/* choice: that item's code; -1 when
					   not answered DLG_OK */
};

typedef unsigned (*ed_ask_fn)(struct tui_app *, void *arg,
	    const struct ed_reply *);
typedef void (*ed_ask_free_fn)(void *arg);

/* Each opens a question (replacing any open one) and returns dirty
 * bits.  The items of a list or a choice are taken; the codes of a
 * choice are copied (one per item). */
unsigned ed_ask_input(struct tui_app *, const struct ed_ask_spec *,
	    ed_ask_fn, ed_ask_free_fn, void *arg);
unsigned ed_ask_confirm(struct tui_app *, const struct ed_ask_spec *,
	    ed_ask_fn, ed_ask_free_fn, void *arg);
unsigned ed_ask_list(struct tui_app *, const struct ed_ask_spec *,
	    char **items, size_t n, ed_ask_fn, ed_ask_free_fn, void *arg);
unsigned ed_ask_choice(struct tui_app *, const struct ed_ask_spec *,
	    char **items, const int *codes, size_t n, ed_ask_fn,
	    ed_ask_free_fn, void *arg);
/* "Write over path?" (rcv.overwrite_*) titled title_id. */
unsigned ed_ask_overwrite(struct tui_app *, const char *title_id,
	    const char *path, ed_ask_fn, ed_ask_free_fn, void *arg);

/* From an answer function: the answer is refused, the question stays
 * open with why (taken) under its input; with retype, typing replaces
 * the refused text.  Returns dirty bits. */
unsigned ed_ask_refuse(struct tui_app *, char *why, bool retype);

/* Whether a question is open. */
bool	 ed_ask_open(const struct tui_app *);
/* A key for the open question.  Returns dirty bits. */
unsigned ed_ask_key(struct tui_app *, int key);
/* A paste into the open question's input. */
void	 ed_ask_insert(struct tui_app *, const char *s, size_t len);
/* Draws the open question; true with the caret's place when it has an
 * input line. */
bool	 ed_ask_draw(const struct tui_app *, int *cy, int *cx);
/* The open question's title bar (see struct ed_ask_spec), or NULL. */
const char *ed_ask_bar(const struct tui_app *);

void	 ed_ask_init(struct tui_app *);
/* Closes the open question (freeing its argument). */
void	 ed_ask_done(struct tui_app *);

#endif
