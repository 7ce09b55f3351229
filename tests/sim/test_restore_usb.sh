# Faults before restore mode (uploads in recovery mode, signing) and a USB interface held by
# another process: idevicerestore 1.0.0's exit codes, and where the device ends up.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
. "$RB_SOURCE_DIR/tests/sim/restore_lib.sh"
start_sim u restore-ipod7
make_ipsw fw iPod9,1 13.4 17E255

fault_run "unplugged during the iBEC upload" ibec replug 254
fault_run "unplugged during the ramdisk upload" ramdisk replug 254
fault_run "unplugged during the kernel upload" kernel replug 254
fault_run "signing server refuses" tss refuse 255
grep -q "TSS request failed\|Unable to get SHSH" "$T/tss-refuse.out" "$T/tss-refuse.err" ||
    fail "no signing failure message"

# the tool stops once the device is in restore mode (-z): the ramdisk gives up on its host
# and the device reboots into recovery, ready for the next run
ctl reset ipod7 >/dev/null
wait_dev "device ready" ipod7 '"mode":"recovery","attached":true,"rebooting":false'
run_restore z 60 -e -z "$T/fw.ipsw"
expect_restore "idevicerestore -z: stops in restore mode" z 0
grep -q "Device is now in restore mode" "$T/z.out" || fail "no restore-mode line"
wait_dev "abandoned in restore mode: back to recovery" ipod7 \
    '"mode":"recovery","attached":true,"rebooting":false.*"last_restore":"failed: host went away before the restore started"'

# another process holding the recovery-mode device's USB interface (a watcher that forgot
# to let go) breaks the restore, as on a real USB bus; once it lets go, it is free again
ctl reset ipod7 >/dev/null
wait_dev "device ready" ipod7 '"mode":"recovery","attached":true,"rebooting":false'
mkfifo "$T/hold"
env $("$SIM" env --listen "$USBMUXD_SOCKET_ADDRESS") irecovery -s <"$T/hold" >/dev/null 2>&1 &
HOLDER=$!
PIDS="$PIDS $HOLDER" # killed on exit whatever happens (at EOF irecovery -s spins forever)
exec 3>"$T/hold"
wait_dev "irecovery -s holds the interface" ipod7 '"usb_claims":[1-9]'
run_restore busy 30 -e "$T/fw.ipsw"
expect_restore "restore while another process holds the device fails" busy 255
echo /exit >&3
exec 3>&-
wait $HOLDER 2>/dev/null || true
wait_dev "the holder lets go: the interface is free" ipod7 '"usb_claims":0'
alive u
