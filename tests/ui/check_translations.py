#!/usr/bin/env python3
"""Every shipped language is complete: lupdate (the real one) is run over the kiosk's QML and
C++ sources into a temporary copy of each .ts, so a string added to the sources and missing
from a .ts shows up as unfinished. Fails on any unfinished, vanished or empty translation,
on placeholders (%1, %2) a translation drops, and on German wording that confuses restoring
("Wiederherstellen") with recovery mode ("Wiederherstellungsmodus")."""
import os, re, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

SRC = os.environ["RB_SOURCE_DIR"]
LUPDATE = sys.argv[1]
LANGS = ["de", "fr", "es"]
problems = []

def messages(path):
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            yield name, m.findtext("source") or "", m.find("translation")

with tempfile.TemporaryDirectory() as tmp:
    for lang in LANGS:
        shipped = os.path.join(SRC, "translations", f"rescuebay_{lang}.ts")
        if not os.path.exists(shipped):
            problems.append(f"{lang}: translations/rescuebay_{lang}.ts is missing")
            continue
        ts = os.path.join(tmp, f"rescuebay_{lang}.ts")
        shutil.copy(shipped, ts)
        r = subprocess.run([LUPDATE, "-locations", "none", os.path.join(SRC, "ui", "qml"),
                            os.path.join(SRC, "ui", "app"),
                            # the same sources as qt_add_translations in ui/CMakeLists.txt
                            os.path.join(SRC, "ui", "shim", "receipt.cpp"), "-ts", ts],
                           capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(f"{lang}: lupdate failed: {r.stderr.strip()}")
            continue
        for ctx, src, tr in messages(ts):
            kind = tr.get("type") if tr is not None else "missing"
            text = (tr.text or "") if tr is not None else ""
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            if forms:  # a %n plural: its text is in the numerusforms, every one of them filled
                text = "" if not all(f.strip() for f in forms) else "\n".join(forms)
            where = f"{lang}: {ctx}: \"{src}\""
            if kind in ("vanished", "obsolete"):
                problems.append(f"{where}: no longer in the sources (run the update_translations target)")
            elif kind == "unfinished" or not text.strip():
                problems.append(f"{where}: not translated")
            else:
                for ph in sorted(set(re.findall(r"%\d", src))):
                    if ph not in text:
                        problems.append(f"{where}: the translation drops {ph}")
                if lang == "de":
                    recovery = re.search(r"recovery", src, re.I)
                    if "Wiederherstellungsmodus" in text and not recovery:
                        problems.append(f"{where}: \"Wiederherstellungsmodus\" is only for recovery mode")
                    if recovery and re.search(r"Wiederherstellung(?!smodus)", text):
                        problems.append(f"{where}: recovery mode is \"Wiederherstellungsmodus\"")
                    if re.search(r"\bSide\b", src) and "Seitentaste" not in text:
                        problems.append(f"{where}: the Side button is \"Seitentaste\"")

for p in problems:
    print(p)
print(f"{len(problems)} translation problem(s)")
sys.exit(1 if problems else 0)
