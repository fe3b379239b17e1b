/*
 * The .docx export: the XML writer's escaping, the table geometry against
 * the official form's merges, the document.xml golden file, the package
 * (parts, determinism, atomic write), the Word-safety rules, and then the
 * real thing through tests/docx_check.py: python-docx reads every value
 * back, merges compared with the official template, xmllint on every part,
 * and LibreOffice's PDF checked with poppler (skipped only when LibreOffice
 * is not installed).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zip.h>

#include "docx_parts.h"
#include "docx_table.h"
#include "export_docx.h"
#include "export_pdf.h"
#include "fontmap.h"
#include "fsio.h"
#include "sbuf.h"
#include "store.h"
#include "testutil.h"
#include "text.h"
#include "xmalloc.h"
#include "xmlw.h"

#define DATA		NB_SOURCE_DIR "/tests/data/docx"
#define FULL2021	DATA "/full2021.yaml"
#define FULL2019	DATA "/full2019.yaml"
#define PUBLISH		DATA "/publish2021.yaml"
#define GOLDEN		DATA "/full2021.document.xml"
#define OFFICIAL	NB_REAL_DIR "/official-template-2021.docx"
#define CHECKER		NB_SOURCE_DIR "/tests/docx_check.py"

static struct tpl *T[2];

static void
setup(void)
{
	tu_tpl_pair(T);
	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);	/* 2025-01-01 */
}

static void
teardown(void)
{
	tu_tpl_pair_free(T);
	text_cleanup();
}

static struct report *
load(const char *path)
{
	struct err	 e = { 0 };
	struct report	*r = store_load(path, T, 2, &e);

	cr_assert(r != NULL, "%s: %s", path, e.msgid);
	return (r);
}

static char *
escaped(const char *s, bool attr)
{
	struct sbuf	b;

	sbuf_init(&b);
	xmlw_escape(&b, s, strlen(s), attr);
	return (sbuf_take(&b));
}

/* --- the XML writer ------------------------------------------------------ */

TestSuite(xmlw);

Test(xmlw, escapes_markup_in_text_and_attributes)
{
	char	*t = escaped("a&b<c>\"d'", false), *a = escaped("a&b<c>\"d'",
	    true);

	cr_assert_str_eq(t, "a&amp;b&lt;c&gt;\"d'");
	cr_assert_str_eq(a, "a&amp;b&lt;c&gt;&quot;d&apos;");
	free(t);
	free(a);
}

Test(xmlw, drops_what_xml_cannot_carry)
{
	char	*t = escaped("\x01" "a\rb\tc\nd\x7f" "e\xc2\x85" "f\xef\xbf\xbe"
	    "g", false);
	char	*a = escaped("x\ty\nz", true);

	/* C0 (not TAB/LF), CR, C1 (U+0085) and U+FFFE go; DEL may stay. */
	cr_assert_str_eq(t, "ab\tc\nd\x7f" "efg");
	cr_assert_str_eq(a, "x&#9;y&#10;z");
	free(t);
	free(a);
}

Test(xmlw, replaces_invalid_utf8)
{
	/* A stray continuation, an overlong '/', a surrogate, a truncated
	 * sequence; valid CJK and a 4-byte emoji survive. */
	char	*t = escaped("\x80|\xc0\xaf|\xed\xa0\x80|汉😀|\xe6\xb1", false);

	cr_assert_str_eq(t, "\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd|"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|汉😀|"
	    "\xef\xbf\xbd\xef\xbf\xbd");
	free(t);
}

Test(xmlw, nests_and_closes_empty_elements)
{
	struct sbuf	b;
	struct xmlw	w;

	sbuf_init(&b);
	xmlw_init(&w, &b);
	xmlw_start(&w, "a");
	xmlw_attri(&w, "n", -3);
	xmlw_empty(&w, "b", "v", "<");
	cr_assert(!xmlw_closed(&w));
	xmlw_text(&w, "t&", 2);
	xmlw_start(&w, "c");
	xmlw_end(&w);
	xmlw_end(&w);
	cr_assert(xmlw_closed(&w));
	cr_assert_str_eq(b.s, "<a n=\"-3\"><b v=\"&lt;\"/>t&amp;<c/></a>");
	sbuf_done(&b);
}

/* --- table geometry -------------------------------------------------------- */

TestSuite(docx_table, .init = setup, .fini = teardown);

/*
 * A row as "span+merge" per cell: "3R" gridSpan 3 vMerge restart, "1C" a
 * continued merge, "7" plain.
 */
static char *
shape(const struct docx_table *dt, size_t row)
{
	struct sbuf	 b;
	size_t		 k;

	sbuf_init(&b);
	for (k = 0; k < dt->rows[row].n; k++) {
		const struct docx_tc *tc = &dt->tcs[dt->rows[row].first + k];
		sbuf_addf(&b, "%s%d%s", k ? " " : "", tc->span,
		    tc->vmerge == DOCX_VM_RESTART ? "R" :
		    tc->vmerge == DOCX_VM_CONTINUE ? "C" : "");
	}
	return (sbuf_take(&b));
}

static void
assert_shapes(const struct docx_table *dt, const char *const *want,
    size_t n)
{
	size_t	i;
	char	*s;

	cr_assert_eq(dt->nrows, n, "%zu rows, want %zu", dt->nrows, n);
	for (i = 0; i < n; i++) {
		s = shape(dt, i);
		cr_expect_str_eq(s, want[i], "row %zu: %s, want %s", i, s,
		    want[i]);
		free(s);
	}
}

/* The official 格式模板's merges, row by row (from its document.xml). */
Test(docx_table, t2_t3_t4_merge_as_the_official_form)
{
	static const char *const t2[] = { "4", "1 1 1 1", "1 1 1 1",
	    "1 1 1 1", "4", "1 3", "1 3", "4", "1 3", "1 3", "1 3", "4", "1 3",
	    "1 3" };
	static const char *const t3top[] = { "3R 7", "3C 1R 5 1R",
	    "3C 1C 1 1 1 1 1 1C", "3 1 1 1 1 1 1 1", "3 1 1 1 1 1 1 1",
	    "1R 2 1 1 1 1 1 1 1", "1C 2 1 1 1 1 1 1 1",
	    "1C 1R 1 1 1 1 1 1 1 1", "1C 1C 1 1 1 1 1 1 1 1" };
	static const char *const t4[] = { "5 10", "1R 1R 1R 1R 1R 5 5",
	    "1C 1C 1C 1C 1C 1 1 1 1 1 1 1 1 1 1",
	    "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1" };
	struct report		*r = load(FULL2021);
	struct docx_table	*dt;
	char			*s;

	dt = docx_table_new(r, 0, EXPORT_DOCX_TEXT_W);
	cr_expect_eq(dt->ncols, 4);
	assert_shapes(dt, t2, 14);
	docx_table_free(dt);

	dt = docx_table_new(r, 1, EXPORT_DOCX_TEXT_W);
	cr_expect_eq(dt->ncols, 10);
	cr_assert_eq(dt->nrows, 28);
	for (size_t i = 0; i < sizeof t3top / sizeof t3top[0]; i++) {
		s = shape(dt, i);
		cr_expect_str_eq(s, t3top[i], "t3 row %zu: %s", i, s);
		free(s);
	}
	s = shape(dt, 26);		/* （七）总计 */
	cr_expect_str_eq(s, "1C 2 1 1 1 1 1 1 1");
	free(s);
	s = shape(dt, 27);		/* 四、结转下年度继续办理 */
	cr_expect_str_eq(s, "3 1 1 1 1 1 1 1");
	free(s);
	cr_expect_str_eq(dt->tcs[dt->rows[5].first].text, "三、本年度办理结果");
	cr_expect(dt->rows[0].header && dt->rows[2].header &&
	    !dt->rows[3].header);
	docx_table_free(dt);

	dt = docx_table_new(r, 2, EXPORT_DOCX_TEXT_W);
	cr_expect_eq(dt->ncols, 15);
	assert_shapes(dt, t4, 4);
	docx_table_free(dt);
	report_free(r);
}

/* Widths stay inside the text area; cells have their columns' widths. */
static void
assert_widths(const struct docx_table *dt)
{
	int	sum = 0, i, k;
	size_t	j;

	for (i = 0; i < dt->ncols; i++) {
		cr_expect_gt(dt->colw[i], 2 * dt->margin);
		sum += dt->colw[i];
	}
	cr_expect_eq(sum, dt->width);
	cr_expect_leq(sum, EXPORT_DOCX_TEXT_W);
	for (j = 0; j < dt->ntcs; j++) {
		const struct docx_tc *tc = &dt->tcs[j];
		for (sum = 0, k = 0; k < tc->span; k++)
			sum += dt->colw[tc->gridcol + k];
		cr_expect_eq(tc->width, sum);
	}
}

/*
 * Issue 14, defect 3: 表三's label columns are the official form's 754 /
 * 921 / 3271 twips whatever the values (they were 714 / 714 / 2517 and
 * narrowed with a 4-digit value), and the type stays 10 pt (表四 went down
 * to 9 and 7.5 pt).
 */
Test(docx_table, official_widths_whatever_the_values)
{
	static const char *const big[] = { "9", "1234", "12345",
	    "123456789012" };
	struct report	*r = load(FULL2021);
	struct err	 e = { 0 };
	int		 t3 = tpl_cell_index(T[0], "t3.new.natural");
	int		 t4 = tpl_cell_index(T[0], "t4.n.review_upheld");
	size_t		 i;
	int		 t;

	for (i = 0; i < sizeof big / sizeof big[0]; i++) {
		cr_assert(report_set_input(r, t3, big[i], NULL, &e));
		cr_assert(report_set_input(r, t4, big[i], NULL, &e));
		for (t = 0; t < 3; t++) {
			struct docx_table *dt = docx_table_new(r, t,
			    EXPORT_DOCX_TEXT_W);
			assert_widths(dt);
			cr_expect_eq(dt->size, 20, "table %d, %s: %d", t,
			    big[i], dt->size);
			if (t == 1) {
				cr_expect_eq(dt->colw[0], 754);
				cr_expect_eq(dt->colw[1], 921);
				cr_expect_eq(dt->colw[2], 3271);
			}
			/* Five digits fit every value column. */
			if (strlen(big[i]) <= 5)
				cr_expect(dt->fits, "table %d, %s", t, big[i]);
			docx_table_free(dt);
		}
	}
	report_free(r);
}

/* --- document.xml ------------------------------------------------------ */

TestSuite(docx, .init = setup, .fini = teardown);

Test(docx, document_xml_matches_the_golden_file)
{
	struct report	*r = load(FULL2021);
	char		*xml = export_docx_document_xml(r), *want;

	if (getenv("NB_UPDATE_GOLDEN") != NULL)
		tu_write(GOLDEN, xml);
	want = tu_read(GOLDEN, NULL);
	cr_assert(want != NULL, "no %s (NB_UPDATE_GOLDEN=1 makes it)", GOLDEN);
	cr_expect(strcmp(xml, want) == 0,
	    "document.xml differs from %s", GOLDEN);
	free(want);
	free(xml);
	report_free(r);
}

static size_t
count(const char *s, const char *what)
{
	size_t	n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return (n);
}

/* The rules that keep Word from reporting unreadable content. */
static void
assert_word_safe(const char *xml)
{
	const char	*p, *r, *q;

	cr_expect_gt(count(xml, "<w:tc>"), 0);
	cr_expect_eq(count(xml, "<w:tc>"), count(xml, "</w:p></w:tc>"),
	    "a cell not ending with a paragraph");
	cr_expect_eq(count(xml, "<w:tc>"), count(xml, "<w:tcPr><w:tcW "));
	cr_expect_eq(count(xml, "<w:tbl>"), count(xml, "<w:tblGrid>"));
	cr_expect_eq(count(xml, "<w:r>"), count(xml, "<w:r><w:rPr><w:rFonts "));
	for (p = xml; (p = strstr(p, "<w:rFonts ")) != NULL; p++) {
		q = strchr(p, '>');
		cr_expect(memmem(p, (size_t)(q - p), "w:eastAsia=\"", 12) !=
		    NULL, "rFonts without eastAsia");
	}
	/* Every quote's run carries the East Asian hint. */
	for (p = xml; (p = strstr(p, "“")) != NULL; p++) {
		for (r = p; r > xml && strncmp(r, "<w:r>", 5) != 0; r--)
			;
		q = strstr(r, "</w:rPr>");
		cr_expect(q != NULL && memmem(r, (size_t)(q - r),
		    "w:hint=\"eastAsia\"", 17) != NULL, "quote without hint");
	}
}

Test(docx, word_safety_rules_hold)
{
	struct report	*r = load(FULL2021);
	char		*xml = export_docx_document_xml(r);

	assert_word_safe(xml);
	cr_expect(strstr(xml, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != NULL);
	cr_expect(strstr(xml, "<w:pgMar w:top=\"2098\" w:right=\"1474\" "
	    "w:bottom=\"1984\" w:left=\"1587\"") != NULL);
	cr_expect(strstr(xml, "<w:docGrid w:type=\"linesAndChars\" "
	    "w:linePitch=\"579\" w:charSpace=\"0\"/>") != NULL);
	cr_expect(strstr(xml, "w:vMerge w:val=\"restart\"") != NULL);
	cr_expect(strstr(xml, "<w:gridSpan w:val=\"15\"/>") == NULL);
	cr_expect(strstr(xml, "<w:gridSpan w:val=\"10\"/>") != NULL);
	free(xml);
	report_free(r);
}

Test(docx, narrative_lines_become_indented_paragraphs)
{
	struct report	*r = load(FULL2021);
	int		 s1 = tpl_section_index(T[0], "s1");
	char		*xml;

	report_set_text(r, s1, "　　第一段。\n\n  （二）依申请公开情况\n"
	    "（三）管理。其后正文。\n（十二）第十二项\n（甲）不是标题", NULL);
	xml = export_docx_document_xml(r);
	/* The ideographic indent is dropped; the blank line is skipped. */
	cr_expect(strstr(xml, "<w:t>第一段。</w:t>") != NULL);
	cr_expect(strstr(xml, "<w:t>　　第一段") == NULL);
	cr_expect(strstr(xml, "<w:pStyle w:val=\"Heading2\"/><w:ind "
	    "w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr><w:r><w:rPr>"
	    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
	    "w:eastAsia=\"楷体_GB2312\"") != NULL);
	/* A heading followed by text: 楷体 up to the first 。, then 仿宋. */
	cr_expect(strstr(xml, "楷体_GB2312\" w:cs=\"Times New Roman\"/>"
	    "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr><w:t>（三）管理。"
	    "</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
	    "w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\"") != NULL);
	cr_expect(strstr(xml, "<w:pPr><w:pStyle w:val=\"Heading2\"/><w:ind "
	    "w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr><w:r><w:rPr>"
	    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
	    "w:eastAsia=\"楷体_GB2312\" w:cs=\"Times New Roman\"/><w:sz "
	    "w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr><w:t>（十二）第十二项"
	    "</w:t>") != NULL);
	cr_expect(strstr(xml, "w:eastAsia=\"仿宋_GB2312\" w:cs=\"Times New "
	    "Roman\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr>"
	    "<w:t>（甲）不是标题</w:t>") != NULL);
	cr_expect_eq(count(xml, "<w:pStyle w:val=\"Heading2\"/>"), 2);
	free(xml);
	report_free(r);
}

Test(docx, user_text_is_escaped)
{
	struct report	*r = load(FULL2021);
	struct err	 e = { 0 };
	char		*xml;
	void		*pkg;
	size_t		 len;

	report_set_organ(r, "A&B<镇>\x01政府");
	report_set_text(r, 0, "a]]>b\x02 “引号”&<x/>", NULL);
	xml = export_docx_document_xml(r);
	cr_expect(strstr(xml, "A&amp;B&lt;镇&gt;政府") != NULL);
	cr_expect(strstr(xml, "a]]&gt;b") != NULL);
	cr_expect(strstr(xml, "&amp;&lt;x/&gt;") != NULL);
	cr_expect(strchr(xml, '\x01') == NULL && strchr(xml, '\x02') == NULL);
	assert_word_safe(xml);
	free(xml);
	pkg = export_docx_package(r, &len, &e);
	cr_assert(pkg != NULL);
	free(pkg);
	report_free(r);
}

/* --- the package -------------------------------------------------------- */

static char *
zip_entry(zip_t *za, const char *name)
{
	zip_stat_t	 st;
	zip_file_t	*f;
	char		*buf;

	if (zip_stat(za, name, 0, &st) != 0)
		return (NULL);
	buf = xmalloc(st.size + 1);
	f = zip_fopen(za, name, 0);
	cr_assert(f != NULL);
	cr_assert_eq(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	buf[st.size] = '\0';
	return (buf);
}

static zip_t *
open_mem(const void *buf, size_t len, zip_source_t **src)
{
	zip_error_t	 ze;
	zip_t		*za;

	zip_error_init(&ze);
	*src = zip_source_buffer_create(buf, len, 0, &ze);
	cr_assert(*src != NULL);
	za = zip_open_from_source(*src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	cr_assert(za != NULL, "not a zip: %s", zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return (za);
}

Test(docx, package_holds_every_part_and_is_reproducible)
{
	struct report	*r = load(FULL2021);
	struct err	 e = { 0 };
	size_t		 len, len2, i;
	void		*a = export_docx_package(r, &len, &e);
	void		*b = export_docx_package(r, &len2, &e);
	zip_source_t	*src;
	zip_t		*za;
	char		*s, *xml;

	cr_assert(a != NULL && b != NULL);
	cr_expect(len == len2 && memcmp(a, b, len) == 0,
	    "two exports with SOURCE_DATE_EPOCH differ");
	za = open_mem(a, len, &src);
	cr_expect_eq(zip_get_num_entries(za, 0), (zip_int64_t)docx_nparts);
	cr_expect_str_eq(zip_get_name(za, 0, 0), "[Content_Types].xml");
	for (i = 0; i < docx_nparts; i++) {
		s = zip_entry(za, docx_parts[i].name);
		cr_assert(s != NULL, "no %s", docx_parts[i].name);
		cr_expect(strncmp(s, "<?xml version=\"1.0\"", 19) == 0);
		free(s);
	}
	xml = export_docx_document_xml(r);
	s = zip_entry(za, "word/document.xml");
	cr_expect_str_eq(s, xml);
	free(s);
	free(xml);
	s = zip_entry(za, "docProps/core.xml");
	cr_expect(strstr(s, "<dc:creator>小城子镇人民政府</dc:creator>") != NULL);
	cr_expect(strstr(s, "<dc:title>小城子镇人民政府2024年政府信息公开工作"
	    "年度报告</dc:title>") != NULL);
	cr_expect(strstr(s, ">2025-01-01T00:00:00Z</dcterms:created>") != NULL);
	free(s);
	s = zip_entry(za, "word/settings.xml");
	cr_expect(strstr(s, "<w:evenAndOddHeaders/>") != NULL);
	free(s);
	s = zip_entry(za, "word/footer2.xml");
	cr_expect(strstr(s, "<w:jc w:val=\"left\"/>") != NULL);
	cr_expect(strstr(s, "<w:instrText xml:space=\"preserve\"> PAGE "
	    "</w:instrText>") != NULL);
	free(s);
	zip_close(za);
	free(a);
	free(b);
	report_free(r);
}

/* Names in dir other than . and .., newline-separated and sorted. */
static char *
listing(const char *dir)
{
	struct dirent	**ents;
	struct sbuf	  b;
	int		  n, i;

	sbuf_init(&b);
	n = scandir(dir, &ents, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (strcmp(ents[i]->d_name, ".") != 0 &&
		    strcmp(ents[i]->d_name, "..") != 0)
			sbuf_addf(&b, "%s\n", ents[i]->d_name);
		free(ents[i]);
	}
	free(ents);
	return (sbuf_take(&b));
}

Test(docx, export_writes_atomically_and_leaves_nothing_behind)
{
	struct report	*r = load(FULL2021);
	struct err	 e = { 0 };
	char		*dir = tu_tmpdir(), *out = tu_path(dir, "报告.docx");
	char		*bad = tu_path(dir, "missing/x.docx"), *ls, *data;
	struct stat	 st;
	size_t		 len;

	cr_assert(export_docx(r, out, &e), "%s", e.msgid);
	ls = listing(dir);
	cr_expect_str_eq(ls, "报告.docx\n");
	free(ls);
	data = tu_read(out, &len);
	cr_expect(len > 4 && memcmp(data, "PK\x03\x04", 4) == 0);
	free(data);
	cr_assert(stat(out, &st) == 0);
	cr_expect_eq(st.st_mode & 0777, 0644);
	/* An existing file keeps its mode. */
	chmod(out, 0600);
	cr_assert(export_docx(r, out, &e));
	cr_assert(stat(out, &st) == 0);
	cr_expect_eq(st.st_mode & 0777, 0600);
	/* A folder that does not exist: refused, nothing written. */
	cr_expect(!export_docx(r, bad, &e));
	cr_expect_str_eq(e.msgid, "save.open");
	cr_expect_str_eq(e.path, bad);
	err_clear(&e);
	ls = listing(dir);
	cr_expect_str_eq(ls, "报告.docx\n");
	free(ls);
	unlink(out);
	rmdir(dir);
	free(bad);
	free(out);
	free(dir);
	report_free(r);
}

/* --- through the real tools ------------------------------------------------ */

/* Runs argv (searching PATH), returns its exit status; *out gets stdout
 * and stderr together (caller frees). */
static int
run(const char *const *argv, char **out)
{
	int	 fd[2], st;
	pid_t	 pid;
	char	 buf[4096];
	ssize_t	 n;
	struct sbuf b;

	cr_assert(pipe(fd) == 0);
	if ((pid = fork()) == 0) {
		dup2(fd[1], 1);
		dup2(fd[1], 2);
		close(fd[0]);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(fd[1]);
	sbuf_init(&b);
	while ((n = read(fd[0], buf, sizeof buf)) > 0)
		sbuf_add(&b, buf, (size_t)n);
	close(fd[0]);
	waitpid(pid, &st, 0);
	*out = sbuf_take(&b);
	return (WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

/* Debian's python3, which has python3-docx, before any other on PATH. */
static const char *
python(void)
{
	return (access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" :
	    "python3");
}

/* Exports report with the built nianbao and runs the checker on it. */
static void
check(const char *report, const char *official, const char *pdf,
    const char *const *checks)
{
	const char	*argv[32];
	char		*dir = tu_tmpdir(), *docx = tu_path(dir, "out.docx");
	char		*out;
	struct tu_run	 nb;
	int		 n = 0, rc;

	const char *exp[] = { "export", "-f", "docx", "-o", docx, report,
	    NULL };
	tu_nianbao(&nb, NULL, exp);
	cr_assert_eq(nb.status, 0, "nianbao export: %s", nb.err);
	tu_run_free(&nb);
	argv[n++] = python();
	argv[n++] = CHECKER;
	argv[n++] = "--nb";
	argv[n++] = NB_BIN;
	argv[n++] = "--report";
	argv[n++] = report;
	argv[n++] = "--docx";
	argv[n++] = docx;
	if (official != NULL) {
		argv[n++] = "--official";
		argv[n++] = official;
	}
	if (pdf != NULL) {
		argv[n++] = "--pdf";
		argv[n++] = pdf;
	}
	while (*checks != NULL)
		argv[n++] = *checks++;
	argv[n] = NULL;
	rc = run(argv, &out);
	cr_expect_eq(rc, 0, "docx_check.py:\n%s", out);
	free(out);
	unlink(docx);
	rmdir(dir);
	free(docx);
	free(dir);
}

TestSuite(docx_check, .init = setup, .fini = teardown, .timeout = 300);

Test(docx_check, parts_are_well_formed_and_complete)
{
	const char *checks[] = { "parts", NULL };

	check(FULL2021, NULL, NULL, checks);
	check(FULL2019, NULL, NULL, checks);
}

Test(docx_check, word_safety_and_gbt9704_layout)
{
	const char *checks[] = { "safety", NULL };

	check(FULL2021, NULL, NULL, checks);
	check(FULL2019, NULL, NULL, checks);
}

Test(docx_check, python_docx_reads_every_value_at_its_place)
{
	const char *checks[] = { "values", NULL };

	check(FULL2021, OFFICIAL, NULL, checks);
	check(FULL2019, NULL, NULL, checks);
}

Test(docx_check, merges_match_the_official_form)
{
	const char *checks[] = { "merges", NULL };

	check(FULL2021, OFFICIAL, NULL, checks);
}

/* Exports report as PDF through export_docx_pdf and runs checks on it
 * (one LibreOffice conversion for all of them). */
static void
pdf_checks(const char *report, const char *const *checks)
{
	struct report	*r = load(report);
	struct err	 e = { 0 };
	char		*dir = tu_tmpdir(), *pdf = tu_path(dir, "out.pdf");
	char		*tmp = tu_tmpdir(), *data, *ls;
	size_t		 len;
	char		*old = getenv("TMPDIR") ? xstrdup(getenv("TMPDIR")) : NULL;
	bool		 ok;

	/* The private folder goes under $TMPDIR: it must be gone after. */
	setenv("TMPDIR", tmp, 1);
	ok = export_docx_pdf(r, pdf, &e);
	if (old != NULL)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
	cr_assert(ok, "%s %s %s", e.msgid, e.nargs > 0 ? e.args[0] : "",
	    e.nargs > 1 ? e.args[1] : "");
	ls = listing(tmp);
	cr_expect_str_eq(ls, "");
	free(ls);
	data = tu_read(pdf, &len);
	cr_expect(len > 5 && memcmp(data, "%PDF-", 5) == 0);
	free(data);
	check(report, OFFICIAL, pdf, checks);
	unlink(pdf);
	rmdir(dir);
	rmdir(tmp);
	free(pdf);
	free(dir);
	free(tmp);
	report_free(r);
}

Test(docx_check, libreoffice_pdf_shows_everything_inside_the_margins)
{
	if (export_pdf_office() == NULL)
		cr_skip("LibreOffice is not installed (%s)",
		    EXPORT_PDF_INSTALL);
	const char *checks[] = { "pdf", "print", "fonts", NULL };

	pdf_checks(FULL2021, checks);
	pdf_checks(FULL2019, checks);
}

/* Lines of s that contain what. */
static size_t
lines_with(const char *s, const char *what)
{
	size_t		 n = 0;
	const char	*nl;

	for (; *s != '\0'; s = nl + (*nl != '\0')) {
		nl = s + strcspn(s, "\n");
		if (memmem(s, (size_t)(nl - s), what, strlen(what)) != NULL)
			n++;
	}
	return (n);
}

/*
 * `nianbao export -f pdf` of the report made for issue 14: one stderr
 * line per substituted font and the count of errors and warnings; the PDF
 * then passes every check, including the label lines against the official
 * template filled with the same values.
 */
Test(docx_check, cli_pdf_says_its_fonts_and_prints_as_the_form)
{
	const char	*checks[] = { "pdf", "print", "fonts", "form", "lines",
	    NULL };
	char		*dir = tu_tmpdir(), *pdf = tu_path(dir, "out.pdf");
	const char	*argv[] = { "export", "-f", "pdf", "-o", pdf, PUBLISH,
	    NULL };
	struct fontmap	 fm;
	struct tu_run	 nb;

	if (export_pdf_office() == NULL)
		cr_skip("LibreOffice is not installed (%s)",
		    EXPORT_PDF_INSTALL);
	fontmap_init(&fm, NULL);
	tu_nianbao(&nb, "zh_CN.UTF-8", argv);
	cr_assert_eq(nb.status, 0, "%s", nb.err);
	cr_expect_eq(lines_with(nb.err, "代替"), fm.nsubs, "%s", nb.err);
	cr_expect_gt(fm.nsubs, 0, "no official font is installed here");
	/* R6g, and R16 (a 街道办事处 whose 一 has no 考核/评议/追究). */
	cr_expect_eq(lines_with(nb.err, "个错误、2 个提醒"), 1, "%s", nb.err);
	check(PUBLISH, OFFICIAL, pdf, checks);
	fontmap_done(&fm);
	tu_run_free(&nb);
	unlink(pdf);
	rmdir(dir);
	free(pdf);
	free(dir);
}

Test(docx_check, tables_laid_out_as_the_official_form)
{
	const char *checks[] = { "form", NULL };

	check(FULL2021, OFFICIAL, NULL, checks);
	check(PUBLISH, OFFICIAL, NULL, checks);
}

Test(docx, pdf_without_libreoffice_says_how_to_install_it)
{
	struct report	*r = load(FULL2021);
	struct err	 e = { 0 };
	char		*dir = tu_tmpdir(), *pdf = tu_path(dir, "out.pdf");
	char		*path = xstrdup(getenv("PATH") ? getenv("PATH") : "");

	setenv("PATH", dir, 1);
	cr_expect(export_pdf_office() == NULL);
	cr_expect(!export_docx_pdf(r, pdf, &e));
	setenv("PATH", path, 1);
	cr_expect_str_eq(e.msgid, "pdf.no_office");
	cr_expect_str_eq(e.args[0], "apt-get install libreoffice-writer-nogui");
	cr_expect_str_eq(e.path, pdf);
	cr_expect(access(pdf, F_OK) != 0);
	err_clear(&e);
	rmdir(dir);
	free(path);
	free(pdf);
	free(dir);
	report_free(r);
}
