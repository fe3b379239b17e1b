/*
 * Finding a register's header row and its four columns (the date
 * received, the applicant type, the result, the date answered) from the
 * header words clerks use: 收到/受理/登记/申请 + 日期/时间; 申请人 +
 * 类型/类别/性质; 办理/答复/处理 + 结果/情况/类型; 答复/办结/回复 +
 * 日期/时间.  A two-row header (申请人 over 姓名 | 类型, or a merged
 * 收到日期 above an empty cell) is read as one: a cell is tried alone,
 * then with the nearest header cell above it.  Columns named in the map
 * (by header text or column letter) are taken as given.
 *
 * Used by ledger_count.c; not part of the editor's API.
 */
#ifndef NB_LEDGER_HEAD_H
#define NB_LEDGER_HEAD_H

#include <stdbool.h>
#include <stddef.h>

#include "ledger_grid.h"
#include "ledger_map.h"

/* Rows of a sheet searched for the header (title rows come first). */
#define LEDGER_HEAD_ROWS	30

struct ledger_head {
	size_t	 row;			/* grid row of the header */
	int	 number;		/* its row number as shown */
	int	 col[LEDGER_NFIELDS];	/* -1: not found */
	char	*text[LEDGER_NFIELDS];	/* header text found, or NULL */
	int	 nfound;		/* columns found, 0..4 */
	int	 year;			/* a year in the title or sheet name */
};

/*
 * Looks for the header among the first rows of sheet (index in g) and
 * fills h (ledger_head_done frees it).  Returns true when all four
 * columns were found; otherwise h holds the best row found (nfound may
 * be 0, and row is then meaningless).
 */
bool	 ledger_head_find(const struct ledger_grid *g, int sheet,
	    const struct ledger_map *m, struct ledger_head *h);
void	 ledger_head_done(struct ledger_head *);

/* A column written as letters ("C", "ab"): its index, else -1. */
int	 ledger_head_letters(const char *s);

/* The field a header text names, for the editor's column picker; -1. */
int	 ledger_head_field(const char *text);

#endif
