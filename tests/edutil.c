/*
 * The keyless driver (see edutil.h).  The screen is an ncurses SCREEN on
 * two pipes: the editor writes its escape sequences into one (drained
 * and counted after each draw), and never reads the other (keys come as
 * the loop's own key codes).  The size comes from LINES and COLUMNS, as
 * ncurses does when the output is not a terminal.  What the terminal
 * shows is curses' own idea of it (curscr) after each refresh.
 */
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <criterion/criterion.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

#include "ed_app.h"
#include "edfix.h"
#include "ed_doc.h"
#include "ed_loop.h"
#include "ed_msg.h"
#include "ed_open.h"
#include "ed_paste.h"
#include "ed_preview.h"
#include "ed_recover.h"
#include "ed_where.h"
#include "edutil.h"
#include "editor.h"
#include "i18n.h"
#include "sbuf.h"
#include "store.h"
#include "testutil.h"
#include "tpl.h"
#include "vec.h"
#include "xmalloc.h"

struct eu	*eu_g;

struct eu {
	struct tui_app		 a;
	struct editor_opts	 o;
	struct tpl		**tpls;
	size_t			 ntpls;
	struct i18n		*i18n;
	volatile sig_atomic_t	 stop;
	SCREEN			*scr;
	FILE			*in, *out;
	int			 in_w, out_r;
	size_t			 bytes;
	unsigned		 last;
	bool			 quit;
	int			 nall;		/* all_tpls calls (eu_open_own) */
};

/* Reads what the editor wrote to the terminal, counting it. */
static void
drain(struct eu *e)
{
	char	buf[65536];
	ssize_t	n;

	fflush(e->out);
	while ((n = read(e->out_r, buf, sizeof buf)) > 0)
		e->bytes += (size_t)n;
}

/* What one turn of the loop does before it reads a key. */
static void
show(struct eu *e)
{
	ed_loop_show(&e->a);
	drain(e);
}

/* The pipes and the screen, rows x cols. */
static void
screen(struct eu *e, int rows, int cols)
{
	int	in[2], out[2];
	char	n[16];

	cr_assert(pipe(in) == 0 && pipe(out) == 0);
	/* A full repaint must fit before it is drained. */
	fcntl(out[0], F_SETPIPE_SZ, 1 << 20);
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	e->in = fdopen(in[0], "r");
	e->in_w = in[1];
	e->out = fdopen(out[1], "w");
	e->out_r = out[0];
	snprintf(n, sizeof n, "%d", rows);
	setenv("LINES", n, 1);
	snprintf(n, sizeof n, "%d", cols);
	setenv("COLUMNS", n, 1);
	e->scr = newterm("xterm-256color", e->out, e->in);
	cr_assert_not_null(e->scr, "newterm on pipes failed");
	set_term(e->scr);
	editor_screen(&e->a, e->out);
	ed_loop_mark(&e->a, ed_loop_resize(&e->a));
}

/* editor_opts.all_tpls of eu_open_own: every template, counted. */
static bool
all_tpls(void *ctx, struct tpl *const **tpls, size_t *n)
{
	struct eu	*e = ctx;

	e->nall++;
	*tpls = (struct tpl *const *)e->tpls;
	*n = e->ntpls;
	return (true);
}

static struct eu *
start_with(const char *path, int rows, int cols, bool preview,
    const char *own)
{
	struct eu	*e = xcalloc(1, sizeof *e);
	char		*data = xasprintf("%s/share/nianbao", NB_BUILD_DIR);
	unsigned	 d = 0;

	setlocale(LC_ALL, "C.UTF-8");
	e->ntpls = tu_templates(&e->tpls);
	cr_assert(e->ntpls > 0, "no templates");
	e->i18n = i18n_open(data, LANG_ZH);
	free(data);
	e->o = (struct editor_opts){ .path = path,
	    .tpls = (struct tpl *const *)e->tpls, .ntpls = e->ntpls,
	    .i18n = e->i18n, .lang = LANG_ZH, .ambiguous = 1,
	    .preview = preview };
	/* The command's way with an existing report: its template alone,
	 * the others on the editor's demand. */
	for (size_t i = 0; own != NULL && i < e->ntpls; i++)
		if (strcmp(e->tpls[i]->id, own) == 0) {
			e->o.tpls = (struct tpl *const *)e->tpls + i;
			e->o.ntpls = 1;
			e->o.all_tpls = all_tpls;
			e->o.all_ctx = e;
		}
	editor_app_init(&e->a, &e->o, &e->stop);
	if (!preview && !ed_open(&e->a, &d))
		e->quit = true;
	screen(e, rows, cols);
	ed_loop_mark(&e->a, d);
	if (d & TUI_QUIT)
		e->quit = true;
	show(e);
	return (e);
}

static struct eu *
start(const char *path, int rows, int cols, bool preview)
{
	return (start_with(path, rows, cols, preview, NULL));
}

struct eu *
eu_open(const char *path, int rows, int cols)
{
	return (start(path, rows, cols, false));
}

struct eu *
eu_open_own(const char *path, const char *tpl_id, int rows, int cols)
{
	return (start_with(path, rows, cols, false, tpl_id));
}

int
eu_all_tpls_calls(const struct eu *e)
{
	return (e->nall);
}

struct eu *
eu_open_preview(const char *path, int rows, int cols)
{
	struct eu	*e = start(path, rows, cols, true);
	struct err	 er = { 0 };
	struct report	*r = store_load(path, e->o.tpls, e->ntpls, &er);

	cr_assert_not_null(r, "%s does not load", path);
	ed_loop_mark(&e->a, ed_doc_attach(&e->a, r, NULL) |
	    ed_preview_show(&e->a));
	show(e);
	return (e);
}

void
eu_free(struct eu *e)
{
	if (e == NULL)
		return;
	ed_where_save(&e->a);
	free(ed_recover_finish(&e->a, false));
	endwin();
	drain(e);
	delscreen(e->scr);
	fclose(e->in);
	fclose(e->out);
	close(e->in_w);
	close(e->out_r);
	editor_app_done(&e->a);
	tu_templates_free(e->tpls, e->ntpls);
	i18n_close(e->i18n);
	free(e);
}

unsigned
eu_key(struct eu *e, int key)
{
	if (e->quit)
		return (0);
	e->last = ed_loop_key(&e->a, key);
	if (e->last & TUI_QUIT)
		e->quit = true;
	else
		show(e);
	return (e->last);
}

void
eu_type(struct eu *e, const char *s)
{
	mbstate_t	ps;
	wchar_t		wc;
	size_t		n, len = strlen(s);

	memset(&ps, 0, sizeof ps);
	while (len > 0 && (n = mbrtowc(&wc, s, len, &ps)) != 0 &&
	    n <= len) {
		eu_key(e, (int)wc);
		s += n;
		len -= n;
	}
}

void
eu_paste(struct eu *e, const char *s)
{
	if (e->quit)
		return;
	e->last = ed_msg_clear(&e->a) | ed_paste_give(&e->a, s, strlen(s));
	ed_loop_mark(&e->a, e->last);
	show(e);
}

void
eu_go_to(struct eu *e, const char *target)
{
	eu_key(e, EU_CTRL('G'));
	eu_type(e, target);
	eu_key(e, EU_ENTER);
}

void
eu_resize(struct eu *e, int rows, int cols)
{
	resizeterm(rows, cols);
	eu_key(e, KM_KEY(KEY_RESIZE));
}

unsigned
eu_dirty(const struct eu *e)
{
	return (e->last);
}

bool
eu_quit(const struct eu *e)
{
	return (e->quit);
}

size_t
eu_bytes(const struct eu *e)
{
	return (e->bytes);
}

const struct report *
eu_report(const struct eu *e)
{
	return (e->a.rep);
}

struct tui_app *
eu_app(struct eu *e)
{
	return (&e->a);
}

/*
 * Cell (r, c) of the terminal as curses last wrote it: its text (UTF-8,
 * appended to b), its width, and its attributes.  Reading curscr moves
 * its cursor, which is curses' idea of the terminal's: put back.
 */
static int
cell(int r, int c, struct sbuf *b, attr_t *at, short *pair)
{
	cchar_t		cc;
	wchar_t		wch[CCHARW_MAX + 1];
	char		u[MB_LEN_MAX + 1];
	mbstate_t	ps;
	size_t		i, n;
	int		y, x, w = 1;

	getyx(curscr, y, x);
	*at = 0;
	*pair = 0;
	if (mvwin_wch(curscr, r, c, &cc) == ERR ||
	    getcchar(&cc, wch, at, pair, NULL) == ERR || wch[0] == L'\0') {
		sbuf_add(b, " ", 1);
		wmove(curscr, y, x);
		return (1);
	}
	wmove(curscr, y, x);
	memset(&ps, 0, sizeof ps);
	for (i = 0; wch[i] != L'\0'; i++)
		if ((n = wcrtomb(u, wch[i], &ps)) != (size_t)-1)
			sbuf_add(b, u, n);
	if (wcwidth(wch[0]) == 2)
		w = 2;
	return (w);
}

/* Row r from cell c0 to c1 into b; map[i]: the cell of byte i. */
static void
render(int r, int c0, int c1, struct sbuf *b, int **map, size_t *mapcap)
{
	attr_t	at;
	short	pair;
	size_t	before;
	int	c, w;

	for (c = c0; c < c1 && c < COLS; c += w) {
		before = b->len;
		w = cell(r, c, b, &at, &pair);
		if (map != NULL) {
			VEC_RESERVE(*map, *mapcap, b->len + 1);
			while (before < b->len)
				(*map)[before++] = c;
		}
	}
	if (b->s == NULL)
		sbuf_add(b, "", 0);
}

char *
eu_cells(const struct eu *e, int r, int c0, int c1)
{
	struct sbuf	b;

	(void)e;
	sbuf_init(&b);
	if (r >= 0 && r < LINES)
		render(r, c0, c1, &b, NULL, NULL);
	return (b.s != NULL ? sbuf_take(&b) : xstrdup(""));
}

char *
eu_row(const struct eu *e, int r)
{
	return (eu_cells(e, r, 0, COLS));
}

char *
eu_screen(const struct eu *e)
{
	struct sbuf	 b;
	char		*row;
	size_t		 n;
	int		 r;

	sbuf_init(&b);
	for (r = 0; r < LINES; r++) {
		row = eu_row(e, r);
		n = strlen(row);
		while (n > 0 && row[n - 1] == ' ')
			n--;
		sbuf_add(&b, row, n);
		if (r + 1 < LINES)
			sbuf_add(&b, "\n", 1);
		free(row);
	}
	return (sbuf_take(&b));
}

bool
eu_find(const struct eu *e, const char *text, int from, int *row, int *col)
{
	struct sbuf	 b;
	int		*map = NULL;
	size_t		 cap = 0;
	const char	*hit;
	int		 r;
	bool		 found = false;

	(void)e;
	sbuf_init(&b);
	for (r = from < 0 ? 0 : from; r < LINES && !found; r++) {
		sbuf_truncate(&b, 0);
		render(r, 0, COLS, &b, &map, &cap);
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
eu_contains(const struct eu *e, const char *text)
{
	return (eu_find(e, text, 0, NULL, NULL));
}

bool
eu_cursor(const struct eu *e, int *row, int *col)
{
	getyx(curscr, *row, *col);
	return (e->a.cursor_on);
}

bool
eu_marked(const struct eu *e, int r, int c)
{
	struct sbuf	b;
	attr_t		at;
	short		pair;

	(void)e;
	sbuf_init(&b);
	cell(r, c, &b, &at, &pair);
	sbuf_done(&b);
	return (pair != 0 || (at & A_REVERSE) != 0);
}

void
eu_teardown(void)
{
	eu_free(eu_g);
	eu_g = NULL;
	edfix_teardown();
}

bool
eu_leaked(void)
{
#ifdef __SANITIZE_ADDRESS__
	return (__lsan_do_recoverable_leak_check() != 0);
#else
	return (false);
#endif
}

void
eu_dump(const struct eu *e, const char *why)
{
	char	*s = eu_screen(e);
	int	 r, c;

	eu_cursor(e, &r, &c);
	fprintf(stderr, "---- %s (cursor %d,%d%s)\n%s\n----\n", why, r, c,
	    e->a.cursor_on ? "" : " hidden", s);
	free(s);
}
