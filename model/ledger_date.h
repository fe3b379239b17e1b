/*
 * Dates in a register, as clerks and spreadsheets write them.  A date is
 * an int: days since 1970-01-01 (civil calendar, no time zone), so that
 * comparing and subtracting dates is integer arithmetic.
 *
 * Text forms read (ASCII or full-width digits and punctuation, a time
 * after the date ignored): 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日
 * (or 号), 20240305, and without a year 3月5日 (the caller supplies the
 * year).  Numbers: Excel serials in the 1900 system (1 = 1900-01-01,
 * with Excel's phantom 1900-02-29) or the 1904 system (0 = 1904-01-01),
 * and 8-digit numbers that spell a date (20240305).  Words meaning "not
 * yet" or "none" (—, /, 无, 未答复, 办理中 …) read as no date.
 */
#ifndef NB_LEDGER_DATE_H
#define NB_LEDGER_DATE_H

#include <stdbool.h>

enum ledger_date_st {
	LEDGER_DATE_OK,
	LEDGER_DATE_NONE,	/* empty, or a word for "not yet" */
	LEDGER_DATE_NO_YEAR,	/* month and day only: *days uses the
				   year given */
	LEDGER_DATE_BAD		/* not a date (or not a real one: 2月30日) */
};

/* Days of y-m-d, false when it is not a calendar date (years 1..9999). */
bool	 ledger_date_days(int y, int m, int d, int *days);
/* The calendar date of days. */
void	 ledger_date_civil(int days, int *y, int *m, int *d);
/* Today, in local time, as days (the latest date a register may hold). */
int	 ledger_date_today(void);
/* "YYYY-MM-DD" into buf (at least 11 bytes); returns buf. */
char	*ledger_date_iso(int days, char *buf);

/* Parses text; year (> 0) completes a date written without one. */
enum ledger_date_st ledger_date_text(const char *s, int year, int *days);
/* A number from a spreadsheet cell: a serial, or 8 digits yyyymmdd. */
enum ledger_date_st ledger_date_number(double v, bool date1904,
	    int *days);

#endif
