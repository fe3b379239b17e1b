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

/* The folder of the running binary, or NULL.  Newly allocated. */
static char *
exe_dir(void)
{
	char	exe[PATH_MAX], *slash;
	ssize_t	n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return (NULL);
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return (NULL);
	*slash = '\0';
	return (xstrdup(exe));
}

char *
paths_datadir(void)
{
	char		*exe, *dir;
	const char	*env = getenv("NIANBAO_DATADIR");

	if (env != NULL && *env != '\0')
		return (xstrdup(env));
	if ((exe = exe_dir()) != NULL) {
		dir = xasprintf("%s/../share/nianbao", exe);
		free(exe);
		if (has_templates(dir))
			return (dir);
		free(dir);
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

char *
paths_helper(const char *name, const char *env)
{
	const char	*e = env != NULL ? getenv(env) : NULL;
	char		*exe, *path;

	if (e != NULL && *e != '\0')
		return (xstrdup(e));
	if ((exe = exe_dir()) != NULL) {
		path = xasprintf("%s/../libexec/nianbao/%s", exe, name);
		free(exe);
		if (access(path, X_OK) == 0)
			return (path);
		free(path);
	}
	return (xasprintf("%s/%s", NB_INSTALL_LIBEXECDIR, name));
}
