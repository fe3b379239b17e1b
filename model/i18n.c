/*
 * Messages from ICU resource bundles.  The bundle for the language is
 * opened once (ICU falls back from en to root, and root is Chinese); a
 * message is a UTF-16 string in the bundle, converted to UTF-8 and its
 * {0}..{9} placeholders replaced by the arguments.  We substitute
 * ourselves rather than through umsg_format so that an apostrophe in a
 * Chinese or English sentence is never taken for MessageFormat quoting.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "i18n.h"
#include "sbuf.h"
#include "xmalloc.h"

struct i18n {
	enum lang	 lang;
	UResourceBundle	*rb;
};

static enum lang
lang_of(const char *v)
{
	return (strncmp(v, "en", 2) == 0 ? LANG_EN : LANG_ZH);
}

enum lang
i18n_pick_lang(const char *override)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char	*v;
	size_t		 i;

	if (override != NULL)
		return (lang_of(override));
	for (i = 0; i < 3; i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return (lang_of(v));
	return (LANG_ZH);
}

struct i18n *
i18n_open(const char *datadir, enum lang lang)
{
	struct i18n	*i = xcalloc(1, sizeof *i);
	UErrorCode	 st = U_ZERO_ERROR;
	char		*dir = xasprintf("%s/i18n/", datadir);

	i->lang = lang;
	i->rb = ures_open(dir, lang == LANG_EN ? "en" : "root", &st);
	if (U_FAILURE(st)) {
		ures_close(i->rb);
		i->rb = NULL;
	}
	free(dir);
	return (i);
}

void
i18n_close(struct i18n *i)
{
	if (i == NULL)
		return;
	ures_close(i->rb);
	free(i);
}

enum lang
i18n_lang(const struct i18n *i)
{
	return (i->lang);
}

/* The pattern for msgid in UTF-8, or NULL.  Newly allocated. */
static char *
pattern(const struct i18n *i, const char *msgid)
{
	UErrorCode	 st = U_ZERO_ERROR;
	const UChar	*u;
	int32_t		 ulen, n = 0;
	char		*s;

	if (i == NULL || i->rb == NULL)
		return (NULL);
	u = ures_getStringByKey(i->rb, msgid, &ulen, &st);
	if (U_FAILURE(st))
		return (NULL);
	u_strToUTF8(NULL, 0, &n, u, ulen, &st);
	st = U_ZERO_ERROR;
	s = xmalloc((size_t)n + 1);
	u_strToUTF8(s, n + 1, NULL, u, ulen, &st);
	s[n] = '\0';
	return (s);
}

char *
i18n_fmt(const struct i18n *i, const char *msgid, int nargs,
    const char *const *args)
{
	struct sbuf	 b;
	char		*p = pattern(i, msgid), *s;
	int		 k;

	sbuf_init(&b);
	if (p == NULL) {
		sbuf_adds(&b, msgid);
		for (k = 0; k < nargs; k++) {
			sbuf_adds(&b, k == 0 ? ": " : ", ");
			sbuf_adds(&b, args[k] != NULL ? args[k] : "");
		}
		return (sbuf_take(&b));
	}
	for (s = p; *s != '\0'; s++) {
		if (s[0] == '{' && s[1] >= '0' && s[1] <= '9' && s[2] == '}') {
			k = s[1] - '0';
			if (k < nargs && args[k] != NULL)
				sbuf_adds(&b, args[k]);
			s += 2;
		} else
			sbuf_addc(&b, *s);
	}
	free(p);
	return (sbuf_take(&b));
}

char *
i18n_fmt0(const struct i18n *i, const char *msgid)
{
	return (i18n_fmt(i, msgid, 0, NULL));
}

char *
i18n_fmt1(const struct i18n *i, const char *msgid, const char *a)
{
	const char *args[1] = { a };

	return (i18n_fmt(i, msgid, 1, args));
}

char *
i18n_fmt2(const struct i18n *i, const char *msgid, const char *a,
    const char *b)
{
	const char *args[2] = { a, b };

	return (i18n_fmt(i, msgid, 2, args));
}

/*
 * The system's words for the errors a clerk meets (strerror's, in the C
 * library's language: English, as the C library's translations are
 * seldom installed) in the user's language when that is not English: an
 * argument that is one of them is replaced by the message sys.<NAME>.
 * Newly allocated, or NULL when s is none of them.
 */
static char *
sys_words(const struct i18n *i, const char *s)
{
	static const struct {
		int		 e;
		const char	*msgid;
	} known[] = {
		{ ENOENT, "sys.ENOENT" }, { EACCES, "sys.EACCES" },
		{ EPERM, "sys.EPERM" }, { ENOSPC, "sys.ENOSPC" },
		{ EFBIG, "sys.EFBIG" }, { EROFS, "sys.EROFS" },
		{ EDQUOT, "sys.EDQUOT" }, { EISDIR, "sys.EISDIR" },
		{ ENOTDIR, "sys.ENOTDIR" }, { EMLINK, "sys.EMLINK" },
		{ EEXIST, "sys.EEXIST" },
	};
	size_t	k;
	char	*p;

	if (i == NULL || i->lang == LANG_EN)
		return (NULL);
	for (k = 0; k < sizeof known / sizeof known[0]; k++)
		if (s != NULL && strcmp(s, strerror(known[k].e)) == 0) {
			if ((p = pattern(i, known[k].msgid)) == NULL)
				return (NULL);
			free(p);
			return (i18n_fmt(i, known[k].msgid, 0, NULL));
		}
	return (NULL);
}

char *
i18n_err(const struct i18n *i, const struct err *e)
{
	char		*msg, *s, *tr[ERR_MAXARGS] = { NULL };
	const char	*args[ERR_MAXARGS];
	int		 k;

	for (k = 0; k < e->nargs && k < ERR_MAXARGS; k++) {
		tr[k] = sys_words(i, e->args[k]);
		args[k] = tr[k] != NULL ? tr[k] : e->args[k];
	}
	msg = i18n_fmt(i, e->msgid != NULL ? e->msgid : "err.unknown",
	    k, args);
	for (k = 0; k < ERR_MAXARGS; k++)
		free(tr[k]);
	if (e->path == NULL)
		return (msg);
	if (e->line > 0 && e->col > 0)
		s = xasprintf("%s:%d:%d: %s", e->path, e->line, e->col, msg);
	else if (e->line > 0)
		s = xasprintf("%s:%d: %s", e->path, e->line, msg);
	else
		s = xasprintf("%s: %s", e->path, msg);
	free(msg);
	return (s);
}
