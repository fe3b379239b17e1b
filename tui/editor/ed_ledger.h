/*
 * Table 三 from the office's register of applications (the 申请登记台账),
 * in the editor: the same count as `nianbao ledger` (model/ledger*.h),
 * and where each number came from.
 *
 * F12 / Ctrl-T ("从台账生成", offered on table 三): the register's file
 * is asked (proposed: the register counted last time, else the newest
 * spreadsheet beside the report).  The map of columns and values is
 * read from FILE.map.yaml beside it (else another map in that folder)
 * and the register counted for the report's year.  Then:
 *   - rows with a missing or impossible date (and the like) are listed,
 *     and nothing is filled in;
 *   - values no target is known for are listed with their rows, in a
 *     list pane (ed_list.h): Enter on one asks which row or column of 三
 *     it is; once every one has a target the count is made again;
 *   - otherwise table 三 is filled, as one undo step (undo.h UNDO_FILL),
 *     and a list says what was counted: the applications and rows, the
 *     values placed by guess, what was assumed, where 二 came from and
 *     every cell changed ("cell: old → new").  Esc goes to table 三.
 * The map is saved beside the register whenever it gained something, so
 * next year asks nothing.
 *
 * The rows behind a cell are ed_ledgerrows.h's, shown in the same text
 * list (ed_ledger_text_*).
 *
 * Owns a->ledger: the count being mapped, and the lines of the list
 * shown.
 */
#ifndef NB_ED_LEDGER_H
#define NB_ED_LEDGER_H

#include "ed_app.h"
#include "ed_keymap.h"

extern const struct ed_action	ed_ledger_count;
extern const struct ed_keymap	ed_ledger_text_keys;

/* The text list: a heading (taken) replacing the text shown, its lines
 * (each taken, wrapped to the pane), then the pane opened (Esc closes
 * it).  show returns dirty bits. */
void	 ed_ledger_text_start(struct tui_app *, char *heading);
void	 ed_ledger_text_add(struct tui_app *, char *line);
unsigned ed_ledger_text_show(struct tui_app *);

void	 ed_ledger_done(struct tui_app *);

#endif
