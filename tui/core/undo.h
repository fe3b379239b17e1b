/*
 * Many-level undo and redo of the kinds of change a clerk makes: a
 * cell's value, many cells at once (one step), a narrative section's
 * text, and table 三 filled from the register of applications (many
 * cells and their provenance, one step: ledger_fill.h).
 *
 * The history is an array of records with a cursor: records [0, pos) can
 * be undone, [pos, n) redone; a new record drops the redo part.  Each
 * record holds the state before and after, so undo and redo just store
 * one or the other through report_set_value / report_set_text (which
 * recompute totals and flags as usual).
 *
 * Coalescing: text changes pushed with coalesce=true extend the last
 * record when it is an open text record of the same section, so a run of
 * typing is one undo step.  undo_seal() closes the last record (the
 * editor calls it on anything that is not typing: moving, switching
 * section, a paste, saving).  The history keeps at most UNDO_MAX records,
 * dropping the oldest.
 *
 * No curses here (tui/core): this module only talks to the report.
 */
#ifndef NB_UNDO_H
#define NB_UNDO_H

#include <stdbool.h>
#include <stddef.h>

#include "ledger_fill.h"
#include "report.h"

#define UNDO_MAX	10000

enum undo_kind { UNDO_CELL, UNDO_TEXT, UNDO_FILL };

/* Where an undone or redone change happened, for the editor to go there. */
struct undo_where {
	enum undo_kind	 kind;
	int		 cell;		/* UNDO_CELL; UNDO_FILL: the first
					   cell changed, or -1 */
	int		 sec;		/* UNDO_TEXT */
	size_t		 caret;		/* UNDO_TEXT: byte offset after it */
};

struct undo;

struct undo	*undo_new(void);
void		 undo_free(struct undo *);

/* Records a cell change (before -> after).  Seals the history. */
void		 undo_push_cell(struct undo *, int cell,
		    struct report_value before, struct report_value after);
/* Records a change of many cells (a zero fill, a pasted row) as one
 * step: cells[i] went from before[i] to after[i].  All three are copied.
 * Undo says where with the first cell.  Seals the history. */
void		 undo_push_cells(struct undo *, const int *cells, size_t n,
		    const struct report_value *before,
		    const struct report_value *after);
/* Records a text change of section sec; before and after are copied. */
void		 undo_push_text(struct undo *, int sec, const char *before,
		    const char *after, bool coalesce);
/* Records a fill of table 三 (just done): f is taken, and undone and
 * redone with ledger_fill_undo/redo.  Seals the history. */
void		 undo_push_fill(struct undo *, struct ledger_fill *f);
void		 undo_seal(struct undo *);
/* Makes the last record one step with the one before it (a replace-all
 * across sections): undo and redo take them together.  Seals. */
void		 undo_join(struct undo *);

bool		 undo_can_undo(const struct undo *);
bool		 undo_can_redo(const struct undo *);

/*
 * Applies the inverse of the last change to r (or the next change again)
 * and says where it was.  Returns false, changing nothing, when there is
 * nothing to undo (redo).
 */
bool		 undo_undo(struct undo *, struct report *r,
		    struct undo_where *where);
bool		 undo_redo(struct undo *, struct report *r,
		    struct undo_where *where);

#endif
