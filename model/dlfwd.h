/*
 * Forwarders to a shared library opened on first use (dlopen), for the
 * libraries only some commands need (issue 17: every library linked is
 * mapped and relocated by every command and by the editor at start-up).
 * A loader file (zipload.c, xmlload.c) lists the library's functions
 * nianbao calls, each with its header's own prototype (so that the
 * compiler checks every one), and the value to return when the library
 * cannot be opened:
 *
 *   #define FUNCS(X, V) \
 *	X(int, zip_close, (zip_t *a), (a), -1) \
 *	V(zip_stat_init, (zip_stat_t *a), (a), (void)0)
 *   DLFWD_DEFINE(zl, "libzip.so.4", FUNCS)
 *
 * which defines each function as a call through a pointer found with
 * dlsym in the library, opened once (pthread_once) at the first call,
 * and zl_load() (whether it opened).  Every function is found or none
 * is used.  The executable does not export these names, so the
 * library's calls to itself stay inside it.
 */
#ifndef NB_DLFWD_H
#define NB_DLFWD_H

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>

#define DLFWD_PTR(ret, name, params, args, fail)	\
	static ret (*p_##name) params;
#define DLFWD_VPTR(name, params, args, fb)		\
	static void (*p_##name) params;
#define DLFWD_SYM(name)	\
	((*(void **)&p_##name = dlsym(h, #name)) != NULL)
#define DLFWD_GET(ret, name, params, args, fail)	ok = DLFWD_SYM(name) && ok;
#define DLFWD_VGET(name, params, args, fb)		ok = DLFWD_SYM(name) && ok;
#define DLFWD_DEF(ret, name, params, args, fail)	\
	ret name params					\
	{						\
		if (!dlfwd_load())			\
			return (fail);			\
		return (p_##name args);			\
	}
#define DLFWD_VDEF(name, params, args, fb)		\
	void name params				\
	{						\
		if (dlfwd_load())			\
			p_##name args;			\
		else					\
			fb;				\
	}

/* One library per loader file: its pointers, its once, its forwarders.
 * DLFWD_DEFINE_INIT also runs init() once, inside the once, when the
 * library opened: before any other thread can call into it. */
#define DLFWD_NOINIT()	((void)0)
#define DLFWD_DEFINE(soname, FUNCS)	\
	DLFWD_DEFINE_INIT(soname, FUNCS, DLFWD_NOINIT)
#define DLFWD_DEFINE_INIT(soname, FUNCS, init)			\
	FUNCS(DLFWD_PTR, DLFWD_VPTR)				\
	static pthread_once_t	dlfwd_once = PTHREAD_ONCE_INIT;	\
	static bool		dlfwd_ok;			\
	static void						\
	dlfwd_open(void)					\
	{							\
		void	*h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);	\
		bool	 ok = h != NULL;			\
								\
		if (h == NULL)					\
			return;					\
		FUNCS(DLFWD_GET, DLFWD_VGET)			\
		if ((dlfwd_ok = ok))				\
			init();					\
	}							\
	static bool						\
	dlfwd_load(void)					\
	{							\
		pthread_once(&dlfwd_once, dlfwd_open);		\
		return (dlfwd_ok);				\
	}							\
	FUNCS(DLFWD_DEF, DLFWD_VDEF)

#endif
