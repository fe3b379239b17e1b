/*
 * The inside of a report, shared by the files that implement report.h
 * (report.c: values, totals, rules and flags; report_prev.c: last year's
 * values and texts; finding.c: the import findings).  No other file
 * includes this.
 */
#ifndef NB_REPORT_IMPL_H
#define NB_REPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include <unicode/uregex.h>

#include "report.h"

/* What an evaluator noted about a failing instance (report_note). */
struct note {
	char	*said;		/* the sentence at fault, or NULL */
	char	*stated;	/* the number it states, or NULL */
	int	 sec;		/* the section the flag belongs to, or -1 */
	long	 at;		/* said's byte offset in sec's text, or -1 */
};

struct report {
	const struct tpl	*t;
	char			*organ;
	int			 year;
	char			 published_on[11];	/* "" or YYYY-MM-DD */
	char			**texts;	/* per section; NULL = "" */
	struct report_value	*vals;
	struct report_value	*pub;
	bool			*has_pub;
	struct report_value	*prev;
	bool			*has_prev;
	bool			 prev_known;
	char			**prev_texts;	/* per section; NULL unknown */
	struct boiler		*boiler;	/* the template's wording,
						   made when last year's
						   texts come */
	struct answers		*answers;	/* answer.h */
	struct findings		*findings;	/* finding.h */
	bool			*failing;	/* per rule instance */
	size_t			 nfailing[2];	/* by severity */
	unsigned long		 gen;
	bool			 frozen;	/* report_freeze: no recompute */
	URegularExpression	**re;		/* per rule, cloned on use */
	struct note		*notes;		/* per inst (report_note) */
	char			**sources;
	size_t			 nsources;
	size_t			 capsources;
	struct ledger_prov	*prov;		/* cells counted from a
						   register, or NULL */
	/* Scratch for one change: formulas to evaluate, insts to check. */
	bool			*fmark;
	int			*istack;
	bool			*imark;
};

/* Re-evaluates rule instance i and updates the flags (report.c). */
void	report_eval_inst(struct report *, int i);

#endif
