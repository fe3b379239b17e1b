/*
 * The report file: YAML, UTF-8, keys in a stable order, one line per cell,
 * readable and diffable by a person:
 *
 *   nianbao: 1                 # file-format version
 *   template: gb2021
 *   organ: 小城子镇人民政府
 *   year: 2024
 *   published_on: 2025-03-10   # imported web pages: the date the page
 *                              # says the report was published on
 *                              # (YYYY-MM-DD; absent when unknown)
 *   sections:
 *     s1: "2024年，……\n……"      # exact text, escapes for line breaks
 *   cells:                     # every input cell, template order
 *     t2_1.regulations.issued: 0
 *     t3.new.natural: ~        # blank
 *   published:                 # imported reports only: the printed
 *                              # values of computed cells (not a date:
 *                              # that is published_on)
 *     t3.r_total.natural: 20
 *   previous:                  # last year's values used by R5, if known
 *                              # (computed cells too)
 *     t3.carried_out.natural: 2
 *   previous_sections:         # last year's texts, if known (new --from)
 *     s5: "……"
 *   sources:                   # a summed report: the reports it adds up
 *     - "小城子镇人民政府 2024 (towns/xcz.yaml)"
 *   ledger:                    # 三 counted from the office's register:
 *     register: 台账.xlsx       # where each number came from
 *     ...                      # (format in ledger_prov.h)
 *
 * Loading refuses, with path:line:col and a msgid: what ytree refuses, a
 * root that is not a mapping, unknown keys, wrong types, a missing or
 * unknown template, a future format version (store.version), an unknown
 * cell id, a value refused by the number parser, a computed cell under
 * cells:, an unknown section.
 */
#ifndef NB_STORE_H
#define NB_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "filestamp.h"
#include "report.h"
#include "tpl.h"

#define STORE_FORMAT_VERSION 1

/* The file's YAML text.  Newly allocated; caller frees. */
char		*store_dump(const struct report *);

/* Writes the report atomically (fsio).  Returns false with *err set. */
bool		 store_save(const struct report *, const char *path,
		    struct err *err);

/*
 * Reads a report; its template is looked up among tpls by id.  Returns a
 * new report (caller frees) or NULL with *err set.
 */
struct report	*store_load(const char *path, struct tpl *const *tpls,
		    size_t ntpls, struct err *err);
/* The same from memory (path only names it in errors). */
struct report	*store_parse(const char *buf, size_t len, const char *path,
		    struct tpl *const *tpls, size_t ntpls, struct err *err);

/*
 * Like store_load, but reads the file once, stamps exactly the bytes it
 * parses (filestamp.h: what the editor compares the file with before it
 * saves) and parses them.  Returns the report with *stamp filled, or NULL
 * with *err (the store_parse errors, or file.*; a missing file is
 * file.open with ENOENT's text, and stamp->exists is then false).
 */
struct report	*store_load_stamped(const char *path, struct tpl *const *tpls,
		    size_t ntpls, struct filestamp *stamp, struct err *err);

#endif
