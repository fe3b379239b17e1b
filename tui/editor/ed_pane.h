/*
 * Panes: what the area right of the outline shows.  Every pane presents
 * one small table of operations (draw, key, wheel, click, close, and
 * settle before drawing), so that the loop treats them all alike:
 * the section's own pane (the form of a tables section, the text editor
 * of a narrative one), the flags, the help, last year's text, and the
 * print preview (which covers the whole body).
 *
 * a->pane is the pane opened over the section, NULL when the section's
 * own pane shows; only this module writes it.  A pane opens with
 * ed_pane_open (by its action) and closes back to the section with
 * ed_pane_home (by its close operation, by going to a cell or section).
 */
#ifndef NB_ED_PANE_H
#define NB_ED_PANE_H

#include <stdbool.h>

#include "ed_app.h"

struct ed_keymap;

/* Where the hardware cursor goes after drawing. */
struct ed_caret {
	int	y, x;
	bool	at;		/* move it there */
	bool	show;		/* and show it */
};

struct ed_pane {
	const char		*name;
	const struct ed_keymap	*keys;		/* before the global keys */
	/* Gets every key before the keymaps; returns TUI_PASS for the keys
	 * that are not its own (the preview). */
	bool			 keys_first;
	/* Covers the whole body: no outline, no status lines (preview). */
	bool			 whole;
	/* Status line 1 while it is open (msgid); NULL for the section's
	 * panes, whose line the status module composes. */
	const char		*hint;
	/* Line 2 (NULL: the flags on the section or cell, as for the
	 * section; see flags_here). */
	char			*(*status)(const struct tui_app *,
				    enum style *);
	bool			 flags_here;	/* line 2: the flags here */

	/* Draws (all of the pane when dirty has TUI_DIRTY_PANE; the form
	 * may draw only its values for TUI_DIRTY_CELLS); sets *caret. */
	void			(*draw)(const struct tui_app *, unsigned dirty,
				    struct ed_caret *caret);
	/* A key no keymap took.  Returns dirty bits. */
	unsigned		(*key)(struct tui_app *, int key);
	/* The mouse wheel: lines up (< 0) or down. */
	unsigned		(*wheel)(struct tui_app *, int lines);
	/* A click at screen (y, x) inside the pane; NULL: ignored. */
	unsigned		(*click)(struct tui_app *, int y, int x);
	/* The first button held and moved to screen (y, x), anywhere on
	 * the screen (done: released there); NULL: ignored. */
	unsigned		(*drag)(struct tui_app *, int y, int x,
				    bool done);
	/* Closes it (Esc, q, its key again).  Returns dirty bits. */
	unsigned		(*close)(struct tui_app *);
	/* Before drawing: recompute what depends on the size or the
	 * report (NULL: nothing).  Returns dirty bits. */
	unsigned		(*settle)(struct tui_app *);

	const void		*data;		/* the pane's own (a list's
						   definition, ed_list.h) */
};

/* Shows pane p over the section.  Returns dirty bits. */
unsigned ed_pane_open(struct tui_app *, const struct ed_pane *p);
/* Back to the section's own pane.  Returns dirty bits. */
unsigned ed_pane_home(struct tui_app *);
/* Whether p is the pane open now. */
bool	 ed_pane_is(const struct tui_app *, const struct ed_pane *p);

#endif
