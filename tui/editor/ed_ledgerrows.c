/*
 * The register rows behind a cell (see ed_ledgerrows.h): read from the
 * report's provenance (ledger_prov.h), shown as the text list of
 * ed_ledger.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed_cell.h"
#include "ed_form.h"
#include "ed_ledger.h"
#include "ed_ledgerrows.h"
#include "ed_msg.h"
#include "ledger_prov.h"
#include "tpl.h"
#include "xmalloc.h"

/* The heading and the notes above the rows of cell. */
static void
rows_heading(struct tui_app *a, int cell, int64_t counted)
{
	const struct tpl	*t = report_tpl(a->rep);
	char			 label[256], n[32], now[NUM_FMT_MAX];
	const char		*reg = ledger_prov_register(a->rep);
	enum ledger_prov_state	 st = ledger_prov_state(a->rep, a->path);

	snprintf(n, sizeof n, "%lld", (long long)counted);
	report_format_value(a->rep, cell, report_value(a->rep, cell), now);
	ed_ledger_text_start(a, i18n_fmt1(a->i18n, "ed.lg_rows_title", reg));
	ed_ledger_text_add(a, i18n_fmt(a->i18n, "ed.lg_rows_cell", 3,
	    (const char *const[]){ tpl_cell_label(t, cell, a->lang, label,
	    sizeof label), reg, n }));
	if (strcmp(now, n) != 0)
		ed_ledger_text_add(a, i18n_fmt2(a->i18n, "ed.lg_rows_hand", n,
		    *now != '\0' ? now : "—"));
	if (st == LEDGER_PROV_CHANGED)
		ed_ledger_text_add(a, i18n_fmt1(a->i18n, "ed.lg_rows_changed", reg));
	else if (st == LEDGER_PROV_MISSING)
		ed_ledger_text_add(a, i18n_fmt1(a->i18n, "ed.lg_rows_missing", reg));
}

/* Ctrl-W: the register rows behind the current cell. */
static unsigned
open_rows(struct tui_app *a, int key)
{
	const struct ledger_prov_row	**rows;
	int64_t				  counted;
	size_t				  n, i;
	int				  cell;

	(void)key;
	if (a->rep == NULL)
		return (0);
	cell = ed_form_cur(a);
	if (cell < 0 || !ledger_prov_filled(a->rep, cell, &counted))
		return (ed_msg_set(a, ST_MSG_INFO, "ed.lg_not_filled", 0));
	rows_heading(a, cell, counted);
	n = ledger_prov_rows(a->rep, cell, NULL, 0);
	rows = xcalloc(n + 1, sizeof *rows);
	ledger_prov_rows(a->rep, cell, rows, n);
	for (i = 0; i < n; i++)
		ed_ledger_text_add(a, i18n_fmt(a->i18n, "ed.lg_row", 5,
		    (const char *const[]){ rows[i]->ref, rows[i]->received,
		    *rows[i]->answered ? rows[i]->answered : "—",
		    rows[i]->applicant, *rows[i]->result ? rows[i]->result :
		    "—" }));
	if (n == 0)
		ed_ledger_text_add(a, ed_msg_tr(a, counted > 0 ? "ed.lg_rows_previous" :
		    "ed.lg_rows_none"));
	free(rows);
	return (ed_cell_commit(a) | ed_ledger_text_show(a));
}

const struct ed_action ed_ledgerrows_open = {
	.fn = open_rows, .help = "ed.h.lg_rows", .opens = &ed_ledger_text_keys
};
