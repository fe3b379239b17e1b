/*
 * Reading a published report from its text (UTF-8, LF; see importenc.h
 * for getting there): the title, the six sections found by their
 * headings, the narrative of each narrative section and the tables of
 * each table section (import_tab.h).
 *
 * Headings are found in template order, each after the previous one: a
 * line whose key (labelnorm.h) is the section title, with or without its
 * number ("一、", "1、", "（一）", "第一部分"), or, when it carries the
 * section's number, one that resembles the title (similarity >= 60).  A
 * heading not found is noted and its section left empty.
 *
 * The title is the first non-blank lines up to the one that says 报告
 * (at most four lines, as titles wrap): "{organ}{year}年[度]{…}信息公开
 * [工作]年度报告" gives the organ (the text around the year, less
 * 政府信息公开工作年度报告) and the year.  Without a title, the year is
 * taken from the first "NNNN年" of section 一 and noted.  Lines between
 * the title and the first heading (a preamble) are not part of any
 * section: they are dropped and noted.
 *
 * Narrative text is kept exactly: the lines between two headings, less
 * blank lines at both ends and "[bookmark: …]" artefacts (noted).  In
 * pdftotext -layout text (recognised by page numbers such as "-3-" on
 * lines of their own, or by space-aligned table rows and no TABs) lines
 * are the page's, not the author's: page numbers and blank lines go, a
 * line that starts indented starts a paragraph, the others continue it,
 * and paragraphs are joined with "\n".
 *
 * Printed totals (computed cells) that differ from the recomputed ones
 * are kept with report_set_published, so R2/R3/R4 judge them; printed
 * totals that agree are not recorded, so an imported report carries
 * published values only where they tell something.
 */
#ifndef NB_IMPORT_TXT_H
#define NB_IMPORT_TXT_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "import_scan.h"
#include "report.h"
#include "tpl.h"

struct import_txt_info {
	bool			 spaced;	/* pdftotext -layout text */
	int			 nheadings;	/* section headings found */
	enum import_scan_layout	 layout;	/* of the first table read */
	bool			 mixed;		/* tables in several layouts */
	size_t			 cells_read;	/* cells with a printed value */
};

/* Whether line s is the heading of section k of t, as described above. */
bool		 import_txt_is_heading(const struct tpl *t, size_t k,
		    const char *s);

/*
 * The organ (newly allocated, caller frees; "" when none) and year (0
 * when none) of the title of text; *line is the title's first line (0
 * when there is no title).  Returns false when no title was found.
 */
bool		 import_txt_title(const char *text, char **organ, int *year,
		    int *line);

/*
 * Reads text (len bytes, UTF-8, LF) as a report on template t.  srcline,
 * if not NULL, gives for each of its first nsrc lines the line of the
 * file it came from (a web page's), for notes.  Returns a
 * new report (caller frees) and fills *info, with every note (what was
 * read doubtfully, skipped, or found wanting) appended to notes; or NULL
 * with *err = import.e_not_report (err->path = path) when fewer than two
 * section headings and no table values were found.
 */
struct report	*import_txt_read(const char *text, size_t len,
		    const int *srcline, size_t nsrc, const char *path,
		    const struct tpl *t,
		    struct import_txt_info *info, struct errlist *notes,
		    struct err *err);

#endif
