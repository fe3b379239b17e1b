/*
 * The fixed parts of the .docx package and the shared run writer; see
 * docx_parts.h.  Parts that carry no user data are literals; those that do
 * (core.xml, app.xml) go through xmlw for escaping.  Element order inside
 * every part follows the ECMA-376 schema sequences (Word rejects a
 * document whose rPr or pPr children are out of order).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "docx_parts.h"
#include "sbuf.h"
#include "xmalloc.h"
#include "xmlw.h"

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define CT "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static char *
content_types(const struct docx_meta *m)
{
	struct sbuf	b;
	size_t		i;

	(void)m;
	sbuf_init(&b);
	sbuf_adds(&b, XML_DECL
	    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	    "content-types\">"
	    "<Default Extension=\"rels\" ContentType=\"application/"
	    "vnd.openxmlformats-package.relationships+xml\"/>"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
	for (i = 0; i < docx_nparts; i++)
		if (docx_parts[i].type != NULL)
			sbuf_addf(&b, "<Override PartName=\"/%s\" "
			    "ContentType=\"%s\"/>", docx_parts[i].name,
			    docx_parts[i].type);
	sbuf_adds(&b, "</Types>");
	return (sbuf_take(&b));
}

static char *
package_rels(const struct docx_meta *m)
{
	(void)m;
	return (xstrdup(XML_DECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" "
	    "Target=\"word/document.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
	    "package/2006/relationships/metadata/core-properties\" "
	    "Target=\"docProps/core.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" REL "extended-properties\" "
	    "Target=\"docProps/app.xml\"/>"
	    "</Relationships>"));
}

static char *
document_rels(const struct docx_meta *m)
{
	(void)m;
	return (xstrdup(XML_DECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"" REL "styles\" "
	    "Target=\"styles.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"" REL "settings\" "
	    "Target=\"settings.xml\"/>"
	    "<Relationship Id=\"" DOCX_RID_FOOTER_ODD "\" Type=\"" REL
	    "footer\" Target=\"footer1.xml\"/>"
	    "<Relationship Id=\"" DOCX_RID_FOOTER_EVEN "\" Type=\"" REL
	    "footer\" Target=\"footer2.xml\"/>"
	    "<Relationship Id=\"rId5\" Type=\"" REL "fontTable\" "
	    "Target=\"fontTable.xml\"/>"
	    "</Relationships>"));
}

#define FONTS(latin, ea) "<w:rFonts w:ascii=\"" latin "\" w:hAnsi=\"" latin \
	"\" w:eastAsia=\"" ea "\" w:cs=\"" latin "\"/>"
/*
 * Punctuation hanging into the margin (GB/T 9704: 撑满版心, not past it).
 * LibreOffice (7.4, measured) reads w:overflowPunct inverted: "0" and no
 * element at all let "，" and "。" hang 14 pt past the margin, "1" keeps
 * them inside; Word and WPS, by ECMA-376 §17.3.1.21, read "1" as allowing
 * it.  No value means "no hanging" to both, and the PDF and the printed
 * pages come from LibreOffice: "1".  (An mc:AlternateContent choice per
 * reader would depend on which namespaces each knows; not done.)
 */
#define NOHANG "<w:overflowPunct w:val=\"1\"/>"
/* Body text half a point narrower than 3号 (see styles()). */
#define CONDENSE "<w:spacing w:val=\"-10\"/>"
#define NOCONDENSE "<w:spacing w:val=\"0\"/>"
#define EXACT "<w:spacing w:line=\"579\" w:lineRule=\"exact\"/>"
#define SINGLE "<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" " \
	"w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"

/* Paragraph style id, name, pPr body, rPr body. */
#define PSTYLE(id, name, ppr, rpr) "<w:style w:type=\"paragraph\" " \
	"w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" \
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>" \
	"<w:pPr>" ppr "</w:pPr><w:rPr>" rpr "</w:rPr></w:style>"

/*
 * The styles.  Normal states its size (3号) although the defaults say it
 * too: LibreOffice takes the character grid's base width from the Normal
 * style alone (12 pt when it has none), and would then give every 16 pt
 * character two grid cells, 18 characters a line instead of 28.  With the
 * pitch of 3号 (export_docx.h), LibreOffice fits 28 characters in the
 * line only when they are a little narrower than the pitch: Normal's
 * characters are condensed by 0.5 pt (measured: 27 a line without).  The
 * title does not snap to the character grid (a 2号 character would take
 * two cells); table text and footers neither.
 */
static char *
styles(const struct docx_meta *m)
{
	char	*s = xstrdup(XML_DECL
	    "<w:styles xmlns:w=\"" DOCX_NS_W "\">"
	    "<w:docDefaults><w:rPrDefault><w:rPr>"
	    FONTS("Times New Roman", "仿宋_GB2312")
	    "<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
	    "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
	    "</w:rPr></w:rPrDefault>"
	    "<w:pPrDefault><w:pPr>" NOHANG EXACT "<w:jc w:val=\"both\"/></w:pPr>"
	    "</w:pPrDefault></w:docDefaults>"
	    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	    "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	    "<w:widowControl w:val=\"0\"/>" NOHANG EXACT
	    "<w:jc w:val=\"both\"/>"
	    "</w:pPr><w:rPr>" CONDENSE "<w:sz w:val=\"32\"/>"
	    "<w:szCs w:val=\"32\"/></w:rPr></w:style>"
	    PSTYLE("Title", "Title", "<w:snapToGrid w:val=\"0\"/>" EXACT
		"<w:jc w:val=\"center\"/>",
		FONTS("Times New Roman", "方正小标宋简体") NOCONDENSE
		"<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>")
	    PSTYLE("Heading1", "heading 1", "<w:keepNext/>" EXACT
		"<w:outlineLvl w:val=\"0\"/>",
		FONTS("Times New Roman", "黑体"))
	    PSTYLE("Heading2", "heading 2", "<w:keepNext/>" EXACT
		"<w:outlineLvl w:val=\"1\"/>",
		FONTS("Times New Roman", "楷体_GB2312"))
	    PSTYLE("TableText", "Table Text", SINGLE "<w:jc w:val=\"center\"/>",
		FONTS("Times New Roman", "宋体") NOCONDENSE
		"<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
	    PSTYLE("Footer", "footer", SINGLE,
		FONTS("宋体", "宋体") NOCONDENSE "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
	    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	    "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/>"
	    "<w:semiHidden/><w:unhideWhenUsed/><w:tblPr>"
	    "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	    "<w:bottom w:w=\"0\" w:type=\"dxa\"/>"
	    "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	    "</w:style>"
	    "</w:styles>");

	(void)m;
	return (s);
}

static char *
settings(const struct docx_meta *m)
{
	(void)m;
	return (xstrdup(XML_DECL
	    "<w:settings xmlns:w=\"" DOCX_NS_W "\">"
	    "<w:zoom w:percent=\"100\"/>"
	    "<w:defaultTabStop w:val=\"420\"/>"
	    "<w:evenAndOddHeaders/>"
	    "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
	    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	    "</w:compat>"
	    "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
	    "</w:settings>"));
}

/* Font name, the name Windows ships it under, charset 86 (GB2312). */
#define FONT(name, alt, family, pitch) "<w:font w:name=\"" name "\">" \
	"<w:altName w:val=\"" alt "\"/><w:charset w:val=\"86\"/>" \
	"<w:family w:val=\"" family "\"/><w:pitch w:val=\"" pitch "\"/></w:font>"

static char *
font_table(const struct docx_meta *m)
{
	(void)m;
	return (xstrdup(XML_DECL
	    "<w:fonts xmlns:w=\"" DOCX_NS_W "\">"
	    "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/>"
	    "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
	    FONT("仿宋_GB2312", "仿宋", "modern", "fixed")
	    FONT("楷体_GB2312", "楷体", "modern", "fixed")
	    FONT("方正小标宋简体", "宋体", "script", "variable")
	    FONT("黑体", "SimHei", "modern", "fixed")
	    FONT("宋体", "SimSun", "auto", "variable")
	    "</w:fonts>"));
}

/*
 * "— N —" in 4号 宋体 with a PAGE field, one character (280 twips) in from
 * the right (odd pages) or the left (even pages).  The spaces beside the
 * number are EN SPACEs (U+2002, half a character whatever the font: a
 * plain space is far narrower in Chinese fonts, and pdftotext then reads
 * "—1—").
 */
static char *
footer(bool odd)
{
	static const struct docx_font	f = { "宋体", "宋体", 28 };
	struct sbuf			b;
	struct xmlw			w;

	sbuf_init(&b);
	xmlw_init(&w, &b);
	xmlw_decl(&w);
	xmlw_start(&w, "w:ftr");
	xmlw_attr(&w, "xmlns:w", DOCX_NS_W);
	xmlw_start(&w, "w:p");
	xmlw_start(&w, "w:pPr");
	xmlw_empty(&w, "w:pStyle", "w:val", "Footer");
	xmlw_start(&w, "w:ind");
	xmlw_attri(&w, odd ? "w:right" : "w:left", 280);
	xmlw_end(&w);
	xmlw_empty(&w, "w:jc", "w:val", odd ? "right" : "left");
	xmlw_end(&w);
	docx_runs(&w, "—\u2002", strlen("—\u2002"), &f);
	xmlw_start(&w, "w:r");
	docx_rpr(&w, &f, false);
	xmlw_empty(&w, "w:fldChar", "w:fldCharType", "begin");
	xmlw_end(&w);
	xmlw_start(&w, "w:r");
	docx_rpr(&w, &f, false);
	xmlw_start(&w, "w:instrText");
	xmlw_attr(&w, "xml:space", "preserve");
	xmlw_text(&w, " PAGE ", 6);
	xmlw_end(&w);
	xmlw_end(&w);
	xmlw_start(&w, "w:r");
	docx_rpr(&w, &f, false);
	xmlw_empty(&w, "w:fldChar", "w:fldCharType", "separate");
	xmlw_end(&w);
	docx_runs(&w, "1", 1, &f);
	xmlw_start(&w, "w:r");
	docx_rpr(&w, &f, false);
	xmlw_empty(&w, "w:fldChar", "w:fldCharType", "end");
	xmlw_end(&w);
	docx_runs(&w, "\u2002—", strlen("\u2002—"), &f);
	xmlw_end(&w);
	xmlw_end(&w);
	return (sbuf_take(&b));
}

static char *
footer_odd(const struct docx_meta *m)
{
	(void)m;
	return (footer(true));
}

static char *
footer_even(const struct docx_meta *m)
{
	(void)m;
	return (footer(false));
}

static void
element(struct xmlw *w, const char *name, const char *text)
{
	xmlw_start(w, name);
	xmlw_text(w, text, strlen(text));
	xmlw_end(w);
}

static char *
core(const struct docx_meta *m)
{
	struct sbuf	b;
	struct xmlw	w;
	struct tm	tm;
	char		date[32];

	gmtime_r(&m->date, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	sbuf_init(&b);
	xmlw_init(&w, &b);
	xmlw_decl(&w);
	xmlw_start(&w, "cp:coreProperties");
	xmlw_attr(&w, "xmlns:cp", "http://schemas.openxmlformats.org/package/"
	    "2006/metadata/core-properties");
	xmlw_attr(&w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	xmlw_attr(&w, "xmlns:dcterms", "http://purl.org/dc/terms/");
	xmlw_attr(&w, "xmlns:xsi",
	    "http://www.w3.org/2001/XMLSchema-instance");
	element(&w, "dc:title", m->title);
	element(&w, "dc:creator", m->organ);
	element(&w, "cp:lastModifiedBy", m->organ);
	element(&w, "dc:language", "zh-CN");
	xmlw_start(&w, "dcterms:created");
	xmlw_attr(&w, "xsi:type", "dcterms:W3CDTF");
	xmlw_text(&w, date, strlen(date));
	xmlw_end(&w);
	xmlw_start(&w, "dcterms:modified");
	xmlw_attr(&w, "xsi:type", "dcterms:W3CDTF");
	xmlw_text(&w, date, strlen(date));
	xmlw_end(&w);
	xmlw_end(&w);
	return (sbuf_take(&b));
}

static char *
app(const struct docx_meta *m)
{
	struct sbuf	b;
	struct xmlw	w;

	sbuf_init(&b);
	xmlw_init(&w, &b);
	xmlw_decl(&w);
	xmlw_start(&w, "Properties");
	xmlw_attr(&w, "xmlns", "http://schemas.openxmlformats.org/"
	    "officeDocument/2006/extended-properties");
	element(&w, "Application", "nianbao");
	element(&w, "Company", m->organ);
	xmlw_end(&w);
	return (sbuf_take(&b));
}

const struct docx_part docx_parts[] = {
	{ "[Content_Types].xml", NULL, content_types },
	{ "_rels/.rels", NULL, package_rels },
	{ "word/document.xml", CT "document.main+xml", NULL },
	{ "word/_rels/document.xml.rels", NULL, document_rels },
	{ "word/styles.xml", CT "styles+xml", styles },
	{ "word/settings.xml", CT "settings+xml", settings },
	{ "word/fontTable.xml", CT "fontTable+xml", font_table },
	{ "word/footer1.xml", CT "footer+xml", footer_odd },
	{ "word/footer2.xml", CT "footer+xml", footer_even },
	{ "docProps/core.xml",
	    "application/vnd.openxmlformats-package.core-properties+xml",
	    core },
	{ "docProps/app.xml", "application/"
	    "vnd.openxmlformats-officedocument.extended-properties+xml", app },
};
const size_t docx_nparts = sizeof docx_parts / sizeof docx_parts[0];

void
docx_rpr(struct xmlw *w, const struct docx_font *f, bool hint)
{
	xmlw_start(w, "w:rPr");
	xmlw_start(w, "w:rFonts");
	if (hint)
		xmlw_attr(w, "w:hint", "eastAsia");
	xmlw_attr(w, "w:ascii", f->latin);
	xmlw_attr(w, "w:hAnsi", f->latin);
	xmlw_attr(w, "w:eastAsia", f->ea);
	xmlw_attr(w, "w:cs", f->latin);
	xmlw_end(w);
	xmlw_emptyi(w, "w:sz", "w:val", f->size);
	xmlw_emptyi(w, "w:szCs", "w:val", f->size);
	xmlw_end(w);
}

/*
 * Whether the character at s[i] is one Word would otherwise print in the
 * Western font (“ ” ‘ ’ — ― … ·); *n gets its length in bytes.
 */
static bool
shared_char(const char *str, size_t len, size_t i, size_t *n)
{
	const unsigned char	*s = (const unsigned char *)str + i;
	size_t			 left = len - i;

	*n = s[0] < 0xc0 ? 1 : s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
	if (*n > left)
		*n = left;
	if (*n == 2 && left >= 2 && s[0] == 0xc2 && s[1] == 0xb7)
		return (true);
	if (*n != 3 || s[0] != 0xe2 || s[1] != 0x80)
		return (false);
	return (s[2] == 0x94 || s[2] == 0x95 || s[2] == 0x98 ||
	    s[2] == 0x99 || s[2] == 0x9c || s[2] == 0x9d || s[2] == 0xa6);
}

/* <w:t> for s[0..len), preserving spaces at its ends. */
static void
put_t(struct xmlw *w, const char *s, size_t len)
{
	if (len == 0)
		return;
	xmlw_start(w, "w:t");
	if (s[0] == ' ' || s[len - 1] == ' ')
		xmlw_attr(w, "xml:space", "preserve");
	xmlw_text(w, s, len);
	xmlw_end(w);
}

static void
put_run(struct xmlw *w, const char *s, size_t len,
    const struct docx_font *f, bool hint)
{
	const char	*tab;

	xmlw_start(w, "w:r");
	docx_rpr(w, f, hint);
	while ((tab = memchr(s, '\t', len)) != NULL) {
		put_t(w, s, (size_t)(tab - s));
		xmlw_empty(w, "w:tab", NULL, NULL);
		len -= (size_t)(tab - s) + 1;
		s = tab + 1;
	}
	put_t(w, s, len);
	xmlw_end(w);
}

void
docx_runs(struct xmlw *w, const char *text, size_t len,
    const struct docx_font *f)
{
	size_t	i = 0, j, n;
	bool	sh;

	while (i < len) {
		sh = shared_char(text, len, i, &n);
		for (j = i + n; j < len && shared_char(text, len, j, &n) == sh;
		    j += n)
			;
		put_run(w, text + i, j - i, f, sh);
		i = j;
	}
}
