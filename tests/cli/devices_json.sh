#!/bin/sh
# `rescuebay devices --json` and the plain listing against three simulated bays:
# normal paired, normal untrusted, recovery, plus an unknown future model.
. "$(dirname "$0")/devices_lib.sh"
sim_start "$IPHONE11
paired = yes
$IPHONE8
mode = normal
ios = 16.7.8
build = 20H343
paired = no
$IPAD
mode = recovery
[device future]
mode = normal
product_type = iPhone99,1
cpid = 0x8999
bdid = 0x42
ecid = 0x0099AABBCCDDEEFF
udid = 00008999-0099AABBCCDDEEFF
ios = 30.0
build = 30A1
paired = no"

"$RB_BIN/rescuebay" devices --json > "$T/out.json" || fail "devices --json exited $?"
[ "$(grep -c '"udid":' "$T/out.json")" -eq 4 ] || fail "expected 4 devices: $(cat "$T/out.json")"
json_has "$T/out.json" name '"iPhone 11"'
json_has "$T/out.json" name '"iPhone 8"'
json_has "$T/out.json" name '"iPad \(7th gen\)"'
json_has "$T/out.json" name '"iPhone99,1"'
json_has "$T/out.json" known_model false
json_has "$T/out.json" mode '"recovery"'
json_has "$T/out.json" trust '"paired"'
json_has "$T/out.json" trust '"not_paired"'
json_has "$T/out.json" trust '"not_applicable"'
json_has "$T/out.json" ecid '"0x001a2b3c4d5e6f70"'
json_has "$T/out.json" battery_percent 87
json_has "$T/out.json" ios_version '"16.7.8"'

"$RB_BIN/rescuebay" devices > "$T/out.txt" || fail "devices exited $?"
# What to do next is the engine's action and wording (rb_next_action_text), as on the kiosk.
grep -q "^iPhone 11 (iPhone12,1) — normal, trusted: verify the customer's backup next" "$T/out.txt" \
  || fail "plain: $(cat "$T/out.txt")"
grep -q '^iPhone 8 (iPhone10,4) — normal, not trusted: ask the customer to unlock and tap Trust' "$T/out.txt" \
  || fail "plain: $(cat "$T/out.txt")"
grep -q '^iPad (7th gen) (iPad7,11) — recovery mode: exit recovery to start it normally, or restore it' \
  "$T/out.txt" || fail "plain: $(cat "$T/out.txt")"
grep -q '^iPhone99,1 (unknown model' "$T/out.txt" || fail "plain: $(cat "$T/out.txt")"

# --watch: one JSON object per line per event, until interrupted.
"$RB_BIN/rescuebay" devices --watch --json > "$T/watch.jsonl" &
W=$!
wait_lines "$T/watch.jsonl" '"event":"added"' 4 "watch: the four bays added"
ctl detach iphone8
wait_lines "$T/watch.jsonl" '"event":"changed".*"connected":false' 1 "watch: the unplug"
kill -INT $W
wait $W || fail "devices --watch exited $? after Ctrl-C"
grep -q '"event":"added"' "$T/watch.jsonl" || fail "watch: $(cat "$T/watch.jsonl")"
grep -q '"event":"changed".*"connected":false' "$T/watch.jsonl" || fail "watch: $(cat "$T/watch.jsonl")"
echo "devices_json: ok (with usbmuxd)"

# No usbmuxd at all: an empty list, a hint on stderr, and a prompt exit (libusbmuxd 2.0.2
# would spin forever on exit without the engine's keeper subscription).
USBMUXD_SOCKET_ADDRESS="UNIX:$T/absent.sock" timeout 20 "$RB_BIN/rescuebay" devices > "$T/none.txt" 2> "$T/none.err" \
  || fail "devices without usbmuxd exited $?"
grep -q 'usbmuxd is not running' "$T/none.err" || fail "no usbmuxd hint: $(cat "$T/none.err")"
echo "devices_json (no usbmuxd): ok"
