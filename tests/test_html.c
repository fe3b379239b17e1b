/*
 * The web page (export -f html, issue 14 defect 11): the page's structure
 * against the .docx tables it is made from, the escaping of everything
 * typed, and then the real thing through tests/html_check.py: tidy and
 * html5lib's strict parser, the official merges, and one headless
 * Chromium run over every page (the fixtures and each real report in
 * tests/data/real, imported), with the DOM boxes of the header cells
 * checked against the value columns; the pages and a screenshot are kept
 * under the build tree (tests/html-check).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "docx_table.h"
#include "export_docx.h"
#include "export_html.h"
#include "store.h"
#include "testutil.h"
#include "text.h"

#define DATA	NB_SOURCE_DIR "/tests/data/docx"

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
	text_cleanup();
}

TestSuite(html, .init = setup, .fini = teardown, .timeout = 300);

static struct report *
load(const char *path)
{
	struct err	 e = { 0 };
	struct report	*r = store_load(path, T, 2, &e);

	cr_assert(r != NULL, "%s: %s", path, e.msgid);
	return (r);
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

/* As many colspans and rowspans as the .docx has merges. */
Test(html, merges_are_those_of_the_docx)
{
	struct report	*r = load(DATA "/full2021.yaml");
	char		*h = export_html(r);
	size_t		 spans = 0, restarts = 0, i;
	int		 t;

	for (t = 0; t < 3; t++) {
		struct docx_table *dt = docx_table_new(r, t,
		    EXPORT_DOCX_TEXT_W);
		for (i = 0; i < dt->ntcs; i++) {
			if (dt->tcs[i].vmerge == DOCX_VM_CONTINUE)
				continue;
			spans += dt->tcs[i].span > 1;
			restarts += dt->tcs[i].vmerge == DOCX_VM_RESTART;
		}
		docx_table_free(dt);
	}
	cr_expect_eq(count(h, " colspan=\""), spans);
	cr_expect_eq(count(h, " rowspan=\""), restarts);
	cr_expect_eq(count(h, "<table>"), 3);
	cr_expect(strncmp(h, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35) ==
	    0);
	/* The title in the lines of title.h. */
	cr_expect(strstr(h, "<h1>小城子镇人民政府<br>2024年政府信息公开工作"
	    "年度报告</h1>") != NULL);
	free(h);
	report_free(r);
}

/* A page for a government site: what the clerk typed is never markup. */
Test(html, typed_text_is_escaped)
{
	struct report	*r = load(DATA "/full2021.yaml");
	char		*h;

	report_set_organ(r, "<i>某镇</i>&\"政府\"");
	report_set_text(r, 0, "<script>alert(1)</script>\n]]> & \"x\" 'y'",
	    NULL);
	report_set_text(r, 2, "<img src=x onerror=alert(1)>", NULL);
	h = export_html(r);
	cr_expect(strstr(h, "<script") == NULL);
	cr_expect(strstr(h, "<img") == NULL);
	cr_expect(strstr(h, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") !=
	    NULL);
	cr_expect(strstr(h, "<p>]]&gt; &amp; &quot;x&quot; &apos;y&apos;</p>")
	    != NULL);
	cr_expect(strstr(h, "&lt;i&gt;某镇&lt;/i&gt;&amp;&quot;政府&quot;") !=
	    NULL);
	/* Text typed in 三 follows its table. */
	cr_expect(strstr(h, "</table>\n<p>&lt;img src=x onerror=alert(1)&gt;"
	    "</p>") != NULL);
	free(h);
	report_free(r);
}

/* Exit status of argv; its output goes to stdout of the test. */
static int
run(const char *const *argv)
{
	pid_t	pid;
	int	st;

	if ((pid = fork()) == 0) {
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	waitpid(pid, &st, 0);
	return (WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

Test(html, valid_self_contained_and_aligned_in_chromium)
{
	const char *argv[] = { "/usr/bin/python3",
	    NB_SOURCE_DIR "/tests/html_check.py", "--nb", NB_BIN,
	    "--official", NB_REAL_DIR "/official-template-2021.docx",
	    "--out", NB_BUILD_DIR "/tests/html-check", "--inject",
	    DATA "/publish2021.yaml", DATA "/full2019.yaml",
	    NB_REAL_DIR "/000_9062bfdbeadefa61.txt",
	    NB_REAL_DIR "/001_13db19b5b2c6c511.txt",
	    NB_REAL_DIR "/004_cba99305fd9fd5d3.txt",
	    NB_REAL_DIR "/src-hongze2023.txt",
	    NB_REAL_DIR "/src-hongze2024.txt",
	    NB_REAL_DIR "/src-huaian2024.txt", NULL };

	if (access("/usr/bin/chromium", X_OK) != 0 ||
	    access("/usr/bin/tidy", X_OK) != 0)
		cr_skip("chromium or tidy is not installed (.ci/deps)");
	fflush(stdout);
	cr_expect_eq(run(argv), 0, "html_check.py failed (see its output)");
}
