#!/bin/sh
# Verifying never creates or modifies anything in the backup folder: listing, sizes,
# modes, mtimes and hashes are compared before/after, on the real samples, on a backup
# with a Manifest.db-wal sidecar, on iOS 5-9 backups, and on read-only (chmod -R a-w) copies.
set -eu
rb="$RB_BIN/rescuebay"
gen="$RB_BACKUP_GEN"
fx="$RB_SOURCE_DIR/tests/fixtures/backups"
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
snap() { (cd "$1" && find . -printf '%p %y %s %m %T@\n' | LC_ALL=C sort && find . -type f -exec sha1sum {} + | LC_ALL=C sort); }

"$gen" "$tmp/wal" --files 5 --damage wal_sidecar
"$gen" "$tmp/enc" --files 5 --encrypted
# (generated: the sample's 10 000 000 PBKDF2 rounds make repeated runs slow under ASan)
"$gen" "$tmp/ro" --files 5 --encrypted
chmod -R a-w "$tmp/ro"
# iOS 5-9 backups (Manifest.mbdb, flat folder): plain, cut short, encrypted read-only.
"$gen" "$tmp/old" --files 5 --legacy
"$gen" "$tmp/oldcut" --files 5 --legacy --damage cut_mbdb
"$gen" "$tmp/oldro" --files 5 --legacy --encrypted
chmod -R a-w "$tmp/oldro"
for d in "$fx/SYNTHETIC_plain" "$fx/mvt-project_mvt" "$fx/greatvovan_ios-backup-browser" "$tmp/wal" "$tmp/enc" "$tmp/ro" \
         "$tmp/old" "$tmp/oldcut" "$tmp/oldro"; do
    before=$(snap "$d")
    for mode in --quick ""; do
        printf 'kiosk-test-1234\n' | "$rb" --home "$tmp/h" backup verify "$d" $mode --password-stdin > /dev/null || true
        "$rb" --home "$tmp/h" backup verify "$d" $mode --json > /dev/null || true
        "$rb" --home "$tmp/h" backup inventory "$d" > /dev/null || true
    done
    "$rb" --home "$tmp/h" backup list --root "$d" > /dev/null
    after=$(snap "$d")
    [ "$before" = "$after" ] || { echo "$before" > "$tmp/b"; echo "$after" > "$tmp/a"; diff "$tmp/b" "$tmp/a"; fail "$d changed"; }
done
printf 'kiosk-test-1234\n' | "$rb" --home "$tmp/h" backup verify "$tmp/ro" --password-stdin > /dev/null || fail "read-only copy not restorable"
printf 'kiosk-test-1234\n' | "$rb" --home "$tmp/h" backup verify "$tmp/oldro" --password-stdin > /dev/null || fail "read-only iOS 5-9 copy not restorable"
# No private copies are left behind in TMPDIR.
[ -z "$(ls "${TMPDIR:-/tmp}" | grep rescuebay-backup- || true)" ] || fail "temp copies left"
echo OK
