/*
 * Answering the flags (see ed_answer.h).  A flag is known to a question
 * only by its rule instance (the flags are read fresh from the report,
 * never kept): when the reason comes, the instance is looked up among
 * the current flags again, and if it is no longer failing the answer
 * has nothing left to answer and says so.
 */
#include <stdio.h>
#include <stdlib.h>

#include "answer.h"
#include "ed_answer.h"
#include "ed_ask.h"
#include "ed_msg.h"
#include "xmalloc.h"

/* The current flag of rule instance inst, into *out; false if none. */
static bool
flag_of(const struct tui_app *a, int inst, struct report_flag *out)
{
	struct report_flag	*fl;
	size_t			 n, i;
	bool			 found = false;

	n = report_nflags(a->rep);
	fl = xcalloc(n + 1, sizeof *fl);
	n = report_flags(a->rep, fl, n);
	for (i = 0; i < n && !found; i++)
		if (fl[i].inst == inst) {
			*out = fl[i];
			found = true;
		}
	free(fl);
	return (found);
}

static unsigned
reason_given(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	struct report_flag	 f;
	struct err		 e = { 0 };
	unsigned		 d;

	if (r->res != DLG_OK)
		return (TUI_DIRTY_ALL);
	if (!flag_of(a, *(int *)arg, &f))
		return (TUI_DIRTY_ALL | ed_msg_set(a, ST_MSG_INFO,
		    "ed.an_gone", 0));
	if (!answer_give(a->rep, &f, r->text, &e)) {
		d = ed_ask_refuse(a, i18n_err(a->i18n, &e), false);
		err_clear(&e);
		return (d);
	}
	return (TUI_DIRTY_ALL | ed_msg_set(a, ST_MSG_INFO, "ed.an_done", 1,
	    report_tpl(a->rep)->rules[f.rule].id));
}

unsigned
ed_answer_ask(struct tui_app *a, const struct report_flag *f)
{
	const char	*id = report_tpl(a->rep)->rules[f->rule].id;
	const char	*was = answer_for(a->rep, f);
	int		*inst;

	if (a->readonly)
		return (ed_msg_set(a, ST_MSG_ERROR, "rcv.readonly_refused", 0));
	if (f->severity == TPL_ERROR)
		return (ed_msg_set(a, ST_MSG_ERROR, "ed.an_error", 1, id));
	inst = xmalloc(sizeof *inst);
	*inst = f->inst;
	return (ed_ask_input(a, &(struct ed_ask_spec){ .title = "ed.an_title",
	    .prompt = i18n_fmt1(a->i18n, "ed.an_prompt", id),
	    .hint = "ed.hint_input", .init = was != NULL ? was : "" },
	    reason_given, free, inst));
}

bool
ed_answer_disagrees(const struct tui_app *a, int cell)
{
	struct report_value	pv, v;

	if (cell < 0 || !tpl_cell_computed(report_tpl(a->rep), cell) ||
	    !report_published(a->rep, cell, &pv) || pv.state != RV_SET)
		return (false);
	v = report_value(a->rep, cell);
	return (v.state != RV_SET || num_cmp(v.n, pv.n) != 0);
}

static unsigned
accept_given(struct tui_app *a, void *arg, const struct ed_reply *r)
{
	char	n[24];

	(void)arg;
	if (r->res != DLG_YES)
		return (TUI_DIRTY_ALL);
	snprintf(n, sizeof n, "%zu", answer_accept_totals(a->rep));
	return (TUI_DIRTY_ALL | ed_msg_set(a, ST_MSG_INFO, "ed.an_accepted",
	    1, n));
}

unsigned
ed_answer_totals(struct tui_app *a)
{
	size_t	c, k = 0;
	char	n[24];

	if (a->readonly)
		return (ed_msg_set(a, ST_MSG_ERROR, "rcv.readonly_refused", 0));
	for (c = 0; c < report_tpl(a->rep)->ncells; c++)
		k += ed_answer_disagrees(a, (int)c);
	if (k == 0)
		return (ed_msg_set(a, ST_MSG_INFO, "ed.an_no_totals", 0));
	snprintf(n, sizeof n, "%zu", k);
	return (ed_ask_confirm(a, &(struct ed_ask_spec){ .title =
	    "ed.an_totals_title", .prompt = i18n_fmt1(a->i18n,
	    "ed.an_totals_prompt", n), .hint = "ed.an_totals_hint" },
	    accept_given, NULL, NULL));
}
