/*
 * Where nianbao's data lives: templates/ and i18n/ under share/nianbao,
 * found next to the running binary (<exe>/../share/nianbao, which holds in
 * the build tree and after `cmake --install`), falling back to the install
 * prefix compiled in.  No environment variable is needed; NIANBAO_DATADIR
 * overrides it for tests of a relocated data folder.  Also: what a path
 * typed by the user means.
 */
#ifndef NB_PATHS_H
#define NB_PATHS_H

/* Newly allocated; caller frees. */
char	*paths_datadir(void);

/*
 * A path as a clerk types it: "~/x" is x in the home folder ($HOME; the
 * path unchanged without one); anything else is taken as it is.  Newly
 * allocated; caller frees.
 */
char	*paths_expand(const char *typed);

/*
 * The helper program name (nianbao-pdftext), found the same way under
 * libexec/nianbao: next to the running binary, else under the install
 * prefix; the environment variable env, if set and not empty, names it
 * instead.  Newly allocated; caller frees.
 */
char	*paths_helper(const char *name, const char *env);

#endif
