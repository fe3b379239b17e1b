/*
 * Test helpers; see testutil.h.  Every folder tu_tmpdir makes is noted
 * with the process that made it, and removed when that process exits
 * (atexit: criterion runs each test in a process of its own that exits
 * normally after the test, passed or failed), so that no suite leaves
 * files behind even when an assertion stops a test half way.  A forked
 * child that exits leaves its parent's folders alone.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* nftw */
#endif
#include <errno.h>
#include <ftw.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "testutil.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"
#include "sbuf.h"

static struct made {
	char	*path;
	pid_t	 pid;
}		*made;
static size_t	 nmade;

/* Removes the folders this process made (atexit). */
static void
remove_made(void)
{
	size_t	i;

	for (i = 0; i < nmade; i++) {
		if (made[i].pid == getpid())
			tu_rmtree(made[i].path);
		free(made[i].path);
	}
	free(made);
	made = NULL;
	nmade = 0;
}

char *
tu_tmpdir(void)
{
	const char	*base = getenv("TMPDIR");
	char		*tmpl;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	tmpl = xasprintf("%s/nbtest.XXXXXX", base);
	if (mkdtemp(tmpl) == NULL) {
		fprintf(stderr, "cannot make %s: %s\n", tmpl, strerror(errno));
		abort();
	}
	if (nmade == 0 && made == NULL)
		atexit(remove_made);
	made = xreallocarray(made, nmade + 1, sizeof *made);
	made[nmade].path = xstrdup(tmpl);
	made[nmade++].pid = getpid();
	return (tmpl);
}

char *
tu_path(const char *dir, const char *name)
{
	return (xasprintf("%s/%s", dir, name));
}

char *
tu_read(const char *path, size_t *len)
{
	FILE		*f;
	struct sbuf	 b;
	char		 buf[8192];
	size_t		 n;

	if ((f = fopen(path, "rb")) == NULL)
		return (NULL);
	sbuf_init(&b);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_add(&b, buf, n);
	fclose(f);
	if (len != NULL)
		*len = b.len;
	return (sbuf_take(&b));
}

void
tu_write(const char *path, const char *text)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL)
		abort();
	fputs(text, f);
	fclose(f);
}

/*
 * See testutil.h.  A child still running after TU_RUN_MAX_S seconds is
 * killed: the test then fails on its status (137) with what it wrote,
 * not on ctest's timeout.
 */
#define TU_RUN_MAX_S	300

void
tu_run_read(struct tu_run *r, pid_t pid, int out, int err)
{
	struct pollfd	 pfd[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
	struct sbuf	 b[2];
	char		 buf[8192];
	ssize_t		 n;
	time_t		 end = time(NULL) + TU_RUN_MAX_S;
	int		 i, st = 0, open = 2;

	sbuf_init(&b[0]);
	sbuf_init(&b[1]);
	while (open > 0) {
		if (time(NULL) > end) {
			kill(pid, SIGKILL);
			end = time(NULL) + TU_RUN_MAX_S;
		}
		if (poll(pfd, 2, 1000) < 0 && errno != EINTR)
			break;
		for (i = 0; i < 2; i++) {
			if (pfd[i].fd < 0 || pfd[i].revents == 0)
				continue;
			if ((n = read(pfd[i].fd, buf, sizeof buf)) > 0) {
				sbuf_add(&b[i], buf, (size_t)n);
				continue;
			}
			if (n < 0 && errno == EINTR)
				continue;
			close(pfd[i].fd);
			pfd[i].fd = -1;
			open--;
		}
	}
	for (i = 0; i < 2; i++)
		if (pfd[i].fd >= 0)
			close(pfd[i].fd);
	r->out = sbuf_take(&b[0]);
	r->err = sbuf_take(&b[1]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

void
tu_nianbao(struct tu_run *r, const char *lang, const char *const *argv)
{
	tu_nianbao_to(r, lang, -2, argv);
}

void
tu_nianbao_to(struct tu_run *r, const char *lang, int out_fd,
    const char *const *argv)
{
	int		 out[2], err[2], n = 0;
	pid_t		 pid;
	const char	*args[64];

	args[n++] = NB_BIN;
	while (argv[n - 1] != NULL && n < 63) {
		args[n] = argv[n - 1];
		n++;
	}
	args[n] = NULL;
	if (pipe(out) != 0 || pipe(err) != 0)
		abort();
	pid = fork();
	if (pid == 0) {
		int devnull = open("/dev/null", O_RDONLY);
		dup2(devnull, 0);
		if (out_fd >= 0)
			dup2(out_fd, 1);
		else if (out_fd == -1)
			close(1);
		else
			dup2(out[1], 1);
		dup2(err[1], 2);
		close(out[0]);
		close(err[0]);
		if (out[1] > 2)
			close(out[1]);
		if (err[1] > 2)
			close(err[1]);
		setenv("LANG", lang != NULL ? lang : "C.UTF-8", 1);
		unsetenv("LC_ALL");
		unsetenv("LC_MESSAGES");
		unsetenv("LANGUAGE");
		execv(NB_BIN, (char *const *)args);
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	tu_run_read(r, pid, out[0], err[0]);
}

void
tu_run_free(struct tu_run *r)
{
	free(r->out);
	free(r->err);
}

/* Opens every folder to its owner, so that tests that took the rights
 * away (chmod 0) do not keep their files when not run as root. */
static int
open_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)f;
	if (flag == FTW_D || flag == FTW_DNR)
		chmod(path, (st->st_mode & 07777) | 0700);
	return (0);
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	/* A file system a test mounted and left there (it failed first). */
	if (remove(path) != 0 && errno == EBUSY && umount2(path,
	    MNT_DETACH) == 0)
		remove(path);
	return (0);
}

void
tu_rmtree(const char *path)
{
	nftw(path, open_entry, 8, FTW_PHYS | FTW_MOUNT);
	nftw(path, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* Prints each error of a load. */
static void
print_errs(const struct errlist *errs)
{
	size_t	i;

	for (i = 0; i < errs->n; i++)
		fprintf(stderr, "%s:%d:%d: %s %s\n", errs->v[i].path ?
		    errs->v[i].path : "?", errs->v[i].line, errs->v[i].col,
		    errs->v[i].msgid, errs->v[i].nargs > 0 ? errs->v[i].args[0] :
		    "");
}

struct tpl *
tu_tpl(const char *id)
{
	struct errlist	 errs;
	struct tpl	*t;
	char		*path = xasprintf("%s/templates/%s.yaml", NB_SOURCE_DIR,
			    id);

	errlist_init(&errs);
	t = tpl_load(path, &errs);
	print_errs(&errs);
	errlist_done(&errs);
	if (t == NULL) {
		fprintf(stderr, "%s did not load\n", path);
		abort();
	}
	free(path);
	return (t);
}

void
tu_tpl_pair(struct tpl *T[2])
{
	T[0] = tu_tpl("gb2021");
	T[1] = tu_tpl("gb2019");
}

void
tu_tpl_pair_free(struct tpl *T[2])
{
	tpl_free(T[0]);
	tpl_free(T[1]);
	T[0] = T[1] = NULL;
}

size_t
tu_templates(struct tpl ***out)
{
	struct errlist	errs;
	size_t		n;

	errlist_init(&errs);
	n = tpl_load_dir(NB_SOURCE_DIR "/templates", out, &errs);
	print_errs(&errs);
	errlist_done(&errs);
	return (n);
}

void
tu_templates_free(struct tpl **t, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		tpl_free(t[i]);
	free(t);
}
