/*
 * Which register column is which, and which register value is which row
 * or column of table 三: the map, its guesses, and its file.
 *
 * Four columns matter (enum ledger_field): the date received, the
 * applicant type, the result, the date answered.  Columns are guessed
 * from header words by ledger.c; the map may name them instead.
 *
 * Values of the applicant type and result columns map to targets, static
 * ids: the applicant columns natural, commercial, research, nonprofit,
 * legal, other_org; the outcome rows r_open ... r_other_3 of the 2021
 * format (ledger_prov maps r_other_1..3 to the 2019 format's single
 * r_other); "pending" (a result meaning not yet answered) and "skip" (a
 * row that is not an application: a test entry, a total row).
 * ledger_map_guess knows the statutory labels and their usual short
 * forms; a value it cannot place (or that could be two things) has no
 * target, and the count refuses to go on until the clerk gives one.
 *
 * The map file, FILE.map.yaml next to the register, is YAML a clerk can
 * edit:
 *
 *   nianbao_ledger_map: 1
 *   columns:                 # header text, or a column letter
 *     received: 收到申请日期
 *     applicant: 申请人类型
 *     result: 办理结果
 *     answered: 答复日期
 *   applicant:               # value: target (id or statutory label)
 *     公民: natural          # 自然人
 *     个体户: ~              # rows 7, 12  <- to be filled in
 *   result:
 *     已公开: r_open         # （一）予以公开
 *
 * Values are compared by their labelnorm key (full-width and ASCII
 * alike, spaces and quotes ignored), so "已 公开" and "已公开" are one.
 */
#ifndef NB_LEDGER_MAP_H
#define NB_LEDGER_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

#define LEDGER_MAP_VERSION	1

enum ledger_field {
	LEDGER_RECEIVED,
	LEDGER_APPLICANT,
	LEDGER_RESULT,
	LEDGER_ANSWERED,
	LEDGER_NFIELDS
};

/* Where a value's target came from. */
enum ledger_how {
	LEDGER_HOW_NONE,	/* unmapped: must be asked */
	LEDGER_HOW_LABEL,	/* the statutory label itself (自然人) */
	LEDGER_HOW_GUESS,	/* guessed from its words */
	LEDGER_HOW_MAP		/* given in the map (file or editor) */
};

struct ledger_value {
	enum ledger_field	 field;		/* APPLICANT or RESULT */
	char			*text;		/* as first seen */
	char			*key;		/* labelnorm key */
	const char		*target;	/* static id, NULL unmapped */
	enum ledger_how		 how;
	/* Filled by ledger_count: the rows holding it ("12", "表2!12"). */
	char			**rows;
	size_t			 nrows, caprows;
	bool			 needed;	/* some counted row needs it */
};

struct ledger_map {
	char			*columns[LEDGER_NFIELDS];	/* NULL: guess */
	struct ledger_value	*v;
	size_t			 n, cap;
	bool			 dirty;		/* changed since loaded */
};

void	 ledger_map_init(struct ledger_map *);
void	 ledger_map_done(struct ledger_map *);

/* The field's id in the map file ("received" ...): static. */
const char *ledger_map_field_id(enum ledger_field);

/*
 * The target a value most likely means, or NULL when its words name
 * none or two different ones.  Static string.
 */
const char *ledger_map_guess(enum ledger_field, const char *text);

/*
 * The canonical target id for s as a clerk writes it in the map: an id
 * (natural, r_deny_3, pending, skip), a statutory label (自然人,
 * 3.危及“三安全一稳定”, 办理中) or a short form the guess knows.  NULL
 * when it is none of them.  Static string.
 */
const char *ledger_map_target(enum ledger_field, const char *s);

/*
 * The targets of a field, for a list to pick from: fills ids[0..max)
 * and returns how many there are (applicant 6 + skip; result 21 +
 * pending + skip).  Each id's statutory label: ledger_map_label.
 */
size_t	 ledger_map_targets(enum ledger_field, const char **ids, size_t max);
/* The Chinese statutory label of a target id ("（一）予以公开"). */
const char *ledger_map_label(const char *id);

/*
 * The entry for a value, added (with its guess) when new.  Borrowed;
 * valid until the next addition.
 */
struct ledger_value *ledger_map_value(struct ledger_map *,
	    enum ledger_field, const char *text);
/* The entry for a value, or NULL. */
struct ledger_value *ledger_map_find(const struct ledger_map *,
	    enum ledger_field, const char *text);

/*
 * Maps text of field to target (an id or a label, as ledger_map_target
 * reads it; NULL unmaps).  False, changing nothing, when target is not
 * one.  Marks the map dirty.
 */
bool	 ledger_map_set(struct ledger_map *, enum ledger_field,
	    const char *text, const char *target);

/*
 * The values a count is waiting for (needed by a counted row, no
 * target), in the order met: fills out[0..max) and returns how many
 * there are.  What the editor asks the clerk about, one list per value.
 */
size_t	 ledger_map_unmapped(struct ledger_map *, struct ledger_value **out,
	    size_t max);

/* Forgets every value's rows (before a new count). */
void	 ledger_map_clear_rows(struct ledger_map *);

/*
 * Reads a map file into m (entries from the file are LEDGER_HOW_MAP, or
 * NONE for ~).  Returns false with *err (path:line:col):
 *   ledger.map_version {0}   ledger.map_key {0}=unknown key
 *   ledger.map_target {0}=value {1}=target   ledger.map_type {0}=key
 *   the ytree and file.* errors
 */
bool	 ledger_map_load(const char *path, struct ledger_map *m,
	    struct err *err);
/*
 * The map file's text: header (a comment the caller wrote, "# " added to
 * each line; may be NULL), the columns, then every value, unmapped ones
 * with their rows in a comment.  Newly allocated; caller frees.
 */
char	*ledger_map_dump(const struct ledger_map *m, const char *header);
/* Writes it atomically (fsio); false with *err. */
bool	 ledger_map_save(const struct ledger_map *m, const char *path,
	    const char *header, struct err *err);

/* "DIR/NAME.map.yaml" for register "DIR/NAME.EXT".  Newly allocated. */
char	*ledger_map_path(const char *register_path);

/*
 * Another map in the register's folder (the newest *.map.yaml other than
 * its own): last year's register's map, a start for this year's when it
 * has none.  Newly allocated path, or NULL.
 */
char	*ledger_map_sibling(const char *register_path);

#endif
