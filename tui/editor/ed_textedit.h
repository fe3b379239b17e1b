/*
 * A multi-line editor widget for Chinese narrative text (the sections
 * 一、总体情况 …).  It owns a textbuf (model/textbuf.h: buffer, caret,
 * soft-wrapped lines, scroll); this module only maps curses keys to
 * textbuf actions and draws.  No global state: several widgets may live at
 * once (one per narrative section, or one reused with ed_textedit_set_text).
 *
 * Width: a view `w` columns wide wraps the text to w - 1 columns (w when
 * w < 3), so a caret after a full line still has a column of its own.
 * Widths come from text_width with the widget's text_opts (ambiguous 1|2),
 * and every grapheme cluster is drawn at the column they give.  Limit:
 * ncursesw itself measures with the C library's wcwidth, which says 1 for
 * “ ” … —; with ambiguous = 2 on a terminal that draws them 2 wide, curses'
 * own idea of the cursor can drift on lines holding such characters (a
 * property of curses, not of this widget).
 *
 * The event loop contract (STYLE.md practices 6 and 7):
 *   bits = ed_textedit_key(te, ch, keycode, view_h, view_w);
 *     - TE_CHANGED: the text changed; the caller stores ed_textedit_text(te)
 *       in the report (report_set_text, whose `old` goes on the undo
 *       stack) and updates the character count.
 *     - TE_MOVED: the caret or the scroll moved (redraw the pane); set
 *       along with TE_CHANGED by edits.
 *     - TE_REFUSED: nothing changed; ed_textedit_refusal(te) has the message
 *       id for the status line (e.g. CARETBUF_E_BIG with {0} = limit KiB).
 *     - TE_UNHANDLED: not an editing key (F-keys, Ctrl keys other than
 *       the ones below, Tab, Esc, mouse, resize): the caller's keymap
 *       handles it.
 *   ed_textedit_draw(te, win, y, x, h, w, attr, &cy, &cx);
 *     ...draw everything else...;
 *     wmove(win, cy, cx); curs_set(1); wnoutrefresh; doupdate
 *   The caller must leave the hardware cursor at (cy, cx) so the input
 *   method's candidate window follows the caret.
 *
 * Keys handled: printable characters (inserted), Enter / '\n' / '\r' /
 * KEY_ENTER (new paragraph), Backspace (KEY_BACKSPACE, 127, 8), KEY_DC,
 * arrows, Home/End (start/end of the visual line), PgUp/PgDn.  Ctrl-Home /
 * Ctrl-End are not handled (ncurses numbers them per terminal).
 *
 * Bracketed paste (terminal-cjk.md §2.6):
 *   at start:  printf("\033[?2004h") after initscr (and again after running
 *              a child process), then ed_textedit_define_paste_keys();
 *   at exit:   printf("\033[?2004l") before/after endwin.
 *   In the loop, when wget_wch returns KEY_CODE_YES with
 *   TE_KEY_PASTE_BEGIN, call ed_textedit_read_paste(win, &sb): it reads
 *   everything up to TE_KEY_PASTE_END (ncurses keycodes inside the paste
 *   are dropped: they are escape sequences, not text) and returns the
 *   bytes; then, if a narrative widget has focus,
 *   bits = ed_textedit_paste(te, sb.s, sb.len, h, w) — one edit, one undo step,
 *   control characters stripped, refused beyond CARETBUF_MAX.  A paste that
 *   arrives in a number cell is the caller's business.
 */
#ifndef NB_ED_TEXTEDIT_H
#define NB_ED_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "sbuf.h"
#include "text.h"

/*
 * Key codes given to define_key() for the paste markers \e[200~ \e[201~,
 * far above KEY_MAX because ncurses numbers the terminal's extended keys
 * (kDC5, kHOM5 ...) from KEY_MAX + 1 up.
 */
#define TE_KEY_PASTE_BEGIN	(KEY_MAX + 0x1000)
#define TE_KEY_PASTE_END	(KEY_MAX + 0x1001)

/* Result bits of ed_textedit_key and ed_textedit_paste. */
#define TE_CHANGED	0x01
#define TE_MOVED	0x02
#define TE_UNHANDLED	0x04
#define TE_REFUSED	0x08

struct ed_textedit;

/* A widget holding a copy of text (sanitized; NULL means ""), caret at the
 * end, scrolled to the top.  *opts is copied.  Caller frees. */
struct ed_textedit	*ed_textedit_new(const char *text,
		    const struct text_opts *opts);
void		 ed_textedit_free(struct ed_textedit *);

/* The text.  Borrowed; valid until the next change of the widget. */
const char	*ed_textedit_text(const struct ed_textedit *);
/*
 * Replaces the text (undo/redo, switching sections; sanitized and capped
 * like ed_textedit_new); caret at `caret` (snapped back to a cluster
 * boundary; SIZE_MAX = end of text).  The caller redraws; call
 * ed_textedit_resize afterwards to scroll the caret into view.
 */
void		 ed_textedit_set_text(struct ed_textedit *, const char *text,
		    size_t caret);
size_t		 ed_textedit_caret(const struct ed_textedit *);
/* Characters for the status line ("字数"): text_count_chars. */
size_t		 ed_textedit_count_chars(const struct ed_textedit *);
/* New ambiguous-width setting; re-wraps. */
void		 ed_textedit_set_opts(struct ed_textedit *,
		    const struct text_opts *);

/*
 * Handles one key from wget_wch (keycode: it returned KEY_CODE_YES) for a
 * view of view_h lines and view_w columns; keeps the caret visible by
 * scrolling.  Returns TE_* bits (see above).
 */
int		 ed_textedit_key(struct ed_textedit *, wint_t ch, bool keycode,
		    int view_h, int view_w);

/* A mouse click at (y, x) relative to the view's top-left corner: the
 * caret goes to that visual line and column (past the text: its end).
 * Returns TE_MOVED or 0. */
int		 ed_textedit_click(struct ed_textedit *, int y, int x,
		    int view_h, int view_w);

/* A mouse drag to (y, x) (relative to the view): the selection runs
 * from where the button went down (ed_textedit_click) to there; above
 * or below the view it reaches one line past its edge and scrolls, so
 * each move of the mouse out there selects one more line.  TE_MOVED. */
int		 ed_textedit_drag(struct ed_textedit *, int y, int x,
		    int view_h, int view_w);

/*
 * The selection (Shift with an arrow, Home/End, PgUp/PgDn; a drag):
 * whether there is one, and its bytes [*a, *b).  Typing replaces it;
 * Backspace and Delete remove it; any other move ends it.
 */
bool		 ed_textedit_selection(const struct ed_textedit *, size_t *a,
		    size_t *b);
/* Selects bytes [a, b) (snapped to clusters), caret at b. */
void		 ed_textedit_select(struct ed_textedit *, size_t a, size_t b);

/* Highlights bytes [a, b) until an edit touches them (year mentions
 * brought in from last year's text); marks after an edit follow it. */
void		 ed_textedit_mark(struct ed_textedit *, size_t a, size_t b);
size_t		 ed_textedit_nmarks(const struct ed_textedit *);
/* The attributes of the selection and of the marks (defaults: reverse,
 * bold underlined). */
void		 ed_textedit_set_styles(struct ed_textedit *, attr_t sel,
		    attr_t mark);

/* Inserts a whole paste (len bytes of UTF-8) at the caret as one edit,
 * control characters and escape sequences stripped, newlines kept.
 * Returns TE_CHANGED|TE_MOVED, 0 when nothing was left, or TE_REFUSED. */
int		 ed_textedit_paste(struct ed_textedit *, const char *s,
		    size_t len, int view_h, int view_w);

/* The message id of the last TE_REFUSED (args: see textbuf.h), or NULL.
 * Static string. */
const char	*ed_textedit_refusal(const struct ed_textedit *);

/*
 * Re-wraps and re-scrolls for a new view size (KEY_RESIZE, layout change).
 * Returns TE_MOVED when the scroll changed.  Not required for
 * correctness: draw shows the caret at any size.
 */
int		 ed_textedit_resize(struct ed_textedit *, int view_h,
		    int view_w);

/*
 * Draws the view at (y, x) of size h x w in win with attribute attr (the
 * whole area is painted: text, then blanks).  Changes nothing in the
 * widget.  Sets *cur_y, *cur_x to the window coordinates of the caret,
 * always inside the area; the caller moves the hardware cursor there last.
 * h or w < 1 draws nothing and returns (y, x).
 */
void		 ed_textedit_draw(const struct ed_textedit *, WINDOW *win,
		    int y, int x, int h, int w, attr_t attr, int *cur_y,
		    int *cur_x);

/* Calls define_key() for \e[200~ and \e[201~ (after initscr/keypad). */
void		 ed_textedit_define_paste_keys(void);

/*
 * After TE_KEY_PASTE_BEGIN: reads keys from win until TE_KEY_PASTE_END
 * (or 2 s without input, in case the end marker was lost) and appends the
 * characters to out as UTF-8 (keycodes dropped).  At most CARETBUF_MAX + 1
 * bytes are kept, the rest is read and discarded, so ed_textedit_paste sees
 * that it is too big.  The window's input timeout is restored afterwards.
 */
void		 ed_textedit_read_paste(WINDOW *win, struct sbuf *out);

#endif
