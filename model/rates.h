/*
 * The indicators a county reviewer computes from the tables
 * (review-criteria.md), kept as exact fractions of integers:
 *
 *   applications  本年新收政府信息公开申请数量 (t3.new.total);
 *   disclosed     实质公开率 = (予以公开 + 部分公开) / （七）总计, that is
 *                 (t3.r_open.total + t3.r_partial.total) / t3.r_total.total;
 *   corrected     复议纠错率 = 结果纠正 / (总计 − 尚未审结), that is
 *                 t4.n.review_corrected / (t4.n.review_total −
 *                 t4.n.review_pending).
 *
 * A fraction whose figures are missing or whose denominator is 0 is
 * undefined and shown as "—".  A county's rate is pooled: the sum of the
 * numerators over the sum of the denominators of the reports that define
 * it (not a mean of rates).  Nothing is a float: a percentage is only
 * ever formatted, rounded half up to one decimal, from the integers.
 */
#ifndef NB_RATES_H
#define NB_RATES_H

#include <stdbool.h>
#include <stdint.h>

struct batch;
struct batch_item;

struct rates_frac {
	int64_t	num;
	int64_t	den;		/* 0: undefined */
};

struct rates {
	bool			has_apps;
	int64_t			apps;
	struct rates_frac	disclosed;
	struct rates_frac	corrected;
	int64_t			nreports;	/* that gave applications */
};

/* The rates of one report (all zero and undefined when not read). */
void	rates_of(const struct batch *, const struct batch_item *,
	    struct rates *out);
/* Pools r into acc (start from a zeroed struct). */
void	rates_add(struct rates *acc, const struct rates *r);

/* "a/b" of a defined fraction, else "—".  Newly allocated. */
char	*rates_fraction(struct rates_frac);
/* "68.0%" of a defined fraction, else "—".  Newly allocated. */
char	*rates_percent(struct rates_frac);
/* Tenths of a percent, rounded half up; -1 when undefined. */
int64_t	 rates_permille(struct rates_frac);

#endif
