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
 * textbuf_reflow(), and a scroll position `top` (the first visible visual
 * line) that key actions keep so that the caret stays visible.  Readers
 * that only have a const textbuf and another width use textbuf_view(),
 * which computes everything without changing the buffer.
 *
 * Size cap: the whole text is at most TEXTBUF_MAX bytes; an edit that
 * would exceed it is refused with TEXTBUF_E_BIG.
 */
#ifndef NB_TEXTBUF_H
#define NB_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

#define TEXTBUF_MAX	(1024 * 1024)	/* bytes of text, a paste included */

/* Message id for a refused edit: {0} = the limit in KiB. */
#define TEXTBUF_E_BIG	"te.e_big"

struct textbuf;

/* One visual line: bytes [start, end) of the text. */
struct textbuf_line {
	size_t	start;
	size_t	end;
	bool	hard;		/* ends a paragraph ('\n' or end of text) */
};

/*
 * A new buffer holding a sanitized copy of text (control characters other
 * than '\n' removed, CRLF and CR made '\n'; see text_sanitize), longer
 * texts cut at a cluster boundary at TEXTBUF_MAX.  Caret at the end,
 * scrolled to the top, wrapped for 0 columns until the first reflow.
 * *opts is copied.  Caller frees with textbuf_free.
 */
struct textbuf	*textbuf_new(const char *text, const struct text_opts *opts);
void		 textbuf_free(struct textbuf *);

/* The text, NUL-terminated.  Borrowed; valid until the next change. */
const char	*textbuf_text(const struct textbuf *);
size_t		 textbuf_len(const struct textbuf *);
/* Characters as counted by the statutory guideline (text_count_chars). */
size_t		 textbuf_count_chars(const struct textbuf *);
const struct text_opts *textbuf_opts(const struct textbuf *);

/*
 * Replaces the whole text (undo/redo, loading); sanitized and capped like
 * textbuf_new.  The caret goes to `caret` snapped back to a cluster
 * boundary (SIZE_MAX: the end).  Visual lines are recomputed for the
 * current width.
 */
void		 textbuf_set_text(struct textbuf *, const char *text,
		    size_t caret);
/* Changes the ambiguous-width setting and re-wraps. */
void		 textbuf_set_opts(struct textbuf *, const struct text_opts *);

/* Caret byte offset (on a cluster boundary). */
size_t		 textbuf_caret(const struct textbuf *);
/* Moves the caret to off snapped back to a cluster boundary. */
void		 textbuf_set_caret(struct textbuf *, size_t off);

/*
 * Edits at the caret.  Each returns true when the text changed and leaves
 * the caret after the inserted text, or where the deleted cluster was.
 *  - textbuf_insert: s (len bytes) is sanitized first (newlines kept);
 *    nothing left after that is not a change.  Refused (false, *msgid =
 *    TEXTBUF_E_BIG when msgid is not NULL) when the text would exceed
 *    TEXTBUF_MAX; the text is then unchanged.  A paste is one insert.
 *  - textbuf_backspace: deletes the cluster before the caret (a '\n'
 *    joins two paragraphs).
 *  - textbuf_delete: deletes the cluster after the caret.
 */
bool		 textbuf_insert(struct textbuf *, const char *s, size_t len,
		    const char **msgid);
bool		 textbuf_backspace(struct textbuf *);
bool		 textbuf_delete(struct textbuf *);

/* Re-wraps for a view `cols` columns wide (< 1 acts as 1); cheap when
 * nothing changed.  Key actions call it with the view size before moving. */
void		 textbuf_reflow(struct textbuf *, int cols);
int		 textbuf_cols(const struct textbuf *);

/* The visual lines for the current width.  Borrowed; valid until the next
 * change, reflow or set_text.  Never empty: an empty text has one line. */
const struct textbuf_line *textbuf_lines(const struct textbuf *, size_t *n);

/* Visual line and display column of the caret (for the current width). */
void		 textbuf_caret_pos(const struct textbuf *, size_t *line,
		    int *col);

enum textbuf_motion {
	TB_LEFT,		/* previous cluster */
	TB_RIGHT,		/* next cluster */
	TB_UP,			/* same display column, one visual line up */
	TB_DOWN,
	TB_HOME,		/* start of the visual line */
	TB_END,			/* end of the visual line */
	TB_PAGE_UP,		/* view_h - 1 visual lines up, same column */
	TB_PAGE_DOWN,
	TB_TEXT_START,
	TB_TEXT_END
};

/*
 * Moves the caret.  Up/Down (and the page moves) keep a goal column: a
 * run of vertical moves returns to the column where it started, even
 * across shorter lines; any other motion or edit resets it.  A column in
 * the middle of a wide character lands before it.  view_h is the view's
 * height in lines (for the page moves).  Returns true when the caret moved.
 */
bool		 textbuf_move(struct textbuf *, enum textbuf_motion, int view_h);

/* Puts the caret on visual line `line` (clamped to the last) at display
 * column col, as Up/Down do (a mouse click).  Returns true if it moved. */
bool		 textbuf_caret_to(struct textbuf *, size_t line, int col);

/* The first visible visual line. */
size_t		 textbuf_top(const struct textbuf *);
/*
 * Scrolls as little as possible so that the caret's visual line is within
 * [top, top + view_h) and top is valid for the current lines.  Returns
 * true when top changed.
 */
bool		 textbuf_scroll_to_caret(struct textbuf *, int view_h);

/*
 * What a const reader needs to draw the buffer in a view of h lines and
 * cols columns, computed without changing the buffer: if cols is the
 * current width, lines are borrowed from the buffer and top is its own
 * (clamped so the caret is visible); otherwise lines are wrapped afresh
 * and top is chosen to show the caret.  Release with textbuf_view_done.
 */
struct textbuf_view {
	const struct textbuf_line *lines;
	size_t		 nlines;
	size_t		 top;
	size_t		 caret_line;
	int		 caret_col;
	struct textbuf_line *owned;	/* freed by textbuf_view_done */
};
void		 textbuf_view(const struct textbuf *, int h, int cols,
		    struct textbuf_view *out);
void		 textbuf_view_done(struct textbuf_view *);

/*
 * Wraps a whole text (paragraphs separated by '\n') to cols columns; the
 * function behind the visual lines.  Returns the number of lines (at
 * least 1) and sets *out to a newly allocated array (caller frees).
 */
size_t		 textbuf_wrap(const char *s, size_t len, int cols,
		    struct textbuf_line **out, const struct text_opts *);

#endif
