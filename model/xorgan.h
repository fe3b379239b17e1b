/*
 * Organ identity and the cross-organ rules of the county check (batch.h).
 *
 * xorgan_group merges the reports of one organ: items are keyed by
 * organ_resolve (the folder's organs.yaml applied) and each key becomes a
 * struct batch_organ, its items sorted by year then path.  Items without
 * an organ name stay alone (organ_ix -1).
 *
 * xorgan_check then compares organs within a year:
 *   X5  near-duplicate narratives: for reports of one year and template,
 *       each narrative section's MinHash signatures go through LSH; a
 *       candidate pair whose estimate is within XORGAN_MARGIN of
 *       XORGAN_NEARDUP is loaded again and compared exactly
 *       (boiler_similarity of the stripped texts); at XORGAN_NEARDUP % or
 *       more, both reports are flagged, each quoting the longest passage
 *       they share (boiler_passage) from its own text.  Reports of one
 *       organ are not compared (X4 says it).
 *   X6  another organ's place in the text: the place of an organ's name
 *       (organ.h: "黄庄镇" of 黄庄镇人民政府) found in another organ's
 *       narrative, unless one place encloses the other (a district's
 *       report may name its city, a city's its districts) or they are the
 *       same place.  Found through the place hashes kept per report,
 *       confirmed in the text loaded again; the sentence is quoted.  An
 *       organ whose name has no place ("审计局") cannot be told from a
 *       common word and is not looked for.
 */
#ifndef NB_XORGAN_H
#define NB_XORGAN_H

struct batch;

#define XORGAN_NEARDUP	60	/* % (Dice of shingles) that is a copy */
#define XORGAN_MARGIN	10	/* 3 standard errors */

void	xorgan_group(struct batch *);
void	xorgan_check(struct batch *);
/* Frees what xorgan_group made (batch_free calls it). */
void	xorgan_free(struct batch *);

#endif
