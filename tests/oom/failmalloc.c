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
static unsigned long	 snap_at;	/* NB_FAIL_SNAP */
static int		 snap_in = -1, snap_out = -1;	/* the snapshot's */

static void	snapshot_serve(void);

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
	if (n == snap_at && snap_in >= 0)
		snapshot_serve();
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

static const char	*out_name, *err_name;	/* NB_FAIL_OUT, NB_FAIL_ERR */
static unsigned char	 fds_then[1024 / 8];

/* The open descriptors from 3 on, a bit each. */
static void
fds_scan(unsigned char *bits)
{
	int	fd;

	memset(bits, 0, sizeof fds_then);
	for (fd = 3; fd < 1024; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			bits[fd / 8] |= (unsigned char)(1 << fd % 8);
}

/* stdout and stderr on their files, truncated; with copy, each starts
 * with what this process wrote on it so far. */
static void
output_files(const char *suffix, int copy)
{
	const char	*name[2] = { out_name, err_name };
	char		 path[4096], buf[4096];
	int		 i, fd;
	ssize_t		 k;
	off_t		 off;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s%s", name[i] != NULL ? name[i] :
		    "", suffix);
		if (name[i] == NULL || (fd = open(path, O_RDWR | O_CREAT |
		    O_TRUNC, 0600)) < 0)
			_exit(126);
		for (off = 0; copy && (k = pread(i + 1, buf, sizeof buf,
		    off)) > 0; off += k)
			if (write(fd, buf, (size_t)k) != k)
				_exit(126);
		dup2(fd, i + 1);
		close(fd);
	}
}

/* A line from fd into buf (read(2) only); 0 at the end of input. */
static int
read_line(int fd, char *buf, size_t size)
{
	size_t	 len = 0;

	while (len < size - 1) {
		if (read(fd, buf + len, 1) != 1)
			return (0);
		if (buf[len++] == '\n')
			break;
	}
	buf[len] = '\0';
	return (1);
}

static void
reply(int out, int status)
{
	char	buf[32];
	int	len = snprintf(buf, sizeof buf, "%d\n", status);

	if (write(out, buf, (size_t)len) != len)
		_exit(125);
}

/* Runs one request in a forked child; returns 1 in the child. */
static int
fork_run(unsigned long n, int p, int out, int copy)
{
	pid_t	pid;
	int	st;

	if ((pid = fork()) == 0) {
		output_files("", copy);
		fail_at = n;
		persist = p;
		return (1);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		_exit(125);
	reply(out, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	return (0);
}

/* The snapshot process, forked at main()'s entry: it runs main up to
 * call snap_at (must_fail calls snapshot_serve then).  Returns 2 in it;
 * in the server: 1 if the snapshot serves, -1 if not. */
static int
snap_start(pid_t *pid, int *req, int *rep)
{
	int	a[2], b[2];
	char	line[16];

	if (pipe(a) != 0 || pipe(b) != 0)
		_exit(125);
	if ((*pid = fork()) == 0) {
		close(a[1]);
		close(b[0]);
		snap_in = a[0];
		snap_out = b[1];
		output_files(".snap", 0);
		return (2);
	}
	close(a[0]);
	close(b[1]);
	*req = a[1];
	*rep = b[0];
	return (read_line(*rep, line, sizeof line) && line[0] == '1' ? 1 :
	    -1);
}

/* In the snapshot process at call snap_at: it serves the requests from
 * here if no file is open that was not at main()'s entry (a child would
 * share its offset), else it ends.  Returns in a forked child only. */
static void
snapshot_serve(void)
{
	unsigned char	 now[sizeof fds_then];
	char		 line[64];
	int		 in = snap_in, out = snap_out, p, ok;

	__atomic_store_n(&counting, 0, __ATOMIC_RELAXED);
	snap_in = snap_out = -1;
	fds_scan(now);
	ok = memcmp(now, fds_then, sizeof now) == 0;
	reply(out, ok);
	while (ok && read_line(in, line, sizeof line)) {
		p = strchr(line, ' ') != NULL && strchr(line, ' ')[1] == '1';
		if (fork_run(strtoul(line, NULL, 10), p, out, 1)) {
			close(in);
			close(out);
			__atomic_store_n(&counting, 1, __ATOMIC_RELAXED);
			return;
		}
	}
	_exit(0);
}

/* Passes one request to the snapshot process and its answer back. */
static void
forward(const char *line, int req, int rep, int out)
{
	char	ans[32];

	if (write(req, line, strlen(line)) < 0 ||
	    !read_line(rep, ans, sizeof ans) ||
	    write(out, ans, strlen(ans)) < 0)
		_exit(125);
}

/* NB_FAIL_SERVE: a child per request, forked at main()'s entry, or for
 * N >= NB_FAIL_SNAP by the snapshot process at that call.  Returns in a
 * forked child or the snapshot process only (the server ends with
 * _exit). */
static void
serve(const char *spec)
{
	int		 in = atoi(spec), out, p, snap = 0, child = 0;
	int		 req = -1, rep = -1, st;
	const char	*s = strchr(spec, ',');
	char		 line[64];
	unsigned long	 n;
	pid_t		 pid = 0;

	out = s != NULL ? atoi(s + 1) : 1;
	out_name = getenv("NB_FAIL_OUT");
	err_name = getenv("NB_FAIL_ERR");
	snap_at = (s = getenv("NB_FAIL_SNAP")) != NULL ? strtoul(s, NULL,
	    10) : 0;
	unsetenv("NB_FAIL_SERVE");
	unsetenv("NB_FAIL_OUT");
	unsetenv("NB_FAIL_ERR");
	unsetenv("NB_FAIL_SNAP");
	while (!child && read_line(in, line, sizeof line)) {
		n = strtoul(line, NULL, 10);
		p = strchr(line, ' ') != NULL && strchr(line, ' ')[1] == '1';
		if (snap_at != 0 && n >= snap_at && snap == 0 &&
		    (snap = snap_start(&pid, &req, &rep)) == 2)
			child = 1;
		else if (snap_at != 0 && n >= snap_at && snap == 1)
			forward(line, req, rep, out);
		else
			child = fork_run(n, p, out, 0);
	}
	if (req >= 0)
		close(req);
	if (child) {
		close(in);
		close(out);
		if (rep >= 0)
			close(rep);
		if (snap_in >= 0)
			fds_scan(fds_then);
		return;
	}
	if (pid > 0)
		waitpid(pid, &st, 0);
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
