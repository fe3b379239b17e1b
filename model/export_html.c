/*
 * The web page; see export_html.h.  The page is written top to bottom
 * into one sbuf: the head with its fixed style, the title, then each
 * section.  Tables come from docx_table_new (the same rows, merges and
 * widths as the .docx): a cell that starts a vertical merge gets the
 * rowspan of the continuing cells below it, which are left out; gridSpan
 * becomes colspan.  All text goes through esc(), which escapes & < > " '
 * (xmlw_escape in attribute mode) and drops what XML cannot carry.
 */
#include <stdlib.h>
#include <string.h>

#include "docx_table.h"
#include "export_docx.h"
#include "export_html.h"
#include "sbuf.h"
#include "title.h"
#include "xmalloc.h"
#include "xmlw.h"

/* The style: 公文-like fonts, the official tables' borders and sizes. */
static const char style[] =
    "body{margin:0 auto;max-width:52em;padding:1em;"
    "font-family:\"FangSong_GB2312\",\"仿宋_GB2312\",\"FangSong\",\"仿宋\","
    "\"STFangsong\",serif;font-size:16pt;line-height:1.8;color:#000;"
    "background:#fff}"
    "h1{font-family:\"方正小标宋简体\",\"FZXiaoBiaoSong-B05S\",\"SimSun\","
    "\"宋体\",serif;font-size:22pt;font-weight:bold;text-align:center;"
    "line-height:1.5;margin:1em 0}"
    "h2{font-family:\"黑体\",\"SimHei\",sans-serif;font-size:16pt;"
    "font-weight:normal;text-indent:2em;margin:0}"
    "p{text-indent:2em;margin:0;text-align:justify}"
    "table{border-collapse:collapse;table-layout:fixed;width:100%;"
    "margin:0.5em 0 1.8em;font-family:\"宋体\",\"SimSun\",serif;"
    "font-size:10.5pt;line-height:1.4}"
    "th,td{border:1px solid #000;padding:2px 3px;text-align:center;"
    "vertical-align:middle;font-weight:normal;word-break:break-all}"
    "th.l,th.t{text-align:left}"
    "th.t{background:#c6d9f1}";

/* Appends s escaped. */
static void
esc(struct sbuf *b, const char *s)
{
	xmlw_escape(b, s, strlen(s), true);
}

static void
head(struct sbuf *b, const struct report *r)
{
	char	**v;
	size_t	  n = title_lines(r, LANG_ZH, &v), i;

	sbuf_adds(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	for (i = 0; i < n; i++)
		esc(b, v[i]);
	sbuf_addf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
	    style);
	for (i = 0; i < n; i++) {
		if (i > 0)
			sbuf_adds(b, "<br>");
		esc(b, v[i]);
	}
	sbuf_adds(b, "</h1>\n");
	title_lines_free(v, n);
}

/* Rows a cell starting a vertical merge at (row, gridcol) covers. */
static int
rowspan(const struct docx_table *dt, size_t row, int gridcol)
{
	size_t	i, k;
	int	n = 1;

	for (i = row + 1; i < dt->nrows; i++) {
		const struct docx_tr *tr = &dt->rows[i];
		for (k = 0; k < tr->n; k++)
			if (dt->tcs[tr->first + k].gridcol == gridcol)
				break;
		if (k == tr->n || dt->tcs[tr->first + k].vmerge !=
		    DOCX_VM_CONTINUE)
			break;
		n++;
	}
	return (n);
}

static void
cell(struct sbuf *b, const struct report *r, const struct docx_table *dt,
    size_t row, const struct docx_tc *tc)
{
	static const char *const cls[] = { [DOCX_TITLE] = " class=\"t\"",
	    [DOCX_CORNER] = " class=\"l\"", [DOCX_HEAD] = "",
	    [DOCX_LABEL] = " class=\"l\" scope=\"row\"", [DOCX_VALUE] = "" };
	char		 num[NUM_FMT_MAX];
	const char	*tag = tc->kind == DOCX_VALUE ? "td" : "th";

	if (tc->vmerge == DOCX_VM_CONTINUE)
		return;
	sbuf_addf(b, "<%s%s", tag, cls[tc->kind]);
	if (tc->span > 1)
		sbuf_addf(b, " colspan=\"%d\"", tc->span);
	if (tc->vmerge == DOCX_VM_RESTART)
		sbuf_addf(b, " rowspan=\"%d\"", rowspan(dt, row, tc->gridcol));
	sbuf_addc(b, '>');
	if (tc->kind == DOCX_VALUE)
		esc(b, report_format_value(r, tc->cell,
		    report_value(r, tc->cell), num));
	else
		esc(b, tc->text);
	sbuf_addf(b, "</%s>", tag);
}

static void
table(struct sbuf *b, const struct report *r, int t)
{
	struct docx_table	*dt = docx_table_new(r, t, EXPORT_DOCX_TEXT_W);
	size_t			 i, k;
	int			 c, pm;

	sbuf_adds(b, "<table>\n<colgroup>");
	for (c = 0; c < dt->ncols; c++) {
		/* Hundredths of a per cent of the table's width. */
		pm = (int)((long)dt->colw[c] * 10000 / dt->width);
		sbuf_addf(b, "<col style=\"width:%d.%02d%%\">", pm / 100,
		    pm % 100);
	}
	sbuf_adds(b, "</colgroup>\n");
	for (i = 0; i < dt->nrows; i++) {
		sbuf_adds(b, "<tr>");
		for (k = 0; k < dt->rows[i].n; k++)
			cell(b, r, dt, i, &dt->tcs[dt->rows[i].first + k]);
		sbuf_adds(b, "</tr>\n");
	}
	sbuf_adds(b, "</table>\n");
	docx_table_free(dt);
}

/* The non-blank lines of text as paragraphs. */
static void
paragraphs(struct sbuf *b, const char *text)
{
	const char	*nl;
	size_t		 len, lead;
	char		*line;

	for (; *text != '\0'; text = nl + (*nl != '\0')) {
		nl = text + strcspn(text, "\n");
		len = (size_t)(nl - text);
		for (lead = 0; lead < len;)
			if (text[lead] == ' ' || text[lead] == '\t' ||
			    text[lead] == '\r')
				lead++;
			else if (len - lead >= 3 &&
			    memcmp(text + lead, "\u3000", 3) == 0)
				lead += 3;
			else
				break;
		while (len > lead && (text[len - 1] == ' ' ||
		    text[len - 1] == '\r' || text[len - 1] == '\t'))
			len--;
		if (len == lead)
			continue;
		line = xstrndup(text + lead, len - lead);
		sbuf_adds(b, "<p>");
		esc(b, line);
		sbuf_adds(b, "</p>\n");
		free(line);
	}
}

char *
export_html(const struct report *r)
{
	const struct tpl	*t = report_tpl(r);
	struct sbuf		 b;
	size_t			 i;
	int			 k;

	sbuf_init(&b);
	head(&b, r);
	for (i = 0; i < t->nsections; i++) {
		const struct tpl_section *s = &t->sections[tpl_printed(t, i)];

		/* The 前言: its paragraphs alone, between the title and 一. */
		if (s->preface) {
			paragraphs(&b, report_text(r, tpl_printed(t, i)));
			continue;
		}
		sbuf_adds(&b, "<h2>");
		esc(&b, s->number);
		sbuf_adds(&b, "、");
		esc(&b, tpl_label(&s->title, LANG_ZH));
		sbuf_adds(&b, "</h2>\n");
		for (k = 0; s->kind == TPL_TABLES && k < s->ntables; k++)
			table(&b, r, s->first_table + k);
		paragraphs(&b, report_text(r, tpl_printed(t, i)));
	}
	sbuf_adds(&b, "</body>\n</html>\n");
	return (sbuf_take(&b));
}
