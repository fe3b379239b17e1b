/*
 * An LD_PRELOAD allocator that fails on purpose, for tests/test_oom.c.
 *
 * malloc, calloc, realloc, reallocarray and the aligned allocators are
 * counted from the moment main() is entered (the wrapper of
 * __libc_start_main turns counting on; what the loader and the
 * libraries' constructors allocate is not counted and never fails).
 * Each counted call takes the next number, 1, 2, ...; the memory itself
 * comes from glibc's __libc_* allocator, so free() needs no wrapper.
 * glibc's own functions (strdup, vasprintf, fopen, ...) and C++ operator
 * new call malloc through the PLT and are counted too.
 *
 * Environment, read once when main is entered:
 *	NB_FAIL_AFTER=N		the N-th counted call returns NULL (ENOMEM);
 *				unset or 0: nothing fails
 *	NB_FAIL_PERSIST=1	every call after the N-th fails as well
 *	NB_FAIL_SIGNAL=1	counting starts when SIGUSR1 arrives instead
 *				(for the editor, whose allocations depend on
 *				timing: the test arms the failure when it
 *				wants the next key to run out of memory)
 *	NB_FAIL_LOG=path	a line "fail N" is appended when a call is
 *				made to fail, and "count C" (how many calls
 *				were counted) at a normal exit; a process
 *				ending in _exit or a signal writes no count
 *
 *	NB_FAIL_SERVE=IN,OUT	a run server (test_oom's fast plan): main is
 *				not run at once; for each request line "N P"
 *				read from fd IN, a child is forked at main()'s
 *				entry, with NB_FAIL_AFTER=N and NB_FAIL_PERSIST=P
 *				and its stdout and stderr on the files
 *				NB_FAIL_OUT and NB_FAIL_ERR (truncated); its
 *				status (exit code or 128 + signal) is written
 *				to fd OUT as a line.  End of input ends the
 *				server.  A child is the process a fresh exec
 *				would have been at main() (same arguments,
 *				environment and open files, nothing counted,
 *				nothing buffered): only the loader's and the
 *				constructors' work is shared
 *
 * A call made to fail writes nothing but that log line: write(2) only,
 * no allocation, so the shim never recurses.  Counting is atomic, so
 * threads share one sequence (its order between threads is not
 * deterministic, the tests use single-threaded commands).
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void	*__libc_malloc(size_t);
void	*__libc_calloc(size_t, size_t);
void	*__libc_realloc(void *, size_t);
void	*__libc_memalign(size_t, size_t);

static int		 counting;
static unsigned long	 fail_at;
static int		 persist;
static const char	*log_path;
static unsigned long	 calls;

/* Appends one line to the log with write(2) only. */
static void
log_line(const char *what, unsigned long n)
{
	char	 buf[64];
	int	 fd, len;

	if (log_path == NULL)
		return;
	len = snprintf(buf, sizeof buf, "%s %lu\n", what, n);
	if ((fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
	    0600)) < 0)
		return;
	if (write(fd, buf, (size_t)len) < 0)
		len = 0;
	close(fd);
}

/* Whether this call must fail; counts it. */
static int
must_fail(void)
{
	unsigned long	n;

	if (!__atomic_load_n(&counting, __ATOMIC_RELAXED))
		return (0);
	n = __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
	if (fail_at == 0 || n < fail_at || (n > fail_at && !persist))
		return (0);
	log_line("fail", n);
	errno = ENOMEM;
	return (1);
}

void *
malloc(size_t size)
{
	return (must_fail() ? NULL : __libc_malloc(size));
}

void *
calloc(size_t n, size_t size)
{
	return (must_fail() ? NULL : __libc_calloc(n, size));
}

void *
realloc(void *p, size_t size)
{
	/* realloc(p, 0) frees: nothing to fail. */
	if (p != NULL && size == 0)
		return (__libc_realloc(p, 0));
	return (must_fail() ? NULL : __libc_realloc(p, size));
}

void *
reallocarray(void *p, size_t n, size_t size)
{
	size_t	total;

	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return (NULL);
	}
	return (realloc(p, total));
}

void *
memalign(size_t align, size_t size)
{
	return (must_fail() ? NULL : __libc_memalign(align, size));
}

void *
aligned_alloc(size_t align, size_t size)
{
	return (memalign(align, size));
}

int
posix_memalign(void **out, size_t align, size_t size)
{
	void	*p;

	if (align < sizeof(void *) || (align & (align - 1)) != 0)
		return (EINVAL);
	if ((p = memalign(align, size)) == NULL)
		return (ENOMEM);
	*out = p;
	return (0);
}

void *
valloc(size_t size)
{
	return (memalign((size_t)sysconf(_SC_PAGESIZE), size));
}

static void
at_exit_count(void)
{
	__atomic_store_n(&counting, 0, __ATOMIC_RELAXED);
	log_line("count", calls);
}

/* SIGUSR1 in NB_FAIL_SIGNAL mode: the count starts now. */
static void
arm(int sig)
{
	(void)sig;
	__atomic_store_n(&calls, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&counting, 1, __ATOMIC_RELAXED);
}

/* Counting on now, or (NB_FAIL_SIGNAL) from SIGUSR1 on. */
static void
start_counting(void)
{
	const char		*s = getenv("NB_FAIL_SIGNAL");
	struct sigaction	 sa;

	if (s == NULL || *s != '1') {
		__atomic_store_n(&counting, 1, __ATOMIC_RELAXED);
		return;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = arm;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
}

typedef int (*main_fn)(int, char **, char **);
static main_fn	real_main;

/* One request of the server: "N P\n", read with read(2) only. */
static int
read_request(int fd, unsigned long *n, int *p)
{
	char	 line[64];
	size_t	 len = 0;

	while (len < sizeof line - 1) {
		if (read(fd, line + len, 1) != 1)
			return (0);
		if (line[len++] == '\n')
			break;
	}
	line[len] = '\0';
	*n = strtoul(line, NULL, 10);
	*p = strchr(line, ' ') != NULL && strchr(line, ' ')[1] == '1';
	return (1);
}

/* In the forked child: stdout and stderr on their files. */
static void
child_files(void)
{
	const char	*name[2] = { getenv("NB_FAIL_OUT"), getenv("NB_FAIL_ERR") };
	int		 i, fd;

	for (i = 0; i < 2; i++) {
		if (name[i] == NULL || (fd = open(name[i], O_WRONLY | O_CREAT |
		    O_TRUNC, 0600)) < 0)
			_exit(126);
		dup2(fd, i + 1);
		close(fd);
	}
}

/* NB_FAIL_SERVE: forks a child at main()'s entry per request; returns
 * in the child only (the server ends with _exit). */
static void
serve(const char *spec)
{
	int		 in = atoi(spec), out, st, p, len;
	const char	*comma = strchr(spec, ',');
	unsigned long	 n;
	pid_t		 pid;
	char		 buf[32];

	out = comma != NULL ? atoi(comma + 1) : 1;
	while (read_request(in, &n, &p)) {
		if ((pid = fork()) == 0) {
			close(in);
			close(out);
			child_files();
			unsetenv("NB_FAIL_SERVE");
			unsetenv("NB_FAIL_OUT");
			unsetenv("NB_FAIL_ERR");
			fail_at = n;
			persist = p;
			return;
		}
		if (pid < 0 || waitpid(pid, &st, 0) != pid)
			_exit(125);
		len = snprintf(buf, sizeof buf, "%d\n", WIFEXITED(st) ?
		    WEXITSTATUS(st) : 128 + WTERMSIG(st));
		if (write(out, buf, (size_t)len) != len)
			_exit(125);
	}
	_exit(0);
}

/* main() under the shim: reads the settings and starts counting. */
static int
counted_main(int argc, char **argv, char **envp)
{
	const char	*s;

	if ((s = getenv("NB_FAIL_AFTER")) != NULL)
		fail_at = strtoul(s, NULL, 10);
	persist = (s = getenv("NB_FAIL_PERSIST")) != NULL && *s == '1';
	log_path = getenv("NB_FAIL_LOG");
	if ((s = getenv("NB_FAIL_SERVE")) != NULL)
		serve(s);
	atexit(at_exit_count);
	start_counting();
	return (real_main(argc, argv, envp));
}

typedef int (*start_fn)(main_fn, int, char **, void (*)(void),
    void (*)(void), void (*)(void), void *);

int
__libc_start_main(main_fn main, int argc, char **argv, void (*init)(void),
    void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
	start_fn	real;

	real = (start_fn)dlsym(RTLD_NEXT, "__libc_start_main");
	real_main = main;
	return (real(counted_main, argc, argv, init, fini, rtld_fini,
	    stack_end));
}
