/*
 * Register dates; see ledger_date.h.  Text is first folded to a short
 * ASCII form (full-width digits to ASCII, 年 月 日/号 to Y M D, other
 * separators to themselves, any other character to '?'), then read by
 * a small grammar:  Y4 sep M sep D | Y 'Y' M 'M' D ['D'] | M 'M' D ['D']
 * | YYYYMMDD, each followed by nothing or by white space and anything (a
 * time); after 日 anything may follow (2024年3月5日（周二）).  Calendar arithmetic is Howard Hinnant's days_from_civil.
 */
#include <math.h>
#include <string.h>
#include <time.h>

#include "ledger_date.h"

#define FOLD_MAX	64

static int
from_civil(int y, int m, int d)
{
	int		era;
	unsigned	yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + (int)doe - 719468);
}

void
ledger_date_civil(int z, int *y, int *m, int *d)
{
	int		era;
	unsigned	doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)yoe + era * 400 + (*m <= 2);
}

int
ledger_date_today(void)
{
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 d = 0;

	localtime_r(&now, &tm);
	ledger_date_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &d);
	return (d);
}

bool
ledger_date_days(int y, int m, int d, int *days)
{
	static const int mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] || (m == 2 && d == 29 && !leap))
		return (false);
	*days = from_civil(y, m, d);
	return (true);
}

char *
ledger_date_iso(int days, char *buf)
{
	int	y, m, d;

	ledger_date_civil(days, &y, &m, &d);
	/* y is 1..9999 for every date the readers accept. */
	y = y < 0 ? 0 : y % 10000;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return (buf);
}

/* One character of s folded to ASCII; advances *s past it. */
static char
fold_char(const unsigned char **s)
{
	const unsigned char	*p = *s;
	unsigned		 c;

	if (p[0] < 0x80) {
		*s += 1;
		return ((char)(p[0] == '\t' ? ' ' : p[0]));
	}
	if ((p[0] & 0xf0) != 0xe0 || (p[1] & 0xc0) != 0x80 ||
	    (p[2] & 0xc0) != 0x80) {
		/* Two- or four-byte sequences: nothing a date uses. */
		*s += 1;
		while ((**s & 0xc0) == 0x80)
			*s += 1;
		return ('?');
	}
	*s += 3;
	c = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu);
	if (c >= 0xff10 && c <= 0xff19)
		return ((char)('0' + (c - 0xff10)));
	switch (c) {
	case 0x5e74:	/* 年 */
		return ('Y');
	case 0x6708:	/* 月 */
		return ('M');
	case 0x65e5:	/* 日 */
	case 0x53f7:	/* 号 */
		return ('D');
	case 0xff0d:	/* － */
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
		return ('-');
	case 0xff0f:	/* ／ */
		return ('/');
	case 0xff0e:	/* ． */
		return ('.');
	case 0x3000:
		return (' ');
	case 0xff1a:	/* ： */
		return (':');
	}
	return ('?');
}

/* s folded, surrounding spaces dropped; false when too long to be a date. */
static bool
fold(const char *s, char *out)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = 0;

	while (*p != '\0') {
		if (n + 1 >= FOLD_MAX)
			return (false);
		out[n++] = fold_char(&p);
		if (n == 1 && out[0] == ' ')
			n = 0;
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return (true);
}

/* Reads 1..8 digits at *p; -1 when none. */
static int
number(const char **p, int *ndigits)
{
	int	v = 0;

	*ndigits = 0;
	while (**p >= '0' && **p <= '9' && *ndigits < 8) {
		v = v * 10 + (**p - '0');
		(*p)++;
		(*ndigits)++;
	}
	return (*ndigits > 0 ? v : -1);
}

/* What may follow a date: nothing, or a space or 'T' and a time. */
static bool
tail_ok(const char *p)
{
	return (*p == '\0' || *p == ' ' || *p == 'T');
}

/* A folded text without digits: "none" words, or not a date at all. */
static enum ledger_date_st
wordy(const char *orig, const char *f)
{
	static const char *const none[] = { "未", "无", "待", "尚", "办理中",
	    "在办", "延期", NULL };
	int	i;

	if (strspn(f, "-/.? ") == strlen(f) && strchr(f, '?') == NULL)
		return (LEDGER_DATE_NONE);
	for (i = 0; none[i] != NULL; i++)
		if (strstr(orig, none[i]) != NULL)
			return (LEDGER_DATE_NONE);
	return (LEDGER_DATE_BAD);
}

enum ledger_date_st
ledger_date_text(const char *s, int year, int *days)
{
	char		 f[FOLD_MAX];
	const char	*p = f;
	int		 a, b, c, na, nb, nc;
	char		 sep;

	if (!fold(s, f))
		return (LEDGER_DATE_BAD);
	if (strpbrk(f, "0123456789") == NULL)
		return (wordy(s, f));
	a = number(&p, &na);
	if (na == 8 && tail_ok(p))
		return (ledger_date_days(a / 10000, a / 100 % 100, a % 100,
		    days) ? LEDGER_DATE_OK : LEDGER_DATE_BAD);
	sep = *p;
	if (na == 0 || (sep != 'Y' && sep != 'M' && sep != '-' &&
	    sep != '/' && sep != '.'))
		return (LEDGER_DATE_BAD);
	p++;
	if (sep == 'M') {
		/* Month and day only. */
		b = number(&p, &nb);
		if (*p == 'D')
			p = "";		/* 日 ends it: 3月5日（周二） */
		if (nb == 0 || nb > 2 || na > 2 || !tail_ok(p) || year <= 0)
			return (LEDGER_DATE_BAD);
		return (ledger_date_days(year, a, b, days) ?
		    LEDGER_DATE_NO_YEAR : LEDGER_DATE_BAD);
	}
	b = number(&p, &nb);
	if (na != 4 || nb == 0 || nb > 2 ||
	    *p != (sep == 'Y' ? 'M' : sep))
		return (LEDGER_DATE_BAD);
	p++;
	c = number(&p, &nc);
	if (sep == 'Y' && *p == 'D')
		p = "";

	if (nc == 0 || nc > 2 || !tail_ok(p))
		return (LEDGER_DATE_BAD);
	return (ledger_date_days(a, b, c, days) ? LEDGER_DATE_OK :
	    LEDGER_DATE_BAD);
}

enum ledger_date_st
ledger_date_number(double v, bool date1904, int *days)
{
	double	whole;
	long	n;

	if (!isfinite(v) || v < 0)
		return (LEDGER_DATE_BAD);
	whole = floor(v);
	if (whole >= 19000101 && whole <= 29991231 && whole == v) {
		n = (long)whole;
		return (ledger_date_days((int)(n / 10000), (int)(n / 100 % 100),
		    (int)(n % 100), days) ? LEDGER_DATE_OK : LEDGER_DATE_BAD);
	}
	if (whole > 2958465)	/* 9999-12-31 */
		return (LEDGER_DATE_BAD);
	n = (long)whole;
	if (date1904) {
		*days = (int)n - 24107;
		return (LEDGER_DATE_OK);
	}
	/* 1900: serial 60 is Excel's 1900-02-29, which never was. */
	if (n < 1 || n == 60)
		return (LEDGER_DATE_BAD);
	*days = (int)(n < 60 ? n + 1 : n) - 25569;
	return (LEDGER_DATE_OK);
}
