#!/bin/sh
# `rescuebay backup verify --device ID`: the target iOS version and model come from the
# device monitor, here a simulated iPhone 11 on iOS 16.7.2 (sim/scenarios/three-bays).
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
rb="$RB_BIN/rescuebay"
gen="$RB_BACKUP_GEN"
BAY1=00008030-001A2B3C4D5E6F70
start_sim bays three-bays
"$gen" "$T/new" --files 3 --ios 17.5.1 --product-type iPhone14,5
"$gen" "$T/old" --files 3 --ios 16.1 --product-type iPhone12,1
"$gen" "$T/ipad" --files 3 --ios 16.1 --product-type iPad13,1

check() { # check DIR -> $V verdict, $RC exit code
    set +e
    "$rb" --home "$T/h" backup verify "$1" --quick --device $BAY1 --json > "$T/out" 2> "$T/err"
    RC=$?
    set -e
    V=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"])' "$T/out" 2>/dev/null || cat "$T/err")
}
check "$T/old"
[ "$V" = restorable ] && [ $RC = 0 ] || fail "16.1 backup to 16.7.2 device: $V $(cat "$T/out" "$T/err")"
ok "older backup is restorable on the device"
check "$T/new"
[ "$V" = not_compatible ] && [ $RC = 11 ] || fail "17.5.1 backup to 16.7.2 device: $V"
grep -q '"16.7.2"' "$T/out" || fail "target not reported"
grep -q ios_newer_than_device "$T/out" || fail "no ios_newer_than_device"
ok "newer backup is not compatible"
check "$T/ipad"
[ "$V" = not_compatible ] || fail "iPad backup to iPhone: $V"
grep -q device_family_mismatch "$T/out" || fail "no device_family_mismatch"
python3 - "$T/out" <<'PY' || fail "target not named from the catalog: $(cat "$T/out")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["target"]["model_name"] == "iPhone 11" and d["backup"]["model_name"].startswith("iPad"), d["target"]
assert any("iPhone 11" in f["detail"] for f in d["findings"] if f["code"] == "device_family_mismatch")
PY
ok "iPad backup is not compatible with an iPhone"
ok "the device and the backup are named from the catalog by the CLI"
set +e
"$rb" --home "$T/h" backup verify "$T/old" --quick --device 00008030-FFFFFFFFFFFFFFFF > /dev/null 2>&1
rc=$?
set -e
[ $rc = 1 ] || fail "unknown device gave $rc"
ok "unknown device is an error"
