/*
 * libzip, loaded on first use.  nianbao reads and writes zip files only
 * for .docx (export, import) and .xlsx (the register); linked, libzip and
 * what Debian builds it with (libcrypto, libbz2, liblzma) were mapped and
 * relocated by every command and by the editor at start-up: about a
 * third of the dynamic loader's work (tests/bench/README.md, issue 17).
 *
 * This file defines each libzip function nianbao calls, with <zip.h>'s
 * own prototype, as a forwarder to libzip.so.4 opened at the first call
 * (dlfwd.h).  When libzip cannot be opened (not installed), each call fails the way
 * libzip reports failure (NULL, -1; a zip_error_t set to ZIP_ER_INTERNAL)
 * and the *strerror functions say that the library is missing, so that
 * the callers' own messages explain it.  Adding a libzip call: one line
 * in ZL_FUNCS.
 */
#ifdef NB_HAVE_LIBZIP
#include <stddef.h>
#include <string.h>

#include <zip.h>

#include "dlfwd.h"

#define ZL_SONAME	"libzip.so.4"

static const char *zl_why = "libzip (" ZL_SONAME ") is not installed";

/* NULL, having set *e (when given) to say that libzip is missing. */
static void *
zl_fail(zip_error_t *e)
{
	if (e != NULL) {
		memset(e, 0, sizeof *e);
		e->zip_err = ZIP_ER_INTERNAL;
	}
	return (NULL);
}

static void *
zl_fail_open(int *ep)
{
	if (ep != NULL)
		*ep = ZIP_ER_INTERNAL;
	return (NULL);
}

#define ZL_FUNCS(X, V) \
	X(int, zip_close, (zip_t *a), (a), -1) \
	V(zip_discard, (zip_t *a), (a), (void)0) \
	X(int, zip_error_code_system, (const zip_error_t *a), (a), a->sys_err) \
	X(int, zip_error_code_zip, (const zip_error_t *a), (a), a->zip_err) \
	V(zip_error_fini, (zip_error_t *a), (a), (void)0) \
	V(zip_error_init, (zip_error_t *a), (a), zl_fail(a)) \
	V(zip_error_init_with_code, (zip_error_t *a, int b), (a, b), \
	    (zl_fail(a), a->zip_err = b)) \
	X(const char *, zip_error_strerror, (zip_error_t *a), (a), zl_why) \
	X(int, zip_fclose, (zip_file_t *a), (a), -1) \
	X(zip_int64_t, zip_file_add, \
	    (zip_t *a, const char *b, zip_source_t *c, zip_flags_t d), \
	    (a, b, c, d), -1) \
	X(int, zip_file_set_mtime, \
	    (zip_t *a, zip_uint64_t b, time_t c, zip_flags_t d), \
	    (a, b, c, d), -1) \
	X(const char *, zip_file_strerror, (zip_file_t *a), (a), zl_why) \
	X(zip_file_t *, zip_fopen, \
	    (zip_t *a, const char *b, zip_flags_t c), \
	    (a, b, c), NULL) \
	X(zip_file_t *, zip_fopen_index, \
	    (zip_t *a, zip_uint64_t b, zip_flags_t c), \
	    (a, b, c), NULL) \
	X(zip_int64_t, zip_fread, \
	    (zip_file_t *a, void *b, zip_uint64_t c), \
	    (a, b, c), -1) \
	X(zip_error_t *, zip_get_error, (zip_t *a), (a), NULL) \
	X(const char *, zip_get_name, \
	    (zip_t *a, zip_uint64_t b, zip_flags_t c), \
	    (a, b, c), NULL) \
	X(zip_int64_t, zip_get_num_entries, \
	    (zip_t *a, zip_flags_t b), \
	    (a, b), -1) \
	X(zip_int64_t, zip_name_locate, \
	    (zip_t *a, const char *b, zip_flags_t c), \
	    (a, b, c), -1) \
	X(zip_t *, zip_open, \
	    (const char *a, int b, int *c), \
	    (a, b, c), zl_fail_open(c)) \
	X(zip_t *, zip_open_from_source, \
	    (zip_source_t *a, int b, zip_error_t *c), \
	    (a, b, c), zl_fail(c)) \
	X(int, zip_set_file_compression, \
	    (zip_t *a, zip_uint64_t b, zip_int32_t c, zip_uint32_t d), \
	    (a, b, c, d), -1) \
	X(zip_source_t *, zip_source_buffer, \
	    (zip_t *a, const void *b, zip_uint64_t c, int d), \
	    (a, b, c, d), NULL) \
	X(zip_source_t *, zip_source_buffer_create, \
	    (const void *a, zip_uint64_t b, int c, zip_error_t *d), \
	    (a, b, c, d), zl_fail(d)) \
	X(int, zip_source_close, (zip_source_t *a), (a), -1) \
	X(zip_error_t *, zip_source_error, (zip_source_t *a), (a), NULL) \
	V(zip_source_free, (zip_source_t *a), (a), (void)0) \
	V(zip_source_keep, (zip_source_t *a), (a), (void)0) \
	X(int, zip_source_open, (zip_source_t *a), (a), -1) \
	X(zip_int64_t, zip_source_read, \
	    (zip_source_t *a, void *b, zip_uint64_t c), \
	    (a, b, c), -1) \
	X(int, zip_source_seek, \
	    (zip_source_t *a, zip_int64_t b, int c), \
	    (a, b, c), -1) \
	X(zip_int64_t, zip_source_tell, (zip_source_t *a), (a), -1) \
	X(int, zip_stat, \
	    (zip_t *a, const char *b, zip_flags_t c, zip_stat_t *d), \
	    (a, b, c, d), -1) \
	X(int, zip_stat_index, \
	    (zip_t *a, zip_uint64_t b, zip_flags_t c, zip_stat_t *d), \
	    (a, b, c, d), -1) \
	V(zip_stat_init, (zip_stat_t *a), (a), (void)0) \
	X(const char *, zip_strerror, (zip_t *a), (a), zl_why)

DLFWD_DEFINE(ZL_SONAME, ZL_FUNCS)

#endif	/* NB_HAVE_LIBZIP */
