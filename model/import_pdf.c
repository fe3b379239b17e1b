/*
 * A PDF read through the helper program; see import_pdf.h.
 *
 * run() starts the helper with posix_spawn: its standard input is a
 * memfd holding the PDF, its standard output a pipe, its standard error
 * /dev/null.  The pipe is read with poll() until the helper closes it or
 * the deadline passes (then the helper is killed), and never past
 * IMPORT_PDF_MAX_TEXT bytes.  Reading a pipe never raises SIGPIPE, and
 * the memfd needs no temporary file.  import_pdf_pages() then turns the
 * pages into text.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "import_pdf.h"
#include "importenc.h"
#include "paths.h"
#include "sbuf.h"
#include "xmalloc.h"

extern char **environ;

bool
import_pdf_sniff(const char *buf, size_t len)
{
	size_t	n = len < 1024 ? len : 1024, i;

	for (i = 0; i + 5 <= n; i++)
		if (memcmp(buf + i, "%PDF-", 5) == 0)
			return (true);
	return (false);
}

static bool
blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' &&
		    s[i] != '\t' && s[i] != '\f')
			return (false);
	return (true);
}

char *
import_pdf_pages(const char *out, size_t len, const char *path,
    struct errlist *notes, struct err *err)
{
	struct sbuf	 b;
	const char	*p = out, *end = out + len, *ff;
	char		 no[24], total[24], *text;
	size_t		 tlen;
	int		 page = 0, first_blank = 0, with_text = 0;
	enum importenc	 enc;

	sbuf_init(&b);
	for (; p < end; p = ff + 1) {
		if ((ff = memchr(p, '\f', (size_t)(end - p))) == NULL)
			ff = end;
		page++;
		if (blank(p, (size_t)(ff - p))) {
			snprintf(no, sizeof no, "%d", page);
			if (first_blank == 0)
				first_blank = page;
			errlist_add(notes, path, 0, 0, "import.pdf_page_blank",
			    1, no);
		} else {
			with_text++;
			sbuf_add(&b, p, (size_t)(ff - p));
			sbuf_addc(&b, '\n');
		}
	}
	if (page == 0) {	/* a PDF without pages */
		err_set(err, path, 0, 0, "import.e_pdf_damaged", 0);
		sbuf_done(&b);
		return (NULL);
	}
	if (with_text == 0) {
		snprintf(no, sizeof no, "%d", first_blank > 0 ? first_blank :
		    1);
		snprintf(total, sizeof total, "%d", page);
		err_set(err, path, 0, 0, "import.e_pdf_scanned", 2, no, total);
		sbuf_done(&b);
		return (NULL);
	}
	/* Poppler's UTF-8, checked and cleaned as any text. */
	text = importenc_decode(b.s, b.len, path, &enc, &tlen, err);
	sbuf_done(&b);
	if (text == NULL) {
		err_clear(err);
		err_set(err, path, 0, 0, "import.e_pdf_damaged", 0);
	}
	return (text);
}

/* Seconds since some fixed point. */
static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* Reads fd into b until EOF, the deadline or the limit; false on the
 * last two. */
static bool
drain(int fd, struct sbuf *b, double deadline)
{
	struct pollfd	pfd = { fd, POLLIN, 0 };
	char		chunk[65536];
	ssize_t		n;
	double		left;

	for (;;) {
		if ((left = deadline - now()) <= 0)
			return (false);
		if (poll(&pfd, 1, (int)(left * 1000) + 1) < 0) {
			if (errno == EINTR)
				continue;
			return (false);
		}
		if ((n = read(fd, chunk, sizeof chunk)) == 0)
			return (true);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return (false);
		}
		if (b->len + (size_t)n > IMPORT_PDF_MAX_TEXT)
			return (false);
		sbuf_add(b, chunk, (size_t)n);
	}
}

/* A memory file holding buf, at offset 0; -1 on failure. */
static int
memfile(const char *buf, size_t len)
{
	int	fd = memfd_create("nianbao-pdf", MFD_CLOEXEC);
	size_t	done = 0;
	ssize_t	n;

	if (fd < 0)
		return (-1);
	while (done < len) {
		if ((n = write(fd, buf + done, len - done)) < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return (-1);
		}
		done += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

/* Starts the helper on in, its output on *out; its pid, or -1. */
static pid_t
spawn(const char *helper, int in, int *out)
{
	posix_spawn_file_actions_t	 fa;
	char				*argv[] = { (char *)helper, NULL };
	int				 p[2];
	pid_t				 pid = -1;

	if (pipe2(p, O_CLOEXEC) != 0)
		return (-1);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in, 0);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, helper, &fa, NULL, argv, environ) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	if (pid < 0)
		close(p[0]);
	else
		*out = p[0];
	return (pid);
}

/* Sets *err for what stopped the helper: its exit status st (waitpid),
 * or cut: its text passed the limit. */
static void
exit_err(int st, bool cut, const char *path, struct err *err)
{
	int	code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	char	n[24];

	if (cut || code == IMPORT_PDF_EXIT_TEXT) {
		snprintf(n, sizeof n, "%d", IMPORT_PDF_MAX_TEXT / (1024 * 1024));
		err_set(err, path, 0, 0, "import.e_pdf_size", 1, n);
	} else if (code == IMPORT_PDF_EXIT_LOCKED)
		err_set(err, path, 0, 0, "import.e_pdf_locked", 0);
	else if (code == IMPORT_PDF_EXIT_PAGES) {
		snprintf(n, sizeof n, "%d", IMPORT_PDF_MAX_PAGES);
		err_set(err, path, 0, 0, "import.e_pdf_pages", 1, n);
	} else if (code == IMPORT_PDF_EXIT_DAMAGED ||
	    code == IMPORT_PDF_EXIT_INPUT)
		err_set(err, path, 0, 0, "import.e_pdf_damaged", 0);
	else {
		snprintf(n, sizeof n, "%d", IMPORT_PDF_TIMEOUT);
		err_set(err, path, 0, 0, "import.e_pdf_killed", 1, n);
	}
}

char *
import_pdf_text(const char *buf, size_t len, const char *path,
    struct errlist *notes, struct err *err)
{
	char		*helper = paths_helper(IMPORT_PDF_HELPER, IMPORT_PDF_ENV);
	char		*text = NULL;
	struct sbuf	 out;
	int		 in, fd = -1, st = 0;
	pid_t		 pid = -1;
	bool		 whole;

	sbuf_init(&out);
	if ((in = memfile(buf, len)) >= 0)
		pid = spawn(helper, in, &fd);
	if (in >= 0)
		close(in);
	if (pid < 0) {
		err_set(err, path, 0, 0, "import.e_pdf_reader", 1, helper);
		free(helper);
		sbuf_done(&out);
		return (NULL);
	}
	whole = drain(fd, &out, now() + IMPORT_PDF_TIMEOUT);
	close(fd);
	if (!whole)
		kill(pid, SIGKILL);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (whole && WIFEXITED(st) && WEXITSTATUS(st) == IMPORT_PDF_EXIT_OK)
		text = import_pdf_pages(out.s, out.len, path, notes, err);
	else
		exit_err(st, out.len >= IMPORT_PDF_MAX_TEXT, path, err);
	sbuf_done(&out);
	free(helper);
	return (text);
}
