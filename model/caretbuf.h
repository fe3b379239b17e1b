/*
 * The pure part of the narrative text editor: a UTF-8 buffer, a caret, its
 * soft-wrapped visual lines and the caret arithmetic on them.  No curses
 * here; tui/editor/textedit.c turns keys into these calls and draws the result.
 *
 * The text is paragraphs separated by '\n' (never "\r").  The caret is a
 * byte offset into the text, always on a grapheme cluster boundary
 * (text_next/text_prev), so a combining mark or an emoji with its
 * variation selector moves and deletes as one.
 *
 * Wrapping: each paragraph is broken with text_wrap (ICU, locale "zh": no
 * visual line starts with ，。、；：？！）” …) to `cols` columns, with no
 * first-line indent.  A visual line is [start, end) in bytes; end excludes
 * the '\n' of a hard break.  A caret equal to the end of a soft-wrapped
 * line is shown at the start of the next visual line (where it also is).
 *
 * The buffer keeps the visual lines for the last width given to
 * caretbuf_reflow(), and a scroll position `top` (the first visible visual
 * line) that key actions keep so that the caret stays visible.  Readers
 * that only have a const caretbuf and another width use caretbuf_view(),
 * which computes everything without changing the buffer.
 *
 * Size cap: the whole text is at most CARETBUF_MAX bytes; an edit that
 * would exceed it is refused with CARETBUF_E_BIG.
 */
#ifndef NB_CARETBUF_H
#define NB_CARETBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

#define CARETBUF_MAX	(1024 * 1024)	/* bytes of text, a paste included */

/* Message id for a refused edit: {0} = the limit in KiB. */
#define CARETBUF_E_BIG	"te.e_big"

struct caretbuf;

/* One visual line: bytes [start, end) of the text. */
struct caretbuf_line {
	size_t	start;
	size_t	end;
	bool	hard;		/* ends a paragraph ('\n' or end of text) */
};

/*
 * A new buffer holding a sanitized copy of text (control characters other
 * than '\n' removed, CRLF and CR made '\n'; see text_sanitize), longer
 * texts cut at a cluster boundary at CARETBUF_MAX.  Caret at the end,
 * scrolled to the top, wrapped for 0 columns until the first reflow.
 * *opts is copied.  Caller frees with caretbuf_free.
 */
struct caretbuf	*caretbuf_new(const char *text, const struct text_opts *opts);
void		 caretbuf_free(struct caretbuf *);

/* The text, NUL-terminated.  Borrowed; valid until the next change. */
const char	*caretbuf_text(const struct caretbuf *);
size_t		 caretbuf_len(const struct caretbuf *);
/* Characters as counted by the statutory guideline (text_count_chars). */
size_t		 caretbuf_count_chars(const struct caretbuf *);
const struct text_opts *caretbuf_opts(const struct caretbuf *);

/*
 * Replaces the whole text (undo/redo, loading); sanitized and capped like
 * caretbuf_new.  The caret goes to `caret` snapped back to a cluster
 * boundary (SIZE_MAX: the end).  Visual lines are recomputed for the
 * current width.
 */
void		 caretbuf_set_text(struct caretbuf *, const char *text,
		    size_t caret);
/* Changes the ambiguous-width setting and re-wraps. */
void		 caretbuf_set_opts(struct caretbuf *, const struct text_opts *);

/* Caret byte offset (on a cluster boundary). */
size_t		 caretbuf_caret(const struct caretbuf *);
/* Moves the caret to off snapped back to a cluster boundary. */
void		 caretbuf_set_caret(struct caretbuf *, size_t off);

/*
 * Edits at the caret.  Each returns true when the text changed and leaves
 * the caret after the inserted text, or where the deleted cluster was.
 *  - caretbuf_insert: s (len bytes) is sanitized first (newlines kept);
 *    nothing left after that is not a change.  Refused (false, *msgid =
 *    CARETBUF_E_BIG when msgid is not NULL) when the text would exceed
 *    CARETBUF_MAX; the text is then unchanged.  A paste is one insert.
 *  - caretbuf_backspace: deletes the cluster before the caret (a '\n'
 *    joins two paragraphs).
 *  - caretbuf_delete: deletes the cluster after the caret.
 */
bool		 caretbuf_insert(struct caretbuf *, const char *s, size_t len,
		    const char **msgid);
bool		 caretbuf_backspace(struct caretbuf *);
bool		 caretbuf_delete(struct caretbuf *);

/* Re-wraps for a view `cols` columns wide (< 1 acts as 1); cheap when
 * nothing changed.  Key actions call it with the view size before moving. */
void		 caretbuf_reflow(struct caretbuf *, int cols);
int		 caretbuf_cols(const struct caretbuf *);

/* The visual lines for the current width.  Borrowed; valid until the next
 * change, reflow or set_text.  Never empty: an empty text has one line. */
const struct caretbuf_line *caretbuf_lines(const struct caretbuf *, size_t *n);

/* Visual line and display column of the caret (for the current width). */
void		 caretbuf_caret_pos(const struct caretbuf *, size_t *line,
		    int *col);

enum caretbuf_motion {
	CB_LEFT,		/* previous cluster */
	CB_RIGHT,		/* next cluster */
	CB_UP,			/* same display column, one visual line up */
	CB_DOWN,
	CB_HOME,		/* start of the visual line */
	CB_END,			/* end of the visual line */
	CB_PAGE_UP,		/* view_h - 1 visual lines up, same column */
	CB_PAGE_DOWN,
	CB_TEXT_START,
	CB_TEXT_END
};

/*
 * Moves the caret.  Up/Down (and the page moves) keep a goal column: a
 * run of vertical moves returns to the column where it started, even
 * across shorter lines; any other motion or edit resets it.  A column in
 * the middle of a wide character lands before it.  view_h is the view's
 * height in lines (for the page moves).  Returns true when the caret moved.
 */
bool		 caretbuf_move(struct caretbuf *, enum caretbuf_motion,
		    int view_h);

/*
 * The selection: the bytes between an anchor and the caret, both on
 * cluster boundaries.  Moves (caretbuf_move, caretbuf_caret_to,
 * caretbuf_set_caret) and caretbuf_set_text end it; the extend forms
 * move the caret and keep (or set, at the caret) the anchor.  An edit
 * while text is selected replaces the selection: insert puts its text in
 * its place, backspace and delete remove it, each as one change.
 */
/* Whether text is selected; its bytes [*a, *b). */
bool		 caretbuf_selection(const struct caretbuf *, size_t *a,
		    size_t *b);
/* Selects [a, b) with the caret at b (a > b selects backwards). */
void		 caretbuf_select(struct caretbuf *, size_t a, size_t b);
void		 caretbuf_unselect(struct caretbuf *);
bool		 caretbuf_extend(struct caretbuf *, enum caretbuf_motion,
		    int view_h);
bool		 caretbuf_extend_to(struct caretbuf *, size_t line, int col);

/* Puts the caret on visual line `line` (clamped to the last) at display
 * column col, as Up/Down do (a mouse click).  Returns true if it moved. */
bool		 caretbuf_caret_to(struct caretbuf *, size_t line, int col);

/* The first visible visual line. */
size_t		 caretbuf_top(const struct caretbuf *);
/*
 * Scrolls as little as possible so that the caret's visual line is within
 * [top, top + view_h) and top is valid for the current lines.  Returns
 * true when top changed.
 */
bool		 caretbuf_scroll_to_caret(struct caretbuf *, int view_h);

/*
 * What a const reader needs to draw the buffer in a view of h lines and
 * cols columns, computed without changing the buffer: if cols is the
 * current width, lines are borrowed from the buffer and top is its own
 * (clamped so the caret is visible); otherwise lines are wrapped afresh
 * and top is chosen to show the caret.  Release with caretbuf_view_done.
 */
struct caretbuf_view {
	const struct caretbuf_line *lines;
	size_t		 nlines;
	size_t		 top;
	size_t		 caret_line;
	int		 caret_col;
	struct caretbuf_line *owned;	/* freed by caretbuf_view_done */
};
void		 caretbuf_view(const struct caretbuf *, int h, int cols,
		    struct caretbuf_view *out);
void		 caretbuf_view_done(struct caretbuf_view *);

/*
 * Wraps a whole text (paragraphs separated by '\n') to cols columns; the
 * function behind the visual lines.  Returns the number of lines (at
 * least 1) and sets *out to a newly allocated array (caller frees).
 */
size_t		 caretbuf_wrap(const char *s, size_t len, int cols,
		    struct caretbuf_line **out, const struct text_opts *);

#endif
