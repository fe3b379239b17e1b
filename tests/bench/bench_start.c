/*
 * Startup: whole commands against their targets (issue 17), in one run
 * with pandoc, and where the time of a short command goes.
 *
 * Whole commands, each run RUNS times from this small process (median
 * wall time from spawn to exit, largest peak RSS from wait4), on the full
 * 2021 report of tests/data/golden:
 *   /bin/true                    the cost of any process at all;
 *   nianbao --version            + the dynamic loader and main;
 *   nianbao check FILE           target < 5 ms;
 *   nianbao export -f txt FILE
 *   nianbao export -f docx       target >= 15x faster than pandoc;
 *   pandoc -f markdown -t docx   on nianbao's text export of the report.
 *
 * The breakdown: the dynamic loader's own account (LD_DEBUG=statistics
 * of `nianbao --version`: cycles in the loader, in relocation, in loading
 * objects), and in process, the median of each step a command takes
 * before its first useful instruction: the messages bundle, one
 * template, the other, the report read and checked, every text rule's
 * regular expression compiled, the .docx built in memory.
 *
 *   bench_start NB_BIN SOURCE_DIR DATADIR [RUNS]   (default 31 runs)
 * Asserts nothing; says what is missing.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "export_docx.h"
#include "i18n.h"
#include "regex.h"
#include "store.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"

extern char **environ;

struct figure {
	double	ms;		/* median wall time */
	double	min;		/* fastest run: the least disturbed */
	double	cpu;		/* median user + system time */
	long	kib;		/* largest peak RSS */
	bool	ok;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return (v[n / 2]);
}

/* Runs argv n times, output to /dev/null; exit codes above maxrc fail. */
static struct figure
command(const char *const *argv, int n, int maxrc)
{
	struct figure	 f = { 0, 0, 0, 0, false };
	posix_spawn_file_actions_t fa;
	double		*t = xcalloc((size_t)n, sizeof *t), t0;
	double		*c = xcalloc((size_t)n, sizeof *c);
	struct rusage	 ru;
	pid_t		 pid;
	int		 i, st;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	for (i = 0; i < n; i++) {
		t0 = now();
		if (posix_spawnp(&pid, argv[0], &fa, NULL, (char **)argv,
		    environ) != 0 || wait4(pid, &st, 0, &ru) != pid ||
		    !WIFEXITED(st) || WEXITSTATUS(st) > maxrc)
			goto done;
		t[i] = now() - t0;
		c[i] = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
		if (ru.ru_maxrss > f.kib)
			f.kib = ru.ru_maxrss;
	}
	f.ms = median(t, n);
	f.min = t[0];		/* median() sorted t */
	f.cpu = median(c, n);
	f.ok = true;
done:
	posix_spawn_file_actions_destroy(&fa);
	free(t);
	free(c);
	return (f);
}

static void
row(const char *label, const struct figure *f)
{
	if (f->ok)
		printf("  %-30s %8.2f ms  min %7.2f ms  cpu %7.2f ms  peak "
		    "%5.1f MiB\n", label, f->ms, f->min, f->cpu,
		    (double)f->kib / 1024);
	else
		printf("  %-36s failed or not installed\n", label);
}

/* The value after key in the LD_DEBUG=statistics output of argv. */
static void
loader_stats(const char *nb)
{
	char	*cmd = xasprintf("LD_DEBUG=statistics '%s' --version 2>&1 "
		    ">/dev/null", nb), line[256], *p;
	FILE	*f = popen(cmd, "r");
	double	 mhz = 0;
	FILE	*ci = fopen("/proc/cpuinfo", "r");

	while (ci != NULL && fgets(line, sizeof line, ci) != NULL)
		if (strncmp(line, "cpu MHz", 7) == 0 &&
		    (p = strchr(line, ':')) != NULL) {
			mhz = atof(p + 1);
			break;
		}
	if (ci != NULL)
		fclose(ci);
	printf("  dynamic loader (LD_DEBUG=statistics, nianbao --version, "
	    "one run; ms at %.0f MHz):\n", mhz);
	while (f != NULL && fgets(line, sizeof line, f) != NULL) {
		if ((p = strstr(line, "total startup time")) == NULL &&
		    (p = strstr(line, "time needed")) == NULL &&
		    (p = strstr(line, "number of relocations:")) == NULL)
			continue;
		p[strcspn(p, "\n")] = '\0';
		if (strstr(p, "cycles") != NULL && mhz > 0)
			printf("    %s (%.2f ms)\n", p, atof(strchr(p, ':') + 1) /
			    (mhz * 1e3));
		else
			printf("    %s\n", p);
	}
	if (f != NULL)
		pclose(f);
	free(cmd);
}

/* Median of n runs of one step, in ms. */
#define STEP(label, n, setup, body, undo) do {				\
	double	*t_ = xcalloc((n), sizeof *t_), t0_;			\
	int	 i_;							\
	for (i_ = 0; i_ < (n); i_++) {					\
		setup;							\
		t0_ = now();						\
		body;							\
		t_[i_] = now() - t0_;					\
		undo;							\
	}								\
	printf("    %-40s %8.3f ms\n", (label), median(t_, (n)));	\
	free(t_);							\
} while (0)

/* Compiles every text rule's pattern of t once. */
static void
compile_all(const struct tpl *t)
{
	size_t	i;

	for (i = 0; i < t->nrules; i++)
		if (t->rules[i].pattern != NULL)
			uregex_close(regex_open(t->rules[i].pattern));
}

static void
in_process(const char *src, const char *datadir, int n)
{
	char		*p21 = xasprintf("%s/templates/gb2021.yaml", src);
	char		*p19 = xasprintf("%s/templates/gb2019.yaml", src);
	char		*rep = xasprintf("%s/tests/data/golden/full2021.yaml",
			    src);
	struct errlist	 errs;
	struct tpl	*t = NULL, *t21;
	struct report	*r = NULL;
	struct i18n	*i18n = NULL;
	struct err	 e = { 0 };
	void		*pkg = NULL;
	size_t		 len, nre = 0, k;

	errlist_init(&errs);
	t21 = tpl_load(p21, &errs);
	if (t21 == NULL) {
		printf("  gb2021 does not load\n");
		return;
	}
	for (k = 0; k < t21->nrules; k++)
		nre += t21->rules[k].pattern != NULL;
	printf("  in process (median of %d):\n", n);
	STEP("messages bundle (i18n_open)", n, (void)0,
	    i18n = i18n_open(datadir, LANG_ZH), i18n_close(i18n));
	STEP("template gb2021 (tpl_load)", n, (void)0,
	    t = tpl_load(p21, &errs), tpl_free(t));
	STEP("template gb2019 (tpl_load)", n, (void)0,
	    t = tpl_load(p19, &errs), tpl_free(t));
	printf("    %-40s %8zu\n", "text rules with a pattern (gb2021)", nre);
	STEP("  every pattern compiled (regex_open)", n, (void)0,
	    compile_all(t21), (void)0);
	STEP("report read and checked (store_load)", n, (void)0,
	    r = store_load(rep, &t21, 1, &e), (err_clear(&e), report_free(r)));
	r = store_load(rep, &t21, 1, &e);
	if (r != NULL)
		STEP(".docx built in memory", n, (void)0,
		    pkg = export_docx_package(r, &len, &e),
		    (err_clear(&e), free(pkg)));
	report_free(r);
	tpl_free(t21);
	errlist_done(&errs);
	free(p21);
	free(p19);
	free(rep);
}

/* Whether prog is on PATH. */
static bool
on_path(const char *prog)
{
	char	*cmd = xasprintf("command -v %s >/dev/null 2>&1", prog);
	bool	 ok = system(cmd) == 0;

	free(cmd);
	return (ok);
}

int
main(int argc, char **argv)
{
	const char	*nb, *src, *datadir;
	char		*rep, *txt, *out, *md, *docx, *dir;
	int		 runs = argc > 4 ? atoi(argv[4]) : 31;
	struct figure	 tru, ver, chk, etx, edx, pan = { 0, 0, 0, 0, false };

	if (argc < 4) {
		fprintf(stderr, "usage: bench_start NB_BIN SOURCE_DIR DATADIR "
		    "[RUNS]\n");
		return (2);
	}
	nb = argv[1];
	src = argv[2];
	datadir = argv[3];
	rep = xasprintf("%s/tests/data/golden/full2021.yaml", src);
	txt = xasprintf("%s/tests/data/golden/full2021.txt", src);
	dir = xstrdup("/tmp/nbstart.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return (2);
	out = xasprintf("%s/nb.docx", dir);
	md = xasprintf("%s/pandoc.docx", dir);
	docx = out;
	tru = command((const char *const[]){ "/bin/true", NULL }, runs, 0);
	ver = command((const char *const[]){ nb, "--version", NULL }, runs, 0);
	chk = command((const char *const[]){ nb, "check", rep, NULL }, runs, 1);
	etx = command((const char *const[]){ nb, "export", "-f", "txt", rep,
	    NULL }, runs, 0);
	edx = command((const char *const[]){ nb, "export", "-f", "docx", "-o",
	    docx, rep, NULL }, runs, 0);
	if (on_path("pandoc"))
		pan = command((const char *const[]){ "pandoc", "-f",
		    "markdown", "-t", "docx", "-o", md, txt, NULL },
		    runs > 7 ? 7 : runs, 0);
	printf("  whole commands (median of %d; pandoc of %d):\n", runs,
	    runs > 7 ? 7 : runs);
	row("/bin/true", &tru);
	row("nianbao --version", &ver);
	row("nianbao check (full report)", &chk);
	row("nianbao export -f txt", &etx);
	row("nianbao export -f docx", &edx);
	row("pandoc -f markdown -t docx", &pan);
	if (ver.ok && tru.ok)
		printf("  startup over /bin/true: %.2f ms\n", ver.ms - tru.ms);
	if (chk.ok)
		printf("  target: check < 5 ms: median %.2f ms, fastest %.2f "
		    "ms, %s\n", chk.ms, chk.min, chk.ms < 5 ? "met" :
		    chk.min < 5 ? "met by the fastest run only" : "NOT met");
	if (edx.ok && pan.ok)
		printf("  target: export -f docx >= 15x faster than pandoc: "
		    "median %.1fx, fastest %.1fx, cpu %.1fx, %s\n", pan.ms /
		    edx.ms, pan.min / edx.min, pan.cpu / edx.cpu,
		    pan.ms / edx.ms >= 15 ? "met" : "NOT met");
	else
		printf("  target: export -f docx >= 15x pandoc: pandoc not "
		    "installed (apt-get install pandoc)\n");
	loader_stats(nb);
	in_process(src, datadir, runs);
	unlink(out);
	unlink(md);
	rmdir(dir);
	free(rep);
	free(txt);
	free(out);
	free(md);
	free(dir);
	return (0);
}
