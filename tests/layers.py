#!/usr/bin/env python3
"""The front end's files form layers: no circle of includes or calls.

usage: layers.py SOURCE_DIR BUILD_DIR [CC]

The graph has one node per file of tui/ (.c and .h).  Its edges:
  - includes: the headers of each .c file (direct or not), from the
    depfile the compiler wrote when the build compiled it (-MD, the same
    list as -MM), or from `CC -MM` for a header with no .c of its own;
    (a header's own includes are among those of its .c);
  - calls and references: every symbol an object file of the build uses
    (`nm -u`) goes to the .c file that defines it (`nm --defined-only`),
    so a table of function pointers counts as much as a call.
A circle is a strongly connected component.  The same graph is read with
a .c and its .h as one node (a module: what its header declares depends
on what its .c uses).  The test fails when a circle spans more than two
files or two modules; it prints the circles, then the editor's modules
in layers: each module only uses modules of lower layers.

It also checks, for tui/editor:
  - no .c file over 800 lines, no function over 80 lines;
  - each field of struct tui_app (ed_app.h) is assigned only in the file
    of its owner, named in the comment above its group (the app is
    called `a` throughout).
"""
import os
import re
import subprocess
import sys

MAX_FILE = 800
MAX_FUNC = 80


def tui_files(src):
    out = []
    for d in ("tui/cli", "tui/core", "tui/editor"):
        for f in sorted(os.listdir(os.path.join(src, d))):
            if f.endswith((".c", ".h")):
                out.append(os.path.join(d, f))
    return out


def depfile_deps(text):
    """The prerequisites of a make rule (a depfile, or -MM's output)."""
    return text.replace("\\\n", " ").split(":", 1)[1].split()


def include_edges(src, files, objs, cc):
    """Each file's headers: for a .c file, the depfile the compiler wrote
    when it built it (-MD: the same as -MM); for the files without one
    (header-only modules, or a generator that keeps no depfiles), -MM."""
    deps, rest = {}, []
    for f in files:
        d = objs.get(f, "") + ".d"
        if f.endswith(".c") and os.path.exists(d):
            deps[f] = depfile_deps(open(d, encoding="utf-8").read())
        elif f.endswith(".c") or not os.path.exists(
                os.path.splitext(f)[0] + ".c"):
            rest.append(f)
    if rest:
        incs = ["-I" + os.path.join(src, d)
                for d in ("model", "tui/cli", "tui/core", "tui/editor")]
        # -nostdinc -MG: system headers are not read (no tui file).
        r = subprocess.run([cc, "-MM", "-MG", "-nostdinc", "-x", "c"] +
                           incs + [os.path.join(src, f) for f in rest],
                           capture_output=True, text=True, check=True)
        rules = [x for x in r.stdout.replace("\\\n", " ").split("\n")
                 if x.strip()]
        for f, rule in zip(rest, rules):
            deps[f] = depfile_deps(rule)
    edges = set()
    for f, ds in deps.items():
        for d in ds:
            d = os.path.relpath(os.path.realpath(d), src) \
                if os.path.isabs(d) else os.path.normpath(d)
            if d in files and d != f:
                edges.add((f, d))
    return edges


def objects(build, files):
    """The object file of each tui .c file, from CMake's layout."""
    objs = {}
    for root, _, names in os.walk(build):
        for n in names:
            if not n.endswith(".c.o"):
                continue
            p = os.path.join(root, n)
            m = re.search(r"\.dir/(tui/.*\.c)\.o$", p)
            if m and m.group(1) in files:
                objs[m.group(1)] = p
    return objs


def symbol_edges(objs):
    byobj = {o: f for f, o in objs.items()}
    defined, used = {}, {}
    r = subprocess.run(["nm", "-A", "--defined-only"] + list(byobj),
                       capture_output=True, text=True, check=True)
    for ln in r.stdout.splitlines():
        o, rest = ln.rsplit(":", 1)
        p = rest.split()
        if len(p) == 3 and p[1] in "TDRBGS":
            defined[p[2]] = byobj[o]
    r = subprocess.run(["nm", "-A", "-u"] + list(byobj),
                       capture_output=True, text=True, check=True)
    for ln in r.stdout.splitlines():
        o, rest = ln.rsplit(":", 1)
        used.setdefault(byobj[o], []).append(rest.split()[-1])
    return {(f, defined[s]) for f, syms in used.items() for s in syms
            if s in defined and defined[s] != f}


def sccs(nodes, edges):
    """Tarjan's strongly connected components."""
    succ = {n: [] for n in nodes}
    for a, b in edges:
        succ[a].append(b)
    index, low, stack, on, out = {}, {}, [], set(), []
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in succ[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))
    for n in nodes:
        if n not in index:
            visit(n)
    return out


def module(f):
    return os.path.splitext(os.path.basename(f))[0]


def layers(nodes, edges):
    """Longest path from the bottom, for an acyclic graph."""
    succ = {n: set() for n in nodes}
    for a, b in edges:
        if a != b:
            succ[a].add(b)
    level = {}

    def depth(n, seen=()):
        if n in level:
            return level[n]
        if n in seen:
            return 0
        level[n] = 1 + max([depth(m, seen + (n,)) for m in succ[n]] or [-1])
        return level[n]
    for n in nodes:
        depth(n)
    return level


def long_functions(path):
    """(name, lines) of the functions of a .c file over MAX_FUNC lines."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, name, start = [], None, None
    for i, ln in enumerate(lines):
        m = re.match(r"^([a-z_][a-z_0-9]*)\(", ln)
        if m:
            name, start = m.group(1), i
        elif ln == "}" and name is not None:
            if i - start + 1 > MAX_FUNC:
                out.append((name, i - start + 1))
            name = None
    return out


def owners(src):
    """field -> owner module, from the comments of struct tui_app."""
    text = open(os.path.join(src, "tui/editor/ed_app.h"),
                encoding="utf-8").read()
    body = text[text.index("struct tui_app {"):]
    body = body[:body.index("\n};")]
    own, cur, by_type = {}, None, False
    for ln in body.split("\n"):
        m = re.search(r"owner: ([a-z_]+)", ln)
        if m:
            cur, by_type = m.group(1), m.group(1) == "the"
            continue
        m = re.match(r"\s+(?:const\s+)?(?:struct|enum)?\s*(\w+)[\s*]+"
                     r"(?:const\s*\*?)?\s*\*?(\w+)(?:\[.*\])?;", ln)
        if m and cur is not None:
            own[m.group(2)] = m.group(1) if by_type else cur
    return own


def ownership(src, files):
    own = owners(src)
    bad = []
    for f in files:
        if not f.startswith("tui/editor/") or not f.endswith(".c"):
            continue
        text = open(os.path.join(src, f), encoding="utf-8").read()
        for field, mod in own.items():
            pat = (r"\ba(?:->|\.)%s\s*(?:=(?!=)|\+=|-=|\|=|&=|\+\+|--)|"
                   r"(?:\+\+|--)\s*a(?:->|\.)%s\b") % (field, field)
            if re.search(pat, text) and module(f) != mod:
                bad.append("%s assigns a->%s (owner: %s)" % (f, field, mod))
    return bad


def main():
    src, build = sys.argv[1], sys.argv[2]
    cc = sys.argv[3] if len(sys.argv) > 3 else "cc"
    os.chdir(src)
    files = tui_files(src)
    objs = objects(build, files)
    missing = [f for f in files if f.endswith(".c") and f not in objs]
    if missing:
        print("no object file for: " + " ".join(missing))
        return 1
    edges = include_edges(src, files, objs, cc) | symbol_edges(objs)
    fail = []
    circles = [c for c in sccs(files, edges) if len(c) > 1]
    for c in circles:
        print("circle of %d files: %s" % (len(c), " ".join(c)))
        if len(c) > 2:
            fail.append("a circle spans %d files" % len(c))
    mods = sorted({module(f) for f in files if f.startswith("tui/editor/")})
    medges = {(module(a), module(b)) for a, b in edges
              if a.startswith("tui/editor/") and b.startswith("tui/editor/")
              and module(a) != module(b)}
    mcircles = [c for c in sccs(mods, medges) if len(c) > 1]
    for c in mcircles:
        print("circle of %d modules: %s" % (len(c), " ".join(c)))
        if len(c) > 2:
            fail.append("a circle spans %d modules" % len(c))
    print("files: %d, edges: %d, circles: %d (of modules: %d)" %
          (len(files), len(edges), len(circles), len(mcircles)))
    if not mcircles:
        lv = layers(mods, medges)
        for k in range(max(lv.values()) + 1):
            print("layer %2d: %s" % (k, " ".join(
                m for m in mods if lv[m] == k)))
    for f in files:
        if not f.startswith("tui/editor/") or not f.endswith(".c"):
            continue
        n = open(f, encoding="utf-8").read().count("\n")
        if n > MAX_FILE:
            fail.append("%s has %d lines" % (f, n))
        for name, k in long_functions(f):
            fail.append("%s: %s() has %d lines" % (f, name, k))
    fail += ownership(src, files)
    for m in fail:
        print("FAIL: " + m)
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
