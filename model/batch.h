/*
 * Checking many reports at once, for the county office: each file is
 * loaded (by a caller-supplied loader, so that published text and .docx
 * go through the importer) and checked on a pool of threads; what the
 * summary needs is kept per file and the reports themselves are freed at
 * once, so ten thousand reports fit in little memory.  Then the rules that
 * span reports run over the kept data: the same organ's consecutive years
 * (R5: this year's 上年结转 equals last year's 结转), narratives identical
 * to the same organ's previous year, and duplicate organ-year pairs.
 *
 * The templates, loader and everything they touch must be safe to use
 * from several threads at once (tpl is read-only; ICU iterators in text.c
 * are per thread).
 */
#ifndef NB_BATCH_H
#define NB_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "report.h"
#include "tpl.h"

#define BATCH_CARRY	8	/* carried-in/out columns kept per report */

/* A rule that spans reports, found by batch_cross(). */
enum batch_cross_kind {
	BATCH_X_CARRY,		/* R5 across files: {0}=column */
	BATCH_X_SAME_TEXT,	/* a section identical to last year's */
	BATCH_X_DUPLICATE	/* another file has the same organ and year */
};

struct batch_cross {
	enum batch_cross_kind	 kind;
	size_t			 other;		/* index of the other file */
	int			 section;	/* SAME_TEXT */
	int			 column;	/* CARRY: leaf index in t3 */
};

struct batch_item {
	char			*path;
	/* Filled by batch_check: */
	bool			 read;		/* false: err says why */
	struct err		 err;
	const struct tpl	*tpl;
	char			*organ;
	int			 year;
	char			*published_on;	/* "" when unknown */
	size_t			 nerrors;
	size_t			 nwarnings;
	const char		*worst;		/* rule id (borrowed), or NULL */
	char			*json_flags;	/* the flags array, if asked */
	bool			 has_carry;
	struct report_value	 carried_in[BATCH_CARRY];
	struct report_value	 carried_out[BATCH_CARRY];
	uint64_t		*text_hash;	/* per section; 0 = empty */
	/* Filled by batch_cross: */
	struct batch_cross	*cross;
	size_t			 ncross;
};

typedef struct report *(*batch_loader)(const char *path,
    struct tpl *const *tpls, size_t ntpls, void *arg, struct err *err);

struct batch_opts {
	struct tpl *const	*tpls;
	size_t			 ntpls;
	batch_loader		 load;		/* NULL: store_load */
	void			*load_arg;
	int			 jobs;		/* threads; <= 0: core count */
	bool			 json_flags;	/* keep each file's flags as JSON */
	enum lang		 lang;		/* for json_flags messages */
	/* Called from worker threads, serialised, after each file. */
	void			(*progress)(size_t done, size_t total, void *);
	void			*progress_arg;
};

/* Checks items[0..n) (paths set by the caller). */
void	batch_check(struct batch_item *items, size_t n,
	    const struct batch_opts *);

/* The rules that span reports; fills each item's cross list. */
void	batch_cross(struct batch_item *items, size_t n);

/* The number of flags an item has, its own and across reports. */
size_t	batch_item_problems(const struct batch_item *);

void	batch_items_free(struct batch_item *items, size_t n);

/*
 * The names of the files a folder of reports holds, by ending: report
 * files (.yaml, .yml) and every format the importer reads (.txt, .docx,
 * .html, .htm, .pdf).  NULL-terminated; for batch_scan.
 */
extern const char *const batch_report_exts[];

/*
 * Collects the report files under dir (recursively, sorted, hidden
 * entries skipped) whose names end in one of exts (NULL-terminated, e.g.
 * ".yaml", ".txt", ".docx").  Appends to (*items, *n); returns false with
 * *err if dir cannot be read.
 */
bool	batch_scan(const char *dir, const char *const *exts,
	    struct batch_item **items, size_t *n, struct err *err);

#endif
