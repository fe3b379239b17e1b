#!/usr/bin/env python3
"""Regenerates the registers of tests/data/ledger (see README.md).

The registers are what offices keep: a town's register saved by
LibreOffice as .xlsx (and .xls), a county bureau's CSV saved as GB18030,
a workbook with Excel date serials, a merged title, a two-row header and
messy values, and a tab-separated register over three years.  The tables
each must give are written by hand in NAME.expect, not by this script.

Run from anywhere: python3 tests/data/ledger/make.py (LibreOffice makes
town.xlsx and town.xls from town.csv; without it those two are kept).
"""
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# ---- town: typed in a spreadsheet, saved by LibreOffice ----
TOWN = """序号,收到申请日期,申请人,申请人类型,申请内容,办理结果,答复日期,备注
1,2024-01-08,张三,自然人,宅基地审批情况,予以公开,2024-01-20,
2,2024-02-14,李四,自然人,征地补偿方案,部分公开,2024-03-01,
3,2024-03-05,某某建材有限公司,商业企业,道路工程招标文件,予以公开,2024-03-18,
4,2024-04-10,王五,自然人,2015年低保名单,本机关不掌握相关政府信息,2024-04-25,
5,2024-05-06,赵六,自然人,反映村干部问题,信访举报投诉类申请,2024-05-10,转信访办
6,2024-06-12,某律师事务所,法律服务机构,拆迁补偿文件,予以公开,2024-06-28,
7,2024-07-01,张三,自然人,宅基地审批情况,重复申请,2024-07-05,
8,2024-08-19,某农业研究院,科研机构,历年耕地统计,没有现成信息需要另行制作,2024-09-02,
9,2024-09-23,孙七,自然人,党委会会议纪要,属于四类过程性信息,2024-10-15,
10,2024-11-04,周八,自然人,补偿标准,予以公开,2024-11-20,
11,2024-12-20,吴九,自然人,项目资金使用情况,,,
12,2024-12-26,某环保公益基金会,社会公益组织,河道水质监测数据,办理中,,
"""


def town():
    write("town.csv", TOWN.encode("utf-8"))
    office = shutil.which("soffice")
    if office is None:
        print("no LibreOffice: town.xlsx and town.xls kept as they are")
        return
    for fmt in ("xlsx", "xls"):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([office, "--headless", "--norestore",
                            "-env:UserInstallation=file://%s/p" % tmp,
                            "--infilter=CSV:44,34,76,1", "--convert-to",
                            fmt, "--outdir", tmp,
                            os.path.join(HERE, "town.csv")],
                           check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            shutil.copy(os.path.join(tmp, "town." + fmt),
                        os.path.join(HERE, "town." + fmt))


# ---- county: a CSV saved by WPS on a Chinese Windows (GB18030) ----
COUNTY = """登记日期,申请人姓名/名称,申请人类别,申请方式,申请内容,答复日期,处理结果
2023/12/15,陈某,公民,信函,某小区规划许可,2024/1/10,同意公开
2024/1/22,刘某,公民,网上,村道硬化资金,2024/2/5,已公开
2024年3月5日,某科技公司,企业,当面,竞争对手中标材料,2024年3月20日,不予公开（商业秘密）
2024/4/8,黄某,个人,网上,市级医保政策,2024/4/9,非本机关信息
2024/5/16,某律所,律所,信函,行政处罚案卷目录,2024/6/3,部分公开
2024/7/2,林某,个人,网上,某项目环评,2024/7/30,申请人逾期未补正
2024/8/8,某行业协会,其他组织,当面,行业补贴名单,2024/8/20,予以公开
2024/10/9,郭某,公民,网上,本县年鉴,2024/10/12,要求提供公开出版物
2024/12/30,何某,公民,信函,拆迁安置方案,2025/1/8,予以公开
"""


def county():
    write("county-gb18030.csv",
          COUNTY.replace("\n", "\r\n").encode("gb18030"))


# ---- serials: Excel serials, merged title, two-row header, messes ----
def serial(y, m, d):
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days


# (row, [cells]); a cell: ("s", text) shared string, ("i", text) inline
# string, ("n", number), ("f", formula, cached text) or None.
SERIAL_ROWS = [
    (1, [("s", "某县自然资源局2024年政府信息公开申请登记台账")]),
    (3, [("s", "序号"), ("s", "申请人"), None, ("s", "收到时间"),
         ("s", "申请内容"), ("s", "答复情况"), ("s", "办结时间")]),
    (4, [None, ("s", "姓名"), ("s", "类型")]),
    (5, [("n", 1), ("s", "王某"), ("s", "公民 "), ("n", serial(2024, 1, 3)),
         ("s", "不动产登记办理时限"), ("s", "已公开"), ("n", serial(2024, 1, 15))]),
    (6, [("n", 2), ("s", "李某"), ("s", "个人"), ("n", serial(2023, 12, 20)),
         ("s", "土地出让公告"), ("i", "予以公开（告知获取途径）"),
         ("n", serial(2024, 1, 5))]),
    (7, [("n", 3), ("s", "某矿业有限公司"), ("s", "\u3000企业"),
         ("n", serial(2024, 2, 1)), ("s", "2008年采矿权审批档案"),
         ("s", "信息不存在"), ("n", serial(2024, 2, 20) + 0.5)]),
    (9, [("n", 4), ("s", "张某"), ("s", "律师"), ("n", serial(2024, 3, 11)),
         ("s", "某涉密测绘成果"), ("s", "不予公开-涉及国家秘密"),
         ("n", serial(2024, 3, 29))]),
    (10, [("n", 5), ("s", "某五金店"), ("s", "个体户"),
          ("n", serial(2024, 4, 2)), ("s", "门面房租赁"), ("s", "申请人撤回"),
          ("n", serial(2024, 4, 3))]),
    (11, [("n", 6), ("s", "赵某"), ("s", "公民 "), ("n", serial(2024, 5, 20)),
          ("s", "不动产登记办理时限"), ("f", 'IF(TRUE,"重复申请")', "重复申请"),
          ("n", serial(2024, 5, 22))]),
    (12, [("n", 7), ("s", "钱某"), ("s", "公民"), ("n", serial(2024, 6, 18)),
          ("s", "耕地占补平衡台账"), ("s", "部分公开"), ("s", "2024年7月1日")]),
    (13, [("n", 8), ("s", "孙某"), ("s", "公民"), ("n", serial(2024, 11, 28)),
          ("s", "村庄规划图"), ("s", "办理中")]),
    (14, [("n", 9), ("s", "周某"), ("s", "公民"), ("n", serial(2023, 11, 2)),
          ("s", "村庄规划图"), ("s", "已公开"), ("n", serial(2023, 11, 20))]),
    (16, [("s", "合计"), ("s", "共9件")]),
]


def col(i):
    return chr(ord("A") + i)


def sheet_xml(rows, strings):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main"><sheetData>']
    for r, cells in rows:
        out.append('<row r="%d">' % r)
        for i, c in enumerate(cells):
            if c is None:
                continue
            ref = "%s%d" % (col(i), r)
            if c[0] == "s":
                if c[1] not in strings:
                    strings.append(c[1])
                out.append('<c r="%s" t="s"><v>%d</v></c>' %
                           (ref, strings.index(c[1])))
            elif c[0] == "i":
                out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>'
                           % (ref, escape(c[1])))
            elif c[0] == "n":
                out.append('<c r="%s"><v>%s</v></c>' % (ref, c[1]))
            else:
                out.append('<c r="%s" t="str"><f>%s</f><v>%s</v></c>' %
                           (ref, escape(c[1]), escape(c[2])))
        out.append("</row>")
    out.append('</sheetData><mergeCells count="3">'
               '<mergeCell ref="A1:G1"/><mergeCell ref="B3:C3"/>'
               '<mergeCell ref="D3:D4"/></mergeCells></worksheet>')
    return "".join(out)


def xlsx(name, rows, date1904=False):
    strings = []
    sheet = sheet_xml(rows, strings)
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           '2006/main" count="%d" uniqueCount="%d">'
           % (len(strings), len(strings))]
    for s in strings:
        sp = ' xml:space="preserve"' if s != s.strip() else ""
        sst.append("<si><t%s>%s</t></si>" % (sp, escape(s)))
    sst.append("</sst>")
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rns = ('xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships"')
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="'
            'application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.'
            'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook %s %s><workbookPr%s/><sheets><sheet name="台账" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'
            % (ns, rns, ' date1904="1"' if date1904 else ""),
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/><Relationship '
            'Id="rId2" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": "".join(sst),
    }
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, text in parts.items():
            info = zipfile.ZipInfo(n, date_time=(2024, 12, 31, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


# ---- boundary: three years in one tab-separated register ----
BOUNDARY = [
    ("收文日期", "来文单位或个人", "主体类型", "办理结果", "答复时间"),
    ("2023-03-01", "甲", "自然人", "予以公开", "2023-03-15"),
    ("2023-11-20", "乙", "自然人", "予以公开", "2024-01-08"),
    ("2023-12-28", "丙建筑公司", "商业企业", "部分公开", "2024-01-03"),
    ("2023-06-10", "丁", "自然人", "办理中", ""),
    ("2023-12-30", "戊", "自然人", "信息不存在", "2023-12-31"),
    ("2024-01-02", "己", "自然人", "予以公开", "2024-01-02"),
    ("2024-12-31", "庚律师事务所", "法律服务机构", "予以公开", "2025-01-02"),
    ("2024-12-15", "辛", "自然人", "", ""),
    ("2024-12-20", "壬研究所", "科研机构", "重复申请", "2024-12-31"),
    ("2025-01-05", "癸", "自然人", "予以公开", "2025-01-10"),
    ("2024-07-07", "子", "自然人", "不予处理（信访）", "2024-07-09"),
]


def boundary():
    text = "".join("\t".join(r) + "\r\n" for r in BOUNDARY)
    write("boundary.tsv", b"\xef\xbb\xbf" + text.encode("utf-8"))


# ---- years: one sheet a year, and a sheet of instructions ----
def years():
    """A workbook with a sheet per year (2023年, 2024年: the 2024 sheet
    has a title row) and a sheet of instructions, inline strings only."""
    def sheet(rows):
        out = ['<worksheet xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main"><sheetData>']
        for r, cells in enumerate(rows, 1):
            out.append('<row r="%d">' % r)
            for c, v in enumerate(cells):
                out.append('<c r="%s%d" t="inlineStr"><is><t>%s</t></is>'
                           '</c>' % (col(c), r, escape(v)))
            out.append("</row>")
        return "".join(out) + "</sheetData></worksheet>"
    h = ["收到日期", "申请人类型", "办理结果", "答复日期"]
    sheets = [
        ("2023年", [h, ["2023-05-01", "公民", "已公开", "2023-05-09"],
                    ["2023-12-20", "公民", "已公开", "2024-01-05"],
                    ["2023-12-28", "企业", "办理中", ""]]),
        ("2024年", [["2024年度政府信息公开申请登记"], h,
                    ["2024-02-01", "企业", "部分公开", "2024-02-10"],
                    ["2024-12-30", "公民", "办理中", ""]]),
        ("填表说明", [["按收到日期顺序登记，每件申请一行。"]]),
    ]
    ns = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
          'main" xmlns:r="http://schemas.openxmlformats.org/'
          'officeDocument/2006/relationships"')
    wb = "<workbook %s><sheets>%s</sheets></workbook>" % (ns, "".join(
        '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1)
        for i, (n, _) in enumerate(sheets)))
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">%s</Relationships>' % "".join(
                '<Relationship Id="rId%d" Type="http://schemas.openxml'
                'formats.org/officeDocument/2006/relationships/worksheet" '
                'Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1)
                for i in range(len(sheets))))
    with zipfile.ZipFile(os.path.join(HERE, "years.xlsx"), "w",
                         zipfile.ZIP_DEFLATED) as z:
        parts = [("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels",
                                           rels)]
        parts += [("xl/worksheets/sheet%d.xml" % (i + 1), sheet(rows))
                  for i, (_, rows) in enumerate(sheets)]
        for n, text in parts:
            info = zipfile.ZipInfo(n, date_time=(2024, 12, 31, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def to1904(rows):
    """The same sheet in the 1904 date system (a Mac Excel workbook):
    every serial 1462 days smaller."""
    out = []
    for r, cells in rows:
        new = []
        for i, c in enumerate(cells):
            if c is not None and c[0] == "n" and i in (3, 6):
                c = ("n", c[1] - 1462)
            new.append(c)
        out.append((r, new))
    return out


if __name__ == "__main__":
    town()
    county()
    xlsx("serials.xlsx", SERIAL_ROWS)
    xlsx("serials-1904.xlsx", to1904(SERIAL_ROWS), date1904=True)
    boundary()
    years()
