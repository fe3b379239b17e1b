/*
 * What a recovery snapshot holds that the report file does not, in
 * words, for the question asked on opening (ed_recover.c): sections and
 * cells by their labels, from recover_find's list of differences.
 */
#ifndef NB_ED_SNAPDIFF_H
#define NB_ED_SNAPDIFF_H

struct recover_found;
struct tui_app;

/* The question's prompt for snapshot f.  Newly allocated; caller frees. */
char	*ed_snapdiff_prompt(const struct tui_app *,
	    const struct recover_found *f);

#endif
