/*
 * Process identity and liveness; see procid.h.  Everything comes from
 * /proc (Linux) and gethostname; a value that cannot be read is left
 * unknown (start 0, boot "") and is then not compared.
 */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "num.h"
#include "procid.h"
#include "sbuf.h"

/* Copies the first line of a small file into buf (NUL-terminated). */
static bool
read_line_file(const char *path, char *buf, size_t size)
{
	FILE	*f = fopen(path, "re");
	bool	 ok;

	if (f == NULL)
		return (false);
	ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return (ok);
}

/* Field 22 of /proc/PID/stat (start time in clock ticks), or 0. */
static unsigned long long
proc_start(long pid)
{
	char			 path[64], buf[1024], *p;
	unsigned long long	 v = 0;
	int			 i;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (!read_line_file(path, buf, sizeof buf) ||
	    (p = strrchr(buf, ')')) == NULL)
		return (0);
	/* After ")" come field 3 (state) ... field 22 (starttime). */
	for (i = 3; i <= 22 && p != NULL; i++)
		p = strchr(p + 1, ' ');
	if (p != NULL)
		v = strtoull(p + 1, NULL, 10);
	return (v);
}

/* Whether the process has exited and waits to be reaped (state Z or X). */
static bool
proc_zombie(long pid)
{
	char	path[64], buf[1024], *p;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (!read_line_file(path, buf, sizeof buf) ||
	    (p = strrchr(buf, ')')) == NULL || p[1] != ' ')
		return (false);
	return (p[2] == 'Z' || p[2] == 'X' || p[2] == 'x');
}

bool
procid_alive(long pid)
{
	if (pid <= 0 || pid > INT_MAX)
		return (false);
	if (kill((pid_t)pid, 0) != 0 && errno != EPERM)
		return (false);
	return (!proc_zombie(pid));
}

void
procid_self(struct procid *o)
{
	struct passwd	*pw;
	char		*p;

	memset(o, 0, sizeof *o);
	o->pid = (long)getpid();
	o->start = proc_start(o->pid);
	o->since = (long long)time(NULL);
	if ((pw = getpwuid(geteuid())) != NULL && pw->pw_name != NULL)
		snprintf(o->user, sizeof o->user, "%s", pw->pw_name);
	if (gethostname(o->host, sizeof o->host - 1) != 0)
		o->host[0] = '\0';
	o->host[sizeof o->host - 1] = '\0';
	if (!read_line_file("/proc/sys/kernel/random/boot_id", o->boot,
	    sizeof o->boot))
		o->boot[0] = '\0';
	for (p = o->boot; *p != '\0'; p++)
		if (*p == ' ')
			*p = '\0';
}

enum procid_who
procid_check(const struct procid *self, const struct procid *o)
{
	unsigned long long	start;

	if (o->pid <= 0)
		return (PROCID_GARBLED);
	if (strcmp(o->host, self->host) != 0)
		return (PROCID_ELSEWHERE);
	if (o->boot[0] != '\0' && self->boot[0] != '\0' &&
	    strcmp(o->boot, self->boot) != 0)
		return (PROCID_REBOOTED);
	if (o->pid == self->pid && (o->start == 0 || o->start == self->start))
		return (PROCID_SELF);
	if (o->pid == self->pid || !procid_alive(o->pid))
		return (PROCID_DEAD);
	/* The pid exists; is it still the process that wrote the record? */
	if (o->start != 0 && (start = proc_start(o->pid)) != 0 &&
	    start != o->start)
		return (PROCID_DEAD);
	return (PROCID_ALIVE);
}

void
procid_format(struct sbuf *b, const char *prefix, const struct procid *o)
{
	sbuf_addf(b, "%spid %ld\n%sstart %llu\n%shost ", prefix, o->pid,
	    prefix, o->start, prefix);
	sbuf_add_pct(b, o->host);
	sbuf_addf(b, "\n%sboot ", prefix);
	sbuf_add_pct(b, o->boot[0] != '\0' ? o->boot : "-");
	sbuf_addc(b, '\n');
}

/* An escaped value into buf (size bytes), "-" as "" when dash_empty. */
static void
unescape_into(const char *v, char *buf, size_t size, bool dash_empty)
{
	struct sbuf	b;

	sbuf_init(&b);
	sbuf_add_unpct(&b, v, strlen(v));
	if (dash_empty && strcmp(b.s, "-") == 0)
		b.s[0] = '\0';
	snprintf(buf, size, "%s", b.s);
	sbuf_done(&b);
}

bool
procid_field(struct procid *o, const char *k, const char *v)
{
	unsigned long long	n;

	if (strcmp(k, "pid") == 0) {
		if (!num_read_dec(&v, &n) || n == 0 || n > INT_MAX)
			return (false);
		o->pid = (long)n;
		return (*v == '\0');
	}
	if (strcmp(k, "start") == 0)
		return (num_read_dec(&v, &o->start) && *v == '\0');
	if (strcmp(k, "host") == 0)
		unescape_into(v, o->host, sizeof o->host, false);
	else if (strcmp(k, "boot") == 0)
		unescape_into(v, o->boot, sizeof o->boot, true);
	else
		return (false);
	return (true);
}
