#!/usr/bin/python3
"""Does the print preview paginate as the exported .docx does in LibreOffice?

Usage: preview_pages.py --nb NIANBAO REPORT...

For each report (a nianbao .yaml, or a published .txt that is imported
first): the preview's pages from `nianbao preview --plain` (pages
separated by form feeds), and the pages of `nianbao export -f pdf`
(LibreOffice's rendering of the very .docx the clerk gets), read with
pdftotext page by page.  It compares:

  - the number of pages;
  - the first line of text of each page (box-drawing characters and
    spaces dropped; the first eight characters compared, since table
    cells wrap at other widths in the terminal than in Word).

Prints a line per report with both page counts and each page's first
line that differs, and exits 1 when any differs, 77 when LibreOffice or
pdftotext is not installed.  Every file goes into a temporary folder
that is removed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

BOX = re.compile(r"[\s\u2500-\u257f\u3000]+")


def run(*argv):
    return subprocess.run(argv, capture_output=True, timeout=600)


def first_text(lines):
    """The first line with text, without boxes and spaces."""
    for ln in lines:
        t = BOX.sub("", ln)
        if t:
            return t
    return ""


def preview_pages(nb, report):
    out = run(nb, "preview", "--plain", report)
    if out.returncode != 0:
        raise SystemExit("preview failed: " + out.stderr.decode())
    pages = out.stdout.decode().split("\f")
    # Each page ends with its "— N —" line: not text of the page.
    return [first_text(p.split("\n")[:-2]) for p in pages]


def pdf_pages(nb, report, tmp):
    pdf = os.path.join(tmp, "r.pdf")
    out = run(nb, "export", "-f", "pdf", "-o", pdf, report)
    if out.returncode != 0:
        raise SystemExit("export -f pdf failed: " + out.stderr.decode())
    info = run("pdfinfo", pdf).stdout.decode()
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    firsts = []
    for i in range(1, n + 1):
        text = run("pdftotext", "-f", str(i), "-l", str(i), "-layout",
                   pdf, "-").stdout.decode()
        firsts.append(first_text(text.split("\n")))
    return firsts


def same(a, b, k=8):
    return a[:k] == b[:k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nb", required=True)
    ap.add_argument("reports", nargs="+")
    args = ap.parse_args()
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        print("LibreOffice or pdftotext is not installed")
        return 77
    bad = 0
    tmp = tempfile.mkdtemp()
    try:
        for src in args.reports:
            rep = src
            if not src.endswith(".yaml"):
                rep = os.path.join(tmp, "r.yaml")
                run(args.nb, "import", "--force", "-o", rep, src)
            pv = preview_pages(args.nb, rep)
            pdf = pdf_pages(args.nb, rep, tmp)
            name = os.path.basename(src)
            print("%s: preview %d pages, LibreOffice %d"
                  % (name, len(pv), len(pdf)))
            if len(pv) != len(pdf):
                bad += 1
            for i in range(min(len(pv), len(pdf))):
                if not same(pv[i], pdf[i]):
                    bad += 1
                    print("  page %d: preview %r, LibreOffice %r"
                          % (i + 1, pv[i][:20], pdf[i][:20]))
    finally:
        shutil.rmtree(tmp)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
