/*
 * Finding, for every row of a section's template tables, the printed row
 * that holds its values (see import_place.c for the passes).  Works on
 * what import_scan made of the section's text.
 *
 * A target is one row node of the section's blocks, in pre-order: leaves
 * (rows with cells) and groups (（三）不予公开), the latter placed only when
 * printed as a row of their own ("collapsed").  A target's label is the
 * run of frags [f0, f1] (noise inside the run excluded); its values are
 * in row (an index in the scan's rows).  Rows and frags used are marked
 * in the scan.
 */
#ifndef NB_IMPORT_PLACE_H
#define NB_IMPORT_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "import_scan.h"
#include "tpl.h"

struct import_target {
	int	 block;		/* index in tpl->blocks */
	int	 node;		/* index in the block's rownodes */
	bool	 group;		/* not a leaf */
	char	*key;		/* labelnorm key of its Chinese label */
	int	 f0, f1;	/* frags of its label, or -1 */
	int	 row;		/* printed row with its values, or -1 */
	bool	 variant;	/* placed by resemblance, not exactly */
	bool	 collapsed;	/* a group printed as one row */
	bool	 under;		/* a leaf of a collapsed group */
	bool	 nolabel;	/* a row of a block without labels (四) */
};

struct import_place {
	const struct tpl	*t;
	struct import_scan	*sc;		/* borrowed */
	struct import_target	*tg;
	size_t			 ntg;
	struct import_scan_labels labels;	/* every label the section's
						   tables print */
};

/* Section sec's targets and labels (the latter for import_scan). */
void	import_place_init(struct import_place *, const struct tpl *,
	    int sec);
/* Marks the scan's noise and places the targets in it. */
void	import_place_section(struct import_place *, struct import_scan *);
void	import_place_done(struct import_place *);

/* "三、本年度办理结果/（三）不予公开" for a row node.  Newly allocated. */
char	*import_place_path(const struct tpl_block *, int node, enum lang);

/* True when a printed row has a value cell that is not blank. */
bool	 import_place_row_has_values(const struct import_scan *, int row);

#endif
