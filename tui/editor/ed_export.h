/*
 * Export from the editor (F9 / Ctrl-O): the report as it is in the editor,
 * unsaved edits included, written with the same code as `nianbao export`
 * (exporter.h).  Three questions: the format (纯文本 .txt, Word .docx,
 * PDF), the file (proposed: the report's name with the format's
 * extension), and, when that file exists, whether to overwrite it.  PDF
 * needs LibreOffice: without it the first answer already says how to
 * install it.
 *
 * The export itself runs from the loop (ed_export_run), one turn after
 * the last answer, so that "exporting..." is on the screen while
 * LibreOffice works.  The result, with the path, goes to the message
 * line.  Nothing in the report changes, whatever happens.
 */
#ifndef NB_ED_EXPORT_H
#define NB_ED_EXPORT_H

struct tui_app;

/* The action: commits what is being typed and asks for the format. */
unsigned ed_export_act_open(struct tui_app *, int key);
/* The answer res (enum ed_dialog_result) to an ASK_EXPORT_* question. */
unsigned ed_export_answer(struct tui_app *, int res);
/* Writes the pending export, if any.  Returns dirty bits (0: none). */
unsigned ed_export_run(struct tui_app *);

#endif
