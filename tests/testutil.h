/*
 * Helpers shared by the test suites: temp folders, running the real
 * nianbao binary with arguments and capturing its output and exit code,
 * reading files.
 */
#ifndef NB_TESTUTIL_H
#define NB_TESTUTIL_H

#include <stddef.h>
#include <sys/types.h>

/* A fresh empty folder under $TMPDIR (else /tmp); newly allocated path,
 * caller frees.  It is removed with everything in it when the process
 * that made it exits (at the end of the test); tu_rmtree removes it
 * sooner. */
char	*tu_tmpdir(void);
/* Newly allocated "dir/name". */
char	*tu_path(const char *dir, const char *name);
/* Whole file, NUL-terminated, or NULL; *len may be NULL. Caller frees. */
char	*tu_read(const char *path, size_t *len);
void	 tu_write(const char *path, const char *text);
/* Removes path and everything below it (symlinks not followed). */
void	 tu_rmtree(const char *path);

struct tpl;
/*
 * The templates of the source tree (every .yaml in templates/) into *out; how many.
 * None on any problem, which is printed.
 */
size_t	 tu_templates(struct tpl ***out);
void	 tu_templates_free(struct tpl **, size_t n);
/*
 * The source tree's templates/ID.yaml ("gb2021"), loaded.  Prints the
 * template's errors and aborts the test when it does not load.  Caller
 * frees with tpl_free.
 */
struct tpl	*tu_tpl(const char *id);
/* T[0] = gb2021, T[1] = gb2019 (tu_tpl); free with tu_tpl_pair_free. */
void	 tu_tpl_pair(struct tpl *T[2]);
void	 tu_tpl_pair_free(struct tpl *T[2]);

struct tu_run {
	int	 status;	/* exit code, or 128+signal */
	char	*out;		/* stdout, NUL-terminated */
	char	*err;		/* stderr, NUL-terminated */
};
/*
 * Runs NB_BIN with the NULL-terminated argv (argv[0] is not included),
 * stdin from /dev/null, LANG=C.UTF-8 unless env_lang is given.
 */
void	 tu_nianbao(struct tu_run *r, const char *lang, const char *const *argv);
/* The same with the child's stdout on out_fd (out_fd -1: closed); r->out
 * is then empty.  tu_nianbao is out_fd -2: a pipe read into r->out. */
void	 tu_nianbao_to(struct tu_run *r, const char *lang, int out_fd,
	    const char *const *argv);
/* Reads child pid's stdout (out) and stderr (err) together, so that
 * neither can fill its pipe while the other is read, until both close;
 * closes them, waits for the child and sets r. */
void	 tu_run_read(struct tu_run *r, pid_t pid, int out, int err);
void	 tu_run_free(struct tu_run *r);

#endif
