/*
 * What the clerk said back to the flags: answers to warnings, and the
 * printed totals accepted as computed.
 *
 * An answer is a reason given for a warning that is right as it stands
 * (a 五 close to last year's on purpose).  It names the rule and, when
 * the flag has cells, its first cell, and keeps a digest of the flag's
 * message as it was answered: when what was answered changes (another
 * figure, another sentence, another percentage) the digest no longer
 * matches, the warning is open again, and the next save drops the
 * answer.  Errors cannot be answered: they are fixed.
 *
 * Accepting the totals (after an import whose printed 总计 disagree with
 * their parts, R2-R4) removes each disagreeing published value and
 * records the printed figure it replaced.
 *
 * Both are kept in the report file (store.h) under answers: and
 * accepted_totals:, written by answer_dump and read by answer_load.
 */
#ifndef NB_ANSWER_H
#define NB_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "report.h"
#include "sbuf.h"
#include "ytree.h"

struct answers;

struct answers	*answer_new(void);
void		 answer_free(struct answers *);

/*
 * The flag named by spec, "RULE" or "RULE:CELL" (a cell id), among r's
 * current flags, into *out.  False when none is.
 */
bool		 answer_find(const struct report *r, const char *spec,
		    struct report_flag *out);

/*
 * Answers flag f with reason (not empty).  False, answering nothing,
 * for an error (*err: rules.answer_error, {0} the rule) or an empty
 * reason (rules.answer_empty).  A second answer replaces the first.
 */
bool		 answer_give(struct report *r, const struct report_flag *f,
		    const char *reason, struct err *err);

/* The reason f was answered with, while what it answered is unchanged;
 * NULL when it is open.  Borrowed. */
const char	*answer_for(const struct report *r,
		    const struct report_flag *f);

/* Current flags answered (answer_for not NULL). */
size_t		 answer_count(const struct report *r);

/*
 * Accepts the computed totals: every computed cell whose published
 * value disagrees with it loses the published value, and the printed
 * figure is recorded.  Returns how many were accepted.
 */
size_t		 answer_accept_totals(struct report *r);
/* How many printed totals were accepted. */
size_t		 answer_naccepted(const struct report *r);

/* The answers still matching a current flag, and the accepted totals,
 * as report-file lines. */
void		 answer_dump(struct sbuf *b, const struct report *r);
/*
 * Reads answers: (a list of {rule, cell, reason, digest}) and
 * accepted_totals: (cell: printed value); either may be NULL.  False on
 * a malformed entry (*err: store.bad_key with where).
 */
bool		 answer_load(struct report *r, const struct ytree *answers,
		    const struct ytree *accepted, const char *path,
		    struct err *err);

#endif
