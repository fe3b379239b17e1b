/*
 * Printing from the print preview (P): the report on a CUPS printer
 * through tui/core/print.h, the pages the preview shows, A4 two-sided
 * along the long edge as GB/T 9704 prints.
 *
 * The questions: the report's errors, when it has some (as for an
 * export, ed_export_check); the printer (the default first); the number
 * of copies (1 to 99).  The print itself runs from the loop
 * (ed_export_later), so that "printing" is on the screen while
 * LibreOffice makes the PDF; the result goes to the message line, which
 * the preview shows in its bar: the printer, the job and the copies
 * (print.sent), and the fonts substituted in the PDF.  With no printer
 * the clerk is told so and offered the PDF export instead.
 *
 * Holds no state of its own: each question carries what it needs.
 */
#ifndef NB_ED_PRINT_H
#define NB_ED_PRINT_H

#include "ed_keymap.h"

extern const struct ed_action ed_print_open;

#endif
