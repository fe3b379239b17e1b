/*
 * The locale the editor's screen runs in.  Curses draws Chinese only in
 * a UTF-8 locale, and over SSH the environment often names none (LANG
 * unset) or one the server does not have (zh_CN.UTF-8 where `locale -a`
 * shows only C, C.utf8 and POSIX).  The editor starts in a UTF-8
 * LC_CTYPE whatever the environment says: the environment's own if it is
 * UTF-8, else C.UTF-8, else a few common names, else any UTF-8 locale
 * installed under /usr/lib/locale.  The language of the messages does
 * not depend on it (i18n_pick_lang reads the variables themselves).
 */
#ifndef NB_ED_LOCALE_H
#define NB_ED_LOCALE_H

#include <stdbool.h>
#include <stddef.h>

enum ed_locale_how {
	ED_LOCALE_ENV,		/* the environment's locale is UTF-8 */
	ED_LOCALE_FALLBACK,	/* another UTF-8 locale was taken */
	ED_LOCALE_NONE		/* no UTF-8 locale could be set */
};

/*
 * Tries the locale name ("" is the environment's) for LC_CTYPE; true if
 * it is now set and its codeset is UTF-8.
 */
typedef bool	(*ed_locale_try_fn)(const char *name, void *arg);

/*
 * Walks the candidates in order with try: "", C.UTF-8, C.utf8,
 * en_US.UTF-8, zh_CN.UTF-8, then the UTF-8 locales found in the folder
 * dir (NULL: none).  On success the name taken is copied into used
 * (size bytes).  Returns how the locale was found.
 */
enum ed_locale_how ed_locale_choose(ed_locale_try_fn try, void *arg,
		    const char *dir, char *used, size_t size);

/*
 * The real thing: setlocale(LC_ALL, "") (so that the other categories
 * follow the environment where it can), then ed_locale_choose with
 * setlocale(LC_CTYPE) and /usr/lib/locale.
 */
enum ed_locale_how ed_locale_setup(char *used, size_t size);

/* The environment's locale as the user set it (LC_ALL, LC_CTYPE, LANG,
 * the first set), or "" when none is.  Borrowed from the environment. */
const char	*ed_locale_env_name(void);

#endif
