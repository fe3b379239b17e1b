/*
 * `nianbao print` (issue 14): the printer choice and the messages without
 * a server, then the real thing through tests/print_check.py: a private
 * cupsd with a cups-pdf printer, whose PDF must have the export's pages
 * and text, and the message when no printer is configured.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#define REPORT	NB_SOURCE_DIR "/tests/data/docx/full2021.yaml"

TestSuite(print, .timeout = 300);

/* No server at all: no printer, and the PDF is offered; bad copies. */
Test(print, without_a_printer_offers_the_pdf)
{
	char		*dir = tu_tmpdir(), *sock = tu_path(dir, "none.sock");
	const char	*argv[] = { "print", REPORT, NULL };
	const char	*bad[] = { "print", "-n", "0", REPORT, NULL };
	struct tu_run	 r;

	setenv("CUPS_SERVER", sock, 1);
	tu_nianbao(&r, "zh_CN.UTF-8", argv);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "没有可用的打印机") != NULL, "%s", r.err);
	cr_expect(strstr(r.err, "nianbao export -f pdf") != NULL, "%s", r.err);
	tu_run_free(&r);
	tu_nianbao(&r, "zh_CN.UTF-8", bad);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "1 到 99") != NULL, "%s", r.err);
	tu_run_free(&r);
	unsetenv("CUPS_SERVER");
	rmdir(dir);
	free(sock);
	free(dir);
}

Test(print, cups_pdf_printer_prints_the_export)
{
	const char	*argv[] = { "/usr/bin/python3",
	    NB_SOURCE_DIR "/tests/print_check.py", "--nb", NB_BIN, REPORT,
	    NULL };
	pid_t		 pid;
	int		 st;

	if (getuid() != 0)
		cr_skip("a private cupsd needs root here (cups-pdf's backend)");
	fflush(stdout);
	if ((pid = fork()) == 0) {
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	waitpid(pid, &st, 0);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 77)
		cr_skip("cupsd or cups-pdf is not installed (.ci/deps)");
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "print_check.py failed (see its output)");
}
