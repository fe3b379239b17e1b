/*
 * Counting registers into table 三 (issue 18, "Done when" 1): every
 * register of tests/data/ledger gives exactly the table written by hand
 * in its NAME.expect (every input cell of 三 not listed there must be 0),
 * and 勾稽 (R1–R4) holds on the report filled from it.  Then what the
 * count keeps: the rows behind each cell, the fill as one undoable step,
 * the provenance in the report file (round trip, and refused when
 * malformed), the warnings `check` gives when a cell was changed by hand
 * or the register changed, 二 from last year's report when the register
 * starts in the year, the rows that stop a count, and the 2019 format's
 * single （六）其他处理 row.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ledger.h"
#include "ledger_count.h"
#include "ledger_date.h"
#include "ledger_fill.h"
#include "ledger_map.h"
#include "ledger_prov.h"
#include "report.h"
#include "store.h"
#include "ledgerutil.h"
#include "testutil.h"

#define DATA	LEDGER_DATA

static int
today(void)
{
	int	d;

	ledger_date_days(2026, 1, 15, &d);
	return (d);
}

/* Opens and counts reg for year with the given map (initialised). */
static struct ledger *
count(const char *reg, int year, struct ledger_map *m, struct ledger_count *c)
{
	struct ledger_opts	 o = { year, today() };
	struct err		 e = { 0 };
	struct ledger		*L = ledger_open(reg, &e);

	cr_assert_not_null(L, "%s: %s", reg, e.msgid);
	ledger_count_init(c);
	cr_assert(ledger_count(L, m, &o, c, &e), "%s: %s", reg, e.msgid);
	return (L);
}

/* A register counted: its map, its count, the ledger. */
struct counted {
	struct ledger_map	 m;
	struct ledger_count	 c;
	struct ledger		*L;
};

static void
counted(struct counted *k, const char *reg, int year)
{
	ledger_map_init(&k->m);
	k->L = count(reg, year, &k->m, &k->c);
}

static void
counted_done(struct counted *k)
{
	ledger_count_done(&k->c);
	ledger_map_done(&k->m);
	ledger_free(k->L);
}

/* Counts reg as its .expect says and checks the filled report. */
static void
register_gives(const char *reg, const char *expect)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct ledger_map	 m;
	struct ledger_count	 c;
	struct ledger_fill	*f;
	struct ledger		*L;
	struct report		*r;
	struct ledger_expect		 x;
	struct err		 e = { 0 };
	int			 i;

	lu_expect(expect, &x);
	ledger_map_init(&m);
	for (i = 0; i < x.nmap; i++)
		cr_assert(ledger_map_set(&m, LEDGER_APPLICANT, x.map[i][0],
		    x.map[i][1]));
	L = count(reg, x.year, &m, &c);
	cr_assert(ledger_count_ok(&c), "%s: %zu problems (%s), %zu unmapped",
	    reg, c.problems.n, c.problems.n ? c.problems.v[0].msgid : "",
	    c.unmapped);
	cr_expect_eq(c.starts_in_year, x.starts, "%s", reg);
	r = report_new(t);
	report_set_year(r, x.year);
	f = ledger_fill(r, &c, "reg", ledger_sha256(L), &e);
	cr_assert_not_null(f, "%s", e.msgid);
	lu_compare(reg, r, &x);
	cr_expect_eq(lu_balance_flags(r), 0, "%s: 勾稽 fails", reg);
	ledger_fill_free(f);
	report_free(r);
	ledger_count_done(&c);
	ledger_map_done(&m);
	ledger_free(L);
	tpl_free(t);
}

Test(ledger_registers, libreoffice_xlsx)
{
	register_gives(DATA "town.xlsx", "town.expect");
}

Test(ledger_registers, same_register_as_xls_and_csv)
{
	register_gives(DATA "town.xls", "town.expect");
	register_gives(DATA "town.csv", "town.expect");
}

Test(ledger_registers, gb18030_csv)
{
	register_gives(DATA "county-gb18030.csv", "county-gb18030.expect");
}

Test(ledger_registers, serials_title_messy_values)
{
	register_gives(DATA "serials.xlsx", "serials.expect");
	register_gives(DATA "serials-1904.xlsx", "serials-1904.expect");
}

Test(ledger_registers, one_sheet_a_year)
{
	const struct ledger_prov_row	*rows[4];
	struct tpl			*t = tu_tpl("gb2021");
	struct report			*r = report_new(t);
	struct ledger_fill		*f;
	struct counted			 k;
	struct err			 e = { 0 };
	size_t				 i;
	bool				 said = false;

	register_gives(DATA "years.xlsx", "years.expect");
	/* Rows are named with their sheet; the instructions sheet is said
	 * to have been passed over. */
	report_set_year(r, 2024);
	counted(&k, DATA "years.xlsx", 2024);
	for (i = 0; i < k.c.notes.n; i++)
		said = said || (strcmp(k.c.notes.v[i].msgid,
		    "ledger.n_sheet_skipped") == 0 &&
		    strcmp(k.c.notes.v[i].args[0], "填表说明") == 0);
	cr_expect(said);
	f = ledger_fill(r, &k.c, "years.xlsx", ledger_sha256(k.L), &e);
	cr_assert_not_null(f);
	cr_assert_eq(ledger_prov_rows(r, tpl_cell_index(t,
	    "t3.carried_in.commercial"), rows, 4), 1);
	cr_expect_str_eq(rows[0]->ref, "2023年!4");
	cr_assert_eq(ledger_prov_rows(r, tpl_cell_index(t,
	    "t3.carried_out.commercial"), rows, 4), 1);
	cr_expect_str_eq(rows[0]->ref, "2023年!4");
	ledger_fill_free(f);
	counted_done(&k);
	report_free(r);
	tpl_free(t);
}

Test(ledger_registers, year_boundary_both_ways)
{
	register_gives(DATA "boundary.tsv", "boundary-2024.expect");
	register_gives(DATA "boundary.tsv", "boundary-2023.expect");
}

/* town.csv counted for 2024 and filled into a new report. */
static struct report *
town_report(struct tpl *t, struct ledger_fill **f)
{
	struct counted		 k;
	struct report		*r = report_new(t);
	struct err		 e = { 0 };

	report_set_year(r, 2024);
	counted(&k, DATA "town.csv", 2024);
	*f = ledger_fill(r, &k.c, "town.csv", ledger_sha256(k.L), &e);
	cr_assert_not_null(*f);
	counted_done(&k);
	return (r);
}

Test(ledger_prov, rows_behind_a_cell)
{
	static const char *const want[] = { "2", "3", "5", "6", "8", "10",
	    "11", "12" };
	struct tpl			*t = tu_tpl("gb2021");
	struct ledger_fill		*f;
	struct report			*r = town_report(t, &f);
	const struct ledger_prov_row	*rows[16];
	int64_t				 n;
	size_t				 k, i;

	k = ledger_prov_rows(r, tpl_cell_index(t, "t3.new.natural"), rows, 16);
	cr_assert_eq(k, 8);
	for (i = 0; i < k; i++)
		cr_expect_str_eq(rows[i]->ref, want[i]);
	cr_expect_str_eq(rows[0]->received, "2024-01-08");
	cr_expect_str_eq(rows[0]->answered, "2024-01-20");
	cr_expect_str_eq(rows[0]->applicant, "自然人");
	cr_expect_str_eq(rows[0]->result, "予以公开");
	/* The one still open: no date answered, no result. */
	cr_expect_str_eq(rows[7]->answered, "");
	cr_expect_str_eq(rows[7]->result, "");
	k = ledger_prov_rows(r, tpl_cell_index(t, "t3.carried_out.nonprofit"),
	    rows, 16);
	cr_assert_eq(k, 1);
	cr_expect_str_eq(rows[0]->ref, "13");
	cr_expect_str_eq(rows[0]->result, "办理中");
	/* Counted 0: filled, no rows. */
	cr_expect(ledger_prov_filled(r, tpl_cell_index(t, "t3.r_deny_1.legal"),
	    &n));
	cr_expect_eq(n, 0);
	cr_expect_eq(ledger_prov_rows(r, tpl_cell_index(t, "t3.r_deny_1.legal"),
	    rows, 16), 0);
	/* Not from the register at all. */
	cr_expect(!ledger_prov_filled(r, tpl_cell_index(t,
	    "t2_5.licensing.decisions"), NULL));
	cr_expect_str_eq(ledger_prov_register(r), "town.csv");
	cr_expect_eq(ledger_prov_year(r), 2024);
	ledger_fill_free(f);
	report_free(r);
	tpl_free(t);
}

Test(ledger_fill, one_step_undo_redo)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct report		*r = report_new(t);
	struct ledger_fill	*f;
	struct counted		 k;
	struct report_value	 v;
	struct err		 e = { 0 };
	char			*before, *after, *again;
	int			 nat = tpl_cell_index(t, "t3.new.natural");

	report_set_year(r, 2024);
	cr_assert(report_set_input(r, nat, "99", NULL, &e));
	before = store_dump(r);
	counted(&k, DATA "town.csv", 2024);
	f = ledger_fill(r, &k.c, "town.csv", ledger_sha256(k.L), &e);
	cr_assert_not_null(f);
	/* 144 input cells: 143 were blank, one held 99. */
	cr_expect_eq(ledger_fill_nchanges(f), 144);
	v = report_value(r, nat);
	cr_expect_eq(v.n.v, 8);
	after = store_dump(r);
	cr_expect(strstr(after, "\nledger:\n") != NULL);
	cr_assert(ledger_fill_undo(f, r));
	cr_expect(!ledger_fill_undo(f, r), "undo twice");
	again = store_dump(r);
	cr_expect_str_eq(again, before, "undo restores values and provenance");
	free(again);
	cr_assert(ledger_fill_redo(f, r));
	again = store_dump(r);
	cr_expect_str_eq(again, after);
	free(again);
	/* Filling the same count again changes nothing. */
	ledger_fill_free(f);
	f = ledger_fill(r, &k.c, "town.csv", ledger_sha256(k.L), &e);
	cr_expect_eq(ledger_fill_nchanges(f), 0);
	ledger_fill_free(f);
	free(before);
	free(after);
	counted_done(&k);
	report_free(r);
	tpl_free(t);
}

Test(ledger_fill, wrong_year_refused)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct report		*r = report_new(t);
	struct counted		 k;
	struct err		 e = { 0 };
	char			*before;

	report_set_year(r, 2023);
	before = store_dump(r);
	counted(&k, DATA "town.csv", 2024);
	cr_expect_null(ledger_fill(r, &k.c, "x", ledger_sha256(k.L), &e));
	cr_expect_str_eq(e.msgid, "ledger.e_year");
	{
		char *now = store_dump(r);
		cr_expect_str_eq(now, before);
		free(now);
	}
	err_clear(&e);
	free(before);
	counted_done(&k);
	report_free(r);
	tpl_free(t);
}

Test(ledger_store, provenance_round_trip)
{
	struct tpl			*t = tu_tpl("gb2021");
	struct ledger_fill		*f;
	struct report			*r = town_report(t, &f), *back;
	const struct ledger_prov_row	*rows[16];
	struct err			 e = { 0 };
	char				*a, *b;
	int64_t				 n;

	a = store_dump(r);
	back = store_parse(a, strlen(a), "r.yaml", &t, 1, &e);
	cr_assert_not_null(back, "%s at %d:%d", e.msgid, e.line, e.col);
	b = store_dump(back);
	cr_expect_str_eq(a, b);
	cr_expect_eq(ledger_prov_rows(back, tpl_cell_index(t,
	    "t3.r_open.natural"), rows, 16), 2);
	cr_expect_str_eq(rows[1]->ref, "11");
	cr_expect(ledger_prov_filled(back, tpl_cell_index(t,
	    "t3.carried_in.other_org"), &n));
	cr_expect_eq(n, 0);
	cr_expect_str_eq(ledger_prov_sha256(back), ledger_prov_sha256(r));
	free(a);
	free(b);
	report_free(back);
	ledger_fill_free(f);
	report_free(r);
	tpl_free(t);
}

Test(ledger_store, nothing_counted_round_trip)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct report		*r = report_new(t), *back;
	struct ledger_fill	*f;
	struct counted		 k;
	struct err		 e = { 0 };
	char			*a;

	/* The town's register has nothing for 2022: every cell 0, no
	 * rows, and the file still loads (found by fuzz_ledger_csv). */
	report_set_year(r, 2022);
	counted(&k, DATA "town.csv", 2022);
	cr_expect_eq(k.c.nentries, 0);
	f = ledger_fill(r, &k.c, "town.csv", ledger_sha256(k.L), &e);
	cr_assert_not_null(f);
	a = store_dump(r);
	cr_expect(strstr(a, "  rows: {}\n  cells: {}\n") != NULL, "%s", a);
	back = store_parse(a, strlen(a), "r.yaml", &t, 1, &e);
	cr_assert_not_null(back, "%s at %d", e.msgid, e.line);
	cr_expect(ledger_prov_filled(back, tpl_cell_index(t,
	    "t3.new.natural"), NULL));
	free(a);
	report_free(back);
	ledger_fill_free(f);
	counted_done(&k);
	report_free(r);
	tpl_free(t);
}

Test(ledger_store, malformed_provenance_refused)
{
	static const struct {
		const char	*ledger;
		int		 line;
	} cases[] = {
		{ "ledger: x\n", 3 },
		{ "ledger:\n  register: a\n", 4 },
		{ "ledger:\n  register: a\n  sha256: 12\n  year: 2024\n"
		  "  carried_in: register\n  rows: {}\n  cells: {}\n", 5 },
		{ "ledger:\n  register: a\n  sha256: SHA\n  year: 1999\n"
		  "  carried_in: register\n  rows: {}\n  cells: {}\n", 6 },
		{ "ledger:\n  register: a\n  sha256: SHA\n  year: 2024\n"
		  "  carried_in: both\n  rows: {}\n  cells: {}\n", 7 },
		{ "ledger:\n  register: a\n  sha256: SHA\n  year: 2024\n"
		  "  carried_in: register\n  rows: {}\n  cells:\n"
		  "    t3.new.natural: {n: 1, rows: [5]}\n", 10 },
		{ "ledger:\n  register: a\n  sha256: SHA\n  year: 2024\n"
		  "  carried_in: register\n  rows:\n    \"5\": [a, b]\n"
		  "  cells: {}\n", 9 },
		{ "ledger:\n  register: a\n  sha256: SHA\n  year: 2024\n"
		  "  carried_in: register\n  rows: {}\n  cells:\n"
		  "    t3.new.natural: {n: -1, rows: []}\n", 10 },
		{ "ledger:\n  register: a\n  sha256: SHA\n  year: 2024\n"
		  "  carried_in: register\n  rows: {}\n  cells:\n"
		  "    t9.x: {n: 1, rows: []}\n", 10 },
		{ "ledger:\n  register: a\n  extra: 1\n", 5 },
	};
	const char	*sha = "0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef";
	struct tpl	*t = tu_tpl("gb2021");
	struct report	*r;
	struct err	 e = { 0 };
	char		 text[2048], body[1024];
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* SHA stands for a well-formed hash. */
		const char *mark = strstr(cases[i].ledger, "SHA");
		if (mark != NULL)
			snprintf(body, sizeof body, "%.*s%s%s",
			    (int)(mark - cases[i].ledger), cases[i].ledger,
			    sha, mark + 3);
		else
			snprintf(body, sizeof body, "%s", cases[i].ledger);
		snprintf(text, sizeof text,
		    "nianbao: 1\ntemplate: gb2021\n%s", body);
		r = store_parse(text, strlen(text), "r.yaml", &t, 1, &e);
		cr_expect_null(r, "case %zu loaded", i);
		cr_expect_eq(e.line, cases[i].line, "case %zu: %s at %d", i,
		    e.msgid, e.line);
		cr_expect(e.msgid != NULL && (strncmp(e.msgid, "ledger.", 7) ==
		    0 || strcmp(e.msgid, "store.unknown_cell") == 0),
		    "case %zu: %s", i, e.msgid);
		err_clear(&e);
		report_free(r);
	}
	tpl_free(t);
}

Test(ledger_check, hand_change_and_register_change)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct ledger_fill	*f;
	struct report		*r;
	struct errlist		 w;
	struct err		 e = { 0 };
	char			*dir = tu_tmpdir(), *reg, *rep, *text;
	size_t			 len;

	/* The report and a copy of the register side by side. */
	reg = tu_path(dir, "town.csv");
	rep = tu_path(dir, "2024.yaml");
	text = tu_read(DATA "town.csv", &len);
	tu_write(reg, text);
	free(text);
	r = town_report(t, &f);
	errlist_init(&w);
	cr_expect_eq(ledger_prov_check(r, rep, &w), 0);
	cr_expect_eq(ledger_prov_state(r, rep), LEDGER_PROV_SAME);
	/* A cell changed by hand: both numbers. */
	cr_assert(report_set_input(r, tpl_cell_index(t, "t3.new.natural"),
	    "9", NULL, &e));
	cr_assert_eq(ledger_prov_check(r, rep, &w), 1);
	cr_expect_str_eq(w.v[0].msgid, "ledger.w_hand");
	cr_expect_str_eq(w.v[0].args[0], "t3.new.natural");
	cr_expect_str_eq(w.v[0].args[1], "8");
	cr_expect_str_eq(w.v[0].args[2], "9");
	errlist_done(&w);
	errlist_init(&w);
	/* A row added to the register since. */
	text = tu_read(reg, NULL);
	{
		char *more = malloc(strlen(text) + 64);
		sprintf(more, "%s13,2024-12-30,某,自然人,x,,,\n", text);
		tu_write(reg, more);
		free(more);
	}
	free(text);
	cr_expect_eq(ledger_prov_state(r, rep), LEDGER_PROV_CHANGED);
	cr_assert_eq(ledger_prov_check(r, rep, &w), 2);
	cr_expect_str_eq(w.v[1].msgid, "ledger.w_changed");
	errlist_done(&w);
	errlist_init(&w);
	remove(reg);
	cr_expect_eq(ledger_prov_state(r, rep), LEDGER_PROV_MISSING);
	cr_assert_eq(ledger_prov_check(r, rep, &w), 2);
	cr_expect_str_eq(w.v[1].msgid, "ledger.w_missing");
	errlist_done(&w);
	ledger_fill_free(f);
	report_free(r);
	tpl_free(t);
	tu_rmtree(dir);
	free(dir);
	free(reg);
	free(rep);
}

Test(ledger_prov, relative_paths)
{
	char	*dir = tu_tmpdir(), *sub, *reg, *rel;

	sub = tu_path(dir, "台账");
	cr_assert_eq(mkdir(sub, 0700), 0);
	reg = tu_path(sub, "2024.xlsx");
	tu_write(reg, "x");
	rel = ledger_prov_relpath(reg, tu_path(dir, "r.yaml"));
	cr_expect_str_eq(rel, "台账/2024.xlsx");
	free(rel);
	rel = ledger_prov_relpath(reg, "/r.yaml");
	cr_expect_eq(rel[0], '/');
	free(rel);
	tu_rmtree(dir);
	free(dir);
	free(sub);
	free(reg);
}

Test(ledger_fill, carried_in_from_last_year)
{
	struct tpl		*t = tu_tpl("gb2021");
	struct report		*r = report_new(t);
	struct report_value	 v;
	struct ledger_fill	*f;
	struct counted		 k;
	struct err		 e = { 0 };

	/* Last year's report said 3 natural persons and 1 company carried
	 * over; this year's register (town) starts in 2024. */
	report_set_year(r, 2024);
	memset(&v, 0, sizeof v);
	v.state = RV_SET;
	v.n.v = 3;
	report_set_prev_value(r, tpl_cell_index(t, "t3.carried_out.natural"),
	    &v);
	v.n.v = 1;
	report_set_prev_value(r, tpl_cell_index(t,
	    "t3.carried_out.commercial"), &v);
	counted(&k, DATA "town.csv", 2024);
	cr_expect(k.c.starts_in_year);
	f = ledger_fill(r, &k.c, "town.csv", ledger_sha256(k.L), &e);
	cr_assert_not_null(f);
	cr_expect_eq(ledger_fill_carry(f), LEDGER_CARRY_PREVIOUS);
	cr_expect_eq(ledger_prov_carry(r), LEDGER_CARRY_PREVIOUS);
	v = report_value(r, tpl_cell_index(t, "t3.carried_in.natural"));
	cr_expect_eq(v.n.v, 3);
	v = report_value(r, tpl_cell_index(t, "t3.carried_in.commercial"));
	cr_expect_eq(v.n.v, 1);
	v = report_value(r, tpl_cell_index(t, "t3.carried_in.legal"));
	cr_expect(v.state == RV_SET && v.n.v == 0);
	ledger_fill_free(f);
	counted_done(&k);
	report_free(r);
	tpl_free(t);
}

Test(ledger_count, problems_stop_the_count)
{
	struct ledger_map	 m;
	struct ledger_count	 c;
	struct ledger		*L;
	char			*dir = tu_tmpdir(), *p = tu_path(dir, "r.csv");
	struct ledger_value	*v;

	tu_write(p, "收到日期,申请人类型,办理结果,答复日期\n"
	    "2024-01-05,公民,已公开,2024-01-10\n"		/* 2: fine */
	    "2024-02-05,公民,已公开,2024-01-10\n"		/* 3: before */
	    "2024-03-05,村委会,已公开,2024-03-10\n"		/* 4: unmapped */
	    "2023-03-05,村委会,已公开,2023-03-10\n"		/* 5: last year */
	    "2024-13-05,公民,已公开,2024-03-10\n"		/* 6: no date */
	    "2025-03-05,公民,已公开,2025-03-10\n"		/* 7: next year */
	    "2024-04-05,公民,,\n");				/* 8: open */
	ledger_map_init(&m);
	L = count(p, 2024, &m, &c);
	cr_expect(!ledger_count_ok(&c));
	cr_assert_eq(c.problems.n, 2);
	cr_expect_str_eq(c.problems.v[0].msgid, "ledger.p_before");
	cr_expect_eq(c.problems.v[0].line, 3);
	cr_expect_str_eq(c.problems.v[1].msgid, "ledger.p_bad_date");
	cr_expect_eq(c.problems.v[1].line, 6);
	cr_expect_eq(c.unmapped, 1);
	v = ledger_map_find(&m, LEDGER_APPLICANT, "村委会");
	cr_assert_not_null(v);
	cr_expect(v->needed);
	cr_assert_eq(v->nrows, 2);
	cr_expect_str_eq(v->rows[0], "4");
	cr_expect_str_eq(v->rows[1], "5");
	{
		struct ledger_value *ask[4];
		cr_expect_eq(ledger_map_unmapped(&m, ask, 4), 1);
		cr_expect_eq(ask[0], v);
	}
	ledger_count_done(&c);
	ledger_free(L);
	/* Once mapped (and the bad rows left out of the file), it counts. */
	cr_assert(ledger_map_set(&m, LEDGER_APPLICANT, "村委会", "other_org"));
	tu_write(p, "收到日期,申请人类型,办理结果,答复日期\n"
	    "2024-01-05,公民,已公开,2024-01-10\n"
	    "2024-03-05,村委会,已公开,2024-03-10\n"
	    "2024-04-05,公民,,\n");
	L = count(p, 2024, &m, &c);
	cr_expect(ledger_count_ok(&c));
	cr_expect_eq(c.n[LEDGER_ROW_NEW][5], 1);
	cr_expect_eq(c.n[LEDGER_ROW_CARRIED_OUT][0], 1);
	ledger_count_done(&c);
	ledger_free(L);
	ledger_map_done(&m);
	tu_rmtree(dir);
	free(dir);
	free(p);
}

Test(ledger_count, no_header_says_what_is_missing)
{
	struct ledger_opts	 o = { 2024, today() };
	struct ledger_map	 m;
	struct ledger_count	 c;
	struct ledger		*L;
	struct err		 e = { 0 };
	char			*dir = tu_tmpdir(), *p = tu_path(dir, "r.csv");

	tu_write(p, "标题\n\n受理日期,类别,结果,回复日期\n2024-01-01,公民,已公开,"
	    "2024-01-02\n");
	ledger_map_init(&m);
	L = ledger_open(p, &e);
	cr_assert_not_null(L);
	ledger_count_init(&c);
	cr_expect(!ledger_count(L, &m, &o, &c, &e));
	cr_expect_str_eq(e.msgid, "ledger.e_missing_applicant");
	cr_expect_eq(e.line, 3);
	err_clear(&e);
	ledger_count_done(&c);
	/* Naming the column (by letter) in the map is enough. */
	m.columns[LEDGER_APPLICANT] = strdup("B");
	ledger_count_init(&c);
	cr_expect(ledger_count(L, &m, &o, &c, &e), "%s", e.msgid);
	cr_expect_eq(c.n[LEDGER_ROW_NEW][0], 1);
	cr_expect_eq(c.header_row, 3);
	ledger_count_done(&c);
	ledger_free(L);
	ledger_map_done(&m);
	tu_rmtree(dir);
	free(dir);
	free(p);
}

Test(ledger_count, dates_without_year)
{
	struct counted		 k;
	char			*dir = tu_tmpdir(), *p = tu_path(dir, "r.csv");

	/* The year from the title; 1月5日 after 12月28日 is next January. */
	tu_write(p, "2024年依申请公开登记表\n收到日期,申请人类型,办理结果,答复日期\n"
	    "3月5日,公民,已公开,3月9日\n12月28日,公民,已公开,1月5日\n");
	counted(&k, p, 2024);
	cr_expect(ledger_count_ok(&k.c));
	cr_expect_eq(k.c.n[LEDGER_ROW_NEW][0], 2);
	cr_expect_eq(k.c.n[LEDGER_ROW_OUTCOME][0], 1);
	cr_expect_eq(k.c.n[LEDGER_ROW_CARRIED_OUT][0], 1);
	cr_expect_geq(k.c.notes.n, 2);
	cr_expect_eq(ledger_count_title_year(k.L, &k.m), 2024);
	counted_done(&k);
	tu_rmtree(dir);
	free(dir);
	free(p);
}

Test(ledger_fill, format_2019_single_other_row)
{
	struct tpl		*T[2];
	struct report		*r;
	struct ledger_fill	*f;
	struct counted		 k;
	struct err		 e = { 0 };
	char			*dir = tu_tmpdir(), *p = tu_path(dir, "r.csv");

	tu_tpl_pair(T);
	tu_write(p, "收到日期,申请人类型,办理结果,答复日期\n"
	    "2020-01-05,公民,逾期未补正,2020-01-10\n"
	    "2020-02-05,公民,申请人撤回,2020-02-10\n"
	    "2020-03-05,公民,已公开,2020-03-10\n");
	r = report_new(T[1]);
	report_set_year(r, 2020);
	counted(&k, p, 2020);
	f = ledger_fill(r, &k.c, "r.csv", ledger_sha256(k.L), &e);
	cr_assert_not_null(f, "%s", e.msgid);
	cr_expect_eq(report_value(r, tpl_cell_index(T[1],
	    "t3.r_other.natural")).n.v, 2);
	cr_expect_eq(lu_balance_flags(r), 0);
	ledger_fill_free(f);
	counted_done(&k);
	report_free(r);
	tu_tpl_pair_free(T);
	tu_rmtree(dir);
	free(dir);
	free(p);
}

/*
 * The editor's path through the model, without the editor (which is
 * being restructured): count; ask about each unmapped value with the
 * list of targets; recount; fill as one step; list the rows behind a
 * cell; see whether the register changed; undo the whole fill at once.
 */
Test(ledger_editor_api, ask_fill_list_undo)
{
	struct tpl			*t = tu_tpl("gb2021");
	struct report			*r = report_new(t);
	struct ledger_value		*ask[8];
	const struct ledger_prov_row	*rows[8];
	const char			*ids[32];
	struct ledger_fill		*f;
	struct counted			 k;
	struct err			 e = { 0 };
	char				*empty;
	size_t				 n, i;
	int				 cell;

	report_set_year(r, 2024);
	empty = store_dump(r);
	counted(&k, DATA "serials.xlsx", 2024);
	cr_assert(!ledger_count_ok(&k.c));
	n = ledger_map_unmapped(&k.m, ask, 8);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(ask[0]->text, "个体户");
	cr_expect_eq(ask[0]->field, LEDGER_APPLICANT);
	/* The list the clerk picks from: the six columns and "skip". */
	n = ledger_map_targets(ask[0]->field, ids, 32);
	cr_assert_eq(n, 7);
	for (i = 0; i < n && strcmp(ids[i], "commercial") != 0; i++)
		;
	cr_assert_lt(i, n);
	cr_expect_str_eq(ledger_map_label(ids[i]), "商业企业");
	cr_assert(ledger_map_set(&k.m, ask[0]->field, ask[0]->text, ids[i]));
	cr_expect(k.m.dirty);
	ledger_count_done(&k.c);
	ledger_count_init(&k.c);
	{
		struct ledger_opts o = { 2024, 0 };
		ledger_date_days(2026, 1, 1, &o.today);
		cr_assert(ledger_count(k.L, &k.m, &o, &k.c, &e));
	}
	cr_assert(ledger_count_ok(&k.c));
	f = ledger_fill(r, &k.c, "serials.xlsx", ledger_sha256(k.L), &e);
	cr_assert_not_null(f);
	cell = tpl_cell_index(t, "t3.new.commercial");
	cr_assert_eq(ledger_prov_rows(r, cell, rows, 8), 2);
	cr_expect_str_eq(rows[0]->ref, "7");
	cr_expect_str_eq(rows[1]->ref, "10");
	cr_expect_str_eq(rows[1]->applicant, "个体户");
	cr_expect_str_eq(rows[1]->result, "申请人撤回");
	/* A report next to the register: the register is as counted. */
	cr_expect_eq(ledger_prov_state(r, DATA "r.yaml"), LEDGER_PROV_SAME);
	cr_expect_eq(ledger_prov_state(r, "/nonexistent/r.yaml"),
	    LEDGER_PROV_MISSING);
	cr_assert(ledger_fill_undo(f, r));
	{
		char *now = store_dump(r);
		cr_expect_str_eq(now, empty);
		free(now);
	}
	cr_expect_eq(ledger_prov_rows(r, cell, rows, 8), 0);
	ledger_fill_free(f);
	counted_done(&k);
	free(empty);
	report_free(r);
	tpl_free(t);
}
