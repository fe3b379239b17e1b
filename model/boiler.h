/*
 * Boilerplate stripping, and the shingles two texts are compared by.
 *
 * Every annual report repeats wording it did not write: the statute's
 * sentences (the 信息处理费 statement 30号 makes mandatory in 六, the
 * preamble's legal basis, statistics period and contact lines, "无其他
 * 需要报告的事项") and the template's own words (titles, placeholders,
 * guidance, table labels).  Two reports alike only in that are not alike,
 * and a one-line statutory statement repeated every year is not 雷同.  So
 * before texts are compared:
 *
 *   1. The text is read as characters with white space and control
 *      characters dropped and full-width forms folded (Ａ１，→ A1,).
 *      "Content" characters are the ones that are not punctuation.
 *   2. It is split into sentences after 。！？；!?; and at line ends.
 *   3. A sentence is dropped whole when boiler_statutory() names it, or
 *      when at least BOILER_SENTENCE_CUT % of its content characters are
 *      template wording (a heading, a copied guidance sentence).
 *   4. Template wording inside the sentences kept is cut out: runs of at
 *      least BOILER_MIN_PHRASE content characters covered by
 *      BOILER_TPL_K-character sequences that occur in the template's
 *      wording (its Chinese title, section titles, placeholders,
 *      guidance, block titles, corners and row and column labels) or in
 *      the names of the 条例 and the 信息处理费 办法.  Punctuation between
 *      two cut characters goes with them.
 *
 * What is left is compared by shingles: every run of BOILER_K consecutive
 * content characters (punctuation skipped, so re-punctuating changes
 * nothing), hashed to 64 bits.  The similarity of two texts is the Dice
 * coefficient of their shingle sets, 200·|A∩B| / (|A|+|B|) in whole
 * percent (rounded down); a text with no shingle (under BOILER_K content
 * characters left) is alike nothing, 0.
 *
 * A struct boiler is built once per template and is read-only after:
 * every function here is safe to call from several threads at once.
 */
#ifndef NB_BOILER_H
#define NB_BOILER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tpl.h"

#define BOILER_K		5	/* content characters in a shingle */
#define BOILER_TPL_K		4	/* ... in a template n-gram */
#define BOILER_MIN_PHRASE	6	/* shortest template run cut */
#define BOILER_SENTENCE_CUT	80	/* % of template wording: drop all */

struct boiler;

/* The template's wording (t is not kept).  Caller frees with
 * boiler_free. */
struct boiler	*boiler_new(const struct tpl *t);
void		 boiler_free(struct boiler *);

/*
 * The id of the statutory sentence pattern that sentence matches ("fee",
 * "basis", "period", "contact", "where", "none"), or NULL.  The sentence
 * is folded as in step 1 first; the patterns are keyword sets listed with
 * their sources in boiler.c.  Borrowed static string.
 */
const char	*boiler_statutory(const char *sentence);

/*
 * text with boilerplate removed (steps 1-4): the kept characters, folded,
 * as UTF-8.  Newly allocated; caller frees.  When map is not NULL, *map
 * is set to a newly allocated array (caller frees) of strlen(result) + 1
 * offsets: map[k] is the byte offset in text of the character that byte
 * k of the result came from, and map[strlen(result)] is strlen(text).
 * Invalid UTF-8 in text is skipped.
 */
char		*boiler_strip(const struct boiler *, const char *text,
		    size_t **map);

/*
 * The span of text (the original given to boiler_strip) that bytes
 * [a, b) of the stripped result came from, through its map: from the
 * first character's start to the last one's end, so that the quote
 * includes any wording cut between them.  Sets *oa and *ob.
 */
void		 boiler_span(const char *text, const size_t *map, size_t a,
		    size_t b, size_t *oa, size_t *ob);

/*
 * The hashes of the shingles of s in text order, repeats kept (what a
 * MinHash signature needs, without the sort).  Returns how many; *out is
 * newly allocated (caller frees; NULL when there are none).
 */
size_t		 boiler_hashes(const char *s, uint64_t **out);

/*
 * The shingles of s (normally a stripped text): sorted, without
 * duplicates.  Returns how many; *out is newly allocated (caller frees;
 * NULL when there are none).
 */
size_t		 boiler_shingles(const char *s, uint64_t **out);

/* The Dice similarity, 0..100, of two shingle sets (as returned by
 * boiler_shingles); 0 when either is empty. */
int		 boiler_similarity_sets(const uint64_t *a, size_t na,
		    const uint64_t *b, size_t nb);

/* The same of two texts (normally stripped ones). */
int		 boiler_similarity(const char *a, const char *b);

/*
 * The longest passage the two texts share, compared by content
 * characters (punctuation skipped): byte ranges [*oa, *oa + *la) of a and
 * [*ob, *ob + *lb) of b, each from its first to its last content
 * character.  False when they share no BOILER_K content characters in a
 * row.  Linear in the texts' length for ordinary text.
 */
bool		 boiler_passage(const char *a, const char *b, size_t *oa,
		    size_t *la, size_t *ob, size_t *lb);

#endif
