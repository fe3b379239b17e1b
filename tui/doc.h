/*
 * Actions on the document as a whole: save, quit (asking first when
 * there are unsaved changes), undo and redo, go to a cell, the print
 * preview, and the questions that create a new report (organ, then year,
 * whose template comes from tpl_for_year).  The answers of dialogs come
 * back through doc_answer().
 */
#ifndef NB_DOC_H
#define NB_DOC_H

#include <stdbool.h>

struct tui_app;

/* Opens the new-report questions (the file does not exist yet). */
unsigned doc_ask_new(struct tui_app *);
/* Opens the print preview.  Returns dirty bits. */
unsigned doc_open_preview(struct tui_app *);
/* The open dialog finished with result res (enum dialog_result). */
unsigned doc_answer(struct tui_app *, int res);
/* Saves to the app's path, asking first when the file is read-only or
 * changed on disk, and offering save as when the save fails; with
 * then_quit, a save that succeeds returns TUI_QUIT.  Returns dirty
 * bits. */
unsigned doc_save(struct tui_app *, bool then_quit);

/* Actions (keymap.c). */
unsigned doc_act_save(struct tui_app *, int key);
unsigned doc_act_quit(struct tui_app *, int key);
unsigned doc_act_undo(struct tui_app *, int key);
unsigned doc_act_redo(struct tui_app *, int key);
unsigned doc_act_goto(struct tui_app *, int key);
unsigned doc_act_preview(struct tui_app *, int key);

#endif
