/*
 * Cutting lines at run-in headings; see import_runin.h.  Each line is
 * searched for every section's heading; the earliest match cuts it, and
 * the search goes on in what follows.  A line without a match is kept as
 * it is (no copy).
 */
#include <stdlib.h>
#include <string.h>

#include "import_runin.h"
#include "labelnorm.h"
#include "vec.h"
#include "xmalloc.h"

static bool
blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return (false);
	return (true);
}

/* Adds s[0..n) as a line numbered no; a copy unless it is all of src. */
static void
push(struct import_runin *r, const char *s, size_t n, int no,
    const char *src)
{
	struct import_line	*l;
	char			*copy;

	if (blank(s, n) && !(s == src && s[n] == '\0'))
		return;
	l = VEC_PUSH(r->l, r->n, r->cap);
	l->no = no;
	if (s == src && s[n] == '\0') {
		l->s = src;
		return;
	}
	/* A piece cut out of a line: without the spaces around the cut. */
	for (; n > 0 && (*s == ' ' || *s == '\t'); n--)
		s++;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	copy = xstrndup(s, n);
	*(char **)VEC_PUSH(r->own, r->nown, r->owncap) = copy;
	l->s = copy;
}

/* The earliest heading of t in s: its bytes [*a, *b); false if none. */
static bool
first_heading(char *const *heads, size_t nheads, const char *s, size_t *a,
    size_t *b)
{
	size_t	k, x, y;
	bool	any = false;

	for (k = 0; k < nheads; k++)
		if (labelnorm_find(s, heads[k], &x, &y) && (!any || x < *a)) {
			*a = x;
			*b = y;
			any = true;
		}
	return (any);
}

/* Where a title ends in s: after its first "年度报告" or "年报" when text
 * follows; 0 if not. */
static size_t
title_end(const char *s)
{
	const char	*p = strstr(s, "年度报告"), *q = strstr(s, "年报");

	if (p == NULL || (q != NULL && q < p))
		p = q;
	if (p == NULL)
		return (0);
	p += strncmp(p, "年度报告", strlen("年度报告")) == 0 ?
	    strlen("年度报告") : strlen("年报");
	return (blank(p, strlen(p)) ? 0 : (size_t)(p - s));
}

void
import_runin_cut(struct import_runin *r, const struct import_line *in,
    size_t n, const struct tpl *t)
{
	char		**heads = xcalloc(t->nsections + 1, sizeof *heads);
	const char	 *rest;
	size_t		  i, k, a = 0, b = 0, nh = tpl_numbered(t);
	bool		  titled = false;

	memset(r, 0, sizeof *r);
	for (k = 0; k < nh; k++)
		heads[k] = xasprintf("%s、%s", t->sections[k].number,
		    tpl_label(&t->sections[k].title, LANG_ZH));
	for (i = 0; i < n; i++) {
		rest = in[i].s;
		if (!titled && !blank(rest, strlen(rest))) {
			titled = true;
			if ((a = title_end(rest)) > 0) {
				push(r, rest, a, in[i].no, in[i].s);
				rest += a;
			}
		}
		while (first_heading(heads, nh, rest, &a, &b)) {
			push(r, rest, a, in[i].no, in[i].s);
			push(r, rest + a, b - a, in[i].no, in[i].s);
			rest += b;
		}
		if (*rest != '\0' || rest == in[i].s)
			push(r, rest, strlen(rest), in[i].no, in[i].s);
	}
	for (k = 0; k < nh; k++)
		free(heads[k]);
	free(heads);
}

void
import_runin_done(struct import_runin *r)
{
	size_t	i;

	for (i = 0; i < r->nown; i++)
		free(r->own[i]);
	free(r->own);
	free(r->l);
	memset(r, 0, sizeof *r);
}
