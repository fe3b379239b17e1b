/*
 * Undo and redo (see ed_undo.h).
 */
#include "ed_cell.h"
#include "ed_form.h"
#include "ed_msg.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "ed_undo.h"
#include "undo.h"

/* Shows where an undone or redone change happened. */
static unsigned
show_change(struct tui_app *a, const struct undo_where *w)
{
	unsigned	d;

	if (w->kind == UNDO_FILL && w->cell < 0)
		return (TUI_DIRTY_ALL);
	if (w->kind != UNDO_TEXT)
		return (ed_form_goto(a, w->cell));
	d = ed_sec_set(a, w->sec);
	ed_text_reset(a, w->sec, w->caret);
	return (d | TUI_DIRTY_ALL);
}

static unsigned
undo(struct tui_app *a, int key)
{
	struct undo_where	w;
	unsigned		d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (ed_cell_active(a))
		return (ed_cell_cancel(a));
	d = ed_text_sync(a, false);
	if (!undo_undo(a->undo, a->rep, &w))
		return (d | ed_msg_set(a, ST_MSG_INFO, "ed.undo_none", 0));
	return (d | show_change(a, &w) | TUI_DIRTY_MODEL);
}

static unsigned
redo(struct tui_app *a, int key)
{
	struct undo_where	w;
	unsigned		d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	d = ed_cell_commit(a);
	if (!undo_redo(a->undo, a->rep, &w))
		return (d | ed_msg_set(a, ST_MSG_INFO, "ed.redo_none", 0));
	return (d | show_change(a, &w) | TUI_DIRTY_MODEL);
}

const struct ed_action ed_undo_undo = {
	.fn = undo, .bar = "ed.k.undo", .help = "ed.h.undo",
	.flags = ED_ACT_EDITS
};
const struct ed_action ed_undo_redo = {
	.fn = redo, .help = "ed.h.redo", .flags = ED_ACT_EDITS
};
