#!/usr/bin/python3
"""Checks a .docx (and its PDF) made by nianbao against the report it came from.

Usage: docx_check.py --nb NIANBAO --report REPORT.yaml --docx OUT.docx
                     [--official TEMPLATE.docx] [--pdf OUT.pdf] CHECK...

CHECK is one or more of
  parts    every part is well-formed (xmllint --noout), the content types
           cover every part, every relationship target exists
  safety   the Word-safety rules: every run sets w:eastAsia, quotes carry
           w:hint="eastAsia", tblGrid + tcW everywhere and consistent,
           every cell ends with a paragraph, vMerge continues a restart,
           no table wider than the text area, GB/T 9704 page, fonts, sizes
           and indents, odd/even footers with a PAGE field, properties
  values   python-docx reads every value of the report back at the place
           the official form gives its row and column labels, and every
           narrative line back as a paragraph
  merges   every table has exactly the official form's rows, grid columns,
           gridSpan and vMerge, and the same header and label texts
  form     the tables as the official form lays them out (python-docx):
           the official template's label column widths whatever the
           values, 10 pt everywhere, row labels and the 勾稽 note
           left-aligned, rows kept together, one empty paragraph after
           each table, text typed in a table section after its tables
  print    LibreOffice's PDF of the .docx (pdftotext -bbox): the title in
           the lines of the .docx, each table whole on one page (block
           titles with their rows), 28 characters on every full line of
           a paragraph of 汉字, a line's space after each table
  lines    the official template filled with the report's values (by
           python-docx) and the .docx, both rendered by LibreOffice in one
           run: every label cell of 表三 and 表四 takes as many lines in
           one as in the other
  fonts    pdffonts: the PDF embeds a serif CJK face for the body, its
           bold for the title, a sans for 黑体, a 楷 for 楷体 when the
           official fonts are missing, and a serif for digits
  pdf      the PDF (from nianbao) is A4, shows the title, the six headings,
           every value and narrative line and "— 1 —", and nothing (text
           or table rule) lies outside the text area's left and right edges

The report's values and labels come from the nianbao binary itself
(export -f json, export -f txt, template show --json).  Exit status 0 when
every check passes, 1 otherwise (each failure is printed), 2 on bad usage.
"""
import argparse
import collections
import json
import re
import subprocess
import sys
import zipfile

from docx import Document
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
PAGE_W, PAGE_H = 11906, 16838
TOP, BOTTOM, LEFT, RIGHT = 2098, 1984, 1587, 1474
TEXT_W = PAGE_W - LEFT - RIGHT
SHARED = set("“”‘’")
NUMERIC = re.compile(r"^[0-9.,#\-]*$")

failures = []


def fail(what):
    failures.append(what)


def w(name):
    return "{%s}%s" % (W, name)


def wattr(el, name, default=None):
    return el.get(w(name), default)


def run(*argv):
    return subprocess.run(argv, check=True, capture_output=True).stdout


class Report:
    """What nianbao says the report holds."""

    def __init__(self, nb, path):
        self.json = json.loads(run(nb, "export", "-f", "json", path))
        self.text = run(nb, "export", "-f", "txt", path).decode()
        self.tpl = json.loads(run(nb, "template", "show",
                                  self.json["template"], "--json"))
        self.title = self.text.split("\n", 1)[0]
        self.headings = ["%s、%s" % (s["number"], s["title"])
                         for s in self.tpl["sections"]
                         if s["kind"] != "preface"]
        self.tables = []
        for c in self.tpl["cells"]:
            if c["table"] not in self.tables:
                self.tables.append(c["table"])

    def value(self, cell_id):
        v = self.json["cells"][cell_id]
        return "" if v is None else str(v)

    def lines(self):
        """Narrative lines as the .docx should print them."""
        out = []
        for s in self.tpl["sections"]:
            for line in self.json["sections"].get(s["id"], "").split("\n"):
                line = line.lstrip(" \t\r\u3000").rstrip(" \t\r")
                if line:
                    out.append(line)
        return out


# --- parts -----------------------------------------------------------------

def check_parts(z):
    names = [n for n in z.namelist() if not n.endswith("/")]
    for n in names:
        p = subprocess.run(["xmllint", "--noout", "-"], input=z.read(n),
                           capture_output=True)
        if p.returncode != 0:
            fail("xmllint %s: %s" % (n, p.stderr.decode().strip()))
    ct = etree.fromstring(z.read("[Content_Types].xml"))
    ctns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {d.get("Extension") for d in ct.iter(ctns + "Default")}
    overrides = {o.get("PartName").lstrip("/")
                 for o in ct.iter(ctns + "Override")}
    for n in names:
        if n == "[Content_Types].xml":
            continue
        if n not in overrides and n.rsplit(".", 1)[-1] not in defaults:
            fail("no content type for %s" % n)
    for o in overrides:
        if o not in names:
            fail("content type for a missing part %s" % o)
    for n in names:
        if not n.endswith(".rels"):
            continue
        base = n.replace("_rels/", "").rsplit(".rels", 1)[0]
        folder = base.rsplit("/", 1)[0] + "/" if "/" in base else ""
        for rel in etree.fromstring(z.read(n)):
            target = folder + rel.get("Target")
            if rel.get("TargetMode") != "External" and target not in names:
                fail("%s: relationship %s to a missing %s"
                     % (n, rel.get("Id"), target))
    rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    ids = {rel.get("Id") for rel in rels}
    doc = etree.fromstring(z.read("word/document.xml"))
    for el in doc.iter():
        rid = el.get("{%s}id" % R)
        if rid is not None and rid not in ids:
            fail("document.xml refers to a missing relationship %s" % rid)


# --- safety ----------------------------------------------------------------

def check_runs(part, root):
    for r in root.iter(w("r")):
        fonts = r.find("w:rPr/w:rFonts", NS)
        if fonts is None or not wattr(fonts, "eastAsia") or \
                not wattr(fonts, "ascii") or not wattr(fonts, "hAnsi"):
            fail("%s: a run without all of ascii/hAnsi/eastAsia fonts" % part)
            continue
        text = "".join(t.text or "" for t in r.iter(w("t")))
        if SHARED & set(text) and wattr(fonts, "hint") != "eastAsia":
            fail("%s: quotes without w:hint=eastAsia in %r" % (part, text))


def grid_rows(tbl):
    """[(tc, first grid column, span, vmerge)] per row."""
    rows = []
    for tr in tbl.findall("w:tr", NS):
        col, row = 0, []
        for tc in tr.findall("w:tc", NS):
            gs = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(wattr(gs, "val")) if gs is not None else 1
            vm = tc.find("w:tcPr/w:vMerge", NS)
            vmerge = None if vm is None else wattr(vm, "val", "continue")
            row.append((tc, col, span, vmerge))
            col += span
        rows.append(row)
    return rows


def check_table(i, tbl):
    cols = [int(wattr(g, "w")) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
    if not cols:
        fail("table %d: no tblGrid" % i)
        return
    tblw = tbl.find("w:tblPr/w:tblW", NS)
    if tblw is None or int(wattr(tblw, "w")) > TEXT_W or \
            wattr(tblw, "type") != "dxa":
        fail("table %d: tblW missing or wider than the text area" % i)
    if sum(cols) > TEXT_W:
        fail("table %d: grid %d twips, wider than the text area %d"
             % (i, sum(cols), TEXT_W))
    rows = grid_rows(tbl)
    for r, row in enumerate(rows):
        if sum(span for _, _, span, _ in row) != len(cols):
            fail("table %d row %d: spans do not cover the grid" % (i, r))
        for tc, col, span, vmerge in row:
            tcw = tc.find("w:tcPr/w:tcW", NS)
            if tcw is None or wattr(tcw, "type") != "dxa":
                fail("table %d row %d: a cell without tcW" % (i, r))
            elif int(wattr(tcw, "w")) != sum(cols[col:col + span]):
                fail("table %d row %d col %d: tcW %s is not its columns' %d"
                     % (i, r, col, wattr(tcw, "w"), sum(cols[col:col + span])))
            kids = [k for k in tc if k.tag != w("tcPr")]
            if not kids or kids[-1].tag != w("p"):
                fail("table %d row %d col %d: cell not ending with w:p"
                     % (i, r, col))
            if vmerge == "continue":
                above = [x for x in rows[r - 1] if x[1] == col] if r else []
                if not above or above[0][2] != span or above[0][3] is None:
                    fail("table %d row %d col %d: vMerge continues nothing"
                         % (i, r, col))


def para_fonts(p):
    return [wattr(f, "eastAsia") for f in p.iterfind("w:r/w:rPr/w:rFonts", NS)]


def para_sizes(p):
    return {wattr(s, "val") for s in p.iterfind("w:r/w:rPr/w:sz", NS)}


def check_body(rep, doc):
    body = doc.find("w:body", NS)
    paras = [p for p in body if p.tag == w("p")]
    title = paras[0]
    if "".join(title.itertext()) != rep.title or \
            set(para_fonts(title)) != {"方正小标宋简体"} or \
            para_sizes(title) != {"44"} or \
            wattr(title.find("w:pPr/w:jc", NS), "val") != "center":
        fail("title: not 2号 方正小标宋简体 centred: %r" % rep.title)
    lines = set(rep.lines())
    seen_heading = 0
    for p in paras[1:]:
        text = "".join(t.text or "" for t in p.iter(w("t")))
        if not text:
            continue
        ind = p.find("w:pPr/w:ind", NS)
        if ind is None or wattr(ind, "firstLine") != "640" or \
                wattr(ind, "firstLineChars") != "200":
            fail("no two-character first-line indent: %r" % text)
        fonts = para_fonts(p)
        if text in rep.headings:
            seen_heading += 1
            if set(fonts) != {"黑体"} or para_sizes(p) != {"32"}:
                fail("heading %r not in 3号 黑体" % text)
        elif text in lines:
            if re.match(r"^（[一二三四五六七八九十]+）", text):
                if fonts[0] != "楷体_GB2312":
                    fail("（一） line not in 楷体_GB2312: %r" % text)
            elif set(fonts) != {"仿宋_GB2312"} or para_sizes(p) != {"32"}:
                fail("body line not in 3号 仿宋_GB2312: %r" % text)
        else:
            fail("unexpected paragraph %r" % text)
    if seen_heading != len(rep.headings):
        fail("%d headings, expected %d" % (seen_heading, len(rep.headings)))


def check_section(doc):
    sect = doc.find("w:body/w:sectPr", NS)
    pg = sect.find("w:pgSz", NS)
    if (int(wattr(pg, "w")), int(wattr(pg, "h"))) != (PAGE_W, PAGE_H):
        fail("page is not A4")
    mar = sect.find("w:pgMar", NS)
    got = tuple(int(wattr(mar, k)) for k in ("top", "bottom", "left", "right"))
    if got != (TOP, BOTTOM, LEFT, RIGHT):
        fail("margins %s are not 37/35/28/26 mm" % (got,))
    grid = sect.find("w:docGrid", NS)
    if wattr(grid, "type") != "linesAndChars" or \
            wattr(grid, "linePitch") != "579" or \
            wattr(grid, "charSpace") is None:
        fail("docGrid is not 22 lines of 579 twips and 28 characters: %s"
             % dict(grid.attrib))
    refs = {wattr(f, "type"): f.get("{%s}id" % R)
            for f in sect.findall("w:footerReference", NS)}
    if set(refs) != {"default", "even"}:
        fail("footers for odd and even pages missing: %s" % refs)
    return refs


def check_footers(z, refs):
    rels = {r.get("Id"): "word/" + r.get("Target")
            for r in etree.fromstring(z.read("word/_rels/document.xml.rels"))}
    settings = etree.fromstring(z.read("word/settings.xml"))
    if settings.find("w:evenAndOddHeaders", NS) is None:
        fail("settings.xml lacks evenAndOddHeaders")
    for kind, jc in (("default", "right"), ("even", "left")):
        if kind not in refs:
            continue
        part = rels[refs[kind]]
        ftr = etree.fromstring(z.read(part))
        check_runs(part, ftr)
        p = ftr.find("w:p", NS)
        text = "".join(t.text or "" for t in p.iter(w("t")))
        instr = "".join(t.text or "" for t in p.iter(w("instrText")))
        if wattr(p.find("w:pPr/w:jc", NS), "val") != jc:
            fail("%s: page number not %s-aligned" % (part, jc))
        if instr.strip() != "PAGE" or not re.match(r"^—\s1\s—$", text):
            fail("%s: not '— PAGE —': %r %r" % (part, text, instr))
        if para_sizes(p) != {"28"} or set(para_fonts(p)) != {"宋体"}:
            fail("%s: page number not in 4号 宋体" % part)


def check_props(z, rep):
    core = etree.fromstring(z.read("docProps/core.xml"))
    dc = "{http://purl.org/dc/elements/1.1/}"
    if core.findtext(dc + "title") != rep.title:
        fail("core.xml title %r" % core.findtext(dc + "title"))
    if core.findtext(dc + "creator") != rep.json["organ"]:
        fail("core.xml creator %r" % core.findtext(dc + "creator"))
    created = core.findtext("{http://purl.org/dc/terms/}created") or ""
    if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", created):
        fail("core.xml created %r" % created)


def check_safety(z, rep):
    doc = etree.fromstring(z.read("word/document.xml"))
    check_runs("document.xml", doc)
    for i, tbl in enumerate(doc.iter(w("tbl"))):
        check_table(i, tbl)
    check_body(rep, doc)
    check_footers(z, check_section(doc))
    check_props(z, rep)
    styles = etree.fromstring(z.read("word/styles.xml"))
    d = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    if wattr(d.find("w:rFonts", NS), "eastAsia") != "仿宋_GB2312" or \
            wattr(d.find("w:rFonts", NS), "ascii") != "Times New Roman" or \
            wattr(d.find("w:sz", NS), "val") != "32":
        fail("styles.xml defaults are not 3号 仿宋_GB2312/Times New Roman")
    op = styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:overflowPunct", NS)
    # "1": what LibreOffice reads as no hanging (see docx_parts.c).
    if op is None or wattr(op, "val") != "1":
        fail("styles.xml lets punctuation hang into the margin in "
             "LibreOffice")


# --- values and merges -------------------------------------------------------

def grid(table):
    """[[(_tc identity, text)]] as python-docx reads the table."""
    out = []
    for row in table.rows:
        out.append([(c._tc, re.sub(r"\s+", "", c.text)) for c in row.cells])
    return out


def label_positions(g):
    """{(row path, col path): (r, c)} of the value cells of a grid whose
    labels are its non-numeric texts (the official form, or ours)."""
    def is_label(t):
        return t != "" and not NUMERIC.match(t)
    out = {}
    title, block = "", 0
    for r, row in enumerate(g):
        if len({id(tc) for tc, _ in row}) == 1 and is_label(row[0][1]) \
                and len(row) > 1:
            title, block = row[0][1], r + 1
            continue
        for c, (tc, text) in enumerate(row):
            if is_label(text) or (c and row[c - 1][0] is tc):
                continue
            rows, cols = [], []
            for k in range(c):
                if is_label(row[k][1]) and row[k][0] is not tc and \
                        (not rows or row[k][1] != rows[-1]):
                    rows.append(row[k][1])
            for k in range(block, r):
                t = g[k][c][1]
                if is_label(t) and g[k][c][0] is not tc and \
                        (not cols or t != cols[-1]):
                    cols.append(t)
            if not cols:
                continue
            if title:
                rows.insert(0, title)
            out[("/".join(rows), "/".join(cols))] = (r, c)
    return out


def check_values(rep, ours, oracle):
    ndocs = len(ours.tables)
    if ndocs != len(rep.tables):
        fail("%d tables, expected %d" % (ndocs, len(rep.tables)))
        return
    found = 0
    for ti, tid in enumerate(rep.tables):
        g = grid(ours.tables[ti])
        where = label_positions(grid(oracle.tables[ti]))
        for cell in (c for c in rep.tpl["cells"] if c["table"] == tid):
            key = (cell["row_label"], cell["col_label"])
            if key not in where:
                fail("%s: no cell labelled %s | %s in table %d"
                     % (cell["id"], key[0], key[1], ti))
                continue
            r, c = where.pop(key)
            want, got = rep.value(cell["id"]), g[r][c][1]
            if want != got:
                fail("%s at row %d col %d: %r, expected %r"
                     % (cell["id"], r, c, got, want))
            found += 1
        for key in where:
            fail("table %d: a value place labelled %s that no cell fills"
                 % (ti, key))
    if found != len(rep.tpl["cells"]):
        fail("read back %d of %d cells" % (found, len(rep.tpl["cells"])))
    paras = [p.text for p in ours.paragraphs]
    for line in rep.lines():
        if line not in paras:
            fail("narrative line not read back: %r" % line)


def structure(tbl):
    out = []
    for row in grid_rows(tbl):
        out.append([(col, span, vmerge or "",
                     re.sub(r"\s+", "", "".join(tc.itertext())))
                    for tc, col, span, vmerge in row])
    return out


def check_merges(z, official):
    ours = etree.fromstring(z.read("word/document.xml")).findall(
        "w:body/w:tbl", NS)
    theirs = etree.fromstring(official.read("word/document.xml")).findall(
        "w:body/w:tbl", NS)
    if len(ours) != len(theirs):
        fail("%d tables, the official form has %d" % (len(ours), len(theirs)))
    for i, (a, b) in enumerate(zip(ours, theirs)):
        na = len(a.findall("w:tblGrid/w:gridCol", NS))
        nb = len(b.findall("w:tblGrid/w:gridCol", NS))
        if na != nb:
            fail("table %d: %d grid columns, official %d" % (i, na, nb))
        sa, sb = structure(a), structure(b)
        if len(sa) != len(sb):
            fail("table %d: %d rows, official %d" % (i, len(sa), len(sb)))
        for r, (ra, rb) in enumerate(zip(sa, sb)):
            shape_a = [x[:3] for x in ra]
            shape_b = [x[:3] for x in rb]
            if shape_a != shape_b:
                fail("table %d row %d: cells %s, official %s"
                     % (i, r, shape_a, shape_b))
                continue
            for x, y in zip(ra, rb):
                if y[3] and x[3] != y[3]:
                    fail("table %d row %d col %d: %r, official %r"
                         % (i, r, x[0], x[3], y[3]))


# --- pdf ---------------------------------------------------------------------

def unxml(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace(
        "&quot;", '"').replace("&amp;", "&")


def pdf_words_y(pdf):
    """[(xmin, xmax, text, page, ymin)] from pdftotext -bbox, in order."""
    html = run("pdftotext", "-bbox", pdf, "-").decode()
    words, page = [], 0
    for line in html.split("\n"):
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                      r'xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line)
        if m:
            words.append((float(m.group(1)), float(m.group(3)),
                          unxml(m.group(4)), page, float(m.group(2))))
    return words


def pdf_words(pdf):
    """[(xmin, xmax, text, page)] from pdftotext -bbox."""
    html = run("pdftotext", "-bbox", pdf, "-").decode()
    words, page = [], 0
    for line in html.split("\n"):
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"'
                      r' yMax="[\d.]+">(.*)</word>', line)
        if m:
            text = unxml(m.group(3))
            words.append((float(m.group(1)), float(m.group(2)), text, page))
    return words


def ink_outside(pdf, left, right):
    """Pages with dark pixels left of `left` or right of `right` (points),
    rendered at 72 dpi so that one pixel is one point."""
    data = run("pdftoppm", "-r", "72", "-gray", pdf)
    bad, page, pos = [], 0, 0
    while pos < len(data):
        page += 1
        fields, p = [], pos
        while len(fields) < 4:
            while data[p:p + 1].isspace():
                p += 1
            q = p
            while not data[q:q + 1].isspace():
                q += 1
            fields.append(data[p:q])
            p = q
        width, height = int(fields[1]), int(fields[2])
        p += 1
        pix = data[p:p + width * height]
        pos = p + width * height
        for y in range(height):
            row = pix[y * width:(y + 1) * width]
            if any(v < 160 for v in row[:int(left)]) or \
                    any(v < 160 for v in row[int(right) + 1:]):
                bad.append(page)
                break
    return bad


def check_pdf(rep, pdf):
    info = run("pdfinfo", "-f", "1", "-l", "999", pdf).decode()
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    if not sizes:
        fail("pdfinfo found no pages")
    for wd, ht in sizes:
        if abs(float(wd) - 595.28) > 1 or abs(float(ht) - 841.89) > 1:
            fail("a page is %s x %s pt, not A4" % (wd, ht))
    text = run("pdftotext", pdf, "-").decode()
    flat = re.sub(r"\s+", "", text)
    for want in [rep.title] + rep.headings + rep.lines():
        if re.sub(r"\s+", "", want) not in flat:
            fail("PDF text lacks %r" % want)
    if "— 1 —" not in text:
        fail("PDF text lacks the page number '— 1 —'")
    words = pdf_words(pdf)
    have = collections.Counter(t for _, _, t, _ in words)
    want = collections.Counter(rep.value(c["id"]) for c in rep.tpl["cells"])
    for v, n in want.items():
        if v and have[v] < n:
            fail("PDF shows %r %d times, expected at least %d"
                 % (v, have[v], n))
    left, right = LEFT / 20, (PAGE_W - RIGHT) / 20
    for x0, x1, t, page in words:
        if x0 < left - 1 or x1 > right + 1:
            fail("page %d: %r at x %.1f-%.1f, outside the text area "
                 "%.1f-%.1f" % (page, t, x0, x1, left, right))
    for page in ink_outside(pdf, left - 2, right + 2):
        fail("page %d: something drawn outside the text area" % page)


# --- form and print (issue 14) ---------------------------------------------

def table_widths(table):
    return [int(wattr(g, "w")) for g in
            table._tbl.findall("w:tblGrid/w:gridCol", NS)]


def para_jc(p):
    jc = p._p.find("w:pPr/w:jc", NS)
    return None if jc is None else wattr(jc, "val")


def check_form(rep, ours, official):
    body = ours.element.body
    for i, (a, b) in enumerate(zip(ours.tables, official.tables)):
        wa, wb = table_widths(a), table_widths(b)
        nlab = {1: 3, 0: 1}.get(i, 0)
        if wa[:nlab] != wb[:nlab]:
            fail("table %d: label columns %s, official %s"
                 % (i, wa[:nlab], wb[:nlab]))
        if sum(wa) > TEXT_W:
            fail("table %d: %d twips, wider than the text" % (i, sum(wa)))
        for s in a._tbl.iter(w("sz")):
            if wattr(s, "val") != "20":
                fail("table %d: text in %s half-points, not 10 pt"
                     % (i, wattr(s, "val")))
                break
        rows = a._tbl.findall("w:tr", NS)
        for r, tr in enumerate(rows):
            if tr.find("w:trPr/w:cantSplit", NS) is None:
                fail("table %d row %d may split across pages" % (i, r))
            keep = [p.find("w:pPr/w:keepNext", NS) is not None
                    for p in tr.iter(w("p"))]
            if r + 1 < len(rows) and not all(keep):
                fail("table %d row %d: not kept with the next row" % (i, r))
        nxt = a._tbl.getnext()
        if nxt is None or nxt.tag != w("p") or \
                "".join(t.text or "" for t in nxt.iter(w("t"))):
            fail("table %d: no empty paragraph after it" % i)
    g = grid(ours.tables[1])
    for r, row in enumerate(g):
        for c, (tc, text) in enumerate(row):
            if c >= 3 or not text or NUMERIC.match(text):
                continue
            if r < 3 and c > 0:
                continue
            for p in ours.tables[1].rows[r].cells[c].paragraphs:
                if p.text and para_jc(p) != "left":
                    fail("表三 %r is %s-aligned, the form left-aligns it"
                         % (text, para_jc(p)))
    # Text typed in a table section follows its tables.
    order = [("t", None) if el.tag == w("tbl") else
             ("p", "".join(t.text or "" for t in el.iter(w("t"))))
             for el in body
             if el.tag in (w("tbl"), w("p"))]
    for sec in rep.tpl["sections"]:
        text = rep.json["sections"].get(sec["id"], "").strip()
        if sec["kind"] != "tables" or not text:
            continue
        first = text.split("\n")[0].strip(" \u3000")
        idx = [k for k, (kind, t) in enumerate(order) if t == first]
        head = [k for k, (kind, t) in enumerate(order)
                if t == "%s、%s" % (sec["number"], sec["title"])]
        if not idx:
            fail("text of %s is not in the document" % sec["id"])
        elif not head or not any(kind == "t" for kind, _ in
                                 order[head[0]:idx[0]]):
            fail("text of %s is not after its tables" % sec["id"])


def pdf_lines(pdf):
    """[(page, y, x0, x1, text)] of pdftotext -bbox lines, words joined."""
    html = run("pdftotext", "-bbox-layout", pdf, "-").decode()
    out, page = [], 0
    for line in html.split("\n"):
        if "<page " in line:
            page += 1
        m = re.search(r'<line xMin="([\d.]+)" yMin="([\d.]+)" '
                      r'xMax="([\d.]+)"', line)
        if m:
            cur = [page, float(m.group(2)), float(m.group(1)),
                   float(m.group(3)), ""]
            out.append(cur)
        m = re.search(r'<word [^>]*>(.*)</word>', line)
        if m and out:
            out[-1][4] += unxml(m.group(1))
    return [tuple(x) for x in out]


def check_print(z, pdf):
    doc = etree.fromstring(z.read("word/document.xml"))
    body = doc.find("w:body", NS)
    title = body.find("w:p", NS)
    want, cur = [], ""
    for el in title.iter(w("t"), w("br")):
        if el.tag == w("br"):
            want.append(cur)
            cur = ""
        else:
            cur += el.text or ""
    want.append(cur)
    lines = pdf_lines(pdf)
    got = [re.sub(r"\s+", "", t) for _, _, _, _, t in lines[:len(want)]]
    if got != want:
        fail("title printed as %s, the .docx has %s" % (got, want))
    pages = collections.defaultdict(set)
    for page, _, _, _, t in lines:
        pages[re.sub(r"\s+", "", t)].add(page)

    def same_page(a, b):
        pa, pb = pages.get(a), pages.get(b)
        if pa and pb and pa != pb:
            fail("%r on page %s, %r on page %s: the table is split"
                 % (a, sorted(pa), b, sorted(pb)))
    for a, b in (("第二十条第（一）项", "行政事业性收费"),
                 ("第二十条第（八）项", "行政事业性收费"),
                 ("一、本年新收政府信息公开申请数量", "四、结转下年度继续办理"),
                 ("（一）予以公开", "（七）总计")):
        same_page(a, b)
    left, right = LEFT / 20, (PAGE_W - RIGHT) / 20
    pitch = (right - left) / 28
    full = []
    for page, y, x0, x1, t in lines:
        t = re.sub(r"\s+", "", t)
        if not re.match(r"^[\u4e00-\u9fff，。、；：]{20,}$", t):
            continue
        if x1 < right - pitch:
            continue
        cells = len(t) + round((x0 - left) / pitch)
        full.append(cells)
        # 27 where the next character may not end a line (“, 《).
        if cells not in (27, 28):
            fail("page %d: %d characters a line, not 28: %r"
                 % (page, cells, t))
    if len(full) >= 3 and 28 not in full:
        fail("no line of 28 characters: %s" % full)
    # One empty line after 表四: its row of values, then 29 pt of nothing
    # before the text that follows (it touched the heading of 五).
    for i, (page, y, x0, x1, t) in enumerate(lines):
        if not re.sub(r"\s+", "", t).startswith("五、"):
            continue
        same = sorted(l for l in lines if l[0] == page and l[1] < y)
        nums = [l[1] for l in same if NUMERIC.match(re.sub(r"\s", "",
                                                            l[4]))]
        if not nums:
            continue
        after = [l[1] for l in same if l[1] > max(nums) + 1]
        nxt = min(after) if after else y
        if nxt - max(nums) < 35:
            fail("page %d: text %.0f pt under the last row of 表四, no "
                 "empty line between" % (page, nxt - max(nums)))


def check_fonts(z, pdf):
    out = run("pdffonts", pdf).decode()
    names = [l.split()[0] for l in out.split("\n")[2:] if l.strip()]
    have = " ".join(names)
    installed = run("fc-list", ":", "family").decode()
    doc = z.read("word/document.xml").decode()
    if not re.search(r'w:eastAsia="楷体_GB2312"[^>]*/>(<w:sz [^>]*/>'
                     r'<w:szCs [^>]*/>)?</w:rPr><w:t', doc):
        installed += "楷体_GB2312"     # no 楷体 text: nothing to embed
    for official, pattern in (("仿宋_GB2312", r"NotoSerifCJK\w*-Regular"),
                              ("方正小标宋简体", r"NotoSerifCJK\w*-Bold"),
                              ("黑体", r"NotoSansCJK\w*-Regular"),
                              ("楷体_GB2312", r"UKai"),
                              ("Times New Roman", r"LiberationSerif")):
        if official in installed:
            pattern = None
        if pattern and not re.search(pattern, have):
            fail("pdffonts: no %s for %s in %s" % (pattern, official, names))
    for l in out.split("\n")[2:]:
        if l.strip() and " yes " not in l:
            fail("pdffonts: a font not embedded: %s" % l)


def fill_official(rep, official, out):
    """The official template with the report's values in its cells."""
    doc = Document(official)
    for ti, tid in enumerate(rep.tables):
        where = label_positions(grid(doc.tables[ti]))
        for cell in (c for c in rep.tpl["cells"] if c["table"] == tid):
            key = (cell["row_label"], cell["col_label"])
            if key in where:
                r, c = where[key]
                doc.tables[ti].rows[r].cells[c].text = rep.value(cell["id"])
    doc.save(out)


def label_lines(pdf, labels):
    """{label: lines} of the labels as printed in a PDF: a label is found
    from its first word, on along its line and then down its cell's left
    edge, as long as the words read on as a prefix of it."""
    words = [(p, y, x0, x1, t) for x0, x1, t, p, y in pdf_words_y(pdf)]
    out = {}
    for label in labels:
        for i, (p, y, x0, x1, t) in enumerate(words):
            if not t or not label.startswith(t):
                continue
            got, n, line_y, edge, last = t, 1, y, x0, x1
            for q, y2, a0, a1, t2 in words[i + 1:]:
                if got == label or q != p:
                    break
                if abs(y2 - line_y) < 1 and abs(a0 - last) < 4 and \
                        label.startswith(got + t2):
                    got, last = got + t2, a1
                elif abs(a0 - edge) < 3 and 0 < y2 - line_y < 20 and \
                        label.startswith(got + t2):
                    got, n, line_y, last = got + t2, n + 1, y2, a1
            if got == label:
                out[label] = n
                break
    return out


def check_lines(rep, ours, official):
    import shutil
    import tempfile
    tmp = tempfile.mkdtemp()
    try:
        check_lines_in(rep, ours, official, tmp)
    finally:
        # The LibreOffice profile too: nothing is left behind.
        shutil.rmtree(tmp, ignore_errors=True)


def check_lines_in(rep, ours, official, tmp):
    import os
    filled = os.path.join(tmp, "official.docx")
    fill_official(rep, official, filled)
    mine = os.path.join(tmp, "ours.docx")
    with open(ours, "rb") as f, open(mine, "wb") as g:
        g.write(f.read())
    run("soffice", "-env:UserInstallation=file://" + tmp + "/profile",
        "--headless", "--convert-to", "pdf", "--outdir", tmp, filled, mine)
    labels = set()
    for tbl in Document(official).tables[1:3]:
        for row in tbl.rows:
            for c in row.cells:
                t = re.sub(r"\s+", "", c.text)
                if t and not NUMERIC.match(t):
                    labels.add(t)
    a = label_lines(os.path.join(tmp, "ours.pdf"), labels)
    b = label_lines(os.path.join(tmp, "official.pdf"), labels)
    if len(b) < 20:
        fail("only %d label cells found in the official rendering" % len(b))
    for label, n in sorted(b.items()):
        if label not in a:
            fail("label %r: not one cell in our rendering" % label)
        elif a[label] != n:
            fail("label %r: %d lines, %d on the official form"
                 % (label, a[label], n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nb", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--docx", required=True)
    ap.add_argument("--official")
    ap.add_argument("--pdf")
    ap.add_argument("checks", nargs="+",
                    choices=["parts", "safety", "values", "merges", "pdf",
                             "form", "print", "lines", "fonts"])
    a = ap.parse_args()
    rep = Report(a.nb, a.report)
    z = zipfile.ZipFile(a.docx)
    if "parts" in a.checks:
        check_parts(z)
    if "safety" in a.checks:
        check_safety(z, rep)
    if "values" in a.checks:
        ours = Document(a.docx)
        check_values(rep, ours, Document(a.official) if a.official else ours)
    if "merges" in a.checks:
        if not a.official:
            ap.error("merges needs --official")
        check_merges(z, zipfile.ZipFile(a.official))
    if "pdf" in a.checks:
        if not a.pdf:
            ap.error("pdf needs --pdf")
        check_pdf(rep, a.pdf)
    if "form" in a.checks:
        if not a.official:
            ap.error("form needs --official")
        check_form(rep, Document(a.docx), Document(a.official))
    if "print" in a.checks:
        if not a.pdf:
            ap.error("print needs --pdf")
        check_print(z, a.pdf)
    if "fonts" in a.checks:
        if not a.pdf:
            ap.error("fonts needs --pdf")
        check_fonts(z, a.pdf)
    if "lines" in a.checks:
        if not a.official:
            ap.error("lines needs --official")
        check_lines(rep, a.docx, a.official)
    for f in failures:
        print("FAIL:", f)
    print("%s: %d failures" % (" ".join(a.checks), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
