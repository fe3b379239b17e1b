/*
 * The text pane: a narrative section (一、总体情况 ...) in the text
 * editor widget (ed_textedit.h), under the section's heading.  One widget
 * per narrative section, kept while the report is open, so that each
 * section keeps its caret and scroll.  Every change typed is stored in
 * the report at once (report_set_text) with an undo record; a run of
 * typing is one undo step.  In read-only mode the keys that would change
 * the text are refused.  The mouse: a press of the first button on the
 * text puts the caret there, and moving with it held (the terminal's
 * button motion, 1002) selects up to where it is released.
 *
 * Owns a->text.
 */
#ifndef NB_ED_TEXT_H
#define NB_ED_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "ed_app.h"
#include "ed_keymap.h"
#include "ed_pane.h"

extern const struct ed_pane	ed_text_pane;
extern const struct ed_keymap	ed_text_keys;

void	 ed_text_init(struct tui_app *);
void	 ed_text_done(struct tui_app *);
/* One widget per narrative section of the app's report, from its text. */
void	 ed_text_attach(struct tui_app *);

/* The text area of a narrative section (below its heading): first row
 * and height. */
void	 ed_text_area(const struct tui_app *, int *y, int *h);
/* Stores the current section's text in the report if it differs, with
 * an undo record (coalesce: extending the last one).  Returns dirty
 * bits. */
unsigned ed_text_sync(struct tui_app *, bool coalesce);
/* Characters of the current section's text. */
size_t	 ed_text_count(const struct tui_app *);
/* The caret's byte offset in the current section's text (0 in a table
 * section). */
size_t	 ed_text_caret(const struct tui_app *);
/* Section sec's widget takes the report's text again (after undo), caret
 * at byte offset caret. */
void	 ed_text_reset(struct tui_app *, int sec, size_t caret);
/* A paste into the current section: one edit, one undo step.  Returns
 * dirty bits. */
unsigned ed_text_paste(struct tui_app *, const char *s, size_t len);

/* Goes to narrative section sec with its bytes [from, to) selected (a
 * sentence a flag quotes).  Returns dirty bits. */
unsigned ed_text_select(struct tui_app *, int sec, size_t from, size_t to);

struct ed_textedit;
/* The current narrative section's widget (NULL in a table section). */
struct ed_textedit *ed_text_widget(const struct tui_app *);
/* A key for the current section's widget as if typed (the pane's key
 * handler: read-only refusal, undo).  Returns dirty bits. */
unsigned ed_text_key(struct tui_app *, int key);

#endif
