/* The reviewers' indicators as exact fractions; see rates.h. */
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "rates.h"
#include "xmalloc.h"

/* The sum of the named figures of it into *out; false if one is blank. */
static bool
figures(const struct batch *b, const struct batch_item *it,
    const char *const *ids, int sign_last, int64_t *out)
{
	struct num	v;
	size_t		i;

	*out = 0;
	for (i = 0; ids[i] != NULL; i++) {
		if (!batch_value(b, it, ids[i], &v))
			return (false);
		*out += ids[i + 1] == NULL && sign_last < 0 ? -v.v : v.v;
	}
	return (true);
}

void
rates_of(const struct batch *b, const struct batch_item *it,
    struct rates *out)
{
	static const char *const apps[] = { "t3.new.total", NULL };
	static const char *const open[] = { "t3.r_open.total",
	    "t3.r_partial.total", NULL };
	static const char *const all[] = { "t3.r_total.total", NULL };
	static const char *const corr[] = { "t4.n.review_corrected", NULL };
	static const char *const done[] = { "t4.n.review_total",
	    "t4.n.review_pending", NULL };
	int64_t	n, d;

	memset(out, 0, sizeof *out);
	if (!it->read)
		return;
	if (figures(b, it, apps, 1, &n)) {
		out->has_apps = true;
		out->apps = n;
		out->nreports = 1;
	}
	if (figures(b, it, open, 1, &n) && figures(b, it, all, 1, &d) &&
	    d > 0) {
		out->disclosed.num = n;
		out->disclosed.den = d;
	}
	if (figures(b, it, corr, 1, &n) && figures(b, it, done, -1, &d) &&
	    d > 0) {
		out->corrected.num = n;
		out->corrected.den = d;
	}
}

void
rates_add(struct rates *acc, const struct rates *r)
{
	if (r->has_apps) {
		acc->has_apps = true;
		acc->apps += r->apps;
		acc->nreports += r->nreports;
	}
	if (r->disclosed.den > 0) {
		acc->disclosed.num += r->disclosed.num;
		acc->disclosed.den += r->disclosed.den;
	}
	if (r->corrected.den > 0) {
		acc->corrected.num += r->corrected.num;
		acc->corrected.den += r->corrected.den;
	}
}

int64_t
rates_permille(struct rates_frac f)
{
	if (f.den <= 0)
		return (-1);
	/* round(1000 * num / den), half up, in integers */
	return ((2000 * f.num + f.den) / (2 * f.den));
}

char *
rates_fraction(struct rates_frac f)
{
	if (f.den <= 0)
		return (xstrdup("—"));
	return (xasprintf("%lld/%lld", (long long)f.num, (long long)f.den));
}

char *
rates_percent(struct rates_frac f)
{
	int64_t	p = rates_permille(f);

	if (p < 0)
		return (xstrdup("—"));
	return (xasprintf("%lld.%lld%%", (long long)(p / 10),
	    (long long)(p % 10)));
}
