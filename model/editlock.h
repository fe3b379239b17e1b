/*
 * Who has a report open: a lock record in the private state folder
 * (statedir.h) that names the editor holding the report, so that a second
 * editor on the same report is told who has it.
 *
 * The record is one "key value" per line: nianbao-lock 1, then pid,
 * start, host and boot (procid.h), user and since (who, and when the
 * lock was taken, for the message a second editor shows; optional when
 * read), then report (its absolute path).  Its
 * owner is alive when it is on this host and boot and its pid exists with
 * the recorded start time (so a reused pid is not taken for the old
 * editor); a record from a dead process or an earlier boot is stale and
 * is replaced.  Two editors that find the same stale lock at the same
 * instant may both take it; nothing worse than that is possible.
 */
#ifndef NB_EDITLOCK_H
#define NB_EDITLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "procid.h"
#include "statedir.h"

enum editlock_result {
	EDITLOCK_LOCKED,	/* this process holds the lock now */
	EDITLOCK_BUSY,		/* another editor holds it (*who, *holder) */
	EDITLOCK_FAILED		/* could not read or write it: *err */
};

/*
 * Takes the report's lock.  When a record exists, *holder and *who (if
 * not NULL) describe it (*who is PROCID_NOBODY when there was none).  A
 * live owner on this host (PROCID_ALIVE) or an owner on another host
 * (PROCID_ELSEWHERE) makes it EDITLOCK_BUSY unless force; a stale or
 * garbled record is replaced.  Errors: recover.unsafe {0}=path,
 * recover.lock {0}=path {1}=strerror, fsio's save.*.
 */
enum editlock_result editlock_take(struct statedir *, bool force,
		    struct procid *holder, enum procid_who *who,
		    struct err *err);

/* Removes the lock if this process holds it. */
void		 editlock_release(struct statedir *);

/* The record for owner o of report (what editlock_take writes), for
 * tests and tools.  Newly allocated; caller frees. */
char		*editlock_format(const struct procid *o, const char *report);

/* Parses a record; false when it is garbled. */
bool		 editlock_parse(const char *text, size_t len, struct procid *o);

#endif
