#!/bin/sh
# `rescuebay device info|pair|exit-recovery ID`: plain and --json output, exit codes.
. "$(dirname "$0")/devices_lib.sh"
sim_start "[sim]
reboot_ms = 200
$IPHONE11
paired = no
trust = accept
trust_pending = 1
$IPHONE8
mode = recovery
ios = 16.7.8
build = 20H343
paired = no
$IPAD
mode = dfu"
RB="$RB_BIN/rescuebay"

$RB device info 00008030-001A2B3C4D5E6F70 > "$T/info.txt" || fail "info exited $?"
grep -q '^iPhone 11 (iPhone12,1) — normal, not trusted' "$T/info.txt" || fail "$(cat "$T/info.txt")"
grep -q 'ECID: *0x001a2b3c4d5e6f70' "$T/info.txt" || fail "$(cat "$T/info.txt")"

$RB device info 0x001A2B3C4D5E6F70 --json > "$T/info.json" || fail "info --json exited $?"
json_has "$T/info.json" udid '"00008030-001A2B3C4D5E6F70"'
json_has "$T/info.json" trust '"not_paired"'
json_has "$T/info.json" battery_percent null

# Pairing: the prompt shows once, then the customer taps Trust.
$RB device pair 00008030-001A2B3C4D5E6F70 --wait 20 --json > "$T/pair.json" 2>"$T/pair.err" \
  || fail "pair exited $?: $(cat "$T/pair.err")"
grep -q 'Trust' "$T/pair.err" || fail "no Trust prompt message: $(cat "$T/pair.err")"
json_has "$T/pair.json" result '"paired"'
json_has "$T/pair.json" battery_percent 87
json_has "$T/pair.json" find_my true

# Unknown id: exit 1 and a JSON error; bad usage: exit 2.
set +e
$RB device info 0xDEADBEEF --json > "$T/err.json" 2>/dev/null; rc=$?
$RB device frobnicate 0x1 2>/dev/null; rc2=$?
$RB device exit-recovery 0x0000123456789ABC > /dev/null 2>"$T/dfu.err"; rc3=$?
set -e
[ $rc -eq 1 ] || fail "unknown id exit $rc"
json_has "$T/err.json" code '"RB_ERR_NOT_FOUND"'
[ $rc2 -eq 2 ] || fail "usage exit $rc2"
[ $rc3 -eq 5 ] || fail "DFU exit-recovery exit $rc3"
grep -q 'DFU mode, which software cannot leave' "$T/dfu.err" || fail "$(cat "$T/dfu.err")"

# The stuck iPhone 8 boots back to normal with the same ECID.
$RB device exit-recovery 0x000A1B2C3D4E5F60 --json > "$T/exit.json" || fail "exit-recovery exited $?"
json_has "$T/exit.json" result '"normal"'
json_has "$T/exit.json" mode '"normal"'
json_has "$T/exit.json" udid '"4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4"'
echo "devices_info: ok"
