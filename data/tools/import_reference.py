#!/usr/bin/env python3
"""One-time import of the research tables into data/models.csv.

Kept for provenance: models.csv is the source of truth after the import and is edited
by hand (one line per new Apple model). Usage:
    data/tools/import_reference.py /work/shared/reference/data > data/models.csv
"""
import csv
import re
import sys

VARIANT_TOKENS = {"wifi": "Wi-Fi", "wi-fi": "Wi-Fi", "cellular": "Cellular", "gsm": "GSM",
                  "cdma": "CDMA", "global": "Global", "china": "China", "1tb": "1TB",
                  "2tb": "2TB"}
NAME_FIXES = {"iPhone 2G": "iPhone (1st gen)", "iPhone 3Gs": "iPhone 3GS"}
# Per-model chips where one CPID covers two marketing names.
CHIP_OVERRIDES = {
    "iPhone17,1": "A18 Pro", "iPhone17,2": "A18 Pro", "iPhone17,3": "A18",
    "iPhone17,4": "A18", "iPhone17,5": "A18",
    "iPhone18,1": "A19 Pro", "iPhone18,2": "A19 Pro", "iPhone18,4": "A19 Pro",
    "iPhone18,3": "A19", "iPhone18,5": "A19",
    "iPad8,9": "A12Z Bionic", "iPad8,10": "A12Z Bionic", "iPad8,11": "A12Z Bionic",
    "iPad8,12": "A12Z Bionic", "ADP3,2": "A12Z Bionic",
    "iPad15,7": "A16", "iPad15,8": "A16",
}
SKIP = {"iPhone99,11", "VirtualMac2,1"}  # research VMs, never on a counter


def split_name(family, display):
    if family == "other":
        return display, ""
    name, variant = display, []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", display)
    if m:
        base, inner, tail = m.groups()
        keep = []
        for tok in [t.strip() for t in inner.split(",")]:
            if tok.lower() in VARIANT_TOKENS:
                variant.append(VARIANT_TOKENS[tok.lower()])
            else:
                keep.append(tok)
        name = base + (" (" + ", ".join(keep) + ")" if keep else "")
        if tail == "R2 2012":
            variant.append("2012 revision")
        elif tail:
            name += " " + tail
    name = NAME_FIXES.get(name, name).replace("iPod Touch", "iPod touch")
    return name, ", ".join(variant)


def hazards(row):
    out = []
    note = row.get("controls_note", "")
    if row.get("button_scheme") == "VOLUP_VOLDOWN_SIDE":
        out.append("emergency_sos")
    if "Action button" in note:
        out.append("action_button")
    if "Camera Control (right side" in note:
        out.append("camera_control")
    if "TOP edge" in note:
        out.append("volume_on_top_edge")
    if row.get("home_button", "").startswith("solid-state"):
        out.append("solid_state_home")
    return ";".join(out)


def main(ref):
    ui = {}
    with open(ref + "/devices_ui.csv", newline="") as f:
        for r in csv.DictReader(f):
            ui[(r["product_type"], r["hardware_model"])] = r
    w = csv.writer(sys.stdout, lineterminator="\n")
    print("# rescuebay model table. One row per (product type, board). Edit by hand;")
    print("# the build validates it (see docs/cli-models.md, 'The model table').")
    w.writerow(["product_type", "hardware_model", "cpid", "bdid", "name", "variant", "family",
                "chip", "buttons", "home_button", "connector", "hazards", "dfu_may_use_kis",
                "debian12_irecv", "controls_note"])
    with open(ref + "/devices.csv", newline="") as f:
        for r in csv.DictReader(f):
            pt = r["product_type"]
            if pt in SKIP:
                continue
            u = ui.get((pt, r["hardware_model"]))
            fam = pt.rstrip("0123456789,")
            family = fam if u and fam in ("iPhone", "iPad", "iPod") else "other"
            name, variant = split_name(family, r["display_name"])
            cpid = "0x%04X" % int(r["chip_id"], 16)
            bdid = "0x%02X" % int(r["board_id"], 16)
            if u:
                hb = u["home_button"]
                home = "mechanical" if hb.startswith("mechanical") else \
                    "solid_state" if hb.startswith("solid-state") else "none"
                note = u["controls_note"]
                if note == "Face ID":
                    note = ""
                w.writerow([pt, r["hardware_model"], cpid, bdid, name, variant, family,
                            CHIP_OVERRIDES.get(pt, ""), u["button_scheme"], home,
                            u["connector"], hazards(u),
                            "yes" if u["dfu_may_enumerate_as_kis_0x1881"] else "no",
                            "yes" if u["in_debian_bookworm_libirecovery_1_0_0"] == "yes" else "no",
                            note])
            else:
                w.writerow([pt, r["hardware_model"], cpid, bdid, name, "", "other",
                            CHIP_OVERRIDES.get(pt, ""), "NONE", "none", "", "", "no", "no", ""])


main(sys.argv[1])
