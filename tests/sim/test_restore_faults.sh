# Faults during a restore give idevicerestore 1.0.0's documented exit codes and messages,
# and the device ends where a real one would (recovery after a failure).
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
. "$RB_SOURCE_DIR/tests/sim/restore_lib.sh"
start_sim f restore-ipod7
make_ipsw fw iPod9,1 13.4 17E255

# fault_run DESC STEP ACTION RC [MODE]: arm the fault on a fresh device, restore, check the
# exit code and where the device comes back (default recovery).
fault_run() {
    ctl reset ipod7 >/dev/null
    wait_dev "$1: device ready" ipod7 '"mode":"recovery","attached":true,"rebooting":false'
    ctl fault ipod7 "$2" "$3" >/dev/null || fail "ctl fault $2 $3 refused"
    run_restore "$2-$3" 60 -e "$T/fw.ipsw"
    expect_restore "$1" "$2-$3" "$4"
    if [ "${5:-}" = unplugged ]; then
        wait_dev "$1: the device stays unplugged" ipod7 '"attached":false'
        return
    fi
    wait_dev "$1: the device comes back in ${5:-recovery} mode" ipod7 "\"mode\":\"${5:-recovery}\",\"attached\":true,\"rebooting\":false"
}

expect_rc "ctl fault refuses an unknown step" 1 ctl fault ipod7 nowhere unplug
expect_rc "ctl fault refuses an action the step does not have" 1 ctl fault ipod7 tss unplug
expect_rc "amr needs a number" 1 ctl fault ipod7 final amr

fault_run "AMRError 14 in the final status" final amr=14 242
expect "... recorded as a failure" '"last_restore":"failed: AMRError 14"' ctl list
grep -q "Status: Fail" "$T/final-amr=14.out" || fail "no Status: Fail line"

fault_run "ASR error, then more messages: masked, exit 0" asr error 0
grep -q "^ERROR:" "$T/asr-error.err" || fail "masked failure left no ERROR: on stderr"
grep -q "^DONE" "$T/asr-error.out" || fail "masked failure did not print DONE"
ok "... DONE on stdout but ERROR: on stderr, and the device is in recovery, not restored"

fault_run "unplugged in restore mode" restore unplug 245 unplugged
ctl attach ipod7 >/dev/null
wait_dev "plugged back in: recovery mode" ipod7 '"mode":"recovery","attached":true'
fault_run "unplugged while flashing NOR" nor replug 245
fault_run "unplugged during the iBEC upload" ibec replug 254
fault_run "unplugged during the ramdisk upload" ramdisk replug 254
fault_run "unplugged during the kernel upload" kernel replug 254
fault_run "unplugged after the final status: restored anyway" final replug 0 normal
expect "... with the new system" '"build":"17E255"' ctl list
fault_run "signing server refuses" tss refuse 255
grep -q "TSS request failed\|Unable to get SHSH" "$T/tss-refuse.out" "$T/tss-refuse.err" ||
    fail "no signing failure message"

# another process holding the recovery-mode device's USB interface (a watcher that forgot
# to let go) breaks the restore, as on a real USB bus; once it lets go, it is free again
ctl reset ipod7 >/dev/null
wait_dev "device ready" ipod7 '"mode":"recovery","attached":true,"rebooting":false'
mkfifo "$T/hold"
with_fakeusb irecovery -s <"$T/hold" >/dev/null 2>&1 &
HOLDER=$!
exec 3>"$T/hold"
wait_dev "irecovery -s holds the interface" ipod7 '"usb_claims":[1-9]'
run_restore busy 30 -e "$T/fw.ipsw"
expect_restore "restore while another process holds the device fails" busy 255
kill $HOLDER 2>/dev/null || true
wait $HOLDER 2>/dev/null || true
exec 3>&-
wait_dev "the holder's death releases the interface" ipod7 '"usb_claims":0'
alive f
