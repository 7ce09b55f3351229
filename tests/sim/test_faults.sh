# Malformed input and a misbehaving device never take the sim down.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
start_sim f iphone11-paired

"$TESTS_BIN/sim_garbage" "$USBMUXD_SOCKET_ADDRESS" || fail "sim_garbage"
alive f
ok "sim survives random bytes, lying lengths, wrong types, junk on lockdown"
expect "still lists the device" "^00008030-001A2B3C4D5E6F70" idevice_id -l

expect "ctl garbage" "^ok\$" ctl garbage iphone11
expect "a malformed answer is a plist error for the client" "PropertyList error" \
    ideviceinfo -k ProductType
expect "the next request works" "^iPhone12,1\$" ideviceinfo -k ProductType
expect "ctl drop" "^ok\$" ctl drop iphone11
expect "a hang-up mid-message is an error for the client" "Could not connect to lockdownd" \
    ideviceinfo -k ProductType
alive f
expect "the next request works again" "^iPhone12,1\$" ideviceinfo -k ProductType
expect "ctl slow" "^ok\$" ctl slow iphone11 150
expect "a slow device still answers" "^F2LXK0FAKE01\$" ideviceinfo -k SerialNumber
# The answer is held back far longer than the wait below can take, so the unplug lands
# while the request is open on the sim (its lockdown link counted), not before it.
ctl slow iphone11 10000 >/dev/null
ideviceinfo -s -k ProductType >"$T/unplugged.out" 2>&1 &
_reader=$!
client_connected() { [ "$(sim_field iphone11 connections)" -ge 1 ]; }
wait_until "the client's lockdown link is open" client_connected
ctl detach iphone11 >/dev/null
wait $_reader || true
expect_not "unplugging mid-request hangs up the client's connection" "iPhone12,1" cat "$T/unplugged.out"
ctl slow iphone11 0 >/dev/null
ctl attach iphone11 >/dev/null
expect "plugged in again, it answers" "^iPhone12,1\$" ideviceinfo -s -k ProductType

expect_rc "ctl: unknown device exits 1" 1 ctl detach no-such-device
expect_rc "ctl: unknown command exits 1" 1 ctl frobnicate iphone11
expect_rc "ctl: bad mode exits 1" 1 ctl reboot iphone11 sideways
expect_rc "ctl: no sim exits 1" 1 "$SIM" ctl --listen "UNIX:$T/nothing.sock" list
printf '[device x]\nmode = sideways\n' >"$T/bad.scenario"
expect "a bad scenario names the line" "bad.scenario:2" \
    "$SIM" --listen "UNIX:$T/bad.sock" --scenario "$T/bad.scenario"
expect_rc "a missing scenario exits 1" 1 "$SIM" --listen "UNIX:$T/m.sock" --scenario "$T/none"
alive f
