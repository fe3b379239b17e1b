/*
 * The print-preview screen (F4 / Ctrl-P, `nianbao preview FILE`): the
 * report's pages from model/layout.h, as a screen object driven by the
 * app's single event loop (STYLE.md practice 6).
 *
 * The view is the pages one below the other; each page shows its 22 lines
 * and its page-number line inside a frame 56 columns wide (centred in the
 * area when it is wider; scrolled sideways with Left/Right when it is
 * narrower), followed by a rule that marks the page break.  The bottom
 * line of the area is a bar with "第 N 页 / 共 M 页" (N: the page at the
 * top of the view), "P 打印" and the layout's assumptions (font, 28 字 ×
 * 22 行), or a message in their place.
 *
 * Call sequence (the editor core):
 *   struct ed_pageview *pv = ed_pageview_new(report, i18n, lang, &text_opts);
 *   loop:  bits = ed_pageview_key(pv, ch, keycode, h, w);
 *          PV_CLOSE  -> ed_pageview_free(pv), back to the editor screen
 *          PV_REDRAW -> redraw the preview area
 *          PV_UNHANDLED -> the app's keymap (F10 quit, F1 help ...)
 *          ed_pageview_draw(pv, stdscr, y, x, h, w, text_attr, bar_attr);
 *          (the preview hides no cursor state: the caller does curs_set(0)
 *          while the preview is shown)
 *   On KEY_RESIZE: ed_pageview_resize(pv, h, w), then draw.
 *
 * The layout is built once by ed_pageview_new; the report must not change
 * while the preview exists (it is read-only: no key edits the report).
 * Keys: PgDn/Space next page, PgUp/b previous page, Down/Up one line,
 * Home first page, End last page, Left/Right sideways, Esc, F4, q and
 * Ctrl-P close.
 */
#ifndef NB_ED_PAGEVIEW_H
#define NB_ED_PAGEVIEW_H

#include <stdbool.h>
#include <wchar.h>

#include <curses.h>

#include "i18n.h"
#include "layout.h"
#include "report.h"
#include "text.h"

#define PV_REDRAW		0x01
#define PV_CLOSE		0x02
#define PV_UNHANDLED	0x04

struct ed_pageview;

/* Builds the layout of r in lang (widths with *opts; copied).  i18n must
 * outlive the preview.  Caller frees with ed_pageview_free. */
struct ed_pageview	*ed_pageview_new(const struct report *r,
		    const struct i18n *, enum lang,
		    const struct text_opts *opts);
void		 ed_pageview_free(struct ed_pageview *);

/* The layout shown (e.g. to compare with `preview --plain`).  Borrowed;
 * valid until ed_pageview_free. */
const struct layout *ed_pageview_layout(const struct ed_pageview *);

/* Page shown at the top of the view, 1-based, and the page count. */
int		 ed_pageview_page(const struct ed_pageview *);
int		 ed_pageview_npages(const struct ed_pageview *);

/* One key for a view of h lines and w columns (the whole area, bar
 * included).  Returns PREVIEW_* bits. */
int		 ed_pageview_key(struct ed_pageview *, wint_t ch, bool keycode,
		    int h, int w);
/* Clamps the scroll for a new view size.  Returns PV_REDRAW. */
int		 ed_pageview_resize(struct ed_pageview *, int h, int w);

/* Paints the area (y, x, h, w) of win: pages with text_attr, the bar with
 * bar_attr; the bar shows msg (NULL: the page, the print key and the
 * layout's assumptions).  Changes nothing in the preview.  Areas smaller
 * than 1x1 draw nothing. */
void		 ed_pageview_draw(const struct ed_pageview *, WINDOW *win,
		    int y, int x, int h, int w, attr_t text_attr,
		    attr_t bar_attr, const char *msg);

#endif
