/*
 * The register of applications in the editor (see ed_ledger.h).
 *
 * struct ed_ledger holds two things.  The run: the register opened, its
 * map and the map's path, kept from the file question until table 三 is
 * filled (or another run starts), and the values still to be mapped
 * (field and text copied, since counting again may move the map's
 * entries).  The text: a heading and lines, shown by the text list pane
 * (what was counted, the problems; the rows behind a cell, which
 * ed_ledgerrows.c gives through ed_ledger_text_*).  Both list panes read
 * it; only this file writes it.
 *
 * The count goes as `nianbao ledger` does (tui/cli/cmd_ledger.c): open,
 * map, ledger_count for the report's year, then ledger_fill; the fill
 * goes into the undo history whole (undo_push_fill).
 */
#include <dirent.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "caretbuf.h"
#include "ed_ask.h"
#include "ed_cell.h"
#include "ed_form.h"
#include "ed_ledger.h"
#include "ed_list.h"
#include "ed_msg.h"
#include "ed_recover.h"
#include "ed_sec.h"
#include "ledger.h"
#include "ledger_count.h"
#include "ledger_date.h"
#include "ledger_fill.h"
#include "ledger_map.h"
#include "ledger_prov.h"
#include "paths.h"
#include "sbuf.h"
#include "tpl.h"
#include "undo.h"
#include "vec.h"
#include "xmalloc.h"

#define MAX_TARGETS	32
#define MAX_ROWS_LISTED	30

struct lg_value {
	enum ledger_field	 field;
	char			*text;
	char			*rows;		/* "7, 12" */
};

struct ed_ledger {
	/* The run. */
	char		*reg;
	struct ledger	*L;
	struct ledger_map m;
	char		*mappath;
	struct lg_value	*v;
	size_t		 nv, capv;
	/* The text shown by the text list. */
	char		*heading;
	char		**lines;
	size_t		 nlines, caplines;
};

static const struct ed_pane map_pane, text_pane;

static struct ed_ledger *
state(struct tui_app *a)
{
	if (a->ledger == NULL) {
		a->ledger = xcalloc(1, sizeof *a->ledger);
		ledger_map_init(&a->ledger->m);
	}
	return (a->ledger);
}

/* Forgets the values to map. */
static void
values_done(struct ed_ledger *x)
{
	size_t	i;

	for (i = 0; i < x->nv; i++) {
		free(x->v[i].text);
		free(x->v[i].rows);
	}
	free(x->v);
	x->v = NULL;
	x->nv = x->capv = 0;
}

static void
run_done(struct ed_ledger *x)
{
	ledger_free(x->L);
	x->L = NULL;
	ledger_map_done(&x->m);
	ledger_map_init(&x->m);
	free(x->reg);
	free(x->mappath);
	x->reg = x->mappath = NULL;
	values_done(x);
}

static void
text_done(struct ed_ledger *x)
{
	size_t	i;

	for (i = 0; i < x->nlines; i++)
		free(x->lines[i]);
	free(x->lines);
	free(x->heading);
	x->lines = NULL;
	x->heading = NULL;
	x->nlines = x->caplines = 0;
}

void
ed_ledger_done(struct tui_app *a)
{
	if (a->ledger == NULL)
		return;
	run_done(a->ledger);
	ledger_map_done(&a->ledger->m);
	text_done(a->ledger);
	free(a->ledger);
	a->ledger = NULL;
}

/* The register's file name, for headings (the folder is in the file
 * question): borrowed from x->reg. */
static const char *
reg_name(const struct ed_ledger *x)
{
	const char	*s;

	if (x == NULL || x->reg == NULL)
		return ("");
	s = strrchr(x->reg, '/');
	return (s != NULL && s[1] != '\0' ? s + 1 : x->reg);
}

/* Adds a line to the text (taken). */
static void
line_take(struct ed_ledger *x, char *s)
{
	VEC_PUSH(x->lines, x->nlines, x->caplines);
	x->lines[x->nlines - 1] = s;
}

/* --- the text list: heading and lines -------------------------------- */

static char *
text_heading(const struct tui_app *a)
{
	return (a->ledger != NULL && a->ledger->heading != NULL ?
	    xstrdup(a->ledger->heading) : NULL);
}

/* The lines, wrapped to the pane. */
static void
text_rows(const struct tui_app *a, int pw, struct ed_list_rows *out)
{
	struct caretbuf_line	*l = NULL;
	const char		*s;
	size_t			 i, j, n;
	int			 w = pw >= 3 ? pw - 1 : pw;

	if (a->ledger == NULL)
		return;
	for (i = 0; i < a->ledger->nlines; i++) {
		s = a->ledger->lines[i];
		n = caretbuf_wrap(s, strlen(s), w, &l, &a->topts);
		for (j = 0; j < n; j++)
			ed_list_add(out, j > 0 ? 2 : 0, s + l[j].start,
			    l[j].end - l[j].start, ST_TEXT, 0);
		free(l);
		l = NULL;
	}
}

const struct ed_keymap ed_ledger_text_keys = { "ed.ctx.ledger_text", NULL,
    ed_list_text_keys, NULL };

static const struct ed_list_def text_def = {
	.fill = ST_TEXT,
	.heading = text_heading,
	.rows = text_rows,
};

static const struct ed_pane text_pane = {
	.name = "ledger_text",
	.keys = &ed_ledger_text_keys,
	.hint = "ed.lg_text_hint",
	ED_LIST_OPS,
	.data = &text_def,
};

void
ed_ledger_text_start(struct tui_app *a, char *heading)
{
	struct ed_ledger	*x = state(a);

	text_done(x);
	x->heading = heading;
}

void
ed_ledger_text_add(struct tui_app *a, char *line)
{
	line_take(state(a), line);
}

unsigned
ed_ledger_text_show(struct tui_app *a)
{
	return (ed_list_open(a, &text_pane) | TUI_DIRTY_ALL |
	    TUI_DIRTY_CLEAR);
}

/* --- the map list: the values without a target ----------------------- */

static const char *
field_id(enum ledger_field f)
{
	static const char *const ids[LEDGER_NFIELDS] = { "ledger.f_received",
	    "ledger.f_applicant", "ledger.f_result", "ledger.f_answered" };

	return (ids[f]);
}

/* The words for target id: its statutory label, or pending / skip. */
static char *
target_words(const struct tui_app *a, const char *id)
{
	const char	*label;

	if (id == NULL)
		return (ed_msg_tr(a, "ed.lg_no_target"));
	if ((label = ledger_map_label(id)) != NULL)
		return (xstrdup(label));
	return (ed_msg_tr(a, strcmp(id, "pending") == 0 ?
	    "ledger.target_pending" : "ledger.target_skip"));
}

static const char *
value_target(const struct ed_ledger *x, const struct lg_value *v)
{
	struct ledger_value	*e = ledger_map_find(&x->m, v->field, v->text);

	return (e != NULL ? e->target : NULL);
}

static char *
map_heading(const struct tui_app *a)
{
	char	n[16];

	snprintf(n, sizeof n, "%zu", a->ledger != NULL ? a->ledger->nv : 0);
	return (i18n_fmt2(a->i18n, "ed.lg_map_title", n, reg_name(a->ledger)));
}

/* A row per value: the column, the value, its rows and its target. */
static void
map_rows(const struct tui_app *a, int w, struct ed_list_rows *out)
{
	const struct ed_ledger	*x = a->ledger;
	struct ed_list_row	*r;
	const char		*tg;
	char			*words;
	size_t			 i;

	(void)w;
	for (i = 0; x != NULL && i < x->nv; i++) {
		tg = value_target(x, &x->v[i]);
		words = target_words(a, tg);
		r = ed_list_push(out);
		r->nseg = 3;
		r->seg[0] = (struct ed_list_seg){ ed_msg_tr(a,
		    field_id(x->v[i].field)), ST_NORMAL, 0 };
		r->seg[1] = (struct ed_list_seg){ xstrdup(x->v[i].text),
		    ST_NORMAL, 0 };
		r->seg[2] = (struct ed_list_seg){ i18n_fmt2(a->i18n,
		    "ed.lg_map_row", x->v[i].rows, words), tg == NULL ?
		    ST_COUNT_ERR : ST_NORMAL, DRAW_PAD | DRAW_ELLIPSIS };
		free(words);
	}
}

static unsigned map_choose(struct tui_app *, size_t);

static unsigned
map_enter(struct tui_app *a, int key)
{
	(void)key;
	return (map_choose(a, ed_list_sel(a, &map_pane)));
}

static const struct ed_action map_act_enter = {
	.fn = map_enter, .help = "ed.h.lg_map_enter"
};

static const struct ed_binding map_bindings[] = {
	{ &ed_list_act_up, { KM_KEY(KEY_UP) } },
	{ &ed_list_act_down, { KM_KEY(KEY_DOWN) } },
	{ &ed_list_act_pgup, { KM_KEY(KEY_PPAGE) } },
	{ &ed_list_act_pgdn, { KM_KEY(KEY_NPAGE) } },
	{ &ed_list_act_home, { KM_KEY(KEY_HOME) } },
	{ &ed_list_act_end, { KM_KEY(KEY_END) } },
	{ &map_act_enter, { '\r', '\n', KM_KEY(KEY_ENTER) } },
	{ &ed_list_act_close, { 27 } },
	{ NULL, { 0 } }
};

static const struct ed_keymap map_keys = { "ed.ctx.ledger_map", NULL,
    map_bindings, NULL };

static const struct ed_list_def map_def = {
	.select = true,
	.fill = ST_NORMAL,
	.heading = map_heading,
	.rows = map_rows,
	.choose = map_choose,
};

static const struct ed_pane map_pane = {
	.name = "ledger_map",
	.keys = &map_keys,
	.hint = "ed.lg_map_hint",
	ED_LIST_OPS,
	.data = &map_def,
};

/* --- counting ---------------------------------------------------------- */

/* Writes the map back when it gained something; a failure is a line of
 * the text (the count itself is complete). */
static void
save_map(struct tui_app *a, struct ed_ledger *x)
{
	struct err	 e = { 0 };
	char		*hdr;

	if (!x->m.dirty)
		return;
	hdr = i18n_fmt1(a->i18n, "ledger.map_header", ledger_path(x->L));
	if (ledger_map_save(&x->m, x->mappath, hdr, &e)) {
		line_take(x, i18n_fmt1(a->i18n, "ledger.map_saved",
		    x->mappath));
		x->m.dirty = false;
	} else {
		line_take(x, i18n_err(a->i18n, &e));
		err_clear(&e);
	}
	free(hdr);
}

/* The row refs of v as "5, 9, 12" (the first MAX_ROWS_LISTED). */
static char *
rows_list(const struct ledger_value *v)
{
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	for (i = 0; i < v->nrows && i < MAX_ROWS_LISTED; i++)
		sbuf_addf(&b, "%s%s", i ? ", " : "", v->rows[i]);
	if (v->nrows > MAX_ROWS_LISTED)
		sbuf_adds(&b, ", …");
	return (sbuf_take(&b));
}

/* The values the count waits for, copied into x->v. */
static void
take_unmapped(struct ed_ledger *x)
{
	struct ledger_value	**ask;
	size_t			  i, n;

	values_done(x);
	n = ledger_map_unmapped(&x->m, NULL, 0);
	ask = xcalloc(n + 1, sizeof *ask);
	ledger_map_unmapped(&x->m, ask, n);
	for (i = 0; i < n; i++) {
		VEC_PUSH(x->v, x->nv, x->capv);
		x->v[x->nv - 1] = (struct lg_value){ ask[i]->field,
		    xstrdup(ask[i]->text), rows_list(ask[i]) };
	}
	free(ask);
}

/* The problems of a count that cannot be filled in, as the text. */
static unsigned
show_problems(struct tui_app *a, struct ed_ledger *x,
    const struct ledger_count *c)
{
	char	n[16];
	size_t	i;

	text_done(x);
	snprintf(n, sizeof n, "%zu", c->problems.n);
	x->heading = i18n_fmt2(a->i18n, "ed.lg_problems", n, reg_name(x));
	for (i = 0; i < c->problems.n; i++)
		line_take(x, i18n_err(a->i18n, &c->problems.v[i]));
	save_map(a, x);
	return (ed_list_open(a, &text_pane) | TUI_DIRTY_ALL |
	    TUI_DIRTY_CLEAR);
}

/* What the clerk must see of a fill: the guesses and the notes. */
static void
say_guesses(struct tui_app *a, struct ed_ledger *x,
    const struct ledger_count *c)
{
	const char	*args[3];
	char		*f, *words;
	size_t		 i;

	for (i = 0; i < x->m.n; i++) {
		if (x->m.v[i].how != LEDGER_HOW_GUESS || x->m.v[i].nrows == 0)
			continue;
		f = ed_msg_tr(a, field_id(x->m.v[i].field));
		words = target_words(a, x->m.v[i].target);
		args[0] = f;
		args[1] = x->m.v[i].text;
		args[2] = words;
		line_take(x, i18n_fmt(a->i18n, "ed.lg_guess", 3, args));
		free(words);
		free(f);
	}
	for (i = 0; i < c->notes.n; i++)
		line_take(x, i18n_err(a->i18n, &c->notes.v[i]));
}

/* "label: old → new" for every cell the fill changed. */
static void
say_changes(struct tui_app *a, struct ed_ledger *x, struct ledger_fill *f)
{
	const struct tpl	*t = report_tpl(a->rep);
	struct report_value	 b, v;
	char			 o[NUM_FMT_MAX], n[NUM_FMT_MAX], label[256],
				*blank = ed_msg_tr(a, "ledger.blank");
	const char		*args[3];
	size_t			 i;
	int			 cell;

	for (i = 0; i < ledger_fill_nchanges(f); i++) {
		ledger_fill_change(f, i, &cell, &b, &v);
		report_format_value(a->rep, cell, b, o);
		report_format_value(a->rep, cell, v, n);
		args[0] = tpl_cell_label(t, cell, a->lang, label, sizeof label);
		args[1] = *o != '\0' ? o : blank;
		args[2] = n;
		line_take(x, i18n_fmt(a->i18n, "ed.lg_change", 3, args));
	}
	if (ledger_fill_nchanges(f) == 0)
		line_take(x, ed_msg_tr(a, "ledger.no_change"));
	free(blank);
}

/* Fills table 三 from c, as one undo step, and shows what was done. */
static unsigned
fill(struct tui_app *a, struct ed_ledger *x, const struct ledger_count *c)
{
	struct ledger_fill	*f;
	struct err		 e = { 0 };
	char			*rel, n[16], m[16], k[16];
	int			 cell = -1;
	struct report_value	 b, v;
	unsigned		 d;

	rel = ledger_prov_relpath(x->reg, a->path);
	f = ledger_fill(a->rep, c, rel, ledger_sha256(x->L), &e);
	free(rel);
	if (f == NULL) {
		d = ed_msg_err(a, &e);
		err_clear(&e);
		return (d);
	}
	undo_seal(a->undo);
	text_done(x);
	snprintf(n, sizeof n, "%zu", c->nentries);
	snprintf(m, sizeof m, "%zu", c->rows_seen);
	snprintf(k, sizeof k, "%zu", ledger_fill_nchanges(f));
	x->heading = i18n_fmt1(a->i18n, "ed.lg_done", reg_name(x));
	line_take(x, i18n_fmt(a->i18n, "ed.lg_done_counts", 3,
	    (const char *const[]){ n, m, k }));
	if (ledger_fill_carry(f) == LEDGER_CARRY_PREVIOUS)
		line_take(x, ed_msg_tr(a, "ledger.carry_previous"));
	else if (c->starts_in_year)
		line_take(x, ed_msg_tr(a, "ledger.carry_starts"));
	say_guesses(a, x, c);
	say_changes(a, x, f);
	save_map(a, x);
	if (ledger_fill_nchanges(f) > 0)
		ledger_fill_change(f, 0, &cell, &b, &v);
	else
		cell = tpl_cell_index(report_tpl(a->rep), "t3.new.natural");
	undo_push_fill(a->undo, f);
	run_done(x);
	d = cell >= 0 ? ed_form_goto(a, cell) : 0;
	return (d | ed_list_open(a, &text_pane) | TUI_DIRTY_MODEL |
	    TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* No header found in the register: why, and how to name the columns. */
static unsigned
show_no_header(struct tui_app *a, struct ed_ledger *x, const struct err *e)
{
	text_done(x);
	x->heading = i18n_fmt1(a->i18n, "ed.lg_not_counted", reg_name(x));
	line_take(x, ed_recover_reason(a, e));
	line_take(x, i18n_fmt1(a->i18n, "ledger.name_columns", x->mappath));
	return (ed_ledger_text_show(a));
}

/* Counts the run's register for the report's year; then fills, lists
 * the problems, or lists the values to map.  Returns dirty bits. */
static unsigned
count(struct tui_app *a, struct ed_ledger *x)
{
	struct ledger_opts	 lo = { report_year(a->rep),
				    ledger_date_today() };
	struct ledger_count	 c;
	struct err		 e = { 0 };
	unsigned		 d;

	ledger_count_init(&c);
	ledger_map_clear_rows(&x->m);
	if (!ledger_count(x->L, &x->m, &lo, &c, &e)) {
		d = show_no_header(a, x, &e);
		err_clear(&e);
	} else if (c.problems.n > 0)
		d = show_problems(a, x, &c);
	else if (!ledger_count_ok(&c)) {
		take_unmapped(x);
		save_map(a, x);
		d = ed_list_open(a, &map_pane) | TUI_DIRTY_ALL |
		    TUI_DIRTY_CLEAR;
	} else
		d = fill(a, x, &c);
	ledger_count_done(&c);
	return (d);
}

/* --- mapping a value --------------------------------------------------- */

struct pick {
	size_t		 row;
	const char	*ids[MAX_TARGETS];
	size_t		 n;
};

static bool
all_mapped(const struct ed_ledger *x)
{
	size_t	i;

	for (i = 0; i < x->nv; i++)
		if (value_target(x, &x->v[i]) == NULL)
			return (false);
	return (true);
}

static unsigned
target_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct pick	*p = arg;
	struct ed_ledger *x = a->ledger;
	struct lg_value	*v;

	if (r->res != DLG_OK || x == NULL || p->row >= x->nv ||
	    r->sel >= p->n)
		return (TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
	v = &x->v[p->row];
	ledger_map_set(&x->m, v->field, v->text, p->ids[r->sel]);
	if (!all_mapped(x))
		return (ed_list_act_down.fn(a, 0) | TUI_DIRTY_ALL |
		    TUI_DIRTY_CLEAR);
	/* Every value has its target: the count, at last. */
	return (count(a, x) | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* Enter on a value: which row or column of 三 it is. */
static unsigned
map_choose(struct tui_app *a, size_t row)
{
	struct ed_ledger	*x = a->ledger;
	struct pick		*p;
	char			**items, *f;
	const char		*args[3];
	size_t			  i;
	unsigned		  d;

	if (x == NULL || row >= x->nv)
		return (0);
	p = xcalloc(1, sizeof *p);
	p->row = row;
	p->n = ledger_map_targets(x->v[row].field, p->ids, MAX_TARGETS);
	items = xcalloc(p->n, sizeof *items);
	for (i = 0; i < p->n; i++)
		items[i] = target_words(a, p->ids[i]);
	f = ed_msg_tr(a, field_id(x->v[row].field));
	args[0] = f;
	args[1] = x->v[row].text;
	args[2] = x->v[row].rows;
	d = ed_ask_list(a, &(struct ed_ask_spec){ .title = "ed.lg_title",
	    .prompt = i18n_fmt(a->i18n, "ed.lg_ask_target", 3, args), .hint =
	    "ed.lg_hint_target" }, items, p->n, target_answered, free, p);
	free(f);
	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

/* --- the register's file ----------------------------------------------- */

/* Reads the map: FILE.map.yaml, else another map in the folder (then
 * saved as FILE.map.yaml).  False with *e. */
static bool
load_map(struct ed_ledger *x, struct err *e)
{
	struct stat	 st;
	char		*from;
	bool		 ok = true;

	x->mappath = ledger_map_path(x->reg);
	from = stat(x->mappath, &st) == 0 ? xstrdup(x->mappath) :
	    ledger_map_sibling(x->reg);
	if (from == NULL)
		return (true);
	if (!(ok = ledger_map_load(from, &x->m, e)))
		;
	else if (strcmp(from, x->mappath) != 0)
		x->m.dirty = true;
	free(from);
	return (ok);
}

static unsigned
file_answered(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct ed_ledger	*x = state(a);
	struct err		 e = { 0 };
	char			*why;

	(void)arg;
	if (r->res != DLG_OK)
		return (0);
	run_done(x);
	x->reg = paths_expand(r->text);
	if (*x->reg == '\0')
		return (ed_ask_refuse(a, ed_msg_tr(a, "rcv.saveas_empty"),
		    false));
	if ((x->L = ledger_open(x->reg, &e)) == NULL || !load_map(x, &e)) {
		why = ed_recover_reason(a, &e);
		err_clear(&e);
		return (ed_ask_refuse(a, why, false));
	}
	return (count(a, x));
}

static bool
spreadsheet(const char *name)
{
	static const char *const ext[] = { ".xlsx", ".xls", ".csv", ".et",
	    ".tsv" };
	size_t	n = strlen(name), i, k;

	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		k = strlen(ext[i]);
		if (n > k && strcasecmp(name + n - k, ext[i]) == 0)
			return (true);
	}
	return (false);
}

/* The newest spreadsheet in dir, or dir/ itself.  Newly allocated. */
static char *
newest_sheet(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	struct stat	 st;
	char		*best = NULL, *p;
	time_t		 t = 0;

	while (d != NULL && (de = readdir(d)) != NULL) {
		if (!spreadsheet(de->d_name))
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
		    (best == NULL || st.st_mtime > t)) {
			free(best);
			best = p;
			t = st.st_mtime;
		} else
			free(p);
	}
	if (d != NULL)
		closedir(d);
	if (best == NULL)
		best = xasprintf("%s/", dir);
	return (best);
}

/* The file proposed: the register counted last (as the report stores
 * it, relative to the report's folder), else the newest spreadsheet
 * beside the report.  Newly allocated. */
static char *
proposal(const struct tui_app *a)
{
	const char	*reg = ledger_prov_register(a->rep);
	char		*copy = xstrdup(a->path), *dir, *p;

	dir = dirname(copy);
	if (reg != NULL && *reg == '/')
		p = xstrdup(reg);
	else if (reg != NULL)
		p = xasprintf("%s/%s", dir, reg);
	else
		p = newest_sheet(dir);
	free(copy);
	/* Beside a report named without a folder: the name alone. */
	if (strncmp(p, "./", 2) == 0)
		memmove(p, p + 2, strlen(p + 2) + 1);
	return (p);
}

/* Whether the current section holds table 三. */
static int
on_t3(const struct tui_app *a)
{
	int	cell;

	if (a->rep == NULL)
		return (0);
	cell = tpl_cell_index(report_tpl(a->rep), "t3.new.natural");
	return (cell >= 0 && ed_sec_of_cell(a, cell) == a->sec);
}

/* F12 / Ctrl-T: the register's file. */
static unsigned
open_count(struct tui_app *a, int key)
{
	char		*prop;
	unsigned	 d;

	(void)key;
	if (a->rep == NULL)
		return (0);
	if (tpl_cell_index(report_tpl(a->rep), "t3.new.natural") < 0)
		return (ed_msg_set(a, ST_MSG_ERROR, "ed.lg_no_t3", 0));
	d = ed_cell_commit(a);
	undo_seal(a->undo);
	prop = proposal(a);
	d |= ed_ask_input(a, &(struct ed_ask_spec){ .title = "ed.lg_title",
	    .prompt = ed_msg_tr(a, "ed.lg_ask_file"), .hint = "ed.hint_input",
	    .init = prop }, file_answered, NULL, NULL);
	free(prop);
	return (d | TUI_DIRTY_ALL | TUI_DIRTY_CLEAR);
}

const struct ed_action ed_ledger_count = {
	.fn = open_count, .bar = "ed.k.ledger", .help = "ed.h.ledger",
	.shown = on_t3, .flags = ED_ACT_EDITS, .opens = &map_keys
};
