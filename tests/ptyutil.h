/*
 * A program in a pseudo-terminal, seen through a terminal emulator.
 *
 * pty_spawn() starts a command under forkpty(3) with a window of the given
 * size, TERM=xterm-256color and a UTF-8 locale; everything it writes is
 * fed to libvterm, which keeps the screen the user would see (alternate
 * screen, wide characters, cursor).  The test types with pty_type(),
 * pty_key() and pty_paste(), waits with pty_wait_for() and reads the
 * screen with pty_row(), pty_screen(), pty_find() and pty_cursor().
 * Answers the terminal gives to the program's queries (DSR cursor
 * position, device attributes) go back to it, as a real terminal's would.
 *
 * Every byte the program wrote is counted and kept, so a test can ask
 * how many bytes a keystroke cost (pty_mark() / pty_bytes_since()) and
 * whether a sequence was sent (pty_sent_since()).
 *
 * No criterion here: the benchmark uses it too.  Rows and columns are
 * 0-based screen cells; a wide character occupies two cells and is
 * rendered once in row strings.  Functions returning char * return newly
 * allocated strings the caller frees.
 */
#ifndef NB_PTYUTIL_H
#define NB_PTYUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <termios.h>

struct pty;

struct pty_opts {
	int			 rows, cols;
	const char *const	*argv;	/* argv[0] is run with execvp */
	/* Extra environment, NULL-terminated, may be NULL: "NAME=value"
	 * sets, "NAME" alone unsets. Applied after the defaults. */
	const char *const	*env;
	const char		*cwd;	/* may be NULL */
};

/* Named keys, as xterm sends them. */
enum pty_key {
	PTY_ENTER, PTY_TAB, PTY_BTAB, PTY_ESC, PTY_BACKSPACE,
	PTY_UP, PTY_DOWN, PTY_LEFT, PTY_RIGHT,
	PTY_HOME, PTY_END, PTY_PGUP, PTY_PGDN, PTY_INS, PTY_DEL,
	PTY_F1, PTY_F2, PTY_F3, PTY_F4, PTY_F5, PTY_F6,
	PTY_F7, PTY_F8, PTY_F9, PTY_F10, PTY_F11, PTY_F12
};

/*
 * Starts the command. Default environment: the caller's, with
 * TERM=xterm-256color, LANG=zh_CN.UTF-8 if that locale exists else
 * C.UTF-8, and LC_ALL, LC_CTYPE, LC_MESSAGES, LANGUAGE, COLUMNS, LINES,
 * NO_COLOR unset. Returns NULL (with errno) if forkpty fails; if exec
 * fails the child exits 127.
 */
struct pty	*pty_spawn(const struct pty_opts *);
/* Shorthand: rows x cols, argv, default environment. */
struct pty	*pty_start(int rows, int cols, const char *const *argv);
/*
 * Starts argv in folder dir, which is also its HOME and every XDG
 * folder (so the editor's settings, snapshots and locks stay there), at
 * rows x cols; extra: one more environment entry (NULL: none).
 */
struct pty	*pty_start_home(const char *dir, int rows, int cols,
		     const char *const *argv, const char *extra);
/* Kills the child with SIGKILL if it still runs, reaps it, frees. */
void		 pty_free(struct pty *);

/* The locale given to children ("zh_CN.UTF-8" or "C.UTF-8"). */
const char	*pty_locale(void);

pid_t		 pty_pid(const struct pty *);
int		 pty_rows(const struct pty *);
int		 pty_cols(const struct pty *);
/* Milliseconds since pty_spawn. */
double		 pty_elapsed_ms(const struct pty *);
/* Milliseconds from pty_spawn to the last output read; -1 if none. */
double		 pty_last_output_ms(const struct pty *);

/*
 * Input. Each returns false if the bytes could not all be written
 * because the program took none of them for 10 s or the program is gone.
 * Output is read while writing, so a large paste cannot deadlock.
 */
bool		 pty_send(struct pty *, const void *, size_t);
bool		 pty_type(struct pty *, const char *utf8);
/* After PTY_ESC a curses program waits ESCDELAY for more bytes of an
 * escape sequence: wait for its effect before the next key. */
bool		 pty_key(struct pty *, enum pty_key);
/* Ctrl and a letter: pty_ctrl(p, 's') sends 0x13. */
bool		 pty_ctrl(struct pty *, char letter);
/* \e[200~ text \e[201~, whether or not the program enabled the mode. */
bool		 pty_paste(struct pty *, const char *utf8);
/* The mouse, as xterm reports it in SGR mode (ESC [ < ...): a click of
 * the first button on cell (row, col); the wheel up (dir < 0) or down. */
bool		 pty_click(struct pty *, int row, int col);
bool		 pty_wheel(struct pty *, int row, int col, int dir);
/* The mouse moved to cell (row, col), then button (1..3; 0: none)
 * pressed or released there, as libvterm encodes it for the modes the
 * program set; then 40 ms, as a hand takes (events sent in the same
 * instant are merged or lost by curses' mouse parsing). */
bool		 pty_mouse(struct pty *, int row, int col, int button,
		     bool pressed);
/* The editor's go to: Ctrl-G, the target, Enter, each let settle. */
void		 pty_go_to(struct pty *, const char *target, int max_ms);
/* The bytes a named key sends now (depends on the cursor-key mode the
 * program set). Newly allocated. */
char		*pty_key_bytes(struct pty *, enum pty_key);

/*
 * Output. pty_pump reads for up to ms milliseconds (returns early only
 * at end of output); pty_settle reads until the program has been quiet
 * for quiet_ms (counting from the call: a program slower than that to
 * start answering is missed; wait for its effect instead), at most
 * max_ms, and returns whether it went quiet.
 */
void		 pty_pump(struct pty *, int ms);
bool		 pty_settle(struct pty *, int quiet_ms, int max_ms);
/* Waits until text is on screen (true) or timeout_ms passes (false). */
bool		 pty_wait_for(struct pty *, const char *utf8, int timeout_ms);
/* Waits until text is no longer on screen. */
bool		 pty_wait_gone(struct pty *, const char *utf8, int timeout_ms);
/* Waits until pred(p, arg) holds. */
bool		 pty_wait_until(struct pty *, bool (*)(struct pty *, void *),
		     void *, int timeout_ms);

/* The screen. */
/* Row r as UTF-8, trailing blanks kept; "" outside the screen. */
char		*pty_row(const struct pty *, int r);
/* Cells [c0, c1) of row r; a wide character starting before c0 is left
 * out, one starting at c1 - 1 is included. */
char		*pty_cells(const struct pty *, int r, int c0, int c1);
/* All rows, trailing blanks trimmed, joined by '\n'. */
char		*pty_screen(const struct pty *);
bool		 pty_contains(const struct pty *, const char *utf8);
/*
 * The first occurrence at or after row from_row (top to bottom, left to
 * right). Fills *row and *col (the cell where it starts). Text never
 * spans rows.
 */
bool		 pty_find(const struct pty *, const char *utf8, int from_row,
		     int *row, int *col);
/* Number of rows containing text. */
int		 pty_count_rows(const struct pty *, const char *utf8);
/* Cursor position; returns whether the cursor is visible. */
bool		 pty_cursor(const struct pty *, int *row, int *col);
bool		 pty_altscreen(const struct pty *);

struct pty_attr {
	bool	bold, underline, reverse, italic;
	int	fg, bg;	/* -1 default, 0..255 palette, else 0x1000000|rgb */
	int	width;	/* 1 or 2 */
};
/* Attributes of a cell; false outside the screen. */
bool		 pty_attr(const struct pty *, int row, int col,
		     struct pty_attr *);

/* Terminal size: sets the emulator's size and the pty's (the kernel
 * sends SIGWINCH to the program). Does not read output. */
void		 pty_resize(struct pty *, int rows, int cols);

/* Byte accounting over everything the program wrote. */
size_t		 pty_mark(const struct pty *);
size_t		 pty_bytes_since(const struct pty *, size_t mark);
/* Whether seq (bytes, NUL-terminated) appears in the output since mark. */
bool		 pty_sent_since(const struct pty *, size_t mark, const char *seq);
/* All output so far; borrowed, valid until the next read. */
const char	*pty_output(const struct pty *, size_t *len);

/*
 * The terminal modes the program left (tcgetattr on the master gives
 * the slave's, even after the program exited). pty_tty_sane: line
 * editing, echo, signals and output processing are on, as `stty sane`
 * leaves them.
 */
bool		 pty_termios(const struct pty *, struct termios *);
bool		 pty_tty_sane(const struct pty *);

/* Process control. */
bool		 pty_signal(struct pty *, int sig);
/*
 * The terminal goes away, as when an SSH link drops: the master side is
 * closed, so the kernel sends SIGHUP to the program's session and its
 * reads give EOF or EIO. Input it has not read yet and output after
 * that are lost; the screen stays as it was, and pty_wait_exit still
 * reaps the program.
 */
void		 pty_hangup(struct pty *);
/* Whether the program still runs (reaps it if it exited). */
bool		 pty_alive(struct pty *);
/*
 * Reads output until the program exits; returns its exit code, 128 +
 * signal if killed, or -1 if it still runs after timeout_ms.
 */
int		 pty_wait_exit(struct pty *, int timeout_ms);

/* Writes the screen, cursor and process state (exit status if it has
 * exited) to f, headed by why. */
void		 pty_dump(struct pty *, FILE *, const char *why);

#endif
