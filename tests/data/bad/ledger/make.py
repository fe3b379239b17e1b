#!/usr/bin/env python3
"""Regenerates the bad registers and EXPECTED (tests/test_ledger_bad.c).

One small file per way a register can be wrong, and EXPECTED, one line
per file, tab-separated:
    name    msgid    line    fragment
msgid is what `nianbao --lang en ledger FILE --year 2024` must say (exit
2), or "ok:MSGID" when it must count (exit 0) and say MSGID on the way.
line: the row the message points at, 0 for the file as a whole, -1 when
the message names no file.  fragment, if any, must appear in the message.
The register too big to commit (1,000,000 rows) is made by the test.

Run from anywhere: python3 tests/data/bad/ledger/make.py
"""
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = []
HEAD = "收到日期,申请人类型,办理结果,答复日期\n"


def bad(name, data, msgid, line, frag=""):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    EXPECTED.append("\t".join([name, msgid, str(line), frag]))


def xlsx(name, sheet, shared=None, workbook=None, extra=None):
    wb = workbook or (
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxml'
        'formats.org/officeDocument/2006/relationships"><sheets><sheet '
        'name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="x" Target="worksheets/sheet1.xml"/>'
            '</Relationships>')
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, text in [("xl/workbook.xml", wb),
                        ("xl/_rels/workbook.xml.rels", rels),
                        ("xl/worksheets/sheet1.xml", sheet)] + \
                ([("xl/sharedStrings.xml", shared)] if shared else []) + \
                (extra or []):
            info = zipfile.ZipInfo(n, date_time=(2024, 12, 31, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text if isinstance(text, bytes)
                       else text.encode("utf-8"))
    with open(path, "rb") as f:
        return f.read()


def rows_xml(rows):
    out = []
    for r, cells in enumerate(rows, 1):
        out.append('<row r="%d">' % r)
        for c, v in enumerate(cells):
            ref = "%s%d" % (chr(65 + c), r)
            if v is None:
                continue
            if isinstance(v, tuple):
                out.append('<c r="%s" t="str"><f>%s</f>%s</c>' %
                           (ref, v[0], "<v>%s</v>" % v[1] if v[1] else ""))
            elif isinstance(v, (int, float)):
                out.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>'
                           % (ref, v))
        out.append("</row>")
    return ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxml'
            'formats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData>'
            '</worksheet>' % "".join(out))


def cfb_encrypted():
    """A compound file holding EncryptionInfo and EncryptedPackage, as
    Excel and WPS save an .xlsx with a password."""
    end, free, fatsect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    hdr = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    hdr += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    hdr += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    hdr += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = [fatsect, end] + list(range(3, 10)) + [end] + \
        list(range(11, 18)) + [end]
    fat += [free] * (128 - len(fat))

    def entry(name, kind, child, left, right, start, size):
        n = (name + "\0").encode("utf-16-le") if name else b""
        return (n.ljust(64, b"\0") + struct.pack("<HBB", len(n), kind, 1) +
                struct.pack("<iii", left, right, child) + b"\0" * 36 +
                struct.pack("<IQ", start, size))
    d = entry("Root Entry", 5, 1, -1, -1, end, 0)
    d += entry("EncryptionInfo", 2, -1, -1, 2, 2, 4096)
    d += entry("EncryptedPackage", 2, -1, -1, -1, 10, 4096)
    d += b"\0" * 128
    body = struct.pack("<128I", *fat) + d
    body += bytes((i * 7) & 0xFF for i in range(4096)) * 2
    return hdr + body


def main():
    for f in os.listdir(HERE):
        if f not in ("make.py", "README.md"):
            os.remove(os.path.join(HERE, f))
    bad("no_header.csv", "编号,姓名,电话\n1,张三,123\n2,李四,456\n",
        "ledger.e_no_header", 0)
    bad("missing_answered.csv", "序号,收到日期,申请人类型,办理结果,备注\n"
        "1,2024-01-02,自然人,予以公开,\n", "ledger.e_missing_answered", 1,
        "收到日期")
    bad("encrypted.xlsx", cfb_encrypted(), "ledger.e_encrypted", 0)
    bomb = xlsx("zip_bomb.xlsx", b"<" + b" " * (300 * 1024 * 1024))
    EXPECTED.append("\t".join(["zip_bomb.xlsx", "ledger.e_zip_bomb", "0",
                               "worksheets/sheet1.xml"]))
    del bomb
    # A bomb that lies: its headers say 1000 bytes, it inflates to 10 MB.
    lying = bytearray(xlsx("zip_bomb_lying.xlsx",
                           b"<" + b" " * (10 * 1024 * 1024)))
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = 0
        while (i := lying.find(sig, i)) >= 0:
            name_at = i + (30 if sig == b"PK\x03\x04" else 46)
            if lying[name_at:name_at + 24] == b"xl/worksheets/sheet1.xml":
                lying[i + off:i + off + 4] = struct.pack("<I", 1000)
            i += 4
    bad("zip_bomb_lying.xlsx", bytes(lying), "ledger.e_zip_lie", 0,
        "worksheets/sheet1.xml")
    head = ["收到日期", "申请人类型", "办理结果", "答复日期"]
    xlsx("formula_no_value.xlsx", rows_xml([
        head, [45300, "自然人", ('IF(1,"予以公开")', ""), 45310]]))
    EXPECTED.append("formula_no_value.xlsx\tledger.p_formula\t2\t"
                    "result was never saved")
    xlsx("formula_cached.xlsx", rows_xml([
        head, [45300, "自然人", ('IF(1,"予以公开")', "予以公开"), 45310]]))
    EXPECTED.append("formula_cached.xlsx\tok:ledger.n_formulas\t0\t"
                    "results as saved")
    bad("answered_before.csv", HEAD + "2024-03-05,自然人,予以公开,2024-03-01\n",
        "ledger.p_before", 2, "2024-03-01")
    bad("future_date.csv", HEAD + "2024-03-05,自然人,予以公开,2099-01-01\n",
        "ledger.p_future", 2, "2099-01-01")
    bad("bad_date.csv", HEAD + "2024-13-45,自然人,予以公开,2024-03-01\n",
        "ledger.p_bad_date", 2, "2024-13-45")
    bad("no_received.csv", HEAD + ",自然人,予以公开,2024-03-01\n",
        "ledger.p_no_received", 2)
    bad("too_old.csv", HEAD + "1999-03-05,自然人,予以公开,2024-03-01\n",
        "ledger.p_too_old", 2, "1999-03-05")
    bad("result_no_date.csv", HEAD + "2024-03-05,自然人,予以公开,\n",
        "ledger.p_result_no_date", 2)
    bad("pending_answered.csv", HEAD + "2024-03-05,自然人,办理中,2024-04-01\n",
        "ledger.p_pending_answered", 2)
    bad("no_applicant.csv", HEAD + "2024-03-05,,予以公开,2024-04-01\n",
        "ledger.p_no_applicant", 2)
    bad("no_result.csv", HEAD + "2024-03-05,自然人,,2024-04-01\n",
        "ledger.p_no_result", 2)
    bad("unmapped.csv", HEAD + "2024-03-05,自然人,予以公开,2024-04-01\n"
        "2024-03-06,村委会,予以公开,2024-04-01\n",
        "ledger.unmapped", -1, "村委会")
    bad("not_a_register.bin", bytes(range(256)) * 4, "ledger.e_binary", 0)
    bad("truncated.xlsx", xlsx("truncated.xlsx", rows_xml([head]))[:300],
        "ledger.e_not_xlsx", 0)
    bad("web_page.xls", "<html><body><table><tr><td>收到日期</td></tr>"
        "</table></body></html>\n", "ledger.e_html", 0)
    bad("bad_encoding.csv", HEAD.encode("utf-8") + b"2024-03-05,\xff\xfe\xfd,"
        b"\x80\x80,2024-04-01\n", "ledger.e_encoding", 2)
    bad("unclosed_quote.csv", HEAD + '2024-03-05,"自然人,予以公开,2024-04-01\n'
        "2024-03-06,自然人,予以公开,2024-04-01\n", "ledger.e_csv_quote", 2)
    xlsx("damaged_xml.xlsx", '<?xml version="1.0"?><worksheet><sheetData>'
         '<row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>')
    EXPECTED.append("damaged_xml.xlsx\tledger.e_xlsx_xml\t0\tsheet1.xml")
    xlsx("entities.xlsx", rows_xml([head]), shared=(
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;'
        '</t></si></sst>'))
    EXPECTED.append("entities.xlsx\tledger.e_xlsx_xml\t0\tsharedStrings.xml")
    bad("empty.csv", "", "ledger.e_empty", 0)
    xlsx("renamed_docx.xlsx", "", workbook=None, extra=None)
    with zipfile.ZipFile(os.path.join(HERE, "renamed_docx.xlsx"), "w") as z:
        z.writestr(zipfile.ZipInfo("word/document.xml",
                                   date_time=(2024, 12, 31, 9, 0, 0)),
                   "<w:document/>")
    EXPECTED.append("renamed_docx.xlsx\tledger.e_not_xlsx\t0\t")
    xlsx("hidden_only.xlsx", rows_xml([head]), workbook=(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxml'
        'formats.org/officeDocument/2006/relationships"><sheets><sheet '
        'name="S" sheetId="1" state="hidden" r:id="rId1"/></sheets>'
        '</workbook>'))
    EXPECTED.append("hidden_only.xlsx\tledger.e_no_sheet\t0\t")
    bad("wps.et", cfb_encrypted()[:512] + b"\0" * 512,
        "ledger.e_et_no_office", 0, "LibreOffice")
    with open(os.path.join(HERE, "EXPECTED"), "w") as f:
        f.write("\n".join(EXPECTED) + "\n")


main()
