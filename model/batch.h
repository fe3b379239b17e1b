/*
 * The county check engine: checking a folder of reports at once, then the
 * rules that span reports.
 *
 * batch_check() loads each file (by a caller-supplied loader, so that
 * published text and .docx go through the importer) and checks it on a
 * pool of threads.  What the summary and the cross-report rules need is
 * kept per file and the report itself is freed at once, so ten thousand
 * reports fit in little memory: counts of flags, a few dozen figures (the
 * t2 block, 上年结转 and 结转 by column, the 总计 column of t3, all of t4),
 * for each narrative section a MinHash signature of its stripped text
 * (boiler.h, minhash.h), and hashes of the place names its text mentions
 * (organ.h).  With opts.sums every input cell is also added into the sum
 * of its year and template.
 *
 * batch_cross() then runs the rules that span reports:
 *   - organ identity (xorgan.h): spellings of one organ are merged by
 *     organ key and the folder's organs.yaml;
 *   - across years, one organ (xyear.h): R5 上年结转 = last year's 结转,
 *     X1 现行有效 continuity, X2 jumps, the R9 family (text like last
 *     year's), X3 a missing year, X4 the same organ and year twice;
 *   - across organs, one year (xorgan.h): X5 near-duplicate narratives,
 *     X6 another organ's place named in the text.
 * Where a signature says two texts may be alike, or a place hash says a
 * name may be mentioned, both files are loaded again and the texts
 * compared exactly: the signatures only spare the comparisons that cannot
 * succeed.
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
#include "minhash.h"
#include "organ.h"
#include "report.h"
#include "tpl.h"

/* A rule that spans reports, found by batch_cross().  Rule ids: R5, the
 * template's text_prev_similar rule (R9, R9b, R9c), X1 to X6. */
enum batch_cross_kind {
	BATCH_X_CARRY,		/* R5: cell = this year's 上年结转 cell;
				   v[0] last year's 结转, v[1] this year's */
	BATCH_X_IN_FORCE,	/* X1: cell = 现行有效 cell; v[0] last
				   year's, v[1] 制发, v[2] 废止, v[3] now */
	BATCH_X_JUMP,		/* X2: cell; v[0] last year's, v[1] now */
	BATCH_X_SIMILAR,	/* R9 family: rule, section, pct */
	BATCH_X_GAP,		/* X3 (a note): year..year_to missing;
				   other = the last year present */
	BATCH_X_DUPLICATE,	/* X4: other has the same organ and year */
	BATCH_X_NEARDUP,	/* X5: section, pct; text = the passage */
	BATCH_X_NAME,		/* X6: name = the place, text = the
				   sentence; other = a report of that organ */
	BATCH_X_NKINDS
};

struct batch_cross {
	enum batch_cross_kind	 kind;
	size_t			 other;		/* index of the other file */
	int			 section;
	int			 cell;		/* in this item's template */
	int			 rule;		/* SIMILAR: template rule */
	int			 pct;
	int			 year;
	int			 year_to;
	struct num		 v[4];
	char			*text;
	char			*name;
};

/* One flag of a report, as the county page lists it. */
struct batch_flag {
	const char		*rule;		/* borrowed from the template */
	enum tpl_severity	 severity;
	char			*message;
};

struct batch_item {
	char			*path;
	/* Filled by batch_check: */
	bool			 read;		/* false: err says why */
	struct err		 err;
	const struct tpl	*tpl;
	char			*organ;		/* as the file spells it */
	int			 year;
	char			*published_on;	/* "" when unknown */
	size_t			 nerrors;
	size_t			 nwarnings;
	const char		*worst;		/* rule id (borrowed), or NULL */
	uint64_t		 rules_flagged;	/* bit i: template rule i */
	char			*json_flags;	/* the flags array, if asked */
	struct batch_flag	*flags;		/* if asked (keep_flags) */
	size_t			 nflags;
	int64_t			*kv;		/* kept figures (batch_value) */
	uint8_t			*kdp;
	uint16_t		*sigs;		/* MINHASH_N per narrative */
	uint32_t		 has_sig;	/* bit k: narrative k signed */
	uint32_t		*places;	/* sorted place hashes */
	size_t			 nplaces;
	/* Filled by batch_cross: */
	int			 organ_ix;	/* in batch.organs, or -1 */
	struct batch_cross	*cross;
	size_t			 ncross;
	size_t			 capcross;
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
	bool			 keep_flags;	/* ... as struct batch_flag */
	bool			 sums;		/* add up each year's reports */
	enum lang		 lang;		/* for kept messages */
	/* Called from worker threads, serialised, after each file. */
	void			(*progress)(size_t done, size_t total, void *);
	void			*progress_arg;
};

/* What one template needs kept; built before the workers start. */
struct batch_tinfo {
	const struct tpl	*tpl;
	struct boiler		*boiler;
	int			*keep;		/* kept cells, ascending */
	size_t			 nkeep;
	int			*kpos;		/* cell -> index in keep, or -1 */
	int			 narr[8];	/* narrative section indices */
	size_t			 nnarr;
};

/* An organ of the folder: the reports batch_cross merged. */
struct batch_organ {
	char			*key;
	char			*name;		/* shown: alias's canonical name,
						   else the latest spelling */
	char			**spellings;	/* distinct, sorted */
	size_t			 nspellings;
	struct organ_name	 parsed;	/* of name (places) */
	char			**outer;	/* enclosing places of every */
	size_t			 nouter;	/*   spelling */
	size_t			*items;		/* by year, then path */
	size_t			 nitems;
};

/* The sum of one year's reports on one template (opts.sums). */
struct batch_sum {
	int			 year;
	const struct tpl	*tpl;
	struct report_value	*v;		/* per cell; inputs only */
	size_t			 nsources;
	int			 overflow;	/* a cell that overflowed, or -1 */
};

struct batch {
	struct batch_opts	 o;
	struct batch_item	*items;
	size_t			 n;
	size_t			 cap;
	struct batch_tinfo	*tinfo;
	size_t			 ntinfo;
	struct organ_aliases	*aliases;	/* from organs.yaml, or NULL */
	char			*aliases_path;
	struct batch_organ	*organs;
	size_t			 norgans;
	struct batch_sum	*sums;		/* by year, then template id */
	size_t			 nsums;
	size_t			 capsums;
};

/* A new, empty batch (o is copied; the templates must outlive it).
 * Caller frees with batch_free. */
struct batch	*batch_new(const struct batch_opts *o);
void		 batch_free(struct batch *);

/* Adds one file to check. */
void		 batch_add(struct batch *, const char *path);

/*
 * The names of the files a folder of reports holds, by ending: report
 * files (.yaml, .yml) and every format the importer reads (.txt, .docx,
 * .html, .htm, .pdf), in any case.  NULL-terminated; for batch_scan.
 */
extern const char *const batch_report_exts[];

/*
 * Adds the report files under dir (recursively, sorted, hidden entries
 * skipped) whose names end in one of exts (NULL-terminated, e.g. ".yaml",
 * ".txt", ".docx"); an organs.yaml directly in dir is read as the alias
 * file (organ.h) instead, one in a subfolder is skipped, and with several
 * folders the last alias file read is the one used.  Returns false with *err if dir cannot be read
 * (batch.opendir {0}=strerror) or its alias file is refused (the
 * organ_aliases_load errors; the files are still added).
 */
bool		 batch_scan(struct batch *, const char *dir,
		    const char *const *exts, struct err *err);

/* Checks every file added, on opts.jobs threads. */
void		 batch_check(struct batch *);

/* The rules that span reports; fills organs and each item's cross list.
 * Run once, after batch_check. */
void		 batch_cross(struct batch *);

/* The template's info (NULL for a template not in opts.tpls). */
const struct batch_tinfo *batch_tinfo(const struct batch *,
		    const struct tpl *);

/* The kept figure of cell id in item it: false when the template has no
 * such cell, it was not kept, or it is blank. */
bool		 batch_value(const struct batch *, const struct batch_item *it,
		    const char *id, struct num *out);

/* The 32-bit hash under which a place name (organ.h) is kept in an
 * item's places[]. */
uint32_t	 batch_place_hash(const char *s, size_t len);

/* Adds a cross finding to it; returns it, zeroed but for kind and
 * other, for the caller to fill (text and name are freed with it). */
struct batch_cross *batch_add_cross(struct batch_item *it,
		    enum batch_cross_kind kind, size_t other);

/* The rule id of a cross finding ("R5", "R9", "X1"...); borrowed. */
const char	*batch_cross_rule(const struct batch_item *it,
		    const struct batch_cross *x);
/* Notes (X3) do not count as problems; everything else is a warning. */
bool		 batch_cross_is_note(const struct batch_cross *x);

/* The number of flags an item has, its own and across reports (notes
 * not counted). */
size_t		 batch_item_problems(const struct batch_item *);

/* A report's narrative texts loaded again, for the exact comparisons. */
struct batch_texts {
	const struct tpl	*tpl;
	char			*orig[8];	/* per narrative, as written */
	char			*stripped[8];	/* boiler_strip */
	size_t			*map[8];
	size_t			 n;
};
/* Loads item i again; false when it cannot be read now. */
bool		 batch_texts_load(const struct batch *, size_t i,
		    struct batch_texts *out);
void		 batch_texts_done(struct batch_texts *);

#endif
