/*
 * Clipped, measured drawing on stdscr.  Everything the editor draws goes
 * through these helpers: they never write outside the screen (any size
 * down to 1x1), never split a wide character, and measure text with
 * model/text.h (grapheme clusters, East Asian Width, the ambiguous-width
 * setting), never with strlen.
 *
 * A struct ed_draw is the read-only context of one draw: the theme and the
 * text options.  Drawing functions take it by const pointer.
 */
#ifndef NB_ED_DRAW_H
#define NB_ED_DRAW_H

#include <stddef.h>

#include "text.h"
#include "ed_theme.h"

struct ed_draw {
	const struct ed_theme	*th;
	const struct text_opts	*topts;
};

/* Flags of ed_draw_text. */
#define DRAW_LEFT	0x00
#define DRAW_RIGHT	0x01
#define DRAW_CENTER	0x02
#define DRAW_PAD	0x04	/* fill the rest of the w columns */
#define DRAW_ELLIPSIS	0x08	/* mark text cut at w with "…" */

/*
 * Writes the UTF-8 text s (len bytes) at (y, x) in style st, within w
 * columns, aligned by flags; with DRAW_PAD the whole w columns are
 * painted.  Clusters that would straddle column x + w or the screen's
 * right edge are left out (their columns are blanked when padding).
 * Returns the columns the text itself took.
 */
int	ed_draw_textn(const struct ed_draw *, int y, int x, int w,
	    const char *s, size_t len, enum style st, int flags);
int	ed_draw_text(const struct ed_draw *, int y, int x, int w, const char *s,
	    enum style st, int flags);

/* Paints w blank columns at (y, x) in style st (clipped). */
void	ed_draw_fill(const struct ed_draw *, int y, int x, int w,
	    enum style st);

/* Paints a rectangle of blanks (clipped). */
void	ed_draw_box(const struct ed_draw *, int y, int x, int h, int w,
	    enum style st);

/* Columns of s (NUL-terminated) with the context's options. */
int	ed_draw_width(const struct ed_draw *, const char *s);

/*
 * Wraps s into lines of at most cols columns (text_wrap per paragraph,
 * ICU line breaking for zh).  Returns the number of lines; *starts and
 * *ends (newly allocated; caller frees both) give each line's bytes.
 * Empty s is one empty line.
 */
size_t	ed_draw_wrap(const struct ed_draw *, const char *s, int cols,
	    size_t **starts, size_t **ends);

#endif
