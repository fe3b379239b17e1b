/*
 * A report: one organ's annual report for one year, on one template.
 *
 * It holds the organ, the year, the text of each narrative section, the
 * value of every input cell (or blank), and for an imported report the
 * value printed for each computed cell ("published").  Computed cells are
 * kept up to date by report_set_*: setting a value parses it, stores it,
 * recomputes the dependent formulas (in the template's dependency order)
 * and re-evaluates the rule instances that read any changed cell, all
 * before it returns.  Callers never ask for a recalculation.
 *
 * Flags are the rule instances that currently fail.  Each flag names its
 * rule, severity and cells and can be turned into a message in either
 * language with report_flag_message().
 *
 * A report may know last year's report (report_set_prev): then prev()
 * terms (rule R5) are checked.
 */
#ifndef NB_REPORT_H
#define NB_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "num.h"
#include "tpl.h"

enum report_vstate {
	RV_BLANK = 0,	/* nothing entered */
	RV_SET,		/* a value */
	RV_OVERFLOW	/* computed, and the sum overflowed (shown as an error) */
};

struct report_value {
	enum report_vstate	state;
	struct num		n;
};

struct report;

/*
 * Loading many values at once: between report_freeze and report_thaw,
 * setters store without recomputing; report_thaw recomputes every total
 * and rule once.  Nothing may read values or flags while frozen.
 */
void		 report_freeze(struct report *);
void		 report_thaw(struct report *);

/* A new, empty report on t (t must outlive it).  Year 0, organ "". */
struct report	*report_new(const struct tpl *t);
/* The same, frozen and not yet computed (a loader's start: its values
 * are all stored before the one report_thaw). */
struct report	*report_new_frozen(const struct tpl *t);
void		 report_free(struct report *);
const struct tpl *report_tpl(const struct report *);

/* Borrowed; valid until the next report_set_organ. */
const char	*report_organ(const struct report *);
void		 report_set_organ(struct report *, const char *);
int		 report_year(const struct report *);
void		 report_set_year(struct report *, int);
/*
 * The date the report was published on ("2020-01-20"; "" when unknown),
 * as an imported web page states it.  report_set_published_on takes a
 * date YYYY-MM-DD (a real calendar day, year in year.h's range) or "";
 * anything else is refused (false) and the date left as it was.
 */
const char	*report_published_on(const struct report *);
bool		 report_set_published_on(struct report *, const char *date);

/* Narrative text of section sec (index in tpl->sections); "" if none.
 * Borrowed; valid until the next change of that section. */
const char	*report_text(const struct report *, int sec);
/*
 * Replaces a section's text (any section kind may carry text; the editor
 * offers it for narrative ones).  If old is not NULL it receives the
 * previous text (newly allocated; caller frees) for undo.  Text rules are
 * re-evaluated before it returns.
 */
void		 report_set_text(struct report *, int sec, const char *text,
		    char **old);

/* The value of a cell, input or computed. */
struct report_value report_value(const struct report *, int cell);

/*
 * Parses input (see num.h) for an input cell and stores it.  An empty or
 * all-space input makes the cell blank.  Returns false, changing nothing,
 * when the input is refused or the cell is computed; *err then has the
 * reason (cell.computed, or the num.e_* msgid of the parse error) with
 * {0} = the cell's id, {1} = its Chinese label path, {2} = the allowed
 * number of decimals, {3} = its English label path.
 * On success, *old (if not NULL) receives the previous value.
 */
bool		 report_set_input(struct report *, int cell, const char *input,
		    struct report_value *old, struct err *err);

/* Stores a value directly (undo, loading).  Computed cells are refused. */
bool		 report_set_value(struct report *, int cell,
		    struct report_value v, struct report_value *old);

/* Published values of computed cells, from an imported report. */
bool		 report_published(const struct report *, int cell,
		    struct report_value *out);
void		 report_set_published(struct report *, int cell,
		    const struct report_value *v);	/* NULL: forget */

/*
 * Last year's report, for prev() terms.  The values needed are copied, so
 * prev may be freed afterwards.  NULL forgets.  prev must be on a template
 * whose cell ids match (same id); cells missing there are unknown.
 */
void		 report_set_prev(struct report *, const struct report *prev);
bool		 report_has_prev(const struct report *);
/* One of last year's values (false when unknown), and setting one (as the
 * report file's previous: list does). */
bool		 report_prev_value(const struct report *, int cell,
		    struct report_value *out);
void		 report_set_prev_value(struct report *, int cell,
		    const struct report_value *v);
/*
 * Last year's text of section sec (narrative sections with the same id),
 * NULL when unknown: shown as a reference in the editor, and compared by
 * text_prev_similar rules.  report_set_prev copies them too; the report
 * file keeps them under previous_sections:.  text NULL forgets.
 */
const char	*report_prev_text(const struct report *, int sec);
/* All of last year's texts from prev (the rest of prev is not kept). */
void		 report_set_prev_texts(struct report *,
		    const struct report *prev);
void		 report_set_prev_text(struct report *, int sec,
		    const char *text);

/*
 * How alike section sec's text (sec -1: all the narrative texts, the
 * whole report) is to last year's, 0 to 100: the Dice similarity of
 * their shingles once the statute's sentences and the template's wording
 * are cut from both (boiler.h), so that "本年度未收取信息处理费。" repeated
 * is not alike.  0 when last year's is unknown or either has nothing
 * left.
 */
int		 report_prev_similarity(const struct report *, int sec);
/* The template's wording texts are stripped of (boiler.h), made when a
 * text of last year's is first known; NULL before.  Borrowed. */
struct boiler;
const struct boiler *report_boiler(const struct report *);

/* ---- for the rule kinds' evaluators (rulekind.h) ---- */

/*
 * Sums terms (blank counts as 0) into *out.  False when the sum cannot be
 * checked: a prev() or published() operand unknown, or an overflow, which
 * also sets *overflow.
 */
bool		 report_sum(const struct report *, const struct tpl_term *,
		    size_t n, struct num *out, bool *overflow);

/*
 * This report's matcher for rule's pattern (a clone of the template's,
 * made on first use and kept until report_free), or NULL when the rule
 * has none.  Leave it with no text set (regex_forget) after use.
 */
URegularExpression *report_rule_regex(struct report *, int rule);

/*
 * What an evaluator says about failing instance inst: the flag belongs to
 * section sec (-1: to none; report_section_flags), and its message's
 * {sentence} and {stated} are said and stated (newly allocated strings
 * the report takes, or NULL).  Forgotten when inst is evaluated again.
 */
void		 report_note(struct report *, int inst, int sec, char *said,
		    char *stated);
/* After report_note: said begins at byte offset at of section sec's
 * text (so that the editor can show the very sentence). */
void		 report_note_at(struct report *, int inst, size_t at);

/* Flags: the failing rule instances, in template order, then the import
 * findings (finding.h), in the order of the source's lines. */
struct report_flag {
	int			 inst;		/* index in tpl->insts, or -1 */
	int			 finding;	/* -1, or the import finding
						   (finding.h) this flag is */
	int			 rule;		/* index in tpl->rules */
	enum tpl_severity	 severity;
	const int		*cells;		/* borrowed from the template */
	size_t			 ncells;
};

size_t		 report_nflags(const struct report *);
size_t		 report_nflags_severity(const struct report *,
		    enum tpl_severity);
/* Fills out[0..max) with the current flags; returns how many there are. */
size_t		 report_flags(const struct report *, struct report_flag *out,
		    size_t max);
/* True when some current flag involves this cell (any severity). */
bool		 report_cell_flagged(const struct report *, int cell,
		    enum tpl_severity *worst);
/* The flags that involve cell; same return convention as report_flags. */
size_t		 report_cell_flags(const struct report *, int cell,
		    struct report_flag *out, size_t max);
/* The flags that belong to section sec (text rules; report_note). */
size_t		 report_section_flags(const struct report *, int sec,
		    struct report_flag *out, size_t max);

/* What the evaluator noted about failing instance inst (report_note):
 * the sentence at fault and the number it states, or NULL. */
const char	*report_note_said(const struct report *, int inst);
const char	*report_note_stated(const struct report *, int inst);
/* Where that sentence is: its section (*sec) and its byte offset in the
 * section's text (*at); false when no sentence was noted with a place. */
bool		 report_note_where(const struct report *, int inst, int *sec,
		    size_t *at);

/* The flag's message in lang, placeholders filled (report_msg.c).  Newly
 * allocated; caller frees. */
char		*report_flag_message(const struct report *,
		    const struct report_flag *, enum lang);

/* Formats a value for display ("" for blank, "溢出"/"overflow"
 * never: RV_OVERFLOW formats as "#"). Returns buf (NUM_FMT_MAX bytes). */
char		*report_format_value(const struct report *, int cell,
		    struct report_value v, char *buf);

/*
 * Where a summed report's figures came from (one entry per source report,
 * e.g. "小城子镇人民政府 2024 (towns/xcz.yaml)"), kept in the file.
 */
size_t		 report_nsources(const struct report *);
const char	*report_source(const struct report *, size_t i);	/* borrowed */
void		 report_add_source(struct report *, const char *);

/*
 * Where the cells counted from the office's register of applications
 * came from (ledger_prov.h), or NULL.  Borrowed; valid until the next
 * report_swap_prov.  report_swap_prov installs p (taken; NULL: none) and
 * hands back the one it replaces (the caller frees it or keeps it for
 * undo); it counts as a change.
 */
struct ledger_prov;
const struct ledger_prov *report_prov(const struct report *);
struct ledger_prov *report_swap_prov(struct report *, struct ledger_prov *p);

/* The clerk's answers and accepted totals (answer.h), changed through
 * answer_*.  Never NULL; owned by the report. */
struct answers;
struct answers	*report_answers(const struct report *);
/* Counts as a change (report_generation), for what changes through
 * another module (answer.h). */
void		 report_touch(struct report *);

/*
 * pattern (a template's title or wording) with {organ} and {year} filled
 * in from r.  Newly allocated; the caller frees.
 */
char		*report_fill(const struct report *, const char *pattern);
/*
 * The 前言 (tpl->preface, when the template has one): report_preface_init
 * gives an empty one the template's wording filled with r's organ and
 * year (call it once both are set); report_preface_roll gives r last
 * year's text with every "<last year>年" made r's year (nothing when last
 * has none).
 */
void		 report_preface_init(struct report *);
void		 report_preface_roll(struct report *, const struct report *last);

/* A generation counter bumped by every change (for "modified" and
 * recovery snapshots). */
unsigned long	 report_generation(const struct report *);

#endif
