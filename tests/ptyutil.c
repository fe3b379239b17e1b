/*
 * See ptyutil.h.  One struct pty holds the master side of the pseudo-
 * terminal, the child's pid and state, the libvterm emulator fed with all
 * the child's output, the whole raw output (for byte counts and sequence
 * searches) and a queue of bytes waiting to go to the child (typed keys
 * and the emulator's answers to queries).  Every read goes through
 * pump_once(), which also writes the queue, so reading and writing never
 * block each other.
 *
 * libvterm 0.1.4 (Debian 12) crashes on a few things a real terminal
 * takes in its stride, and a test that resizes hits them: a wide
 * character written into a 1-column screen, and a scroll region or cursor
 * left outside the screen after it shrinks.  So the emulator is never
 * narrower than 2 columns (the program is told the true size; only the
 * extra column is never read), and after each resize it gets what xterm
 * does itself: margins reset, cursor clamped.  Those sequences must not
 * land inside one of the program's, so a small parser (struct seqstate)
 * follows the output and the fix waits for the end of a sequence.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* memmem */
#endif
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#include "ptyutil.h"
#include "sbuf.h"
#include "xmalloc.h"

/* Where the output stream is: between sequences or inside one. */
enum seqstate {
	SEQ_GROUND, SEQ_UTF8, SEQ_ESC, SEQ_ESC_INT, SEQ_CSI, SEQ_STR,
	SEQ_STR_ESC
};

struct pty {
	int		 fd;		/* master; -1 once closed */
	pid_t		 pid;
	bool		 exited;	/* reaped */
	int		 status;	/* exit code or 128+signal */
	int		 wstatus;	/* as waitpid gave it */
	bool		 eof;		/* master read gave EOF/EIO */
	int		 rows, cols;
	VTerm		*vt;
	VTermScreen	*screen;
	bool		 cursor_visible;
	bool		 altscreen;
	struct sbuf	 log;		/* every byte the child wrote */
	struct sbuf	 outq;		/* bytes for the child; the first */
	size_t		 outq_off;	/* outq_off of them are written */
	double		 t0;
	double		 t_last;	/* when output last arrived */
	enum seqstate	 seq;
	int		 utf8_left;	/* SEQ_UTF8: continuation bytes due */
	bool		 fix_due;	/* resized: margins and cursor to fix */
};

/* The emulator's width for a terminal cols wide (see above). */
static int
vt_cols(int cols)
{
	return (cols < 2 ? 2 : cols);
}

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

const char *
pty_locale(void)
{
	static const char	*name;
	locale_t		 l;

	if (name == NULL) {
		l = newlocale(LC_ALL_MASK, "zh_CN.UTF-8", (locale_t)0);
		name = l != (locale_t)0 ? "zh_CN.UTF-8" : "C.UTF-8";
		if (l != (locale_t)0)
			freelocale(l);
	}
	return (name);
}

/* libvterm's answers (DSR, DA) and generated keys go to the queue. */
static void
on_vterm_output(const char *s, size_t len, void *user)
{
	struct pty	*p = user;

	sbuf_add(&p->outq, s, len);
}

static int
on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct pty	*p = user;

	if (prop == VTERM_PROP_CURSORVISIBLE)
		p->cursor_visible = val->boolean;
	else if (prop == VTERM_PROP_ALTSCREEN)
		p->altscreen = val->boolean;
	return (1);
}

static const VTermScreenCallbacks screen_cbs = {
	.settermprop = on_settermprop,
};

/*
 * The child starts as from a login shell: default signal dispositions
 * (exec keeps ignored signals ignored, and the test runner may ignore
 * some) and nothing blocked.
 */
static void
child_signals(void)
{
	sigset_t	none;
	int		sig;

	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* The child's environment (see pty_spawn).  Runs after fork in a
 * single-threaded test process, so allocating here is safe. */
static void
child_env(const char *const *env)
{
	static const char *const unset[] = { "LC_ALL", "LC_CTYPE",
	    "LC_MESSAGES", "LANGUAGE", "COLUMNS", "LINES", "NO_COLOR" };
	size_t		 i;
	const char	*eq;
	char		*name;

	for (i = 0; i < sizeof unset / sizeof unset[0]; i++)
		unsetenv(unset[i]);
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", pty_locale(), 1);
	for (i = 0; env != NULL && env[i] != NULL; i++) {
		if ((eq = strchr(env[i], '=')) == NULL) {
			unsetenv(env[i]);
			continue;
		}
		name = xstrndup(env[i], (size_t)(eq - env[i]));
		setenv(name, eq + 1, 1);
		free(name);
	}
}

struct pty *
pty_spawn(const struct pty_opts *o)
{
	struct pty	*p;
	struct winsize	 ws;
	pid_t		 pid;
	int		 fd;

	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)o->rows;
	ws.ws_col = (unsigned short)o->cols;
	pty_locale();	/* before fork: newlocale is not async-signal-safe */
	fflush(NULL);
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return (NULL);
	if (pid == 0) {
		child_signals();
		child_env(o->env);
		if (o->cwd != NULL && chdir(o->cwd) != 0)
			_exit(127);
		execvp(o->argv[0], (char *const *)o->argv);
		_exit(127);
	}
	p = xcalloc(1, sizeof *p);
	p->fd = fd;
	p->pid = pid;
	p->rows = o->rows;
	p->cols = o->cols;
	p->cursor_visible = true;
	p->t0 = now_ms();
	sbuf_init(&p->log);
	sbuf_init(&p->outq);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	p->vt = vterm_new(o->rows, vt_cols(o->cols));
	vterm_set_utf8(p->vt, 1);
	vterm_output_set_callback(p->vt, on_vterm_output, p);
	p->screen = vterm_obtain_screen(p->vt);
	vterm_screen_set_callbacks(p->screen, &screen_cbs, p);
	vterm_screen_enable_altscreen(p->screen, 1);
	vterm_screen_reset(p->screen, 1);
	return (p);
}

struct pty *
pty_start(int rows, int cols, const char *const *argv)
{
	struct pty_opts	o = { .rows = rows, .cols = cols, .argv = argv };

	return (pty_spawn(&o));
}

struct pty *
pty_start_home(const char *dir, int rows, int cols, const char *const *argv,
    const char *extra)
{
	static const char *const vars[][2] = { { "HOME", "" },
	    { "XDG_CONFIG_HOME", "/.config" }, { "XDG_STATE_HOME", "/.state" },
	    { "XDG_DATA_HOME", "/.data" }, { "XDG_CACHE_HOME", "/.cache" } };
	char		*env[7] = { NULL };
	struct pty	*p;
	size_t		 i;

	for (i = 0; i < 5; i++)
		env[i] = xasprintf("%s=%s%s", vars[i][0], dir, vars[i][1]);
	env[5] = extra != NULL ? xstrdup(extra) : NULL;
	p = pty_spawn(&(struct pty_opts){ .rows = rows, .cols = cols,
	    .argv = argv, .env = (const char *const *)env, .cwd = dir });
	for (i = 0; i < 6; i++)
		free(env[i]);
	return (p);
}

static void
reap(struct pty *p, int options)
{
	int	st;

	if (p->exited)
		return;
	if (waitpid(p->pid, &st, options) == p->pid) {
		p->exited = true;
		p->wstatus = st;
		p->status = WIFEXITED(st) ? WEXITSTATUS(st) :
		    128 + WTERMSIG(st);
	}
}

void
pty_free(struct pty *p)
{
	if (p == NULL)
		return;
	reap(p, WNOHANG);
	if (!p->exited) {
		kill(p->pid, SIGKILL);
		reap(p, 0);
	}
	if (p->fd >= 0)
		close(p->fd);
	vterm_free(p->vt);
	sbuf_done(&p->log);
	sbuf_done(&p->outq);
	free(p);
}

pid_t
pty_pid(const struct pty *p)
{
	return (p->pid);
}

int
pty_rows(const struct pty *p)
{
	return (p->rows);
}

int
pty_cols(const struct pty *p)
{
	return (p->cols);
}

double
pty_elapsed_ms(const struct pty *p)
{
	return (now_ms() - p->t0);
}

double
pty_last_output_ms(const struct pty *p)
{
	return (p->t_last > 0 ? p->t_last - p->t0 : -1);
}

/* sbuf_take leaves a fresh buffer behind: take and free the rest. */
static char *
take(struct sbuf *b)
{
	char	*s = sbuf_take(b);

	sbuf_done(b);
	return (s);
}

/* Bytes in the queue not yet written. */
static size_t
pending(const struct pty *p)
{
	return (p->outq.len - p->outq_off);
}

static void
drop_queue(struct pty *p)
{
	sbuf_truncate(&p->outq, 0);
	p->outq_off = 0;
}

/* Writes as much of the queue as the pty takes now. */
static void
flush_queue(struct pty *p)
{
	ssize_t	n;

	while (pending(p) > 0 && p->fd >= 0 && !p->eof) {
		n = write(p->fd, p->outq.s + p->outq_off, pending(p));
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0 && errno != EAGAIN)
				drop_queue(p);
			return;
		}
		p->outq_off += (size_t)n;
	}
	if (pending(p) == 0)
		drop_queue(p);
}

/* Advances the sequence state over one output byte. */
static void
seq_step(struct pty *p, unsigned char c)
{
	if (c == 0x18 || c == 0x1a) {		/* CAN, SUB: abort */
		p->seq = SEQ_GROUND;
		return;
	}
	switch (p->seq) {
	case SEQ_UTF8:
		if ((c & 0xc0) == 0x80) {
			if (--p->utf8_left == 0)
				p->seq = SEQ_GROUND;
			return;
		}
		p->seq = SEQ_GROUND;
		/* FALLTHROUGH */
	case SEQ_GROUND:
		if (c == 0x1b)
			p->seq = SEQ_ESC;
		else if (c >= 0xc0 && c < 0xf8) {
			p->seq = SEQ_UTF8;
			p->utf8_left = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
		}
		return;
	case SEQ_ESC:
		p->seq = c == '[' ? SEQ_CSI : strchr("]PX^_", c) != NULL &&
		    c != '\0' ? SEQ_STR : c >= 0x20 && c <= 0x2f ? SEQ_ESC_INT :
		    SEQ_GROUND;
		return;
	case SEQ_ESC_INT:
		if (c < 0x20 || c > 0x2f)
			p->seq = SEQ_GROUND;
		return;
	case SEQ_CSI:
		if (c == 0x1b)
			p->seq = SEQ_ESC;
		else if (c >= 0x40 && c <= 0x7e)
			p->seq = SEQ_GROUND;
		return;
	case SEQ_STR:
		if (c == 0x07)
			p->seq = SEQ_GROUND;
		else if (c == 0x1b)
			p->seq = SEQ_STR_ESC;
		return;
	case SEQ_STR_ESC:
		p->seq = c == '\\' ? SEQ_GROUND : SEQ_STR;
		return;
	}
}

/* After a resize, what xterm does: margins reset, cursor clamped
 * (DECSTBM homes the cursor, so it is put back). */
static void
fix_after_resize(struct pty *p)
{
	VTermPos	pos;
	char		buf[48];
	int		n;

	vterm_state_get_cursorpos(vterm_obtain_state(p->vt), &pos);
	n = snprintf(buf, sizeof buf, "\033[r\033[%d;%dH",
	    (pos.row < p->rows ? pos.row : p->rows - 1) + 1,
	    (pos.col < p->cols ? pos.col : p->cols - 1) + 1);
	vterm_input_write(p->vt, buf, (size_t)n);
	p->fix_due = false;
}

/* Output to the emulator, with a due fix slipped in between sequences. */
static void
feed(struct pty *p, const char *buf, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (p->fix_due && p->seq == SEQ_GROUND) {
			vterm_input_write(p->vt, buf, i);
			fix_after_resize(p);
			buf += i;
			len -= i;
			i = 0;
		}
		seq_step(p, (unsigned char)buf[i]);
	}
	vterm_input_write(p->vt, buf, len);
	if (p->fix_due && p->seq == SEQ_GROUND)
		fix_after_resize(p);
}

/*
 * Waits up to ms for output (or room to write the queue), reads what is
 * there into the emulator and writes what it can. Returns the number of
 * bytes read, or -1 at end of output.
 */
static ssize_t
pump_once(struct pty *p, int ms)
{
	struct pollfd	pfd;
	char		buf[65536];
	ssize_t		n, total = 0;

	if (p->eof || p->fd < 0)
		return (-1);
	pfd.fd = p->fd;
	pfd.events = POLLIN | (pending(p) > 0 ? POLLOUT : 0);
	if (poll(&pfd, 1, ms < 0 ? 0 : ms) < 0)
		return (errno == EINTR ? 0 : -1);
	if (pfd.revents & POLLOUT)
		flush_queue(p);
	if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
		return (0);
	for (;;) {
		n = read(p->fd, buf, sizeof buf);
		if (n > 0) {
			sbuf_add(&p->log, buf, (size_t)n);
			feed(p, buf, (size_t)n);
			total += n;
			p->t_last = now_ms();
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || errno != EAGAIN) {
			p->eof = true;	/* EIO: the slave side is closed */
			return (total > 0 ? total : -1);
		}
		break;
	}
	flush_queue(p);	/* the emulator may have answered a query */
	return (total);
}

void
pty_pump(struct pty *p, int ms)
{
	double	end = now_ms() + ms, left;

	while ((left = end - now_ms()) > 0)
		if (pump_once(p, (int)left + 1) < 0)
			return;
}

bool
pty_settle(struct pty *p, int quiet_ms, int max_ms)
{
	double	end = now_ms() + max_ms, quiet_since = now_ms();
	ssize_t	n;

	while (now_ms() < end) {
		n = pump_once(p, 5);
		if (n < 0)
			return (true);
		if (n > 0 || pending(p) > 0)
			quiet_since = now_ms();
		else if (now_ms() - quiet_since >= quiet_ms)
			return (true);
	}
	return (false);
}

bool
pty_send(struct pty *p, const void *buf, size_t len)
{
	double	stall = now_ms();
	size_t	left;

	sbuf_add(&p->outq, buf, len);
	flush_queue(p);
	while (pending(p) > 0 && now_ms() - stall < 10000) {
		left = pending(p);
		if (pump_once(p, 10) < 0)
			break;
		if (pending(p) < left)
			stall = now_ms();
	}
	if (pending(p) > 0) {
		drop_queue(p);
		return (false);
	}
	return (!p->eof);
}

bool
pty_type(struct pty *p, const char *s)
{
	return (pty_send(p, s, strlen(s)));
}

bool
pty_ctrl(struct pty *p, char letter)
{
	char	c = (char)(letter & 0x1f);

	return (pty_send(p, &c, 1));
}

bool
pty_paste(struct pty *p, const char *s)
{
	struct sbuf	b;
	bool		ok;

	sbuf_init(&b);
	sbuf_adds(&b, "\033[200~");
	sbuf_adds(&b, s);
	sbuf_adds(&b, "\033[201~");
	ok = pty_send(p, b.s, b.len);
	sbuf_done(&b);
	return (ok);
}

/* One SGR mouse report: button b at 1-based x, y; press or release. */
static bool
mouse(struct pty *p, int b, int row, int col, bool press)
{
	char	buf[48];
	int	n;

	n = snprintf(buf, sizeof buf, "\033[<%d;%d;%d%c", b, col + 1, row + 1,
	    press ? 'M' : 'm');
	return (pty_send(p, buf, (size_t)n));
}

bool
pty_click(struct pty *p, int row, int col)
{
	return (mouse(p, 0, row, col, true) && mouse(p, 0, row, col, false));
}

bool
pty_wheel(struct pty *p, int row, int col, int dir)
{
	return (mouse(p, dir < 0 ? 64 : 65, row, col, true));
}

bool
pty_mouse(struct pty *p, int row, int col, int button, bool pressed)
{
	vterm_mouse_move(p->vt, row, col, VTERM_MOD_NONE);
	if (button > 0)
		vterm_mouse_button(p->vt, button, pressed, VTERM_MOD_NONE);
	if (!pty_send(p, "", 0))
		return (false);
	pty_pump(p, 40);
	return (true);
}

void
pty_go_to(struct pty *p, const char *target, int max_ms)
{
	pty_ctrl(p, 'g');
	pty_settle(p, 80, max_ms);
	pty_type(p, target);
	pty_key(p, PTY_ENTER);
	pty_settle(p, 80, max_ms);
}

/* Keys whose bytes depend on the cursor-key mode: libvterm knows it. */
static int
vterm_keycode(enum pty_key k)
{
	switch (k) {
	case PTY_UP:	return (VTERM_KEY_UP);
	case PTY_DOWN:	return (VTERM_KEY_DOWN);
	case PTY_LEFT:	return (VTERM_KEY_LEFT);
	case PTY_RIGHT:	return (VTERM_KEY_RIGHT);
	case PTY_HOME:	return (VTERM_KEY_HOME);
	case PTY_END:	return (VTERM_KEY_END);
	case PTY_PGUP:	return (VTERM_KEY_PAGEUP);
	case PTY_PGDN:	return (VTERM_KEY_PAGEDOWN);
	case PTY_INS:	return (VTERM_KEY_INS);
	case PTY_DEL:	return (VTERM_KEY_DEL);
	default:	return (VTERM_KEY_NONE);
	}
}

/* xterm's fixed sequences for the other keys. */
static const char *
fixed_bytes(enum pty_key k)
{
	static const char *const fkeys[] = {
		"\033OP", "\033OQ", "\033OR", "\033OS", "\033[15~",
		"\033[17~", "\033[18~", "\033[19~", "\033[20~", "\033[21~",
		"\033[23~", "\033[24~"
	};

	switch (k) {
	case PTY_ENTER:		return ("\r");
	case PTY_TAB:		return ("\t");
	case PTY_BTAB:		return ("\033[Z");
	case PTY_ESC:		return ("\033");
	case PTY_BACKSPACE:	return ("\177");
	default:
		if (k >= PTY_F1 && k <= PTY_F12)
			return (fkeys[k - PTY_F1]);
		return (NULL);
	}
}

char *
pty_key_bytes(struct pty *p, enum pty_key k)
{
	const char	*s;
	char		*r;
	size_t		 before;

	if ((s = fixed_bytes(k)) != NULL)
		return (xstrdup(s));
	before = p->outq.len;
	vterm_keyboard_key(p->vt, (VTermKey)vterm_keycode(k), VTERM_MOD_NONE);
	r = xstrndup(p->outq.s + before, p->outq.len - before);
	sbuf_truncate(&p->outq, before);
	return (r);
}

bool
pty_key(struct pty *p, enum pty_key k)
{
	char	*s = pty_key_bytes(p, k);
	bool	 ok = pty_send(p, s, strlen(s));

	free(s);
	return (ok);
}

/* One code point as UTF-8; returns the byte count. */
static int
utf8_encode(char *u, uint32_t cp)
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return (1);
	}
	if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		return (2);
	}
	if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		return (3);
	}
	u[0] = (char)(0xf0 | (cp >> 18 & 0x07));
	u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	u[3] = (char)(0x80 | (cp & 0x3f));
	return (4);
}

/* Appends cells [c0, c1) of row r; colmap, if given, gets each byte's
 * starting cell. */
static void
render(const struct pty *p, int r, int c0, int c1, struct sbuf *b,
    int **colmap, size_t *mapcap)
{
	VTermScreenCell	cell;
	VTermPos	pos;
	char		u[8];
	size_t		before, i;
	int		c, k, w;

	pos.row = r;
	for (c = c0 < 0 ? 0 : c0; c < c1 && c < p->cols; c += w) {
		pos.col = c;
		w = 1;
		before = b->len;
		if (!vterm_screen_get_cell(p->screen, pos, &cell))
			continue;
		if (cell.chars[0] == (uint32_t)-1)
			continue;	/* right half of a wide character */
		w = cell.width > 0 ? cell.width : 1;
		if (cell.chars[0] == 0)
			sbuf_addc(b, ' ');
		for (k = 0; k < VTERM_MAX_CHARS_PER_CELL &&
		    cell.chars[k] != 0; k++)
			sbuf_add(b, u, (size_t)utf8_encode(u, cell.chars[k]));
		if (colmap == NULL)
			continue;
		if (*mapcap < b->len) {
			*mapcap = b->len * 2;
			*colmap = xreallocarray(*colmap, *mapcap, sizeof **colmap);
		}
		for (i = before; i < b->len; i++)
			(*colmap)[i] = c;
	}
}

char *
pty_cells(const struct pty *p, int r, int c0, int c1)
{
	struct sbuf	b;

	sbuf_init(&b);
	if (r >= 0 && r < p->rows)
		render(p, r, c0, c1, &b, NULL, NULL);
	return (take(&b));
}

char *
pty_row(const struct pty *p, int r)
{
	return (pty_cells(p, r, 0, p->cols));
}

char *
pty_screen(const struct pty *p)
{
	struct sbuf	b;
	size_t		start;
	int		r;

	sbuf_init(&b);
	for (r = 0; r < p->rows; r++) {
		start = b.len;
		render(p, r, 0, p->cols, &b, NULL, NULL);
		while (b.len > start && b.s[b.len - 1] == ' ')
			sbuf_truncate(&b, b.len - 1);
		if (r + 1 < p->rows)
			sbuf_addc(&b, '\n');
	}
	return (take(&b));
}

bool
pty_find(const struct pty *p, const char *text, int from_row, int *row,
    int *col)
{
	struct sbuf	 b;
	int		*map = NULL;
	size_t		 mapcap = 0;
	const char	*hit;
	int		 r;
	bool		 found = false;

	sbuf_init(&b);
	for (r = from_row < 0 ? 0 : from_row; r < p->rows && !found; r++) {
		sbuf_truncate(&b, 0);
		render(p, r, 0, p->cols, &b, &map, &mapcap);
		if ((hit = strstr(b.s, text)) == NULL)
			continue;
		found = true;
		if (row != NULL)
			*row = r;
		if (col != NULL)
			*col = map[hit - b.s];
	}
	sbuf_done(&b);
	free(map);
	return (found);
}

bool
pty_contains(const struct pty *p, const char *text)
{
	return (pty_find(p, text, 0, NULL, NULL));
}

int
pty_count_rows(const struct pty *p, const char *text)
{
	int	r, n = 0, hit;

	for (r = 0; pty_find(p, text, r, &hit, NULL); r = hit + 1)
		n++;
	return (n);
}

bool
pty_cursor(const struct pty *p, int *row, int *col)
{
	VTermPos	pos;

	vterm_state_get_cursorpos(vterm_obtain_state(p->vt), &pos);
	if (row != NULL)
		*row = pos.row;
	if (col != NULL)
		*col = pos.col;
	return (p->cursor_visible);
}

bool
pty_altscreen(const struct pty *p)
{
	return (p->altscreen);
}

static int
color_value(const VTermColor *c, bool bg)
{
	if (bg ? VTERM_COLOR_IS_DEFAULT_BG(c) : VTERM_COLOR_IS_DEFAULT_FG(c))
		return (-1);
	if (VTERM_COLOR_IS_INDEXED(c))
		return (c->indexed.idx);
	return (0x1000000 | c->rgb.red << 16 | c->rgb.green << 8 |
	    c->rgb.blue);
}

bool
pty_attr(const struct pty *p, int row, int col, struct pty_attr *a)
{
	VTermScreenCell	cell;
	VTermPos	pos = { .row = row, .col = col };

	memset(a, 0, sizeof *a);
	if (row < 0 || row >= p->rows || col < 0 || col >= p->cols ||
	    !vterm_screen_get_cell(p->screen, pos, &cell))
		return (false);
	a->bold = cell.attrs.bold;
	a->underline = cell.attrs.underline != 0;
	a->reverse = cell.attrs.reverse;
	a->italic = cell.attrs.italic;
	a->fg = color_value(&cell.fg, false);
	a->bg = color_value(&cell.bg, true);
	a->width = cell.width;
	return (true);
}

void
pty_resize(struct pty *p, int rows, int cols)
{
	struct winsize	ws;

	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	p->rows = rows;
	p->cols = cols;
	vterm_set_size(p->vt, rows, vt_cols(cols));
	p->fix_due = true;
	if (p->seq == SEQ_GROUND)
		fix_after_resize(p);
	if (p->fd >= 0)
		ioctl(p->fd, TIOCSWINSZ, &ws);
}

bool
pty_wait_until(struct pty *p, bool (*pred)(struct pty *, void *), void *arg,
    int timeout_ms)
{
	double	end = now_ms() + timeout_ms;

	for (;;) {
		if (pred(p, arg))
			return (true);
		if (now_ms() >= end)
			return (false);
		if (pump_once(p, 20) < 0) {
			/* Nothing more will come: one last look. */
			return (pred(p, arg));
		}
	}
}

static bool
pred_contains(struct pty *p, void *text)
{
	return (pty_contains(p, text));
}

static bool
pred_lacks(struct pty *p, void *text)
{
	return (!pty_contains(p, text));
}

bool
pty_wait_for(struct pty *p, const char *text, int timeout_ms)
{
	return (pty_wait_until(p, pred_contains, (void *)text, timeout_ms));
}

bool
pty_wait_gone(struct pty *p, const char *text, int timeout_ms)
{
	return (pty_wait_until(p, pred_lacks, (void *)text, timeout_ms));
}

size_t
pty_mark(const struct pty *p)
{
	return (p->log.len);
}

size_t
pty_bytes_since(const struct pty *p, size_t mark)
{
	return (p->log.len - mark);
}

bool
pty_sent_since(const struct pty *p, size_t mark, const char *seq)
{
	if (mark > p->log.len)
		return (false);
	return (memmem(p->log.s + mark, p->log.len - mark, seq,
	    strlen(seq)) != NULL);
}

const char *
pty_output(const struct pty *p, size_t *len)
{
	if (len != NULL)
		*len = p->log.len;
	return (p->log.s);
}

bool
pty_termios(const struct pty *p, struct termios *t)
{
	return (p->fd >= 0 && tcgetattr(p->fd, t) == 0);
}

bool
pty_tty_sane(const struct pty *p)
{
	struct termios	t;

	return (pty_termios(p, &t) && (t.c_lflag & ICANON) &&
	    (t.c_lflag & ECHO) && (t.c_lflag & ISIG) &&
	    (t.c_iflag & ICRNL) && (t.c_oflag & OPOST));
}

bool
pty_signal(struct pty *p, int sig)
{
	reap(p, WNOHANG);
	return (!p->exited && kill(p->pid, sig) == 0);
}

void
pty_hangup(struct pty *p)
{
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
	p->eof = true;
	drop_queue(p);
}

bool
pty_alive(struct pty *p)
{
	reap(p, WNOHANG);
	return (!p->exited);
}

int
pty_wait_exit(struct pty *p, int timeout_ms)
{
	double	end = now_ms() + timeout_ms;

	for (;;) {
		reap(p, WNOHANG);
		if (p->exited) {
			/* Take what it wrote last, without waiting. */
			while (pump_once(p, 0) > 0)
				;
			return (p->status);
		}
		if (now_ms() >= end)
			return (-1);
		if (pump_once(p, 10) < 0)
			usleep(5000);
	}
}

void
pty_dump(struct pty *p, FILE *f, const char *why)
{
	char	*row;
	int	 r, cr, cc, i;
	bool	 vis = pty_cursor(p, &cr, &cc);

	/* Output ended: the program is exiting; say how, if it is quick. */
	for (i = 0; i < 50 && p->eof && !p->exited; i++) {
		reap(p, WNOHANG);
		if (!p->exited)
			usleep(10000);
	}
	reap(p, WNOHANG);

	fprintf(f, "---- %s: screen %dx%d, cursor row %d col %d %s, %s",
	    why != NULL ? why : "screen", p->cols, p->rows, cr, cc,
	    vis ? "visible" : "hidden", p->altscreen ? "altscreen, " : "");
	if (p->exited && WIFSIGNALED(p->wstatus))
		fprintf(f, "killed by signal %d (%s)", WTERMSIG(p->wstatus),
		    strsignal(WTERMSIG(p->wstatus)));
	else if (p->exited)
		fprintf(f, "exited with %d", p->status);
	else
		fprintf(f, "pid %ld running", (long)p->pid);
	fprintf(f, ", %zu bytes of output\n", p->log.len);
	for (r = 0; r < p->rows; r++) {
		row = pty_row(p, r);
		fprintf(f, "%2d|%s|\n", r, row);
		free(row);
	}
	fprintf(f, "----\n");
	fflush(f);
}
