/*
 * Cutting run-together text; see import_runcut.h.  A run is walked
 * character by character: digits, a separator inside a number (". , -"
 * and their full-width forms) when a digit follows, and white space when
 * more of the run follows it.  Labels are cut by dynamic programming
 * from the end of the key: choice[i] is the longest label that starts at
 * byte i and leaves a rest that can be cut too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_runcut.h"
#include "sbuf.h"
#include "xmalloc.h"

size_t
import_runcut_digit(const char *p)
{
	if (*p >= '0' && *p <= '9')
		return (1);
	if ((unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbc &&
	    (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99)
		return (3);
	return (0);
}

/* Bytes of the white space character at p (space, TAB, NBSP, U+3000). */
static size_t
space(const char *p)
{
	if (*p == ' ' || *p == '\t')
		return (1);
	if (strncmp(p, "\xc2\xa0", 2) == 0)
		return (2);
	return (strncmp(p, "\xe3\x80\x80", 3) == 0 ? 3 : 0);
}

/* Whether s is only white space. */
static bool
blank(const char *s)
{
	size_t	k;

	while ((k = space(s)) > 0)
		s += k;
	return (*s == '\0');
}

/* Length of a separator inside a number at p (". , -" and their
 * full-width forms), 0 if none. */
static size_t
num_sep(const char *p)
{
	static const char *const seps[] = { ".", ",", "-", "．", "，", "－" };
	size_t	i;

	for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (strncmp(p, seps[i], strlen(seps[i])) == 0)
			return (strlen(seps[i]));
	return (0);
}

/* Where the run starting at p (a digit, or a sign before one) ends: after
 * its last digit.  Spaces inside it are kept: they separate values. */
static const char *
run_end(const char *p)
{
	const char	*q = p, *last = p, *r;
	size_t		 k;

	for (;;) {
		if ((k = import_runcut_digit(q)) > 0) {
			q += k;
			last = q;
		} else if ((k = num_sep(q)) > 0 &&
		    import_runcut_digit(q + k) > 0)
			q += k;
		else if (space(q) > 0) {
			for (r = q; (k = space(r)) > 0; r += k)
				;
			if (import_runcut_digit(r) == 0 && (num_sep(r) == 0 ||
			    import_runcut_digit(r + num_sep(r)) == 0))
				break;
			q = r;
		} else
			break;
	}
	return (last);
}

/* Whether the run ending at e ends in an item number: "2." or "2、"
 * followed by text, not by a digit ("18651.06"). */
static bool
item_after(const char *e)
{
	size_t	k = *e == '.' ? 1 : strncmp(e, "．", 3) == 0 ||
		    strncmp(e, "、", 3) == 0 ? 3 : 0;

	return (k > 0 && import_runcut_digit(e + k) == 0 && e[k] != '\0');
}

/* The end of the last digit in [start, e). */
static const char *
digits_end(const char *start, const char *e)
{
	const char	*q = start, *last = start;
	size_t		 k;

	while (q < e) {
		if ((k = import_runcut_digit(q)) > 0)
			last = q + k;
		else if ((k = num_sep(q)) == 0 && (k = space(q)) == 0)
			k = 1;
		q += k;
	}
	return (last);
}

/*
 * Cuts s into labels and the runs after them, calling pair(arg, label,
 * label end, run, run end) for each; a label with no run after it ends
 * the line (run == run end).  A run that ends in an item number ("2." or
 * "2、" before text) leaves that digit to the next label.
 */
void
import_runcut_line(const char *s, void (*pair)(void *, const char *,
    const char *, const char *, const char *), void *arg)
{
	const char	*p = s, *label = s, *start, *end, *next;

	while (*p != '\0') {
		if (import_runcut_digit(p) == 0) {
			p++;
			continue;
		}
		start = p;
		if (p - label >= 1 && p[-1] == '-')
			start = p - 1;
		else if (p - label >= 3 && strncmp(p - 3, "－", 3) == 0)
			start = p - 3;
		p = next = end = run_end(p);
		if (item_after(end)) {
			/* An item number: it heads the next label. */
			next = end - (import_runcut_digit(end - 1) ? 1 : 3);
			end = digits_end(start, next);
		}
		if (end > start) {
			pair(arg, label, start, start, end);
			label = next;
		}
	}
	if (!blank(label))
		pair(arg, label, p, p, p);
}


size_t
import_runcut_labels(const char *key, char *const *keys, size_t nkeys,
    size_t *out, size_t max)
{
	size_t	 n = strlen(key), i, k, len, m = 0;
	size_t	*choice;

	if (n == 0 || n > IMPORT_RUNCUT_MAX)
		return (0);
	choice = xcalloc(n + 1, sizeof *choice);
	choice[n] = SIZE_MAX - 1;	/* the end: reachable */
	for (i = n; i-- > 0; ) {
		choice[i] = SIZE_MAX;
		if (((unsigned char)key[i] & 0xc0) == 0x80)
			continue;
		for (k = 0; k < nkeys; k++) {
			len = strlen(keys[k]);
			if (len == 0 || len > n - i || choice[i + len] ==
			    SIZE_MAX || strncmp(key + i, keys[k], len) != 0)
				continue;
			if (choice[i] == SIZE_MAX ||
			    len > strlen(keys[choice[i]]))
				choice[i] = k;
		}
	}
	for (i = 0; choice[0] != SIZE_MAX && i < n && m < max;
	    i += strlen(keys[choice[i]]))
		out[m++] = choice[i];
	free(choice);
	return (i == n ? m : 0);
}

/* Appends the ASCII form of the character at *p to b; false if it is not
 * part of a run.  *p moves past it. */
static bool
norm_char(const char **p, struct sbuf *b, bool *digit)
{
	static const char *const wide[] = { "．", ".", "，", ",", "－", "-",
	    "\xe3\x80\x80", " ", "\xc2\xa0", " " };
	const unsigned char *u = (const unsigned char *)*p;
	size_t	i;

	*digit = false;
	if ((*u >= '0' && *u <= '9') || *u == '.' || *u == ',' || *u == '-' ||
	    *u == ' ' || *u == '\t') {
		*digit = *u >= '0' && *u <= '9';
		sbuf_addc(b, *u == '\t' ? ' ' : (char)*u);
		(*p)++;
		return (true);
	}
	if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99) {
		sbuf_addc(b, (char)('0' + u[2] - 0x90));
		*digit = true;
		*p += 3;
		return (true);
	}
	for (i = 0; i < sizeof wide / sizeof wide[0]; i += 2)
		if (strncmp(*p, wide[i], strlen(wide[i])) == 0) {
			sbuf_adds(b, wide[i + 1]);
			*p += strlen(wide[i]);
			return (true);
		}
	return (false);
}

char *
import_runcut_normalise(const char *run)
{
	struct sbuf	 b;
	const char	*p = run;
	bool		 digit, any = false;
	char		*s, *r, *w;

	sbuf_init(&b);
	while (*p != '\0')
		if (!norm_char(&p, &b, &digit)) {
			sbuf_done(&b);
			return (NULL);
		} else
			any |= digit;
	s = sbuf_take(&b);
	for (r = w = s; *r != '\0'; r++)
		if (*r != ' ' || (w > s && w[-1] != ' '))
			*w++ = *r;
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	if (!any) {
		free(s);
		return (NULL);
	}
	return (s);
}

/* The integer part s[a..b): digits, or digits grouped by commas in
 * threes; no leading zero but "0" itself. */
static bool
integer(const char *s, size_t a, size_t b, int64_t *v)
{
	size_t	i, group = 0;
	bool	comma = false;	/* a comma seen: groups of three since */

	*v = 0;
	if (a == b || (s[a] == '0' && b - a > 1))
		return (false);
	for (i = a; i < b; i++) {
		if (s[i] == ',') {
			if (group == 0 || (comma && group != 3) || group > 3)
				return (false);
			comma = true;
			group = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return (false);
		group++;
		*v = *v * 10 + (s[i] - '0');
		if (*v > NUM_LIMIT)
			return (false);
	}
	return (!comma || group == 3);
}

bool
import_runcut_value(const char *s, size_t a, size_t b, enum num_kind kind,
    int dp, int64_t *v)
{
	const char	*dot;
	int64_t		 frac = 0, scale = NUM_MONEY_SCALE;
	bool		 neg = false;
	size_t		 e;

	if (a < b && s[a] == '-') {
		if (kind != NUM_SIGNED)
			return (false);
		neg = true;
		a++;
	}
	dot = memchr(s + a, '.', b - a);
	e = dot != NULL ? (size_t)(dot - s) : b;
	if (!integer(s, a, e, v))
		return (false);
	if (dot != NULL) {
		if (kind != NUM_MONEY || e + 1 == b || (int)(b - e - 1) > dp)
			return (false);
		for (e++; e < b; e++) {
			if (s[e] < '0' || s[e] > '9')
				return (false);
			frac = frac * 10 + (s[e] - '0');
			scale /= 10;
		}
	}
	if (kind == NUM_MONEY)
		*v = *v * NUM_MONEY_SCALE + frac * scale;
	if (neg)
		*v = -*v;
	return (true);
}
