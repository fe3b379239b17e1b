/*
 * Modal questions drawn as a box over the screen: a line of input (new
 * report's organ and year, go-to), a yes/no/cancel question (quit with
 * unsaved changes), a list to pick from (go-to with several matches) and
 * a message to acknowledge, and a choice among a few numbered answers
 * (what to do with a recovery snapshot, a failed save).  A dialog only
 * edits itself; the app keeps
 * what the question was for (enum tui_ask) and acts on the result.
 *
 * The input line edits by grapheme cluster, scrolls sideways by display
 * width and puts the hardware cursor at the caret (for input methods).
 */
#ifndef NB_DIALOG_H
#define NB_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "sbuf.h"

enum dialog_kind { DLG_INPUT, DLG_CONFIRM, DLG_LIST, DLG_MESSAGE };

enum dialog_result {
	DLG_CONTINUE = 0,	/* still open */
	DLG_OK,			/* Enter (input, list, message) */
	DLG_CANCEL,		/* Esc */
	DLG_YES,		/* confirm: y, Enter */
	DLG_NO,			/* confirm: n, or the quit key again */
	DLG_ALT			/* input: the dialog's alt_key */
};

struct dialog {
	enum dialog_kind	 kind;
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
 * them and the array).  Free with dialog_free. */
struct dialog	*dialog_input(const char *title, const char *prompt,
		    const char *init, const char *hint);
struct dialog	*dialog_confirm(const char *title, const char *prompt,
		    const char *hint, int no_key);
struct dialog	*dialog_list(const char *title, const char *prompt,
		    char **items, size_t n, const char *hint);
struct dialog	*dialog_message(const char *title, const char *prompt,
		    const char *hint);
/* A list whose items are shown numbered "1 …"; a digit picks its item
 * at once (DLG_OK with sel set), as do the arrows and Enter. */
struct dialog	*dialog_choice(const char *title, const char *prompt,
		    char **items, size_t n, const char *hint);
void		 dialog_free(struct dialog *);

/* Replaces the error shown under the input (NULL clears); taken. */
void		 dialog_set_error(struct dialog *, char *error);
/* The input text.  Borrowed; valid until the next key. */
const char	*dialog_text(const struct dialog *);
/* Inserts text at the caret (a paste): newlines become spaces, control
 * characters are dropped. */
void		 dialog_insert(struct dialog *, const char *s, size_t len);

/* One key (keymap.h encoding).  Returns an enum dialog_result. */
int		 dialog_key(struct dialog *, int key, int page);

/* Draws the box centred on a rows x cols screen (a prompt too long for
 * the screen is cut).  Returns true and the caret's screen position when
 * the dialog has an input line. */
bool		 dialog_draw(const struct dialog *, const struct draw *,
		    int rows, int cols, int *cy, int *cx);

#endif
