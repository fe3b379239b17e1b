/*
 * Every visible string comes from ICU resource bundles assembled from
 * the fragments in i18n/zh (root: Chinese, the default) and i18n/en
 * (i18n/README.md) and compiled into share/nianbao/i18n/NAME.res.  A
 * message is looked up by its id (keys are the msgid with '.' kept, e.g.
 * "num.e_char") and formatted with ICU MessageFormat ({0}, {1}, ...).  A missing id formats as the id itself
 * followed by its arguments, so nothing is ever silently dropped.
 */
#ifndef NB_I18N_H
#define NB_I18N_H

#include <stdbool.h>

#include "err.h"
#include "tpl.h"

struct i18n;

/*
 * The language to use: "en" or "zh" from override (a --lang value) if not
 * NULL, else from LC_ALL, LC_MESSAGES, LANG (in that order; the first set
 * one decides: "en..." is English, anything else Chinese).
 */
enum lang	 i18n_pick_lang(const char *override);

/* Opens the bundles in datadir/i18n.  Never fails: without bundles every
 * message formats as its id.  Caller frees with i18n_close. */
struct i18n	*i18n_open(const char *datadir, enum lang);
void		 i18n_close(struct i18n *);
enum lang	 i18n_lang(const struct i18n *);

/* Newly allocated; caller frees. */
char		*i18n_fmt(const struct i18n *, const char *msgid, int nargs,
		    const char *const *args);
/* Convenience: up to 4 string args, NULL-terminated list not needed. */
char		*i18n_fmt0(const struct i18n *, const char *msgid);
char		*i18n_fmt1(const struct i18n *, const char *msgid, const char *);
char		*i18n_fmt2(const struct i18n *, const char *msgid, const char *,
		    const char *);
/* "path:line:col: message" (parts omitted when unknown); an argument
 * that is the C library's text for a common system error (not found,
 * permission, disk full...) is said in the bundle's language.  Newly
 * allocated; caller frees. */
char		*i18n_err(const struct i18n *, const struct err *);

#endif
