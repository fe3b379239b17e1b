/*
 * The UI root.  struct tui_app is the one piece of mutable state of the
 * front end: the report being edited, the view (screen geometry, current
 * section and cell, scroll positions, open dialog, message line) and the
 * dirty bits of the screen regions.  Every action and every draw function
 * takes it explicitly (actions a pointer, draws a const pointer); nothing
 * else is global.
 *
 * The loop (ed_app_run): read a key with get_wch, look it up in the keymap
 * for the current context, run the action, OR in the dirty bits it
 * returns, let the view settle (layouts for the new size or values), draw
 * the dirty regions once, put the hardware cursor at the caret and
 * doupdate().  Actions never draw; draws never change the app.
 *
 * Screen regions, top to bottom: the title bar (row 0); the outline
 * (left) and the main pane (right); the status line (label path, unit);
 * the message line (a transient message, else the flag on the cell); the
 * key bar (last row).  Below TUI_MIN_COLS x TUI_MIN_ROWS the whole screen
 * is a "too small" notice that still takes save and quit.
 */
#ifndef NB_ED_APP_H
#define NB_ED_APP_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "ed_draw.h"
#include "ed_cell.h"
#include "editor.h"
#include "ed_form.h"
#include "i18n.h"
#include "report.h"
#include "text.h"
#include "ed_theme.h"

#define TUI_MIN_COLS	80
#define TUI_MIN_ROWS	24

/* What an action changed: the regions to redraw, and quitting. */
#define TUI_DIRTY_TITLE		0x0001
#define TUI_DIRTY_OUTLINE	0x0002
#define TUI_DIRTY_PANE		0x0004	/* the whole main pane */
#define TUI_DIRTY_CELLS		0x0008	/* only the values of the form */
#define TUI_DIRTY_STATUS	0x0010	/* status and message lines */
#define TUI_DIRTY_KEYBAR	0x0020
#define TUI_DIRTY_DIALOG	0x0040
#define TUI_DIRTY_CURSOR	0x0080	/* only the hardware cursor moved */
#define TUI_DIRTY_ALL		0x00ff
#define TUI_DIRTY_CLEAR		0x0100	/* erase first (resize, dialog closed) */
#define TUI_DIRTY_REPAINT	0x0200	/* repaint the terminal (Ctrl-L) */
/* A value or text changed: counts, outline, values, status. */
#define TUI_DIRTY_MODEL		(TUI_DIRTY_TITLE | TUI_DIRTY_OUTLINE | \
				 TUI_DIRTY_CELLS | TUI_DIRTY_STATUS)
#define TUI_QUIT		0x8000

enum tui_mode {
	TUI_FORM,	/* the section: a table form or the text editor */
	TUI_FLAGS,	/* the flags panel in the pane */
	TUI_HELP,	/* the help screen in the pane */
	TUI_PREVIEW,	/* the print preview over the whole body */
	TUI_LASTYEAR	/* last year's text of the section, in the pane */
};

/* What the open dialog is asking, so the answer goes to the right place. */
enum tui_ask {
	ASK_NONE,
	ASK_ORGAN,	/* new report: organ name */
	ASK_YEAR,	/* new report: year */
	ASK_QUIT,	/* unsaved changes: save / discard / cancel */
	ASK_GOTO,	/* cell id or part of a label */
	ASK_GOTO_PICK,	/* one of several matches */
	ASK_MESSAGE,	/* a message to acknowledge */
	/* Recovery and safe saves (ed_recover.h, ed_doc.c). */
	ASK_NODIR,	/* no recovery folder: edit without / quit */
	ASK_LOCK,	/* another editor: read-only / take over / quit */
	ASK_RECOVER,	/* a snapshot: recover / discard / read-only */
	ASK_SNAP_BAD,	/* an unusable snapshot: discard / read-only / quit */
	ASK_CHANGED,	/* file changed on disk: overwrite / cancel / save as */
	ASK_SAVE_FAILED,	/* save failed: save as / back */
	ASK_SAVE_AS,	/* the path to save to */
	ASK_OVERWRITE,	/* save as over an existing file */
	/* New report from last year's (ed_newreport.c). */
	ASK_NEW_HOW,	/* from last year's report found / empty */
	ASK_NEW_FROM,	/* the path of last year's report */
	/* Export (ed_export.c). */
	ASK_EXPORT_FMT,		/* txt / docx / pdf */
	ASK_EXPORT_PATH,	/* the file to write */
	ASK_EXPORT_OVERWRITE	/* over an existing file */
};

struct tui_geom {
	int	rows, cols;
	bool	small;
	int	outline_w;
	int	pane_y, pane_x, pane_h, pane_w;
	int	status_y;	/* label path; message line at status_y + 1 */
	int	keybar_y;
};

struct ed_dialog;
struct ed_pageview;
struct recover;
struct recover_found;
struct ed_textedit;
struct undo;

struct tui_app {
	const struct editor_opts *opts;
	const struct i18n	*i18n;
	enum lang		 lang;
	struct text_opts	 topts;
	struct ed_theme		 theme;
	struct ed_draw		 dr;
	const volatile sig_atomic_t *stop;	/* set by SIGTERM/SIGHUP */

	/* The document. */
	char			*path;
	struct report		*rep;		/* NULL until created */
	char			*saved_dump;	/* store_dump at load/save */
	unsigned long		 mod_gen;	/* generation last compared */
	bool			 modified;	/* differs from saved_dump */
	struct undo		*undo;
	char			*new_organ;	/* while asking for a new report */
	struct report		*new_last;	/* ... from last year's, loaded */
	char			*new_from;	/* its path, or the one found */

	/* Never losing work (ed_recover.h). */
	struct recover		*rc;		/* NULL: no snapshots, no lock */
	struct recover_found	*found;		/* ASK_RECOVER: the snapshot */
	bool			 readonly;	/* edits and save refused */
	char			*rc_err;	/* last snapshot failure, shown */
	char			*fatal;		/* why the editor gave up */
	bool			 quit_after_save;
	char			*save_as;	/* ASK_OVERWRITE: the path */
	bool			 input_lost;	/* EOF or EIO on the terminal */

	/* The view. */
	struct tui_geom		 g;
	enum tui_mode		 mode;
	int			 sec;		/* current section */
	struct ed_form	 form;
	struct ed_cell	 edit;		/* typing into the current cell */
	struct ed_textedit		**te;		/* per section; NULL for tables */
	size_t			 flag_sel;	/* flags panel selection */
	size_t			 flag_top;
	int			 flag_last;	/* flag jumped to last, or -1 */
	int			 help_top;
	struct ed_pageview		*pv;
	struct ed_dialog		*dlg;
	enum tui_ask		 ask;
	int			*picks;		/* ASK_GOTO_PICK: the cells */
	int			 lastyear_top;	/* TUI_LASTYEAR: scroll */

	/* Export: the format and file asked for; pending once confirmed,
	 * so that the loop shows "exporting" before it blocks. */
	int			 export_fmt;	/* enum exporter_fmt */
	char			*export_to;
	bool			 export_pending;

	/* The message line and the screen. */
	char			*msg;
	enum style		 msg_style;
	unsigned		 dirty;
	bool			 cursor_on;
};

void	 ed_app_init(struct tui_app *, const struct editor_opts *);
void	 ed_app_done(struct tui_app *);
/* Takes ownership of r and shows it; r counts as saved. */
void	 ed_app_attach(struct tui_app *, struct report *r);
/* r (the app's report) was just saved: it is the new unmodified state. */
void	 ed_app_mark_saved(struct tui_app *);
/* Recomputes the geometry from LINES/COLS.  Returns dirty bits. */
unsigned ed_app_resize(struct tui_app *);
/* Runs the event loop until an action returns TUI_QUIT (returns true),
 * or a signal came or the terminal is gone (returns false: the caller
 * saves what it can).  Writes recovery snapshots as they fall due. */
bool	 ed_app_run(struct tui_app *);

/* Sets the message line to the message msgid with nargs string args.
 * Returns TUI_DIRTY_STATUS. */
unsigned ed_app_msg(struct tui_app *, enum style, const char *msgid, int nargs,
	    ...);
/* Sets the message line to an error value. */
unsigned ed_app_msg_err(struct tui_app *, const struct err *);
/* A message in the app's language.  Newly allocated; caller frees. */
char	*ed_app_tr(const struct tui_app *, const char *msgid);

/* "三、收到和处理政府信息公开申请情况".  Newly allocated; caller frees. */
char	*ed_app_section_title(const struct tui_app *, int sec);
bool	 ed_app_modified(const struct tui_app *);
/* Compares the report with what was saved if it changed since the last
 * look (store_dump: the file text).  Returns true when "modified" flipped. */
bool	 ed_app_check_modified(struct tui_app *);
bool	 ed_app_is_text(const struct tui_app *);	/* current section narrative */
/* The text area of a narrative section (below its heading): first row
 * and height. */
void	 ed_app_text_area(const struct tui_app *, int *y, int *h);
/* Switches to section sec (committing a cell edit first). */
unsigned ed_app_set_section(struct tui_app *, int sec);
/* Stores the text of the current narrative section's editor in the
 * report if it differs, with an undo record.  Returns dirty bits. */
unsigned ed_app_sync_text(struct tui_app *, bool coalesce);

/* Actions (ed_keymap.c). */
unsigned ed_app_act_next_section(struct tui_app *, int key);
unsigned ed_app_act_prev_section(struct tui_app *, int key);
unsigned ed_app_act_redraw(struct tui_app *, int key);

#endif
