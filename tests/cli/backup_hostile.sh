#!/bin/sh
# `rescuebay backup verify|inventory|extract` on hostile backups: every limit the verifier
# hits is exit 10 "corrupt" with a finding naming the file and the limit, never 0
# "restorable"; every kind of device in the catalog as --target-model; --max-findings never
# hides the verdict; private copies of Manifest.db stay out of $TMPDIR.
set -eu
rb="$RB_BIN/rescuebay"
gen="$RB_BACKUP_GEN"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$tmp/world"
export TMPDIR="$tmp/world"

run() { # run WANT_CODE ARGS...: exit code check, output in $tmp/out
    want=$1; shift
    set +e
    "$rb" --home "$tmp/home" "$@" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    set -e
    [ "$rc" = "$want" ] || { cat "$tmp/out" "$tmp/err" >&2; fail "$* exited $rc, want $want"; }
}

# json_check FILE PYTHON-EXPR (d is the parsed output)
json_check() {
    python3 - "$tmp/out" "$1" <<'PY' || fail "$1"
import json, sys
d = json.load(open(sys.argv[1]))
if not eval(sys.argv[2]):
    print(json.dumps(d, indent=1)[:3000], file=sys.stderr)
    sys.exit(1)
PY
}

# damage | code | file named | words in the detail (every plist with every padding, and
# each at every depth: test_backup_hostile)
while IFS='|' read -r damage code file words; do
    [ -n "$damage" ] || continue
    rm -rf "$tmp/b"
    "$gen" "$tmp/b" --files 6 --damage "$damage"
    run 10 --json backup verify "$tmp/b"
    json_check "d['verdict'] == 'corrupt' and d['exit_code'] == 10 and any(f['code'] == '$code' and f['severity'] == 'error' and ('$file' in f['relative_path'] or '$file' in f['detail']) and '$words' in f['detail'] for f in d['findings'])"
    run 10 backup verify "$tmp/b" --quick
    grep -q "CORRUPT" "$tmp/out" && grep -q "$code" "$tmp/out" || fail "$damage: human report"
done <<'EOF'
info_plist_huge_zeros|plist_too_large|Info.plist|16 MB limit
manifest_plist_huge_spaces|plist_too_large|Manifest.plist|16 MB limit
status_plist_huge_junk|plist_too_large|Status.plist|16 MB limit
snapshot_unfinished,status_plist_huge_zeros|plist_too_large|Status.plist|16 MB limit
info_plist_trailing_junk|info_plist_invalid|Info.plist|after the end
mbfile_huge|mbfile_invalid|Library/SMS/sms.db|1 MB limit
row_huge|manifest_db_incomplete|Manifest.db|4 MB limit
row_flags_unknown|row_flags_unknown|Library/odd-row|not checked
EOF

# A list that stops part way: inventory says it is incomplete, extract fails.
rm -rf "$tmp/b"
"$gen" "$tmp/b" --files 30 --damage row_huge
run 10 --json backup inventory "$tmp/b"
json_check "d['inventory_complete'] is False"
run 10 backup inventory "$tmp/b"
grep -q "INCOMPLETE" "$tmp/out" || fail "inventory does not say it is incomplete"
run 1 backup extract "$tmp/b" --category photos --out "$tmp/x"
grep -q "incomplete" "$tmp/err" || fail "extract does not say it is incomplete"
rm -rf "$tmp/ok"
"$gen" "$tmp/ok" --files 30
run 0 --json backup inventory "$tmp/ok"
json_check "d['inventory_complete'] is True"

# Each kind of device in the catalog as --target-model (every product type: test_backup_hostile):
# the first three of each family, the Apple TV and Watch ones included.
run 0 --json models --all
python3 - "$tmp/out" > "$tmp/models" <<'PY'
import json, sys
seen = {}
for m in json.load(open(sys.argv[1]))["models"]:
    if seen.setdefault(m["family"], 0) < 3:
        seen[m["family"]] += 1
        print(m["product_type"], m["family"])
PY
for fam in iPhone iPad iPod other; do
    grep -q " $fam\$" "$tmp/models" || fail "no $fam in the catalog"
done
grep -q "^AppleTV" "$tmp/models" || echo "AppleTV5,3 other" >> "$tmp/models"
grep -q "^Watch" "$tmp/models" || echo "Watch6,1 other" >> "$tmp/models"
while read -r pt fam; do
    if [ "$fam" = iPhone ]; then want=0; else want=11; fi
    run $want backup verify "$tmp/ok" --quick --target-ios 99.0 --target-model "$pt"
    [ $want = 0 ] || { grep -q "device_family_mismatch: .*$pt" "$tmp/out" && ! grep -q "Manifest.plist" "$tmp/out"; } ||
        fail "--target-model $pt: $(cat "$tmp/out")"
done < "$tmp/models"

# The findings cap never hides the verdict, and the list says it was cut.
rm -rf "$tmp/b"
"$gen" "$tmp/b" --files 6 --damage version_differs,missing_file
run 10 --json backup verify "$tmp/b" --max-findings 1
json_check "d['verdict'] == 'corrupt' and [f['code'] for f in d['findings']] == ['plists_version_differs', 'findings_truncated'] and d['findings'][1]['severity'] == 'error'"

# Private copies (Manifest.db with a -wal sidecar, and decrypted) never go to $TMPDIR.
rm -rf "$tmp/b" "$tmp/e"
"$gen" "$tmp/b" --files 6 --damage wal_sidecar
"$gen" "$tmp/e" --files 6 --encrypted --password pw
run 10 --json backup verify "$tmp/b"
printf 'pw\n' | run 0 --json backup verify "$tmp/e" --password-stdin
[ -z "$(ls -A "$tmp/world")" ] || fail "files left in \$TMPDIR: $(ls -A "$tmp/world")"
[ -z "$(ls -A "$tmp/home/tmp")" ] || fail "files left in the data home: $(ls -A "$tmp/home/tmp")"
echo OK
