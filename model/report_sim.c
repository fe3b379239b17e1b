/*
 * How alike a report's texts are to last year's (report_prev_similarity,
 * declared in report.h): each side with the statute's sentences and the
 * template's wording cut out (boiler.h), then compared by shingles; one
 * section, or all the narrative ones together.
 */
#include <stdbool.h>
#include <stdlib.h>

#include "boiler.h"
#include "report.h"
#include "sbuf.h"

/* The narrative texts of this year (prev false) or last year, one after
 * the other, or NULL when last year's are all unknown. */
static char *
whole_text(const struct report *r, bool prev)
{
	struct sbuf	b;
	size_t		i;
	bool		any = false;

	sbuf_init(&b);
	for (i = 0; i < report_tpl(r)->nsections; i++) {
		if (report_tpl(r)->sections[i].kind != TPL_NARRATIVE)
			continue;
		any |= report_prev_text(r, (int)i) != NULL;
		sbuf_adds(&b, prev ? (report_prev_text(r, (int)i) != NULL ?
		    report_prev_text(r, (int)i) : "") : report_text(r, (int)i));
		sbuf_addc(&b, '\n');
	}
	if (!any) {
		free(sbuf_take(&b));
		return (NULL);
	}
	return (sbuf_take(&b));
}

/* How alike two texts are once the statute's and the template's own
 * wording is cut from both (boiler.h). */
static int
stripped_similarity(const struct boiler *B, const char *now,
    const char *then)
{
	char	*a = boiler_strip(B, now, NULL), *b = boiler_strip(B, then,
		    NULL);
	int	 pc = boiler_similarity(a, b);

	free(a);
	free(b);
	return (pc);
}

int
report_prev_similarity(const struct report *r, int sec)
{
	char	*now, *then;
	int	 pc;

	if (report_boiler(r) == NULL)
		return (0);
	if (sec >= 0)
		return (report_prev_text(r, sec) == NULL ? 0 :
		    stripped_similarity(report_boiler(r), report_text(r, sec),
		    report_prev_text(r, sec)));
	if ((then = whole_text(r, true)) == NULL)
		return (0);
	now = whole_text(r, false);
	pc = stripped_similarity(report_boiler(r), now, then);
	free(now);
	free(then);
	return (pc);
}

