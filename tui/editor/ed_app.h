/*
 * The editor's state: struct tui_app, the one piece of mutable state of
 * the front end, and the bits an action returns to say what changed.
 *
 * Every field has one owner, the module named in the comment above its
 * group: only that module's file assigns it; the others read it or call
 * the owner (tests/layers.py checks this).  The state of a module that no
 * other reads is an opaque pointer, defined in the owner's .c.  This
 * header includes only the model and the drawing widgets, so every module
 * may include it without a circle.
 *
 * Screen regions, top to bottom: the title bar (row 0); the outline
 * (left) and the pane (right); the status line (label path, unit); the
 * message lines (a transient message, else the flags on the cell,
 * wrapped over up to TUI_MSG_ROWS lines: 3, 2 below 28 rows); the key
 * bar (last row).  Below TUI_MIN_COLS x TUI_MIN_ROWS the whole screen is
 * a "too small" notice that still takes save and quit.
 */
#ifndef NB_ED_APP_H
#define NB_ED_APP_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ed_draw.h"
#include "ed_theme.h"
#include "i18n.h"
#include "report.h"
#include "text.h"

#define TUI_MIN_COLS	80
#define TUI_MIN_ROWS	24

/* What an action changed: the regions to redraw, and quitting. */
#define TUI_DIRTY_TITLE		0x0001
#define TUI_DIRTY_OUTLINE	0x0002
#define TUI_DIRTY_PANE		0x0004	/* the whole pane */
#define TUI_DIRTY_CELLS		0x0008	/* only the values of the form */
#define TUI_DIRTY_STATUS	0x0010	/* status and message lines */
#define TUI_DIRTY_KEYBAR	0x0020
#define TUI_DIRTY_DIALOG	0x0040
#define TUI_DIRTY_CURSOR	0x0080	/* only the hardware cursor moved */
#define TUI_DIRTY_ALL		0x00ff
#define TUI_DIRTY_CLEAR		0x0100	/* erase first (resize, closing) */
#define TUI_DIRTY_REPAINT	0x0200	/* repaint the terminal (Ctrl-L) */
/* A value or text changed: counts, outline, values, status. */
#define TUI_DIRTY_MODEL		(TUI_DIRTY_TITLE | TUI_DIRTY_OUTLINE | \
				 TUI_DIRTY_CELLS | TUI_DIRTY_STATUS)
/* A pane's key handler: the key is not the pane's (see ed_pane.h). */
#define TUI_PASS		0x4000
#define TUI_QUIT		0x8000

struct tui_geom {
	int	rows, cols;
	bool	small;
	int	outline_w;
	int	pane_y, pane_x, pane_h, pane_w;
	int	status_y;	/* label path; message lines from status_y + 1 */
	int	msg_rows;	/* how many message lines */
	int	keybar_y;
};

struct ed_ask;
struct ed_cell;
struct ed_export;
struct ed_find;
struct ed_form;
struct ed_keymap;
struct ed_ledger;
struct ed_list;
struct ed_pane;
struct ed_preview;
struct ed_text;
struct ed_textedit;
struct ed_zero;
struct statedir;
struct tpl;
struct undo;

struct tui_app {
	/* owner: editor (set up once, read-only after) */
	const struct i18n	*i18n;
	enum lang		 lang;
	bool			 preview_only;	/* `nianbao preview FILE` */
	/* The stream curses writes to: bytes of our own (OSC 52, mouse
	 * modes) go there, flushed at once, not to stdio's stdout as
	 * putp would send them. */
	FILE			*tty;
	struct text_opts	 topts;
	struct ed_theme		 theme;
	struct ed_draw		 dr;
	const volatile sig_atomic_t *stop;	/* set by SIGTERM/SIGHUP */
	const struct ed_keymap	*keys;		/* global keys (ed_keys.h) */
	struct undo		*undo;		/* history (tui/core/undo.h) */

	/* owner: ed_tpls (the templates loaded: the report's own, all
	 * after ed_tpls_all) */
	struct tpl *const	*tpls;
	size_t			 ntpls;
	bool			(*all_tpls)(void *, struct tpl *const **,
				    size_t *);
	void			*all_ctx;

	/* owner: ed_doc (the report and whether it differs from its file) */
	char			*path;
	struct report		*rep;		/* NULL until open or made */
	char			*saved_dump;	/* store_dump of the file */
	unsigned long		 mod_gen;	/* generation last compared */
	bool			 modified;	/* differs from saved_dump */

	/* owner: ed_recover (never losing work) */
	struct statedir		*rc;		/* NULL: no snapshot, no lock */
	bool			 readonly;	/* edits and save refused */
	char			*rc_err;	/* last snapshot failure */

	/* owner: ed_msg (the message line; why the editor gave up) */
	char			*msg;
	enum style		 msg_style;
	char			*fatal;

	/* owner: ed_loop (the screen and the terminal) */
	struct tui_geom		 g;
	unsigned		 dirty;
	bool			 cursor_on;
	bool			 input_lost;	/* EOF or EIO on the terminal */
	bool			 mouse_down;	/* the first button is held */

	/* owner: ed_sec (the section shown) */
	int			 sec;

	/* owner: ed_pane (what the pane shows; NULL: the section) */
	const struct ed_pane	*pane;

	/* owner: ed_flags (the flag walked to last, or -1) */
	int			 flag_last;

	/* owner: ed_outline (its width chosen with its key; 0: by the
	 * screen's width) */
	int			 outline_mode;

	/* Each module's own state, opaque (owner: the module of its type). */
	struct ed_ask		*ask;
	struct ed_cell		*cell;
	struct ed_export	*ex;
	struct ed_form		*form;
	struct ed_ledger	*ledger;
	struct ed_list		*lists;
	struct ed_preview	*pv;
	struct ed_text		*text;
	struct ed_zero		*zero;

	/* owner: ed_lastyear (last year's text while its pane is open) */
	struct ed_textedit	*ly;

	/* owner: ed_find (last pattern and replacement) */
	struct ed_find		*find;

	/* owner: ed_clip (the editor's clipboard; NULL: empty) */
	char			*clip;
};

#endif
