#!/usr/bin/env python3
"""Meta-test: engine modules use only the modules the design allows.

  check_edges.py --table module_edges.txt --src engine/src [--links engine-links.txt]

Two views of "uses", both checked against the table: the sources (#include of another
module's public header <rescuebay/x.h> or of a header in its folder "x/...") and the build
graph (--links: "rb_<module>: <LINK_LIBRARIES...>" per module, written by CMake at
generate time, so it is what the build really links). Including another module's
*_private.h is refused outright: private means one folder. The umbrella header
rescuebay.h is refused inside the engine: it would hide every edge.
"""
import argparse
import os
import re
import sys

CORE_HEADERS = {"common", "context", "text"}   # public headers that belong to core
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')


def read_table(path):
    """-> (allowed {mod: set}, pending [(lineno, mod, to)], rows {mod: lineno}, errors)"""
    allowed, pending, rows, errors = {}, [], {}, []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if ":" not in line:
                errors.append(f"{path}:{n}: not '<module>: <modules>': {raw.strip()}")
                continue
            mod, rest = (s.strip() for s in line.split(":", 1))
            words = rest.split()
            remove = "[remove]" in words
            words = [w for w in words if w != "[remove]"]
            allowed.setdefault(mod, set()).update(words)
            rows.setdefault(mod, n)
            if remove:
                pending.extend((n, mod, w) for w in words)
    return allowed, pending, rows, errors


def module_dirs(src):
    return sorted(d for d in os.listdir(src)
                  if os.path.isdir(os.path.join(src, d)) and not d.startswith("."))


def include_uses(src, modules):
    """-> list of (mod, to, where, kind) with kind 'private', 'umbrella' or 'use'."""
    found = []
    for mod in modules:
        folder = os.path.join(src, mod)
        for name in sorted(os.listdir(folder)):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                for n, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    inc, where = m.group(1), f"{path}:{n}"
                    parts = inc.split("/")
                    if len(parts) == 2 and parts[0] == "rescuebay":
                        base = parts[1][:-2] if parts[1].endswith(".h") else parts[1]
                        if base == "rescuebay":
                            found.append((mod, "*", where, "umbrella"))
                            continue
                        to = "core" if base in CORE_HEADERS else base
                    elif len(parts) == 2 and parts[0] in modules:
                        to = parts[0]
                        if to != mod and parts[1].endswith("_private.h"):
                            found.append((mod, to, f"{where}: {inc}", "private"))
                            continue
                    else:
                        continue            # system or library header
                    if to != mod:
                        found.append((mod, to, f"{where}: {inc}", "use"))
    return found


def link_uses(path, modules):
    """-> list of (mod, to, where) from 'rb_<mod>: libs...' lines."""
    found = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            if ":" not in raw:
                continue
            target, libs = raw.split(":", 1)
            mod = target.strip()[3:] if target.strip().startswith("rb_") else None
            if mod not in modules:
                continue
            for lib in re.split(r"[\s;]+", libs.strip()):
                lib = re.sub(r"^\$<LINK_ONLY:(.*)>$", r"\1", lib)
                if lib.startswith("rb_") and lib[3:] in modules and lib[3:] != mod:
                    found.append((mod, lib[3:], f"{path}:{n}: {target.strip()} links {lib}"))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--links")
    a = ap.parse_args()

    allowed, pending, rows, problems = read_table(a.table)
    if not os.path.isdir(a.src):
        print(f"FAIL: no such folder: {a.src}")
        return 1
    modules = module_dirs(a.src)
    for m in modules:
        if m not in rows:
            problems.append(f"module {m} (engine/src/{m}) has no row in {a.table}: "
                            "say which modules it may use")
    for m, n in rows.items():
        if m not in modules:
            problems.append(f"{a.table}:{n}: module {m} does not exist in {a.src}")
        for to in allowed[m]:
            if to not in modules and to not in rows:
                problems.append(f"{a.table}:{n}: {m} may use {to}, which does not exist")

    seen = set()
    uses = include_uses(a.src, modules)
    ninc = len({(m, t) for m, t, _, k in uses if k == "use"})
    for mod, to, where, kind in uses:
        if kind == "private":
            problems.append(f"{where}: {mod} includes {to}'s private header "
                            f"(private headers stay in engine/src/{to}/)")
        elif kind == "umbrella":
            problems.append(f"{where}: {mod} includes rescuebay.h: include the headers "
                            "of the modules it uses, so its edges show")
        else:
            seen.add((mod, to))
            if mod in rows and to not in allowed[mod]:
                problems.append(f"{where}: {mod} uses {to}, which the design does not allow "
                                f"({a.table})")
    nlinks = 0
    if a.links:
        if not os.path.isfile(a.links):
            problems.append(f"no build graph at {a.links} (configure first)")
        else:
            uses = link_uses(a.links, modules)
            nlinks = len({(m, t) for m, t, _ in uses})
            for mod, to, where in uses:
                seen.add((mod, to))
                if mod in rows and to not in allowed[mod]:
                    problems.append(f"{where}: {mod} links {to}, which the design does not "
                                    f"allow ({a.table})")

    for n, mod, to in pending:
        if (mod, to) in seen:
            print(f"note: {mod} -> {to} still exists; due to go ({a.table}:{n})")
    gone = {}
    for n, mod, to in pending:
        if (mod, to) not in seen:
            gone.setdefault(n, []).append(f"{mod} -> {to}")
    for n, edges in sorted(gone.items()):
        left = [f"{m} -> {t}" for k, m, t in pending if k == n and (m, t) in seen]
        if not left:
            problems.append(f"{a.table}:{n}: {', '.join(edges)} is gone from the sources "
                            "and the build: delete that line so it cannot come back")

    if problems:
        print("FAIL: module edges the design does not allow:")
        for p in problems:
            print("  " + p)
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"ok: {len(modules)} modules, {len(seen)} edges used ({ninc} in the includes"
          + (f", {nlinks} in the build graph" if a.links else "") + "), all allowed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
