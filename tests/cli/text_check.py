#!/usr/bin/env python3
"""text_check.py human|json FILE... - the output checks of tests/cli/hostile_text.sh.

human: the bytes are valid UTF-8 and hold no control character other than newline, no
       bidi control and no line separator.
json:  the same, and the text parses as JSON (one document, or one per line with --lines).
Exit 1 with the offending file, offset and character on the first failure."""
import json
import sys
import unicodedata

BIDI = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def clean(path, data, allow_tab):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        sys.exit(f"FAIL: {path}: invalid UTF-8 at byte {e.start}: {data[max(0, e.start - 20):e.start + 5]!r}")
    for i, ch in enumerate(text):
        cp = ord(ch)
        if ch == "\n" or (allow_tab and ch == "\t"):
            continue
        if unicodedata.category(ch) == "Cc" or cp in BIDI:
            sys.exit(f"FAIL: {path}: raw U+{cp:04X} at character {i}: {text[max(0, i - 30):i + 5]!r}")
    return text


def main():
    mode, files = sys.argv[1], sys.argv[2:]
    lines = "--lines" in files
    files = [f for f in files if f != "--lines"]
    for f in files:
        data = open(f, "rb").read()
        # cJSON indents with tabs: allowed in JSON, where they are layout, not text.
        text = clean(f, data, mode == "json")
        if mode == "json":
            docs = [l for l in text.splitlines() if l.strip()] if lines else [text]
            if not docs:
                sys.exit(f"FAIL: {f}: no JSON at all")
            for d in docs:
                try:
                    json.loads(d)
                except ValueError as e:
                    sys.exit(f"FAIL: {f}: not JSON: {e}: {d[:200]!r}")


main()
