#!/usr/bin/env python3
"""Regenerates the bad-input corpus of the importer's web formats: saved
web pages (html_*), text with numbers run together (run_*) and PDF files
(pdf_*), and EXPECTED, one line per file, tab-separated:

    name    outcome    note

outcome is the msgid import_file() must refuse the file with, or "ok"
when it must import it; note, for "ok", a msgid that must be among the
import's notes ("-" for none).  tests/test_import_bad.c reads EXPECTED;
every input must be answered within a few seconds, without a crash, a
leak or a sanitizer report.  The inputs too big to commit (a page of
three million elements, 10^6 pages) are made at test time there.

Made from the fixtures beside it: ../../real/html/pingtan-2024.html,
../../import/runs-pingtan-2024.txt, ../../pdf/*.pdf.
Run from anywhere: python3 tests/data/bad/import/make.py
"""
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..")
os.chdir(HERE)
for f in os.listdir("."):
    if f.startswith(("html_", "run_", "pdf_")) or f == "EXPECTED":
        os.remove(f)
expected = []


def bad(name, data, outcome, note="-"):
    if isinstance(data, str):
        data = data.encode("utf-8")
    open(name, "wb").write(data)
    expected.append("%s\t%s\t%s" % (name, outcome, note))


def read(rel, mode="r"):
    p = os.path.join(DATA, rel)
    return open(p, mode, encoding=None if "b" in mode else "utf-8").read()


# ---- web pages ----------------------------------------------------------
import re

# The 平潭 2024 page, small: its metadata and its article, without the
# site's navigation and the inline styles of a paste from Word.
FULL = read("real/html/pingtan-2024.html")
A = FULL.index("<div class=TRS_Editor>")
B = FULL.index("六、其他需要报告的事项", A)
B = FULL.index("</div>", B) + 6
PAGE = ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="PubDate" content="2025-03-10 15:35"/>\n'
        '<title>平潭综合实验区2024年度政府信息公开工作年度报告</title>\n'
        '</head>\n<body>\n<div class="article_title">平潭综合实验区2024年度'
        '政府信息公开工作年度报告</div>\n' +
        re.sub(r' (style|lang|width|valign|align|class=MsoNormal)="[^"]*"', "",
               FULL[A:B]) + "\n</body>\n</html>\n")
ART = PAGE.index("<div class=TRS_Editor>")
T3 = PAGE.index("<table", PAGE.index("三、收到和处理政府信息公开申请情况", ART))
T4 = PAGE.index("<table", PAGE.index("四、政府信息公开行政复议", ART))


def html(name, text, outcome, note="-"):
    bad(name + ".html", text, outcome, note)


html("html_truncated_mid_table", PAGE[:T3 + 3000], "ok", "import.no_heading")
html("html_truncated_in_head", PAGE[:1500], "import.e_html_no_report")
html("html_truncated_in_tag", PAGE[:T4 + 3], "ok", "import.no_heading")
html("html_list_page", "<!DOCTYPE html><html><head><title>政府信息公开年报"
     "</title></head><body><ul><li><a href=a.htm>某镇2024年政府信息公开工作"
     "年度报告</a></li><li><a href=b.htm>某镇2023年政府信息公开工作年度报告"
     "</a></li></ul></body></html>", "import.e_html_no_report")
html("html_empty", "", "import.e_not_report")
html("html_doctype_only", "<!DOCTYPE html>", "import.e_html_no_report")
html("html_no_body", "<html><head><title>一、总体情况</title></head></html>",
     "import.e_html_no_report")
html("html_nested_table_in_cell", PAGE[:T4] + PAGE[T4:].replace(
    "<td", "<td><table><tr><td>7</td></tr></table></td><td", 1), "ok",
     "import.short_row")
html("html_deep_5000", PAGE[:ART] + "<div>" * 5000 + PAGE[ART:], "ok",
     "-")
html("html_deep_spans_5000", PAGE[:ART] + "<p>" + "<b>" * 5000 + "深" +
     "</b>" * 5000 + "</p>" + PAGE[ART:], "ok", "-")
html("html_rowspan_65535", PAGE[:T3] + PAGE[T3:].replace(
    "rowspan=\"3\"", "rowspan=\"65535\"", 1), "ok", "-")
html("html_colspan_100000", PAGE[:T3] + PAGE[T3:].replace(
    "<td", "<td colspan=100000", 1), "ok", "-")
html("html_spans_zero_negative", PAGE.replace("rowspan=\"22\"",
     "rowspan=\"0\"").replace("colspan=\"2\"", "colspan=\"-7\""), "ok", "-")
html("html_charset_says_utf8_is_gbk",
     PAGE.encode("gbk", "replace"), "ok", "import.html_charset")
html("html_charset_unknown", PAGE.replace('<meta charset="utf-8"',
     '<meta charset="x-klingon"'), "ok", "import.html_charset")
html("html_charset_big5_is_utf8", PAGE.replace('<meta charset="utf-8"',
     '<meta charset="big5"'), "ok", "import.html_charset")
html("html_gbk_invalid", b"<html><meta charset=gbk><body>\x81\x20\xff\xfe"
     b"\x80</body></html>", "import.e_encoding")
html("html_nul", "<html><body><p>一、总体情况</p>\0</body></html>",
     "import.e_binary")
html("html_external_entities", '<!DOCTYPE html SYSTEM "file:///etc/passwd" '
     '[<!ENTITY x SYSTEM "file:///etc/passwd">]>' + PAGE[PAGE.index("<html"):]
     .replace("<div class=TRS_Editor>", "<div class=TRS_Editor><p>&x;</p>"
              "<img src=\"http://127.0.0.1:9/x.png\">", 1), "ok",
     "-")
html("html_headings_in_script", "<html><head><script>var a='一、总体情况\\n"
     "二、主动公开政府信息情况';</script><style>/* 三、收到和处理政府信息公开"
     "申请情况 */</style></head><body><p>正文</p></body></html>",
     "import.e_html_no_report")
html("html_headings_hidden", "<html><body><div style='DISPLAY: None'>"
     "<p>一、总体情况</p><p>二、主动公开政府信息情况</p></div><p hidden>"
     "五、存在的主要问题及改进情况</p></body></html>",
     "import.e_html_no_report")
html("html_headings_in_comments", "<html><body><!-- <p>一、总体情况</p>"
     "<p>二、主动公开政府信息情况</p> --></body></html>",
     "import.e_html_no_report")
html("html_huge_attribute", PAGE.replace("<div class=TRS_Editor>",
     "<div title=\"" + "报" * 30000 + "\" class=TRS_Editor>", 1), "ok",
     "-")
html("html_control_characters", PAGE.replace("2024年，无收取信息处理费情况。",
     "2024年，\x1b[31m无收取\x07信息处理费\x1b]0;x\x07情况。", 1), "ok",
     "-")
html("html_many_tables", PAGE[:ART] + "<table><tr><td>1</td></tr></table>"
     * 2000 + PAGE[ART:], "ok", "-")
html("html_unclosed_everything", PAGE[ART:].replace("</p>", "").replace(
    "</td>", "").replace("</tr>", "").replace("</div>", ""), "ok", "-")

# ---- numbers run together ---------------------------------------------------
RUNS = read("import/runs-pingtan-2024.txt")
NEW = "一、本年新收政府信息公开申请数量21710000218"


def run(name, text, outcome, note="-"):
    bad(name + ".txt", text, outcome, note)


run("run_digits_10000", RUNS.replace(NEW, "一、本年新收政府信息公开申请数量" +
    "7" * 10000), "ok", "import.run_impossible")
run("run_three_rows_10000_digits", RUNS.replace("0000000", "1" * 10000, 3),
    "ok", "import.run_impossible")
run("run_91_ones", RUNS.replace(NEW, "一、本年新收政府信息公开申请数量" +
    "1" * 91), "ok", "import.run_uneven")
run("run_too_many_splits", RUNS.replace("21317000001324019", "1" * 60), "ok",
    "import.run_too_many")
run("run_letters_in_run", RUNS.replace(NEW, "一、本年新收政府信息公开申请数量"
    "217ab10000218"), "ok", "import.run_impossible")
run("run_signs", RUNS.replace(NEW, "一、本年新收政府信息公开申请数量"
    "-2-1-7-1-0-0-0"), "ok", "import.run_impossible")
run("run_decimal_points", RUNS.replace(NEW, "一、本年新收政府信息公开申请数量"
    "2.1.7.1.0.0.0"), "ok", "import.run_impossible")
run("run_commas", RUNS.replace(NEW, "一、本年新收政府信息公开申请数量"
    "1,2,3,4,5,6,7"), "ok", "import.run_impossible")
run("run_fullwidth", RUNS.replace("21710000218", "２１７１００００２１８"),
    "ok", "import.run_recovered")
run("run_every_digit_spaced", RUNS.replace(NEW, "一、本年新收政府信息公开申请"
    "数量2 1 7 1 0 0 0 0 2 1 8"), "ok", "import.run_impossible")
run("run_one_line_with_100k_digits", RUNS.replace("\n", "") + "3" * 100000,
    "ok", "import.run_recovered")
run("run_2000_rows", RUNS + "规章000\n" * 2000, "ok", "import.run_recovered")
run("run_headings_only", "某镇2024年政府信息公开工作年度报告一、总体情况二、"
    "主动公开政府信息情况三、收到和处理政府信息公开申请情况四、政府信息公开行政"
    "复议、行政诉讼情况五、存在的主要问题及改进情况六、其他需要报告的事项",
    "ok", "import.table_missing")
run("run_item_numbers_only", RUNS.replace(NEW, "1.2.3.4.5.6.7.8."), "ok",
    "import.row_missing")
run("run_totals_wrong", RUNS.replace("（七）总计21710000218",
    "（七）总计21710000219"), "ok", "import.run_uneven")
run("run_ambiguous_rows", RUNS, "ok", "import.run_ambiguous")
run("run_t4_100_digits", RUNS.replace("21317000001324019", "2" * 100), "ok",
    "import.run_too_many")
run("run_odd_spaces", RUNS.replace("21710000218", "217\u00a01\u30000000218"),
    "ok", "import.run_recovered")
run("run_nul", RUNS.replace(NEW, NEW + "\0"), "import.e_binary")
run("run_negative_counts", RUNS.replace("0000000", "-0-0-0-0-0-0-0", 1), "ok",
    "import.run_impossible")
run("run_money_many_decimals", RUNS.replace("18651.06", "18651.0612345678"),
    "ok", "import.run_impossible")
run("run_invalid_utf8", RUNS.encode() + b"\xff\xfe\xfd", "import.e_encoding")

# ---- PDF -----------------------------------------------------------------
OWN = read("pdf/own-pingtan-2024.pdf", "rb")


def pdf_file(objs, trailer=b""):
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" \
        % (len(objs) + 1, trailer, x)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + \
        b"\nendstream"


def one_page(content, extra=b"", fonts=True):
    res = b"/Resources << /Font << /F1 5 0 R >> >>" if fonts else b""
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R " + extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + res +
        b" /Contents 4 0 R >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def text(s):
    return stream(b"BT /F1 12 Tf 50 800 Td (" + s + b") Tj ET")


def pdf(name, data, outcome, note="-"):
    bad(name + ".pdf", data, outcome, note)


pdf("pdf_truncated_half", OWN[:len(OWN) // 2], "import.e_pdf_damaged")
pdf("pdf_truncated_header", b"%PDF-1.7\n", "import.e_pdf_damaged")
pdf("pdf_magic_only", b"%PDF-", "import.e_pdf_damaged")
pdf("pdf_garbage_after_magic", b"%PDF-1.4\n" + bytes(range(256)) * 64,
    "import.e_pdf_damaged")
pdf("pdf_magic_late", b"junk " * 100 + OWN[:4096], "import.e_pdf_damaged")
pdf("pdf_scanned", read("pdf/scanned.pdf", "rb"), "import.e_pdf_scanned")
pdf("pdf_locked", read("pdf/locked.pdf", "rb"), "import.e_pdf_locked")
c = zlib.compressobj(9)
bomb = b"".join(c.compress(b" " * (1 << 20)) for _ in range(64)) + c.flush()
pdf("pdf_bomb_64mb_of_spaces", one_page(stream(bomb, b"/Filter /FlateDecode ")),
    "import.e_pdf_scanned")
c = zlib.compressobj(9)
bomb = b"".join(c.compress(b"0 0 m " * 200000) for _ in range(400)) + c.flush()
bomb = zlib.compress(bomb, 9)   # deflated twice: 480 MB of operators
pdf("pdf_bomb_cpu", one_page(stream(bomb, b"/Filter [/FlateDecode "
    b"/FlateDecode] ")), "import.e_pdf_killed")
pdf("pdf_count_says_million", pdf_file([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    text(b"x")]), "import.e_pdf_damaged")
kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(600))
pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"] * 600
pdf("pdf_600_pages", pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [" + kids + b"] /Count 600 >>"] + pages),
    "import.e_pdf_pages")
deep = [b"<< /Type /Catalog /Pages 2 0 R >>"]
for i in range(2, 1002):
    deep.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (i + 1))
deep.append(b"<< /Type /Page /MediaBox [0 0 10 10] >>")
pdf("pdf_pages_tree_1000_deep", pdf_file(deep), "import.e_pdf_scanned")
pdf("pdf_pages_tree_loop", pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]), "import.e_pdf_scanned")
pdf("pdf_no_report", one_page(text(b"Hello, world")), "import.e_not_report")
pdf("pdf_javascript", one_page(text(b"Hello"), b"/OpenAction << /S /JavaScript"
    b" /JS (app.alert\\(1\\)) >> "), "import.e_not_report")
pdf("pdf_launch_file", one_page(text(b"Hello"), b"/OpenAction << /S /Launch "
    b"/F (file:///etc/passwd) >> "), "import.e_not_report")
pdf("pdf_bogus_filter", one_page(stream(b"xxxx", b"/Filter /Bogus ")),
    "import.e_pdf_scanned")
pdf("pdf_huge_object_number", one_page(text(b"1 2 3")).replace(b"4 0 obj",
    b"2147483647 0 obj").replace(b"/Contents 4 0 R", b"/Contents 2147483647 0 R"),
    "import.e_pdf_damaged")
pdf("pdf_nul_in_text", one_page(stream(b"BT /F1 12 Tf 50 800 Td <00410042> Tj"
    b" ET")), "import.e_not_report")
pdf("pdf_empty_file_named_pdf", b"", "import.e_not_report")
pdf("pdf_no_fonts", one_page(text(b"1234"), fonts=False),
    "import.e_pdf_scanned")

open("EXPECTED", "w").write("\n".join(expected) + "\n")
print("%d inputs" % len(expected))
