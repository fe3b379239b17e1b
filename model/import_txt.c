/*
 * A published report's text, read into a report; see import_txt.h.
 *
 * The text is copied once and cut into lines in place (struct
 * import_line points into the copy and keeps the input line number, so
 * notes name the line a person sees in an editor).  head[k] is the index
 * of section k's heading line, or -1; a section's body runs from the line
 * after its heading to the line before the next heading found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "import_line.h"
#include "import_runin.h"
#include "import_scan.h"
#include "import_tab.h"
#include "import_txt.h"
#include "labelnorm.h"
#include "sbuf.h"
#include "text.h"
#include "xmalloc.h"
#include "year.h"

struct doc {
	char			*buf;
	struct import_line	*l;
	size_t			 n;
	bool			 spaced;
	int			*head;		/* per section */
	size_t			 first;		/* first heading line, or n */
	struct import_runin	 runin;		/* lines cut at run-in headings:
						   l is runin.l when used */
};

/* True for a line that is only white space (ASCII, NBSP, U+3000). */
static bool
blank(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		if (strncmp(s, "\xc2\xa0", 2) == 0)
			s += 1;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 2;
		else
			return (false);
	}
	return (true);
}

/* A space-aligned table row: text, two or more spaces, a number. */
static bool
aligned_row(const char *s)
{
	size_t	e = strlen(s), p, q;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	for (p = e; p > 0 && ((s[p - 1] >= '0' && s[p - 1] <= '9') ||
	    s[p - 1] == '.' || s[p - 1] == ','); p--)
		;
	if (p == e || p < 2 || s[p - 1] != ' ' || s[p - 2] != ' ')
		return (false);
	for (q = p; q > 0 && s[q - 1] == ' '; q--)
		;
	return (q > 0);
}

static void
split(struct doc *d, const char *text, size_t len)
{
	char	*p, *nl;
	size_t	 aligned = 0, i, k, cap = 0;
	bool	 tabs, pages = false;

	d->buf = xmalloc(len + 1);
	memcpy(d->buf, text, len);
	d->buf[len] = '\0';
	tabs = strchr(d->buf, '\t') != NULL;
	for (p = d->buf; ; p = nl + 1) {
		if (d->n == cap) {
			cap = cap ? cap * 2 : 256;
			d->l = xreallocarray(d->l, cap, sizeof *d->l);
		}
		d->l[d->n].s = p;
		d->l[d->n].no = (int)d->n + 1;
		d->n++;
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		*nl = '\0';
	}
	for (i = 0; i < d->n; i++) {
		pages |= import_line_is_page_number(d->l[i].s);
		aligned += aligned_row(d->l[i].s);
	}
	d->spaced = pages || (!tabs && aligned >= 3);
	if (!d->spaced)
		return;
	/* Page numbers are never part of the report. */
	for (i = k = 0; i < d->n; i++)
		if (!import_line_is_page_number(d->l[i].s))
			d->l[k++] = d->l[i];
	d->n = k;
}

bool
import_txt_is_heading(const struct tpl *t, size_t k, const char *s)
{
	char		*key = labelnorm_key(s);
	char		*tkey = labelnorm_key(tpl_label(&t->sections[k].title,
			    LANG_ZH));
	const char	*rest;
	char		 style;
	int		 num = labelnorm_number(key, &rest, &style);
	size_t		 kl = labelnorm_length(rest);
	size_t		 tl = labelnorm_length(tkey);
	bool		 hit = false;

	/* The 前言 has no heading: it is what precedes the first one. */
	if (kl <= tl * 2 + 8 && !t->sections[k].preface) {
		if (strcmp(rest, tkey) == 0)
			hit = num == 0 || num == (int)k + 1;
		else if (num == (int)k + 1 && style != 'p')
			hit = labelnorm_similarity(rest, tkey) >= 60;
		else if (num == 0 && kl + 3 >= tl && kl <= tl + 3)
			hit = labelnorm_similarity(rest, tkey) >= 90;
	}
	free(key);
	free(tkey);
	return (hit);
}

static int
find_headings(struct doc *d, const struct tpl *t)
{
	size_t	k, i, pos = 0;
	int	found = 0;

	d->head = xcalloc(t->nsections, sizeof *d->head);
	d->first = d->n;
	for (k = 0; k < t->nsections; k++) {
		d->head[k] = -1;
		for (i = pos; i < d->n; i++)
			if (!blank(d->l[i].s) &&
			    import_txt_is_heading(t, k, d->l[i].s)) {
				d->head[k] = (int)i;
				pos = i + 1;
				found++;
				if (i < d->first)
					d->first = i;
				break;
			}
	}
	return (found);
}

/*
 * With fewer headings than sections found on lines of their own, the
 * lines cut where headings run into text (import_runin.h); kept when more
 * headings are found so.  Returns the headings found.
 */
static int
cut_runin(struct doc *d, const struct tpl *t, int found)
{
	struct import_line	*l = d->l;
	size_t			 n = d->n, first = d->first;
	int			*head = d->head, more;

	import_runin_cut(&d->runin, l, n, t);
	d->l = d->runin.l;
	d->n = d->runin.n;
	if ((more = find_headings(d, t)) > found) {
		free(l);
		free(head);
		return (more);
	}
	free(d->head);
	d->l = l;
	d->n = n;
	d->head = head;
	d->first = first;
	return (found);
}

/* Body of section k: [*from, *to). */
static void
body(const struct doc *d, const struct tpl *t, size_t k, size_t *from,
    size_t *to)
{
	size_t	j;

	*from = (size_t)d->head[k] + 1;
	*to = d->n;
	for (j = k + 1; j < t->nsections; j++)
		if (d->head[j] >= 0) {
			*to = (size_t)d->head[j];
			break;
		}
}

/* Strips ASCII spaces at both ends (pdftotext layout lines). */
static void
add_trimmed(struct sbuf *b, const char *s)
{
	const char	*e;

	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && e[-1] == ' ')
		e--;
	sbuf_add(b, s, (size_t)(e - s));
}

/* Chinese characters and punctuation, full-width forms. */
static bool
cjk(UChar32 c)
{
	return ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 &&
	    c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef));
}

static bool
alnum(UChar32 c)
{
	return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'));
}

/*
 * pdftotext writes a space wherever the PDF leaves a gap between glyphs,
 * and a PDF leaves one between Chinese and Latin text ("2024 年", what
 * LibreOffice and Word call autospace) and after Chinese punctuation;
 * Chinese text has no spaces there.  Such single spaces are dropped, in
 * place.  (A space typed there on purpose cannot be told from them.)
 */
static void
drop_gaps(char *s)
{
	int32_t	i = 0, n = (int32_t)strlen(s), w = 0, j;
	UChar32	c, prev = 0, next;

	while (i < n) {
		j = i;
		U8_NEXT(s, i, n, c);
		if (c == ' ' && i < n && s[i] != ' ') {
			int32_t k = i;
			U8_NEXT(s, k, n, next);
			if ((cjk(prev) && (cjk(next) || alnum(next))) ||
			    (alnum(prev) && cjk(next)))
				continue;
		}
		memmove(s + w, s + j, (size_t)(i - j));
		w += i - j;
		prev = c;
	}
	s[w] = '\0';
}

/* Leading spaces of a line (U+3000 counts as two). */
static int
indent(const char *s)
{
	int	n = 0;

	for (;;)
		if (*s == ' ') {
			n++;
			s++;
		} else if (strncmp(s, "\xe3\x80\x80", 3) == 0) {
			n += 2;
			s += 3;
		} else
			return (n);
}

/*
 * Whether line i of a pdftotext page starts a paragraph: it is indented
 * more than the next lines (at most 3) before to, the continuation
 * lines, which sit at the page's margin whatever it is; the last line,
 * more than the line before it.
 */
static bool
starts_para(const struct doc *d, size_t i, size_t from, size_t to)
{
	int	me = indent(d->l[i].s), least = -1, k;
	size_t	j;

	for (j = i + 1, k = 0; j < to && k < 3; j++) {
		if (blank(d->l[j].s))
			continue;
		if (least < 0 || indent(d->l[j].s) < least)
			least = indent(d->l[j].s);
		k++;
	}
	if (least >= 0)
		return (me > least);
	for (j = i; j-- > from; )
		if (!blank(d->l[j].s))
			return (me > indent(d->l[j].s));
	return (false);
}

static char *
narrative(const struct doc *d, size_t from, size_t to)
{
	struct sbuf	b;
	size_t		i;
	bool		para = false;

	sbuf_init(&b);
	while (from < to && blank(d->l[from].s))
		from++;
	while (to > from && blank(d->l[to - 1].s))
		to--;
	for (i = from; i < to; i++) {
		if (!d->spaced) {
			if (i > from)
				sbuf_addc(&b, '\n');
			sbuf_adds(&b, d->l[i].s);
			continue;
		}
		if (blank(d->l[i].s))
			continue;
		if (para && starts_para(d, i, from, to))
			sbuf_addc(&b, '\n');
		add_trimmed(&b, d->l[i].s);
		para = true;
	}
	if (d->spaced && b.len > 0)
		drop_gaps(b.s);
	b.len = b.s != NULL ? strlen(b.s) : 0;
	return (sbuf_take(&b));
}

/* Lines [from, to) as the text of section k. */
static void
read_text(const struct doc *d, struct report *r, size_t k, size_t from,
    size_t to, const char *path, struct errlist *notes)
{
	size_t	i;
	char	*text, *clean;

	for (i = from; i < to; i++)
		if (labelnorm_has_artefact(d->l[i].s))
			errlist_add(notes, path, d->l[i].no, 0,
			    "import.artefact", 0);
	text = narrative(d, from, to);
	clean = labelnorm_strip_artefacts(text);
	free(text);
	/* Escape sequences and control characters never reach a screen. */
	text = text_sanitize(clean, strlen(clean), true);
	report_set_text(r, (int)k, text, NULL);
	free(clean);
	free(text);
}

static void
read_narrative(const struct doc *d, struct report *r, size_t k,
    const char *path, struct errlist *notes)
{
	size_t	from, to;

	body(d, report_tpl(r), k, &from, &to);
	read_text(d, r, k, from, to, path, notes);
}

/* The digit at s (ASCII, full-width, or 〇/零 一 … 九), its length in
 * *len; -1 if none. */
static int
digit_at(const char *s, size_t *len)
{
	static const char *const cn[] = { "〇", "一", "二", "三", "四", "五",
	    "六", "七", "八", "九" };
	int	d;

	if (*s >= '0' && *s <= '9') {
		*len = 1;
		return (*s - '0');
	}
	*len = 3;
	if (strncmp(s, "\xef\xbc", 2) == 0 && (unsigned char)s[2] >= 0x90 &&
	    (unsigned char)s[2] <= 0x99)
		return ((unsigned char)s[2] - 0x90);
	if (strncmp(s, "零", 3) == 0)
		return (0);
	for (d = 0; d < 10; d++)
		if (strncmp(s, cn[d], 3) == 0)
			return (d);
	return (-1);
}

/* Reads a year of four digits at s ("2021", "２０２１", "二〇二一"); 0 if
 * none or out of range. */
static int
year_at(const char *s, size_t *len)
{
	int	v = 0, n, d;
	size_t	off = 0, k;

	for (n = 0; n < 4; n++) {
		if ((d = digit_at(s + off, &k)) < 0)
			return (0);
		v = v * 10 + d;
		off += k;
	}
	*len = off;
	return (year_valid(v) ? v : 0);
}

/* Removes suffix from the end of b if it is there. */
static bool
chop(struct sbuf *b, const char *suffix)
{
	size_t	n = strlen(suffix);

	if (b->len < n || strcmp(b->s + b->len - n, suffix) != 0)
		return (false);
	sbuf_truncate(b, b->len - n);
	return (true);
}

/*
 * Parses a title (white space already removed): the organ is what is left
 * around the year once 年[度] and the 政府信息公开工作年度报告 tail are
 * taken off.  False when it does not end in 年度报告 (or 年报).
 */
static bool
parse_title(const char *s, char **organ, int *year)
{
	static const char *const tail[] = { "工作", "信息公开", "政务公开",
	    "政府" };
	struct sbuf	 b;
	const char	*p;
	size_t		 ylen = 0, i;

	*year = 0;
	for (p = s; *p != '\0'; p++)
		if ((*year = year_at(p, &ylen)) > 0 &&
		    strncmp(p + ylen, "年", 3) == 0)
			break;
	sbuf_init(&b);
	sbuf_add(&b, s, (size_t)(p - s));
	if (*p != '\0') {
		p += ylen + 3;
		if (strncmp(p, "度", 3) == 0)
			p += 3;
		sbuf_adds(&b, p);
	} else
		*year = 0;
	if (!chop(&b, "年度报告") && !chop(&b, "年报")) {
		sbuf_done(&b);
		*year = 0;
		return (false);
	}
	for (i = 0; i < sizeof tail / sizeof tail[0]; i++)
		chop(&b, tail[i]);
	*organ = sbuf_take(&b);
	return (true);
}

/* Length of the white space character at p (space, TAB, NBSP, U+3000). */
static size_t
wslen(const char *p)
{
	if (*p == ' ' || *p == '\t')
		return (1);
	if (strncmp(p, "\xc2\xa0", 2) == 0)
		return (2);
	if (strncmp(p, "\xe3\x80\x80", 3) == 0)
		return (3);
	return (0);
}

/* A title starting at line i (up to 4 lines, until one says 报告), its
 * last line in *last. */
static bool
title_at(const struct import_line *l, size_t n, size_t i, char **organ,
    int *year, size_t *last)
{
	struct sbuf	 b;
	const char	*p;
	size_t		 j, k;
	bool		 ok = false;

	/* A note above the title ("# source: …", "来源：…", a URL) is not
	 * part of the organ's name. */
	if (strpbrk(l[i].s, "#:/@") != NULL || strstr(l[i].s, "：") != NULL)
		return (false);
	sbuf_init(&b);
	for (j = i; j < n && j < i + 4 && !ok; j++) {
		for (p = l[j].s; *p != '\0';)
			if ((k = wslen(p)) > 0)
				p += k;
			else
				sbuf_addc(&b, *p++);
		ok = strstr(b.s, "报告") != NULL;
		*last = j;
	}
	if (ok)
		ok = parse_title(b.s, organ, year);
	sbuf_done(&b);
	return (ok);
}

bool
import_txt_title(const char *text, char **organ, int *year, int *line)
{
	struct doc	d = { 0 };
	size_t		i, seen = 0, last;
	bool		ok = false;

	*organ = NULL;
	*year = 0;
	*line = 0;
	split(&d, text, strlen(text));
	for (i = 0; i < d.n && seen < 6 && !ok; i++) {
		if (blank(d.l[i].s))
			continue;
		seen++;
		if ((ok = title_at(d.l, d.n, i, organ, year, &last)))
			*line = d.l[i].no;
	}
	free(d.buf);
	free(d.l);
	if (*organ == NULL)
		*organ = xstrdup("");
	return (ok);
}

/* The first "NNNN年" of the text. */
static int
year_in(const char *s)
{
	size_t	len;
	int	y;

	for (; *s != '\0'; s++)
		if ((y = year_at(s, &len)) > 0) {
			s += len;
			while (*s == ' ')
				s++;
			if (strncmp(s, "年", 3) == 0)
				return (y);
		}
	return (0);
}

/* Whether s is a date alone: "2025年3月10日", "（2025年3月10日）". */
static bool
date_line(const char *s)
{
	static const char *const unit[] = { "年", "月", "日" };
	size_t	 len, k, w;
	int	 i;

	while ((w = wslen(s)) > 0)
		s += w;
	if (strncmp(s, "（", 3) == 0 || *s == '(')
		s += *s == '(' ? 1 : 3;
	if (year_at(s, &len) == 0)
		return (false);
	s += len;
	for (i = 0; i < 3; s += 3, i++) {
		while ((w = wslen(s)) > 0)
			s += w;
		for (k = 0; i > 0 && k < 2 && digit_at(s, &len) >= 0; k++)
			s += len;
		while ((w = wslen(s)) > 0)
			s += w;
		if ((i > 0 && k == 0) || strncmp(s, unit[i], 3) != 0)
			return (false);
	}
	if (strncmp(s, "）", 3) == 0 || *s == ')')
		s += *s == ')' ? 1 : 3;
	return (blank(s));
}

/*
 * Lines [from, to) between the title and the first heading: the 前言
 * when the template has one (date and blank lines at either end left
 * out), else a note that they were not imported.
 */
static void
read_preface(const struct doc *d, struct report *r, size_t from,
    size_t to, const char *path, struct errlist *notes)
{
	int	pre = report_tpl(r)->preface, line = 0;
	size_t	i, nb = 0;
	char	buf[32];

	while (pre >= 0 && from < to && (blank(d->l[from].s) ||
	    date_line(d->l[from].s)))
		from++;
	while (pre >= 0 && to > from && (blank(d->l[to - 1].s) ||
	    date_line(d->l[to - 1].s)))
		to--;
	if (pre >= 0) {
		read_text(d, r, (size_t)pre, from, to, path, notes);
		return;
	}
	for (i = from; i < to; i++)
		if (!blank(d->l[i].s) && nb++ == 0)
			line = d->l[i].no;
	if (nb > 0) {
		snprintf(buf, sizeof buf, "%zu", nb);
		errlist_add(notes, path, line, 0, "import.preamble", 1, buf);
	}
}

/* Title, organ, year; the 前言 read, or the preamble noted. */
static void
read_title(const struct doc *d, struct report *r, const char *path,
    struct errlist *notes)
{
	char	*organ = NULL, *clean, buf[32];
	int	 year = 0, line = 0;
	size_t	 i, end = d->first, nb = 0, last = 0;

	for (i = 0; i < end && nb < 6; i++) {
		if (blank(d->l[i].s))
			continue;
		nb++;
		if (title_at(d->l, end, i, &organ, &year, &last)) {
			line = d->l[i].no;
			break;
		}
	}
	if (organ == NULL)
		errlist_add(notes, path, 0, 0, "import.no_title", 0);
	else if (*organ == '\0')
		errlist_add(notes, path, line, 0, "import.no_organ", 0);
	if (year == 0 && (year = year_in(report_text(r, 0))) > 0) {
		snprintf(buf, sizeof buf, "%d", year);
		errlist_add(notes, path, line, 0, "import.year_from_text", 1,
		    buf);
	} else if (year == 0)
		errlist_add(notes, path, line, 0, "import.no_year", 0);
	read_preface(d, r, organ != NULL ? last + 1 : 0, end, path, notes);
	clean = text_sanitize(organ != NULL ? organ : "",
	    organ != NULL ? strlen(organ) : 0, false);
	report_set_organ(r, clean);
	report_set_year(r, year);
	free(clean);
	free(organ);
}

static void
read_tables(const struct doc *d, struct report *r, const char *path,
    struct import_txt_info *info, struct errlist *notes)
{
	const struct tpl	*t = report_tpl(r);
	struct import_tab_ctx	 x = { 0 };
	enum import_scan_layout	 lay;
	size_t			 k, from, to, c;
	bool			 first = true;

	x.r = r;
	x.path = path;
	x.notes = notes;
	x.spaced_doc = d->spaced;
	for (k = 0; k < t->nsections && !x.runs_doc; k++)
		if (t->sections[k].kind == TPL_TABLES && d->head[k] >= 0) {
			body(d, t, k, &from, &to);
			x.runs_doc = import_scan_looks_runs(d->l + from,
			    to - from, d->spaced);
		}
	x.printed = xcalloc(t->ncells, sizeof *x.printed);
	x.has_printed = xcalloc(t->ncells, sizeof *x.has_printed);
	x.seen = xcalloc(t->ncells, sizeof *x.seen);
	x.line = xcalloc(t->ncells, sizeof *x.line);
	for (k = 0; k < t->nsections; k++) {
		if (t->sections[k].kind != TPL_TABLES || d->head[k] < 0)
			continue;
		body(d, t, k, &from, &to);
		lay = import_tab_read(&x, d->l + from, to - from, (int)k);
		if (lay == IMPORT_SCAN_NONE)
			continue;
		if (!first && lay != info->layout)
			info->mixed = true;
		if (first)
			info->layout = lay;
		first = false;
	}
	import_tab_publish(&x);
	for (c = 0; c < t->ncells; c++)
		info->cells_read += x.seen[c];
	free(x.printed);
	free(x.has_printed);
	free(x.seen);
	free(x.line);
}

/* A heading found without the format's own numbering (一、): "1、 总体
 *情况", "（一）总体情况" or no number at all (import.heading_number). */
static void
note_numbering(const struct doc *d, const struct tpl *t, size_t k,
    const char *path, struct errlist *notes)
{
	const struct import_line *l = &d->l[d->head[k]];
	char		*key = labelnorm_key(l->s);
	const char	*rest;
	char		 style = 0;
	int		 num = labelnorm_number(key, &rest, &style);

	if (num != (int)k + 1 || style != 'c')
		errlist_add(notes, path, l->no, 0, "import.heading_number", 4,
		    t->sections[k].number,
		    tpl_label(&t->sections[k].title, LANG_ZH),
		    tpl_label(&t->sections[k].title, LANG_EN), l->s);
	free(key);
}

struct report *
import_txt_read(const char *text, size_t len, const int *srcline,
    size_t nsrc, const char *path, const struct tpl *t,
    struct import_txt_info *info, struct errlist *notes, struct err *err)
{
	struct doc	 d = { 0 };
	struct report	*r = report_new(t);
	size_t		 k;

	memset(info, 0, sizeof *info);
	split(&d, text, len);
	for (k = 0; srcline != NULL && k < d.n; k++)
		if (d.l[k].no > 0 && (size_t)d.l[k].no <= nsrc)
			d.l[k].no = srcline[d.l[k].no - 1];
	info->spaced = d.spaced;
	info->nheadings = find_headings(&d, t);
	if (info->nheadings < (int)tpl_numbered(t))
		info->nheadings = cut_runin(&d, t, info->nheadings);
	for (k = 0; k < tpl_numbered(t); k++) {
		if (d.head[k] < 0)
			errlist_add(notes, path, 0, 0, "import.no_heading", 3,
			    t->sections[k].number,
			    tpl_label(&t->sections[k].title, LANG_ZH),
			    tpl_label(&t->sections[k].title, LANG_EN));
		else {
			note_numbering(&d, t, k, path, notes);
			if (t->sections[k].kind == TPL_NARRATIVE)
				read_narrative(&d, r, k, path, notes);
		}
	}
	read_title(&d, r, path, notes);
	read_tables(&d, r, path, info, notes);
	if (d.l != d.runin.l)
		free(d.l);
	import_runin_done(&d.runin);
	free(d.buf);
	free(d.head);
	if (info->nheadings < 2 && info->cells_read == 0) {
		report_free(r);
		err_set(err, path, 0, 0, "import.e_not_report", 0);
		return (NULL);
	}
	return (r);
}
