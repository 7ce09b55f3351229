# Debian's real idevicerestore restores the simulated iPod touch 7 from recovery mode:
# an erase (comes back unactivated, untrusted, new system) and an update (keeps pairing).
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
. "$RB_SOURCE_DIR/tests/sim/restore_lib.sh"
UDID=00008010-0000001A2B3C4D5E
start_sim r restore-ipod7

expect_rc "ipsw: a model libirecovery does not know is refused" 1 \
    "$SIM" ipsw "$T/x.ipsw" --product iPhone99,1 --version 1 --build 1A1
expect "... with a clear message" "not a model the installed libirecovery knows" \
    "$SIM" ipsw "$T/x.ipsw" --product iPhone99,1 --version 1 --build 1A1
expect_rc "ipsw: a version with spaces or quotes is refused" 2 \
    "$SIM" ipsw "$T/x.ipsw" --product iPod9,1 --version "13.4 behavior=Update" --build 1A1
[ ! -e "$T/x.ipsw" ] || fail "a refused ipsw left a file behind"
make_ipsw erase iPod9,1 13.4 17E255
expect "env exposes the signing proxy" "^http_proxy=http://127.0.0.1:[0-9]" "$SIM" env
expect "... and keeps loopback direct" "^no_proxy=localhost,127.0.0.1" "$SIM" env

run_restore erase 60 -e "$T/erase.ipsw"
expect_restore "erase from recovery mode" erase 0
grep -q "^DONE" "$T/erase.out" || fail "no DONE line"
grep -q "Sending TSS request attempt 1... response successfully received" "$T/erase.out" ||
    fail "signing took more than one try: $(grep attempt "$T/erase.out")"
! grep -q "ERROR" "$T/erase.err" || fail "errors on stderr: $(cat "$T/erase.err")"
ok "signed by the sim's TSS at the first try, nothing on stderr"
wait_dev "erased device boots to normal mode with the IPSW's system" ipod7 \
    '"mode":"normal","attached":true,"rebooting":false.*"ios":"13.4","build":"17E255","activation":"Unactivated"[^}]*"last_restore":"done"'
expect "ideviceinfo: new ProductVersion" "^13.4$" ideviceinfo -s -u $UDID -k ProductVersion
expect "ideviceinfo: new BuildVersion" "^17E255$" ideviceinfo -s -u $UDID -k BuildVersion
expect "erase forgot every computer" '"name":"ipod7"[^}]*"paired_hosts":0' ctl list
expect "lockdown wants a new Trust" "Pairing dialog response pending" ideviceinfo -u $UDID -k ActivationState
eventually "Trust again" "SUCCESS" idevicepair -u $UDID pair
expect "ideviceinfo: ActivationState Unactivated" "^Unactivated$" ideviceinfo -u $UDID -k ActivationState

ctl reset ipod7 >/dev/null
wait_dev "reset: back in recovery with its old system" ipod7 '"mode":"recovery".*"ios":"12.4.1"'
make_ipsw update iPod9,1 13.5 17F75 --update
run_restore update 60 "$T/update.ipsw"
expect_restore "update from recovery mode" update 0
grep -q "Customer Upgrade Install" "$T/update.out" || fail "the tool did not pick the Update identity"
wait_dev "updated device boots with the new system, still activated and trusted" ipod7 \
    '"mode":"normal","attached":true,"rebooting":false,"device_id":[0-9]*,.*"paired_hosts":1.*"ios":"13.5","build":"17F75","activation":"Activated"'
expect "update kept the pairing: a session still works" "^Activated$" \
    ideviceinfo -u $UDID -k ActivationState
alive r
