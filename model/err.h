/*
 * Errors are values.  A fallible model function fills a caller-provided
 * struct err with where (path, line, column: 0 when unknown) and what (a
 * message id from i18n/ plus up to ERR_MAXARGS string arguments, which the
 * message pattern names {0} {1} ...).  The model never formats sentences:
 * the front end turns an err into text in the user's language with
 * i18n_err() (see i18n.h).
 *
 * An errlist collects many, for loaders that report every problem at once.
 */
#ifndef NB_ERR_H
#define NB_ERR_H

#include <stdbool.h>
#include <stddef.h>

#define ERR_MAXARGS 4

struct err {
	char		*path;
	int		 line;
	int		 col;
	const char	*msgid;		/* static string; NULL when no error */
	int		 nargs;
	char		*args[ERR_MAXARGS];
};

struct errlist {
	struct err	*v;
	size_t		 n;
	size_t		 cap;
};

/* Sets *e (clearing what it held).  The nargs varargs are const char *. */
void	 err_set(struct err *e, const char *path, int line, int col,
	    const char *msgid, int nargs, ...);
void	 err_clear(struct err *e);
bool	 err_isset(const struct err *e);
/* Moves src into dst (dst cleared first); src is left empty. */
void	 err_move(struct err *dst, struct err *src);

void	 errlist_init(struct errlist *);
void	 errlist_done(struct errlist *);
/* Appends an error; same arguments as err_set. */
void	 errlist_add(struct errlist *, const char *path, int line, int col,
	    const char *msgid, int nargs, ...);
void	 errlist_take(struct errlist *, struct err *e);	/* e is emptied */

#endif
