#!/usr/bin/env python3
"""The county page as a reviewer's browser shows it (issue 16).

Runs `nianbao check -r tests/data/county/folder --html PAGE`, loads PAGE
in headless Chromium (Debian's chromium), and checks, from the DOM that
Chromium built (--dump-dom):
  - it loaded with no console message and fetches nothing from outside;
  - every in-page link has its target, each status in the organs x years
    grid links to the article of that organ and year, and each "see that
    report" link to the article of the report its finding names;
  - the counts read from the DOM are the folder's (tests/data/county/
    README.md): reports, organs, statuses, the bars of the chart, the
    findings listed, the rates.
A screenshot is kept as BUILD/artifacts/county-page.png, the page as
BUILD/artifacts/county-page.html.

Usage: county_page.py NIANBAO SOURCE_DIR BUILD_DIR
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.text = [], ''

    def all(self):
        yield self
        for c in self.children:
            yield from c.all()

    def find(self, tag=None, **attrs):
        for n in self.all():
            if (tag is None or n.tag == tag) and all(
                    n.attrs.get(k.rstrip('_')) == v for k, v in attrs.items()):
                yield n

    def classes(self):
        return self.attrs.get('class', '').split()

    def content(self):
        return self.text + ''.join(c.content() for c in self.children)


VOID = {'meta', 'br', 'img', 'input', 'link', 'hr'}


class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = self.cur = Node('#root', {}, None)

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        # text after a child goes to a text node so order is kept
        t = Node('#text', {}, self.cur)
        t.text = data
        self.cur.children.append(t)


failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def chromium(args, page, timeout=180):
    exe = shutil.which('chromium')
    if exe is None:
        sys.exit('county_page: chromium is not installed (.ci/deps)')
    profile = tempfile.mkdtemp(prefix='nbchrome')
    try:
        return subprocess.run(
            [exe, '--headless', '--no-sandbox', '--disable-gpu',
             '--disable-background-networking', '--disable-component-update',
             '--disable-sync', '--no-first-run', '--user-data-dir=' + profile,
             '--enable-logging=stderr', '--v=0'] + args + ['file://' + page],
            capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    nb, src, build = (os.path.abspath(a) for a in sys.argv[1:4])
    folder = os.path.join(src, 'tests', 'data', 'county', 'folder')
    art = os.path.join(build, 'artifacts')
    os.makedirs(art, exist_ok=True)
    page = os.path.join(art, 'county-page.html')
    r = subprocess.run([nb, 'check', '-r', folder, '--html', page],
                       capture_output=True, text=True,
                       env=dict(os.environ, LANG='C.UTF-8'))
    check(r.returncode == 1, 'exit %d (3 reports have errors): %s'
          % (r.returncode, r.stderr))
    raw = open(page, encoding='utf-8').read()
    check('<script' not in raw and '<link' not in raw and 'src=' not in raw
          and 'url(' not in raw, 'the page fetches something')
    dom = chromium(['--dump-dom'], page)
    check(dom.returncode == 0, 'chromium --dump-dom: %d' % dom.returncode)
    for line in dom.stderr.splitlines():
        check('CONSOLE' not in line and 'Uncaught' not in line,
              'console: ' + line)
    shot = os.path.join(art, 'county-page.png')
    s = chromium(['--window-size=1280,3000', '--screenshot=' + shot], page)
    check(s.returncode == 0 and os.path.getsize(shot) > 10000,
          'screenshot not written')
    t = Tree()
    t.feed(dom.stdout)
    check_dom(t.root, folder)
    for f in failures:
        print('FAIL:', f)
    print('county_page: %d checks failed; screenshot %s'
          % (len(failures), shot))
    return 1 if failures else 0


def check_dom(root, folder):
    ids = {n.attrs['id']: n for n in root.all() if 'id' in n.attrs}
    check('summary' in ids and 'grid' in ids and 'chart' in ids,
          'sections missing: %s' % sorted(ids)[:20])
    # Every in-page link has its target.
    links = [a for a in root.find('a') if a.attrs.get('href', '')
             .startswith('#')]
    # 11 reports in the grid, 9 findings naming another report
    check(len(links) == 20, '%d links' % len(links))
    for a in links:
        check(a.attrs['href'][1:] in ids, 'dangling ' + a.attrs['href'])
    counts = {k: ids[k].attrs.get('data-count') for k in
              ('n-reports', 'n-organs', 'n-clean', 'n-warnings', 'n-errors',
               'n-unread') if k in ids}
    check(counts == {'n-reports': '11', 'n-organs': '5', 'n-clean': '0',
                     'n-warnings': '8', 'n-errors': '3', 'n-unread': '0'},
          'summary counts %s' % counts)
    check_grid(ids)
    check_findings(root, ids, folder)


def article_title(ids, href):
    a = ids.get(href[1:])
    h3 = next(a.find('h3'), None) if a is not None else None
    return h3.content().strip() if h3 is not None else None


def check_grid(ids):
    table = next(ids['grid'].find('table'))
    years = [th.content().strip() for th in next(table.find('thead'))
             .find('th')][1:]
    check(years == ['2020', '2021', '2022', '2023', '2024'],
          'years %s' % years)
    rows = list(next(table.find('tbody')).find('tr'))
    check(len(rows) == 5, '%d organ rows' % len(rows))
    statuses = {}
    for tr in rows:
        cells = [c for c in tr.children if c.tag in ('th', 'td')]
        organ = cells[0].content().strip()
        for year, td in zip(years, cells[1:]):
            a = next(td.find('a'), None)
            if a is None:
                continue
            st = td.attrs.get('data-status')
            statuses[st] = statuses.get(st, 0) + 1
            check(article_title(ids, a.attrs['href']) == organ + ' ' + year,
                  'grid %s %s links to %s' % (organ, year,
                                             article_title(ids, a.attrs['href'])))
    check(statuses == {'errors': 3, 'warnings': 8}, 'grid %s' % statuses)


def check_findings(root, ids, folder):
    want = {'R5': 2, 'X1': 1, 'X2': 1, 'X3': 1, 'R9': 1, 'X5': 2, 'X6': 1}
    bars = {r.attrs['data-rule']: int(r.attrs['data-count'])
            for r in ids['chart'].find('rect')}
    for rule, n in want.items():
        check(bars.get(rule) == n, 'chart %s: %s' % (rule, bars.get(rule)))
    listed = {}
    for li in ids['reports'].find('li'):
        rule = li.attrs.get('data-rule')
        other = next(li.find('a', class_='other'), None)
        if other is None:
            continue
        listed[rule] = listed.get(rule, 0) + 1
        target = ids.get(other.attrs['href'][1:])
        path = next(target.find('p', class_='file')).content() \
            if target is not None else ''
        # a near-duplicate names the other report's file: the link goes there
        if rule == 'X5':
            check(path.split('：')[-1].strip() in li.content(),
                  'X5 links to %s' % path)
        check(li.parent.parent is not target, rule + ' links to itself')
    check(listed == want, 'findings listed %s' % listed)
    nums = {(td.attrs.get('data-num'), td.attrs.get('data-den'))
            for td in ids['rates'].find('td')}
    check(('59', '95') in nums and ('1', '2') in nums,
          'rates of 洪泽区 2024 missing')
    check(('1875', '3145') in nums, 'the county 2024 rate is pooled')
    check(any(td.attrs.get('data-cell') == 't3.new.total'
              and td.content().strip() == '3214'
              for td in ids['sums'].find('td')),
          '2024 summed 本年新收 is 95 + 3119')


if __name__ == '__main__':
    sys.exit(main())
