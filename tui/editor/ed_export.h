/*
 * Export from the editor (F9 / Ctrl-O): the report as it is in the editor,
 * unsaved edits included, written with the same code as `nianbao export`
 * (tui/core/exporter.h).  Three questions: the format (纯文本 .txt, Word
 * .docx, PDF; the one chosen last time proposed), the file (proposed: the
 * report's name with the format's extension), and, when that file exists,
 * whether to overwrite it.  PDF needs LibreOffice: without it the first
 * answer already says how to install it.
 *
 * The export itself runs from the loop (ed_export_run), one turn after
 * the last answer, so that "exporting..." is on the screen while
 * LibreOffice works.  The result, with the path, goes to the message
 * line.  Nothing in the report changes, whatever happens.
 *
 * Owns a->ex (the format chosen last, the export pending).
 */
#ifndef NB_ED_EXPORT_H
#define NB_ED_EXPORT_H

#include "ed_app.h"
#include "ed_keymap.h"

extern const struct ed_action ed_export_open;

void	 ed_export_init(struct tui_app *);
void	 ed_export_done(struct tui_app *);
/* Writes the pending export, if any.  Returns dirty bits (0: none). */
unsigned ed_export_run(struct tui_app *);

#endif
