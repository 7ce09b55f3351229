#!/bin/sh
# Cache upkeep: LRU eviction under a budget spares a pinned file; prune --to; import of a
# local IPSW (hard link on the same filesystem, copy elsewhere), refused when unknown or
# damaged; verify removes a damaged cached file and the index stays consistent.
. "${RB_SOURCE_DIR:-$(dirname "$0")/../..}/tests/firmware/common.sh"
for n in 1 2 3 4; do fx_make_ipsw "$FX_WWW/files/e$n.ipsw" 2; done
fx_catalog iPhone14,1 "$FX_WWW/files/e1.ipsw" "" true 20A1
fx_catalog iPhone14,2 "$FX_WWW/files/e2.ipsw" "" true 20A2
fx_catalog iPhone14,3 "$FX_WWW/files/e3.ipsw" "" true 20A3
fx_catalog iPhone14,4 "$FX_WWW/files/e4.ipsw" "" true 20A4
S1=$(sha1sum "$FX_WWW/files/e1.ipsw" | cut -d' ' -f1)
S2=$(sha1sum "$FX_WWW/files/e2.ipsw" | cut -d' ' -f1)
S3=$(sha1sum "$FX_WWW/files/e3.ipsw" | cut -d' ' -f1)
S4=$(sha1sum "$FX_WWW/files/e4.ipsw" | cut -d' ' -f1)
echo "firmware.cache_budget = 7M" >> "$HOME_DIR/rescuebay.conf"
# All within the same second or not: the order of use decides, never the clock or the sha1.
rb fetch iPhone14,1 --pin -q >/dev/null || fail "fetch 1"
rb fetch iPhone14,2 -q >/dev/null || fail "fetch 2"
rb fetch iPhone14,3 -q >/dev/null || fail "fetch 3"
rb fetch iPhone14,2 -q >/dev/null || fail "fetch 2 again (from the cache)"
rb fetch iPhone14,4 -q >/dev/null || fail "fetch 4"
# 8 MiB > 7 MiB budget: of the unpinned older files (2 and 3) the least recently used, 3,
# goes; pinned 1, just used 2 and new 4 stay
st=$(rb status)
echo "$st" | grep -q "$S1" || fail "pinned file evicted"
echo "$st" | grep -q "$S2" || fail "recently used file evicted"
echo "$st" | grep -q "$S3" && fail "least recently used file kept"
echo "$st" | grep -q "$S4" || fail "newest evicted"
[ "$(objects)" -eq 3 ] || fail "objects on disk $(objects)"
ok "budget eviction takes the least recently used, spares the pinned file"

rb prune --to 0 >/dev/null || fail "prune"
[ "$(objects)" -eq 1 ] || fail "prune --to 0 left $(objects)"
rb unpin "${S1%????????????????????????????????}" || fail "unpin by prefix"
rb prune --to 0 >/dev/null || fail "prune 2"
[ "$(objects)" -eq 0 ] || fail "unpinned file not pruned"
"$RB" --home "$HOME_DIR" --json firmware status | grep -q '"total_bytes":	0' || fail "status total"
ok "prune --to, pin/unpin"

# import on the same filesystem: hard link, no copy
cp "$FX_WWW/files/e2.ipsw" "$T/iPhone14,2_15.0_20A2_Restore.ipsw"
p=$(rb import "$T/iPhone14,2_15.0_20A2_Restore.ipsw" -q) || fail "import"
[ "$(stat -c %h "$p")" -eq 2 ] || fail "import did not hard-link"
[ "$(stat -c %i "$p")" = "$(stat -c %i "$T/iPhone14,2_15.0_20A2_Restore.ipsw")" ] || fail "inode"
ok "import (same filesystem: hard link)"
# another filesystem (/dev/shm is tmpfs): one copy
if [ -d /dev/shm ] && [ "$(stat -c %d /dev/shm)" != "$(stat -c %d "$T")" ]; then
    cp "$FX_WWW/files/e3.ipsw" /dev/shm/rb-e3-$$.ipsw
    p=$(rb import /dev/shm/rb-e3-$$.ipsw -q) || { rm -f /dev/shm/rb-e3-$$.ipsw; fail "import copy"; }
    rm -f /dev/shm/rb-e3-$$.ipsw
    [ "$(stat -c %h "$p")" -eq 1 ] || fail "copy"
    [ "$(sha1sum "$p" | cut -d' ' -f1)" = "$S3" ] || fail "copy content"
    ok "import (other filesystem: one copy)"
fi
fx_make_ipsw "$T/unknown.ipsw" 1
rb import "$T/unknown.ipsw" 2>"$T/err" && fail "unknown file imported"
grep -q "no known catalog" "$T/err" || fail "unknown message: $(cat "$T/err")"
ok "import of a file in no catalog is refused"

# verify finds a damaged cached file, removes it, index consistent
obj="$HOME_DIR/firmware/objects/$S2.ipsw"
chmod u+w "$obj"
printf 'ZZ' | dd of="$obj" bs=1 seek=100 conv=notrunc 2>/dev/null
rb verify --all 2>"$T/err" >/dev/null; rc=$?
[ $rc -eq 3 ] || fail "verify exit $rc"
rb status | grep -q "$S2" && fail "damaged file still indexed"
# a file removed by hand disappears from the index
rm -f "$HOME_DIR/firmware/objects/$S3.ipsw"
rb status | grep -q "$S3" && fail "missing file still indexed"
ok "verify removes damaged files; index follows the folder"
