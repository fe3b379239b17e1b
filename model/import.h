/*
 * Importing a report as it exists in the wild: the entry point that reads
 * the file, finds its encoding (importenc.h) or, for a .docx (a zip),
 * turns it into text (import_docx.h), chooses the template and hands the
 * text to the reader (import_txt.h), and says what it did in an
 * import_summary.
 *
 * The template is, in this order: the one asked for; else the one whose
 * own labels the text uses (each template's labels that no other template
 * has, such as 本年新制作数量 and 第二十条第（九）项 for the 2019 format
 * or 本年制发件数 for the 2021 one, are counted in the text; the most
 * found wins, ties going to the template for the title's year); else the
 * template for the title's year (tpl_for_year).  A choice by labels that
 * differs from the year's template is noted (a 2021 report in the 2019
 * format, or the other way round).
 *
 * The summary's notes are struct err values (path, line, msgid, args) in
 * reading order: everything read doubtfully, skipped or found wanting.
 * They are not rule flags: the report's own flags (R1..R10) are counted
 * in the summary and listed by report_flags().
 */
#ifndef NB_IMPORT_H
#define NB_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "importenc.h"
#include "import_scan.h"
#include "report.h"
#include "tpl.h"

/* Why the template was chosen. */
enum import_tpl_why {
	IMPORT_TPL_ASKED,	/* -t */
	IMPORT_TPL_LABELS,	/* its own labels found in the text */
	IMPORT_TPL_YEAR,	/* the title's year */
	IMPORT_TPL_DEFAULT	/* neither: the newest national template */
};

struct import_summary {
	const struct tpl	*tpl;
	enum import_tpl_why	 why;
	enum importenc		 encoding;
	enum import_scan_layout	 layout;	/* of the tables */
	bool			 mixed;		/* tables in several layouts */
	bool			 spaced;	/* pdftotext -layout text */
	int			 nheadings;	/* of the template's sections */
	size_t			 cells_read;	/* printed values read */
	size_t			 cells_missing;	/* input cells left blank */
	size_t			 errors;	/* rule flags, by severity */
	size_t			 warnings;
	struct errlist		 notes;
};

void		 import_summary_init(struct import_summary *);
void		 import_summary_done(struct import_summary *);

/*
 * Reads the report in the file at path.  tpl_id, if not NULL, names the
 * template to use.  Returns a new report (caller frees) and fills *sum;
 * or NULL with *err set:
 *   file.* (fsio_read_file)      the file cannot be read
 *   import.e_encoding, import.e_binary (importenc.h)
 *   import.e_docx_* (import_docx.h)   a .docx that cannot be read
 *   import.e_docx                a .docx, in a build without import_docx
 *   import.e_template {0}=id     no such template
 *   import.e_no_template         no template loaded at all
 *   import.e_not_report          no report found in the text
 * *sum is filled as far as the import got, also on failure.
 */
struct report	*import_file(const char *path, const char *tpl_id,
		    struct tpl *const *tpls, size_t ntpls,
		    struct import_summary *sum, struct err *err);

/* The same from memory; path only names the input in notes. */
struct report	*import_buffer(const char *buf, size_t len, const char *path,
		    const char *tpl_id, struct tpl *const *tpls, size_t ntpls,
		    struct import_summary *sum, struct err *err);

/*
 * A loader for batch checks (batch.h's batch_loader): report files
 * (".yaml") through store_load, anything else through import_file with
 * notes discarded.  arg is unused.
 */
struct report	*import_load(const char *path, struct tpl *const *tpls,
		    size_t ntpls, void *arg, struct err *err);

#endif
