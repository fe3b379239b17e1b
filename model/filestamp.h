/*
 * What a file held when it was read: whether it existed, its size, its
 * mtime and a hash of its bytes.  The editor stamps the report file when
 * it loads or saves it and compares the file on disk with the stamp
 * before saving again, so that a change made behind its back (another
 * program, another copy of nianbao) is noticed; a touch that keeps the
 * content is not a change.  Recovery snapshots record the stamp of the
 * file they were based on.
 *
 * Hashes are FNV-1a 64: they catch accidents, not attackers.
 */
#ifndef NB_FILESTAMP_H
#define NB_FILESTAMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "err.h"

struct sbuf;

struct filestamp {
	bool		 exists;
	off_t		 size;
	struct timespec	 mtime;
	uint64_t	 hash;		/* FNV-1a 64 of the content */
};

/* FNV-1a 64 of n bytes. */
uint64_t	 filestamp_hash(const void *, size_t n);

/* The stamp of bytes already read; mtime (may be NULL) from their fstat. */
void		 filestamp_buf(const char *buf, size_t len,
		    const struct timespec *mtime, struct filestamp *);

/*
 * Reads the file at path and stamps it: 1 with the bytes in *buf (newly
 * allocated, NUL-terminated; caller frees) and *len, 0 when it does not
 * exist (stamp->exists false, *err file.open with ENOENT's text), -1 with
 * *err (fsio_read_file's file.* errors; at most max bytes).
 */
int		 filestamp_read(const char *path, size_t max,
		    struct filestamp *, char **buf, size_t *len,
		    struct err *err);

/*
 * Stamps the file at path (of at most max bytes).  A missing file
 * (ENOENT) is a stamp with exists false and returns true.  Otherwise
 * false with the fsio_read_file errors.
 */
bool		 filestamp_file(const char *path, size_t max,
		    struct filestamp *, struct err *err);

/* Same existence, size and content (mtime is not compared). */
bool		 filestamp_same(const struct filestamp *,
		    const struct filestamp *);

/*
 * As text: "exists size sec.nsec hash" ("1 2345 1736800000.000000000
 * 0f1e...", hash 16 hex digits) and a line break.  filestamp_parse reads
 * that text (without the line break; false when it is not exactly that);
 * filestamp_parse_time reads one "sec.nsec" at *s and moves *s past it.
 */
void		 filestamp_format(struct sbuf *, const struct filestamp *);
bool		 filestamp_parse(const char *s, struct filestamp *);
bool		 filestamp_parse_time(const char **s, struct timespec *);

#endif
