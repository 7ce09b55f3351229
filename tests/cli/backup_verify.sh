#!/bin/sh
# `rescuebay backup verify|inventory|list`: verdict exit codes, --json shape, password
# from stdin and from a file, target checks, and the real sample backups.
set -eu
rb="$RB_BIN/rescuebay"
gen="$RB_BACKUP_GEN"
fx="$RB_SOURCE_DIR/tests/fixtures/backups"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/backup_lib.sh"

"$gen" "$tmp/plain" --files 20
"$gen" "$tmp/enc" --files 20 --encrypted --password 's3cret pass'
"$gen" "$tmp/broken" --files 20 --damage truncated_file

expect 0 restorable -- backup verify "$tmp/plain" --json
expect 0 restorable -- backup verify "$tmp/plain" --quick --json
expect 10 corrupt -- backup verify "$tmp/broken" --json
python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["exit_code"] == 10
f = [x for x in d["findings"] if x["code"] == "file_size_mismatch"]
assert len(f) == 1, d["findings"]
for k in ("code", "severity", "domain", "relative_path", "file_id", "detail"):
    assert k in f[0], k
assert f[0]["severity"] == "error" and f[0]["domain"] == "HomeDomain"
assert f[0]["relative_path"] == "Library/SMS/sms.db"
assert d["summary"]["size_mismatches"] == 1 and d["summary"]["errors"] == 1
assert d["finding_counts"] == {"file_size_mismatch": 1}
assert d["categories"]["messages"]["files_damaged"] == 1
assert d["backup"]["product_type"] == "iPhone14,5" and d["backup"]["encrypted"] is False
PY
expect 12 password_needed -- backup verify "$tmp/enc" --json
printf 'wrong\n' | expect 13 wrong_password -- backup verify "$tmp/enc" --password-stdin --json
printf 's3cret pass\n' | expect 0 restorable -- backup verify "$tmp/enc" --password-stdin --json
printf 's3cret pass' > "$tmp/pw"
expect 0 restorable -- backup verify "$tmp/enc" --password-file "$tmp/pw" --json
expect 11 not_compatible -- backup verify "$tmp/plain" --target-ios 16.0 --target-model iPhone14,5 --json
grep -q ios_newer_than_device "$tmp/out" || fail "no ios_newer_than_device"
expect 11 not_compatible -- backup verify "$tmp/plain" --target-ios 18.0 --target-model iPad13,1 --json
grep -q device_family_mismatch "$tmp/out" || fail "no device_family_mismatch"
expect 0 restorable -- backup verify "$tmp/plain" --target-ios 18.0 --target-model iPhone16,2 --json

# Human report: plain words and what to do next.
expect 10 - -- backup verify "$tmp/broken"
grep -q "CORRUPT" "$tmp/out" && grep -q "Do NOT erase" "$tmp/out" || fail "human report"
grep -q "Library/SMS/sms.db" "$tmp/out" || fail "human report names the file"
expect 12 - -- backup verify "$tmp/enc"
grep -q "password" "$tmp/out" || fail "password hint"

# Usage and missing folders.
expect 2 - -- backup verify
expect 2 - -- backup verify "$tmp/plain" --password-stdin --password-file x
expect 1 - -- backup verify "$tmp/nope"

# Real sample backups.
expect 0 restorable -- backup verify "$fx/SYNTHETIC_plain" --json
printf 'kiosk-test-1234\n' | expect 0 restorable -- backup verify "$fx/SYNTHETIC_encrypted_pw_kiosk-test-1234" --password-stdin --json
expect 10 corrupt -- backup verify "$fx/mvt-project_mvt" --json
python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["finding_counts"]
assert c["file_missing"] == 1055 and c["orphan_file"] == 1 and c["manifest_plist_missing"] == 1, c
assert len(d["findings"]) == sum(c.values()), "every finding is listed"
PY
expect 10 corrupt -- backup verify "$fx/greatvovan_ios-backup-browser" --json

# Inventory.
expect 0 - -- backup inventory "$tmp/broken" --json
python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["categories"]["messages"] == {"files_intact": 0, "bytes_intact": 0, "files_damaged": 1, "bytes_damaged": 1000}, d["categories"]["messages"]
assert d["categories"]["photos"]["files_intact"] >= 1
PY
expect 0 - -- backup inventory "$tmp/broken"
grep -q "^messages" "$tmp/out" || fail "inventory table"
expect 12 - -- backup inventory "$tmp/enc"

# List.
mkdir -p "$tmp/root"
cp -r "$tmp/plain" "$tmp/root/00008110-000000000000001E"
cp -r "$tmp/enc" "$tmp/root/00008110-000000000000002F"
expect 0 - -- backup list --root "$tmp/root" --json
python3 - "$tmp/out" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["backups"]
assert len(b) == 2, b
assert {x["encrypted"] for x in b} == {True, False}
for x in b:
    assert x["model_name"] == "iPhone 13" and x["ios_version"] == "17.5.1" and x["size_bytes"] > 0
    assert x["status"] == "complete"
PY
expect 0 - -- backup list --root "$tmp/root"
grep -q "iPhone 13" "$tmp/out" || fail "list table"
echo OK
