/*
 * Counting a 10,000-row register (issue 18, "Done when" 4).  A register
 * as an office's would be after a busy year or ten: 10,000 rows over
 * 2015-2024, seven columns, shared strings for the texts, Excel date
 * serials, deflated as Excel saves it, is written to a temporary folder.
 * Then it prints the wall time of:
 *
 *   open       reading the .xlsx into the grid (unzip + streaming XML),
 *              and hashing it;
 *   count      finding the header, mapping the values and counting 2024;
 *   fill       filling a report's table 三 with the provenance;
 *   command    `nianbao ledger FILE --year 2024 -o OUT` as a process
 *              (NB_BIN), first run (guesses, map written) and second run
 *              (map reused);
 *
 * each the median of RUNS runs (default 15), and for open + count the
 * CPU time too, which a loaded machine does not inflate.  Target: open +
 * count under 0.5 s.  Asserts nothing.
 *
 *   bench_ledger [ROWS [RUNS]]
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

#include "ledger.h"
#include "ledger_count.h"
#include "ledger_date.h"
#include "ledger_fill.h"
#include "ledger_map.h"
#include "sbuf.h"
#include "testutil.h"
#include "tpl.h"
#include "xmalloc.h"

extern char **environ;

static const char *const who[] = { "自然人", "公民", "商业企业", "律师事务所",
	"科研机构", "社会公益组织", "其他组织" };
static const char *const what[] = { "予以公开", "已公开", "部分公开",
	"信息不存在", "重复申请", "不予公开（国家秘密）", "信访", "办理中",
	"没有现成信息需要另行制作", "逾期未补正" };

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* CPU time of this process: what the machine's load does not change. */
static double
cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return (v[n / 2]);
}

/* The shared strings: the header, the values, and a name per row. */
static char *
shared(int rows)
{
	struct sbuf	b;
	size_t		i;
	int		r;

	sbuf_init(&b);
	sbuf_adds(&b, "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas."
	    "openxmlformats.org/spreadsheetml/2006/main\"><si><t>序号</t></si>"
	    "<si><t>申请人</t></si><si><t>申请人类型</t></si><si><t>收到申请"
	    "日期</t></si><si><t>申请内容</t></si><si><t>办理结果</t></si>"
	    "<si><t>答复日期</t></si>");
	for (i = 0; i < 7; i++)
		sbuf_addf(&b, "<si><t>%s</t></si>", who[i]);
	for (i = 0; i < 10; i++)
		sbuf_addf(&b, "<si><t>%s</t></si>", what[i]);
	for (r = 0; r < rows; r++)
		sbuf_addf(&b, "<si><t>申请人%d：关于某项目第%d号文件的公开申请"
		    "</t></si>", r, r);
	sbuf_adds(&b, "</sst>");
	return (sbuf_take(&b));
}

/* Row r: received over ten years, most answered within a month. */
static void
sheet_row(struct sbuf *b, int r)
{
	int	recv, ans, base;

	ledger_date_days(2015, 1, 1, &base);
	recv = base + (int)((long)r * 3650 / 10000) + 25569;
	ans = recv + 3 + r % 27;
	sbuf_addf(b, "<row r=\"%d\"><c r=\"A%d\"><v>%d</v></c>"
	    "<c r=\"B%d\" t=\"s\"><v>%d</v></c><c r=\"C%d\" t=\"s\"><v>%d</v>"
	    "</c><c r=\"D%d\" s=\"1\"><v>%d</v></c><c r=\"E%d\" t=\"s\"><v>%d"
	    "</v></c><c r=\"F%d\" t=\"s\"><v>%d</v></c>", r + 2, r + 2, r + 1,
	    r + 2, 17 + r, r + 2, 7 + r % 7, r + 2, recv, r + 2, 17 + r,
	    r + 2, 14 + r % 10);
	if (r % 10 != 7)	/* 办理中 has no date answered */
		sbuf_addf(b, "<c r=\"G%d\" s=\"1\"><v>%d</v></c>", r + 2, ans);
	sbuf_adds(b, "</row>");
}

static char *
sheet(int rows)
{
	struct sbuf	b;
	int		r;

	sbuf_init(&b);
	sbuf_adds(&b, "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas"
	    ".openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r="
	    "\"1\">");
	for (r = 0; r < 7; r++)
		sbuf_addf(&b, "<c r=\"%c1\" t=\"s\"><v>%d</v></c>", 'A' + r, r);
	sbuf_adds(&b, "</row>");
	for (r = 0; r < rows; r++)
		sheet_row(&b, r);
	sbuf_adds(&b, "</sheetData></worksheet>");
	return (sbuf_take(&b));
}

static void
add(zip_t *za, const char *name, char *text)
{
	zip_source_t *s = zip_source_buffer(za, text, strlen(text), 1);

	if (s == NULL || zip_file_add(za, name, s, 0) < 0)
		abort();
}

static void
write_xlsx(const char *path, int rows)
{
	zip_t	*za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, NULL);

	if (za == NULL)
		abort();
	add(za, "xl/workbook.xml", xstrdup("<workbook xmlns:r=\"r\"><sheets>"
	    "<sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
	    "</workbook>"));
	add(za, "xl/_rels/workbook.xml.rels", xstrdup("<Relationships>"
	    "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
	    "</Relationships>"));
	add(za, "xl/sharedStrings.xml", shared(rows));
	add(za, "xl/worksheets/sheet1.xml", sheet(rows));
	if (zip_close(za) != 0)
		abort();
}

/* Wall time of the command, in seconds; -1 when it failed. */
static double
command(const char *xlsx, const char *out)
{
	const char	*argv[] = { NB_BIN, "ledger", xlsx, "--year", "2024",
			    "-o", out, "--force", NULL };
	posix_spawn_file_actions_t fa;
	double		 t0 = now();
	pid_t		 pid;
	int		 st;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", 1, 0);
	if (posix_spawn(&pid, NB_BIN, &fa, NULL, (char *const *)argv,
	    environ) != 0)
		return (-1);
	posix_spawn_file_actions_destroy(&fa);
	waitpid(pid, &st, 0);
	return (WIFEXITED(st) && WEXITSTATUS(st) == 0 ? now() - t0 : -1);
}

int
main(int argc, char **argv)
{
	int			 rows = argc > 1 ? atoi(argv[1]) : 10000;
	int			 runs = argc > 2 ? atoi(argv[2]) : 15, i;
	char			*dir = tu_tmpdir(), *xlsx, *out, *map;
	double			*to = xcalloc((size_t)runs, sizeof *to);
	double			*tc = xcalloc((size_t)runs, sizeof *tc);
	double			*tf = xcalloc((size_t)runs, sizeof *tf);
	double			 t0, c0, first, second;
	double			*cu = xcalloc((size_t)runs, sizeof *cu);
	size_t			 counted = 0;
	struct stat		 st;
	struct tpl		*t = tu_tpl("gb2021");
	struct ledger_opts	 o = { 2024, 0 };
	struct ledger_map	 m;
	struct ledger_count	 c;
	struct ledger_fill	*f;
	struct ledger		*L = NULL;
	struct report		*r;
	struct err		 e = { 0 };

	xlsx = tu_path(dir, "台账.xlsx");
	out = tu_path(dir, "2024.yaml");
	map = tu_path(dir, "台账.map.yaml");
	write_xlsx(xlsx, rows);
	ledger_date_days(2026, 1, 1, &o.today);
	for (i = 0; i < runs; i++) {
		ledger_free(L);
		t0 = now();
		c0 = cpu();
		if ((L = ledger_open(xlsx, &e)) == NULL) {
			fprintf(stderr, "bench_ledger: %s\n", e.msgid);
			return (1);
		}
		to[i] = now() - t0;
		ledger_map_init(&m);
		ledger_count_init(&c);
		t0 = now();
		if (!ledger_count(L, &m, &o, &c, &e) || !ledger_count_ok(&c)) {
			fprintf(stderr, "bench_ledger: not counted\n");
			return (1);
		}
		tc[i] = now() - t0;
		cu[i] = cpu() - c0;
		r = report_new(t);
		report_set_year(r, 2024);
		t0 = now();
		f = ledger_fill(r, &c, "台账.xlsx", ledger_sha256(L), &e);
		tf[i] = now() - t0;
		counted = c.nentries;
		ledger_fill_free(f);
		report_free(r);
		ledger_count_done(&c);
		ledger_map_done(&m);
	}
	stat(xlsx, &st);
	printf("register: %d rows over 2015-2024 (%zu counted for 2024), "
	    ".xlsx of %lld KiB, median of %d runs\n", rows, counted,
	    (long long)st.st_size / 1024, runs);
	ledger_free(L);
	unlink(map);
	first = command(xlsx, out);
	second = command(xlsx, out);
	printf("%-38s %8.1f ms\n", "open (.xlsx to grid, SHA-256)",
	    1e3 * median(to, runs));
	printf("%-38s %8.1f ms\n", "count (header, values, periods)",
	    1e3 * median(tc, runs));
	printf("%-38s %8.1f ms\n", "fill (三 and its provenance)",
	    1e3 * median(tf, runs));
	printf("%-38s %8.1f ms   (target < 500 ms)\n", "open + count",
	    1e3 * (median(to, runs) + median(tc, runs)));
	printf("%-38s %8.1f ms   (CPU time, whatever the load)\n",
	    "open + count", 1e3 * median(cu, runs));
	printf("%-38s %8.1f ms\n", "nianbao ledger, first run", 1e3 * first);
	printf("%-38s %8.1f ms\n", "nianbao ledger, map reused", 1e3 * second);
	tu_rmtree(dir);
	free(dir);
	free(xlsx);
	free(out);
	free(map);
	free(to);
	free(tc);
	free(tf);
	free(cu);
	tpl_free(t);
	return (0);
}
