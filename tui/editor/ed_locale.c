/*
 * Choosing the screen's locale (see ed_locale.h): an ordered list of
 * names, then the folder of installed locales, each tried through a
 * function so that tests can stand in for setlocale(3).
 */
#include <dirent.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ed_locale.h"

static const char *const common[] = {
	"", "C.UTF-8", "C.utf8", "en_US.UTF-8", "zh_CN.UTF-8", NULL
};

static void
copy_name(const char *name, char *used, size_t size)
{
	if (size > 0)
		snprintf(used, size, "%s", name);
}

/* Whether a folder entry names a UTF-8 locale ("xx_YY.utf8"). */
static bool
utf8_name(const char *n)
{
	const char	*dot = strrchr(n, '.');

	return (dot != NULL && (strcasecmp(dot, ".utf8") == 0 ||
	    strcasecmp(dot, ".utf-8") == 0));
}

/* The first UTF-8 locale of dir that try accepts. */
static bool
from_dir(ed_locale_try_fn try, void *arg, const char *dir, char *used,
    size_t size)
{
	DIR		*d;
	struct dirent	*e;
	bool		 ok = false;

	if (dir == NULL || (d = opendir(dir)) == NULL)
		return (false);
	while (!ok && (e = readdir(d)) != NULL)
		if (utf8_name(e->d_name) && try(e->d_name, arg)) {
			copy_name(e->d_name, used, size);
			ok = true;
		}
	closedir(d);
	return (ok);
}

enum ed_locale_how
ed_locale_choose(ed_locale_try_fn try, void *arg, const char *dir,
    char *used, size_t size)
{
	size_t	i;

	copy_name("", used, size);
	for (i = 0; common[i] != NULL; i++)
		if (try(common[i], arg)) {
			copy_name(common[i], used, size);
			return (i == 0 ? ED_LOCALE_ENV : ED_LOCALE_FALLBACK);
		}
	if (from_dir(try, arg, dir, used, size))
		return (ED_LOCALE_FALLBACK);
	return (ED_LOCALE_NONE);
}

static bool
try_setlocale(const char *name, void *arg)
{
	(void)arg;
	if (setlocale(LC_CTYPE, name) == NULL)
		return (false);
	return (strcmp(nl_langinfo(CODESET), "UTF-8") == 0);
}

enum ed_locale_how
ed_locale_setup(char *used, size_t size)
{
	setlocale(LC_ALL, "");
	return (ed_locale_choose(try_setlocale, NULL, "/usr/lib/locale", used,
	    size));
}

const char *
ed_locale_env_name(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return (v);
	return ("");
}
