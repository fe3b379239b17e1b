/*
 * The place file (see ed_where.h): its path from the snapshot's, written
 * atomically, read through statedir_read (which refuses what is not ours).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_form.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "ed_where.h"
#include "fsio.h"
#include "sbuf.h"
#include "statedir.h"
#include "xmalloc.h"

#define WHERE_MAX	4096

/* <hash>-<base>.where beside <hash>-<base>.snap.  Newly allocated. */
static char *
where_path(const struct tui_app *a)
{
	const char	*snap = statedir_snapshot_path(a->rc);
	size_t		 n = strlen(snap);

	if (n > 5 && strcmp(snap + n - 5, ".snap") == 0)
		n -= 5;
	return (xasprintf("%.*s.where", (int)n, snap));
}

void
ed_where_save(const struct tui_app *a)
{
	const struct tpl	*t;
	struct sbuf		 b;
	struct err		 e = { 0 };
	char			*path;
	int			 cell;

	if (a->rc == NULL || a->rep == NULL)
		return;
	t = report_tpl(a->rep);
	sbuf_init(&b);
	sbuf_addf(&b, "nianbao-where 1\nsec %d\n", a->sec);
	if (ed_sec_is_text(a))
		sbuf_addf(&b, "caret %zu\n", ed_text_caret(a));
	else if ((cell = ed_form_cur(a)) >= 0)
		sbuf_addf(&b, "cell %s\n", t->cells[cell].id);
	path = where_path(a);
	if (statedir_prepare(path, &e))
		fsio_write_atomic(path, b.s, b.len, 0600, &e);
	err_clear(&e);
	free(path);
	sbuf_done(&b);
}

/* The value of "key value" in the file's text, or NULL.  Borrowed. */
static const char *
field(const char *text, const char *key)
{
	const char	*p = text;
	size_t		 k = strlen(key);

	for (; p != NULL && *p != '\0'; p = strchr(p, '\n'), p = p ? p + 1 :
	    NULL)
		if (strncmp(p, key, k) == 0 && p[k] == ' ')
			return (p + k + 1);
	return (NULL);
}

/* The value of key up to its line's end, in buf. */
static bool
value(const char *text, const char *key, char *buf, size_t size)
{
	const char	*v = field(text, key);
	size_t		 n;

	if (v == NULL)
		return (false);
	n = strcspn(v, "\n");
	if (n == 0 || n >= size)
		return (false);
	memcpy(buf, v, n);
	buf[n] = '\0';
	return (true);
}

/* Offset n in s, at most its end, back to a character's first byte. */
static size_t
char_start(const char *s, unsigned long long n)
{
	size_t	len = s != NULL ? strlen(s) : 0;

	if (n > len)
		n = len;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return ((size_t)n);
}

unsigned
ed_where_restore(struct tui_app *a)
{
	const struct tpl	*t;
	char			*text = NULL, *path, v[256], *end;
	size_t			 len;
	struct err		 e = { 0 };
	long			 sec;
	unsigned long long	 caret;
	int			 cell;
	unsigned		 d = 0;

	if (a->rc == NULL || a->rep == NULL)
		return (0);
	t = report_tpl(a->rep);
	path = where_path(a);
	if (statedir_read(path, WHERE_MAX, &text, &len, &e) == 1 &&
	    strncmp(text, "nianbao-where 1\n", 16) == 0 &&
	    value(text, "sec", v, sizeof v) &&
	    (sec = strtol(v, &end, 10)) >= 0 && *end == '\0' &&
	    (size_t)sec < t->nsections) {
		if (value(text, "cell", v, sizeof v) &&
		    (cell = tpl_cell_index(t, v)) >= 0 &&
		    ed_sec_of_cell(a, cell) == sec)
			d = ed_form_goto(a, cell);
		else {
			d = ed_sec_set(a, (int)sec);
			if (value(text, "caret", v, sizeof v) &&
			    (caret = strtoull(v, &end, 10), *end == '\0'))
				ed_text_reset(a, (int)sec, char_start(
				    report_text(a->rep, (int)sec), caret));
		}
	}
	err_clear(&e);
	free(text);
	free(path);
	return (d);
}
