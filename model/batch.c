/*
 * Batch checking; see batch.h.  Workers take the next file index from a
 * shared counter, so a slow file does not hold up a fixed share of the
 * others; each item is written by exactly one worker, and the progress
 * callback runs under a mutex.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "export_json.h"
#include "sbuf.h"
#include "store.h"
#include "xmalloc.h"

struct pool {
	struct batch_item	*items;
	size_t			 n;
	const struct batch_opts	*o;
	size_t			 next;
	size_t			 done;
	pthread_mutex_t		 lock;
};

static uint64_t
fnv1a(const char *s)
{
	uint64_t	h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (h == 0 ? 1 : h);
}

/* Keeps what the summary and the cross-report rules need. */
static void
keep(struct batch_item *it, const struct report *r, const struct batch_opts *o)
{
	const struct tpl	*t = report_tpl(r);
	struct report_flag	*f;
	size_t			 n, i;
	int			 bi, c;

	it->tpl = t;
	it->organ = xstrdup(report_organ(r));
	it->published_on = xstrdup(report_published_on(r));
	it->year = report_year(r);
	it->nerrors = report_nflags_severity(r, TPL_ERROR);
	it->nwarnings = report_nflags_severity(r, TPL_WARNING);
	n = report_flags(r, NULL, 0);
	f = xcalloc(n + 1, sizeof *f);
	report_flags(r, f, n);
	for (i = 0; i < n && it->worst == NULL; i++)
		if (f[i].severity == TPL_ERROR)
			it->worst = t->rules[f[i].rule].id;
	if (it->worst == NULL && n > 0)
		it->worst = t->rules[f[0].rule].id;
	free(f);
	if (o->json_flags) {
		struct sbuf b;
		sbuf_init(&b);
		export_json_flags(&b, r, o->lang);
		it->json_flags = sbuf_take(&b);
	}
	it->text_hash = xcalloc(t->nsections + 1, sizeof *it->text_hash);
	for (i = 0; i < t->nsections; i++)
		if (*report_text(r, (int)i) != '\0')
			it->text_hash[i] = fnv1a(report_text(r, (int)i));
	/* 上年结转 and 结转下年度 per column of the 申请 table, if it has them. */
	for (bi = 0; bi < (int)t->nblocks; bi++)
		if (strcmp(t->blocks[bi].id, "t3") == 0)
			break;
	if (bi == (int)t->nblocks)
		return;
	for (i = 0; i < t->blocks[bi].ncols && i < BATCH_CARRY; i++) {
		const char *col = tpl_col_node(&t->blocks[bi], (int)i)->id;
		char id[128];
		snprintf(id, sizeof id, "t3.carried_in.%s", col);
		if ((c = tpl_cell_index(t, id)) < 0)
			return;
		it->carried_in[i] = report_value(r, c);
		snprintf(id, sizeof id, "t3.carried_out.%s", col);
		if ((c = tpl_cell_index(t, id)) < 0)
			return;
		it->carried_out[i] = report_value(r, c);
	}
	it->has_carry = true;
}

static struct report *
default_load(const char *path, struct tpl *const *tpls, size_t n, void *arg,
    struct err *err)
{
	(void)arg;
	return (store_load(path, tpls, n, err));
}

static void *
worker(void *arg)
{
	struct pool		*p = arg;
	const struct batch_opts	*o = p->o;
	batch_loader		 load = o->load ? o->load : default_load;
	struct batch_item	*it;
	struct report		*r;
	size_t			 i;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			break;
		it = &p->items[i];
		r = load(it->path, o->tpls, o->ntpls, o->load_arg, &it->err);
		if (r != NULL) {
			it->read = true;
			keep(it, r, o);
			report_free(r);
		}
		pthread_mutex_lock(&p->lock);
		p->done++;
		if (o->progress != NULL)
			o->progress(p->done, p->n, o->progress_arg);
		pthread_mutex_unlock(&p->lock);
	}
	return (NULL);
}

void
batch_check(struct batch_item *items, size_t n, const struct batch_opts *o)
{
	struct pool	 p;
	pthread_t	*th;
	long		 cores = sysconf(_SC_NPROCESSORS_ONLN);
	int		 jobs = o->jobs > 0 ? o->jobs : (int)(cores > 0 ? cores : 1);
	int		 i, started = 0;

	memset(&p, 0, sizeof p);
	p.items = items;
	p.n = n;
	p.o = o;
	pthread_mutex_init(&p.lock, NULL);
	if ((size_t)jobs > n)
		jobs = n > 0 ? (int)n : 1;
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
}

static void
add_cross(struct batch_item *it, enum batch_cross_kind kind, size_t other,
    int section, int column)
{
	it->cross = xreallocarray(it->cross, it->ncross + 1, sizeof *it->cross);
	it->cross[it->ncross].kind = kind;
	it->cross[it->ncross].other = other;
	it->cross[it->ncross].section = section;
	it->cross[it->ncross].column = column;
	it->ncross++;
}

static int
by_organ_year(const void *a, const void *b, void *arg)
{
	const struct batch_item	*items = arg;
	const struct batch_item	*x = &items[*(const size_t *)a];
	const struct batch_item	*y = &items[*(const size_t *)b];
	int			 c = strcmp(x->organ, y->organ);

	if (c != 0)
		return (c);
	if (x->year != y->year)
		return (x->year < y->year ? -1 : 1);
	return (*(const size_t *)a < *(const size_t *)b ? -1 : 1);
}

/* Last year (a) against this year (b), both of one organ. */
static void
cross_years(struct batch_item *items, size_t ia, size_t ib)
{
	struct batch_item	*a = &items[ia], *b = &items[ib];
	size_t			 s, c;

	if (a->has_carry && b->has_carry)
		for (c = 0; c < BATCH_CARRY; c++) {
			struct report_value x = a->carried_out[c];
			struct report_value y = b->carried_in[c];
			if (x.state == RV_SET && y.state == RV_SET &&
			    num_cmp(x.n, y.n) != 0)
				add_cross(b, BATCH_X_CARRY, ia, -1, (int)c);
		}
	if (a->tpl != b->tpl)
		return;
	for (s = 0; s < b->tpl->nsections; s++)
		if (b->text_hash[s] != 0 && b->text_hash[s] == a->text_hash[s])
			add_cross(b, BATCH_X_SAME_TEXT, ia, (int)s, -1);
}

void
batch_cross(struct batch_item *items, size_t n)
{
	size_t	*ix = xcalloc(n + 1, sizeof *ix), m = 0, i;

	for (i = 0; i < n; i++)
		if (items[i].read && *items[i].organ != '\0')
			ix[m++] = i;
	qsort_r(ix, m, sizeof *ix, by_organ_year, items);
	for (i = 1; i < m; i++) {
		struct batch_item *a = &items[ix[i - 1]], *b = &items[ix[i]];
		if (strcmp(a->organ, b->organ) != 0)
			continue;
		if (a->year == b->year) {
			add_cross(b, BATCH_X_DUPLICATE, ix[i - 1], -1, -1);
			add_cross(a, BATCH_X_DUPLICATE, ix[i], -1, -1);
		} else if (a->year + 1 == b->year)
			cross_years(items, ix[i - 1], ix[i]);
	}
	free(ix);
}

size_t
batch_item_problems(const struct batch_item *it)
{
	return (it->nerrors + it->nwarnings + it->ncross);
}

void
batch_items_free(struct batch_item *items, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(items[i].path);
		free(items[i].organ);
		free(items[i].published_on);
		free(items[i].json_flags);
		free(items[i].text_hash);
		free(items[i].cross);
		err_clear(&items[i].err);
	}
	free(items);
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

bool
batch_scan(const char *dir, const char *const *exts, struct batch_item **items,
    size_t *n, struct err *err)
{
	DIR		 *d;
	struct dirent	 *de;
	struct stat	  st;
	char		**names = NULL, *p;
	size_t		  nn = 0, i;

	if ((d = opendir(dir)) == NULL) {
		err_set(err, dir, 0, 0, "batch.opendir", 1, strerror(errno));
		return (false);
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, nn + 1, sizeof *names);
		names[nn++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof *names, cmp_name);
	for (i = 0; i < nn; i++) {
		p = names[i];
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			/* An unreadable subfolder does not stop the scan. */
			struct err sub = { 0 };
			batch_scan(p, exts, items, n, &sub);
			err_clear(&sub);
			free(p);
		} else if (S_ISREG(st.st_mode) && has_ext(p, exts)) {
			*items = xreallocarray(*items, *n + 1, sizeof **items);
			memset(&(*items)[*n], 0, sizeof **items);
			(*items)[(*n)++].path = p;
		} else
			free(p);
	}
	free(names);
	return (true);
}
