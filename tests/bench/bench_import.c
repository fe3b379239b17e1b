/*
 * Import speed per format, in reports per second of one core (the CPU
 * time of this process and of the children it waited for, so the PDF
 * helper counts), over the real reports in tests/data/real: their text
 * (6 files), their web pages (3), the same as text with the numbers run
 * together (every real report, separators deleted), as .docx (nianbao's
 * export of each), and as PDF (tests/data/pdf: nianbao's .docx and the
 * official template filled in, both through LibreOffice).  Then what
 * keeping poppler out of nianbao saves: the start of nianbao, and of the
 * PDF helper, which loads poppler.  Prints its figures; asserts nothing.
 *
 *   bench_import [SECONDS_PER_FORMAT]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "export_docx.h"
#include "export_txt.h"
#include "import.h"
#include "paths.h"
#include "sbuf.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

#define REAL	NB_SOURCE_DIR "/tests/data/real"

struct input {
	char	*name;
	char	*buf;
	size_t	 len;
};

struct format {
	const char	*name;
	struct input	*in;
	size_t		 n;
};

static struct tpl	**tpls;
static size_t		  ntpls;

/* CPU seconds of this process and its waited-for children. */
static double
cpu(void)
{
	struct rusage	s, c;

	getrusage(RUSAGE_SELF, &s);
	getrusage(RUSAGE_CHILDREN, &c);
	return ((double)(s.ru_utime.tv_sec + s.ru_stime.tv_sec +
	    c.ru_utime.tv_sec + c.ru_stime.tv_sec) + (double)(s.ru_utime.tv_usec +
	    s.ru_stime.tv_usec + c.ru_utime.tv_usec + c.ru_stime.tv_usec) / 1e6);
}

static void
add(struct format *f, const char *name, char *buf, size_t len)
{
	f->in = xreallocarray(f->in, f->n + 1, sizeof *f->in);
	f->in[f->n].name = xstrdup(name);
	f->in[f->n].buf = buf;
	f->in[f->n++].len = len;
}

/* A real file without its "# source:" line. */
static void
add_file(struct format *f, const char *path)
{
	size_t	 len;
	char	*buf = tu_read(path, &len), *nl;

	if (buf == NULL) {
		fprintf(stderr, "bench_import: cannot read %s\n", path);
		exit(1);
	}
	if (strncmp(buf, "# source:", 9) == 0 && (nl = strchr(buf, '\n'))) {
		memmove(buf, nl + 1, strlen(nl + 1) + 1);
		len = strlen(buf);
	}
	add(f, path, buf, len);
}

static struct report *
import(const struct input *in)
{
	struct import_summary	 s;
	struct err		 e = { 0 };
	struct report		*r;

	import_summary_init(&s);
	r = import_buffer(in->buf, in->len, in->name, NULL, tpls, ntpls, &s,
	    &e);
	import_summary_done(&s);
	if (r == NULL) {
		fprintf(stderr, "bench_import: %s: %s\n", in->name, e.msgid);
		exit(1);
	}
	return (r);
}

/* The text export with every table row's separators deleted. */
static char *
run_together(const struct report *r)
{
	char		*t = export_txt(r, LANG_ZH), *p;
	struct sbuf	 b;

	sbuf_init(&b);
	for (p = t; *p != '\0'; p++)
		if (*p != '\t')
			sbuf_addc(&b, *p);
	free(t);
	return (sbuf_take(&b));
}

/* Imports every input of f for at least secs of CPU; reports/s. */
static void
measure(const struct format *f, double secs)
{
	double	t0 = cpu(), t;
	size_t	n = 0, i;

	do {
		for (i = 0; i < f->n; i++, n++)
			report_free(import(&f->in[i]));
	} while ((t = cpu() - t0) < secs);
	printf("%-34s %4zu files %10.1f reports/s  (%.2f ms each)\n",
	    f->name, f->n, (double)n / t, t * 1000 / (double)n);
}

/* Wall milliseconds to run argv to its end, the best of 20. */
static double
start_ms(char *const *argv, const char *stdin_path)
{
	struct timespec	a, b;
	double		best = 1e9, ms;
	pid_t		pid;
	int		i, st;

	fflush(stdout);
	for (i = 0; i < 20; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		if ((pid = fork()) == 0) {
			if (freopen(stdin_path, "r", stdin) == NULL ||
			    freopen("/dev/null", "w", stdout) == NULL)
				_exit(127);
			execv(argv[0], argv);
			_exit(127);
		}
		waitpid(pid, &st, 0);
		clock_gettime(CLOCK_MONOTONIC, &b);
		ms = (double)(b.tv_sec - a.tv_sec) * 1e3 +
		    (double)(b.tv_nsec - a.tv_nsec) / 1e6;
		best = ms < best ? ms : best;
	}
	return (best);
}

int
main(int argc, char **argv)
{
	static const char *const texts[] = { "000_9062bfdbeadefa61.txt",
	    "001_13db19b5b2c6c511.txt", "004_cba99305fd9fd5d3.txt",
	    "src-huaian2024.txt", "src-hongze2024.txt", "src-hongze2023.txt" };
	static const char *const pages[] = { "pingtan-2019.html",
	    "pingtan-2022.html", "pingtan-2024.html" };
	struct format	 fmt[5] = { { "text (published)", NULL, 0 },
			    { "web page (.html)", NULL, 0 },
			    { "numbers run together (text)", NULL, 0 },
			    { ".docx (nianbao's export)", NULL, 0 },
			    { "PDF (LibreOffice, helper)", NULL, 0 } };
	double		 secs = argc > 1 ? atof(argv[1]) : 2.0;
	char		 path[1024], *helper, *nb;
	struct err	 e = { 0 };
	struct report	*r;
	size_t		 i, k, len;
	void		*pkg;

	ntpls = tu_templates(&tpls);
	for (i = 0; i < 6; i++) {
		snprintf(path, sizeof path, "%s/%s", REAL, texts[i]);
		add_file(&fmt[0], path);
	}
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/html/%s", REAL, pages[i]);
		add_file(&fmt[1], path);
	}
	for (k = 0; k < 2; k++)
		for (i = 0; i < fmt[k].n; i++) {
			r = import(&fmt[k].in[i]);
			add(&fmt[2], fmt[k].in[i].name, run_together(r), 0);
			fmt[2].in[fmt[2].n - 1].len = strlen(
			    fmt[2].in[fmt[2].n - 1].buf);
			pkg = export_docx_package(r, &len,
			    &e);
			add(&fmt[3], fmt[k].in[i].name, pkg, len);
			report_free(r);
		}
	add_file(&fmt[4], NB_SOURCE_DIR "/tests/data/pdf/own-pingtan-2024.pdf");
	add_file(&fmt[4],
	    NB_SOURCE_DIR "/tests/data/pdf/official-pingtan-2024.pdf");
	printf("== import, one core (CPU time, the PDF helper's included)\n");
	for (k = 0; k < 5; k++)
		measure(&fmt[k], secs);
	printf("== start (wall, best of 20)\n");
	nb = xstrdup(NB_BIN);
	helper = paths_helper("nianbao-pdftext", "NIANBAO_PDFTEXT");
	printf("%-34s %8.1f ms\n", "nianbao --version",
	    start_ms((char *[]){ nb, "--version", NULL }, "/dev/null"));
	printf("%-34s %8.1f ms  (poppler loaded; only when a PDF "
	    "is read)\n", "nianbao-pdftext, empty input",
	    start_ms((char *[]){ helper, NULL }, "/dev/null"));
	free(helper);
	free(nb);
	for (k = 0; k < 5; k++) {
		for (i = 0; i < fmt[k].n; i++) {
			free(fmt[k].in[i].name);
			free(fmt[k].in[i].buf);
		}
		free(fmt[k].in);
	}
	tu_templates_free(tpls, ntpls);
	return (0);
}
