/*
 * The report file: a full round trip (text exactly, every value, published
 * and previous values), stable output, bad files refused with file:line
 * and a message id, and a save that fails part way leaving the original
 * byte for byte as it was.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsio.h"
#include "store.h"
#include "testutil.h"
#include "xmalloc.h"

static struct tpl *T[2];

static void
setup(void)
{
	tu_tpl_pair(T);
}

static void
teardown(void)
{
	tu_tpl_pair_free(T);
}

TestSuite(store, .init = setup, .fini = teardown);

/* A report with every input cell set to a distinct value and odd text. */
static struct report *
full_report(void)
{
	struct report	*r = report_new(T[0]);
	struct err	 e = { 0 };
	char		 v[32];
	size_t		 i, k = 1;

	report_set_organ(r, "小城子镇人民政府");
	report_set_year(r, 2024);
	for (i = 0; i < T[0]->ncells; i++) {
		if (T[0]->cells[i].formula >= 0)
			continue;
		if (T[0]->cells[i].type.kind == NUM_MONEY)
			snprintf(v, sizeof v, "%zu.0%zu", k, k % 7);
		else
			snprintf(v, sizeof v, "%zu", k);
		cr_assert(report_set_input(r, (int)i, v, NULL, &e), "%s", v);
		k++;
	}
	report_set_text(r, 0, "　　2024年，本机关坚持“公开为常态”。\n"
	    "第二段：含有 \"引号\"、\\反斜杠、#井号: 冒号\n\n", NULL);
	report_set_text(r, 5, "全年收取信息处理费0元。", NULL);
	return (r);
}

Test(store, round_trip_exact)
{
	struct report	*r = full_report(), *back;
	char		*dir = tu_tmpdir(), *path = tu_path(dir, "r.yaml");
	char		*a, *b;
	struct err	 e = { 0 };
	size_t		 i;

	cr_assert(store_save(r, path, &e));
	back = store_load(path, T, 2, &e);
	cr_assert_not_null(back, "%s", e.msgid ? e.msgid : "");
	cr_assert_str_eq(report_organ(back), "小城子镇人民政府");
	cr_assert_eq(report_year(back), 2024);
	for (i = 0; i < T[0]->nsections; i++)
		cr_assert_str_eq(report_text(back, (int)i),
		    report_text(r, (int)i));
	for (i = 0; i < T[0]->ncells; i++) {
		struct report_value x = report_value(r, (int)i);
		struct report_value y = report_value(back, (int)i);
		cr_assert_eq(x.state, y.state);
		cr_assert_eq(x.n.v, y.n.v, "%s", T[0]->cells[i].id);
		cr_assert_eq(x.n.dp, y.n.dp);
	}
	/* Saving what was loaded gives the same bytes: stable key order. */
	a = store_dump(r);
	b = store_dump(back);
	cr_assert_str_eq(a, b);
	cr_assert(strstr(a, "\n  t3.new.natural: ") != NULL);
	free(a);
	free(b);
	report_free(back);
	report_free(r);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

Test(store, published_and_previous_survive)
{
	struct report		*r = report_new(T[0]), *last = report_new(T[0]);
	struct report		*back;
	struct report_value	 v = { RV_SET, { 20, 0 } }, got;
	struct err		 e = { 0 };
	char			*text;
	int			 tot = tpl_cell_index(T[0], "t3.r_total.natural");
	int			 co = tpl_cell_index(T[0], "t3.carried_out.natural");

	report_set_published(r, tot, &v);
	cr_assert(report_set_input(last, co, "4", NULL, &e));
	report_set_prev(r, last);
	text = store_dump(r);
	back = store_parse(text, strlen(text), "mem", T, 2, &e);
	cr_assert_not_null(back, "%s:%d %s %s\n%s", e.path, e.line, e.msgid,
	    e.nargs ? e.args[0] : "", text);
	cr_assert(report_published(back, tot, &got));
	cr_assert_eq(got.n.v, 20);
	cr_assert(report_prev_value(back, co, &got));
	cr_assert_eq(got.n.v, 4);
	free(text);
	report_free(back);
	report_free(last);
	report_free(r);
}

/* Parses text and expects it refused with msgid at line. */
static void
refused(const char *text, const char *msgid, int line)
{
	struct err	 e = { 0 };
	struct report	*r;

	r = store_parse(text, strlen(text), "bad.yaml", T, 2, &e);
	cr_assert_null(r, "accepted: %s", text);
	cr_assert_str_eq(e.msgid, msgid, "%s: got %s", text, e.msgid);
	cr_assert_str_eq(e.path, "bad.yaml");
	if (line > 0)
		cr_assert_eq(e.line, line, "%s: line %d", msgid, e.line);
	err_clear(&e);
}

Test(store, bad_files)
{
	refused("a: [1, 2\n", "yaml.syntax", 0);
	refused("- a\n- b\n", "store.not_report", 1);
	refused("nianbao: 1\ntemplate: gb2099\n", "store.unknown_template", 2);
	refused("nianbao: 7\ntemplate: gb2021\n", "store.version", 1);
	refused("nianbao: 1\ntemplate: gb2021\nyear: 二〇二四\n",
	    "store.bad_year", 3);
	refused("nianbao: 1\ntemplate: gb2021\ncells:\n  t9.x.y: 1\n",
	    "store.unknown_cell", 4);
	refused("nianbao: 1\ntemplate: gb2021\ncells:\n  t3.new.total: 1\n",
	    "store.computed", 4);
	refused("nianbao: 1\ntemplate: gb2021\ncells:\n  t3.new.natural: -1\n",
	    "num.e_negative", 4);
	refused("nianbao: 1\ntemplate: gb2021\ncells:\n  t3.new.natural: [1]\n",
	    "store.type", 4);
	refused("nianbao: 1\ntemplate: gb2021\ncolour: red\n",
	    "store.unknown_key", 3);
	refused("nianbao: 1\ntemplate: gb2021\nsections:\n  s9: x\n",
	    "store.unknown_section", 4);
	refused("nianbao: 1\ntemplate: gb2021\norgan: &a x\n", "yaml.anchor", 3);
	refused("nianbao: 1\nnianbao: 1\n", "yaml.dupkey", 2);
	refused("nianbao: 1\ntemplate: gb2021\norgan: \"\xff\"\n", "yaml.utf8",
	    3);
}

Test(store, directory_and_fifo_refused)
{
	char		*dir = tu_tmpdir(), *fifo = tu_path(dir, "f");
	struct err	 e = { 0 };

	cr_assert_null(store_load(dir, T, 2, &e));
	cr_assert_str_eq(e.msgid, "file.not_regular");
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_null(store_load(fifo, T, 2, &e));
	cr_assert_str_eq(e.msgid, "file.not_regular");
	cr_assert_null(store_load("/nonexistent/r.yaml", T, 2, &e));
	cr_assert_str_eq(e.msgid, "file.open");
	err_clear(&e);
	unlink(fifo);
	rmdir(dir);
	free(fifo);
	free(dir);
}

/* Fault injection: fail the Nth write() of a save. */
static int	fail_at, calls;

static int
real_open(const char *p, int flags, mode_t mode)
{
	return (open(p, flags, mode));
}

static ssize_t
bad_write(int fd, const void *p, size_t n)
{
	if (++calls == fail_at) {
		errno = ENOSPC;
		return (-1);
	}
	return (write(fd, p, n));
}

Test(store, failed_save_keeps_original)
{
	struct fsio_ops	 ops = { real_open, bad_write, fsync, fchmod, close,
			    rename, unlink };
	struct report	*r = full_report();
	char		*dir = tu_tmpdir(), *path = tu_path(dir, "r.yaml");
	char		*before, *after;
	struct err	 e = { 0 };

	cr_assert(store_save(r, path, &e));
	before = tu_read(path, NULL);
	cr_assert(report_set_input(r, 3, "999", NULL, &e));
	fsio_set_ops(&ops);
	calls = 0;
	fail_at = 1;
	cr_assert(!store_save(r, path, &e));
	fsio_set_ops(NULL);
	cr_assert_str_eq(e.msgid, "save.nospace");
	after = tu_read(path, NULL);
	cr_assert_str_eq(before, after, "original changed by a failed save");
	/* The edit is still in memory and a later save succeeds. */
	cr_assert(store_save(r, path, &e));
	free(after);
	after = tu_read(path, NULL);
	cr_assert(strstr(after, ": 999\n") != NULL);
	err_clear(&e);
	free(before);
	free(after);
	report_free(r);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

Test(store, mode_kept)
{
	struct report	*r = report_new(T[0]);
	char		*dir = tu_tmpdir(), *path = tu_path(dir, "r.yaml");
	struct err	 e = { 0 };
	struct stat	 st;

	cr_assert(store_save(r, path, &e));
	cr_assert_eq(chmod(path, 0640), 0);
	report_set_organ(r, "某镇");
	cr_assert(store_save(r, path, &e));
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0640);
	report_free(r);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

/* ---- branches the tests above do not reach (T17) */

/* Where the imported figures came from survives a save and a load. */
Test(store, sources_round_trip)
{
	struct report	*r = report_new(T[0]), *back;
	struct err	 e = { 0 };
	char		*text;

	report_add_source(r, "2023年报.docx");
	report_add_source(r, "表三: \"补充\"");
	text = store_dump(r);
	cr_assert_not_null(strstr(text, "\nsources:\n  - "), "%s", text);
	back = store_parse(text, strlen(text), "mem", T, 2, &e);
	cr_assert_not_null(back, "%s: %s", e.msgid, text);
	cr_assert_eq(report_nsources(back), 2);
	cr_assert_str_eq(report_source(back, 0), "2023年报.docx");
	cr_assert_str_eq(report_source(back, 1), "表三: \"补充\"");
	free(text);
	report_free(back);
	report_free(r);
}

Test(store, sources_and_previous_sections_refused)
{
	refused("nianbao: 1\ntemplate: gb2021\nsources: a.docx\n",
	    "store.type", 3);
	refused("nianbao: 1\ntemplate: gb2021\nsources:\n  - [a.docx]\n",
	    "store.type", 4);
	refused("nianbao: 1\ntemplate: gb2021\nprevious_sections: [a]\n",
	    "store.type", 3);
	refused("nianbao: 1\ntemplate: gb2021\nyear: ''\n", "store.bad_year",
	    3);
}

/* A quoted year is a year; an empty one means none. */
Test(store, year_quoted_or_empty)
{
	static const char	*quoted = "nianbao: 1\ntemplate: gb2021\n"
	    "year: \"2023\"\n";
	static const char	*empty = "nianbao: 1\ntemplate: gb2021\nyear:\n";
	struct err		 e = { 0 };
	struct report		*r;

	r = store_parse(quoted, strlen(quoted), "q.yaml", T, 2, &e);
	cr_assert_not_null(r, "%s", e.msgid);
	cr_assert_eq(report_year(r), 2023);
	report_free(r);
	r = store_parse(empty, strlen(empty), "e.yaml", T, 2, &e);
	cr_assert_not_null(r, "%s", e.msgid);
	cr_assert_eq(report_year(r), 0);
	report_free(r);
}

/* "null", "~" and nothing at all are blank cells, not bad numbers. */
Test(store, null_forms_are_blank)
{
	const struct tpl	*t = T[0];
	struct err		 e = { 0 };
	struct report		*r;
	char			*text;
	int			 in[3], n = 0;
	size_t			 i;

	for (i = 0; i < t->ncells && n < 3; i++)
		if (t->cells[i].formula < 0)
			in[n++] = (int)i;
	cr_assert_eq(n, 3);
	text = xasprintf("nianbao: 1\ntemplate: gb2021\ncells:\n"
	    "  %s: null\n  %s: ~\n  %s:\n", t->cells[in[0]].id,
	    t->cells[in[1]].id, t->cells[in[2]].id);
	r = store_parse(text, strlen(text), "n.yaml", T, 2, &e);
	cr_assert_not_null(r, "%s %s", e.msgid, text);
	for (n = 0; n < 3; n++)
		cr_assert_eq(report_value(r, in[n]).state, RV_BLANK);
	free(text);
	report_free(r);
}

/* The template's last cell, then an earlier one: found out of order. */
Test(store, last_cell_then_earlier)
{
	const struct tpl	*t = T[0];
	struct err		 e = { 0 };
	struct report		*r;
	struct report_value	 got;
	char			*text;
	int			 last = (int)t->ncells - 1;

	text = xasprintf("nianbao: 1\ntemplate: gb2021\nprevious:\n"
	    "  %s: 7\n  %s: 3\n", t->cells[last].id, t->cells[0].id);
	r = store_parse(text, strlen(text), "o.yaml", T, 2, &e);
	cr_assert_not_null(r, "%s %s", e.msgid, text);
	cr_assert(report_prev_value(r, last, &got));
	cr_assert_eq(got.n.v, t->cells[last].type.kind == NUM_MONEY ?
	    7 * NUM_MONEY_SCALE : 7);
	cr_assert(report_prev_value(r, 0, &got));
	cr_assert_eq(got.n.v, t->cells[0].type.kind == NUM_MONEY ?
	    3 * NUM_MONEY_SCALE : 3);
	free(text);
	report_free(r);
}
