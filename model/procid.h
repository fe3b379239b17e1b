/*
 * Which process: the identity an editor writes into its lock record and
 * its recovery snapshots, and whether the process a record names is still
 * running.  A pid alone is not enough: pids are reused, and a record may
 * come from another machine sharing the folder or from before a reboot,
 * so the identity is the pid, its start time (clock ticks after boot,
 * /proc/PID/stat field 22), the host name and the boot id
 * (/proc/sys/kernel/random/boot_id).
 */
#ifndef NB_PROCID_H
#define NB_PROCID_H

#include <stdbool.h>

#define PROCID_HOST_MAX	256
#define PROCID_BOOT_MAX	64

struct sbuf;

#define PROCID_USER_MAX	64

struct procid {
	long			pid;
	unsigned long long	start;	/* 0: unknown, not checked */
	char			host[PROCID_HOST_MAX];
	char			boot[PROCID_BOOT_MAX];	/* "" unknown */
	/* For people, not for the check (the lock record keeps them,
	 * editlock.h): who runs it and since when. */
	char			user[PROCID_USER_MAX];	/* "" unknown */
	long long		since;	/* time(NULL) at procid_self; 0 */
};

enum procid_who {
	PROCID_NOBODY,		/* no record */
	PROCID_SELF,		/* this process */
	PROCID_ALIVE,		/* another live process on this host and boot */
	PROCID_DEAD,		/* this host and boot, the process is gone */
	PROCID_REBOOTED,	/* this host, an earlier boot: gone */
	PROCID_ELSEWHERE,	/* another host: cannot tell */
	PROCID_GARBLED		/* a record that cannot be read: stale */
};

/* This process's identity. */
void		procid_self(struct procid *);

/* Is o this process (self), another one alive, dead, rebooted or
 * elsewhere? */
enum procid_who	procid_check(const struct procid *self,
		    const struct procid *o);

/* Whether a process with this pid runs on this host (an exited one not
 * yet reaped does not). */
bool		procid_alive(long pid);

/*
 * Record lines: id as "pid N", "start N", "host H", "boot B" (B "-" when
 * unknown), each after prefix and ending in '\n', H and B escaped with
 * sbuf_add_pct.  procid_field reads the value v (NUL-terminated, still
 * escaped) of one such line, key k, into id: false when k is not one of
 * the four or v is not a valid value.
 */
void		procid_format(struct sbuf *, const char *prefix,
		    const struct procid *id);
bool		procid_field(struct procid *id, const char *k, const char *v);

#endif
