/*
 * Bracketed paste (see ed_paste.h).  The reader goes around curses: it reads
 * the terminal in 64 KiB blocks and looks for the end marker itself, so a
 * 10 MB paste is read in a fraction of a second instead of a minute of
 * one-byte reads.  What it keeps is raw bytes; the dialog, the text
 * editor and the cell editor sanitize them (text_sanitize).
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "ed_ask.h"
#include "ed_form.h"
#include "ed_grid.h"
#include "ed_msg.h"
#include "ed_paste.h"
#include "ed_sec.h"
#include "ed_text.h"
#include "sbuf.h"
#include "caretbuf.h"

/* Bytes a paste into a dialog's line or a number cell may have. */
#define PASTE_LINE_MAX	4096

/* Keeps n more bytes of a paste, up to CARETBUF_MAX + 1 in all (one
 * more than any text may hold, so that the text editor refuses it). */
static void
keep(struct sbuf *out, const char *s, size_t n)
{
	size_t	room = CARETBUF_MAX + 1 > out->len ? CARETBUF_MAX + 1 - out->len : 0;

	sbuf_add(out, s, n < room ? n : room);
}

/*
 * After the paste-start key: reads the paste straight from the terminal
 * in large blocks up to the end marker (ESC [201~), or until 2 s pass
 * without input or a signal comes.  Through curses every byte costs a
 * system call or two: a 10 MB paste took a minute, and this takes a
 * fraction of a second.  It is safe because curses reads one byte at a
 * time and stops at the last byte of a key sequence, so nothing of the
 * paste is in its queue yet.  Bytes that came after the marker (keys
 * typed right after the paste) go back to curses with ungetch, at most
 * its queue's worth.  Keeps the raw bytes; the caller sanitizes.
 */
static void
read_all(const struct tui_app *a, struct sbuf *out)
{
	static const char	 end[] = "\033[201~";
	const size_t		 elen = sizeof end - 1;
	struct pollfd		 pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	char			 buf[65536], *m;
	size_t			 carry = 0, len, k;
	ssize_t			 n;

	for (;;) {
		if (*a->stop || poll(&pfd, 1, 2000) <= 0)
			break;
		n = read(STDIN_FILENO, buf + carry, sizeof buf - carry);
		if (n <= 0)
			break;
		len = carry + (size_t)n;
		if ((m = memmem(buf, len, end, elen)) != NULL) {
			keep(out, buf, (size_t)(m - buf));
			for (k = len; k > (size_t)(m - buf) + elen; k--)
				ungetch((unsigned char)buf[k - 1]);
			return;
		}
		/* The marker may start in the last bytes: carry them. */
		k = len > elen - 1 ? len - (elen - 1) : 0;
		keep(out, buf, k);
		memmove(buf, buf + k, len - k);
		carry = len - k;
	}
	keep(out, buf, carry);
}

/* A NUL is not text, and would cut the paste short where C strings
 * take over: out it goes. */
static void
drop_nul(struct sbuf *sb)
{
	size_t	i, o = 0;

	if (sb->len == 0 || memchr(sb->s, '\0', sb->len) == NULL)
		return;
	for (i = 0; i < sb->len; i++)
		if (sb->s[i] != '\0')
			sb->s[o++] = sb->s[i];
	sbuf_truncate(sb, o);
}

/* A paste too long for a dialog's line or a cell: refused whole. */
static unsigned
too_long(struct tui_app *a, size_t len)
{
	char	n[24];

	snprintf(n, sizeof n, "%zu", len);
	return (ed_msg_set(a, ST_MSG_ERROR, "rcv.paste_long", 1, n));
}

unsigned
ed_paste_give(struct tui_app *a, const char *s, size_t len)
{
	bool		section = a->rep != NULL && !a->g.small && a->pane == NULL;
	unsigned	d;

	if (ed_ask_open(a)) {
		/* A line of input: long pastes are refused, as their
		 * redrawing would cost time for nothing. */
		if (len > PASTE_LINE_MAX)
			return (too_long(a, len) | TUI_DIRTY_DIALOG |
			    TUI_DIRTY_CURSOR);
		ed_ask_insert(a, s, len);
		return (TUI_DIRTY_DIALOG | TUI_DIRTY_CURSOR);
	}
	if (a->readonly && a->rep != NULL)
		return (ed_msg_set(a, ST_MSG_ERROR, "rcv.readonly_refused", 0));
	if (section && ed_sec_is_text(a))
		return (ed_text_paste(a, s, len));
	if (section && (d = ed_grid_paste(a, s, len)) != TUI_PASS)
		return (d);
	if (section && len > PASTE_LINE_MAX)
		return (too_long(a, len));
	if (section)
		return (ed_form_paste(a, s, len));
	return (0);
}

unsigned
ed_paste_take(struct tui_app *a)
{
	struct sbuf	 sb;
	unsigned	 d;

	sbuf_init(&sb);
	read_all(a, &sb);
	drop_nul(&sb);
	d = ed_paste_give(a, sb.s != NULL ? sb.s : "", sb.len);
	sbuf_done(&sb);
	return (d);
}
