#!/bin/sh
# Two processes fetching the same file into one cache folder: one download, the other
# waits and shares the verified result.
. "${RB_SOURCE_DIR:-$(dirname "$0")/../..}/tests/firmware/common.sh"
fx_make_ipsw "$FX_WWW/files/s.ipsw" 4
fx_catalog iPhone13,2 "$FX_WWW/files/s.ipsw" /slow/s.ipsw
rb list iPhone13,2 >/dev/null || fail "catalog"
"$RB" --home "$HOME_DIR" --json firmware fetch iPhone13,2 -q >"$T/a" 2>"$T/ea" &
a=$!
"$RB" --home "$HOME_DIR" --json firmware fetch iPhone13,2 -q >"$T/b" 2>"$T/eb" &
b=$!
wait $a || { cat "$T/ea"; fail "first fetch"; }
wait $b || { cat "$T/eb"; fail "second fetch"; }
[ "$(fx_requests /slow/s.ipsw)" -eq 1 ] || fail "downloaded $(fx_requests /slow/s.ipsw) times"
[ "$(fx_sent /slow/s.ipsw)" -eq $((4 * 1048576)) ] || fail "bytes sent"
cat "$T/a" "$T/b" | grep -q '"waited_for_other":	true' || fail "neither waited"
[ "$(objects)" -eq 1 ] || fail "objects"
ok "two concurrent fetches, one download"
