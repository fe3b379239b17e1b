/*
 * The .docx export against pandoc, in one run: a full 2021 report (every
 * cell non-zero, a page of text — 22 lines of 28 characters — in every
 * section) is exported to .docx by nianbao, and nianbao's own text export
 * of the same report is turned into .docx by pandoc.  Prints, side by
 * side, the wall time per document and the peak memory (maximum resident
 * set size of the process, from wait4) of:
 *
 *   nianbao in process   export_docx() alone (atomic write with fsync
 *                        included), median of many calls, and the part of
 *                        it that builds the package in memory; its peak is
 *                        that of a child process that loads the template,
 *                        builds the report and exports once, next to the
 *                        same child without the export;
 *   nianbao export       the command `nianbao export -f docx` (NB_BIN),
 *                        process start to exit, when it is built;
 *   pandoc               `pandoc -f markdown -t docx`, when installed.
 *
 * Targets (issue 4, raised by issue 14): in process at least 20x faster
 * than pandoc, under 8 MiB peak.
 * Asserts nothing; says what is missing.
 *
 *   bench_docx [RUNS]     (default 20 process runs, 200 in-process calls)
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "export_docx.h"
#include "export_txt.h"
#include "fsio.h"
#include "sbuf.h"
#include "store.h"
#include "tpl.h"
#include "tpl_load.h"
#include "xmalloc.h"

extern char **environ;

struct figure {
	double	ms;		/* median wall time per document */
	long	kib;		/* peak resident set, KiB; -1 unknown */
	bool	ok;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
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

/* About a page of 公文 text: 22 lines of 28 characters, in paragraphs. */
static char *
page_of_text(int section)
{
	static const char *const para[] = {
	    "（一）主动公开情况。本年度通过政府网站、政务新媒体和公开栏主动公开"
	    "政府信息1286条，其中规范性文件12件，政策解读38篇，",
	    "全面落实“公开为常态、不公开为例外”原则，围绕群众关切的惠民政策、"
	    "重大项目和财政资金，做到应公开尽公开，及时回应社会关切。",
	    "（二）依申请公开情况。全年共收到政府信息公开申请256件，均在法定期"
	    "限内答复，答复率100%，未发生因依申请公开引发的行政复议和诉讼。",
	    "（三）政府信息管理情况。建立健全公开前保密审查和动态更新机制，对"
	    "2024年以前制发的文件逐件清理，确保信息准确、完整、及时。",
	};
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	sbuf_addf(&b, "第%d部分。", section + 1);
	for (i = 0; b.len < 616 * 3; i++) {
		sbuf_adds(&b, para[i % 4]);
		sbuf_addc(&b, '\n');
	}
	return (sbuf_take(&b));
}

static struct report *
full_report(const struct tpl *t)
{
	struct report	*r = report_new(t);
	struct err	 e = { 0 };
	char		 v[32], *text;
	size_t		 i;

	report_set_organ(r, "小城子镇人民政府");
	report_set_year(r, 2024);
	for (i = 0; i < t->ncells; i++) {
		if (t->cells[i].formula >= 0)
			continue;
		snprintf(v, sizeof v, "%zu", 7 * i + 13);
		if (!report_set_input(r, (int)i, v, NULL, &e))
			fatal("bench_docx: refused a value");
	}
	for (i = 0; i < t->nsections; i++) {
		text = page_of_text((int)i);
		report_set_text(r, (int)i, text, NULL);
		free(text);
	}
	return (r);
}

static struct tpl *
load_template(void)
{
	struct errlist	 errs;
	struct tpl	*t;

	errlist_init(&errs);
	t = tpl_load(NB_SOURCE_DIR "/templates/gb2021.yaml", &errs);
	if (t == NULL)
		fatal("bench_docx: cannot load the 2021 template");
	errlist_done(&errs);
	return (t);
}

/* Median time of export_docx() in this process (out NULL: of
 * export_docx_package(), the package in memory without the write). */
static double
in_process(const struct report *r, const char *out, int n)
{
	double		*t = xcalloc((size_t)n, sizeof *t), t0, m;
	struct err	 e = { 0 };
	void		*pkg;
	size_t		 len;
	int		 i;

	for (i = 0; i < n; i++) {
		t0 = now();
		if (out != NULL && !export_docx(r, out, &e))
			fatal("bench_docx: export_docx failed");
		if (out == NULL) {
			pkg = export_docx_package(r, &len, &e);
			if (pkg == NULL)
				fatal("bench_docx: export_docx_package failed");
			free(pkg);
		}
		t[i] = now() - t0;
	}
	m = median(t, n);
	free(t);
	return (m * 1000);
}

/* Peak RSS (KiB) of a child that builds the report and maybe exports. */
static long
child_peak(const char *out, bool export)
{
	struct rusage	 ru;
	struct err	 e = { 0 };
	int		 st;
	pid_t		 pid;

	if ((pid = fork()) == 0) {
		struct tpl *t = load_template();
		struct report *r = full_report(t);
		_exit(export && !export_docx(r, out, &e) ? 1 : 0);
	}
	if (pid < 0 || wait4(pid, &st, 0, &ru) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		return (-1);
	return (ru.ru_maxrss);
}

/* Runs argv n times: median wall time, largest peak RSS. */
static struct figure
processes(const char *const *argv, int n)
{
	struct figure	 f = { 0, 0, false };
	posix_spawn_file_actions_t fa;
	double		*t = xcalloc((size_t)n, sizeof *t), t0;
	struct rusage	 ru;
	pid_t		 pid;
	int		 i, st;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	/* The export's notes (counts, fonts) are not what is measured. */
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	for (i = 0; i < n; i++) {
		t0 = now();
		if (posix_spawnp(&pid, argv[0], &fa, NULL, (char **)argv,
		    environ) != 0 || wait4(pid, &st, 0, &ru) != pid ||
		    !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			goto done;
		t[i] = now() - t0;
		if (ru.ru_maxrss > f.kib)
			f.kib = ru.ru_maxrss;
	}
	f.ms = median(t, n) * 1000;
	f.ok = true;
done:
	posix_spawn_file_actions_destroy(&fa);
	free(t);
	return (f);
}

/*
 * The same from a fresh copy of this program (bench_docx --run N CMD...):
 * a child's peak RSS includes the peak of the process it was started
 * from, so commands are started from a small process, not from this one
 * with its template and report loaded.
 */
static struct figure
processes_fresh(const char *const *cmd, int n)
{
	struct figure	 f = { 0, -1, false };
	const char	*argv[32];
	char		 runs[16], buf[128];
	posix_spawn_file_actions_t fa;
	int		 fd[2], i = 0, st, ok = 0;
	ssize_t		 len;
	pid_t		 pid;

	snprintf(runs, sizeof runs, "%d", n);
	argv[i++] = "/proc/self/exe";
	argv[i++] = "--run";
	argv[i++] = runs;
	while (*cmd != NULL && i < 31)
		argv[i++] = *cmd++;
	argv[i] = NULL;
	if (pipe(fd) != 0)
		return (f);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	if (posix_spawn(&pid, argv[0], &fa, NULL, (char **)argv,
	    environ) == 0) {
		close(fd[1]);
		len = read(fd[0], buf, sizeof buf - 1);
		buf[len > 0 ? len : 0] = '\0';
		waitpid(pid, &st, 0);
		if (sscanf(buf, "%lf %ld %d", &f.ms, &f.kib, &ok) == 3)
			f.ok = ok != 0;
	} else
		close(fd[1]);
	close(fd[0]);
	posix_spawn_file_actions_destroy(&fa);
	return (f);
}

static bool
on_path(const char *name)
{
	const char	*path = getenv("PATH"), *p, *end;
	char		*f;
	bool		 ok = false;

	for (p = path ? path : ""; !ok && *p != '\0'; p = end + (*end != 0)) {
		end = p + strcspn(p, ":");
		f = xasprintf("%.*s/%s", (int)(end - p), p, name);
		ok = access(f, X_OK) == 0;
		free(f);
	}
	return (ok);
}

static void
row(const char *what, const struct figure *f)
{
	if (f->kib >= 0)
		printf("  %-34s %9.2f ms   %7.1f MiB\n", what, f->ms,
		    (double)f->kib / 1024);
	else
		printf("  %-34s %9.2f ms   %7s\n", what, f->ms, "?");
}

int
main(int argc, char **argv)
{
	int		 runs = argc > 1 ? atoi(argv[1]) : 20;
	char		 dir[] = "/tmp/bench_docx.XXXXXX";
	struct tpl	*t;
	struct report	*r;
	struct err	 e = { 0 };
	struct figure	 inproc, cli = { 0, -1, false }, clitxt = cli,
			 pandoc = cli;
	char		*yaml, *txt, *out, *out2, *text;
	long		 base;
	double		 mem;
	struct stat	 st;

	if (argc > 3 && strcmp(argv[1], "--run") == 0) {
		inproc = processes((const char *const *)argv + 3,
		    atoi(argv[2]));
		printf("%f %ld %d\n", inproc.ms, inproc.kib, inproc.ok);
		return (0);
	}
	if (runs < 1) {
		fprintf(stderr, "usage: bench_docx [RUNS]\n");
		return (2);
	}
	if (mkdtemp(dir) == NULL) {
		perror("bench_docx: mkdtemp");
		return (2);
	}
	out = xasprintf("%s/nianbao.docx", dir);
	/* Peaks first, while this process is still small (see
	 * processes_fresh). */
	inproc.kib = child_peak(out, true);
	base = child_peak(out, false);
	inproc.ok = true;

	t = load_template();
	r = full_report(t);
	yaml = xasprintf("%s/report.yaml", dir);
	txt = xasprintf("%s/report.txt", dir);
	out2 = xasprintf("%s/pandoc.docx", dir);
	text = export_txt(r, LANG_ZH);
	if (!store_save(r, yaml, &e) ||
	    !fsio_write_atomic(txt, text, strlen(text), 0644, &e))
		fatal("bench_docx: cannot write the inputs");
	inproc.ms = in_process(r, out, runs * 10);
	mem = in_process(r, NULL, runs * 10);
	stat(out, &st);
	printf("bench_docx: gb2021, %zu cells all non-zero, %zu sections "
	    "with a page of text each; .docx %lld bytes\n", t->ncells,
	    t->nsections, (long long)st.st_size);

	const char *nb[] = { NB_BIN, "export", "-f", "docx", "-o", out, yaml,
	    NULL };
	const char *nbtxt[] = { NB_BIN, "export", "-f", "txt", "-o", out2,
	    yaml, NULL };
	if (access(NB_BIN, X_OK) == 0) {
		cli = processes_fresh(nb, runs);
		clitxt = processes_fresh(nbtxt, runs);
	}
	const char *pd[] = { "pandoc", "-f", "markdown", "-t", "docx", "-o",
	    out2, txt, NULL };
	if (on_path("pandoc"))
		pandoc = processes_fresh(pd, runs > 5 ? 5 : runs);

	printf("  %-34s %12s   %11s\n", "", "time/doc", "peak RSS");
	row("nianbao export_docx() in process", &inproc);
	printf("  %-34s %12s   %7.1f MiB\n", "  the same child without export",
	    "", (double)base / 1024);
	printf("  %-34s %9.2f ms\n", "  of which the package in memory", mem);
	if (cli.ok) {
		row("nianbao export -f docx (command)", &cli);
		row("  nianbao export -f txt (command)", &clitxt);
	} else
		printf("  nianbao export -f docx: %s not built or failed\n",
		    NB_BIN);
	if (pandoc.ok)
		row("pandoc -f markdown -t docx", &pandoc);
	else
		printf("  pandoc: not installed or failed "
		    "(apt-get install pandoc)\n");
	if (pandoc.ok)
		printf("  speed vs pandoc: in process %.0fx", pandoc.ms /
		    inproc.ms);
	if (pandoc.ok && cli.ok)
		printf(", as a command %.1fx", pandoc.ms / cli.ms);
	if (pandoc.ok)
		printf(" (target: in process >= 20x)\n");
	printf("  peak: export in process %.1f MiB (%s 8 MiB)",
	    (double)inproc.kib / 1024, inproc.kib < 8 * 1024 ? "under" :
	    "OVER");
	if (cli.ok)
		printf("; the command %.1f MiB, %.1f MiB of it without docx "
		    "(its txt export)", (double)cli.kib / 1024,
		    (double)clitxt.kib / 1024);
	printf("\n");

	unlink(out);
	unlink(out2);
	unlink(yaml);
	unlink(txt);
	rmdir(dir);
	free(text);
	free(yaml);
	free(txt);
	free(out);
	free(out2);
	report_free(r);
	tpl_free(t);
	return (0);
}
