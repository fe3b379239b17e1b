/*
 * Bad registers (issue 18, "Bad input"): every file of
 * tests/data/bad/ledger (see make.py there and EXPECTED) and a register
 * of 1,000,000 rows made at test time is given, in a folder of its own,
 * to `nianbao --lang en ledger FILE --year 2024 -o OUT` with no
 * LibreOffice on PATH.
 *
 * For each: the exit status is 2 (0 for the "ok:" entries) within a time
 * limit, with no crash and no sanitizer report; stderr holds the line
 * "nianbao: FILE[:ROW]: MESSAGE" (or "nianbao: MESSAGE" for line -1),
 * MESSAGE being the English text of the expected message id with any
 * text in the places of its arguments and holding the expected
 * fragment; nothing printed holds a control character but a newline;
 * and when the register was refused no report was written.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "i18n.h"
#include "sbuf.h"
#include "testutil.h"
#include "xmalloc.h"

#define BAD	NB_SOURCE_DIR "/tests/data/bad/ledger/"
#define DATADIR	NB_BUILD_DIR "/share/nianbao"
#define SLOW	5.0	/* seconds; the 10^6-row file reads in well under */

static double
now(void)
{
	struct rusage	ru;

	/* The CPU time of the finished children (the command): "slow"
	 * means work, not the wait for a core on a loaded CI machine. */
	getrusage(RUSAGE_CHILDREN, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
}

/* Whether line is prefix + the msgid's English text (args anywhere). */
static bool
says(struct i18n *i18n, const char *line, const char *prefix,
    const char *msgid)
{
	static const char *const marks[] = { "\001", "\001", "\001", "\001" };
	char		*pat = i18n_fmt(i18n, msgid, 4, marks), *piece, *save;
	const char	*p = line + strlen(prefix);
	bool		 first = true, ok;

	if (strncmp(line, prefix, strlen(prefix)) != 0 ||
	    strncmp(pat, msgid, strlen(msgid)) == 0) {
		free(pat);
		return (false);
	}
	ok = true;
	for (piece = strtok_r(pat, "\001", &save); piece != NULL && ok;
	    piece = strtok_r(NULL, "\001", &save)) {
		/* The first piece starts the message; others follow it. */
		if (first && pat[0] != '\001')
			ok = strncmp(p, piece, strlen(piece)) == 0;
		else
			ok = (p = strstr(p, piece)) != NULL;
		if (ok)
			p += strlen(piece);
		first = false;
	}
	free(pat);
	return (ok && *p == '\0');
}

static const char *
control(const char *s)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && *s != '\n') || *s == 0x7f)
			return (s);
	return (NULL);
}

/* Runs the command on a copy of name; checks what EXPECTED says. */
static void
one(struct i18n *i18n, const char *name, const char *msgid, int line,
    const char *frag, const char *src)
{
	struct tu_run	 r;
	struct stat	 st;
	char		*dir = tu_tmpdir(), *reg = tu_path(dir, name);
	char		*out = tu_path(dir, "out.yaml"), *bytes, *prefix, *l;
	char		*save;
	const char	*argv[] = { "--lang", "en", "ledger", reg, "--year",
			    "2024", "-o", out, NULL };
	bool		 ok = strncmp(msgid, "ok:", 3) == 0, found = false;
	size_t		 len;
	double		 t0;
	FILE		*f;

	bytes = tu_read(src, &len);
	cr_assert_not_null(bytes, "%s", src);
	f = fopen(reg, "wb");
	cr_assert(f != NULL && fwrite(bytes, 1, len, f) == len);
	fclose(f);
	free(bytes);
	t0 = now();
	tu_nianbao(&r, NULL, argv);
	cr_expect_lt(now() - t0, SLOW, "%s: %.1f s", name, now() - t0);
	cr_expect(strstr(r.err, "Sanitizer") == NULL &&
	    strstr(r.err, "runtime error") == NULL, "%s: %s", name, r.err);
	cr_expect_eq(r.status, ok ? 0 : 2, "%s: exit %d\n%s", name, r.status,
	    r.err);
	cr_expect_null(control(r.err), "%s: a control character", name);
	cr_expect_null(control(r.out), "%s: a control character", name);
	if (line < 0)
		prefix = xstrdup("nianbao: ");
	else if (line == 0)
		prefix = xasprintf("nianbao: %s: ", reg);
	else
		prefix = xasprintf("nianbao: %s:%d: ", reg, line);
	for (l = strtok_r(r.err, "\n", &save); l != NULL && !found;
	    l = strtok_r(NULL, "\n", &save))
		found = says(i18n, l, prefix, ok ? msgid + 3 : msgid) &&
		    strstr(l, frag) != NULL;
	cr_expect(found, "%s: no line “%s…” saying %s (with “%s”)", name,
	    prefix, msgid, frag);
	if (!ok)
		cr_expect_neq(stat(out, &st), 0, "%s: a report was written",
		    name);
	free(prefix);
	tu_run_free(&r);
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(out);
}

Test(ledger_bad, corpus, .timeout = 600)
{
	struct i18n	*i18n = i18n_open(DATADIR, LANG_EN);
	char		*text = tu_read(BAD "EXPECTED", NULL), *line, *save;
	char		*f[4], *src, *path = getenv("PATH") ?
			    xstrdup(getenv("PATH")) : NULL;
	int		 n = 0, k;

	cr_assert_not_null(text);
	/* No LibreOffice: the .et entry must say how to do without. */
	setenv("PATH", "/nonexistent", 1);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		f[0] = line;
		for (k = 1; k < 4; k++) {
			f[k] = strchr(f[k - 1], '\t');
			cr_assert_not_null(f[k], "EXPECTED: %s", line);
			*f[k]++ = '\0';
		}
		src = xasprintf("%s%s", BAD, f[0]);
		one(i18n, f[0], f[1], atoi(f[2]), f[3], src);
		free(src);
		n++;
	}
	if (path != NULL)
		setenv("PATH", path, 1);
	cr_expect_geq(n, 15, "only %d bad registers", n);
	free(path);
	free(text);
	i18n_close(i18n);
}

Test(ledger_bad, a_million_rows, .timeout = 120)
{
	struct i18n	*i18n = i18n_open(DATADIR, LANG_EN);
	char		*dir = tu_tmpdir(), *big = tu_path(dir, "big.csv");
	struct sbuf	 b;
	FILE		*f;
	int		 i;

	sbuf_init(&b);
	sbuf_adds(&b, "收到日期,申请人类型,办理结果,答复日期\n");
	for (i = 0; i < 1000000; i++)
		sbuf_adds(&b, "2024-03-05,自然人,予以公开,2024-03-10\n");
	f = fopen(big, "wb");
	cr_assert(f != NULL && fwrite(b.s, 1, b.len, f) == b.len);
	fclose(f);
	sbuf_done(&b);
	one(i18n, "big.csv", "ledger.e_rows", 0, "100000", big);
	tu_rmtree(dir);
	free(dir);
	free(big);
	i18n_close(i18n);
}
