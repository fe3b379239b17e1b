/*
 * Actions on the document as a whole: save, quit (asking first when
 * there are unsaved changes), undo and redo, go to a cell, the print
 * preview.  The answers of all dialogs come back through ed_doc_answer(),
 * which hands those of a new report (ed_newreport.h) and of export
 * (ed_export.h) to their modules.
 */
#ifndef NB_ED_DOC_H
#define NB_ED_DOC_H

#include <stdbool.h>

struct tui_app;

/* Opens an input dialog for question ask, its title, prompt and the
 * proposed answer init given as message ids (init as text).  Returns
 * dirty bits. */
unsigned ed_doc_ask_input(struct tui_app *, int ask, const char *title,
	    const char *prompt, const char *init);
/* Closes the open dialog.  Returns dirty bits. */
unsigned ed_doc_close_dialog(struct tui_app *);
/* A path the user typed: "~/x" is in the home folder.  Newly
 * allocated; caller frees. */
char	*ed_doc_expand_path(const char *);
/* Asks whether to write over path (owned by *slot until answered; a
 * previous *slot is freed); ask is the answer's ASK_* kind. */
unsigned ed_doc_ask_overwrite(struct tui_app *, int ask, const char *title_id,
	    char *path, char **slot);
/* Opens the print preview.  Returns dirty bits. */
unsigned ed_doc_open_preview(struct tui_app *);
/* The open dialog finished with result res (enum ed_dialog_result). */
unsigned ed_doc_answer(struct tui_app *, int res);
/* Saves to the app's path, asking first when the file is read-only or
 * changed on disk, and offering save as when the save fails; with
 * then_quit, a save that succeeds returns TUI_QUIT.  Returns dirty
 * bits. */
unsigned ed_doc_save(struct tui_app *, bool then_quit);

/* Actions (ed_keymap.c). */
unsigned ed_doc_act_save(struct tui_app *, int key);
unsigned ed_doc_act_quit(struct tui_app *, int key);
unsigned ed_doc_act_undo(struct tui_app *, int key);
unsigned ed_doc_act_redo(struct tui_app *, int key);
unsigned ed_doc_act_goto(struct tui_app *, int key);
unsigned ed_doc_act_preview(struct tui_app *, int key);

#endif
