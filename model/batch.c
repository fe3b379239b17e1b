/*
 * Batch checking; see batch.h.  Before the workers start, each template
 * gets a struct batch_tinfo: the cells to keep (kpos maps a cell to its
 * place in an item's kv/kdp arrays), its narrative sections and its
 * boilerplate set.  Workers take the next file index from a shared
 * counter, so a slow file does not hold up a fixed share of the others;
 * each item is written by exactly one worker, and the progress callback
 * and the yearly sums are updated under the pool's mutex.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <unistd.h>

#include "batch.h"
#include "boiler.h"
#include "export_json.h"
#include "hash.h"
#include "sbuf.h"
#include "store.h"
#include "vec.h"
#include "xmalloc.h"
#include "xorgan.h"
#include "xyear.h"

/* Fewer shingles than this after stripping: too short to call a copy. */
#define BATCH_MIN_SHINGLES	20

struct pool {
	struct batch		*b;
	size_t			 next;
	size_t			 done;
	pthread_mutex_t		 lock;
};

struct batch *
batch_new(const struct batch_opts *o)
{
	struct batch	*b = xcalloc(1, sizeof *b);

	b->o = *o;
	return (b);
}

void
batch_add(struct batch *b, const char *path)
{
	struct batch_item	*it = VEC_PUSH(b->items, b->n, b->cap);

	it->path = xstrdup(path);
	it->organ_ix = -1;
}

/* Which cells a report keeps: t2, t4, and of t3 the carried rows and
 * the 总计 column. */
static bool
kept_cell(const char *id)
{
	size_t	len = strlen(id);

	if (strncmp(id, "t2", 2) == 0 || strncmp(id, "t4.", 3) == 0)
		return (true);
	if (strncmp(id, "t3.", 3) != 0)
		return (false);
	return (strncmp(id, "t3.carried_in.", 14) == 0 ||
	    strncmp(id, "t3.carried_out.", 15) == 0 ||
	    (len > 6 && strcmp(id + len - 6, ".total") == 0));
}

static void
tinfo_init(struct batch_tinfo *ti, const struct tpl *t)
{
	size_t	c, cap = 0, s;

	ti->tpl = t;
	ti->boiler = boiler_new(t);
	ti->kpos = xcalloc(t->ncells + 1, sizeof *ti->kpos);
	for (c = 0; c < t->ncells; c++) {
		ti->kpos[c] = -1;
		if (kept_cell(t->cells[c].id)) {
			ti->kpos[c] = (int)ti->nkeep;
			*VEC_PUSH(ti->keep, ti->nkeep, cap) = (int)c;
		}
	}
	for (s = 0; s < t->nsections && ti->nnarr < 8; s++)
		if (t->sections[s].kind == TPL_NARRATIVE)
			ti->narr[ti->nnarr++] = (int)s;
}

const struct batch_tinfo *
batch_tinfo(const struct batch *b, const struct tpl *t)
{
	size_t	i;

	for (i = 0; i < b->ntinfo; i++)
		if (b->tinfo[i].tpl == t)
			return (&b->tinfo[i]);
	return (NULL);
}

uint32_t
batch_place_hash(const char *s, size_t len)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return ((uint32_t)hash_mix64(h));
}

struct places {
	uint32_t	*v;
	size_t		 n;
	size_t		 cap;
};

static void
add_place(const char *p, size_t len, void *arg)
{
	struct places	*pl = arg;

	*VEC_PUSH(pl->v, pl->n, pl->cap) = batch_place_hash(p, len);
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x < y ? -1 : x > y);
}

/* Signatures and place mentions of the narrative sections. */
static void
keep_texts(struct batch_item *it, const struct report *r,
    const struct batch_tinfo *ti)
{
	struct places	 pl = { 0 };
	size_t		 k, i, ns;
	uint64_t	*sh;
	char		*s;

	it->sigs = xcalloc(ti->nnarr * MINHASH_N + 1, sizeof *it->sigs);
	for (k = 0; k < ti->nnarr; k++) {
		const char *text = report_text(r, ti->narr[k]);
		s = boiler_strip(ti->boiler, text, NULL);
		ns = boiler_hashes(s, &sh);	/* repeats: at most a few */
		if (ns >= BATCH_MIN_SHINGLES) {
			minhash_sign(sh, ns, &it->sigs[k * MINHASH_N]);
			it->has_sig |= 1u << k;
		}
		free(sh);
		free(s);
		organ_text_places(text, add_place, &pl);
	}
	if (pl.n > 0)
		qsort(pl.v, pl.n, sizeof *pl.v, cmp_u32);
	for (i = 0, k = 0; i < pl.n; i++)
		if (k == 0 || pl.v[k - 1] != pl.v[i])
			pl.v[k++] = pl.v[i];
	it->places = pl.v;
	it->nplaces = k;
}

static void
keep_flags(struct batch_item *it, const struct report *r,
    const struct batch_opts *o)
{
	const struct tpl	*t = report_tpl(r);
	struct report_flag	*f;
	size_t			 n, i;

	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n && it->worst == NULL; i++)
		if (f[i].severity == TPL_ERROR)
			it->worst = t->rules[f[i].rule].id;
	if (it->worst == NULL && n > 0)
		it->worst = t->rules[f[0].rule].id;
	for (i = 0; i < n; i++)
		if (f[i].rule < 64)
			it->rules_flagged |= UINT64_C(1) << f[i].rule;
	if (o->keep_flags) {
		it->flags = xcalloc(n + 1, sizeof *it->flags);
		for (i = 0; i < n; i++) {
			it->flags[i].rule = t->rules[f[i].rule].id;
			it->flags[i].severity = f[i].severity;
			it->flags[i].message = report_flag_message(r, &f[i],
			    o->lang);
		}
		it->nflags = n;
	}
	free(f);
	if (o->json_flags) {
		struct sbuf b;
		sbuf_init(&b);
		export_json_flags(&b, r, o->lang);
		it->json_flags = sbuf_take(&b);
	}
}

/* Keeps what the summary and the cross-report rules need. */
static void
keep(struct batch_item *it, const struct report *r,
    const struct batch_tinfo *ti, const struct batch_opts *o)
{
	size_t	k;

	it->tpl = report_tpl(r);
	it->organ = xstrdup(report_organ(r));
	it->published_on = xstrdup(report_published_on(r));
	it->year = report_year(r);
	it->nerrors = report_nflags_severity(r, TPL_ERROR);
	it->nwarnings = report_nflags_severity(r, TPL_WARNING);
	keep_flags(it, r, o);
	if (ti == NULL)
		return;
	it->kv = xcalloc(ti->nkeep + 1, sizeof *it->kv);
	it->kdp = xcalloc(ti->nkeep + 1, sizeof *it->kdp);
	for (k = 0; k < ti->nkeep; k++) {
		struct report_value v = report_value(r, ti->keep[k]);
		it->kv[k] = v.state == RV_SET ? v.n.v : INT64_MIN;
		it->kdp[k] = v.n.dp;
	}
	keep_texts(it, r, ti);
}

/* Adds r's input cells into the sum of its year and template. */
static void
add_to_sums(struct batch *b, const struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	struct batch_sum	*s = NULL;
	size_t			 i, c;

	for (i = 0; i < b->nsums && s == NULL; i++)
		if (b->sums[i].year == report_year(r) && b->sums[i].tpl == t)
			s = &b->sums[i];
	if (s == NULL) {
		s = VEC_PUSH(b->sums, b->nsums, b->capsums);
		s->year = report_year(r);
		s->tpl = t;
		s->v = xcalloc(t->ncells + 1, sizeof *s->v);
		s->overflow = -1;
	}
	for (c = 0; c < t->ncells; c++) {
		struct report_value x = report_value(r, (int)c);
		if (t->cells[c].formula >= 0 || x.state != RV_SET)
			continue;
		s->v[c].state = RV_SET;
		if (!num_add(&s->v[c].n, x.n, 1) && s->overflow < 0)
			s->overflow = (int)c;
	}
	s->nsources++;
}

static struct report *
default_load(const char *path, struct tpl *const *tpls, size_t n, void *arg,
    struct err *err)
{
	(void)arg;
	return (store_load(path, tpls, n, err));
}

static struct report *
load_item(const struct batch *b, const char *path, struct err *err)
{
	batch_loader	load = b->o.load ? b->o.load : default_load;

	return (load(path, b->o.tpls, b->o.ntpls, b->o.load_arg, err));
}

static void *
worker(void *arg)
{
	struct pool		*p = arg;
	struct batch		*b = p->b;
	struct batch_item	*it;
	struct report		*r;
	size_t			 i;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= b->n)
			break;
		it = &b->items[i];
		r = load_item(b, it->path, &it->err);
		if (r != NULL) {
			it->read = true;
			keep(it, r, batch_tinfo(b, report_tpl(r)), &b->o);
		}
		pthread_mutex_lock(&p->lock);
		if (r != NULL && b->o.sums)
			add_to_sums(b, r);
		p->done++;
		if (b->o.progress != NULL)
			b->o.progress(p->done, b->n, b->o.progress_arg);
		pthread_mutex_unlock(&p->lock);
		report_free(r);
	}
	return (NULL);
}

static int
cmp_sum(const void *a, const void *b)
{
	const struct batch_sum	*x = a, *y = b;

	if (x->year != y->year)
		return (x->year < y->year ? -1 : 1);
	return (strcmp(x->tpl->id, y->tpl->id));
}

/*
 * How many files the workers may hold open at once: the open-files limit
 * (ulimit -n) less the descriptors already open, at least one.  Each
 * worker holds one file open while it reads it, so more workers than
 * this would fail on EMFILE with files left unchecked.
 */
static int
fd_room(void)
{
	struct rlimit	rl;
	int		fd, used = 0;

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1 ||
	    rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 4096)
		return (INT_MAX);
	for (fd = 0; fd < (int)rl.rlim_cur; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			used++;
	return ((int)rl.rlim_cur - used > 1 ? (int)rl.rlim_cur - used : 1);
}

void
batch_check(struct batch *b)
{
	struct pool	 p;
	pthread_t	*th;
	long		 cores = sysconf(_SC_NPROCESSORS_ONLN);
	int		 jobs = b->o.jobs > 0 ? b->o.jobs :
			    (int)(cores > 0 ? cores : 1);
	int		 i, room, started = 0;

#ifdef __GLIBC__
	/*
	 * Each file's YAML tree and report are allocated and freed whole;
	 * glibc would give the freed top of the heap back to the kernel
	 * every time (brk, a TLB flush: a fifth of the time on 10,000
	 * files).  Keep up to 64 MiB of it instead, and take blocks of up to
	 * 8 MiB from the heap, not from mmap.  Process-wide; harmless for a
	 * program that checks many files.
	 */
	mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);
#endif
	if (b->tinfo == NULL) {
		b->tinfo = xcalloc(b->o.ntpls + 1, sizeof *b->tinfo);
		for (b->ntinfo = 0; b->ntinfo < b->o.ntpls; b->ntinfo++)
			tinfo_init(&b->tinfo[b->ntinfo], b->o.tpls[b->ntinfo]);
	}
	memset(&p, 0, sizeof p);
	p.b = b;
	pthread_mutex_init(&p.lock, NULL);
	if ((size_t)jobs > b->n)
		jobs = b->n > 0 ? (int)b->n : 1;
	if (jobs > 1 && jobs > (room = fd_room()))
		jobs = room;
	th = xcalloc((size_t)jobs, sizeof *th);
	/* The calling thread is worker 0; a thread that cannot start is
	 * simply not there: the others take its share. */
	for (i = 1; i < jobs; i++)
		if (pthread_create(&th[started], NULL, worker, &p) == 0)
			started++;
	worker(&p);
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
	pthread_mutex_destroy(&p.lock);
	if (b->nsums > 0)
		qsort(b->sums, b->nsums, sizeof *b->sums, cmp_sum);
}

void
batch_cross(struct batch *b)
{
	xorgan_group(b);
	xyear_check(b);
	xorgan_check(b);
}

bool
batch_value(const struct batch *b, const struct batch_item *it,
    const char *id, struct num *out)
{
	const struct batch_tinfo	*ti;
	int				 c, k;

	if (!it->read || it->kv == NULL ||
	    (ti = batch_tinfo(b, it->tpl)) == NULL ||
	    (c = tpl_cell_index(it->tpl, id)) < 0 || (k = ti->kpos[c]) < 0 ||
	    it->kv[k] == INT64_MIN)
		return (false);
	out->v = it->kv[k];
	out->dp = it->kdp[k];
	return (true);
}

struct batch_cross *
batch_add_cross(struct batch_item *it, enum batch_cross_kind kind,
    size_t other)
{
	struct batch_cross	*x = VEC_PUSH(it->cross, it->ncross,
				    it->capcross);

	x->kind = kind;
	x->other = other;
	x->section = x->cell = x->rule = -1;
	return (x);
}

const char *
batch_cross_rule(const struct batch_item *it, const struct batch_cross *x)
{
	static const char *const ids[BATCH_X_NKINDS] = { "R5", "X1", "X2",
	    "R9", "X3", "X4", "X5", "X6" };

	if (x->kind == BATCH_X_SIMILAR && x->rule >= 0)
		return (it->tpl->rules[x->rule].id);
	return (ids[x->kind]);
}

bool
batch_cross_is_note(const struct batch_cross *x)
{
	return (x->kind == BATCH_X_GAP);
}

size_t
batch_item_problems(const struct batch_item *it)
{
	size_t	n = it->nerrors + it->nwarnings, i;

	for (i = 0; i < it->ncross; i++)
		n += !batch_cross_is_note(&it->cross[i]);
	return (n);
}

bool
batch_texts_load(const struct batch *b, size_t i, struct batch_texts *out)
{
	const struct batch_tinfo	*ti;
	struct err			 e = { 0 };
	struct report			*r = load_item(b, b->items[i].path, &e);
	size_t				 k;

	memset(out, 0, sizeof *out);
	err_clear(&e);
	if (r == NULL)
		return (false);
	if ((ti = batch_tinfo(b, report_tpl(r))) == NULL) {
		report_free(r);
		return (false);
	}
	out->tpl = ti->tpl;
	for (k = 0; k < ti->nnarr; k++) {
		out->orig[k] = xstrdup(report_text(r, ti->narr[k]));
		out->stripped[k] = boiler_strip(ti->boiler, out->orig[k],
		    &out->map[k]);
	}
	out->n = ti->nnarr;
	report_free(r);
	return (true);
}

void
batch_texts_done(struct batch_texts *t)
{
	size_t	k;

	for (k = 0; k < t->n; k++) {
		free(t->orig[k]);
		free(t->stripped[k]);
		free(t->map[k]);
	}
	memset(t, 0, sizeof *t);
}

static void
item_done(struct batch_item *it)
{
	size_t	i;

	free(it->path);
	free(it->organ);
	free(it->published_on);
	free(it->json_flags);
	for (i = 0; i < it->nflags; i++)
		free(it->flags[i].message);
	free(it->flags);
	free(it->kv);
	free(it->kdp);
	free(it->sigs);
	free(it->places);
	for (i = 0; i < it->ncross; i++) {
		free(it->cross[i].text);
		free(it->cross[i].name);
	}
	free(it->cross);
	err_clear(&it->err);
}

void
batch_free(struct batch *b)
{
	size_t	i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++)
		item_done(&b->items[i]);
	free(b->items);
	for (i = 0; i < b->ntinfo; i++) {
		boiler_free(b->tinfo[i].boiler);
		free(b->tinfo[i].keep);
		free(b->tinfo[i].kpos);
	}
	free(b->tinfo);
	xorgan_free(b);
	for (i = 0; i < b->nsums; i++)
		free(b->sums[i].v);
	free(b->sums);
	organ_aliases_free(b->aliases);
	free(b->aliases_path);
	free(b);
}

const char *const batch_report_exts[] = { ".yaml", ".yml", ".txt",
    ".docx", ".html", ".htm", ".pdf", NULL };

static bool
has_ext(const char *name, const char *const *exts)
{
	size_t	len = strlen(name), el;

	for (; *exts != NULL; exts++) {
		el = strlen(*exts);
		if (len > el && strcasecmp(name + len - el, *exts) == 0)
			return (true);
	}
	return (false);
}

static int
cmp_name(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* The folder's alias file, if it has one. */
static bool
scan_aliases(struct batch *b, const char *path, struct err *err)
{
	struct organ_aliases	*a;

	if ((a = organ_aliases_load(path, err)) == NULL)
		return (false);
	organ_aliases_free(b->aliases);
	free(b->aliases_path);
	b->aliases = a;
	b->aliases_path = xstrdup(path);
	return (true);
}

static bool
scan(struct batch *b, const char *dir, const char *const *exts, bool top,
    struct err *err)
{
	DIR		 *d;
	struct dirent	 *de;
	struct stat	  st;
	char		**names = NULL, *p;
	size_t		  nn = 0, cap = 0, i;
	bool		  ok = true;

	if ((d = opendir(dir)) == NULL) {
		err_set(err, dir, 0, 0, "batch.opendir", 1, strerror(errno));
		return (false);
	}
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			*VEC_PUSH(names, nn, cap) = xasprintf("%s/%s", dir,
			    de->d_name);
	closedir(d);
	if (nn > 0)
		qsort(names, nn, sizeof *names, cmp_name);
	for (i = 0; i < nn; i++) {
		p = names[i];
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			/* An unreadable subfolder does not stop the scan. */
			struct err sub = { 0 };
			scan(b, p, exts, false, &sub);
			err_clear(&sub);
		} else if (strcmp(strrchr(p, '/') + 1, "organs.yaml") == 0) {
			/* The alias file, not a report (read at the top only). */
			if (top)
				ok = scan_aliases(b, p, err);
		} else if (S_ISREG(st.st_mode) && has_ext(p, exts))
			batch_add(b, p);
		free(p);
	}
	free(names);
	return (ok);
}

bool
batch_scan(struct batch *b, const char *dir, const char *const *exts,
    struct err *err)
{
	return (scan(b, dir, exts, true, err));
}
