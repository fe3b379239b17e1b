/* Finding share/nianbao, and what a typed path means; see paths.h. */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "xmalloc.h"

static bool
has_templates(const char *dir)
{
	struct stat	 st;
	char		*t = xasprintf("%s/templates", dir);
	bool		 ok = stat(t, &st) == 0 && S_ISDIR(st.st_mode);

	free(t);
	return (ok);
}

char *
paths_datadir(void)
{
	char		 exe[PATH_MAX], *slash, *dir;
	const char	*env = getenv("NIANBAO_DATADIR");
	ssize_t		 n;

	if (env != NULL && *env != '\0')
		return (xstrdup(env));
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/../share/nianbao", exe);
			if (has_templates(dir))
				return (dir);
			free(dir);
		}
	}
	return (xstrdup(NB_INSTALL_DATADIR));
}

char *
paths_expand(const char *s)
{
	const char	*home = getenv("HOME");

	if (s[0] == '~' && s[1] == '/' && home != NULL && *home != '\0')
		return (xasprintf("%s%s", home, s + 1));
	return (xstrdup(s));
}
