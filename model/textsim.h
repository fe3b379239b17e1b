/*
 * How alike two texts are, as a reviewer compares a section with last
 * year's (rule kind text_prev_similar): the Dice coefficient of their
 * multisets of adjacent character pairs, white space and punctuation left
 * out, so that re-wrapping or re-punctuating a text changes nothing.
 */
#ifndef NB_TEXTSIM_H
#define NB_TEXTSIM_H

/*
 * 0 to 100: 100 for the same words; two texts with fewer than two
 * counted characters each are 100 if equal that way, else 0.  Linear in
 * memory, n log n in time.  a and b are UTF-8 (invalid bytes are left
 * out).
 */
int	textsim_percent(const char *a, const char *b);

#endif
