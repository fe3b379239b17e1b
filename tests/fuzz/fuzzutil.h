/*
 * What the fuzz targets that need templates or check loaded reports share.
 */
#ifndef NB_FUZZUTIL_H
#define NB_FUZZUTIL_H

#include <stddef.h>

#include "report.h"
#include "tpl.h"

/*
 * The installed templates (share/nianbao/templates next to the binary,
 * or NIANBAO_DATADIR), loaded once; aborts naming who if there are none.
 */
struct tpl	**fuzz_templates(const char *who, size_t *n);

/*
 * Aborts when the organ or a section's text of r holds a character the
 * YAML reader refuses raw (C0 controls other than tab and line breaks,
 * DEL, C1 controls other than NEL, U+FFFE/U+FFFF): such text would reach
 * a terminal.
 */
void		 fuzz_check_text(const struct report *r, const char *who);

/*
 * Aborts unless an imported report is one the program can keep: its
 * texts pass fuzz_check_text and its store_dump() loads again with
 * store_parse().
 */
void		 fuzz_check_import(const struct report *r,
		    struct tpl *const *tpls, size_t n, const char *who);

#endif
