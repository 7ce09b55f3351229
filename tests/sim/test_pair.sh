# Pairing: the Trust prompt pending then accepted; refused; accepted after all.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
start_sim p iphone11-untrusted
"$TESTS_BIN/sim_events" >"$T/events.txt" 2>&1 &
PIDS="$PIDS $!"

expect "private values need pairing" "Could not connect to lockdownd" ideviceinfo -k SerialNumber
ctl reset iphone11 >/dev/null   # that attempt showed the prompt once; start over
expect "pair: the trust dialog is pending" "accept the trust dialog" idevicepair pair
expect "pair: accepted" "SUCCESS: Paired" idevicepair pair
eventually "Listen clients get a Paired event" "usbmuxd PAIRED 00008030-001A2B3C4D5E6F70" \
    cat "$T/events.txt"
expect "session with the library's new pair record" "^F2LXK0FAKE01\$" ideviceinfo -k SerialNumber
expect "validate" "SUCCESS: Validated" idevicepair validate
expect "ctl unpair: the device forgets this computer" "^ok\$" ctl unpair iphone11
expect "... so a session needs pairing again" "Could not connect to lockdownd" \
    ideviceinfo -k SerialNumber
expect "pair again" "SUCCESS: Paired" idevicepair pair
expect "unpair" "SUCCESS: Unpaired" idevicepair unpair

ctl reset iphone11 >/dev/null
expect "ctl trust refuse" "^ok\$" ctl trust iphone11 refuse
expect "pair: refused like a real device (UserDeniedPairing)" "denied the trust dialog" \
    idevicepair pair
expect_rc "pair: refused exits non-zero" 1 idevicepair pair
expect "ctl trust accept" "^ok\$" ctl trust 0x001A2B3C4D5E6F70 accept
expect "pair: accepted after the customer changed their mind" "SUCCESS: Paired" idevicepair pair
expect "ctl list shows the host" '"paired_hosts":1' ctl list
