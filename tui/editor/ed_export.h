/*
 * Export from the editor (F9 / Ctrl-O): the report as it is in the editor,
 * unsaved edits included, written with the same code as `nianbao export`
 * (tui/core/exporter.h).  Three questions: the format (纯文本 .txt, Word
 * .docx, PDF; the one chosen last time proposed), the file (proposed: the
 * report's name with the format's extension), and, when that file exists,
 * whether to overwrite it.  PDF needs LibreOffice: without it the first
 * answer already says how to install it.  The formats: 纯文本 .txt, Word
 * .docx, PDF and the web page .html (publish.h writes them all, as
 * `nianbao export` does).  A report with rule errors is asked about
 * first ("还有 N 个错误，仍然导出？"); No exports nothing.
 *
 * The export itself runs from the loop (ed_export_run), one turn after
 * the last answer, so that "exporting..." is on the screen while
 * LibreOffice works.  The result goes to the message line: the path,
 * the errors and warnings the report still has and, for a PDF, the
 * fonts substituted.  Nothing in the report changes, whatever happens.
 *
 * Owns a->ex (the format chosen last, the job pending).
 */
#ifndef NB_ED_EXPORT_H
#define NB_ED_EXPORT_H

#include "ed_app.h"
#include "ed_keymap.h"

extern const struct ed_action ed_export_open;

/* A job run later; it borrows arg.  Returns dirty bits. */
typedef unsigned (*ed_export_job)(struct tui_app *, void *arg);

void	 ed_export_init(struct tui_app *);
void	 ed_export_done(struct tui_app *);
/* Runs the pending job (an export, a print), if any, and frees its
 * argument.  Returns dirty bits (0: none). */
unsigned ed_export_run(struct tui_app *);
/*
 * Runs fn(arg) from the loop, once what is set now is on the screen
 * (replacing a job not yet run); freefn (may be NULL) frees arg after.
 * For slow work: LibreOffice, the printer.
 */
void	 ed_export_later(struct tui_app *, ed_export_job fn, void *arg,
	    void (*freefn)(void *));
/*
 * Before publishing (exporting, printing): when the report has rule
 * errors, asks whether to go on (titled title_id) and calls fn(arg) on
 * Yes, says "not exported" on No; without errors calls fn at once.
 * freefn (may be NULL) frees arg in every case.  Returns dirty bits.
 */
unsigned ed_export_check(struct tui_app *, const char *title_id,
	    ed_export_job fn, void *arg, void (*freefn)(void *));
/* The export question with PDF chosen, at the file: what the preview
 * offers when there is no printer (its errors were asked about before
 * printing).  Returns dirty bits. */
unsigned ed_export_pdf(struct tui_app *);

#endif
