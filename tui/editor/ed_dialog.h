/*
 * Modal questions drawn as a box over the screen: a line of input (new
 * report's organ and year, go-to), a yes/no/cancel question (quit with
 * unsaved changes), a list to pick from (go-to with several matches) and
 * a message to acknowledge, and a choice among a few numbered answers
 * (what to do with a recovery snapshot, a failed save).  The widget
 * only: it edits itself and says when it is answered; the dialog host
 * (ed_ask.h) gives the answer to whoever asked.
 *
 * The input line edits by grapheme cluster, scrolls sideways by display
 * width and puts the hardware cursor at the caret (for input methods).
 */
#ifndef NB_ED_DIALOG_H
#define NB_ED_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "ed_draw.h"
#include "sbuf.h"

enum ed_dialog_kind { DLG_INPUT, DLG_CONFIRM, DLG_LIST, DLG_MESSAGE };

enum ed_dialog_result {
	DLG_CONTINUE = 0,	/* still open */
	DLG_OK,			/* Enter (input, list, message) */
	DLG_CANCEL,		/* Esc */
	DLG_YES,		/* confirm: y, Enter */
	DLG_NO,			/* confirm: n, or the quit key again */
	DLG_ALT			/* input: the dialog's alt_key */
};

struct ed_dialog {
	enum ed_dialog_kind	 kind;
	char			*title;
	char			*prompt;
	char			*hint;
	char			*error;		/* under the input; may be NULL */
	struct sbuf		 in;
	size_t			 caret;		/* byte offset in in */
	bool			 fresh;		/* input still the proposed value */
	char			**items;
	size_t			 nitems;
	size_t			 sel;
	size_t			 top;
	int			 no_key;	/* confirm: a key meaning "no" */
	bool			 numbered;	/* list: digits 1-9 pick */
	int			 alt_key;	/* input: a key answering
						   DLG_ALT (0: none) */
};

/* Constructors copy their strings (items are taken: the dialog frees
 * them and the array).  Free with ed_dialog_free. */
struct ed_dialog	*ed_dialog_input(const char *title, const char *prompt,
		    const char *init, const char *hint);
struct ed_dialog	*ed_dialog_confirm(const char *title,
		    const char *prompt, const char *hint, int no_key);
struct ed_dialog	*ed_dialog_list(const char *title, const char *prompt,
		    char **items, size_t n, const char *hint);
struct ed_dialog	*ed_dialog_message(const char *title,
		    const char *prompt, const char *hint);
/* A list whose items are shown numbered "1 …"; a digit picks its item
 * at once (DLG_OK with sel set), as do the arrows and Enter. */
struct ed_dialog	*ed_dialog_choice(const char *title, const char *prompt,
		    char **items, size_t n, const char *hint);
void		 ed_dialog_free(struct ed_dialog *);

/* Replaces the error shown under the input (NULL clears); taken.  With
 * retype, typing replaces the text (as it does a proposed value). */
void		 ed_dialog_set_error(struct ed_dialog *, char *error,
		    bool retype);
/* The input text.  Borrowed; valid until the next key. */
const char	*ed_dialog_text(const struct ed_dialog *);
/* Inserts text at the caret (a paste): newlines become spaces, control
 * characters are dropped. */
void		 ed_dialog_insert(struct ed_dialog *, const char *s,
		    size_t len);

/* One key (ed_keymap.h encoding).  Returns an enum ed_dialog_result. */
int		 ed_dialog_key(struct ed_dialog *, int key, int page);

/* Draws the box centred on a rows x cols screen (a prompt too long for
 * the screen is cut).  Returns true and the caret's screen position when
 * the dialog has an input line. */
bool		 ed_dialog_draw(const struct ed_dialog *,
		    const struct ed_draw *, int rows, int cols, int *cy,
		    int *cx);

#endif
