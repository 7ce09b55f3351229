# Faults during a restore give idevicerestore 1.0.0's documented exit codes and messages,
# and the device ends where a real one would (recovery after a failure).
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
. "$RB_SOURCE_DIR/tests/sim/restore_lib.sh"
start_sim f restore-ipod7
make_ipsw fw iPod9,1 13.4 17E255

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
fault_run "unplugged after the final status: restored anyway" final replug 0 normal
expect "... with the new system" '"build":"17E255"' ctl list
alive f
