/*
 * Label normalisation: the key under which a printed label is compared
 * with a template label.  Two labels match when their keys are equal; a
 * label that merely resembles one (a garbled or reworded variant) is
 * found with labelnorm_similarity and is always reported as such.
 *
 * The key of a string is, in this order:
 *   - artefacts of document converters removed: "[bookmark: _GoBack]"
 *     and any other "[bookmark: ...]";
 *   - NFKC (full-width brackets, digits, letters and spaces become their
 *     ASCII forms: "（六）" -> "(六)", "１" -> "1", "，" -> ",");
 *   - every white space removed (ASCII, U+3000, NBSP, zero-width spaces),
 *     and the quotation marks “ ” " ‘ ’ ' 「 」 『 』 removed;
 *   - "、" written as "," (labels use 、 and ， alike between items);
 *   - a leading item number "1、" "1," "1．" "1." written as "1.";
 *   - ASCII letters in lower case;
 *   - trailing "。", ":", ";" removed.
 * So "（二） 部分公开（区分处理的, 只计这一情形）" and
 * "(二)部分公开(区分处理的,只计这一情形)" have the same key, and
 * "1、申请人…" and "1. 申请人…" too.
 *
 * Keys are UTF-8.  Nothing here keeps state; every function is safe to
 * call from several threads.
 */
#ifndef NB_LABELNORM_H
#define NB_LABELNORM_H

#include <stdbool.h>
#include <stddef.h>

/* The key of s.  Newly allocated; caller frees. */
char	*labelnorm_key(const char *s);

/* s with "[bookmark: ...]" artefacts removed, otherwise unchanged.
 * Newly allocated; caller frees. */
char	*labelnorm_strip_artefacts(const char *s);

/* True when s contains a "[bookmark: ...]" artefact. */
bool	 labelnorm_has_artefact(const char *s);

/*
 * How alike two keys are, 0..100: twice the length of their longest
 * common subsequence of code points over the sum of their lengths.
 * Equal keys give 100; "2.其他法律行政止公开" against
 * "2.其他法律行政法规禁止公开" gives about 90.
 */
int	 labelnorm_similarity(const char *ka, const char *kb);

/*
 * Splits a leading heading number off a key: "一、", "(一)", "1.",
 * "第一部分", "第一章" (Chinese numerals 一 to 十九 or digits).  Returns
 * the number (1..99) and sets *rest to the key after it (and after a
 * following "、" or "."), or returns 0 and sets *rest to key when there is
 * none.  *style is set to 'c' for 一、, 'p' for (一), 'd' for 1. and 's'
 * for 第…部分/章.
 */
int	 labelnorm_number(const char *key, const char **rest, char *style);

/*
 * Finds pat in s as the key compares text: white space and quotation
 * marks inside the match are skipped, full-width ASCII is ASCII, letters
 * in either case ("一、总体情况" is found in "…事项。一、 总体情况2024年").
 * The match starts at a character of pat's first.  Sets [*start, *end)
 * to the bytes of s matched and returns true, or returns false.
 */
bool	 labelnorm_find(const char *s, const char *pat, size_t *start,
	    size_t *end);

/* Code points in a UTF-8 string. */
size_t	 labelnorm_length(const char *s);

#endif
