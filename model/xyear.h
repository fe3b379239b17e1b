/*
 * The cross-year rules of the county check (batch.h), for each organ's
 * reports in year order (batch.organs, filled by xorgan_group):
 *
 *   X4  two reports of one organ for one year: each names the other;
 *   X3  a year missing between two present ones: a note on the later;
 *   and for each pair of consecutive years, on the later report:
 *   R5  上年结转 (each column of t3) differs from last year's 结转下年度
 *       继续办理 (skipped when the report's own R5 already says so);
 *   X1  现行有效件数 (t2_1, 规章 and 行政规范性文件) differs from last
 *       year's + 本年制发 − 本年废止 (a warning: a clean-up of documents
 *       may legitimately break the chain);
 *   X2  a figure (t2, the 总计 column of t3, the 总计 of t4) more than five
 *       times last year's, or under a fifth of it, where both are at
 *       least 10 (in the cell's unit);
 *   R9  (and every text_prev_similar rule of the later report's template)
 *       a narrative section as alike last year's as the rule's minimum,
 *       by boiler_similarity on the stripped texts (skipped when the
 *       report's own rule already says so).  MinHash estimates pick the
 *       pairs worth loading again; the figure stated is the exact one.
 *
 * Every comparison is exact: integers and exact decimals, never floats.
 */
#ifndef NB_XYEAR_H
#define NB_XYEAR_H

struct batch;

/* Margin below a rule's minimum within which an estimate is verified. */
#define XYEAR_MARGIN	10	/* 3 standard errors (minhash.h) */

void	xyear_check(struct batch *);

#endif
