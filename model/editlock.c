/*
 * Edit locks; the record and its rules are in editlock.h.
 *
 * Taking the lock writes our record beside it (<lock>.<pid>) and links it
 * into place, which fails when a record is there; then that record is
 * read, and replaced by rename when it is stale (or force is set).
 * File systems without hard links get the rename alone, racily.  The
 * attempt is repeated a few times when another editor changes the record
 * meanwhile.  The record is not synced to disk: after a crash the lock
 * is stale whatever it holds (another boot), and an empty or torn one
 * reads as garbled and is replaced, so two fsyncs (5-40 ms on a busy
 * disk, before the editor's first screen) bought nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "editlock.h"
#include "fsio.h"
#include "sbuf.h"
#include "xmalloc.h"

#define LOCK_MAX	4096

static int
lock_errno(struct err *err, const char *path, int e)
{
	err_set(err, path, 0, 0, "recover.lock", 2, path, strerror(e));
	return (EDITLOCK_FAILED);
}

char *
editlock_format(const struct procid *o, const char *report)
{
	struct sbuf	b;

	sbuf_init(&b);
	sbuf_adds(&b, "nianbao-lock 1\n");
	procid_format(&b, "", o);
	sbuf_adds(&b, "user ");
	sbuf_add_pct(&b, o->user[0] != '\0' ? o->user : "-");
	sbuf_addf(&b, "\nsince %lld\n", o->since > 0 ? o->since : 0);
	sbuf_adds(&b, "report ");
	sbuf_add_pct(&b, report != NULL ? report : "");
	sbuf_addc(&b, '\n');
	return (sbuf_take(&b));
}

/* "user U" (escaped, "-" unknown): who runs the editor. */
static bool
user_field(struct procid *o, const char *v)
{
	struct sbuf	b;

	sbuf_init(&b);
	sbuf_add_unpct(&b, v, strlen(v));
	snprintf(o->user, sizeof o->user, "%s", b.s == NULL ||
	    strcmp(b.s, "-") == 0 ? "" : b.s);
	sbuf_done(&b);
	return (true);
}

/* "since T": when it took the lock (seconds since 1970; 0 unknown). */
static bool
since_field(struct procid *o, const char *v)
{
	char		*end;
	long long	 t;

	errno = 0;
	t = strtoll(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || t < 0)
		return (false);
	o->since = t;
	return (true);
}

/* One line "key value" of a record into o; *seen gets the key's bit.
 * nul: the line held a NUL byte (cut there in l), which no value may. */
static bool
parse_line(const char *l, bool nul, struct procid *o, bool *magic,
    unsigned *seen)
{
	static const char *const keys[] = { "pid", "start", "host", "boot",
	    NULL };
	const char	*sp = strchr(l, ' ');
	char		*k;
	bool		 ok = true;
	int		 i;

	if (sp == NULL)
		return (false);
	if (strncmp(l, "nianbao-lock ", 13) == 0)
		return (*magic = strcmp(sp + 1, "1") == 0);
	if (strncmp(l, "report ", 7) == 0)
		return (true);
	if (strncmp(l, "user ", 5) == 0)
		return (!nul && user_field(o, sp + 1));
	if (strncmp(l, "since ", 6) == 0)
		return (!nul && since_field(o, sp + 1));
	k = xstrndup(l, (size_t)(sp - l));
	for (i = 0; keys[i] != NULL && strcmp(keys[i], k) != 0; i++)
		;
	if (keys[i] == NULL || nul || !procid_field(o, k, sp + 1))
		ok = false;
	else
		*seen |= 1u << i;
	free(k);
	return (ok);
}

bool
editlock_parse(const char *text, size_t len, struct procid *o)
{
	struct procid	 id;
	const char	*p = text, *end = text + len, *eol;
	char		*l;
	bool		 ok = true, magic = false;
	unsigned	 seen = 0;

	memset(&id, 0, sizeof id);
	for (; ok && p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		l = xstrndup(p, (size_t)(eol - p));
		ok = parse_line(l, memchr(p, '\0', (size_t)(eol - p)) != NULL,
		    &id, &magic, &seen);
		free(l);
	}
	/* pid and host are required. */
	if (!ok || !magic || (seen & 0x5) != 0x5)
		return (false);
	*o = id;
	return (true);
}

/* Reads the lock record: 1 (o and who set), 0 none, -1 with *err. */
static int
lock_read(struct statedir *sd, struct procid *o, enum procid_who *who,
    struct err *err)
{
	char	*buf;
	size_t	 len;
	int	 r;

	memset(o, 0, sizeof *o);
	if ((r = statedir_read(sd->lock, LOCK_MAX, &buf, &len, err)) <= 0)
		return (r);
	if (editlock_parse(buf, len, o))
		*who = procid_check(&sd->self, o);
	else {
		memset(o, 0, sizeof *o);
		*who = PROCID_GARBLED;
	}
	free(buf);
	return (1);
}

/*
 * One attempt: write our record beside the lock, link it into place
 * (which fails if a lock exists), else look at the existing one and
 * replace it when it is stale or force is set.  Returns -1 to try again.
 */
static int
lock_try(struct statedir *sd, bool force, const char *tmp, const char *text,
    struct procid *o, enum procid_who *who, struct err *err)
{
	struct procid	 now;
	enum procid_who	 w;
	int		 e, r;

	if (!statedir_prepare(tmp, err) ||
	    !fsio_write_atomic_nosync(tmp, text, strlen(text), 0600, err))
		return (EDITLOCK_FAILED);
	if (link(tmp, sd->lock) == 0)
		return (EDITLOCK_LOCKED);
	/* Some file systems have no hard links: then rename, racily. */
	if ((e = errno) != EEXIST && e != EPERM && e != EOPNOTSUPP &&
	    e != ENOSYS)
		return (lock_errno(err, sd->lock, e));
	if ((r = lock_read(sd, o, who, err)) < 0)
		return (EDITLOCK_FAILED);
	if (r == 0 && e == EEXIST)
		return (-1);
	if (r == 1 && *who == PROCID_SELF)
		return (EDITLOCK_LOCKED);
	if (r == 1 && !force && (*who == PROCID_ALIVE ||
	    *who == PROCID_ELSEWHERE))
		return (EDITLOCK_BUSY);
	if (rename(tmp, sd->lock) == -1)
		return (lock_errno(err, sd->lock, errno));
	/* Someone may have replaced it at the same instant: look again. */
	if ((r = lock_read(sd, &now, &w, err)) < 0)
		return (EDITLOCK_FAILED);
	return (r == 1 && w == PROCID_SELF ? EDITLOCK_LOCKED : -1);
}

enum editlock_result
editlock_take(struct statedir *sd, bool force, struct procid *holder,
    enum procid_who *whop, struct err *err)
{
	struct procid	 o;
	enum procid_who	 who = PROCID_NOBODY;
	struct err	 e = { 0 };
	char		*text, *tmp;
	int		 tries, r = -1;

	memset(&o, 0, sizeof o);
	text = editlock_format(&sd->self, sd->report);
	tmp = xasprintf("%s.%ld", sd->lock, sd->self.pid);
	for (tries = 0; tries < 5 && r == -1; tries++)
		r = lock_try(sd, force, tmp, text, &o, &who, &e);
	(void)unlink(tmp);
	free(tmp);
	free(text);
	if (r == -1)
		r = lock_errno(&e, sd->lock, EAGAIN);
	if (r == EDITLOCK_FAILED)
		err_move(err, &e);
	err_clear(&e);
	sd->locked = r == EDITLOCK_LOCKED;
	if (holder != NULL)
		*holder = o;
	if (whop != NULL)
		*whop = who;
	return ((enum editlock_result)r);
}

void
editlock_release(struct statedir *sd)
{
	struct procid	o;
	enum procid_who	who;
	struct err	e = { 0 };

	if (!sd->locked)
		return;
	sd->locked = false;
	if (lock_read(sd, &o, &who, &e) == 1 && who == PROCID_SELF)
		(void)unlink(sd->lock);
	err_clear(&e);
}
