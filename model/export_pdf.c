/*
 * PDF through LibreOffice; see export_pdf.h.  The steps, each undone by
 * the cleanup at the end whatever fails: a private folder, the .docx in
 * it, LibreOffice in its own process group (so that a timeout can stop
 * it and the helpers it starts, and nothing else), the PDF read back and
 * written atomically to the destination, the folder removed.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "export_docx.h"
#include "export_pdf.h"
#include "fsio.h"
#include "sbuf.h"
#include "text.h"
#include "xmalloc.h"

extern char **environ;

#define MAX_PDF	(512u * 1024 * 1024)

/* Whether dir/name is an executable regular file. */
static bool
executable(const char *dir, size_t dlen, const char *name)
{
	struct stat	 st;
	char		*p;
	bool		 ok;

	p = xasprintf("%.*s/%s", (int)dlen, dlen ? dir : ".", name);
	ok = stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, X_OK) == 0;
	free(p);
	return (ok);
}

const char *
export_pdf_office(void)
{
	static const char *const names[] = { "soffice", "libreoffice" };
	const char		*path = getenv("PATH"), *p, *end;
	size_t			 i;

	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		for (p = path; *p != '\0'; p = end + (*end != '\0')) {
			end = p + strcspn(p, ":");
			if (end > p && executable(p, (size_t)(end - p),
			    names[i]))
				return (names[i]);
		}
	return (NULL);
}

static int
remove_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	remove(p);
	return (0);
}

/* "file://" URL of an absolute path, percent-encoded. */
static char *
file_url(const char *path)
{
	struct sbuf		 b;
	const unsigned char	*s;

	sbuf_init(&b);
	sbuf_adds(&b, "file://");
	for (s = (const unsigned char *)path; *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("/-._~", *s) != NULL)
			sbuf_addc(&b, (char)*s);
		else
			sbuf_addf(&b, "%%%02X", *s);
	return (sbuf_take(&b));
}

/* The environment with FONTCONFIG_FILE=conf in place of any other.
 * Newly allocated array; the one string it adds is *own. */
static char **
env_with(const char *conf, char **own)
{
	size_t	 n = 0, i, k = 0;
	char	**env;

	while (environ[n] != NULL)
		n++;
	env = xcalloc(n + 2, sizeof *env);
	for (i = 0; i < n; i++)
		if (strncmp(environ[i], "FONTCONFIG_FILE=", 16) != 0)
			env[k++] = environ[i];
	*own = xasprintf("FONTCONFIG_FILE=%s", conf);
	env[k] = *own;
	return (env);
}

/* Starts LibreOffice on dir/report.docx; output to dir/soffice.log. */
static bool
spawn(const char *office, const char *dir, pid_t *pid, struct err *err)
{
	posix_spawn_file_actions_t	 fa;
	posix_spawnattr_t		 at;
	char				*log = xasprintf("%s/soffice.log", dir);
	char				*in = xasprintf("%s/report.docx", dir);
	char				*prof = xasprintf("%s/profile", dir);
	char				*url = file_url(prof);
	char				*envv = xasprintf("-env:UserInstallation=%s",
	    url);
	char				*conf = xasprintf("%s/fonts.conf", dir);
	char				*fcenv, **env = env_with(conf, &fcenv);
	char				*argv[] = { (char *)office, "--headless",
	    "--norestore", "--nologo", "--nodefault", "--nolockcheck", envv,
	    "--convert-to", "pdf", "--outdir", (char *)dir, in, NULL };
	int				 rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, log,
	    O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&at, 0);
	rc = posix_spawnp(pid, office, &fa, &at, argv, env);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	free(log);
	free(in);
	free(prof);
	free(url);
	free(env);
	free(conf);
	free(fcenv);
	free(envv);
	if (rc != 0)
		err_set(err, NULL, 0, 0, "pdf.spawn", 1, strerror(rc));
	return (rc == 0);
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* Waits for pid; kills its process group after the timeout. */
static bool
wait_office(pid_t pid, int *status, struct err *err)
{
	const struct timespec	 tick = { 0, 20 * 1000 * 1000 };
	double			 end = now() + EXPORT_PDF_TIMEOUT;
	pid_t			 w;
	char			 secs[16];

	for (;;) {
		w = waitpid(pid, status, WNOHANG);
		if (w == pid)
			return (true);
		if (w < 0 && errno != EINTR)
			break;
		if (now() > end)
			break;
		nanosleep(&tick, NULL);
	}
	kill(-pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	snprintf(secs, sizeof secs, "%d", EXPORT_PDF_TIMEOUT);
	err_set(err, NULL, 0, 0, "pdf.timeout", 1, secs);
	return (false);
}

/* The last non-empty line LibreOffice printed, cleaned for a terminal. */
static char *
last_line(const char *dir)
{
	char		*p = xasprintf("%s/soffice.log", dir), *buf, *line;
	const char	*s, *e;
	size_t		 len;
	struct err	 e2 = { 0 };

	buf = fsio_read_file(p, 1 << 20, &len, &e2);
	free(p);
	err_clear(&e2);
	if (buf == NULL)
		return (xstrdup(""));
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' ||
	    buf[len - 1] == ' '))
		len--;
	e = buf + len;
	for (s = e; s > buf && s[-1] != '\n'; s--)
		;
	line = text_sanitize(s, (size_t)(e - s), false);
	free(buf);
	return (line);
}

/* Runs the conversion in dir; fills *pdf and *len on success. */
static char *
convert(const char *office, const char *dir, size_t *len, struct err *err)
{
	char		*out, *msg, *pdf;
	char		 how[32];
	pid_t		 pid;
	int		 st;

	if (!spawn(office, dir, &pid, err) || !wait_office(pid, &st, err))
		return (NULL);
	out = xasprintf("%s/report.pdf", dir);
	pdf = NULL;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		pdf = fsio_read_file(out, MAX_PDF, len, err);
	free(out);
	if (pdf != NULL)
		return (pdf);
	if (WIFEXITED(st))
		snprintf(how, sizeof how, "exit %d", WEXITSTATUS(st));
	else
		snprintf(how, sizeof how, "signal %d", WTERMSIG(st));
	msg = last_line(dir);
	err_set(err, NULL, 0, 0, "pdf.failed", 2, how, msg);
	free(msg);
	return (NULL);
}

/* The private folder, or NULL with *err set. */
static char *
private_dir(struct err *err)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	dir = xasprintf("%s/nianbao-pdf-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		err_set(err, NULL, 0, 0, "pdf.tmp", 1, strerror(errno));
		free(dir);
		return (NULL);
	}
	return (dir);
}

/* Writes data into dir as name. */
static bool
put_file(const char *dir, const char *name, const void *data, size_t len,
    struct err *err)
{
	char	*in = xasprintf("%s/%s", dir, name), *why;
	bool	 ok;

	if (!(ok = fsio_write_atomic(in, data, len, 0600, err))) {
		why = xstrdup(err->nargs > 1 ? err->args[1] : "");
		err_set(err, NULL, 0, 0, "pdf.tmp", 1, why);
		free(why);
	}
	free(in);
	return (ok);
}

/* Writes the font configuration for fm into dir. */
static bool
put_fonts(const char *dir, const struct fontmap *fm, struct err *err)
{
	char	*conf = fontmap_conf(fm);
	bool	 ok = put_file(dir, "fonts.conf", conf, strlen(conf), err);

	free(conf);
	return (ok);
}

bool
export_docx_pdf(const struct report *r, const char *path, struct err *err)
{
	return (export_docx_pdf_fonts(r, path, NULL, NULL, err));
}

bool
export_docx_pdf_fonts(const struct report *r, const char *path,
    const char *fontdir, struct fontmap *used, struct err *err)
{
	const char	*office = export_pdf_office();
	char		*dir = NULL, *pdf = NULL;
	void		*docx = NULL;
	size_t		 len = 0;
	bool		 ok = false;
	struct fontmap	 fm;

	fontmap_init(&fm, fontdir);
	if (office == NULL)
		err_set(err, NULL, 0, 0, "pdf.no_office", 1,
		    EXPORT_PDF_INSTALL);
	else if ((docx = export_docx_package(r, &len, err)) != NULL &&
	    (dir = private_dir(err)) != NULL &&
	    put_file(dir, "report.docx", docx, len, err) &&
	    put_fonts(dir, &fm, err) &&
	    (pdf = convert(office, dir, &len, err)) != NULL)
		ok = fsio_write_atomic(path, pdf, len, 0644, err);
	if (used != NULL)
		*used = fm;
	else
		fontmap_done(&fm);
	if (dir != NULL)
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	if (!ok) {
		free(err->path);
		err->path = xstrdup(path);
	}
	free(dir);
	free(pdf);
	free(docx);
	return (ok);
}
