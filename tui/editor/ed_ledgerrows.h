/*
 * The register rows behind the current cell (Ctrl-W), for a cell of
 * table 三 filled from the register of applications (ed_ledger.h): each
 * row as the register wrote it (row number, date received, date
 * answered, applicant type, result), under a heading with the number
 * counted; the cell's value now when it was changed by hand since; and
 * whether the register changed or went missing since the count.  A cell
 * not filled from a register says so on the message line.
 */
#ifndef NB_ED_LEDGERROWS_H
#define NB_ED_LEDGERROWS_H

#include "ed_keymap.h"

extern const struct ed_action ed_ledgerrows_open;

#endif
