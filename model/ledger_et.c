/*
 * .et through LibreOffice; see ledger_et.h.  One child process, its
 * output thrown away, watched with a deadline; the temporary folder
 * (profile and result) is removed recursively afterwards.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fsio.h"
#include "ledger.h"
#include "ledger_et.h"
#include "xmalloc.h"

extern char **environ;

/* The first of soffice, libreoffice on PATH; newly allocated or NULL. */
static char *
find_office(void)
{
	static const char *const names[] = { "soffice", "libreoffice", NULL };
	const char	*path = getenv("PATH");
	char		*dirs, *dir, *save, *exe;
	int		 i;

	if (path == NULL || *path == '\0')
		return (NULL);
	for (i = 0; names[i] != NULL; i++) {
		dirs = xstrdup(path);
		for (dir = strtok_r(dirs, ":", &save); dir != NULL;
		    dir = strtok_r(NULL, ":", &save)) {
			exe = xasprintf("%s/%s", *dir ? dir : ".", names[i]);
			if (access(exe, X_OK) == 0) {
				free(dirs);
				return (exe);
			}
			free(exe);
		}
		free(dirs);
	}
	return (NULL);
}

static int
rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(p);
	return (0);
}

/* Waits for pid up to LEDGER_ET_TIMEOUT seconds; false on timeout. */
static bool
wait_child(pid_t pid, int *status)
{
	struct timespec	 nap = { 0, 50 * 1000 * 1000 };
	time_t		 end = time(NULL) + LEDGER_ET_TIMEOUT;
	pid_t		 w;

	for (;;) {
		w = waitpid(pid, status, WNOHANG);
		if (w == pid || (w < 0 && errno != EINTR))
			return (true);
		if (time(NULL) > end) {
			kill(pid, SIGKILL);
			waitpid(pid, status, 0);
			return (false);
		}
		nanosleep(&nap, NULL);
	}
}

/* Runs LibreOffice on path with output in dir; false with *err. */
static bool
convert(const char *office, const char *path, const char *dir,
    struct err *err)
{
	posix_spawn_file_actions_t	 fa;
	char				*profile, *argv[10], secs[16];
	pid_t				 pid;
	int				 st = 0, rc;
	bool				 done;

	profile = xasprintf("-env:UserInstallation=file://%s/profile", dir);
	argv[0] = (char *)office;
	argv[1] = (char *)"--headless";
	argv[2] = (char *)"--norestore";
	argv[3] = profile;
	argv[4] = (char *)"--convert-to";
	argv[5] = (char *)"xlsx";
	argv[6] = (char *)"--outdir";
	argv[7] = (char *)dir;
	argv[8] = (char *)path;
	argv[9] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, office, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	free(profile);
	if (rc != 0) {
		err_set(err, path, 0, 0, "ledger.e_et_no_office", 0);
		return (false);
	}
	done = wait_child(pid, &st);
	if (!done) {
		snprintf(secs, sizeof secs, "%d", LEDGER_ET_TIMEOUT);
		err_set(err, path, 0, 0, "ledger.e_et_timeout", 1, secs);
		return (false);
	}
	return (true);
}

/* "DIR/NAME.xlsx" for input "…/NAME.et". */
static char *
out_name(const char *dir, const char *path)
{
	const char	*base = strrchr(path, '/');
	const char	*dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	return (xasprintf("%s/%.*s.xlsx", dir,
	    (int)(dot && dot != base ? dot - base : (int)strlen(base)), base));
}

char *
ledger_et_to_xlsx(const char *path, size_t *len, struct err *err)
{
	const char	*tmp = getenv("TMPDIR");
	char		*office, *dir, *out, *buf = NULL;
	struct err	 e2 = { 0 };

	if ((office = find_office()) == NULL) {
		err_set(err, path, 0, 0, "ledger.e_et_no_office", 0);
		return (NULL);
	}
	dir = xasprintf("%s/nianbao-et-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		err_set(err, dir, 0, 0, "file.open", 1, strerror(errno));
		free(dir);
		free(office);
		return (NULL);
	}
	if (convert(office, path, dir, err)) {
		out = out_name(dir, path);
		buf = fsio_read_file(out, LEDGER_MAX_FILE, len, &e2);
		if (buf == NULL)
			err_set(err, path, 0, 0, "ledger.e_et_convert", 0);
		err_clear(&e2);
		free(out);
	}
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
	free(office);
	return (buf);
}
