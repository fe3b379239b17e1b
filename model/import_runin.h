/*
 * Headings run into the text around them.  Text copied from a web page
 * often loses its line breaks: "…其他需要报告的事项。二、主动公开政府信息
 * 情况第二十条第（一）项信息内容…", or a title with the first paragraph
 * after it.  The reader (import_txt.h) finds headings on lines of their
 * own; when it finds too few, it cuts the lines here and looks again.
 *
 * A heading is the section's number, "、" and title, as the template
 * has them, found anywhere in a line as labelnorm_find compares text
 * (white space inside it, full-width forms).  Each line is cut before
 * and after every heading in it; the first line that names a report
 * ("…年度报告", "…年报") with text after it is cut after that.  The
 * pieces keep their line's number.
 */
#ifndef NB_IMPORT_RUNIN_H
#define NB_IMPORT_RUNIN_H

#include <stddef.h>

#include "import_line.h"
#include "tpl.h"

struct import_runin {
	struct import_line	*l;	/* the lines, cut */
	size_t			 n, cap;
	char			**own;	/* the pieces made (l[] points in) */
	size_t			 nown, owncap;
};

/* Cuts lines[0..n) (borrowed: unchanged lines point into them).  Release
 * with import_runin_done. */
void	import_runin_cut(struct import_runin *, const struct import_line *,
	    size_t n, const struct tpl *t);
void	import_runin_done(struct import_runin *);

#endif
