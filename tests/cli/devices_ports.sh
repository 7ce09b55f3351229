#!/bin/sh
# `rescuebay devices` shows each device's physical port (label and path), in bay order:
# named ports by name, then unnamed ports by path ("1-1.9" before "1-1.10"); a phone
# replugged into another port is listed on it. Normal mode (usbmuxd LocationID + the
# sim's fake sysfs) and recovery (libusb port numbers).
. "$(dirname "$0")/devices_lib.sh"
sim_start "$IPHONE11
paired = no
port = 1-1.10
$IPHONE8
mode = normal
paired = no
port = 1-1.9
$IPAD
mode = recovery
port = 2-1"
[ -n "${RB_USB_SYSFS_ROOT:-}" ] || fail "rescuebay-sim env did not give RB_USB_SYSFS_ROOT"
mkdir -p "$RESCUEBAY_HOME"
printf 'ports.names = 2-1=1\n' > "$RESCUEBAY_HOME/rescuebay.conf"

order() { # prints "port label" per device, in the listed order
  "$RB_BIN/rescuebay" devices --json > "$T/out.json" || fail "devices --json exited $?"
  python3 -c '
import json, sys
for d in json.load(open(sys.argv[1]))["devices"]:
    print(d["port"], d["port_label"], d["location"] == d["port"], d["usb_bus"])
' "$T/out.json"
}
got=$(order)
want="2-1 1 True 2
1-1.9 None True 1
1-1.10 None True 1"
[ "$got" = "$want" ] || fail "bay order: got
$got
want
$want"

"$RB_BIN/rescuebay" devices > "$T/out.txt" || fail "devices exited $?"
grep -q "Port 1 (2-1) · ECID 0x0000123456789abc" "$T/out.txt" || fail "no named port line: $(cat "$T/out.txt")"
grep -q "Port 1-1.9 · " "$T/out.txt" || fail "no unnamed port line: $(cat "$T/out.txt")"

# Replugged: the phone is on its new port, the recovery iPad too.
ctl replug iphone8 3-2
ctl replug ipad 1-1.2
got=$(order)
want="1-1.2 None True 1
1-1.10 None True 1
3-2 None True 3"
[ "$got" = "$want" ] || fail "after replug: got
$got
want
$want"
# A name follows the port, not the phone.
printf 'ports.names = 3-2=A;1-1.2=B\n' > "$RESCUEBAY_HOME/rescuebay.conf"
got=$(order)
want="3-2 A True 3
1-1.2 B True 1
1-1.10 None True 1"
[ "$got" = "$want" ] || fail "named: got
$got
want
$want"
echo "ok"
