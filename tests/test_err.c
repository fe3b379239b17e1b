/*
 * Errors as values: what err_set keeps (at most ERR_MAXARGS arguments, a
 * NULL argument as ""), moving one, and an error list that grows past its
 * first allocation without losing any.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

Test(err, set_keeps_what_the_message_needs)
{
	struct err	e = { 0 };

	cr_assert_not(err_isset(&e));
	err_set(&e, "a.yaml", 3, 7, "x.y", 6, "1", NULL, "3", "4", "5", "6");
	cr_assert(err_isset(&e));
	cr_assert_str_eq(e.path, "a.yaml");
	cr_assert_eq(e.line, 3);
	cr_assert_eq(e.col, 7);
	cr_assert_eq(e.nargs, ERR_MAXARGS);
	cr_assert_str_eq(e.args[1], "");
	cr_assert_str_eq(e.args[3], "4");
	/* Setting again replaces everything; no path is no path. */
	err_set(&e, NULL, 0, 0, "z", 0);
	cr_assert_null(e.path);
	cr_assert_eq(e.nargs, 0);
	err_clear(&e);
	cr_assert_not(err_isset(&e));
}

Test(err, move_empties_the_source)
{
	struct err	a = { 0 }, b = { 0 };

	err_set(&a, "p", 1, 1, "first", 1, "x");
	err_set(&b, "q", 2, 2, "second", 0);
	err_move(&b, &a);
	cr_assert_str_eq(b.msgid, "first");
	cr_assert_str_eq(b.args[0], "x");
	cr_assert_not(err_isset(&a));
	err_clear(&b);
}

Test(err, list_keeps_every_error)
{
	struct errlist	l;
	struct err	e = { 0 };
	char		n[16];
	int		i;

	errlist_init(&l);
	for (i = 0; i < 100; i++) {
		snprintf(n, sizeof n, "%d", i);
		errlist_add(&l, "t.yaml", i, 1, "m", 1, n);
	}
	err_set(&e, NULL, 0, 0, "taken", 0);
	errlist_take(&l, &e);
	cr_assert_not(err_isset(&e));
	cr_assert_eq(l.n, 101);
	cr_assert_eq(l.v[57].line, 57);
	cr_assert_str_eq(l.v[99].args[0], "99");
	cr_assert_str_eq(l.v[100].msgid, "taken");
	errlist_done(&l);
	cr_assert_eq(l.n, 0);
}
