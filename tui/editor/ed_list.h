/*
 * One list screen, many lists: the pane that shows rows of text in the
 * pane, scrolled with the list keys, written once for every list screen
 * (the flags, the help, last year's text).  A list screen gives only its
 * rows (built for the pane's width each time they are needed), its
 * heading, and what choosing a row does; this module does the scrolling,
 * paging, the selection, the mouse and the drawing.
 *
 * Two kinds: a selection list (the flags) has a selected item, moved by
 * the keys, which the view follows (an item is a row and the wrapped
 * lines after it, marked cont); a text list (help, last year's
 * text) only scrolls.  A list with a heading shows it on the pane's
 * first row, then a blank row, then the rows.
 *
 * A list screen is a struct ed_pane whose operations are ED_LIST_OPS and
 * whose data is its struct ed_list_def; it opens with ed_list_open from
 * its action, and its keymap uses the actions below.  Adding one: a file
 * with its rows, its definition, its pane and its open action, and one
 * row for the open action in the global keymap (ed_keys.c).
 *
 * Owns a->lists: the position (selected row, first row shown) of each
 * list, kept while the report is open.
 */
#ifndef NB_ED_LIST_H
#define NB_ED_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "ed_app.h"
#include "ed_keymap.h"
#include "ed_pane.h"

#define ED_LIST_SEGS	3

/* A row: up to ED_LIST_SEGS pieces of text side by side, one column
 * apart, after indent columns; the last piece takes the rest of the row.
 * In the selected row the pieces in ST_NORMAL are drawn ST_SELECT. */
struct ed_list_seg {
	char		*s;		/* owned by the rows */
	enum style	 st;
	int		 flags;		/* DRAW_* (ed_draw.h) */
};
struct ed_list_row {
	bool			 cont;		/* a wrapped line of the row
						   above: one item with it
						   (selected, clicked and
						   chosen together) */
	int			 indent;
	int			 nseg;
	struct ed_list_seg	 seg[ED_LIST_SEGS];
};
struct ed_list_rows {
	struct ed_list_row	*v;
	size_t			 n, cap;
};

struct ed_list_def {
	bool		 select;	/* a selected row (else it scrolls) */
	bool		 keep;		/* reopens where it was (else at the
					   top) */
	enum style	 fill;		/* the rows' background */
	/* The heading (newly allocated), or NULL for none. */
	char		*(*heading)(const struct tui_app *);
	/* Appends the rows for a pane w columns wide. */
	void		 (*rows)(const struct tui_app *, int w,
			    struct ed_list_rows *);
	/* A click on the selected row (NULL: nothing). */
	unsigned	 (*choose)(struct tui_app *, size_t row);
};

/* The operations of a list screen's pane. */
void	 ed_list_draw(const struct tui_app *, unsigned, struct ed_caret *);
unsigned ed_list_wheel(struct tui_app *, int lines);
unsigned ed_list_click(struct tui_app *, int y, int x);
unsigned ed_list_close(struct tui_app *);
#define ED_LIST_OPS							\
	.draw = ed_list_draw, .wheel = ed_list_wheel,			\
	.click = ed_list_click, .close = ed_list_close

/* Opens list pane p (at the top unless its definition keeps its place).
 * Returns dirty bits. */
unsigned ed_list_open(struct tui_app *, const struct ed_pane *p);
/* The selected row of list pane p. */
size_t	 ed_list_sel(const struct tui_app *, const struct ed_pane *p);

/* Adds a row of one piece: s (len bytes) taken as a copy. */
void	 ed_list_add(struct ed_list_rows *, int indent, const char *s,
	    size_t len, enum style st, int flags);
/* Adds a row; its pieces are set by the caller (strings taken). */
struct ed_list_row *ed_list_push(struct ed_list_rows *);
void	 ed_list_rows_free(struct ed_list_rows *);

void	 ed_list_init(struct tui_app *);
void	 ed_list_done(struct tui_app *);

/* The keys of a text list (help, last year's text): the list keys, and
 * Space for the next page, q to close as well as Esc. */
extern const struct ed_binding ed_list_text_keys[];

/* The list keys, for the lists' keymaps; they act on the list shown. */
extern const struct ed_action ed_list_act_up, ed_list_act_down,
	    ed_list_act_pgup, ed_list_act_pgdn, ed_list_act_home,
	    ed_list_act_end, ed_list_act_close;

#endif
