# Hotplug seen by the real libraries' event APIs: plug/unplug, and one ECID followed
# normal -> recovery -> DFU -> normal.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
BAY1=00008030-001A2B3C4D5E6F70
BAY2=4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4
start_sim hp three-bays
"$TESTS_BIN/sim_events" >"$T/events.txt" 2>&1 &
PIDS="$PIDS $!"
events() { tr '\n' '|' <"$T/events.txt"; }

eventually "initial devices reported" "usbmuxd ADD $BAY2" events
eventually "recovery-mode bay3 reported by libirecovery" "irecv ADD 0x0000123456789ABC recovery" events
ctl detach bay2 >/dev/null
eventually "detach -> REMOVE" "usbmuxd REMOVE $BAY2" events
ctl attach bay2 >/dev/null
eventually "attach -> ADD again" "REMOVE $BAY2|usbmuxd ADD $BAY2" events
ctl detach bay3 >/dev/null
eventually "unplug a recovery device -> irecv REMOVE" "irecv REMOVE 0x0000123456789ABC" events

ideviceenterrecovery $BAY1 >/dev/null
eventually "enter recovery: leaves usbmuxd" "usbmuxd REMOVE $BAY1" events
eventually "enter recovery: same ECID in recovery" "irecv ADD 0x001A2B3C4D5E6F70 recovery" events
ctl reboot bay1 dfu >/dev/null
eventually "same ECID in DFU" "irecv ADD 0x001A2B3C4D5E6F70 dfu" events
ctl reboot bay1 normal >/dev/null
eventually "same device back in normal mode" "dfu|.*usbmuxd ADD $BAY1" events
expect "and lockdown agrees on the ECID" "^$(printf %d 0x001A2B3C4D5E6F70)\$" \
    ideviceinfo -s -u $BAY1 -k UniqueChipID
adds() { grep -c "usbmuxd ADD $BAY1" "$T/events.txt" || true; }
expect "two arrivals of bay1 in normal mode so far" "^2\$" adds
expect "diagnostics_relay Restart" "Restarting device" idevicediagnostics -u $BAY1 restart
eventually "Restart: the device leaves and comes back" "^3\$" adds
ctl reboot bay1 restore >/dev/null
eventually "restore mode is on usbmuxd" "^$BAY1" idevice_id -l
expect "ctl list says restore" '"name":"bay1"[^}]*"mode":"restore"' ctl list

# Debian 13's idevicerestore (2024, libirecovery 1.2) starts an uploaded iBEC with `go` sent
# as bRequest 1 (irecv_send_command_breq), then waits on the event API for the device to
# leave USB and come back in recovery mode; the first event must be the departure (an
# arrival first is "Device did not disconnect"). Debian 12's tool sends bRequest 0 (the
# restore tests).
ctl attach bay3 >/dev/null
bay3_adds() { grep -c "irecv ADD 0x0000123456789ABC" "$T/events.txt" || true; }
eventually "bay3 plugged in again" "^2\$" bay3_adds
"$SIM" ipsw "$T/fw.ipsw" --product iPad7,11 --version 17.7 --build 21H16 >/dev/null ||
    fail "rescuebay-sim ipsw failed"
python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
n = [x for x in z.namelist() if "/iBEC." in x][0]
open(sys.argv[2], "wb").write(z.read(n))' "$T/fw.ipsw" "$T/ibec.im4p"
with_fakeusb irecovery -f "$T/ibec.im4p" >/dev/null 2>&1 || fail "irecovery -f iBEC failed"
seen=$(grep -c "irecv [A-Z]* 0x0000123456789ABC" "$T/events.txt")
"$TESTS_BIN/sim_breq" 0x0000123456789ABC 1 go || fail "sim_breq go failed"
after() { grep "irecv [A-Z]* 0x0000123456789ABC" "$T/events.txt" | tail -n +$((seen + 1)) | tr '\n' '|'; }
eventually "go with bRequest 1 runs the iBEC: the device leaves, then comes back in recovery" \
    "^irecv REMOVE 0x0000123456789ABC recovery|irecv ADD 0x0000123456789ABC recovery|$" after
