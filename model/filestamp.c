/* File stamps; see filestamp.h. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "filestamp.h"
#include "fsio.h"
#include "num.h"
#include "sbuf.h"

uint64_t
filestamp_hash(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 h = UINT64_C(14695981039346656037);

	while (n-- > 0)
		h = (h ^ *s++) * UINT64_C(1099511628211);
	return (h);
}

void
filestamp_buf(const char *buf, size_t len, const struct timespec *mtime,
    struct filestamp *s)
{
	memset(s, 0, sizeof *s);
	s->exists = true;
	s->size = (off_t)len;
	if (mtime != NULL)
		s->mtime = *mtime;
	s->hash = filestamp_hash(buf, len);
}

int
filestamp_read(const char *path, size_t max, struct filestamp *s,
    char **buf, size_t *len, struct err *err)
{
	struct stat	st;
	int		e;

	memset(s, 0, sizeof *s);
	if (stat(path, &st) == -1) {
		e = errno;
		err_set(err, path, 0, 0, "file.open", 1, strerror(e));
		if (e == ENOENT)
			return (0);
		s->exists = true;
		return (-1);
	}
	s->exists = true;
	if ((*buf = fsio_read_file(path, max, len, err)) == NULL)
		return (-1);
	filestamp_buf(*buf, *len, &st.st_mtim, s);
	return (1);
}

bool
filestamp_file(const char *path, size_t max, struct filestamp *s,
    struct err *err)
{
	char	*buf = NULL;
	size_t	 len;
	int	 r;

	r = filestamp_read(path, max, s, &buf, &len, err);
	free(buf);
	if (r == 0)
		err_clear(err);
	return (r >= 0);
}

bool
filestamp_same(const struct filestamp *a, const struct filestamp *b)
{
	if (a->exists != b->exists)
		return (false);
	return (!a->exists || (a->size == b->size && a->hash == b->hash));
}

void
filestamp_format(struct sbuf *b, const struct filestamp *s)
{
	sbuf_addf(b, "%d %lld %lld.%09ld %016llx\n", s->exists ? 1 : 0,
	    (long long)s->size, (long long)s->mtime.tv_sec,
	    (long)s->mtime.tv_nsec, (unsigned long long)s->hash);
}

bool
filestamp_parse_time(const char **s, struct timespec *ts)
{
	const char		*p = *s;
	unsigned long long	 sec, nsec;

	if (!num_read_dec(&p, &sec) || *p != '.' || sec > LLONG_MAX)
		return (false);
	p++;
	if (!num_read_dec(&p, &nsec) || nsec > 999999999)
		return (false);
	ts->tv_sec = (time_t)sec;
	ts->tv_nsec = (long)nsec;
	*s = p;
	return (true);
}

bool
filestamp_parse(const char *v, struct filestamp *s)
{
	unsigned long long	ex, size;

	memset(s, 0, sizeof *s);
	if (!num_read_dec(&v, &ex) || ex > 1 || *v++ != ' ' ||
	    !num_read_dec(&v, &size) || size > (unsigned long long)INT64_MAX ||
	    *v++ != ' ' || !filestamp_parse_time(&v, &s->mtime) ||
	    *v++ != ' ' || !num_read_hex64(&v, &s->hash))
		return (false);
	s->exists = ex == 1;
	s->size = (off_t)size;
	return (*v == '\0');
}
