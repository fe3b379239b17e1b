#!/usr/bin/env python3
"""Fills the official 2021 template (a Word file) with a report's values
and texts, as a clerk would in Word or LibreOffice, keeping its layout.

Usage: fill_template.py TEMPLATE.docx REPORT.json OUT.docx
REPORT.json is a report as `nianbao export -f json` gives it (gb2021):
every cell, totals too.  Needs python3-docx.
"""
import copy
import json
import sys

import docx

T3_ROWS = ["new", "carried_in", "r_open", "r_partial"] + \
    ["r_deny_%d" % i for i in range(1, 9)] + \
    ["r_unable_%d" % i for i in range(1, 4)] + \
    ["r_noproc_%d" % i for i in range(1, 6)] + \
    ["r_other_%d" % i for i in range(1, 4)] + ["r_total", "carried_out"]
T3_COLS = ["natural", "commercial", "research", "nonprofit", "legal",
           "other_org", "total"]
T4_COLS = [g + "_" + c for g in ("review", "direct", "after")
           for c in ("upheld", "corrected", "other", "pending", "total")]
T2 = {  # table row: (cell ids, first column)
    2: (["t2_1.regulations." + c for c in ("issued", "repealed", "in_force")], 1),
    3: (["t2_1.normative_docs." + c for c in ("issued", "repealed", "in_force")], 1),
    6: (["t2_5.licensing.decisions"], 1),
    9: (["t2_6.punishment.decisions"], 1),
    10: (["t2_6.coercion.decisions"], 1),
    13: (["t2_8.fees.amount"], 1),
}


def value(rep, cid):
    v = rep["cells"].get(cid)
    return "" if v is None else str(v)


def set_text(cell, text):
    cell.paragraphs[0].text = text
    for p in cell.paragraphs[1:]:
        p._element.getparent().remove(p._element)


def fill_paragraphs(par, text):
    """Replaces placeholder paragraph par with the text's paragraphs."""
    lines = text.split("\n") if text else [""]
    par.text = lines[0]
    anchor = par
    for line in lines[1:]:
        new = copy.deepcopy(par._element)
        anchor._element.addnext(new)
        anchor = docx.text.paragraph.Paragraph(new, par._parent)
        anchor.text = line


def main():
    tpl, rep_path, out = sys.argv[1:4]
    rep = json.load(open(rep_path, encoding="utf-8"))
    d = docx.Document(tpl)
    d.paragraphs[1].text = "%s%d年度政府信息公开工作年度报告" % (
        rep["organ"], rep["year"])
    sections = rep["sections"]
    placeholders = [p for p in d.paragraphs if p.text.startswith("（文字描述")]
    for par, sec in zip(placeholders, ("s1", "s5", "s6")):
        fill_paragraphs(par, sections[sec])
    t2, t3, t4 = d.tables
    for r, (ids, c0) in T2.items():
        for k, cid in enumerate(ids):
            set_text(t2.cell(r, c0 + k), value(rep, cid))
    for r, row in enumerate(T3_ROWS):
        set_values(t3, 3 + r, 3,
                   [value(rep, "t3.%s.%s" % (row, c)) for c in T3_COLS])
    set_values(t4, 3, 0, [value(rep, "t4.n." + c) for c in T4_COLS])
    d.save(out)


def set_values(table, r, c0, vals):
    for k, v in enumerate(vals):
        set_text(table.cell(r, c0 + k), v)


if __name__ == "__main__":
    main()
