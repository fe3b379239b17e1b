/*
 * What a recovery snapshot holds that the report file does not, in
 * words, for the question asked on opening (ed_recover.c): sections and
 * cells by their labels, from snapshot_find's list of differences.
 */
#ifndef NB_ED_SNAPDIFF_H
#define NB_ED_SNAPDIFF_H

struct snapshot_found;
struct tui_app;

/* The question's prompt for snapshot f.  Newly allocated; caller frees. */
char	*ed_snapdiff_prompt(const struct tui_app *,
	    const struct snapshot_found *f);

#endif
