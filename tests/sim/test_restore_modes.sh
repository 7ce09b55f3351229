# restore-bays: four restores at once, one from each starting point (normal mode: the tool
# sends it to recovery through lockdown; recovery; DFU: iBSS, then iBEC, signing twice) and
# one that fails half-way (unplugged during the OS image) and succeeds when run again.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
. "$RB_SOURCE_DIR/tests/sim/restore_lib.sh"
start_sim b restore-bays
make_ipsw bay1 iPhone10,1 16.7.5 20H307
make_ipsw bay2 iPad7,5 17.7 21H16
make_ipsw bay3 iPhone11,8 17.7 21H16
make_ipsw bay4 iPhone12,1 17.7 21H16

for b in 1 2 3 4; do
    ( run_restore bay$b 90 -e -i 0x000B1A2B3C4D5E0$b "$T/bay$b.ipsw"; echo $RC >"$T/bay$b.rc" ) &
    eval "JOB$b=$!"
done
for b in 1 2 3 4; do eval "wait \$JOB$b" || true; done
for b in 1 2 3; do
    RC=$(cat "$T/bay$b.rc")
    expect_restore "bay$b: erase restore" bay$b 0
done
grep -q "Found device in Normal mode" "$T/bay1.out" || fail "bay1 did not start in normal mode"
grep -q "Entering recovery mode" "$T/bay1.out" || fail "bay1 was not sent to recovery"
grep -q "Found device in DFU mode" "$T/bay3.out" || fail "bay3 did not start in DFU mode"
RC=$(cat "$T/bay4.rc")
expect_restore "bay4: unplugged during the OS image: device vanished" bay4 245
wait_dev "bay1 back in normal mode with its new system" bay1 '"mode":"normal".*"build":"20H307","activation":"Unactivated"'
wait_dev "bay2 back in normal mode with its new system" bay2 '"mode":"normal".*"build":"21H16","activation":"Unactivated"'
wait_dev "bay3 back in normal mode with its new system" bay3 '"mode":"normal".*"build":"21H16","activation":"Unactivated"'
wait_dev "bay4 comes back in recovery mode, old system" bay4 \
    '"mode":"recovery".*"build":"20H19".*"last_restore":"failed: unplugged (asr [0-9]*%)"'
run_restore bay4b 60 -e -i 0x000B1A2B3C4D5E04 "$T/bay4.ipsw"
expect_restore "bay4: the second attempt finishes" bay4b 0
wait_dev "bay4 back in normal mode with its new system" bay4 '"mode":"normal".*"build":"21H16"'

ctl reset bay3 >/dev/null
ctl fault bay3 ibss replug >/dev/null
wait_dev "bay3 in DFU again" bay3 '"mode":"dfu"'
run_restore dfufail 60 -e -i 0x000B1A2B3C4D5E03 "$T/bay3.ipsw"
expect_restore "unplugged during the iBSS upload (DFU)" dfufail 254
wait_dev "... and it is back in DFU mode" bay3 '"mode":"dfu","attached":true'
alive b
