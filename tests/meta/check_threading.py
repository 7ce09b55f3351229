#!/usr/bin/env python3
"""Meta-test: no public function without a documented threading rule.

  check_threading.py [DIR_OR_HEADER...]   (default: $RB_SOURCE_DIR/engine/include/rescuebay)

A function is covered by its header's contract (a comment paragraph that starts with
"Threading:" or "Threads:", as sqlite.h states one per object) or by its own doc comment
saying which threads may call it (it mentions "thread"). Declarations written back to back
share the comment above the first one (as in check_docs.sh). Headers without a contract
must then say it per function; the offenders are listed with file:line.
"""
import os
import re
import sys

CONTRACT = re.compile(r"^\s*(?:/\*+|\*)?\s*(Threading|Threads)\s*:", re.M)
DECL = re.compile(r"^\s*RB_EXTERN\s(?![^(]*;)|^[A-Za-z_][A-Za-z0-9_ \t*]*[ \t*]rb_[A-Za-z0-9_]*\s*\(")
NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*$")


def declarations(lines):
    """-> [(lineno, name, doc_comment_text)], the comment shared along a back-to-back group."""
    out, comment, prev, in_comment, buf = [], "", "other", False, []
    group_doc = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if in_comment:
            buf.append(line)
            if "*/" in line:
                in_comment = False
                comment, prev = "\n".join(buf), "comment"
            i += 1
            continue
        s = line.strip()
        if not s:
            prev = "blank"
        elif s.startswith("/*"):
            buf = [line]
            if "*/" in s:
                comment, prev = line, ("comment" if s.endswith("*/") else "other")
            else:
                in_comment = True
        elif s.startswith("//"):
            comment, prev = line, "comment"
        elif s.startswith("#") or re.match(r"(typedef|return)\b", s):
            prev = "other"
        elif DECL.match(line):
            start, decl = i, line
            while ";" not in decl and i + 1 < len(lines):
                i += 1
                decl += " " + lines[i]
            m = NAME.search(decl.split("(", 1)[0])
            if prev == "comment":
                group_doc = comment
            elif prev != "decl":
                group_doc = ""
            out.append((start + 1, m.group(1) if m else "?", group_doc))
            prev = "decl"
        else:
            prev = "other"
        i += 1
    return out


def main(argv):
    args = argv or [os.path.join(os.environ.get("RB_SOURCE_DIR", "."), "engine/include/rescuebay")]
    files = []
    for a in args:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".h"))
        elif os.path.isfile(a):
            files.append(a)
        else:
            print(f"FAIL: no such header or folder: {a}")
            return 1
    total = by_header = by_own = 0
    offenders = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        contract = bool(CONTRACT.search(text))
        for n, name, doc in declarations(text.split("\n")):
            total += 1
            if contract:
                by_header += 1
            elif re.search(r"thread", doc, re.I):
                by_own += 1
            else:
                offenders.append(f"{path}:{n}: {name} has no threading rule")
    if offenders:
        print("FAIL: public functions without a threading rule (say which threads may call "
              "it in its comment, or give the header a 'Threading:' paragraph):")
        for o in offenders:
            print("  " + o)
        print(f"{len(offenders)} offender(s)")
        return 1
    if total == 0:
        print(f"FAIL: no function declarations found in {' '.join(args)}")
        return 1
    print(f"ok: {total} public functions in {len(files)} headers have a threading rule "
          f"({by_header} by their header's contract, {by_own} by their own comment)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
