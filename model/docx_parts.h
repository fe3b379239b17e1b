/*
 * The parts of a .docx package other than word/document.xml, and the
 * run properties every part shares.  The package is described by one
 * table, docx_parts[]: each part's name in the zip, its content type
 * (NULL: covered by a Default in [Content_Types].xml) and the function
 * that writes it.  [Content_Types].xml is written from the same table,
 * so no part lacks its content type; the two relationship parts name
 * their targets as literals (tests/docx_check.py checks every target is
 * in the package).
 *
 * The document part itself comes from the caller (export_docx.c): its
 * entry has no writer.  Relationship ids the document refers to are
 * fixed: DOCX_RID_FOOTER_ODD and DOCX_RID_FOOTER_EVEN.
 */
#ifndef NB_DOCX_PARTS_H
#define NB_DOCX_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct xmlw;

#define DOCX_NS_W	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define DOCX_RID_FOOTER_ODD	"rId3"
#define DOCX_RID_FOOTER_EVEN	"rId4"

/* What the metadata parts say. */
struct docx_meta {
	const char	*title;
	const char	*organ;
	time_t		 date;
};

struct docx_part {
	const char	*name;		/* path in the zip */
	const char	*type;		/* content type Override, or NULL */
	char		*(*write)(const struct docx_meta *);	/* NULL: the
					   document, supplied by the caller */
};

extern const struct docx_part	docx_parts[];
extern const size_t		docx_nparts;

/* A run's fonts and size. */
struct docx_font {
	const char	*latin;		/* ascii, hAnsi, cs */
	const char	*ea;		/* eastAsia */
	int		 size;		/* half-points */
};

/*
 * Writes text (len bytes, no '\n') as runs in font f: a new run wherever
 * the text switches between characters shared by Chinese and Western
 * fonts (“ ” ‘ ’ — ― … ·), which get w:hint="eastAsia", and the others;
 * a TAB becomes <w:tab/>.
 */
void	 docx_runs(struct xmlw *, const char *text, size_t len,
	    const struct docx_font *f);
/* The <w:rPr> of a run in font f. */
void	 docx_rpr(struct xmlw *, const struct docx_font *f, bool hint);

#endif
