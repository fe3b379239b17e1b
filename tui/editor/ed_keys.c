/*
 * The global keymap (see ed_keys.h).  Each action is its module's; the
 * help screen lists this keymap, then the section panes' (also), then
 * the keymap of each pane a row opens.
 */
#include <curses.h>

#include "ed_clip.h"
#include "ed_export.h"
#include "ed_find.h"
#include "ed_flags.h"
#include "ed_form.h"
#include "ed_goto.h"
#include "ed_help.h"
#include "ed_keys.h"
#include "ed_lastyear.h"
#include "ed_ledger.h"
#include "ed_ledgerrows.h"
#include "ed_outline.h"
#include "ed_preview.h"
#include "ed_save.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "ed_undo.h"
#include "ed_zero.h"

/* Ctrl-L: the whole screen again. */
static unsigned
redraw(struct tui_app *a, int key)
{
	(void)a;
	(void)key;
	return (TUI_DIRTY_ALL | TUI_DIRTY_REPAINT);
}

static const struct ed_action redraw_act = {
	.fn = redraw, .help = "ed.h.redraw", .flags = ED_ACT_SMALL
};

static const struct ed_binding rows[] = {
	{ &ed_help_open, { KM_KEY(KEY_F(1)), KM_CTRL('T') } },
	{ &ed_save_save, { KM_KEY(KEY_F(2)), KM_CTRL('S') } },
	{ &ed_export_open, { KM_KEY(KEY_F(9)), KM_CTRL('O') } },
	{ &ed_flags_open, { KM_KEY(KEY_F(3)), KM_CTRL('E') } },
	{ &ed_preview_open, { KM_KEY(KEY_F(4)), KM_CTRL('P') } },
	{ &ed_lastyear_open, { KM_KEY(KEY_F(11)), KM_CTRL('K') } },
	{ &ed_save_quit, { KM_KEY(KEY_F(10)), KM_CTRL('Q') } },
	{ &ed_undo_undo, { KM_CTRL('Z') } },
	{ &ed_zero_fill, { KM_CTRL('B') } },
	{ &ed_find_find, { KM_CTRL('F') } },
	{ &ed_find_replace, { KM_CTRL('\\') } },
	{ &ed_undo_redo, { KM_CTRL('Y') } },
	{ &ed_goto_act, { KM_CTRL('G') } },
	{ &ed_flags_next, { KM_KEY(KEY_F(8)), KM_CTRL('N') } },
	{ &ed_flags_prev, { KM_KEY(KEY_F(7)), KM_CTRL('R') } },
	{ &ed_sec_next, { KM_KEY(KEY_F(6)), KM_CTRL('D') } },
	{ &ed_sec_prev, { KM_KEY(KEY_F(5)), KM_CTRL('U') } },
	/* The letters are all taken: the register's two actions (used once
	 * a year) and replace get the Ctrl keys beside Enter. */
	{ &ed_ledger_count, { KM_CTRL(']') } },
	{ &ed_ledgerrows_open, { KM_CTRL('^') } },
	{ &ed_outline_cycle, { KM_KEY(KEY_F(12)), KM_CTRL('W') } },
	{ &redraw_act, { KM_CTRL('L') } },
	{ &ed_clip_copy, { KM_CTRL('C') } },
	{ &ed_clip_cut, { KM_CTRL('X') } },
	{ &ed_clip_paste, { KM_CTRL('V') } },
	{ &ed_clip_all, { KM_CTRL('A') } },
	{ NULL, { 0 } }
};

const struct ed_keymap ed_keys_global = { "ed.ctx.global", NULL, rows,
    (const struct ed_keymap *const[]){ &ed_form_keys, &ed_text_keys,
    NULL } };
