#!/bin/sh
# `rescuebay backup extract`: decrypts into OUT with real names, refuses a non-empty OUT,
# never writes outside OUT whatever names Manifest.db (or Manifest.mbdb) holds.
set -eu
rb="$RB_BIN/rescuebay"
gen="$RB_BACKUP_GEN"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$gen" "$tmp/enc" --files 9 --encrypted
printf 'kiosk-test-1234\n' | "$rb" --home "$tmp/h" backup extract "$tmp/enc" --category photos \
    --out "$tmp/out" --password-stdin --json > "$tmp/res"
python3 - "$tmp/res" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["files_written"] == 4 and d["files_damaged"] == 0, d
PY
[ -f "$tmp/out/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.HEIC" ] || fail "real name"
[ "$(stat -c %s "$tmp/out/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.HEIC")" = 1000 ] || fail "decrypted size"

set +e
printf 'kiosk-test-1234\n' | "$rb" --home "$tmp/h" backup extract "$tmp/enc" --category photos \
    --out "$tmp/out" --password-stdin 2>/dev/null
rc=$?
"$rb" --home "$tmp/h" backup extract "$tmp/enc" --category photos --out "$tmp/o2" 2>/dev/null
rc2=$?
"$rb" --home "$tmp/h" backup extract "$tmp/enc" --category nonsense --out "$tmp/o3" 2>/dev/null
rc3=$?
set -e
[ $rc = 1 ] || fail "non-empty OUT accepted"
[ $rc2 = 1 ] || fail "missing password accepted"
[ $rc3 = 2 ] || fail "unknown category accepted"

# The same hostile names in iOS 5-9 backups (Manifest.mbdb): "legacy/<damage>".
for spec in path_traversal absolute_path blob_symlink fileid_malformed \
            legacy/path_traversal legacy/absolute_path legacy/blob_symlink; do
    dmg=${spec#legacy/}; layout=""; [ "$dmg" = "$spec" ] || layout=--legacy
    d=$(echo "$spec" | tr / -)
    rm -f /tmp/rb-abs-escape.txt
    mkdir -p "$tmp/h-$d/x/y"
    "$gen" "$tmp/b-$d" --files 2 --damage "$dmg" $layout
    for c in messages other; do
        "$rb" --home "$tmp/h" backup extract "$tmp/b-$d" --category $c --out "$tmp/h-$d/x/y/out-$c" > /dev/null
    done
    stray=$(cd "$tmp/h-$d" && find . -mindepth 1 | grep -v -e '^./x$' -e '^./x/y$' -e '^./x/y/out-' || true)
    [ -z "$stray" ] || fail "$d wrote outside OUT: $stray"
    [ -z "$(find "$tmp/h-$d" -type l)" ] || fail "$d made a symlink"
    [ ! -e /tmp/rb-abs-escape.txt ] || fail "$d wrote an absolute path"
    ! grep -rq '^root:' "$tmp/h-$d" || fail "$d followed the content symlink"
done
[ ! -e "$tmp/rb-escape.txt" ] && [ ! -e "$tmp/../rb-escape.txt" ] || fail "escape"
echo OK
