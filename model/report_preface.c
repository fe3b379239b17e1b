/*
 * The 前言 of a report (declared in report.h): a template's wording with
 * the organ and the year filled in, for a new report; last year's text
 * with its year moved on, for a report made from last year's.  The text
 * itself is an ordinary section text (tpl->preface is its index).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "sbuf.h"

char *
report_fill(const struct report *r, const char *p)
{
	struct sbuf	b;

	sbuf_init(&b);
	for (; *p != '\0'; p++) {
		if (strncmp(p, "{organ}", 7) == 0) {
			sbuf_adds(&b, report_organ(r));
			p += 6;
		} else if (strncmp(p, "{year}", 6) == 0) {
			sbuf_addf(&b, "%d", report_year(r));
			p += 5;
		} else
			sbuf_addc(&b, *p);
	}
	return (sbuf_take(&b));
}

void
report_preface_init(struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	char			*text;

	if (t->preface < 0 || *report_text(r, t->preface) != '\0')
		return;
	text = report_fill(r, tpl_label(&t->sections[t->preface].wording,
	    LANG_ZH));
	report_set_text(r, t->preface, text, NULL);
	free(text);
}

void
report_preface_roll(struct report *r, const struct report *last)
{
	const struct tpl	*t = report_tpl(r), *lt = report_tpl(last);
	const char		*p;
	char			 from[16], to[16];
	struct sbuf		 b;
	size_t			 n;

	if (t->preface < 0 || lt->preface < 0 ||
	    *(p = report_text(last, lt->preface)) == '\0')
		return;
	n = (size_t)snprintf(from, sizeof from, "%d年", report_year(last));
	snprintf(to, sizeof to, "%d年", report_year(r));
	sbuf_init(&b);
	while (*p != '\0')
		if (report_year(last) > 0 && strncmp(p, from, n) == 0) {
			sbuf_adds(&b, to);
			p += n;
		} else
			sbuf_addc(&b, *p++);
	report_set_text(r, t->preface, b.s != NULL ? b.s : "", NULL);
	sbuf_done(&b);
}
