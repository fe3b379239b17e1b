/*
 * A report's words about its values and flags: a value as printed, and a
 * rule's message with its placeholders ({lhs}, {row}, {sentence}, ...)
 * filled in.  Declared in report.h.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "finding.h"
#include "num.h"
#include "report.h"
#include "sbuf.h"
#include "text.h"

char *
report_format_value(const struct report *r, int cell, struct report_value v,
    char *buf)
{
	if (v.state == RV_BLANK)
		buf[0] = '\0';
	else if (v.state == RV_OVERFLOW)
		strcpy(buf, "#");
	else
		num_format(v.n, report_tpl(r)->cells[cell].type.kind, buf);
	return (buf);
}

/* Formats one side of a check for a message. */
static void
side_text(const struct report *r, const struct tpl_term *terms, size_t n,
    char *buf)
{
	struct num	v;
	bool		ovf = false;
	enum num_kind	kind = NUM_COUNT;
	size_t		i;

	for (i = 0; i < n; i++)
		if (terms[i].kind != TPL_T_CONST)
			kind = report_tpl(r)->cells[terms[i].cell].type.kind;
	if (!report_sum(r, terms, n, &v, &ovf))
		strcpy(buf, ovf ? "#" : "?");
	else
		num_format(v, kind, buf);
}

/* An import finding's message: {line} its source line, {0}..{3} the
 * importer's arguments (finding.h). */
static char *
finding_message(const struct report *r, const struct report_flag *f,
    const char *p)
{
	struct sbuf	b;

	sbuf_init(&b);
	for (; *p != '\0'; p++) {
		if (strncmp(p, "{line}", 6) == 0) {
			sbuf_addf(&b, "%d", finding_line(r, f->finding));
			p += 5;
		} else if (p[0] == '{' && p[1] >= '0' && p[1] <= '3' &&
		    p[2] == '}') {
			sbuf_adds(&b, finding_arg(r, f->finding, p[1] - '0'));
			p += 2;
		} else
			sbuf_addc(&b, *p);
	}
	return (sbuf_take(&b));
}

char *
report_flag_message(const struct report *r, const struct report_flag *f,
    enum lang lang)
{
	const struct tpl	*t = report_tpl(r);
	const struct tpl_inst	*in;
	const struct tpl_rule	*ru = &t->rules[f->rule];
	const char		*p = tpl_label(&ru->message, lang), *s;
	struct sbuf		 b;
	char			 num[NUM_FMT_MAX];
	const struct tpl_block	*blk;

	if (f->finding >= 0)
		return (finding_message(r, f, p));
	in = &t->insts[f->inst];
	blk = in->iter_block >= 0 ? &t->blocks[in->iter_block] : NULL;
	sbuf_init(&b);
	for (; *p != '\0'; p++) {
		if (*p != '{') {
			sbuf_addc(&b, *p);
			continue;
		}
		if (strncmp(p, "{lhs}", 5) == 0) {
			side_text(r, in->lhs, in->nlhs, num);
			sbuf_adds(&b, num);
		} else if (strncmp(p, "{rhs}", 5) == 0) {
			side_text(r, in->rhs, in->nrhs, num);
			sbuf_adds(&b, num);
		} else if (strncmp(p, "{row}", 5) == 0 && blk != NULL &&
		    in->iter_row >= 0) {
			sbuf_adds(&b, tpl_label(&tpl_row_node(blk,
			    in->iter_row)->label, lang));
		} else if (strncmp(p, "{col}", 5) == 0 && blk != NULL &&
		    in->iter_col >= 0) {
			sbuf_adds(&b, tpl_label(&tpl_col_node(blk,
			    in->iter_col)->label, lang));
		} else if (strncmp(p, "{cell}", 6) == 0 && in->ncells > 0) {
			const struct tpl_cell *c = &t->cells[in->cells[0]];
			sbuf_adds(&b, c->row_path[lang]);
			if (*c->row_path[lang] != '\0')
				sbuf_addc(&b, '/');
			sbuf_adds(&b, c->col_path[lang]);
		} else if (strncmp(p, "{count}", 7) == 0 && ru->section >= 0) {
			s = report_text(r, ru->section);
			sbuf_addf(&b, "%zu", ru->kind == TPL_R_TEXT_MAX ?
			    text_count_words(s, strlen(s)) :
			    text_count_chars(s, strlen(s)));
		} else if (strncmp(p, "{sentence}", 10) == 0) {
			s = report_note_said(r, f->inst);
			sbuf_adds(&b, s != NULL ? s : "");
		} else if (strncmp(p, "{stated}", 8) == 0) {
			s = report_note_stated(r, f->inst);
			sbuf_adds(&b, s != NULL ? s : "");
		} else if (strncmp(p, "{year}", 6) == 0) {
			sbuf_addf(&b, "%d", report_year(r));
		} else if (strncmp(p, "{percent}", 9) == 0) {
			sbuf_addf(&b, "%d", report_prev_similarity(r,
			    ru->section));
		} else if (strncmp(p, "{max}", 5) == 0) {
			sbuf_addf(&b, "%lld", (long long)ru->max);
		} else {
			sbuf_addc(&b, *p);
			continue;
		}
		p = strchr(p, '}');
	}
	return (sbuf_take(&b));
}
