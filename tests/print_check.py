#!/usr/bin/python3
"""`nianbao print` to a real CUPS server with a cups-pdf printer.

Usage: print_check.py --nb NIANBAO REPORT

Starts cupsd (Debian's cups-daemon) in a private folder, listening only on
a socket in that folder, adds a cups-pdf printer (printer-driver-cups-pdf)
whose output folder is also there, prints the report with
`CUPS_SERVER=SOCKET nianbao print -P QUEUE`, and compares the PDF the
printer made with `nianbao export -f pdf` of the same report:

  - the same number of A4 pages;
  - on every page the Latin words and numbers of the export (pdftotext:
    the values, the year, the page number; the 汉字 lose their Unicode
    map in the PostScript round trip of cups-pdf and come out as stray
    letters, so they are compared as pixels);
  - every page looks the same: rendered at 30 dpi in grey, the mean
    difference of the pixels is small.

Then `nianbao print` against the same server with no printer must say
that there is none and offer the PDF (exit 2).  cupsd is stopped and
every file removed, also on failure.  cups-pdf reads its settings only
from /etc/cups/cups-pdf-QUEUE.conf and logs to /var/log/cups: the test
writes that one file under its own queue name and removes both after.
Exit status 0 when everything matches, 1 otherwise, 77 when cupsd or
cups-pdf is not installed.
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CUPSD = "/usr/sbin/cupsd"
BACKEND = "/usr/lib/cups/backend/cups-pdf"
PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
failures = []


def fail(what):
    failures.append(what)


def run(*argv, env=None):
    return subprocess.run(argv, capture_output=True, env=env, timeout=300)


def start_cupsd(root):
    for d in ("etc", "spool", "tmp", "cache", "state", "log", "out"):
        os.makedirs(os.path.join(root, d))
    # Filters run as lp: they must reach the spool and the temp folder.
    os.chmod(root, 0o755)
    os.chmod(os.path.join(root, "tmp"), 0o1777)
    sock = os.path.join(root, "cups.sock")
    with open(os.path.join(root, "etc", "cupsd.conf"), "w") as f:
        f.write("Listen %s\nLogLevel debug\nWebInterface No\n"
                "Browsing Off\n<Location />\n  Order allow,deny\n"
                "  Allow all\n</Location>\n" % sock)
    with open(os.path.join(root, "etc", "cups-files.conf"), "w") as f:
        f.write("".join("%s %s\n" % kv for kv in (
            ("ServerRoot", root + "/etc"), ("RequestRoot", root + "/spool"),
            ("TempDir", os.path.join(root, "tmp")), ("CacheDir", root + "/cache"),
            ("StateDir", root + "/state"),
            ("ErrorLog", root + "/log/error_log"),
            ("AccessLog", root + "/log/access_log"),
            ("PageLog", root + "/log/page_log"),
            ("ServerBin", "/usr/lib/cups"), ("DataDir", "/usr/share/cups"),
            ("FileDevice", "No"))))
    proc = subprocess.Popen([CUPSD, "-f", "-c", root + "/etc/cupsd.conf",
                             "-s", root + "/etc/cups-files.conf"],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(sock):
            return proc, sock
        time.sleep(0.1)
    fail("cupsd did not start: %s" % log_tail(root))
    return proc, None


def log_tail(root):
    try:
        with open(os.path.join(root, "log", "error_log")) as f:
            return f.read()[-2000:]
    except OSError:
        return "(no log)"


def wait_pdf(out, seconds=120):
    end = time.time() + seconds
    while time.time() < end:
        names = [n for n in os.listdir(out) if n.endswith(".pdf")]
        if names:
            p = os.path.join(out, names[0])
            size = os.path.getsize(p)
            time.sleep(1)
            if size > 0 and size == os.path.getsize(p):
                return p
        time.sleep(0.5)
    return None


def pages(pdf):
    info = run("pdfinfo", pdf).stdout.decode()
    m = re.search(r"Pages:\s+(\d+)", info)
    return int(m.group(1)) if m else 0


def latin_words(pdf, page):
    text = run("pdftotext", "-f", str(page), "-l", str(page), pdf,
               "-").stdout.decode()
    return sorted(re.findall(r"[0-9A-Za-z.]+", text))


def gray(pdf, page, tmp):
    """The page at 30 dpi as grey bytes (PGM), width, height."""
    base = os.path.join(tmp, "g")
    run("pdftoppm", "-r", "30", "-gray", "-f", str(page), "-l", str(page),
        "-singlefile", pdf, base)
    with open(base + ".pgm", "rb") as f:
        data = f.read()
    parts = data.split(None, 4)
    w, h = int(parts[1]), int(parts[2])
    return parts[4][-w * h:], w, h


def compare(nb, report, printed, tmp):
    ref = os.path.join(tmp, "export.pdf")
    p = run(nb, "export", "-f", "pdf", "-o", ref, report)
    if p.returncode != 0:
        fail("export -f pdf: %s" % p.stderr.decode())
        return
    n, m = pages(ref), pages(printed)
    if n == 0 or n != m:
        fail("printed %d pages, the export has %d" % (m, n))
        return
    for pg in range(1, n + 1):
        # The 汉字 come out as stray Latin letters (no Unicode map):
        # every word of the export must be there, others may be too.
        a, b = latin_words(ref, pg), " ".join(latin_words(printed, pg))
        missing = sorted({w for w in a if b.count(w) < a.count(w)})
        if missing or not a:
            fail("page %d: the printed page lacks %s of %s"
                 % (pg, missing, a))
        ga, wa, ha = gray(ref, pg, tmp)
        gb, wb, hb = gray(printed, pg, tmp)
        if abs(wa - wb) > 1 or abs(ha - hb) > 1:
            fail("page %d: %dx%d, the export %dx%d" % (pg, wb, hb, wa, ha))
            continue
        # 595 against 595.28 pt may make one pixel column fewer.
        w, h = min(wa, wb), min(ha, hb)
        ga = b"".join(ga[y * wa:y * wa + w] for y in range(h))
        gb = b"".join(gb[y * wb:y * wb + w] for y in range(h))
        diff = sum(abs(x - y) for x, y in zip(ga, gb)) / len(ga)
        ink = sum(255 - x for x in ga) / len(ga)
        if diff > 0.25 * ink:
            fail("page %d differs from the export: mean difference %.2f, "
                 "ink %.2f" % (pg, diff, ink))
    print("print: %d pages printed, as the export" % m)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nb", required=True)
    ap.add_argument("report")
    a = ap.parse_args()
    if not all(os.path.exists(p) for p in (CUPSD, BACKEND, PPD)):
        print("cupsd or cups-pdf is not installed")
        return 77
    root = tempfile.mkdtemp(prefix="nb-cups-")
    queue = "nbtest%d" % os.getpid()
    conf = "/etc/cups/cups-pdf-%s.conf" % queue
    log = "/var/log/cups/cups-pdf-%s_log" % queue
    proc = None
    try:
        proc, sock = start_cupsd(root)
        if sock is None:
            return 1
        env = dict(os.environ, CUPS_SERVER=sock)
        p = run(a.nb, "print", a.report, env=env)
        if p.returncode != 2 or "PDF" not in p.stderr.decode() or \
                "nianbao export -f pdf" not in p.stderr.decode():
            fail("no printer: exit %d, %r" % (p.returncode,
                                               p.stderr.decode()))
        with open(conf, "w") as f:
            f.write("Out %s/out\nAnonDirName %s/out\nSpool %s/tmp\n"
                    "UserUMask 0022\n" % (root, root, root))
        # pdftocairo keeps the Latin text of the PDF through PostScript
        # (poppler's pdftops, the default, maps no glyph back).
        p = run("lpadmin", "-h", sock, "-p", queue, "-v",
                "cups-pdf:/" + queue, "-P", PPD, "-E",
                "-o", "pdftops-renderer-default=pdftocairo")
        if p.returncode != 0:
            fail("lpadmin: %s" % p.stderr.decode())
            return 1
        p = run(a.nb, "print", "-P", queue, "-n", "1", a.report, env=env)
        if p.returncode != 0 or queue not in p.stderr.decode():
            fail("nianbao print: exit %d, %s" % (p.returncode,
                                                  p.stderr.decode()))
            return 1
        printed = wait_pdf(os.path.join(root, "out"))
        if printed is None:
            fail("the printer made no PDF: %s" % log_tail(root))
            return 1
        if "two-sided-long-edge" not in open(
                os.path.join(root, "log", "error_log")).read():
            fail("the job was not two-sided (long edge)")
        compare(a.nb, a.report, printed, root)
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for f in (conf, log):
            if os.path.exists(f):
                os.unlink(f)
        shutil.rmtree(root, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    print("print_check: %d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
