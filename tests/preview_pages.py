#!/usr/bin/python3
"""Does the print preview paginate as the exported .docx does in LibreOffice?

Usage: preview_pages.py --nb NIANBAO --fontconf FONTCONF [--keep DIR]
                        REPORT...

Each report is a nianbao .yaml, a published .txt (imported first), or
"blank:" / "full:" for a new report made here (blank, or every input cell
filled with a number up to five digits and long text in every section).
Every .docx is exported with `nianbao export -f docx`, and all of them
are converted to PDF in one LibreOffice run, with the fontconfig file
`nianbao export -f pdf` would use (written by FONTCONF, tests/fontconf.c),
so that the pages are those of nianbao's own PDF.

For each report it compares `nianbao preview --starts` (what each preview
page begins with) with the PDF:
  - the number of pages;
  - each page's beginning: its first characters (spaces dropped) are
    found in the top 40 pt of the PDF page's text (pdftotext -bbox).
Prints a line per report with both page counts and every page that
differs; exits 1 when any differs, 77 when LibreOffice or pdftotext is
not installed.  Every file goes into a temporary folder that is removed
(with --keep, the PDFs are copied there to be looked at).
"""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

SPACE = re.compile(r"[\s\u3000]+")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" '
                  r'yMax="[\d.]+">([^<]*)</word>')
TOP = 40.0      # points below the page's first text
KEY = 6         # characters of a page's beginning compared
BODY_END = 745  # points: the bottom of the text area (A4, 35 mm margin)


def run(*argv, env=None):
    return subprocess.run(argv, capture_output=True, timeout=600, env=env)


def must(out, what):
    if out.returncode != 0:
        raise SystemExit("%s failed: %s" % (what, out.stderr.decode()))
    return out.stdout.decode()


def make(nb, kind, path, tmp):
    """A new report: blank, or every input cell and section filled."""
    must(run(nb, "new", "--organ", "某某市某某区某某街道办事处",
             "--year", "2025", path), "new")
    if kind == "blank":
        return
    import json
    tpl = json.loads(must(run(nb, "template", "show", "gb2021", "--json"),
                          "template show"))
    sets = []
    for i, c in enumerate(tpl["cells"]):
        if c["input"]:
            v = (i * 7919) % 12000
            sets.append("%s=%s" % (c["id"], v if c["type"] == "count"
                                   else "%d.5" % (v % 100)))
    must(run(nb, "set", path, *sets), "set cells")
    para = ("本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实"
            "《中华人民共和国政府信息公开条例》，围绕“公开为常态、不公开为例外”"
            "原则，2025年共主动公开政府信息1234条，其中政策文件56件。")
    for sec, n in (("s1", 6), ("s2", 2), ("s5", 3), ("s6", 2)):
        txt = os.path.join(tmp, sec + ".txt")
        with open(txt, "w") as f:
            f.write("\n".join("（%s）标题。%s" % ("一二三四五六"[k],
                                                para * (k % 3 + 1))
                              for k in range(n)))
        must(run(nb, "set", path, "%s=@%s" % (sec, txt)), "set " + sec)


def pdf_tops(pdf):
    """For each page, its text in the top TOP points, spaces dropped."""
    out = run("pdftotext", "-bbox", pdf, "-").stdout.decode()
    tops = []
    for page in out.split("<page ")[1:]:
        words = [(float(y), float(x), html.unescape(t))
                 for x, y, t in WORD.findall(page)]
        # The page number "— N —", under the body, is not text of it.
        words = [w for w in words if w[0] < BODY_END]
        if not words:
            tops.append("")
            continue
        y0 = min(w[0] for w in words)
        top = sorted(w for w in words if w[0] < y0 + TOP)
        tops.append("".join(w[2] for w in top))
    return tops


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nb", required=True)
    ap.add_argument("--fontconf", required=True)
    ap.add_argument("--keep")
    ap.add_argument("reports", nargs="+")
    args = ap.parse_args()
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None or shutil.which("pdftotext") is None:
        print("LibreOffice or pdftotext is not installed")
        return 77
    bad = 0
    tmp = tempfile.mkdtemp()
    try:
        names, previews = [], []
        for i, src in enumerate(args.reports):
            rep = os.path.join(tmp, "r%d.yaml" % i)
            if src in ("blank:", "full:"):
                make(args.nb, src[:-1], rep, tmp)
            elif src.endswith(".yaml"):
                shutil.copy(src, rep)
            else:
                # The "# source:" line of tests/data/real/src-*.txt is not
                # part of the report.
                with open(src, encoding="utf-8") as f:
                    text = f.read()
                if text.startswith("# source:"):
                    text = text.split("\n", 1)[1]
                txt = os.path.join(tmp, "r%d.txt" % i)
                with open(txt, "w", encoding="utf-8") as f:
                    f.write(text)
                must(run(args.nb, "import", "--force", "-o", rep, txt),
                     "import " + src)
            previews.append(must(run(args.nb, "preview", "--starts", rep),
                                 "preview").split("\n")[:-1])
            must(run(args.nb, "export", "-f", "docx", "-o",
                     os.path.join(tmp, "r%d.docx" % i), rep), "export")
            names.append(os.path.basename(src.rstrip(":")))
        conf = os.path.join(tmp, "fonts.conf")
        must(run(args.fontconf, conf), "fontconf")
        env = dict(os.environ, FONTCONFIG_FILE=conf)
        must(run(office, "-env:UserInstallation=file://" +
                 os.path.join(tmp, "profile"), "--headless",
                 "--convert-to", "pdf", "--outdir", os.path.join(tmp, "pdf"),
                 *[os.path.join(tmp, "r%d.docx" % i)
                   for i in range(len(names))], env=env), "LibreOffice")
        for i, name in enumerate(names):
            pdf = os.path.join(tmp, "pdf", "r%d.pdf" % i)
            if args.keep:
                shutil.copy(pdf, os.path.join(args.keep, name + ".pdf"))
            tops = pdf_tops(pdf)
            pv = previews[i]
            print("%s: preview %d pages, LibreOffice %d"
                  % (name, len(pv), len(tops)))
            if len(pv) != len(tops):
                bad += 1
            for k in range(min(len(pv), len(tops))):
                key = SPACE.sub("", pv[k])[:KEY]
                if key not in SPACE.sub("", tops[k]):
                    bad += 1
                    print("  page %d: preview begins %r, LibreOffice %r"
                          % (k + 1, key, tops[k][:30]))
    finally:
        shutil.rmtree(tmp)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
