/*
 * Recovery snapshots; the format, the bookkeeping and the contract are
 * in snapshot.h.  Writing is the header (snapshot_text) then the report
 * as store_dump gives it; reading checks the header line by line, then
 * the body's length and hash, then parses the body as a report and
 * compares it with the file (reportdiff.h).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "num.h"
#include "sbuf.h"
#include "snapshot.h"
#include "store.h"
#include "xmalloc.h"
#include "ytree.h"

#define HEADER_MAX	(64 * 1024)	/* a snapshot's header at most */
#define SNAP_HEAD	"# nianbao recovery snapshot; do not edit\n"

void
snapshot_track(struct statedir *sd, const struct report *r,
    const struct filestamp *base, bool dirty)
{
	if (base != NULL)
		sd->base = *base;
	sd->have_snap = dirty;
	sd->snap_gen = sd->clean_gen = report_generation(r);
	if (dirty)
		sd->clean_gen = sd->snap_gen - 1;
	sd->tried = false;
}

bool
snapshot_pending(const struct statedir *sd, const struct report *r)
{
	return (report_generation(r) !=
	    (sd->have_snap ? sd->snap_gen : sd->clean_gen));
}

long
snapshot_due(const struct statedir *sd, const struct report *r,
    long long now_ms)
{
	long long	elapsed;

	if (!snapshot_pending(sd, r))
		return (-1);
	if (!sd->tried)
		return (0);
	elapsed = now_ms - sd->last_try;
	if (elapsed >= SNAPSHOT_INTERVAL_MS || elapsed < 0)
		return (0);
	return ((long)(SNAPSHOT_INTERVAL_MS - elapsed));
}

/* The whole snapshot: header lines, then the report's YAML. */
static char *
snapshot_text(const struct statedir *sd, const char *body, size_t *len)
{
	struct sbuf	b;
	struct timespec	now;
	size_t		blen = strlen(body);

	clock_gettime(CLOCK_REALTIME, &now);
	sbuf_init(&b);
	sbuf_adds(&b, SNAP_HEAD "#@ version 1\n#@ report ");
	sbuf_add_pct(&b, sd->report);
	sbuf_addc(&b, '\n');
	procid_format(&b, "#@ ", &sd->self);
	sbuf_addf(&b, "#@ time %lld.%09ld\n#@ base ", (long long)now.tv_sec,
	    now.tv_nsec);
	filestamp_format(&b, &sd->base);
	sbuf_addf(&b, "#@ body %zu %016llx\n", blen,
	    (unsigned long long)filestamp_hash(body, blen));
	sbuf_add(&b, body, blen);
	*len = b.len;
	return (sbuf_take(&b));
}

bool
snapshot_write(struct statedir *sd, const struct report *r, long long now_ms,
    struct err *err)
{
	unsigned long	 gen = report_generation(r);
	char		*body, *text;
	size_t		 len;
	bool		 ok;

	sd->tried = true;
	sd->last_try = now_ms;
	if (!statedir_prepare(sd->snap, err))
		return (false);
	body = store_dump(r);
	text = snapshot_text(sd, body, &len);
	free(body);
	ok = fsio_write_atomic(sd->snap, text, len, 0600, err);
	free(text);
	if (ok) {
		sd->have_snap = true;
		sd->snap_gen = gen;
	}
	return (ok);
}

bool
snapshot_saved(struct statedir *sd, const struct report *r, struct err *err)
{
	struct filestamp	s;
	struct err		e = { 0 };
	bool			ok = true;

	sd->clean_gen = report_generation(r);
	sd->have_snap = false;
	if (filestamp_file(sd->report, YTREE_MAX_FILE, &s, &e))
		sd->base = s;
	else {
		err_move(err, &e);
		ok = false;
	}
	if (!statedir_remove(sd->snap, &e)) {
		err_move(err, &e);
		ok = false;
	}
	return (ok);
}

bool
snapshot_discard(struct statedir *sd, struct err *err)
{
	sd->have_snap = false;
	return (statedir_remove(sd->snap, err));
}

bool
snapshot_changed(struct statedir *sd, bool *changed, struct err *err)
{
	struct filestamp	now;

	if (!filestamp_file(sd->report, YTREE_MAX_FILE, &now, err))
		return (false);
	*changed = !filestamp_same(&sd->base, &now);
	return (true);
}

/* A snapshot's header, as parsed. */
struct header {
	char			*report;
	struct procid		 owner;
	struct timespec		 time;
	struct filestamp	 base;
	size_t			 body_len;
	uint64_t		 body_hash;
	unsigned		 seen;		/* bit per key in hkeys[] */
};

static const char *const hkeys[] = {
	"version", "report", "pid", "start", "host", "boot", "time", "base",
	"body", NULL
};

/* One "key value" of the header, key hkeys[k] (value NUL-terminated,
 * still escaped). */
static bool
header_field(struct header *h, int k, const char *v)
{
	unsigned long long	n;
	struct sbuf		b;

	switch (k) {
	case 0:
		return (strcmp(v, "1") == 0);
	case 1:
		free(h->report);
		sbuf_init(&b);
		sbuf_add_unpct(&b, v, strlen(v));
		h->report = sbuf_take(&b);
		return (true);
	case 6:
		return (filestamp_parse_time(&v, &h->time) && *v == '\0');
	case 7:
		return (filestamp_parse(v, &h->base));
	case 8:
		if (!num_read_dec(&v, &n) || n > SIZE_MAX || *v++ != ' ' ||
		    !num_read_hex64(&v, &h->body_hash))
			return (false);
		h->body_len = (size_t)n;
		return (*v == '\0');
	default:
		return (procid_field(&h->owner, hkeys[k], v));
	}
}

/* One "#@ key value" line (NUL-terminated); false if it is not one. */
static bool
header_line(struct header *h, const char *l)
{
	const char	*sp;
	int		 k;

	if (strncmp(l, "#@ ", 3) != 0 || (sp = strchr(l + 3, ' ')) == NULL)
		return (false);
	for (k = 0; hkeys[k] != NULL; k++)
		if ((size_t)(sp - l - 3) == strlen(hkeys[k]) &&
		    strncmp(l + 3, hkeys[k], strlen(hkeys[k])) == 0)
			break;
	if (hkeys[k] == NULL || !header_field(h, k, sp + 1))
		return (false);
	h->seen |= 1u << k;
	return (true);
}

/*
 * Parses the header at the start of buf; *body is where the report
 * starts.  False with *line set to the offending line (0: the body does
 * not match its length or hash).
 */
static bool
header_parse(const char *buf, size_t len, struct header *h, size_t *body,
    int *line)
{
	const char	*eol;
	char		*l;
	size_t		 off;
	bool		 ok;

	memset(h, 0, sizeof *h);
	*line = 1;
	if (len < sizeof SNAP_HEAD - 1 ||
	    memcmp(buf, SNAP_HEAD, sizeof SNAP_HEAD - 1) != 0)
		return (false);
	for (off = sizeof SNAP_HEAD - 1; off < len && buf[off] == '#';
	    off = (size_t)(eol - buf) + 1) {
		(*line)++;
		if ((eol = memchr(buf + off, '\n', len - off)) == NULL ||
		    off > HEADER_MAX)
			return (false);
		l = xstrndup(buf + off, (size_t)(eol - buf) - off);
		ok = header_line(h, l);
		free(l);
		if (!ok)
			return (false);
	}
	*body = off;
	if (h->seen != (1u << 9) - 1) {
		(*line)++;
		return (false);
	}
	*line = 0;
	return (h->body_len == len - off &&
	    h->body_hash == filestamp_hash(buf + off, len - off));
}

static int
ts_cmp(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return (a->tv_sec < b->tv_sec ? -1 : 1);
	if (a->tv_nsec != b->tv_nsec)
		return (a->tv_nsec < b->tv_nsec ? -1 : 1);
	return (0);
}

/* Loads the report file into f and compares the snapshot with it. */
static void
found_compare(struct statedir *sd, struct snapshot_found *f,
    struct tpl *const *tpls, size_t ntpls)
{
	struct report		*empty = NULL;
	struct reportdiff_list	 l;

	f->file = store_load_stamped(sd->report, tpls, ntpls, &f->file_stamp,
	    &f->file_err);
	if (f->file == NULL && !f->file_stamp.exists)
		err_clear(&f->file_err);
	if (f->file == NULL)
		empty = report_new(report_tpl(f->snap));
	reportdiff_compare(f->snap, f->file != NULL ? f->file : empty, &l);
	report_free(empty);
	f->diffs = l.diffs;
	f->ndiffs = l.ndiffs;
	f->secs = l.secs;
	f->nsecs = l.nsecs;
	f->who = procid_check(&sd->self, &f->owner);
	f->newer = !f->file_stamp.exists ||
	    ts_cmp(&f->time, &f->file_stamp.mtime) > 0;
	f->base_changed = !filestamp_same(&f->base, &f->file_stamp);
}

/* The snapshot in buf, parsed: NULL with *err when it is not one. */
static struct snapshot_found *
found_parse(struct statedir *sd, const char *buf, size_t len,
    struct tpl *const *tpls, size_t ntpls, struct err *err)
{
	struct snapshot_found	*f;
	struct header		 h;
	size_t			 body;
	int			 line;

	if (!header_parse(buf, len, &h, &body, &line) ||
	    strcmp(h.report, sd->report) != 0) {
		err_set(err, sd->snap, line, 0, "recover.corrupt", 1, sd->snap);
		free(h.report);
		return (NULL);
	}
	f = xcalloc(1, sizeof *f);
	f->report = h.report;
	f->owner = h.owner;
	f->time = h.time;
	f->base = h.base;
	f->snap = store_parse(buf + body, len - body, sd->snap, tpls, ntpls,
	    err);
	if (f->snap == NULL) {
		snapshot_found_free(f);
		return (NULL);
	}
	return (f);
}

enum snapshot_find_result
snapshot_find(struct statedir *sd, struct tpl *const *tpls, size_t ntpls,
    struct snapshot_found **out, struct err *err)
{
	struct snapshot_found	*f;
	char			*buf;
	size_t			 len;

	*out = NULL;
	switch (statedir_read(sd->snap, YTREE_MAX_FILE + HEADER_MAX, &buf,
	    &len, err)) {
	case 0:
		return (SNAPSHOT_NONE);
	case -1:
		return (SNAPSHOT_ERROR);
	}
	f = found_parse(sd, buf, len, tpls, ntpls, err);
	free(buf);
	if (f == NULL)
		return (SNAPSHOT_ERROR);
	found_compare(sd, f, tpls, ntpls);
	/* A stale copy of what the file holds: nothing to recover. */
	if (f->ndiffs == 0 && f->file != NULL && f->who != PROCID_ALIVE &&
	    f->who != PROCID_ELSEWHERE) {
		snapshot_found_free(f);
		return (statedir_remove(sd->snap, err) ? SNAPSHOT_NONE :
		    SNAPSHOT_ERROR);
	}
	*out = f;
	return (SNAPSHOT_FOUND);
}

struct report *
snapshot_found_take_snap(struct snapshot_found *f)
{
	struct report	*r = f->snap;

	f->snap = NULL;
	return (r);
}

struct report *
snapshot_found_take_file(struct snapshot_found *f)
{
	struct report	*r = f->file;

	f->file = NULL;
	return (r);
}

void
snapshot_found_free(struct snapshot_found *f)
{
	if (f == NULL)
		return;
	free(f->report);
	report_free(f->snap);
	report_free(f->file);
	err_clear(&f->file_err);
	free(f->diffs);
	free(f->secs);
	free(f);
}
