#!/usr/bin/python3
"""Checks nianbao's web pages (export -f html) as a browser and a validator see them.

Usage: html_check.py --nb NIANBAO --official TEMPLATE.docx --out DIR
                     [--inject] REPORT...

Each REPORT is a nianbao file (.yaml) or a published report (.txt, first
line "# source:" dropped) that is imported first.  For each, the page is
exported into DIR, and then:

  valid      tidy (Debian's HTML5-aware tidy) reports no error, and
             html5lib's strict parser accepts the page;
  alone      no <script>, no src/href attribute, no <link>: nothing
             outside the page, no code;
  merges     every table has the rows, colspan and rowspan of the
             official form (gb2021 reports; the template's .docx gives
             them), and for every report the spans tile its grid;
  chromium   one headless Chromium run renders every page (in iframes of
             a page of the test's own): no console message, and in every
             table each cell's left and right edges are those of the grid
             columns it spans, so header cells stand exactly over their
             value columns; a screenshot of the first page is kept in DIR.

With --inject, a report whose text holds <script>, &, ", ]]> is made from
the first one: its page must show them as text and run nothing.
Exit status 0 when every check passes, 1 otherwise.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import html5lib
from lxml import etree

failures = []
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INJECT = '<script>alert(1)</script> & "引号" ]]> <b>粗</b>'


def fail(what):
    failures.append(what)


def run(*argv, **kw):
    return subprocess.run(argv, capture_output=True, **kw)


def page_for(nb, report, out):
    """Exports report (importing a .txt first) to out/NAME.html."""
    name = os.path.splitext(os.path.basename(report))[0]
    src = report
    if report.endswith(".txt"):
        with open(report, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if text.startswith("# source:"):
            text = text.split("\n", 1)[1]
        txt = os.path.join(out, name + ".txt")
        with open(txt, "w", encoding="utf-8") as f:
            f.write(text)
        src = os.path.join(out, name + ".yaml")
        p = run(nb, "import", "-o", src, txt)
        if not os.path.exists(src):
            fail("%s: import failed: %s" % (name, p.stderr.decode()))
            return None, None
    html = os.path.join(out, name + ".html")
    p = run(nb, "export", "-f", "html", "-o", html, src)
    if p.returncode != 0:
        fail("%s: export -f html: %s" % (name, p.stderr.decode()))
        return None, None
    tpl = json.loads(run(nb, "export", "-f", "json", src).stdout)["template"]
    return html, tpl


def check_valid(html):
    p = run("tidy", "-e", "-q", "--show-warnings", "no", html)
    if p.returncode >= 2:
        fail("%s: tidy: %s" % (html, p.stderr.decode().strip()))
    with open(html, "rb") as f:
        data = f.read()
    try:
        html5lib.HTMLParser(strict=True).parse(data)
    except Exception as e:     # html5lib raises ParseError and friends
        fail("%s: not valid HTML5: %s" % (html, e))
    doc = html5lib.parse(data, treebuilder="lxml",
                         namespaceHTMLElements=False)
    if doc.findall(".//script") or doc.findall(".//link") or \
            doc.xpath("//@src|//@href|//@*[starts-with(name(),'on')]"):
        fail("%s: a script, a link or an outside reference" % html)
    return doc


def spans(doc):
    """[[(colspan, rowspan)] per row] of every table of a parsed page."""
    out = []
    for t in doc.findall(".//table"):
        out.append([[(int(c.get("colspan", "1")), int(c.get("rowspan", "1")))
                     for c in tr if c.tag in ("td", "th")]
                    for tr in t.iter("tr")])
    return out


def official_spans(docx):
    """The same from the official template's tables."""
    doc = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    out = []
    for tbl in doc.iter(W + "tbl"):
        rows = []
        for tr in tbl.iter(W + "tr"):
            col, row = 0, []
            for tc in tr.findall(W + "tc"):
                pr = tc.find(W + "tcPr")
                gs = pr.find(W + "gridSpan") if pr is not None else None
                vm = pr.find(W + "vMerge") if pr is not None else None
                span = int(gs.get(W + "val")) if gs is not None else 1
                kind = None if vm is None else vm.get(W + "val", "continue")
                row.append([col, span, kind])
                col += span
            rows.append(row)
        table = []
        for r, row in enumerate(rows):
            cells = []
            for col, span, kind in row:
                if kind == "continue":
                    continue
                n = 1
                if kind == "restart":
                    for below in rows[r + 1:]:
                        hit = [k for c, s, k in below if c == col]
                        if not hit or hit[0] != "continue":
                            break
                        n += 1
                cells.append((span, n))
            table.append(cells)
        out.append(table)
    return out


def grid_cols(table_spans):
    """[[(first grid column, last + 1)] per row] walking rowspans."""
    taken, out = {}, []
    for r, row in enumerate(table_spans):
        col, cells = 0, []
        for cs, rs in row:
            while (r, col) in taken:
                col += 1
            cells.append((col, col + cs))
            for dr in range(rs):
                for dc in range(cs):
                    taken[(r + dr, col + dc)] = True
            col += cs
        out.append(cells)
    return out


def check_merges(name, got, tpl, official):
    for t, table in enumerate(got):
        width = max(c1 for row in grid_cols(table) for _, c1 in row)
        for r, row in enumerate(grid_cols(table)):
            used = sum(c1 - c0 for c0, c1 in row)
            if used > width:
                fail("%s table %d row %d: spans overrun the grid" %
                     (name, t, r))
    if tpl == "gb2021" and got != official:
        for t, (a, b) in enumerate(zip(got, official)):
            if a != b:
                fail("%s table %d: merges %s, official %s" % (name, t, a, b))
        if len(got) != len(official):
            fail("%s: %d tables, official %d" % (name, len(got),
                                                 len(official)))


WRAPPER = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
%s
<pre id="out"></pre>
<script>
window.onload = function () {
  var res = [];
  document.querySelectorAll("iframe").forEach(function (f) {
    var d = f.contentDocument, page = {name: f.dataset.name, tables: [],
      scripts: d.querySelectorAll("script").length,
      text: d.body ? d.body.textContent : ""};
    d.querySelectorAll("table").forEach(function (t) {
      var rows = [];
      t.querySelectorAll("tr").forEach(function (tr) {
        var cells = [];
        tr.querySelectorAll("th,td").forEach(function (c) {
          var b = c.getBoundingClientRect();
          cells.push([b.left, b.right, b.top, b.bottom]);
        });
        rows.push(cells);
      });
      page.tables.push(rows);
    });
    res.push(page);
  });
  document.getElementById("out").textContent = JSON.stringify(res);
};
</script></body></html>
"""


def chromium(args, out):
    return run("chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--user-data-dir=" +
               tempfile.mkdtemp(dir=out), "--enable-logging=stderr", "--v=0",
               *args, timeout=120)


def check_chromium(pages, out):
    frames = "\n".join('<iframe data-name="%s" src="%s" width="1000" '
                       'height="800"></iframe>' % (n, os.path.basename(h))
                       for n, h, _ in pages)
    wrapper = os.path.join(out, "wrapper.html")
    with open(wrapper, "w", encoding="utf-8") as f:
        f.write(WRAPPER % frames)
    p = chromium(["--allow-file-access-from-files",
                  "--virtual-time-budget=5000", "--dump-dom",
                  "file://" + wrapper], out)
    for line in p.stderr.decode(errors="replace").split("\n"):
        if "CONSOLE" in line or "Uncaught" in line or \
                "Failed to load resource" in line:
            fail("chromium console: %s" % line.strip())
    m = re.search(r'<pre id="out">(.*)</pre>', p.stdout.decode(), re.S)
    if not m or not m.group(1).strip():
        fail("chromium gave no measurements: %s" % p.stderr.decode()[-500:])
        return []
    text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace(
        "&quot;", '"').replace("&amp;", "&")
    res = json.loads(text)
    for page, (name, _, sp) in zip(res, pages):
        if page["scripts"]:
            fail("%s: the page has %d scripts" % (name, page["scripts"]))
        for t, (boxes, table) in enumerate(zip(page["tables"], sp)):
            check_boxes(name, t, boxes, grid_cols(table))
    first = pages[0][1]
    chromium(["--screenshot=" + os.path.join(out, "screenshot.png"),
              "--window-size=1000,2400", "file://" + first], out)
    if not os.path.exists(os.path.join(out, "screenshot.png")):
        fail("no screenshot")
    return res


def check_boxes(name, t, boxes, cols):
    """Every cell's edges are its grid columns' edges."""
    left, right = {}, {}
    for r, (brow, crow) in enumerate(zip(boxes, cols)):
        for (x0, x1, _, _), (c0, c1) in zip(brow, crow):
            left.setdefault(c0, []).append((x0, r))
            right.setdefault(c1, []).append((x1, r))
    for edges, what in ((left, "left"), (right, "right")):
        for c, xs in edges.items():
            lo, hi = min(x for x, _ in xs), max(x for x, _ in xs)
            if hi - lo > 1.5:
                fail("%s table %d: cells starting/ending at grid column %d "
                     "have %s edges from %.1f to %.1f px: a header does "
                     "not stand over its columns" % (name, t, c, what, lo,
                                                     hi))
    xs = [min(x for x, _ in left[c]) for c in sorted(left)]
    if xs != sorted(xs):
        fail("%s table %d: columns out of order %s" % (name, t, xs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nb", required=True)
    ap.add_argument("--official", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--inject", action="store_true")
    ap.add_argument("reports", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    official = official_spans(a.official)
    reports = list(a.reports)
    if a.inject:
        src = os.path.join(a.out, "inject.yaml")
        with open(reports[0], encoding="utf-8") as f:
            text = f.read()
        with open(src, "w", encoding="utf-8") as f:
            f.write(text)
        body = os.path.join(a.out, "inject.txt")
        with open(body, "w", encoding="utf-8") as f:
            f.write(INJECT + "\n")
        run(a.nb, "set", src, "s1=@" + body, "s3=@" + body,
            "organ=<i>某镇</i>&政府")
        reports.append(src)
    pages = []
    for rep in reports:
        html, tpl = page_for(a.nb, rep, a.out)
        if html is None:
            continue
        doc = check_valid(html)
        sp = spans(doc)
        check_merges(os.path.basename(html), sp, tpl, official)
        pages.append((os.path.basename(html), html, sp))
    res = check_chromium(pages, a.out) if pages else []
    if a.inject:
        shown = [p["text"] for p in res if p["name"] == "inject.html"]
        if not shown or INJECT not in shown[0] or \
                "<i>某镇</i>&政府" not in shown[0]:
            fail("inject.html does not show the typed text as text")
    for f in failures:
        print("FAIL:", f)
    print("html: %d pages, %d failures" % (len(pages), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
