/*
 * Reading arguments (see args.h).  The command's table and the global
 * table are seen as one list of rows; getopt_long gets a short-option
 * string built from the rows' letters and a long-option array built from
 * their names, where a long option's val is 256 + its row's index, so that
 * every answer leads back to one row.  The optstring starts with '-'
 * (operands come back in place, as option 1, so nothing is permuted) or
 * '+' (stop at the first operand), then ':' (a missing value is told
 * apart, and getopt prints nothing).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "num.h"
#include "xmalloc.h"
#include "year.h"

#define LONG_BASE	256

struct rows {
	const struct args_opt	**v;
	size_t			  n;
};

static void
rows_add(struct rows *r, const struct args_opt *t)
{
	for (; t != NULL && (t->letter != 0 || t->name != NULL); t++) {
		r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
		r->v[r->n++] = t;
	}
}

/* getopt_long's two descriptions of the rows.  Newly allocated. */
static void
getopt_tables(const struct rows *r, bool stop, char **shortopts,
    struct option **longopts)
{
	struct option	*lo = xcalloc(r->n + 1, sizeof *lo);
	char		*so = xmalloc(3 * r->n + 3), *p = so;
	size_t		 i, k = 0;

	*p++ = stop ? '+' : '-';
	*p++ = ':';
	for (i = 0; i < r->n; i++) {
		const struct args_opt *o = r->v[i];
		int has = o->type == ARGS_FLAG ? no_argument :
		    required_argument;
		if (o->letter != 0) {
			*p++ = o->letter;
			if (has == required_argument)
				*p++ = ':';
		}
		if (o->name != NULL)
			lo[k++] = (struct option){ o->name, has, NULL,
			    LONG_BASE + (int)i };
	}
	*p = '\0';
	*shortopts = so;
	*longopts = lo;
}

/* The row getopt answered with (a letter or LONG_BASE + index), or NULL. */
static const struct args_opt *
row_of(const struct rows *r, int val)
{
	size_t	i;

	if (val >= LONG_BASE && (size_t)(val - LONG_BASE) < r->n)
		return (r->v[val - LONG_BASE]);
	for (i = 0; val > 0 && i < r->n; i++)
		if (r->v[i]->letter == val)
			return (r->v[i]);
	return (NULL);
}

static bool
value_ok(const struct args_opt *o, const char *v)
{
	struct num	 n;
	const char	*w;
	size_t		 len;
	int		 y;

	switch (o->type) {
	case ARGS_YEAR:
		return (year_parse(v, &y));
	case ARGS_COUNT:
		return (num_parse(v, NUM_COUNT, 0, &n, NULL) == NUM_OK &&
		    n.v <= INT_MAX);
	case ARGS_CHOICE:
		len = strlen(v);
		for (w = o->choices; len > 0 && w != NULL; w = strchr(w, '|')) {
			if (*w == '|')
				w++;
			if (strncmp(w, v, len) == 0 &&
			    (w[len] == '|' || w[len] == '\0'))
				return (true);
		}
		return (false);
	default:
		return (true);
	}
}

/* The option as typed on a command line: "--organ" or "-o". */
static void
dashed(const struct args_opt *o, char *buf, size_t size)
{
	if (o->name != NULL)
		snprintf(buf, size, "--%s", o->name);
	else
		snprintf(buf, size, "-%c", o->letter);
}

/* Records what getopt refused: optopt names the option when it knows it. */
static void
refused(const struct rows *r, char **argv, struct args_err *e)
{
	const struct args_opt	*o = row_of(r, optopt);
	const char		*s = argv[optind - 1];

	e->opt = o;
	if (o == NULL)
		e->kind = ARGS_UNKNOWN;
	else
		e->kind = o->type == ARGS_FLAG ? ARGS_NO_VALUE :
		    ARGS_NEEDS_VALUE;
	if (optopt > 0 && optopt < LONG_BASE)
		snprintf(e->text, sizeof e->text, "-%c", optopt);
	else if (o != NULL)
		dashed(o, e->text, sizeof e->text);
	else
		snprintf(e->text, sizeof e->text, "%.*s",
		    (int)strcspn(s, "="), s);
}

bool
args_parse(struct args *a, const struct args_opt *opts,
    const struct args_opt *globals, int argc, char **argv, bool stop,
    struct args_err *err)
{
	struct rows		 r = { NULL, 0 };
	struct option		*lo;
	const struct args_opt	*o;
	char			*so;
	int			 ch;

	memset(a, 0, sizeof *a);
	memset(err, 0, sizeof *err);
	a->argv = xcalloc((size_t)argc + 1, sizeof *a->argv);
	rows_add(&r, opts);
	rows_add(&r, globals);
	getopt_tables(&r, stop, &so, &lo);
	opterr = 0;
	optind = 0;	/* glibc: start afresh, as for a new argv */
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		if (ch == 1) {
			a->argv[a->argc++] = optarg;
			continue;
		}
		if (ch == '?' || ch == ':' || (o = row_of(&r, ch)) == NULL) {
			if (err->kind == ARGS_OK)
				refused(&r, argv, err);
			continue;
		}
		if (o->type != ARGS_FLAG && !value_ok(o, optarg)) {
			if (err->kind == ARGS_OK) {
				err->kind = ARGS_BAD_VALUE;
				err->opt = o;
				err->value = optarg;
				dashed(o, err->text, sizeof err->text);
			}
			continue;
		}
		/* One word may hold several flags (-hh): grow by one. */
		a->given = xreallocarray(a->given, a->ngiven + 1,
		    sizeof *a->given);
		a->given[a->ngiven++] = (struct args_given){ o,
		    o->type == ARGS_FLAG ? NULL : optarg };
	}
	while (optind < argc)
		a->argv[a->argc++] = argv[optind++];
	free(so);
	free(lo);
	free(r.v);
	return (err->kind == ARGS_OK);
}

void
args_free(struct args *a)
{
	free(a->given);
	free(a->argv);
	memset(a, 0, sizeof *a);
}

const char *
args_key(const struct args_opt *o, char buf[2])
{
	if (o->name != NULL)
		return (o->name);
	buf[0] = o->letter;
	buf[1] = '\0';
	return (buf);
}

/* The last time key was given, or NULL. */
static const struct args_given *
last_given(const struct args *a, const char *key)
{
	const struct args_given	*last = NULL;
	char			 buf[2];
	size_t			 k;

	for (k = 0; k < a->ngiven; k++)
		if (strcmp(args_key(a->given[k].opt, buf), key) == 0)
			last = &a->given[k];
	return (last);
}

bool
args_has(const struct args *a, const char *key)
{
	return (last_given(a, key) != NULL);
}

const char *
args_get(const struct args *a, const char *key, const char *dflt)
{
	const struct args_given	*g = last_given(a, key);

	if (g == NULL)
		return (dflt);
	return (g->value != NULL ? g->value : "");
}

const char *
args_nth(const struct args *a, const char *key, size_t i)
{
	char	buf[2];
	size_t	k;

	for (k = 0; k < a->ngiven; k++) {
		const struct args_given *g = &a->given[k];
		if (strcmp(args_key(g->opt, buf), key) != 0)
			continue;
		if (i-- == 0)
			return (g->value != NULL ? g->value : "");
	}
	return (NULL);
}

int
args_int(const struct args *a, const char *key, int dflt)
{
	const struct args_given	*g = last_given(a, key);
	struct num		 n;
	int			 y;

	/* The value was checked by its type when it was read. */
	if (g == NULL || g->value == NULL)
		return (dflt);
	if (g->opt->type == ARGS_YEAR)
		return (year_parse(g->value, &y) ? y : dflt);
	if (num_parse(g->value, NUM_COUNT, 0, &n, NULL) == NUM_OK &&
	    n.v <= INT_MAX)
		return ((int)n.v);
	return (dflt);
}
