#!/bin/sh
# `rescuebay backup verify|inventory|list|extract` on iOS 5-9 backups (Manifest.mbdb):
# verdicts, exit codes and JSON as for current backups, the file named in findings.
# (Hostile names: backup_extract.sh; the folder left unchanged: backup_readonly.sh.)
set -eu
rb="$RB_BIN/rescuebay"
gen="$RB_BACKUP_GEN"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/backup_lib.sh"
codes() { python3 -c 'import json,sys; print(" ".join(sorted(json.load(open(sys.argv[1]))["finding_counts"])))' "$tmp/out"; }

"$gen" "$tmp/plain" --legacy --files 20
"$gen" "$tmp/enc" --legacy --files 20 --encrypted --password 's3cret pass'
"$gen" "$tmp/trunc" --legacy --files 20 --damage truncated_file
"$gen" "$tmp/cut" --legacy --files 20 --damage cut_mbdb
"$gen" "$tmp/garbled" --legacy --files 20 --damage bad_mbdb_header

expect 0 restorable -- backup verify "$tmp/plain" --json
python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["findings"] == [] and d["depth"] == "deep", d["findings"]
b = d["backup"]
assert b["ios_version"] == "9.3.5" and b["product_type"] == "iPhone5,2" and b["model_name"] == "iPhone 5", b
s = d["summary"]
assert s["files"] == 32 and s["files_present"] == 32 and s["files_read"] == 32 and s["digests_checked"] > 0, s
assert set(d["categories"]) == {"photos", "messages", "contacts", "call_history", "notes", "voice_memos",
                                "safari", "app_data", "health", "keychain", "other"}
PY
expect 0 restorable -- backup verify "$tmp/plain" --quick --json
expect 0 restorable -- backup verify "$tmp/plain" --target-ios 12.5.7 --target-model iPhone10,1 --json
expect 11 not_compatible -- backup verify "$tmp/plain" --target-ios 9.0 --target-model iPhone5,2 --json
[ "$(codes)" = ios_newer_than_device ] || fail "codes $(codes)"

expect 10 corrupt -- backup verify "$tmp/trunc" --json
python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["exit_code"] == 10 and d["finding_counts"] == {"file_size_mismatch": 1}, d["finding_counts"]
f = d["findings"][0]
assert (f["code"], f["severity"], f["domain"], f["relative_path"]) == \
    ("file_size_mismatch", "error", "HomeDomain", "Library/SMS/sms.db"), f
assert f["file_id"] == "3d0d7e5fb2ce288813306e4d4636395e047a3d28"
assert d["categories"]["messages"]["files_damaged"] == 1
PY
expect 10 corrupt -- backup verify "$tmp/cut" --json
[ "$(codes)" = "manifest_mbdb_truncated" ] || fail "cut: $(codes)"
grep -q 'record 37' "$tmp/out" || fail "cut record not named"
expect 10 corrupt -- backup verify "$tmp/garbled" --quick --json
[ "$(codes)" = manifest_mbdb_invalid ] || fail "garbled: $(codes)"
expect 10 - -- backup verify "$tmp/trunc"
grep -q "Library/SMS/sms.db" "$tmp/out" && grep -q "Do NOT erase" "$tmp/out" || fail "human report"

expect 12 password_needed -- backup verify "$tmp/enc" --json
printf 'wrong\n' | expect 13 wrong_password -- backup verify "$tmp/enc" --password-stdin --json
printf 's3cret pass\n' | expect 0 restorable -- backup verify "$tmp/enc" --password-stdin --json
python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["files_decrypted"] == 32 and d["finding_counts"] == {"legacy_hash_not_checked": 1}, d
assert d["backup"]["encrypted"] is True
PY

expect 0 - -- backup inventory "$tmp/trunc" --json
python3 - "$tmp/out" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["categories"]
assert c["messages"] == {"files_intact": 0, "bytes_intact": 0, "files_damaged": 1, "bytes_damaged": 1000}, c
assert c["photos"]["files_intact"] == 9, c["photos"]
PY

mkdir -p "$tmp/root"
cp -r "$tmp/plain" "$tmp/root/3d0d7e5fb2ce288813306e4d4636395e047a3d28"
cp -r "$tmp/cut" "$tmp/root/1111111111111111111111111111111111111111"
expect 0 - -- backup list --root "$tmp/root" --json
python3 - "$tmp/out" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["backups"]
assert [x["status"] for x in b] == ["complete", "complete"], b
assert all(x["ios_version"] == "9.3.5" and x["model_name"] == "iPhone 5" and x["size_bytes"] > 0 for x in b)
PY

printf 's3cret pass\n' | expect 0 - -- backup extract "$tmp/enc" --category photos --out "$tmp/x/photos" --password-stdin --json
python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["files_written"] == 9 and d["files_damaged"] == 0 and d["files_unsafe"] == 0, d
PY
[ "$(stat -c %s "$tmp/x/photos/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.JPG")" = 1000 ] || fail "decrypted size"
echo OK
